#!/bin/sh
# test_agents.sh - village agents (代办员) and proxy cases (代理件): the
# register is kept by supervisors and is on the hash chain; an item whose
# catalog says proxy: false refuses a proxy; a proxy case carries the
# 授权委托书 as a material and completes only after the applicant's
# 服务意见反馈表; the agent's reply; the month's register with the
# subsidy, as CSV that LibreOffice opens with the Chinese intact.
. "$(dirname "$0")/lib.sh"
setup_clerks
export BIANMIN_CLERK=1001 BIANMIN_PIN=1234
sup() { BIANMIN_CLERK=9001 BIANMIN_PIN=9999 at "$@"; }

# a clerk may not keep the register; a supervisor may
BIANMIN_CLERK=1002 BIANMIN_PIN=2222 at '2026-11-02 09:00:00' agent add --village 青山村 --name 张小梅 \
	--id 11010519491231002X 2>$T/err && die "a clerk added an agent"
grep -q "supervisor" $T/err || die "no sentence for a clerk adding an agent: $(cat $T/err)"
line=$(sup '2026-11-02 09:00:00' agent add --village 青山村 --name 张小梅 --id 11010519491231002X --phone 13800000001) ||
	die "agent add"
eq "$(printf '%s' "$line" | cut -f1-3)" "A001	青山村	张小梅" "the new agent"
sup '2026-11-02 09:01:00' agent add --village 石桥村 --name 李大山 --id 320106199203151239 >/dev/null || die "agent 2"
sup '2026-11-02 09:02:00' agent add --village 石桥村 --name 李大山 --id 320106199203151239 2>$T/err && die "same ID twice"
sup '2026-11-02 09:03:00' agent add --village 石桥村 --name 王五 --id 12345 2>$T/err && die "bad ID accepted"
grep -q "ID number" $T/err || die "no sentence for a bad ID: $(cat $T/err)"
eq "$(bm agent list | wc -l)" 2 "agents listed"

# proxy: false refuses an agent and a private proxy, with a sentence
at '2026-11-03 09:30:00' intake --item HJ-007 --name 赵大爷 --id 511322198001011230 --have-all --agent zxm 2>$T/err &&
	die "HJ-007 took an agent"
grep -q "proxy: false" $T/err || die "no sentence for proxy: false: $(cat $T/err)"
at '2026-11-03 09:31:00' intake --item HJ-007 --name 赵大爷 --id 511322198001011230 --have-all \
	--proxy-name 赵小军 --proxy-id 320106199203151239 2>/dev/null && die "HJ-007 took a private proxy"

# an agent case by pinyin initials: the 授权委托书 is its last material
no=$(at '2026-11-03 10:00:00' intake --item MZ-005 --name 赵大爷 --id 511322198001011230 --have-all --agent zxm | head -1) ||
	die "intake by agent"
bm case show "$no" > $T/show || die "case show"
grep -q "张小梅 11010519491231002X (village agent)" $T/show || die "the case does not name the agent"
grep -q "6\. 授权委托书（个人用表） \[main\]" $T/show || die "no 授权委托书 material: $(cat $T/show)"
# a 委托书 the applicant has but the agent did not bring: a 补办件 that waits for it
no2=$(at '2026-11-03 10:05:00' intake --item MZ-005 --name 钱婆婆 --id 320106199203151239 --have 1,2,3,4,5 --has-not-brought 6 \
	--agent A002 | sed -n 2p) || die "intake without 委托书"
eq "$no2" "supplement" "a proxy case without its 委托书"

# the 转报联系单 names the agent, village and phone
at '2026-11-03 10:10:00' print "$no" transfer --out $T/transfer.txt || die "print transfer"
grep -q "转报联系单" $T/transfer.txt && grep -q "张小梅（A001）" $T/transfer.txt && grep -q "青山村" $T/transfer.txt &&
	grep -q "13800000001" $T/transfer.txt && grep -q "县民政局" $T/transfer.txt || die "transfer: $(cat $T/transfer.txt)"
at '2026-11-03 10:10:00' print "$no" poa_person --out $T/poa.txt || die "print 委托书"
grep -q "委托人（申请人）： *赵大爷" $T/poa.txt || die "委托书 not pre-filled: $(cat $T/poa.txt)"

# completes only after the feedback form
at '2026-11-03 10:20:00' case forward "$no" --no-print >/dev/null || die "forward"
at '2026-11-05 11:00:00' case result "$no" --result 批准 --approved --no-print 2>$T/err && die "completed without feedback"
grep -q "服务意见反馈表" $T/err || die "no sentence for the missing feedback: $(cat $T/err)"
at '2026-11-05 11:01:00' case feedback "$no" --satisfied --level 9 2>/dev/null && die "rating 9 accepted"
at '2026-11-05 11:01:00' case feedback "$no" --satisfied --level 1 --note 很方便 >/dev/null || die "feedback"
at '2026-11-05 11:02:00' case feedback "$no" --satisfied --level 1 2>/dev/null && die "feedback twice"
at '2026-11-05 11:03:00' case result "$no" --result 批准 --approved --no-print >/dev/null || die "result after feedback"
at '2026-11-05 11:04:00' print "$no" feedback --out $T/fb.txt || die "print feedback"
grep -q "是否满意： *满意" $T/fb.txt && grep -q "非常满意" $T/fb.txt || die "feedback form: $(cat $T/fb.txt)"

# notify tells the agent too; the agent's reply is recorded; unreplied until then
at '2026-11-05 11:10:00' case notify "$no" --how phone >/dev/null || die "notify"
bm case show "$no" | grep -q "notify" || die "notify not in the events"
eq "$(bm agent unreplied | cut -f1)" "$no" "unreplied before the reply"
at '2026-11-06 09:00:00' case reply "$no" --note 已电话告知申请人 >/dev/null || die "reply"
eq "$(bm agent unreplied)" "" "unreplied after the reply"
at '2026-11-06 09:01:00' case reply "$no" 2>/dev/null && die "reply twice"
at '2026-11-06 09:02:00' case reply "$no2" 2>/dev/null && die "reply on an open case"

# the month's register and subsidy (5.00 a completed case by default)
at '2026-11-30 17:00:00' agent register --month 2026-11 --csv $T/agents.csv --out $T/reg.txt > $T/reg || die "register"
# an existing file is not written over without --force (as every --out)
cp $T/agents.csv $T/agents.kept
at '2026-11-30 17:00:00' agent register --month 2026-11 --csv $T/agents.csv >/dev/null 2>$T/err &&
	die "register wrote over an existing CSV"
grep -q "already exists" $T/err || die "overwrite refusal: $(cat $T/err)"
at '2026-11-30 17:00:00' agent register --month 2026-11 --csv $T/agents.csv --force >/dev/null ||
	die "register --force"
cmp -s $T/agents.csv $T/agents.kept || die "the forced CSV differs from the first"
grep -q "^A001	张小梅	青山村	brought 1	completed 1	replied 1	counted 1	5.00" $T/reg || die "register A001: $(cat $T/reg)"
grep -q "^A002	李大山	石桥村	brought 1	completed 0	replied 0	counted 0	0.00" $T/reg || die "register A002: $(cat $T/reg)"
grep -q "^total: 1 counted, 5.00 yuan" $T/reg || die "register total"
grep -q "代办员代办台账及补贴统计表" $T/reg.txt && grep -q "补贴合计： *5.00元" $T/reg.txt || die "register paper: $(cat $T/reg.txt)"
# counting accepted cases instead, at another rate
sed -e 's/^agent_subsidy: .*/agent_subsidy: 6.50/' -e 's/^agent_subsidy_counts: .*/agent_subsidy_counts: accepted/' \
	"$(dirname "$0")/../../data/center.yaml" > $T/center.yaml
"$BIANMIN" --db "$DB" --config $T/center.yaml agent register --month 2026-11 | grep -q "^total: 2 counted, 13.00 yuan" ||
	die "accepted counting"
"$BIANMIN" --db "$DB" --config $T/center.yaml agent register --month 2026-12 | grep -q "^total: 0 counted, 0.00 yuan" ||
	die "an empty month"
# the CSV: BOM, CRLF on every line, quoted fields
[ "$(head -c 3 $T/agents.csv | od -An -tx1 | tr -d ' ')" = "efbbbf" ] || die "no BOM"
[ "$(tr -cd '\n' < $T/agents.csv | wc -c)" = "$(tr -cd '\r' < $T/agents.csv | wc -c)" ] || die "not CRLF"
grep -q '"2026-11","青山村","A001","张小梅","'"$no"'","赵大爷"' $T/agents.csv || die "CSV row: $(cat $T/agents.csv)"
grep -q '"合计","代办2件",.*"1件","5.00"' $T/agents.csv || die "CSV total"

# disable: no new case from that day on
sup '2026-11-30 17:10:00' agent disable A002 --reason 外出务工 >/dev/null || die "disable"
sup '2026-11-30 17:11:00' agent disable A002 2>/dev/null && die "disable twice"
at '2026-12-01 09:00:00' intake --item MZ-005 --name 钱婆婆 --id 320106199203151239 --have-all --agent A002 2>/dev/null &&
	die "a disabled agent brought a case"
eq "$(bm agent list | wc -l)" 1 "active agents after disable"
eq "$(bm agent list --all | wc -l)" 2 "every agent"

# the register is on the chain: verify replays it and sees a change behind its back
bm verify >/dev/null || die "verify"
sqlite3 "$DB" "UPDATE agents SET phone = '13999999999' WHERE code = 'A001'"
bm verify > $T/v 2>&1 && die "verify missed a changed agent"
grep -q "agent A001" $T/v || die "verify does not name the agent: $(cat $T/v)"

# LibreOffice opens the CSV with the Chinese intact: comma-separated,
# quoted, the character set left to its detection (an empty token)
command -v soffice >/dev/null || die "soffice is missing (tools/deps.sh check installs libreoffice-calc)"
HOME=$T timeout 180 soffice -env:UserInstallation=file://$T/lo --headless "--infilter=Text - txt - csv (StarCalc):44,34,,1" \
	--convert-to xlsx --outdir $T $T/agents.csv >/dev/null 2>&1 || die "soffice could not convert the CSV"
unzip -p $T/agents.xlsx xl/sharedStrings.xml > $T/strings.xml || die "no xlsx"
grep -q "<t[^>]*>月份</t>" $T/strings.xml || die "the first heading is not 月份 (BOM or encoding): $(head -c 300 $T/strings.xml)"
grep -q "张小梅" $T/strings.xml && grep -q "授权\|孤儿基本生活费申请" $T/strings.xml || die "Chinese lost in LibreOffice"
exit 0
