/* scr_case_steps.c - every step of a case after intake, one key each from
 * the case view (issue 6): the key opens a small form (dialog.c), Enter on
 * the last field calls the ONE lifecycle function of the step, the case is
 * reloaded, the result and any warning shown, and the step's paper printed
 * through lifecycle_print, the clerk told where it went. */
#include "uipriv.h"
#include "ui_shared.h"

#include "bianmin/lifecycle.h"
#include "bianmin/print.h"
#include "bianmin/slip.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static lc_ctx ctx_of(ui *u)
{
	return (lc_ctx){.store = u->store, .cal = u->cal, .center = u->center, .clerk = &u->clerk, .now = ui_now()};
}

/* After a step: reload, say what happened, print its paper. */
static void done(ui *u, const char *what, const lc_result *res, const char *paper)
{
	char due[16], line[sizeof u->msg];
	bm_day_format(res->due, due);
	int n = snprintf(line, sizeof line, _("%s: done. State: %s; due %s."), what, case_state_label(res->state),
			 res->due != BM_NO_DAY ? due : "-");
	if (res->warning[0] && n > 0 && (size_t)n < sizeof line)
		n += snprintf(line + n, sizeof line - (size_t)n, " %s", res->warning);
	bool bad = res->warning[0] != '\0';
	if (!paper)
		paper = res->paper;
	if (paper && n > 0 && (size_t)n < sizeof line) {
		lc_ctx x = ctx_of(u);
		char *spool = ui_spool_dir(u), *where = NULL;
		bm_error err = {0};
		if (lifecycle_print(&x, u->app->paths.forms, spool, u->cv.no, paper, res, &where, &err)) {
			snprintf(line + n, sizeof line - (size_t)n, _(" The paper was NOT printed: %s (the step is saved)"),
				 err.msg);
			bad = true;
		} else {
			snprintf(line + n, sizeof line - (size_t)n, " %s", where ? where : "");
		}
		free(where);
		free(spool);
	}
	if (res->refund_paper && n > 0 && (size_t)(n = (int)strlen(line)) < sizeof line) {
		/* 退费: the fee went back, with its paper */
		lc_ctx x = ctx_of(u);
		char *spool = ui_spool_dir(u), *where = NULL;
		bm_error err = {0};
		bool ok = !lifecycle_print(&x, u->app->paths.forms, spool, u->cv.no, res->refund_paper, NULL, &where, &err);
		snprintf(line + n, sizeof line - (size_t)n, ok ? _(" Fee voided (退费): %s") : _(" Fee voided (退费); its paper was NOT printed: %s"),
			 ok ? (where ? where : "") : err.msg);
		bad |= !ok;
		free(where);
		free(spool);
	}
	dlg_close(u);
	ui_message(u, bad, "%s", line);
	ui_reload_case(u);
}

/* A refused step: the form stays open with the reason. */
static void refused(ui *u, const bm_error *err)
{
	snprintf(u->dlg.err, sizeof u->dlg.err, "%s", err->msg);
}

static size_t choice(const ui *u, int i)
{
	return u->dlg.fl[i].ids[u->dlg.fl[i].choice];
}

/* The approving supervisor typed into the form's last two fields (from
 * `at`), for a step the table marks `approval` (否定报备).  Both empty: no
 * approver (the core then lets only a supervisor's own step pass).  false
 * with the form's error set when the 工号/PIN is wrong. */
static bool take_approver(ui *u, int at, bm_clerk *sup, bool *have)
{
	*have = false;
	if (at < 0 || at + 1 >= u->dlg.n)
		return true;
	char *code = dlg_value(u, at), *pin = dlg_value(u, at + 1);
	bool ok = true;
	bm_error err = {0};
	if (!code && !pin) {
		ok = true;
	} else if (!code || !pin) {
		snprintf(u->dlg.err, sizeof u->dlg.err, "%s", _("The supervisor types their 工号 and PIN."));
		u->dlg.focus = code ? at + 1 : at;
		ok = false;
	} else if (auth_login(u->store, code, pin, sup, &err)) {
		snprintf(u->dlg.err, sizeof u->dlg.err, _("Supervisor: %s"), err.msg);
		field_clear(&u->dlg.fl[at + 1].f);
		u->dlg.focus = at + 1;
		ok = false;
	} else {
		*have = true;
	}
	free(code);
	free(pin);
	return ok;
}

/* The form's first approver field, -1 when it has none. */
static int approver_at(const ui *u)
{
	return u->dlg.n >= 2 && u->dlg.approver_fields ? u->dlg.n - 2 : -1;
}

/* ---- the submits, one per step --------------------------------------- */
static void do_supplement(ui *u)
{
	dlg_field *f = &u->dlg.fl[0];
	size_t mats[DLG_MAX_OPTS], n = 0;
	for (size_t i = 0; i < f->n_opts; i++)
		if (f->checked[i])
			mats[n++] = f->ids[i];
	if (!n) {
		snprintf(u->dlg.err, sizeof u->dlg.err, "%s", _("Tick the materials that arrived (Space)."));
		return;
	}
	lc_ctx x = ctx_of(u);
	lc_result r;
	bm_error err = {0};
	if (lifecycle_supplement(&x, u->cv.no, mats, n, &r, &err)) {
		refused(u, &err);
		return;
	}
	done(u, lc_step_label(LC_SUPPLEMENT), &r, NULL);
	if (r.clock_started) {
		char m[sizeof u->msg];
		snprintf(m, sizeof m, "%s", u->msg);
		ui_message(u, u->msg_error, _("%s The clock started today."), m);
	}
}

static void do_demand(ui *u)
{
	char *mat = dlg_value(u, 0), *why = dlg_value(u, 1);
	lc_ctx x = ctx_of(u);
	lc_result r;
	bm_error err = {0};
	if (lifecycle_demand(&x, u->cv.no, mat, why, &r, &err))
		refused(u, &err);
	else
		done(u, lc_step_label(LC_DEMAND), &r, NULL);
	free(mat);
	free(why);
}

static void do_pause(ui *u)
{
	char *why = dlg_value(u, 1);
	lc_ctx x = ctx_of(u);
	lc_result r;
	bm_error err = {0};
	if (lifecycle_pause(&x, u->cv.no, (lc_pause_kind)choice(u, 0), why, &r, &err))
		refused(u, &err);
	else
		done(u, lc_step_label(LC_PAUSE), &r, NULL);
	free(why);
}

static void do_resume(ui *u)
{
	char *note = dlg_value(u, 0);
	lc_ctx x = ctx_of(u);
	lc_result r;
	bm_error err = {0};
	if (lifecycle_resume(&x, u->cv.no, note, &r, &err))
		refused(u, &err);
	else
		done(u, lc_step_label(LC_RESUME), &r, NULL);
	free(note);
}

static void do_extend(ui *u)
{
	char *when = dlg_value(u, 0), *why = dlg_value(u, 1), *code = dlg_value(u, 2), *pin = dlg_value(u, 3);
	int days = 0;
	bm_day to = BM_NO_DAY;
	bm_error err = {0};
	bm_clerk sup = {0};
	bool have_sup = false;
	lc_result r;
	char *end = NULL;
	long d = when ? strtol(when, &end, 10) : 0;
	if (when && end && *end == '\0' && d > 0 && d < 1000) {
		days = (int)d;
	} else if (!when || !bm_day_parse(when, &to)) {
		snprintf(u->dlg.err, sizeof u->dlg.err, "%s",
			 _("Give a number of working days, or a date as YYYY-MM-DD."));
		u->dlg.focus = 0;
		goto out;
	}
	if (!code || !pin) {
		snprintf(u->dlg.err, sizeof u->dlg.err, "%s", _("The supervisor types their 工号 and PIN."));
		u->dlg.focus = code ? 3 : 2;
		goto out;
	}
	if (auth_login(u->store, code, pin, &sup, &err)) {
		snprintf(u->dlg.err, sizeof u->dlg.err, _("Supervisor: %s"), err.msg);
		field_clear(&u->dlg.fl[3].f);
		u->dlg.focus = 3;
		goto out;
	}
	have_sup = true;
	if (!auth_can(&sup, ROLE_SUPERVISOR)) {
		snprintf(u->dlg.err, sizeof u->dlg.err, _("%s %s is not a supervisor."), sup.code, sup.name);
		u->dlg.focus = 2;
		goto out;
	}
	lc_ctx x = ctx_of(u);
	if (lifecycle_extend(&x, u->cv.no, &sup, days, to, why, &r, &err))
		refused(u, &err);
	else
		done(u, lc_step_label(LC_EXTEND), &r, NULL);
out:
	if (have_sup)
		auth_clerk_free(&sup);
	free(when);
	free(why);
	free(code);
	free(pin);
}

static void do_opinion(ui *u)
{
	char *win = dlg_value(u, 0), *text = dlg_value(u, 2);
	lc_ctx x = ctx_of(u);
	lc_result r;
	bm_error err = {0};
	if (lifecycle_opinion(&x, u->cv.no, win, choice(u, 1) == 0, text, &r, &err))
		refused(u, &err);
	else
		done(u, lc_step_label(LC_OPINION), &r, NULL);
	free(win);
	free(text);
}

static void do_forward(ui *u)
{
	char *to = dlg_value(u, 0), *note = dlg_value(u, 1);
	lc_ctx x = ctx_of(u);
	lc_result r;
	bm_error err = {0};
	if (lifecycle_forward(&x, u->cv.no, to, note, &r, &err))
		refused(u, &err);
	else
		done(u, lc_step_label(LC_FORWARD), &r, NULL);
	free(to);
	free(note);
}

static void do_result(ui *u)
{
	char *text = dlg_value(u, 1);
	lc_ctx x = ctx_of(u);
	lc_result r;
	bm_error err = {0};
	if (lifecycle_result(&x, u->cv.no, choice(u, 0) == 0, text, &r, &err))
		refused(u, &err);
	else
		done(u, lc_step_label(LC_RESULT), &r, NULL);
	free(text);
}

static void do_complete(ui *u)
{
	bm_clerk sup;
	bool have;
	if (!take_approver(u, approver_at(u), &sup, &have))
		return;
	char *text = dlg_value(u, 1), *cert = dlg_value(u, 2);
	lc_ctx x = ctx_of(u);
	x.approver = have ? &sup : NULL;
	lc_result r;
	bm_error err = {0};
	if (lifecycle_complete(&x, u->cv.no, choice(u, 0) == 0, text, cert, &r, &err))
		refused(u, &err);
	else
		done(u, lc_step_label(LC_COMPLETE), &r, NULL);
	if (have)
		auth_clerk_free(&sup);
	free(text);
	free(cert);
}

static void do_return(ui *u)
{
	bm_clerk sup;
	bool have;
	if (!take_approver(u, approver_at(u), &sup, &have))
		return;
	char *why = dlg_value(u, 0);
	bool non_supplement = u->cv.kase.state == CASE_WAITING_MATERIALS && choice(u, 1) == 1;
	lc_ctx x = ctx_of(u);
	x.approver = have ? &sup : NULL;
	lc_result r;
	bm_error err = {0};
	if (lifecycle_return(&x, u->cv.no, why, non_supplement, &r, &err))
		refused(u, &err);
	else
		done(u, lc_step_label(LC_RETURN), &r, NULL);
	if (have)
		auth_clerk_free(&sup);
	free(why);
}

static void do_withdraw(ui *u)
{
	char *why = dlg_value(u, 0);
	lc_ctx x = ctx_of(u);
	lc_result r;
	bm_error err = {0};
	if (lifecycle_withdraw(&x, u->cv.no, why, &r, &err))
		refused(u, &err);
	else
		done(u, lc_step_label(LC_WITHDRAW), &r, NULL);
	free(why);
}

static void do_notify(ui *u)
{
	char *note = dlg_value(u, 1);
	lc_ctx x = ctx_of(u);
	lc_result r;
	bm_error err = {0};
	if (lifecycle_notify(&x, u->cv.no, (lc_how)choice(u, 0), note, &r, &err))
		refused(u, &err);
	else
		done(u, lc_step_label(LC_NOTIFY), &r, NULL);
	free(note);
}

static void do_rate(ui *u)
{
	char *note = dlg_value(u, 1);
	lc_ctx x = ctx_of(u);
	lc_result r;
	bm_error err = {0};
	if (lifecycle_rate(&x, u->cv.no, (int)choice(u, 0), note, &r, &err)) {
		refused(u, &err);
	} else {
		done(u, lc_step_label(LC_RATE), &r, NULL);
		if (r.followup_due != BM_NO_DAY) {
			char d[16], m[sizeof u->msg];
			snprintf(m, sizeof m, "%s", u->msg);
			ui_message(u, true, _("%s A follow-up is due by %s."), m, bm_day_format(r.followup_due, d));
		}
	}
	free(note);
}

static void do_followup(ui *u)
{
	char *text = dlg_value(u, 0);
	lc_ctx x = ctx_of(u);
	lc_result r;
	bm_error err = {0};
	if (lifecycle_followup(&x, u->cv.no, text, &r, &err))
		refused(u, &err);
	else
		done(u, lc_step_label(LC_FOLLOWUP), &r, NULL);
	free(text);
}

static void do_reprint(ui *u)
{
	dlg_field *f = &u->dlg.fl[0];
	const char *forms[DLG_MAX_OPTS];
	size_t n = ui_case_papers(&u->cv.kase, forms, DLG_MAX_OPTS);
	bm_buf all = {0};
	bool ok = true, any = false;
	for (size_t i = 0; i < f->n_opts; i++) {
		if (!f->checked[i] || f->ids[i] >= n)
			continue;
		char msg[512];
		ok = ui_reprint(u, u->cv.no, forms[f->ids[i]], msg, sizeof msg) && ok;
		bm_buf_printf(&all, "%s%s", any ? " " : "", msg);
		any = true;
	}
	if (!any) {
		snprintf(u->dlg.err, sizeof u->dlg.err, "%s", _("Tick the papers to print again (Space)."));
		bm_buf_free(&all);
		return;
	}
	dlg_close(u);
	ui_message(u, !ok, "%s", all.data);
	bm_buf_free(&all);
	ui_reload_case(u);
}

/* ---- the forms ------------------------------------------------------- */
static void open_form(ui *u, enum action a, lc_step s)
{
	const bm_case *c = &u->cv.kase;
	char title[128];
	snprintf(title, sizeof title, "%s · %s", lc_step_label(s), c->no);
	lc_info in;
	lifecycle_info(c, &in);
	dlg_field *f;
	switch (a) {
	case A_STEP_SUPPLEMENT:
		dlg_open(u, s, title, do_supplement);
		f = dlg_checks(u, _("Arrived now"));
		for (size_t i = 0; i < c->n_materials && f->n_opts < DLG_MAX_OPTS; i++)
			if (c->materials[i].state == MAT_MISSING || c->materials[i].state == MAT_NOT_BROUGHT) {
				char o[300];
				snprintf(o, sizeof o, "%zu. %s (%s, %d)", i + 1, c->materials[i].name,
					 form_label(c->materials[i].form), c->materials[i].copies);
				dlg_opt(f, o, i);
			}
		if (f->n_opts == 1)
			f->checked[0] = true;
		break;
	case A_STEP_DEMAND:
		dlg_open(u, s, title, do_demand);
		snprintf(u->dlg.warn, sizeof u->dlg.warn, "%s",
			 _("二次告知: this material was not on the one-time notice. Demanding it now is a NOTICE "
			   "BREACH: it is recorded with your 工号 and shows in the supervisor's figures."));
		dlg_text(u, _("Material"), 80, true, false, NULL);
		dlg_text(u, _("Reason"), 200, true, false, NULL);
		break;
	case A_STEP_PAUSE:
		dlg_open(u, s, title, do_pause);
		f = dlg_choice(u, _("Procedure"), 0);
		for (int k = 0; k < LC_PAUSE__COUNT; k++)
			dlg_opt(f, lc_pause_label((lc_pause_kind)k), (size_t)k);
		dlg_text(u, _("Reason"), 200, true, false, NULL);
		break;
	case A_STEP_RESUME:
		dlg_open(u, s, title, do_resume);
		dlg_text(u, _("Note"), 200, false, false, NULL);
		break;
	case A_STEP_EXTEND: {
		dlg_open(u, s, title, do_extend);
		char lim[256] = "";
		if (c->item.statutory_days > 0)
			snprintf(lim, sizeof lim, _("The statutory limit is %d working days; going past it is warned "
						    "about and recorded. "),
				 c->item.statutory_days);
		snprintf(u->dlg.warn, sizeof u->dlg.warn,
			 _("%s行政许可法 art. 42: once, before the due date, at most the item's extension limit "
			   "(10 working days unless the catalog says otherwise). A supervisor approves with their own 工号 and PIN."),
			 lim);
		dlg_text(u, _("Days or date"), 10, true, false, NULL);
		dlg_text(u, _("Reason"), 200, true, false, NULL);
		dlg_text(u, _("Supervisor 工号"), 20, true, false, NULL);
		dlg_text(u, _("Supervisor PIN"), AUTH_PIN_MAX, true, true, NULL);
		break;
	}
	case A_STEP_OPINION: {
		dlg_open(u, s, title, do_opinion);
		const char *win = u->clerk.window;
		for (size_t k = 0; k < in.n_opinions && !win; k++)
			if (!in.opinions[k].answered)
				win = in.opinions[k].window;
		dlg_text(u, _("Window"), 40, true, false, win);
		f = dlg_choice(u, _("Opinion"), 0);
		dlg_opt(f, _("agree"), 0);
		dlg_opt(f, _("disagree"), 1);
		dlg_text(u, _("Text"), 200, true, false, NULL);
		break;
	}
	case A_STEP_FORWARD:
		dlg_open(u, s, title, do_forward);
		dlg_text(u, _("Forward to"), 80, true, false, c->item.forward_to);
		dlg_text(u, _("Note"), 200, false, false, NULL);
		break;
	case A_STEP_RESULT:
	case A_STEP_COMPLETE:
		dlg_open(u, s, title, a == A_STEP_RESULT ? do_result : do_complete);
		f = dlg_choice(u, _("Decision"), 0);
		dlg_opt(f, _("approved (准予)"), 0);
		dlg_opt(f, _("refused (不予)"), 1);
		dlg_text(u, _("Result"), 200, true, false, NULL);
		if (a == A_STEP_COMPLETE)
			dlg_text(u, _("Certificate no."), 60, false, false, NULL);
		break;
	case A_STEP_RETURN:
		dlg_open(u, s, title, do_return);
		dlg_text(u, _("Reason"), 200, true, false, NULL);
		if (c->state == CASE_WAITING_MATERIALS) {
			f = dlg_choice(u, _("Kind"), 0);
			dlg_opt(f, _("退回 (return)"), 0);
			dlg_opt(f, _("退件: materials never came"), 1);
		}
		break;
	case A_STEP_WITHDRAW:
		dlg_open(u, s, title, do_withdraw);
		dlg_text(u, _("Reason"), 200, true, false, _("申请人申请撤回"));
		break;
	case A_STEP_NOTIFY:
		dlg_open(u, s, title, do_notify);
		if (c->proxy_is_agent && c->proxy_name)   /* 代理件: the agent is told too */
			snprintf(u->dlg.warn, sizeof u->dlg.warn, _("Tell the village agent too: %s, phone %s."),
				 c->proxy_name, c->agent_phone ? c->agent_phone : "-");
		f = dlg_choice(u, _("How"), 0);
		dlg_opt(f, _("phone"), LC_PHONE);
		dlg_opt(f, _("in person"), LC_IN_PERSON);
		dlg_opt(f, _("agent"), LC_AGENT);
		dlg_text(u, _("Note"), 200, false, false, NULL);
		break;
	case A_STEP_RATE:
		dlg_open(u, s, title, do_rate);
		f = dlg_choice(u, _("Rating"), 0);
		for (int k = 1; k <= 5; k++)
			dlg_opt(f, lc_rating_label(k), (size_t)k);
		dlg_text(u, _("Note"), 200, false, false, NULL);
		break;
	case A_STEP_FOLLOWUP:
		dlg_open(u, s, title, do_followup);
		dlg_text(u, _("Handling"), 200, true, false, NULL);
		break;
	case A_STEP_FEEDBACK:
	case A_STEP_REPLY:
		case_agent_form(u, a, title);
		break;
	default:
		break;
	}
	/* a step the table marks `approval` (否定报备): the supervisor's 工号
	 * and PIN at the counter; a refused 办结 may need them too */
	const lc_step_def *row = lc_step_row(s);
	if (s != LC_EXTEND && ((row && row->approval) || s == LC_COMPLETE) && !auth_can(&u->clerk, ROLE_SUPERVISOR)) {
		bool must = row && row->approval;
		snprintf(u->dlg.warn, sizeof u->dlg.warn, "%s",
			 must ? _("否定报备: a supervisor approves with their own 工号 and PIN.")
			      : _("A refusal (不予) is approved by a supervisor with their own 工号 and PIN."));
		dlg_text(u, _("Supervisor 工号"), 20, must, false, NULL);
		dlg_text(u, _("Supervisor PIN"), AUTH_PIN_MAX, must, true, NULL);
		u->dlg.approver_fields = true;
	}
	lc_info_free(&in);
}

static void open_reprint(ui *u)
{
	const char *forms[DLG_MAX_OPTS];
	size_t n = ui_case_papers(&u->cv.kase, forms, DLG_MAX_OPTS);
	char title[128];
	snprintf(title, sizeof title, "%s · %s", _("Reprint (补打)"), u->cv.kase.no);
	dlg_open(u, LC_STEP__COUNT, title, do_reprint);
	snprintf(u->dlg.warn, sizeof u->dlg.warn, "%s",
		 _("The paper is marked 补打 and the reprint is recorded in the case's timeline."));
	dlg_field *f = dlg_checks(u, _("Papers"));
	for (size_t i = 0; i < n; i++) {
		/* the paper's own title, from its template */
		bm_diags d = {0};
		slip_form *sf = slip_load_form(u->app->paths.forms, forms[i], &d);
		char o[200];
		snprintf(o, sizeof o, "%s · %s", sf ? slip_title(sf) : "?", forms[i]);
		dlg_opt(f, o, i);
		slip_free(sf);
		diags_free(&d);
	}
}

bool case_step_key(ui *u, enum action a)
{
	if (a == A_STEP_REPRINT) {
		if (u->cv.loaded)
			open_reprint(u);
		return true;
	}
	if (a == A_HANDOVER_CASE) {
		case_handover_open(u);
		return true;
	}
	if (a == A_AGENT_PAPERS) {
		if (u->cv.loaded)
			case_agent_papers(u);
		return true;
	}
	lc_step s;
	if (!ui_step_of(a, &s))
		return false;
	if (!u->cv.loaded)
		return true;
	if (a == A_STATUS) {
		ui_show_status(u, u->cv.no);
		return true;
	}
	bm_error why = {0};
	if (!lifecycle_allowed(&u->cv.kase, &u->clerk, s, &why)) {
		ui_message(u, true, _("%s: %s"), lc_step_label(s), why.msg);
		return true;
	}
	u->msg[0] = '\0';
	open_form(u, a, s);
	return true;
}

/* ---- status query (公开查询) ----------------------------------------- */
void ui_show_status(ui *u, const char *no)
{
	bm_case c;
	bm_error err = {0};
	if (case_load(u->store, no, &c, &err)) {
		ui_message(u, true, "%s", err.msg);
		return;
	}
	char *t = lifecycle_status_text(&c, ui_today(), u->cal);
	char title[128];
	char k[16];
	keymap_key_label(A_PRINT, k, sizeof k);
	snprintf(title, sizeof title, _("Status (公开查询) · %s prints it"), k);
	view_open(u, title, c.no, t, status_view_print);
	case_free(&c);
}

bool status_view_print(ui *u)
{
	if (!u->view.no[0])
		return false;
	lc_ctx x = ctx_of(u);
	char *spool = ui_spool_dir(u), *where = NULL;
	bm_error err = {0};
	bool ok = lifecycle_print(&x, u->app->paths.forms, spool, u->view.no, "status", NULL, &where, &err) == BM_OK;
	if (ok)
		ui_message(u, false, "%s", where ? where : "");
	else
		ui_message(u, true, _("The status paper was NOT printed: %s"), err.msg);
	free(where);
	free(spool);
	return ok;
}
