/* paper.c - the papers of a case just accepted leave bianmin: the notice
 * of its kind, and the receipt when a fee was charged.  Rendering and
 * printing are the core's (slip.h, print.h); this only strings them
 * together and says to the clerk where each paper went. */
#include "uipriv.h"

#include "bianmin/print.h"
#include "bianmin/slip.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The spool folder: relative paths are relative to the database's folder. */
static char *spool_dir(const ui *u)
{
	const char *sp = u->center->spool_dir ? u->center->spool_dir : "spool";
	if (sp[0] == '/')
		return bm_xstrdup(sp);
	const char *db = u->app->paths.db ? u->app->paths.db : ".";
	const char *slash = strrchr(db, '/');
	if (!slash)
		return bm_xstrdup(sp);
	return bm_xasprintf("%.*s/%s", (int)(slash - db), db, sp);
}

static bool one_paper(ui *u, const bm_case *c, const char *form, bm_buf *msg)
{
	bm_diags d = {0};
	slip_form *f = slip_load_form(u->app->paths.forms, form, &d);
	if (!f) {
		bm_buf_printf(msg, _("Paper %s not printed: its template is broken (bianmin forms check). "), form);
		diags_free(&d);
		return false;
	}
	diags_free(&d);
	bm_time now = ui_now();
	slip_case_opts o;
	memset(&o, 0, sizeof o);
	o.form = form;
	o.now = now;
	o.clerk_no = u->clerk.code;
	o.clerk_name = u->clerk.name;
	slip_ctx *ctx = slip_context_from_case(c, u->center, &o);
	const bm_output *out = center_output(u->center, form);
	bm_error err = {0};
	char *data = NULL;
	size_t len = 0;
	bool ok = true;
	if (out->pdf) {
		slip_doc *doc = slip_eval(f, ctx);
		bm_buf b = {0};
		if (doc && slip_doc_pdf(doc, &b, &err) == BM_OK) {
			len = b.len;
			data = bm_buf_steal(&b);
		} else {
			bm_buf_free(&b);
		}
		slip_doc_free(doc);
	} else {
		char *text = slip_render_text(f, ctx, out->width);
		data = text ? slip_encode(text, out->encoding ? out->encoding : "UTF-8", &len, &err) : NULL;
		free(text);
	}
	slip_ctx_free(ctx);
	slip_free(f);
	if (!data) {
		bm_buf_printf(msg, _("Paper %s not printed: %s "), form, err.msg);
		return false;
	}
	char *dir = spool_dir(u);
	print_result res;
	memset(&res, 0, sizeof res);
	if (print_paper(out, dir, c->no, form, data, len, out->pdf, now, &res, &err) != BM_OK) {
		bm_buf_printf(msg, _("Paper %s NOT printed or saved: %s "), form, err.msg);
		ok = false;
	} else if (res.printed) {
		bm_buf_printf(msg, _("Paper %s printed. "), form);
	} else {
		bm_buf_printf(msg, _("Paper %s saved to %s%s%s. "), form, res.spool_path ? res.spool_path : dir,
			      res.why ? ": " : "", res.why ? res.why : "");
	}
	print_result_free(&res);
	free(dir);
	free(data);
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
	bool ok = one_paper(u, &c, slip_form_for_kind(c.kind), &b);
	if (c.receipt_no)
		ok = one_paper(u, &c, "receipt", &b) && ok;
	case_free(&c);
	snprintf(msg, len, "%s", b.data ? b.data : "");
	bm_buf_free(&b);
	return ok;
}
