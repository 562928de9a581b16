/* scr_agents.c - the village agents (代办员) for supervisors (F8 from
 * home): the register of agents with the month's cases, replies and
 * subsidy (agent_register_month, as `bianmin agent register`); add an
 * agent, disable one, print the month's register, export it as CSV for
 * Excel/WPS into the spool folder; Left/Right another month. */
#include "uipriv.h"

#include "bianmin/agent.h"
#include "bianmin/print.h"
#include "bianmin/slip.h"

#include <curses.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct agents_state {
	int y, m;
	agent_register reg;
	bool loaded;
	size_t sel, top;
};

static void load(ui *u)
{
	struct agents_state *s = u->agents;
	if (s->loaded)
		agent_register_free(&s->reg);
	s->loaded = false;
	bm_error err = {0};
	if (agent_register_month(u->store, u->center, s->y, s->m, NULL, &s->reg, &err) != BM_OK) {
		ui_message(u, true, "%s", err.msg);
		return;
	}
	s->loaded = true;
	if (s->sel >= s->reg.n_agents)
		s->sel = s->reg.n_agents ? s->reg.n_agents - 1 : 0;
}

void agents_screen_free(ui *u)
{
	if (!u->agents)
		return;
	if (u->agents->loaded)
		agent_register_free(&u->agents->reg);
	free(u->agents);
	u->agents = NULL;
}

void agents_open(ui *u)
{
	if (!auth_can(&u->clerk, ROLE_SUPERVISOR)) {
		ui_message(u, true, "%s", _("Only a supervisor keeps the register of agents."));
		return;
	}
	agents_screen_free(u);
	u->agents = bm_xcalloc(1, sizeof *u->agents);
	int d;
	bm_day_to_ymd(ui_today(), &u->agents->y, &u->agents->m, &d);
	load(u);
	u->msg[0] = '\0';
	ui_goto(u, SCR_AGENTS);
}

void agents_draw(ui *u)
{
	struct agents_state *s = u->agents;
	char title[128];
	snprintf(title, sizeof title, _("Village agents (代办员) · %04d-%02d"), s->y, s->m);
	draw_title(u, title);
	if (!s->loaded)
		return;
	const agent_register *r = &s->reg;
	char money[24], total[24], line[512];
	snprintf(line, sizeof line, _("Subsidy %s yuan a case (%s) · counted %d · total %s yuan · brought %d"),
		 bm_money_format(r->rate_fen, money), r->count_accepted ? _("accepted cases") : _("completed cases"),
		 r->counted, bm_money_format(r->subsidy_fen, total), r->brought);
	int y = UI_TOP + 1;
	draw_text(y, 2, COLS - 4, line, ST_NORMAL);
	y += 2;
	/* columns: code, agent, village, phone (from 100 columns), active,
	 * brought, done, replied, counted, subsidy */
	static const int wd[] = {5, 8, 10, 12, 6, 7, 5, 7, 7, 9};
	bool phone = COLS >= 100;
	const char *head[] = {_("Code"), _("Agent"), _("Village"), _("Phone"), _("Active"), _("Brought"),
			      _("Done"), _("Replied"), _("Counted"), _("Subsidy")};
	int x = 2;
	for (int c = 0; c < 10; c++) {
		if (c == 3 && !phone)
			continue;
		if (c >= 5)
			draw_right(y, x, wd[c], head[c], ST_HEAD);
		else
			draw_text(y, x, wd[c], head[c], ST_HEAD);
		x += wd[c] + 1;
	}
	y++;
	size_t rows = (size_t)(UI_BOTTOM - y + 1);
	list_follow(s->sel, &s->top, rows ? rows : 1);
	for (size_t i = 0; i < rows && s->top + i < r->n_agents; i++) {
		const agent_month *a = &r->agents[s->top + i];
		bool sel = s->top + i == s->sel;
		enum style st = sel ? ST_SELECT : a->agent.active ? ST_NORMAL : ST_DIM;
		char n[4][16], sub[24];
		snprintf(n[0], 16, "%d", a->brought);
		snprintf(n[1], 16, "%d", a->completed);
		snprintf(n[2], 16, "%d", a->replied);
		snprintf(n[3], 16, "%d", a->counted);
		const char *cells[] = {a->agent.code, a->agent.name, a->agent.village, a->agent.phone ? a->agent.phone : "-",
				       a->agent.active ? _("yes") : _("no"), n[0], n[1], n[2], n[3],
				       bm_money_format(a->subsidy_fen, sub)};
		x = 2;
		draw_fill(y + (int)i, 0, COLS, st);
		for (int c = 0; c < 10; c++) {
			if (c == 3 && !phone)
				continue;
			if (c >= 5)
				draw_right(y + (int)i, x, wd[c], cells[c], st);
			else
				draw_text(y + (int)i, x, wd[c], cells[c], st);
			x += wd[c] + 1;
		}
	}
	if (!r->n_agents)
		draw_text(y, 2, COLS - 4, _("No village agent yet: a adds one."), ST_DIM);
}

/* ---- add, disable ------------------------------------------------------ */
static void do_add(ui *u)
{
	char *village = dlg_value(u, 0), *name = dlg_value(u, 1), *id = dlg_value(u, 2), *phone = dlg_value(u, 3);
	bm_error err = {0};
	char code[AGENT_CODE_MAX];
	if (agent_add(u->store, &u->clerk, village, name, id, phone, BM_NO_DAY, ui_now(), code, &err)) {
		snprintf(u->dlg.err, sizeof u->dlg.err, "%s", err.msg);
	} else {
		dlg_close(u);
		ui_message(u, false, _("Agent %s %s added."), code, name);
		load(u);
	}
	free(village);
	free(name);
	free(id);
	free(phone);
}

static void do_disable(ui *u)
{
	struct agents_state *s = u->agents;
	if (!s->loaded || s->sel >= s->reg.n_agents)
		return;
	const bm_agent *a = &s->reg.agents[s->sel].agent;
	bm_error err = {0};
	char code[AGENT_CODE_MAX];
	snprintf(code, sizeof code, "%s", a->code);
	if (agent_disable(u->store, &u->clerk, code, BM_NO_DAY, NULL, ui_now(), &err))
		ui_message(u, true, "%s", err.msg);
	else
		ui_message(u, false, _("Agent %s is disabled from today."), code);
	load(u);
}

/* ---- print, CSV ------------------------------------------------------------ */
static void print_register(ui *u)
{
	struct agents_state *s = u->agents;
	slip_ctx *ctx = agent_register_context(&s->reg, u->center, ui_now());
	char no[32];
	snprintf(no, sizeof no, "agents-%04d-%02d", s->y, s->m);
	bm_buf msg = {0};
	bool ok = ui_emit_paper(u, no, "agent_register", ctx, &msg);
	ui_message(u, !ok, "%s", msg.data ? msg.data : "");
	bm_buf_free(&msg);
	slip_ctx_free(ctx);
}

static void export_csv(ui *u)
{
	struct agents_state *s = u->agents;
	char *dir = ui_spool_dir(u);
	char *path = bm_xasprintf("%s/agents-%04d-%02d.csv", dir, s->y, s->m);
	char *csv = agent_register_csv(&s->reg);
	char *tmp = bm_xasprintf("%s.tmp", path);
	mkdir(dir, 0700);   /* the spool folder may not exist yet */
	FILE *fp = fopen(tmp, "wb");
	bool ok = fp && fwrite(csv, 1, strlen(csv), fp) == strlen(csv);
	if (fp)
		ok = fclose(fp) == 0 && ok;
	ok = ok && rename(tmp, path) == 0;   /* whole or nothing */
	if (ok)
		ui_message(u, false, _("The month's register is in %s (CSV for Excel and WPS)."), path);
	else
		ui_message(u, true, _("The CSV could not be written to %s: %s"), path, strerror(errno));
	if (!ok)
		remove(tmp);
	free(tmp);
	free(csv);
	free(path);
	free(dir);
}

void agents_key(ui *u, ui_key k)
{
	struct agents_state *s = u->agents;
	enum action a = keymap_action(CTX_AGENTS, k, false);
	size_t n = s->loaded ? s->reg.n_agents : 0;
	if (list_move(a, &s->sel, n, (size_t)(UI_BOTTOM - UI_TOP - 4)))
		return;
	switch (a) {
	case A_BACK:
		agents_screen_free(u);
		u->msg[0] = '\0';
		ui_goto(u, SCR_HOME);
		return;
	case A_PREV_MONTH:
	case A_NEXT_MONTH:
		s->m += a == A_NEXT_MONTH ? 1 : -1;
		if (s->m < 1) {
			s->m = 12;
			s->y--;
		} else if (s->m > 12) {
			s->m = 1;
			s->y++;
		}
		s->sel = s->top = 0;
		load(u);
		return;
	case A_AGENT_ADD:
		dlg_open(u, 0, _("Add a village agent (代办员)"), do_add);
		dlg_text(u, _("Village"), 40, true, false, NULL);
		dlg_text(u, _("Name"), 40, true, false, NULL);
		dlg_text(u, _("ID number"), 18, true, false, NULL);
		dlg_text(u, _("Phone"), 20, false, false, NULL);
		return;
	case A_AGENT_DISABLE:
		if (n && s->reg.agents[s->sel].agent.active) {
			char q[256];
			snprintf(q, sizeof q, _("Disable agent %s %s from today? (y/n)"), s->reg.agents[s->sel].agent.code,
				 s->reg.agents[s->sel].agent.name);
			ui_ask(u, q, do_disable);
		}
		return;
	case A_PRINT:
		if (s->loaded)
			print_register(u);
		return;
	case A_AGENT_CSV:
		if (s->loaded)
			export_csv(u);
		return;
	default:
		return;
	}
}
