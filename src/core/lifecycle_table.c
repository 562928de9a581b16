/* lifecycle_table.c - the steps as ONE table: in which states a step may
 * be taken, by whom, whether a supervisor approves it, its paper and its
 * form's fields.  A row's why_not says, in the clerk's words, why the step
 * is not possible in the case's state; its check holds the rules beyond
 * the state (a joint case's missing opinions ...). */
#include "lifecycle_int.h"

#include <stdio.h>
#include <string.h>

#define OPEN (LC_IN(CASE_WAITING_MATERIALS) | LC_IN(CASE_IN_PROGRESS) | LC_IN(CASE_PAUSED) | LC_IN(CASE_FORWARDED))
#define ANY ((1u << CASE_STATE__COUNT) - 1)

static bool deny(bm_error *why, int code, const char *fmt, const char *a, const char *b)
{
	bm_fail(why, code, fmt, a, b);
	return false;
}

static bool any_missing(const bm_case *c)
{
	for (size_t k = 0; k < c->n_materials; k++)
		if (c->materials[k].state == MAT_MISSING || c->materials[k].state == MAT_NOT_BROUGHT)
			return true;
	return false;
}

/* ---- why not, per step ----------------------------------------------- */
static bool supplement_not(const bm_case *c, const lc_info *in, bm_error *why)
{
	(void)in;
	/* an open case accepted by override with a material still missing
	 * (容缺受理): it may still arrive */
	if (!case_state_final(c->state) && any_missing(c))
		return true;
	if (c->state == CASE_COMPLETED)
		return deny(why, BM_ESTATE, _("Case %s is completed: a completed case cannot be supplemented."), c->no, NULL);
	return deny(why, BM_ESTATE, _("Case %s is %s: only a case waiting for materials can be supplemented."), c->no,
		    case_state_label(c->state));
}

static bool demand_not(const bm_case *c, const lc_info *in, bm_error *why)
{
	(void)in;
	return deny(why, BM_ESTATE, _("Case %s is %s: no further material can be asked for now."), c->no,
		    case_state_label(c->state));
}

static bool pause_not(const bm_case *c, const lc_info *in, bm_error *why)
{
	if (c->state == CASE_PAUSED)
		return deny(why, BM_ESTATE, _("Case %s is already in a special procedure (%s)."), c->no,
			    lc_info_pause_label(in));
	return deny(why, BM_ESTATE, _("Case %s is %s: only a case in progress can start a special procedure."), c->no,
		    case_state_label(c->state));
}

static bool resume_not(const bm_case *c, const lc_info *in, bm_error *why)
{
	(void)in;
	return deny(why, BM_ESTATE, _("Case %s is %s, not paused: there is nothing to resume."), c->no,
		    case_state_label(c->state));
}

static bool extend_not(const bm_case *c, const lc_info *in, bm_error *why)
{
	(void)in;
	const char *no = c->no;
	if (c->state == CASE_PAUSED)
		return deny(why, BM_ESTATE, _("Case %s is paused: its days do not count; resume it before extending it."), no, NULL);
	if (c->state == CASE_WAITING_MATERIALS)
		return deny(why, BM_ESTATE, _("Case %s waits for materials: its clock has not started, there is nothing to extend."), no, NULL);
	return deny(why, BM_ESTATE, _("Case %s is %s: a closed case cannot be extended."), no, case_state_label(c->state));
}

static bool extend_check(const bm_case *c, const lc_info *in, bm_error *why)
{
	if (c->due == BM_NO_DAY)
		return deny(why, BM_ESTATE, _("Case %s has no due date to extend."), c->no, NULL);
	/* 行政许可法 art. 42: one extension, decided before the period ends
	 * (that it is not yet past due is checked with the clock, in
	 * lifecycle_extend) */
	if (in->n_extensions > 0)
		return deny(why, BM_ESTATE, _("Case %s was already extended once: the law allows one extension (行政许可法 art. 42)."),
			    c->no, NULL);
	return true;
}

static bool opinion_check(const bm_case *c, const lc_info *in, bm_error *why)
{
	for (size_t k = 0; k < in->n_opinions; k++)
		if (!in->opinions[k].answered)
			return true;
	return deny(why, BM_ESTATE, _("Every window has given its opinion on case %s."), c->no, NULL);
}

static bool opinion_not(const bm_case *c, const lc_info *in, bm_error *why)
{
	(void)in;
	if (c->kind != KIND_JOINT)
		return deny(why, BM_ESTATE, _("Case %s is not a joint case (联办件): it takes no window opinions."), c->no, NULL);
	return deny(why, BM_ESTATE, _("Case %s is %s: opinions are recorded while it is in progress."), c->no,
		    case_state_label(c->state));
}

static bool joint_only(const bm_case *c, const lc_info *in, bm_error *why)
{
	if (c->kind != KIND_JOINT)
		return opinion_not(c, in, why);
	return opinion_check(c, in, why);
}

static bool forward_check(const bm_case *c, const lc_info *in, bm_error *why)
{
	(void)in;
	if (c->kind != KIND_FORWARDED && c->item.regime != REGIME_FORWARD)
		return deny(why, BM_ESTATE, _("Case %s is not a forwarded case (上报件)."), c->no, NULL);
	return true;
}

static bool forward_not(const bm_case *c, const lc_info *in, bm_error *why)
{
	if (!forward_check(c, in, why))
		return false;
	return deny(why, BM_ESTATE, _("Case %s is %s: only a case in progress can be forwarded."), c->no,
		    case_state_label(c->state));
}

static bool result_not(const bm_case *c, const lc_info *in, bm_error *why)
{
	(void)in;
	return deny(why, BM_ESTATE, _("Case %s is %s: an upper result is recorded only for a forwarded case."), c->no,
		    case_state_label(c->state));
}

static bool complete_not(const bm_case *c, const lc_info *in, bm_error *why)
{
	const char *no = c->no;
	switch (c->state) {
	case CASE_PAUSED:
		return deny(why, BM_ESTATE, _("Case %s is paused (%s): resume it before completing it."), no, lc_info_pause_label(in));
	case CASE_WAITING_MATERIALS:
		return deny(why, BM_ESTATE, _("Case %s still waits for materials: it cannot be completed before they are all in."), no, NULL);
	case CASE_FORWARDED:
		return deny(why, BM_ESTATE, _("Case %s is forwarded to %s: record the upper result with 'result'."), no,
			    in->forwarded_to ? in->forwarded_to : "?");
	case CASE_RETURNED:
		return deny(why, BM_ESTATE, _("Case %s was returned: a returned case cannot be completed."), no, NULL);
	default:
		return deny(why, BM_ESTATE, _("Case %s is already %s."), no, case_state_label(c->state));
	}
}

static bool complete_check(const bm_case *c, const lc_info *in, bm_error *why)
{
	const char *no = c->no;
	if (c->kind == KIND_FORWARDED)
		return deny(why, BM_ESTATE, _("Case %s must be forwarded (to %s) and completed by its upper result."), no,
			    c->item.forward_to ? c->item.forward_to : "?");
	for (size_t k = 0; k < in->n_opinions; k++)
		if (!in->opinions[k].answered)
			return deny(why, BM_ESTATE, _("Case %s still waits on the opinion of window %s."), no, in->opinions[k].window);
	for (size_t k = 0; k < c->n_materials; k++)
		if (c->materials[k].state == MAT_MISSING || c->materials[k].state == MAT_NOT_BROUGHT)
			return deny(why, BM_ESTATE, _("Case %s still misses material %s: it cannot be completed before it is in."),
				    no, c->materials[k].name);
	return true;
}

static bool closed_not(const bm_case *c, const lc_info *in, bm_error *why)
{
	(void)in;
	return deny(why, BM_ESTATE, _("Case %s is already closed (%s)."), c->no, case_state_label(c->state));
}

static bool rate_check(const bm_case *c, const lc_info *in, bm_error *why)
{
	if (in->rating)
		return deny(why, BM_ESTATE, _("Case %s has already been rated (%s)."), c->no, lc_rating_label(in->rating));
	return true;
}

static bool rate_not(const bm_case *c, const lc_info *in, bm_error *why)
{
	if (!rate_check(c, in, why))
		return false;
	return deny(why, BM_ESTATE, _("Case %s is %s: a case is rated at completion or later."), c->no,
		    case_state_label(c->state));
}

static bool followup_check(const bm_case *c, const lc_info *in, bm_error *why)
{
	if (in->followup_open)
		return true;
	return deny(why, BM_ESTATE, _("Case %s has no open follow-up of a bad rating."), c->no, NULL);
}

static bool handover_not(const bm_case *c, const lc_info *in, bm_error *why)
{
	(void)in;
	return deny(why, BM_ESTATE, _("Case %s is %s: only open cases are handed over."), c->no, case_state_label(c->state));
}

static bool handover_check(const bm_case *c, const lc_info *in, bm_error *why)
{
	if (in->handover_pending)
		return deny(why, BM_ESTATE, _("Case %s is already in a pending handover to %s."), c->no,
			    in->handover_to ? in->handover_to : "?");
	return true;
}

static bool acknowledge_check(const bm_case *c, const lc_info *in, bm_error *why)
{
	if (in->handover_pending)
		return true;
	return deny(why, BM_ESTATE, _("Case %s has no pending handover."), c->no, NULL);
}

/* 代理件: "所有的代理服务事项都要填写服务意见反馈表，由申请人对办理结果予以
 * 确认" (seed 004) - a proxy case completes only after it is recorded. */
static bool feedback_first(const bm_case *c, const lc_info *in, bm_error *why)
{
	if (!c->proxy_name || in->has_feedback)
		return true;
	return deny(why, BM_ESTATE, _("Proxy case %s: the applicant's 服务意见反馈表 comes first."), c->no, NULL);
}

static bool complete_all(const bm_case *c, const lc_info *in, bm_error *why)
{
	return complete_check(c, in, why) && feedback_first(c, in, why);
}

static bool feedback_check(const bm_case *c, const lc_info *in, bm_error *why)
{
	if (!c->proxy_name)
		return deny(why, BM_ESTATE, _("Case %s was not brought by a proxy: it takes no feedback form (服务意见反馈表)."),
			    c->no, NULL);
	if (in->has_feedback)
		return deny(why, BM_ESTATE, _("The applicant's feedback form of case %s is already recorded."), c->no, NULL);
	return true;
}

static bool feedback_not(const bm_case *c, const lc_info *in, bm_error *why)
{
	if (!feedback_check(c, in, why))
		return false;
	return deny(why, BM_ESTATE, _("Case %s is %s: there is no result to confirm."), c->no, case_state_label(c->state));
}

static bool reply_check(const bm_case *c, const lc_info *in, bm_error *why)
{
	if (!c->proxy_is_agent)
		return deny(why, BM_ESTATE, _("Case %s was not brought by a village agent: there is no agent's reply."), c->no,
			    NULL);
	if (in->replied)
		return deny(why, BM_ESTATE, _("The agent's reply of case %s is already recorded."), c->no, NULL);
	return true;
}

static bool reply_not(const bm_case *c, const lc_info *in, bm_error *why)
{
	if (!reply_check(c, in, why))
		return false;
	return deny(why, BM_ESTATE, _("Case %s is %s: the agent replies once it is done."), c->no,
		    case_state_label(c->state));
}

/* ---- the table -------------------------------------------------------- */
static const lc_step_def STEPS[LC_STEP__COUNT] = {
	[LC_SUPPLEMENT] = { LC_SUPPLEMENT, LC_IN(CASE_WAITING_MATERIALS), LC_WHO_OWNER, false, NULL,
			    "materials,demand,reason", supplement_not, NULL },
	[LC_PAUSE] = { LC_PAUSE, LC_IN(CASE_IN_PROGRESS), LC_WHO_OWNER, false, "notice_special",
		       "kind,reason", pause_not, NULL },
	[LC_RESUME] = { LC_RESUME, LC_IN(CASE_PAUSED), LC_WHO_OWNER, false, "notice_special",
			"note", resume_not, NULL },
	[LC_EXTEND] = { LC_EXTEND, LC_IN(CASE_IN_PROGRESS) | LC_IN(CASE_FORWARDED), LC_WHO_OWNER, true,
			"notice_extension", "days,to,reason,supervisor", extend_not, extend_check },
	[LC_OPINION] = { LC_OPINION, LC_IN(CASE_IN_PROGRESS), LC_WHO_WINDOW, false, NULL,
			 "window,agree,opinion", opinion_not, joint_only },
	[LC_FORWARD] = { LC_FORWARD, LC_IN(CASE_IN_PROGRESS), LC_WHO_OWNER, false, NULL,
			 "to,note", forward_not, forward_check },
	[LC_RESULT] = { LC_RESULT, LC_IN(CASE_FORWARDED), LC_WHO_OWNER, false, "notice_completed",
			"approved,result", result_not, feedback_first },
	/* a refused 办结 (不予) needs the supervisor too: lifecycle_complete */
	[LC_COMPLETE] = { LC_COMPLETE, LC_IN(CASE_IN_PROGRESS), LC_WHO_OWNER, false, "notice_completed",
			  "approved,result,certificate", complete_not, complete_all },
	/* 否定报备: a return after intake is approved by the supervisor */
	[LC_RETURN] = { LC_RETURN, OPEN, LC_WHO_OWNER, true, "notice_returned",
			"reason,non-supplement,supervisor", closed_not, NULL },
	[LC_WITHDRAW] = { LC_WITHDRAW, OPEN, LC_WHO_OWNER, false, NULL, "reason", closed_not, NULL },
	[LC_NOTIFY] = { LC_NOTIFY, ANY, LC_WHO_OWNER, false, NULL, "how,note", NULL, NULL },
	[LC_RATE] = { LC_RATE, LC_IN(CASE_COMPLETED) | LC_IN(CASE_RETURNED), LC_WHO_ANYONE, false, NULL,
		      "level,note", rate_not, rate_check },
	[LC_HANDOVER] = { LC_HANDOVER, OPEN, LC_WHO_OWNER, false, "handover", "from,to,reason", handover_not,
			  handover_check },
	[LC_ACKNOWLEDGE] = { LC_ACKNOWLEDGE, ANY, LC_WHO_RECEIVER, false, NULL, "", NULL, acknowledge_check },
	[LC_STATUS] = { LC_STATUS, ANY, LC_WHO_ANYONE, false, "status", "", NULL, NULL },
	[LC_DEMAND] = { LC_DEMAND, LC_IN(CASE_WAITING_MATERIALS) | LC_IN(CASE_IN_PROGRESS) | LC_IN(CASE_PAUSED),
			LC_WHO_OWNER, false, "notice_demand", "demand,reason", demand_not, NULL },
	[LC_FOLLOWUP] = { LC_FOLLOWUP, ANY, LC_WHO_SUPERVISOR, false, NULL, "handling", NULL, followup_check },
	/* 代理件 (agent.h): the applicant's 服务意见反馈表, the agent's 回复 */
	[LC_FEEDBACK] = { LC_FEEDBACK, OPEN | LC_IN(CASE_COMPLETED) | LC_IN(CASE_RETURNED), LC_WHO_ANYONE, false, NULL,
			  "satisfied,unsatisfied,level,note", feedback_not, feedback_check },
	[LC_REPLY] = { LC_REPLY, LC_IN(CASE_COMPLETED) | LC_IN(CASE_RETURNED), LC_WHO_ANYONE, false, NULL, "note",
		       reply_not, reply_check },
};

const lc_step_def *lc_step_row(lc_step s)
{
	return (unsigned)s < LC_STEP__COUNT ? &STEPS[s] : NULL;
}

bool lc_state_allows(const bm_case *c, const lc_info *in, lc_step step, bm_error *why)
{
	const lc_step_def *d = lc_step_row(step);
	if (!d)
		return deny(why, BM_EINVAL, _("Unknown step for case %s."), c->no, NULL);
	if (!(d->states & LC_IN(c->state))) {
		if (d->why_not)
			return d->why_not(c, in, why);
		return deny(why, BM_ESTATE, _("Case %s is %s: this step cannot be taken now."), c->no,
			    case_state_label(c->state));
	}
	return !d->check || d->check(c, in, why);
}
