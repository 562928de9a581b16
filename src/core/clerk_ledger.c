/* clerk_ledger.c - clerk changes (add, disable, PIN set or reset) as
 * events of the hash chain about no case, and the check that the clerks
 * table is what those events say (ledger_int.h; the replay is
 * ledger_replay.c's).  The PIN and its hash never go into the ledger: a
 * PIN event only says that it changed. */
#include "ledger_int.h"
#include "ledger_replay.h"
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

/* x.pin_tag of the row's PIN hash, on every clerk event */
static void pin_note(sqlite3_stmt *row, flatrec *rec)
{
	char tag[17];
	pin_tag(col_text(row, 5), tag);
	flatrec_set(rec, "x.pin_tag", tag);
}

/* The PIN hash is the one the last event recorded (x.pin_tag), when it
 * recorded one. */
static int pin_check(sqlite3_stmt *row, const flatrec *ev, int64_t id, const char *at, const char *code,
		     ledger_problem *p)
{
	const char *want = flatrec_get(ev, "x.pin_tag", NULL);
	char tag[17];
	pin_tag(col_text(row, 5), tag);
	if (want && *want && strcmp(tag, want) != 0)
		return verify_problem(p, id, NULL, at,
				      _("clerk %s: the PIN hash is not the one the ledger recorded: it was changed behind bianmin's back"),
				      code);
	return 0;
}

/* verify: the clerks table against the clerk events (ledger_replay.c) */
static const replay_kind CLERKS = {
	.table = "clerks", .rows_sql = "SELECT code, name, window, role, active, pin_hash FROM clerks ORDER BY code",
	.row_sql = SQL_ROW, .row_notes = pin_note,
	.key = "clerk.code", .key_path = "$.\"clerk.code\"", .type_glob = "clerk_*", .is_type = clerk_event_type,
	.row_record = row_record, .extra = pin_check,
	.no_event = N_("clerk %s has no event in the ledger (added behind bianmin's back)"),
	.missing = N_("clerk %s is in the ledger but missing from the database"),
	.differs = N_("clerk %s: %s is \"%s\" in the database but the ledger says \"%s\""),
};

int clerk_event(bm_store *s, const char *by, const char *type, const char *code,
		const char *pin, bm_time now, bm_error *err)
{
	flatrec notes = {0};
	if (pin)
		flatrec_set(&notes, "x.pin", pin);
	int rc = replay_append(s, &CLERKS, code, &notes, by, type, NULL, now, _("recording the clerk change"), err);
	flatrec_free(&notes);
	return rc;
}

/* The clerks no event names (clerk_ledger_import), one code a line. */
static int no_event(void *ctx, const replay_kind *k, sqlite3_stmt *row, const flatrec *cur, const char *key,
		    const flatrec *ev, int64_t id, const char *at)
{
	(void)k, (void)row, (void)cur, (void)id, (void)at;
	if (!ev)
		bm_buf_printf(ctx, "%s\n", key);
	return 0;
}

/* Migration 3 (inside its transaction): clerks of an older file that have
 * no event yet get one "clerk_import" event each, by themselves. */
int clerk_ledger_import(bm_store *s, bm_error *err)
{
	/* An upgrade happens when a file is opened, before any command has
	 * its time: the import is stamped with the moment of the upgrade. */
	bm_time now = bm_clock_now();
	bm_buf codes = {0};
	int res = BM_OK;
	if (replay_walk(s, &CLERKS, no_event, &codes, err)) {
		free(codes.data);
		return store_fail(s, err, _("upgrading the database"));
	}
	/* the events are appended once the walk is over */
	for (char *code = codes.data, *nl; !res && code && (nl = strchr(code, '\n')); code = nl + 1) {
		*nl = '\0';
		res = clerk_event(s, code, "clerk_import", code, NULL, now, err);
	}
	free(codes.data);
	return res;
}

bool clerk_event_type(const char *type)
{
	return type && strncmp(type, "clerk_", 6) == 0;
}

int clerk_replay_check(bm_store *s, ledger_problem *p, bm_error *err)
{
	return replay_check(s, &CLERKS, p, err);
}
