# Issue 10, point 6: counters reset or deleted behind bianmin's back are
# named by verify and repaired from the rows at the next intake, instead
# of blocking every intake with "UNIQUE constraint failed".
. "$(dirname "$0")/lib.sh"
setup_clerks
export BIANMIN_PIN=1234
D='2026-09-30 10:00:00'
intake() { at "$D" intake --clerk 1001 --item HJ-005 --name 张三 --id 110101199003074514 --duplicate-reason 测试 --have-all | sed -n 1p; }
for i in 1 2 3; do intake >/dev/null || die "intake $i"; done
bm verify --clerk 1001 >/dev/null || die "clean"
cp "$DB" $T/clean.db
for attack in "UPDATE counters SET value = 0" "DELETE FROM counters" "UPDATE counters SET value = 1 WHERE name LIKE 'receipt:%'"; do
	cp $T/clean.db "$DB"; rm -f "$DB-wal" "$DB-shm"
	sqlite3 "$DB" "$attack"
	out=$(bm verify --clerk 1001) && die "$attack: verify said ok"
	echo "$out" | grep -q "counter" || die "$attack: verify names no counter: $out"
	eq "$(intake)" "QS-20260930-0004" "$attack: the next case number"
	eq "$(sqlite3 "$DB" "SELECT no FROM receipts ORDER BY id DESC LIMIT 1")" "2026-000004" "$attack: the next receipt number"
	bm verify --clerk 1001 >/dev/null || die "$attack: verify after the repair"
done
# a counter pushed ahead (numbers would jump) is named too
cp $T/clean.db "$DB"; rm -f "$DB-wal" "$DB-shm"
sqlite3 "$DB" "UPDATE counters SET value = 9 WHERE name LIKE 'receipt:%'"
bm verify --clerk 1001 | grep -q "counter receipt:2026 says 9" || die "counter ahead"
exit 0
