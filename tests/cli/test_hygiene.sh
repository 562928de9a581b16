# Issue 10, point 7: no control character reaches a terminal or a file;
# CSV cells a spreadsheet would run as formulas are neutralised; names are
# checked on the way in (trimmed, UTF-8, no controls, a length limit).
. "$(dirname "$0")/lib.sh"
setup_clerks
export BIANMIN_PIN=1234
D='2026-09-30 10:00:00'
ID=110101199003074514
ESC=$(printf '\033')
BAD=$(printf '\033]0;pwned\a\033[2J')
take() { at "$D" intake --clerk 1001 --item HJ-005 --id $ID --have-all --name "$@"; }
# refused with a sentence, exit 1, nothing stored
for name in "张三$BAD" "   " "$(printf '张\n三')" "$(printf '张\r三')" "$(printf '\377\376')" "$(printf '%10000s' x | tr ' ' x)"; do
	take "$name" >$T/out 2>$T/err && die "name '$name' was taken"
	grep -Eq "control character|is empty|not valid UTF-8|longer than 50" $T/err || die "no sentence for a bad name: $(cat $T/err)"
	grep -q "$ESC" $T/err && die "the refusal echoed the escape"
done
eq "$(sqlite3 "$DB" "SELECT count(*) FROM cases")" "0" "nothing stored"
BIANMIN_ADMIN_PIN=1234 BIANMIN_PIN=4444 bm clerk add 1003 "王$BAD" --by 1001 >/dev/null 2>&1 && die "a clerk name with escapes"
# trimmed (ASCII and full-width spaces)
no=$(take "  　张三　 " | sed -n 1p) || die "trimmed name"
eq "$(sqlite3 "$DB" "SELECT applicant_name FROM cases WHERE no = '$no'")" "张三" "stored trimmed"

# text stored before bianmin checked it (or behind its back) is stripped
# on every output: case show, case list (table, tsv, csv), clerk list
sqlite3 "$DB" "DROP TRIGGER cases_snapshot; UPDATE cases SET applicant_name = '张三' || char(27) || ']0;pwned' || char(7) || char(27) || '[2J', address = '=HYPERLINK(\"http://x\")';
 UPDATE clerks SET name = '王' || char(27) || '[31m' || char(155) || '小梅' WHERE code = '1001';"
for cmd in "case show $no" "case list" "case list --format tsv" "case list --format csv" "clerk list"; do
	at "$D" $cmd --clerk 1001 >$T/out 2>&1 || die "$cmd failed: $(cat $T/out)"
	grep -q "$ESC" $T/out && die "$cmd wrote an escape"
	tr -d '\n\t' <$T/out | LC_ALL=C grep -q '[[:cntrl:]]' && die "$cmd wrote a control character"
	:
done
at "$D" case show $no --clerk 1001 | grep -q "张三\]0;pwned\[2J" || die "the text is kept, only the controls go"
# CSV: formula cells get a leading apostrophe
sqlite3 "$DB" "UPDATE cases SET applicant_name = '=cmd|'' /C calc''!A0' WHERE no = '$no'"
at "$D" case list --format csv --clerk 1001 | grep -q "\"'=cmd|' /C calc'!A0\"" || die "formula not neutralised: $(at "$D" case list --format csv --clerk 1001)"
for c in + - @; do
	sqlite3 "$DB" "UPDATE cases SET applicant_name = '${c}1+2' WHERE no = '$no'"
	at "$D" case list --format csv --clerk 1001 | grep -q "\"'${c}1+2\"" || die "'$c' cell not neutralised"
done
# a catalog with escapes in it: check-catalog prints none
sed "s/name: 城乡居民最低生活保障申请/name: \"低保\\\\e]0;x\\\\a申请\"/" "$(dirname "$0")/../../data/catalog.yaml" >$T/catalog.yaml
"$BIANMIN" check-catalog $T/catalog.yaml >$T/out 2>&1
grep -q "$ESC" $T/out && die "check-catalog wrote an escape"
exit 0
