# Issue 13, point 14: the texts - "1 receipt" (not "1 receipts"); a
# 补办件's time limit says the clock has not started (no "- 开始计时");
# the paper's spool path is shown whole, never clipped with "…", and
# "文书" is not split across lines.  80x24, both languages.
. tests/e2e/lib.sh
. tests/e2e/lang.sh
for LNG in $LANGS; do
	e2e_setup
	# one fee case: one receipt today
	at_now "$BIANMIN" --db "$DB" intake --item HJ-005 --name 孙八 --id 110101199003074119 --have-all >/dev/null \
		|| fail "fee intake"
	e2e_start 80 24 "$LNG"
	login_as
	if [ "$LNG" = C.UTF-8 ]; then
		# the figures: one receipt today (the home's day line may be under
		# a banner about next year's holidays)
		key F7
		wait_for "Total: 1 receipt,"
		key Escape
		wait_for "My open cases"
		screen | grep -q "1 receipts" && fail "'1 receipts' on home"
	fi
	# the demo's 补办件 (王芳): the time limit line
	no=$(screen | grep "王芳" | grep -o 'QS-[0-9-]*')
	[ -n "$no" ] || fail "no demo supplement case"
	i=$(screen | grep '^ QS-' | grep -n "$no" | cut -d: -f1)
	while [ "$i" -gt 1 ]; do key Down; i=$((i - 1)); done
	key Enter
	# the case view is open once its time-limit line is (the number is on
	# home too, so waiting for it would not wait for the view)
	wait_for "$(tx "Time limit: %d working days; the clock has not started.")" 10
	screen | grep -q -- "- 开始计时\|clock started -" && fail "time limit with '-' for its start ($LNG)"
	screen | grep -qF "$(tx "Time limit: %d working days; the clock has not started.")" || fail "no time limit line ($LNG)"
	key Escape
	wait_for "$(tx "My open cases: %zu")"
	# an intake: its paper's path whole
	key F2
	wait_for "$(tx "1 Applicant")"
	typ 周九; key Enter
	typ 320106194003151004; key Enter; key Enter; key Enter
	wait_for "$(tx "Find item")"
	typ sb001
	wait_for "SB-001"
	key Enter
	wait_for "$(tx "3 Materials")"
	key a Enter
	wait_for "$(tx "Outcome: %s")"
	key F10
	NO=$(saved_no)
	f=$(ls "$T"/spool/"$NO"-* | head -1)
	screen | tr -d '\n ' | grep -qF "$(printf '%s' "$f" | tr -d ' ')" || fail "spool path not shown whole ($LNG)"
	screen | grep -q "…" && fail "something clipped on the done screen ($LNG)"
	screen | grep -q "文$" && fail "文书 split ($LNG)"
	next_lang
done
echo ok
