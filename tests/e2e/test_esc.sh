# Esc asks before throwing typed data away; with nothing typed it just
# goes back.  Esc on later steps goes one step back keeping everything.
. tests/e2e/lib.sh
e2e_setup
e2e_start 80 24 C.UTF-8
login
key F2
wait_for "1 Applicant"
key Escape
wait_for "My open cases"                # nothing typed: no question
key F2
wait_for "1 Applicant"
typ "李雷"
key Escape
wait_for "Discard the typed data? (y/n)"
key n
wait_gone "Discard the typed data?"
screen | grep -q "李雷" || fail "name lost after answering no"
key Enter
typ 511322198001011230; key Enter; key Enter; key Enter
wait_for "Find item"
typ SB-001
wait_for "SB-001 "
key Enter
wait_for "Decision so far"
# nothing ticked: a refusal.  Enter on the outcome asks before saving it
key Enter
wait_for "Outcome: returned"
key Enter
wait_for "Save this refusal"
key n
wait_gone "Save this refusal"
[ "$(bm case list | grep -c "李雷")" -eq 0 ] || fail "Enter saved a case without asking"
key Escape
wait_for "Decision so far"
key Escape
wait_for "Find item"                     # one step back
key Escape
wait_for "1 Applicant"
screen | grep -q "511322198001011230" || fail "ID lost going back"
key Escape
wait_for "Discard the typed data?"
key y
wait_for "My open cases"
n=$(bm case list | grep -c "李雷")
[ "$n" -eq 0 ] || fail "a discarded intake was saved"
echo ok
