/* ledger_replay.c - a register's events merged with its table in key
 * order, one key at a time (ledger_replay.h). */
#include "ledger_replay.h"
#include "ledger_int.h"
#include "bianmin/ledger.h"

#include <stdlib.h>
#include <string.h>

/* The register's events, newest first within a key.  A key is a text
 * value of the details; details that are not JSON give none (the CASEs
 * keep json_extract from failing on them), like flatrec_parse. */
static const char SQL_EVENTS[] =
	"SELECT k, id, at, type, details FROM (SELECT CASE WHEN json_valid(details) THEN"
	" CASE WHEN json_type(details, ?1) = 'text' THEN json_extract(details, ?1) END END AS k,"
	" id, at, type, details FROM events WHERE case_id IS NULL AND type GLOB ?2)"
	" WHERE k IS NOT NULL ORDER BY k, id DESC";

/* The events' cursor and the group it has read. */
typedef struct evcur {
	sqlite3_stmt *st;
	int rc;                  /* the last step: SQLITE_ROW = on the next key's first event */
	char *key, *at;          /* the group read: its key, its newest readable event */
	int64_t id;
	flatrec rec;
} evcur;

static void group_clear(evcur *c)
{
	free(c->key);
	free(c->at);
	flatrec_free(&c->rec);
	c->key = c->at = NULL;
	c->id = 0;
}

/* Read the next key that has a readable event of the register (one whose
 * type is the register's and whose details parse and name that key: the
 * newest such wins).  true when there is one. */
static bool next_group(evcur *c, const replay_kind *k)
{
	group_clear(c);
	while (c->rc == SQLITE_ROW) {
		char *key = col_dup(c->st, 0);
		bool found = false;
		while (c->rc == SQLITE_ROW && strcmp(col_text(c->st, 0), key) == 0) {
			flatrec ev;
			if (!found && k->is_type(col_text(c->st, 3)) && col_text(c->st, 4) &&
			    flatrec_parse(col_text(c->st, 4), &ev)) {
				const char *v = flatrec_get(&ev, k->key, NULL);
				if (v && strcmp(v, key) == 0) {
					found = true;
					c->rec = ev;
					c->id = sqlite3_column_int64(c->st, 1);
					c->at = col_dup(c->st, 2);
				} else {
					flatrec_free(&ev);
				}
			}
			c->rc = sqlite3_step(c->st);
		}
		if (found) {
			c->key = key;
			return true;
		}
		free(key);
	}
	return false;
}

static int has_table(bm_store *s, const char *name)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(store_db(s), "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?",
			       -1, &st, NULL) != SQLITE_OK)
		return -1;
	st_text(st, 1, name);
	int n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
	sqlite3_finalize(st);
	return n;
}

int replay_walk(bm_store *s, const replay_kind *k, replay_visit fn, void *ctx, bm_error *err)
{
	evcur ev = {0};
	sqlite3_stmt *rows = NULL;
	int table = has_table(s, k->table);
	if (table < 0 || sqlite3_prepare_v2(store_db(s), SQL_EVENTS, -1, &ev.st, NULL) != SQLITE_OK ||
	    (table && sqlite3_prepare_v2(store_db(s), k->rows_sql, -1, &rows, NULL) != SQLITE_OK)) {
		sqlite3_finalize(ev.st);
		return store_fail(s, err, _("verifying the ledger")), -1;
	}
	st_text(ev.st, 1, k->key_path);
	st_text(ev.st, 2, k->type_glob);
	ev.rc = sqlite3_step(ev.st);
	int rrc = rows ? sqlite3_step(rows) : SQLITE_DONE;
	bool have_ev = next_group(&ev, k), have_row = rrc == SQLITE_ROW;
	int res = 0;
	while (!res && (have_ev || have_row)) {
		flatrec cur = {0};
		const char *rkey = NULL;
		if (have_row) {
			k->row_record(rows, &cur);
			rkey = flatrec_get(&cur, k->key, NULL);
			rkey = rkey ? rkey : "";
		}
		/* < 0: the event's key has no row; > 0: the row has no event */
		int c = !have_row ? -1 : !have_ev ? 1 : strcmp(ev.key, rkey);
		res = fn(ctx, k, c >= 0 ? rows : NULL, c >= 0 ? &cur : NULL, c < 0 ? ev.key : rkey,
			 c <= 0 ? &ev.rec : NULL, c <= 0 ? ev.id : 0, c <= 0 ? ev.at : NULL);
		flatrec_free(&cur);
		if (c >= 0 && !res)
			have_row = (rrc = sqlite3_step(rows)) == SQLITE_ROW;
		if (c <= 0 && !res)
			have_ev = next_group(&ev, k);
	}
	if (!res && ((rows && rrc != SQLITE_DONE) || ev.rc != SQLITE_DONE)) {
		store_fail(s, err, _("verifying the ledger"));
		res = -1;
	}
	group_clear(&ev);
	sqlite3_finalize(ev.st);
	sqlite3_finalize(rows);
	return res;
}

/* verify's visitor: the row equals the newest event's record (x.* keys
 * are notes, not columns), then the kind's own checks. */
static int check_one(void *ctx, const replay_kind *k, sqlite3_stmt *row, const flatrec *cur, const char *key,
		     const flatrec *ev, int64_t id, const char *at)
{
	ledger_problem *p = ctx;
	if (!ev)
		return verify_problem(p, 0, NULL, NULL, _(k->no_event), key);
	if (!cur)
		return verify_problem(p, id, NULL, at, _(k->missing), key);
	flatrec rec = {0};
	for (size_t i = 0; i < ev->n; i++)
		if (strncmp(ev->keys[i], "x.", 2) != 0)
			flatrec_set(&rec, ev->keys[i], ev->vals[i]);
	const char *a, *b;
	const char *field = flatrec_diff(&rec, cur, &a, &b);
	int res = field ? verify_problem(p, id, NULL, at, _(k->differs), key, field, b ? b : "null", a ? a : "null") : 0;
	flatrec_free(&rec);
	if (!res && k->extra)
		res = k->extra(row, ev, id, at, key, p);
	return res;
}

int replay_check(bm_store *s, const replay_kind *k, ledger_problem *p, bm_error *err)
{
	return replay_walk(s, k, check_one, p, err);
}

int replay_append(bm_store *s, const replay_kind *k, const char *key, const flatrec *notes, const char *by,
		  const char *type, const char *reason, bm_time now, const char *what, bm_error *err)
{
	sqlite3_stmt *st = store_stmt(s, k->row_sql, err);
	if (!st)
		return BM_EDB;
	st_text(st, 1, key);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_reset(st);
		return store_fail(s, err, what);
	}
	flatrec r;
	k->row_record(st, &r);
	if (k->row_notes)
		k->row_notes(st, &r);
	sqlite3_reset(st);
	for (size_t i = 0; notes && i < notes->n; i++)
		flatrec_set(&r, notes->keys[i], notes->vals[i]);
	char *details = flatrec_json(&r);
	char at[40];
	bm_time_format(now, at);
	int rc = event_append(s, 0, at, by, type, details, reason, err);
	free(details);
	flatrec_free(&r);
	return rc;
}
