# A village agent's case at the counter, on a fixed clock (faketime): the
# agent is picked by pinyin initials on the applicant step, a blank
# 授权委托书 prints (F7), an item whose catalog says proxy: false refuses
# the agent with a sentence, the case takes the 委托书 as a material and
# prints the 转报联系单; it completes only after the applicant's
# 服务意见反馈表; home lists it until the agent's reply; the supervisor's
# agents screen (F8) shows it in the month with the subsidy, and exports
# the register as CSV.
E2E_NOW='2026-11-03 10:00:00'
. tests/e2e/lib.sh
e2e_setup
export BIANMIN_TEST_FAST_PIN=1
# the demo has two village agents: A001 张小梅 (红星村), A002 李大山 (石桥村)
bm agent list | grep -q "^A001	红星村	张小梅" || fail "no demo agent A001: $(bm agent list)"
e2e_start 100 30 C.UTF-8
login

key F2
wait_for "1 Applicant"
typ "赵大爷"; key Enter
typ 511322198001011230; key Enter
typ 13900001111; key Enter
key F6
wait_for "Brought by a village agent"
wait_for "A002"
typ zxm
wait_gone "A002"
screen | grep -q "A001   张小梅" || fail "zxm does not find 张小梅"
key Enter
wait_for "Brought by village agent 张小梅"
screen | grep -qF "11010519491231002X" || fail "the agent's ID is not in the proxy field"
screen | grep -qF "代办员 A001 · 红星村" || fail "no agent hint"
key F7
wait_for "授权委托书（个人用表）"
ls "$T"/spool/*poa_person* >/dev/null 2>&1 || fail "no blank 委托书 in the spool: $(ls "$T"/spool 2>&1)"
grep -q "委托人（签字" "$T"/spool/*poa_person* || fail "the blank 委托书 is not one"
key Enter
wait_for "Find item"

# proxy: false refuses the agent
typ HJ-007
wait_for "HJ-007 "
key Enter
wait_for "cannot be applied for by a proxy"
screen | grep -q "Find item" || fail "left the item step for a proxy: false item"
for i in 1 2 3 4 5 6; do key BSpace; done
typ MZ-005
wait_for "MZ-005 "
key Enter
wait_for "Decision so far"
screen | grep -qF "授权委托书（个人用表）" || fail "the 委托书 is not a material"
key a Enter
wait_for "Outcome:"
key F10
NO=$(accepted_no)
[ -n "$NO" ] || fail "no case number"
ls "$T"/spool/"$NO"-transfer-* >/dev/null 2>&1 || fail "no 转报联系单 in the spool: $(ls "$T"/spool)"
# every paper of a case is printed through paper_issue: its print is an event
notes() { sqlite3 "$DB" "SELECT json_extract(e.details, '$.\"x.note\"') FROM events e JOIN cases c ON c.id = e.case_id WHERE c.no = '$NO' AND e.type IN ('print', 'reprint') ORDER BY e.id"; }
notes | grep -q "^transfer@" || fail "the 转报联系单 printed at intake is not a print event: $(notes)"
grep -q "张小梅（A001）" "$T"/spool/"$NO"-transfer-* && grep -q "县民政局" "$T"/spool/"$NO"-transfer-* ||
	fail "the 转报联系单 misses the agent or the office"
bm case show "$NO" > "$T/show"
grep -q "张小梅 11010519491231002X (village agent)" "$T/show" || fail "the case does not name the agent: $(cat "$T/show")"

# the case view: forward, then the result is refused until the feedback form
key F4
wait_for "Timeline"
# the case's own 授权委托书, filled in for signing
key B
wait_for "Proxy papers"
key Enter
wait_for "(poa_person) saved" 5
grep -q "委托人（申请人）： *赵大爷" "$T"/spool/"$NO"-poa_person-* && grep -q "张小梅" "$T"/spool/"$NO"-poa_person-* ||
	fail "the case's 委托书 is not filled in"
notes | grep -q "^poa_person@" || fail "the case's 委托书 is not a print event: $(notes)"
key f
wait_for "Forward to"
key Enter Enter
wait_for "done" 5
key g
wait_for "服务意见反馈表" 5
bm case show "$NO" | grep -q "^State: *forwarded" || fail "completed without the feedback form"
key b
wait_for "Satisfied"
key Enter Enter
typ "办事方便"
key Enter
wait_for "done" 5
key g
wait_for "Decision"
key Enter
typ "准予孤儿基本生活保障"
key Enter
wait_for "completed" 5
bm case show "$NO" | grep -q "^State: *completed" || fail "not completed after the feedback form"
# the pre-filled feedback form
key B
wait_for "Proxy papers"
key Space Enter
wait_for "(feedback) saved" 5
ls "$T"/spool/"$NO"-feedback-* >/dev/null 2>&1 || fail "no feedback form in the spool: $(ls "$T"/spool)"
grep -q "是否满意： *满意" "$T"/spool/"$NO"-feedback-* || fail "feedback form not pre-filled"
notes | grep -q "^feedback@" || fail "the feedback form is not a print event: $(notes)"

# home: done, the agent has not replied yet
key Escape
wait_for "My open cases"
key F5
wait_for "回复) pending: $NO"
# the agent told the applicant: the reply is recorded from the case
key F3
typ "$NO"
wait_for "赵大爷"
key Enter
wait_for "Timeline"
key y
wait_for "已告知申请人办理结果"
key Enter
wait_for "done" 5
bm case show "$NO" | grep -q "agent_reply" || fail "the reply is not an event of the case"
key Escape
key Escape
wait_for "My open cases"
key F5
sleep 0.3
screen | grep -q "回复) pending" && fail "home still lists the replied case"
key F9
wait_for "Clerk number"
typ 9001; key Enter; typ 9999; key Enter
wait_for "Open cases" 10
key F8
wait_for "Village agents"
wait_for "A001"
screen | grep "A001" | grep "张小梅" | grep -q "5.00" || fail "the agent's row has no subsidy of 5.00"
screen | grep "A001" | grep -Eq "1 +1 +1 +1 +5.00" || fail "A001: brought, done, replied, counted not 1 each"
screen | grep -q "total 5.00 yuan" || fail "no total of 5.00"
key e
wait_for "CSV for Excel"
f=$(ls "$T"/spool/agents-2026-11.csv) || fail "no CSV"
grep -q "$NO" "$f" && grep -q "张小梅" "$f" || fail "the CSV misses the case"
key p
wait_for "agent_register"
ls "$T"/spool/*agent_register* >/dev/null 2>&1 || fail "the register was not printed"
key Escape
wait_for "Open cases"
echo "ok: agents e2e ($KEYS keys)"
