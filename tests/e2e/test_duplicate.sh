# Issue 13, point 1: an intake that repeats an earlier case stops with a
# form showing the earlier case - an open case of the same person and
# item, or the same ID under another name; going on needs a reason, which
# the ledger keeps.  At 80x24 in C.UTF-8 and zh_CN.UTF-8.
. tests/e2e/lib.sh
. tests/e2e/lang.sh
for LNG in $LANGS; do
	e2e_setup
	NO=$(at_now "$BIANMIN" --db "$DB" intake --item MZ-001 --name 张伟 --id 511322198001011230 --have-all | head -1)
	[ -n "$NO" ] || fail "first intake"
	e2e_start 80 24 $LNG
	login_as
	# the same person and item again
	key F2
	wait_for "$(tx "1 Applicant")"
	typ 张伟; key Enter
	typ 511322198001011230; key Enter; key Enter; key Enter
	wait_for "$(tx "Find item")"
	typ mz001
	wait_for "MZ-001"
	key Enter
	wait_for "$(tx "An earlier case of this applicant")"
	screen | grep -qF "$NO" || fail "the earlier case is not shown ($LNG)"
	# going on without a reason is refused
	key Right Enter Enter
	wait_for "$(tx "Going on needs a reason: why is this not the same application?")"
	typ "上次材料退回后重新申请"; key Enter
	wait_for "$(tx "3 Materials")"
	key a Enter
	wait_for "$(tx "Outcome: %s")"
	key F10
	NEW=$(saved_no)
	[ -n "$NEW" ] && [ "$NEW" != "$NO" ] || fail "no new case"
	bm case show "$NEW" | grep -q "duplicate_noted.*上次材料退回后重新申请" || fail "the reason is not in the ledger"
	sqlite3 "$DB" "SELECT details FROM events WHERE type = 'duplicate_noted'" | grep -q "$NO" || fail "the earlier case is not named in the ledger"
	key Escape
	wait_for "$(tx "My open cases: %zu")"
	# the same ID under another name, for another item: stops too; open it
	key F2
	wait_for "$(tx "1 Applicant")"
	typ 张为; key Enter
	typ 511322198001011230; key Enter; key Enter; key Enter
	wait_for "$(tx "Find item")"
	typ SB001
	wait_for "SB-001"
	key Enter
	wait_for "$(tx "same ID number under another name")"
	key Enter Enter                     # "Open the earlier case"
	wait_for "$NEW"
	screen | grep -qF "张伟" || fail "the earlier case did not open ($LNG)"
	ls "$T"/drafts/intake-1001-* >/dev/null 2>&1 && fail "the left intake's draft is kept ($LNG)"
	next_lang
done
echo ok
