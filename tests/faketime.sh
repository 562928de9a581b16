# faketime.sh - sourced by tests/cli/lib.sh and tests/e2e/lib.sh: commands
# on a clock the test chooses.
#
#   ft 'YYYY-MM-DD HH:MM:SS' CMD...   CMD on a clock that starts then and runs on
#
# libfaketime is preloaded directly, not through faketime(1): the wrapper
# forks (a kill hits the wrapper and leaves bianmin running), fails with
# "sem_open: File exists" when a killed process left its semaphore under a
# pid that comes round again, and counts from the outer fake when
# `make check-dates` runs a whole suite on a faked clock.
#
# FAKETIME_FLSHM=1 and no FAKETIME_SHARED: every process keeps its own
# libfaketime semaphore instead of sharing its parent's, so a process killed
# while holding it (kill -9 in test_kill, a tmux window closed) cannot
# stall the others; a semaphore left behind is only skipped by a later
# process of the same pid.
FAKETIME_LIB='/usr/$LIB/faketime/libfaketime.so.1'
ls /usr/lib/*/faketime/libfaketime.so.1 >/dev/null 2>&1 ||
	{ echo "FAIL: libfaketime is not installed (tools/deps.sh check)" >&2; exit 1; }

ft() {
	_t=$1
	shift
	env -u FAKETIME_SHARED FAKETIME_FLSHM=1 LD_PRELOAD="$FAKETIME_LIB" FAKETIME="@$_t" "$@"
}

# ft_forget PID: remove what libfaketime left in /dev/shm for a killed PID
ft_forget() { rm -f "/dev/shm/sem.faketime_sem_$1" "/dev/shm/faketime_shm_$1"; }
