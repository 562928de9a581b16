# Issue 10, point 8: papers hold names and addresses.  The spool folder is
# made 0700 and papers in it 0600 (less the umask); --out and --pdf never
# overwrite a file or write through a symlink unless --force, which
# replaces the name (a symlink is replaced, not followed).
. "$(dirname "$0")/lib.sh"
setup_clerks
export BIANMIN_PIN=1234
D='2026-09-30 10:00:00'
no=$(at "$D" intake --clerk 1001 --item HJ-005 --name 张三 --id 110101199003074514 --have-all | sed -n 1p) || die "intake"
# the sample center has no printer: the paper goes to the spool beside the ledger
umask 022
at "$D" print $no --clerk 1001 >/dev/null || die "print to the spool"
eq "$(stat -c %a $T/spool)" "700" "spool folder mode"
for f in $T/spool/*; do eq "$(stat -c %a "$f")" "600" "spooled paper mode"; done
rm -rf $T/spool
(umask 0277; at "$D" print $no --clerk 1001 >/dev/null) || die "print under umask 0277"
for f in $T/spool/*; do eq "$(stat -c %a "$f")" "400" "the umask is honoured"; done

# --out / --pdf: an existing file is not overwritten
echo keep >$T/paper.txt
at "$D" print $no --clerk 1001 --out $T/paper.txt >/dev/null 2>$T/err && die "--out overwrote a file"
grep -q "already exists.*--force" $T/err || die "existing file: $(cat $T/err)"
eq "$(cat $T/paper.txt)" "keep" "the file is left as it was"
# nor a symlink followed (e.g. to a file of someone else's)
echo secret >$T/target; ln -s $T/target $T/link.txt
at "$D" print $no --clerk 1001 --out $T/link.txt >/dev/null 2>$T/err && die "--out followed a symlink"
grep -q "symbolic link" $T/err || die "symlink: $(cat $T/err)"
at "$D" print $no --clerk 1001 --pdf $T/link.txt >/dev/null 2>&1 && die "--pdf followed a symlink"
eq "$(cat $T/target)" "secret" "the symlink's target is untouched"
# --force replaces the name: the file, and the link itself (not its target)
at "$D" print $no --clerk 1001 --out $T/paper.txt --force >/dev/null || die "--force"
grep -q "$no" $T/paper.txt || die "--force wrote the paper"
at "$D" print $no --clerk 1001 --out $T/link.txt --force >/dev/null || die "--force on a link"
[ -L $T/link.txt ] && die "--force wrote through the link"
eq "$(cat $T/target)" "secret" "--force left the link's target alone"
# a new file is 0600
at "$D" print $no --clerk 1001 --out $T/new.txt >/dev/null || die "--out new"
eq "$(stat -c %a $T/new.txt)" "600" "--out file mode"
# report day --pdf the same
touch $T/day.pdf
at "$D" report day --clerk 1001 --pdf $T/day.pdf >/dev/null 2>&1 && die "report --pdf overwrote"
at "$D" report day --clerk 1001 --pdf $T/day.pdf --force >/dev/null 2>&1 || die "report --pdf --force"
[ -s $T/day.pdf ] || die "report --pdf --force wrote nothing"
exit 0
