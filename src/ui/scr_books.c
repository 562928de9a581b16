/* scr_books.c - the other books on the screen (register.h): one list per
 * book (Left/Right), keys for a new entry, answer, transfer (转办), close,
 * 督办 (only the open entries past due), a case from an entry (intake with
 * its person), the month's figures, CSV/TSV export to the spool, papers.
 * The forms are books_forms.c; home, intake and figures books_home.c. */
#include "books_int.h"

#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void books_open(ui *u)
{
	if (!u->books)
		u->books = bm_xcalloc(1, sizeof *u->books);
	/* from home: always the first book, everything (another clerk may
	 * have logged in since) */
	u->books->book = BOOK_CONSULT;
	u->books->supervise = false;
	u->books->sel = u->books->top = 0;
	books_reload(u);
	u->msg[0] = '\0';
	ui_goto(u, SCR_BOOKS);
}

void books_draw(ui *u)
{
	books_state *b = u->books;
	char title[256];
	snprintf(title, sizeof title, "%s: %s%s", _("Books"), book_label(b->book),
		 b->supervise ? _(" · 督办 (open, past due)") : "");
	draw_title(u, title);
	int x = 1;
	for (int k = 0; k < BOOK__COUNT; k++)
		x += 1 + draw_clip(UI_TOP, x, COLS - x - 1, book_label((bm_book)k), k == (int)b->book ? ST_SELECT : ST_DIM);
	bool dated = b->book == BOOK_APPOINTMENT || b->book == BOOK_VISIT;
	int y = UI_TOP + 2;
	int wno = 19, wst = 11, wwhen = 17, wp = 14;
	int wsub = COLS - 2 - wno - wst - wwhen - wp - 4;
	draw_text(y, 1, wno, _("number"), ST_HEAD);
	draw_text(y, 2 + wno, wst, _("state"), ST_HEAD);
	draw_text(y, 3 + wno + wst, wwhen, dated ? _("date") : _("due"), ST_HEAD);
	draw_text(y, 4 + wno + wst + wwhen, wp, _("person"), ST_HEAD);
	draw_text(y, 5 + wno + wst + wwhen + wp, wsub, _("matter"), ST_HEAD);
	int first = y + 1;
	size_t rows = (size_t)(UI_BOTTOM - first + 1);
	if (!b->n) {
		draw_text(first + 1, 3, COLS - 6, b->supervise ? _("Nothing is past due.") : _("The book is empty."), ST_DIM);
		return;
	}
	list_follow(b->sel, &b->top, rows);
	for (size_t i = b->top; i < b->n && i - b->top < rows; i++) {
		const reg_entry *e = &b->rows[i];
		int ry = first + (int)(i - b->top);
		bool sel = i == b->sel;
		enum style st = reg_is_overdue(e, ui_today()) ? ST_OVERDUE : ST_NORMAL;
		enum style row = sel ? ST_SELECT : ST_NORMAL;
		bm_reg_state s = REG_RECORDED;
		reg_state_parse(reg_get(e, RF_STATE), &s);
		char when[40];
		if (dated)
			snprintf(when, sizeof when, "%s %s", reg_get(e, RF_AT_DAY), reg_get(e, RF_AT_TIME));
		else
			snprintf(when, sizeof when, "%s", reg_get(e, RF_DUE));
		if (sel)
			draw_fill(ry, 0, COLS, ST_SELECT);
		draw_text(ry, 1, wno, reg_get(e, RF_NO), row);
		draw_text(ry, 2 + wno, wst, reg_state_label(s), row);
		draw_text(ry, 3 + wno + wst, wwhen, when, sel ? style_selected(st) : st);
		draw_text(ry, 4 + wno + wst + wwhen, wp, books_person_of(e), row);
		draw_text(ry, 5 + wno + wst + wwhen + wp, wsub, reg_get(e, RF_SUBJECT), row);
	}
}

/* ---- the rest ------------------------------------------------------- */

/* A key person's visits and appointments (their ref) and cases (their
 * ID number), under the entry. */
static void person_links(ui *u, const reg_entry *p, bm_buf *t)
{
	reg_filter f = {.book = -1, .on_day = BM_NO_DAY, .query = reg_get(p, RF_NO)};
	reg_entry *v;
	size_t n;
	bm_error err = {0};
	if (reg_list(u->store, &u->clerk, &f, &v, &n, &err) == BM_OK) {
		for (size_t i = 0; i < n; i++) {
			bm_book b;
			if (strcmp(reg_get(&v[i], RF_REF), reg_get(p, RF_NO)) || !book_parse(reg_get(&v[i], RF_BOOK), &b))
				continue;
			bm_buf_printf(t, "%s %s %s %s %s\n", book_label(b), reg_get(&v[i], RF_NO), reg_get(&v[i], RF_AT_DAY),
				      reg_get(&v[i], RF_AT_TIME), reg_get(&v[i], RF_SUBJECT));
		}
		reg_entries_free(v, n);
	}
	if (!p->f[RF_ID_NO])
		return;
	case_filter cf;
	memset(&cf, 0, sizeof cf);
	cf.query = p->f[RF_ID_NO];
	case_summary *cs;
	if (case_list(u->store, &cf, &cs, &n, &err) == BM_OK) {
		for (size_t i = 0; i < n; i++)
			if (cs[i].id_no && !strcmp(cs[i].id_no, p->f[RF_ID_NO]))
				bm_buf_printf(t, "%s %s %s\n", _("case"), cs[i].no, cs[i].item_name ? cs[i].item_name : "");
		case_summaries_free(cs, n);
	}
}

static void show(ui *u)
{
	const reg_entry *e = books_selected(u);
	if (!e)
		return;
	bm_buf t = {0};
	for (int i = 0; i < RF__COUNT; i++) {
		const char *v = reg_get(e, (enum reg_field)i);
		bm_reg_state s;
		if (i == RF_STATE && reg_state_parse(v, &s))
			v = reg_state_label(s);
		if (e->masked && (i == RF_PERSON || i == RF_PHONE || i == RF_ID_NO))
			v = _("(confidential)");
		if (*v)
			bm_buf_printf(&t, "%s: %s\n", reg_field_label((enum reg_field)i), v);
	}
	if (!strcmp(reg_get(e, RF_BOOK), book_key(BOOK_PEOPLE)))
		person_links(u, e, &t);
	view_open(u, reg_get(e, RF_NO), "", bm_buf_steal(&t), NULL);
}

static void figures(ui *u)
{
	int y, m, d;
	bm_day_to_ymd(ui_today(), &y, &m, &d);
	reg_figures f;
	bm_error err = {0};
	if (reg_month_figures(u->store, y, m, ui_today(), &f, &err)) {
		ui_message(u, true, "%s", err.msg);
		return;
	}
	char title[64];
	snprintf(title, sizeof title, _("The books, %04d-%02d"), y, m);
	view_open(u, title, "", reg_figures_text(&f), NULL);
	reg_figures_free(&f);
}

/* Write data to dir/name.ext as a new file (name-2, -3 ... when taken). */
static char *write_new(const char *dir, const char *name, const char *ext, const bm_buf *data)
{
	for (int i = 1; i < 100; i++) {
		char *p = i == 1 ? bm_xasprintf("%s/%s.%s", dir, name, ext) : bm_xasprintf("%s/%s-%d.%s", dir, name, i, ext);
		int fd = open(p, O_WRONLY | O_CREAT | O_EXCL, 0600);
		if (fd < 0 && errno == EEXIST) {
			free(p);
			continue;
		}
		bool ok = fd >= 0 && write(fd, data->data ? data->data : "", data->len) == (ssize_t)data->len;
		if (fd >= 0)
			ok = close(fd) == 0 && ok;
		if (ok)
			return p;
		free(p);
		return NULL;
	}
	return NULL;
}

static void export(ui *u)
{
	books_state *b = u->books;
	char *dir = ui_spool_dir(u);
	mkdir(dir, 0700);
	char day[11], name[64];
	snprintf(name, sizeof name, "%s-%s", book_key(b->book), bm_day_format(ui_today(), day));
	char *paths[2] = {0};
	bm_error err = {0};
	for (int tsv = 0; tsv < 2; tsv++) {
		bm_buf out = {0};
		if (reg_export(u->store, &u->clerk, b->book, NULL, tsv, &out, &err) == BM_OK)
			paths[tsv] = write_new(dir, name, tsv ? "tsv" : "csv", &out);
		bm_buf_free(&out);
	}
	if (paths[0] && paths[1])
		ui_message(u, false, _("Exported to %s and %s."), paths[0], paths[1]);
	else
		ui_message(u, true, _("The export to %s failed: %s"), dir, err.msg[0] ? err.msg : strerror(errno));
	free(paths[0]);
	free(paths[1]);
	free(dir);
}

static void make_case(ui *u)
{
	const reg_entry *e = books_selected(u);
	if (!e)
		return;
	if (e->masked) {
		ui_message(u, true, "%s", _("The complainant is confidential: a supervisor takes the case."));
		return;
	}
	char no[40];
	snprintf(no, sizeof no, "%s", reg_get(e, RF_NO));
	bool visit = !strcmp(reg_get(e, RF_BOOK), book_key(BOOK_VISIT));
	bm_time when = ui_now();
	bm_error err = {0};
	/* 上门服务: received on the visit, entered now (refused when closed,
	 * not yet come, or too long ago) */
	if (visit && reg_visit_receipt(u->store, e, u->cal, ui_now(), &when, &err)) {
		ui_message(u, true, "%s", err.msg);
		return;
	}
	char *name = bm_xstrdup(e->f[RF_PERSON]), *id = bm_xstrdup(e->f[RF_ID_NO]);
	char *phone = bm_xstrdup(e->f[RF_PHONE]), *addr = bm_xstrdup(e->f[RF_VILLAGE]);
	intake_start(u);
	intake_prefill(u, name, id, phone, addr);
	snprintf(u->in.from_entry, sizeof u->in.from_entry, "%s", no);
	if (visit) {
		u->in.has_from_time = true;
		u->in.from_time = when;
	}
	free(name);
	free(id);
	free(phone);
	free(addr);
}

void books_key(ui *u, ui_key k)
{
	books_state *b = u->books;
	enum action a = keymap_action(CTX_BOOKS, k, false);
	if (list_move(a, &b->sel, b->n, (size_t)(UI_BOTTOM - UI_TOP - 3)))
		return;
	switch (a) {
	case A_BOOK_NEXT:
	case A_BOOK_PREV:
		b->book = (bm_book)(((int)b->book + (a == A_BOOK_NEXT ? 1 : BOOK__COUNT - 1)) % BOOK__COUNT);
		b->sel = b->top = 0;
		books_reload(u);
		break;
	case A_BOOK_ADD: books_add_open(u); break;
	case A_BOOK_ANSWER: books_step_open(u, 0); break;
	case A_BOOK_TRANSFER: books_step_open(u, 1); break;
	case A_BOOK_CLOSE: books_step_open(u, 2); break;
	case A_BOOK_CASE: make_case(u); break;
	case A_BOOK_SUPERVISE:
		b->supervise = !b->supervise;
		b->sel = b->top = 0;
		books_reload(u);
		break;
	case A_BOOK_EXPORT: export(u); break;
	case A_BOOK_FIGURES: figures(u); break;
	case A_BOOK_PRINT:
		if (books_selected(u)) {
			char no[40];
			snprintf(no, sizeof no, "%s", reg_get(books_selected(u), RF_NO));
			books_print_entry(u, no, false);
		}
		break;
	case A_OPEN: show(u); break;
	case A_BACK:
		u->msg[0] = '\0';
		u->home.dirty = true;   /* the loop reloads home before drawing it */
		ui_goto(u, SCR_HOME);
		break;
	default: break;
	}
}
