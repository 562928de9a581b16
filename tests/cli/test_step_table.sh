# test_step_table.sh - issue 11, point 9: `bianmin case STEP` is driven
# by the step table's rows.  The help of every step is generated from its
# row (its fields as options, its approval as --supervisor), `case STEP
# --help` prints that step's; an option of another row is refused naming
# the row's own; the values are checked from the fields (a choice's keys,
# days or a date, a pair of flags, the row's `also`); and the step then
# runs through the one take of its row.
. "$(dirname "$0")/lib.sh"
setup_clerks
ID=110101199003074514
as() { k=$1; p=$2; t=$3; shift 3; BIANMIN_PIN=$p at "$t" "$@" --clerk $k; }
a1() { t=$1; shift; as 1001 1234 "$t 10:00:00" "$@"; }

# the help: one synopsis per row, from its fields
h=$(LC_ALL=C.UTF-8 "$BIANMIN" case --help) || die "case --help"
# a synopsis wider than 80 columns goes on under its NO: joined again here
h=$(printf '%s\n' "$h" | awk '/^  bianmin case / { if (l != "") print l; l = $0; next }
	l != "" && /^               [-[]/ { sub(/^ +/, " "); l = l $0; next }
	{ if (l != "") print l; l = ""; print } END { if (l != "") print l }')
for step in supplement pause resume extend opinion forward result complete return withdraw notify rate followup \
	feedback reply; do
	printf '%s\n' "$h" | grep -q "^  bianmin case $step NO" || die "case --help: no line for $step: $h"
done
printf '%s\n' "$h" | grep -qF "bianmin case pause NO --kind hearing|site_visit|expert_review|public_notice --reason TEXT" ||
	die "pause: its options are not its row's fields: $h"
printf '%s\n' "$h" | grep -qF "bianmin case return NO --reason TEXT [--non-supplement] [--supervisor CODE]" ||
	die "return: 否定报备's optional --supervisor: $h"
printf '%s\n' "$h" | grep -qF "bianmin case supplement NO --demand NAME --reason TEXT" ||
	die "supplement: its also (二次告知): $h"
# the steps with a paper, named from the rows
printf '%s\n' "$h" | grep -qF "(pause, resume, extend, result, complete, return, handover)" ||
	die "the steps with a paper: $h"
e=$(LC_ALL=C.UTF-8 "$BIANMIN" case extend --help) || die "case extend --help"
printf '%s\n' "$e" | grep -qF "bianmin case extend NO --days N|--to DATE --reason TEXT --supervisor CODE" ||
	die "extend --help: $e"
printf '%s\n' "$e" | grep -q "case pause" && die "extend --help shows other steps: $e"
# in Chinese, the rows' help sentences
z=$(LANG=zh_CN.UTF-8 LC_ALL=zh_CN.UTF-8 "$BIANMIN" case --help)
printf '%s\n' "$z" | grep -q "要求告知书上没有的材料（二次告知）" || die "case --help in Chinese: $z"

# an option of another step, refused with the row's own
LC_ALL=C.UTF-8 "$BIANMIN" --db "$DB" case pause X --days 3 2>$T/err && die "pause took --days"
grep -qF "pause takes no --days (its options: kind,reason)" $T/err || die "pause --days: $(cat $T/err)"
LC_ALL=C.UTF-8 "$BIANMIN" --db "$DB" case return X --certificate 1 2>$T/err && die "return took --certificate"
grep -qF "(its options: reason,non-supplement,supervisor)" $T/err || die "return --certificate: $(cat $T/err)"

# the values, checked from the fields
c=$(a1 2026-11-02 intake --item MZ-003 --name 张三 --id $ID --have-all | sed -n 1p) || die "intake"
a1 2026-11-03 case pause $c --kind nap --reason 听证 2>$T/err && die "pause --kind nap"
grep -qF "pause needs --kind hearing|site_visit|expert_review|public_notice" $T/err || die "kind nap: $(cat $T/err)"
a1 2026-11-03 case supplement $c 2>$T/err && die "supplement without options"
grep -qF "supplement needs --materials N,N or --demand NAME --reason TEXT" $T/err || die "supplement: $(cat $T/err)"
a1 2026-11-03 case extend $c --days 3 --reason 需核实 2>$T/err && die "extend without a supervisor"
grep -qF "extend needs --supervisor CODE" $T/err || die "extend: $(cat $T/err)"
a1 2026-11-03 case extend $c --reason 需核实 --supervisor 9001 2>$T/err && die "extend without days"
grep -qF "extend needs --days or --to" $T/err || die "extend without days: $(cat $T/err)"
a1 2026-11-03 case extend $c --days 0 --reason 需核实 --supervisor 9001 2>$T/err && die "extend --days 0"
grep -qF -- "--days takes a number of working days above 0" $T/err || die "days 0: $(cat $T/err)"
a1 2026-11-03 case complete $c --approved --refused --result x 2>$T/err && die "approved and refused"
grep -qF -- "--approved or --refused, not both" $T/err || die "approved+refused: $(cat $T/err)"
# and the step runs through its row: pause by its key, resume, complete
out=$(a1 2026-11-03 case pause $c --kind hearing --reason 召开听证会 --no-print) || die "pause"
printf '%s\n' "$out" | grep -q "	paused	" || die "pause: $out"
a1 2026-11-05 case resume $c --no-print >/dev/null 2>&1 || die "resume"
out=$(a1 2026-11-06 case complete $c --result 准予 --certificate Z-1 --no-print) || die "complete"
printf '%s\n' "$out" | grep -q "	completed	" || die "complete: $out"
a1 2026-11-06 case rate $c --level 满意 >/dev/null || die "rate by its Chinese word"
as 1001 1234 "2026-11-06 11:00:00" verify >/dev/null || die "verify"
exit 0
