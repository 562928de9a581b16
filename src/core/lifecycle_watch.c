/* lifecycle_watch.c - the due-date watch (超期, 即将到期, 补办件 timeout,
 * what waits on a window, open follow-ups) and the month figures (统计:
 * 受理, 办结, 办结率, 超期, 二次告知, 差评, by window and item). */
#include "lifecycle_int.h"
#include "queries_int.h"
#include "store_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Overdue by as of `ref` (the clock's last day), 0 when not. */
static int overdue_at(const bm_case *c, bm_day ref, const bm_calendar *cal)
{
	if (c->due == BM_NO_DAY || ref == BM_NO_DAY || ref <= c->due)
		return 0;
	int d = calendar_workdays_between(cal, c->due, ref, NULL);
	return d > 0 ? d : 0;
}

/* The last day the clock ran, up to `today`. */
static bm_day clock_ref(const bm_case *c, const lc_info *in, bm_day today)
{
	if (case_state_final(c->state))
		return c->completed_day != BM_NO_DAY && c->completed_day < today ? c->completed_day : today;
	if (c->state == CASE_PAUSED && in->pause_day != BM_NO_DAY && in->pause_day < today)
		return in->pause_day;
	if (c->state == CASE_WAITING_MATERIALS)
		return BM_NO_DAY;
	return today;
}

int lifecycle_overdue_by(const bm_case *c, bm_day today, const bm_calendar *cal)
{
	lc_info in;
	lifecycle_info(c, &in);
	int d = overdue_at(c, clock_ref(c, &in, today), cal);
	lc_info_free(&in);
	return d;
}

bool lifecycle_due_soon(const bm_case *c, bm_day today, const bm_calendar *cal, int soon_days)
{
	if (c->due == BM_NO_DAY || c->due < today)
		return false;
	if (c->state != CASE_IN_PROGRESS && c->state != CASE_FORWARDED)
		return false;
	return calendar_workdays_between(cal, today, c->due, NULL) <= soon_days;
}

/* ---- watch lists ----------------------------------------------------- */
void lc_watch_rows_free(lc_watch_row *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].applicant);
		free(v[i].item_name);
		free(v[i].window);
		free(v[i].owner);
	}
	free(v);
}

static void add_row(lc_watch_row **v, size_t *n, const bm_case *c, bm_day due, int days)
{
	*v = bm_xrealloc(*v, (*n + 1) * sizeof **v);
	lc_watch_row *r = &(*v)[(*n)++];
	memset(r, 0, sizeof *r);
	snprintf(r->no, sizeof r->no, "%s", c->no);
	r->applicant = bm_xstrdup(c->applicant.name);
	r->item_name = bm_xstrdup(c->item.name);
	r->window = bm_xstrdup(c->item.window);
	r->owner = bm_xstrdup(c->owner_clerk);
	r->state = c->state;
	r->due = due;
	r->days = days;
}

static int row_cmp(const void *a, const void *b)
{
	const lc_watch_row *x = a, *y = b;
	bm_day dx = x->due == BM_NO_DAY ? INT32_MAX : x->due, dy = y->due == BM_NO_DAY ? INT32_MAX : y->due;
	if (dx != dy)
		return dx < dy ? -1 : 1;
	return strcmp(x->no, y->no);
}

/* The watch's candidates, each list from its index (issue 17): open
 * follow-ups from case_watch (kept by triggers on the events), 联办件 in
 * progress from the open-cases index.  consider() then decides on the
 * loaded case, so these only need to hold every case that can qualify. */
const char SQL_WATCH_FOLLOWUP[] =
	"SELECT c.no FROM case_watch w JOIN cases c ON c.id = w.case_id"
	" WHERE w.what = 'followup' AND (?1 IS NULL OR c.owner_clerk = ?1) ORDER BY c.no";
/* 联办件 in progress still waiting on window ?1's opinion, whole from
 * the rows: the window is the item's or one of its joint windows, and no
 * opinion event of the case names it (the note's "window"). */
const char SQL_WATCH_JOINT[] =
	"SELECT c.no, c.applicant_name, iv.item_name, iv.item_window, c.owner_clerk, c.due, c.clock_start"
	" FROM cases c" CASE_ITEM_JOIN " WHERE c.state IN ('waiting_materials','in_progress','paused','forwarded')"
	" AND c.state = 'in_progress' AND c.kind = 'joint'"
	" AND (iv.item_window = ?1 OR instr(char(10) || coalesce(iv.item_joint_windows, '') || char(10),"
	"      char(10) || ?1 || char(10)) > 0)"
	" AND NOT EXISTS (SELECT 1 FROM events e WHERE e.case_id = c.id AND e.type = 'opinion'"
	"      AND json_extract(json_extract(e.details, '$.\"x.note\"'), '$.window') = ?1)"
	" ORDER BY c.no";

/* The 联办件 waiting on window, rows straight from SQL_WATCH_JOINT. */
static int waiting_on(const lc_ctx *x, const char *window, lc_watch_row **out, size_t *n, bm_error *err)
{
	sqlite3_stmt *st = store_stmt(x->store, SQL_WATCH_JOINT, err);
	if (!st)
		return BM_EDB;
	st_text(st, 1, window);
	bm_day today = bm_time_day(x->now);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*out = bm_xrealloc(*out, (*n + 1) * sizeof **out);
		lc_watch_row *r = &(*out)[(*n)++];
		memset(r, 0, sizeof *r);
		snprintf(r->no, sizeof r->no, "%s", col_text(st, 0));
		r->applicant = col_dup(st, 1);
		r->item_name = col_dup(st, 2);
		r->window = col_dup(st, 3);
		r->owner = col_dup(st, 4);
		r->state = CASE_IN_PROGRESS;
		r->due = day_from_text(col_text(st, 5));
		bm_day cs = day_from_text(col_text(st, 6));
		r->days = cs == BM_NO_DAY ? 0 : calendar_workdays_between(x->cal, cs, today, NULL);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? BM_OK : store_fail(x->store, err, _("reading the watch lists"));
}

static int watch_nos(bm_store *s, const char *sql, const char *clerk, char ***nos, size_t *n, bm_error *err)
{
	*nos = NULL;
	*n = 0;
	sqlite3_stmt *st = store_stmt(s, sql, err);
	if (!st)
		return BM_EDB;
	if (sqlite3_bind_parameter_count(st) >= 1)
		st_text(st, 1, clerk);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*nos = bm_xrealloc(*nos, (*n + 1) * sizeof **nos);
		(*nos)[(*n)++] = col_dup(st, 0);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? BM_OK : store_fail(s, err, _("reading the watch lists"));
}

static void consider(const lc_ctx *x, lc_watch what, const char *window, const bm_case *c,
		     lc_watch_row **v, size_t *n)
{
	bm_day today = bm_time_day(x->now);
	lc_info in;
	lifecycle_info(c, &in);
	switch (what) {
	case LC_WATCH_OVERDUE: {
		int d = case_state_final(c->state) ? 0 : overdue_at(c, clock_ref(c, &in, today), x->cal);
		if (d > 0)
			add_row(v, n, c, c->due, d);
		break;
	}
	case LC_WATCH_DUE_SOON:
		if (lifecycle_due_soon(c, today, x->cal, lc_soon_days(x->center)))
			add_row(v, n, c, c->due, calendar_workdays_between(x->cal, today, c->due, NULL));
		break;
	case LC_WATCH_STALE:
		if (c->state == CASE_WAITING_MATERIALS) {
			int d = calendar_workdays_between(x->cal, c->accepted_day, today, NULL);
			if (d > lc_timeout_days(x->center))
				add_row(v, n, c, c->due, d);
		}
		break;
	case LC_WATCH_WAITING_ON:
		if (c->state == CASE_IN_PROGRESS)
			for (size_t k = 0; k < in.n_opinions; k++)
				if (!in.opinions[k].answered && window && strcmp(in.opinions[k].window, window) == 0) {
					int d = c->clock_start == BM_NO_DAY ? 0
						: calendar_workdays_between(x->cal, c->clock_start, today, NULL);
					add_row(v, n, c, c->due, d);
				}
		break;
	case LC_WATCH_FOLLOWUP:
		if (in.followup_open)
			add_row(v, n, c, in.followup_due, calendar_workdays_between(x->cal, today, in.followup_due, NULL));
		break;
	}
	lc_info_free(&in);
}

int lifecycle_watch(const lc_ctx *x, lc_watch what, const char *clerk, const char *window,
		    lc_watch_row **out, size_t *n, bm_error *err)
{
	*out = NULL;
	*n = 0;
	if (what == LC_WATCH_WAITING_ON && !lc_has_text(window))
		return bm_fail(err, BM_EINVAL, _("Name the window (--waiting-on WINDOW)."));
	char **nos = NULL;
	size_t nn = 0;
	int rc;
	bm_day today = bm_time_day(x->now);
	if (what == LC_WATCH_FOLLOWUP) {
		rc = watch_nos(x->store, SQL_WATCH_FOLLOWUP, clerk, &nos, &nn, err);
	} else if (what == LC_WATCH_WAITING_ON) {
		if ((rc = waiting_on(x, window, out, n, err))) {
			lc_watch_rows_free(*out, *n);
			*out = NULL;
			*n = 0;
		} else if (*n) {
			qsort(*out, *n, sizeof **out, row_cmp);
		}
		return rc;
	} else {
		/* the clerk's (or the center's) open cases, overdue ones only
		 * when that is the question; cheap filters before loading */
		case_filter f = { .clerk = clerk, .open_only = true, .today = today,
				  .overdue_only = what == LC_WATCH_OVERDUE };
		case_summary *v = NULL;
		if ((rc = case_list(x->store, &f, &v, &nn, err)))
			return rc;
		nos = bm_xcalloc(nn ? nn : 1, sizeof *nos);
		size_t k = 0;
		/* soon_days working days are at most twice as many calendar
		 * days, plus the longest holiday */
		bm_day soon_end = today + 2 * lc_soon_days(x->center) + 14;
		int timeout = lc_timeout_days(x->center);
		for (size_t i = 0; i < nn; i++) {
			if (what == LC_WATCH_OVERDUE && (v[i].due == BM_NO_DAY || v[i].due >= today))
				continue;
			if (what == LC_WATCH_DUE_SOON && (v[i].due == BM_NO_DAY || v[i].due < today || v[i].due > soon_end ||
							 (v[i].state != CASE_IN_PROGRESS && v[i].state != CASE_FORWARDED)))
				continue;
			if (what == LC_WATCH_STALE && (v[i].state != CASE_WAITING_MATERIALS ||
						       bm_time_day(v[i].accepted) + timeout >= today))
				continue;
			nos[k++] = bm_xstrdup(v[i].no);
		}
		case_summaries_free(v, nn);
		nn = k;
	}
	for (size_t i = 0; i < nn && !rc; i++) {
		bm_case c;
		if ((rc = case_load(x->store, nos[i], &c, err)))
			break;
		if (!(what == LC_WATCH_FOLLOWUP && clerk && strcmp(c.owner_clerk, clerk) != 0))
			consider(x, what, window, &c, out, n);
		case_free(&c);
	}
	for (size_t i = 0; i < nn; i++)
		free(nos[i]);
	free(nos);
	if (rc) {
		lc_watch_rows_free(*out, *n);
		*out = NULL;
		*n = 0;
		return rc;
	}
	if (*n)
		qsort(*out, *n, sizeof **out, row_cmp);
	return BM_OK;
}

/* ---- the month ------------------------------------------------------- */
static void row_free(lc_report_row *r)
{
	free(r->window);
	free(r->item_code);
	free(r->item_name);
}

void lc_report_free(lc_report *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->n_windows; i++)
		row_free(&r->windows[i]);
	for (size_t i = 0; i < r->n_items; i++)
		row_free(&r->items[i]);
	free(r->windows);
	free(r->items);
	memset(r, 0, sizeof *r);
}

int lc_completion_rate(const lc_report_row *r)
{
	return r->received > 0 ? (int)((r->completed * 1000LL + r->received / 2) / r->received) : 0;
}

static lc_report_row *row_for(lc_report_row **v, size_t *n, const char *window, const char *code, const char *name)
{
	for (size_t i = 0; i < *n; i++)
		if (strcmp((*v)[i].window, window) == 0 && (!code || strcmp((*v)[i].item_code, code) == 0))
			return &(*v)[i];
	*v = bm_xrealloc(*v, (*n + 1) * sizeof **v);
	lc_report_row *r = &(*v)[(*n)++];
	memset(r, 0, sizeof *r);
	r->window = bm_xstrdup(window);
	r->item_code = bm_xstrdup(code);
	r->item_name = bm_xstrdup(name);
	return r;
}

/* (figures.c: every count, as of the period's end) */
#define add_to lc_report_add

static int cmp_rows(const void *a, const void *b)
{
	const lc_report_row *x = a, *y = b;
	int c = strcmp(x->window, y->window);
	if (c || !x->item_code || !y->item_code)
		return c;
	return strcmp(x->item_code, y->item_code);
}

/* The cases that may count in a month, each part from the index of the
 * day it counts by: accepted in it, closed in or after it, still open,
 * or rated / 二次告知 in it (events_figures, [first, day after end)). */
const char SQL_MONTH[] =
	"SELECT c.no FROM (SELECT id FROM cases WHERE accepted_day BETWEEN ?1 AND ?2"
	" UNION SELECT id FROM cases WHERE completed_day >= ?1 AND accepted_day <= ?2"
	" UNION SELECT id FROM cases WHERE state IN ('waiting_materials','in_progress','paused','forwarded')"
	"   AND accepted_day <= ?2"
	" UNION SELECT case_id FROM events WHERE type IN ('rate','notice_breach') AND at >= ?1 AND at < ?3)"
	" u JOIN cases c ON c.id = u.id ORDER BY c.no";


int lifecycle_report_month(bm_store *s, const bm_calendar *cal, int year, int month, bm_day today,
			   lc_report *out, bm_error *err)
{
	memset(out, 0, sizeof *out);
	bm_day first, next;
	if (!bm_day_from_ymd(year, month, 1, &first) ||
	    !bm_day_from_ymd(month == 12 ? year + 1 : year, month == 12 ? 1 : month + 1, 1, &next))
		return bm_fail(err, BM_EINVAL, _("%04d-%02d is not a month."), year, month);
	out->year = year;
	out->month = month;
	bm_day end = next - 1;
	out->first = first;
	out->last = end;
	if (today != BM_NO_DAY && today < end)
		end = today;
	char a[11], b[11];
	/* every case of the month read from one snapshot */
	if (store_read_begin(s, err))
		return BM_EDB;
	sqlite3_stmt *st = store_stmt(s, SQL_MONTH, err);
	if (!st) {
		store_read_end(s);
		return BM_EDB;
	}
	char c3[11];
	st_text(st, 1, bm_day_format(first, a));
	st_text(st, 2, bm_day_format(end, b));
	st_text(st, 3, bm_day_format(end + 1, c3));
	char **nos = NULL;
	size_t nn = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		nos = bm_xrealloc(nos, (nn + 1) * sizeof *nos);
		nos[nn++] = col_dup(st, 0);
	}
	sqlite3_reset(st);
	rc = rc == SQLITE_DONE ? BM_OK : store_fail(s, err, _("reading the month's cases"));
	for (size_t i = 0; i < nn && !rc; i++) {
		bm_case c;
		if ((rc = case_load(s, nos[i], &c, err)))
			break;
		lc_report_row d;
		lc_case_figures(&c, cal, first, end, &d);
		if (d.received || d.completed || d.returned || d.overdue || d.breaches || d.bad_ratings ||
		    d.negatives || d.extensions) {
			add_to(&out->total, &d);
			add_to(row_for(&out->windows, &out->n_windows, c.item.window, NULL, NULL), &d);
			add_to(row_for(&out->items, &out->n_items, c.item.window, c.item.code, c.item.name), &d);
		}
		case_free(&c);
	}
	store_read_end(s);
	for (size_t i = 0; i < nn; i++)
		free(nos[i]);
	free(nos);
	if (rc) {
		lc_report_free(out);
		return rc;
	}
	if (out->n_windows)
		qsort(out->windows, out->n_windows, sizeof *out->windows, cmp_rows);
	if (out->n_items)
		qsort(out->items, out->n_items, sizeof *out->items, cmp_rows);
	return BM_OK;
}
