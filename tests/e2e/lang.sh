# lang.sh - for tests run in both languages: $LANGS (C.UTF-8, and
# zh_CN.UTF-8 when the machine has it), tx TEXT (the msgid's translation
# in $LNG up to its first placeholder), login_as (log in, whatever $LNG).
LANGS=C.UTF-8
locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$' && LANGS="$LANGS zh_CN.UTF-8"
tx() {
	t=
	[ "$LNG" = C.UTF-8 ] || t=$(TEXTDOMAINDIR="${B:-build}/locale" LANGUAGE=zh_CN LC_ALL=$LNG gettext bianmin "$1" 2>/dev/null)
	[ -n "$t" ] || t=$1
	printf '%s\n' "${t%%%*}"
}
login_as() {
	wait_for "$(tx "Clerk number")"
	typ "${1:-1001}"; key Enter; typ "${2:-1234}"; key Enter
	wait_for "$(tx "My open cases: %zu")" 10
	KEYS=0
}
# the terminal goes away (killed with the program in it); the next
# e2e_start opens a new one on a socket of its own
TERMS=0
kill_terminal() {
	$TMUX_CMD kill-server 2>/dev/null
	TERMS=$((TERMS + 1))
	TMUX_CMD="env -u LD_PRELOAD -u FAKETIME -u FAKETIME_SHARED -u FAKETIME_FLSHM tmux -L $SOCK-$TERMS -f /dev/null"
}
# the next language: a fresh database and terminal
next_lang() {
	kill_terminal
	sleep 0.3   # the program, hung up, may still be writing its draft
	rm -rf "$T"
}
# the case number on the screen after F10 (accepted or not), any language
saved_no() {
	n=200
	while [ "$n" -gt 0 ]; do
		no=$(screen | grep -o 'QS-[0-9]\{8\}-[0-9]\{4\}' | head -1)
		[ -n "$no" ] && { echo "$no"; return 0; }
		sleep 0.05
		n=$((n - 1))
	done
}
# a fresh demo database, the counter at 80x24 in $LNG, logged in as $1
start_in() {
	e2e_setup
	e2e_start 80 24 "$LNG"
	login_as "${1:-1001}" "${2:-1234}"
}
# the status line (the last row of the screen)
status_line() { screen | tail -1; }
