/* case_agent.c - the case view's proxy papers (代理件: 授权委托书, 反馈表
 * pre-filled, 转报联系单, through paper_issue); and the home's lines for
 * agent cases not yet replied.  The proxy steps (服务意见反馈表, the
 * agent's 回复) are rows of the step table, their forms the generic ones
 * of scr_case_steps.c. */
#include "uipriv.h"

#include "bianmin/agent.h"
#include "bianmin/lifecycle.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static size_t choice(const ui *u, int i)
{
	return u->dlg.fl[i].ids[u->dlg.fl[i].choice];
}

/* ---- the proxy papers -------------------------------------------------- */
static const char *paper_keys[3];

static void do_papers(ui *u)
{
	/* the one pipeline (paper.h): as of the step that made the paper,
	 * recorded as a print event */
	const char *form = paper_keys[choice(u, 0)];
	bm_buf b = {0};
	bool ok = ui_case_paper(u, u->cv.kase.no, form, &b);
	dlg_close(u);
	ui_message(u, !ok, "%s", b.data ? b.data : "");
	bm_buf_free(&b);
	ui_reload_case(u);
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
