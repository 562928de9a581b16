# Issue 13, point 2: a 退回件 is not announced as accepted: the done
# screen says "Not accepted (退回件)" and names the refusal notice, never
# "Accepted" or "to bring later".  80x24, C.UTF-8 and zh_CN.UTF-8.
. tests/e2e/lib.sh
. tests/e2e/lang.sh
for LNG in $LANGS; do
	start_in
	key F2
	wait_for "$(tx "1 Applicant")"
	typ 钱七; key Enter
	typ 51132219751201456X; key Enter
	typ 13900001111; key Enter; key Enter
	wait_for "$(tx "Find item")"
	typ mz001
	wait_for "MZ-001"
	key Enter
	wait_for "$(tx "3 Materials")"
	key Enter                            # nothing brought: main materials missing
	wait_for "$(tx "Outcome: %s")"
	key F10
	NO=$(saved_no)
	[ -n "$NO" ] || fail "no case number"
	wait_for "$(tx "Not accepted (退回件): case %s")"
	screen | grep -qF "$(tx "Accepted: case %s")" && [ "$LNG" = C.UTF-8 ] && screen | grep -q "^  Accepted" && fail "announced as accepted"
	[ "$LNG" != C.UTF-8 ] && screen | grep -qF "已受理" && fail "announced as accepted ($LNG)"
	screen | grep -qE "to bring later|需以后提交" && fail "says 'to bring later'"
	screen | grep -qF "不予受理通知书" || fail "the refusal notice is not named"
	next_lang
done
echo ok
