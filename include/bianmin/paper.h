/* paper.h - ONE call gives a case's paper: load the case, pick the paper,
 * load its template, evaluate it as of the step that made it, send it
 * (print command or spool, or a file), and record the print as an event.
 * Used by the counter (src/ui/paper.c), the command line (bianmin print,
 * the steps) alike.
 *
 * A paper printed a second time is a reprint (补打) whatever the caller
 * asked: the same paper, marked 补打 with the reprint's time and clerk. */
#ifndef BIANMIN_PAPER_H
#define BIANMIN_PAPER_H

#include "bianmin/lifecycle.h"

#include <stdbool.h>
#include <stdio.h>

typedef struct paper_req {
	const lc_ctx *x;          /* store, center, calendar, the clerk printing, now */
	const char *forms_dir;    /* the forms/ folder */
	const char *spool_dir;    /* NULL: the center's spool next to the database */
	const char *no;           /* the case */
	const char *form;         /* NULL: the paper of the case's latest step */
	bool reprint;             /* 补打 asked for */
	const lc_result *res;     /* the step (may be NULL); its translated warning is never printed */
	const char *text_path;    /* write the text here ("-": stdout) instead of sending */
	const char *pdf_path;     /* write the PDF here instead of sending */
	bool force;               /* replace an existing file (never through a symlink) */
	FILE *raw_out;            /* where "-" goes, unfiltered (NULL: stdout) */
	int width;                /* text columns for text_path; 0 = the form's output */
} paper_req;

typedef struct paper_done {
	char form[64];            /* the paper's key (notice_promised ...) */
	char *title;              /* its title (受理通知书 ...) */
	bool reprint;             /* it went out as 补打 */
	bool printed;             /* the print command took it */
	bool written;             /* written to text_path / pdf_path */
	char *spool_path, *why;   /* spooled: where, and why (NULL when no command) */
} paper_done;

/* A paper of no case -- the day's 日结单, the 月报, the agents' register
 * (代办员台账), a book entry's form, a blank 委托书 -- goes out the same
 * way: its template loaded and evaluated from ctx, written to text_path /
 * pdf_path (as paper_req's), and sent to the printer or spool when `send`
 * is set.  `name` names it in the spool (DAY-2026-11-23-all, an entry's
 * number).  Nothing is recorded: the caller's own step (日结, 月结) is. */
typedef struct paper_doc_req {
	const bm_center *center;
	const char *db_path;      /* the spool is next to it (when spool_dir is NULL) */
	const char *spool_dir;
	const char *forms_dir;
	const char *form;         /* daily_close, monthly_report, agent_register ... */
	const char *name;
	const struct slip_ctx *ctx;
	bm_time now;
	const char *text_path;    /* "-": raw_out */
	const char *pdf_path;
	bool force;
	FILE *raw_out;            /* NULL: stdout */
	int width;                /* 0: the form's output */
	bool send;
} paper_doc_req;

int paper_issue_doc(const paper_doc_req *r, paper_done *d, bm_error *err);

/* BM_OK when the paper went out and its event is recorded; on failure
 * nothing is recorded and err says why (no such paper, broken template,
 * neither printed nor spooled). */
int paper_issue(const paper_req *r, paper_done *d, bm_error *err);
void paper_done_free(paper_done *d);
/* A sentence for the clerk: "受理通知书: printed." / "... spooled to P". */
char *paper_where(const paper_done *d);

/* `forms check`: load every template of forms_dir and render each case
 * paper for a case of every kind and every step that prints it (as at the
 * counter, with `center`'s settings; NULL = none), at 32, 42, 48 and 80
 * columns.  Every blank field label, English word on an applicant paper
 * and name/number/amount split across lines is an error in d.  Returns
 * the number of problems (broken templates included); *rendered gets the
 * number of papers rendered. */
int paper_check_forms(const char *forms_dir, const bm_center *center, size_t *rendered, bm_diags *d);

#endif
