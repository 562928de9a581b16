/* diag.h - diagnostics a person can fix: "FILE:LINE:COL: message", then the
 * source line and a caret under the spot, placed by display width so it
 * lands right under Chinese text.  All mistakes of a file are collected. */
#ifndef BIANMIN_DIAG_H
#define BIANMIN_DIAG_H

#include "bianmin/common.h"

typedef struct bm_diags {
	char **msgs;        /* each one complete, possibly multi-line, no final '\n' */
	size_t n, cap;
	int errors, warnings;
	size_t dropped;     /* mistakes past DIAGS_MAX: counted, not kept */
} bm_diags;
/* At most this many messages are kept (and printed, then "and N more"):
 * a file with 100,000 mistakes costs what one with 200 does. */
#define DIAGS_MAX 200

/* line, col are 1-based; col counts characters (code points), as libyaml's
 * marks do.  source is the whole text of the file (diag finds the line),
 * or NULL (then no source line / caret is shown). */
void diags_error(bm_diags *d, const char *file, const char *source, int line, int col,
		 const char *fmt, ...) __attribute__((format(printf, 6, 7)));
void diags_warning(bm_diags *d, const char *file, const char *source, int line, int col,
		   const char *fmt, ...) __attribute__((format(printf, 6, 7)));
/* A message with no position ("FILE: message"). */
void diags_file_error(bm_diags *d, const char *file, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void diags_print(const bm_diags *d, void *stdio_file);   /* FILE* */
void diags_free(bm_diags *d);

#endif
