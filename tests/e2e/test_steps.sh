# The steps after intake, one key each from the case view (issue 6):
# supplement of the last missing material (clock starts), an extension
# approved on the spot by the supervisor 9001/9999, a refused step showing
# why, completion, a rating, a reprint (spool file, event), a return with
# a reason; then a handover 1001 -> 9001 acknowledged after logging in as
# 9001.  The ledger is checked with the command line and `verify`.
. tests/e2e/lib.sh
e2e_setup
export BIANMIN_TEST_FAST_PIN=1
no_of() { bm case list | awk -v k="$1" '$2 == k { print $1; exit }'; }
SUP=$(no_of supplement)
PRO=$(no_of promised)
[ -n "$SUP" ] && [ -n "$PRO" ] || fail "demo cases not found"
show() { bm case show "$1"; }

e2e_start 80 24 C.UTF-8
login
open_case() {
	key F3
	wait_for "case number, ID number"
	key C-u; typ "$1"
	wait_for "1 found"
	key Enter
	wait_for "Timeline"
}
open_case "$SUP"

# 补齐: the one missing material is offered ticked; Enter does it
key s
wait_for "Arrived now"
key Enter
wait_for "done. State: in progress" 10
show "$SUP" | grep -q "^State: *in progress" || fail "supplement: state"
show "$SUP" | grep -q "^Due: *[0-9]" || fail "supplement: no due date"

# a refused step says why (resume a case that is not paused)
key u
wait_for "not paused" 5

# 延期 with the supervisor's 工号 and PIN typed on the spot; a wrong PIN first
key e
wait_for "Supervisor PIN"
typ 5; key Enter; typ "需要现场核实"; key Enter; typ 9001; key Enter; typ 1111; key Enter
wait_for "Supervisor:" 10
typ 9999; key Enter
wait_for "done." 10
show "$SUP" | grep -q "extend" || fail "extend: no event"
grep -q "9001" "$T"/spool/"$SUP"-notice_extension-* 2>/dev/null || fail "extend: no 延期通知书 naming the approver"

# 办结, then 好差评 (2 = 满意)
key c
wait_for "Certificate no."
key Enter; typ "符合条件，准予"; key Enter; key Enter
wait_for "State: completed" 10
key r
wait_for "Rating "
key 2 Enter Enter
wait_for "done." 10
show "$SUP" | grep -q "^State: *completed" || fail "complete: state"
show "$SUP" | grep -q "rate" || fail "rate: no event"

# 补打 of the intake notice: marked, spooled, recorded
key P
wait_for "· notice_supplement"
key Space Enter
wait_for "Reprint (补打): Paper" 10
ls "$T"/spool/"$SUP"-notice_supplement-* >/dev/null 2>&1 || fail "reprint: no spool file"
show "$SUP" | grep -q "reprint" || fail "reprint: no event"
grep -q "补打" "$T"/spool/"$SUP"-notice_supplement-* || fail "reprint: paper not marked 补打"

# 补打 of the 延期通知书 says what the original said: the step's fields
# (the new due date, the approving supervisor's 工号), not only the case's
key P
wait_for "· notice_extension"
row=$(screen | grep '\[.\] ' | grep -n 'notice_extension' | cut -d: -f1)
i=1
while [ "$i" -lt "$row" ]; do key Down; i=$((i + 1)); done
key Space Enter
wait_for "(notice_extension) saved" 10
due=$(show "$SUP" | sed -n 's/^Due: *\([0-9-]*\).*/\1/p')
due_cn=$(echo "$due" | awk -F- '{ printf "%d年%d月%d日", $1, $2, $3 }')
ext=$(grep -l "补打" "$T"/spool/"$SUP"-notice_extension-* 2>/dev/null | head -1)
[ -n "$ext" ] || fail "reprint: no 延期通知书 marked 补打"
grep -q "延期后日期：.*$due_cn" "$ext" || fail "reprint: 延期通知书 lacks the new due date $due_cn"
grep -q "批准人：.*9001" "$ext" || fail "reprint: 延期通知书 lacks the approver 9001"

# 退回 with a reason (required: Enter on an empty reason is refused)
key Escape
wait_for "found"
open_case "$PRO"
key x
wait_for "Reason *"
key Enter
wait_for "required"
typ "申请人不符合条件"; key Enter
wait_for "State: returned" 10
show "$PRO" | grep -q "申请人不符合条件" || fail "return: reason not in the ledger"

# AB岗 handover of all my open cases to 9001; 9001 takes them over
key Escape; wait_for "found"; key Escape
wait_for "My open cases"
key h
wait_for "To clerk"
typ 9001; key Enter; key Enter; typ "休假"; key Enter
wait_for "Handover HO-" 10
wait_for "not yet acknowledged" 5
ls "$T"/spool/HO-*handover* >/dev/null 2>&1 || fail "handover: no 交接单"
key F9
wait_for "Clerk number"
typ 9001; key Enter; typ 9999; key Enter
wait_for "Handed to you by 1001" 10
key a
wait_for "handed to you?"
key y
wait_for "Taken over" 10
JOINT=$(no_of joint)
show "$JOINT" | grep -q "^Owner: *9001" || fail "acknowledge: owner not 9001"
bm verify >/dev/null || fail "verify"
key F10
wait_for "Quit bianmin? (y/n)"          # home asks before quitting (issue 13)
key y
wait_for "EXITED 0"
echo ok
