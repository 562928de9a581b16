#!/bin/sh
# test_receipt.sh - a fee gets a receipt; only a supervisor voids it, with a
# reason; the receipt stays, the void is on the case, verify stays ok.
. "$(dirname "$0")/lib.sh"
setup_clerks
# HJ-007 临时居民身份证申领: direct, fee 10.00
out=$(BIANMIN_PIN=1234 at '2026-11-23 10:00:00' intake --clerk 1001 --item HJ-007 --name 张三 \
	--id 11010519491231002X --have-all) || die "intake"
no=$(printf '%s\n' "$out" | head -1)
rno=$(BIANMIN_PIN=1234 bm case show "$no" --clerk 1001 | grep -o '2026-[0-9]\{6\}' | head -1)
[ -n "$rno" ] || die "no receipt number in case show"
eq "$rno" "2026-000001" "first receipt of the year"

# a clerk may not void
BIANMIN_PIN=2222 bm receipt void "$rno" --reason 重复收费 --clerk 1002 2>"$T/err" && die "clerk voided"
grep -qi 'supervisor' "$T/err" || die "refusal does not say why: $(cat "$T/err")"
# a reason is required
BIANMIN_PIN=9999 bm receipt void "$rno" --clerk 9001 2>/dev/null; eq $? 2 "void without reason is a usage error"
# the supervisor voids it
BIANMIN_PIN=9999 at '2026-11-23 11:00:00' receipt void "$rno" --reason 重复收费 --clerk 9001 >/dev/null || die "supervisor void"
BIANMIN_PIN=9999 bm receipt void "$rno" --reason again --clerk 9001 2>/dev/null && die "voided twice"
show=$(BIANMIN_PIN=1234 bm case show "$no" --clerk 1001)
printf '%s\n' "$show" | grep -q '重复收费' || die "void reason not on the case"
printf '%s\n' "$show" | grep -q "$rno" || die "receipt gone from the case"
BIANMIN_PIN=1234 bm verify --clerk 1001 | grep -q '^ok ' || die "verify after void"
exit 0
