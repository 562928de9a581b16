# Issue 13, point 8: the handover form checks the 工号 as it is typed: an
# unknown one is refused at that field (the cursor stays there, not in
# 理由), a known one shows the clerk's name.  80x24, both languages.
. tests/e2e/lib.sh
. tests/e2e/lang.sh
for LNG in $LANGS; do
	start_in
	key h
	wait_for "┌"
	typ 7777
	wait_for "$(tx "no clerk %s")7777"
	key Enter
	wait_for "$(tx "no clerk %s")"
	# still in the 工号 field: Backspace edits it
	key BSpace BSpace BSpace BSpace
	typ 9001
	wait_for "张建国"
	screen | grep -qF "$(tx "no clerk %s")" && fail "old refusal still shown"
	key Escape
	next_lang
done
echo ok
