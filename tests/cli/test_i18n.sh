# Messages in Chinese when the locale asks for it (po/zh_CN.po via gettext),
# English otherwise: the help, an ID check failure, the kind of an intake.
. "$(dirname "$0")/lib.sh"
PO=$(dirname "$0")/../../po/zh_CN.po
zh() { LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 "$@"; }
en() { LANG=C.UTF-8 LC_ALL=C.UTF-8 "$@"; }

# The catalog itself: valid, every message translated, nothing fuzzy.
if command -v msgfmt >/dev/null 2>&1; then
	msgfmt --check -o /dev/null "$PO" || die "msgfmt --check po/zh_CN.po"
	stats=$(msgfmt --statistics -o /dev/null "$PO" 2>&1)
	case $stats in *untranslated*|*fuzzy*) die "zh_CN.po incomplete: $stats" ;; esac
fi

# --help
out=$(zh "$BIANMIN" --help) || die "zh --help"
echo "$out" | grep -q "^用法: bianmin \[--config FILE\]" || die "zh --help synopsis: $out"
echo "$out" | grep -q "^命令：" || die "zh --help: commands heading"
echo "$out" | grep -q "^  intake          受理办件" || die "zh --help: command summary"
echo "$out" | grep -q "usage:" && die "zh --help still English"
out=$(en "$BIANMIN" --help) || die "en --help"
echo "$out" | grep -q "^usage: bianmin \[--config FILE\]" || die "en --help synopsis"
echo "$out" | grep -q "^  intake          accept a case" || die "en --help: command summary"

# check-id: the failed check, exit 1
ID=110105194912310021
zh "$BIANMIN" check-id $ID >$T/out 2>&1; eq $? 1 "zh check-id exit"
grep -q "校验码（第 18 位）应为 X，号码中为 1" $T/out || die "zh check-id: $(cat $T/out)"
en "$BIANMIN" check-id $ID >$T/out 2>&1; eq $? 1 "en check-id exit"
grep -q "check digit (digit 18) should be X, the number says 1" $T/out || die "en check-id: $(cat $T/out)"

# intake: the kind is printed as the Chinese word, the key otherwise
setup_clerks
export BIANMIN_PIN=1234
D='2026-09-30 10:00:00'
ID1=110101199003074514
out=$(zh at "$D" intake --clerk 1001 --item HJ-005 --name 钱七 --id $ID1 --duplicate-reason 同一证件的测试 --have 1,3) || die "zh intake"
eq "$(echo "$out" | sed -n 2p)" "补办件" "zh intake kind"
eq "$(echo "$out" | sed -n 4p)" "原居民身份证" "zh intake missing material"
out=$(zh at "$D" intake --clerk 1001 --item MZ-003 --name 张三 --id $ID1 --duplicate-reason 同一证件的测试 --have-all) || die "zh intake 2"
eq "$(echo "$out" | sed -n 2p)" "承诺件" "zh promised"
no=$(echo "$out" | sed -n 1p)
out=$(en at "$D" intake --clerk 1001 --item HJ-005 --name 钱七 --id $ID1 --duplicate-reason 同一证件的测试 --have 1,3) || die "en intake"
eq "$(echo "$out" | sed -n 2p)" "supplement" "en intake kind"

# errors and case show follow the locale too
BIANMIN_PIN=0000 zh at "$D" intake --clerk 1001 --item MZ-003 --name X --id $ID1 --duplicate-reason 同一证件的测试 --have-all 2>$T/err
eq $? 1 "zh wrong PIN"
grep -q "工号或密码错误" $T/err || die "zh wrong PIN message: $(cat $T/err)"
zh at "$D" case show "$no" --clerk 1001 | grep -q "^类型：      承诺件" || die "zh case show"
en at "$D" case show "$no" --clerk 1001 | grep -q "^Kind:        promised" || die "en case show"

# every message of the sources has its Chinese (gettext's own tools: the
# strings as xgettext finds them, merged with po/zh_CN.po)
src=$(cd "$(dirname "$0")/../.." && pwd)
(cd "$src" && xgettext --from-code=UTF-8 -k_ -kN_ -o $T/now.pot src/*.c src/*/*.c src/*/*.h include/bianmin/*.h) ||
	die "xgettext"
msgmerge -q --no-fuzzy-matching -o $T/now.po "$src/po/zh_CN.po" $T/now.pot || die "msgmerge"
msgattrib --untranslated --no-obsolete -o $T/left.po $T/now.po || die "msgattrib"
[ ! -s $T/left.po ] || [ "$(grep -c '^msgid' $T/left.po)" = 0 ] ||
	die "messages without Chinese in po/zh_CN.po: $(grep -A2 '^msgid' $T/left.po | head -30)"
exit 0
