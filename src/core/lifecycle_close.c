/* lifecycle_close.c - the steps towards the end of a case: 联办 opinions,
 * 上报 and its result, 办结, 退回 / 退件, 撤回, 回复, 好差评 and its
 * follow-up. */
#include "lifecycle_int.h"
#include "bianmin/store.h"
#include "bianmin/ledger.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void result_init(lc_result *res)
{
	if (!res)
		return;
	memset(res, 0, sizeof *res);
	res->due = res->old_due = res->followup_due = BM_NO_DAY;
}

static int end_step(const lc_ctx *x, const char *no, int rc, bm_case *c, lc_info *in,
		    lc_result *res, bm_error *err)
{
	if (rc)
		store_rollback(x->store);
	else
		rc = store_commit(x->store, err);
	if (res)
		res->old_due = c->due;
	case_free(c);
	lc_info_free(in);
	if (!rc)
		lc_result_from(x->store, no, res);
	return rc;
}

int lifecycle_opinion(const lc_ctx *x, const char *no, const char *window, bool agree,
		      const char *opinion, lc_result *res, bm_error *err)
{
	result_init(res);
	if (!lc_has_text(window))
		return bm_fail(err, BM_EINVAL, _("Name the window giving its opinion (--window)."));
	if (!lc_has_text(opinion))
		return bm_fail(err, BM_EINVAL, _("A joint opinion needs its text (--opinion)."));
	bm_case c;
	lc_info in;
	int rc = lc_begin(x, no, LC_OPINION, &c, &in, err);
	if (rc)
		return rc;
	const lc_opinion *o = NULL;
	for (size_t k = 0; k < in.n_opinions; k++)
		if (strcmp(in.opinions[k].window, window) == 0)
			o = &in.opinions[k];
	if (!o) {
		bm_buf w = {0};
		for (size_t k = 0; k < in.n_opinions; k++)
			bm_buf_printf(&w, "%s%s", k ? ", " : "", in.opinions[k].window);
		rc = bm_fail(err, BM_EINVAL, _("Window %s takes no part in case %s (windows: %s)."), window, no, w.data ? w.data : "");
		bm_buf_free(&w);
	} else if (o->answered) {
		rc = bm_fail(err, BM_ESTATE, _("Window %s has already given its opinion on case %s."), window, no);
	} else if (!auth_can(x->clerk, ROLE_SUPERVISOR) && (!x->clerk->window || strcmp(x->clerk->window, window) != 0)) {
		rc = bm_fail(err, BM_EDENIED, _("Clerk %s is not of window %s: a window gives its own opinion."), x->clerk->code, window);
	}
	if (!rc) {
		size_t left = 0;
		for (size_t k = 0; k < in.n_opinions; k++)
			left += !in.opinions[k].answered && &in.opinions[k] != o;
		flatrec note = {0};
		flatrec_set(&note, "window", window);
		flatrec_set(&note, "agree", agree ? "1" : "0");
		flatrec_set(&note, "opinion", opinion);
		flatrec_setf(&note, "left", "%zu", left);
		rc = lc_apply(x, no, "opinion", NULL, &note, NULL, 0, NULL, 0, err);
		flatrec_free(&note);
		if (res)
			res->days = (int)left;
	}
	return end_step(x, no, rc, &c, &in, res, err);
}

int lifecycle_forward(const lc_ctx *x, const char *no, const char *to, const char *text,
		      lc_result *res, bm_error *err)
{
	result_init(res);
	bm_case c;
	lc_info in;
	int rc = lc_begin(x, no, LC_FORWARD, &c, &in, err);
	if (rc)
		return rc;
	const char *whom = lc_has_text(to) ? to : c.item.forward_to;
	if (!lc_has_text(whom))
		rc = bm_fail(err, BM_EINVAL, _("Say where case %s is forwarded to (--to)."), no);
	if (!rc) {
		flatrec note = {0};
		flatrec_set(&note, "to", whom);
		if (lc_has_text(text))
			flatrec_set(&note, "note", text);
		case_set sets[] = { { "state", case_state_key(CASE_FORWARDED) } };
		rc = lc_apply(x, no, "forward", NULL, &note, sets, 1, NULL, 0, err);
		flatrec_free(&note);
	}
	return end_step(x, no, rc, &c, &in, res, err);
}

/* 办结 (complete, or the upper result of a forwarded case). */
static int close_done(const lc_ctx *x, const char *no, lc_step step, bool approved, const char *result,
		      const char *certificate, lc_result *res, bm_error *err)
{
	result_init(res);
	if (!lc_has_text(result))
		return bm_fail(err, BM_EINVAL, _("Completing a case needs its result (--result)."));
	bm_case c;
	lc_info in;
	int rc = lc_begin(x, no, step, &c, &in, err);
	if (rc)
		return rc;
	/* 否定报备: a refusal (不予) of our own is approved by the supervisor;
	 * an upper result is the upper authority's, not ours */
	if (!approved && step == LC_COMPLETE && (rc = lc_need_approval(x, _("A refusal (不予)"), err)))
		return end_step(x, no, rc, &c, &in, res, err);
	char d[11];
	flatrec note = {0};
	flatrec_set(&note, "approved", approved ? "1" : "0");
	if (!approved && step == LC_COMPLETE) {
		flatrec_set(&note, "approver", lc_approver(x)->code);
		flatrec_set(&note, "approver_name", lc_approver(x)->name);
	}
	flatrec_set(&note, "result", result);
	if (lc_has_text(certificate))
		flatrec_set(&note, "certificate", certificate);
	if (step == LC_RESULT && in.forwarded_to)
		flatrec_set(&note, "from", in.forwarded_to);
	case_set sets[] = {
		{ "state", case_state_key(CASE_COMPLETED) },
		{ "completed_day", lc_day(bm_time_day(x->now), d) },
	};
	rc = lc_apply(x, no, lc_step_key(step), NULL, &note, sets, 2, NULL, 0, err);
	flatrec_free(&note);
	if (res)
		res->paper = lifecycle_paper_for_type("complete");
	return end_step(x, no, rc, &c, &in, res, err);
}

int lifecycle_result(const lc_ctx *x, const char *no, bool approved, const char *result,
		     lc_result *res, bm_error *err)
{
	return close_done(x, no, LC_RESULT, approved, result, NULL, res, err);
}

int lifecycle_complete(const lc_ctx *x, const char *no, bool approved, const char *result,
		       const char *certificate, lc_result *res, bm_error *err)
{
	return close_done(x, no, LC_COMPLETE, approved, result, certificate, res, err);
}

/* The case's receipt, when it is not voided yet (NULL otherwise). */
static const char *live_receipt(const bm_case *c)
{
	if (!c->receipt_no)
		return NULL;
	for (size_t i = 0; i < c->n_receipts; i++)
		if (c->receipts[i].no && strcmp(c->receipts[i].no, c->receipt_no) == 0 && c->receipts[i].voided)
			return NULL;
	return c->receipt_no;
}

/* 退费: a case that ends without its service gives its fee back, as a
 * receipt void (an event of the case) in the step's transaction. */
static int refund(const lc_ctx *x, const bm_case *c, const char *why, lc_result *res, bm_error *err)
{
	const char *rno = live_receipt(c);
	if (!rno)
		return BM_OK;
	const bm_clerk *a = lc_approver(x);
	if (!a) {
		if (res)
			snprintf(res->warning, sizeof res->warning,
				 _("The fee of case %s (receipt %s) is still kept: a supervisor voids it ('bianmin receipt void')."),
				 c->no, rno);
		return BM_OK;
	}
	char text[600];
	snprintf(text, sizeof text, "退费：%s", why);
	int rc = ledger_receipt_void(x->store, a, rno, text, x->now, err);
	if (!rc && res)
		res->refund_paper = "fee_refund";
	return rc;
}

int lifecycle_return(const lc_ctx *x, const char *no, const char *reason, bool non_supplement,
		     lc_result *res, bm_error *err)
{
	result_init(res);
	/* 否定报备: a return is never silent. */
	if (!lc_has_text(reason))
		return bm_fail(err, BM_EINVAL, _("A return needs its reason (--reason): refusals are on record (否定报备)."));
	bm_case c;
	lc_info in;
	int rc = lc_begin(x, no, LC_RETURN, &c, &in, err);
	if (rc)
		return rc;
	if (non_supplement && c.state != CASE_WAITING_MATERIALS)
		rc = bm_fail(err, BM_ESTATE, _("Case %s does not wait for materials: it cannot be returned for non-supplement (退件)."), no);
	if (!rc) {
		char d[11];
		flatrec note = {0};
		if (non_supplement)
			flatrec_set(&note, "non_supplement", "1");
		flatrec_set(&note, "from_state", case_state_key(c.state));
		flatrec_set(&note, "approver", lc_approver(x)->code);
		flatrec_set(&note, "approver_name", lc_approver(x)->name);
		case_set sets[] = {
			{ "state", case_state_key(CASE_RETURNED) },
			{ "return_reason", reason },
			{ "completed_day", lc_day(bm_time_day(x->now), d) },
		};
		rc = lc_apply(x, no, "return", reason, &note, sets, 3, NULL, 0, err);
		flatrec_free(&note);
		if (!rc)
			rc = refund(x, &c, reason, res, err);
	}
	if (res)
		res->paper = lifecycle_paper_for_type("return");
	return end_step(x, no, rc, &c, &in, res, err);
}

int lifecycle_withdraw(const lc_ctx *x, const char *no, const char *reason, lc_result *res,
		       bm_error *err)
{
	result_init(res);
	if (!lc_has_text(reason))
		return bm_fail(err, BM_EINVAL, _("A withdrawal needs the applicant's reason (--reason)."));
	bm_case c;
	lc_info in;
	int rc = lc_begin(x, no, LC_WITHDRAW, &c, &in, err);
	if (rc)
		return rc;
	char d[11];
	flatrec note = {0};
	flatrec_set(&note, "from_state", case_state_key(c.state));
	case_set sets[] = {
		{ "state", case_state_key(CASE_WITHDRAWN) },
		{ "completed_day", lc_day(bm_time_day(x->now), d) },
	};
	rc = lc_apply(x, no, "withdraw", reason, &note, sets, 2, NULL, 0, err);
	flatrec_free(&note);
	if (!rc)
		rc = refund(x, &c, reason, res, err);
	return end_step(x, no, rc, &c, &in, res, err);
}

int lifecycle_notify(const lc_ctx *x, const char *no, lc_how how, const char *text,
		     lc_result *res, bm_error *err)
{
	result_init(res);
	if ((unsigned)how >= LC_HOW__COUNT)
		return bm_fail(err, BM_EINVAL, _("Say how the applicant was told: phone, in_person or agent."));
	bm_case c;
	lc_info in;
	int rc = lc_begin(x, no, LC_NOTIFY, &c, &in, err);
	if (rc)
		return rc;
	flatrec note = {0};
	flatrec_set(&note, "how", lc_how_key(how));
	if (lc_has_text(text))
		flatrec_set(&note, "note", text);
	/* 代理件: the village agent is told too (by phone), and then replies
	 * to the applicant (agent.h, agent_reply) */
	if (c.proxy_is_agent && c.proxy_name)
		flatrec_setf(&note, "agent", "%s %s", c.proxy_name, c.agent_phone ? c.agent_phone : "");
	rc = lc_apply(x, no, "notify", NULL, &note, NULL, 0, NULL, 0, err);
	flatrec_free(&note);
	return end_step(x, no, rc, &c, &in, res, err);
}

int lifecycle_rate(const lc_ctx *x, const char *no, int level, const char *text,
		   lc_result *res, bm_error *err)
{
	result_init(res);
	if (level < 1 || level > 5)
		return bm_fail(err, BM_EINVAL, _("A rating is 1 (非常满意) to 5 (非常不满意)."));
	bm_case c;
	lc_info in;
	int rc = lc_begin(x, no, LC_RATE, &c, &in, err);
	if (rc)
		return rc;
	char d[11];
	flatrec note = {0};
	flatrec_setf(&note, "level", "%d", level);
	flatrec_set(&note, "label", lc_rating_label(level));
	bm_day fu = BM_NO_DAY;
	if (level >= LC_RATING_BAD) {
		/* 差评: a follow-up, due in followup_days working days. */
		fu = calendar_add_workdays(x->cal, bm_time_day(x->now), lc_followup_days(x->center), NULL);
		flatrec_set(&note, "followup_due", lc_day(fu, d));
	}
	if (lc_has_text(text))
		flatrec_set(&note, "note", text);
	rc = lc_apply(x, no, "rate", NULL, &note, NULL, 0, NULL, 0, err);
	flatrec_free(&note);
	rc = end_step(x, no, rc, &c, &in, res, err);
	if (res)
		res->followup_due = fu;
	return rc;
}

int lifecycle_followup(const lc_ctx *x, const char *no, const char *handling, lc_result *res,
		       bm_error *err)
{
	result_init(res);
	if (!lc_has_text(handling))
		return bm_fail(err, BM_EINVAL, _("Record how the bad rating was handled (--handling)."));
	bm_case c;
	lc_info in;
	int rc = lc_begin(x, no, LC_FOLLOWUP, &c, &in, err);
	if (rc)
		return rc;
	flatrec note = {0};
	flatrec_set(&note, "handling", handling);
	rc = lc_apply(x, no, "followup", NULL, &note, NULL, 0, NULL, 0, err);
	flatrec_free(&note);
	return end_step(x, no, rc, &c, &in, res, err);
}
