#!/bin/sh
# test_search.sh - a case is found by its number, the applicant's ID,
# name or phone, and by the proxy's (代办人) name or ID.
. "$(dirname "$0")/lib.sh"
setup_clerks
export BIANMIN_PIN=1234 BIANMIN_CLERK=1001
no=$(at '2026-11-23 10:00:00' intake --item MZ-004 --name 赵大爷 --id 11010519391231072X \
	--phone 13912345678 --have-all --proxy-name 赵小军 --proxy-id 511322198001011230 | head -1) || die "intake"
other=$(at '2026-11-23 10:05:00' intake --item MZ-004 --name 钱婆婆 --id 320106194003151004 --have-all | head -1) || die "intake 2"
for q in "$no" 11010519391231072X 赵大爷 13912345678 赵小军 511322198001011230 0101123; do
	out=$(bm case list --search "$q" --format tsv) || die "search $q"
	printf '%s\n' "$out" | grep -q "$no" || die "search '$q' did not find $no"
	printf '%s\n' "$out" | grep -q "$other" && die "search '$q' also found $other"
done
# a lower-case x in a typed ID still finds it
bm case list --search 11010519391231072x --format tsv | grep -q "$no" || die "lower-case x"
exit 0
