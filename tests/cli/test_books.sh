# A month of the other books through the command line, November 2026
# (11-02 Mon ... 11-30 Mon, no holidays; 11-07 a Saturday): consultations
# answered on the spot, late, transferred; complaints (confidential, one
# naming a clerk, a written complex serious one answered late);
# appointments (one on a rest day); home visits (a case taken there dated
# on the visit); key people; intakes outside the hours marked 延时服务.
# The steps run in the order of their times (the ledger refuses a clock
# that goes back).  The month's figures of every book equal the numbers
# worked out by hand below; verify is ok; the CSV/TSV exports are exact and LibreOffice
# reads the CSV with its Chinese intact.
. "$(dirname "$0")/lib.sh"
# libfaketime itself rather than the faketime wrapper: the wrapper's
# semaphores, named by pid, collide with stale ones left in /dev/shm
FTLIB=$(ls /usr/lib/*/faketime/libfaketime.so.1 2>/dev/null | head -1)
if [ -n "$FTLIB" ]; then
	ft() { _t=$1; shift; env -u FAKETIME_SHARED LD_PRELOAD="$FTLIB" FAKETIME="$_t" "$@"; }
fi
# the center's own center.yaml: a home visit's case is received on the
# visit and entered on return without any clock tolerance
CFG=$T/center.yaml
cp "$(dirname "$0")/../../data/center.yaml" $CFG
at() { t=$1; shift; ft "$t" "$BIANMIN" --config "$CFG" --db "$DB" "$@"; }
bm() { ft "$CLI_NOW" "$BIANMIN" --config "$CFG" --db "$DB" "$@"; }
setup_clerks
ID=110101199003074514
as() { k=$1; p=$2; t=$3; shift 3; BIANMIN_PIN=$p at "$t" "$@" --clerk $k; }
a1() { t=$1; shift; as 1001 1234 "$t" "$@"; }
a2() { t=$1; shift; as 1002 2222 "$t" "$@"; }
sup() { t=$1; shift; as 9001 9999 "$t" "$@"; }
no() { cut -f1; }

# ---- 11-02 (Mon) ----------------------------------------------------------
c1=$(a1 '2026-11-02 10:00:00' book add consult --subject 低保怎么申请 --answer 带户口本到民政窗口 | no)
eq "$(a1 '2026-11-02 10:00:00' book list consult | cut -f3)" "answered" "c1 answered on the spot"
a1 '2026-11-02 10:00:00' book add consult --subject "$(printf 'a\033[2Jb')" 2>$T/err && die "control character accepted"
grep -q "control character" $T/err || die "control refusal: $(cat $T/err)"
# complaints (general: next working day; complex: 5), confidential
t1=$(a2 '2026-11-02 10:01:00' book add complaint --person 投诉人甲 --phone 13900000001 --window 民政 \
	--named-clerk 1001 --subject 态度生硬 | no)
eq "$(a2 '2026-11-02 10:02:00' book show $t1 | grep '^person')" "person	(confidential)" "a clerk does not see the complainant"
a1 '2026-11-02 10:02:00' book show $t1 2>/dev/null && die "the named clerk sees the complaint"
a1 '2026-11-02 10:02:00' book list complaint | grep -q "$t1" && die "the named clerk lists the complaint"
eq "$(sup '2026-11-02 10:02:00' book show $t1 | grep '^person')" "person	投诉人甲" "the supervisor sees the complainant"
p1=$(a1 '2026-11-02 10:03:00' book add people --person 赵大爷 --category old,sick --village 石桥村 --id $ID \
	--phone 13800000000 --needs 代办养老认证 --review 2027-05-01 | no)

# ---- 11-03 ------------------------------------------------------------------
c2=$(a1 '2026-11-03 10:00:00' book add consult --channel letter --person 来信人 --subject '问题,带"引号"')
eq "$c2" "QS-ZX20261103-001	recorded	2026-11-06" "c2 due 3 working days later"
c2=QS-ZX20261103-001
a2 '2026-11-03 10:01:00' book answer $t1 --answer x 2>/dev/null && die "a clerk answered a complaint"
sup '2026-11-03 10:01:00' book answer $t1 --answer 已批评教育并致歉 >/dev/null || die "answer t1"
a1 '2026-11-03 10:02:00' book add people --person 孙大娘 --category disabled --village 河口村 >/dev/null || die "p2"

# ---- 11-04 ------------------------------------------------------------------
c3=$(a1 '2026-11-04 10:00:00' book add consult --channel call --person 来电人 --subject 宅基地 | no)
out=$(a1 '2026-11-04 11:00:00' book transfer $c3 --window 规划建设) || die "transfer c3"
eq "$out" "$c3	transferred	2026-11-09" "c3 transferred, due 11-09"
a1 '2026-11-04 11:00:00' book add people --person 少年 --category young 2>/dev/null && die "category young"

# ---- 11-05 ------------------------------------------------------------------
a1 '2026-11-05 10:00:00' book answer $c2 --answer 已书面答复 >/dev/null || die "answer c2"
out=$(a2 '2026-11-05 10:01:00' book add complaint --channel written --flags complex,serious --window 社保 \
	--person 投诉人乙 --subject 多次往返 2>$T/err)
eq "$out" "QS-TS20261105-001	recorded	2026-11-12" "t2 complex: 5 working days"
grep -q "head of the center" $T/err || die "serious not flagged to the head"
# appointments (rest days allowed: 11-07 is a Saturday)
a1 '2026-11-05 10:02:00' book add appointment --item MZ-001 --person 王预约 --date 2026-11-07 --time 09:30 >/dev/null || die "a1"

# ---- 11-06: home visits are on working days ---------------------------------
a1 '2026-11-06 10:00:00' book add visit --person 赵大爷 --date 2026-11-07 2>$T/err && die "visit on a Saturday"
grep -q "not a working day" $T/err || die "visit refusal: $(cat $T/err)"
v1=$(a1 '2026-11-06 10:00:00' book add visit --ref $p1 --date 2026-11-09 --time 14:00 --went 王小梅,李强 \
	--needs 养老认证 | no)
eq "$(a1 '2026-11-06 10:00:00' book show $v1 | grep '^person')" "person	赵大爷" "the key person fills the visit"

# ---- 11-07 (Sat) -------------------------------------------------------------
eq "$(a1 '2026-11-07 08:00:00' book list --today | cut -f1)" "QS-YY20261105-001" "the day's appointments"
a1 '2026-11-07 10:00:00' book close QS-YY20261105-001 >/dev/null || die "close a1"
# 延时服务: outside 08:30-12:00, 14:00-17:30 or on a rest day
sat=$(a1 '2026-11-07 10:01:00' intake --item MZ-001 --name 周六 --id $ID --have-all --duplicate-reason 同一测试申请人 | sed -n 1p) || die "sat intake"

# ---- 11-09 ------------------------------------------------------------------
am=$(a1 '2026-11-09 10:00:00' intake --item MZ-001 --name 上午 --id $ID --have-all --duplicate-reason 同一测试申请人 | sed -n 1p) || die "am intake"
a1 '2026-11-09 12:30:00' intake --item MZ-001 --name 午间 --id $ID --have-all --duplicate-reason 同一测试申请人 >/dev/null 2>&1 || die "noon intake"

# ---- 11-10: back from the visit, its case dated on the visit -------------------
out=$(a1 '2026-11-10 09:00:00' intake --item MZ-001 --from $v1 --have-all --duplicate-reason 同一测试申请人 2>$T/err) || die "intake from visit: $(cat $T/err)"
vcase=$(echo "$out" | sed -n 1p)
case $vcase in QS-20261109-*) ;; *) die "the visit's case $vcase is not dated 11-09" ;; esac
# received (受理) on the visit, 11-09 14:00: its due date counts 20 working
# days from 11-09 (12-07; from the entry's 11-10 it would be 12-08)
eq "$(echo "$out" | sed -n 3p)" "2026-12-07" "the visit's case is due 20 working days after the visit"
a1 '2026-11-10 09:01:00' case show $vcase > $T/vc || die "show the visit's case"
grep -q "^Accepted:    2026-11-09T14:00:00+08:00$" $T/vc || die "receipt time is not the visit's: $(cat $T/vc)"
grep -q "^Clock start: 2026-11-09$" $T/vc || die "the clock does not start on the visit: $(cat $T/vc)"
grep -q "^Home visit:  $v1 (received there; entered 2026-11-10T09:00:00+08:00)$" $T/vc ||
	die "the intake event does not name the visit: $(cat $T/vc)"
# its events are stamped when it was entered, after the ledger's newest
grep -q "^  #[0-9]*  2026-11-10T09:00:00+08:00  1001  intake$" $T/vc || die "intake not stamped at entry: $(cat $T/vc)"
grep "^  #" $T/vc | grep -qv "2026-11-10T09:00:00" && die "an event of the visit's case is back-dated: $(cat $T/vc)"
# its paper says 收件 on the visit's day
a1 '2026-11-10 09:02:00' print $vcase --out - > $T/vpaper || die "print the visit's case"
grep -q "2026年11月9日" $T/vpaper || die "the visit's case paper lacks the visit's date: $(cat $T/vpaper)"
# the clock rule is untouched: a case back-dated without a visit is refused
a1 '2026-11-10 08:30:00' intake --item MZ-001 --name 倒拨 --id $ID --have-all --duplicate-reason 同一测试申请人 \
	>/dev/null 2>$T/err && die "a back-dated intake was saved"
grep -q "the clock went back" $T/err || die "back-dated intake: $(cat $T/err)"
a1 '2026-11-10 09:05:00' book close $v1 --answer 已办理 >/dev/null || die "close v1"
# a closed visit takes no more cases
a1 '2026-11-10 09:05:30' intake --item MZ-001 --from $v1 --have-all --duplicate-reason 同一测试申请人 \
	>/dev/null 2>$T/err && die "a closed visit took a case"
grep -q "is closed" $T/err || die "closed visit: $(cat $T/err)"
# nor does a visit that is not in the books
a1 '2026-11-10 09:05:40' intake --item MZ-001 --from QS-SM20261106-099 --name 无此 --id $ID --have-all \
	--duplicate-reason 同一测试申请人 >/dev/null 2>$T/err && die "an unknown visit took a case"
grep -q "QS-SM20261106-099" $T/err || die "unknown visit: $(cat $T/err)"
eq "$(a1 '2026-11-10 09:06:00' book show $v1 | grep '^case_no')" "case_no	$vcase" "visit lists its case"
a1 '2026-11-10 10:00:00' book answer $c3 --answer 规划办已答复 >/dev/null || die "answer c3"
a1 '2026-11-10 10:01:00' book add appointment --item MZ-001 --person 李预约 --date 2026-11-12 >/dev/null || die "a2"
a1 '2026-11-10 10:02:00' book add appointment --subject 咨询养老 --person 张预约 --date 2026-11-11 >/dev/null || die "a4"
# the two 登记表
a1 '2026-11-10 10:03:00' book print QS-YY20261105-001 -o - > $T/paper || die "print appointment"
grep -q "预约服务登记表" $T/paper && grep -q "王预约" $T/paper && grep -q "2026年11月7日 09:30" $T/paper ||
	die "预约服务登记表: $(cat $T/paper)"
a1 '2026-11-10 10:03:00' book print $v1 -o - > $T/paper || die "print visit"
a1 '2026-11-10 10:03:00' book print $v1 -o $T/vpaper.txt || die "print visit to a file"
cmp -s $T/paper $T/vpaper.txt || die "the visit's paper differs between stdout and a file"
a1 '2026-11-10 10:03:00' book print $v1 -o $T/vpaper.txt 2>/dev/null && die "book print wrote over a file"
a1 '2026-11-10 10:03:00' book print $v1 -o $T/vpaper.txt --force || die "book print --force"
grep -q "上门服务登记表" $T/paper && grep -q "$vcase" $T/paper && grep -q "王小梅,李强" $T/paper ||
	die "上门服务登记表: $(cat $T/paper)"
a1 '2026-11-10 10:03:00' book print $c1 -o - 2>/dev/null && die "a consultation has no paper"
# the key person's page: the visit and the case taken there
a1 '2026-11-10 10:03:00' book show $p1 > $T/p1 || die "show p1"
grep -q "^entry	$v1	visit	2026-11-09$" $T/p1 || die "key person without the visit: $(cat $T/p1)"
grep -q "^case	$vcase	" $T/p1 || die "key person without the case: $(cat $T/p1)"
a1 '2026-11-10 18:00:00' intake --item MZ-001 --name 傍晚 --id $ID --have-all --duplicate-reason 同一测试申请人 >/dev/null 2>&1 || die "evening intake"
a1 '2026-11-10 18:01:00' book list extended > $T/ext
grep -q "	$sat\$" $T/ext || die "Saturday intake not marked: $(cat $T/ext)"
grep -q "$am" $T/ext && die "a 10:00 intake marked"
grep -q "$vcase" $T/ext && die "the visit's case (14:00) marked"

# ---- 11-13 ... 11-27 ----------------------------------------------------------
a1 '2026-11-13 10:00:00' book close QS-YY20261110-001 >/dev/null || die "close a2"
sup '2026-11-13 10:01:00' book answer QS-TS20261105-001 --answer 书面答复已寄出 >/dev/null 2>&1 || die "answer t2"
# a written complaint gets a written answer: the paper went to the spool
ls $T/spool/*QS-TS20261105-001*complaint_answer* >/dev/null 2>&1 || die "no written answer in the spool: $(ls $T/spool 2>&1)"
grep -q "书面答复已寄出" $T/spool/*QS-TS20261105-001*complaint_answer* || die "the answer is not on the paper"
a2 '2026-11-16 10:00:00' book add complaint --channel phone --window 民政 --subject 排队太久 >/dev/null || die "t3"
c4=$(a1 '2026-11-20 10:00:00' book add consult --channel visit --person 来访人 --subject 医保转移 | no)
a1 '2026-11-20 10:01:00' book add appointment --item MZ-001 --person 刘预约 --date 2026-12-02 >/dev/null || die "a3"
a1 '2026-11-20 10:01:00' book add appointment --item MZ-001 --person 过去 --date 2026-11-19 2>/dev/null && die "past appointment"
v2=$(a1 '2026-11-20 10:02:00' book add visit --person 孙大娘 --date 2026-11-23 | no) || die "v2"
# a visit that has not come yet takes no case
a1 '2026-11-20 10:03:00' intake --item MZ-001 --from $v2 --id $ID --have-all --duplicate-reason 同一测试申请人 \
	>/dev/null 2>$T/err && die "a future visit took a case"
grep -q "has not come yet" $T/err || die "future visit: $(cat $T/err)"
v3=$(a1 '2026-11-20 10:04:00' book add visit --person 孙大娘 --date 2026-11-27 --time 10:00 | no) || die "v3"
# 督办: open past due, on 11-26 only c4 (due 11-25)
eq "$(a1 '2026-11-26 10:00:00' book list consult --supervise | cut -f1)" "$c4" "督办 list"
c5=$(a1 '2026-11-27 10:00:00' book add consult --subject 社保卡 --answer 社保窗口办理 | no)
a1 '2026-11-27 10:05:00' book close $c5 >/dev/null || die "close c5"
a1 '2026-11-27 10:06:00' book close $c5 2>/dev/null && die "closed twice"
a1 '2026-12-01 08:00:00' book add consult --subject 十二月的 >/dev/null || die "december consult"
# nor one more than 5 working days back (11-23 -> 12-01 is 6)
a1 '2026-12-01 08:01:00' intake --item MZ-001 --from $v2 --id $ID --have-all --duplicate-reason 同一测试申请人 \
	>/dev/null 2>$T/err && die "a visit of 6 working days ago took a case"
grep -q "more than 5 working days ago" $T/err || die "old visit: $(cat $T/err)"

# ---- the month, worked out by hand ---------------------------------------
#              received answered transferred closed late
# consult      5 (c1-c5) 4 (c1,c2,c3,c5) 1 (c3) 1 (c5) 2 (c3 answered 11-10 > 11-09; c4 open, due 11-25)
# complaint    3         2 (t1,t2)       0      0      2 (t2 11-13 > 11-12; t3 open, due 11-17)
# appointment  4         0               0      2      1 (a4 open, its date 11-11 passed)
# visit        3         1 (v1's answer) 0      1      2 (v2, v3 open, 11-23 and 11-27 passed)
# people       2         0               0      0      0
# extended     3 (Sat 10:00, 12:30, 18:00) 0     0      3      0
cat > $T/want <<'EOF'
consult	5	4	1	1	2
complaint	3	2	0	0	2
appointment	4	0	0	2	1
visit	3	1	0	1	2
people	2	0	0	0	0
extended	3	0	0	3	0
serious	1
written	1
window	民政	2
window	社保	1
EOF
sup '2026-12-01 09:00:00' book figures 2026-11 --format tsv > $T/got || die "figures"
diff $T/want $T/got >&2 || die "the month's figures differ from the hand count"
# the year: 延时服务的办件量 is a yearly figure (November's 3, December's none)
eq "$(sup '2026-12-01 09:00:00' book figures 2026 --format tsv | grep '^extended')" "extended	3	0	0	3	0" "the year's 延时服务"
eq "$(sup '2026-12-01 09:00:00' book figures 2026 --format tsv | grep '^consult')" "consult	6	4	1	1	2" "the year's consultations"
sup '2026-12-01 09:00:00' report month 2026-11 > $T/report || die "report month"
grep -q "^The other books" $T/report || die "the books are not beside the cases' figures"
grep -q "^complaints by window: 民政 2 社保 1" $T/report || die "report: complaints by window"
out=$(sup '2026-12-01 09:00:00' verify) || die "verify: $out"
echo "$out" | grep -Eq '^ok [0-9a-f]{64}$' || die "verify output: $out"

# tampering with a book entry behind bianmin's back is found
cp $DB $T/tamper.db
sqlite3 $T/tamper.db "UPDATE reg_entries SET answer = '没有答复' WHERE no = '$c3'"
out=$(BIANMIN_PIN=9999 "$BIANMIN" --db $T/tamper.db verify --clerk 9001)
echo "$out" | grep -q "book entry $c3: answer is \"没有答复\" in the database" || die "tamper not found: $out"
sqlite3 $T/tamper.db "DELETE FROM reg_entries WHERE no = '$c3'" 2>/dev/null && die "an entry was deleted"
# an entry added behind bianmin's back has no event; one removed (its
# guard dropped first) is in the ledger but not in the database
cp $DB $T/tamper.db
sqlite3 $T/tamper.db "INSERT INTO reg_entries (no, book, state, opened_at, opened_day, clerk)
	VALUES ('QS-ZX20261130-099', 'consult', 'recorded', '2026-11-30T10:00:00+08:00', '2026-11-30', '1001')"
out=$(BIANMIN_PIN=9999 "$BIANMIN" --db $T/tamper.db verify --clerk 9001)
echo "$out" | grep -q "book entry QS-ZX20261130-099 has no event in the ledger" || die "added entry not found: $out"
cp $DB $T/tamper.db
sqlite3 $T/tamper.db "DROP TRIGGER reg_no_delete; DELETE FROM reg_entries WHERE no = '$c3'"
out=$(BIANMIN_PIN=9999 "$BIANMIN" --db $T/tamper.db verify --clerk 9001)
echo "$out" | grep -q "book entry $c3 is in the ledger but missing from the database" || die "deleted entry not found: $out"

# ---- exports ---------------------------------------------------------------
sup '2026-12-01 09:00:00' book export consult --month 2026-11 -o $T/consult.csv || die "export csv"
sup '2026-12-01 09:00:00' book export consult --month 2026-11 -o $T/consult.csv 2>$T/err && die "overwrote an export"
grep -q "consult.csv" $T/err || die "the refusal does not name the file: $(cat $T/err)"
cp $T/consult.csv $T/consult.keep
echo junk > $T/consult.csv
sup '2026-12-01 09:00:00' book export consult --month 2026-11 -o $T/consult.csv --force || die "export --force"
cmp -s $T/consult.csv $T/consult.keep || die "--force did not write the export"
# a link is never followed: refused, and --force replaces the link itself
echo target > $T/consult.target
ln -s $T/consult.target $T/consult.link
sup '2026-12-01 09:00:00' book export consult --month 2026-11 -o $T/consult.link 2>$T/err &&
	die "an export went through a symlink"
grep -q "symbolic link" $T/err || die "the refusal does not say it is a link: $(cat $T/err)"
sup '2026-12-01 09:00:00' book export consult --month 2026-11 -o $T/consult.link --force || die "export --force over a link"
[ "$(cat $T/consult.target)" = target ] || die "an export was written through a symlink"
[ -L $T/consult.link ] && die "--force left the link in place"
sup '2026-12-01 09:00:00' book export consult --month 2026-11 --format tsv -o $T/consult.tsv || die "export tsv"
head -c 3 $T/consult.csv | od -An -tx1 | grep -q "ef bb bf" || die "no BOM"
eq "$(tr -cd '\r' < $T/consult.csv | wc -c)" "6" "CRLF on the header and 5 rows"
grep -q '"问题,带""引号"""' $T/consult.csv || die "RFC 4180 quoting: $(cat $T/consult.csv)"
eq "$(wc -l < $T/consult.tsv)" "6" "tsv rows"
grep -q "$(printf '\t问题,带"引号"\t')" $T/consult.tsv || die "tsv value"
grep -q "十二月的" $T/consult.csv && die "December in November's export"
a2 '2026-12-01 09:00:00' book export complaint > $T/complaint-clerk.csv || die "clerk export"
grep -q "投诉人乙" $T/complaint-clerk.csv && die "a clerk's export shows a complainant"
grep -q "态度生硬" $T/complaint-clerk.csv || die "the clerk's export misses t1"

# every book as CSV, each with a Chinese value to find again
for b in complaint appointment visit people extended; do
	sup '2026-12-01 09:00:00' book export $b --month 2026-11 -o $T/$b.csv || die "export $b"
done
# LibreOffice reads every book's CSV (tools/deps.sh check installs it)
command -v soffice >/dev/null 2>&1 || die "soffice is missing (tools/deps.sh check installs libreoffice-calc)"
mkdir -p $T/lo
# CSV import: comma, double quote, UTF-8 (76), from line 1
# on the machine's own clock even when the suite runs on a faked one
env -u LD_PRELOAD -u FAKETIME HOME=$T timeout 180 soffice --headless -env:UserInstallation=file://$T/lo-profile \
	--infilter="CSV:44,34,76,1" --convert-to html --outdir $T/lo \
	$T/consult.csv $T/complaint.csv $T/appointment.csv $T/visit.csv $T/people.csv $T/extended.csv \
	>/dev/null 2>&1 || die "soffice"
for pair in consult:低保怎么申请 complaint:投诉人乙 appointment:王预约 visit:石桥村 people:孙大娘 extended:周六; do
	grep -q "${pair#*:}" $T/lo/${pair%%:*}.html || die "LibreOffice lost the Chinese of ${pair%%:*}.csv"
done
grep -q '问题,带&quot;引号&quot;' $T/lo/consult.html || die "LibreOffice split the quoted value"
grep -q '>number</td>' $T/lo/consult.html || die "the BOM is in LibreOffice's first cell"

# a visit of a month already closed (月结) takes no case: its figures are final
sup '2026-12-01 10:00:00' report month 2026-11 --close >/dev/null || die "close November"
a1 '2026-12-01 10:01:00' intake --item MZ-001 --from $v3 --id $ID --have-all --duplicate-reason 同一测试申请人 \
	>/dev/null 2>$T/err && die "a visit of a closed month took a case"
grep -q "figures are closed" $T/err || die "closed month's visit: $(cat $T/err)"
echo ok
