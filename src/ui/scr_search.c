/* scr_search.c - find a case by case number, ID number, name or phone
 * (any part); the list follows what is typed; Enter opens the case. */
#include "uipriv.h"

#include "bianmin/lifecycle.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SEARCH_LIMIT 500

static void run(ui *u)
{
	case_summaries_free(u->search.rows, u->search.n_rows);
	u->search.rows = NULL;
	u->search.n_rows = 0;
	u->search.sel = u->search.top = 0;
	char *q = field_text(&u->search.q);
	if (*q) {
		case_filter f;
		memset(&f, 0, sizeof f);
		f.query = q;
		f.today = ui_today();
		f.limit = SEARCH_LIMIT;
		bm_error err = {0};
		if (case_list(u->store, &f, &u->search.rows, &u->search.n_rows, &err) != BM_OK)
			ui_message(u, true, "%s", err.msg);
	}
	free(q);
}

void search_reset(ui *u)
{
	field_clear(&u->search.q);
	run(u);
}

void search_draw(ui *u)
{
	draw_title(u, _("Search"));
	int y = UI_TOP + 1;
	draw_text(y, 2, 10, _("Find"), ST_HEAD);
	draw_text(y + 1, 13, COLS - 15, _("case number, ID number, name or phone (any part)"), ST_DIM);
	char line[128];
	snprintf(line, sizeof line, _("%zu found"), u->search.n_rows);
	draw_right(y, COLS - 18, 16, line, ST_DIM);
	/* the ID and kind columns only where there is room for them */
	int wno = 16, wname = COLS >= 120 ? 16 : 8, wid = COLS >= 110 ? 18 : 0, wkind = COLS >= 130 ? 18 : 0;
	int wstate = COLS >= 120 ? 22 : 12, wdue = 10;
	int nsep = 4 + (wid > 0) + (wkind > 0);
	int witem = COLS - 2 - wno - wname - wid - wkind - wstate - wdue - nsep;
	int ws[7] = {wno, wname, wid, witem, wkind, wstate, wdue}, xs[7];
	xs[0] = 1;
	for (int i = 1; i < 7; i++)
		xs[i] = xs[i - 1] + ws[i - 1] + (ws[i - 1] > 0);
	static const char *const heads[7] = {N_("Case no."), N_("Applicant"), N_("ID number"), N_("Item"),
					     N_("Kind"), N_("State"), N_("Due")};
	int hy = y + 3;
	for (int i = 0; i < 6; i++)
		draw_text(hy, xs[i], ws[i], _(heads[i]), ST_HEAD);
	draw_right(hy, xs[6], ws[6], _(heads[6]), ST_HEAD);
	size_t rows = (size_t)(UI_BOTTOM - hy);
	list_follow(u->search.sel, &u->search.top, rows);
	for (size_t r = 0; r < rows && u->search.top + r < u->search.n_rows; r++) {
		size_t i = u->search.top + r;
		const case_summary *s = &u->search.rows[i];
		int yy = hy + 1 + (int)r;
		bool sel = i == u->search.sel;
		enum style st = sel ? ST_SELECT : ST_NORMAL;
		if (sel)
			draw_fill(yy, 0, COLS, ST_SELECT);
		char due[16];
		draw_text(yy, xs[0], ws[0], s->no, st);
		draw_text(yy, xs[1], ws[1], s->applicant, st);
		draw_text(yy, xs[2], ws[2], s->id_no, st);
		draw_text(yy, xs[3], ws[3], s->item_name, st);
		draw_text(yy, xs[4], ws[4], kind_label(s->kind), st);
		draw_text(yy, xs[5], ws[5], case_state_label(s->state), st);
		draw_right(yy, xs[6], ws[6], bm_day_format(s->due, due), st);
	}
	field_draw(&u->search.q, y, 13, COLS - 13 - 20, true);
}

/* 公开查询: the selected case, or the case(s) of a typed case or ID number. */
static void status_from_search(ui *u)
{
	if (u->search.n_rows) {
		ui_show_status(u, u->search.rows[u->search.sel].no);
		return;
	}
	char *q = field_text(&u->search.q);
	char **nos = NULL;
	size_t n = 0;
	bm_error err = {0};
	if (lifecycle_find(u->store, q, &nos, &n, &err) != BM_OK)
		ui_message(u, true, "%s", err.msg);
	else
		ui_show_status(u, nos[0]);
	for (size_t i = 0; i < n; i++)
		free(nos[i]);
	free(nos);
	free(q);
}

void search_key(ui *u, ui_key k)
{
	enum action a = keymap_action(CTX_SEARCH, k, true);
	size_t page = (size_t)(UI_BOTTOM - UI_TOP - 5);
	if (list_move(a, &u->search.sel, u->search.n_rows, page))
		return;
	switch (a) {
	case A_OPEN:
		if (u->search.n_rows)
			ui_open_case(u, u->search.rows[u->search.sel].no, SCR_SEARCH);
		return;
	case A_BACK:
		ui_goto(u, SCR_HOME);
		return;
	case A_STATUS:
		status_from_search(u);
		return;
	default:
		break;
	}
	if (field_key(&u->search.q, k))
		run(u);
}
