/* scr_report.c - the figures (F7 from home).  (a) 日结: today's receipts
 * of the logged-in clerk, voided ones (作废) marked and not in the total,
 * and a key to close the day and print the 日结单 (ledger_day_close, once
 * per day and clerk, as `report day --close --print`).  (b) For
 * supervisors and admins: a month's figures by window
 * (lifecycle_report_month, as `report month`); for a clerk, their own
 * month (clerk_month.h); Left/Right another month, x saves what is shown
 * as CSV in the spool folder. */
#include "uipriv.h"

#include "bianmin/clerk_month.h"
#include "bianmin/ledger.h"
#include "bianmin/print.h"
#include "bianmin/lifecycle.h"
#include "bianmin/slip.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct report_state {
	day_sheet day;
	bool has_day;
	lc_report month;
	bool has_month;
	clerk_month mine;          /* a clerk's own month */
	bool has_mine;
	int y, m;              /* the month shown */
	int scroll;
};

static bool supervisor(const ui *u)
{
	return auth_can(&u->clerk, ROLE_SUPERVISOR);
}

static void load_day(ui *u)
{
	struct report_state *r = u->rep;
	if (r->has_day)
		day_sheet_free(&r->day);
	r->has_day = false;
	bm_error err = {0};
	if (ledger_day(u->store, ui_today(), u->clerk.code, &r->day, &err) != BM_OK)
		ui_message(u, true, "%s", err.msg);
	else
		r->has_day = true;
}

static void load_month(ui *u)
{
	struct report_state *r = u->rep;
	if (r->has_month)
		lc_report_free(&r->month);
	r->has_month = false;
	r->has_mine = false;
	bm_error err = {0};
	if (!supervisor(u)) {
		if (clerk_month_load(u->store, u->clerk.code, r->y, r->m, ui_today(), &r->mine, &err) != BM_OK)
			ui_message(u, true, "%s", err.msg);
		else
			r->has_mine = true;
		return;
	}
	if (lifecycle_report_month(u->store, u->cal, r->y, r->m, ui_today(), &r->month, &err) != BM_OK)
		ui_message(u, true, "%s", err.msg);
	else
		r->has_month = true;
}

void report_free(ui *u)
{
	struct report_state *r = u->rep;
	if (!r)
		return;
	if (r->has_day)
		day_sheet_free(&r->day);
	if (r->has_month)
		lc_report_free(&r->month);
	free(r);
	u->rep = NULL;
}

void report_open(ui *u)
{
	report_free(u);
	u->rep = bm_xcalloc(1, sizeof *u->rep);
	int d;
	bm_day_to_ymd(ui_today(), &u->rep->y, &u->rep->m, &d);
	load_day(u);
	load_month(u);
	ui_goto(u, SCR_REPORT);
}

/* Rows of cells as lines, each column as wide as its widest cell (display
 * width: Chinese takes two columns); columns in `right` right-aligned.
 * The column `fill` is clipped so the line fits in width. */
static void add_table(tlines *t, int width, const char **cells, size_t rows, int ncol, unsigned right, int fill,
		      const enum style *st)
{
	int w[16] = {0};
	for (size_t i = 0; i < rows; i++)
		for (int k = 0; k < ncol; k++) {
			int x = text_width(cells[i * (size_t)ncol + (size_t)k]);
			if (x > w[k])
				w[k] = x;
		}
	int total = 0;
	for (int k = 0; k < ncol; k++)
		total += w[k] + (k ? 2 : 0);
	if (fill >= 0 && total > width - 2 && w[fill] > 8) {
		int cut = total - (width - 2);
		w[fill] = w[fill] - cut > 8 ? w[fill] - cut : 8;
	}
	for (size_t i = 0; i < rows; i++) {
		bm_buf b = {0};
		for (int k = 0; k < ncol; k++) {
			const char *c = cells[i * (size_t)ncol + (size_t)k];
			char *p = (right >> k) & 1 ? text_pad_left(c, w[k]) : text_pad(c, w[k], k == fill);
			bm_buf_printf(&b, "%s%s", k ? "  " : "", p);
			free(p);
		}
		tl_add(t, width, 0, st[i], b.data ? b.data : "");
		bm_buf_free(&b);
	}
}

static void day_lines(ui *u, tlines *t, int width)
{
	struct report_state *r = u->rep;
	char day[16], money[24], kb[32];
	tl_addf(t, width, 0, ST_HEAD, _("Day close (日结) %s, clerk %s %s"), bm_day_format(ui_today(), day),
		u->clerk.code, u->clerk.name);
	if (!r->has_day)
		return;
	const day_sheet *s = &r->day;
	if (s->n == 0) {
		tl_add(t, width, 2, ST_DIM, _("No receipts today."));
	} else {
		size_t rows = s->n + 1;
		const char **cells = bm_xcalloc(rows * 5, sizeof *cells);
		enum style *st = bm_xcalloc(rows, sizeof *st);
		char (*amt)[24] = bm_xcalloc(rows, sizeof *amt);
		const char *head[5] = {_("Receipt"), _("Case no."), _("Item"), _("Amount"), ""};
		memcpy(cells, head, sizeof head);
		st[0] = ST_HEAD;
		for (size_t i = 0; i < s->n; i++) {
			const day_receipt *d = &s->v[i];
			const char **c = cells + (i + 1) * 5;
			c[0] = d->no;
			c[1] = d->case_no;
			c[2] = d->item_name ? d->item_name : "";
			c[3] = bm_money_format(d->amount_fen, amt[i + 1]);
			c[4] = d->voided ? _("voided (作废)") : "";
			st[i + 1] = d->voided ? ST_DIM : ST_NORMAL;
		}
		add_table(t, width - 2, cells, rows, 5, 1u << 3, 2, st);
		free(cells);
		free(st);
		free(amt);
	}
	tl_addf(t, width, 0, ST_OK,
		ngettext("Total: %d receipt, %s yuan (voided ones not counted)",
			 "Total: %d receipts, %s yuan (voided ones not counted)", (unsigned long)s->count),
		s->count,
		bm_money_format(s->total_fen, money));
	if (s->closed) {
		char at[32];
		bm_time_format(s->closed_at, at);
		at[16] = '\0';
		at[10] = ' ';
		tl_addf(t, width, 0, ST_NORMAL, _("Closed at %s by %s."), at, s->closed_by ? s->closed_by : "-");
	} else {
		tl_addf(t, width, 0, ST_SOON, _("Not closed yet: %s closes the day and prints the 日结单."),
			keymap_key_label(A_CLOSE_DAY, kb, sizeof kb));
	}
}

static void month_row(const lc_report_row *w, const char *name, char num[6][16], const char **c)
{
	int rate = lc_completion_rate(w);
	snprintf(num[0], 16, "%d", w->received);
	snprintf(num[1], 16, "%d", w->completed);
	snprintf(num[2], 16, "%d.%d%%", rate / 10, rate % 10);
	snprintf(num[3], 16, "%d", w->overdue);
	snprintf(num[4], 16, "%d", w->breaches);
	snprintf(num[5], 16, "%d", w->bad_ratings);
	c[0] = name;
	for (int i = 0; i < 6; i++)
		c[1 + i] = num[i];
}

static void month_lines(ui *u, tlines *t, int width)
{
	struct report_state *r = u->rep;
	tl_add(t, width, 0, ST_NORMAL, "");
	tl_addf(t, width, 0, ST_HEAD, _("Month %04d-%02d by window (Left/Right: another month)"), r->y, r->m);
	if (!r->has_month)
		return;
	const lc_report *m = &r->month;
	size_t rows = 1 + m->n_windows + 1;
	const char **cells = bm_xcalloc(rows * 7, sizeof *cells);
	char (*num)[6][16] = bm_xcalloc(rows, sizeof *num);
	enum style *st = bm_xcalloc(rows, sizeof *st);
	const char *head[7] = {_("Window"), _("Received"), _("Completed"), _("Rate"),
			       _("Overdue"), _("Breaches"), _("Bad ratings")};
	memcpy(cells, head, sizeof head);
	st[0] = ST_HEAD;
	size_t i = 1;
	for (size_t k = 0; k < m->n_windows; k++, i++)
		month_row(&m->windows[k], m->windows[k].window ? m->windows[k].window : "-", num[i], cells + i * 7);
	month_row(&m->total, _("Total"), num[i], cells + i * 7);
	st[i] = ST_OK;
	add_table(t, width - 2, cells, rows, 7, 0x7eu, 0, st);
	free(cells);
	free(num);
	free(st);
	report_agent_lines(u, t, width, r->y, r->m);   /* 代办件 by village and agent */
	books_month_lines(u, t, width, r->y, r->m);   /* the other books beside */
}

static void mine_lines(ui *u, tlines *t, int width)
{
	struct report_state *r = u->rep;
	tl_add(t, width, 0, ST_NORMAL, "");
	tl_addf(t, width, 0, ST_HEAD, _("My month %04d-%02d (Left/Right: another month)"), r->y, r->m);
	if (!r->has_mine)
		return;
	const clerk_month *m = &r->mine;
	char fee[24];
	tl_addf(t, width, 2, ST_NORMAL, _("Received %d (returned at intake %d) · completed %d"), m->received,
		m->returned, m->completed);
	tl_addf(t, width, 2, m->overdue_now ? ST_OVERDUE : ST_NORMAL, _("Open now %d, overdue %d"), m->open_now,
		m->overdue_now);
	tl_addf(t, width, 2, ST_NORMAL, _("Receipts %d, %s yuan (voided ones not counted)"), m->receipts,
		bm_money_format(m->fees_fen, fee));
}

/* x: the month shown as CSV, into the spool folder (never overwrites). */
static void export_csv(ui *u)
{
	struct report_state *r = u->rep;
	char *csv = NULL;
	if (r->has_month)
		csv = lc_report_csv(&r->month);
	else if (r->has_mine)
		csv = clerk_month_csv(&r->mine, u->clerk.code);
	if (!csv) {
		ui_message(u, true, "%s", _("No figures to export."));
		return;
	}
	char name[64];
	snprintf(name, sizeof name, "FIGURES-%04d-%02d", r->y, r->m);
	char *dir = ui_spool_dir(u), *path = NULL;
	bm_error err = {0};
	if (print_spool(dir, name, r->has_month ? "month" : u->clerk.code, "csv", csv, strlen(csv), ui_now(), &path,
			&err) != BM_OK)
		ui_message(u, true, _("Not exported: %s"), err.msg);
	else
		ui_message(u, false, _("Figures saved as %s"), path);
	free(path);
	free(dir);
	free(csv);
}

void report_draw(ui *u)
{
	draw_title(u, _("Figures"));
	if (!u->rep)
		return;
	int width = COLS - 2;
	tlines t = {0};
	day_lines(u, &t, width);
	if (supervisor(u))
		month_lines(u, &t, width);
	else
		mine_lines(u, &t, width);
	tl_draw(&t, UI_TOP + 1, 1, width, UI_BOTTOM - UI_TOP, &u->rep->scroll);
	tl_free(&t);
}

static void close_day(ui *u)
{
	struct report_state *r = u->rep;
	if (!r || !r->has_day)
		return;
	bm_error err = {0};
	bm_time now = ui_now();
	if (ledger_day_close(u->store, &u->clerk, &r->day, now, &err) != BM_OK) {
		ui_message(u, true, "%s", err.msg);
		return;
	}
	bm_buf msg = {0};
	char money[24], day[16];
	bm_buf_printf(&msg, _("Day closed: %d receipts, %s yuan. "), r->day.count,
		      bm_money_format(r->day.total_fen, money));
	slip_ctx *ctx = ledger_day_context(&r->day, u->center, &u->clerk, now, false);
	char *no = bm_xasprintf("DAY-%s-%s", bm_day_format(r->day.day, day), u->clerk.code);
	bool ok = ui_emit_paper(u, no, "daily_close", ctx, &msg);
	free(no);
	slip_ctx_free(ctx);
	ui_message(u, !ok, "%s", msg.data ? msg.data : "");
	bm_buf_free(&msg);
}

static void ask_close(ui *u)
{
	struct report_state *r = u->rep;
	if (!r->has_day)
		return;
	if (r->day.closed) {
		/* the core says why (already closed); asking first would be noise */
		close_day(u);
		return;
	}
	char q[256], money[24];
	snprintf(q, sizeof q, _("Close today (日结): %d receipts, %s yuan, and print the 日结单?"), r->day.count,
		 bm_money_format(r->day.total_fen, money));
	ui_ask(u, q, close_day);
}

static void move_month(ui *u, int by)
{
	struct report_state *r = u->rep;
	r->m += by;
	if (r->m < 1) {
		r->m = 12;
		r->y--;
	} else if (r->m > 12) {
		r->m = 1;
		r->y++;
	}
	load_month(u);
}

void report_key(ui *u, ui_key k)
{
	enum action a = keymap_action(CTX_REPORT, k, false);
	struct report_state *r = u->rep;
	int page = UI_BOTTOM - UI_TOP - 1;
	switch (a) {
	case A_BACK:
		report_free(u);
		u->home.dirty = true;   /* today's fees line */
		ui_goto(u, SCR_HOME);
		return;
	case A_CLOSE_DAY:
		ask_close(u);
		return;
	case A_PREV_MONTH:
	case A_NEXT_MONTH:
		move_month(u, a == A_PREV_MONTH ? -1 : 1);
		return;
	case A_EXPORT:
		export_csv(u);
		return;
	case A_UP: r->scroll--; break;
	case A_DOWN: r->scroll++; break;
	case A_PGUP: r->scroll -= page; break;
	case A_PGDN: r->scroll += page; break;
	case A_FIRST: r->scroll = 0; break;
	case A_LAST: r->scroll = 1 << 20; break;
	default: return;
	}
	if (r->scroll < 0)
		r->scroll = 0;
}
