/* pdf.c - a rendered paper as an A4 PDF (pango + cairo).  The CJK font is
 * found by fontconfig and embedded (subset) by cairo, so what CUPS prints
 * does not depend on its text filter, which garbles Chinese. */
#include "slip_doc.h"

#include <cairo-pdf.h>
#include <pango/pangocairo.h>
#include <stdlib.h>
#include <string.h>

#define PAGE_W 595.28   /* A4 in points */
#define PAGE_H 841.89
#define MARGIN_X 64.0
#define MARGIN_TOP 50.0
#define MARGIN_BOTTOM 42.0
#define FONT "Noto Serif CJK SC, Noto Sans CJK SC, WenQuanYi Micro Hei, sans"
#define TEXT_COLS 80    /* @cols widths are laid out as on 80-column paper */

typedef struct pdf {
	cairo_surface_t *surf;
	cairo_t *cr;
	double y;
	double cw;          /* content width */
	int page;
} pdf;

static cairo_status_t to_buf(void *closure, const unsigned char *data, unsigned int len)
{
	bm_buf_append(closure, (const char *)data, len);
	return CAIRO_STATUS_SUCCESS;
}

static PangoLayout *layout(pdf *p, const char *s, double size, bool bold, double width,
			   PangoAlignment align)
{
	PangoLayout *l = pango_cairo_create_layout(p->cr);
	/* sizes in PDF points: 72 units per inch, not the screen's 96 */
	pango_cairo_context_set_resolution(pango_layout_get_context(l), 72);
	pango_layout_context_changed(l);
	PangoFontDescription *fd = pango_font_description_from_string(FONT);
	pango_font_description_set_size(fd, (int)(size * PANGO_SCALE));
	if (bold)
		pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	if (width > 0) {
		pango_layout_set_width(l, (int)(width * PANGO_SCALE));
		pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	}
	pango_layout_set_alignment(l, align);
	char *t = slip_pango_text(s);   /* whole values never split (slip_break.c) */
	pango_layout_set_text(l, t, -1);
	free(t);
	return l;
}

static double height_of(PangoLayout *l)
{
	int w, h;
	pango_layout_get_size(l, &w, &h);
	return (double)h / PANGO_SCALE;
}

static double width_of(PangoLayout *l)
{
	int w, h;
	pango_layout_get_size(l, &w, &h);
	return (double)w / PANGO_SCALE;
}

/* Room for h more points on this page, else a new page. */
static void need(pdf *p, double h)
{
	if (p->y + h <= PAGE_H - MARGIN_BOTTOM || p->y <= MARGIN_TOP + 1)
		return;
	cairo_show_page(p->cr);
	p->page++;
	p->y = MARGIN_TOP;
}

static void draw(pdf *p, PangoLayout *l, double x, double y)
{
	cairo_move_to(p->cr, x, y);
	pango_cairo_show_layout(p->cr, l);
}

static void put_text(pdf *p, const char *s, double size, bool bold, PangoAlignment al, double gap)
{
	int indent = (int)strspn(s, " ");
	double ix = indent * size / 2;   /* a space is about half an em */
	PangoLayout *l = layout(p, s + indent, size, bold, p->cw - ix, al);
	double h = *s ? height_of(l) : size * 0.9;
	need(p, h);
	draw(p, l, MARGIN_X + ix, p->y);
	p->y += h + gap;
	g_object_unref(l);
}

static void put_rule(pdf *p, char ch)
{
	need(p, 10);
	cairo_set_line_width(p->cr, ch == '=' ? 1.2 : 0.6);
	cairo_move_to(p->cr, MARGIN_X, p->y + 5);
	cairo_line_to(p->cr, MARGIN_X + p->cw, p->y + 5);
	cairo_stroke(p->cr);
	p->y += 10;
}

static double label_width(pdf *p, const slip_doc *d, size_t i)
{
	double lw = 0;
	for (; i < d->n && d->blocks[i].type == SB_FIELD; i++) {
		const char *s = d->blocks[i].n_cells ? d->blocks[i].cells[0] : "";
		PangoLayout *l = layout(p, s + strspn(s, " "), 12, true, -1, PANGO_ALIGN_LEFT);
		double w = width_of(l);
		g_object_unref(l);
		if (w > lw)
			lw = w;
	}
	lw += 6;
	return lw > p->cw * 0.4 ? p->cw * 0.4 : lw;
}

static void put_field(pdf *p, const slip_block *b, double lw)
{
	const char *label = b->n_cells ? b->cells[0] : "";
	bm_buf val = {0};
	for (size_t k = 1; k < b->n_cells; k++) {
		const char *s = b->cells[k];
		if (k == 1)
			s += strspn(s, " ");
		bm_buf_printf(&val, "%s%s", k > 1 ? "|" : "", s);
	}
	PangoLayout *ll = layout(p, label + strspn(label, " "), 12, true, lw, PANGO_ALIGN_LEFT);
	PangoLayout *vl = layout(p, val.data ? val.data : "", 12, false, p->cw - lw, PANGO_ALIGN_LEFT);
	double h = height_of(ll) > height_of(vl) ? height_of(ll) : height_of(vl);
	need(p, h);
	draw(p, ll, MARGIN_X, p->y);
	draw(p, vl, MARGIN_X + lw, p->y);
	p->y += h + 3;
	g_object_unref(ll);
	g_object_unref(vl);
	bm_buf_free(&val);
}

static void put_row(pdf *p, const slip_block *b)
{
	size_t nc = b->n_cols;
	int *w = bm_xcalloc(nc, sizeof(int));
	slip_cols_layout(b->cols, nc, TEXT_COLS, w);
	/* Fixed columns get room for their text columns at the table's font
	 * size (a text column is half a Chinese character); the flexible ones
	 * share the rest of the line. */
	double pad = 4, h = 0, fixed = 0;
	double *pw = bm_xcalloc(nc, sizeof(double));
	int nflex = 0;
	for (size_t i = 0; i < nc; i++) {
		if (b->cols[i].width) {
			pw[i] = b->cols[i].width * 6.2 + 2 * pad + 2;
			fixed += pw[i];
		} else {
			nflex++;
		}
	}
	bool fit = fixed + 60 * nflex <= p->cw;
	for (size_t i = 0; i < nc; i++) {
		if (!fit)
			pw[i] = p->cw * w[i] / TEXT_COLS;   /* no room: as on 80-column paper */
		else if (!b->cols[i].width)
			pw[i] = (p->cw - fixed) / nflex;
		else if (!nflex)
			pw[i] *= p->cw / fixed;             /* all fixed: stretch to the line */
	}
	bool head = b->type == SB_HEAD;
	PangoLayout **ls = bm_xcalloc(nc, sizeof(PangoLayout *));
	double *cx = bm_xcalloc(nc + 1, sizeof(double));
	for (size_t i = 0; i < nc; i++) {
		double cwid = pw[i];
		cx[i + 1] = cx[i] + cwid;
		const char *s = i < b->n_cells ? b->cells[i] : "";
		char *joined = NULL;
		if (i == nc - 1 && b->n_cells > nc) {
			bm_buf j = {0};
			for (size_t k = i; k < b->n_cells; k++)
				bm_buf_printf(&j, "%s%s", k > i ? " " : "", b->cells[k]);
			joined = bm_buf_steal(&j);
			s = joined;
		}
		s += strspn(s, " ");
		PangoAlignment al = head ? PANGO_ALIGN_CENTER
			: b->cols[i].right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT;
		ls[i] = layout(p, s, 11, head, cwid - 2 * pad, al);
		if (height_of(ls[i]) > h)
			h = height_of(ls[i]);
		free(joined);
	}
	h += 2 * pad;
	need(p, h);
	cairo_t *cr = p->cr;
	if (head) {
		cairo_set_source_rgb(cr, 0.9, 0.9, 0.9);
		cairo_rectangle(cr, MARGIN_X, p->y, p->cw, h);
		cairo_fill(cr);
		cairo_set_source_rgb(cr, 0, 0, 0);
	}
	cairo_set_line_width(cr, 0.6);
	for (size_t i = 0; i < nc; i++) {
		cairo_rectangle(cr, MARGIN_X + cx[i], p->y, cx[i + 1] - cx[i], h);
		cairo_stroke(cr);
		draw(p, ls[i], MARGIN_X + cx[i] + pad, p->y + pad);
		g_object_unref(ls[i]);
	}
	p->y += h;
	free(ls);
	free(cx);
	free(pw);
	free(w);
}

int slip_doc_pdf(const slip_doc *d, bm_buf *out, bm_error *err)
{
	pdf p = { .cw = PAGE_W - 2 * MARGIN_X, .y = MARGIN_TOP, .page = 1 };
	p.surf = cairo_pdf_surface_create_for_stream(to_buf, out, PAGE_W, PAGE_H);
	cairo_status_t st0 = cairo_surface_status(p.surf);
	if (st0 != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(p.surf);
		return bm_fail(err, BM_EIO, _("cannot make a PDF: %s"), cairo_status_to_string(st0));
	}
	cairo_pdf_surface_set_metadata(p.surf, CAIRO_PDF_METADATA_TITLE, d->title ? d->title : "");
	cairo_pdf_surface_set_metadata(p.surf, CAIRO_PDF_METADATA_CREATOR, "bianmin " BIANMIN_VERSION);
	p.cr = cairo_create(p.surf);
	cairo_set_source_rgb(p.cr, 0, 0, 0);
	double lw = 0;
	/* the signatures and the seal stay with the lines above them: the part
	 * after the last rule goes to a new page whole when it does not fit */
	size_t tail = d->n;
	for (size_t i = d->n; i-- > 0;)
		if (d->blocks[i].type == SB_RULE) {
			tail = i + 1;
			break;
		}
	for (size_t i = 0; i < d->n; i++) {
		const slip_block *b = &d->blocks[i];
		const char *s = b->n_cells ? b->cells[0] : "";
		if (i == tail && d->n - tail <= 16)
			need(&p, 18.0 * (double)(d->n - tail));
		bool table_before = i > 0 && (d->blocks[i - 1].type == SB_ROW || d->blocks[i - 1].type == SB_HEAD);
		if (table_before && b->type != SB_ROW && b->type != SB_HEAD)
			p.y += 6;
		switch (b->type) {
		case SB_TEXT:
			put_text(&p, s, 12, false, PANGO_ALIGN_LEFT, 3);
			break;
		case SB_TITLE:
			p.y += 4;
			put_text(&p, s + strspn(s, " "), 22, true, PANGO_ALIGN_CENTER, 10);
			break;
		case SB_CENTER:
			put_text(&p, s + strspn(s, " "), 12, false, PANGO_ALIGN_CENTER, 3);
			break;
		case SB_RIGHT:
			put_text(&p, s + strspn(s, " "), 12, false, PANGO_ALIGN_RIGHT, 3);
			break;
		case SB_RULE:
			put_rule(&p, *s ? *s : '-');
			break;
		case SB_FIELD:
			if (i == 0 || d->blocks[i - 1].type != SB_FIELD)
				lw = label_width(&p, d, i);
			put_field(&p, b, lw);
			break;
		case SB_HEAD:
		case SB_ROW:
			put_row(&p, b);
			break;
		}
	}
	cairo_show_page(p.cr);
	cairo_destroy(p.cr);
	cairo_surface_finish(p.surf);
	cairo_status_t st = cairo_surface_status(p.surf);
	cairo_surface_destroy(p.surf);
	if (st != CAIRO_STATUS_SUCCESS)
		return bm_fail(err, BM_EIO, _("cannot make a PDF: %s"), cairo_status_to_string(st));
	return BM_OK;
}
