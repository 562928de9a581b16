# Issue 13, point 15: the help read in an 80x24 terminal, both languages:
# `intake --help` keeps "BIANMIN_PIN or the terminal" on one line,
# `--help` says report is every clerk's 日结 and case does every step,
# and the man page has no "(--by, -PIN".
. tests/e2e/lib.sh
. tests/e2e/lang.sh
T=$(mktemp -d "${TMPDIR:-/tmp}/bm-e2e.XXXXXX")
for LNG in $LANGS; do
	$TMUX_CMD new-session -d -x 80 -y 24 \
		"cd '$ROOT' && env -i PATH='$PATH' TERM=screen LANG=$LNG LC_ALL=$LNG '$BIANMIN' intake --help; \
		 env -i PATH='$PATH' TERM=screen LANG=$LNG LC_ALL=$LNG '$BIANMIN' --help | grep -E '^  (report|case) '; \
		 echo DONE; sleep 60" || fail "tmux"
	wait_for DONE
	if [ "$LNG" = C.UTF-8 ]; then
		screen | grep -q "the PIN from BIANMIN_PIN or the terminal" || fail "intake --help breaks the PIN sentence"
		screen | grep "^  report " | grep -q "every clerk" || fail "--help: report"
		screen | grep "^  case " | grep -q "every step" || fail "--help: case"
	else
		screen | grep -q "密码取自 BIANMIN_PIN 或在终端输入" || fail "intake --help breaks the PIN sentence ($LNG)"
		screen | grep "^  report " | grep -q "每位工作人员" || fail "--help: report ($LNG)"
		screen | grep "^  case " | grep -q "受理后的每一步" || fail "--help: case ($LNG)"
	fi
	kill_terminal
done
if command -v man >/dev/null 2>&1; then
	# man-db drops to its own user: run it off make check-dates' faked clock
	m=$(env -u LD_PRELOAD -u FAKETIME -u FAKETIME_SHARED MANWIDTH=80 man -l man/bianmin.1 2>/dev/null) || fail "man -l failed"
	[ "$(printf '%s\n' "$m" | grep -c "(--by, -PIN")" = 0 ] || fail "man: (--by, -PIN"
fi
echo ok
