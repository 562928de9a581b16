/* store.h - the one SQLite file: open (pragmas, migrations; read-only when not writable),
 * short write transactions, clear messages for SQLite's failures.
 *
 * The file: WAL, synchronous=FULL, foreign_keys=ON, busy_timeout 10 s
 * (BIANMIN_BUSY_TIMEOUT_MS overrides it: store_busy_timeout_ms),
 * application_id 0x42414E4D ("BANM"), schema version in user_version with
 * forward-only numbered migrations, each in its own transaction.  A file
 * written by a newer bianmin is refused.  A new file is created mode 0600.
 * Only src/core/ talks SQL; the UI uses cases.h, auth.h and ledger.h. */
#ifndef BIANMIN_STORE_H
#define BIANMIN_STORE_H

#include "bianmin/app.h"
#include "bianmin/common.h"

#define STORE_APPLICATION_ID 0x42414E4D   /* "BANM" */
#define STORE_SCHEMA_VERSION 11           /* newest schema this build writes */

typedef struct bm_store bm_store;
struct sqlite3;

/* Open (creating it, mode 0600, when create is true and it does not exist)
 * and bring the schema up to STORE_SCHEMA_VERSION.  NULL + err (BM_EDB or
 * BM_EIO) when: not a bianmin file, empty and !create, written by a newer
 * bianmin, locked too long, missing and !create (BM_ENOTFOUND).  A file
 * this user may not write is opened read-only (store_readonly).  No
 * integrity check here (O(1) in the file's size): that is verify's. */
bm_store *store_open(const char *path, bool create, bm_error *err);
/* Same, but migrate no further than max_version (tests: build a file of an
 * old schema, then reopen it with store_open to migrate it). */
bm_store *store_open_version(const char *path, bool create, int max_version, bm_error *err);
void store_close(bm_store *s);   /* NULL is fine */
/* Told before an existing ledger is upgraded (from -> to schema), so the
 * program can say why it waits (core never writes to the terminal). */
typedef void (*store_upgrade_notice)(const char *path, int from, int to);
void store_set_upgrade_notice(store_upgrade_notice fn);
int store_busy_timeout_ms(void);
const char *store_path(const bm_store *s);
int store_schema_version(bm_store *s);   /* user_version of the open file */

/* Write transactions: BEGIN IMMEDIATE ... COMMIT.  They nest by counting:
 * only the outermost begin/commit talk to SQLite, so a core function that
 * writes can be called alone or inside a larger transaction.  Any failure
 * inside must be followed by store_rollback (rolls back everything, at any
 * depth; later commits at outer depths then fail with BM_EDB). */
int store_begin(bm_store *s, bm_error *err);
int store_commit(bm_store *s, bm_error *err);
void store_rollback(bm_store *s);
bool store_in_transaction(const bm_store *s);
/* A read snapshot for a long read (BEGIN DEFERRED ... COMMIT); does
 * nothing inside a write transaction.  No store_begin between the two. */
int store_read_begin(bm_store *s, bm_error *err);
void store_read_end(bm_store *s);

/* For src/core modules only: the handle, and turning the last SQLite error
 * into a bm_error with a sentence saying what to do.  what = what we were
 * doing ("saving the case").  Returns BM_EDB. */
struct sqlite3 *store_db(bm_store *s);
int store_fail(bm_store *s, bm_error *err, const char *what);

/* Test hook: when set, case_accept fails just before its commit (after the
 * case, materials, event and receipt rows are written), to show that a
 * failure in the middle leaves nothing. */
void store_set_fail_hook(bm_store *s, const char *where);
bool store_fail_hook(bm_store *s, const char *where);

/* The app's database, opened (and created) on first use from
 * app->paths.db; NULL + err on failure.  app_store_close closes it. */
bm_store *app_store(bm_app *app, bm_error *err);
/* The ledger opened (read-only) because this user may not write it: only
 * reading works; store_begin fails with a sentence. */
bool store_readonly(const bm_store *s);
/* bianmin init / demo (ledger_init.c): make the ledger at path on purpose
 * (its folder 0700 when missing, the file 0600, the witness key), or open
 * it when it is already one (*made false).  An empty or foreign file is
 * refused. */
bm_store *ledger_create(const char *path, bool *made, bm_error *err);
bm_store *app_store_create(bm_app *app, bool *made, bm_error *err);
void app_store_close(bm_app *app);

#endif
