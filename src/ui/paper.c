/* paper.c - the papers of a case just accepted leave bianmin: the notice
 * of its kind, and the receipt when a fee was charged.  Rendering and
 * printing are the core's (slip.h, print.h); this only strings them
 * together and says to the clerk where each paper went. */
#include "uipriv.h"

#include "bianmin/lifecycle.h"
#include "bianmin/paper.h"
#include "bianmin/print.h"
#include "bianmin/slip.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One paper of case c through the one pipeline (paper.h): as of the
 * step that produced it, sent, recorded as an event under this clerk; a
 * paper given before goes out as 补打. */
static bool one_paper(ui *u, const char *no, const char *form, bool reprint, bm_buf *msg)
{
	lc_ctx x = {.store = u->store, .cal = u->cal, .center = u->center, .clerk = &u->clerk, .now = ui_now()};
	char *dir = ui_spool_dir(u);
	paper_req r = { .x = &x, .forms_dir = u->app->paths.forms, .spool_dir = dir, .no = no,
			.form = form, .reprint = reprint };
	paper_done d;
	bm_error err = {0};
	bool ok = paper_issue(&r, &d, &err) == BM_OK;
	/* the clerk reads the paper's title (受理通知书), the key is for the spool */
	char *name = d.title && *d.title ? bm_xasprintf("%s (%s)", d.title, d.form)
		     : bm_xstrdup(form ? form : d.form[0] ? d.form : "?");
	if (!ok)
		bm_buf_printf(msg, _("Paper %s NOT printed or saved: %s "), name, err.msg);
	else if (d.printed)
		bm_buf_printf(msg, _("Paper %s printed. "), name);
	else
		bm_buf_printf(msg, _("Paper %s saved to %s%s%s. "), name, d.spool_path ? d.spool_path : dir,
			      d.why ? ": " : "", d.why ? d.why : "");
	paper_done_free(&d);
	free(name);
	free(dir);
	return ok;
}

bool ui_case_paper(ui *u, const char *no, const char *form, bm_buf *msg)
{
	return one_paper(u, no, form, false, msg);
}

bool ui_emit_paper(ui *u, const char *no, const char *form, const slip_ctx *ctx, bm_buf *msg)
{
	/* the same last leg as a case's paper (paper_issue_doc) */
	char *dir = ui_spool_dir(u);
	paper_doc_req r = { .center = u->center, .spool_dir = dir, .forms_dir = u->app->paths.forms, .form = form,
			    .name = no, .ctx = ctx, .now = ui_now(), .send = true };
	paper_done d;
	bm_error err = {0};
	bool ok = paper_issue_doc(&r, &d, &err) == BM_OK;
	/* the clerk reads the paper's title (受理通知书), the key is for the spool */
	char *name = d.title && *d.title ? bm_xasprintf("%s (%s)", d.title, form) : bm_xstrdup(form);
	if (!ok)
		bm_buf_printf(msg, _("Paper %s NOT printed or saved: %s "), name, err.msg);
	else if (d.printed)
		bm_buf_printf(msg, _("Paper %s printed.\n"), name);
	else
		bm_buf_printf(msg, _("Paper %s saved to\n%s%s%s.\n"), name, d.spool_path ? d.spool_path : dir,
			      d.why ? ": " : "", d.why ? d.why : "");
	paper_done_free(&d);
	free(name);
	free(dir);
	return ok;
}

bool ui_print_case(ui *u, const char *no, char *msg, size_t len)
{
	bm_case c;
	memset(&c, 0, sizeof c);
	bm_error err = {0};
	if (case_load(u->store, no, &c, &err) != BM_OK) {
		snprintf(msg, len, _("Saved, but the paper could not be made: %s"), err.msg);
		return false;
	}
	bm_buf b = {0};
	bool ok = one_paper(u, c.no, slip_form_for_kind(c.kind), false, &b);
	if (c.receipt_no)
		ok = one_paper(u, c.no, "receipt", false, &b) && ok;
	case_free(&c);
	snprintf(msg, len, "%s", b.data ? b.data : "");
	bm_buf_free(&b);
	return ok;
}

/* The papers a case has had: its intake notice, its receipt, and those of
 * later steps (lifecycle_paper_for_event), each once, in order. */
size_t ui_case_papers(const bm_case *c, const char **out, size_t max)
{
	size_t n = 0;
	const char *first = slip_form_for_kind(c->kind);
#define ADD(f)                                                   \
	do {                                                     \
		bool seen = false;                               \
		for (size_t j = 0; j < n; j++)                   \
			seen = seen || strcmp(out[j], (f)) == 0; \
		if (!seen && n < max)                            \
			out[n++] = (f);                          \
	} while (0)
	/* a 补办件 got the one-time notice at intake, then became 承诺件 */
	for (size_t i = 0; i < c->n_events; i++)
		if (c->events[i].type && strcmp(c->events[i].type, "supplement") == 0)
			ADD("notice_supplement");
	if (first)
		ADD(first);
	if (c->receipt_no)
		ADD("receipt");
	for (size_t i = 0; i < c->n_events; i++) {
		const char *f = lifecycle_paper_for_event(c, &c->events[i]);
		if (f && strcmp(f, "handover") != 0)
			ADD(f);
	}
	ADD("status");
#undef ADD
	return n;
}

bool ui_reprint(ui *u, const char *no, const char *form, char *msg, size_t len)
{
	bm_case c;
	memset(&c, 0, sizeof c);
	bm_error err = {0};
	if (case_load(u->store, no, &c, &err) != BM_OK) {
		snprintf(msg, len, "%s", err.msg);
		return false;
	}
	/* 补打 is recorded as an event of the case by the pipeline */
	bm_buf b = {0};
	bool ok = one_paper(u, c.no, form, true, &b);
	case_free(&c);
	snprintf(msg, len, "%s%s", _("Reprint (补打): "), b.data ? b.data : "");
	bm_buf_free(&b);
	return ok;
}
