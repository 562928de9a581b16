/* books_forms.c - the Books screen's small forms: a new entry of each
 * book (a walk-in question with its answer: type both, Enter), answer,
 * transfer (转办), close; and an entry's paper (登记表, 投诉答复书). */
#include "books_int.h"

#include "bianmin/slip.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
	books_reload(u);
	for (size_t i = 0; i < b->n; i++)
		if (!strcmp(reg_get(&b->rows[i], RF_NO), no))
			b->sel = i;
	u->home.dirty = true;
	ui_message(u, false, serious ? _("Recorded %s. A serious complaint: report it to the head of the center.")
				     : _("Recorded %s."), no);
}

void books_add_open(ui *u)
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
		/* a key person (重点人群) fills name, phone and village */
		text(u, RF_REF, _("Key person (ZD number)"), 40, false, NULL);
		text(u, RF_PERSON, _("Name (empty: the key person's)"), 40, false, NULL);
		text(u, RF_PHONE, _("Phone"), 20, false, NULL);
		if (b->book == BOOK_APPOINTMENT) {
			text(u, RF_SUBJECT, _("Item (code or text)"), 80, true, NULL);
		} else {
			text(u, RF_VILLAGE, _("Village"), 40, false, NULL);
			text(u, RF_SUBJECT, _("Needs"), 200, false, NULL);
			text(u, RF_EXTRA, _("Who goes"), 60, false, u->clerk.name);
		}
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
void books_print_entry(ui *u, const char *no, bool quiet_when_none)
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
	struct slip_ctx *ctx = reg_paper_context(&e, u->center, &u->clerk, ui_now());
	bm_buf msg = {0};
	bool ok = ui_emit_paper(u, no, form, ctx, &msg);
	ui_message(u, !ok, "%s", msg.data ? msg.data : "");
	bm_buf_free(&msg);
	slip_ctx_free(ctx);
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
	books_reload(u);
	u->home.dirty = true;
	ui_message(u, false, _("%s: saved."), b->no);
	if (step == 0)
		books_print_entry(u, b->no, true);   /* 书面投诉: the written answer */
}

void books_step_open(ui *u, int step)
{
	const reg_entry *e = books_selected(u);
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

