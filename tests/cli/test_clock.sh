# Issue 10, point 4: the clock is not believed blindly.  Intakes at 10-10,
# then 10-09, then 1970-01-01, then 2300-01-01: only the first is taken;
# a supervisor's `clock accept` (an event with its reason) lets the right
# time go on; verify names an event out of order; the day a case is
# numbered under is the center's (Asia/Shanghai), whatever TZ says.
. "$(dirname "$0")/lib.sh"
setup_clerks
export BIANMIN_PIN=1234
ID=110101199003074514
take() { at "$1" intake --clerk 1001 --item HJ-005 --name 张三 --id $ID --duplicate-reason 测试 --have-all; }
take '2026-10-10 10:00:00' >/dev/null || die "10-10"
for t in '2026-10-09 10:00:00' '1970-01-01 10:00:00' '2300-01-01 10:00:00' '2026-10-10 09:40:00'; do
	take "$t" >$T/out 2>$T/err && die "an intake at $t was taken"
	# (in 1970 the applicant is not born yet: the ID is refused first)
	grep -Eq "the clock went back more than 10 minutes|outside the years 2000 to 2099|is after today" $T/err || die "$t: $(cat $T/err)"
done
BIANMIN_ADMIN_PIN=1234 BIANMIN_PIN=444444 at '1970-01-01 10:00:00' clerk add 1003 赵六 --by 1001 >/dev/null 2>$T/err \
	&& die "a clerk added in 1970"
grep -q "outside the years 2000 to 2099" $T/err || die "1970 clerk: $(cat $T/err)"
take '2026-10-10 09:55:00' >/dev/null || die "five minutes back is within the tolerance"
eq "$(sqlite3 "$DB" "SELECT count(*) FROM cases")" "2" "only the sane intakes"
# the clock was ahead (10-12) and is right again (10-10): refused until a
# supervisor accepts it, then the intakes go on, and verify is happy
take '2026-10-12 10:00:00' >/dev/null || die "10-12"
take '2026-10-10 11:00:00' >/dev/null 2>&1 && die "back to 10-10 without accepting"
BIANMIN_SUPERVISOR_PIN=2222 at '2026-10-10 11:00:00' clock accept --by 1002 --reason x >/dev/null 2>&1 && die "a clerk accepted the clock"
BIANMIN_SUPERVISOR_PIN=9999 at '2026-10-10 11:00:00' clock accept --by 9001 --reason "the PC's clock was two days ahead" >/dev/null \
	|| die "clock accept"
take '2026-10-10 11:01:00' >/dev/null || die "an intake after the accept"
eq "$(sqlite3 "$DB" "SELECT clerk || ':' || reason FROM events WHERE type = 'clock_override'")" \
   "9001:the PC's clock was two days ahead" "the override is on the chain"
at '2026-10-10 12:00:00' verify --clerk 1001 >/dev/null || die "verify after the accept"
# an event moved back in time behind bianmin's back (hashes recomputed) is named
cp "$DB" $T/ok.db
python3 "$(dirname "$0")/forge.py" "$DB" "UPDATE events SET at = '2026-10-09T10:00:00+08:00' WHERE type = 'intake' AND id = (SELECT max(id) FROM events WHERE type = 'intake');
 UPDATE cases SET accepted_at = '2026-10-09T10:00:00+08:00' WHERE id = (SELECT max(id) FROM cases);
 UPDATE receipts SET at = '2026-10-09T10:00:00+08:00' WHERE case_id = (SELECT max(id) FROM cases);"
out=$(at '2026-10-10 12:00:00' verify --clerk 1001) && die "verify missed an event out of order"
echo "$out" | grep -q "earlier than the event before it" || die "out of order: $out"
cp $T/ok.db "$DB"; rm -f "$DB-wal" "$DB-shm"
# the center's day, not TZ's: the same instant (17:00 UTC = 01:00 the
# next day in Shanghai) numbered the same under any TZ
n1=$(TZ=UTC at '2026-10-13 17:00:00' intake --clerk 1001 --item HJ-005 --name 李四 --id $ID --duplicate-reason 测试 --have-all | sed -n 1p)
n2=$(TZ=America/Los_Angeles at '2026-10-13 10:00:00' intake --clerk 1001 --item HJ-005 --name 王五 --id $ID --duplicate-reason 测试 --have-all | sed -n 1p)
case "$n1 $n2" in QS-20261014-*" "QS-20261014-*) ;; *) die "numbered under TZ, not the center's day: $n1 $n2" ;; esac
eq "$(sqlite3 "$DB" "SELECT accepted_at FROM cases WHERE no = '$n1'")" "2026-10-14T01:00:00+08:00" "the center's time"
exit 0
