# 80x24 fits; 200x60 uses the room: more rows, wider columns (whole item
# names), more columns (window, phone, kind).  Resized in one session.
. tests/e2e/lib.sh
e2e_setup
i=0
while [ $i -lt 40 ]; do
	i=$((i + 1))
	echo "--item NY-002 --name 测试者$i"
done | while read -r a b c d; do
	bm intake --clerk 1001 $a $b $c $d --id 511322198001011230 --duplicate-reason 测试 --have-all >/dev/null || exit 1
done || fail "intakes"
e2e_start 80 24 C.UTF-8
login
small=$(screen | grep -c '^ QS-')
screen | grep -q "农村宅基地和建房（规划许可）申请" && fail "80 columns: item name should be clipped"
screen | grep -q "Window" && fail "80 columns: no window column expected"
python3 tests/e2e/columns.py '^ QS-' 3 80 < /dev/null >/dev/null 2>&1
screen | python3 -c "
import sys, unicodedata
w = lambda s: sum(2 if unicodedata.east_asian_width(c) in 'WF' else 1 for c in s)
sys.exit(0 if all(w(l.rstrip()) <= 80 for l in sys.stdin) else 1)" || fail "a line wider than 80"
resize 200 60
wait_for "Window"
big=$(screen | grep -c '^ QS-')
echo "rows: $small at 80x24, $big at 200x60"
[ "$big" -gt "$small" ] || fail "200x60 shows no more rows ($big vs $small)"
[ "$big" -ge 40 ] || fail "200x60 shows only $big rows"
screen | grep -q "农村宅基地和建房（规划许可）申请" || fail "200 columns: item name clipped"
screen | grep -q "Phone" || fail "200 columns: no phone column"
screen | grep -q "joint (联办件)" || fail "200 columns: kind clipped"
screen | sed -n '60p' | grep -q "F2 New" || fail "status line not on the last row"
resize 80 24
wait_gone "Window"
echo ok
