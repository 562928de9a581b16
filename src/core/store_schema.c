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

/* 4 (issue 14): the register of villages and their agents (代办员), kept
 *    in the ledger (agent_ledger.c: every change is an event of the
 *    chain), and the agent a proxy case (代理件) was brought by, part of
 *    the case snapshot. */
static const char SCHEMA_AGENTS[] =
"CREATE TABLE agents ("
"  id INTEGER PRIMARY KEY,"
"  code TEXT NOT NULL UNIQUE,"
"  village TEXT NOT NULL,"
"  name TEXT NOT NULL,"
"  id_no TEXT NOT NULL,"
"  phone TEXT,"
"  active_from TEXT NOT NULL,"
"  active_to TEXT,"
"  active INTEGER NOT NULL DEFAULT 1"
");"
"CREATE TRIGGER agents_no_delete BEFORE DELETE ON agents"
"  BEGIN SELECT RAISE(ABORT, 'agents are never deleted; disable one instead'); END;"
"ALTER TABLE cases ADD COLUMN agent_code TEXT;"
"CREATE TRIGGER cases_agent_snapshot BEFORE UPDATE OF agent_code ON cases"
"  BEGIN SELECT RAISE(ABORT, 'the case snapshot is never changed'); END;"
"CREATE INDEX cases_agent ON cases(agent_code) WHERE agent_code IS NOT NULL;";

const char *const store_migrations[] = { NULL, SCHEMA_1, SCHEMA_2, SCHEMA_3, SCHEMA_AGENTS };
const int store_n_migrations = 4;
