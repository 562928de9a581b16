# A supervisor reassigns an absent clerk's cases (issue 6 item 10): 9001
# hands one case of 1001 to 1002 from the case view (H), the case view
# shows the pending handover, then reassigns all of 1001's other open
# cases from home (the form's From clerk field); 1002 logs in and takes
# them over.  Owners are checked with the command line, then `verify`.
. tests/e2e/lib.sh
e2e_setup
export BIANMIN_TEST_FAST_PIN=1
BIANMIN_ADMIN_PIN=1234 BIANMIN_PIN=5678 bm clerk add 1002 李强 --window 民政 --by 1001 >/dev/null 2>&1 ||
	fail "clerk add 1002"
no_of() { bm case list | awk -v k="$1" '$2 == k { print $1; exit }'; }
PRO=$(no_of promised)
[ -n "$PRO" ] || fail "demo case not found"
n_open=$(bm case list --open --owner 1001 2>/dev/null | grep -c '^QS-')

e2e_start 80 24 C.UTF-8
wait_for "Clerk number"
typ 9001; key Enter; typ 9999; key Enter
wait_for "Open cases" 10

# one case, from the case view
key F3
wait_for "case number, ID number"
key C-u; typ "$PRO"
wait_for "1 found"
key Enter
wait_for "Timeline"
key H
wait_for "To clerk"
typ 1002; key Enter; typ "王小梅休假"; key Enter
wait_for "Handover HO-" 10
wait_for "Handover pending: 1001 to 1002" 5
bm case show "$PRO" | grep -q "^Owner: *1001" || fail "case handover: owner changed before acknowledge"
key Escape; wait_for "found"; key Escape
wait_for "Open cases"

# the rest of 1001's open cases, from home: From clerk is above To
key h
wait_for "From clerk"
key BTab; key C-u; typ 1001; key Enter
typ 1002; key Enter; key Enter; typ "病假"; key Enter
wait_for "cases of 1001 to 1002" 10
wait_for "Handed by 1001 to 1002" 5
ls "$T"/spool/HO-*-1001* >/dev/null 2>&1 || fail "reassign: no 交接单"

# 1002 takes them over
key F9
wait_for "Clerk number"
typ 1002; key Enter; typ 5678; key Enter
wait_for "Handed to you by 1001" 10
key a
wait_for "handed to you?"
key y
wait_for "Taken over" 10
bm case show "$PRO" | grep -q "^Owner: *1002" || fail "acknowledge: $PRO not 1002's"
left=$(bm case list --open --owner 1001 2>/dev/null | grep -c '^QS-')
[ "$left" -eq 0 ] || fail "1001 still owns $left open cases (of $n_open)"
bm verify >/dev/null || fail "verify"
key F10
wait_for "Quit bianmin? (y/n)"          # home asks before quitting (issue 13)
key y
wait_for "EXITED 0"
echo ok
