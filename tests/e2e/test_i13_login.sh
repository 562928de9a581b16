# Issue 13, points 6 and 9: a PIN typed during the "Wait N s" countdown
# after a wrong PIN is kept (Enter waits, the typing does not), the
# wrong-PIN message stays up; q on home asks before quitting.  80x24,
# both languages.
. tests/e2e/lib.sh
. tests/e2e/lang.sh
for LNG in $LANGS; do
	e2e_setup
	e2e_start 80 24 "$LNG"
	wait_for "$(tx "Clerk number")"
	typ 1001; key Enter
	typ 0000; key Enter
	wait_for "$(tx "Clerk number or PIN is wrong.")"
	key Enter                              # at once: refused, the wait is said
	typ 1234                               # typed at once, during the countdown
	sleep 2.2
	# the message is still there after the countdown
	screen | grep -qF "$(tx "Clerk number or PIN is wrong.")" \
		|| screen | grep -qF "$(tx "Wait %lld s, then press Enter again; what you typed is kept.")" \
		|| fail "the wrong-PIN message vanished ($LNG)"
	key Enter
	wait_for "$(tx "My open cases: %zu")" 10
	# q asks; n stays
	key q
	wait_for "$(tx "Quit bianmin? (y/n)")"
	key n
	wait_gone "$(tx "Quit bianmin? (y/n)")"
	screen | grep -q "EXITED" && fail "quit without asking"
	key F10
	wait_for "$(tx "Quit bianmin? (y/n)")"
	key y
	wait_for "EXITED 0"
	next_lang
done
echo ok
