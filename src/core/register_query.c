/* register_query.c - reading the books as a clerk may see them: one
 * entry, lists (督办, the day's appointments), a month's figures, and the
 * CSV/TSV export. */
#include "register_int.h"
#include "bianmin/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int reg_load(bm_store *s, const bm_clerk *actor, const char *no, reg_entry *out, bm_error *err)
{
	int rc = reg_load_raw(s, no, out, err);
	if (rc)
		return rc;
	int vis = reg_visibility(actor, out);
	if (vis == 0) {
		reg_entry_free(out);
		return bm_fail(err, BM_ENOTFOUND, _("There is no entry %s in the books."), no);
	}
	if (vis == 1)
		reg_mask(out);
	return BM_OK;
}

static bool contains(const char *h, const char *n)
{
	return h && strstr(h, n) != NULL;
}

static bool month_of(const char *day, const char *month)
{
	return day && strncmp(day, month, 7) == 0;
}

static bool matches(const reg_entry *e, const reg_filter *f)
{
	if (f->book >= 0 && strcmp(reg_get(e, RF_BOOK), book_key((bm_book)f->book)) != 0)
		return false;
	if (f->open_only && !reg_is_open(e))
		return false;
	if (f->overdue_only && !reg_is_overdue(e, f->today))
		return false;
	if (f->month && !month_of(e->f[RF_OPENED_DAY], f->month))
		return false;
	if (f->mine && strcmp(reg_get(e, RF_CLERK), f->mine) != 0)
		return false;
	if (f->on_day != BM_NO_DAY) {
		bm_day d;
		if (!bm_day_parse(reg_get(e, RF_AT_DAY), &d) || d != f->on_day)
			return false;
	}
	if (f->query && *f->query) {
		static const enum reg_field q[] = {RF_NO, RF_PERSON, RF_PHONE, RF_SUBJECT, RF_CASE_NO, RF_VILLAGE, RF_ID_NO, RF_REF};
		bool hit = false;
		for (size_t i = 0; i < sizeof q / sizeof q[0] && !hit; i++)
			hit = contains(e->f[q[i]], f->query);
		if (!hit)
			return false;
	}
	return true;
}

/* All rows, raw (every book), in number order or date order. */
static int load_all(bm_store *s, bool by_date, reg_entry **out, size_t *n, bm_error *err)
{
	static const char by_no[] = "SELECT id, " REG_COLS " FROM reg_entries ORDER BY id";
	static const char by_at[] = "SELECT id, " REG_COLS " FROM reg_entries"
		" ORDER BY at_day IS NULL, at_day, at_time, id";
	sqlite3_stmt *st = store_stmt(s, by_date ? by_at : by_no, err);
	if (!st)
		return BM_EDB;
	*out = NULL;
	*n = 0;
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			*out = bm_xrealloc(*out, cap * sizeof **out);
		}
		reg_from_row(st, &(*out)[(*n)++]);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		reg_entries_free(*out, *n);
		*out = NULL;
		*n = 0;
		return store_fail(s, err, _("reading the books"));
	}
	return BM_OK;
}

int reg_list(bm_store *s, const bm_clerk *actor, const reg_filter *f, reg_entry **out, size_t *n,
	     bm_error *err)
{
	reg_entry *all;
	size_t na;
	bool by_date = f->book == BOOK_APPOINTMENT || f->book == BOOK_VISIT || f->on_day != BM_NO_DAY;
	int rc = load_all(s, by_date, &all, &na, err);
	if (rc)
		return rc;
	size_t k = 0;
	for (size_t i = 0; i < na; i++) {
		int vis = reg_visibility(actor, &all[i]);
		if (vis == 0 || !matches(&all[i], f)) {
			reg_entry_free(&all[i]);
			continue;
		}
		if (vis == 1)
			reg_mask(&all[i]);
		all[k++] = all[i];
	}
	*out = all;
	*n = k;
	return BM_OK;
}

/* ---- figures ---------------------------------------------------------- */

static void count_window(reg_figures *f, const char *w)
{
	if (!w || !*w)
		w = "-";
	for (size_t i = 0; i < f->n_windows; i++)
		if (strcmp(f->windows[i].window, w) == 0) {
			f->windows[i].n++;
			return;
		}
	f->windows = bm_xrealloc(f->windows, (f->n_windows + 1) * sizeof *f->windows);
	f->windows[f->n_windows].window = bm_xstrdup(w);
	f->windows[f->n_windows++].n = 1;
}

int reg_month_figures(bm_store *s, int year, int month, bm_day today, reg_figures *out, bm_error *err)
{
	bm_day first, end;
	if (!bm_day_from_ymd(year, month, 1, &first) ||
	    !bm_day_from_ymd(month == 12 ? year + 1 : year, month == 12 ? 1 : month + 1, 1, &end)) {
		memset(out, 0, sizeof *out);
		return bm_fail(err, BM_EINVAL, _("There is no month %04d-%02d."), year, month);
	}
	return reg_figures_between(s, first, end, today, out, err);
}

int reg_figures_between(bm_store *s, bm_day first, bm_day end, bm_day today, reg_figures *out,
			bm_error *err)
{
	/* open past due counts as late at the period's end, or today while
	 * the period runs */
	bm_day until = today < end ? today : end;
	memset(out, 0, sizeof *out);
	reg_entry *all;
	size_t n;
	int rc = load_all(s, false, &all, &n, err);
	if (rc)
		return rc;
	for (size_t i = 0; i < n; i++) {
		reg_entry *e = &all[i];
		bm_book b;
		bm_day opened;
		if (!bm_day_parse(reg_get(e, RF_OPENED_DAY), &opened) || opened < first || opened >= end ||
		    !book_parse(reg_get(e, RF_BOOK), &b))
			continue;
		bm_reg_state st = REG_RECORDED;
		reg_state_parse(reg_get(e, RF_STATE), &st);
		out->received[b]++;
		if (e->f[RF_ANSWER] && b != BOOK_EXTENDED)
			out->answered[b]++;
		if (reg_has_flag(e, "transferred"))
			out->transferred[b]++;
		if (st == REG_CLOSED)
			out->closed[b]++;
		/* late: a consultation or complaint answered or closed after its
		 * due date, or any dated entry still open past it at the end of
		 * the period (an appointment or visit not done) */
		bm_day due, done;
		if (b != BOOK_EXTENDED && b != BOOK_PEOPLE && bm_day_parse(reg_get(e, RF_DUE), &due)) {
			bool finished = bm_day_parse(reg_get(e, RF_CLOSED_DAY), &done);
			bool limited = b == BOOK_CONSULT || b == BOOK_COMPLAINT;
			if ((limited && finished && done > due) || (!finished && due < until))
				out->late[b]++;
		}
		if (b == BOOK_COMPLAINT) {
			if (reg_has_flag(e, "serious"))
				out->serious++;
			if (strcmp(reg_get(e, RF_CHANNEL), "written") == 0)
				out->written++;
			count_window(out, e->f[RF_WINDOW]);
		}
	}
	reg_entries_free(all, n);
	return BM_OK;
}

void reg_figures_free(reg_figures *f)
{
	for (size_t i = 0; i < f->n_windows; i++)
		free(f->windows[i].window);
	free(f->windows);
	memset(f, 0, sizeof *f);
}

static void cell(bm_buf *b, const char *s, int w, bool left)
{
	char *p = left ? text_pad(s, w, true) : text_pad_left(s, w);
	bm_buf_puts(b, p);
	free(p);
}

char *reg_figures_text(const reg_figures *f)
{
	bm_buf b = {0};
	const char *heads[] = {_("received"), _("answered"), _("transferred"), _("closed"), _("late")};
	cell(&b, _("book"), 22, true);
	for (int i = 0; i < 5; i++) {
		bm_buf_puts(&b, " ");
		cell(&b, heads[i], 8, false);
	}
	bm_buf_puts(&b, "\n");
	for (int k = 0; k < BOOK__COUNT; k++) {
		const int v[5] = {f->received[k], f->answered[k], f->transferred[k], f->closed[k], f->late[k]};
		cell(&b, book_label((bm_book)k), 22, true);
		for (int i = 0; i < 5; i++) {
			char num[16];
			snprintf(num, sizeof num, "%d", v[i]);
			bm_buf_puts(&b, " ");
			cell(&b, num, 8, false);
		}
		bm_buf_puts(&b, "\n");
	}
	bm_buf_printf(&b, _("complaints: %d serious (reported to the head), %d written (answered in writing)\n"),
		      f->serious, f->written);
	if (f->n_windows) {
		bm_buf_puts(&b, _("complaints by window:"));
		for (size_t i = 0; i < f->n_windows; i++)
			bm_buf_printf(&b, " %s %d", f->windows[i].window, f->windows[i].n);
		bm_buf_puts(&b, "\n");
	}
	return bm_buf_steal(&b);
}

/* ---- export ----------------------------------------------------------- */

static void csv_value(bm_buf *b, const char *v, bool tsv)
{
	if (tsv) {
		for (const char *p = v; *p; p++)
			bm_buf_append(b, *p == '\t' || *p == '\n' || *p == '\r' ? " " : p, 1);
		return;
	}
	/* RFC 4180: quote when the value has a comma, a quote or a line break */
	if (!strpbrk(v, ",\"\r\n")) {
		bm_buf_puts(b, v);
		return;
	}
	bm_buf_puts(b, "\"");
	for (const char *p = v; *p; p++) {
		bm_buf_append(b, p, 1);
		if (*p == '"')
			bm_buf_puts(b, "\"");   /* a quote is doubled */
	}
	bm_buf_puts(b, "\"");
}

/* A value as the export shows it: states and books translated. */
static const char *shown(const reg_entry *e, enum reg_field f)
{
	bm_reg_state st;
	if (f == RF_STATE && reg_state_parse(reg_get(e, f), &st))
		return reg_state_label(st);
	if (e->masked && (f == RF_PERSON || f == RF_PHONE || f == RF_ID_NO))
		return _("(confidential)");
	return reg_get(e, f);
}

int reg_export(bm_store *s, const bm_clerk *actor, bm_book book, const char *month, bool tsv,
	       bm_buf *out, bm_error *err)
{
	reg_filter f = {.book = (int)book, .on_day = BM_NO_DAY, .month = month};
	reg_entry *v;
	size_t n;
	int rc = reg_list(s, actor, &f, &v, &n, err);
	if (rc)
		return rc;
	const enum reg_field *cols;
	size_t nc = book_fields(book, &cols);
	const char *sep = tsv ? "\t" : ",", *eol = tsv ? "\n" : "\r\n";
	if (!tsv)
		bm_buf_puts(out, "\xEF\xBB\xBF");   /* BOM: spreadsheet programs then read UTF-8 */
	for (size_t c = 0; c < nc; c++) {
		if (c)
			bm_buf_puts(out, sep);
		csv_value(out, reg_field_label(cols[c]), tsv);
	}
	bm_buf_puts(out, eol);
	for (size_t i = 0; i < n; i++) {
		for (size_t c = 0; c < nc; c++) {
			if (c)
				bm_buf_puts(out, sep);
			csv_value(out, shown(&v[i], cols[c]), tsv);
		}
		bm_buf_puts(out, eol);
	}
	reg_entries_free(v, n);
	return BM_OK;
}
