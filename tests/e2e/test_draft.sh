# Issue 13, point 13: a terminal killed mid-intake loses nothing - the
# intake is kept as a draft (a 0600 file under the database's folder, not
# the ledger) and offered back at the clerk's next login; saving removes
# it.  At 80x24 in C.UTF-8 and zh_CN.UTF-8.
. tests/e2e/lib.sh
. tests/e2e/lang.sh
export BIANMIN_TERMINAL=counter-3
E2E_ENV="BIANMIN_TERMINAL=counter-3"
for LNG in $LANGS; do
	e2e_setup
	EV=$(sqlite3 "$DB" "SELECT count(*) FROM events")
	e2e_start 80 24 $LNG
	login_as
	key F2
	wait_for "$(tx "1 Applicant")"
	typ 欧阳修远; key Enter
	typ 511322198001011230; key Enter
	typ 13800001111; key Enter; key Enter
	wait_for "$(tx "Find item")"
	typ dibao
	wait_for "MZ-001"
	key Enter
	wait_for "$(tx "3 Materials")"
	key Space Down Space
	sleep 0.3
	# the terminal goes away
	kill_terminal
	f=$(ls "$T"/drafts/intake-1001-counter-3 2>/dev/null) || fail "no draft file"
	[ "$(stat -c %a "$f")" = 600 ] || fail "draft file is not 0600"
	[ "$(sqlite3 "$DB" "SELECT count(*) FROM events")" = "$EV" ] || fail "the draft went into the ledger"
	e2e_start 80 24 $LNG
	wait_for "$(tx "Clerk number")"
	typ 1001; key Enter; typ 1234; key Enter
	wait_for "欧阳修远"
	wait_for "(y/n)"
	key y
	wait_for "$(tx "3 Materials")"
	[ "$(screen | grep -c "^  \[x\]")" = 2 ] || fail "materials not back"
	key Enter
	wait_for "$(tx "Outcome: %s")"
	key F10
	NO=$(saved_no)
	[ -n "$NO" ] || fail "not saved"
	bm case show "$NO" > "$T/show"
	grep -q 13800001111 "$T/show" || fail "phone lost"
	grep -q "欧阳修远" "$T/show" || fail "name lost"
	grep -q "511322198001011230" "$T/show" || fail "ID lost"
	[ -e "$f" ] && fail "draft kept after saving"
	next_lang
done
echo ok
