/* slip_send.c - a laid-out paper leaves bianmin the way its output says:
 * as a PDF or as text at the output's width and encoding, through the
 * print command or into the spool (print.h).  One path for the counter,
 * the command line and the follow-through steps. */
#include "bianmin/print.h"
#include "bianmin/slip.h"

#include <stdlib.h>
#include <string.h>

int slip_doc_send(const slip_doc *doc, const bm_output *out, const char *spool_dir, const char *no,
		  const char *form, bm_time now, print_result *res, bm_error *err)
{
	memset(res, 0, sizeof *res);
	if (!doc)
		return bm_fail(err, BM_EINVAL, _("the paper could not be laid out"));
	static const bm_output spool_only = {.form = (char *)"default", .width = 80, .encoding = (char *)"UTF-8"};
	if (!out)
		out = &spool_only;
	char *bytes = NULL;
	size_t len = 0;
	if (out->pdf) {
		bm_buf pdf = {0};
		if (slip_doc_pdf(doc, &pdf, err) == BM_OK) {
			len = pdf.len;
			bytes = bm_buf_steal(&pdf);
		}
		bm_buf_free(&pdf);
	} else {
		char *text = slip_doc_text(doc, out->width >= 16 ? out->width : 80);
		bytes = slip_encode(text, out->encoding ? out->encoding : "UTF-8", &len, err);
		free(text);
	}
	if (!bytes)
		return err && err->code ? err->code : BM_EIO;
	int rc = print_paper(out, spool_dir, no, form, bytes, len, out->pdf, now, res, err);
	free(bytes);
	return rc;
}
