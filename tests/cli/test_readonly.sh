# Issue 10, point 5: an auditor's read-only copy can be checked.  verify,
# case show/list, report and backup open a file they may not write
# read-only and work; a write gets a sentence.  Run as a non-root user
# (nobody) on a 0400 copy, in a folder they may and one they may not write.
. "$(dirname "$0")/lib.sh"
setup_clerks
export BIANMIN_PIN=1234
at '2026-09-30 10:00:00' intake --clerk 1001 --item HJ-005 --name 张三 --id 110101199003074514 --have-all >/dev/null || die "intake"
at '2026-09-30 10:05:00' intake --clerk 1001 --item MZ-003 --name 李四 --id 110101199003074514 --duplicate-reason 测试 --have-all >/dev/null || die "intake 2"
head=$(bm verify --clerk 1001 | sed -n 's/^ok //p')
[ -n "$head" ] || die "verify the original"
if [ "$(id -u)" -ne 0 ] || ! command -v runuser >/dev/null || ! id nobody >/dev/null 2>&1; then
	echo "SKIP: needs root, runuser and the user nobody to test as a non-root user" >&2
	exit 0
fi
# the binary and its data must be readable by nobody
runuser -u nobody -- test -x "$BIANMIN" || { echo "SKIP: nobody cannot run $BIANMIN" >&2; exit 0; }
chmod 0755 $T
bm backup $T/copy.db --clerk 1001 >/dev/null || die "backup for the copy"
# (runuser itself without libfaketime: a semaphore root's process made
# under the same pid cannot be opened by nobody; bianmin on the test's clock)
as_nobody() {
	env -u LD_PRELOAD -u FAKETIME -u FAKETIME_SHARED runuser -u nobody -- \
		env BIANMIN_PIN=${P:-1234} TZ=Asia/Shanghai LC_ALL=C.UTF-8 FAKETIME_FLSHM=1 \
		LD_PRELOAD="$FAKETIME_LIB" FAKETIME="@2026-10-01 09:00:00" "$BIANMIN" "$@"
}
for place in writable locked; do
	d=$T/$place; mkdir $d
	cp $T/copy.db $d/ledger.db
	chown nobody $d/ledger.db; chmod 0400 $d/ledger.db
	[ $place = writable ] && chown nobody $d   # else the folder is root's, 0755
	sum=$(cksum <$d/ledger.db)
	out=$(as_nobody --db $d/ledger.db verify --clerk 1001 2>&1) || die "$place: verify on a 0400 copy: $out"
	eq "$out" "ok $head" "$place: verify says the same head"
	as_nobody --db $d/ledger.db case show QS-20260930-0001 --clerk 1001 >/dev/null 2>$T/err || die "$place: case show: $(cat $T/err)"
	n=$(as_nobody --db $d/ledger.db case list --clerk 1001 --format tsv 2>$T/err | tail -n +2 | wc -l)
	eq "$n" "2" "$place: case list"
	P=9999 as_nobody --db $d/ledger.db report month 2026-09 --clerk 9001 >/dev/null 2>$T/err || die "$place: report: $(cat $T/err)"
	as_nobody --db $d/ledger.db report day 2026-09-30 --clerk 1001 >/dev/null 2>$T/err || die "$place: report day: $(cat $T/err)"
	out=$d/backup.db
	[ $place = locked ] && { mkdir $T/out; chown nobody $T/out; out=$T/out/backup.db; }
	as_nobody --db $d/ledger.db backup $out --clerk 1001 >/dev/null 2>$T/err || die "$place: backup: $(cat $T/err)"
	# a write is refused with a sentence, and the file is unchanged
	as_nobody --db $d/ledger.db intake --clerk 1001 --item HJ-005 --name x --id 110101199003074514 --duplicate-reason 测试 --have-all >/dev/null 2>$T/err \
		&& die "$place: an intake was written to a read-only copy"
	grep -q "read-only for you" $T/err || die "$place: write refusal: $(cat $T/err)"
	eq "$(cksum <$d/ledger.db)" "$sum" "$place: the copy is unchanged"
	[ $place = locked ] && { [ -e $d/ledger.db-shm ] && die "locked: a -shm appeared"; :; }
done
exit 0
