/* diag.c - collected diagnostics: "FILE:LINE:COL: message", the source
 * line, and a caret under the column.  `source` is the whole text of the
 * file; the caret is placed by display width (CJK = 2 columns), a tab in
 * the line is echoed as a tab in the caret line so both align alike. */
#include "bianmin/diag.h"
#include "bianmin/text.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void push(bm_diags *d, char *msg)
{
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 16;
		d->msgs = bm_xrealloc(d->msgs, d->cap * sizeof *d->msgs);
	}
	d->msgs[d->n++] = msg;
}

/* The bytes of line `line` (1-based) of src, without its newline. */
static bool find_line(const char *src, int line, const char **start, size_t *len)
{
	const char *p = src;
	for (int l = 1; l < line; l++) {
		p = strchr(p, '\n');
		if (!p)
			return false;
		p++;
	}
	const char *e = strchr(p, '\n');
	size_t n = e ? (size_t)(e - p) : strlen(p);
	if (n && p[n - 1] == '\r')
		n--;
	*start = p;
	*len = n;
	return true;
}

/* Echo the line (bad bytes shown as U+FFFD so the terminal stays sane),
 * then the caret line: col-1 characters' worth of display width. */
static void show_line(bm_buf *b, const char *s, size_t n, int col)
{
	bm_buf_puts(b, "\n");
	if (text_utf8_valid(s, n, NULL)) {
		bm_buf_append(b, s, n);
	} else {
		for (size_t i = 0; i < n;) {
			uint32_t cp;
			size_t k = text_utf8_decode(s + i, n - i, &cp);
			char enc[4];
			bm_buf_append(b, enc, text_utf8_encode(cp, enc));
			i += k;
		}
	}
	bm_buf_puts(b, "\n");
	size_t i = 0;
	int c = 1;
	for (; c < col && i < n; c++) {
		uint32_t cp;
		size_t k = text_utf8_decode(s + i, n - i, &cp);
		if (cp == '\t') {
			bm_buf_puts(b, "\t");
		} else {
			int w = text_width_n(s + i, k);
			for (int j = 0; j < w; j++)
				bm_buf_puts(b, " ");
		}
		i += k;
	}
	for (; c < col; c++)   /* a column past the end of the line */
		bm_buf_puts(b, " ");
	bm_buf_puts(b, "^");
}

static void add(bm_diags *d, bool warning, const char *file, const char *source,
		int line, int col, const char *fmt, va_list ap)
{
	if (d->n >= DIAGS_MAX) {
		/* counted, not formatted: finding the line is O(file) each */
		d->dropped++;
		if (warning)
			d->warnings++;
		else
			d->errors++;
		return;
	}
	bm_buf b = {0};
	if (line < 1)
		line = 1;
	if (col < 1)
		col = 1;
	bm_buf_printf(&b, "%s:%d:%d: ", file ? file : "-", line, col);
	if (warning)
		bm_buf_printf(&b, "%s", _("warning: "));
	char *m = NULL;
	va_list aq;
	va_copy(aq, ap);
	int len = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (len >= 0) {
		m = bm_xmalloc((size_t)len + 1);
		vsnprintf(m, (size_t)len + 1, fmt, ap);
		bm_buf_puts(&b, m);
		free(m);
	}
	const char *s;
	size_t n;
	if (source && find_line(source, line, &s, &n))
		show_line(&b, s, n, col);
	push(d, bm_buf_steal(&b));
	if (warning)
		d->warnings++;
	else
		d->errors++;
}

void diags_error(bm_diags *d, const char *file, const char *source, int line, int col,
		 const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add(d, false, file, source, line, col, fmt, ap);
	va_end(ap);
}

void diags_warning(bm_diags *d, const char *file, const char *source, int line, int col,
		   const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	add(d, true, file, source, line, col, fmt, ap);
	va_end(ap);
}

void diags_file_error(bm_diags *d, const char *file, const char *fmt, ...)
{
	bm_buf b = {0};
	bm_buf_printf(&b, "%s: ", file ? file : "-");
	va_list ap;
	va_start(ap, fmt);
	int len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (len >= 0) {
		char *m = bm_xmalloc((size_t)len + 1);
		va_start(ap, fmt);
		vsnprintf(m, (size_t)len + 1, fmt, ap);
		va_end(ap);
		bm_buf_puts(&b, m);
		free(m);
	}
	push(d, bm_buf_steal(&b));
	d->errors++;
}

void diags_print(const bm_diags *d, void *stdio_file)
{
	FILE *f = stdio_file;
	for (size_t i = 0; i < d->n; i++)
		fprintf(f, "%s\n", d->msgs[i]);
	if (d->dropped)
		fprintf(f, _("... and %zu more mistakes not shown\n"), d->dropped);
}

void diags_free(bm_diags *d)
{
	for (size_t i = 0; i < d->n; i++)
		free(d->msgs[i]);
	free(d->msgs);
	memset(d, 0, sizeof *d);
}
