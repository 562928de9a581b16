# The 日结单 carries the chain head after the close (台账校验码); deleting
# the newest events with the sqlite3 shell (triggers dropped) leaves a
# shorter chain that verify alone cannot tell from an honest one, but
# verify --anchor with the code from the paper can.
. "$(dirname "$0")/lib.sh"
setup_clerks
D='2026-09-30 10:00:00'
ID=110101199003074514
BIANMIN_PIN=2222 at "$D" intake --clerk 1002 --item HJ-005 --name 张三 --id $ID --have-all >/dev/null || die "intake"
paper=$(BIANMIN_PIN=2222 at '2026-09-30 17:00:00' report day --close --clerk 1002) || die "close the day"
anchor=$(echo "$paper" | sed -n 's/.*台账校验码：[[:space:]]*\([0-9a-f]\{16\}\).*/\1/p')
[ ${#anchor} -eq 16 ] || die "no 台账校验码 on the 日结单: $paper"
ev=$(echo "$paper" | sed -n 's/.*台账校验码：.*至第 \([0-9]*\) 号事件.*/\1/p')
eq "$ev" "$(sqlite3 "$DB" "SELECT max(id) FROM events")" "anchor event number"
eq "$(sqlite3 "$DB" "SELECT substr(hash, 1, 16) FROM events WHERE id = $ev")" "$anchor" "anchor is the close event's hash"
# a reprint shows the same anchor
BIANMIN_PIN=2222 at '2026-10-08 09:00:00' report day 2026-09-30 --reprint --clerk 1002 | grep -q "台账校验码：.*$anchor" \
	|| die "reprint lacks the anchor"

export BIANMIN_PIN=9999
out=$(bm verify --anchor "$anchor" --clerk 9001) || die "anchor verify on a clean ledger: $out"
echo "$out" | grep -q "event $ev" || die "anchor line: $out"
# upper case is fine; too short or not hex is a usage error, exit 1
bm verify --anchor "$(echo "$anchor" | tr a-f A-F)" --clerk 9001 >/dev/null || die "upper-case anchor"
bm verify --anchor abc123 --clerk 9001 >/dev/null 2>&1 && die "short anchor accepted"
# work goes on after the close: the anchor stays in the chain
at '2026-09-30 17:30:00' report day --all --close --clerk 9001 >/dev/null || die "center close"
bm verify --anchor "$anchor" --clerk 9001 >/dev/null || die "anchor after more events"

# delete the newest events (both closes) behind bianmin's back
sqlite3 "$DB" "DROP TRIGGER events_no_delete; DELETE FROM events WHERE id >= $ev" || die "sqlite3"
bm verify --clerk 9001 >/dev/null || die "without the anchor the shorter chain looks fine"
out=$(bm verify --anchor "$anchor" --clerk 9001) && die "verify --anchor said ok: $out"
echo "$out" | grep -q "BROKEN: .*$anchor.*deleted" || die "verify --anchor does not name it: $out"
exit 0
