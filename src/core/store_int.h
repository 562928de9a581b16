/* store_int.h - (internal to src/core) the store's insides and small
 * helpers for prepared statements. */
#ifndef BIANMIN_STORE_INT_H
#define BIANMIN_STORE_INT_H

#include "bianmin/store.h"

#include <sqlite3.h>

extern const char *const store_migrations[];
extern const int store_n_migrations;
/* The migration that compacts the events (issue 17), found by its text,
 * not its number: its SQL, then ledger_compact_events (C), which ends
 * with the _end SQL. */
extern const char store_schema_events_compact[];
extern const char store_schema_events_compact_end[];
int ledger_compact_events(bm_store *s, bm_error *err);
/* The migration that keeps each distinct item version once (issue 17):
 * it rebuilds the cases table, so store.c runs it with foreign keys off
 * and checks them before its commit. */
extern const char store_schema_item_versions[];
extern const char *const store_schema_item_versions_more[];   /* its next texts, NULL-ended */

/* A prepared statement for a constant SQL string, cached by the string's
 * address and reset+unbound before it is returned.  NULL + err on error. */
sqlite3_stmt *store_stmt(bm_store *s, const char *sql, bm_error *err);

/* Take the next value (from 1) of the counter row `name`; call inside a
 * write transaction. */
int store_counter_next(bm_store *s, const char *name, int64_t *out, bm_error *err);

/* Step a statement that writes (INSERT/UPDATE), reset it: BM_OK when it
 * ran, else store_fail(what). */
int store_write(bm_store *s, sqlite3_stmt *st, bm_error *err, const char *what);

/* Does the table have the column (for code that also runs on a file at an
 * older schema)?  Cached by the strings' addresses: pass literals. */
bool store_has_column(bm_store *s, const char *table, const char *column);

/* Bind text or NULL. */
void st_text(sqlite3_stmt *st, int i, const char *v);
/* Column as a malloc'd string, NULL when SQL NULL. */
char *col_dup(sqlite3_stmt *st, int i);
/* Column text or NULL (valid until the next step). */
const char *col_text(sqlite3_stmt *st, int i);

/* Day as "YYYY-MM-DD" (NULL for BM_NO_DAY) into buf[11]. */
const char *day_or_null(bm_day d, char *buf);
/* Parse "YYYY-MM-DD" or NULL into a day (BM_NO_DAY). */
bm_day day_from_text(const char *s);

/* The item fields the snapshot keeps since the migration that added them
 * (procedure, collect, phone, proxy, site_visit, extension limit,
 * promise_allowed); case_item_later: does this file have them yet (a file
 * a test builds at an older version does not)? */
#define CASE_ITEM_LATER_COLS \
	"item_procedure, item_collect, item_phone, item_proxy, item_site_visit," \
	" item_extension_days, item_promise_allowed"
bool case_item_later(bm_store *s);
/* Are a case's materials rows naming a material_versions row (the
 * compact migration, issue 17), or do they hold name, form... (older)? */
bool case_materials_shared(bm_store *s);
/* Does a case name its item_versions row (issue 17), or hold the item's
 * fields itself (older)?  The readers join it as iv, with the very
 * column names the case row had. */
bool case_items_shared(bm_store *s);
/* LEFT: a case whose version is gone (a ledger changed behind bianmin's
 * back) still lists and loads, with no item, so verify names it */
#define CASE_ITEM_JOIN " LEFT JOIN item_versions iv ON iv.id = c.item_version"
/* store_schema_version, read once per connection (it only grows). */
int store_schema_version_seen(bm_store *s);

#endif
