# 公开查询 from search (a typed ID number, F6, p prints it), and the home's
# other lists: every overdue case (supervisor, o) and the joint cases
# waiting on my window (w); a 200x60 terminal.
. tests/e2e/lib.sh
e2e_setup
e2e_start 200 60 C.UTF-8
login
key F3
wait_for "case number, ID number"
typ 511023199007203422
wait_for "1 found"
key F6
wait_for "Status (公开查询)"
screen | grep -q "Still missing:" || fail "status: the missing material is not listed"
screen | grep -q "\*\*\*\*3422\|3422" || fail "status: no masked ID"
key p
wait_for "办件状态查询: spooled to" 10
ls "$T"/spool/*-status-* >/dev/null 2>&1 || fail "status: no paper in the spool"
key Escape
wait_gone "Status (公开查询)"
key Escape
wait_for "My open cases"
key o
wait_for "Every overdue case of the center: 0"
key o
wait_for "My open cases"
key w
wait_for "Joint cases waiting on window 民政"
key w
wait_for "My open cases"
key F10
wait_for "Quit bianmin? (y/n)"          # home asks before quitting (issue 13)
key y
wait_for "EXITED 0"
echo ok
