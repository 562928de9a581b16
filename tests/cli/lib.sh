# lib.sh - sourced by the CLI tests: a temp dir, the binary on a fresh
# database, and small assertions.
set -u
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
DB=$T/test.db
export BIANMIN_TEST_FAST_PIN=1
# test builds only (BIANMIN_TEST_HOOKS): the suites' 4-digit PINs
export BIANMIN_TEST_PIN_MIN=4
# times in the tests are the center's (Asia/Shanghai), as faketime reads them
export TZ=Asia/Shanghai
unset BIANMIN_PIN BIANMIN_ADMIN_PIN BIANMIN_CLERK BIANMIN_NEW_PIN
export LC_ALL=C.UTF-8
# ft TIME CMD...: CMD on a clock that starts at TIME (tests/faketime.sh)
. "$(dirname "$0")/../faketime.sh"
# Every test runs on a clock it chooses: bm on $CLI_NOW (the morning the
# tests' clerks are set up), at on the time it is given.
CLI_NOW=${CLI_NOW:-2026-09-01 08:00:00}
bm() { ft "$CLI_NOW" "$BIANMIN" --db "$DB" "$@"; }
# at 'YYYY-MM-DD HH:MM:SS' ARGS...: bianmin on that clock
at() { t=$1; shift; ft "$t" "$BIANMIN" --db "$DB" "$@"; }
# at_exec: the same, but bianmin replaces the calling (sub)shell, so $! of
# `( at_exec ... ) &` is bianmin itself - for a test that kills it
at_exec() { t=$1; shift; exec env -u FAKETIME_SHARED FAKETIME_FLSHM=1 LD_PRELOAD="$FAKETIME_LIB" FAKETIME="@$t" "$BIANMIN" --db "$DB" "$@"; }
die() { echo "FAIL: $*" >&2; exit 1; }
eq() { [ "$1" = "$2" ] || die "$3: expected '$2', got '$1'"; }
# setup_clerks: admin 1001/1234, clerk 1002/2222, supervisor 9001/9999
setup_clerks() {
	bm init >/dev/null || die "init"
	BIANMIN_PIN=1234 bm clerk add 1001 王小梅 --window 民政 >/dev/null || die "first clerk"
	BIANMIN_ADMIN_PIN=1234 BIANMIN_PIN=2222 bm clerk add 1002 李强 --window 社保 --by 1001 >/dev/null || die "clerk 1002"
	BIANMIN_ADMIN_PIN=1234 BIANMIN_PIN=9999 bm clerk add 9001 张建国 --role supervisor --by 1001 >/dev/null || die "supervisor"
}
