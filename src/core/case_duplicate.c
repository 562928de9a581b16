/* case_duplicate.c - finding the earlier case an intake repeats, and
 * recording why the clerk went on anyway (duplicate.h). */
#include "bianmin/duplicate.h"

#include "store_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int case_duplicates(bm_store *s, const char *id_no, const char *name, const char *item_code, case_dup **out,
		    size_t *n, bm_error *err)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = store_stmt(s,
		"SELECT c.no, c.applicant_name, iv.item_code, iv.item_name, c.state, c.accepted_day,"
		" iv.item_code = ?3 AND c.state NOT IN ('completed','returned','withdrawn'),"
		" c.applicant_name <> ?2"
		" FROM cases c" CASE_ITEM_JOIN " WHERE c.id_no = upper(?1)"
		" AND ((iv.item_code = ?3 AND c.state NOT IN ('completed','returned','withdrawn'))"
		"      OR c.applicant_name <> ?2)"
		" ORDER BY c.id DESC LIMIT 8",
		err);
	if (!st)
		return BM_EDB;
	st_text(st, 1, id_no);
	st_text(st, 2, name);
	st_text(st, 3, item_code);
	case_dup *v = bm_xcalloc(8, sizeof *v);
	size_t k = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && k < 8) {
		case_dup *d = &v[k++];
		snprintf(d->no, sizeof d->no, "%s", col_text(st, 0) ? col_text(st, 0) : "");
		d->applicant = col_dup(st, 1);
		d->item_code = col_dup(st, 2);
		d->item_name = col_dup(st, 3);
		if (!case_state_parse(col_text(st, 4), &d->state))
			d->state = CASE_IN_PROGRESS;
		d->accepted = day_from_text(col_text(st, 5));
		d->same_item = sqlite3_column_int(st, 6) != 0;
		d->other_name = sqlite3_column_int(st, 7) != 0;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		case_dups_free(v, k);
		return store_fail(s, err, _("looking for an earlier case of this applicant"));
	}
	if (k == 0) {
		free(v);
		return BM_OK;
	}
	*out = v;
	*n = k;
	return BM_OK;
}

void case_dups_free(case_dup *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].applicant);
		free(v[i].item_code);
		free(v[i].item_name);
	}
	free(v);
}

const char *case_dup_line(const case_dup *d, char *buf, size_t len)
{
	char day[16];
	const char *why = d->same_item && d->other_name
				  ? _("open case of the same ID and item, under another name")
			  : d->same_item ? _("open case of the same person and item")
					 : _("same ID number under another name");
	snprintf(buf, len, "%s %s %s %s (%s, %s): %s", d->no, d->applicant ? d->applicant : "",
		 d->item_code ? d->item_code : "", d->item_name ? d->item_name : "", case_state_label(d->state),
		 bm_day_format(d->accepted, day), why);
	return buf;
}

int case_accept_noted(bm_store *s, const case_intake *ci, const intake_input *in, const intake_outcome *out,
		      const char *dup_of, const char *dup_reason, char *no, bm_error *err)
{
	if (!dup_reason)
		return case_accept(s, ci, in, out, no, err);
	if (store_begin(s, err))
		return BM_EDB;
	int rc = case_accept(s, ci, in, out, no, err);
	if (rc == BM_OK) {
		case_step step;
		memset(&step, 0, sizeof step);
		step.type = "duplicate_noted";
		step.clerk = ci->clerk;
		step.at = ci->now;
		step.reason = dup_reason;
		step.note = dup_of;
		rc = case_apply(s, no, &step, err);
	}
	if (rc != BM_OK) {
		store_rollback(s);
		no[0] = '\0';
		return rc;
	}
	return store_commit(s, err);
}
