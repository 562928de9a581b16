#!/usr/bin/env python3
# forge.py DB SQL - the forger of issue 10: drop the triggers, run SQL
# (change an event and its case row), then recompute every event's hash
# exactly as bianmin does (SHA-256 over length-prefixed fields, each from
# the previous event's hash), so the chain is whole again and `bianmin
# verify` says ok.  A compact intake (issue 17: its moving values as a
# JSON array) is hashed as bianmin reads it back: the case's record with
# those values put in (src/core/event_details.c, case_record.c).
import hashlib, json, sqlite3, sys

# case_record.c REC: record key, column, moves after the intake
REC = [("no", "no", 0), ("applicant.name", "applicant_name", 0), ("applicant.id_type", "id_type", 0),
       ("applicant.id_no", "id_no", 0), ("applicant.phone", "phone", 1), ("applicant.address", "address", 1),
       ("proxy.name", "proxy_name", 0), ("proxy.id", "proxy_id", 0), ("proxy.agent", "proxy_is_agent", 0),
       ("first_clerk", "first_clerk", 0), ("owner", "owner_clerk", 1), ("item.code", "item_code", 0),
       ("item.name", "item_name", 0), ("item.window", "item_window", 0), ("item.department", "item_department", 0),
       ("item.regime", "item_regime", 0), ("item.basis", "item_basis", 0),
       ("item.statutory_days", "item_statutory_days", 0), ("item.promised_days", "item_promised_days", 0),
       ("item.has_fee", "item_has_fee", 0), ("item.fee_fen", "item_fee_fen", 0),
       ("item.fee_basis", "item_fee_basis", 0), ("item.forward_to", "item_forward_to", 0),
       ("item.refusal", "item_refusal", 0), ("item.joint_windows", "item_joint_windows", 0),
       ("catalog", "catalog_fingerprint", 0), ("kind", "kind", 1), ("decided", "decided", 0),
       ("override_reason", "override_reason", 0), ("return_reason", "return_reason", 1), ("state", "state", 1),
       ("accepted_at", "accepted_at", 0), ("accepted_day", "accepted_day", 0), ("clock_start", "clock_start", 1),
       ("due", "due", 1), ("due_uncertain", "due_uncertain", 1), ("limit_days", "limit_days", 1),
       ("completed_day", "completed_day", 1), ("fee_fen", "fee_fen", 0), ("receipt_no", "receipt_no", 0)]
LATER = ["procedure", "collect", "phone", "proxy", "site_visit", "extension_days", "promise_allowed"]
MATS = [("name", 0), ("form", 0), ("copies", 0), ("main", 0), ("note", 0), ("state", 1), ("changed_at", 1)]

def text(v):
    return None if v is None else str(v)

def put(s):
    out = '"'
    for ch in s:
        if ch in '"\\':
            out += "\\" + ch
        elif ch == "\n":
            out += "\\n"
        elif ord(ch) < 0x20:
            out += "\\u%04x" % ord(ch)
        else:
            out += ch
    return out + '"'

def expand(db, case_id, stored):
    """The logical details of a compact intake: the case's record with the
    stored moving values put back in record order."""
    vals = iter(json.loads(stored))
    # the item's fields: its item_versions row (issue 17), else the case's
    items = any(r[1] == "item_version" for r in db.execute("PRAGMA table_info(cases)"))
    row = db.execute("SELECT " + ", ".join(c for _, c, _ in REC) + ", " +
                     ", ".join("item_" + k for k in LATER) +
                     (" FROM cases c JOIN item_versions iv ON iv.id = c.item_version WHERE c.id = ?" if items
                      else " FROM cases c WHERE c.id = ?"), (case_id,)).fetchone()
    rec = [(k, next(vals) if mv else text(row[i])) for i, (k, _, mv) in enumerate(REC)]
    rec += [("item." + k, text(row[len(REC) + i])) for i, k in enumerate(LATER) if row[len(REC) + i] is not None]
    # a material's fixed fields: its material_versions row (since the
    # compact migration), else its own columns
    shared = any(r[1] == "material" for r in db.execute("PRAGMA table_info(case_materials)"))
    mats = (db.execute("SELECT m.idx, v.name, v.form, v.copies, v.main, v.note, m.state, m.changed_at"
                       " FROM case_materials m JOIN material_versions v ON v.id = m.material"
                       " WHERE m.case_id = ? ORDER BY m.idx", (case_id,)) if shared else
            db.execute("SELECT idx, " + ", ".join(f for f, _ in MATS) + " FROM case_materials"
                       " WHERE case_id = ? ORDER BY idx", (case_id,)))
    for m in mats.fetchall():
        rec += [("m.%d.%s" % (m[0] + 1, f), next(vals) if mv else text(m[1 + i])) for i, (f, mv) in enumerate(MATS)]
    return "{" + ",".join(put(k) + ":" + ("null" if v is None else put(v)) for k, v in rec) + "}"

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
rows = db.execute("SELECT e.id, c.no, e.at, e.clerk, e.type, e.details, e.reason, e.case_id"
                  " FROM events e LEFT JOIN cases c ON c.id = e.case_id ORDER BY e.id").fetchall()
for (eid, no, at, clerk, typ, details, reason, case_id) in rows:
    if typ == "intake" and details.startswith("["):
        details = expand(db, case_id, details)
    h = hashlib.sha256()
    for v in (prev, eid, no, at, clerk, typ, details, reason):
        field(h, v)
    new = h.hexdigest()
    db.execute("UPDATE events SET hash = ? WHERE id = ?", (new, eid))
    prev = new
db.commit()
