/* agent_ledger.c - agent changes (add, disable) as events of the hash
 * chain about no case, and verify's check that the agents table is what
 * those events say (ledger_int.h).  The same shape as clerk_ledger.c. */
#include "ledger_int.h"
#include "bianmin/ledger.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char SQL_ROW[] =
	"SELECT code, village, name, id_no, phone, active_from, active_to, active FROM agents WHERE code = ?";
static const char SQL_ALL[] =
	"SELECT code, village, name, id_no, phone, active_from, active_to, active FROM agents ORDER BY code";

/* The record of an agent ("agent.code", .village, .name, .id_no, .phone,
 * .from, .to, .active) from a row of SQL_ROW / SQL_ALL. */
static void row_record(sqlite3_stmt *st, flatrec *r)
{
	static const char *const keys[] = {
		"agent.code", "agent.village", "agent.name", "agent.id_no", "agent.phone",
		"agent.from", "agent.to",
	};
	memset(r, 0, sizeof *r);
	for (int i = 0; i < 7; i++)
		flatrec_set(r, keys[i], col_text(st, i));
	flatrec_setf(r, "agent.active", "%d", sqlite3_column_int(st, 7));
}

int agent_event(bm_store *s, const char *by, const char *type, const char *code,
		const char *reason, bm_time now, bm_error *err)
{
	sqlite3_stmt *st = store_stmt(s, SQL_ROW, err);
	if (!st)
		return BM_EDB;
	st_text(st, 1, code);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_reset(st);
		return store_fail(s, err, _("recording the agent change"));
	}
	flatrec r;
	row_record(st, &r);
	sqlite3_reset(st);
	char *details = flatrec_json(&r);
	char at[40];
	bm_time_format(now, at);
	int rc = event_append(s, 0, at, by, type, details, reason, err);
	free(details);
	flatrec_free(&r);
	return rc;
}

bool agent_event_type(const char *type)
{
	return type && strncmp(type, "agent_", 6) == 0 && strcmp(type, "agent_reply") != 0;
}

static size_t find(const agent_replay *r, const char *code)
{
	size_t i = 0;
	while (i < r->n && strcmp(flatrec_get(&r->rec[i], "agent.code", NULL), code) != 0)
		i++;
	return i;
}

void agent_replay_event(agent_replay *r, int64_t id, const char *at, const char *details)
{
	flatrec ev;
	const char *code;
	if (!details || !flatrec_parse(details, &ev))
		return;   /* then the agent has no record and the check names it */
	if (!(code = flatrec_get(&ev, "agent.code", NULL))) {
		flatrec_free(&ev);
		return;
	}
	size_t i = find(r, code);
	if (i == r->n) {
		r->rec = bm_xrealloc(r->rec, (r->n + 1) * sizeof *r->rec);
		r->event = bm_xrealloc(r->event, (r->n + 1) * sizeof *r->event);
		r->at = bm_xrealloc(r->at, (r->n + 1) * sizeof *r->at);
		r->seen = bm_xrealloc(r->seen, (r->n + 1) * sizeof *r->seen);
		r->n++;
	} else {
		flatrec_free(&r->rec[i]);
		free(r->at[i]);
	}
	/* each event holds the whole record after the change: the last wins */
	r->rec[i] = ev;
	r->event[i] = id;
	r->at[i] = bm_xstrdup(at);
	r->seen[i] = false;
}

void agent_replay_free(agent_replay *r)
{
	for (size_t i = 0; i < r->n; i++) {
		flatrec_free(&r->rec[i]);
		free(r->at[i]);
	}
	free(r->rec);
	free(r->event);
	free(r->at);
	free(r->seen);
	memset(r, 0, sizeof *r);
}

int agent_replay_check(bm_store *s, agent_replay *r, ledger_problem *p, bm_error *err)
{
	sqlite3_stmt *st;
	/* a file of a schema before the register (tests open old versions):
	 * no table, and then no agent event either */
	if (sqlite3_prepare_v2(store_db(s), "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'agents'",
			       -1, &st, NULL) != SQLITE_OK)
		return store_fail(s, err, _("verifying the ledger")), -1;
	bool table = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_finalize(st);
	if (!table)
		return r->n ? verify_problem(p, r->event[0], NULL, r->at[0], _("agent %s is in the ledger but missing from the database"),
					     flatrec_get(&r->rec[0], "agent.code", NULL))
			    : 0;
	if (sqlite3_prepare_v2(store_db(s), SQL_ALL, -1, &st, NULL) != SQLITE_OK)
		return store_fail(s, err, _("verifying the ledger")), -1;
	int rc, res = 0;
	while (!res && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *code = col_text(st, 0);
		size_t i = find(r, code);
		if (i == r->n) {
			res = verify_problem(p, 0, NULL, NULL, _("agent %s has no event in the ledger (added behind bianmin's back)"),
					     code);
			break;
		}
		r->seen[i] = true;
		flatrec cur;
		row_record(st, &cur);
		const char *a, *b;
		const char *key = flatrec_diff(&r->rec[i], &cur, &a, &b);
		if (key)
			res = verify_problem(p, r->event[i], NULL, r->at[i],
					     _("agent %s: %s is \"%s\" in the database but the ledger says \"%s\""),
					     code, key, b ? b : "null", a ? a : "null");
		flatrec_free(&cur);
	}
	if (!res && rc != SQLITE_DONE) {
		store_fail(s, err, _("verifying the ledger"));
		res = -1;
	}
	sqlite3_finalize(st);
	for (size_t i = 0; !res && i < r->n; i++)
		if (!r->seen[i])
			res = verify_problem(p, r->event[i], NULL, r->at[i],
					     _("agent %s is in the ledger but missing from the database"),
					     flatrec_get(&r->rec[i], "agent.code", NULL));
	return res;
}
