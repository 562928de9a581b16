# 否定报备 at the counter (issue 11): a plain clerk (1002) returning a case
# is asked for a supervisor's 工号 and PIN in the step form; without them
# the return is refused with the reason, with 9001's it is done and the
# approver is in the ledger.
. tests/e2e/lib.sh
e2e_setup
export BIANMIN_TEST_FAST_PIN=1
BIANMIN_ADMIN_PIN=1234 BIANMIN_PIN=5678 bm clerk add 1002 李强 --window 民政 --by 1001 >/dev/null 2>&1 ||
	fail "clerk add 1002"
no=$(BIANMIN_PIN=5678 bm intake --clerk 1002 --item MZ-003 --name 退回者 --id 511322198001011230 --have-all 2>/dev/null | sed -n 1p)
[ -n "$no" ] || fail "intake"
e2e_start 100 30 C.UTF-8
wait_for "Clerk number"
typ 1002; key Enter; typ 5678; key Enter
wait_for "My open cases" 10
key F3
wait_for "case number, ID number"
key C-u; typ "$no"
wait_for "1 found"
key Enter
wait_for "Timeline"
key x
wait_for "Supervisor PIN"
screen | grep -q "否定报备" || fail "the form does not say why a supervisor is asked"
typ "申请人不符合条件"; key Enter
key Enter; key Enter
wait_for "Supervisor 工号: this is required" 5
typ 9001; key Enter; typ 9999; key Enter
wait_for "State: returned" 10
details=$(sqlite3 "$DB" "SELECT details FROM events WHERE type = 'return'")
echo "$details" | grep -q 'approver\\":\\"9001' || fail "approver not in the ledger: $details"
echo ok
