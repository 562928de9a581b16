/* dialog.c - a step's small form over the case view: text fields (the
 * same line-edit field as everywhere), one-of choices and checklists.
 * Enter goes to the next field and submits on the last one; Tab and
 * Shift-Tab move; Esc asks before throwing away typed text.  Also the
 * text view (the status answer) with a key to print it. */
#include "uipriv.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void field_release(dlg_field *f)
{
	field_free(&f->f);
	for (size_t i = 0; i < f->n_opts; i++)
		free(f->opts[i]);
	memset(f, 0, sizeof *f);
}

void dlg_close(ui *u)
{
	for (int i = 0; i < u->dlg.n; i++)
		field_release(&u->dlg.fl[i]);
	memset(&u->dlg, 0, sizeof u->dlg);
}

void dlg_open(ui *u, int step, const char *title, void (*submit)(ui *u))
{
	dlg_close(u);
	u->dlg.active = true;
	u->dlg.step = step;
	u->dlg.submit = submit;
	snprintf(u->dlg.title, sizeof u->dlg.title, "%s", title);
}

static dlg_field *add(ui *u, enum dlg_kind kind, const char *label)
{
	if (u->dlg.n >= DLG_MAX_FIELDS)
		return &u->dlg.fl[DLG_MAX_FIELDS - 1];
	dlg_field *f = &u->dlg.fl[u->dlg.n++];
	memset(f, 0, sizeof *f);
	f->kind = kind;
	snprintf(f->label, sizeof f->label, "%s", label);
	return f;
}

dlg_field *dlg_text(ui *u, const char *label, size_t max, bool required, bool secret, const char *init)
{
	dlg_field *f = add(u, DF_TEXT, label);
	field_init(&f->f, max, secret);
	field_set(&f->f, init);
	f->required = required;
	return f;
}

dlg_field *dlg_choice(ui *u, const char *label, size_t choice)
{
	dlg_field *f = add(u, DF_CHOICE, label);
	f->choice = choice;
	return f;
}

dlg_field *dlg_checks(ui *u, const char *label)
{
	return add(u, DF_CHECKS, label);
}

void dlg_opt(dlg_field *f, const char *label, size_t id)
{
	if (f->n_opts >= DLG_MAX_OPTS)
		return;
	f->ids[f->n_opts] = id;
	f->opts[f->n_opts++] = bm_xstrdup(label);
}

char *dlg_value(const ui *u, int i)
{
	if (i < 0 || i >= u->dlg.n || u->dlg.fl[i].kind != DF_TEXT || field_empty(&u->dlg.fl[i].f))
		return NULL;
	return field_text(&u->dlg.fl[i].f);
}

static bool typed(const ui *u)
{
	for (int i = 0; i < u->dlg.n; i++)
		if (u->dlg.fl[i].kind == DF_TEXT && !field_empty(&u->dlg.fl[i].f) && !u->dlg.fl[i].f.secret)
			return true;
	return false;
}

static void discard(ui *u)
{
	dlg_close(u);
	ui_message(u, false, "%s", _("Nothing was done."));
}

/* Rows a field takes: a checklist one per option. */
static int rows_of(const dlg_field *f)
{
	return f->kind == DF_CHECKS ? (int)(f->n_opts ? f->n_opts : 1) + 1 : 1;
}

static bool run_check(ui *u, dlg_field *f);

void dlg_draw(ui *u)
{
	dialog *d = &u->dlg;
	int w = COLS - 4 < 100 ? COLS - 4 : 100;
	int inner = w - 4;
	int warn_rows = 0;
	size_t nw = 0;
	char **wl = NULL;
	if (d->warn[0]) {
		wl = text_wrap(d->warn, inner, &nw);
		warn_rows = (int)nw + 1;
	}
	int body = 0;
	for (int i = 0; i < d->n; i++)
		body += rows_of(&d->fl[i]);
	int h = 2 + warn_rows + body + 2 + 1;
	int maxh = LINES - 4;
	if (h > maxh)
		h = maxh;
	int y0 = (LINES - h) / 2, x0 = (COLS - w) / 2;
	/* whole rows: no half of a wide character, no stray cell of the list
	 * below is left beside the box */
	for (int r = 0; r < h; r++)
		draw_fill(y0 + r, 0, COLS, ST_NORMAL);
	attrset(style_attr(ST_HEAD));
	mvhline(y0, x0, ACS_HLINE, w);
	mvhline(y0 + h - 1, x0, ACS_HLINE, w);
	mvvline(y0, x0, ACS_VLINE, h);
	mvvline(y0, x0 + w - 1, ACS_VLINE, h);
	mvaddch(y0, x0, ACS_ULCORNER);
	mvaddch(y0, x0 + w - 1, ACS_URCORNER);
	mvaddch(y0 + h - 1, x0, ACS_LLCORNER);
	mvaddch(y0 + h - 1, x0 + w - 1, ACS_LRCORNER);
	attrset(A_NORMAL);
	char t[160];
	snprintf(t, sizeof t, " %s ", d->title);
	draw_clip(y0, x0 + 2, w - 4, t, ST_HEAD);
	int y = y0 + 1, x = x0 + 2, last = y0 + h - 2;
	for (size_t i = 0; i < nw && y < last; i++)
		draw_text(y++, x, inner, wl[i], ST_ERROR);
	text_lines_free(wl);
	if (warn_rows)
		y++;
	int lw = 18;                 /* label column, by display width */
	int cx = -1, cy = -1;
	for (int i = 0; i < d->n && y < last - 1; i++) {
		dlg_field *f = &d->fl[i];
		bool focus = i == d->focus;
		if (f->kind == DF_TEXT && f->check && !f->note[0] && !field_empty(&f->f))
			run_check(u, f);   /* a field filled in advance says its note too */
		char lab[80];
		snprintf(lab, sizeof lab, "%s%s", f->label, f->required ? " *" : "");
		draw_text(y, x, lw, lab, focus ? ST_HEAD : ST_NORMAL);
		int fx = x + lw + 1, fw = inner - lw - 1;
		if (f->kind == DF_TEXT && f->note[0]) {
			/* the check's note beside a short field */
			int w0 = fw > 44 ? 20 : fw / 2;
			draw_clip(y, fx + w0 + 2, fw - w0 - 2, f->note, f->note_ok ? ST_OK : ST_ERROR);
			field_draw(&f->f, y, fx, w0, focus);
			if (focus)
				cy = -2;
			y++;
		} else if (f->kind == DF_TEXT) {
			field_draw(&f->f, y, fx, fw, focus);
			if (focus)
				cy = -2;     /* field_draw placed the cursor */
			y++;
		} else if (f->kind == DF_CHOICE) {
			int used = 0;
			for (size_t k = 0; k < f->n_opts && used < fw; k++) {
				char o[96];
				snprintf(o, sizeof o, k == f->choice ? "[%s]" : " %s ", f->opts[k]);
				int cw = draw_clip(y, fx + used, fw - used, o,
						   k == f->choice ? (focus ? ST_SELECT : ST_OK) : ST_NORMAL);
				if (k == f->choice && focus)
					cy = y, cx = fx + used;
				used += cw + 1;
			}
			y++;
		} else {
			draw_text(y, fx, fw, _("Space ticks, Up/Down move, Enter goes on"), ST_DIM);
			y++;
			if (!f->n_opts)
				draw_text(y++, fx, fw, _("(nothing to choose)"), ST_DIM);
			for (size_t k = 0; k < f->n_opts && y < last - 1; k++) {
				char o[300];
				snprintf(o, sizeof o, "[%s] %s", f->checked[k] ? "x" : " ", f->opts[k]);
				bool sel = focus && k == f->choice;
				draw_text(y, fx, fw, o, sel ? ST_SELECT : ST_NORMAL);
				if (sel)
					cy = y, cx = fx + 1;
				y++;
			}
		}
	}
	if (d->err[0])
		draw_text(last, x, inner, d->err, ST_ERROR);
	else
		draw_text(last, x, inner, _("Enter: next field, on the last one do it · Esc: cancel"), ST_DIM);
	if (cy >= 0)
		ui_set_cursor(cy, cx);
}

void dlg_check(dlg_field *f, bool (*check)(ui *u, const char *value, char *note, size_t len))
{
	f->check = check;
}

/* Run f's check on its text: the note beside it; false when it fails. */
static bool run_check(ui *u, dlg_field *f)
{
	f->note[0] = '\0';
	f->note_ok = true;
	if (f->kind != DF_TEXT || !f->check)
		return true;
	char *v = field_text(&f->f);
	f->note_ok = f->check(u, v, f->note, sizeof f->note);
	free(v);
	return f->note_ok;
}

/* May the focus leave the focused field?  Else its note is the error. */
static bool leave_ok(ui *u)
{
	dlg_field *f = &u->dlg.fl[u->dlg.focus];
	if (run_check(u, f))
		return true;
	snprintf(u->dlg.err, sizeof u->dlg.err, "%s: %s", f->label, f->note);
	return false;
}

static bool check_required(ui *u)
{
	for (int i = 0; i < u->dlg.n; i++) {
		dlg_field *f = &u->dlg.fl[i];
		if (f->required && f->kind == DF_TEXT && field_empty(&f->f)) {
			snprintf(u->dlg.err, sizeof u->dlg.err, _("%s: this is required."), f->label);
			u->dlg.focus = i;
			return false;
		}
		if (!run_check(u, f)) {
			snprintf(u->dlg.err, sizeof u->dlg.err, "%s: %s", f->label, f->note);
			u->dlg.focus = i;
			return false;
		}
	}
	return true;
}

void dlg_key(ui *u, ui_key k)
{
	dialog *d = &u->dlg;
	if (d->n == 0) {
		dlg_close(u);
		return;
	}
	dlg_field *f = &d->fl[d->focus];
	bool text = f->kind == DF_TEXT;
	enum action a = keymap_action(CTX_DIALOG, k, text);
	switch (a) {
	case A_BACK:
		if (typed(u))
			ui_ask(u, _("Throw away what was typed? (y/n)"), discard);
		else
			discard(u);
		return;
	case A_NEXT:
		d->err[0] = '\0';
		if (!leave_ok(u))
			return;
		if (d->focus + 1 < d->n) {
			d->focus++;
		} else if (check_required(u) && d->submit) {
			d->submit(u);
		}
		return;
	case A_NEXT_FIELD:
		if (!leave_ok(u))
			return;
		d->focus = (d->focus + 1) % d->n;
		return;
	case A_PREV_FIELD:
		d->focus = (d->focus + d->n - 1) % d->n;
		return;
	default:
		break;
	}
	if (text) {
		if (a == A_UP && d->focus > 0)
			d->focus--;
		else if (a == A_DOWN && d->focus + 1 < d->n)
			d->focus++;
		else if (field_key(&f->f, k)) {
			run_check(u, f);
			d->err[0] = '\0';
		}
		return;
	}
	if (f->n_opts == 0)
		return;
	bool left = k.fn && k.ch == KEY_LEFT, right = k.fn && k.ch == KEY_RIGHT;
	if (f->kind == DF_CHOICE) {
		if (left)
			f->choice = (f->choice + f->n_opts - 1) % f->n_opts;
		else if (right || a == A_TOGGLE)
			f->choice = (f->choice + 1) % f->n_opts;
		else if (!k.fn && k.ch >= L'1' && k.ch < L'1' + (wint_t)f->n_opts)
			f->choice = (size_t)(k.ch - L'1');
		else if (a == A_UP && d->focus > 0)
			d->focus--;
		else if (a == A_DOWN && d->focus + 1 < d->n)
			d->focus++;
		return;
	}
	/* checklist */
	if (a == A_UP) {
		if (f->choice > 0)
			f->choice--;
		else if (d->focus > 0)
			d->focus--;
	} else if (a == A_DOWN) {
		if (f->choice + 1 < f->n_opts)
			f->choice++;
		else if (d->focus + 1 < d->n)
			d->focus++;
	} else if (a == A_TOGGLE) {
		f->checked[f->choice] = !f->checked[f->choice];
	} else if (!k.fn && k.ch == L'a') {
		for (size_t i = 0; i < f->n_opts; i++)
			f->checked[i] = true;
	}
}

/* ---- the text view --------------------------------------------------- */
void view_close(ui *u)
{
	free(u->view.text);
	memset(&u->view, 0, sizeof u->view);
}

void view_open(ui *u, const char *title, const char *no, char *text, bool (*print)(ui *u))
{
	view_close(u);
	u->view.active = true;
	snprintf(u->view.title, sizeof u->view.title, "%s", title);
	snprintf(u->view.no, sizeof u->view.no, "%s", no ? no : "");
	u->view.text = text;
	u->view.print = print;
}

void view_draw(ui *u)
{
	int w = COLS - 4 < 90 ? COLS - 4 : 90;
	int h = LINES - 4;
	int y0 = 1, x0 = (COLS - w) / 2;
	for (int r = 0; r < h; r++)
		draw_fill(y0 + r, 0, COLS, ST_NORMAL);   /* whole rows, as dlg_draw */
	attrset(style_attr(ST_HEAD));
	mvhline(y0, x0, ACS_HLINE, w);
	mvhline(y0 + h - 1, x0, ACS_HLINE, w);
	mvvline(y0, x0, ACS_VLINE, h);
	mvvline(y0, x0 + w - 1, ACS_VLINE, h);
	mvaddch(y0, x0, ACS_ULCORNER);
	mvaddch(y0, x0 + w - 1, ACS_URCORNER);
	mvaddch(y0 + h - 1, x0, ACS_LLCORNER);
	mvaddch(y0 + h - 1, x0 + w - 1, ACS_LRCORNER);
	attrset(A_NORMAL);
	char t[160];
	snprintf(t, sizeof t, " %s ", u->view.title);
	draw_clip(y0, x0 + 2, w - 4, t, ST_HEAD);
	tlines tl = {0};
	const char *p = u->view.text ? u->view.text : "";
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t n = nl ? (size_t)(nl - p) : strlen(p);
		char *line = bm_xstrndup(p, n);
		tl_add(&tl, w - 4, 0, ST_NORMAL, line);
		free(line);
		p += n + (nl != NULL);
	}
	tl_draw(&tl, y0 + 1, x0 + 2, w - 4, h - 2, &u->view.scroll);
	tl_free(&tl);
}

void view_key(ui *u, ui_key k)
{
	enum action a = keymap_action(CTX_VIEW, k, false);
	switch (a) {
	case A_UP: u->view.scroll--; break;
	case A_DOWN: u->view.scroll++; break;
	case A_PGUP: u->view.scroll -= LINES / 2; break;
	case A_PGDN: u->view.scroll += LINES / 2; break;
	case A_BACK: view_close(u); break;
	case A_PRINT:
		if (u->view.print)
			u->view.print(u);
		break;
	default: break;
	}
}
