#!/usr/bin/env python3
"""ui-layers.py - do the files of src/ui call each other in a loop?

Usage: python3 tools/ui-layers.py [-v]

For each src/ui/*.c, the functions it defines (not static) and the
functions of other src/ui files it calls; prints every group of files that
call each other round in a loop (a strongly connected component of more
than one file) and exits 1 when there is one.  -v prints every file's
callees.  The layers it keeps (HACKING.md): ui_main.c on top, the screens,
then ui_shared.c / intake_state.c, then ui_base.c, dialog.c, field.c,
draw.c, keymap.c.  Standard library only; a regex reading, not a parser.
"""
import glob
import os
import re
import sys


def main():
    files = sorted(glob.glob("src/ui/*.c"))
    defs, src = {}, {}
    for f in files:
        s = open(f, encoding="utf-8").read()
        s = re.sub(r"/\*.*?\*/", "", s, flags=re.S)
        s = re.sub(r'"(\\.|[^"\\])*"', '""', s)
        src[f] = s
        for m in re.finditer(r"^(?!static)[a-z_][\w \*]*?\b(\w+)\s*\([^;{]*\)\s*\{", s, re.M):
            defs[m.group(1)] = f
    edges = {f: set() for f in files}
    for f, s in src.items():
        for name, g in defs.items():
            if g != f and re.search(r"\b%s\s*\(" % re.escape(name), s):
                edges[f].add(g)
    index, low, stack, on, comps = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(edges[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            comps.append(comp)

    sys.setrecursionlimit(10000)
    for v in files:
        if v not in index:
            visit(v)
    loops = [sorted(os.path.basename(x) for x in c) for c in comps if len(c) > 1]
    if "-v" in sys.argv:
        for f in files:
            print(os.path.basename(f), "->", " ".join(sorted(os.path.basename(g) for g in edges[f])))
    for loop in loops:
        print("loop:", " ".join(loop))
    print("%d files, %d loops" % (len(files), len(loops)))
    return 1 if loops else 0


if __name__ == "__main__":
    sys.exit(main())
