# The calendar horizon on screen (issue 11): on 2026-12-21 the holiday file
# has no 2027, so home says so, and a case due in 2027 (counted with 元旦 as
# a holiday) shows its due date as provisional (暂定) in the case view.
E2E_NOW='2026-12-21 09:30:00'
. tests/e2e/lib.sh
e2e_setup
export BIANMIN_TEST_FAST_PIN=1
no=$(bm intake --clerk 1001 --item MZ-003 --name 远期者 --id 511322198001011230 --have-all 2>/dev/null | sed -n 1p)
[ -n "$no" ] || fail "intake"
bm case show "$no" | grep -q "^Due: *2027-01-05 (provisional" || fail "due 2027-01-05, provisional: $(bm case show $no | grep Due)"
e2e_start 100 24 C.UTF-8
login
wait_for "2027 holidays are not in the holiday file" 5
key F3
wait_for "case number, ID number"
key C-u; typ "$no"
wait_for "1 found"
key Enter
wait_for "Timeline"
wait_for "The due date is provisional (暂定)" 5
echo ok
