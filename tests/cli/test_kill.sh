# kill -9 of intakes at random moments leaves whole cases or none: every
# case has its materials, its intake event and its receipt; verify ok.
. "$(dirname "$0")/lib.sh"
setup_clerks
export BIANMIN_PIN=1234
i=0
while [ $i -lt 40 ]; do
	"$BIANMIN" --db "$DB" intake --clerk 1001 --item HJ-005 --name "乙$i" \
		--id 110101199003074514 --have-all >/dev/null 2>&1 &
	pid=$!
	# 0..29 ms: before, during or after the write transaction
	sleep "0.0$(( (i * 7) % 30 / 10 ))$(( (i * 7) % 10 ))"
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	i=$((i + 1))
done
n=$(sqlite3 "$DB" 'SELECT count(*) FROM cases')
eq "$(sqlite3 "$DB" "SELECT count(*) FROM events WHERE type = 'intake'")" "$n" "an intake event per case"
eq "$(sqlite3 "$DB" 'SELECT count(*) FROM receipts')" "$n" "a receipt per case"
eq "$(sqlite3 "$DB" 'SELECT count(*) FROM cases c WHERE (SELECT count(*) FROM case_materials m WHERE m.case_id = c.id) != 3')" "0" "all materials"
out=$(bm verify --clerk 1001) || die "verify after kills: $out"
echo "kill: $n of 40 intakes completed before their kill" >&2
exit 0
