#!/bin/sh
# run.sh - every tests/e2e/test_*.sh with $BIANMIN as the binary; prints
# "e2e: N passed, M failed" and exits 1 on any failure.
: "${BIANMIN:?set BIANMIN to the binary (make check-e2e does)}"
if ! command -v tmux >/dev/null 2>&1; then
	echo "e2e: tmux is not installed; skipped"
	echo "e2e: 0 passed, 0 failed"
	exit 0
fi
pass=0 failn=0
for t in tests/e2e/test_*.sh; do
	name=$(basename "$t" .sh)
	out=$(BIANMIN=$BIANMIN sh "$t" 2>&1)
	if [ $? -eq 0 ]; then
		pass=$((pass + 1))
		echo "PASS $name"
		[ -n "$E2E_VERBOSE" ] && echo "$out"
	else
		failn=$((failn + 1))
		echo "FAIL $name"
		echo "$out" | sed 's/^/    /'
	fi
done
echo "e2e: $pass passed, $failn failed"
[ "$failn" -eq 0 ]
