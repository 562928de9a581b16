# kill -9 of intakes at random moments leaves whole cases or none: every
# case has its materials, its intake event and its receipt; every case
# number a killed process printed is in the ledger; verify ok.
. "$(dirname "$0")/lib.sh"
setup_clerks
export BIANMIN_PIN=1234
i=0
while [ $i -lt 40 ]; do
	# bianmin itself is the killed process (not a wrapper), on a fixed clock
	( at_exec '2026-11-23 10:00:00' intake --clerk 1001 --item HJ-005 --name "乙$i" \
		--id 110101199003074514 --have-all >"$T/out.$i" 2>/dev/null ) &
	pid=$!
	# 0..29 ms: before, during or after the write transaction
	sleep "0.0$(( (i * 7) % 30 / 10 ))$(( (i * 7) % 10 ))"
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	ft_forget $pid
	i=$((i + 1))
done
n=$(sqlite3 "$DB" 'SELECT count(*) FROM cases')
eq "$(sqlite3 "$DB" "SELECT count(*) FROM events WHERE type = 'intake'")" "$n" "an intake event per case"
eq "$(sqlite3 "$DB" 'SELECT count(*) FROM receipts')" "$n" "a receipt per case"
eq "$(sqlite3 "$DB" 'SELECT count(*) FROM cases c WHERE (SELECT count(*) FROM case_materials m WHERE m.case_id = c.id) != 3')" "0" "all materials"
# what a killed process acknowledged (printed) is in the ledger
printed=0
for f in "$T"/out.*; do
	no=$(head -1 "$f")
	[ -n "$no" ] || continue
	printed=$((printed + 1))
	case $no in QS-20261123-[0-9][0-9][0-9][0-9]) ;; *) die "not a case number: '$no'" ;; esac
	eq "$(sqlite3 "$DB" "SELECT count(*) FROM cases WHERE no = '$no'")" "1" "printed case $no in the ledger"
done
[ "$printed" -le "$n" ] || die "$printed numbers printed but $n cases"
out=$(at '2026-11-23 10:05:00' verify --clerk 1001) || die "verify after kills: $out"
echo "kill: $n of 40 intakes completed before their kill, $printed acknowledged" >&2
exit 0
