# Issue 10, point 9: money is capped (1,000,000.00 yuan per fee) and sums
# are checked: a fee of 92233720368547749.99 is refused with a sentence,
# and no total of the 日结 can overflow into a negative number.
. "$(dirname "$0")/lib.sh"
setup_clerks
export BIANMIN_PIN=1234
D='2026-09-30 10:00:00'
cat_with() { sed "s/amount: \"20.00\"/amount: \"$1\"/" "$(dirname "$0")/../../data/catalog.yaml" >$T/catalog.yaml; }
for fee in 92233720368547749.99 1000000.01 99999999999999999999; do
	cat_with $fee
	"$BIANMIN" check-catalog $T/catalog.yaml >$T/out 2>&1 && die "fee $fee accepted"
	grep -Eq "over the limit of 1000000.00 yuan|not a number of yuan" $T/out || die "fee $fee: $(cat $T/out)"
done
cat_with 1000000.00
"$BIANMIN" check-catalog $T/catalog.yaml >/dev/null 2>&1 || die "the highest fee is allowed"
# two intakes at the highest fee: the day's total is exact
ID=110101199003074514
for i in 1 2; do
	at "$D" --catalog $T/catalog.yaml intake --clerk 1001 --item HJ-005 --name 张三$i --id $ID --duplicate-reason 测试 --have-all >/dev/null \
		|| die "intake $i"
done
eq "$(sqlite3 "$DB" "SELECT count(*) FROM receipts WHERE amount_fen = 100000000")" "2" "two receipts of the highest fee"
at "$D" report day --clerk 1001 2>$T/err >/dev/null || die "report day"
grep -q "2000000.00 yuan" $T/err || die "the total: $(cat $T/err)"
# an amount put in behind bianmin's back cannot wrap the total negative
sqlite3 "$DB" "DROP TRIGGER receipts_no_update; UPDATE receipts SET amount_fen = 9223372036854775000"
at "$D" report day --clerk 1001 >$T/out 2>$T/err && die "an impossible amount was summed"
grep -q "out of range" $T/err || die "overflow sentence: $(cat $T/err)"
grep -q -- "-[0-9]" $T/out && die "a negative total was printed"
exit 0
