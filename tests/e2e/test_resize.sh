# A resize to 60x20 in the middle of typing a name shows the "terminal
# too small" screen; back at 80x24 the name is intact and typing goes on.
. tests/e2e/lib.sh
e2e_setup
e2e_start 80 24 C.UTF-8
login
key F2
wait_for "1 Applicant"
typ "欧阳"
wait_for "欧阳"
resize 60 20
wait_for "Terminal too small"
screen | grep -q "欧阳" && fail "the form is drawn in a too-small terminal"
resize 80 24
wait_for "1 Applicant"
screen | grep -q "Name  *欧阳" || fail "name lost after resize"
typ "娜娜"
wait_for "欧阳娜娜"
# the cursor is in the name field, after the typed text (4 CJK = 8 columns)
cx=$($TMUX_CMD display-message -p '#{cursor_x}')
line=$(screen | grep "欧阳娜娜")
start=$(printf '%s\n' "$line" | python3 -c "
import sys, unicodedata
s = sys.stdin.read().rstrip('\n')
i = s.index('欧')
print(sum(2 if unicodedata.east_asian_width(c) in 'WF' else 1 for c in s[:i]))")
[ "$cx" -eq $((start + 8)) ] || fail "cursor at column $cx, expected $((start + 8))"
# a resize while a question is open keeps the question
key Escape
wait_for "Discard the typed data?"
resize 100 30
wait_for "Discard the typed data?"
resize 80 24
key n
wait_gone "Discard the typed data?"
screen | grep -q "欧阳娜娜" || fail "name lost after the question"
echo ok
