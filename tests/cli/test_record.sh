# The book of record (issue 11): a month at the center under a fixed clock,
# 2026-11-02 .. 2027-01-25, through the command line.  What was decided,
# promised, taken in and reported stays as it was: a second or a late
# extension is refused; a clerk cannot return a case alone (否定报备); a
# fee after 日结 goes to the next close and the closed 日结单 does not
# change; a returned 补办件's fee is voided with a paper; November's 月报,
# closed (月结), prints the same bytes after a December step touches a
# November case; due dates in 2027 count 元旦 and 春节 and say they are
# provisional; verify is ok at the end.
. "$(dirname "$0")/lib.sh"
setup_clerks
ID=110101199003074514
# k 'DATE TIME' ARGS: the clerk 1002; sv: the supervisor 9001
k() { t=$1; shift; BIANMIN_PIN=2222 at "$t" "$@" --clerk 1002; }
sv() { t=$1; shift; BIANMIN_PIN=9999 at "$t" "$@" --clerk 9001; }
approve() { BIANMIN_SUPERVISOR_PIN=9999 "$@" --supervisor 9001; }
first() { sed -n 1p; }
due() { BIANMIN_PIN=2222 bm case show "$1" --clerk 1002 | sed -n 's/^Due: *\([0-9-]*\).*/\1/p'; }
noprinttime() { grep -v '打印时间'; }

# ---- 11-02 (Mon): a 承诺件 (10 days), a 低保 (20 days), a 补办件 with a fee
c=$(k '2026-11-02 09:00:00' intake --item MZ-003 --name 张三 --id $ID --have-all | first)
a=$(k '2026-11-02 09:10:00' intake --item MZ-001 --name 王五 --id $ID --duplicate-reason 同一证件的测试 --have-all | first)
b=$(k '2026-11-02 09:20:00' intake --item HJ-005 --name 李四 --id $ID --duplicate-reason 同一证件的测试 --have 1,3 | first)
eq "$(due $c)" "2026-11-16" "c due 10 working days later"
BIANMIN_PIN=2222 bm case show $b --clerk 1002 | grep -q "receipt 2026-000001" || die "b's fee kept on the 补办件"

# ---- 延期 (行政许可法 art. 42) --------------------------------------------
# more than the item's limit (10 working days): refused, saying why
approve k '2026-11-10 10:00:00' case extend $a --days 11 --reason 需入户核查 --no-print 2>$T/err && die "11 days granted"
grep -q "at most 10 working days" $T/err || die "limit refusal: $(cat $T/err)"
# no supervisor: refused
k '2026-11-10 10:00:00' case extend $c --days 5 --reason x --no-print 2>/dev/null </dev/null && die "extension without supervisor"
out=$(approve k '2026-11-10 10:00:00' case extend $c --days 5 --reason 需县级核实 --no-print) || die "extend c"
eq "$out" "$c	in_progress	2026-11-23" "c extended 5 working days"
# a second extension: refused
approve k '2026-11-11 10:00:00' case extend $c --days 1 --reason 再次延期 --no-print 2>$T/err && die "second extension"
grep -q "already extended once" $T/err || die "second extension refusal: $(cat $T/err)"

# ---- 否定报备: a clerk's return needs the supervisor ------------------------
k '2026-11-12 10:00:00' case return $b --reason 材料不全 --no-print 2>$T/err && die "the clerk returned alone"
grep -q "否定报备" $T/err || die "return refusal: $(cat $T/err)"
eq "$(BIANMIN_PIN=2222 bm case show $b --clerk 1002 | sed -n 's/^State: *//p')" "waiting (补齐)" "b untouched"

# ---- 11-30: 日结, then a fee after it ---------------------------------------
d=$(k '2026-11-30 09:00:00' intake --item HJ-005 --name 赵六 --id $ID --duplicate-reason 同一证件的测试 --have-all | first)
# a PDF that would be refused (it exists) is said before the day closes
touch $T/day.pdf
k '2026-11-30 15:59:00' report day --close --print --pdf $T/day.pdf 2>$T/err >/dev/null && die "closed onto an existing PDF"
grep -q "already exists" $T/err || die "the existing PDF not named: $(cat $T/err)"
k '2026-11-30 15:59:30' report day 2026-11-30 2>$T/err >/dev/null
grep -q "(not closed)" $T/err || die "the day closed though its PDF was refused: $(cat $T/err)"
k '2026-11-30 16:00:00' report day --close >$T/close.txt 2>$T/err || die "close: $(cat $T/err)"
grep -q "合计（元）： *20.00" $T/close.txt || die "closed total: $(cat $T/close.txt)"
e=$(k '2026-11-30 16:30:00' intake --item HJ-005 --name 钱七 --id $ID --duplicate-reason 同一证件的测试 --have-all 2>$T/err | first) || die "late fee"
grep -q "goes to the next day's close" $T/err || die "late fee not told: $(cat $T/err)"
k '2026-11-30 17:00:00' report day 2026-11-30 >$T/close2.txt 2>/dev/null
[ "$(noprinttime <$T/close.txt)" = "$(noprinttime <$T/close2.txt)" ] || die "the closed 日结单 changed: $(diff $T/close.txt $T/close2.txt)"
k '2026-11-30 17:00:00' report day --close 2>$T/err >/dev/null && die "closed twice"
# the next day's close takes the late fee
k '2026-12-01 16:00:00' report day --close >$T/close3.txt 2>/dev/null || die "close 12-01"
grep -q "日结后收取" $T/close3.txt || die "late fee not marked: $(cat $T/close3.txt)"
grep -q "合计（元）： *20.00" $T/close3.txt || die "12-01 total: $(cat $T/close3.txt)"
# 上缴, recorded and shown
out=$(k '2026-12-01 16:30:00' report handin 2026-11-30 --amount 20.00 --to 县财政非税收入专户 --slip JK-20261130) || die "handin"
eq "$out" "2026-11-30	1002	20.00	县财政非税收入专户	JK-20261130" "handin recorded"
k '2026-12-01 16:30:00' report handin --amount 0 --to x --slip y 2>/dev/null && die "handin of 0"
k '2026-12-01 17:00:00' report day 2026-11-30 2>$T/err >$T/close4.txt
grep -q "handed in (上缴) 20.00" $T/err || die "handin on the day: $(cat $T/err)"
[ "$(noprinttime <$T/close.txt)" = "$(noprinttime <$T/close4.txt)" ] || die "the closed 日结单 changed after 上缴"

# ---- 12-01: 月结 of November, its 月报 ------------------------------------
sv '2026-11-30 18:00:00' report month 2026-11 --close 2>$T/err && die "November closed before its end"
grep -q "has not ended" $T/err || die "early close: $(cat $T/err)"
k '2026-12-01 17:30:00' report month 2026-11 --close 2>/dev/null && die "a clerk closed the month"
touch $T/nov-exists.pdf
sv '2026-12-01 17:29:00' report month 2026-11 --close --pdf $T/nov-exists.pdf 2>$T/err >/dev/null && die "month closed onto an existing PDF"
grep -q "already exists" $T/err || die "the month's existing PDF not named: $(cat $T/err)"
sv '2026-12-01 17:30:00' report month 2026-11 --close --format paper >$T/nov1.txt 2>$T/err || die "月结: $(cat $T/err)"
grep -q "closed (月结) by 9001" $T/err || die "月结 told: $(cat $T/err)"
grep -q "台账校验码" $T/nov1.txt || die "月报 anchor: $(cat $T/nov1.txt)"
# November as of its end: c overdue (due 11-23), 1 extension, fees 20 + 20
eq "$(sv '2026-12-01 17:40:00' report month 2026-11 --format tsv 2>/dev/null | awk -F'\t' '$1=="total"')" \
	"total	*	5	0	0.0%	0	1	0	0	0	0	1" "November figures"
sv '2026-12-01 17:30:00' report month 2026-11 --close 2>/dev/null >/dev/null && die "closed twice"

# ---- December steps touching November's cases -------------------------------
# a late extension: refused (overdue stays overdue)
approve k '2026-12-02 10:00:00' case extend $a --days 3 --reason 补办延期 --no-print 2>$T/err && die "late extension"
grep -q "overdue by" $T/err || die "late extension refusal: $(cat $T/err)"
k '2026-12-02 10:30:00' case complete $c --result 给予临时救助 --no-print >/dev/null || die "complete c"
# the returned 补办件: with the supervisor; its fee voided, with a paper
out=$(approve k '2026-12-03 10:00:00' case return $b --reason 逾期未补齐材料 2>$T/err) || die "return b: $(cat $T/err)"
grep -q "voided and given back (退费)" $T/err || die "refund told: $(cat $T/err)"
ls $T/spool | grep -q "^$b-fee_refund-" || die "refund paper spooled: $(ls $T/spool)"
BIANMIN_PIN=2222 bm case show $b --clerk 1002 | grep -q "2026-000001  20.00 .*(void)" || die "b's receipt void"
k '2026-12-03 10:05:00' print $b fee_refund --out - >$T/refund.txt || die "print the refund"
grep -q "退费凭证" $T/refund.txt && grep -q "20.00" $T/refund.txt && grep -q "逾期未补齐材料" $T/refund.txt ||
	die "refund paper: $(cat $T/refund.txt)"
# a fee of a closed day (d's, 11-30) given back later: a 退费 line of that later day
approve k '2026-12-03 11:00:00' case return $d --reason 申请人放弃 >/dev/null 2>&1 || die "return d"
k '2026-12-03 17:00:00' report day >$T/day3.txt 2>/dev/null
grep "$d" $T/day3.txt | grep -q "退费" && grep -q "\-20.00" $T/day3.txt || die "refund line: $(cat $T/day3.txt)"
[ "$(noprinttime <$T/close.txt)" = "$(k '2026-12-03 17:00:00' report day 2026-11-30 2>/dev/null | noprinttime)" ] ||
	die "the closed 日结单 changed after a refund"
# a control item refused at intake is on the list too
k '2026-12-03 12:00:00' intake --item GH-003 --name 郑一 --id $ID --duplicate-reason 同一证件的测试 --have-all >/dev/null || die "GH-003 at intake"
sv '2026-12-03 18:00:00' report refusals 2>/dev/null | grep -q "	不予受理	在永久基本农田上建房申请	郑一	1002	-	" ||
	die "refusal at intake not listed: $(sv '2026-12-03 18:00:00' report refusals)"
# the 否定报备 list of the day: the return, with its approver
sv '2026-12-03 18:00:00' report refusals 2>/dev/null | grep -q "	$b	退回	.*	1002	9001	逾期未补齐材料$" ||
	die "refusals list: $(sv '2026-12-03 18:00:00' report refusals)"
# November prints the same bytes
sv '2026-12-03 18:00:00' report month 2026-11 --format paper >$T/nov2.txt 2>/dev/null
cmp -s $T/nov1.txt $T/nov2.txt || die "November's 月报 changed: $(diff $T/nov1.txt $T/nov2.txt)"
# the 月报 as PDF, through the paper pipeline
sv '2026-12-03 18:00:00' report month 2026-11 --pdf $T/nov.pdf 2>/dev/null >/dev/null || die "pdf"
pdftotext $T/nov.pdf - | grep -q "便民服务中心月报" || die "月报 PDF: $(pdftotext $T/nov.pdf - | head -5)"
# CSV: UTF-8 with BOM, CRLF, RFC 4180
sv '2026-12-03 18:00:00' report month 2026-11 --csv $T/nov.csv 2>/dev/null >/dev/null || die "csv"
[ "$(head -c 3 $T/nov.csv | od -An -tx1 | tr -d ' ')" = "efbbbf" ] || die "csv BOM"
[ "$(grep -c "$(printf '\r')\$" $T/nov.csv)" = "$(wc -l <$T/nov.csv)" ] || die "csv CRLF"
grep -q "^,合计,,,5,0,0.0%,0,0,0,1,1,0,0" $T/nov.csv || die "csv total: $(cat $T/nov.csv)"
# LibreOffice reads it back cell for cell (tools/deps.sh check installs it)
command -v soffice >/dev/null 2>&1 || die "soffice is missing (tools/deps.sh check installs libreoffice-calc)"
mkdir -p $T/lo
timeout 180 soffice -env:UserInstallation=file://$T/lo/profile --headless --infilter="CSV:44,34,76,1" \
	--convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1' --outdir $T/lo $T/nov.csv >/dev/null 2>&1 ||
	die "LibreOffice could not open the CSV"
grep -q '"合计",,,5,0,0.00*%,0,0,0,1,1,0,0' $T/lo/nov.csv || die "LibreOffice read: $(cat $T/lo/nov.csv)"
# quarter and ranking from the same figures
sv '2026-12-31 18:00:00' report quarter 2026-Q4 --format tsv 2>/dev/null | grep -q "^total	\*	6	" || die "quarter: 5 in November, 1 refused at intake in December"
eq "$(sv '2026-12-31 18:00:00' report rank 2026-11 2>/dev/null | cut -f1,2 | tr '\t\n' ' ')" "1 户籍 2 民政 " "ranking"

# ---- control items: promised only when the catalog allows it ---------------
k '2026-12-03 12:30:00' intake --item GH-003 --name 孙八 --id $ID --duplicate-reason 同一证件的测试 --have-all --override promised --reason 需核实 2>$T/err &&
	die "GH-003 promised"
grep -q "does not allow" $T/err || die "control refusal: $(cat $T/err)"
out=$(k '2026-12-03 12:30:00' intake --item GH-004 --name 孙八 --id $ID --duplicate-reason 同一证件的测试 --have-all --override promised --reason 需现场核实是否在危险区内) ||
	die "GH-004 promised"
eq "$(echo "$out" | sed -n 2,3p | tr '\n' ' ')" "promised 2026-12-10 " "GH-004 as 承诺件, 5 days"

# ---- the horizon: 2027 is not in the holiday file ---------------------------
# 10 working days from 2026-12-21: 元旦 (Fri 01-01) off -> 2027-01-05
f=$(k '2026-12-21 09:00:00' intake --item MZ-003 --name 周九 --id $ID --duplicate-reason 同一证件的测试 --have-all 2>$T/err | first)
eq "$(due $f)" "2027-01-05" "due across 元旦"
grep -q "provisional (暂定)" $T/err || die "intake: not marked provisional: $(cat $T/err)"
BIANMIN_PIN=2222 bm case show $f --clerk 1002 | grep -q "^Due: *2027-01-05 (provisional, 暂定" || die "case show: not provisional"
k '2026-12-21 09:05:00' print $f --out - | grep -q "2027年1月5日（暂定）" || die "paper: not provisional"
# 20 working days from 2027-01-25: 春节 (除夕 02-05 .. 初三 02-08) off -> 02-24
g=$(k '2027-01-25 09:00:00' intake --item MZ-001 --name 吴十 --id $ID --duplicate-reason 同一证件的测试 --have-all 2>$T/err | first)
eq "$(due $g)" "2027-02-24" "due across 春节"
grep -q "provisional (暂定)" $T/err || die "2027 intake not provisional"
eq "$(bm workdays 2027-01-25 20 2>$T/err)" "2027-02-24" "workdays across 春节"
grep -q "provisional (暂定)" $T/err || die "workdays: not provisional"

out=$(BIANMIN_PIN=1234 at '2027-01-25 18:00:00' verify --clerk 1001) || die "verify: $out"
echo "$out" | grep -Eq '^ok [0-9a-f]{64}$' || die "verify output: $out"
exit 0
