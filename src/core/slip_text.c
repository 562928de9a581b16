/* slip_text.c - a rendered paper as plain text at a given width (32/42/48
 * columns for receipt printers, 80 for A4), aligned by display width so
 * Chinese and digits line up; and the output encoding (GB18030) via iconv. */
#include "slip_doc.h"
#include "bianmin/text.h"

#include <errno.h>
#include <iconv.h>
#include <strings.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void put_line(bm_buf *out, const char *s)
{
	size_t n = strlen(s);
	while (n && s[n - 1] == ' ')
		n--;   /* no trailing blanks: receipt printers wrap on them */
	bm_buf_append(out, s, n);
	bm_buf_puts(out, "\n");
}

/* Wrapped lines of s at width; never zero lines. */
static char **wrap(const char *s, int width, size_t *n)
{
	if (width < 2)
		width = 2;
	char **l = slip_wrap(s, width, n);
	if (!l || *n == 0) {
		text_lines_free(l);
		l = bm_xcalloc(2, sizeof(char *));
		l[0] = bm_xstrdup("");
		*n = 1;
	}
	return l;
}

static void put_aligned(bm_buf *out, const char *s, int width, int how)
{
	size_t n;
	char **l = wrap(s, width, &n);
	for (size_t i = 0; i < n; i++) {
		int w = text_width(l[i]);
		int lead = how == 0 ? (width - w) / 2 : width - w;
		bm_buf_printf(out, "%*s", lead > 0 ? lead : 0, "");
		put_line(out, l[i]);
	}
	text_lines_free(l);
}

static void put_paragraph(bm_buf *out, const char *s, int width)
{
	int indent = 0;
	while (s[indent] == ' ')
		indent++;
	if (!s[indent]) {
		bm_buf_puts(out, "\n");
		return;
	}
	if (indent > width / 2)
		indent = width / 2;
	size_t n;
	char **l = wrap(s + strspn(s, " "), width - indent, &n);
	for (size_t i = 0; i < n; i++) {
		bm_buf_printf(out, "%*s", indent, "");
		put_line(out, l[i]);
	}
	text_lines_free(l);
}

void slip_cols_layout(const slip_col *cols, size_t n, int width, int *out)
{
	int fixed = 0, nflex = 0;
	for (size_t i = 0; i < n; i++) {
		out[i] = cols[i].width;
		fixed += cols[i].width;
		nflex += cols[i].width == 0;
	}
	int avail = width - (int)(n ? n - 1 : 0);
	/* Too wide for a narrow printer: shrink the widest fixed column until
	 * the flexible ones keep at least 6 columns (3 Chinese characters). */
	int need_flex = 6 * nflex;
	while (fixed + need_flex > avail) {
		size_t wi = n;
		for (size_t i = 0; i < n; i++)
			if (cols[i].width && out[i] > 2 && (wi == n || out[i] > out[wi]))
				wi = i;
		if (wi == n)
			break;
		out[wi]--;
		fixed--;
	}
	int rest = avail - fixed;
	for (size_t i = 0; i < n; i++) {
		if (cols[i].width == 0) {
			out[i] = rest / nflex;
			rest -= out[i];
			nflex--;
		}
	}
}

/* Too narrow for the table's columns (a receipt printer): a flexible
 * column would get fewer than 12 columns (6 Chinese characters, a long
 * name).  The rows are then stacked: the first two cells on a line, each
 * further one on its own line under its heading. */
static bool cramped(const slip_block *b, int width)
{
	int fixed = 0, nflex = 0;
	for (size_t i = 0; i < b->n_cols; i++) {
		fixed += b->cols[i].width;
		nflex += b->cols[i].width == 0;
	}
	return fixed + 12 * nflex + (int)(b->n_cols ? b->n_cols - 1 : 0) > width;
}

static void put_stacked(bm_buf *out, const slip_block *b, const slip_block *head, int width)
{
	if (b->type == SB_HEAD)
		return;   /* the headings go with the cells */
	bm_buf first = {0};
	for (size_t i = 0; i < b->n_cells && i < 2; i++) {
		const char *s = b->cells[i];
		bm_buf_printf(&first, "%s%s", i ? " " : "", s + strspn(s, " "));
	}
	put_paragraph(out, first.data ? first.data : "", width);
	bm_buf_free(&first);
	for (size_t i = 2; i < b->n_cells; i++) {
		const char *s = b->cells[i];
		s += strspn(s, " ");
		if (!*s)
			continue;
		const char *h = head && i < head->n_cells ? head->cells[i] : "";
		h += strspn(h, " ");
		char *hp = slip_plain(h);
		size_t hl = strlen(hp);
		while (hl && hp[hl - 1] == ' ')
			hp[--hl] = 0;
		char *line = bm_xasprintf("  %s%s%s", hp, *hp ? "：" : "", s);
		put_paragraph(out, line, width);
		free(line);
		free(hp);
	}
}

static void put_row(bm_buf *out, const slip_block *b, const slip_block *head, int width)
{
	if (cramped(b, width)) {
		put_stacked(out, b, head, width);
		return;
	}
	size_t nc = b->n_cols;
	int *w = bm_xcalloc(nc, sizeof(int));
	slip_cols_layout(b->cols, nc, width, w);
	char ***cell = bm_xcalloc(nc, sizeof(char **));
	size_t *cn = bm_xcalloc(nc, sizeof(size_t));
	size_t rows = 1;
	for (size_t i = 0; i < nc; i++) {
		/* extra cells beyond @cols join the last column */
		const char *s = i < b->n_cells ? b->cells[i] : "";
		char *joined = NULL;
		if (i == nc - 1 && b->n_cells > nc) {
			bm_buf j = {0};
			for (size_t k = i; k < b->n_cells; k++)
				bm_buf_printf(&j, "%s%s", k > i ? " " : "", b->cells[k]);
			joined = bm_buf_steal(&j);
			s = joined;
		}
		while (*s == ' ')
			s++;
		cell[i] = wrap(s, w[i], &cn[i]);
		if (cn[i] > rows)
			rows = cn[i];
		free(joined);
	}
	for (size_t r = 0; r < rows; r++) {
		bm_buf line = {0};
		for (size_t i = 0; i < nc; i++) {
			const char *s = r < cn[i] ? cell[i][r] : "";
			size_t len = strlen(s);
			while (len && s[len - 1] == ' ')
				len--;
			char *t = bm_xstrndup(s, len);
			char *p = b->cols[i].right ? text_pad_left(t, w[i]) : text_pad(t, w[i], false);
			if (i)
				bm_buf_puts(&line, " ");
			bm_buf_puts(&line, p);
			free(p);
			free(t);
		}
		put_line(out, line.data ? line.data : "");
		bm_buf_free(&line);
	}
	if (b->type == SB_HEAD) {
		for (int i = 0; i < width; i++)
			bm_buf_puts(out, "-");
		bm_buf_puts(out, "\n");
	}
	for (size_t i = 0; i < nc; i++)
		text_lines_free(cell[i]);
	free(cell);
	free(cn);
	free(w);
}

static void put_field(bm_buf *out, const slip_block *b, int lw, int width)
{
	char *label = slip_plain(b->n_cells > 0 ? b->cells[0] : "");
	char *lstart = label + strspn(label, " ");
	for (size_t k = strlen(lstart); k && lstart[k - 1] == ' ';)
		lstart[--k] = 0;   /* "@field 标签： | 值": the blank before | */
	bm_buf val = {0};
	for (size_t k = 1; k < b->n_cells; k++) {
		const char *s = b->cells[k];
		if (k == 1)
			s += strspn(s, " ");
		bm_buf_printf(&val, "%s%s", k > 1 ? "|" : "", s);
	}
	size_t nl, nv;
	if (slip_width(lstart) > lw || slip_widest_whole(val.data ? val.data : "") > width - lw) {
		/* a label wider than the label column, or a whole value that
		 * does not fit beside it: the value goes under the label */
		char **l = wrap(lstart, width, &nl);
		for (size_t r = 0; r < nl; r++)
			put_line(out, l[r]);
		text_lines_free(l);
		char **v = wrap(val.data ? val.data : "", width - 2, &nv);
		for (size_t r = 0; r < nv; r++) {
			bm_buf_puts(out, "  ");
			put_line(out, v[r]);
		}
		text_lines_free(v);
		bm_buf_free(&val);
		free(label);
		return;
	}
	char **l = wrap(lstart, lw, &nl);
	char **v = wrap(val.data ? val.data : "", width - lw, &nv);
	size_t rows = nl > nv ? nl : nv;
	for (size_t r = 0; r < rows; r++) {
		char *p = text_pad(r < nl ? l[r] : "", lw, false);
		bm_buf line = {0};
		bm_buf_puts(&line, p);
		bm_buf_puts(&line, r < nv ? v[r] : "");
		put_line(out, line.data);
		bm_buf_free(&line);
		free(p);
	}
	text_lines_free(l);
	text_lines_free(v);
	bm_buf_free(&val);
	free(label);
}

/* Label column of the run of @field blocks starting at i: the widest label,
 * at most a third of the width. */
static int label_width(const slip_doc *d, size_t i, int width)
{
	int lw = 0;
	for (; i < d->n && d->blocks[i].type == SB_FIELD; i++) {
		const char *l = d->blocks[i].n_cells ? d->blocks[i].cells[0] : "";
		int w = slip_width(l + strspn(l, " "));
		if (w > lw)
			lw = w;
	}
	if (lw > width / 3)
		lw = width / 3;
	return lw;
}

char *slip_doc_text(const slip_doc *d, int width)
{
	if (width < 16)
		width = 16;
	bm_buf out = {0};
	int lw = 0;
	for (size_t i = 0; i < d->n; i++) {
		const slip_block *b = &d->blocks[i];
		const char *s = b->n_cells ? b->cells[0] : "";
		switch (b->type) {
		case SB_TEXT:
			put_paragraph(&out, s, width);
			break;
		case SB_TITLE:
		case SB_CENTER:
			put_aligned(&out, s + strspn(s, " "), width, 0);
			break;
		case SB_RIGHT:
			put_aligned(&out, s + strspn(s, " "), width, 1);
			break;
		case SB_RULE: {
			char ch = *s ? *s : '-';
			for (int k = 0; k < width; k++)
				bm_buf_append(&out, &ch, 1);
			bm_buf_puts(&out, "\n");
			break;
		}
		case SB_FIELD:
			if (i == 0 || d->blocks[i - 1].type != SB_FIELD)
				lw = label_width(d, i, width);
			put_field(&out, b, lw, width);
			break;
		case SB_HEAD:
		case SB_ROW: {
			const slip_block *head = NULL;
			for (size_t k = i + 1; k-- > 0;)
				if (d->blocks[k].type == SB_HEAD) {
					head = &d->blocks[k];
					break;
				}
			put_row(&out, b, head, width);
			break;
		}
		}
	}
	return bm_buf_steal(&out);
}

char *slip_encode(const char *utf8, const char *encoding, size_t *outlen, bm_error *err)
{
	size_t n = strlen(utf8);
	if (!encoding || !*encoding || strcasecmp(encoding, "UTF-8") == 0 ||
	    strcasecmp(encoding, "UTF8") == 0) {
		*outlen = n;
		return bm_xstrdup(utf8);
	}
	iconv_t cd = iconv_open(encoding, "UTF-8");
	if (cd == (iconv_t)-1) {
		bm_fail(err, BM_EINVAL, _("unknown output encoding '%s'; use UTF-8 or GB18030"), encoding);
		return NULL;
	}
	size_t cap = 2 * n + 16, used = 0;
	char *out = bm_xmalloc(cap);
	char *in = (char *)utf8;
	size_t left = n;
	while (left) {
		char *o = out + used;
		size_t room = cap - used - 1;
		size_t r = iconv(cd, &in, &left, &o, &room);
		used = (size_t)(o - out);
		if (r != (size_t)-1)
			break;
		if (errno == E2BIG) {
			cap *= 2;
			out = bm_xrealloc(out, cap);
		} else {
			/* a character the encoding cannot hold (or a bad byte) */
			uint32_t cp;
			size_t k = text_utf8_decode(in, left, &cp);
			in += k, left -= k;
			if (used + 2 > cap) {
				cap *= 2;
				out = bm_xrealloc(out, cap);
			}
			out[used++] = '?';
		}
	}
	iconv(cd, NULL, NULL, NULL, NULL);
	iconv_close(cd);
	out[used] = 0;
	*outlen = used;
	return out;
}
