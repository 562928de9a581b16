/* home_watch.c - what the home screen shows above the clerk's cases
 * (issue 6): pending AB岗 handovers to and from me, bad-rating follow-ups
 * due, 补办件 past the supplement timeout (退件 candidates); the keys to
 * take over a handover and to start one; and the two other lists: every
 * overdue case of the center (supervisor) and the 联办件 waiting on my
 * window's opinion. */
#include "uipriv.h"

#include "bianmin/lifecycle.h"

#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void home_watch_free(ui *u)
{
	for (size_t i = 0; i < u->home.n_watch; i++)
		free(u->home.watch_lines[i]);
	free(u->home.watch_lines);
	free(u->home.watch_styles);
	u->home.watch_lines = NULL;
	u->home.watch_styles = NULL;
	u->home.n_watch = 0;
}

static void line(ui *u, enum style st, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void line(ui *u, enum style st, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char buf[512];
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	u->home.watch_lines = bm_xrealloc(u->home.watch_lines, (u->home.n_watch + 1) * sizeof *u->home.watch_lines);
	u->home.watch_styles = bm_xrealloc(u->home.watch_styles, (u->home.n_watch + 1) * sizeof *u->home.watch_styles);
	u->home.watch_lines[u->home.n_watch] = bm_xstrdup(buf);
	u->home.watch_styles[u->home.n_watch++] = st;
}

static void watch_text(ui *u, enum style st, const char *text)
{
	line(u, st, "%s", text);
}

static lc_ctx ctx_of(ui *u)
{
	return (lc_ctx){.store = u->store, .cal = u->cal, .center = u->center, .clerk = &u->clerk, .now = ui_now()};
}

/* Keep only the rows whose case is in the watch list. */
static void keep_only(ui *u, const lc_watch_row *w, size_t nw)
{
	size_t k = 0;
	for (size_t i = 0; i < u->home.n_rows; i++) {
		bool in = false;
		for (size_t j = 0; j < nw && !in; j++)
			in = strcmp(w[j].no, u->home.rows[i].no) == 0;
		if (in) {
			case_summary t = u->home.rows[k];
			u->home.rows[k++] = u->home.rows[i];
			u->home.rows[i] = t;
		}
	}
	/* the rest freed through a copy: case_summaries_free frees its array */
	size_t rest = u->home.n_rows - k;
	case_summary *tail = bm_xcalloc(rest + 1, sizeof *tail);
	memcpy(tail, u->home.rows + k, rest * sizeof *tail);
	case_summaries_free(tail, rest);
	u->home.n_rows = k;
}

void home_watch_reload(ui *u)
{
	home_watch_free(u);
	u->home.n_pending_to_me = 0;
	lc_ctx x = ctx_of(u);
	bm_error err = {0};
	bool sup = auth_can(&u->clerk, ROLE_SUPERVISOR);
	char k_ack[16], d[16];
	keymap_key_label(A_ACKNOWLEDGE, k_ack, sizeof k_ack);

	lc_handover *h = NULL;
	size_t nh = 0;
	if (lifecycle_pending_handovers(u->store, sup ? NULL : u->clerk.code, &h, &nh, &err) == BM_OK) {
		for (size_t i = 0; i < nh; i++) {
			if (strcmp(h[i].to, u->clerk.code) == 0) {
				u->home.n_pending_to_me++;
				line(u, ST_SOON, _("Handed to you by %s: %zu cases (%s takes them over) · %s"), h[i].from,
				     h[i].n, k_ack, h[i].id);
			} else {
				line(u, ST_WAITING, _("Handed by %s to %s: %zu cases, not yet acknowledged · %s"), h[i].from,
				     h[i].to, h[i].n, h[i].id);
			}
		}
		lc_handovers_free(h, nh);
	}
	lc_watch_row *w = NULL;
	size_t nw = 0;
	if (lifecycle_watch(&x, LC_WATCH_FOLLOWUP, sup ? NULL : u->clerk.code, NULL, &w, &nw, &err) == BM_OK) {
		for (size_t i = 0; i < nw; i++)
			line(u, w[i].due < ui_today() ? ST_OVERDUE : ST_SOON, _("Follow-up of a bad rating due %s: %s %s %s"),
			     bm_day_format(w[i].due, d), w[i].no, w[i].applicant ? w[i].applicant : "",
			     w[i].item_name ? w[i].item_name : "");
		lc_watch_rows_free(w, nw);
	}
	w = NULL;
	nw = 0;
	if (lifecycle_watch(&x, LC_WATCH_STALE, u->clerk.code, NULL, &w, &nw, &err) == BM_OK) {
		for (size_t i = 0; i < nw; i++)
			line(u, ST_WAITING, _("退件 candidate: %s %s waits for materials %d working days"), w[i].no,
			     w[i].applicant ? w[i].applicant : "", w[i].days);
		lc_watch_rows_free(w, nw);
	}
	agent_watch_lines(u, watch_text);   /* 代理件 done, the agent not yet replied */

	/* 预约 and 上门服务 of the day (scr_books.c) */
	size_t nb;
	char **today = books_today(u, &nb);
	for (size_t i = 0; i < nb; i++) {
		line(u, ST_SOON, "%s", today[i]);
		free(today[i]);
	}
	free(today);

	if (u->home.mode == HOME_MINE)
		return;
	/* the other lists: every open case, kept when in the watch */
	case_summaries_free(u->home.rows, u->home.n_rows);
	u->home.rows = NULL;
	u->home.n_rows = 0;
	w = NULL;
	nw = 0;
	/* a clerk without a window has nothing waiting on it: the list says
	 * so (scr_home.c), not the command line's "--waiting-on" sentence */
	if (u->home.mode == HOME_WAITING_ON && !(u->clerk.window && u->clerk.window[0]))
		return;
	int rc = u->home.mode == HOME_ALL_OVERDUE
			 ? lifecycle_watch(&x, LC_WATCH_OVERDUE, NULL, NULL, &w, &nw, &err)
			 : lifecycle_watch(&x, LC_WATCH_WAITING_ON, NULL, u->clerk.window, &w, &nw, &err);
	if (rc != BM_OK) {
		ui_message(u, true, "%s", err.msg);
		return;
	}
	case_filter f;
	memset(&f, 0, sizeof f);
	f.open_only = true;
	f.overdue_only = u->home.mode == HOME_ALL_OVERDUE;   /* only those rows, from the index */
	f.today = ui_today();
	if (nw && case_list(u->store, &f, &u->home.rows, &u->home.n_rows, &err) == BM_OK)
		keep_only(u, w, nw);
	lc_watch_rows_free(w, nw);
}

int home_watch_draw(ui *u, int y)
{
	if (!u->home.n_watch)
		return 0;
	int max = LINES >= 40 ? 10 : 3;
	int used = 0;
	for (size_t i = 0; i < u->home.n_watch && used < max; i++) {
		if (used == max - 1 && i + 1 < u->home.n_watch) {
			char more[128];
			snprintf(more, sizeof more, _("… and %zu more"), u->home.n_watch - i);
			draw_text(y + used++, 1, COLS - 2, more, ST_DIM);
			break;
		}
		draw_text(y + used++, 1, COLS - 2, u->home.watch_lines[i], u->home.watch_styles[i]);
	}
	return used;
}

/* ---- keys ------------------------------------------------------------ */
static void take_over(ui *u)
{
	lc_ctx x = ctx_of(u);
	size_t n = 0;
	bm_error err = {0};
	if (lifecycle_acknowledge(&x, NULL, &n, &err) != BM_OK)
		ui_message(u, true, "%s", err.msg);
	else
		ui_message(u, false, _("Taken over: %zu cases are yours now."), n);
	u->home.dirty = true;   /* the loop reloads the home before drawing it */
}

/* Record a handover of `from`'s cases (nos, or all open ones when n is 0)
 * to `to`, print its 交接单 and say so; false (the form stays open with
 * the reason) when core refused it. */
static bool hand_over(ui *u, const char *from, const char *to, const char *const *nos, size_t n,
		      const char *why)
{
	lc_ctx x = ctx_of(u);
	lc_handover h;
	memset(&h, 0, sizeof h);
	bm_error err = {0};
	if (lifecycle_handover(&x, from, to, nos, n, why, &h, &err) != BM_OK) {
		snprintf(u->dlg.err, sizeof u->dlg.err, "%s", err.msg);
		return false;
	}
	char *spool = ui_spool_dir(u), *where = NULL;
	bm_error perr = {0};
	bool printed = lifecycle_print_handover(&x, u->app->paths.forms, spool, &h, &where, &perr) == BM_OK;
	dlg_close(u);
	if (printed && strcmp(from, u->clerk.code) == 0)
		ui_message(u, false, _("Handover %s: %zu cases to %s, until they acknowledge. %s"), h.id, h.n, to,
			   where ? where : "");
	else if (printed)   /* a supervisor reassigned another clerk's cases */
		ui_message(u, false, _("Handover %s: %zu cases of %s to %s, until they acknowledge. %s"), h.id, h.n,
			   from, to, where ? where : "");
	else
		ui_message(u, true, _("Handover %s saved, but the 交接单 was NOT printed: %s"), h.id, perr.msg);
	free(where);
	free(spool);
	lc_handover_free(&h);
	return true;
}

/* A 工号 as typed: the clerk's name beside it, or why it cannot be one. */
static bool clerk_check(ui *u, const char *v, char *note, size_t len)
{
	if (!v || !*v)
		return true;   /* "required" says it */
	bm_clerk c;
	memset(&c, 0, sizeof c);
	bm_error err = {0};
	if (auth_clerk_get(u->store, v, &c, &err) != BM_OK) {
		snprintf(note, len, _("no clerk %s"), v);
		return false;
	}
	bool ok = c.active;
	if (ok)
		snprintf(note, len, "%s%s%s", c.name, c.window ? " · " : "", c.window ? c.window : "");
	else
		snprintf(note, len, _("%s (%s) is disabled"), c.name, v);
	auth_clerk_free(&c);
	return ok;
}

/* The home's form: [From clerk (supervisor only)], To clerk, Cases, Reason. */
static void do_handover(ui *u)
{
	int o = u->dlg.n == 4 ? 1 : 0;   /* a supervisor's form starts with "from" */
	char *from = o ? dlg_value(u, 0) : bm_xstrdup(u->clerk.code);
	char *to = dlg_value(u, o), *why = dlg_value(u, o + 2);
	bool marked = u->dlg.fl[o + 1].ids[u->dlg.fl[o + 1].choice] == 0;
	const char **nos = NULL;
	size_t n = 0;
	if (!from) {
		snprintf(u->dlg.err, sizeof u->dlg.err, "%s", _("From clerk: whose cases are handed over?"));
		u->dlg.focus = 0;
		goto out;
	}
	if (marked && strcmp(from, u->clerk.code) != 0) {
		snprintf(u->dlg.err, sizeof u->dlg.err,
			 _("The marked cases are yours, not %s's: choose all open cases of %s."), from, from);
		u->dlg.focus = o + 1;
		goto out;
	}
	if (marked) {
		nos = bm_xcalloc(u->home.n_rows + 1, sizeof *nos);
		for (size_t i = 0; i < u->home.n_rows; i++)
			if (u->home.marks && u->home.marks[i])
				nos[n++] = u->home.rows[i].no;
	}
	if (hand_over(u, from, to, (const char *const *)nos, n, why))
		u->home.dirty = true;   /* the loop reloads the home before drawing it */
out:
	free(nos);
	free(from);
	free(to);
	free(why);
}

/* The case view's form: this one case, from its owner (a supervisor may
 * reassign a case that is not theirs), to another clerk. */
static void do_handover_case(ui *u)
{
	char *to = dlg_value(u, 0), *why = dlg_value(u, 1);
	const char *no = u->cv.no;
	if (u->cv.loaded && hand_over(u, u->cv.kase.owner_clerk, to, &no, 1, why))
		ui_reload_case(u);
	free(to);
	free(why);
}

void case_handover_open(ui *u)
{
	if (!u->cv.loaded)
		return;
	bm_error why = {0};
	if (!lifecycle_allowed(&u->cv.kase, &u->clerk, LC_HANDOVER, &why)) {
		ui_message(u, true, _("%s: %s"), lc_step_label(LC_HANDOVER), why.msg);
		return;
	}
	char title[128];
	snprintf(title, sizeof title, _("Hand over (AB岗交接) %s of %s"), u->cv.kase.no, u->cv.kase.owner_clerk);
	u->msg[0] = '\0';
	dlg_open(u, LC_HANDOVER, title, do_handover_case);
	snprintf(u->dlg.warn, sizeof u->dlg.warn, "%s",
		 _("The case stays with its owner until the clerk taking over acknowledges it; a 交接单 is printed."));
	dlg_check(dlg_text(u, _("To clerk 工号"), 20, true, false, NULL), clerk_check);
	dlg_text(u, _("Reason"), 200, false, false, NULL);
}

static size_t n_marked(const ui *u)
{
	size_t n = 0;
	for (size_t i = 0; u->home.marks && i < u->home.n_rows; i++)
		n += u->home.marks[i];
	return n;
}

bool home_watch_key(ui *u, enum action a)
{
	bm_error why = {0};
	switch (a) {
	case A_ACKNOWLEDGE:
		if (!case_action_allowed(u, a, &why)) {
			ui_message(u, true, "%s", why.msg);
			return true;
		}
		ui_ask(u, _("Take over the cases handed to you? From now on they are yours. (y/n)"), take_over);
		return true;
	case A_HANDOVER: {
		/* a supervisor reassigns the cases of an absent clerk the same way
		 * (issue 6): the form gets "from", mine unless changed; the focus
		 * still starts on "to" */
		bool sup = auth_can(&u->clerk, ROLE_SUPERVISOR);
		char title[128], m[96];
		if (sup)
			snprintf(title, sizeof title, "%s", _("Hand over or reassign (AB岗交接)"));
		else
			snprintf(title, sizeof title, _("Hand over (AB岗交接) from %s"), u->clerk.code);
		dlg_open(u, LC_HANDOVER, title, do_handover);
		if (sup) {
			snprintf(u->dlg.warn, sizeof u->dlg.warn, "%s",
				 _("Supervisor: change From clerk (Up) to reassign the open cases of an absent clerk."));
			dlg_check(dlg_text(u, _("From clerk 工号"), 20, true, false, u->clerk.code), clerk_check);
		}
		dlg_check(dlg_text(u, _("To clerk 工号"), 20, true, false, NULL), clerk_check);
		size_t nm = n_marked(u);
		dlg_field *f = dlg_choice(u, _("Cases"), 0);
		if (nm && u->home.mode == HOME_MINE) {
			snprintf(m, sizeof m, _("the marked ones (%zu)"), nm);
			dlg_opt(f, m, 0);
		}
		dlg_opt(f, sup ? _("all open cases of From clerk") : _("all my open cases"), 1);
		dlg_text(u, _("Reason"), 200, false, false, NULL);
		u->dlg.focus = sup ? 1 : 0;
		return true;
	}
	case A_MARK:
		if (u->home.mode == HOME_MINE && u->home.n_rows && u->home.marks) {
			u->home.marks[u->home.sel] = !u->home.marks[u->home.sel];
			if (u->home.sel + 1 < u->home.n_rows)
				u->home.sel++;
		}
		return true;
	case A_ALL_OVERDUE:
	case A_WAITING_ON: {
		if (!case_action_allowed(u, a, &why)) {
			ui_message(u, true, "%s", why.msg);
			return true;
		}
		enum home_mode m = a == A_ALL_OVERDUE ? HOME_ALL_OVERDUE : HOME_WAITING_ON;
		u->home.mode = u->home.mode == m ? HOME_MINE : m;
		u->home.sel = u->home.top = 0;
		u->home.dirty = true;   /* the loop reloads the home before drawing it */
		return true;
	}
	default:
		return false;
	}
}
