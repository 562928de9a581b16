# Issue 10, points 3 and 10: a ledger is made only on purpose (bianmin init
# or demo); an empty, missing or foreign file is refused with a sentence
# and left as it was; the first run makes the default folder 0700.
. "$(dirname "$0")/lib.sh"
D='2026-09-30 10:00:00'
# a missing file: refused, nothing made (a mistyped --db)
BIANMIN_PIN=1234 bm verify --clerk 1001 >/dev/null 2>$T/err && die "verify on a missing file"
grep -q "there is no ledger here.*bianmin init" $T/err || die "missing: $(cat $T/err)"
[ -e "$DB" ] && die "a missing file was made"
BIANMIN_PIN=1234 bm clerk add 1001 王小梅 >/dev/null 2>&1 && die "clerk add made a ledger"
[ -e "$DB" ] && die "clerk add made the file"

# init: the file 0600, its witness key 0400 beside it
bm init >$T/out || die "init"
grep -q "new ledger" $T/out || die "init says: $(cat $T/out)"
eq "$(stat -c %a "$DB")" "600" "ledger mode"
eq "$(stat -c %a "$DB.key")" "400" "witness key mode"
key=$(cat "$DB.key")
bm init >$T/out || die "init again"
grep -q "already a bianmin ledger" $T/out || die "init again says: $(cat $T/out)"
eq "$(cat "$DB.key")" "$key" "init again keeps the key"
setup_clerks >/dev/null 2>&1 || die "clerks"   # (setup_clerks runs init again)
BIANMIN_PIN=1234 at "$D" intake --clerk 1001 --item HJ-005 --name 张三 --id 110101199003074514 --have-all >/dev/null || die "intake"

# truncate -s 0: refused with a sentence, the file stays empty, no clerk
# can be added to it, receipt numbers cannot restart
truncate -s 0 "$DB"; rm -f "$DB-wal" "$DB-shm"
BIANMIN_PIN=1234 bm verify --clerk 1001 >/dev/null 2>$T/err && die "verify on an empty file"
grep -q "the file is empty: it is not a bianmin ledger" $T/err || die "empty: $(cat $T/err)"
BIANMIN_PIN=1234 bm clerk add 6666 x >/dev/null 2>&1 && die "an admin was added to an empty file"
bm init >/dev/null 2>$T/err && die "init reused an empty file"
eq "$(stat -c %s "$DB")" "0" "the empty file is left as it was"

# another program's SQLite file: refused by init too, untouched
sqlite3 $T/other.db "CREATE TABLE notes (t TEXT)"
sum=$(cksum <$T/other.db)
"$BIANMIN" --db $T/other.db init >/dev/null 2>$T/err && die "init took a foreign file"
grep -q "not a bianmin database" $T/err || die "foreign: $(cat $T/err)"
eq "$(cksum <$T/other.db)" "$sum" "foreign file untouched"

# the first run with the default database: ~/.local/share/bianmin made 0700
H=$T/home; mkdir -p $H
env -u BIANMIN_DB -u XDG_DATA_HOME HOME=$H "$BIANMIN" init >/dev/null || die "init at the default place"
eq "$(stat -c %a $H/.local/share/bianmin)" "700" "default folder mode"
[ -s $H/.local/share/bianmin/bianmin.db ] || die "no default ledger"
env -u BIANMIN_DB -u XDG_DATA_HOME HOME=$H BIANMIN_PIN=1234 "$BIANMIN" clerk add 1001 王小梅 >/dev/null || die "first clerk at the default place"
# demo makes its ledger on purpose too
"$BIANMIN" --db $T/demo/d.db demo >/dev/null || die "demo in a new folder"
eq "$(stat -c %a $T/demo)" "700" "demo folder mode"
exit 0
