# The county's ledger on a real, private PostgreSQL (tests/pg.sh: initdb in
# a temporary folder, Unix socket only, as "nobody" when run as root).
# Three centers generated with the real binary under faketime are synced;
# a sync killed mid-way (test hook, and a real kill -9) is resumed; the
# server restarted mid-sync, unreachable, a wrong password and a full disk
# (as root a real one: a filled tmpfs tablespace; else the server's disk_full
# error raised by a test trigger) each give a
# sentence and exit 1, and the next sync completes; an old backup restored
# at a center is refused with the fork named; a second ledger with the same
# center code is refused; the server's own trigger refuses a broken chain;
# each center's month, quarter and year figures on the county server equal
# its own report.
# PostgreSQL that cannot be started is a FAILURE, never a skip.
. "$(dirname "$0")/lib.sh"
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
PGDIR=$(mktemp -d)
trap 'sh "$ROOT/tests/pg.sh" stop "$PGDIR"; umount "$PGDIR/full" 2>/dev/null; rm -rf "$T" "$PGDIR"' EXIT
URI=$(sh "$ROOT/tests/pg.sh" start "$PGDIR") || die "PostgreSQL could not be started for the county tests (see above); install it with tools/deps.sh check"
PSQL=
for d in /usr/lib/postgresql/*/bin; do [ -x "$d/psql" ] && PSQL=$d/psql; done
[ -n "$PSQL" ] || PSQL=psql
q() { "$PSQL" -X -q -A -t -v ON_ERROR_STOP=1 "$URI" -c "$1"; }
ID=110101199003074514
# nid: a new applicant's ID number, each intake its own (one ID under
# several names would stop an intake as a duplicate, issue 13); a counter
# in a file, as intakes run in subshells
nid() {
	n_=$(( $(cat "$T/nid" 2>/dev/null || echo 0) + 1 )); echo "$n_" > "$T/nid"
	printf '11010119900101%03d\n' "$n_" | awk '{
		split("7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2", w, " "); s = 0
		for (i = 1; i <= 17; i++) s += substr($0, i, 1) * w[i]
		print $0 substr("10X98765432", s % 11 + 1, 1) }'
}

# ---- the schema ----------------------------------------------------------
"$BIANMIN" county init --to "$URI" >$T/out 2>&1 || die "county init: $(cat $T/out)"
grep -q "from version 0 to 1" $T/out || die "init: $(cat $T/out)"
"$BIANMIN" county init --to "$URI" >$T/out 2>&1 || die "county init again"
grep -q "up to date (version 1)" $T/out || die "init twice: $(cat $T/out)"
eq "$(q 'SELECT max(version) FROM county_migrations')" "1" "schema version"
# the calendar: 清明 2026-04-06 is a holiday
eq "$(q "SELECT workday FROM calendar_days WHERE day = '2026-04-06'")" "f" "calendar loaded"

# ---- three centers -------------------------------------------------------
# center CODE: its own folder, center.yaml with that code and the county key
center() {
	mkdir -p $T/$1
	sed -e "s/^code: .*/code: $1/" -e "s/^name: .*/name: $1镇便民服务中心/" "$ROOT/data/center.yaml" > $T/$1/center.yaml
	echo "county: \"$URI\"" >> $T/$1/center.yaml
}
# c CODE 'DATE TIME' ARGS...: the center's binary at a fixed time, as clerk 1001
c() { k=$1; t=$2; shift 2; BIANMIN_PIN=${PIN:-1234} ft "$t" "$BIANMIN" --db $T/$k/db --config $T/$k/center.yaml "$@"; }
# new CODE 'DATE TIME' ARGS...: intake, prints the case number or dies
new() { n_=$(ck "$@" | sed -n 1p); [ -n "$n_" ] || die "intake at $1 $2 failed"; echo "$n_"; }
ck() { c "$@" --clerk 1001; }
sync_() { k=$1; shift; "$BIANMIN" --db $T/$k/db --config $T/$k/center.yaml sync "$@"; }
# gen CODE N NAME: a clerk, a supervisor, then N days of cases in March and
# April 2026: completed, completed late, returned, paused, a 补办件 with a
# 二次告知, fees (receipts), bad and good ratings
gen() {
	k=$1; n=$2
	center $k
	c $k "2026-03-01 07:5$n:00" init >/dev/null || die "$k init"
	c $k "2026-03-01 08:0$n:00" clerk add 1001 "$3" --window 民政 >/dev/null || die "$k clerk"
	BIANMIN_ADMIN_PIN=1234 PIN=9999 c $k "2026-03-01 08:30:00" clerk add 9001 张建国 --role supervisor --by 1001 >/dev/null || die "$k sup"
	for d in 02 03 04 05 09 10 11 12 16 17 18 19 23 24 25 26 30; do
		[ "$d" -gt $((n * 10 + 5)) ] && continue
		a=$(new $k "2026-03-$d 09:00:00" intake --item MZ-001 --name 张三$d --id $(nid) --have-all) || exit 1
		b=$(new $k "2026-03-$d 09:10:00" intake --item HJ-005 --name 李四$d --id $(nid) --have-all) || exit 1
		new $k "2026-03-$d 09:20:00" intake --item SB-001 --name 王五$d --id $(nid) --have-all >/dev/null || exit 1
		w=$(new $k "2026-03-$d 09:30:00" intake --item MZ-003 --name 赵六$d --id $(nid) --have 1,2,3) || exit 1
		case $d in
		02|09|16) ck $k "2026-03-$d 15:00:00" case complete $b --approved --result 已办 --no-print >/dev/null || die "$k complete"
			ck $k "2026-03-$d 15:10:00" case rate $b --level 非常不满意 --note 慢 >/dev/null 2>&1 || die "$k rate" ;;
		03|10) ck $k "2026-03-$d 15:00:00" case return $a --reason 不符合条件 --no-print >/dev/null || die "$k return" ;;
		04|17) ck $k "2026-03-$d 15:00:00" case pause $a --kind site_visit --reason 入户核查 --no-print >/dev/null || die "$k pause" ;;
		05) ck $k "2026-03-$d 15:00:00" case supplement $w --demand 村委会证明 --reason 县局新规要求 >/dev/null 2>&1 || die "$k breach" ;;
		12) BIANMIN_SUPERVISOR_PIN=9999 ck $k "2026-03-$d 15:00:00" case extend $a --days 5 --reason 需县级核实 --supervisor 9001 --no-print >/dev/null 2>&1 || die "$k extend" ;;
		18) ck $k "2026-03-$d 15:00:00" case complete $b --refused --result 不予许可 --no-print >/dev/null 2>&1 || die "$k refuse" ;;
		11) late=$a ;;   # completed late, after the days below (the clock runs forward)
		esac
	done
	if [ -n "${late:-}" ]; then
		ck $k "2026-04-20 15:00:00" case complete $late --approved --result 迟办 --no-print >/dev/null || die "$k late"
		ck $k "2026-04-20 15:10:00" case rate $late --level 满意 >/dev/null 2>&1 || die "$k rate ok"
	fi
	late=
}
gen AA 1 王小梅
gen BB 2 刘芳
gen CC 3 陈静

# ---- sync: all three; re-running sends nothing twice ----------------------
for k in AA BB CC; do
	sync_ $k >$T/out 2>&1 || die "sync $k: $(cat $T/out)"
	grep -q "sync: sent" $T/out || die "sync $k said: $(cat $T/out)"
done
sync_ AA >$T/out 2>&1 || die "second sync"
grep -q "nothing new" $T/out || die "second sync sent again: $(cat $T/out)"
for k in AA BB CC; do
	eq "$(q "SELECT count(*), max(seq) FROM events WHERE center = '$k'")" \
	   "$(sqlite3 $T/$k/db 'SELECT count(*) || "|" || max(id) FROM events')" "$k events on the server"
	eq "$(q "SELECT count(*) FROM cases WHERE center = '$k'")" "$(sqlite3 $T/$k/db 'SELECT count(*) FROM cases')" "$k cases"
	eq "$(q "SELECT count(*) FROM receipts WHERE center = '$k'")" "$(sqlite3 $T/$k/db 'SELECT count(*) FROM receipts')" "$k receipts"
	eq "$(q "SELECT string_agg(no || ':' || state || ':' || coalesce(completed_day::text, '-'), ',' ORDER BY no) FROM cases WHERE center = '$k'")" \
	   "$(sqlite3 $T/$k/db "SELECT group_concat(no || ':' || state || ':' || coalesce(completed_day, '-'), ',') FROM (SELECT * FROM cases ORDER BY no)")" "$k case states"
done
[ "$(q "SELECT count(*) FROM receipts")" -gt 0 ] || die "no receipts synced"
q "SELECT count(*) FROM clerks WHERE center = 'AA' AND code = '9001'" | grep -qx 1 || die "clerks synced"

# ---- each center's figures: its own report = the county's for it -----------
for k in AA BB CC; do
	for m in "month 2026-03" "month 2026-04" "quarter 2026-Q1" "year 2026"; do
		BIANMIN_PIN=9999 ft "2026-04-30 12:00:00" "$BIANMIN" --db $T/$k/db --config $T/$k/center.yaml \
			report $m --format tsv --clerk 9001 >$T/own 2>/dev/null || die "$k own report $m"
		ft "2026-04-30 12:00:00" "$BIANMIN" --config $T/$k/center.yaml county report $m --center $k \
			--format tsv >$T/county.tsv || die "$k county report $m"
		cut -f2-13 $T/county.tsv >$T/county
		cmp -s $T/own $T/county || { diff $T/own $T/county >&2; die "$k $m: the county's figures differ from the center's"; }
	done
done
# the figures are real: something completed, returned, overdue, breached, badly rated
tot=$(BIANMIN_PIN=9999 ft "2026-04-30 12:00:00" "$BIANMIN" --db $T/CC/db report month 2026-03 --format tsv --clerk 9001 2>/dev/null | awk -F'\t' '$1=="total"')
echo "$tot" | awk -F'\t' '$4>0 && $6>0 && $7>0 && $8>0 && $9>0 && $11>0 && $12>0 {ok=1} END {exit !ok}' || die "CC's March figures too thin: $tot"
# the whole county: totals add up, three centers ranked, CSV with BOM and CRLF
ft "2026-04-30 12:00:00" "$BIANMIN" --config $T/AA/center.yaml county report month 2026-03 --format tsv >$T/all || die "county report"
eq "$(awk -F'\t' '$2=="total" && $1!="county" {s+=$4} END {print s}' $T/all)" \
   "$(awk -F'\t' '$1=="county" && $2=="total" {print $4}' $T/all)" "county total = sum of centers"
eq "$(awk -F'\t' '$2=="total" && $1!="county" {print $14}' $T/all | sort | tr '\n' ' ')" "1 2 3 " "centers ranked"
ft "2026-04-30 12:00:00" "$BIANMIN" --config $T/AA/center.yaml county report quarter 2026-Q1 --format csv >$T/csv || die "csv"
eq "$(head -c 3 $T/csv | od -An -tx1 | tr -d ' ')" "efbbbf" "CSV starts with a BOM"
eq "$(grep -c "$(printf '\r')\$" $T/csv)" "$(wc -l < $T/csv | tr -d ' ')" "CSV lines end in CRLF"
ft "2026-04-30 12:00:00" "$BIANMIN" --config $T/AA/center.yaml county report year 2026 >/dev/null || die "year"
ft "2026-04-30 12:00:00" "$BIANMIN" --config $T/AA/center.yaml county report month 2026-13 >/dev/null 2>&1; eq $? 2 "bad month"

# ---- killed mid-way, resumed ----------------------------------------------
for d in 01 02 03 04 05 06; do
	new AA "2026-05-$d 09:00:00" intake --item MZ-001 --name 孙七$d --id $(nid) --have-all >/dev/null || exit 1
done
head=$(q "SELECT last_seq FROM centers WHERE code = 'AA'")
BIANMIN_TEST_SYNC_KILL_AT=2 sync_ AA --batch 2 >/dev/null 2>&1; eq $? 137 "sync killed (SIGKILL) in batch 2"
eq "$(q "SELECT last_seq FROM centers WHERE code = 'AA'")" "$((head + 2))" "only the committed batch is on the server"
eq "$(q "SELECT count(*) FROM events WHERE center = 'AA'")" "$((head + 2))" "nothing half-written"
# a real kill -9 between batches
BIANMIN_TEST_SYNC_PAUSE_MS=400 "$BIANMIN" --db $T/AA/db --config $T/AA/center.yaml sync --batch 1 >/dev/null 2>&1 &
pid=$!; sleep 0.6; kill -9 $pid; wait $pid 2>/dev/null   # $! is bianmin itself
sync_ AA >$T/out 2>&1 || die "resume: $(cat $T/out)"
eq "$(q "SELECT max(seq) FROM events WHERE center = 'AA'")" "$(sqlite3 $T/AA/db 'SELECT max(id) FROM events')" "resumed to the end"
eq "$(q "SELECT count(*) FROM cases WHERE center = 'AA'")" "$(sqlite3 $T/AA/db 'SELECT count(*) FROM cases')" "resumed cases"

# ---- the sync never blocks intake ----------------------------------------
for d in 07 08 11 12; do new BB "2026-05-$d 09:00:00" intake --item MZ-001 --name 周八$d --id $(nid) --have-all >/dev/null || exit 1; done
BIANMIN_TEST_SYNC_PAUSE_MS=2500 sync_ BB --batch 2 >$T/slow 2>&1 &
pid=$!; sleep 0.7
BIANMIN_BUSY_TIMEOUT_MS=300 ck BB "2026-05-13 09:00:00" intake --item MZ-001 --name 吴九 --id $(nid) --have-all >/dev/null \
	|| die "intake blocked by a running sync"
sync_ BB >$T/out 2>&1; eq $? 1 "a second sync of the same center at once"
grep -q "Another sync of center BB is running" $T/out || die "two syncs: $(cat $T/out)"
wait $pid || die "slow sync: $(cat $T/slow)"
sync_ BB >$T/out 2>&1 || die "BB catch-up"
grep -q "sent 1 events" $T/out || die "the intake made during the sync comes next time: $(cat $T/out)"

# ---- faults: each a sentence, exit 1, and the next sync completes ----------
# what the county has of CC before the faults (an intake may write more than
# one event: 2026-05-04 is a rest day, so each is also marked 延时服务)
synced=$(sqlite3 $T/CC/db 'SELECT max(id) FROM events')
new CC "2026-05-04 09:00:00" intake --item MZ-001 --name 郑十 --id $(nid) --have-all >/dev/null || exit 1
sync_ CC --to "postgresql:///county?host=$T/nowhere&user=bianmin&password=x" >$T/out 2>&1; eq $? 1 "unreachable"
grep -q "Cannot reach the county server" $T/out || die "unreachable: $(cat $T/out)"
sync_ CC --to "$(echo "$URI" | sed 's/password=[^&]*/password=wrong/')" >$T/out 2>&1; eq $? 1 "wrong password"
grep -q "refused the login" $T/out || die "password: $(cat $T/out)"
# disk full: as root, a real one - the events table moved to a small tmpfs
# filled up; otherwise the server's disk_full error raised by a test trigger
for d in 1 2 3; do new CC "2026-05-04 1$d:00:00" intake --item MZ-001 --name 郑$d --id $(nid) --have-all >/dev/null || exit 1; done
full=$PGDIR/full
if [ "$(id -u)" = 0 ] && mkdir -p $full && mount -t tmpfs -o size=16m tmpfs $full 2>/dev/null; then
	chown nobody $full
	q "CREATE TABLESPACE tiny LOCATION '$full'" && q "ALTER TABLE events SET TABLESPACE tiny" || die "tablespace"
	dd if=/dev/zero of=$full/filler bs=4k 2>/dev/null
	undo() { rm -f $full/filler; }
	echo "disk full: a real one (tmpfs tablespace)"
else
	q "CREATE FUNCTION test_full() RETURNS trigger LANGUAGE plpgsql AS \$\$ BEGIN
	   RAISE EXCEPTION USING ERRCODE = 'disk_full', MESSAGE = 'could not extend file: No space left on device'; END \$\$;
	   CREATE TRIGGER test_full BEFORE INSERT ON cases FOR EACH ROW EXECUTE FUNCTION test_full()" || die "test trigger"
	undo() { q "DROP TRIGGER test_full ON cases; DROP FUNCTION test_full()"; }
	echo "disk full: simulated (the server's disk_full error from a trigger; not root or no tmpfs)"
fi
sync_ CC >$T/out 2>&1; eq $? 1 "disk full"
grep -q "out of disk space" $T/out || die "disk full: $(cat $T/out)"
eq "$(q "SELECT max(seq) FROM events WHERE center = 'CC'")" "$synced" "the failed batch left nothing"
undo
sync_ CC >$T/out 2>&1 || die "after disk full: $(cat $T/out)"
eq "$(q "SELECT max(seq) FROM events WHERE center = 'CC'")" "$(sqlite3 $T/CC/db 'SELECT max(id) FROM events')" "CC complete after the disk full"
# the server restarted mid-sync
for d in 05 06 07 08; do new CC "2026-05-$d 09:00:00" intake --item MZ-001 --name 钱一$d --id $(nid) --have-all >/dev/null || exit 1; done
BIANMIN_TEST_SYNC_PAUSE_MS=1500 sync_ CC --batch 1 >$T/out 2>&1 &
pid=$!; sleep 0.8
sh "$ROOT/tests/pg.sh" restart "$PGDIR" || die "restart"
wait $pid; eq $? 1 "sync across a server restart"
grep -q "connection to the county server was lost" $T/out || die "restart: $(cat $T/out)"
sync_ CC >$T/out 2>&1 || die "after restart: $(cat $T/out)"
eq "$(q "SELECT max(seq) FROM events WHERE center = 'CC'")" "$(sqlite3 $T/CC/db 'SELECT max(id) FROM events')" "CC complete after the restart"

# ---- a restored old backup: refused, the fork named ----------------------
ck BB "2026-05-13 18:00:00" backup $T/BB/old.db >/dev/null || die "backup"
oldmax=$(sqlite3 $T/BB/old.db 'SELECT max(id) FROM events')
new BB "2026-05-14 09:00:00" intake --item MZ-001 --name 甲 --id $(nid) --have-all >/dev/null || exit 1
sync_ BB >/dev/null 2>&1 || die "BB sync before the restore"
cp $T/BB/db $T/BB/good.db; rm -f $T/BB/db-wal $T/BB/db-shm; cp $T/BB/old.db $T/BB/db
sync_ BB >$T/out 2>&1; eq $? 1 "an older copy"
grep -q "ends at event $oldmax.*older copy" $T/out || die "older copy: $(cat $T/out)"
new BB "2026-05-15 09:00:00" intake --item MZ-001 --name 乙 --id $(nid) --have-all >/dev/null || exit 1
before=$(q "SELECT count(*) FROM events WHERE center = 'BB'")
sync_ BB >$T/out 2>&1; eq $? 1 "a forked ledger"
grep -q "Event $((oldmax + 1)) of center BB differs from the county server's copy" $T/out || die "fork not named: $(cat $T/out)"
eq "$(q "SELECT count(*) FROM events WHERE center = 'BB'")" "$before" "nothing written for a fork"

# ---- a second ledger with the same center code ----------------------------
mkdir -p $T/dup; cp $T/AA/center.yaml $T/dup/center.yaml
"$BIANMIN" --db $T/dup/db init >/dev/null || die "dup init"
BIANMIN_PIN=1234 ft "2026-03-01 07:00:00" "$BIANMIN" --db $T/dup/db --config $T/dup/center.yaml clerk add 1001 冒名 --window 民政 >/dev/null || die "dup clerk"
"$BIANMIN" --db $T/dup/db --config $T/dup/center.yaml sync >$T/out 2>&1; eq $? 1 "duplicate code"
grep -q "Center code AA is already held by another ledger" $T/out || die "duplicate: $(cat $T/out)"

# ---- the server checks the chain itself (a client that skips bianmin) ----
last=$(q "SELECT last_seq FROM centers WHERE code = 'AA'")
q "INSERT INTO events (center, seq, at, clerk, type, details, prev_hash, hash)
   VALUES ('AA', $((last + 1)), '2026-06-01T09:00:00+08:00', '1001', 'x', '{}', repeat('0', 64), repeat('1', 64))" 2>$T/err \
	&& die "the server took an event off the chain"
grep -q "does not continue the chain" $T/err || die "server check: $(cat $T/err)"
h=$(q "SELECT last_hash FROM centers WHERE code = 'AA'")
q "INSERT INTO events (center, seq, at, clerk, type, details, prev_hash, hash)
   VALUES ('AA', $((last + 1)), '2026-06-01T09:00:00+08:00', '1001', 'x', '{}', '$h', repeat('1', 64))" 2>$T/err \
	&& die "the server took a wrong hash"
grep -q "does not match its own hash" $T/err || die "hash check: $(cat $T/err)"
q "UPDATE events SET details = '{}' WHERE center = 'AA' AND seq = 1" 2>/dev/null && die "events changed"
q "DELETE FROM events WHERE center = 'AA'" 2>/dev/null && die "events deleted"
q "UPDATE centers SET last_seq = 1 WHERE code = 'AA'" 2>/dev/null && die "chain head moved by hand"
eq "$(q "SELECT last_seq FROM centers WHERE code = 'AA'")" "$last" "the chain head stands"
echo "county: all checks passed"
exit 0
