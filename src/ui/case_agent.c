/* case_agent.c - the case view's proxy steps (代理件): the applicant's
 * 服务意见反馈表 and the village agent's 回复, each a small form; the
 * proxy papers printed from the case (授权委托书, 反馈表 pre-filled,
 * 转报联系单); and the home's lines for agent cases not yet replied. */
#include "uipriv.h"

#include "bianmin/agent.h"
#include "bianmin/lifecycle.h"
#include "bianmin/slip.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static lc_ctx ctx_of(ui *u)
{
	return (lc_ctx){.store = u->store, .cal = u->cal, .center = u->center, .clerk = &u->clerk, .now = ui_now()};
}

static size_t choice(const ui *u, int i)
{
	return u->dlg.fl[i].ids[u->dlg.fl[i].choice];
}

static void finish(ui *u, int rc, const bm_error *err, lc_step step)
{
	if (rc) {
		snprintf(u->dlg.err, sizeof u->dlg.err, "%s", err->msg);   /* the form stays open */
		return;
	}
	dlg_close(u);
	ui_message(u, false, _("%s: done."), lc_step_label(step));
	ui_reload_case(u);
}

static void do_feedback(ui *u)
{
	char *note = dlg_value(u, 2);
	lc_ctx x = ctx_of(u);
	bm_error err = {0};
	int rc = agent_feedback(&x, u->cv.no, choice(u, 0) == 1, (int)choice(u, 1), note, &err);
	free(note);
	finish(u, rc, &err, LC_FEEDBACK);
}

static void do_reply(ui *u)
{
	char *note = dlg_value(u, 0);
	lc_ctx x = ctx_of(u);
	bm_error err = {0};
	int rc = agent_reply(&x, u->cv.no, note, &err);
	free(note);
	finish(u, rc, &err, LC_REPLY);
}

void case_agent_form(ui *u, enum action a, const char *title)
{
	dlg_field *f;
	if (a == A_STEP_FEEDBACK) {
		dlg_open(u, LC_FEEDBACK, title, do_feedback);
		snprintf(u->dlg.warn, sizeof u->dlg.warn, "%s",
			 _("所有的代理服务事项都要填写服务意见反馈表: the applicant confirms the result."));
		f = dlg_choice(u, _("Satisfied"), 0);
		dlg_opt(f, _("satisfied (满意)"), 1);
		dlg_opt(f, _("not satisfied (不满意)"), 0);
		f = dlg_choice(u, _("Rating"), 0);
		for (int k = 1; k <= 5; k++)
			dlg_opt(f, lc_rating_label(k), (size_t)k);
		dlg_text(u, _("Remark"), 200, false, false, NULL);
	} else {
		dlg_open(u, LC_REPLY, title, do_reply);
		if (u->cv.kase.agent_phone)
			snprintf(u->dlg.warn, sizeof u->dlg.warn, _("Agent %s, phone %s."), u->cv.kase.proxy_name,
				 u->cv.kase.agent_phone);
		dlg_text(u, _("Note"), 200, false, false, _("已告知申请人办理结果"));
	}
}

/* ---- the proxy papers -------------------------------------------------- */
static const char *paper_keys[3];

static void do_papers(ui *u)
{
	const char *form = paper_keys[choice(u, 0)];
	lc_ctx x = ctx_of(u);
	bm_error err = {0};
	const char *key = form;
	slip_ctx *ctx = lifecycle_case_paper(&x, &u->cv.kase, form, false, &key, &err);
	bm_diags d = {0};
	slip_form *f = ctx ? slip_load_form(u->app->paths.forms, form, &d) : NULL;
	diags_free(&d);
	bm_buf b = {0};
	bool ok = f && ui_emit_paper(u, u->cv.kase.no, form, f, ctx, &b);
	if (!ctx)
		bm_buf_printf(&b, "%s", err.msg);
	else if (!f)
		bm_buf_printf(&b, _("Paper %s not printed: its template is broken (bianmin forms check). "), form);
	slip_free(f);
	slip_ctx_free(ctx);
	dlg_close(u);
	ui_message(u, !ok, "%s", b.data ? b.data : "");
	bm_buf_free(&b);
}

void case_agent_papers(ui *u)
{
	const bm_case *c = &u->cv.kase;
	if (!c->proxy_name) {
		ui_message(u, true, _("Case %s was not brought by a proxy: it has no proxy papers."), c->no);
		return;
	}
	char title[128];
	snprintf(title, sizeof title, "%s · %s", _("Proxy papers (代理件)"), c->no);
	dlg_open(u, LC_STEP__COUNT, title, do_papers);
	dlg_field *f = dlg_choice(u, _("Paper"), 0);
	size_t n = 0;
	paper_keys[n] = agent_poa_form(c->applicant.id_type);
	dlg_opt(f, agent_poa_name(c->applicant.id_type), n++);
	paper_keys[n] = "feedback";
	dlg_opt(f, "服务意见反馈表", n++);
	if (c->proxy_is_agent && (c->kind == KIND_FORWARDED || c->item.regime == REGIME_FORWARD)) {
		paper_keys[n] = "transfer";
		dlg_opt(f, "转报联系单", n++);
	}
}

/* ---- home ---------------------------------------------------------------- */
void agent_watch_lines(ui *u, void (*line)(ui *u, enum style st, const char *text))
{
	case_summary *v;
	size_t n;
	bm_error err = {0};
	const char *owner = auth_can(&u->clerk, ROLE_SUPERVISOR) ? NULL : u->clerk.code;
	if (agent_unreplied(u->store, owner, &v, &n, &err) != BM_OK)
		return;
	for (size_t i = 0; i < n; i++) {
		char d[11], text[512];
		snprintf(text, sizeof text, _("Agent's reply (回复) pending: %s %s %s, done %s"), v[i].no,
			 v[i].applicant ? v[i].applicant : "", v[i].item_name ? v[i].item_name : "",
			 bm_day_format(v[i].due, d));
		line(u, ST_SOON, text);
	}
	case_summaries_free(v, n);
}

/* ---- figures --------------------------------------------------------------- */
void report_agent_lines(ui *u, tlines *t, int width, int year, int month)
{
	agent_figure *v, *a;
	size_t nv, na;
	bm_error err = {0};
	if (agent_figures_month(u->store, year, month, &v, &nv, &a, &na, &err) != BM_OK) {
		tl_add(t, width, 0, ST_ERROR, err.msg);
		return;
	}
	for (int by = 0; by < 2; by++) {
		agent_figure *f = by ? a : v;
		size_t n = by ? na : nv;
		tl_add(t, width, 0, ST_NORMAL, "");
		tl_add(t, width, 0, ST_HEAD, by ? _("Agent cases (代办件) by agent: brought, completed")
					       : _("Agent cases (代办件) by village: brought, completed"));
		if (!n)
			tl_add(t, width, 2, ST_DIM, "-");
		for (size_t i = 0; i < n; i++) {
			char *key = text_pad(f[i].key, 24, true);
			tl_addf(t, width, 2, ST_NORMAL, "%s %6d %6d", key, f[i].brought, f[i].completed);
			free(key);
		}
	}
	agent_figures_free(v, nv);
	agent_figures_free(a, na);
}
