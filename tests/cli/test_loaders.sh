# Issue 10, point 13: loaders stay linear and bounded.  Deep nesting, tens
# of thousands of items, 100,000 mistakes, thousands of holiday years and
# /dev/zero are each answered in seconds with a sentence; a UTF-8 BOM is
# accepted; `materials: []` means none.
. "$(dirname "$0")/lib.sh"
GEN="python3 $(dirname "$0")/gen_catalog.py"
# within SECONDS CMD...: CMD ends (any status) within SECONDS, output in $T/out
within() {
	s=$1; shift
	t0=$(date +%s)
	timeout $((s * 4)) "$@" >$T/out 2>&1
	el=$(($(date +%s) - t0))
	[ $el -le $s ] || die "$* took ${el}s (at most ${s}s)"
}
$GEN deep 100000 $T/deep.yaml
within 3 "$BIANMIN" check-catalog $T/deep.yaml
grep -q "nested more than 64 deep" $T/out || die "deep: $(head -c 300 $T/out)"
$GEN items 94000 $T/many.yaml
within 5 "$BIANMIN" check-catalog $T/many.yaml
grep -Eq "at most 10000 are allowed|larger than 16 MB" $T/out || die "94k items: $(head -c 300 $T/out)"
$GEN items 12000 $T/many.yaml
within 5 "$BIANMIN" check-catalog $T/many.yaml
grep -q "at most 10000 are allowed" $T/out || die "12k items: $(head -c 300 $T/out)"
$GEN items 9000 $T/items.yaml   # under the cap: the duplicate check is linear
within 8 "$BIANMIN" check-catalog $T/items.yaml
grep -q "duplicate item code X-0 (first defined at line 3)" $T/out || die "9000 items: $(head -c 300 $T/out)"
$GEN keys 100000 $T/keys.yaml
within 8 "$BIANMIN" check-catalog $T/keys.yaml
grep -q "unknown key 'bogus0'" $T/out || die "100k mistakes: $(head -c 300 $T/out)"
grep -q "and 99800 more mistakes not shown" $T/out || die "the mistakes are capped: $(tail -c 300 $T/out)"
[ $(wc -l <$T/out) -lt 1000 ] || die "100k mistakes printed $(wc -l <$T/out) lines"
$GEN years 8100 $T/holidays.yaml
within 8 "$BIANMIN" --holidays $T/holidays.yaml workdays 2026-09-30 5
grep -q "outside 2000 to 2099" $T/out || die "8100 years: $(head -c 300 $T/out)"
$GEN years 100 $T/holidays100.yaml   # a full century of whole-year holidays
within 8 "$BIANMIN" --holidays $T/holidays100.yaml workdays 2026-09-30 5
# /dev/zero is refused by the size cap
within 5 "$BIANMIN" check-catalog /dev/zero
grep -q "larger than 16 MB" $T/out || die "/dev/zero: $(head -c 300 $T/out)"
# a BOM is accepted; materials: [] means none
printf '\357\273\277' >$T/bom.yaml; cat "$(dirname "$0")/../../data/catalog.yaml" >>$T/bom.yaml
"$BIANMIN" check-catalog $T/bom.yaml >$T/out 2>&1 || die "BOM: $(head -c 300 $T/out)"
printf 'version: 1\nitems:\n  - code: K-1\n    name: 控制事项\n    window: 民政\n    regime: control\n    refusal: 不予受理\n    materials: []\n' >$T/none.yaml
"$BIANMIN" check-catalog $T/none.yaml >$T/out 2>&1 || die "materials: []: $(cat $T/out)"
exit 0
