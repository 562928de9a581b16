#!/bin/sh
# test_help_text.sh - issue 13, point 15: the help and the man page read
# as sentences: `clerk add` without "(--by, -PIN", the `print` entry with
# balanced parentheses, `report` not "(supervisors)" only, `case` doing
# every step, `intake --help` not breaking "BIANMIN_PIN or the terminal".
. "$(dirname "$0")/lib.sh"
if command -v man >/dev/null 2>&1; then
# (man-db drops to its own user for the pipeline: without the faked clock
# of make check-dates, whose libfaketime semaphore that user cannot open)
m=$(env -u LD_PRELOAD -u FAKETIME -u FAKETIME_SHARED MANWIDTH=80 man -l man/bianmin.1 2>/dev/null) || die "man"
eq "$(printf '%s\n' "$m" | grep -c "(--by, -PIN")" "0" "man: clerk add"
# the print entry, from its head to the next entry: as many ( as )
p=$(printf '%s\n' "$m" | awk '/^     print no/ { on = 1; print; next } on && /^     [a-z]/ { exit } on')
[ -n "$p" ] || die "man: no print entry"
o=$(printf '%s' "$p" | tr -cd '(' | wc -c); c=$(printf '%s' "$p" | tr -cd ')' | wc -c)
eq "$o" "$c" "man: print entry parentheses"
else
	echo "man is not installed: the man page checks skipped" >&2
fi
h=$(LC_ALL=C.UTF-8 "$BIANMIN" --help)
printf '%s\n' "$h" | grep "^  report " | grep -q "every clerk" || die "--help: report is every clerk's: $h"
printf '%s\n' "$h" | grep "^  case " | grep -q "every step" || die "--help: case does every step"
i=$(LC_ALL=C.UTF-8 "$BIANMIN" intake --help)
printf '%s\n' "$i" | grep -q "BIANMIN_PIN or the terminal" || die "intake --help breaks 'BIANMIN_PIN or the terminal'"
printf '%s\n' "$i" | grep -q -- "--duplicate-reason" || die "intake --help: --duplicate-reason"
exit 0
