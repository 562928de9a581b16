# Issue 13, point 11: the terminal's cursor is where the clerk works - in
# the [x] box of the selected material, on the decision of the outcome,
# on the chosen kind of the override list - never in the bottom-right
# corner; with the F6 pop-up over the search, not in the search field
# under it (hidden).  80x24, both languages.
. tests/e2e/lib.sh
. tests/e2e/lang.sh
cur() { $TMUX_CMD display-message -p '#{cursor_x},#{cursor_y},#{cursor_flag}'; }
for LNG in $LANGS; do
	start_in
	key F2
	wait_for "$(tx "1 Applicant")"
	typ 张三; key Enter
	typ 511322198001011230; key Enter; key Enter; key Enter
	wait_for "$(tx "Find item")"
	typ mz001
	wait_for "MZ-001"
	key Enter
	wait_for "$(tx "3 Materials")"
	key Down
	sleep 0.3
	row=$(screen | grep -n "^  \[ \]" | sed -n 2p | cut -d: -f1)
	[ "$(cur)" = "3,$((row - 1)),1" ] || fail "materials cursor at $(cur), expected 3,$((row - 1)) ($LNG)"
	key a Enter
	wait_for "$(tx "Outcome: %s")"
	c=$(cur)
	[ "${c%,*}" != "79,23" ] || fail "outcome cursor in the corner ($LNG)"
	[ "${c%%,*}" = 2 ] || fail "outcome cursor at $c ($LNG)"
	key F6
	sleep 0.3
	c=$(cur)
	[ "${c%,*}" != "79,23" ] && [ "${c%%,*}" = 4 ] || fail "override list cursor at $c ($LNG)"
	key Escape Escape
	sleep 0.2
	key Escape Escape Escape
	sleep 0.2
	key y
	wait_for "$(tx "My open cases: %zu")"
	key F3
	wait_for "$(tx "Find")"
	typ 2026
	wait_for "QS-2026"
	key F6
	wait_for "┌"
	sleep 0.2
	[ "$(cur | cut -d, -f3)" = 0 ] || fail "cursor visible under the pop-up: $(cur) ($LNG)"
	next_lang
done
echo ok
