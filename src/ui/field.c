/* field.c - a one-line edit field on wide characters.  Text committed by
 * an input method arrives through get_wch whole; Backspace removes one
 * whole character; the cursor is placed by display width, and the
 * hardware cursor is left on it so IME windows and screen readers follow. */
#include "uipriv.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#define FIELD_DEFAULT_MAX 200

void field_init(field *f, size_t max, bool secret)
{
	memset(f, 0, sizeof *f);
	f->max = max ? max : FIELD_DEFAULT_MAX;
	f->secret = secret;
}

void field_free(field *f)
{
	free(f->buf);
	f->buf = NULL;
	f->len = f->cap = f->cur = f->scroll = 0;
}

void field_clear(field *f)
{
	f->len = f->cur = f->scroll = 0;
}

static void insert(field *f, wchar_t c)
{
	if (f->len >= f->max)
		return;
	if (f->len + 1 > f->cap) {
		f->cap = f->cap ? f->cap * 2 : 32;
		f->buf = bm_xrealloc(f->buf, f->cap * sizeof *f->buf);
	}
	memmove(f->buf + f->cur + 1, f->buf + f->cur, (f->len - f->cur) * sizeof *f->buf);
	f->buf[f->cur++] = c;
	f->len++;
}

void field_set(field *f, const char *s)
{
	field_clear(f);
	if (!s)
		return;
	size_t n = strlen(s), i = 0;
	while (i < n) {
		uint32_t cp;
		i += text_utf8_decode(s + i, n - i, &cp);
		insert(f, (wchar_t)cp);
	}
}

size_t field_chars(const field *f)
{
	return f->len;
}

char *field_text(const field *f)
{
	bm_buf b = {0};
	size_t start = 0, end = f->len;
	while (start < end && iswspace((wint_t)f->buf[start]))
		start++;
	while (end > start && iswspace((wint_t)f->buf[end - 1]))
		end--;
	for (size_t i = start; i < end; i++) {
		char u[4];
		size_t k = text_utf8_encode((uint32_t)f->buf[i], u);
		bm_buf_append(&b, u, k);
	}
	return bm_buf_steal(&b);
}

bool field_empty(const field *f)
{
	for (size_t i = 0; i < f->len; i++)
		if (!iswspace((wint_t)f->buf[i]))
			return false;
	return true;
}

static void delete_at(field *f, size_t i)
{
	if (i >= f->len)
		return;
	memmove(f->buf + i, f->buf + i + 1, (f->len - i - 1) * sizeof *f->buf);
	f->len--;
}

bool field_key(field *f, ui_key k)
{
	if (k.fn) {
		switch (k.ch) {
		case KEY_BACKSPACE:
			if (f->cur > 0)
				delete_at(f, --f->cur);
			return true;
		case KEY_DC: delete_at(f, f->cur); return true;
		case KEY_LEFT: if (f->cur > 0) f->cur--; return true;
		case KEY_RIGHT: if (f->cur < f->len) f->cur++; return true;
		case KEY_HOME: f->cur = 0; return true;
		case KEY_END: f->cur = f->len; return true;
		default: return false;
		}
	}
	switch (k.ch) {
	case 8:      /* ^H */
	case 127:    /* DEL, what most terminals send for Backspace */
		if (f->cur > 0)
			delete_at(f, --f->cur);
		return true;
	case 1: f->cur = 0; return true;        /* ^A */
	case 5: f->cur = f->len; return true;   /* ^E */
	case 21: field_clear(f); return true;   /* ^U */
	case 11: f->len = f->cur; return true;  /* ^K */
	default: break;
	}
	if (k.ch == L' ' || iswprint(k.ch)) {
		insert(f, (wchar_t)k.ch);
		return true;
	}
	return false;
}

static int cw(const field *f, size_t i)
{
	if (f->secret)
		return 1;
	int w = text_cp_width((uint32_t)f->buf[i]);
	return w < 1 ? 1 : w;
}

void field_draw(field *f, int y, int x, int w, bool focus)
{
	if (w < 2 || y < 0 || y >= LINES)
		return;
	if (x + w > COLS)
		w = COLS - x;
	if (w < 2)
		return;
	/* keep the cursor in view, one column spare for it at the end */
	if (f->scroll > f->cur)
		f->scroll = f->cur;
	for (;;) {
		int used = 0;
		for (size_t i = f->scroll; i < f->cur; i++)
			used += cw(f, i);
		if (used <= w - 1 || f->scroll >= f->cur)
			break;
		f->scroll++;
	}
	int attr = style_attr(focus ? ST_FOCUS : ST_FIELD);
	attrset(attr);
	mvhline(y, x, ' ', w);
	int used = 0, cx = x;
	wchar_t one[2] = {0, 0};
	for (size_t i = f->scroll; i < f->len; i++) {
		int c = cw(f, i);
		if (used + c > w)
			break;
		one[0] = f->secret ? L'*' : f->buf[i];
		mvaddnwstr(y, x + used, one, 1);
		if (i < f->cur)
			cx = x + used + c;
		used += c;
	}
	if (f->cur == f->scroll)
		cx = x;
	attrset(A_NORMAL);
	if (focus)
		ui_set_cursor(y, cx);
}
