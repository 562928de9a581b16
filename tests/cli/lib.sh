# lib.sh - sourced by the CLI tests: a temp dir, the binary on a fresh
# database, and small assertions.
set -u
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
DB=$T/test.db
export BIANMIN_TEST_FAST_PIN=1
unset BIANMIN_PIN BIANMIN_ADMIN_PIN BIANMIN_CLERK BIANMIN_NEW_PIN
export LC_ALL=C.UTF-8
# Every test runs on a clock it chooses: bm on $CLI_NOW (the morning the
# tests' clerks are set up), at on the time it is given.
CLI_NOW=${CLI_NOW:-2026-09-01 08:00:00}
bm() { ft "$CLI_NOW" "$BIANMIN" --db "$DB" "$@"; }
# ft 'YYYY-MM-DD HH:MM:SS' CMD...: CMD on a clock that starts at that time
# and runs on.  libfaketime is preloaded directly rather than through the
# faketime command, which leaves shared-memory files behind when killed,
# forks (a killed wrapper leaves bianmin running) and counts from the outer
# fake when make check-dates runs the suites themselves on a faked clock.
FAKETIME_LIB='/usr/$LIB/faketime/libfaketime.so.1'
ls /usr/lib/*/faketime/libfaketime.so.1 >/dev/null 2>&1 ||
	{ echo "FAIL: libfaketime is not installed (tools/deps.sh check)" >&2; exit 1; }
ft() { _t=$1; shift; env -u FAKETIME_SHARED LD_PRELOAD="$FAKETIME_LIB" FAKETIME="@$_t" "$@"; }
# at 'YYYY-MM-DD HH:MM:SS' ARGS...: bianmin on that clock
at() { t=$1; shift; ft "$t" "$BIANMIN" --db "$DB" "$@"; }
# at_exec: the same, but bianmin replaces the calling (sub)shell, so $! of
# `( at_exec ... ) &` is bianmin itself - for a test that kills it
at_exec() { t=$1; shift; exec env -u FAKETIME_SHARED LD_PRELOAD="$FAKETIME_LIB" FAKETIME="@$t" "$BIANMIN" --db "$DB" "$@"; }
# Every test runs on a clock it chooses: bm on $CLI_NOW (the morning the
# tests' clerks are set up), at on the time it is given.
CLI_NOW=${CLI_NOW:-2026-09-01 08:00:00}
bm() { ft "$CLI_NOW" "$BIANMIN" --db "$DB" "$@"; }
command -v faketime >/dev/null 2>&1 || { echo "FAIL: faketime is not installed (tools/deps.sh check)" >&2; exit 1; }
# ft TIME CMD...: CMD on the clock TIME, whatever clock the test itself runs
# under (make check-dates runs the suites inside a faked clock; faketime
# inside libfaketime would count from the outer fake)
ft() { env -u LD_PRELOAD -u FAKETIME -u FAKETIME_SHARED faketime "$@"; }
# at 'YYYY-MM-DD HH:MM:SS' ARGS...: run with a fixed clock
at() { t=$1; shift; ft "$t" "$BIANMIN" --db "$DB" "$@"; }
# at_exec 'YYYY-MM-DD HH:MM:SS' ARGS...: the same clock, but bianmin IS the
# process (the faketime command forks; a test that kills needs the pid)
FAKETIME_LIB=$(ls /usr/lib/*/faketime/libfaketime.so.1 /usr/lib/faketime/libfaketime.so.1 2>/dev/null | head -1)
at_exec() {
	[ -n "$FAKETIME_LIB" ] || die "libfaketime.so.1 not found"
	t=$1; shift
	LD_PRELOAD="$FAKETIME_LIB" FAKETIME="@$t" exec "$BIANMIN" --db "$DB" "$@"
}
die() { echo "FAIL: $*" >&2; exit 1; }
eq() { [ "$1" = "$2" ] || die "$3: expected '$2', got '$1'"; }
# setup_clerks: admin 1001/1234, clerk 1002/2222, supervisor 9001/9999
setup_clerks() {
	BIANMIN_PIN=1234 bm clerk add 1001 王小梅 --window 民政 >/dev/null || die "first clerk"
	BIANMIN_ADMIN_PIN=1234 BIANMIN_PIN=2222 bm clerk add 1002 李强 --window 社保 --by 1001 >/dev/null || die "clerk 1002"
	BIANMIN_ADMIN_PIN=1234 BIANMIN_PIN=9999 bm clerk add 9001 张建国 --role supervisor --by 1001 >/dev/null || die "supervisor"
}
