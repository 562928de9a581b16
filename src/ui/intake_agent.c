/* intake_agent.c - a case brought by a proxy at the counter (代理件): on
 * the applicant step F6 picks a registered village agent (代办员) by
 * name, pinyin initials or village and fills the proxy fields from the
 * register; typing a proxy by hand is a private proxy.  F7 prints a blank
 * 授权委托书 to sign.  At the item step an item whose catalog says
 * proxy: false refuses a proxy; otherwise the case takes the item with
 * the 授权委托书 as its last material.  After acceptance, an agent's case
 * for an upper office prints the 转报联系单. */
#include "uipriv.h"

#include "bianmin/agent.h"
#include "bianmin/lifecycle.h"
#include "bianmin/slip.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct agent_pick {
	bool open;
	field q;
	bm_agent *all; size_t n_all;
	size_t *hits; size_t n_hits;
	size_t sel, top;
	char label[160];            /* the picked agent: "A001 · 青山村 · 138..." */
};

void intake_agent_free(intake_state *in)
{
	struct agent_pick *p = in->pick;
	if (p) {
		field_free(&p->q);
		agents_free(p->all, p->n_all);
		free(p->hits);
		free(p);
	}
	if (in->proxy_item) {
		agent_proxy_item_free(in->proxy_item);
		free(in->proxy_item);
	}
	in->pick = NULL;
	in->proxy_item = NULL;
}

static void refilter(struct agent_pick *p)
{
	char *q = field_text(&p->q);
	free(p->hits);
	p->hits = bm_xcalloc(p->n_all ? p->n_all : 1, sizeof *p->hits);
	p->n_hits = 0;
	for (size_t i = 0; i < p->n_all; i++)
		if (agent_matches(&p->all[i], q))
			p->hits[p->n_hits++] = i;
	free(q);
	p->sel = p->top = 0;
}

static void open_picker(ui *u)
{
	intake_state *in = &u->in;
	if (!in->pick) {
		in->pick = bm_xcalloc(1, sizeof *in->pick);
		field_init(&in->pick->q, 20, false);
	}
	struct agent_pick *p = in->pick;
	agents_free(p->all, p->n_all);
	p->all = NULL;
	p->n_all = 0;
	bm_error err = {0};
	if (agent_list(u->store, true, &p->all, &p->n_all, &err)) {
		ui_message(u, true, "%s", err.msg);
		return;
	}
	if (!p->n_all) {
		ui_message(u, true, "%s", _("No village agent is registered yet: a supervisor adds them (Agents, on the home screen)."));
		return;
	}
	field_clear(&p->q);
	refilter(p);
	p->open = true;
	u->msg[0] = '\0';
}

static void choose(ui *u)
{
	intake_state *in = &u->in;
	struct agent_pick *p = in->pick;
	if (!p->n_hits) {
		ui_message(u, true, "%s", _("No agent matches: change the search."));
		return;
	}
	const bm_agent *a = &p->all[p->hits[p->sel]];
	field_set(&in->f[AF_PROXY_NAME], a->name);
	field_set(&in->f[AF_PROXY_ID], a->id_no);
	snprintf(in->agent_code, sizeof in->agent_code, "%s", a->code);
	snprintf(p->label, sizeof p->label, "%s · %s%s%s", a->code, a->village, a->phone ? " · " : "",
		 a->phone ? a->phone : "");
	in->proxy_msg[0] = '\0';
	p->open = false;
	ui_message(u, false, _("Brought by village agent %s (%s, %s)."), a->name, a->code, a->village);
}

static void print_blank(ui *u)
{
	intake_state *in = &u->in;
	/* the unit form for an organisation (统一社会信用代码) */
	const char *form = agent_poa_form(in->id_ok ? in->id_type : IDTYPE_RESIDENT);
	slip_ctx *ctx = agent_blank_context(u->center, form, ui_now());
	bm_buf msg = {0};
	bool ok = ui_emit_paper(u, form, form, ctx, &msg);
	ui_message(u, !ok, "%s", msg.data ? msg.data : "");
	bm_buf_free(&msg);
	slip_ctx_free(ctx);
}

bool intake_agent_key(ui *u, ui_key k)
{
	intake_state *in = &u->in;
	if (in->step != STEP_APPLICANT)
		return false;
	struct agent_pick *p = in->pick;
	enum action a = keymap_action(CTX_APPLICANT, k, true);
	if (p && p->open) {
		size_t page = (size_t)(UI_BOTTOM - UI_TOP - 8);
		if (a == A_BACK)
			p->open = false;
		else if (a == A_NEXT)
			choose(u);
		else if (!list_move(a, &p->sel, p->n_hits, page) && field_key(&p->q, k))
			refilter(p);
		return true;
	}
	if (a == A_PICK_AGENT) {
		open_picker(u);
		return true;
	}
	if (a == A_BLANK_POA) {
		print_blank(u);
		return true;
	}
	return false;
}

void intake_agent_typed(ui *u)
{
	/* a proxy typed by hand is a private proxy, not the agent picked */
	u->in.agent_code[0] = '\0';
}

void intake_agent_hint(ui *u, int y, int x, int w)
{
	intake_state *in = &u->in;
	if (w < 8)
		return;
	char key[32], line[200];
	if (in->agent_code[0] && in->pick) {
		snprintf(line, sizeof line, _("代办员 %s"), in->pick->label);
		draw_clip(y, x, w, line, ST_OK);
	} else {
		keymap_key_label(A_PICK_AGENT, key, sizeof key);
		snprintf(line, sizeof line, _("%s: a village agent"), key);
		draw_clip(y, x, w, line, ST_DIM);
	}
}

void intake_agent_draw(ui *u)
{
	struct agent_pick *p = u->in.pick;
	if (!p || !p->open)
		return;
	int y0 = UI_TOP + 2, x = 4, w = COLS - 8;
	int rows = UI_BOTTOM - y0 - 4;
	for (int y = y0; y <= UI_BOTTOM; y++)
		draw_fill(y, 0, COLS, ST_NORMAL);
	draw_text(y0, x, w, _("Brought by a village agent (代办员)"), ST_HEAD);
	draw_text(y0 + 1, x, w, _("Type a name, pinyin initials or village; Enter picks, Esc closes."), ST_DIM);
	draw_text(y0 + 2, x, 8, _("Find"), ST_NORMAL);
	char head[200];
	snprintf(head, sizeof head, "%-6s %s", _("Code"), _("Agent · village · phone"));
	draw_text(y0 + 4, x, w, head, ST_HEAD);
	list_follow(p->sel, &p->top, (size_t)(rows > 1 ? rows : 1));
	for (int r = 0; r < rows && p->top + (size_t)r < p->n_hits; r++) {
		const bm_agent *a = &p->all[p->hits[p->top + (size_t)r]];
		char line[300];
		snprintf(line, sizeof line, "%-6s %s · %s · %s", a->code, a->name, a->village, a->phone ? a->phone : "-");
		draw_text(y0 + 5 + r, x, w, line, p->top + (size_t)r == p->sel ? ST_SELECT : ST_NORMAL);
	}
	if (!p->n_hits)
		draw_text(y0 + 5, x, w, _("No agent matches."), ST_DIM);
	field_draw(&p->q, y0 + 2, x + 9, 24, true);
}

bool intake_agent_item(ui *u, const bm_item **it)
{
	intake_state *in = &u->in;
	bool proxy = in->agent_code[0] || !field_empty(&in->f[AF_PROXY_NAME]);
	if (!proxy)
		return true;
	bm_error why = {0};
	if (!agent_item_allows_proxy(*it, &why)) {
		ui_message(u, true, "%s", why.msg);
		return false;
	}
	/* the same item, and the same form of 委托书 (the applicant's ID type) */
	if (in->proxy_item && in->proxy_base == *it &&
	    strcmp(in->proxy_item->materials[in->proxy_item->n_materials - 1].name, agent_poa_name(in->id_type)) == 0) {
		*it = in->proxy_item;
		return true;
	}
	/* a new proxy item: a new address, so the materials are set anew */
	bm_item *fresh = bm_xcalloc(1, sizeof *fresh);
	agent_proxy_item(*it, in->id_type, fresh);
	if (in->proxy_item) {
		if (in->item == in->proxy_item)
			in->item = NULL;
		agent_proxy_item_free(in->proxy_item);
		free(in->proxy_item);
	}
	in->proxy_item = fresh;
	in->proxy_base = *it;
	*it = fresh;
	return true;
}

void intake_agent_papers(ui *u, const char *no, char *msg, size_t len)
{
	bm_case c;
	bm_error err = {0};
	if (case_load(u->store, no, &c, &err) != BM_OK)
		return;
	/* 转报: an agent's case for an office above the center; through the
	 * one pipeline (paper_issue), so its print is an event of the case */
	if (c.proxy_is_agent && (c.kind == KIND_FORWARDED || c.item.regime == REGIME_FORWARD)) {
		bm_buf b = {0};
		bm_buf_puts(&b, msg);
		ui_case_paper(u, c.no, "transfer", &b);
		snprintf(msg, len, "%s", b.data ? b.data : "");
		bm_buf_free(&b);
	}
	case_free(&c);
}
