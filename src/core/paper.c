/* paper.c - the paper pipeline in one place (paper.h): case -> paper ->
 * template -> evaluation as of its step -> print/spool/file -> event. */
#include "bianmin/paper.h"
#include "bianmin/print.h"
#include "bianmin/store.h"
#include "flatrec.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void paper_done_free(paper_done *d)
{
	if (!d)
		return;
	free(d->title);
	free(d->spool_path);
	free(d->why);
	memset(d, 0, sizeof *d);
}

char *paper_where(const paper_done *d)
{
	const char *name = d->title && *d->title ? d->title : d->form;
	const char *mark = d->reprint ? _(" (reprint, 补打)") : "";
	if (d->printed)
		return bm_xasprintf(_("%s%s: printed."), name, mark);
	if (d->written)
		return bm_xasprintf(_("%s%s: written."), name, mark);
	return bm_xasprintf(_("%s%s: spooled to %s%s%s"), name, mark, d->spool_path ? d->spool_path : "?",
			    d->why ? " - " : "", d->why ? d->why : "");
}

/* Was this paper printed before (a print or reprint event)?  A paper is
 * its form and the event of the step that made it ("notice_demand@57"):
 * the 补充材料告知书 of the arrival is not a reprint of the demand's.
 * Events before papers were keyed so name the form alone. */
static bool printed_before(const bm_case *c, const char *form, const char *key)
{
	for (size_t k = 0; k < c->n_events; k++) {
		const bm_event *e = &c->events[k];
		if (!e->type || (strcmp(e->type, "print") != 0 && strcmp(e->type, "reprint") != 0))
			continue;
		flatrec d = {0};
		if (!e->details || !flatrec_parse(e->details, &d))
			continue;
		const char *f = flatrec_get(&d, "x.note", NULL);
		bool same = f && (strcmp(f, key) == 0 || strcmp(f, form) == 0);
		flatrec_free(&d);
		if (same)
			return true;
	}
	return false;
}

int paper_issue(const paper_req *r, paper_done *d, bm_error *err)
{
	memset(d, 0, sizeof *d);
	const lc_ctx *x = r->x;
	if (!x->clerk)
		return bm_fail(err, BM_EDENIED, _("No clerk is logged in."));
	/* a plain name: never a path (print NO ../../x) */
	if (r->form && !slip_form_name_ok(r->form))
		return bm_fail(err, BM_EINVAL, "%s: %s", r->form,
			       _("not a form name: a form is named by letters, digits, '_' and '-' only (see bianmin forms check)"));
	bm_case c;
	int rc = case_load(x->store, r->no, &c, err);
	if (rc)
		return rc;
	/* which paper: the one asked for, else the latest step's */
	const char *form = r->form;
	if (!form) {
		form = lifecycle_latest_paper(&c, NULL, NULL);
		if (!form)
			form = slip_form_for_kind(c.kind);
	}
	snprintf(d->form, sizeof d->form, "%s", form);
	if (strcmp(form, "receipt") == 0 && !c.receipt_no) {
		rc = bm_fail(err, BM_ENOTFOUND, _("Case %s took no fee: it has no receipt."), c.no);
		case_free(&c);
		return rc;
	}
	size_t ev;
	lifecycle_latest_paper(&c, d->form, &ev);
	if (ev == SIZE_MAX && strcmp(form, "status") != 0) {
		/* a step that never happened gave no paper */
		rc = bm_fail(err, BM_ENOTFOUND, _("Case %s has no paper '%s': no step of it made one."), c.no, form);
		case_free(&c);
		return rc;
	}
	char key[96];
	snprintf(key, sizeof key, "%s@%lld", d->form, ev < c.n_events ? (long long)c.events[ev].id : 0LL);
	/* a paper given once is given again only as 补打 */
	d->reprint = r->reprint || (strcmp(form, "status") != 0 && printed_before(&c, d->form, key));
	slip_ctx *ctx = lifecycle_case_paper(x, &c, d->form, d->reprint, NULL, err);
	if (!ctx) {
		case_free(&c);
		return err && err->code ? err->code : BM_ENOTFOUND;
	}
	/* r->res->warning is the clerk's (translated) message: never on a paper;
	 * files or the printer/spool, the same last leg as every paper */
	bool reprint = d->reprint;
	paper_doc_req dr = { .center = x->center, .db_path = store_path(x->store), .spool_dir = r->spool_dir,
			     .forms_dir = r->forms_dir, .form = form, .name = c.no, .ctx = ctx, .now = x->now,
			     .text_path = r->text_path, .pdf_path = r->pdf_path, .force = r->force,
			     .raw_out = r->raw_out, .width = r->width, .send = !r->text_path && !r->pdf_path };
	rc = paper_issue_doc(&dr, d, err);
	d->reprint = reprint;
	slip_ctx_free(ctx);
	/* every print and reprint is an event of the case, under the clerk */
	if (!rc) {
		case_step step = { .type = d->reprint ? "reprint" : "print", .clerk = x->clerk->code,
				   .at = x->now, .note = key };
		rc = case_apply(x->store, c.no, &step, err);
	}
	case_free(&c);
	return rc;
}
