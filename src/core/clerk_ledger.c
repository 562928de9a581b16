/* clerk_ledger.c - clerk changes (add, disable, PIN set or reset) as
 * events of the hash chain about no case, and the check that the clerks
 * table is what those events say (ledger_int.h).  The PIN and its hash
 * never go into the ledger: a PIN event only says that it changed. */
#include "ledger_int.h"
#include "bianmin/auth.h"
#include "bianmin/ledger.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The record of a clerk as a flatrec ("clerk.code", .name, .window, .role,
 * .active) from a row (code, name, window, role, active). */
static void row_record(sqlite3_stmt *st, flatrec *r)
{
	memset(r, 0, sizeof *r);
	flatrec_set(r, "clerk.code", col_text(st, 0));
	flatrec_set(r, "clerk.name", col_text(st, 1));
	flatrec_set(r, "clerk.window", col_text(st, 2));
	flatrec_set(r, "clerk.role", col_text(st, 3));
	flatrec_setf(r, "clerk.active", "%d", sqlite3_column_int(st, 4));
}

static const char SQL_ROW[] = "SELECT code, name, window, role, active, pin_hash FROM clerks WHERE code = ?";

/* x.pin_tag: 16 hex digits of a BLAKE2b of the PIN hash (never the PIN or
 * the hash), so that verify sees a PIN hash swapped in behind bianmin's
 * back while it is there. */
static void pin_tag(const char *pin_hash, char out[17])
{
	unsigned char md[8];
	crypto_generichash(md, sizeof md, (const unsigned char *)(pin_hash ? pin_hash : ""),
			   pin_hash ? strlen(pin_hash) : 0, NULL, 0);
	sodium_bin2hex(out, 17, md, sizeof md);
}

int clerk_event(bm_store *s, const char *by, const char *type, const char *code,
		const char *pin, bm_time now, bm_error *err)
{
	sqlite3_stmt *st = store_stmt(s, SQL_ROW, err);
	if (!st)
		return BM_EDB;
	st_text(st, 1, code);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_reset(st);
		return store_fail(s, err, _("recording the clerk change"));
	}
	flatrec r;
	row_record(st, &r);
	char tag[17];
	pin_tag(col_text(st, 5), tag);
	sqlite3_reset(st);
	flatrec_set(&r, "x.pin_tag", tag);
	if (pin)
		flatrec_set(&r, "x.pin", pin);
	char *details = flatrec_json(&r);
	char at[40];
	bm_time_format(now, at);
	int rc = event_append(s, 0, at, by, type, details, NULL, err);
	free(details);
	flatrec_free(&r);
	return rc;
}

/* Migration 3 (inside its transaction): clerks of an older file that have
 * no event yet get one "clerk_import" event each, by themselves. */
int clerk_ledger_import(bm_store *s, bm_error *err)
{
	/* An upgrade happens when a file is opened, before any command has
	 * its time: the import is stamped with the moment of the upgrade. */
	bm_time now = bm_clock_now();
	clerk_replay r = {0};
	sqlite3_stmt *st;
	int rc, res = BM_OK;
	if (sqlite3_prepare_v2(store_db(s), "SELECT id, at, type, details FROM events"
			       " WHERE case_id IS NULL ORDER BY id", -1, &st, NULL) != SQLITE_OK)
		return store_fail(s, err, _("upgrading the database"));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		if (clerk_event_type(col_text(st, 2)))
			clerk_replay_event(&r, sqlite3_column_int64(st, 0), col_text(st, 1), col_text(st, 3));
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE || sqlite3_prepare_v2(store_db(s), "SELECT code FROM clerks ORDER BY id",
						    -1, &st, NULL) != SQLITE_OK) {
		clerk_replay_free(&r);
		return store_fail(s, err, _("upgrading the database"));
	}
	while (!res && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		char *code = col_dup(st, 0);
		if (clerk_replay_find(&r, code) == r.n)
			res = clerk_event(s, code, "clerk_import", code, NULL, now, err);
		free(code);
	}
	if (!res && rc != SQLITE_DONE)
		res = store_fail(s, err, _("upgrading the database"));
	sqlite3_finalize(st);
	clerk_replay_free(&r);
	return res;
}

size_t clerk_replay_find(const clerk_replay *r, const char *code)
{
	size_t i = 0;
	while (i < r->n && strcmp(flatrec_get(&r->rec[i], "clerk.code", NULL), code) != 0)
		i++;
	return i;
}

bool clerk_event_type(const char *type)
{
	return type && strncmp(type, "clerk_", 6) == 0;
}

void clerk_replay_event(clerk_replay *r, int64_t id, const char *at, const char *details)
{
	flatrec ev;
	const char *code;
	if (!details || !flatrec_parse(details, &ev))
		return;   /* then the clerk has no record and the check names it */
	if (!(code = flatrec_get(&ev, "clerk.code", NULL))) {
		flatrec_free(&ev);
		return;
	}
	size_t i = clerk_replay_find(r, code);
	if (i == r->n) {
		r->rec = bm_xrealloc(r->rec, (r->n + 1) * sizeof *r->rec);
		r->event = bm_xrealloc(r->event, (r->n + 1) * sizeof *r->event);
		r->at = bm_xrealloc(r->at, (r->n + 1) * sizeof *r->at);
		r->seen = bm_xrealloc(r->seen, (r->n + 1) * sizeof *r->seen);
		r->pin_tag = bm_xrealloc(r->pin_tag, (r->n + 1) * sizeof *r->pin_tag);
		r->n++;
	} else {
		flatrec_free(&r->rec[i]);
		free(r->at[i]);
	}
	/* each event holds the whole record after the change: the last wins */
	memset(&r->rec[i], 0, sizeof r->rec[i]);
	for (size_t k = 0; k < ev.n; k++)
		if (strncmp(ev.keys[k], "x.", 2) != 0)
			flatrec_set(&r->rec[i], ev.keys[k], ev.vals[k]);
	r->event[i] = id;
	r->at[i] = bm_xstrdup(at);
	const char *tag = flatrec_get(&ev, "x.pin_tag", NULL);
	snprintf(r->pin_tag[i], sizeof r->pin_tag[i], "%s", tag ? tag : "");
	r->seen[i] = false;
	flatrec_free(&ev);
}

void clerk_replay_free(clerk_replay *r)
{
	for (size_t i = 0; i < r->n; i++) {
		flatrec_free(&r->rec[i]);
		free(r->at[i]);
	}
	free(r->rec);
	free(r->event);
	free(r->at);
	free(r->seen);
	free(r->pin_tag);
	memset(r, 0, sizeof *r);
}

int clerk_replay_check(bm_store *s, clerk_replay *r, ledger_problem *p, bm_error *err)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(store_db(s), "SELECT code, name, window, role, active, pin_hash FROM clerks ORDER BY code",
			       -1, &st, NULL) != SQLITE_OK)
		return store_fail(s, err, _("verifying the ledger")), -1;
	int rc, res = 0;
	while (!res && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *code = col_text(st, 0);
		size_t i = clerk_replay_find(r, code);
		if (i == r->n) {
			res = verify_problem(p, 0, NULL, NULL, _("clerk %s has no event in the ledger (added behind bianmin's back)"),
					     code);
			break;
		}
		r->seen[i] = true;
		flatrec cur;
		row_record(st, &cur);
		const char *a, *b;
		const char *key = flatrec_diff(&r->rec[i], &cur, &a, &b);
		if (key) {
			res = verify_problem(p, r->event[i], NULL, r->at[i],
					     _("clerk %s: %s is \"%s\" in the database but the ledger says \"%s\""),
					     code, key, b ? b : "null", a ? a : "null");
		}
		char tag[17];
		pin_tag(col_text(st, 5), tag);
		if (!res && r->pin_tag[i][0] && strcmp(tag, r->pin_tag[i]) != 0)
			res = verify_problem(p, r->event[i], NULL, r->at[i],
					     _("clerk %s: the PIN hash is not the one the ledger recorded: it was changed behind bianmin's back"),
					     code);
		flatrec_free(&cur);
	}
	if (!res && rc != SQLITE_DONE) {
		store_fail(s, err, _("verifying the ledger"));
		res = -1;
	}
	sqlite3_finalize(st);
	for (size_t i = 0; !res && i < r->n; i++)
		if (!r->seen[i]) {
			res = verify_problem(p, r->event[i], NULL, r->at[i],
					     _("clerk %s is in the ledger but missing from the database"),
					     flatrec_get(&r->rec[i], "clerk.code", NULL));
		}
	return res;
}
