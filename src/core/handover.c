/* handover.c - AB岗交接: clerk A (or a supervisor for an absent A) hands
 * open cases to B; each case gets a "handover" event and stays A's until B
 * acknowledges (an "acknowledge" event setting the owner).  A handover
 * pends exactly while its last handover/acknowledge event is a handover,
 * so the ledger is the only record of it. */
#include "lifecycle_int.h"
#include "queries_int.h"
#include "store_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void lc_handover_free(lc_handover *h)
{
	if (!h)
		return;
	free(h->from);
	free(h->to);
	free(h->by);
	free(h->reason);
	for (size_t i = 0; i < h->n; i++)
		free(h->nos[i]);
	free(h->nos);
	memset(h, 0, sizeof *h);
}

void lc_handovers_free(lc_handover *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		lc_handover_free(&v[i]);
	free(v);
}

static void add_no(lc_handover *h, const char *no)
{
	h->nos = bm_xrealloc(h->nos, (h->n + 1) * sizeof *h->nos);
	h->nos[h->n++] = bm_xstrdup(no);
}

/* One case into the handover (inside the transaction). */
static int hand_one(const lc_ctx *x, const char *no, const char *from, const char *to,
		    const char *id, const char *reason, bool skip_pending, bool *done, bm_error *err)
{
	*done = false;
	bm_case c;
	int rc = case_load(x->store, no, &c, err);
	if (rc)
		return rc;
	bm_error why;
	if (!c.owner_clerk || strcmp(c.owner_clerk, from) != 0) {
		rc = bm_fail(err, BM_EINVAL, _("Case %s belongs to %s, not to %s."), no, c.owner_clerk ? c.owner_clerk : "?", from);
	} else if (!lifecycle_allowed(&c, x->clerk, LC_HANDOVER, &why)) {
		lc_info in;
		lifecycle_info(&c, &in);
		bool pending = in.handover_pending;
		lc_info_free(&in);
		if (!(skip_pending && pending))
			rc = bm_fail(err, why.code, "%s", why.msg);
	} else {
		flatrec note = {0};
		flatrec_set(&note, "handover", id);
		flatrec_set(&note, "from", from);
		flatrec_set(&note, "to", to);
		flatrec_set(&note, "by", x->clerk->code);
		rc = lc_apply(x, no, "handover", reason, &note, NULL, 0, NULL, 0, err);
		flatrec_free(&note);
		*done = !rc;
	}
	case_free(&c);
	return rc;
}

int lifecycle_handover(const lc_ctx *x, const char *from, const char *to, const char *const *nos,
		       size_t n, const char *reason, lc_handover *out, bm_error *err)
{
	if (out)
		memset(out, 0, sizeof *out);
	if (!x->clerk)
		return bm_fail(err, BM_EDENIED, _("No clerk is logged in."));
	if (!from || !to || !*from || !*to)
		return bm_fail(err, BM_EINVAL, _("A handover needs the clerk handing over and the one taking over."));
	if (strcmp(from, to) == 0)
		return bm_fail(err, BM_EINVAL, _("Clerk %s cannot hand cases over to themself."), from);
	if (strcmp(x->clerk->code, from) != 0 && !auth_can(x->clerk, ROLE_SUPERVISOR))
		return bm_fail(err, BM_EDENIED, _("Only %s or a supervisor can hand over %s's cases."), from, from);
	bm_clerk a, b;
	int rc = auth_clerk_get(x->store, from, &a, err);
	if (rc)
		return rc;
	auth_clerk_free(&a);
	if ((rc = auth_clerk_get(x->store, to, &b, err)))
		return rc;
	bool active = b.active;
	auth_clerk_free(&b);
	if (!active)
		return bm_fail(err, BM_EINVAL, _("Clerk %s is disabled and cannot take cases over."), to);

	lc_handover h = {0};
	char iso[32];
	bm_time_format(x->now, iso);   /* 2026-10-09T16:00:00+08:00 */
	h.from = bm_xstrdup(from);
	h.to = bm_xstrdup(to);
	h.by = bm_xstrdup(x->clerk->code);
	h.reason = lc_has_text(reason) ? bm_xstrdup(reason) : NULL;
	h.at = x->now;

	char **list = NULL;
	size_t nl = 0;
	if (n) {
		list = bm_xcalloc(n, sizeof *list);
		for (size_t i = 0; i < n; i++)
			list[nl++] = bm_xstrdup(nos[i]);
	} else {
		case_filter f = { .clerk = from, .open_only = true };
		case_summary *v = NULL;
		size_t nv = 0;
		if ((rc = case_list(x->store, &f, &v, &nv, err))) {
			lc_handover_free(&h);
			return rc;
		}
		list = bm_xcalloc(nv ? nv : 1, sizeof *list);
		for (size_t i = 0; i < nv; i++)
			list[nl++] = bm_xstrdup(v[i].no);
		case_summaries_free(v, nv);
	}
	if ((rc = store_begin(x->store, err)))
		goto out;
	if ((rc = lc_clerk_still_active(x, err))) {
		store_rollback(x->store);
		goto out;
	}
	/* HO-YYYYMMDD-NNN-FROM: the day's counter keeps two handovers of the
	 * same second apart. */
	{
		char counter[48];
		int64_t seq = 0;
		snprintf(counter, sizeof counter, "handover:%.4s%.2s%.2s", iso, iso + 5, iso + 8);
		rc = store_counter_next(x->store, counter, &seq, err);
		snprintf(h.id, sizeof h.id, "HO-%.4s%.2s%.2s-%03lld-%s", iso, iso + 5, iso + 8, (long long)seq, from);
	}
	for (size_t i = 0; i < nl && !rc; i++) {
		bool done;
		rc = hand_one(x, list[i], from, to, h.id, reason, n == 0, &done, err);
		if (!rc && done)
			add_no(&h, list[i]);
	}
	if (!rc && !h.n)
		rc = bm_fail(err, BM_ENOTFOUND, _("Clerk %s has no open case to hand over."), from);
	if (rc)
		store_rollback(x->store);
	else
		rc = store_commit(x->store, err);
out:
	for (size_t i = 0; i < nl; i++)
		free(list[i]);
	free(list);
	if (!rc && out)
		*out = h;
	else
		lc_handover_free(&h);
	return rc;
}

/* the pending ones are kept in case_watch by triggers on the events
 * (store_schema.c), so this reads only them (issue 17) */
const char SQL_HANDOVERS_PENDING[] =
	"SELECT c.no, e.at, e.details, e.reason FROM case_watch w JOIN events e ON e.id = w.event_id"
	" JOIN cases c ON c.id = w.case_id WHERE w.what = 'handover' ORDER BY e.id";

int lifecycle_pending_handovers(bm_store *s, const char *clerk, lc_handover **out, size_t *n,
				bm_error *err)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = store_stmt(s, SQL_HANDOVERS_PENDING, err);
	if (!st)
		return BM_EDB;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		bm_event e = { .details = (char *)col_text(st, 2) };
		flatrec note;
		if (!lc_event_note(&e, &note))
			continue;
		const char *id = flatrec_get(&note, "handover", NULL), *from = flatrec_get(&note, "from", NULL),
			   *to = flatrec_get(&note, "to", NULL);
		if (id && from && to && (!clerk || strcmp(clerk, from) == 0 || strcmp(clerk, to) == 0)) {
			lc_handover *h = NULL;
			for (size_t i = 0; i < *n; i++)
				if (strcmp((*out)[i].id, id) == 0)
					h = &(*out)[i];
			if (!h) {
				*out = bm_xrealloc(*out, (*n + 1) * sizeof **out);
				h = &(*out)[(*n)++];
				memset(h, 0, sizeof *h);
				snprintf(h->id, sizeof h->id, "%s", id);
				h->from = bm_xstrdup(from);
				h->to = bm_xstrdup(to);
				h->by = bm_xstrdup(flatrec_get(&note, "by", NULL));
				h->reason = col_dup(st, 3);
				bm_time_parse(col_text(st, 1), &h->at);
			}
			add_no(h, col_text(st, 0));
		}
		flatrec_free(&note);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		lc_handovers_free(*out, *n);
		*out = NULL;
		*n = 0;
		return store_fail(s, err, _("reading the handovers"));
	}
	return BM_OK;
}

int lifecycle_handover_get(bm_store *s, const char *id, lc_handover *out, bm_error *err)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = store_stmt(s, "SELECT c.no, e.at, e.details, e.reason FROM events e"
				      " JOIN cases c ON c.id = e.case_id WHERE e.type = 'handover' ORDER BY e.id", err);
	if (!st)
		return BM_EDB;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		bm_event e = { .details = (char *)col_text(st, 2) };
		flatrec note;
		if (!lc_event_note(&e, &note))
			continue;
		const char *hid = flatrec_get(&note, "handover", NULL);
		if (hid && strcmp(hid, id) == 0) {
			if (!out->from) {
				snprintf(out->id, sizeof out->id, "%s", hid);
				out->from = bm_xstrdup(flatrec_get(&note, "from", NULL));
				out->to = bm_xstrdup(flatrec_get(&note, "to", NULL));
				out->by = bm_xstrdup(flatrec_get(&note, "by", NULL));
				out->reason = col_dup(st, 3);
				bm_time_parse(col_text(st, 1), &out->at);
			}
			add_no(out, col_text(st, 0));
		}
		flatrec_free(&note);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		lc_handover_free(out);
		return store_fail(s, err, _("reading the handovers"));
	}
	if (!out->n) {
		lc_handover_free(out);
		return bm_fail(err, BM_ENOTFOUND, _("No handover %s."), id);
	}
	return BM_OK;
}

int lifecycle_acknowledge(const lc_ctx *x, const char *id, size_t *n_cases, bm_error *err)
{
	if (n_cases)
		*n_cases = 0;
	if (!x->clerk)
		return bm_fail(err, BM_EDENIED, _("No clerk is logged in."));
	int rc = store_begin(x->store, err);
	if (rc)
		return rc;
	lc_handover *v = NULL;
	size_t nv = 0, done = 0;
	if ((rc = lc_clerk_still_active(x, err)) ||
	    (rc = lifecycle_pending_handovers(x->store, x->clerk->code, &v, &nv, err)))
		goto out;
	for (size_t i = 0; i < nv && !rc; i++) {
		lc_handover *h = &v[i];
		if (strcmp(h->to, x->clerk->code) != 0 || (id && strcmp(id, h->id) != 0))
			continue;
		for (size_t k = 0; k < h->n && !rc; k++) {
			flatrec note = {0};
			flatrec_set(&note, "handover", h->id);
			flatrec_set(&note, "from", h->from);
			case_set sets[] = { { "owner", x->clerk->code } };
			rc = lc_apply(x, h->nos[k], "acknowledge", NULL, &note, sets, 1, NULL, 0, err);
			flatrec_free(&note);
			done++;
		}
	}
	if (!rc && !done)
		rc = id ? bm_fail(err, BM_ENOTFOUND, _("No handover %s is pending for clerk %s."), id, x->clerk->code)
			: bm_fail(err, BM_ENOTFOUND, _("No handover is pending for clerk %s."), x->clerk->code);
out:
	lc_handovers_free(v, nv);
	if (rc) {
		store_rollback(x->store);
		return rc;
	}
	if ((rc = store_commit(x->store, err)))
		return rc;
	if (n_cases)
		*n_cases = done;
	return BM_OK;
}
