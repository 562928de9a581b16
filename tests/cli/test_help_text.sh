#!/bin/sh
# test_help_text.sh - issue 13, point 15: the help and the man page read
# as sentences: `clerk add` without "(--by, -PIN", the `print` entry with
# balanced parentheses, `report` not "(supervisors)" only, `case` doing
# every step, `intake --help` not breaking "BIANMIN_PIN or the terminal".
# Every command's help, and each step's, fits 80 columns in English and in
# Chinese (a wide character is two), and the Chinese is Chinese.
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
# every help in 80 columns
cmds=$(LC_ALL=C.UTF-8 "$BIANMIN" --help | awk '/^Commands:/ { on = 1; next } on && /^  [a-z]/ { print $1 } on && /^$/ { exit }')
[ -n "$cmds" ] || die "no commands in --help"
steps=$(LC_ALL=C.UTF-8 "$BIANMIN" case --help | sed -n 's/^  bianmin case \([a-z]*\) NO.*/\1/p' | sort -u)
[ -n "$steps" ] || die "no steps in case --help"
for lang in C.UTF-8 zh_CN.UTF-8; do
	for c in "" $cmds $(printf 'case %s\n' $steps | tr ' ' ':') report:month report:day county:report; do
		out=$(env LC_ALL=$lang LANGUAGE=${lang%%.*} "$BIANMIN" $(echo "$c" | tr ':' ' ') --help 2>&1)
		wide=$(printf '%s\n' "$out" | python3 -c '
import sys, unicodedata
for l in sys.stdin:
    l = l.rstrip("\n")
    if sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in l) > 80:
        print(l)')
		[ -z "$wide" ] || die "$lang: bianmin $c --help is wider than 80 columns: $wide"
	done
done
# the Chinese usage is translated, not the English left standing
for c in "" $cmds; do
	en=$(env LC_ALL=C.UTF-8 "$BIANMIN" $c --help 2>&1)
	zh=$(env LC_ALL=zh_CN.UTF-8 LANGUAGE=zh_CN "$BIANMIN" $c --help 2>&1)
	[ "$en" != "$zh" ] || die "zh_CN: bianmin $c --help is the English text"
	[ "$(printf '%s\n' "$en" | head -1)" != "$(printf '%s\n' "$zh" | head -1)" ] ||
		die "zh_CN: bianmin $c --help begins in English: $(printf '%s\n' "$zh" | head -1)"
done
exit 0
