# Papers from the command line: `print` needs a clerk, prints the paper
# of the case's latest step with that step's fields, records a 补打 under
# the logged-in clerk; a hanging print command is stopped and the paper
# spooled; 日结 (`report day`); `case list --overdue` by working days.
. "$(dirname "$0")/lib.sh"
setup_clerks
ID=110101199003074514
as() { k=$1; p=$2; t=$3; shift 3; BIANMIN_PIN=$p at "$t" "$@" --clerk $k; }
a1() { t=$1; shift; as 1001 1234 "$t 10:00:00" "$@"; }
a2() { t=$1; shift; as 1002 2222 "$t 10:00:00" "$@"; }

c1=$(a1 2026-11-02 intake --item MZ-003 --name 张三 --id $ID --have-all | sed -n 1p) || die "intake"
c2=$(a1 2026-11-02 intake --item HJ-005 --name 李四 --id $ID --duplicate-reason 同一证件的测试 --have-all | sed -n 1p) || die "intake fee"

# no clerk, no paper (issue 3: no command works without a valid clerk)
bm print $c1 --out - >/dev/null 2>$T/err; eq $? 2 "print without a clerk"
grep -q "who are you" $T/err || die "print asks who: $(cat $T/err)"
BIANMIN_PIN=0000 bm print $c1 --out - --clerk 1001 >/dev/null 2>&1; eq $? 1 "print with a wrong PIN"

# latest step = intake: the kind's notice as of the intake, with the
# clerk who took it in (1001), whoever prints it; the print is an event
out=$(a2 2026-11-02 print $c1 --out -) || die "print intake"
echo "$out" | grep -q "受理通知书" || die "intake paper: $out"
echo "$out" | grep -q "王小梅（工号：1001）" || die "the intake's clerk on the paper: $out"
echo "$out" | grep -q "补打" && die "the first print is no reprint"
BIANMIN_PIN=1234 bm case show $c1 --clerk 1001 | grep -E "1002 +print" >/dev/null || die "print event under 1002"

# extension: print without FORM gives the 延期通知书 with its step fields
out=$(BIANMIN_SUPERVISOR_PIN=9999 a1 2026-11-05 case extend $c1 --days 5 --reason 需县级核实 --supervisor 9001 --no-print 2>&1) || die "extend: $out"
a1 2026-11-05 print $c1 --out $T/ext.txt || die "print extension"
grep -q "延期通知书" $T/ext.txt || die "latest paper is the extension: $(cat $T/ext.txt)"
grep -q "需县级核实" $T/ext.txt || die "extension reason"
grep -q "张建国（工号：9001）" $T/ext.txt || die "approver with name: $(cat $T/ext.txt)"
grep -q "2026年11月16日" $T/ext.txt || die "old due"
grep -q "2026年11月23日" $T/ext.txt || die "new due"

# then a pause: the latest paper is the 特别程序 notice; the extension
# reprinted later still says what it said
a1 2026-11-06 case pause $c1 --kind site_visit --reason 入户核查 --no-print >/dev/null || die "pause"
out=$(a1 2026-11-06 print $c1 --out -) || die "print pause"
echo "$out" | grep -q "现场踏勘" || die "special procedure paper: $out"
echo "$out" | grep -q "入户核查" || die "special procedure reason"
out=$(a2 2026-11-09 print $c1 notice_extension --reprint --out -) || die "reprint extension"
echo "$out" | grep -q "补打" || die "reprint mark"
echo "$out" | grep -q "需县级核实" || die "reprint keeps the extension's reason: $out"
echo "$out" | grep -q "2026年11月23日" || die "reprint keeps the new due"
# the 补打 is an event under the clerk who reprinted
BIANMIN_PIN=1234 bm case show $c1 --clerk 1001 | grep -E "1002 +reprint" >/dev/null || die "reprint event under 1002: $(BIANMIN_PIN=1234 bm case show $c1 --clerk 1001 | tail -5)"
a1 2026-11-10 case resume $c1 --no-print >/dev/null || die "resume"
a1 2026-11-11 case complete $c1 --approved --result 给予临时救助 --certificate LS-7 --no-print >/dev/null || die "complete"
out=$(a1 2026-11-11 print $c1 --out -) || die "print completed"
echo "$out" | grep -q "办结通知" || die "completion paper"
echo "$out" | grep -q "给予临时救助" || die "result on the paper"
echo "$out" | grep -q "LS-7" || die "certificate on the paper"

# a print command that hangs: stopped after `timeout`, the paper spooled
cat > $T/hang.sh <<'EOF'
#!/bin/sh
sleep 30
EOF
chmod +x $T/hang.sh
sed -e '/^outputs:/,/^$/d' data/center.yaml > $T/center.yaml
printf 'outputs:\n  - form: default\n    command: %s\n    timeout: 1\n' "$T/hang.sh" >> $T/center.yaml
start=$(date +%s)
out=$(BIANMIN_PIN=1234 ft "2026-11-11 16:00:00" "$BIANMIN" --db "$DB" --config $T/center.yaml print $c2 --clerk 1001 2>$T/err) || die "hanging printer: $(cat $T/err)"
[ $(( $(date +%s) - start )) -lt 10 ] || die "the hanging printer blocked the clerk"
grep -q "did not finish within 1 seconds" $T/err || die "timeout told: $(cat $T/err)"
echo "$out" | grep -q "spooled to" || die "spooled: $out"
ls $T/spool | grep -q "^$c2-notice_promised-" || die "paper in the spool: $(ls $T/spool)"

# 日结: the day's receipts of the clerk, total in fen-exact yuan.  The
# story goes back to 11-02 after 11-11: bianmin refuses a clock that went
# back unless a supervisor accepts it (an event of the chain)
BIANMIN_SUPERVISOR_PIN=9999 ft "2026-11-02 09:00:00" "$BIANMIN" --db "$DB" clock accept --by 9001 \
	--reason "the test goes back to 11-02" >/dev/null || die "clock accept"
c3=$(a1 2026-11-02 intake --item HJ-005 --name 王五 --id $ID --duplicate-reason 同一证件的测试 --have-all | sed -n 1p) || die "intake fee 2"
out=$(a1 2026-11-02 report day 2>$T/err) || die "report day: $(cat $T/err)"
echo "$out" | grep -q "日结单" || die "daily close paper: $out"
echo "$out" | grep -q "2026-000001" || die "first receipt listed"
echo "$out" | grep -q "2026-000002" || die "second receipt listed"
echo "$out" | grep -q "$c3" || die "case listed"
grep -q "2 receipts" $T/err || die "count: $(cat $T/err)"
grep -q "not closed" $T/err || die "not closed yet"
a2 2026-11-02 report day 2026-11-02 2>$T/err | grep -q "本日无收费" || die "1002 took nothing"
a2 2026-11-02 report day --all >/dev/null 2>&1 && die "--all is for supervisors"
a1 2026-11-02 report day --close --print >$T/out 2>$T/err || die "close: $(cat $T/err)"
grep -q "(closed)" $T/err || die "closed: $(cat $T/err)"
ls $T/spool | grep -q "^DAY-2026-11-02-1001-daily_close-" || die "daily close spooled: $(ls $T/spool)"
a1 2026-11-02 report day --close >/dev/null 2>$T/err && die "closed twice"
grep -q "already closed" $T/err || die "closed twice message: $(cat $T/err)"
as 9001 9999 "2026-11-03 09:00:00" report day 2026-11-02 --all --pdf $T/day.pdf 2>/dev/null || die "pdf"
pdftotext $T/day.pdf - | grep -q "日结单" || die "pdf text"
BIANMIN_PIN=1234 bm verify --clerk 1001 >/dev/null 2>&1 || BIANMIN_PIN=1234 bm verify >/dev/null || die "verify after the close"

# --overdue counts working days after the due date, pauses excluded:
# c2 is due 2026-11-30 (Mon); on Sat 12-05 it is overdue by 5 working
# days; a case due on a Friday is not overdue on the Saturday after.
eq "$(a1 2026-11-30 case list --overdue --format tsv | tail -n +2 | cut -f1)" "" "due today is not overdue"
eq "$(a1 2026-12-01 case list --overdue --format tsv | tail -n +2 | cut -f1 | sort | tr '\n' ' ')" "$(printf '%s\n' $c2 $c3 | sort | tr '\n' ' ')" "overdue the next working day"
c4=$(a1 2026-11-03 intake --item MZ-003 --name 赵六 --id $ID --duplicate-reason 同一证件的测试 --have-all | sed -n 1p)   # 10 days: due 11-17 (Tue)
a1 2026-11-17 case pause $c4 --kind hearing --reason 听证 --no-print >/dev/null || die "pause c4"
a1 2026-12-01 case list --overdue --format tsv | cut -f1 | grep -q "^$c4$" && die "a case paused on its due day is not overdue"
exit 0
