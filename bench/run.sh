#!/bin/sh
# run.sh - the benchmarks (make bench).  Builds bench/bench.c against the
# core library, runs it in a temporary folder, and times the real binary's
# start-up and a command-line intake.
set -eu
B=${B:-build}
BIANMIN=${BIANMIN:-./bianmin}
N=${BENCH_CASES:-2000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

echo "== core (bench/bench.c, $N cases) =="
"$B/bench/bench" "$tmp" "$N"

echo "== the binary =="
db="$tmp/cli.db"
BIANMIN_PIN=1234 "$BIANMIN" --db "$db" clerk add 1001 王小梅 --window 民政 >/dev/null
start=$(date +%s%N)
for i in $(seq 1 20); do "$BIANMIN" --db "$db" check-catalog >/dev/null; done
end=$(date +%s%N)
echo "bianmin check-catalog (start-up + load)      $(( (end - start) / 20000000 )) ms/run (20 runs)"
item=$(sed -n 's/^  - code: *\([A-Z0-9-]*\).*/\1/p' data/catalog.yaml | head -1)
start=$(date +%s%N)
for i in $(seq 1 20); do
	BIANMIN_PIN=1234 "$BIANMIN" --db "$db" intake --clerk 1001 --item "$item" --name 张三 \
		--id 11010519491231002X --duplicate-reason 基准测试 --have-all >/dev/null
done
end=$(date +%s%N)
echo "bianmin intake (PIN check + one transaction)  $(( (end - start) / 20000000 )) ms/run (20 runs)"
