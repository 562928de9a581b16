# Issue 10, point 11: check-id judges a resident ID unless the input has a
# credit code's shape (or --uscc); a credit code with a wrong check
# character or letters in characters 2-8 is invalid (exit 1); full-width
# digits are read as digits; --have takes plain numbers only.
. "$(dirname "$0")/lib.sh"
ok() { out=$("$BIANMIN" check-id "$@") || die "check-id $*: $out"; eq "$out" "ok" "check-id $*"; }
bad() { want=$1; shift; out=$("$BIANMIN" check-id "$@") && die "check-id $* passed: $out"
	echo "$out" | grep -q "$want" || die "check-id $*: '$out' lacks '$want'"; }
ok 110101199003074514
ok "110101199003074514 "                      # a trailing space is not a credit code
ok "１１０１０１１９９００３０７４５１４"      # full-width digits
ok 91350100M000100Y43                          # a credit code by its shape
ok --uscc "９１３５０１００Ｍ０００１００Ｙ４３"
bad "character 6 ('A') is not a digit" 52262A19990419500x   # a resident ID with a typo
bad "check character (character 18) should be 3" 91350100M000100Y44
bad "characters 2 to 8" --uscc 9A350100M000100Y43
bad "characters 2 to 8" --uscc 913A0100M000100Y43
# intake: a full-width ID is stored as ASCII; junk in --have is refused
setup_clerks
export BIANMIN_PIN=1234
D='2026-09-30 10:00:00'
no=$(at "$D" intake --clerk 1001 --item HJ-005 --name 张三 --id "１１０１０１１９９００３０７４５１４" --have-all | sed -n 1p) \
	|| die "intake with a full-width ID"
eq "$(sqlite3 "$DB" "SELECT id_no FROM cases WHERE no = '$no'")" "110101199003074514" "stored as ASCII"
for have in " 1,+2" "+1" "1,,2" "1," "-1" "1, 2" ""; do
	at "$D" intake --clerk 1001 --item HJ-005 --name 李四 --id 110101199003074514 --have "$have" >/dev/null 2>&1 \
		&& die "--have '$have' was taken"
done
at "$D" intake --clerk 1001 --item HJ-005 --name 李四 --id 91350100M000100Y44 --id-type uscc >/dev/null 2>&1 \
	&& die "a credit code with a wrong check character was taken"
eq "$(sqlite3 "$DB" "SELECT count(*) FROM cases")" "1" "nothing else stored"
exit 0
