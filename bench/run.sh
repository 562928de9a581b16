#!/bin/sh
# run.sh - the benchmarks (make bench, make bench-big).  Each measure is
# printed beside its baseline from the same run (issue 17):
#   catalog_load vs a bare libyaml event parse of the same file;
#   case_accept vs a raw insert of the same rows with the same pragmas;
#   on seeded ledgers (bench/gen.c: the real case_accept and steps, so
#   verify passes) of BENCH_SIZES cases: each screen's and report's core
#   call vs the same SQL in the sqlite3 shell (bench/ratios.c), login to
#   home, verify's time and peak memory, verify --since-checkpoint after a
#   day's work, whole commands, and the file's bytes per case.
# Ledgers are kept in BENCH_DIR (default build/bench/ledgers) and reused.
set -eu
# test builds (BIANMIN_TEST_HOOKS): the generators' 4-digit PINs; the
# center's zone, as faketime reads the times below (ft: libfaketime
# preloaded, not the faketime command, which forks and can die on a stale
# semaphore; tests/faketime.sh says why)
export BIANMIN_TEST_PIN_MIN=4 TZ=Asia/Shanghai
. tests/faketime.sh
B=${B:-build}
BIANMIN=${BIANMIN:-./bianmin}
# a path, not a name env(1) would look for in PATH (make's BIN is "bianmin")
case $BIANMIN in /*) ;; *) BIANMIN=$(pwd)/$BIANMIN ;; esac
N=${BENCH_CASES:-2000}
SIZES=${BENCH_SIZES:-23000 236000}
DIR=${BENCH_DIR:-$B/bench/ledgers}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
mkdir -p "$DIR"

ms() {   # ms CMD...: median wall time of 5 runs, in ms
	for i in 1 2 3 4 5; do
		s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N)
		echo $(( (e - s) / 1000 ))
	done | sort -n | sed -n 3p | awk '{printf "%.1f", $1 / 1000}'
}

echo "== machine =="
echo "$(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GB", $2 / 1048576}' /proc/meminfo), $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)"
echo "SQLite $(sqlite3 --version | cut -d' ' -f1), libyaml $(pkg-config --modversion yaml-0.1)"

echo "== core (bench/bench.c, $N cases) =="
"$B/bench/bench" "$tmp" "$N"

echo "== baselines in the same run =="
"$B/bench/ratios" catalog data/catalog.yaml
"$B/bench/ratios" catalog "$tmp/catalog300.yaml"
"$B/bench/ratios" intake "$tmp" 200

for size in $SIZES; do
	db="$DIR/ledger-$size.db"
	if [ ! -s "$db" ] || [ "$B/bench/gen" -nt "$db" ]; then
		rm -f "$db" "$db-wal" "$db-shm"
		echo "== generating $size cases (bench/gen.c) =="
		s=$(date +%s)
		"$B/bench/gen" "$db" "$size" 2>/dev/null >"$db.today"
		echo "generated in $(( $(date +%s) - s )) s: $(cat "$db.today")"
		# a clerk with a cheap PIN, so whole commands measure the program,
		# not argon2id (measured on its own below)
		BIANMIN_TEST_FAST_PIN=1 BIANMIN_PIN=1111 BIANMIN_ADMIN_PIN=1234 \
			ft "$(cut -d' ' -f1 "$db.today") 17:50:00" "$BIANMIN" --db "$db" clerk add 1005 测试员 --window 民政 --by 1001 >/dev/null
	fi
	today=$(cut -d' ' -f1 "$db.today")
	echo "== $size cases (today $today) =="
	echo "file: $(( $(stat -c %s "$db") / 1048576 )) MB, $(( $(stat -c %s "$db") / size )) bytes a case"
	"$B/bench/ratios" screens "$db" "$today"
	# a full verify on a copy, leaving a checkpoint; a day's work; then
	# the daily check from that checkpoint
	# (at the end of the generated last day: the ledger refuses a clock
	# behind its newest event, and the checkpoint is an event)
	cp "$db" "$tmp/day.db"
	ft "$today 18:00:00" "$B/bench/ratios" verify "$tmp/day.db" checkpoint
	for i in 1 2 3 4 5 6 7 8 9 10; do
		BIANMIN_PIN=1111 ft "$today 18:10:00" "$BIANMIN" --db "$tmp/day.db" intake --clerk 1005 \
			--item "$(sed -n 's/^  - code: *\([A-Z0-9-]*\).*/\1/p' data/catalog.yaml | head -1)" \
			--name 张三 --id 11010519491231002X --duplicate-reason 基准测试 --have-all >/dev/null
	done
	ft "$today 18:20:00" "$B/bench/ratios" verify "$tmp/day.db" since
	rm -f "$tmp/day.db" "$tmp/day.db-wal" "$tmp/day.db-shm"
	no=$(sqlite3 "$db" "SELECT no FROM cases ORDER BY id DESC LIMIT 1")
	echo "whole commands (median of 5, ms):"
	echo "  bianmin --version                      $(ms "$BIANMIN" --version)"
	echo "  bianmin workdays (no database)         $(ms "$BIANMIN" workdays 2026-10-01 5)"
	echo "  case show (open + PIN + load)          $(ms env BIANMIN_PIN=1111 "$BIANMIN" --db "$db" case show "$no" --clerk 1005)"
	echo "  case list --open --owner 1002          $(ms env BIANMIN_PIN=1111 "$BIANMIN" --db "$db" case list --open --owner 1002 --clerk 1005)"
	echo "  case list --search 王小梅              $(ms env BIANMIN_PIN=1111 "$BIANMIN" --db "$db" case list --search 王小梅 --clerk 1005)"
	echo "  report day --all                       $(ms ft "$today 18:00:00" env BIANMIN_PIN=9999 "$BIANMIN" --db "$db" report day --all --clerk 9001)"
	echo "  report month                           $(ms ft "$today 18:00:00" env BIANMIN_PIN=9999 "$BIANMIN" --db "$db" report month "${today%-*}" --clerk 9001)"
	echo "  the same with argon2id (interactive) PIN: case show $(ms env BIANMIN_PIN=1234 "$BIANMIN" --db "$db" case show "$no" --clerk 1001)"
done
