#!/bin/sh
# test_verify_stream.sh - a full verify reads every case's events and void
# rows in one pass each, stepped together with the cases (issue 17): a
# void row changed, missing or added is still named with its own case when
# the cases around it have voids too, and the same as --since-checkpoint
# names it.
. "$(dirname "$0")/lib.sh"
setup_clerks
# HJ-007 临时居民身份证申领: direct, fee 10.00; three charged cases
i=0
for ID in 110101199003074119 110101199003074127 110101199003074135; do
	i=$((i + 1))
	BIANMIN_PIN=1234 at '2026-11-23 10:00:00' intake --clerk 1001 --item HJ-007 --name 张三$i --id $ID \
		--have-all >/dev/null || die "intake $i"
done
# the first and the third receipt voided (the second case has none)
for r in 2026-000001 2026-000003; do
	BIANMIN_PIN=9999 at '2026-11-23 11:00:00' receipt void "$r" --reason 重复收费 --clerk 9001 >/dev/null \
		|| die "void $r"
done
eq "$(sqlite3 "$DB" "SELECT group_concat(case_id, ' ') FROM receipts WHERE no IS NULL")" "1 3" "void rows"
export BIANMIN_PIN=1234
at '2026-11-23 12:00:00' verify --clerk 1001 | grep -q '^ok ' || die "clean ledger"
cp "$DB" $T/clean.db

DROP="DROP TRIGGER receipts_no_update; DROP TRIGGER receipts_no_delete;"
try() {   # try WHAT SQL EXPECT...: each must be in the full verify's output
	cp $T/clean.db "$DB"; rm -f "$DB-wal" "$DB-shm"
	sqlite3 "$DB" "$DROP $2" || die "$1: sqlite3"
	out=$(at '2026-11-23 12:00:00' verify --clerk 1001) && die "$1: verify said ok"
	what=$1
	shift 2
	for want in "$@"; do
		echo "$out" | grep -q "$want" || die "$what: verify output lacks '$want': $out"
	done
}
try "last void row gone" "DELETE FROM receipts WHERE no IS NULL AND case_id = 3" \
    "QS-20261123-0003" "voids receipt 2026-000003 but the void row is missing"
try "first void row gone" "DELETE FROM receipts WHERE no IS NULL AND case_id = 1" \
    "QS-20261123-0001" "voids receipt 2026-000001 but the void row is missing"
try "void reason changed" "UPDATE receipts SET reason = 'x' WHERE no IS NULL AND case_id = 3" \
    "QS-20261123-0003" "voids receipt 2026-000003 but the void row is missing"
try "void added" "INSERT INTO receipts (year, seq, case_id, amount_fen, at, clerk, reason, voids)
    VALUES (2026, 0, 2, 1000, '2026-11-23T11:30:00+08:00', '9001', 'x', 2)" \
    "QS-20261123-0002" "void of receipt 2026-000002 does not match any void"
try "void moved to another case" "UPDATE receipts SET case_id = 2 WHERE no IS NULL AND case_id = 3" \
    "QS-20261123-0002" "void of receipt 2026-000003 does not match any void"

# the same change found by the daily check when its case changed since the
# checkpoint (a void after it)
cp $T/clean.db "$DB"; rm -f "$DB-wal" "$DB-shm"
at '2026-11-23 12:00:00' verify --checkpoint --clerk 1001 >/dev/null || die "checkpoint"
BIANMIN_PIN=9999 at '2026-11-23 13:00:00' receipt void 2026-000002 --reason 重复收费 --clerk 9001 >/dev/null \
	|| die "void 2"
sqlite3 "$DB" "$DROP UPDATE receipts SET reason = 'x' WHERE no IS NULL AND case_id = 2" || die "sqlite3"
out=$(at '2026-11-23 14:00:00' verify --since-checkpoint --clerk 1001) && die "daily: verify said ok"
echo "$out" | grep -q "voids receipt 2026-000002 but the void row is missing" || die "daily: $out"
out=$(at '2026-11-23 14:00:00' verify --clerk 1001) && die "full: verify said ok"
echo "$out" | grep -q "voids receipt 2026-000002 but the void row is missing" || die "full: $out"
exit 0
