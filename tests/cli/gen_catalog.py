#!/usr/bin/env python3
# gen_catalog.py KIND N OUT - hostile or big catalogs for test_loaders.sh
import sys
kind, n, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
item = '''  - code: X-{i}
    name: 事项{i}
    window: 民政
    regime: promise
    statutory_days: 30
    promised_days: 20
    materials:
      - name: 身份证
        form: original
'''
with open(out, 'w', encoding='utf-8') as f:
    if kind == 'items':          # n items, the last code a duplicate of the first
        f.write('version: 1\nitems:\n')
        for i in range(n):
            f.write(item.format(i=i if i < n - 1 else 0))
    elif kind == 'keys':         # one item with n unknown keys: n mistakes
        f.write('version: 1\nitems:\n' + item.format(i=1))
        for i in range(n):
            f.write('    bogus{}: 1\n'.format(i))
    elif kind == 'deep':         # flow lists n deep
        f.write('version: 1\nitems: ' + '[' * n + ']' * n + '\n')
    elif kind == 'years':        # a holiday file of n years
        f.write('version: 1\nyears:\n')
        for y in range(2000, 2000 + n):
            f.write('  {}:\n    holidays:\n      - {{name: 元旦, from: {}-01-01, to: {}-12-31}}\n'.format(y, y, y))
