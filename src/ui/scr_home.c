/* scr_home.c - the clerk's open cases, soonest due first, with working
 * days left (overdue red, due soon yellow, waiting-for-materials marked),
 * and today's figures.  Uses the whole terminal: more rows on a tall one,
 * wider columns and more of them on a wide one. */
#include "uipriv.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void home_reload(ui *u)
{
	case_summaries_free(u->home.rows, u->home.n_rows);
	u->home.rows = NULL;
	u->home.n_rows = 0;
	bm_error err = {0};
	case_filter f;
	memset(&f, 0, sizeof f);
	f.clerk = u->clerk.code;
	f.open_only = true;
	f.today = ui_today();
	if (case_list(u->store, &f, &u->home.rows, &u->home.n_rows, &err) != BM_OK)
		ui_message(u, true, "%s", err.msg);
	memset(&u->home.today, 0, sizeof u->home.today);
	if (case_counts_day(u->store, ui_today(), u->clerk.code, &u->home.today, &err) != BM_OK)
		ui_message(u, true, "%s", err.msg);
	home_watch_reload(u);
	free(u->home.marks);
	u->home.marks = bm_xcalloc(u->home.n_rows + 1, sizeof *u->home.marks);
	if (u->home.sel >= u->home.n_rows)
		u->home.sel = u->home.n_rows ? u->home.n_rows - 1 : 0;
	u->home.dirty = false;
}

/* Columns, left to right; a column with `min_cols` appears only when the
 * terminal is at least that wide.  Item takes what is left. */
enum col { COL_NO, COL_NAME, COL_ITEM, COL_WINDOW, COL_PHONE, COL_KIND, COL_STATE, COL_DUE, COL_DAYS, COL__N };

typedef struct colspec {
	const char *head;   /* msgid */
	int narrow, wide;   /* width at 80 columns, and at >= 160 */
	int min_cols;       /* shown from this terminal width on */
	bool right;
} colspec;

static const colspec cols[COL__N] = {
	[COL_NO] = {N_("Case no."), 16, 16, 0, false},
	[COL_NAME] = {N_("Applicant"), 10, 16, 0, false},
	[COL_ITEM] = {N_("Item"), 0, 0, 0, false},
	[COL_WINDOW] = {N_("Window"), 10, 14, 120, false},
	[COL_PHONE] = {N_("Phone"), 11, 13, 150, false},
	[COL_KIND] = {N_("Kind"), 12, 14, 100, false},
	[COL_STATE] = {N_("State"), 14, 22, 0, false},
	[COL_DUE] = {N_("Due"), 5, 10, 0, false},
	[COL_DAYS] = {N_("Days left"), 10, 12, 0, true},
};

static void layout(int *x, int *w)
{
	int total = 0, n = 0;
	for (int c = 0; c < COL__N; c++) {
		w[c] = 0;
		if (c == COL_ITEM || COLS < cols[c].min_cols)
			continue;
		/* grow linearly from 80 to 160 columns */
		int extra = COLS >= 160 ? 80 : COLS - 80;
		w[c] = cols[c].narrow + (cols[c].wide - cols[c].narrow) * extra / 80;
		int head = text_width(_(cols[c].head));   /* a translated heading is never clipped */
		if (w[c] < head)
			w[c] = head;
		total += w[c];
		n++;
	}
	w[COL_ITEM] = COLS - 2 - total - n;   /* n separators, 1 margin each side */
	if (w[COL_ITEM] > 60 && COLS < 160)
		w[COL_ITEM] = 60;
	int pos = 1;
	for (int c = 0; c < COL__N; c++) {
		x[c] = pos;
		if (w[c] > 0)
			pos += w[c] + 1;
	}
}

static void cell(int y, int x, int w, const char *s, bool right, enum style st)
{
	if (w <= 0)
		return;
	if (right)
		draw_right(y, x, w, s, st);
	else
		draw_text(y, x, w, s, st);
}

void home_draw(ui *u)
{
	draw_title(u, _("Open cases"));
	char fee[24], line[512];
	bm_money_format(u->home.today.fees_fen, fee);
	snprintf(line, sizeof line,
		 ngettext("Today: received %d (returned %d) · completed %d · fees %s yuan on %d receipt",
			  "Today: received %d (returned %d) · completed %d · fees %s yuan on %d receipts",
			  (unsigned long)u->home.today.receipts),
		 u->home.today.received, u->home.today.returned, u->home.today.completed, fee, u->home.today.receipts);
	draw_text(UI_TOP, 1, COLS - 2, line, ST_NORMAL);

	int x[COL__N], w[COL__N];
	layout(x, w);
	if (calendar_next_year_missing(u->cal, ui_today())) {
		/* from 1 November: next year's 放假安排 is not in the file yet */
		int y, m, d;
		bm_day_to_ymd(ui_today(), &y, &m, &d);
		char banner[640];
		snprintf(banner, sizeof banner, _("%d holidays are not in the holiday file: due dates in %d are provisional (暂定) · %s"),
			 y + 1, y + 1, line);
		draw_text(UI_TOP, 1, COLS - 2, banner, ST_ERROR);
	}
	int list_y = UI_TOP + 1 + home_watch_draw(u, UI_TOP + 1);
	int head_y = list_y + 1;
	if (u->home.mode == HOME_ALL_OVERDUE)
		snprintf(line, sizeof line, _("Every overdue case of the center: %zu"), u->home.n_rows);
	else if (u->home.mode == HOME_WAITING_ON && !(u->clerk.window && u->clerk.window[0]))
		snprintf(line, sizeof line, "%s", _("You have no window, so no joint cases wait on your opinion."));
	else if (u->home.mode == HOME_WAITING_ON)
		snprintf(line, sizeof line, _("Joint cases waiting on window %s: %zu"),
			 u->clerk.window ? u->clerk.window : "-", u->home.n_rows);
	else
		snprintf(line, sizeof line, _("My open cases: %zu"), u->home.n_rows);
	draw_text(list_y, 1, COLS - 2, line, ST_HEAD);
	for (int c = 0; c < COL__N; c++)
		cell(head_y, x[c], w[c], _(cols[c].head), cols[c].right, ST_HEAD);

	int first = head_y + 1;
	size_t rows = (size_t)(UI_BOTTOM - first + 1);
	if (u->home.n_rows == 0) {
		draw_text(first + 1, 3, COLS - 6,
			  u->home.mode == HOME_MINE ? _("No open cases. F2 starts a new intake.") : _("None."), ST_DIM);
		return;
	}
	list_follow(u->home.sel, &u->home.top, rows);
	for (size_t i = 0; i < rows && u->home.top + i < u->home.n_rows; i++) {
		size_t r = u->home.top + i;
		const case_summary *s = &u->home.rows[r];
		int y = first + (int)i;
		char days[32], due[16];
		enum style st;
		ui_days_left(u, s->due, s->state, days, sizeof days, &st);
		bm_day_format(s->due, due);
		const char *due_s = due;
		if (w[COL_DUE] < 10 && s->due != BM_NO_DAY)
			due_s = due + 5;    /* MM-DD */
		bool sel = r == u->home.sel;
		enum style row = sel ? ST_SELECT : ST_NORMAL;
		if (sel)
			draw_fill(y, 0, COLS, ST_SELECT);
		if (u->home.marks && u->home.marks[r]) {
			char marked[CASE_NO_MAX + 4];
			snprintf(marked, sizeof marked, "*%s", s->no);
			cell(y, x[COL_NO] - 1, w[COL_NO] + 1, marked, false, sel ? row : ST_SOON);
		} else {
			cell(y, x[COL_NO], w[COL_NO], s->no, false, row);
		}
		cell(y, x[COL_NAME], w[COL_NAME], s->applicant, false, row);
		cell(y, x[COL_ITEM], w[COL_ITEM], s->item_name, false, row);
		cell(y, x[COL_WINDOW], w[COL_WINDOW], s->window, false, row);
		cell(y, x[COL_PHONE], w[COL_PHONE], s->phone, false, row);
		cell(y, x[COL_KIND], w[COL_KIND], kind_label(s->kind), false, row);
		cell(y, x[COL_STATE], w[COL_STATE], case_state_label(s->state), false,
		     sel ? row : (s->state == CASE_WAITING_MATERIALS ? ST_WAITING : ST_NORMAL));
		/* overdue stays visible on the selected row: reversed red (bold
		 * and underlined in monochrome) */
		enum style due_st = st == ST_WAITING ? ST_NORMAL : st;
		cell(y, x[COL_DUE], w[COL_DUE], due_s, false, sel ? style_selected(due_st) : due_st);
		cell(y, x[COL_DAYS], w[COL_DAYS], days, true, sel ? style_selected(st) : st);
	}
	/* the terminal's cursor on the selected row, for screen readers */
	ui_set_cursor(first + (int)(u->home.sel - u->home.top), 0);
	if (u->home.n_rows > rows) {
		snprintf(line, sizeof line, " %zu-%zu / %zu ", u->home.top + 1,
			 u->home.top + rows < u->home.n_rows ? u->home.top + rows : u->home.n_rows, u->home.n_rows);
		draw_right(list_y, COLS - 21, 20, line, ST_DIM);
	}
}

static void quit_now(ui *u)
{
	u->quit = true;
}

void home_key(ui *u, ui_key k)
{
	enum action a = keymap_action(CTX_HOME, k, false);
	size_t page = (size_t)(UI_BOTTOM - UI_TOP - 2);
	if (list_move(a, &u->home.sel, u->home.n_rows, page))
		return;
	if (home_watch_key(u, a))
		return;
	switch (a) {
	case A_NEW:
		intake_start(u);
		break;
	case A_SEARCH:
		u->search.sel = u->search.top = 0;
		search_reset(u);
		ui_goto(u, SCR_SEARCH);
		break;
	case A_OPEN:
		if (u->home.n_rows)
			ui_open_case(u, u->home.rows[u->home.sel].no, SCR_HOME);
		break;
	case A_AGENTS:
		agents_open(u);
		return;
	case A_FIGURES:
		report_open(u);
		break;
	case A_BOOKS:
		books_open(u);
		break;
	case A_CHANGE_PIN:
		pin_change_open(u);
		break;
	case A_REFRESH:
		home_reload(u);
		ui_message(u, false, "%s", _("Reloaded."));
		break;
	case A_LOGOUT:
		auth_clerk_free(&u->clerk);
		u->logged_in = false;
		u->home.mode = HOME_MINE;
		u->login.focus = 0;
		field_clear(&u->login.code);
		field_clear(&u->login.pin);
		search_reset(u);   /* the next clerk must not see this one's search */
		u->msg[0] = '\0';
		ui_goto(u, SCR_LOGIN);
		break;
	case A_QUIT:
		ui_ask(u, _("Quit bianmin? (y/n)"), quit_now);
		break;
	default:
		break;
	}
}
