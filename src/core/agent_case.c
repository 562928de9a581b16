/* agent_case.c - the steps of a proxy case (代理件) that are not the
 * ordinary lifecycle's: the applicant's 服务意见反馈表 and the agent's
 * 回复, both events of the case through case_apply (lc_apply), so the
 * hash chain and `bianmin verify` cover them; and the home screen's list
 * of agent cases done but not yet replied. */
#include "bianmin/agent.h"
#include "lifecycle_int.h"
#include "store_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int finish(const lc_ctx *x, bm_case *c, lc_info *in, int rc, bm_error *err)
{
	if (rc)
		store_rollback(x->store);
	else
		rc = store_commit(x->store, err);
	case_free(c);
	lc_info_free(in);
	return rc;
}

int agent_feedback(const lc_ctx *x, const char *no, bool satisfied, int level, const char *remark,
		   bm_error *err)
{
	if (level < 1 || level > 5)
		return bm_fail(err, BM_EINVAL, _("A rating is 1 (非常满意) to 5 (非常不满意)."));
	bm_case c;
	lc_info in;
	int rc = lc_begin(x, no, LC_FEEDBACK, &c, &in, err);
	if (rc)
		return rc;
	flatrec note = {0};
	flatrec_set(&note, "satisfied", satisfied ? "1" : "0");
	flatrec_setf(&note, "level", "%d", level);
	flatrec_set(&note, "label", lc_rating_label(level));
	if (lc_has_text(remark))
		flatrec_set(&note, "note", remark);
	rc = lc_apply(x, no, "feedback", NULL, &note, NULL, 0, NULL, 0, err);
	flatrec_free(&note);
	return finish(x, &c, &in, rc, err);
}

int agent_reply(const lc_ctx *x, const char *no, const char *text, bm_error *err)
{
	bm_case c;
	lc_info in;
	int rc = lc_begin(x, no, LC_REPLY, &c, &in, err);
	if (rc)
		return rc;
	flatrec note = {0};
	flatrec_set(&note, "agent", c.agent_code ? c.agent_code : c.proxy_name);
	if (lc_has_text(text))
		flatrec_set(&note, "note", text);
	rc = lc_apply(x, no, "agent_reply", NULL, &note, NULL, 0, NULL, 0, err);
	flatrec_free(&note);
	return finish(x, &c, &in, rc, err);
}

int agent_unreplied(bm_store *s, const char *owner, case_summary **out, size_t *n, bm_error *err)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = store_stmt(s,
		"SELECT c.id, c.no, c.applicant_name, c.id_no, c.phone, iv.item_code, iv.item_name,"
		" iv.item_window, c.owner_clerk, c.kind, c.state, c.accepted_at, c.completed_day, c.fee_fen"
		" FROM cases c" CASE_ITEM_JOIN " WHERE c.proxy_is_agent = 1 AND c.state IN ('completed', 'returned')"
		" AND (?1 IS NULL OR c.owner_clerk = ?1)"
		" AND NOT EXISTS (SELECT 1 FROM events e WHERE e.case_id = c.id AND e.type = 'agent_reply')"
		" ORDER BY c.completed_day, c.no", err);
	if (!st)
		return BM_EDB;
	st_text(st, 1, owner);
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? 2 * cap : 8;
			*out = bm_xrealloc(*out, cap * sizeof **out);
		}
		case_summary *r = &(*out)[(*n)++];
		memset(r, 0, sizeof *r);
		r->id = sqlite3_column_int64(st, 0);
		snprintf(r->no, sizeof r->no, "%s", col_text(st, 1));
		r->applicant = col_dup(st, 2);
		r->id_no = col_dup(st, 3);
		r->phone = col_dup(st, 4);
		r->item_code = col_dup(st, 5);
		r->item_name = col_dup(st, 6);
		r->window = col_dup(st, 7);
		r->owner = col_dup(st, 8);
		if (!kind_parse(col_text(st, 9), &r->kind))
			r->kind = KIND_PROMISED;
		if (!case_state_parse(col_text(st, 10), &r->state))
			r->state = CASE_COMPLETED;
		bm_time_parse(col_text(st, 11), &r->accepted);
		r->due = day_from_text(col_text(st, 12));   /* the day it was done */
		r->fee_fen = sqlite3_column_int64(st, 13);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		case_summaries_free(*out, *n);
		*out = NULL;
		*n = 0;
		return store_fail(s, err, _("reading the cases"));
	}
	return BM_OK;
}
