# Home marks due dates: a case past its due date shows "overdue N" (working
# days) in red (reversed red when selected), one due today in yellow, one
# waiting for materials as waiting.  The cases are taken earlier with faketime.
. tests/e2e/lib.sh
e2e_setup
# a promised case (20 working days) taken 60 days before the test's day is
# overdue on it
past=$(e2e_date -60)
# (bianmin refuses a clock that went back unless a supervisor accepts it)
BIANMIN_SUPERVISOR_PIN=9999 ft "$past 09:59:00" "$BIANMIN" --db "$DB" clock accept --by 9001 \
	--reason "the test takes a case 60 days back" >/dev/null || fail "clock accept"
ft "$past 10:00:00" "$BIANMIN" --db "$DB" intake --clerk 1001 --item MZ-001 --name 过期者 \
	--id 511322198001011230 --have-all >/dev/null || fail "intake in the past"
e2e_start 80 24 C.UTF-8
login
screen | grep "过期者" | grep -q "overdue [0-9]" || fail "no 'overdue N' on the overdue case"
key Down                               # move the selection off it
n=100
until $TMUX_CMD capture-pane -e -p | grep -a "过期者" | grep -qa '31m'; do
	n=$((n - 1)); [ $n -gt 0 ] || fail "overdue case not red"; sleep 0.05
done
screen | grep "王芳" | grep -q "waiting" || fail "waiting case not marked"
# selected, the overdue cells stay red (reversed) instead of plain selection
key Up
n=100
until $TMUX_CMD capture-pane -e -p | grep -a "过期者" | grep -qaE '7m[^m]*31m[^ ]* ?overdue [0-9]'; do
	n=$((n - 1)); [ $n -gt 0 ] || fail "selected overdue case not red"; sleep 0.05
done
echo ok
