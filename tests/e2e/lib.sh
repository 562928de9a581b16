# lib.sh - helpers for the terminal tests: the real binary in tmux, on a
# private socket, at a fixed size; keys with send-keys, the screen with
# capture-pane; wait loops instead of fixed sleeps.  Sourced by test_*.sh.
#
#   e2e_setup            fresh temp dir + demo database ($DB), made at $E2E_NOW
#   at_now CMD...        run CMD on the test's clock (faketime from $E2E_NOW)
#   e2e_start W H LANG   open bianmin in a tmux window of W x H
#   key K...             send named keys (counted in $KEYS)
#   typ TEXT             type text (not counted)
#   wait_for TEXT [S]    until TEXT is on screen (fixed string), else fail
#   screen               print the screen
#   fail MSG             print MSG and the screen, exit 1

: "${BIANMIN:?set BIANMIN to the binary}"
case $BIANMIN in /*) ;; *) BIANMIN=$(pwd)/$BIANMIN ;; esac
ROOT=$(pwd)
KEYS=0
SOCK=bm-e2e-$$
# tmux itself on the machine's clock: under make check-dates the suite runs
# with libfaketime preloaded, and a tmux server (and its panes' shells)
# inheriting it shared a semaphore that could vanish with another process;
# the program in the pane gets its own clock explicitly (e2e_start)
TMUX_CMD="env -u LD_PRELOAD -u FAKETIME -u FAKETIME_SHARED -u FAKETIME_FLSHM tmux -L $SOCK -f /dev/null"
export BIANMIN_CLERK=1001 BIANMIN_PIN=1234
# the center's zone (as faketime reads E2E_NOW); test builds' PIN switches
export TZ=Asia/Shanghai BIANMIN_TEST_FAST_PIN=1 BIANMIN_TEST_PIN_MIN=4
# Every terminal test runs on a clock it chooses, never the machine's: the
# demo is made and the counter starts at $E2E_NOW (a Monday), and the clock
# runs on from there.  A test may set E2E_NOW before sourcing this file.
E2E_NOW=${E2E_NOW:-2026-11-23 09:30:00}
. "$ROOT/tests/faketime.sh"
at_now() { ft "$E2E_NOW" "$@"; }
# the sanitizer's options survive `env -i` (faketime preloads before ASan)
SAN_PASS=""
[ -n "${ASAN_OPTIONS:-}" ] && SAN_PASS="ASAN_OPTIONS='$ASAN_OPTIONS'"
[ -n "${LSAN_OPTIONS:-}" ] && SAN_PASS="$SAN_PASS LSAN_OPTIONS='$LSAN_OPTIONS'"

e2e_cleanup() {
	$TMUX_CMD kill-server 2>/dev/null
	# anything the program said on stderr is shown (a sanitizer report ...)
	if [ -s "$T/stderr" ]; then echo "---- bianmin stderr ----"; cat "$T/stderr"; fi
	[ -n "$T" ] && rm -rf "$T"
}
trap e2e_cleanup EXIT

e2e_setup() {
	T=$(mktemp -d "${TMPDIR:-/tmp}/bm-e2e.XXXXXX")
	DB=$T/bianmin.db
	at_now "$BIANMIN" --db "$DB" demo >/dev/null || { echo "FAIL: demo database"; exit 1; }
}

e2e_start() {
	w=$1 h=$2 lang=${3:-C.UTF-8}
	# the program runs under `env` so the locale is exactly what we say;
	# stderr goes to a file we can show on failure.
	$TMUX_CMD new-session -d -x "$w" -y "$h" \
		"cd '$ROOT' && env -i PATH='$PATH' HOME='$T' TERM=screen LANG=$lang LC_ALL=$lang TZ=Asia/Shanghai BIANMIN_TEST_FAST_PIN=1 BIANMIN_TEST_PIN_MIN=4 \
		 $SAN_PASS ${E2E_ENV:-} FAKETIME_FLSHM=1 LD_PRELOAD='$FAKETIME_LIB' FAKETIME='@$E2E_NOW' '$BIANMIN' --db '$DB' ${E2E_ARGS:-} 2>'$T/stderr'; echo EXITED \$?; sleep 60" || {
		echo "FAIL: tmux"; exit 1; }
	$TMUX_CMD set-option -g remain-on-exit on >/dev/null 2>&1
}

screen() { $TMUX_CMD capture-pane -p; }

fail() {
	echo "FAIL: $*"
	echo "---- screen ----"
	screen
	echo "---- stderr ----"
	cat "$T/stderr" 2>/dev/null
	exit 1
}

key() {
	for k in "$@"; do
		$TMUX_CMD send-keys "$k"
		KEYS=$((KEYS + 1))
	done
}

typ() { $TMUX_CMD send-keys -l "$1"; }

# wait_for TEXT [SECONDS]
wait_for() {
	n=$(( ${2:-5} * 20 ))
	while [ "$n" -gt 0 ]; do
		screen | grep -qF -- "$1" && return 0
		sleep 0.05
		n=$((n - 1))
	done
	fail "waited for '$1'"
}

# wait_gone TEXT [SECONDS]
wait_gone() {
	n=$(( ${2:-5} * 20 ))
	while [ "$n" -gt 0 ]; do
		screen | grep -qF -- "$1" || return 0
		sleep 0.05
		n=$((n - 1))
	done
	fail "waited for '$1' to go"
}

resize() { $TMUX_CMD resize-window -x "$1" -y "$2"; }

login() {
	wait_for "Clerk number"
	typ 1001; key Enter; typ 1234; key Enter
	wait_for "My open cases" 10
	KEYS=0
}

# The case number shown after a confirmed intake (a 退回件 says "Not
# accepted (退回件): case NO").
accepted_no() {
	wait_for ": case " 10
	screen | sed -n 's/.*ccepted[^:]*: case \([A-Z0-9-]*\).*/\1/p' | head -1
}

bm() { at_now "$BIANMIN" --db "$DB" "$@"; }

# e2e_date [DAYS]: the test's date, DAYS (default 0) days later, YYYY-MM-DD
e2e_date() { date -u -d "${E2E_NOW%% *} ${1:-0} days" +%Y-%m-%d; }
