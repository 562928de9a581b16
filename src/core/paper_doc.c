/* paper_doc.c - the last leg of every paper (paper.h): a template and its
 * values become text, a PDF, or a print/spool.  paper_issue (a case's
 * paper) and the papers of no case (日结单, 月报, 代办员台账, a book
 * entry's form, a blank form) all leave through here, so a file is never
 * written over and a hung printer is spooled the same way for each. */
#include "bianmin/paper.h"
#include "bianmin/print.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A file is written new (file_write_new: never over an existing file
 * unless forced, never through a symlink); "-" is the caller's raw out. */
static int write_to(const paper_doc_req *r, const char *path, const void *data, size_t len, bm_error *err)
{
	if (strcmp(path, "-") != 0)
		return file_write_new(path, data, len, r->force, err);
	FILE *f = r->raw_out ? r->raw_out : stdout;
	if (fwrite(data, 1, len, f) != len || fflush(f) != 0)
		return bm_fail(err, BM_EIO, _("cannot write %s: %s"), path, strerror(errno));
	return BM_OK;
}

static int out_files(const paper_doc_req *r, const slip_doc *doc, const bm_output *out, bm_error *err)
{
	if (r->text_path) {
		int w = r->width > 0 ? r->width : out && out->width > 0 ? out->width : 80;
		char *text = slip_doc_text(doc, w);
		int rc = write_to(r, r->text_path, text, strlen(text), err);
		free(text);
		if (rc)
			return rc;
	}
	if (r->pdf_path) {
		bm_buf pdf = {0};
		int rc = slip_doc_pdf(doc, &pdf, err);
		if (!rc)
			rc = write_to(r, r->pdf_path, pdf.data, pdf.len, err);
		bm_buf_free(&pdf);
		return rc;
	}
	return BM_OK;
}

static int send(const paper_doc_req *r, const slip_doc *doc, const bm_output *out, paper_done *d, bm_error *err)
{
	char *spool = r->spool_dir ? bm_xstrdup(r->spool_dir) : print_spool_dir(r->center, r->db_path);
	print_result pr = {0};
	int rc = slip_doc_send(doc, out, spool, r->name, r->form, r->now, &pr, err);
	if (!rc) {
		d->printed = pr.printed;
		d->spool_path = pr.spool_path, pr.spool_path = NULL;
		d->why = pr.why, pr.why = NULL;
	}
	print_result_free(&pr);
	free(spool);
	return rc;
}

int paper_issue_doc(const paper_doc_req *r, paper_done *d, bm_error *err)
{
	memset(d, 0, sizeof *d);
	/* a plain name: never a path */
	if (!r->form || !slip_form_name_ok(r->form))
		return bm_fail(err, BM_EINVAL, "%s: %s", r->form ? r->form : "",
			       _("not a form name: a form is named by letters, digits, '_' and '-' only (see bianmin forms check)"));
	snprintf(d->form, sizeof d->form, "%s", r->form);
	bm_diags dg = {0};
	slip_form *f = slip_load_form(r->forms_dir, r->form, &dg);
	if (!f) {
		int rc = bm_fail(err, BM_EIO, _("The paper '%s' cannot be printed: %s"), r->form,
				 dg.n ? dg.msgs[0] : _("its template is missing"));
		diags_free(&dg);
		return rc;
	}
	diags_free(&dg);
	d->title = bm_xstrdup(slip_title(f));
	const bm_output *out = center_output(r->center, r->form);
	slip_doc *doc = slip_eval(f, r->ctx);   /* may point into f: free f after it */
	/* the printer or spool first, then the files; one that fails does not
	 * keep the paper from the other (a 日结单 is closed by then), and the
	 * first failure is the one said */
	int rc = r->send ? send(r, doc, out, d, err) : BM_OK;
	if (r->text_path || r->pdf_path) {
		bm_error ferr = {0};
		int frc = out_files(r, doc, out, rc ? &ferr : err);
		d->written = frc == BM_OK;
		if (!rc)
			rc = frc;
	}
	slip_doc_free(doc);
	slip_free(f);
	return rc;
}
