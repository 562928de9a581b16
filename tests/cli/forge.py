#!/usr/bin/env python3
# forge.py DB SQL - the forger of issue 10: drop the triggers, run SQL
# (change an event and its case row), then recompute every event's
# prev_hash and hash exactly as bianmin does (SHA-256 over length-prefixed
# fields), so the chain is whole again and `bianmin verify` says ok.
import hashlib, sqlite3, sys

def field(h, v):
    if v is None:
        h.update(b"-;")
        return
    b = str(v).encode()
    h.update(str(len(b)).encode() + b":" + b + b";")

db = sqlite3.connect(sys.argv[1])
for t in ("events_no_update", "events_no_delete", "receipts_no_update", "receipts_no_delete",
          "cases_no_delete", "cases_snapshot", "materials_no_delete", "materials_snapshot"):
    db.execute("DROP TRIGGER IF EXISTS " + t)
db.executescript(sys.argv[2])
prev = "0" * 64
rows = db.execute("SELECT e.id, c.no, e.at, e.clerk, e.type, e.details, e.reason"
                  " FROM events e LEFT JOIN cases c ON c.id = e.case_id ORDER BY e.id").fetchall()
for (eid, no, at, clerk, typ, details, reason) in rows:
    h = hashlib.sha256()
    for v in (prev, eid, no, at, clerk, typ, details, reason):
        field(h, v)
    new = h.hexdigest()
    db.execute("UPDATE events SET prev_hash = ?, hash = ? WHERE id = ?", (prev, new, eid))
    prev = new
db.commit()
