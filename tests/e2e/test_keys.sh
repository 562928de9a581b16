# Bindings come from center.yaml `keys:`: rebinding new_intake to F7 and
# ^N changes the status line, the help and what the keys do; a key name
# that is not one is reported, not ignored.
. tests/e2e/lib.sh
e2e_setup
sed '/^keys:/,$d' data/center.yaml > "$T/center.yaml"
cat >> "$T/center.yaml" <<'YAML'
keys:
  new_intake: [F7, ^N]
  search: [F3, Hyper-X]
YAML
E2E_ARGS="--config $T/center.yaml" e2e_start 80 24 C.UTF-8
wait_for "'Hyper-X' is not a key name"
login
screen | tail -1 | grep -q "F7 New" || fail "status line does not show F7 New"
key F1
wait_for "F7, ^N"
key Escape
wait_for "My open cases"
key F2 F1                               # F2 is free now: F1 shows home's help
wait_for "Keys on this screen"
screen | grep -q "leave bianmin" || fail "F2 still starts an intake"
key Escape
wait_for "My open cases"
key C-n
wait_for "1 Applicant"
key Escape
wait_for "My open cases"
key F7
wait_for "1 Applicant"
echo ok
