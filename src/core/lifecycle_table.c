/* lifecycle_table.c - the steps as ONE table: in which states a step may
 * be taken, by whom, whether a supervisor approves it, its paper and its
 * form's fields.  A row's why_not says, in the clerk's words, why the step
 * is not possible in the case's state; its check holds the rules beyond
 * the state (a joint case's missing opinions ...).  A row's fields are
 * its form (the counter) and its options (the command line); its take()
 * (lifecycle_take.c) runs the step with their values; its papers are what
 * lifecycle_paper.c prints and reprints. */
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
#define TEXT(n, l, req, m) { .name = n, .label = l, .kind = LC_F_TEXT, .required = req, .max = m }
#define NOTE_F TEXT("note", N_("Note"), false, 200)
#define REASON_F TEXT("reason", N_("Reason"), true, 200)
#define PAPER(f) { { f, LC_PAPER_ALWAYS, true } }
#define RATING_F(l, v) { .name = "level", .label = l, .kind = LC_F_CHOICE, .opts = LC_OPTS_RATING, .required = true, \
			 .value = v }
#define DECISION_F { .name = "approved", .alt = "refused", .label = N_("Decision"), .kind = LC_F_CHOICE, \
		     .opts = LC_OPTS_DECISION, .flag = true }
#define NONE_ALSO .also = LC_STEP__COUNT

static const lc_step_def STEPS[LC_STEP__COUNT] = {
	[LC_SUPPLEMENT] = { LC_SUPPLEMENT, "supplement", LC_IN(CASE_WAITING_MATERIALS), LC_WHO_OWNER, LC_APPROVE_NONE,
			    PAPER(LC_FORM_KIND),   /* the last material in: the notice of the kind it became */
			    { { .name = "materials", .label = N_("Arrived now"), .kind = LC_F_CHECKS, .opts = LC_OPTS_MISSING,
				.required = true, .value = "N,N", .empty = N_("Tick the materials that arrived (Space).") } },
			    .also = LC_DEMAND, .help = N_("materials arrived (补齐; numbers from 1)"),
			    .why_not = supplement_not, .take = lc_take_supplement },
	[LC_PAUSE] = { LC_PAUSE, "pause", LC_IN(CASE_IN_PROGRESS), LC_WHO_OWNER, LC_APPROVE_NONE, PAPER("notice_special"),
		       { { .name = "kind", .label = N_("Procedure"), .kind = LC_F_CHOICE, .opts = LC_OPTS_PAUSE, .required = true },
			 REASON_F },
		       NONE_ALSO, .help = N_("a special procedure (特别程序): the clock stops"),
		       .why_not = pause_not, .take = lc_take_pause },
	[LC_RESUME] = { LC_RESUME, "resume", LC_IN(CASE_PAUSED), LC_WHO_OWNER, LC_APPROVE_NONE,
			{ { "notice_demand", LC_PAPER_DEMANDED, true }, { "notice_special", LC_PAPER_ALWAYS, true } },
			{ NOTE_F }, NONE_ALSO, .help = N_("end the special procedure (特别程序)"),
			.why_not = resume_not, .take = lc_take_resume },
	/* 行政许可法 art. 42: a supervisor approves every extension */
	[LC_EXTEND] = { LC_EXTEND, "extend", LC_IN(CASE_IN_PROGRESS) | LC_IN(CASE_FORWARDED), LC_WHO_OWNER,
			LC_APPROVE_ALWAYS, PAPER("notice_extension"),
			{ { .name = "days", .alt = "to", .label = N_("Days or date"), .kind = LC_F_WHEN, .required = true,
			    .max = 10 },
			  REASON_F },
			NONE_ALSO,
			.help = N_("延期 (行政许可法 art. 42): once, before the due date, at most the item's extension_days "
				   "(default 10)"),
			.why_not = extend_not, .check = extend_check, .note = lc_note_extend, .take = lc_take_extend },
	[LC_OPINION] = { LC_OPINION, "opinion", LC_IN(CASE_IN_PROGRESS), LC_WHO_WINDOW, LC_APPROVE_NONE, { { 0 } },
			 { { .name = "window", .label = N_("Window"), .kind = LC_F_TEXT, .required = true, .max = 40,
			     .init = LC_INIT_WINDOW, .value = "W" },
			   { .name = "agree", .alt = "disagree", .label = N_("Opinion"), .kind = LC_F_CHOICE,
			     .opts = LC_OPTS_AGREE, .flag = true },
			   { .name = "opinion", .label = N_("Text"), .kind = LC_F_TEXT, .required = true, .max = 200 } },
			 NONE_ALSO, .help = N_("a window's opinion on a joint case (联办件)"),
			 .why_not = opinion_not, .check = joint_only, .take = lc_take_opinion },
	/* the item's forward_to when --to is not given */
	[LC_FORWARD] = { LC_FORWARD, "forward", LC_IN(CASE_IN_PROGRESS), LC_WHO_OWNER, LC_APPROVE_NONE, { { 0 } },
			 { { .name = "to", .label = N_("Forward to"), .kind = LC_F_TEXT, .max = 80,
			     .init = LC_INIT_FORWARD_TO, .value = "WHOM" },
			   NOTE_F },
			 NONE_ALSO, .help = N_("forward to the office above (上报件)"),
			 .why_not = forward_not, .check = forward_check, .take = lc_take_forward },
	[LC_RESULT] = { LC_RESULT, "result", LC_IN(CASE_FORWARDED), LC_WHO_OWNER, LC_APPROVE_NONE, PAPER("notice_completed"),
			{ DECISION_F, TEXT("result", N_("Result"), true, 200) },
			NONE_ALSO, .help = N_("the upper result of a forwarded case; completes it"),
			.why_not = result_not, .check = feedback_first, .take = lc_take_result },
	/* a refused 办结 (不予) needs the supervisor: lifecycle_complete */
	[LC_COMPLETE] = { LC_COMPLETE, "complete", LC_IN(CASE_IN_PROGRESS), LC_WHO_OWNER, LC_APPROVE_IF_REFUSED,
			  PAPER("notice_completed"),
			  { DECISION_F, TEXT("result", N_("Result"), true, 200),
			    { .name = "certificate", .label = N_("Certificate no."), .kind = LC_F_TEXT, .max = 60, .value = "NO" } },
			  NONE_ALSO, .help = N_("办结; a refusal (不予) is approved by a supervisor"),
			  .why_not = complete_not, .check = complete_all, .take = lc_take_complete },
	/* 否定报备: a return after intake is approved by the supervisor */
	[LC_RETURN] = { LC_RETURN, "return", OPEN, LC_WHO_OWNER, LC_APPROVE_NEGATIVE, PAPER("notice_returned"),
			{ REASON_F,
			  { .name = "non-supplement", .label = N_("Kind"), .kind = LC_F_CHOICE, .opts = LC_OPTS_RETURN,
			    .flag = true, .states = LC_IN(CASE_WAITING_MATERIALS) } },
			NONE_ALSO,
			.help = N_("退回, or 退件 of a 补办件 whose materials never came; 否定报备: a supervisor approves"),
			.why_not = closed_not, .take = lc_take_return },
	[LC_WITHDRAW] = { LC_WITHDRAW, "withdraw", OPEN, LC_WHO_OWNER, LC_APPROVE_NONE, { { 0 } },
			  { { .name = "reason", .label = N_("Reason"), .kind = LC_F_TEXT, .required = true, .max = 200,
			      .init = LC_INIT_TEXT, .init_text = N_("申请人申请撤回") } },
			  NONE_ALSO, .help = N_("撤回: the applicant withdraws"),
			  .why_not = closed_not, .take = lc_take_withdraw },
	[LC_NOTIFY] = { LC_NOTIFY, "notify", ANY, LC_WHO_OWNER, LC_APPROVE_NONE, { { 0 } },
			{ { .name = "how", .label = N_("How"), .kind = LC_F_CHOICE, .opts = LC_OPTS_HOW, .required = true },
			  NOTE_F },
			NONE_ALSO, .help = N_("the applicant was told the result (回复)"),
			.note = lc_note_notify, .take = lc_take_notify },
	[LC_RATE] = { LC_RATE, "rate", LC_IN(CASE_COMPLETED) | LC_IN(CASE_RETURNED), LC_WHO_ANYONE, LC_APPROVE_NONE,
		      { { 0 } }, { RATING_F(N_("Rating"), "1..5|非常满意|满意|基本满意|不满意|非常不满意"), NOTE_F },
		      NONE_ALSO, .help = N_("好差评; 不满意 or worse opens a follow-up"),
		      .why_not = rate_not, .check = rate_check, .take = lc_take_rate },
	/* its own form and command line (handover.c): --from A --to B NO...|--all */
	[LC_HANDOVER] = { LC_HANDOVER, "handover", OPEN, LC_WHO_OWNER, LC_APPROVE_NONE, PAPER("handover"), { { 0 } },
			  NONE_ALSO, .why_not = handover_not, .check = handover_check },
	[LC_ACKNOWLEDGE] = { LC_ACKNOWLEDGE, "acknowledge", ANY, LC_WHO_RECEIVER, LC_APPROVE_NONE, { { 0 } }, { { 0 } },
			     NONE_ALSO, .check = acknowledge_check },
	[LC_STATUS] = { LC_STATUS, "status", ANY, LC_WHO_ANYONE, LC_APPROVE_NONE, { { 0 } }, { { 0 } }, NONE_ALSO },
	/* 二次告知: on the command line `supplement --demand` (the row's also) */
	[LC_DEMAND] = { LC_DEMAND, NULL, LC_IN(CASE_WAITING_MATERIALS) | LC_IN(CASE_IN_PROGRESS) | LC_IN(CASE_PAUSED),
			LC_WHO_OWNER, LC_APPROVE_NONE, PAPER("notice_demand"),
			{ { .name = "demand", .label = N_("Material"), .kind = LC_F_TEXT, .required = true, .max = 80,
			    .value = "NAME" },
			  REASON_F },
			NONE_ALSO, .help = N_("ask for one NOT on the notice (二次告知)"),
			.why_not = demand_not, .note = lc_note_demand, .take = lc_take_demand },
	[LC_FOLLOWUP] = { LC_FOLLOWUP, "followup", ANY, LC_WHO_SUPERVISOR, LC_APPROVE_NONE, { { 0 } },
			  { TEXT("handling", N_("Handling"), true, 200) },
			  NONE_ALSO, .help = N_("a supervisor closes a bad rating's follow-up"),
			  .check = followup_check, .take = lc_take_followup },
	/* 代理件 (agent.h): the applicant's 服务意见反馈表, the agent's 回复 */
	[LC_FEEDBACK] = { LC_FEEDBACK, "feedback", OPEN | LC_IN(CASE_COMPLETED) | LC_IN(CASE_RETURNED), LC_WHO_ANYONE,
			  LC_APPROVE_NONE, { { "feedback", LC_PAPER_PROXY, false } },
			  { { .name = "satisfied", .alt = "unsatisfied", .label = N_("Satisfied"), .kind = LC_F_CHOICE,
			      .opts = LC_OPTS_SATISFIED, .required = true, .flag = true },
			    RATING_F(N_("Rating"), "1..5"), TEXT("note", N_("Remark"), false, 200) },
			  NONE_ALSO, .help = N_("服务意见反馈表 of a proxy case (before it completes)"),
			  .why_not = feedback_not, .check = feedback_check, .note = lc_note_feedback,
			  .take = lc_take_feedback },
	[LC_REPLY] = { LC_REPLY, "reply", LC_IN(CASE_COMPLETED) | LC_IN(CASE_RETURNED), LC_WHO_ANYONE, LC_APPROVE_NONE,
		       { { 0 } },
		       { { .name = "note", .label = N_("Note"), .kind = LC_F_TEXT, .max = 200, .init = LC_INIT_TEXT,
			   .init_text = N_("已告知申请人办理结果") } },
		       NONE_ALSO, .help = N_("the village agent told the applicant (回复)"),
		       .why_not = reply_not, .check = reply_check, .note = lc_note_reply, .take = lc_take_reply },
};

/* The papers of the events that are not steps. */
static const struct {
	const char *type;
	lc_paper papers[LC_PAPERS_MAX];
} EVENT_PAPERS[] = {
	/* intake: the notice of the kind decided; the receipt of a fee; a
	 * proxy case's 转报联系单, 授权委托书 and the blank 服务意见反馈表 */
	{ "intake", { { LC_FORM_KIND, LC_PAPER_ALWAYS, true }, { "receipt", LC_PAPER_FEE, false },
		      { "transfer", LC_PAPER_PROXY, false }, { "poa_person", LC_PAPER_PROXY, false },
		      { "poa_unit", LC_PAPER_PROXY, false }, { "feedback", LC_PAPER_PROXY, false } } },
	/* 退费凭证: a fee given back (issue 11) */
	{ "receipt_void", PAPER("fee_refund") },
};

const lc_step_def *lc_step_row(lc_step s)
{
	return (unsigned)s < LC_STEP__COUNT ? &STEPS[s] : NULL;
}

const lc_step_def *lc_step_command(const char *command)
{
	for (int i = 0; command && i < LC_STEP__COUNT; i++)
		if (STEPS[i].command && strcmp(STEPS[i].command, command) == 0)
			return &STEPS[i];
	return NULL;
}

const lc_paper *lc_event_papers(const char *type)
{
	lc_step s;
	if (!type)
		return NULL;
	for (size_t i = 0; i < sizeof EVENT_PAPERS / sizeof EVENT_PAPERS[0]; i++)
		if (strcmp(EVENT_PAPERS[i].type, type) == 0)
			return EVENT_PAPERS[i].papers;
	if (lc_step_parse(type, &s) && strcmp(lc_step_key(s), type) == 0)
		return STEPS[s].papers;
	return NULL;
}

const char *lc_step_paper(lc_step s)
{
	const lc_step_def *d = lc_step_row(s);
	for (size_t i = 0; d && i < LC_PAPERS_MAX && d->papers[i].form; i++)
		if (d->papers[i].main && d->papers[i].when == LC_PAPER_ALWAYS && strcmp(d->papers[i].form, LC_FORM_KIND) != 0)
			return d->papers[i].form;
	return NULL;
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
