# Issue 13, point 16: at the counter, not the command line - a clerk
# changes their own PIN (p on home) and logs in with it; a supervisor
# voids a case's receipt (V in the case view) with a reason; the figures
# export as CSV (x); a plain clerk sees their own month.  80x24, both
# languages.
. tests/e2e/lib.sh
. tests/e2e/lang.sh
for LNG in $LANGS; do
	e2e_setup
	RNO=$(at_now "$BIANMIN" --db "$DB" intake --item HJ-005 --name 孙八 --id 110101199003074119 --have-all | head -1)
	BIANMIN_ADMIN_PIN=1234 BIANMIN_PIN=5678 at_now "$BIANMIN" --db "$DB" clerk add 1002 李明 --window 户籍 --by 1001 \
		>/dev/null || fail "clerk add"
	e2e_start 80 24 "$LNG"
	login_as 1002 5678
	# my PIN
	key p
	wait_for "$(tx "Change my PIN")"
	typ 5678; key Enter; typ 2468; key Enter; typ 2468; key Enter
	wait_for "$(tx "Your PIN is changed; use it from the next login.")"
	# my month, and its CSV
	key F7
	wait_for "$(tx "My month %04d-%02d (Left/Right: another month)")"
	key x
	wait_for "spool/FIGURES-"
	ls "$T"/spool/FIGURES-2026-11-1002-*.csv >/dev/null 2>&1 || fail "no CSV"
	grep -q "month,clerk,received" "$T"/spool/FIGURES-2026-11-1002-*.csv || fail "CSV head"
	key Escape
	wait_for "$(tx "My open cases: %zu")"
	key F9
	login_as 1002 2468                   # the new PIN works
	key F9
	# the supervisor voids the receipt
	login_as 9001 9999
	key F3
	wait_for "$(tx "Find")"
	typ "$RNO"
	wait_for "$RNO"
	key Enter
	wait_for "2026-000001"
	key V
	wait_for "$(tx "Void (作废) receipt %s of %s" | cut -c1-2)"
	typ "金额开错"; key Enter
	wait_for "$(tx "Receipt %s voided (作废); it stays in the ledger, marked.")"
	shown=$(bm case show "$RNO" 2>&1)
	printf '%s\n' "$shown" | grep -q "void.*金额开错" || fail "void not in the ledger: $shown"
	at_now "$BIANMIN" --db "$DB" verify >/dev/null || fail "verify after the void"
	next_lang
done
echo ok
