/* ui_base.c - what every screen calls, below them all: the clock, the
 * message line, the yes/no question, going to a screen, the context of
 * the keys, the hardware cursor, the title bar, days left.  It calls no
 * screen (ui_main.c, the loop on top, calls the screens). */
#include "uipriv.h"

#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cursor_y = -1, cursor_x = -1;

void ui_cursor_get(int *y, int *x)
{
	*y = cursor_y;
	*x = cursor_x;
}

/* The counter runs all day: it reads the clock for each action (through
 * the one clock function), where a subcommand reads it once at start. */
bm_time ui_now(void)
{
	return bm_clock_now();
}

bm_day ui_today(void)
{
	return bm_time_day(ui_now());
}

void ui_set_cursor(int y, int x)
{
	cursor_y = y;
	cursor_x = x;
}

void ui_message(ui *u, bool error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(u->msg, sizeof u->msg, fmt, ap);
	va_end(ap);
	/* the message line is one line: papers' "saved to\n<path>" read on */
	for (char *p = u->msg; *p; p++)
		if (*p == '\n')
			*p = ' ';
	u->msg_error = error;
}

void ui_ask(ui *u, const char *question, void (*on_yes)(ui *u))
{
	u->prompt.active = true;
	snprintf(u->prompt.question, sizeof u->prompt.question, "%s", question);
	u->prompt.on_yes = on_yes;
}

void ui_goto(ui *u, enum ui_screen s)
{
	u->scr = s;   /* a dirty home is reloaded by the loop before it is drawn */
}

int ui_context(const ui *u)
{
	if (u->dlg.active && u->scr != SCR_HELP)
		return CTX_DIALOG;
	if (u->view.active && u->scr != SCR_HELP)
		return CTX_VIEW;
	switch (u->scr) {
	case SCR_LOGIN: return CTX_LOGIN;
	case SCR_HOME: return CTX_HOME;
	case SCR_INTAKE:
		switch (u->in.step) {
		case STEP_APPLICANT: return CTX_APPLICANT;
		case STEP_ITEM: return CTX_ITEM;
		case STEP_MATERIALS: return CTX_MATERIALS;
		case STEP_OUTCOME: return CTX_OUTCOME;
		case STEP_DONE: return CTX_DONE;
		}
		return CTX_APPLICANT;
	case SCR_CASE: return CTX_CASE;
	case SCR_SEARCH: return CTX_SEARCH;
	case SCR_HELP: return CTX_HELP;
	case SCR_REPORT: return CTX_REPORT;
	case SCR_AGENTS: return CTX_AGENTS;
	case SCR_BOOKS: return CTX_BOOKS;
	case SCR__COUNT: break;
	}
	return CTX_HOME;
}

const char *ui_days_left(const ui *u, bm_day due, bm_case_state st, char *buf, size_t len,
			 enum style *style)
{
	*style = ST_NORMAL;
	if (st == CASE_WAITING_MATERIALS) {
		*style = ST_WAITING;
		snprintf(buf, len, "%s", _("waiting"));
		return buf;
	}
	if (due == BM_NO_DAY) {
		snprintf(buf, len, "-");
		return buf;
	}
	bm_day today = ui_today();
	int d = calendar_workdays_between(u->cal, today, due, NULL);
	if (due < today) {
		*style = ST_OVERDUE;
		snprintf(buf, len, _("overdue %d"), d < 0 ? -d : 1);
	} else {
		if (d <= (u->center->due_soon_days > 0 ? u->center->due_soon_days : 1))
			*style = ST_SOON;
		snprintf(buf, len, "%d", d);
	}
	return buf;
}

void draw_title(const ui *u, const char *screen_title)
{
	draw_fill(0, 0, COLS, ST_TITLE);
	char left[256];
	snprintf(left, sizeof left, " %s · %s", u->center->name ? u->center->name : "bianmin", screen_title);
	char right[256], day[16];
	bm_day_format(ui_today(), day);
	if (u->logged_in)
		snprintf(right, sizeof right, "%s %s%s%s  %s ", u->clerk.code, u->clerk.name,
			 u->clerk.window ? " · " : "", u->clerk.window ? u->clerk.window : "", day);
	else
		snprintf(right, sizeof right, "%s ", day);
	int rw = text_width(right);
	draw_text(0, 0, COLS - rw - 1, left, ST_TITLE);
	draw_text(0, COLS - rw, rw, right, ST_TITLE);
}

