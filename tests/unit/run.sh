#!/bin/sh
# run.sh - run every unit test program; print Check's lines and a total.
# usage: run.sh DIR BIN...
shift
pass=0; fail=0; failed=""
for t in "$@"; do
	out=$("$t" 2>&1); rc=$?
	printf '%s\n' "$out" | grep -E '^[0-9]+%: Checks' | sed "s|^|$(basename "$t"): |"
	p=$(printf '%s\n' "$out" | sed -n 's/^[0-9]*%: Checks: \([0-9]*\), Failures: \([0-9]*\), Errors: \([0-9]*\).*/\1 \2 \3/p')
	set -- $p
	if [ -n "$p" ]; then pass=$((pass + $1 - $2 - $3)); fail=$((fail + $2 + $3)); fi
	if [ $rc -ne 0 ]; then failed="$failed $(basename "$t")"; printf '%s\n' "$out" | grep -v '^[0-9]*%: Checks' | head -40; [ -n "$p" ] || fail=$((fail + 1)); fi
done
echo "unit: $pass passed, $fail failed"
[ -z "$failed" ] || { echo "failing:$failed" >&2; exit 1; }
