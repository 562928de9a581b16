# A month at the center through the command line, 2026-09-28 .. 11-09,
# across 中秋 (09-25) and 国庆 (10-01..07 off, 10-10 a make-up Saturday):
# supplements arriving late, a site visit paused over the holiday, an
# approved extension past the statutory limit, a joint case, a forwarded
# case, a notice breach, a bad rating and its follow-up, a stale 补办件
# returned, an A/B handover; then the exact states, due dates, figures,
# and `verify` ok.
. "$(dirname "$0")/lib.sh"
setup_clerks
for c in "2001 农业 农业农村" "2002 规划 规划建设" "2003 综合 综合受理"; do
	set -- $c
	BIANMIN_ADMIN_PIN=1234 BIANMIN_PIN=3333 bm clerk add $1 $2 --window $3 --by 1001 >/dev/null || die "clerk $1"
done
ID=110101199003074514
# as CLERK PIN 'DATE TIME' ARGS...
as() { k=$1; p=$2; t=$3; shift 3; BIANMIN_PIN=$p at "$t" "$@" --clerk $k; }
a1() { t=$1; shift; as 1001 1234 "$t 10:00:00" "$@"; }
a2() { t=$1; shift; as 1002 2222 "$t 10:00:00" "$@"; }
sup() { t=$1; shift; as 9001 9999 "$t 10:00:00" "$@"; }
# row NO: "state due owner" from the ledger
row() { BIANMIN_PIN=1234 bm case list --search "$1" --format tsv --clerk 1001 | awk -F'\t' -v n="$1" '$1==n {print $3, $4, $7}'; }
first() { sed -n 1p; }

# ---- 09-28 (Mon): two 补办件, a 承诺件 ------------------------------------
c1=$(a1 2026-09-28 intake --item MZ-003 --name 张三 --id $ID --have 1,2,3 | first)   # 临时救助, 10 days, statutory 15
c5=$(a1 2026-09-28 intake --item MZ-003 --name 李四 --id $ID --duplicate-reason 同一证件的测试 --have 1,2,3 | first)
c2=$(a1 2026-09-28 intake --item MZ-001 --name 王五 --id $ID --duplicate-reason 同一证件的测试 --have-all | first)     # 低保, 20 days
eq "$(row $c1)" "waiting_materials - 1001" "c1 waits, no clock"
eq "$(row $c2)" "in_progress 2026-10-30 1001" "c2 due 20 working days later"

# ---- 09-29: site visit on c2 (现场踏勘) ------------------------------------
a1 2026-09-29 case pause $c2 --kind site_visit --reason 入户核查家庭经济状况 --no-print >/dev/null || die "pause"
eq "$(row $c2)" "paused 2026-10-30 1001" "c2 paused"

# ---- 09-30: one of c1's two missing materials -----------------------------
out=$(a1 2026-09-30 case supplement $c1 --materials 4) || die "supplement 1"
eq "$out" "$c1	waiting_materials	-" "c1 still waiting"

# ---- 10-08: a joint case and a forwarded case ------------------------------
c3=$(a1 2026-10-08 intake --item NY-002 --name 赵六 --id $ID --duplicate-reason 同一证件的测试 --have-all | first)
c4=$(a1 2026-10-08 intake --item MZ-005 --name 钱七 --id $ID --duplicate-reason 同一证件的测试 --have-all | first)
eq "$(row $c3)" "in_progress 2026-11-04 1001" "c3 joint due"
eq "$(row $c4)" "in_progress 2026-11-04 1001" "c4 forwarded due"
a1 2026-10-08 case forward $c4 --to 县民政局 >/dev/null || die "forward"
eq "$(row $c4)" "forwarded 2026-11-04 1001" "c4 forwarded"

# ---- 10-09: c1's last material: clock starts, 10 working days -> 10-22 ----
a1 2026-10-09 case complete $c2 --result x 2>$T/err && die "completed a paused case"
grep -q "resume it" $T/err || die "paused refusal: $(cat $T/err)"
out=$(a1 2026-10-09 case supplement $c1 --materials 5) || die "supplement 2"
eq "$(echo "$out" | sed -n 1p)" "$c1	in_progress	2026-10-22" "c1 clock from 补齐"
# complete, it is a 承诺件 now: its 受理通知书 with the due date is printed
echo "$out" | grep -q "承诺件受理通知书" || die "the notice of the kind it became: $out"

# ---- 10-12: c2 resumes: (09-29, 10-12] = 5 working days -> 10-30 + 5 ------
out=$(a1 2026-10-12 case resume $c2 --no-print 2>/dev/null) || die "resume"
eq "$out" "$c2	in_progress	2026-11-06" "c2 due after the pause"
# a material not on the notice: refused without a reason, a breach with one
a1 2026-10-12 case supplement $c1 --demand 村委会证明 2>/dev/null; eq $? 1 "demand without reason"
a1 2026-10-12 case supplement $c1 --demand 村委会证明 --reason 县局新规要求 >/dev/null 2>&1 || die "demand"
# the 二次告知 holds the clock until the material arrives (the same day here)
eq "$(row $c1)" "paused 2026-10-22 1001" "c1 held by the demand"
out=$(a1 2026-10-12 case resume $c1 --no-print 2>/dev/null) || die "demanded material arrived"
eq "$out" "$c1	in_progress	2026-10-22" "c1 runs again, nothing to add"

# ---- 10-13: the joint case: each window's opinion, then complete ----------
a1 2026-10-13 case complete $c3 --result 同意 2>$T/err && die "joint completed early"
grep -q "opinion of window" $T/err || die "joint refusal: $(cat $T/err)"
as 2002 3333 "2026-10-13 10:00:00" case opinion $c3 --window 农业农村 --opinion x 2>/dev/null && die "wrong window"
as 2001 3333 "2026-10-13 10:00:00" case opinion $c3 --window 农业农村 --opinion 符合一户一宅 --agree >/dev/null || die "op 1"
eq "$(BIANMIN_PIN=3333 at '2026-10-13 10:00:00' case list --waiting-on 规划建设 --clerk 2002 | cut -f1)" "$c3" "waits on 规划建设"
as 2002 3333 "2026-10-13 11:00:00" case opinion $c3 --window 规划建设 --opinion 符合村庄规划 >/dev/null || die "op 2"
as 2003 3333 "2026-10-13 11:00:00" case opinion $c3 --window 综合受理 --opinion 材料齐全 >/dev/null || die "op 3"
eq "$(BIANMIN_PIN=3333 at '2026-10-13 12:00:00' case list --waiting-on 规划建设 --clerk 2002)" "" "nothing waits"
as 1001 1234 "2026-10-13 12:00:00" case complete $c3 --approved --result 核发宅基地批准书 --certificate ZJ-2026-017 --no-print >/dev/null || die "complete joint"

# ---- 10-20: extension of c1, approved by the supervisor -------------------
a1 2026-10-20 case extend $c1 --days 8 --reason 专家意见 --supervisor 1002 2>/dev/null </dev/null; eq $? 1 "clerk cannot approve"
out=$(BIANMIN_SUPERVISOR_PIN=9999 a1 2026-10-20 case extend $c1 --days 8 --reason 需县级核实 --supervisor 9001 --no-print 2>$T/err) || die "extend"
eq "$out" "$c1	in_progress	2026-11-03" "c1 extended 8 working days"
# (10-09, 11-03] = 18 working days > statutory 15
grep -q "3 working days past the statutory limit" $T/err || die "no statutory warning: $(cat $T/err)"

# ---- 10-21: 1001 goes on leave: handover of every open case to 1002 -------
out=$(BIANMIN_PIN=1234 at '2026-10-21 16:00:00' case handover --from 1001 --to 1002 --all --reason 休假 --no-print 2>/dev/null) || die "handover"
echo "$out" | sed -n 1p | grep -q "	1001	1002	.*	4$" || die "handover of 4: $out"
eq "$(row $c1 | cut -d' ' -f3)" "1001" "still 1001's until acknowledged"
eq "$(BIANMIN_PIN=9999 at '2026-10-21 17:00:00' case list --handovers --clerk 9001 | sed -n 1p | cut -f2,3,5)" "1001	1002	4" "pending for the supervisor"
as 2001 3333 "2026-10-22 09:00:00" case acknowledge 2>/dev/null; eq $? 1 "not for 2001"
eq "$(a2 2026-10-22 case acknowledge)" "4 cases now owned by 1002" "acknowledged"
eq "$(row $c1 | cut -d' ' -f3)" "1002" "now 1002's"
eq "$(BIANMIN_PIN=9999 at '2026-10-22 10:00:00' case list --handovers --clerk 9001)" "" "nothing pending"

# ---- 10-23: the upper result of c4, the applicant told --------------------
as 2001 3333 "2026-10-23 10:00:00" case result $c4 --result x 2>/dev/null; eq $? 1 "2001 does not own c4"
a2 2026-10-23 case result $c4 --approved --result 县民政局批准孤儿基本生活保障 --no-print >/dev/null || die "result"
a2 2026-10-23 case notify $c4 --how phone --note 已电话告知 >/dev/null || die "notify"

# ---- 10-29: c1 completes in time; a bad rating opens a follow-up ----------
a2 2026-10-29 case complete $c1 --approved --result 给予临时救助1000元 --no-print >/dev/null || die "complete c1"
a2 2026-10-29 case supplement $c1 --materials 4 2>$T/err; eq $? 1 "supplement a completed case"
grep -q "cannot be supplemented" $T/err || die "completed refusal"
a2 2026-10-29 case rate $c1 --level 不满意 --note 等待时间长 >/dev/null 2>$T/err || die "rate"
grep -q "follow-up due 2026-11-05" $T/err || die "follow-up due: $(cat $T/err)"
eq "$(sup 2026-10-30 case list --followups | cut -f1,3)" "$c1	2026-11-05" "follow-up listed"
a2 2026-10-30 case followup $c1 --handling x 2>/dev/null; eq $? 1 "clerk cannot close the follow-up"
sup 2026-10-30 case followup $c1 --handling 已上门回访说明审核流程 >/dev/null || die "followup"
eq "$(sup 2026-10-30 case list --followups)" "" "follow-up closed"

# ---- 10-30 / 11-02: c5 never brought its materials: 退件 ------------------
eq "$(a2 2026-10-30 case list --stale --mine)" "" "not stale yet (20 working days)"
eq "$(a2 2026-11-02 case list --stale --mine | cut -f1,4)" "$c5	21" "stale after 21"
a2 2026-11-02 case return $c5 --non-supplement 2>/dev/null; eq $? 1 "return without reason"
a2 2026-11-02 case return $c5 --non-supplement --reason 逾期未补齐材料 --no-print 2>$T/err >/dev/null && die "return alone"
grep -q "否定报备" $T/err || die "return alone: $(cat $T/err)"
BIANMIN_SUPERVISOR_PIN=9999 a2 2026-11-02 case return $c5 --non-supplement --reason 逾期未补齐材料 --supervisor 9001 --no-print >/dev/null || die "return"
a2 2026-11-02 case complete $c5 --result x 2>$T/err; eq $? 1 "complete a returned case"
grep -q "a returned case cannot be completed" $T/err || die "returned refusal"

# ---- 11-09: c2 is overdue by one working day, completed late --------------
eq "$(a2 2026-11-06 case list --overdue-by --mine)" "" "due today is not overdue"
eq "$(a2 2026-11-09 case list --overdue-by --mine | cut -f1,3,4)" "$c2	2026-11-06	1" "c2 overdue by 1"
a2 2026-11-09 case complete $c2 --approved --result 纳入低保 --no-print >/dev/null || die "complete c2"
a2 2026-11-09 case status $ID | grep -q "Applicant: 王五 \*\*\*\*\*\*\*\*\*\*\*\*\*\*4514" || die "status by ID, masked"
a2 2026-11-09 case status $c2 | grep -q "^State: completed" || die "status by case number"

# ---- the end: states, due dates, figures, ledger --------------------------
eq "$(row $c1)" "completed 2026-11-03 1002" "c1"
eq "$(row $c2)" "completed 2026-11-06 1002" "c2"
eq "$(row $c3)" "completed 2026-11-04 1001" "c3"
eq "$(row $c4)" "completed 2026-11-04 1002" "c4"
eq "$(row $c5)" "returned - 1002" "c5"
# October: received c3 c4; completed c3 c4 c1; one breach, one bad rating;
# no refusal, no return, c1's extension
eq "$(sup 2026-11-09 report month 2026-10 --format tsv 2>/dev/null | awk -F'\t' '$1=="total"')" \
	"total	*	2	3	150.0%	0	0	1	1	0	0	1" "October figures"
eq "$(sup 2026-11-09 report month 2026-10 --format tsv 2>/dev/null | awk -F'\t' '$1=="民政" && $2=="MZ-003"' | cut -f8,9)" \
	"1	1" "breach and bad rating on MZ-003"
# November: c5 returned (approved: 否定报备), c2 completed one day late
eq "$(sup 2026-11-09 report month 2026-11 --format tsv 2>/dev/null | awk -F'\t' '$1=="total"')" \
	"total	*	0	1	0.0%	1	1	0	0	0	1	0" "November figures"
a2 2026-11-09 report month 2026-10 2>/dev/null; eq $? 1 "figures are for supervisors"
n=$(BIANMIN_PIN=1234 bm case show $c1 --clerk 1001 | grep -c '  #')
eq "$n" "13" "c1's events: intake supplement x2 and its 承诺件 notice printed, breach and its paper printed, resume, extend handover acknowledge complete rate followup"
out=$(a1 2026-11-09 verify) || die "verify: $out"
echo "$out" | grep -Eq '^ok [0-9a-f]{64}$' || die "verify output: $out"
exit 0
