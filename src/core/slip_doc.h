/* slip_doc.h - private to the slip module: a rendered paper as laid-out
 * blocks, shared by the text view (slip_text.c) and the PDF view (pdf.c). */
#ifndef BIANMIN_SLIP_DOC_H
#define BIANMIN_SLIP_DOC_H

#include "bianmin/slip.h"

typedef enum {
	SB_TEXT = 0,   /* a paragraph; leading spaces are its indent */
	SB_TITLE,      /* the paper's title: centred, bold */
	SB_CENTER,
	SB_RIGHT,
	SB_RULE,       /* a horizontal line; cells[0] is the character */
	SB_FIELD,      /* label | value, labels of a run of fields aligned */
	SB_HEAD,       /* table header row */
	SB_ROW,        /* table row */
} slip_block_type;

typedef struct slip_col {
	int width;     /* text columns; 0 = flexible (takes the rest) */
	bool right;
} slip_col;

typedef struct slip_block {
	slip_block_type type;
	char **cells;
	size_t n_cells;
	const slip_col *cols;   /* HEAD/ROW: the @cols in effect (owned by the form) */
	size_t n_cols;
} slip_block;

struct slip_doc {
	char *title;
	slip_paper paper;
	slip_block *blocks;
	size_t n, cap;
};

/* Column widths for a table of cols at `width` text columns, 1-column gaps;
 * out gets n widths that sum (with gaps) to at most width. */
void slip_cols_layout(const slip_col *cols, size_t n, int width, int *out);

#endif
