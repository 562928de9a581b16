# Issue 10, point 12: form names are plain names (print NO ../../x renders
# nothing from elsewhere); forms check requires every paper bianmin prints
# and refuses nested lists (the unit test test_slip caps the output).
. "$(dirname "$0")/lib.sh"
setup_clerks
export BIANMIN_PIN=1234
D='2026-09-30 10:00:00'
no=$(at "$D" intake --clerk 1001 --item HJ-005 --name 张三 --id 110101199003074514 --have-all | sed -n 1p) || die "intake"
printf 'title: 别处\n---\nSECRET\n' >$T/x.tmpl
for form in ../../x "$T/x" ../x "a/b"; do
	at "$D" print $no "$form" --clerk 1001 --out - >$T/out 2>$T/err && die "form '$form' was printed"
	grep -q "SECRET" $T/out && die "form '$form' rendered a template from elsewhere"
	grep -q "not a form name" $T/err || die "form '$form': $(cat $T/err)"
done
# forms check: a folder without receipt.tmpl is broken
FORMS="$(dirname "$0")/../../forms"
mkdir $T/forms; cp "$FORMS"/*.tmpl $T/forms/
"$BIANMIN" forms check $T/forms >/dev/null || die "the full forms folder"
rm $T/forms/receipt.tmpl
"$BIANMIN" forms check $T/forms >$T/out 2>$T/err && die "forms check passed without receipt.tmpl"
grep -q "receipt.tmpl: missing" $T/err || die "missing receipt: $(cat $T/err)"
cp "$FORMS"/receipt.tmpl $T/forms/
# nested lists are refused
printf 'title: x\n---\n{{#each materials}}\n{{#each materials}}\n{{name}}\n{{/each}}\n{{/each}}\n' >$T/forms/nested.tmpl
"$BIANMIN" forms check $T/forms >$T/out 2>$T/err && die "nested lists passed"
grep -q "lists do not nest" $T/err || die "nested: $(cat $T/err)"
exit 0
