# A database bianmin cannot use says what is wrong and what to do, in one
# line on stderr, exit 1, no crash, and leaves nothing half-written: a
# read-only file, a file that is not SQLite, another program's SQLite
# file, and a file locked by another process for longer than the busy
# timeout (BIANMIN_BUSY_TIMEOUT_MS).
. "$(dirname "$0")/lib.sh"
trap 'chattr -i "$DB" 2>/dev/null; rm -rf "$T"' EXIT
setup_clerks
export BIANMIN_PIN=1234
D='2026-09-30 10:00:00'
intake() { at "$D" intake --clerk 1001 --item HJ-005 --name 张三 --id 110101199003074514 --have-all; }
# expect_fail WHAT PATTERN CMD...: exit 1, one line on stderr matching PATTERN
expect_fail() {
	what=$1 pat=$2; shift 2
	"$@" >$T/out 2>$T/err; rc=$?
	[ $rc -eq 1 ] || die "$what: exit $rc, not 1: $(cat $T/err)"
	[ "$(wc -l <$T/err)" -eq 1 ] || die "$what: not one line: $(cat $T/err)"
	grep -q "$pat" $T/err || die "$what: message lacks '$pat': $(cat $T/err)"
	grep -Eq "Check|Try again" $T/err || die "$what: message says not what to do: $(cat $T/err)"
}
cases() { sqlite3 "$DB" "SELECT count(*) FROM cases"; }

# 1. read-only.  Tests run as root, for whom chmod does not stop writes:
# make the file immutable (chattr +i) instead; chmod 0400 otherwise.
ro=""
if [ "$(id -u)" -ne 0 ]; then
	chmod 0400 "$DB" && ro=chmod
elif chattr +i "$DB" 2>/dev/null; then
	ro=chattr
fi
if [ -n "$ro" ]; then
	expect_fail "read-only" "read-only" intake
	[ "$ro" = chattr ] && chattr -i "$DB" || chmod 0600 "$DB"
	eq "$(cases)" "0" "read-only: nothing written"
else
	echo "SKIP read-only: neither chattr +i nor a non-root user here" >&2
fi

# 2. not an SQLite file (junk, and text); the file is left as it was
head -c 4096 /dev/urandom >$T/junk.db
sum=$(cksum <$T/junk.db)
expect_fail "junk" "not an SQLite file" "$BIANMIN" --db $T/junk.db verify --clerk 1001
eq "$(cksum <$T/junk.db)" "$sum" "junk untouched"
printf 'name,phone\n张三,13800000000\n' >$T/list.csv
expect_fail "text file" "not an SQLite file" "$BIANMIN" --db $T/list.csv intake --clerk 1001 --item HJ-005 --name x --id 110101199003074514 --have-all

# 3. another program's SQLite database, left as it was
sqlite3 $T/other.db "CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES ('x')"
sum=$(cksum <$T/other.db)
expect_fail "other program" "not a bianmin database" "$BIANMIN" --db $T/other.db clerk add 1001 王小梅
eq "$(cksum <$T/other.db)" "$sum" "other program's file untouched"

# 4. locked: the sqlite3 shell holds BEGIN EXCLUSIVE longer than the
# busy timeout (300 ms here instead of 10 s)
mkfifo $T/fifo
sqlite3 "$DB" <$T/fifo >/dev/null 2>&1 &
shell=$!
exec 3>$T/fifo
# (.timeout: our polling below must not make the shell's BEGIN fail)
printf '%s\n' ".timeout 5000" "BEGIN EXCLUSIVE; INSERT INTO counters VALUES ('held', 1);" >&3
i=0
until ! sqlite3 "$DB" ".timeout 0" "BEGIN IMMEDIATE; ROLLBACK;" >/dev/null 2>&1; do
	i=$((i + 1)); [ $i -lt 100 ] || die "the sqlite3 shell never took the lock"; sleep 0.1
done
t0=$(date +%s)
BIANMIN_BUSY_TIMEOUT_MS=300 expect_fail "locked" "locked" intake
[ $(($(date +%s) - t0)) -lt 5 ] || die "BIANMIN_BUSY_TIMEOUT_MS not honoured"
printf '%s\n' "ROLLBACK;" ".quit" >&3
exec 3>&-
wait $shell
# released: the same intake succeeds, with the first number (the failed
# one took none), and the ledger is whole
eq "$(intake | sed -n 1p)" "QS-20260930-0001" "intake after the lock"
eq "$(cases)" "1" "one case"
bm verify --clerk 1001 >/dev/null || die "verify after the lock"
exit 0
