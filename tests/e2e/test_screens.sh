# Login (a wrong PIN makes a countdown), F1 help on every screen (back to
# where it came from), search by phone, the case view with materials and
# timeline, a case opened from home, and NO_COLOR honoured.
. tests/e2e/lib.sh
e2e_setup
E2E_ENV="NO_COLOR=1" e2e_start 80 24 C.UTF-8
wait_for "Clerk number"
$TMUX_CMD capture-pane -e -p | grep -qE '\[(3|4)[0-7]m|38;5' && fail "colours despite NO_COLOR"
key F1
wait_for "Keys on this screen"
key Escape
wait_for "Clerk number"
typ 1001; key Enter; typ 9999; key Enter
wait_for "Wait 1 s"
wait_gone "Wait" 4
typ 1234; key Enter
wait_for "My open cases" 10

help_here() {   # help_here MARKER: F1 shows help, Esc comes back to MARKER
	key F1
	wait_for "Keys on this screen"
	screen | grep -q "$2" || fail "help for $1 lacks '$2'"
	key Escape
	wait_for "$1"
}
help_here "My open cases" "start a new intake"
key F2
wait_for "1 Applicant"
help_here "1 Applicant" "previous field"
typ 张三; key Enter; typ 511023199007203422
# a returning applicant (demo case of 王芳): her details are offered, F4 takes them
wait_for "Earlier case of this ID: 王芳 · 13800000003 · 新华村1组"
key F4
wait_for "taken from the earlier case"
screen | grep -q "Name  *王芳" || fail "F4 did not take the name"
screen | grep -q "Phone  *13800000003" || fail "F4 did not take the phone"
key Enter; key Enter; key Enter
wait_for "Find item"
help_here "Find item" "the next step"
typ SB-001; wait_for "SB-001 "; key Enter
wait_for "Decision so far"
help_here "Decision so far" "mark every material present"
key a Enter
wait_for "Outcome:"
help_here "Outcome:" "decide another kind"
# override needs a reason
key F6
wait_for "Override the decision"
key Down Down Down Enter
key Enter
wait_for "An override needs a written reason"
typ "申请人要求撤回申请"
key Enter
wait_for "Overridden: the rules said immediate"
key F10
NO=$(accepted_no)
bm case show "$NO" | grep -q "申请人要求撤回申请" || fail "override reason not in the ledger"
key Escape
wait_for "My open cases"

key F3
wait_for "case number, ID number, name or phone"
typ 13800000003
wait_for "2 found"                      # the demo case and the one just taken
key Down Enter
wait_for "Timeline"
screen | grep -q "Materials (6)" || fail "case view: no materials"
screen | grep -q "intake" || fail "case view: no intake event"
help_here "Timeline" "move down"
key Escape
wait_for "13800000003"
key Escape
wait_for "My open cases"
key Enter
wait_for "Timeline"
key Escape
wait_for "My open cases"
key F10
wait_for "Quit bianmin? (y/n)"          # home asks before quitting (issue 13)
key y
wait_for "EXITED 0"
echo ok
