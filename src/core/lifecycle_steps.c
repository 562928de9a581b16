/* lifecycle_steps.c - how a step runs (check and write in one transaction),
 * and the steps that move the clock: 补齐, 二次告知, 特别程序, 延期. */
#include "lifecycle_int.h"
#include "bianmin/store.h"
#include "bianmin/catalog.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int lc_timeout_days(const bm_center *c) { return c && c->supplement_timeout_days > 0 ? c->supplement_timeout_days : 20; }
int lc_followup_days(const bm_center *c) { return c && c->followup_days > 0 ? c->followup_days : 5; }
int lc_soon_days(const bm_center *c) { return c && c->due_soon_days >= 0 ? c->due_soon_days : 1; }

const char *lc_day(bm_day d, char *buf)
{
	if (d == BM_NO_DAY)
		return NULL;
	return bm_day_format(d, buf);
}

bool lc_has_text(const char *s)
{
	for (; s && *s; s++)
		if (!isspace((unsigned char)*s))
			return true;
	return false;
}

int lc_clerk_still_active(const lc_ctx *x, bm_error *err)
{
	bm_clerk now;
	int rc = auth_clerk_get(x->store, x->clerk->code, &now, err);
	if (rc)
		return rc;
	bool active = now.active;
	auth_clerk_free(&now);
	return active ? BM_OK : bm_fail(err, BM_EDENIED, _("Clerk %s is disabled."), x->clerk->code);
}

/* Open the step's transaction, load the case, check the step. */
int lc_begin(const lc_ctx *x, const char *no, lc_step step, bm_case *c, lc_info *info, bm_error *err)
{
	memset(c, 0, sizeof *c);
	memset(info, 0, sizeof *info);
	if (!x->clerk)
		return bm_fail(err, BM_EDENIED, _("No clerk is logged in."));
	int rc = store_begin(x->store, err);
	if (rc)
		return rc;
	if ((rc = lc_clerk_still_active(x, err)) || (rc = case_load(x->store, no, c, err))) {
		store_rollback(x->store);
		return rc;
	}
	lifecycle_info(c, info);
	bm_error why;
	bm_error_clear(&why);
	const lc_step_def *d = lc_step_row(step);
	if (!lifecycle_allowed(c, x->clerk, step, &why) ||
	    (d && (d->approval == LC_APPROVE_ALWAYS || d->approval == LC_APPROVE_NEGATIVE) &&
	     lc_need_approval(x, lc_step_label(step), &why))) {
		store_rollback(x->store);
		case_free(c);
		lc_info_free(info);
		bm_fail(err, why.code ? why.code : BM_ESTATE, "%s", why.msg);
		return why.code ? why.code : BM_ESTATE;
	}
	return BM_OK;
}

const bm_clerk *lc_approver(const lc_ctx *x)
{
	const bm_clerk *a = x->approver ? x->approver : x->clerk;
	return a && a->active && auth_can(a, ROLE_SUPERVISOR) ? a : NULL;
}

int lc_need_approval(const lc_ctx *x, const char *what, bm_error *err)
{
	if (lc_approver(x))
		return BM_OK;
	/* 否定报备 (seed 004): 应呈报分管负责人，不得擅自否决 */
	return bm_fail(err, BM_EDENIED,
		       _("%s needs a supervisor's approval (否定报备: a refusal is reported to the 分管负责人, never "
			 "decided alone): the supervisor's 工号 and PIN%s%s."),
		       what, x->approver ? _("; not a supervisor: ") : "", x->approver ? x->approver->code : "");
}

/* Close the step's transaction: commit on rc == BM_OK, else roll back. */
static int lc_end(const lc_ctx *x, int rc, bm_error *err)
{
	if (rc) {
		store_rollback(x->store);
		return rc;
	}
	return store_commit(x->store, err);
}

int lc_apply(const lc_ctx *x, const char *no, const char *type, const char *reason,
	     const flatrec *note, const case_set *sets, size_t n_sets, const case_mat_set *mats,
	     size_t n_mats, bm_error *err)
{
	char *json = note && note->n ? flatrec_json(note) : NULL;
	case_step st = {
		.type = type, .clerk = x->clerk->code, .at = x->now,
		.reason = lc_has_text(reason) ? reason : NULL, .note = json,
		.sets = sets, .n_sets = n_sets, .mats = mats, .n_mats = n_mats,
	};
	int rc = case_apply(x->store, no, &st, err);
	free(json);
	return rc;
}

void lc_result_from(bm_store *s, const char *no, lc_result *res)
{
	bm_case c;
	bm_error e;
	if (!res || case_load(s, no, &c, &e))
		return;
	res->state = c.state;
	res->due = c.due;
	case_free(&c);
}

static void result_init(lc_result *res)
{
	if (!res)
		return;
	memset(res, 0, sizeof *res);
	res->due = res->old_due = res->followup_due = BM_NO_DAY;
}

/* Finish a step: close the transaction, free, fill res. */
static int finish(const lc_ctx *x, const char *no, int rc, bm_case *c, lc_info *in, lc_result *res,
		  bm_error *err)
{
	rc = lc_end(x, rc, err);
	if (res)
		res->old_due = c->due;
	case_free(c);
	lc_info_free(in);
	if (!rc)
		lc_result_from(x->store, no, res);
	return rc;
}

static bool mat_missing(bm_mat_state s)
{
	return s == MAT_MISSING || s == MAT_NOT_BROUGHT;
}

/* The kind a 补办件 becomes once complete, by its item's regime. */
static bm_kind kind_after_supplement(const bm_case *c)
{
	switch (c->item.regime) {
	case REGIME_PROMISE: return KIND_PROMISED;
	case REGIME_JOINT: return KIND_JOINT;
	case REGIME_FORWARD: return KIND_FORWARDED;
	default: return c->kind;
	}
}

static int limit_of(const bm_case *c)
{
	if (c->limit_days >= 0)
		return c->limit_days;
	if (c->item.promised_days >= 0)
		return c->item.promised_days;
	return c->item.statutory_days >= 0 ? c->item.statutory_days : 0;
}

int lifecycle_supplement(const lc_ctx *x, const char *no, const size_t *mats, size_t n_mats,
			 lc_result *res, bm_error *err)
{
	result_init(res);
	if (!n_mats)
		return bm_fail(err, BM_EINVAL, _("Name the materials that arrived (numbers from 1)."));
	bm_case c;
	lc_info in;
	int rc = lc_begin(x, no, LC_SUPPLEMENT, &c, &in, err);
	if (rc)
		return rc;
	case_mat_set *ms = bm_xcalloc(n_mats, sizeof *ms);
	bm_buf list = {0};
	for (size_t i = 0; i < n_mats && !rc; i++) {
		size_t k = mats[i];
		if (k >= c.n_materials) {
			rc = bm_fail(err, BM_EINVAL, _("Case %s has no material %zu (it has %zu)."), no, k + 1, c.n_materials);
		} else if (!mat_missing(c.materials[k].state)) {
			rc = bm_fail(err, BM_EINVAL, _("Material %zu (%s) of case %s is not missing: it is %s."), k + 1,
				     c.materials[k].name, no, mat_state_label(c.materials[k].state));
		} else {
			for (size_t j = 0; j < i; j++)
				if (mats[j] == k)
					rc = bm_fail(err, BM_EINVAL, _("Material %zu is named twice."), k + 1);
			ms[i].index = k;
			ms[i].state = MAT_SUPPLEMENTED;
			bm_buf_printf(&list, "%s%zu", i ? "," : "", k + 1);
		}
	}
	size_t left = 0;
	for (size_t k = 0; k < c.n_materials && !rc; k++) {
		bool now = false;
		for (size_t i = 0; i < n_mats; i++)
			now |= mats[i] == k;
		left += mat_missing(c.materials[k].state) && !now;
	}
	if (!rc) {
		/* 补齐之日起算: the clock starts on the day the last one arrives. */
		bm_day today = bm_time_day(x->now), due = BM_NO_DAY;
		bool unc = false;
		char d1[11], d2[11], lim[16];
		case_set sets[6];
		size_t ns = 0;
		/* an override case (容缺受理) already runs its clock */
		bool starts = !left && c.state == CASE_WAITING_MATERIALS;
		if (starts) {
			int limit = limit_of(&c);
			due = calendar_add_workdays(x->cal, today, limit, &unc);
			snprintf(lim, sizeof lim, "%d", limit);
			sets[ns++] = (case_set){ "state", case_state_key(CASE_IN_PROGRESS) };
			sets[ns++] = (case_set){ "kind", kind_key(kind_after_supplement(&c)) };
			sets[ns++] = (case_set){ "clock_start", lc_day(today, d1) };
			sets[ns++] = (case_set){ "limit_days", lim };
			sets[ns++] = (case_set){ "due", lc_day(due, d2) };
			sets[ns++] = (case_set){ "due_uncertain", unc ? "1" : "0" };
		}
		flatrec note = {0};
		flatrec_set(&note, "materials", list.data);
		flatrec_setf(&note, "left", "%zu", left);
		rc = lc_apply(x, no, "supplement", NULL, &note, sets, ns, ms, n_mats, err);
		flatrec_free(&note);
		if (res) {
			res->clock_started = starts;
			/* complete now: the notice of the kind it became (承诺件受理通知书
			 * with its due date) */
			if (starts)
				res->paper = slip_form_for_kind(kind_after_supplement(&c));
		}
	}
	free(ms);
	bm_buf_free(&list);
	return finish(x, no, rc, &c, &in, res, err);
}

int lifecycle_demand(const lc_ctx *x, const char *no, const char *material, const char *reason,
		     lc_result *res, bm_error *err)
{
	result_init(res);
	if (!lc_has_text(material))
		return bm_fail(err, BM_EINVAL, _("Name the material that is asked for."));
	/* 一次性告知: asking later for something not on the notice needs a
	 * written reason, and is recorded as a breach (二次告知). */
	if (!lc_has_text(reason))
		return bm_fail(err, BM_EINVAL, _("'%s' was not on the one-time notice: asking for it now needs a written reason (--reason)."),
			       material);
	bm_case c;
	lc_info in;
	int rc = lc_begin(x, no, LC_DEMAND, &c, &in, err);
	if (rc)
		return rc;
	for (size_t k = 0; k < c.n_materials && !rc; k++)
		if (strcmp(c.materials[k].name, material) == 0)
			rc = bm_fail(err, BM_EINVAL, _("'%s' is material %zu of case %s, on its notice already: it is no further demand."),
				     material, k + 1, no);
	if (!rc) {
		/* the demanded material is recorded on the case and holds the
		 * clock (as a pause) until it arrives: `resume` records that;
		 * a case already paused stays paused */
		bool hold = c.state != CASE_PAUSED;
		flatrec note = {0};
		flatrec_set(&note, "material", material);
		flatrec_set(&note, "held", hold ? "1" : "0");
		case_set sets[] = { { "state", case_state_key(CASE_PAUSED) } };
		rc = lc_apply(x, no, "notice_breach", reason, &note, sets, hold ? 1 : 0, NULL, 0, err);
		flatrec_free(&note);
		if (res)
			res->paper = lifecycle_paper_for_type("notice_breach");
	}
	return finish(x, no, rc, &c, &in, res, err);
}

int lifecycle_pause(const lc_ctx *x, const char *no, lc_pause_kind kind, const char *reason,
		    lc_result *res, bm_error *err)
{
	result_init(res);
	if ((unsigned)kind >= LC_PAUSE__COUNT)
		return bm_fail(err, BM_EINVAL, _("Unknown special procedure."));
	if (!lc_has_text(reason))
		return bm_fail(err, BM_EINVAL, _("A special procedure needs a reason (--reason)."));
	bm_case c;
	lc_info in;
	int rc = lc_begin(x, no, LC_PAUSE, &c, &in, err);
	if (rc)
		return rc;
	flatrec note = {0};
	flatrec_set(&note, "kind", lc_pause_key(kind));
	case_set sets[] = { { "state", case_state_key(CASE_PAUSED) } };
	rc = lc_apply(x, no, "pause", reason, &note, sets, 1, NULL, 0, err);
	flatrec_free(&note);
	if (res)
		res->paper = lifecycle_paper_for_type("pause");
	return finish(x, no, rc, &c, &in, res, err);
}

int lifecycle_resume(const lc_ctx *x, const char *no, const char *text, lc_result *res, bm_error *err)
{
	result_init(res);
	bm_case c;
	lc_info in;
	int rc = lc_begin(x, no, LC_RESUME, &c, &in, err);
	if (rc)
		return rc;
	/* 行政许可法 art. 45: the working days in (pause day, resume day]
	 * do not count; the due date moves later by as many. */
	bm_day today = bm_time_day(x->now);
	bool unc = c.due_uncertain;
	int days = calendar_workdays_between(x->cal, in.pause_day, today, &unc);
	if (days < 0)
		days = 0;
	bm_day due = c.due == BM_NO_DAY ? BM_NO_DAY : calendar_add_workdays(x->cal, c.due, days, &unc);
	char d1[11], d2[11], d3[11];
	flatrec note = {0};
	if (in.pause_demand)
		flatrec_set(&note, "demand", "1");   /* the 二次告知's material arrived */
	else
		flatrec_set(&note, "kind", lc_pause_key(in.pause_kind));
	flatrec_set(&note, "paused_from", lc_day(in.pause_day, d1));
	flatrec_setf(&note, "paused_days", "%d", days);
	flatrec_set(&note, "old_due", lc_day(c.due, d2));
	if (lc_has_text(text))
		flatrec_set(&note, "note", text);
	/* a case whose clock never started goes back to waiting (补办件) */
	case_set sets[] = {
		{ "state", case_state_key(c.clock_start == BM_NO_DAY && c.due == BM_NO_DAY
					  ? CASE_WAITING_MATERIALS : CASE_IN_PROGRESS) },
		{ "due", lc_day(due, d3) },
		{ "due_uncertain", unc ? "1" : "0" },
	};
	rc = lc_apply(x, no, "resume", NULL, &note, sets, 3, NULL, 0, err);
	flatrec_free(&note);
	if (res) {
		res->days = days;
		res->paper = in.pause_demand ? lifecycle_paper_for_type("notice_breach")
					      : lifecycle_paper_for_type("resume");
	}
	return finish(x, no, rc, &c, &in, res, err);
}

/* The item's extension limit: as kept with the case, else (a case taken
 * in before the snapshot kept it) the catalog's, else art. 42's 10. */
static int extension_limit(const lc_ctx *x, const bm_case *c)
{
	if (c->item.extension_days >= 0)
		return c->item.extension_days;
	const bm_item *it = x->catalog ? catalog_find(x->catalog, c->item.code) : NULL;
	return it ? it->extension_days : 10;
}

int lifecycle_extend(const lc_ctx *x, const char *no, const bm_clerk *sup, int days, bm_day to,
		     const char *reason, lc_result *res, bm_error *err)
{
	result_init(res);
	if (!lc_has_text(reason))
		return bm_fail(err, BM_EINVAL, _("An extension needs a reason (--reason)."));
	if (!sup || !auth_can(sup, ROLE_SUPERVISOR))
		return bm_fail(err, BM_EDENIED, _("An extension needs a supervisor's approval (工号 and PIN of a supervisor)%s%s."),
			       sup ? _("; not one: ") : "", sup ? sup->code : "");
	if (days < 0 || (days == 0 && to == BM_NO_DAY))
		return bm_fail(err, BM_EINVAL, _("Give the extension as a number of working days or a new date."));
	lc_ctx xs = *x;
	xs.approver = sup;
	bm_case c;
	lc_info in;
	int rc = lc_begin(&xs, no, LC_EXTEND, &c, &in, err);
	if (rc)
		return rc;
	bm_day today = bm_time_day(x->now);
	char t1[11], t2[11];
	if (today > c.due) {
		/* art. 42: decided before the period ends; overdue stays overdue */
		rc = bm_fail(err, BM_ESTATE, _("Case %s was due on %s and is overdue by %d working days: an extension is "
					       "decided before the period ends (行政许可法 art. 42)."),
			     no, bm_day_format(c.due, t1), calendar_workdays_between(x->cal, c.due, today, NULL));
		return finish(x, no, rc, &c, &in, res, err);
	}
	int limit = extension_limit(x, &c);
	{
		bm_day want = days > 0 ? calendar_add_workdays(x->cal, c.due, days, NULL) : to;
		int asked = want > c.due ? calendar_workdays_between(x->cal, c.due, want, NULL) : 0;
		if (asked > limit) {
			rc = bm_fail(err, BM_EINVAL, _("An extension of case %s is at most %d working days (行政许可法 art. 42; "
						       "item %s); %d asked (to %s)."),
				     no, limit, c.item.code, asked, bm_day_format(want, t2));
			return finish(x, no, rc, &c, &in, res, err);
		}
	}
	bool unc = c.due_uncertain;
	bm_day due = days > 0 ? calendar_add_workdays(x->cal, c.due, days, &unc) : to;
	char d1[11], d2[11];
	if (due <= c.due) {
		rc = bm_fail(err, BM_EINVAL, _("The new due date %s is not after the current one, %s."),
			     bm_day_format(due, d1), bm_day_format(c.due, d2));
		return finish(x, no, rc, &c, &in, res, err);
	}
	int added = calendar_workdays_between(x->cal, c.due, due, &unc);
	/* 行政许可法 art. 42: the statutory limit, special procedures excluded. */
	int over = 0;
	if (c.item.statutory_days >= 0 && c.clock_start != BM_NO_DAY) {
		int used = calendar_workdays_between(x->cal, c.clock_start, due, NULL) - in.paused_days;
		if (used > c.item.statutory_days)
			over = used - c.item.statutory_days;
	}
	flatrec note = {0};
	flatrec_set(&note, "old_due", lc_day(c.due, d1));
	flatrec_setf(&note, "days", "%d", added);
	flatrec_set(&note, "approver", sup->code);
	flatrec_set(&note, "approver_name", sup->name);
	flatrec_setf(&note, "limit", "%d", limit);
	if (over)
		flatrec_setf(&note, "over_statutory", "%d", over);
	case_set sets[] = { { "due", lc_day(due, d2) }, { "due_uncertain", unc ? "1" : "0" } };
	rc = lc_apply(x, no, "extend", reason, &note, sets, 2, NULL, 0, err);
	flatrec_free(&note);
	if (res) {
		res->days = added;
		res->over_statutory = over;
		res->paper = lifecycle_paper_for_type("extend");
		if (over)
			snprintf(res->warning, sizeof res->warning,
				 _("The new due date of case %s is %d working days past the statutory limit of %d working days (行政许可法)."),
				 no, over, c.item.statutory_days);
	}
	return finish(x, no, rc, &c, &in, res, err);
}
