/* scr_books.c - the other books on the screen (register.h): one list per
 * book (Left/Right), a small form to add an entry (a walk-in question
 * with its answer: type both, Enter), answer, transfer (转办), close,
 * 督办 (only the open entries past due), make a case of an entry (intake
 * with its person), the month's figures, CSV/TSV export to the spool. */
#include "uipriv.h"

#include "bianmin/register.h"
#include "bianmin/slip.h"

#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct books_state {
	bm_book book;
	reg_entry *rows;
	size_t n, sel, top;
	bool supervise;
	/* the open form: which entry field each dialog field fills, and the
	 * values of choice options */
	enum reg_field map[DLG_MAX_FIELDS];
	const char *const *vals[DLG_MAX_FIELDS];
	char no[40];             /* the entry a step form is about */
} books_state;

static void reload(ui *u)
{
	books_state *b = u->books;
	reg_entries_free(b->rows, b->n);
	b->rows = NULL;
	b->n = 0;
	reg_filter f = {.book = (int)b->book, .overdue_only = b->supervise, .today = ui_today(), .on_day = BM_NO_DAY};
	/* 督办: a clerk follows up what they recorded (首问), the head everything */
	if (b->supervise && !auth_can(&u->clerk, ROLE_SUPERVISOR))
		f.mine = u->clerk.code;
	bm_error err = {0};
	if (reg_list(u->store, &u->clerk, &f, &b->rows, &b->n, &err) != BM_OK)
		ui_message(u, true, "%s", err.msg);
	if (b->sel >= b->n)
		b->sel = b->n ? b->n - 1 : 0;
}

void books_open(ui *u)
{
	if (!u->books)
		u->books = bm_xcalloc(1, sizeof *u->books);
	/* from home: always the first book, everything (another clerk may
	 * have logged in since) */
	u->books->book = BOOK_CONSULT;
	u->books->supervise = false;
	u->books->sel = u->books->top = 0;
	reload(u);
	u->msg[0] = '\0';
	ui_goto(u, SCR_BOOKS);
}

void books_free(ui *u)
{
	if (!u->books)
		return;
	reg_entries_free(u->books->rows, u->books->n);
	free(u->books);
	u->books = NULL;
}

static const reg_entry *selected(const ui *u)
{
	const books_state *b = u->books;
	return b && b->n ? &b->rows[b->sel] : NULL;
}

static const char *person_of(const reg_entry *e)
{
	return e->masked ? _("(confidential)") : reg_get(e, RF_PERSON);
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
		draw_text(ry, 4 + wno + wst + wwhen, wp, person_of(e), row);
		draw_text(ry, 5 + wno + wst + wwhen + wp, wsub, reg_get(e, RF_SUBJECT), row);
	}
}

/* ---- forms ------------------------------------------------------------ */

static const char *const CONSULT_CH[] = {"walkin", "visit", "letter", "call", NULL};
static const char *const COMPLAINT_CH[] = {"oral", "phone", "written", NULL};
static const char *const CATEGORIES[] = {"old", "weak", "sick", "disabled", NULL};
static const char *const COMPLAINT_FL[] = {"complex", "serious", NULL};

static const char *choice_label(const char *key)
{
	static const struct { const char *key, *label; } L[] = {
		{"walkin", N_("walk-in question")}, {"visit", N_("visit (来访)")}, {"letter", N_("letter (来信)")},
		{"call", N_("call (来电)")}, {"oral", N_("oral")}, {"phone", N_("by phone")},
		{"written", N_("written (answered in writing)")}, {"old", N_("old")}, {"weak", N_("weak")},
		{"sick", N_("sick")}, {"disabled", N_("disabled")}, {"complex", N_("complex (a week)")},
		{"serious", N_("serious (report to the head)")},
	};
	for (size_t i = 0; i < sizeof L / sizeof L[0]; i++)
		if (!strcmp(L[i].key, key))
			return _(L[i].label);
	return key;
}

static void text(ui *u, enum reg_field f, const char *label, size_t max, bool required, const char *init)
{
	u->books->map[u->dlg.n] = f;
	u->books->vals[u->dlg.n] = NULL;
	dlg_text(u, label, max, required, false, init);
}

static void choice(ui *u, enum reg_field f, const char *label, const char *const *vals, bool checks)
{
	u->books->map[u->dlg.n] = f;
	u->books->vals[u->dlg.n] = vals;
	dlg_field *d = checks ? dlg_checks(u, label) : dlg_choice(u, label, 0);
	for (size_t i = 0; vals[i]; i++)
		dlg_opt(d, choice_label(vals[i]), i);
}

/* The dialog's values into fields[] (malloc'd strings, freed by caller). */
static void collect(ui *u, char **fields)
{
	for (int i = 0; i < u->dlg.n; i++) {
		const dlg_field *d = &u->dlg.fl[i];
		enum reg_field f = u->books->map[i];
		char *v = NULL;
		if (d->kind == DF_TEXT) {
			v = dlg_value(u, i);
		} else if (d->kind == DF_CHOICE) {
			v = bm_xstrdup(u->books->vals[i][d->ids[d->choice]]);
		} else {
			bm_buf b = {0};
			for (size_t k = 0; k < d->n_opts; k++)
				if (d->checked[k])
					bm_buf_printf(&b, "%s%s", b.len ? "," : "", u->books->vals[i][d->ids[k]]);
			v = b.len ? bm_buf_steal(&b) : NULL;
			bm_buf_free(&b);
		}
		free(fields[f]);
		fields[f] = v;
	}
}

/* An appointment's item typed as a catalog code: its name and window. */
static void resolve_item(ui *u, char **fields)
{
	const bm_item *it = fields[RF_SUBJECT] ? catalog_find(u->catalog, fields[RF_SUBJECT]) : NULL;
	if (!it)
		return;
	free(fields[RF_SUBJECT]);
	fields[RF_SUBJECT] = bm_xasprintf("%s %s", it->code, it->name);
	if (!fields[RF_WINDOW])
		fields[RF_WINDOW] = bm_xstrdup(it->window);
}

static void add_submit(ui *u)
{
	books_state *b = u->books;
	char *fields[RF__COUNT] = {0};
	collect(u, fields);
	if (b->book == BOOK_APPOINTMENT)
		resolve_item(u, fields);
	char no[40];
	bm_error err = {0};
	int rc = reg_record(u->store, &u->clerk, u->center, u->cal, b->book, (const char *const *)fields, ui_now(), no, &err);
	bool serious = fields[RF_FLAGS] && strstr(fields[RF_FLAGS], "serious");
	for (int i = 0; i < RF__COUNT; i++)
		free(fields[i]);
	if (rc) {
		snprintf(u->dlg.err, sizeof u->dlg.err, "%s", err.msg);
		return;
	}
	dlg_close(u);
	reload(u);
	for (size_t i = 0; i < b->n; i++)
		if (!strcmp(reg_get(&b->rows[i], RF_NO), no))
			b->sel = i;
	u->home_dirty = true;
	ui_message(u, false, serious ? _("Recorded %s. A serious complaint: report it to the head of the center.")
				     : _("Recorded %s."), no);
}

static void add_open(ui *u)
{
	books_state *b = u->books;
	char title[128], tomorrow[11];
	snprintf(title, sizeof title, _("New entry: %s"), book_label(b->book));
	bm_day_format(calendar_add_workdays(u->cal, ui_today(), 1, NULL), tomorrow);
	switch (b->book) {
	case BOOK_CONSULT:
		dlg_open(u, 0, title, add_submit);
		text(u, RF_SUBJECT, _("Question"), 200, true, NULL);
		text(u, RF_ANSWER, _("Answer (empty: not yet)"), 200, false, NULL);
		text(u, RF_PERSON, _("Name"), 40, false, NULL);
		text(u, RF_PHONE, _("Phone"), 20, false, NULL);
		choice(u, RF_CHANNEL, _("Came as"), CONSULT_CH, false);
		break;
	case BOOK_COMPLAINT:
		dlg_open(u, 0, title, add_submit);
		text(u, RF_SUBJECT, _("Complaint"), 200, true, NULL);
		text(u, RF_PERSON, _("Complainant"), 40, false, NULL);
		text(u, RF_PHONE, _("Phone"), 20, false, NULL);
		text(u, RF_WINDOW, _("About window"), 40, false, NULL);
		text(u, RF_NAMED_CLERK, _("Clerk named (工号)"), 20, false, NULL);
		choice(u, RF_CHANNEL, _("Came as"), COMPLAINT_CH, false);
		choice(u, RF_FLAGS, _("Flags"), COMPLAINT_FL, true);
		break;
	case BOOK_APPOINTMENT:
	case BOOK_VISIT:
		dlg_open(u, 0, title, add_submit);
		text(u, RF_AT_DAY, _("Date (YYYY-MM-DD)"), 10, true, tomorrow);
		text(u, RF_AT_TIME, _("Time (HH:MM)"), 5, false, "09:00");
		text(u, RF_PERSON, _("Name"), 40, true, NULL);
		text(u, RF_PHONE, _("Phone"), 20, false, NULL);
		if (b->book == BOOK_APPOINTMENT) {
			text(u, RF_SUBJECT, _("Item (code or text)"), 80, true, NULL);
		} else {
			text(u, RF_VILLAGE, _("Village"), 40, false, NULL);
			text(u, RF_SUBJECT, _("Needs"), 200, false, NULL);
			text(u, RF_EXTRA, _("Who goes"), 60, false, u->clerk.name);
		}
		text(u, RF_REF, _("Key person (ZD number)"), 40, false, NULL);
		break;
	case BOOK_PEOPLE:
		dlg_open(u, 0, title, add_submit);
		text(u, RF_PERSON, _("Name"), 40, true, NULL);
		choice(u, RF_EXTRA, _("Category"), CATEGORIES, true);
		text(u, RF_VILLAGE, _("Village"), 40, false, NULL);
		text(u, RF_PHONE, _("Phone / contact"), 40, false, NULL);
		text(u, RF_ID_NO, _("ID number"), 18, false, NULL);
		text(u, RF_SUBJECT, _("Needs"), 200, false, NULL);
		text(u, RF_AT_DAY, _("Review on (YYYY-MM-DD)"), 10, false, NULL);
		break;
	default:
		ui_message(u, true, "%s", _("Extended-hours entries are written by intake, outside the center's hours."));
		break;
	}
}

/* The paper of entry no (loaded afresh) to the printer or the spool. */
static void print_entry(ui *u, const char *no, bool quiet_when_none)
{
	reg_entry e;
	bm_error err = {0};
	if (reg_load(u->store, &u->clerk, no, &e, &err)) {
		ui_message(u, true, "%s", err.msg);
		return;
	}
	const char *form = reg_paper_form(&e);
	if (!form) {
		if (!quiet_when_none)
			ui_message(u, true, "%s", _("This entry has no paper."));
		reg_entry_free(&e);
		return;
	}
	bm_diags d = {0};
	slip_form *f = slip_load_form(u->app->paths.forms, form, &d);
	diags_free(&d);
	if (!f) {
		ui_message(u, true, _("The form %s cannot be loaded (bianmin forms check)."), form);
		reg_entry_free(&e);
		return;
	}
	struct slip_ctx *ctx = reg_paper_context(&e, u->center, &u->clerk, ui_now());
	bm_buf msg = {0};
	bool ok = ui_emit_paper(u, no, form, f, ctx, &msg);
	ui_message(u, !ok, "%s", msg.data ? msg.data : "");
	bm_buf_free(&msg);
	slip_ctx_free(ctx);
	slip_free(f);
	reg_entry_free(&e);
}

static void step_submit(ui *u)
{
	books_state *b = u->books;
	char *fields[RF__COUNT] = {0};
	collect(u, fields);
	reg_set sets[RF__COUNT];
	size_t n = 0;
	char *note = NULL;
	for (int i = 0; i < RF__COUNT; i++) {
		if (i == RF_NO) {            /* the note field of a close */
			note = fields[i];
			continue;
		}
		if (fields[i])
			sets[n++] = (reg_set){(enum reg_field)i, fields[i]};
	}
	static const char *const steps[] = {"answer", "transfer", "close"};
	bm_error err = {0};
	int rc = reg_step(u->store, &u->clerk, u->cal, u->center, b->no, steps[u->dlg.step], sets, n, note, ui_now(), &err);
	for (int i = 0; i < RF__COUNT; i++)
		free(fields[i]);
	if (rc) {
		snprintf(u->dlg.err, sizeof u->dlg.err, "%s", err.msg);
		return;
	}
	int step = u->dlg.step;
	dlg_close(u);
	reload(u);
	u->home_dirty = true;
	ui_message(u, false, _("%s: saved."), b->no);
	if (step == 0)
		print_entry(u, b->no, true);   /* 书面投诉: the written answer */
}

static void step_open(ui *u, int step)
{
	const reg_entry *e = selected(u);
	if (!e)
		return;
	books_state *b = u->books;
	snprintf(b->no, sizeof b->no, "%s", reg_get(e, RF_NO));
	char title[128], due[11];
	if (step == 0) {
		snprintf(title, sizeof title, _("Answer %s"), b->no);
		dlg_open(u, 0, title, step_submit);
		text(u, RF_ANSWER, _("Answer"), 400, true, e->f[RF_ANSWER]);
	} else if (step == 1) {
		snprintf(title, sizeof title, _("Transfer %s (转办)"), b->no);
		dlg_open(u, 1, title, step_submit);
		text(u, RF_WINDOW, _("To window or office"), 40, true, NULL);
		bm_day_format(calendar_add_workdays(u->cal, ui_today(), u->center->limit_consult, NULL), due);
		text(u, RF_DUE, _("Due (YYYY-MM-DD)"), 10, true, due);
	} else {
		snprintf(title, sizeof title, _("Close %s"), b->no);
		dlg_open(u, 2, title, step_submit);
		text(u, RF_NO, _("Note"), 200, false, NULL);
	}
}

/* ---- the rest ------------------------------------------------------- */

static void show(ui *u)
{
	const reg_entry *e = selected(u);
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
	view_open(u, reg_get(e, RF_NO), "", bm_buf_steal(&t));
}

static void figures(ui *u)
{
	int y, m, d;
	bm_day_to_ymd(ui_today(), &y, &m, &d);
	reg_figures f;
	bm_error err = {0};
	if (reg_month_figures(u->store, y, m, u->cal, &f, &err)) {
		ui_message(u, true, "%s", err.msg);
		return;
	}
	char title[64];
	snprintf(title, sizeof title, _("The books, %04d-%02d"), y, m);
	view_open(u, title, "", reg_figures_text(&f));
	reg_figures_free(&f);
}

void books_month_lines(ui *u, struct tlines *t, int width, int year, int month)
{
	reg_figures f;
	bm_error err = {0};
	if (reg_month_figures(u->store, year, month, u->cal, &f, &err) != BM_OK)
		return;
	tl_add(t, width, 0, ST_NORMAL, "");
	tl_addf(t, width, 0, ST_HEAD, _("The other books, %04d-%02d"), year, month);
	char *text = reg_figures_text(&f);
	for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n"))
		tl_add(t, width, 0, ST_NORMAL, line);
	free(text);
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
	const reg_entry *e = selected(u);
	if (!e)
		return;
	if (e->masked) {
		ui_message(u, true, "%s", _("The complainant is confidential: a supervisor takes the case."));
		return;
	}
	char no[40];
	snprintf(no, sizeof no, "%s", reg_get(e, RF_NO));
	bool visit = !strcmp(reg_get(e, RF_BOOK), book_key(BOOK_VISIT));
	bm_day d;
	bm_time when = ui_now();
	if (visit && bm_day_parse(reg_get(e, RF_AT_DAY), &d)) {
		int h = 9, m = 0;
		if (e->f[RF_AT_TIME])
			sscanf(e->f[RF_AT_TIME], "%d:%d", &h, &m);
		when.epoch = (int64_t)d * 86400 + h * 3600 + m * 60 - when.utc_offset;
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

int books_after_intake(ui *u, const char *case_no, const char *person, const char *item, bm_time at,
		       bool *extended, bm_error *err)
{
	int rc = reg_mark_extended(u->store, &u->clerk, u->center, u->cal, case_no, person, item, at, extended, err);
	if (!rc && u->in.from_entry[0]) {
		reg_set link = {RF_CASE_NO, case_no};
		rc = reg_step(u->store, &u->clerk, u->cal, u->center, u->in.from_entry, "link", &link, 1, NULL, ui_now(), err);
	}
	if (!rc && u->books)
		reload(u);
	return rc;
}

char **books_today(ui *u, size_t *n)
{
	*n = 0;
	reg_filter f = {.book = -1, .open_only = true, .today = ui_today(), .on_day = ui_today()};
	reg_entry *v;
	size_t nv;
	bm_error err = {0};
	if (reg_list(u->store, &u->clerk, &f, &v, &nv, &err) != BM_OK)
		return NULL;
	char **lines = nv ? bm_xcalloc(nv, sizeof *lines) : NULL;
	for (size_t i = 0; i < nv; i++) {
		bool visit = !strcmp(reg_get(&v[i], RF_BOOK), book_key(BOOK_VISIT));
		if (!visit && strcmp(reg_get(&v[i], RF_BOOK), book_key(BOOK_APPOINTMENT)))
			continue;
		lines[(*n)++] = bm_xasprintf(visit ? _("Home visit today %s: %s %s %s") : _("Appointment today %s: %s %s %s"),
					      reg_get(&v[i], RF_AT_TIME), person_of(&v[i]), reg_get(&v[i], RF_SUBJECT),
					      reg_get(&v[i], RF_NO));
	}
	reg_entries_free(v, nv);
	/* 督办: the clerk's own entries past their due date (all, for the head) */
	reg_filter o = {.book = -1, .overdue_only = true, .today = ui_today(), .on_day = BM_NO_DAY,
			.mine = auth_can(&u->clerk, ROLE_SUPERVISOR) ? NULL : u->clerk.code};
	if (reg_list(u->store, &u->clerk, &o, &v, &nv, &err) == BM_OK) {
		if (nv) {
			char k1[16], k2[16];
			lines = bm_xrealloc(lines, (*n + 1) * sizeof *lines);
			lines[(*n)++] = bm_xasprintf(_("督办: %zu book entries past their due date (%s, then %s)"), nv,
						      keymap_key_label(A_BOOKS, k1, sizeof k1),
						      keymap_key_label(A_BOOK_SUPERVISE, k2, sizeof k2));
		}
		reg_entries_free(v, nv);
	}
	return lines;
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
		reload(u);
		break;
	case A_BOOK_ADD: add_open(u); break;
	case A_BOOK_ANSWER: step_open(u, 0); break;
	case A_BOOK_TRANSFER: step_open(u, 1); break;
	case A_BOOK_CLOSE: step_open(u, 2); break;
	case A_BOOK_CASE: make_case(u); break;
	case A_BOOK_SUPERVISE:
		b->supervise = !b->supervise;
		b->sel = b->top = 0;
		reload(u);
		break;
	case A_BOOK_EXPORT: export(u); break;
	case A_BOOK_FIGURES: figures(u); break;
	case A_BOOK_PRINT:
		if (selected(u)) {
			char no[40];
			snprintf(no, sizeof no, "%s", reg_get(selected(u), RF_NO));
			print_entry(u, no, false);
		}
		break;
	case A_OPEN: show(u); break;
	case A_BACK:
		u->msg[0] = '\0';
		home_reload(u);
		ui_goto(u, SCR_HOME);
		break;
	default: break;
	}
}
