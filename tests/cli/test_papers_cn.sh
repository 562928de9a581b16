# Applicant papers an applicant can act on (issue 12), for a scripted case
# set under C.UTF-8 and zh_CN.UTF-8 alike: entirely Chinese; a refusal
# with its reason, 复议机关 and both time limits; the one-time notice with
# 办理程序 and 领取地点; every name, number and amount whole at 32, 42, 48 and
# 80 columns and in the PDF; 人民币大写 on the receipt; a 二次告知 that
# prints its paper and holds the clock; reprints identical to the
# originals but for the 补打 line.
. "$(dirname "$0")/lib.sh"
ID=110101199003074514
PDF=0
command -v pdftotext >/dev/null 2>&1 && PDF=1

# flat FILE: the text with line ends and the next line's indent removed
flat() { sed 's/^[ 　]*//' "$1" | tr -d '\n'; }
count() { grep -o -- "$2" "$1" | wc -l; }
# whole FILE WHAT...: every WHAT that is on the paper is on one line
whole() {
	f=$1; shift
	flat "$f" > $T/flat
	for w in "$@"; do
		a=$(count "$f" "$w"); b=$(count $T/flat "$w")
		[ "$a" = "$b" ] || die "$w split across lines in $f ($a whole, $b in all):
$(cat "$f")"
	done
}
# chinese FILE: no English word (3+ letters with a lower-case one; codes
# such as MZ-003 are upper case), no label left blank
chinese() {
	if grep -nE '[A-Za-z]*[a-z][A-Za-z]*' "$1" | grep -E '[A-Za-z]{3,}' >$T/en; then
		die "English on the applicant paper $1: $(cat $T/en)"
	fi
	# a label (at most 9 characters) with nothing after it nor under it
	LC_ALL=C awk 'prev != "" && $0 !~ /^ / && $0 !~ /^\343\200\200/ { bad = 1; print prev }
	     { prev = ($0 ~ /：$/ && $0 !~ /^ / && $0 !~ /^\343\200\200/ && length($0) <= 27) ? $0 : "" }
	     END { if (prev != "") bad = 1; exit bad }' "$1" >$T/blank ||
		die "a blank field on $1: $(cat $T/blank)"
}

run_locale() {
	loc=$1
	export LC_ALL=$loc LANG=$loc
	DB=$T/$loc.db
	setup_clerks
	a1() { t=$1; shift; BIANMIN_PIN=1234 at "$t 10:00:00" "$@" --clerk 1001; }
	a2() { t=$1; shift; BIANMIN_PIN=2222 at "$t 10:00:00" "$@" --clerk 1002; }
	first() { sed -n 1p; }
	# the case set: each kind, a fee, a refusal at intake and on the merits
	cp=$(a1 2026-11-02 intake --item MZ-003 --name 欧阳娜娜 --id $ID --have-all | first) || die "promised"
	cf=$(a1 2026-11-02 intake --item HJ-005 --name 司马相如 --id $ID --duplicate-reason 测试 --have-all | first) || die "fee"
	cr=$(a1 2026-11-02 intake --item MZ-001 --name 张伟 --id $ID --duplicate-reason 测试 --have 2 | first) || die "returned"
	cs=$(a1 2026-11-02 intake --item MZ-003 --name 诸葛孔明 --id $ID --duplicate-reason 测试 --have 1,2,3 | first) || die "supplement"
	ci=$(a1 2026-11-02 intake --item SB-001 --name 上官婉儿 --id $ID --duplicate-reason 测试 --have-all | first) || die "immediate"
	cj=$(a1 2026-11-02 intake --item NY-002 --name 欧阳修文 --id $ID --duplicate-reason 测试 --have-all | first) || die "joint"
	cw=$(a1 2026-11-02 intake --item MZ-005 --name 皇甫嵩 --id $ID --duplicate-reason 测试 --have-all | first) || die "forwarded"
	cm=$(a1 2026-11-02 intake --item MZ-003 --name 慕容复 --id $ID --duplicate-reason 测试 --have-all | first) || die "merits"
	for c in $cp $cf $cr $cs $ci $cj $cw $cm; do
		a1 2026-11-02 print $c --force --out $T/$loc-$c-intake.txt || die "intake paper of $c"
	done
	a1 2026-11-02 print $cf --force receipt --out $T/$loc-receipt.txt || die "receipt"
	# steps with papers: the 补办件 complete is a 承诺件, with its notice
	out=$(a1 2026-11-03 case supplement $cs --materials 4,5 2>&1) || die "supplement: $out"
	echo "$out" | grep -q "承诺件受理通知书" || die "the notice of the kind it became: $out"
	a1 2026-11-03 print $cs --force notice_promised --out $T/$loc-became.txt 2>/dev/null || die "reprint of that notice"
	grep -Eq "承诺办结日期： *2026年11月17日" $T/$loc-became.txt || die "due from 补齐 (11-03 + 10): $(cat $T/$loc-became.txt)"
	BIANMIN_SUPERVISOR_PIN=9999 a1 2026-11-03 case extend $cp --days 3 --reason 需县级核实 --supervisor 9001 --no-print >/dev/null || die "extend"
	# (in the order of the days: the ledger refuses a clock that goes back)
	a1 2026-11-04 print $cp --force --out $T/$loc-extend.txt || die "extension paper"
	# 二次告知: recorded, the clock held, its paper printed by the step
	out=$(a1 2026-11-04 case supplement $cm --demand 村委会出具的困难情况证明 --reason 县局新规要求 2>&1) || die "demand: $out"
	echo "$out" | grep -q "	paused	" || die "the demand holds the clock: $out"
	spooled=$(ls $T/spool | grep "^$cm-notice_demand-" | sed -n 1p)
	[ -n "$spooled" ] || die "the 补充材料告知书 was printed: $(ls $T/spool)"
	cp $T/spool/$spooled $T/$loc-demand.txt
	a1 2026-11-05 case pause $cp --kind site_visit --reason 入户核查 --no-print >/dev/null || die "pause"
	a1 2026-11-05 print $cp --force --out $T/$loc-pause.txt || die "pause paper"
	a1 2026-11-06 case complete $cm --result x 2>/dev/null && die "completed while the demanded material is missing"
	a1 2026-11-06 print $cm --force status --out $T/st.txt || die "status during the demand"
	grep -q "尚需补充的材料（二次告知，材料送达前暂停计时）：村委会出具的困难情况证明" $T/st.txt || die "status names the demanded material: $(cat $T/st.txt)"
	out=$(a1 2026-11-09 case resume $cm 2>/dev/null) || die "demanded material arrived"
	echo "$out" | grep -q "	in_progress	2026-11-19" || die "due moved by the 3 held working days (11-16 + 3): $out"
	a1 2026-11-09 print $cm --force notice_demand --out $T/$loc-arrived.txt || die "arrival paper"
	a1 2026-11-10 case resume $cp --no-print >/dev/null 2>&1 || die "resume"
	a1 2026-11-10 print $cp --force --out $T/$loc-resume.txt || die "resume paper"
	a1 2026-11-10 case complete $cm --refused --result 不符合临时救助条件 --no-print >/dev/null || die "refuse on the merits"
	a1 2026-11-10 print $cm --force --out $T/$loc-refused.txt || die "refusal paper"
	a1 2026-11-10 case status $cp --print >/dev/null 2>&1 || true
	a1 2026-11-10 print $cp --force status --out $T/$loc-status.txt || die "status paper"
	# 交接单 with long names
	BIANMIN_PIN=1234 at '2026-11-11 16:00:00' case handover --from 1001 --to 1002 --all --reason 休假 --no-print >/dev/null 2>&1 || die "handover"
	BIANMIN_PIN=1234 at "2026-11-11 16:05:00" print $cj --force handover --clerk 1001 --out $T/$loc-handover.txt || die "handover paper"

	names="欧阳娜娜 司马相如 张伟 诸葛孔明 上官婉儿 欧阳修文 皇甫嵩 慕容复 王小梅 李强 张建国 **************4514 $cp $cf $cr $cs $ci $cj $cw $cm 2026-000001 20.00 人民币贰拾元整"
	for f in $T/$loc-*.txt; do
		case $f in *handover*) ;; *) chinese $f ;; esac
		whole $f $names
	done
	# every paper at 32, 48 and 80 columns, reprinted (补打) and as PDF
	for c in $cp $cf $cr $cs $ci $cj $cw $cm; do
		for form in "" receipt notice_extension notice_special notice_demand notice_completed handover status; do
			for w in 32 42 48 80; do
				a2 2026-11-12 print $c --force $form --width $w --out $T/w.txt 2>/dev/null || continue
				case $form in handover) ;; *) chinese $T/w.txt ;; esac
				whole $T/w.txt $names
			done
			if [ $PDF = 1 ] && a2 2026-11-12 print $c --force $form --pdf $T/p.pdf 2>/dev/null; then
				pdftotext $T/p.pdf $T/p.txt || die "pdftotext $c $form"
				whole $T/p.txt $names
			fi
		done
	done

	# what an applicant must read on them
	grep -q "不予受理理由" $T/$loc-$cr-intake.txt || die "refusal reason label"
	flat $T/$loc-$cr-intake.txt > $T/flat
	for w in "缺少主件材料：" "青山县人民政府申请行政复议" "六十日内" "六个月内" "青山县人民法院提起行政诉讼"; do
		grep -q -- "$w" $T/flat || die "refusal at intake lacks $w: $(cat $T/$loc-$cr-intake.txt)"
	done
	flat $T/$loc-refused.txt > $T/flat
	for w in "不予办理理由" "不符合临时救助条件" "青山县人民政府申请行政复议" "六十日内" "六个月内"; do
		grep -q -- "$w" $T/flat || die "refusal on the merits lacks $w: $(cat $T/$loc-refused.txt)"
	done
	grep -q "授权委托书" $T/$loc-refused.txt && die "a refusal asks to collect with 授权委托书"
	grep -q "不予：不予\|准予 准予\|准予：准予" $T/$loc-refused.txt && die "the decision said twice: $(cat $T/$loc-refused.txt)"
	flat $T/$loc-$cs-intake.txt > $T/flat
	for w in "办理程序" "领取地点" "办公时间" "0838-6201101" "一次性告知"; do
		grep -q -- "$w" $T/flat || die "one-time notice lacks $w: $(cat $T/$loc-$cs-intake.txt)"
	done
	grep -q "金额（大写）：.*人民币贰拾元整" $T/$loc-receipt.txt || die "大写: $(cat $T/$loc-receipt.txt)"
	grep -q "财政票据号" $T/$loc-receipt.txt || die "room for the 票据 number"
	flat $T/$loc-pause.txt > $T/flat
	grep -qE "开始日期： *2026年11月5日" $T/flat || die "pause start date: $(cat $T/$loc-pause.txt)"
	grep -q "次日起" $T/flat || die "which days count"
	flat $T/$loc-resume.txt > $T/flat
	grep -q "共3个工作日" $T/flat || die "days counted (11-05, 11-10]: $(cat $T/$loc-resume.txt)"
	grep -qE "新的承诺办结日期： *2026年11月24日" $T/flat || die "new due named: $(cat $T/$loc-resume.txt)"
	flat $T/$loc-demand.txt > $T/flat
	for w in "村委会出具的困难情况证明" "县局新规要求" "不在本中心一次性告知的材料之列" "二次告知" "暂停计时"; do
		grep -q -- "$w" $T/flat || die "补充材料告知书 lacks $w: $(cat $T/$loc-demand.txt)"
	done
	grep -qE "新的承诺办结日期： *2026年11月19日" $T/$loc-arrived.txt || die "arrival: new due $(cat $T/$loc-arrived.txt)"
	grep -q "受理" $T/$loc-status.txt || die "status events in Chinese: $(cat $T/$loc-status.txt)"

	# reprints: identical to the originals but for the 补打 line
	a2 2026-11-20 print $cf --force receipt --reprint --out $T/r.txt || die "reprint receipt"
	grep -q "补打时间：2026年11月20日 10:00" $T/r.txt || die "补打 time: $(cat $T/r.txt)"
	grep -q "补打人：李强（工号：1002）" $T/r.txt || die "补打 clerk: $(cat $T/r.txt)"
	grep -v "补打" $T/r.txt | diff $T/$loc-receipt.txt - >/dev/null || die "reprinted receipt differs: $(diff $T/$loc-receipt.txt $T/r.txt)"
	a2 2026-11-20 print $cp --force notice_promised --reprint --out $T/r.txt || die "reprint notice"
	grep -v "补打" $T/r.txt | diff $T/$loc-$cp-intake.txt - >/dev/null || die "reprinted notice differs: $(diff $T/$loc-$cp-intake.txt $T/r.txt)"
	grep -q "2026年11月16日" $T/r.txt || die "the due promised then, not the extended one"
	BIANMIN_PIN=1234 bm case show $cf --clerk 1001 | grep -E "1002 +reprint" >/dev/null || die "the reprint is an event"
	out=$(a1 2026-11-20 verify) || die "verify after the papers ($loc): $out"
	rm -rf $T/spool
}

# forms check: every paper rendered for a case of each kind and step
FORMS=$(dirname "$0")/../../forms
for loc in C.UTF-8 zh_CN.UTF-8; do
	LC_ALL=$loc bm forms check "$FORMS" >$T/out.$loc 2>&1 || die "forms check under $loc: $(cat $T/out.$loc)"
done
grep -Eq "[0-9]+ papers rendered at 32, 42, 48 and 80 columns" $T/out.C.UTF-8 || die "forms check renders the papers: $(cat $T/out.C.UTF-8)"
grep -Eq "[0-9]+ 份文书：栏目齐全、全部中文、无姓名断行" $T/out.zh_CN.UTF-8 || die "forms check in Chinese: $(cat $T/out.zh_CN.UTF-8)"
# ... and it catches a blank field, an English word and a split name
cp -r "$FORMS" $T/forms
sed -i 's/^@field 办理窗口： | {{window}}$/@field 办理窗口： | {{window}}\n@field 联系电话： | {{applicant_phone}}\nPlease come back./' $T/forms/notice_promised.tmpl
printf '@cols 3 *\n@row {{applicant}} | 申请人\n' >> $T/forms/notice_extension.tmpl
bm forms check $T/forms >$T/out 2>&1 && die "forms check passed broken papers"
grep -q "notice_promised.tmpl: the field '联系电话：' is blank" $T/out || die "blank field: $(cat $T/out)"
grep -q "the English word 'Please'" $T/out || die "English word: $(cat $T/out)"
grep -q "notice_extension.tmpl: '欧阳娜娜' is split across lines at 80 columns" $T/out || die "split name: $(cat $T/out)"

run_locale C.UTF-8
run_locale zh_CN.UTF-8
echo ok
