/* lifecycle_take.c - each step's take() and note() for the step table
 * (lifecycle_table.c): a form's values (by the row's field index) into the
 * ONE lifecycle function of the step, and what the form says above its
 * fields.  The counter and `bianmin case STEP` both come through here. */
#include "lifecycle_int.h"
#include "bianmin/agent.h"

#include <stdio.h>
#include <string.h>

/* ---- the notes above a form ------------------------------------------ */
void lc_note_demand(const bm_case *c, char *buf, size_t len)
{
	(void)c;
	snprintf(buf, len, "%s",
		 _("二次告知: this material was not on the one-time notice. Demanding it now is a NOTICE "
		   "BREACH: it is recorded with your 工号 and shows in the supervisor's figures."));
}

void lc_note_extend(const bm_case *c, char *buf, size_t len)
{
	char lim[256] = "";
	if (c->item.statutory_days > 0)
		snprintf(lim, sizeof lim, _("The statutory limit is %d working days; going past it is warned "
					    "about and recorded. "),
			 c->item.statutory_days);
	snprintf(buf, len,
		 _("%s行政许可法 art. 42: once, before the due date, at most the item's extension limit "
		   "(10 working days unless the catalog says otherwise). A supervisor approves with their own 工号 and PIN."),
		 lim);
}

void lc_note_notify(const bm_case *c, char *buf, size_t len)
{
	if (c->proxy_is_agent && c->proxy_name)   /* 代理件: the agent is told too */
		snprintf(buf, len, _("Tell the village agent too: %s, phone %s."), c->proxy_name,
			 c->agent_phone ? c->agent_phone : "-");
}

void lc_note_feedback(const bm_case *c, char *buf, size_t len)
{
	(void)c;
	snprintf(buf, len, "%s", _("所有的代理服务事项都要填写服务意见反馈表: the applicant confirms the result."));
}

void lc_note_reply(const bm_case *c, char *buf, size_t len)
{
	if (c->agent_phone)
		snprintf(buf, len, _("Agent %s, phone %s."), c->proxy_name, c->agent_phone);
}

/* ---- the takes --------------------------------------------------------
 * v->text[i], v->id[i]: the row's field i (lifecycle_table.c). */
int lc_take_supplement(const lc_ctx *x, const char *no, const lc_values *v, lc_result *res, bm_error *err)
{
	return lifecycle_supplement(x, no, v->checks, v->n_checks, res, err);
}

int lc_take_demand(const lc_ctx *x, const char *no, const lc_values *v, lc_result *res, bm_error *err)
{
	return lifecycle_demand(x, no, v->text[0], v->text[1], res, err);
}

int lc_take_pause(const lc_ctx *x, const char *no, const lc_values *v, lc_result *res, bm_error *err)
{
	return lifecycle_pause(x, no, (lc_pause_kind)v->id[0], v->text[1], res, err);
}

int lc_take_resume(const lc_ctx *x, const char *no, const lc_values *v, lc_result *res, bm_error *err)
{
	return lifecycle_resume(x, no, v->text[0], res, err);
}

int lc_take_extend(const lc_ctx *x, const char *no, const lc_values *v, lc_result *res, bm_error *err)
{
	int days = 0;
	bm_day to = BM_NO_DAY;
	if (!lc_when_parse(v->text[0], &days, &to))
		return bm_fail(err, BM_EINVAL, _("Give the extension as a number of working days or a new date."));
	/* the approver is the supervisor who approves (their PIN checked) */
	return lifecycle_extend(x, no, x->approver, days, to, v->text[1], res, err);
}

int lc_take_opinion(const lc_ctx *x, const char *no, const lc_values *v, lc_result *res, bm_error *err)
{
	return lifecycle_opinion(x, no, v->text[0], v->id[1] == 0, v->text[2], res, err);
}

int lc_take_forward(const lc_ctx *x, const char *no, const lc_values *v, lc_result *res, bm_error *err)
{
	return lifecycle_forward(x, no, v->text[0], v->text[1], res, err);
}

int lc_take_result(const lc_ctx *x, const char *no, const lc_values *v, lc_result *res, bm_error *err)
{
	return lifecycle_result(x, no, v->id[0] == 0, v->text[1], res, err);
}

int lc_take_complete(const lc_ctx *x, const char *no, const lc_values *v, lc_result *res, bm_error *err)
{
	return lifecycle_complete(x, no, v->id[0] == 0, v->text[1], v->text[2], res, err);
}

int lc_take_return(const lc_ctx *x, const char *no, const lc_values *v, lc_result *res, bm_error *err)
{
	return lifecycle_return(x, no, v->text[0], v->id[1] == 1, res, err);
}

int lc_take_withdraw(const lc_ctx *x, const char *no, const lc_values *v, lc_result *res, bm_error *err)
{
	return lifecycle_withdraw(x, no, v->text[0], res, err);
}

int lc_take_notify(const lc_ctx *x, const char *no, const lc_values *v, lc_result *res, bm_error *err)
{
	return lifecycle_notify(x, no, (lc_how)v->id[0], v->text[1], res, err);
}

int lc_take_rate(const lc_ctx *x, const char *no, const lc_values *v, lc_result *res, bm_error *err)
{
	return lifecycle_rate(x, no, (int)v->id[0], v->text[1], res, err);
}

int lc_take_followup(const lc_ctx *x, const char *no, const lc_values *v, lc_result *res, bm_error *err)
{
	return lifecycle_followup(x, no, v->text[0], res, err);
}

/* agent.h's steps return no lc_result: the case as they left it */
static void result_after(const lc_ctx *x, const char *no, lc_result *res)
{
	if (!res)
		return;
	memset(res, 0, sizeof *res);
	res->due = res->old_due = res->followup_due = BM_NO_DAY;
	lc_result_from(x->store, no, res);
}

int lc_take_feedback(const lc_ctx *x, const char *no, const lc_values *v, lc_result *res, bm_error *err)
{
	int rc = agent_feedback(x, no, v->id[0] == 1, (int)v->id[1], v->text[2], err);
	if (!rc)
		result_after(x, no, res);
	return rc;
}

int lc_take_reply(const lc_ctx *x, const char *no, const lc_values *v, lc_result *res, bm_error *err)
{
	int rc = agent_reply(x, no, v->text[0], err);
	if (!rc)
		result_after(x, no, res);
	return rc;
}

int lifecycle_take(const lc_ctx *x, lc_step step, const char *no, const lc_values *v, lc_result *res,
		   bm_error *err)
{
	const lc_step_def *d = lc_step_row(step);
	if (!d || !d->take)
		return bm_fail(err, BM_EINVAL, _("Unknown step for case %s."), no);
	return d->take(x, no, v, res, err);
}
