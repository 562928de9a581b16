/* agent_ledger.c - agent changes (add, disable) as events of the hash
 * chain about no case, and verify's check that the agents table is what
 * those events say (ledger_int.h; the replay is ledger_replay.c's). */
#include "ledger_int.h"
#include "ledger_replay.h"
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

bool agent_event_type(const char *type)
{
	return type && strncmp(type, "agent_", 6) == 0 && strcmp(type, "agent_reply") != 0;
}

/* verify: the agents table against the agent events (ledger_replay.c) */
static const replay_kind AGENTS = {
	.table = "agents", .rows_sql = SQL_ALL, .row_sql = SQL_ROW, .key = "agent.code", .key_path = "$.\"agent.code\"",
	.type_glob = "agent_*", .is_type = agent_event_type, .row_record = row_record,
	.no_event = N_("agent %s has no event in the ledger (added behind bianmin's back)"),
	.missing = N_("agent %s is in the ledger but missing from the database"),
	.differs = N_("agent %s: %s is \"%s\" in the database but the ledger says \"%s\""),
};

int agent_replay_check(bm_store *s, ledger_problem *p, bm_error *err)
{
	return replay_check(s, &AGENTS, p, err);
}

int agent_event(bm_store *s, const char *by, const char *type, const char *code,
		const char *reason, bm_time now, bm_error *err)
{
	return replay_append(s, &AGENTS, code, NULL, by, type, reason, now, _("recording the agent change"), err);
}
