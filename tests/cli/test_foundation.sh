#!/bin/sh
# test_foundation.sh - check-catalog, workdays, check-id from the command line.
set -u
BIANMIN=${BIANMIN:-./bianmin}
fails=0
t() { # t NAME EXPECTED-EXIT EXPECTED-OUTPUT-REGEX -- CMD...
	name=$1 want=$2 pat=$3; shift 4
	out=$("$@" 2>&1); rc=$?
	if [ "$rc" != "$want" ] || ! printf '%s\n' "$out" | grep -Eq -- "$pat"; then
		echo "FAIL $name: exit $rc (want $want), output:"; printf '%s\n' "$out" | head -20
		fails=$((fails + 1))
	fi
}
export LC_ALL=C.UTF-8
t "catalog ok" 0 '^[0-9]+ items, [0-9]+ materials: ok$' -- "$BIANMIN" check-catalog data/catalog.yaml
t "catalog default" 0 'materials: ok$' -- "$BIANMIN" check-catalog
t "catalog bad" 1 'fixtures/catalog/[a-z_-]+\.yaml:[0-9]+:[0-9]+: ' -- "$BIANMIN" check-catalog tests/unit/fixtures/catalog/multi.yaml
t "catalog missing" 1 'nonexistent\.yaml' -- "$BIANMIN" check-catalog /nonexistent.yaml
t "workdays national day" 0 '^2026-10-13$' -- "$BIANMIN" workdays 2026-09-30 5
t "workdays spring festival" 0 '^2026-02-24$' -- "$BIANMIN" workdays 2026-02-13 2
t "workdays between" 0 '^5$' -- "$BIANMIN" workdays 2026-09-30 2026-10-13
t "workdays uncovered" 0 'does not cover' -- "$BIANMIN" workdays 2026-12-30 5
t "workdays usage" 2 'usage' -- "$BIANMIN" workdays 2026-09-30
t "workdays bad date" 2 'not a date' -- "$BIANMIN" workdays 2026-02-30 5
t "id ok" 0 '^ok$' -- "$BIANMIN" check-id 11010519491231002X
t "id lower x" 0 '^ok$' -- "$BIANMIN" check-id 11010519491231002x
t "id checksum" 1 'digit 18' -- "$BIANMIN" check-id 110105194912310021
t "id birth" 1 'digits 7-14' -- "$BIANMIN" check-id 110105199013320021
t "id length" 1 '18' -- "$BIANMIN" check-id 1101051949
t "uscc ok" 0 '^ok' -- "$BIANMIN" check-id 91350100M000100Y43
t "uscc bad char" 1 "'I'" -- "$BIANMIN" check-id --uscc 91350100I000100Y43
t "help" 0 'check-catalog' -- "$BIANMIN" --help
t "version" 0 '^bianmin [0-9]' -- "$BIANMIN" --version
t "unknown command" 2 'not a command' -- "$BIANMIN" frobnicate
[ "$fails" -eq 0 ]
