# Issue 13, point 12: what is typed is checked - a phone 138-0838-12 is
# refused at its field with the count of digits; an applicant born in
# 1990 is refused 高龄津贴 (80 and over) with the reason, at the counter
# and on the command line.  80x24, both languages.
. tests/e2e/lib.sh
. tests/e2e/lang.sh
for LNG in $LANGS; do
	start_in
	key F2
	wait_for "$(tx "1 Applicant")"
	typ 王一; key Enter
	typ 511322199001011235; key Enter
	typ 138-0838-12; key Enter
	wait_for "$(tx "%s has %zu digits; a mobile number has 11.")"
	screen | grep -qF "$(tx "Find item")" && fail "went on with a bad phone ($LNG)"
	key C-u
	typ 13808381212; key Enter; key Enter
	wait_for "$(tx "Find item")"
	typ gljt
	wait_for "MZ-004"
	key Enter
	# refused, with the reason: the age on the day and the birth date
	wait_for "1990-01-01"
	screen | tr -d '\n' | grep -q "80.*1990-01-01.*36" || fail "no reason with the age limit ($LNG)"
	screen | grep -qF "$(tx "Find item")" || fail "went on to the materials ($LNG)"
	next_lang
done
# the command line says the same
out=$(at_now "$BIANMIN" --db "$DB" intake --item MZ-004 --name 王一 --id 511322199001011235 --have-all 2>&1) \
	&& fail "command line took the intake"
echo "$out" | grep -q "aged 80 and over.*born 1990-01-01.*is 36" || fail "command line reason: $out"
out=$(at_now "$BIANMIN" --db "$DB" intake --item MZ-001 --name 王一 --id 511322199001011235 --phone 138-0838-12 --have-all 2>&1) \
	&& fail "command line took the phone"
echo "$out" | grep -q "9 digits" || fail "command line phone: $out"
echo ok
