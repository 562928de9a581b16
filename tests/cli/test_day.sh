# A day at the center on 2026-09-30, the day before the 国庆 holiday
# (10-01..10-07 off, 10-10 a make-up Saturday): kinds, missing lists, due
# dates across the holiday, receipts, and verify.
. "$(dirname "$0")/lib.sh"
setup_clerks
export BIANMIN_PIN=1234
D='2026-09-30 10:00:00'
ID1=110101199003074514

# 承诺件, 10 working days: Oct 8 9 10(make-up) 12 13 14 15 16 19 20
out=$(at "$D" intake --clerk 1001 --item MZ-003 --name 张三 --id $ID1 --duplicate-reason 同一证件的测试 --have-all) || die "promised"
eq "$(echo "$out" | sed -n 1p)" "QS-20260930-0001" "case number"
eq "$(echo "$out" | sed -n 2p)" "promised" "kind"
eq "$(echo "$out" | sed -n 3p)" "2026-10-20" "due across 国庆"
eq "$(echo "$out" | wc -l)" "3" "no missing materials"

# 承诺件 with a fee, 20 working days -> 2026-11-03, receipt 2026-000001
out=$(at "$D" intake --clerk 1001 --item HJ-005 --name 李四 --id $ID1 --duplicate-reason 同一证件的测试 --have-all) || die "fee"
eq "$(echo "$out" | sed -n 2,3p | tr '\n' ' ')" "promised 2026-11-03 " "HJ-005"
no2=$(echo "$out" | sed -n 1p)
at "$D" case show "$no2" --clerk 1001 | grep -q "receipt 2026-000001" || die "first receipt number"

# 即办件 with a fee: receipt 2026-000002
out=$(at "$D" intake --clerk 1001 --item HJ-007 --name 王五 --id $ID1 --duplicate-reason 同一证件的测试 --have-all) || die "immediate"
eq "$(echo "$out" | sed -n 2p)" "immediate" "HJ-007 kind"

# main material missing -> 退回件, naming what is missing, no receipt
out=$(at "$D" intake --clerk 1001 --item HJ-005 --name 赵六 --id $ID1 --duplicate-reason 同一证件的测试 --have 2,3) || die "returned"
eq "$(echo "$out" | sed -n 2,3p | tr '\n' ' ')" "returned - " "HJ-005 main missing"
eq "$(echo "$out" | sed -n 4p)" "居民户口簿" "missing main material"

# ... unless the applicant has it and did not bring it -> 补办件
out=$(at "$D" intake --clerk 1001 --item HJ-005 --name 赵六 --id $ID1 --duplicate-reason 同一证件的测试 --have 2,3 --has-not-brought 1) || die "supplement"
eq "$(echo "$out" | sed -n 2,3p | tr '\n' ' ')" "supplement - " "not brought -> supplement"

# only a supporting material missing -> 补办件, listing it
out=$(at "$D" intake --clerk 1001 --item HJ-005 --name 钱七 --id $ID1 --duplicate-reason 同一证件的测试 --have 1,3) || die "supplement 2"
eq "$(echo "$out" | sed -n 2p)" "supplement" "supporting missing"
eq "$(echo "$out" | sed -n 4p)" "原居民身份证" "missing supporting material"

# 控制事项 -> returned; 上报 -> forwarded; 联办 -> joint
eq "$(at "$D" intake --clerk 1001 --item MZ-009 --name 孙八 --id $ID1 --duplicate-reason 同一证件的测试 --have-all | sed -n 2p)" "returned" "control"
eq "$(at "$D" intake --clerk 1001 --item MZ-005 --name 周九 --id $ID1 --duplicate-reason 同一证件的测试 --have-all | sed -n 2p)" "forwarded" "forward"
eq "$(at "$D" intake --clerk 1001 --item NY-002 --name 吴十 --id $ID1 --duplicate-reason 同一证件的测试 --have-all | sed -n 2p)" "joint" "joint"

# override with a reason, kept in the ledger
no=$(at "$D" intake --clerk 1001 --item MZ-003 --name 郑一 --id $ID1 --duplicate-reason 同一证件的测试 --have-all --override immediate --reason "材料齐全当场可办" | sed -n 1p) || die "override"
at "$D" case show "$no" --clerk 1001 | grep -q "材料齐全当场可办" || die "override reason shown"

# refusals: exit status, message, nothing written
n0=$(at "$D" case list --clerk 1001 --format tsv | wc -l)
at "$D" intake --clerk 1001 --item MZ-003 --name X --id 110101199003074515 --have-all 2>$T/err && die "bad ID accepted"
grep -q "check digit" $T/err || die "bad ID message: $(cat $T/err)"
at "$D" intake --clerk 1001 --item NOPE --name X --id $ID1 2>/dev/null; eq $? 1 "unknown item"
at "$D" intake --clerk 7777 --item MZ-003 --name X --id $ID1 2>/dev/null; eq $? 1 "unknown clerk"
BIANMIN_PIN=0000 at "$D" intake --clerk 1001 --item MZ-003 --name X --id $ID1 2>$T/err; eq $? 1 "wrong PIN"
grep -q "Wrong clerk number or PIN" $T/err || die "wrong PIN message"
at "$D" intake --clerk 1001 --item MZ-003 2>/dev/null; eq $? 2 "usage"
eq "$(at "$D" case list --clerk 1001 --format tsv | wc -l)" "$n0" "nothing written by refusals"

# Chinese locale: the kind translated when a catalog exists; at least not the key in C
# lists: open cases sorted by due date, csv quoting, overdue a month later
at "$D" case list --open --clerk 1001 --format tsv | sed -n 2p | cut -f4 | grep -q 2026-10-20 || die "open sorted by due"
at "$D" case list --clerk 1001 --format csv | head -1 | grep -q "^case,kind,state,due" || die "csv header"
eq "$(at '2026-11-04 09:00:00' case list --overdue --clerk 1001 --format tsv | tail -n +2 | wc -l)" "4" "overdue on 11-04"

# receipts: exactly 2, and verify ok
out=$(at "$D" verify --clerk 1001) || die "verify: $out"
echo "$out" | grep -Eq '^ok [0-9a-f]{64}$' || die "verify output: $out"

# backup: a copy that verifies, never overwriting
at "$D" backup $T/copy.db --clerk 1001 >/dev/null || die "backup"
ft "$D" "$BIANMIN" --db $T/copy.db verify --clerk 1001 >/dev/null || die "backup verifies"
at "$D" backup $T/copy.db --clerk 1001 2>/dev/null && die "backup overwrote"
eq "$(stat -c %a "$DB")" "600" "database mode"
exit 0
