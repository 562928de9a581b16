/* store_schema.c - the numbered migrations.  Forward only: a released step
 * is never edited; a change is a new step at the end. */
#include "store_int.h"

#include <stddef.h>

/* 1: clerks, counters, cases with their item snapshot, materials, events
 *    and receipts; triggers keeping events, receipts and snapshots
 *    append-only. */
static const char SCHEMA_1[] =
"CREATE TABLE clerks ("
"  id INTEGER PRIMARY KEY,"
"  code TEXT NOT NULL UNIQUE,"
"  name TEXT NOT NULL,"
"  window TEXT,"
"  role TEXT NOT NULL CHECK (role IN ('clerk','supervisor','admin')),"
"  pin_hash TEXT NOT NULL,"
"  active INTEGER NOT NULL DEFAULT 1"
");"
/* counters: 'case:CENTER:YYYYMMDD' and 'receipt:YYYY' */
"CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;"
"CREATE TABLE cases ("
"  id INTEGER PRIMARY KEY,"
"  no TEXT NOT NULL UNIQUE,"
"  applicant_name TEXT NOT NULL,"
"  id_type TEXT NOT NULL,"
"  id_no TEXT NOT NULL,"
"  phone TEXT, address TEXT,"
"  proxy_name TEXT, proxy_id TEXT, proxy_is_agent INTEGER NOT NULL DEFAULT 0,"
"  first_clerk TEXT NOT NULL REFERENCES clerks(code),"
"  owner_clerk TEXT NOT NULL REFERENCES clerks(code),"
"  item_code TEXT NOT NULL, item_name TEXT NOT NULL, item_window TEXT NOT NULL,"
"  item_department TEXT, item_regime TEXT NOT NULL, item_basis TEXT,"
"  item_statutory_days INTEGER, item_promised_days INTEGER,"
"  item_has_fee INTEGER NOT NULL, item_fee_fen INTEGER NOT NULL, item_fee_basis TEXT,"
"  item_forward_to TEXT, item_refusal TEXT, item_joint_windows TEXT,"
"  catalog_fingerprint TEXT NOT NULL,"
"  kind TEXT NOT NULL, decided TEXT NOT NULL, override_reason TEXT, return_reason TEXT,"
"  state TEXT NOT NULL,"
"  accepted_at TEXT NOT NULL, accepted_day TEXT NOT NULL,"
"  clock_start TEXT, due TEXT, due_uncertain INTEGER NOT NULL DEFAULT 0,"
"  limit_days INTEGER, completed_day TEXT,"
"  fee_fen INTEGER NOT NULL DEFAULT 0, receipt_no TEXT"
");"
"CREATE TABLE case_materials ("
"  case_id INTEGER NOT NULL REFERENCES cases(id),"
"  idx INTEGER NOT NULL,"
"  name TEXT NOT NULL, form TEXT NOT NULL, copies INTEGER NOT NULL,"
"  main INTEGER NOT NULL, note TEXT,"
"  state TEXT NOT NULL, changed_at TEXT,"
"  PRIMARY KEY (case_id, idx)"
") WITHOUT ROWID;"
"CREATE TABLE events ("
"  id INTEGER PRIMARY KEY,"
"  case_id INTEGER REFERENCES cases(id),"
"  at TEXT NOT NULL, clerk TEXT NOT NULL, type TEXT NOT NULL,"
"  details TEXT NOT NULL, reason TEXT,"
"  prev_hash TEXT NOT NULL, hash TEXT NOT NULL UNIQUE"
");"
"CREATE TABLE receipts ("
"  id INTEGER PRIMARY KEY,"
"  no TEXT UNIQUE, year INTEGER, seq INTEGER,"
"  case_id INTEGER NOT NULL REFERENCES cases(id),"
"  amount_fen INTEGER NOT NULL, basis TEXT,"
"  at TEXT NOT NULL, clerk TEXT NOT NULL,"
"  voids INTEGER UNIQUE REFERENCES receipts(id), reason TEXT,"
"  CHECK ((no IS NULL) = (voids IS NOT NULL))"
");"
"CREATE TRIGGER events_no_update BEFORE UPDATE ON events"
"  BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;"
"CREATE TRIGGER events_no_delete BEFORE DELETE ON events"
"  BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;"
"CREATE TRIGGER receipts_no_update BEFORE UPDATE ON receipts"
"  BEGIN SELECT RAISE(ABORT, 'receipts are never changed; void one instead'); END;"
"CREATE TRIGGER receipts_no_delete BEFORE DELETE ON receipts"
"  BEGIN SELECT RAISE(ABORT, 'receipts are never deleted; void one instead'); END;"
"CREATE TRIGGER cases_no_delete BEFORE DELETE ON cases"
"  BEGIN SELECT RAISE(ABORT, 'cases are never deleted'); END;"
"CREATE TRIGGER cases_snapshot BEFORE UPDATE OF no, applicant_name, id_type, id_no,"
"  proxy_name, proxy_id, proxy_is_agent, first_clerk, item_code, item_name, item_window,"
"  item_department, item_regime, item_basis, item_statutory_days, item_promised_days,"
"  item_has_fee, item_fee_fen, item_fee_basis, item_forward_to, item_refusal,"
"  item_joint_windows, catalog_fingerprint, decided, override_reason, accepted_at,"
"  accepted_day, fee_fen, receipt_no ON cases"
"  BEGIN SELECT RAISE(ABORT, 'the case snapshot is never changed'); END;"
"CREATE TRIGGER materials_no_delete BEFORE DELETE ON case_materials"
"  BEGIN SELECT RAISE(ABORT, 'case materials are never deleted'); END;"
"CREATE TRIGGER materials_snapshot BEFORE UPDATE OF case_id, idx, name, form, copies, main, note"
"  ON case_materials"
"  BEGIN SELECT RAISE(ABORT, 'the case snapshot is never changed'); END;";

/* 2: indexes for the home screen and search. */
static const char SCHEMA_2[] =
"CREATE INDEX cases_owner_state ON cases(owner_clerk, state, due);"
"CREATE INDEX cases_id_no ON cases(id_no);"
"CREATE INDEX cases_phone ON cases(phone);"
"CREATE INDEX cases_accepted_day ON cases(accepted_day);"
"CREATE INDEX events_case ON events(case_id);"
"CREATE INDEX receipts_case ON receipts(case_id);";

/* 3: clerk changes are events of the chain (clerk_ledger.c); store.c then
 *    records the clerks an older file already has (clerk_ledger_import).
 *    The index serves the case-less events (clerks, 日结). */
static const char SCHEMA_3[] =
"CREATE INDEX events_caseless ON events(type) WHERE case_id IS NULL;";

/* The triggers keeping case_watch (4), made again when the events table
 * is rebuilt (10): one text for both. */
#define WATCH_TRIGGERS \
"CREATE TRIGGER watch_handover AFTER INSERT ON events WHEN new.type = 'handover' BEGIN" \
"  INSERT OR REPLACE INTO case_watch (what, case_id, event_id) VALUES ('handover', new.case_id, new.id);" \
"END;" \
"CREATE TRIGGER watch_acknowledge AFTER INSERT ON events WHEN new.type = 'acknowledge' BEGIN" \
"  DELETE FROM case_watch WHERE what = 'handover' AND case_id = new.case_id;" \
"END;" \
"CREATE TRIGGER watch_rate AFTER INSERT ON events WHEN new.type = 'rate' BEGIN" \
"  DELETE FROM case_watch WHERE what = 'followup' AND case_id = new.case_id;" \
"  INSERT INTO case_watch (what, case_id, event_id) SELECT 'followup', new.case_id, new.id" \
"  WHERE instr(new.details, 'followup_due') > 0;" \
"END;" \
"CREATE TRIGGER watch_followup AFTER INSERT ON events WHEN new.type = 'followup' BEGIN" \
"  DELETE FROM case_watch WHERE what = 'followup' AND case_id = new.case_id;" \
"END;"

/* 4: every screen from an index (issue 17).  Open cases by state and due
 *    (a partial index: only open cases are in it); the days the figures
 *    count by; name prefixes and the proxy; any part of a number, ID,
 *    name or phone through an FTS5 trigram index kept by triggers; the
 *    watch lists (pending handovers, open follow-ups of a bad rating) as
 *    state kept by triggers on the events, so home never walks the
 *    ledger.  case_watch is derived, never the record: the events are. */
static const char SCHEMA_4[] =
"CREATE INDEX cases_open ON cases(state, due)"
"  WHERE state IN ('waiting_materials','in_progress','paused','forwarded');"
"CREATE INDEX cases_completed_day ON cases(completed_day) WHERE completed_day IS NOT NULL;"
"CREATE INDEX cases_name ON cases(applicant_name);"
/* the given name after a one-character surname: "小梅" finds 王小梅 */
"CREATE INDEX cases_given_name ON cases(substr(applicant_name, 2));"
"CREATE INDEX cases_proxy_name ON cases(proxy_name) WHERE proxy_name IS NOT NULL;"
"CREATE INDEX cases_proxy_id ON cases(proxy_id) WHERE proxy_id IS NOT NULL;"
"CREATE INDEX receipts_at ON receipts(at);"
/* a clerk's cases newest first, without sorting them all */
"CREATE INDEX cases_owner ON cases(owner_clerk);"
/* the 日结 of a day, by the day it closes */
"CREATE INDEX events_day_close ON events(json_extract(details, '$.\"x.day\"'))"
"  WHERE type = 'day_close' AND case_id IS NULL;"
"CREATE INDEX events_figures ON events(type, at) WHERE type IN ('rate','notice_breach');"
"CREATE INDEX events_handover ON events(at) WHERE type = 'handover';"
"CREATE VIRTUAL TABLE cases_fts USING fts5(no, id_no, applicant_name, phone, proxy_name, proxy_id,"
"  content='cases', content_rowid='id', tokenize='trigram');"
"INSERT INTO cases_fts(cases_fts) VALUES ('rebuild');"
"CREATE TRIGGER cases_fts_insert AFTER INSERT ON cases BEGIN"
"  INSERT INTO cases_fts(rowid, no, id_no, applicant_name, phone, proxy_name, proxy_id)"
"  VALUES (new.id, new.no, new.id_no, new.applicant_name, new.phone, new.proxy_name, new.proxy_id);"
"END;"
"CREATE TRIGGER cases_fts_phone AFTER UPDATE OF phone ON cases BEGIN"
"  INSERT INTO cases_fts(cases_fts, rowid, no, id_no, applicant_name, phone, proxy_name, proxy_id)"
"  VALUES ('delete', old.id, old.no, old.id_no, old.applicant_name, old.phone, old.proxy_name, old.proxy_id);"
"  INSERT INTO cases_fts(rowid, no, id_no, applicant_name, phone, proxy_name, proxy_id)"
"  VALUES (new.id, new.no, new.id_no, new.applicant_name, new.phone, new.proxy_name, new.proxy_id);"
"END;"
"CREATE TABLE case_watch ("
"  what TEXT NOT NULL,"           /* 'handover' | 'followup' */
"  case_id INTEGER NOT NULL REFERENCES cases(id),"
"  event_id INTEGER NOT NULL REFERENCES events(id),"
"  PRIMARY KEY (what, case_id)"
") WITHOUT ROWID;"
/* a handover pends while its case's last handover/acknowledge is a
 * handover; a follow-up is open while the last rating asked for one
 * (followup_due in its note) and no follow-up came after it */
"INSERT INTO case_watch (what, case_id, event_id)"
"  SELECT 'handover', e.case_id, e.id FROM events e WHERE e.type = 'handover'"
"  AND NOT EXISTS (SELECT 1 FROM events x WHERE x.case_id = e.case_id AND x.id > e.id"
"                  AND x.type IN ('handover','acknowledge'));"
"INSERT INTO case_watch (what, case_id, event_id)"
"  SELECT 'followup', e.case_id, e.id FROM events e WHERE e.type = 'rate'"
"  AND instr(e.details, 'followup_due') > 0"
"  AND NOT EXISTS (SELECT 1 FROM events x WHERE x.case_id = e.case_id AND x.id > e.id"
"                  AND x.type IN ('rate','followup'));"
WATCH_TRIGGERS;

/* 5: wrong PINs per clerk, across processes and restarts (auth_lock.c);
 *    locking and unlocking are clerk events of the chain. */
static const char SCHEMA_5[] =
"CREATE TABLE pin_failures ("
"  code TEXT PRIMARY KEY,"
"  failures INTEGER NOT NULL,"
"  last_at INTEGER NOT NULL,"
"  locked INTEGER NOT NULL DEFAULT 0"
") WITHOUT ROWID;";


/* 6: the whole item travels with the case (issue 11/12): 办理程序, 领取地点,
 *    the item's phone, 代办 and 现场核查 are kept in the snapshot, so a
 *    paper printed later shows them and a catalog edit never changes them;
 *    so are the rules' fields: the extension limit, promise_allowed.
 *    The snapshot trigger is made again to guard the new columns. */
static const char SCHEMA_ITEM_SNAPSHOT[] =
"ALTER TABLE cases ADD COLUMN item_procedure TEXT;"
"ALTER TABLE cases ADD COLUMN item_collect TEXT;"
"ALTER TABLE cases ADD COLUMN item_phone TEXT;"
"ALTER TABLE cases ADD COLUMN item_proxy INTEGER;"
"ALTER TABLE cases ADD COLUMN item_site_visit INTEGER;"
"ALTER TABLE cases ADD COLUMN item_extension_days INTEGER;"
"ALTER TABLE cases ADD COLUMN item_promise_allowed INTEGER;"
"DROP TRIGGER cases_snapshot;"
"CREATE TRIGGER cases_snapshot BEFORE UPDATE OF no, applicant_name, id_type, id_no,"
"  proxy_name, proxy_id, proxy_is_agent, first_clerk, item_code, item_name, item_window,"
"  item_department, item_regime, item_basis, item_statutory_days, item_promised_days,"
"  item_has_fee, item_fee_fen, item_fee_basis, item_forward_to, item_refusal,"
"  item_joint_windows, catalog_fingerprint, decided, override_reason, accepted_at,"
"  accepted_day, fee_fen, receipt_no, item_procedure, item_collect, item_phone,"
"  item_proxy, item_site_visit, item_extension_days, item_promise_allowed ON cases"
"  BEGIN SELECT RAISE(ABORT, 'the case snapshot is never changed'); END;";


/* 7 (issue 14): the register of villages and their agents (代办员), kept
 *    in the ledger (agent_ledger.c: every change is an event of the
 *    chain).  An ID number is registered once, so a proxy case names its
 *    agent by the proxy's ID in its snapshot (proxy_id, proxy_is_agent). */
static const char SCHEMA_AGENTS[] =
"CREATE TABLE agents ("
"  id INTEGER PRIMARY KEY,"
"  code TEXT NOT NULL UNIQUE,"
"  village TEXT NOT NULL,"
"  name TEXT NOT NULL,"
"  id_no TEXT NOT NULL UNIQUE,"
"  phone TEXT,"
"  active_from TEXT NOT NULL,"
"  active_to TEXT,"
"  active INTEGER NOT NULL DEFAULT 1"
");"
"CREATE TRIGGER agents_no_delete BEFORE DELETE ON agents"
"  BEGIN SELECT RAISE(ABORT, 'agents are never deleted; disable one instead'); END;";


/* 8: the other books (register.h): one row per entry, every change an event
 *    about no case (type reg_*) whose details are the whole row. */
static const char SCHEMA_REGISTER[] =
"CREATE TABLE reg_entries ("
"  id INTEGER PRIMARY KEY,"
"  no TEXT NOT NULL UNIQUE, book TEXT NOT NULL, state TEXT NOT NULL,"
"  opened_at TEXT NOT NULL, opened_day TEXT NOT NULL, clerk TEXT NOT NULL,"
"  person TEXT, id_no TEXT, phone TEXT, village TEXT, subject TEXT, answer TEXT,"
"  window TEXT, named_clerk TEXT, channel TEXT, flags TEXT, at_day TEXT, at_time TEXT,"
"  due TEXT, closed_day TEXT, case_no TEXT, ref TEXT, extra TEXT"
");"
"CREATE INDEX reg_book_day ON reg_entries(book, opened_day);"
"CREATE INDEX reg_at_day ON reg_entries(at_day);"
"CREATE TRIGGER reg_no_delete BEFORE DELETE ON reg_entries"
"  BEGIN SELECT RAISE(ABORT, 'book entries are never deleted'); END;"
"CREATE TRIGGER reg_snapshot BEFORE UPDATE OF no, book, opened_at, opened_day, clerk ON reg_entries"
"  BEGIN SELECT RAISE(ABORT, 'an entry keeps its number, book and opening'); END;";

/* 9: the month's figures (lifecycle_report_month) read the cases closed in
 *    or after the month that were accepted by its end; with both days in
 *    one index that is a covering range, not a look-up of every case
 *    closed since (a month of 2020 in a decade's ledger: 306 -> 66 ms).
 *    It serves the closing day alone as well. */
static const char SCHEMA_COMPLETED_ACCEPTED[] =
"CREATE INDEX cases_completed_accepted ON cases(completed_day, accepted_day)"
"  WHERE completed_day IS NOT NULL;"
"DROP INDEX cases_completed_day;";

/* 10 (issue 17): the ledger at about a third of its size.  The events are
 *    copied into a table without prev_hash (it is the previous event's
 *    hash, which verify recomputes anyway) and without the unique index on
 *    the hash (nothing looks an event up by it); ledger_compact.c then
 *    keeps each intake as its moving values (event_details.c) and ends the
 *    step with store_schema_events_compact_end.  Every hash stays as it
 *    was: it covers the logical details, which read back byte for byte. */
const char store_schema_events_compact[] =
"CREATE TABLE events_compact ("
"  id INTEGER PRIMARY KEY,"
"  case_id INTEGER REFERENCES cases(id),"
"  at TEXT NOT NULL, clerk TEXT NOT NULL, type TEXT NOT NULL,"
"  details TEXT NOT NULL, reason TEXT,"
"  hash TEXT NOT NULL"
");"
"INSERT INTO events_compact (id, case_id, at, clerk, type, details, reason, hash)"
"  SELECT id, case_id, at, clerk, type, details, reason, hash FROM events ORDER BY id;";
/* case_watch names events: kept aside while the old table goes.  Then
 * the materials' fixed fields, once per distinct material. */
const char store_schema_events_compact_end[] =
"CREATE TEMP TABLE watch_keep AS SELECT * FROM case_watch;"
"DELETE FROM case_watch;"
"DROP TABLE events;"
"ALTER TABLE events_compact RENAME TO events;"
"INSERT INTO case_watch SELECT * FROM temp.watch_keep;"
"DROP TABLE temp.watch_keep;"
"CREATE INDEX events_case ON events(case_id);"
"CREATE INDEX events_caseless ON events(type) WHERE case_id IS NULL;"
"CREATE INDEX events_day_close ON events(json_extract(details, '$.\"x.day\"'))"
"  WHERE type = 'day_close' AND case_id IS NULL;"
"CREATE INDEX events_figures ON events(type, at) WHERE type IN ('rate','notice_breach');"
"CREATE INDEX events_handover ON events(at) WHERE type = 'handover';"
"CREATE TRIGGER events_no_update BEFORE UPDATE ON events"
"  BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;"
"CREATE TRIGGER events_no_delete BEFORE DELETE ON events"
"  BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;"
WATCH_TRIGGERS
/* each distinct material (name, form, copies, main, note) once; a case's
 * materials name it, with their own state */
"CREATE TABLE material_versions ("
"  id INTEGER PRIMARY KEY,"
"  name TEXT NOT NULL, form TEXT NOT NULL, copies INTEGER NOT NULL,"
"  main INTEGER NOT NULL, note TEXT"
");"
"CREATE INDEX material_versions_name ON material_versions(name);"
"INSERT INTO material_versions (name, form, copies, main, note)"
"  SELECT DISTINCT name, form, copies, main, note FROM case_materials;"
"CREATE TABLE case_materials_compact ("
"  case_id INTEGER NOT NULL REFERENCES cases(id),"
"  idx INTEGER NOT NULL,"
"  material INTEGER NOT NULL REFERENCES material_versions(id),"
"  state TEXT NOT NULL, changed_at TEXT,"
"  PRIMARY KEY (case_id, idx)"
") WITHOUT ROWID;"
"INSERT INTO case_materials_compact (case_id, idx, material, state, changed_at)"
"  SELECT m.case_id, m.idx, (SELECT v.id FROM material_versions v WHERE v.name = m.name AND v.form = m.form"
"    AND v.copies = m.copies AND v.main = m.main AND v.note IS m.note), m.state, m.changed_at"
"  FROM case_materials m;"
"DROP TABLE case_materials;"
"ALTER TABLE case_materials_compact RENAME TO case_materials;"
"CREATE TRIGGER materials_no_delete BEFORE DELETE ON case_materials"
"  BEGIN SELECT RAISE(ABORT, 'case materials are never deleted'); END;"
"CREATE TRIGGER materials_snapshot BEFORE UPDATE OF case_id, idx, material ON case_materials"
"  BEGIN SELECT RAISE(ABORT, 'the case snapshot is never changed'); END;"
"CREATE TRIGGER material_versions_no_update BEFORE UPDATE ON material_versions"
"  BEGIN SELECT RAISE(ABORT, 'the case snapshot is never changed'); END;"
"CREATE TRIGGER material_versions_no_delete BEFORE DELETE ON material_versions"
"  BEGIN SELECT RAISE(ABORT, 'the case snapshot is never changed'); END;";

/* 11 (issue 17): the item's snapshot once per distinct item version.  A
 *    case's row kept the whole item (name, basis, department, procedure,
 *    the catalog's fingerprint...: ~450 B a case, the same text in every
 *    case of an item); now each distinct version is one item_versions row
 *    (the same columns; the json_array of them is its content key) and
 *    the case names it.  The table is rebuilt (lang_altertable.html, the
 *    12 steps; store.c turns foreign keys off around this step and checks
 *    them before the commit) with its ids, so the search index, events,
 *    receipts and materials still point at the same rows; its indexes
 *    and triggers are made again.  The record a hash covers is the same
 *    text: case_record reads the item through the join. */
#define ITEM_VERSION_COLS \
"item_code, item_name, item_window, item_department, item_regime, item_basis," \
" item_statutory_days, item_promised_days, item_has_fee, item_fee_fen, item_fee_basis," \
" item_forward_to, item_refusal, item_joint_windows, catalog_fingerprint, item_procedure," \
" item_collect, item_phone, item_proxy, item_site_visit, item_extension_days, item_promise_allowed"
const char store_schema_item_versions[] =
"CREATE TABLE item_versions ("
"  id INTEGER PRIMARY KEY,"
"  item_code TEXT NOT NULL, item_name TEXT NOT NULL, item_window TEXT NOT NULL,"
"  item_department TEXT, item_regime TEXT NOT NULL, item_basis TEXT,"
"  item_statutory_days INTEGER, item_promised_days INTEGER,"
"  item_has_fee INTEGER NOT NULL, item_fee_fen INTEGER NOT NULL, item_fee_basis TEXT,"
"  item_forward_to TEXT, item_refusal TEXT, item_joint_windows TEXT,"
"  catalog_fingerprint TEXT NOT NULL,"
"  item_procedure TEXT, item_collect TEXT, item_phone TEXT, item_proxy INTEGER,"
"  item_site_visit INTEGER, item_extension_days INTEGER, item_promise_allowed INTEGER"
");"
"CREATE UNIQUE INDEX item_versions_content ON item_versions(json_array(" ITEM_VERSION_COLS "));"
"CREATE INDEX item_versions_code ON item_versions(item_code, catalog_fingerprint);"
"INSERT INTO item_versions (" ITEM_VERSION_COLS ") SELECT " ITEM_VERSION_COLS
"  FROM cases GROUP BY " ITEM_VERSION_COLS " ORDER BY min(id);"
"CREATE TABLE cases_narrow ("
"  id INTEGER PRIMARY KEY,"
"  no TEXT NOT NULL UNIQUE,"
"  applicant_name TEXT NOT NULL,"
"  id_type TEXT NOT NULL,"
"  id_no TEXT NOT NULL,"
"  phone TEXT, address TEXT,"
"  proxy_name TEXT, proxy_id TEXT, proxy_is_agent INTEGER NOT NULL DEFAULT 0,"
"  first_clerk TEXT NOT NULL REFERENCES clerks(code),"
"  owner_clerk TEXT NOT NULL REFERENCES clerks(code),"
"  item_version INTEGER NOT NULL REFERENCES item_versions(id),"
"  kind TEXT NOT NULL, decided TEXT NOT NULL, override_reason TEXT, return_reason TEXT,"
"  state TEXT NOT NULL,"
"  accepted_at TEXT NOT NULL, accepted_day TEXT NOT NULL,"
"  clock_start TEXT, due TEXT, due_uncertain INTEGER NOT NULL DEFAULT 0,"
"  limit_days INTEGER, completed_day TEXT,"
"  fee_fen INTEGER NOT NULL DEFAULT 0, receipt_no TEXT"
");";
/* the cases copied into it, each naming its item's version */
static const char ITEM_VERSIONS_COPY[] =
"INSERT INTO cases_narrow (id, no, applicant_name, id_type, id_no, phone, address, proxy_name,"
"  proxy_id, proxy_is_agent, first_clerk, owner_clerk, item_version, kind, decided, override_reason,"
"  return_reason, state, accepted_at, accepted_day, clock_start, due, due_uncertain, limit_days,"
"  completed_day, fee_fen, receipt_no)"
"  SELECT c.id, c.no, c.applicant_name, c.id_type, c.id_no, c.phone, c.address, c.proxy_name,"
"  c.proxy_id, c.proxy_is_agent, c.first_clerk, c.owner_clerk, v.id, c.kind, c.decided,"
"  c.override_reason, c.return_reason, c.state, c.accepted_at, c.accepted_day, c.clock_start,"
"  c.due, c.due_uncertain, c.limit_days, c.completed_day, c.fee_fen, c.receipt_no"
"  FROM cases c JOIN item_versions v ON v.item_code = c.item_code"
"  AND v.catalog_fingerprint = c.catalog_fingerprint AND v.item_name = c.item_name"
"  AND v.item_window = c.item_window AND v.item_department IS c.item_department"
"  AND v.item_regime = c.item_regime AND v.item_basis IS c.item_basis"
"  AND v.item_statutory_days IS c.item_statutory_days AND v.item_promised_days IS c.item_promised_days"
"  AND v.item_has_fee = c.item_has_fee AND v.item_fee_fen = c.item_fee_fen"
"  AND v.item_fee_basis IS c.item_fee_basis AND v.item_forward_to IS c.item_forward_to"
"  AND v.item_refusal IS c.item_refusal AND v.item_joint_windows IS c.item_joint_windows"
"  AND v.item_procedure IS c.item_procedure AND v.item_collect IS c.item_collect"
"  AND v.item_phone IS c.item_phone AND v.item_proxy IS c.item_proxy"
"  AND v.item_site_visit IS c.item_site_visit AND v.item_extension_days IS c.item_extension_days"
"  AND v.item_promise_allowed IS c.item_promise_allowed"
"  ORDER BY c.id;"
"DROP TABLE cases;"
"ALTER TABLE cases_narrow RENAME TO cases;";
/* then its indexes and triggers again, and the item versions' guards */
static const char ITEM_VERSIONS_END[] =
"CREATE INDEX cases_owner_state ON cases(owner_clerk, state, due);"
"CREATE INDEX cases_id_no ON cases(id_no);"
"CREATE INDEX cases_phone ON cases(phone);"
"CREATE INDEX cases_accepted_day ON cases(accepted_day);"
"CREATE INDEX cases_open ON cases(state, due)"
"  WHERE state IN ('waiting_materials','in_progress','paused','forwarded');"
"CREATE INDEX cases_name ON cases(applicant_name);"
"CREATE INDEX cases_given_name ON cases(substr(applicant_name, 2));"
"CREATE INDEX cases_proxy_name ON cases(proxy_name) WHERE proxy_name IS NOT NULL;"
"CREATE INDEX cases_proxy_id ON cases(proxy_id) WHERE proxy_id IS NOT NULL;"
"CREATE INDEX cases_owner ON cases(owner_clerk);"
"CREATE INDEX cases_completed_accepted ON cases(completed_day, accepted_day)"
"  WHERE completed_day IS NOT NULL;"
"CREATE TRIGGER cases_no_delete BEFORE DELETE ON cases"
"  BEGIN SELECT RAISE(ABORT, 'cases are never deleted'); END;"
"CREATE TRIGGER cases_snapshot BEFORE UPDATE OF id, no, applicant_name, id_type, id_no,"
"  proxy_name, proxy_id, proxy_is_agent, first_clerk, item_version, decided, override_reason,"
"  accepted_at, accepted_day, fee_fen, receipt_no ON cases"
"  BEGIN SELECT RAISE(ABORT, 'the case snapshot is never changed'); END;"
"CREATE TRIGGER item_versions_no_update BEFORE UPDATE ON item_versions"
"  BEGIN SELECT RAISE(ABORT, 'the case snapshot is never changed'); END;"
"CREATE TRIGGER item_versions_no_delete BEFORE DELETE ON item_versions"
"  BEGIN SELECT RAISE(ABORT, 'the case snapshot is never changed'); END;"
"CREATE TRIGGER cases_fts_insert AFTER INSERT ON cases BEGIN"
"  INSERT INTO cases_fts(rowid, no, id_no, applicant_name, phone, proxy_name, proxy_id)"
"  VALUES (new.id, new.no, new.id_no, new.applicant_name, new.phone, new.proxy_name, new.proxy_id);"
"END;"
"CREATE TRIGGER cases_fts_phone AFTER UPDATE OF phone ON cases BEGIN"
"  INSERT INTO cases_fts(cases_fts, rowid, no, id_no, applicant_name, phone, proxy_name, proxy_id)"
"  VALUES ('delete', old.id, old.no, old.id_no, old.applicant_name, old.phone, old.proxy_name, old.proxy_id);"
"  INSERT INTO cases_fts(rowid, no, id_no, applicant_name, phone, proxy_name, proxy_id)"
"  VALUES (new.id, new.no, new.id_no, new.applicant_name, new.phone, new.proxy_name, new.proxy_id);"
"END;";
const char *const store_schema_item_versions_more[] = { ITEM_VERSIONS_COPY, ITEM_VERSIONS_END, NULL };

const char *const store_migrations[] = { NULL, SCHEMA_1, SCHEMA_2, SCHEMA_3, SCHEMA_4, SCHEMA_5, SCHEMA_ITEM_SNAPSHOT, SCHEMA_AGENTS,
	SCHEMA_REGISTER, SCHEMA_COMPLETED_ACCEPTED, store_schema_events_compact, store_schema_item_versions };
const int store_n_migrations = 11;
