# The figures screen (F7): a fee intake made before the UI starts shows
# as today's receipt with the total 10.00; the day is closed and the
# 日结单 is in the spool; a second close is refused; a plain clerk (1002)
# sees no month table; the supervisor 9001 sees the month by window.
. tests/e2e/lib.sh
e2e_setup
export BIANMIN_TEST_FAST_PIN=1
BIANMIN_PIN=1234 bm intake --clerk 1001 --item HJ-007 --name 张三 --id 11010519491231002X --have-all \
	>/dev/null 2>&1 || fail "fee intake"
BIANMIN_ADMIN_PIN=1234 BIANMIN_PIN=5678 bm clerk add 1002 李强 --window 民政 --by 1001 >/dev/null 2>&1 ||
	fail "clerk add 1002"

e2e_start 100 30 C.UTF-8
login
key F7
wait_for "Day close" 10
wait_for "10.00"
screen | grep -q "Total: 1 receipt, 10.00 yuan" || fail "total 10.00"
screen | grep -q "Not closed yet" || fail "not closed"
key F8
wait_for "Close today"
key y
wait_for "Day closed" 10
wait_for "Closed at"
ls "$T"/spool/*daily_close* >/dev/null 2>&1 || fail "no 日结单 in the spool: $(ls "$T"/spool 2>&1)"
key F8
wait_for "already" 5
key Escape
wait_for "My open cases"

# a plain clerk: only the day
key F9
wait_for "Clerk number"
typ 1002; key Enter; typ 5678; key Enter
wait_for "Open cases" 10
key F7
wait_for "No receipts today" 10
screen | grep -q "by window" && fail "a clerk sees the month's figures"
key Escape
wait_for "Open cases"

# the supervisor: the month table
key F9
wait_for "Clerk number"
typ 9001; key Enter; typ 9999; key Enter
wait_for "Open cases" 10
key F7
wait_for "by window" 10
screen | grep -q "Completed" || fail "month table heads"
screen | grep -q "Total " || fail "month total row"
prev=$(date -u -d "$(e2e_date | cut -c1-7)-15 -1 month" +%Y-%m)
key Left
wait_for "Month $prev" 5
key Escape
wait_for "Open cases"
key F10
wait_for "Quit bianmin? (y/n)"          # home asks before quitting (issue 13)
key y
wait_for "EXITED 0"
echo ok
