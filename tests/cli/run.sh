#!/bin/sh
# run.sh - run every tests/cli/test_*.sh with $BIANMIN as the binary.
# Prints "cli: N passed, M failed"; exit 1 on any failure.
: "${BIANMIN:=./bianmin}"
case $BIANMIN in /*) ;; *) BIANMIN=$(pwd)/$BIANMIN ;; esac
export BIANMIN
dir=$(dirname "$0")
pass=0; fail=0; failed=""
for t in "$dir"/test_*.sh; do
	out=$(sh "$t" 2>&1); rc=$?
	if [ $rc -eq 0 ]; then
		pass=$((pass + 1)); echo "PASS $(basename "$t")"
	else
		fail=$((fail + 1)); failed="$failed $(basename "$t")"
		echo "FAIL $(basename "$t")"; printf '%s\n' "$out" | tail -30 | sed 's/^/    /'
	fi
done
echo "cli: $pass passed, $fail failed"
[ $fail -eq 0 ]
