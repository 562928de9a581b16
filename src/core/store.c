/* store.c - opening the SQLite file safely, migrations, transactions. */
#include "ledger_int.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <stdio.h>
#include <unistd.h>

#define STMT_CACHE 96

struct bm_store {
	sqlite3 *db;
	char *path;
	int depth;            /* nesting of store_begin */
	bool readonly;        /* opened read-only (an auditor's copy) */
	bool doomed;          /* a rollback happened inside an outer transaction */
	bool reading;         /* inside store_read_begin */
	int version_seen;     /* user_version as this connection last read it; 0 unknown */
	char *fail_hook;
	struct { const char *sql; sqlite3_stmt *st; } cache[STMT_CACHE];
	int n_cache;
	/* store_has_column's answers (the schema moves only in migrate) */
	struct { const char *table, *column; bool has; } cols[8];
	int n_cols;
};

bool store_has_column(bm_store *s, const char *table, const char *column)
{
	for (int i = 0; i < s->n_cols; i++)
		if (s->cols[i].table == table && s->cols[i].column == column)
			return s->cols[i].has;
	sqlite3_stmt *st = store_stmt(s, "SELECT 1 FROM pragma_table_info(?1) WHERE name = ?2", NULL);
	if (!st)
		return false;
	st_text(st, 1, table);
	st_text(st, 2, column);
	bool has = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_reset(st);
	if (s->n_cols < (int)(sizeof s->cols / sizeof s->cols[0])) {
		s->cols[s->n_cols].table = table;
		s->cols[s->n_cols].column = column;
		s->cols[s->n_cols++].has = has;
	}
	return has;
}

/* How long to wait for another writer: BIANMIN_BUSY_TIMEOUT_MS, else 10 s. */
int store_busy_timeout_ms(void)
{
	const char *e = getenv("BIANMIN_BUSY_TIMEOUT_MS");
	char *end;
	long ms = e && *e ? strtol(e, &end, 10) : -1;
	if (!e || !*e || *end || ms < 0 || ms > 3600000)
		return 10000;
	return (int)ms;
}

int store_fail(bm_store *s, bm_error *err, const char *what)
{
	int ext = s && s->db ? sqlite3_extended_errcode(s->db) : SQLITE_ERROR;
	const char *m = s && s->db ? sqlite3_errmsg(s->db) : "";
	const char *path = s && s->path ? s->path : "?";
	switch (ext & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return bm_fail(err, BM_EDB, _("%s: the database is locked by another program for too long while %s; nothing was saved. Try again; if it keeps happening, look for a stuck process using the file (fuser %s)."),
			       path, what, path);
	case SQLITE_READONLY:
		return bm_fail(err, BM_EDB, _("%s: the database is read-only while %s. Check the permissions of the file and of its folder (bianmin needs to write both)."),
			       path, what);
	case SQLITE_NOTADB:
		return bm_fail(err, BM_EDB, _("%s: this is not a bianmin database (not an SQLite file). Check the --db path."), path);
	case SQLITE_CORRUPT:
		return bm_fail(err, BM_EDB, _("%s: the database is damaged (%s) while %s. Stop using it; restore the latest backup and run bianmin verify."),
			       path, m, what);
	case SQLITE_FULL:
		return bm_fail(err, BM_EDB, _("%s: the disk is full while %s. Free some space and try again; nothing was saved."), path, what);
	case SQLITE_CANTOPEN:
	case SQLITE_PERM:
		return bm_fail(err, BM_EDB, _("%s: cannot open the database (%s). Check that the folder exists and is writable."), path, m);
	case SQLITE_CONSTRAINT:
		return bm_fail(err, BM_EDB, _("%s: the ledger refused this change while %s: %s."), path, what, m);
	default:
		return bm_fail(err, BM_EDB, _("%s: database error while %s: %s."), path, what, m);
	}
}

sqlite3_stmt *store_stmt(bm_store *s, const char *sql, bm_error *err)
{
	for (int i = 0; i < s->n_cache; i++)
		if (s->cache[i].sql == sql) {
			sqlite3_reset(s->cache[i].st);
			sqlite3_clear_bindings(s->cache[i].st);
			return s->cache[i].st;
		}
	sqlite3_stmt *st;
	if (sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
		store_fail(s, err, _("preparing a statement"));
		return NULL;
	}
	if (s->n_cache < STMT_CACHE) {
		s->cache[s->n_cache].sql = sql;
		s->cache[s->n_cache].st = st;
		s->n_cache++;
	} else {
		/* full: replace the oldest */
		sqlite3_finalize(s->cache[0].st);
		memmove(s->cache, s->cache + 1, sizeof s->cache[0] * (STMT_CACHE - 1));
		s->cache[STMT_CACHE - 1].sql = sql;
		s->cache[STMT_CACHE - 1].st = st;
	}
	return st;
}

int store_write(bm_store *s, sqlite3_stmt *st, bm_error *err, const char *what)
{
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? BM_OK : store_fail(s, err, what);
}

void st_text(sqlite3_stmt *st, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

const char *col_text(sqlite3_stmt *st, int i)
{
	return (const char *)sqlite3_column_text(st, i);
}

char *col_dup(sqlite3_stmt *st, int i)
{
	return bm_xstrdup(col_text(st, i));
}

const char *day_or_null(bm_day d, char *buf)
{
	if (d == BM_NO_DAY)
		return NULL;
	return bm_day_format(d, buf);
}

bm_day day_from_text(const char *s)
{
	bm_day d;
	if (!s || !bm_day_parse(s, &d))
		return BM_NO_DAY;
	return d;
}

static int exec(bm_store *s, const char *sql, bm_error *err, const char *what)
{
	if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return store_fail(s, err, what);
	return BM_OK;
}

static int pragma_int(bm_store *s, const char *sql, int *out, bm_error *err)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return store_fail(s, err, _("opening the database"));
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int(st, 0);
	else if (rc != SQLITE_DONE) {
		sqlite3_finalize(st);
		return store_fail(s, err, _("opening the database"));
	}
	sqlite3_finalize(st);
	return BM_OK;
}

int store_begin(bm_store *s, bm_error *err)
{
	if (s->readonly)
		return bm_fail(err, BM_EDB, _("%s: the database is read-only for you, and this needs to write it. Check the permissions of the file and its folder (reading commands such as verify, case show and report work on it as it is)."),
			       s->path);
	if (s->reading)   /* a programming error: say so loudly */
		return bm_fail(err, BM_EDB, "store_begin inside a read snapshot (store_read_begin)");
	if (s->depth++ > 0)
		return BM_OK;
	s->doomed = false;
	if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) {
		s->depth = 0;
		return store_fail(s, err, _("starting to save"));
	}
	return BM_OK;
}

/* A read snapshot: one deferred transaction, so a long read (a month's
 * report) sees one state of the file and takes SQLite's lock once, not
 * once per statement.  Inside a write transaction it is that one. */
int store_read_begin(bm_store *s, bm_error *err)
{
	if (s->depth > 0 || s->reading)
		return BM_OK;
	if (sqlite3_exec(s->db, "BEGIN DEFERRED", NULL, NULL, NULL) != SQLITE_OK)
		return store_fail(s, err, _("starting to read"));
	s->reading = true;
	return BM_OK;
}

void store_read_end(bm_store *s)
{
	if (!s->reading)
		return;
	s->reading = false;
	sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
}

int store_commit(bm_store *s, bm_error *err)
{
	if (s->depth <= 0)
		return bm_fail(err, BM_EDB, "store_commit without store_begin");
	if (--s->depth > 0)
		return BM_OK;
	if (s->doomed) {
		s->doomed = false;
		return bm_fail(err, BM_EDB, _("Nothing was saved: a step inside failed."));
	}
	if (sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		int rc = store_fail(s, err, _("saving"));
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
		return rc;
	}
	return BM_OK;
}

void store_rollback(bm_store *s)
{
	if (s->depth <= 0)
		return;
	if (!sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	if (--s->depth > 0)
		s->doomed = true;
}

bool store_in_transaction(const bm_store *s)
{
	return s->depth > 0;
}

sqlite3 *store_db(bm_store *s)
{
	return s->db;
}

const char *store_path(const bm_store *s)
{
	return s->path;
}

int store_schema_version(bm_store *s)
{
	int v = -1;
	pragma_int(s, "PRAGMA user_version", &v, NULL);
	if (v > 0)
		s->version_seen = v;
	return v;
}

/* A file's schema only grows (forward-only migrations), so a version
 * once read holds for the connection's life: callers asking per row
 * (case_item_later) read it once. */
int store_schema_version_seen(bm_store *s)
{
	return s->version_seen > 0 ? s->version_seen : store_schema_version(s);
}

void store_set_fail_hook(bm_store *s, const char *where)
{
	free(s->fail_hook);
	s->fail_hook = bm_xstrdup(where);
}

bool store_fail_hook(bm_store *s, const char *where)
{
	return s->fail_hook && strcmp(s->fail_hook, where) == 0;
}

void store_close(bm_store *s)
{
	if (!s)
		return;
	for (int i = 0; i < s->n_cache; i++)
		sqlite3_finalize(s->cache[i].st);
	sqlite3_close(s->db);
	free(s->path);
	free(s->fail_hook);
	free(s);
}

static store_upgrade_notice upgrade_notice;

void store_set_upgrade_notice(store_upgrade_notice fn)
{
	upgrade_notice = fn;
}

/* A migration's further texts, in order. */
static int exec_all(bm_store *s, const char *const *sql, bm_error *err)
{
	for (; *sql; sql++)
		if (exec(s, *sql, err, _("upgrading the database")))
			return BM_EDB;
	return BM_OK;
}

/* What a table rebuild could break, counted before and after it: the
 * rows naming a row that is not there (PRAGMA foreign_key_check) and the
 * cases.  A ledger changed behind bianmin's back may already have such
 * rows; the upgrade keeps them as they are for verify to name, and fails
 * only on one it would add (or a case it would lose). */
typedef struct fk_count {
	int64_t dangling, cases;
} fk_count;

static int count_keys(bm_store *s, fk_count *c, bm_error *err)
{
	memset(c, 0, sizeof *c);
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, "PRAGMA foreign_key_check", -1, &st, NULL) != SQLITE_OK)
		return store_fail(s, err, _("upgrading the database"));
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		c->dangling++;
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, err, _("upgrading the database"));
	if (sqlite3_prepare_v2(s->db, "SELECT count(*) FROM cases", -1, &st, NULL) != SQLITE_OK)
		return store_fail(s, err, _("upgrading the database"));
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		c->cases = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? BM_OK : store_fail(s, err, _("upgrading the database"));
}

static int foreign_keys_hold(bm_store *s, const fk_count *before, bm_error *err)
{
	fk_count after;
	if (count_keys(s, &after, err))
		return BM_EDB;
	if (after.dangling > before->dangling || after.cases != before->cases)
		return bm_fail(err, BM_EDB, _("%s: the upgrade would leave a row naming one that is not there; nothing was changed. Run bianmin verify with the previous version and keep a copy of the file."),
			       s->path);
	return BM_OK;
}

/* Run migrations cur+1 .. max, each in its own transaction.  Another
 * process may be migrating too: the version is read again under the write
 * lock and a step already done is skipped. */
static int migrate(bm_store *s, int max, bm_error *err)
{
	bool compacted = false;
	for (int v = 1; v <= max; v++) {
		int cur = 0;
		if (exec(s, "BEGIN IMMEDIATE", err, _("upgrading the database")))
			return BM_EDB;
		if (pragma_int(s, "PRAGMA user_version", &cur, err))
			goto fail;
		if (cur >= v) {
			exec(s, "COMMIT", NULL, "");
			continue;
		}
		char set[80];
		snprintf(set, sizeof set, "PRAGMA user_version = %d; PRAGMA application_id = %d;",
			 v, (int)STORE_APPLICATION_ID);
		s->version_seen = 0;
		/* a table rebuilt (the cases, for the item versions): foreign
		 * keys off around it, as lang_altertable.html says, and every
		 * one of them checked before it commits */
		bool rebuild = store_migrations[v] == store_schema_item_versions;
		if (rebuild && (exec(s, "COMMIT", err, _("upgrading the database")) ||
				exec(s, "PRAGMA foreign_keys = OFF", err, _("upgrading the database")) ||
				exec(s, "BEGIN IMMEDIATE", err, _("upgrading the database")) ||
				pragma_int(s, "PRAGMA user_version", &cur, err)))
			goto fail;
		if (rebuild && cur >= v) {
			exec(s, "COMMIT", NULL, "");
			exec(s, "PRAGMA foreign_keys = ON", NULL, "");
			continue;
		}
		fk_count before = {0};
		if ((rebuild && count_keys(s, &before, err)) ||
		    exec(s, store_migrations[v], err, _("upgrading the database")) ||
		    (v == 3 && clerk_ledger_import(s, err)) ||
		    (store_migrations[v] == store_schema_events_compact && ledger_compact_events(s, err)) ||
		    (rebuild && exec_all(s, store_schema_item_versions_more, err)) ||
		    (rebuild && foreign_keys_hold(s, &before, err)) ||
		    exec(s, set, err, _("upgrading the database")) ||
		    exec(s, "COMMIT", err, _("upgrading the database")))
			goto fail;
		if (rebuild && exec(s, "PRAGMA foreign_keys = ON", err, _("upgrading the database")))
			goto fail;
		s->n_cols = 0;   /* the schema moved */
		compacted = compacted || store_migrations[v] == store_schema_events_compact || rebuild;
	}
	/* the old events' pages back to the file system, once (a file in use
	 * elsewhere keeps them free inside until the next VACUUM) */
	if (compacted)
		sqlite3_exec(s->db, "VACUUM", NULL, NULL, NULL);
	return BM_OK;
fail:
	sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_exec(s->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL);
	s->n_cols = 0;
	return BM_EDB;
}

/* Open a file we may not write read-only: mode=ro, and when SQLite
 * cannot make the WAL index beside it (a read-only folder) as immutable. */
static int store_open_readonly(bm_store *s, const char *path, bm_error *err)
{
	static const char *const modes[] = { "ro", "ro&immutable=1" };
	for (size_t i = 0; i < 2; i++) {
		bm_buf b = {0};
		bm_buf_printf(&b, "file:");
		for (const unsigned char *p = (const unsigned char *)path; *p; p++)
			if (*p == '%' || *p == '?' || *p == '#')
				bm_buf_printf(&b, "%%%02X", *p);
			else
				bm_buf_printf(&b, "%c", *p);
		bm_buf_printf(&b, "?mode=%s", modes[i]);
		int rc = sqlite3_open_v2(b.data, &s->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
		bm_buf_free(&b);
		int n = 0;
		if (rc == SQLITE_OK && pragma_int(s, "SELECT count(*) FROM sqlite_schema", &n, NULL) == BM_OK) {
			s->readonly = true;
			return BM_OK;
		}
		sqlite3_close(s->db);
		s->db = NULL;
	}
	return bm_fail(err, BM_EDB, _("%s: cannot open the read-only ledger. Check that you may read the file (and its folder)."), path);
}

bool store_readonly(const bm_store *s)
{
	return s->readonly;
}

bm_store *store_open_version(const char *path, bool create, int max_version, bm_error *err)
{
	struct stat sb;
	if (stat(path, &sb) != 0) {
		if (errno == ENOENT && !create) {
			bm_fail(err, BM_ENOTFOUND, _("%s: there is no ledger here. Check --db (or BIANMIN_DB); to start a new ledger, run bianmin init."),
				path);
			return NULL;
		}
		if (errno != ENOENT) {
			bm_fail(err, BM_EIO, _("%s: cannot open the database: %s."), path, strerror(errno));
			return NULL;
		}
		int fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
		if (fd < 0 && errno != EEXIST) {
			bm_fail(err, BM_EIO, _("%s: cannot create the database: %s. Check that the folder exists and is writable."),
				path, strerror(errno));
			return NULL;
		}
		if (fd >= 0)
			close(fd);
	}
	bm_store *s = bm_xcalloc(1, sizeof *s);
	s->path = bm_xstrdup(path);
	/* a file we may not write (an auditor's 0400 copy) is opened read-only
	 * on purpose: reading commands work, a write gets a sentence */
	if (access(path, W_OK) != 0 && !create) {
		if (store_open_readonly(s, path, err))
			goto fail;
	} else if (sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		store_fail(s, err, _("opening the database"));
		goto fail;
	}
	sqlite3_extended_result_codes(s->db, 1);
	if (sqlite3_db_readonly(s->db, "main") == 1)
		s->readonly = true;
	sqlite3_busy_timeout(s->db, store_busy_timeout_ms());

	int app_id = 0, version = 0, n_tables = 0;
	if (pragma_int(s, "PRAGMA application_id", &app_id, err) ||
	    pragma_int(s, "PRAGMA user_version", &version, err) ||
	    pragma_int(s, "SELECT count(*) FROM sqlite_schema", &n_tables, err))
		goto fail;
	/* 台账 are made on purpose only (bianmin init, demo): an empty file is
	 * a ledger lost or a mistyped path, never a fresh start */
	if (!create && app_id == 0 && version == 0 && n_tables == 0) {
		bm_fail(err, BM_EDB, _("%s: the file is empty: it is not a bianmin ledger, and bianmin will not start a new one here by itself. If the ledger was here, restore it from a backup; to start a new ledger on purpose, run bianmin init."),
			path);
		goto fail;
	}
	if (app_id != (int)STORE_APPLICATION_ID && (app_id != 0 || version != 0 || n_tables != 0)) {
		bm_fail(err, BM_EDB, _("%s: this is an SQLite file but not a bianmin database. Check the --db path."), path);
		goto fail;
	}
	if (version > STORE_SCHEMA_VERSION) {
		bm_fail(err, BM_EDB, _("%s: this database was written by a newer bianmin (schema %d; this bianmin %s knows up to %d). Use the newer bianmin; do not open it with this one."),
			path, version, BIANMIN_VERSION, STORE_SCHEMA_VERSION);
		goto fail;
	}
	if (s->readonly) {
		if (version < STORE_SCHEMA_VERSION && version < max_version) {
			bm_fail(err, BM_EDB, _("%s: this ledger needs upgrading (schema %d) but the file is read-only; open a writable copy once first."),
				path, version);
			goto fail;
		}
		return s;
	}
	if (exec(s, "PRAGMA journal_mode = WAL", err, _("opening the database")) ||
	    exec(s, "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;", err, _("opening the database")))
		goto fail;

	/* no quick_check here: opening stays O(1) in the file's size;
	 * integrity is bianmin verify's (integrity_check) */
	if (max_version > STORE_SCHEMA_VERSION)
		max_version = STORE_SCHEMA_VERSION;
	if (version > 0 && version < max_version && upgrade_notice)
		upgrade_notice(path, version, max_version);
	if (version < max_version && migrate(s, max_version, err))
		goto fail;
	return s;
fail:
	store_close(s);
	return NULL;
}

bm_store *store_open(const char *path, bool create, bm_error *err)
{
	return store_open_version(path, create, STORE_SCHEMA_VERSION, err);
}

bm_store *app_store(bm_app *app, bm_error *err)
{
	if (!app->store) {
		if (!app->paths.db)
			return bm_fail(err, BM_EINVAL, _("No database given (--db FILE or BIANMIN_DB).")), NULL;
		app->store = store_open(app->paths.db, false, err);
	}
	return app->store;
}

void app_store_close(bm_app *app)
{
	store_close(app->store);
	app->store = NULL;
}

/* Take the next value of a counter row (inside the transaction). */
int store_counter_next(bm_store *s, const char *name, int64_t *out, bm_error *err)
{
	sqlite3_stmt *st = store_stmt(s, "INSERT INTO counters (name, value) VALUES (?, 1)"
				      " ON CONFLICT (name) DO UPDATE SET value = value + 1 RETURNING value", err);
	if (!st)
		return BM_EDB;
	st_text(st, 1, name);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(st);
		return store_fail(s, err, _("numbering"));
	}
	*out = sqlite3_column_int64(st, 0);
	while (sqlite3_step(st) == SQLITE_ROW)
		;
	sqlite3_reset(st);
	return BM_OK;
}
