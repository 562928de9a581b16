/* scr_case_steps.c - every step of a case after intake, one key each from
 * the case view (issue 6).  The key opens the form its row of the step
 * table describes (lifecycle.h: the fields, the supervisor's approval, the
 * note above them; dialog.c draws it); Enter on the last field gives the
 * values to lifecycle_take, the ONE way to take a row's step; the case is
 * reloaded, the result and any warning shown, and the step's paper printed
 * through lifecycle_print (paper_issue), the clerk told where it went.  No
 * step has code of its own here: a new step is a row. */
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
static void done(ui *u, const char *what, const lc_result *res)
{
	char due[16], line[sizeof u->msg];
	bm_day_format(res->due, due);
	int n = snprintf(line, sizeof line, _("%s: done. State: %s; due %s."), what, case_state_label(res->state),
			 res->due != BM_NO_DAY ? due : "-");
	if (res->warning[0] && n > 0 && (size_t)n < sizeof line)
		n += snprintf(line + n, sizeof line - (size_t)n, " %s", res->warning);
	bool bad = res->warning[0] != '\0';
	const char *paper = res->paper;
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

/* ---- the one submit: the form's fields into the row's values --------- */
/* which field of the row each field of the open form holds */
static int field_of[DLG_MAX_FIELDS];

static void submit(ui *u)
{
	const lc_step_def *row = lc_step_row((lc_step)u->dlg.step);
	if (!row || !row->take)
		return;
	lc_values v;
	memset(&v, 0, sizeof v);
	char *texts[DLG_MAX_FIELDS] = {0};
	int approver = approver_at(u);
	bm_clerk sup;
	bool have = false;
	for (int i = 0; i < u->dlg.n && i != approver; i++) {
		const lc_field *f = &row->fields[field_of[i]];
		dlg_field *d = &u->dlg.fl[i];
		int j = field_of[i];
		switch (f->kind) {
		case LC_F_TEXT:
		case LC_F_WHEN:
			v.text[j] = texts[i] = dlg_value(u, i);
			if (f->kind == LC_F_WHEN) {
				int days;
				bm_day to;
				if (!lc_when_parse(texts[i], &days, &to)) {
					snprintf(u->dlg.err, sizeof u->dlg.err, "%s",
						 _("Give a number of working days, or a date as YYYY-MM-DD."));
					u->dlg.focus = i;
					goto out;
				}
			}
			break;
		case LC_F_CHOICE:
			v.id[j] = d->ids[d->choice];
			break;
		case LC_F_CHECKS:
			for (size_t k = 0; k < d->n_opts && v.n_checks < sizeof v.checks / sizeof v.checks[0]; k++)
				if (d->checked[k])
					v.checks[v.n_checks++] = d->ids[k];
			if (!v.n_checks && f->required) {
				snprintf(u->dlg.err, sizeof u->dlg.err, "%s", f->empty ? _(f->empty) : _("required"));
				u->dlg.focus = i;
				goto out;
			}
			break;
		case LC_F__COUNT:
			break;
		}
	}
	if (!take_approver(u, approver, &sup, &have))
		goto out;
	/* 延期: the one who approves must be a supervisor */
	if (have && row->approval == LC_APPROVE_ALWAYS && !auth_can(&sup, ROLE_SUPERVISOR)) {
		snprintf(u->dlg.err, sizeof u->dlg.err, _("%s %s is not a supervisor."), sup.code, sup.name);
		u->dlg.focus = approver;
		goto out;
	}
	lc_ctx x = ctx_of(u);
	x.approver = have ? &sup : NULL;
	lc_result r;
	bm_error err = {0};
	if (lifecycle_take(&x, row->step, u->cv.no, &v, &r, &err)) {
		refused(u, &err);
		goto out;
	}
	done(u, lc_step_label(row->step), &r);
	if (r.clock_started) {
		char m[sizeof u->msg];
		snprintf(m, sizeof m, "%s", u->msg);
		ui_message(u, u->msg_error, _("%s The clock started today."), m);
	}
	if (r.followup_due != BM_NO_DAY) {
		char d[16], m[sizeof u->msg];
		snprintf(m, sizeof m, "%s", u->msg);
		ui_message(u, true, _("%s A follow-up is due by %s."), m, bm_day_format(r.followup_due, d));
	}
out:
	if (have)
		auth_clerk_free(&sup);
	for (int i = 0; i < DLG_MAX_FIELDS; i++)
		free(texts[i]);
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

/* ---- the forms: one per row of the step table -------------------------- */
/* What a supervisor's fields say above the form, by the row's approval. */
static const char *approval_note(lc_approval a)
{
	switch (a) {
	case LC_APPROVE_NEGATIVE: return _("否定报备: a supervisor approves with their own 工号 and PIN.");
	case LC_APPROVE_IF_REFUSED: return _("A refusal (不予) is approved by a supervisor with their own 工号 and PIN.");
	default: return NULL;       /* 延期: the row's note says it */
	}
}

static void open_form(ui *u, lc_step s)
{
	const bm_case *c = &u->cv.kase;
	const lc_step_def *row = lc_step_row(s);
	if (!row || !row->take)
		return;
	char title[128];
	snprintf(title, sizeof title, "%s · %s", lc_step_label(s), c->no);
	dlg_open(u, s, title, submit);
	if (row->note)
		row->note(c, u->dlg.warn, sizeof u->dlg.warn);
	for (size_t i = 0; i < lc_row_fields(row) && u->dlg.n < DLG_MAX_FIELDS - 2; i++) {
		const lc_field *f = &row->fields[i];
		if (f->states && !(f->states & LC_IN(c->state)))
			continue;
		field_of[u->dlg.n] = (int)i;
		char buf[128];
		lc_option o[DLG_MAX_OPTS];
		size_t n = 0;
		dlg_field *d = NULL;
		switch (f->kind) {
		case LC_F_TEXT:
		case LC_F_WHEN:
			dlg_text(u, _(f->label), f->max, f->required, false, lc_field_init(f, c, &u->clerk, buf, sizeof buf));
			break;
		case LC_F_CHOICE:
		case LC_F_CHECKS:
			d = f->kind == LC_F_CHOICE ? dlg_choice(u, _(f->label), 0) : dlg_checks(u, _(f->label));
			n = lc_field_options(f, c, o, DLG_MAX_OPTS);
			for (size_t k = 0; k < n; k++)
				dlg_opt(d, o[k].label, o[k].id);
			if (f->kind == LC_F_CHECKS && d->n_opts == 1)
				d->checked[0] = true;
			break;
		case LC_F__COUNT:
			break;
		}
	}
	/* the supervisor's 工号 and PIN at the counter: always for 延期; for
	 * 否定报备 and a refused 办结 unless the clerk is a supervisor */
	bool sup = auth_can(&u->clerk, ROLE_SUPERVISOR);
	if (row->approval == LC_APPROVE_ALWAYS || (row->approval != LC_APPROVE_NONE && !sup)) {
		bool must = row->approval != LC_APPROVE_IF_REFUSED;
		const char *why = approval_note(row->approval);
		if (why)
			snprintf(u->dlg.warn, sizeof u->dlg.warn, "%s", why);
		dlg_text(u, _("Supervisor 工号"), 20, must, false, NULL);
		dlg_text(u, _("Supervisor PIN"), AUTH_PIN_MAX, must, true, NULL);
		u->dlg.approver_fields = true;
	}
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
	open_form(u, s);
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
