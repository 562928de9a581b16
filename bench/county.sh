#!/bin/sh
# county.sh - the county benchmark (make bench: small; make bench-county:
# the issue's size).  Starts a private PostgreSQL (tests/pg.sh), generates
# COUNTY_CENTERS centers of COUNTY_CASES cases over one year each with the
# real core (bench/county_gen.c), times `bianmin sync` of all of them
# (events per second), then the county month report by `bianmin county
# report` and the same SQL (county_figures) in psql.  With
# COUNTY_REPORT_CASES above what was synced, the synced year is replicated
# on the server, dates shifted back a year per copy, directly in SQL with
# the triggers off (session_replication_role = replica): a report-only
# data set of that many cases (its copied events do not form chains).
# COUNTY_LEDGERS=DIR keeps the generated ledgers there and reuses them.
set -eu
. tests/faketime.sh   # ft: libfaketime preloaded (not the faketime command)
B=${B:-build}
BIANMIN=${BIANMIN:-./bianmin}
case $BIANMIN in /*) ;; *) BIANMIN=$(pwd)/$BIANMIN ;; esac   # env(1) would search PATH
NC=${COUNTY_CENTERS:-3}
N=${COUNTY_CASES:-1000}
RN=${COUNTY_REPORT_CASES:-0}
YEAR=2026
tmp=$(mktemp -d)
pg=$(mktemp -d)
trap 'sh tests/pg.sh stop "$pg"; rm -rf "$tmp" "$pg"' EXIT INT TERM
gen=${COUNTY_LEDGERS:-$tmp}
mkdir -p "$gen"
URI=$(PG_FSYNC=on sh tests/pg.sh start "$pg")   # fsync on: real commits
PSQL=psql
for d in /usr/lib/postgresql/*/bin; do [ -x "$d/psql" ] && PSQL=$d/psql; done
q() { "$PSQL" -X -q -A -t -v ON_ERROR_STOP=1 "$URI" -c "$1"; }
ms() { echo $(( ($2 - $1) / 1000000 )); }
now() { date +%s%N; }

echo "== county (PostgreSQL $(q 'SHOW server_version'), $NC centers x $N cases, year $YEAR) =="
"$BIANMIN" county init --to "$URI" >/dev/null

t0=$(now)
for i in $(seq 1 "$NC"); do
	code=$(printf 'C%02d' "$i")
	sed -e "s/^code: .*/code: $code/" data/center.yaml > "$tmp/$code.yaml"
	[ -f "$gen/$code.db" ] && [ "$(sqlite3 "$gen/$code.db" 'SELECT count(*) FROM cases')" -ge "$N" ] && continue
	rm -f "$gen/$code.db"
	"$B/bench/county_gen" "$gen/$code.db" "$code" "$N" "$YEAR" data/catalog.yaml data/holidays.yaml >/dev/null
done
t1=$(now)
events=0
for i in $(seq 1 "$NC"); do
	code=$(printf 'C%02d' "$i")
	events=$((events + $(sqlite3 "$gen/$code.db" 'SELECT max(id) FROM events')))
done
echo "generate $NC ledgers (core, one transaction a day)   $(ms "$t0" "$t1") ms, $events events$([ "$gen" = "$tmp" ] || echo " (kept in $gen)")"

t0=$(now)
for i in $(seq 1 "$NC"); do
	code=$(printf 'C%02d' "$i")
	"$BIANMIN" --db "$gen/$code.db" --config "$tmp/$code.yaml" sync --to "$URI" >/dev/null
done
t1=$(now)
t=$(ms "$t0" "$t1")
echo "bianmin sync, all centers (batches of 5000)        $t ms = $(( events * 1000 / (t > 0 ? t : 1) )) events/s"
t0=$(now)
for i in $(seq 1 "$NC"); do
	code=$(printf 'C%02d' "$i")
	"$BIANMIN" --db "$gen/$code.db" --config "$tmp/$code.yaml" sync --to "$URI" >/dev/null
done
t1=$(now)
echo "bianmin sync again, nothing new (per center)       $(( $(ms "$t0" "$t1") / NC )) ms"

have=$(q 'SELECT count(*) FROM cases')
if [ "$RN" -gt "$have" ]; then
	k=$(( (RN + have - 1) / have - 1 ))
	t0=$(now)
	q "SET session_replication_role = replica;
	DO \$\$ DECLARE k int; BEGIN FOR k IN 1..$k LOOP
	  INSERT INTO cases SELECT center, no || '/' || k, local_id, applicant_name, id_type, id_no, phone, address,
	    proxy_name, proxy_id, proxy_is_agent, first_clerk, owner_clerk, item_code, item_name, item_window,
	    item_department, item_regime, item_basis, item_statutory_days, item_promised_days, item_has_fee,
	    item_fee_fen, item_fee_basis, item_forward_to, item_refusal, item_joint_windows, catalog_fingerprint,
	    kind, decided, override_reason, return_reason, state, accepted_at,
	    (accepted_day - make_interval(years => k))::date, (clock_start - make_interval(years => k))::date,
	    (due - make_interval(years => k))::date, due_uncertain, limit_days,
	    (completed_day - make_interval(years => k))::date, fee_fen, receipt_no, as_of,
	    (as_of_day - make_interval(years => k))::date
	  FROM cases WHERE no NOT LIKE '%/%';
	  INSERT INTO events (center, seq, case_no, at, clerk, type, details, reason, prev_hash, hash)
	  SELECT center, seq + k * 1000000000::bigint, case_no || '/' || k, (substr(at, 1, 4)::int - k)::text || substr(at, 5),
	    clerk, type, details, reason, prev_hash, hash
	  FROM events WHERE case_no NOT LIKE '%/%' AND type IN ('rate', 'notice_breach', 'pause');
	END LOOP; END \$\$; ANALYZE" >/dev/null
	t1=$(now)
	echo "replicate to $(q 'SELECT count(*) FROM cases') cases (report data set, SQL)  $(ms "$t0" "$t1") ms"
fi
cases=$(q 'SELECT count(*) FROM cases')
m=$YEAR-06
best() {   # best of 3, ms
	b=
	for r in 1 2 3; do
		t0=$(now); "$@" >/dev/null; t1=$(now); t=$(ms "$t0" "$t1")
		if [ -z "$b" ] || [ "$t" -lt "$b" ]; then b=$t; fi
	done
	echo "$b"
}
t=$(best ft "$YEAR-12-31 12:00:00" "$BIANMIN" county report month "$m" --to "$URI" --format csv)
echo "bianmin county report month $m ($cases cases)  $t ms (best of 3)"
t=$(best "$PSQL" -X -q -A -t "$URI" -c "SELECT * FROM county_figures('$m-01', '$m-30')")
echo "psql: SELECT * FROM county_figures(...) (same SQL)     $t ms (best of 3)"
