# verify --checkpoint records a verified checkpoint on the chain; verify
# --since-checkpoint then checks only what came after it (the chain from
# it, the cases changed since) and records a new one: the daily check.
. "$(dirname "$0")/lib.sh"
setup_clerks
export BIANMIN_PIN=1234
D='2026-09-30 10:00:00'
# four applicants, four ID numbers (one ID under several names would stop
# the intake as a duplicate)
i=0
for ID in 110101199003074119 110101199003074127 110101199003074135; do
	i=$((i + 1))
	at "$D" intake --clerk 1001 --item HJ-005 --name 张三$i --id $ID --have-all >/dev/null || die "intake $i"
done
ID=110101199003074143
out=$(at "$D" verify --since-checkpoint --clerk 1001) || die "first daily verify: $out"
echo "$out" | grep -q "no checkpoint yet" || die "without a checkpoint it checks all: $out"
ck=$(echo "$out" | sed -n 's/^checkpoint: event \([0-9]*\)$/\1/p')
eq "$ck" "$(sqlite3 "$DB" "SELECT max(id) FROM events")" "the checkpoint is the newest event"
eq "$(sqlite3 "$DB" "SELECT type || ' ' || clerk FROM events WHERE id = $ck")" "verify_checkpoint 1001" "checkpoint event"
# nothing new: no second checkpoint
out=$(at "$D" verify --since-checkpoint --clerk 1001) || die "again: $out"
echo "$out" | grep -q "^checkpoint:" && die "a checkpoint with nothing new: $out"
# the next day's work: only it is checked
at '2026-10-08 10:00:00' intake --clerk 1001 --item HJ-005 --name 李四 --id $ID --have-all >/dev/null || die "intake 4"
cp "$DB" $T/day2.db
out=$(at '2026-10-08 17:00:00' verify --since-checkpoint --clerk 1001) || die "daily verify: $out"
echo "$out" | grep -q "since checkpoint event $ck: 2 events, 1 cases, 1 receipts checked" || die "what was checked: $out"
ck2=$(echo "$out" | sed -n 's/^checkpoint: event \([0-9]*\)$/\1/p')
[ -n "$ck2" ] && [ "$ck2" -gt "$ck" ] || die "a new checkpoint: $out"
at '2026-10-08 17:00:00' verify --clerk 1001 >/dev/null || die "full verify with checkpoints in the chain"
# an anchor from before the checkpoint is still found (by the hash index)
old=$(sqlite3 "$DB" "SELECT substr(hash, 1, 16) FROM events WHERE id = 2")
out=$(at '2026-10-08 17:00:00' verify --since-checkpoint --anchor "$old" --clerk 1001) || die "old anchor: $out"
echo "$out" | grep -q "anchor $old: event 2, in the chain" || die "old anchor named: $out"
at '2026-10-08 17:00:00' verify --since-checkpoint --anchor 0123456789abcdef --clerk 1001 >/dev/null && die "a made-up anchor passed"
cp "$DB" $T/checked.db

DROP="DROP TRIGGER events_no_update; DROP TRIGGER events_no_delete; DROP TRIGGER receipts_no_update;
 DROP TRIGGER receipts_no_delete; DROP TRIGGER cases_no_delete; DROP TRIGGER cases_snapshot;"
fresh() { cp $T/day2.db "$DB"; rm -f "$DB-wal" "$DB-shm"; sqlite3 "$DB" "$DROP $1" || die "sqlite3: $1"; }
# a change after the checkpoint is found by the daily check
fresh "UPDATE cases SET state = 'completed' WHERE no LIKE '%20261008%'"
at '2026-10-08 17:30:00' verify --since-checkpoint --clerk 1001 >/dev/null && die "daily check missed a new case changed"
# a change before it is the full verify's to find
fresh "UPDATE cases SET due = '2027-01-01' WHERE id = 1"
at '2026-10-08 17:30:00' verify --since-checkpoint --clerk 1001 >/dev/null || die "daily check reads only the day"
out=$(bm verify --clerk 1001) && die "full verify missed an old case changed"
echo "$out" | grep -q "QS-20260930-0001" || die "full verify names the case: $out"
# a checkpoint that does not name its event by the true hash
cp $T/day2.db $T/keep.db; cp $T/checked.db $T/day2.db
fresh "UPDATE events SET details = replace(details, '\"x.through\":\"', '\"x.through\":\"1') WHERE id = $ck2"
out=$(bm verify --clerk 1001) && die "a forged checkpoint passed"
echo "$out" | grep -q "event $ck2" || die "forged checkpoint named: $out"
exit 0
