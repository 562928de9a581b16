# An intake of each kind end to end in C.UTF-8 (immediate, promised,
# supplement, returned, joint, forwarded), each checked in the database
# afterwards; the supplement one is the "Done when" intake, whose keys are
# counted (<= 25 besides the typed name, ID and phone).
. tests/e2e/lib.sh
e2e_setup
e2e_start 80 24 C.UTF-8
login

# intake CODE NAME ID KEYS... (keys for the materials step)
intake() {
	code=$1 name=$2 id=$3; shift 3
	key F2
	wait_for "1 Applicant"
	typ "$name"; key Enter
	typ "$id"; key Enter
	typ 13900001111; key Enter
	key Enter                       # address left empty: next step
	wait_for "Find item"
	typ "$code"
	wait_for "$code "
	key Enter
	wait_for "Decision so far"
	[ $# -gt 0 ] && key "$@"
	key Enter
	wait_for "Outcome:"
	key F10
	NO=$(accepted_no)
	[ -n "$NO" ] || fail "no case number for $code"
	key Escape
	wait_for "My open cases"
}

check_kind() {
	bm case show "$1" > "$T/show" || fail "case show $1"
	grep -q "^Kind: *$2" "$T/show" || { cat "$T/show"; fail "case $1 is not $2"; }
}

# The "Done when" intake: six materials, the two supporting ones missing,
# the item found by its pinyin initials.  Count every key from home.
KEYS=0
key F2
wait_for "1 Applicant"
typ "赵六"; key Enter
typ 511322198001011230; key Enter
typ 13800001111; key Enter
key Enter
wait_for "Find item"
for c in d b s q; do key "$c"; done
wait_for "城乡居民最低生活保障申请"
screen | grep -F "MZ-001" | grep -q "城乡居民最低生活保障申请" || fail "dbsq did not find MZ-001"
key Enter
wait_for "Decision so far"
key a Down Down Down Down Space Down Space Enter
wait_for "One-time notice"
screen | grep -qF "2 materials still to bring" || fail "notice does not list 2 materials"
screen | grep -qF "家庭成员收入、就业状况证明材料" || fail "notice misses material 5"
screen | grep -qF "残疾人证或疾病诊断证明" || fail "notice misses material 6"
key F10
NO=$(accepted_no)
echo "keystrokes for the six-material intake: $KEYS"
[ "$KEYS" -le 25 ] || fail "intake took $KEYS keystrokes (> 25)"
check_kind "$NO" supplement
[ "$(grep -c ' missing$' "$T/show")" -eq 2 ] || { cat "$T/show"; fail "not exactly 2 missing"; }
grep -q "家庭成员收入、就业状况证明材料.*missing" "$T/show" || fail "material 5 not missing"
grep -q "残疾人证或疾病诊断证明.*missing" "$T/show" || fail "material 6 not missing"
# the notice paper went to the spool, listing exactly those two
ls "$T"/spool/"$NO"-notice_supplement-* >/dev/null 2>&1 || fail "no notice in the spool"
grep -q "家庭成员收入" "$T"/spool/"$NO"-notice_supplement-* || fail "notice paper misses material 5"
key Escape
wait_for "My open cases"
screen | grep -F "$NO" | grep -qi "waiting" || fail "home does not show $NO as waiting for materials"
SUPP=$NO

intake SB-001 李四 11010519491231002X a
check_kind "$NO" immediate
intake MZ-001 王五 440524198001010013 a
check_kind "$NO" promised
intake MZ-001 钱七 51132219751201456X          # nothing present: main missing
check_kind "$NO" returned
intake NY-002 孙八 320106199203151239 a
check_kind "$NO" joint
intake MZ-005 周九 51132219651120771X a
check_kind "$NO" forwarded

bm case list --open > "$T/list" || fail "case list"
grep -q "$SUPP" "$T/list" || fail "supplement case not in the open list"
bm verify >/dev/null || fail "verify after the intakes"
echo "ok"
