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

/* A value that must stay whole on a line (slip_field_whole) is put in the
 * doc between these marks (U+E000, U+E001, private use); the views remove
 * them (slip_break.c). */
#define SLIP_KEEP_OPEN "\xEE\x80\x80"
#define SLIP_KEEP_CLOSE "\xEE\x80\x81"
/* Lines of s at most width columns by the one rule of slip_break.c
 * (marks removed); never zero lines. */
char **slip_wrap(const char *s, int width, size_t *n);
/* s without the marks (malloc'd); its display width. */
char *slip_plain(const char *s);
int slip_width(const char *s);
/* The width of the widest whole value in s (0 if none). */
int slip_widest_whole(const char *s);
/* s for pango: the marks removed, a WORD JOINER between the characters
 * of a whole value so no line breaks inside it (malloc'd). */
char *slip_pango_text(const char *s);

/* Whole values the views had to break because they were wider than the
 * room they had (forms check): reset, then count (*what: the first). */
void slip_split_reset(void);
int slip_split_count(const char **what);

/* Column widths for a table of cols at `width` text columns, 1-column gaps;
 * out gets n widths that sum (with gaps) to at most width. */
void slip_cols_layout(const slip_col *cols, size_t n, int width, int *out);

#endif
