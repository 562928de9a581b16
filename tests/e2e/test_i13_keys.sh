# Issue 13, points 4 and 5: every key of a screen can be found at 80
# columns - when the status line cannot hold them all it ends in "F1
# more…", and each help page says whether more follows; the keys a, m,
# o, w and h are in the home's help; a supervisor pressing w reads no
# command-line option.  80x24, both languages.
. tests/e2e/lib.sh
. tests/e2e/lang.sh
for LNG in $LANGS; do
	start_in
	# home has more keys than fit: the line says so, at its end
	status_line | grep -qF "F1 $(tx "%s more…" | sed 's/^ *//')" || status_line | grep -q "F1 .*…$" \
		|| fail "home status line hides keys without saying so ($LNG)"
	key F1
	wait_for "$(tx "— page %d of %d: PgDn or Down for more —" | cut -c1-6)"
	screen > "$T/help1"
	key PgDn
	sleep 0.3
	screen > "$T/help2"
	for k in "a  " "h  " "Space, m" "o  " "w  " "p  "; do
		cat "$T/help1" "$T/help2" | grep -qF "    $k" || fail "key '$k' not in the home's help ($LNG)"
	done
	key Escape
	wait_for "$(tx "My open cases: %zu")"
	key F9
	wait_for "$(tx "Clerk number")"
	typ 9001; key Enter; typ 9999; key Enter
	wait_for "$(tx "My open cases: %zu")"
	key w
	wait_for "$(tx "You have no window, so no joint cases wait on your opinion.")"
	screen | grep -q -- "--waiting-on" && fail "a command-line option on screen ($LNG)"
	next_lang
done
echo ok
