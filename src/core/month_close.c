/* month_close.c - 月结 and the periods (issue 11): a supervisor closes a
 * month that has ended; its figures (computed as of its end, figures.c),
 * fees, hand-ins and the chain head go on the chain as ONE event about no
 * case, and from then on the month is read back from that event, so it
 * prints the same bytes every time.  Quarters and years add their months;
 * the ranking of windows (每月排出名次, 每季度考核排队), the 月报's CSV and
 * its paper context come from the same report. */
#include "lifecycle_int.h"
#include "ledger_int.h"
#include "bianmin/ledger.h"
#include "bianmin/slip.h"

#include "bianmin/text.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N_COUNTS 11

static int *counts(lc_report_row *r, int i)
{
	int *v[N_COUNTS] = { &r->received, &r->completed, &r->returned, &r->overdue, &r->breaches,
			     &r->bad_ratings, &r->overdue_late, &r->overdue_open, &r->refused,
			     &r->negatives, &r->extensions };
	return v[i];
}

/* ---- rows as text on the chain: "window\titem\tname\tN\tN..." ------- */
static void row_text(bm_buf *b, lc_report_row *r)
{
	bm_buf_printf(b, "%s\t%s\t%s", r->window ? r->window : "", r->item_code ? r->item_code : "",
		      r->item_name ? r->item_name : "");
	for (int i = 0; i < N_COUNTS; i++)
		bm_buf_printf(b, "\t%d", *counts(r, i));
}

static char *dup_or_null(const char *s, size_t n)
{
	if (!n)
		return NULL;
	char *d = bm_xmalloc(n + 1);
	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

static void row_parse(const char *t, lc_report_row *r)
{
	memset(r, 0, sizeof *r);
	const char *p = t ? t : "";
	for (int f = 0; f < 3 + N_COUNTS; f++) {
		const char *tab = strchr(p, '\t');
		size_t n = tab ? (size_t)(tab - p) : strlen(p);
		if (f == 0)
			r->window = dup_or_null(p, n);
		else if (f == 1)
			r->item_code = dup_or_null(p, n);
		else if (f == 2)
			r->item_name = dup_or_null(p, n);
		else
			*counts(r, f - 3) = atoi(p);
		if (!tab)
			break;
		p = tab + 1;
	}
}

/* ---- fees of a period, as of its end -------------------------------- */
static int period_money(bm_store *s, lc_report *r, bm_error *err)
{
	char a[11], b[11];
	bm_day_format(r->first, a);
	bm_day_format(r->last + 1, b);
	sqlite3_stmt *st = store_stmt(s, "SELECT COALESCE(SUM(r.amount_fen), 0) FROM receipts r"
				      " WHERE r.no IS NOT NULL AND r.at >= ?1 AND r.at < ?2"
				      " AND NOT EXISTS (SELECT 1 FROM receipts v WHERE v.voids = r.id AND v.at < ?2)", err);
	if (!st)
		return BM_EDB;
	st_text(st, 1, a);
	st_text(st, 2, b);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		r->fees_fen = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return store_fail(s, err, _("reading the month's fees"));
	day_handin *h;
	size_t n;
	if ((rc = ledger_handins(s, r->first, r->last, NULL, &h, &n, err)))
		return rc;
	for (size_t i = 0; i < n; i++)
		r->handed_fen += h[i].amount_fen;
	day_handins_free(h, n);
	return BM_OK;
}

/* ---- a closed month: read back ---------------------------------------- */
static int find_month_close(bm_store *s, int year, int month, lc_report *out, bool *found, bm_error *err)
{
	*found = false;
	char period[16];
	snprintf(period, sizeof period, "%04d-%02d", year, month);
	sqlite3_stmt *st = store_stmt(s, "SELECT details, at, clerk, id, hash FROM events"
				      " WHERE type = 'month_close' AND case_id IS NULL AND instr(details, ?1) > 0 ORDER BY id", err);
	if (!st)
		return BM_EDB;
	st_text(st, 1, period);
	int rc;
	while (!*found && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		flatrec x = {0};
		const char *p;
		if (!flatrec_parse(col_text(st, 0), &x) || !(p = flatrec_get(&x, "x.period", NULL)) || strcmp(p, period)) {
			flatrec_free(&x);
			continue;
		}
		*found = true;
		memset(out, 0, sizeof *out);
		out->year = year;
		out->month = month;
		bm_day_parse(flatrec_get(&x, "x.first", NULL), &out->first);
		bm_day_parse(flatrec_get(&x, "x.last", NULL), &out->last);
		const char *v;
		out->fees_fen = (v = flatrec_get(&x, "x.fees_fen", NULL)) ? strtoll(v, NULL, 10) : 0;
		out->handed_fen = (v = flatrec_get(&x, "x.handed_fen", NULL)) ? strtoll(v, NULL, 10) : 0;
		row_parse(flatrec_get(&x, "x.total", NULL), &out->total);
		free(out->total.window);
		free(out->total.item_code);
		free(out->total.item_name);
		out->total.window = out->total.item_code = out->total.item_name = NULL;
		int nw = (v = flatrec_get(&x, "x.nw", NULL)) ? atoi(v) : 0, ni = (v = flatrec_get(&x, "x.ni", NULL)) ? atoi(v) : 0;
		out->windows = bm_xcalloc(nw > 0 ? (size_t)nw : 1, sizeof *out->windows);
		out->items = bm_xcalloc(ni > 0 ? (size_t)ni : 1, sizeof *out->items);
		char key[32];
		for (int i = 0; i < nw; i++) {
			snprintf(key, sizeof key, "x.w.%d", i);
			row_parse(flatrec_get(&x, key, NULL), &out->windows[out->n_windows++]);
			free(out->windows[i].item_code);
			free(out->windows[i].item_name);
			out->windows[i].item_code = out->windows[i].item_name = NULL;
		}
		for (int i = 0; i < ni; i++) {
			snprintf(key, sizeof key, "x.i.%d", i);
			row_parse(flatrec_get(&x, key, NULL), &out->items[out->n_items++]);
		}
		out->closed = true;
		bm_time_parse(col_text(st, 1), &out->closed_at);
		snprintf(out->closed_by, sizeof out->closed_by, "%s", col_text(st, 2) ? col_text(st, 2) : "");
		out->close_event = sqlite3_column_int64(st, 3);
		snprintf(out->close_hash, sizeof out->close_hash, "%s", col_text(st, 4) ? col_text(st, 4) : "");
		flatrec_free(&x);
	}
	sqlite3_reset(st);
	return BM_OK;
}

int lifecycle_month_closed(bm_store *s, int year, int month, bool *closed, bm_error *err)
{
	lc_report r;
	int rc = find_month_close(s, year, month, &r, closed, err);
	if (!rc && *closed)
		lc_report_free(&r);
	return rc;
}

int lifecycle_figures_month(bm_store *s, const bm_calendar *cal, int year, int month, bm_day today,
			    lc_report *out, bm_error *err)
{
	bool found;
	int rc = find_month_close(s, year, month, out, &found, err);
	if (rc || found)
		return rc;
	if ((rc = lifecycle_report_month(s, cal, year, month, today, out, err)))
		return rc;
	if ((rc = period_money(s, out, err)))
		lc_report_free(out);
	return rc;
}

/* ---- quarters and years: the months added ---------------------------- */
static lc_report_row *find_row(lc_report_row **v, size_t *n, const lc_report_row *like)
{
	for (size_t i = 0; i < *n; i++)
		if (strcmp((*v)[i].window, like->window) == 0 &&
		    (!like->item_code || ((*v)[i].item_code && strcmp((*v)[i].item_code, like->item_code) == 0)))
			return &(*v)[i];
	*v = bm_xrealloc(*v, (*n + 1) * sizeof **v);
	lc_report_row *r = &(*v)[(*n)++];
	memset(r, 0, sizeof *r);
	r->window = bm_xstrdup(like->window);
	r->item_code = bm_xstrdup(like->item_code);
	r->item_name = bm_xstrdup(like->item_name);
	return r;
}

/* Add a month; its open-and-overdue only when it is the period's last. */
static void add_month(lc_report_row *to, const lc_report_row *m, bool last)
{
	lc_report_row d = *m;
	if (!last) {
		d.overdue -= d.overdue_open;
		d.overdue_open = 0;
	}
	lc_report_add(to, &d);
}

static int cmp_rows(const void *a, const void *b)
{
	const lc_report_row *x = a, *y = b;
	int c = strcmp(x->window, y->window);
	if (c || !x->item_code || !y->item_code)
		return c;
	return strcmp(x->item_code, y->item_code);
}

int lifecycle_figures_period(bm_store *s, const bm_calendar *cal, int year, int quarter, bm_day today,
			     lc_report *out, bm_error *err)
{
	memset(out, 0, sizeof *out);
	if (quarter < 0 || quarter > 4)
		return bm_fail(err, BM_EINVAL, _("A quarter is 1 to 4."));
	int m0 = quarter ? (quarter - 1) * 3 + 1 : 1, m1 = quarter ? m0 + 2 : 12;
	out->year = year;
	bm_day after;
	if (!bm_day_from_ymd(year, m0, 1, &out->first) || !bm_day_from_ymd(m1 == 12 ? year + 1 : year, m1 == 12 ? 1 : m1 + 1, 1, &after))
		return bm_fail(err, BM_EINVAL, _("%04d is not a year."), year);
	out->last = after - 1;   /* the last month so far sets it below */
	/* the period's last month so far: its open-and-overdue count */
	int lastm = m1, ty, tm, td;
	if (today != BM_NO_DAY) {
		bm_day_to_ymd(today, &ty, &tm, &td);
		if (ty == year && tm >= m0 && tm < m1)
			lastm = tm;
	}
	for (int m = m0; m <= lastm; m++) {
		bm_day mfirst;
		bm_day_from_ymd(year, m, 1, &mfirst);
		if (today != BM_NO_DAY && mfirst > today)
			break;          /* a month to come counts nothing yet */
		lc_report r;
		int rc = lifecycle_figures_month(s, cal, year, m, today, &r, err);
		if (rc) {
			lc_report_free(out);
			return rc;
		}
		bool last = m == lastm;
		out->last = r.last;
		add_month(&out->total, &r.total, last);
		for (size_t i = 0; i < r.n_windows; i++)
			add_month(find_row(&out->windows, &out->n_windows, &r.windows[i]), &r.windows[i], last);
		for (size_t i = 0; i < r.n_items; i++)
			add_month(find_row(&out->items, &out->n_items, &r.items[i]), &r.items[i], last);
		out->fees_fen += r.fees_fen;
		out->handed_fen += r.handed_fen;
		lc_report_free(&r);
	}
	if (out->n_windows)
		qsort(out->windows, out->n_windows, sizeof *out->windows, cmp_rows);
	if (out->n_items)
		qsort(out->items, out->n_items, sizeof *out->items, cmp_rows);
	return BM_OK;
}

/* ---- 月结 ------------------------------------------------------------- */
int lifecycle_month_close(bm_store *s, const bm_calendar *cal, const bm_clerk *actor, int year, int month,
			  bm_time now, lc_report *out, bm_error *err)
{
	memset(out, 0, sizeof *out);
	if (!auth_can(actor, ROLE_SUPERVISOR))
		return bm_fail(err, BM_EDENIED, "%s", _("Only a supervisor closes a month (月结)."));
	bm_day first, next;
	if (month < 1 || month > 12 || !bm_day_from_ymd(year, month, 1, &first) ||
	    !bm_day_from_ymd(month == 12 ? year + 1 : year, month == 12 ? 1 : month + 1, 1, &next))
		return bm_fail(err, BM_EINVAL, _("%04d-%02d is not a month."), year, month);
	if (bm_time_day(now) < next)
		return bm_fail(err, BM_ESTATE, _("%04d-%02d has not ended: a month is closed (月结) from its next day on."),
			       year, month);
	int rc = store_begin(s, err);
	if (rc)
		return rc;
	bool found;
	lc_report r;
	if ((rc = find_month_close(s, year, month, &r, &found, err)))
		goto fail;
	if (found) {
		char t[40];
		rc = bm_fail(err, BM_ESTATE, _("%04d-%02d was already closed (月结) by %s at %s."), year, month,
			     r.closed_by, bm_time_format(r.closed_at, t));
		lc_report_free(&r);
		goto fail;
	}
	if ((rc = lifecycle_figures_month(s, cal, year, month, BM_NO_DAY, &r, err)))
		goto fail;
	/* the chain head before this event */
	char head[65] = LEDGER_GENESIS;
	sqlite3_stmt *st = store_stmt(s, "SELECT hash FROM events ORDER BY id DESC LIMIT 1", err);
	if (st && sqlite3_step(st) == SQLITE_ROW)
		snprintf(head, sizeof head, "%s", col_text(st, 0));
	if (st)
		sqlite3_reset(st);
	flatrec ev = {0};
	char d[11], key[32];
	flatrec_setf(&ev, "x.period", "%04d-%02d", year, month);
	flatrec_set(&ev, "x.first", bm_day_format(r.first, d));
	flatrec_set(&ev, "x.last", bm_day_format(r.last, d));
	flatrec_set(&ev, "x.head", head);
	flatrec_setf(&ev, "x.fees_fen", "%lld", (long long)r.fees_fen);
	flatrec_setf(&ev, "x.handed_fen", "%lld", (long long)r.handed_fen);
	bm_buf b = {0};
	row_text(&b, &r.total);
	flatrec_set(&ev, "x.total", b.data);
	bm_buf_free(&b);
	flatrec_setf(&ev, "x.nw", "%zu", r.n_windows);
	for (size_t i = 0; i < r.n_windows; i++) {
		row_text(&b, &r.windows[i]);
		snprintf(key, sizeof key, "x.w.%zu", i);
		flatrec_set(&ev, key, b.data);
		bm_buf_free(&b);
	}
	flatrec_setf(&ev, "x.ni", "%zu", r.n_items);
	for (size_t i = 0; i < r.n_items; i++) {
		row_text(&b, &r.items[i]);
		snprintf(key, sizeof key, "x.i.%zu", i);
		flatrec_set(&ev, key, b.data);
		bm_buf_free(&b);
	}
	char *details = flatrec_json(&ev);
	flatrec_free(&ev);
	lc_report_free(&r);
	char at[40];
	rc = event_append(s, 0, bm_time_format(now, at), actor->code, "month_close", details, NULL, err);
	free(details);
	if (rc || (rc = store_commit(s, err)))
		goto fail;
	if ((rc = find_month_close(s, year, month, out, &found, err)) == BM_OK && !found)
		rc = bm_fail(err, BM_EDB, "%s", _("The month's close was not found after it was written."));
	return rc;
fail:
	store_rollback(s);
	return rc;
}

/* ---- ranking ----------------------------------------------------------- */
static const lc_report *rank_of;

static int cmp_rank(const void *a, const void *b)
{
	const lc_report_row *x = &rank_of->windows[*(const size_t *)a], *y = &rank_of->windows[*(const size_t *)b];
	int rx = lc_completion_rate(x), ry = lc_completion_rate(y);
	if (rx != ry)
		return rx > ry ? -1 : 1;
	if (x->overdue != y->overdue)
		return x->overdue < y->overdue ? -1 : 1;
	if (x->breaches != y->breaches)
		return x->breaches < y->breaches ? -1 : 1;
	if (x->bad_ratings != y->bad_ratings)
		return x->bad_ratings < y->bad_ratings ? -1 : 1;
	if (x->completed != y->completed)
		return x->completed > y->completed ? -1 : 1;
	return strcmp(x->window, y->window);
}

size_t *lc_report_ranking(const lc_report *r)
{
	size_t *order = bm_xcalloc(r->n_windows ? r->n_windows : 1, sizeof *order);
	for (size_t i = 0; i < r->n_windows; i++)
		order[i] = i;
	rank_of = r;
	if (r->n_windows > 1)
		qsort(order, r->n_windows, sizeof *order, cmp_rank);
	rank_of = NULL;
	return order;
}

/* ---- CSV (RFC 4180, UTF-8 with BOM, CRLF) ----------------------------- */
static void csv_cell(bm_buf *b, const char *s, bool last)
{
	/* no control characters, and no cell a spreadsheet runs as a formula */
	char *clean = s ? text_clean(s) : NULL;
	s = clean;
	bool formula = text_csv_formula(s);
	bool quote = s && (formula || strpbrk(s, ",\"\r\n") != NULL);
	if (quote) {
		bm_buf_puts(b, "\"");
		if (formula)
			bm_buf_puts(b, "'");
		for (const char *p = s; *p; p++) {
			if (*p == '"')
				bm_buf_puts(b, "\"");   /* a quote is doubled */
			bm_buf_append(b, p, 1);
		}
		bm_buf_puts(b, "\"");
	} else if (s) {
		bm_buf_puts(b, s);
	}
	bm_buf_puts(b, last ? "\r\n" : ",");
	free(clean);
}

static void csv_row(bm_buf *b, const char *rank, const char *window, const char *item, const char *name,
		    const lc_report_row *r)
{
	char n[16];
	csv_cell(b, rank, false);
	csv_cell(b, window, false);
	csv_cell(b, item, false);
	csv_cell(b, name, false);
	int v[] = { r->received, r->completed, -1, r->returned, r->refused, r->negatives, r->overdue,
		    r->extensions, r->breaches, r->bad_ratings };
	size_t nv = sizeof v / sizeof v[0];
	for (size_t i = 0; i < nv; i++) {
		int rate = lc_completion_rate(r);
		if (v[i] < 0)
			snprintf(n, sizeof n, "%d.%d%%", rate / 10, rate % 10);
		else
			snprintf(n, sizeof n, "%d", v[i]);
		csv_cell(b, n, i + 1 == nv);
	}
}

char *lc_report_csv(const lc_report *r)
{
	bm_buf b = {0};
	bm_buf_puts(&b, "\xEF\xBB\xBF");
	const char *head[] = { "名次", "窗口", "事项编码", "事项名称", "受理", "办结", "办结率", "退回",
			       "不予受理", "否定报备", "超期", "延期", "二次告知", "差评" };
	for (size_t i = 0; i < sizeof head / sizeof *head; i++)
		csv_cell(&b, head[i], i + 1 == sizeof head / sizeof *head);
	size_t *order = lc_report_ranking(r);
	char rk[24];
	for (size_t i = 0; i < r->n_windows; i++) {
		snprintf(rk, sizeof rk, "%zu", i + 1);
		csv_row(&b, rk, r->windows[order[i]].window, "", "", &r->windows[order[i]]);
	}
	for (size_t i = 0; i < r->n_items; i++)
		csv_row(&b, "", r->items[i].window, r->items[i].item_code, r->items[i].item_name, &r->items[i]);
	csv_row(&b, "", "合计", "", "", &r->total);
	char m[24];
	bm_buf_printf(&b, ",收费（元）,,,%s,,,,,,,,,\r\n", bm_money_format(r->fees_fen, m));
	bm_buf_printf(&b, ",上缴（元）,,,%s,,,,,,,,,\r\n", bm_money_format(r->handed_fen, m));
	free(order);
	return bm_buf_steal(&b);
}

/* ---- the 月报's paper -------------------------------------------------- */
static void ctx_row(slip_ctx *c, const char *rank, const char *name, const lc_report_row *r)
{
	slip_ctx *x = slip_ctx_add(c, "rows");
	int rate = lc_completion_rate(r);
	slip_ctx_set(x, "rank", rank);
	slip_ctx_set(x, "name", name);
	slip_ctx_setf(x, "received", "%d", r->received);
	slip_ctx_setf(x, "completed", "%d", r->completed);
	slip_ctx_setf(x, "rate", "%d.%d%%", rate / 10, rate % 10);
	slip_ctx_setf(x, "returned", "%d", r->returned);
	slip_ctx_setf(x, "refused", "%d", r->refused);
	slip_ctx_setf(x, "negatives", "%d", r->negatives);
	slip_ctx_setf(x, "overdue", "%d", r->overdue);
	slip_ctx_setf(x, "extensions", "%d", r->extensions);
	slip_ctx_setf(x, "breaches", "%d", r->breaches);
	slip_ctx_setf(x, "bad_ratings", "%d", r->bad_ratings);
}

struct slip_ctx *lc_report_context(const lc_report *r, const bm_center *center)
{
	slip_ctx *c = slip_ctx_new();
	if (center) {
		slip_ctx_set(c, "center_name", center->name);
		slip_ctx_set(c, "center_phone", center->phone);
		slip_ctx_set(c, "center_address", center->address);
	}
	char a[32], b[32], m[24];
	slip_ctx_set(c, "form", "monthly_report");
	if (r->month)
		slip_ctx_setf(c, "month", "%04d年%d月", r->year, r->month);
	else
		slip_ctx_setf(c, "month", "%04d年", r->year);
	slip_ctx_setf(c, "period", "%s至%s", slip_day_cn(r->first, a), slip_day_cn(r->last, b));
	slip_ctx_set(c, "total", bm_money_format(r->fees_fen, m));
	slip_ctx_set(c, "handed_in", bm_money_format(r->handed_fen, m));
	size_t *order = lc_report_ranking(r);
	char rk[24];
	for (size_t i = 0; i < r->n_windows; i++) {
		snprintf(rk, sizeof rk, "%zu", i + 1);
		ctx_row(c, rk, r->windows[order[i]].window, &r->windows[order[i]]);
	}
	free(order);
	for (size_t i = 0; i < r->n_items; i++) {
		char name[300];
		snprintf(name, sizeof name, "%s %s", r->items[i].window, r->items[i].item_name ? r->items[i].item_name : "");
		ctx_row(c, "", name, &r->items[i]);
	}
	ctx_row(c, "", "合计", &r->total);
	if (r->closed) {
		slip_ctx_set(c, "close_date", slip_day_cn(bm_time_day(r->closed_at), a));
		slip_ctx_set(c, "date", slip_day_cn(bm_time_day(r->closed_at), a));
		slip_ctx_set(c, "clerk_no", r->closed_by);
		slip_ctx_setf(c, "anchor", "%.16s", r->close_hash);
		slip_ctx_setf(c, "anchor_event", "%lld", (long long)r->close_event);
	}
	return c;
}
