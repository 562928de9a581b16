# Issue 13, point 3: the status pop-up (F6) over the search list and the
# handover form over home are boxes on rows of their own: the border at
# column 2, nothing of the list beside them.  80x24, both languages.
. tests/e2e/lib.sh
. tests/e2e/lang.sh
# every row holding a box border: blank before it, border at column 2
boxed() {
	screen | python3 -c "
import sys, unicodedata
w = lambda s: sum(2 if unicodedata.east_asian_width(c) in 'WF' else 1 for c in s)
bad = []
for n, l in enumerate(sys.stdin.read().split('\n')):
    for ch in '│┌└':
        i = l.find(ch)
        if i < 0:
            continue
        col = w(l[:i])
        if col != 2 or l[:i].strip():
            bad.append('%d: border at %d: %r' % (n, col, l))
        j = l.rfind(ch if ch == '│' else ('┐' if ch == '┌' else '┘'))
        if j > i and l[j + 1:].strip():
            bad.append('%d: text after the box: %r' % (n, l))
        break
if bad: print('\n'.join(bad))
sys.exit(1 if bad else 0)"
}
for LNG in $LANGS; do
	start_in
	key F3
	wait_for "$(tx "Find")"
	typ 2026
	wait_for "QS-2026"
	key Down Down F6
	wait_for "$(tx "Status (公开查询) · %s prints it")"
	boxed || fail "status pop-up over the search list ($LNG)"
	key Escape
	wait_gone "┌"
	key Escape
	wait_for "$(tx "My open cases: %zu")"
	key h
	wait_for "┌"
	boxed || fail "handover form over home ($LNG)"
	next_lang
done
echo ok
