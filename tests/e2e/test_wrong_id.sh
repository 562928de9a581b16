# A wrong ID number is refused at the field, with the failed check shown
# as soon as the 18th character is typed; fixing it lets the intake go on.
. tests/e2e/lib.sh
e2e_setup
e2e_start 80 24 C.UTF-8
login
key F2
wait_for "1 Applicant"
typ "张三"; key Enter
typ 511322198001011231             # check digit should be 0
wait_for "check digit"
key Enter
wait_for "Wrong ID number"
screen | grep -q "Find item" && fail "went on with a bad ID"
screen | grep -q "1 Applicant" || fail "left the applicant step"
# a birth date that is not a real date
key BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace BSpace
typ 199013320019
wait_for "not a real date"
# too short: refused with the count
for i in 1 2 3 4 5 6 7 8 9 10 11 12; do key BSpace; done
typ 19800101
key Enter
wait_for "it needs 18"
for i in 1 2 3 4 5 6 7 8; do key BSpace; done
typ 198001011230
wait_for "valid"
screen | grep -q "check digit" && fail "old message still shown"
key Enter
wait_for "Phone"
key Enter Enter
wait_for "Find item"
echo ok
