# Issue 10, point 2 (PINs): wrong PINs are counted in the ledger file
# across processes and restarts; from the third the next try waits
# (pin_delay, doubling), at pin_lock_after the clerk is locked until a
# supervisor unlocks it; an unknown 工号 and a wrong PIN get the same
# sentence; new PINs have at least pin_min_length (default 6) characters.
. "$(dirname "$0")/lib.sh"
setup_clerks
D='2026-09-30 10:00:00'
cfg() {   # cfg KEY: VALUE... -> $T/center.yaml: the sample center plus these
	cp "$(dirname "$0")/../../data/center.yaml" $T/center.yaml
	for kv in "$@"; do printf '%s\n' "$kv" >>$T/center.yaml; done
}
# (libfaketime preloaded directly, FAKETIME without '@': the clock stands
# still; the faketime wrapper run 1,000 times trips over its own leftovers)
LIBFT=$(ls /usr/lib/*/faketime/libfaketime.so.1 | head -1)
cb() { t=$1; shift; LD_PRELOAD=$LIBFT FAKETIME="$t" "$BIANMIN" --config $T/center.yaml --db "$DB" "$@"; }
login() { BIANMIN_PIN=$2 cb "$1" clerk list --clerk $3 >/dev/null 2>$T/err; }

# the same sentence for an unknown 工号 and a wrong PIN
BIANMIN_PIN=0000 at "$D" clerk list --clerk 1002 >/dev/null 2>$T/wrong && die "wrong PIN let in"
BIANMIN_PIN=0000 at "$D" clerk list --clerk 7777 >/dev/null 2>$T/unknown && die "unknown clerk let in"
eq "$(cat $T/unknown)" "$(cat $T/wrong)" "unknown clerk and wrong PIN answer alike"
grep -q "Wrong clerk number or PIN" $T/wrong || die "wrong PIN sentence: $(cat $T/wrong)"
BIANMIN_PIN=2222 at "$D" clerk list --clerk 1002 >/dev/null || die "the right PIN after one wrong one"
eq "$(sqlite3 "$DB" "SELECT count(*) FROM pin_failures")" "0" "a good PIN clears the count"

# minimum length for NEW PINs (center.yaml pin_min_length, default 6);
# the existing 4-digit PINs keep working
cfg
out=$(BIANMIN_TEST_PIN_MIN= BIANMIN_ADMIN_PIN=1234 BIANMIN_PIN=12345 cb "$D" clerk add 1003 赵六 --by 1001 2>&1) \
	&& die "a 5-digit PIN was taken"
echo "$out" | grep -q "A PIN must have 6 to 64 characters" || die "short PIN sentence: $out"
BIANMIN_TEST_PIN_MIN= BIANMIN_ADMIN_PIN=1234 BIANMIN_PIN=135790 cb "$D" clerk add 1003 赵六 --by 1001 >/dev/null \
	|| die "a 6-digit PIN"
cfg "pin_min_length: 8"
BIANMIN_TEST_PIN_MIN= BIANMIN_PIN=135790 BIANMIN_NEW_PIN=1357902 cb "$D" clerk passwd 1003 >/dev/null 2>&1 \
	&& die "pin_min_length 8 not honoured"
login "$D" 1234 1001 || die "a 4-digit PIN of before still logs in"

# the wait: after two wrong PINs the next try, even the right PIN, is not
# checked until pin_delay (5 s here) has passed -- in another process
cfg "pin_delay: 5"
login '2026-09-30 10:00:00' 1 1002 && die "wrong 1"
login '2026-09-30 10:00:01' 2 1002 && die "wrong 2"
login '2026-09-30 10:00:02' 2222 1002 && die "the right PIN inside the wait was checked"
grep -q "wait [0-9]* s" $T/err || die "wait sentence: $(cat $T/err)"
login '2026-09-30 10:00:07' 2222 1002 || die "the right PIN after the wait: $(cat $T/err)"

# the lock: 1,000 wrong PINs over 8 processes at once (no wait: pin_delay 0,
# so every try is checked) lock the clerk after pin_lock_after (10)
cfg "pin_delay: 0" "pin_lock_after: 10"
seq 1000 | xargs -P 8 -I{} sh -c 'BIANMIN_PIN=x{} LD_PRELOAD=$5 FAKETIME="$1" "$2" --config "$3" --db "$4" clerk list --clerk 1002 >/dev/null 2>&1' \
	_ "$D" "$BIANMIN" $T/center.yaml "$DB" "$LIBFT"
eq "$(sqlite3 "$DB" "SELECT locked FROM pin_failures WHERE code = '1002'")" "1" "locked after 1,000 wrong PINs"
n=$(sqlite3 "$DB" "SELECT failures FROM pin_failures WHERE code = '1002'")
[ "$n" -ge 10 ] && [ "$n" -le 17 ] || die "checked $n PINs: a lock at 10 (+ the 7 other processes at most)"
login "$D" 2222 1002 && die "the right PIN opened a locked clerk"
grep -q "locked after" $T/err || die "lock sentence: $(cat $T/err)"
BIANMIN_PIN=1234 cb "$D" clerk list --clerk 1001 | grep -q "^1002.*locked$" || die "clerk list shows the lock"
eq "$(sqlite3 "$DB" "SELECT count(*) FROM events WHERE type = 'clerk_lock'")" "1" "the lock is in the chain"
# only a supervisor unlocks
BIANMIN_SUPERVISOR_PIN=2222 cb "$D" clerk unlock 1002 --by 1002 >/dev/null 2>&1 && die "a clerk unlocked themself"
BIANMIN_SUPERVISOR_PIN=9999 cb "$D" clerk unlock 1002 --by 9001 >/dev/null || die "unlock"
login "$D" 2222 1002 || die "the right PIN after the unlock: $(cat $T/err)"
eq "$(sqlite3 "$DB" "SELECT count(*) FROM events WHERE type = 'clerk_unlock' AND clerk = '9001'")" "1" "unlock event"
BIANMIN_PIN=1234 at "$D" verify --clerk 1001 >/dev/null || die "verify after lock and unlock"
# a guesser on a clock of 2300 still locks the clerk, and the lock's odd
# time does not stop the center's next intake
for i in 1 2 3 4 5 6 7 8 9 10; do login '2300-01-01 00:00:00' x$i 1002; done
eq "$(sqlite3 "$DB" "SELECT locked FROM pin_failures WHERE code = '1002'")" "1" "locked from 2300"
BIANMIN_PIN=1234 at "$D" intake --clerk 1001 --item HJ-005 --name 张三 --id 110101199003074514 --have-all >/dev/null \
	|| die "an intake after a lock stamped 2300"
BIANMIN_PIN=1234 at "$D" verify --clerk 1001 >/dev/null || die "verify with a lock stamped 2300"
exit 0
