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
# faketime T CMD...: libfaketime preloaded directly.  The faketime wrapper
# names a semaphore after its pid, and one a killed wrapper left behind in
# /dev/shm fails a later run with "sem_open: File exists".
for FT_LIB in /usr/lib/*/faketime/libfaketime.so.1 /usr/lib/faketime/libfaketime.so.1 ""; do
	[ -z "$FT_LIB" ] || [ -r "$FT_LIB" ] && break
done
if [ -n "$FT_LIB" ]; then
	faketime() { _t=$1; shift; FAKETIME="$_t" LD_PRELOAD="$FT_LIB${LD_PRELOAD:+:$LD_PRELOAD}" "$@"; }
fi
# bm ARGS...: at an early fixed time (BM_NOW), so that what a test does
# with bm (clerks) comes before what it does with `at` (bianmin refuses
# an event earlier than the ledger's newest: the clock went back)
BM_NOW=${BM_NOW:-2026-01-05 09:00:00}
bm() { faketime "$BM_NOW" "$BIANMIN" --db "$DB" "$@"; }
# at 'YYYY-MM-DD HH:MM:SS' ARGS...: run with a fixed clock
at() { t=$1; shift; faketime "$t" "$BIANMIN" --db "$DB" "$@"; }
die() { echo "FAIL: $*" >&2; exit 1; }
eq() { [ "$1" = "$2" ] || die "$3: expected '$2', got '$1'"; }
# setup_clerks: admin 1001/1234, clerk 1002/2222, supervisor 9001/9999
setup_clerks() {
	bm init >/dev/null || die "init"
	BIANMIN_PIN=1234 bm clerk add 1001 王小梅 --window 民政 >/dev/null || die "first clerk"
	BIANMIN_ADMIN_PIN=1234 BIANMIN_PIN=2222 bm clerk add 1002 李强 --window 社保 --by 1001 >/dev/null || die "clerk 1002"
	BIANMIN_ADMIN_PIN=1234 BIANMIN_PIN=9999 bm clerk add 9001 张建国 --role supervisor --by 1001 >/dev/null || die "supervisor"
}
