# A Chinese-locale run (zh_CN.UTF-8): with Chinese names and items of
# different widths, every column of the home list, the item list and the
# search list starts at the same display column on every row.
. tests/e2e/lib.sh
locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$' || { echo "zh_CN.UTF-8 locale missing; skipped"; exit 0; }
e2e_setup
# names and items of odd and even widths
bm intake --clerk 1001 --item MZ-007 --name "欧阳娜娜" --id 511322198001011230 --have-all >/dev/null || fail intake
bm intake --clerk 1001 --item MZ-004 --name "Anna李" --id 11010519391231072X --have-all >/dev/null || fail intake
bm intake --clerk 1001 --item NY-004 --name "阿卜杜热西提·买买提" --id 320106199203151239 --have-all >/dev/null || fail intake
# the screens are translated when the binary has its zh_CN catalog
# (<bindir>/locale): wait for what the catalog says, up to a placeholder
tr() {
	t=$(TEXTDOMAINDIR="${B:-build}/locale" LANGUAGE=zh_CN LC_ALL=zh_CN.UTF-8 gettext bianmin "$1" 2>/dev/null)
	[ -n "$t" ] || t=$1
	printf '%s\n' "${t%%%*}"
}
e2e_start 80 24 zh_CN.UTF-8
wait_for "$(tr "Clerk number")"
typ 1001; key Enter; typ 1234; key Enter
wait_for "$(tr "My open cases: %zu")" 10
screen > "$T/home"
python3 tests/e2e/columns.py '^ QS-' 4 80 < "$T/home" || fail "home columns broken"
# the due date cell, where there is one
grep '^ QS-' "$T/home" | grep -E '[0-9]{2}-[0-9]{2} ' | python3 -c "
import sys, unicodedata, re
w = lambda s: sum(2 if unicodedata.east_asian_width(c) in 'WF' else 1 for c in s)
cols = {w(l[:re.search(r' [0-9]{2}-[0-9]{2} ', l).start()]) for l in sys.stdin}
sys.exit(0 if len(cols) == 1 else 1)" || fail "due column not straight"

key F2
wait_for "$(tr "1 Applicant")"
typ "欧阳娜娜"; key Enter
typ 511322198001011230; key Enter; key Enter; key Enter
wait_for "$(tr "Find item")"
typ "申请"
wait_for "MZ-001"
screen > "$T/items"
python3 tests/e2e/columns.py '^  [A-Z]{2}-[0-9]{3} ' 4 80 < "$T/items" || fail "item columns broken"
key Escape; wait_for "$(tr "1 Applicant")"; key Escape; wait_for "$(tr "Discard the typed data? (y/n)")"; key y
wait_for "$(tr "My open cases: %zu")"

key F3
wait_for "$(tr "Find")"
typ 2026
wait_for "QS-2026"
screen > "$T/search"
python3 tests/e2e/columns.py '^ QS-' 4 80 < "$T/search" || fail "search columns broken"
echo ok
