# The other books on the screen, on Saturday 2026-12-05 (a rest day):
# an appointment booked for today (休息日预约办) shows on the home screen;
# a walk-in question with its answer takes under ten keys and becomes a
# case carrying the person over; a complaint taken by a clerk hides the
# complainant from that clerk and the whole complaint from the clerk it
# names, while the supervisor sees both; a home visit of Friday gets its
# case on return with Friday as the receipt date; a walk-in intake on
# Saturday is marked 延时服务; verify is ok.
E2E_NOW='2026-12-03 09:00:00'   # the demo and the bookings: Thursday
. tests/e2e/lib.sh
e2e_setup
# the center's own settings, no clock tolerance: a home visit's case is
# received on the visit (Friday) and entered on return (Saturday)
sed '/^keys:/,$d' data/center.yaml > "$T/center.yaml"
E2E_ARGS="--config $T/center.yaml"
bm() { at_now "$BIANMIN" --config "$T/center.yaml" --db "$DB" "$@"; }
export BIANMIN_TEST_FAST_PIN=1
ID=110101199003074514
ID2=11010519491231002X
BIANMIN_ADMIN_PIN=1234 BIANMIN_PIN=2222 bm clerk add 1002 李强 --window 社保 --by 1001 >/dev/null 2>&1 || fail "clerk 1002"
BIANMIN_ADMIN_PIN=1234 BIANMIN_PIN=3333 bm clerk add 1003 周敏 --window 民政 --by 1001 >/dev/null 2>&1 || fail "clerk 1003"
fk() { t=$1; shift; BIANMIN_PIN=1234 ft "$t" "$BIANMIN" --config "$T/center.yaml" --db "$DB" "$@" --clerk 1001; }
fk '2026-12-03 10:00:00' book add appointment --item MZ-001 --person 王预约 --date 2026-12-05 --time 09:30 >/dev/null ||
	fail "appointment"
fk '2026-12-03 10:00:00' book add appointment --item MZ-001 --person 别的日子 --date 2026-12-07 --time 09:30 >/dev/null ||
	fail "appointment 2"
# a key person, and a visit to them (name, ID, village come from the 台账)
KP=$(fk '2026-12-03 10:00:00' book add people --person 赵大爷 --category old,sick --village 石桥村 --id $ID | cut -f1)
VISIT=$(fk '2026-12-03 10:00:00' book add visit --ref $KP --date 2026-12-04 --time 15:00 --went 王小梅 | cut -f1)
[ -n "$VISIT" ] || fail "visit"

E2E_NOW='2026-12-05 10:00:00'   # the counter runs on Saturday morning
e2e_start 100 30 C.UTF-8
login
wait_for "Appointment today 09:30: 王预约"
screen | grep -q "别的日子" && fail "another day's appointment on today's home"
# 督办 on home: Friday's visit is still open
wait_for "督办: 1 book entries past their due date"

# a walk-in question with its answer, counted from home
KEYS=0
key b
wait_for "Books: consultations"
key a
wait_for "New entry"
typ "低保怎么申请"; key Enter
typ "带户口本到民政窗口"; key Enter
typ "钱问"; key Enter
key Enter Enter
wait_for "Recorded QS-ZX20261205-001"
[ "$KEYS" -lt 10 ] || fail "a walk-in consultation took $KEYS keys"
wait_for "低保怎么申请"
# ... becomes a case, the person carried over
key c
wait_for "1 Applicant"
screen | grep -q "钱问" || fail "the person was not carried over"
# 钱问 is not 赵大爷 (one ID, one person: the duplicate check)
typ $ID2;
key Enter Enter Enter
wait_for "Find item"
typ MZ-001
wait_for "MZ-001 "
key Enter
wait_for "Decision so far"
key a Enter
wait_for "Outcome:"
key F10
CASE1=$(accepted_no)
[ -n "$CASE1" ] || fail "no case from the consultation"
wait_for "延时服务"
key Escape
wait_for "My open cases"
BIANMIN_PIN=1234 bm book show QS-ZX20261205-001 --clerk 1001 | grep -q "^case_no	$CASE1" || fail "consultation not linked to $CASE1"
BIANMIN_PIN=1234 bm book list extended --clerk 1001 | grep -q "$CASE1" || fail "Saturday intake not marked 延时服务"

# the home visit of Friday: its case on return keeps Friday's date
key b
wait_for "Books:"
key Right Right Right
wait_for "Books: home visits"
wait_for "赵大爷"
key c
wait_for "1 Applicant"
wait_for "赵大爷"
key Enter Enter
wait_for "Find item"
typ MZ-001
wait_for "MZ-001 "
key Enter
wait_for "Decision so far"
key a Enter
wait_for "Outcome:"
key F10
CASE2=$(accepted_no)
case $CASE2 in QS-20261204-*) ;; *) fail "the visit's case is $CASE2, not of 2026-12-04" ;; esac
key Escape
wait_for "My open cases"
BIANMIN_PIN=1234 bm book show $VISIT --clerk 1001 | grep -q "^case_no	$CASE2" || fail "visit not linked to $CASE2"
BIANMIN_PIN=1234 bm case show $CASE2 --clerk 1001 > $T/vc || fail "case show $CASE2"
grep -q "^Accepted:    2026-12-04T15:00:00+08:00$" $T/vc || fail "receipt time is not the visit's: $(cat $T/vc)"
# its time limit counts from Friday: 20 working days, 2027-01-01 a holiday
grep -q "^Clock start: 2026-12-04$" $T/vc || fail "the clock does not start on the visit: $(cat $T/vc)"
grep -q "^Due:         2027-01-04" $T/vc || fail "due date not counted from the visit: $(cat $T/vc)"
# the intake event names the visit and, like every event of the case, is
# stamped when the case was entered (Saturday), never back-dated
grep -q "^Home visit:  $VISIT (received there; entered 2026-12-05T10:" $T/vc || fail "no visit on the case: $(cat $T/vc)"
grep -q "^  #[0-9]*  2026-12-05T10:[0-9:]*+08:00  1001  intake$" $T/vc || fail "intake not stamped at entry: $(cat $T/vc)"
grep "^  #" $T/vc | grep -v "  2026-12-05T" && fail "an event of the visit's case is back-dated"
# the counter's case view says so too
key F3
wait_for "case number, ID number"
key C-u; typ "$CASE2"
wait_for "1 found"
key Enter
wait_for "Timeline"
wait_for "Taken on home visit $VISIT (上门服务), entered 2026-12-05 10:"
key Escape
wait_for "1 found"
key Escape
wait_for "My open cases"
# the clock rule is untouched: a case back-dated without a visit is refused
fk '2026-12-05 09:00:00' intake --item MZ-001 --name 倒拨 --id $ID2 --have-all --duplicate-reason 测试 \
	>/dev/null 2>$T/err && fail "a back-dated intake was saved"
grep -q "the clock went back" $T/err || fail "back-dated intake: $(cat $T/err)"
BIANMIN_PIN=1234 bm book list extended --clerk 1001 | grep -q "$CASE2" && fail "the visit's case (Friday 15:00) marked 延时服务"
# the key person's page shows the visit and the case taken there
key b
wait_for "Books:"
key Right Right Right Right
wait_for "Books: key people"
key Enter
wait_for "$KP"
wait_for "home visits $VISIT 2026-12-04 15:00"
wait_for "case $CASE2"
key Escape Escape
wait_for "My open cases"

# a complaint taken by clerk 1002 naming clerk 1003
key F9
wait_for "Clerk number"
typ 1002; key Enter; typ 2222; key Enter
wait_for "Open cases" 10
key b
wait_for "Books:"
key Right
wait_for "Books: complaints"
key a
wait_for "New entry"
typ "窗口人员推诿"; key Enter
typ "孙投诉"; key Enter
typ 13900000000; key Enter
typ 民政; key Enter
typ 1003; key Enter
key Enter Enter
wait_for "Recorded QS-TS20261205-001"
wait_for "窗口人员推诿"
screen | grep -q "孙投诉" && fail "the clerk sees the complainant"
screen | grep -q "(confidential)" || fail "complainant not marked confidential"
key Escape
wait_for "Open cases"
key F9
wait_for "Clerk number"
typ 1003; key Enter; typ 3333; key Enter
wait_for "Open cases" 10
key b
wait_for "Books:"
key Right
wait_for "Books: complaints"
wait_for "The book is empty"
screen | grep -q "推诿" && fail "the named clerk sees the complaint"
key Escape
wait_for "Open cases"
key F9
wait_for "Clerk number"
typ 9001; key Enter; typ 9999; key Enter
wait_for "Open cases" 10
key b
wait_for "Books:"
key Right
wait_for "孙投诉"
key Escape
wait_for "Open cases"
# the supervisor's figures: the books' month beside the cases'
key F7
wait_for "by window" 10
key End PgDn
wait_for "The other books, 2026-12"
screen | grep -q "complaints by window: 民政 1" || fail "complaints by window on the figures screen"
key Escape
bm verify | grep -q "^ok " || fail "verify: $(bm verify)"
echo ok
