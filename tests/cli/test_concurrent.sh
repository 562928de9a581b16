# Two processes doing N intakes each (N=500 by default, BIANMIN_CONC_N to
# change) at the same moment on one file: all 2N cases present, receipt
# numbers gapless, nothing on stderr, verify ok.
. "$(dirname "$0")/lib.sh"
N=${BIANMIN_CONC_N:-500}
setup_clerks
export BIANMIN_PIN=1234
bm intake --clerk 1001 --item HJ-007 --name 预热 --id 110101199003074514 --have-all >/dev/null || die "warm-up"
worker() {   # worker CLERK PIN
	i=0
	while [ $i -lt $N ]; do
		BIANMIN_PIN=$2 ft "$CLI_NOW" "$BIANMIN" --db "$DB" intake --clerk $1 --item HJ-007 --name "甲$i" \
			--id 110101199003074514 --duplicate-reason 压力测试 --have-all >/dev/null || echo "intake $i failed" >&2
		i=$((i + 1))
	done
}
start=$(date +%s.%N)
worker 1001 1234 2>$T/err1 &
p1=$!
worker 1002 2222 2>$T/err2 &
p2=$!
wait $p1 $p2
end=$(date +%s.%N)
[ -s $T/err1 ] && die "stderr of process 1: $(head -3 $T/err1)"
[ -s $T/err2 ] && die "stderr of process 2: $(head -3 $T/err2)"
total=$((2 * N + 1))
eq "$(sqlite3 "$DB" 'SELECT count(*) FROM cases')" "$total" "cases"
eq "$(sqlite3 "$DB" "SELECT count(*) FROM cases WHERE first_clerk = '1002'")" "$N" "cases of process 2"
eq "$(sqlite3 "$DB" 'SELECT count(*), min(seq), max(seq), count(DISTINCT no) FROM receipts')" "$total|1|$total|$total" "receipts gapless"
eq "$(sqlite3 "$DB" 'SELECT count(DISTINCT no) FROM cases')" "$total" "case numbers unique"
bm verify --clerk 1001 | grep -q '^ok ' || die "verify"
echo "concurrent: $((2 * N)) intakes in $(echo "$end - $start" | bc) s" >&2
exit 0
