#!/usr/bin/env python3
"""columns.py ROW_REGEX NTOKENS [WIDTH] < screen

Checks that a captured screen's table has straight columns by DISPLAY
width (CJK = 2 columns): on every line matching ROW_REGEX, the display
column where each of the first NTOKENS blank-separated cells starts is
the same, every line fits WIDTH columns, and the right-aligned last
cell ends in the same column.  Exit 1 and say where when not."""
import re
import sys
import unicodedata


def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def starts(line):
    # a cell clipped before a wide character ends in " …": the ellipsis
    # belongs to the cell, it does not start one
    out, col, prev_space = [], 0, True
    for c in line:
        if c != " " and c != "\u2026" and prev_space:
            out.append(col)
        prev_space = c == " "
        col += width(c)
    return out


def main():
    rx = re.compile(sys.argv[1])
    n = int(sys.argv[2])
    maxw = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    rows = [l.rstrip("\n") for l in sys.stdin if rx.search(l)]
    if len(rows) < 2:
        print("columns.py: fewer than 2 rows match", sys.argv[1])
        return 1
    bad = 0
    first = starts(rows[0])[:n]
    end = width(rows[0].rstrip())
    for r in rows:
        s = starts(r)[:n]
        if s != first:
            print("columns.py: cells start at %s, not %s: %s" % (s, first, r))
            bad = 1
        if maxw and width(r) > maxw:
            print("columns.py: %d columns wide (> %d): %s" % (width(r), maxw, r))
            bad = 1
        if width(r.rstrip()) != end:
            print("columns.py: ends at column %d, not %d: %s" % (width(r.rstrip()), end, r))
            bad = 1
    print("columns.py: %d rows aligned at %s" % (len(rows), first))
    return bad


sys.exit(main())
