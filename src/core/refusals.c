/* refusals.c - 否定报备 (issue 11, seed 004: 应呈报分管负责人，不得擅自否决):
 * the supervisor's daily list of every refusal: cases refused at intake
 * (不予受理, 退回件), returned after intake (退回 / 退件) and refused at
 * completion (不予), with who did it, who approved it and why. */
#include "lifecycle_int.h"
#include "queries_int.h"
#include "store_int.h"
#include "ledger_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void lc_refusals_free(lc_refusal *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].item_name);
		free(v[i].applicant);
		free(v[i].clerk);
		free(v[i].approver);
		free(v[i].reason);
	}
	free(v);
}

/* The day's intake, return and complete events, read through the cases
 * accepted or closed that day (cases_accepted_day, cases_completed_accepted,
 * then events_case): never a walk of all the events (issue 17). */
const char SQL_REFUSALS[] =
	"SELECT e.at, e.clerk, e.type, e.details, e.reason, c.no, iv.item_name,"
	" c.applicant_name, c.return_reason, c.id FROM cases c" CASE_ITEM_JOIN " JOIN events e ON e.case_id = c.id"
	" WHERE c.id IN (SELECT id FROM cases WHERE accepted_day = ?1"
	"                UNION SELECT id FROM cases WHERE completed_day = ?1)"
	" AND e.at >= ?1 AND e.at < ?2 AND e.type IN ('intake', 'return', 'complete')"
	" ORDER BY e.id";

int lifecycle_refusals(bm_store *s, bm_day day, lc_refusal **out, size_t *n, bm_error *err)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = store_stmt(s, SQL_REFUSALS, err);
	if (!st)
		return BM_EDB;
	char a[11], b[11];
	st_text(st, 1, bm_day_format(day, a));
	st_text(st, 2, bm_day_format(day + 1, b));
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *type = col_text(st, 2);
		flatrec d = {0}, note = {0};
		char *details = NULL;   /* a compact intake read back whole */
		if (event_details_expand(s, sqlite3_column_int64(st, 9), type, col_text(st, 3), &details, err)) {
			rc = SQLITE_ERROR;
			break;
		}
		bool parsed = details && flatrec_parse(details, &d);
		free(details);
		if (!parsed)
			continue;
		const char *nj = flatrec_get(&d, "x.note", NULL);
		bool has_note = nj && flatrec_parse(nj, &note);
		lc_refusal_kind k = LC_REFUSED_AT_INTAKE;
		bool take = false;
		const char *why = col_text(st, 4);
		if (!strcmp(type, "intake")) {
			const char *kd = flatrec_get(&d, "kind", NULL);
			take = kd && !strcmp(kd, "returned");
			why = col_text(st, 8);
		} else if (!strcmp(type, "return")) {
			take = true;
			k = LC_RETURNED_AFTER;
		} else if (has_note) {
			const char *ap = flatrec_get(&note, "approved", NULL);
			take = ap && !strcmp(ap, "0");
			k = LC_REFUSED_AT_END;
			why = flatrec_get(&note, "result", NULL);
		}
		if (take) {
			*out = bm_xrealloc(*out, (*n + 1) * sizeof **out);
			lc_refusal *r = &(*out)[(*n)++];
			memset(r, 0, sizeof *r);
			r->kind = k;
			bm_time_parse(col_text(st, 0), &r->at);
			snprintf(r->no, sizeof r->no, "%s", col_text(st, 5) ? col_text(st, 5) : "");
			r->item_name = col_dup(st, 6);
			r->applicant = col_dup(st, 7);
			r->clerk = col_dup(st, 1);
			r->approver = bm_xstrdup(has_note ? flatrec_get(&note, "approver", NULL) : NULL);
			r->reason = bm_xstrdup(why);
		}
		flatrec_free(&d);
		if (has_note)
			flatrec_free(&note);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		lc_refusals_free(*out, *n);
		*out = NULL;
		*n = 0;
		return store_fail(s, err, _("reading the day's refusals"));
	}
	return BM_OK;
}
