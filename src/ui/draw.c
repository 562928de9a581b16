/* draw.c - colours (with a monochrome fallback; NO_COLOR honoured) and
 * text put on screen by DISPLAY width (text.h), never by bytes, so
 * Chinese text never breaks a column. */
#include "uipriv.h"

#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bool colour;

enum { P_TITLE = 1, P_KEY, P_SELECT, P_OVERDUE, P_SOON, P_WAITING, P_ERROR, P_OK, P_HEAD, P_FIELD };

enum style style_selected(enum style s)
{
	return s == ST_OVERDUE ? ST_SELECT_OVERDUE : s == ST_SOON ? ST_SELECT_SOON : ST_SELECT;
}

void draw_init_colors(void)
{
	const char *nc = getenv("NO_COLOR");
	colour = has_colors() && !(nc && *nc);
	if (!colour)
		return;
	start_color();
	use_default_colors();
	init_pair(P_TITLE, COLOR_WHITE, COLOR_BLUE);
	init_pair(P_KEY, COLOR_BLACK, COLOR_CYAN);
	init_pair(P_SELECT, COLOR_BLACK, COLOR_CYAN);
	init_pair(P_OVERDUE, COLOR_RED, -1);
	init_pair(P_SOON, COLOR_YELLOW, -1);
	init_pair(P_WAITING, COLOR_MAGENTA, -1);
	init_pair(P_ERROR, COLOR_RED, -1);
	init_pair(P_OK, COLOR_GREEN, -1);
	init_pair(P_HEAD, COLOR_CYAN, -1);
	init_pair(P_FIELD, -1, -1);
}

int style_attr(enum style s)
{
	if (colour) {
		switch (s) {
		case ST_NORMAL: return A_NORMAL;
		case ST_TITLE: return COLOR_PAIR(P_TITLE) | A_BOLD;
		case ST_KEY: return COLOR_PAIR(P_KEY);
		case ST_LABEL: return A_NORMAL;
		case ST_SELECT: return COLOR_PAIR(P_SELECT);
		case ST_OVERDUE: return COLOR_PAIR(P_OVERDUE) | A_BOLD;
		case ST_SOON: return COLOR_PAIR(P_SOON) | A_BOLD;
		case ST_WAITING: return COLOR_PAIR(P_WAITING);
		case ST_ERROR: return COLOR_PAIR(P_ERROR) | A_BOLD;
		case ST_OK: return COLOR_PAIR(P_OK) | A_BOLD;
		case ST_DIM: return A_DIM;
		case ST_HEAD: return COLOR_PAIR(P_HEAD) | A_BOLD;
		case ST_FIELD: return A_UNDERLINE;
		case ST_FOCUS: return A_UNDERLINE | A_BOLD;
		/* reversed red / yellow: selected, and still overdue / due soon */
		case ST_SELECT_OVERDUE: return COLOR_PAIR(P_OVERDUE) | A_REVERSE | A_BOLD;
		case ST_SELECT_SOON: return COLOR_PAIR(P_SOON) | A_REVERSE | A_BOLD;
		case ST__COUNT: break;
		}
		return A_NORMAL;
	}
	/* monochrome: bold, reverse and underline say the same things */
	switch (s) {
	case ST_TITLE: return A_REVERSE;
	case ST_KEY: return A_REVERSE;
	case ST_SELECT: return A_REVERSE;
	case ST_OVERDUE: return A_BOLD | A_UNDERLINE;
	case ST_SOON: return A_BOLD;
	case ST_WAITING: return A_UNDERLINE;
	case ST_ERROR: return A_BOLD;
	case ST_OK: return A_BOLD;
	case ST_HEAD: return A_BOLD;
	case ST_FIELD: return A_UNDERLINE;
	case ST_FOCUS: return A_UNDERLINE | A_BOLD;
	case ST_SELECT_OVERDUE: return A_REVERSE | A_BOLD | A_UNDERLINE;
	case ST_SELECT_SOON: return A_REVERSE | A_BOLD;
	default: return A_NORMAL;
	}
}

void draw_text(int y, int x, int w, const char *s, enum style st)
{
	if (w <= 0 || y < 0 || y >= LINES)
		return;
	if (x + w > COLS)
		w = COLS - x;
	if (w <= 0)
		return;
	char *p = text_pad(s ? s : "", w, true);
	attrset(style_attr(st));
	mvaddstr(y, x, p);
	attrset(A_NORMAL);
	free(p);
}

int draw_clip(int y, int x, int w, const char *s, enum style st)
{
	if (!s || w <= 0 || y < 0 || y >= LINES)
		return 0;
	if (x + w > COLS)
		w = COLS - x;
	if (w <= 0)
		return 0;
	int tw = text_width(s);
	if (tw > w)
		tw = w;
	draw_text(y, x, tw, s, st);
	return tw;
}

void draw_right(int y, int x, int w, const char *s, enum style st)
{
	if (w <= 0)
		return;
	char *p = text_pad_left(s ? s : "", w);
	draw_text(y, x, w, p, st);
	free(p);
}

void draw_fill(int y, int x, int w, enum style st)
{
	if (w <= 0)
		return;
	draw_text(y, x, w, "", st);
}

int draw_wrapped(int y, int x, int w, int maxlines, const char *s, enum style st)
{
	if (w <= 0 || maxlines <= 0)
		return 0;
	size_t n;
	char **lines = text_wrap(s ? s : "", w, &n);
	int used = 0;
	for (size_t i = 0; i < n && used < maxlines; i++)
		draw_text(y + used++, x, w, lines[i], st);
	text_lines_free(lines);
	return used;
}

void list_follow(size_t sel, size_t *top, size_t rows)
{
	if (rows == 0)
		rows = 1;
	if (sel < *top)
		*top = sel;
	if (sel >= *top + rows)
		*top = sel - rows + 1;
}

bool list_move(enum action a, size_t *sel, size_t n, size_t page)
{
	if (page == 0)
		page = 1;
	switch (a) {
	case A_UP: if (*sel > 0) (*sel)--; break;
	case A_DOWN: if (*sel + 1 < n) (*sel)++; break;
	case A_PGUP: *sel = *sel > page ? *sel - page : 0; break;
	case A_PGDN: *sel = n == 0 ? 0 : (*sel + page < n ? *sel + page : n - 1); break;
	case A_FIRST: *sel = 0; break;
	case A_LAST: *sel = n ? n - 1 : 0; break;
	default: return false;
	}
	return true;
}

/* ---- text lines: build wrapped, draw a scrolled window of them ------- */
static void tl_push(tlines *t, const char *text, int indent, enum style st)
{
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 32;
		t->v = bm_xrealloc(t->v, t->cap * sizeof *t->v);
	}
	t->v[t->n].text = bm_xstrdup(text);
	t->v[t->n].indent = indent;
	t->v[t->n].st = st;
	t->n++;
}

void tl_addh(tlines *t, int width, int indent, int hang, enum style st, const char *s)
{
	int w1 = width - indent > 8 ? width - indent : 8;
	size_t n;
	char **lines = text_wrap(s ? s : "", w1, &n);
	if (n == 0) {
		tl_push(t, "", indent, st);
		text_lines_free(lines);
		return;
	}
	tl_push(t, lines[0], indent, st);
	if (n > 1) {
		/* the rest again, at the hanging indent's width: the first line
		 * is a prefix of s; the blanks it broke at are dropped */
		size_t len0 = strlen(lines[0]);
		const char *rest = strncmp(s, lines[0], len0) == 0 ? s + len0 : strstr(s, lines[1]);
		while (rest && *rest == ' ')
			rest++;
		size_t m;
		char **more = text_wrap(rest ? rest : "", width - hang > 8 ? width - hang : 8, &m);
		for (size_t i = 0; i < m; i++)
			tl_push(t, more[i], hang, st);
		text_lines_free(more);
	}
	text_lines_free(lines);
}

void tl_add(tlines *t, int width, int indent, enum style st, const char *s)
{
	tl_addh(t, width, indent, indent, st, s);
}

void tl_addf(tlines *t, int width, int indent, enum style st, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char buf[2048];
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	tl_add(t, width, indent, st, buf);
}

void tl_addhf(tlines *t, int width, int indent, int hang, enum style st, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char buf[2048];
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	tl_addh(t, width, indent, hang, st, buf);
}

int tl_draw(const tlines *t, int y, int x, int w, int rows, int *scroll)
{
	if (*scroll > (int)t->n - rows)
		*scroll = (int)t->n - rows;
	if (*scroll < 0)
		*scroll = 0;
	for (int r = 0; r < rows && *scroll + r < (int)t->n; r++) {
		const struct tline *l = &t->v[*scroll + r];
		draw_text(y + r, x + l->indent, w - l->indent, l->text, l->st);
	}
	return (int)t->n;
}

void tl_free(tlines *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->v[i].text);
	free(t->v);
	memset(t, 0, sizeof *t);
}
