/* lifecycle_paper.c - the status answer (公开查询) and the papers of the
 * steps (延期通知书, 特别程序告知书, 办结通知, 退件通知, AB岗交接单) through
 * slip.h and print.h. */
#include "lifecycle_int.h"
#include "bianmin/idno.h"
#include "bianmin/ledger.h"
#include "bianmin/paper.h"
#include "bianmin/print.h"
#include "bianmin/slip.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

char *lifecycle_status_text(const bm_case *c, bm_day today, const bm_calendar *cal)
{
	bm_buf b = {0};
	char d[11];
	lc_info in;
	lifecycle_info(c, &in);
	char *masked = idno_mask(c->applicant.id_no ? c->applicant.id_no : "");
	bm_buf_printf(&b, "%s %s\n", _("Case:"), c->no);
	bm_buf_printf(&b, "%s %s (%s, %s)\n", _("Item:"), c->item.name, c->item.code, c->item.window);
	bm_buf_printf(&b, "%s %s %s\n", _("Applicant:"), c->applicant.name, masked);
	bm_buf_printf(&b, "%s %s", _("State:"), case_state_label(c->state));
	if (c->state == CASE_PAUSED)
		bm_buf_printf(&b, " (%s)", lc_info_pause_label(&in));
	if (c->state == CASE_FORWARDED && in.forwarded_to)
		bm_buf_printf(&b, " (%s)", in.forwarded_to);
	bm_buf_puts(&b, "\n");
	bm_buf_printf(&b, "%s %s\n", _("Accepted:"), bm_day_format(c->accepted_day, d));
	if (case_state_final(c->state)) {
		bm_buf_printf(&b, "%s %s\n", _("Closed:"), bm_day_format(c->completed_day, d));
		if (in.result)
			bm_buf_printf(&b, "%s %s\n", _("Result:"), in.result);
		if (c->return_reason)
			bm_buf_printf(&b, "%s %s\n", _("Reason:"), c->return_reason);
	} else if (c->due != BM_NO_DAY) {
		bm_buf_printf(&b, "%s %s", _("Due:"), bm_day_format(c->due, d));
		int od = lifecycle_overdue_by(c, today, cal);
		if (od > 0)
			bm_buf_printf(&b, _(" (overdue by %d working days)"), od);
		bm_buf_puts(&b, "\n");
	} else if (c->state == CASE_WAITING_MATERIALS) {
		bm_buf_printf(&b, "%s\n", _("Due: counted from the day the last missing material arrives"));
	}
	size_t nm = 0;
	for (size_t i = 0; i < c->n_materials; i++) {
		const bm_case_material *m = &c->materials[i];
		if (case_state_final(c->state) || !(m->state == MAT_MISSING || m->state == MAT_NOT_BROUGHT))
			continue;
		if (!nm++)
			bm_buf_printf(&b, "%s\n", _("Still missing:"));
		bm_buf_printf(&b, "  %zu. %s (%s, %d)\n", i + 1, m->name, form_label(m->form), m->copies);
	}
	for (size_t k = 0; k < in.n_opinions; k++)
		if (!in.opinions[k].answered && !case_state_final(c->state))
			bm_buf_printf(&b, _("Waiting on the opinion of window %s\n"), in.opinions[k].window);
	free(masked);
	lc_info_free(&in);
	return bm_buf_steal(&b);
}

int lifecycle_find(bm_store *s, const char *q, char ***nos, size_t *n, bm_error *err)
{
	*nos = NULL;
	*n = 0;
	if (!lc_has_text(q))
		return bm_fail(err, BM_EINVAL, _("Give a case number or an ID number."));
	bm_case c;
	bm_error e;
	if (case_load(s, q, &c, &e) == BM_OK) {
		*nos = bm_xcalloc(1, sizeof **nos);
		(*nos)[(*n)++] = bm_xstrdup(c.no);
		case_free(&c);
		return BM_OK;
	}
	case_filter f = { .query = q };
	case_summary *v = NULL;
	size_t nv = 0;
	int rc = case_list(s, &f, &v, &nv, err);
	if (rc)
		return rc;
	for (size_t i = 0; i < nv; i++)
		if (v[i].id_no && strcasecmp(v[i].id_no, q) == 0) {
			*nos = bm_xrealloc(*nos, (*n + 1) * sizeof **nos);
			(*nos)[(*n)++] = bm_xstrdup(v[i].no);
		}
	case_summaries_free(v, nv);
	if (!*n)
		return bm_fail(err, BM_ENOTFOUND, _("No case has the number or ID number %s."), q);
	return BM_OK;
}

/* ---- papers ---------------------------------------------------------- */
static void set_day_cn(slip_ctx *ctx, const char *name, bm_day d)
{
	char buf[32];
	slip_ctx_set(ctx, name, slip_day_cn(d, buf));
}

/* ---- which step printed which paper: the step table's papers ---------
 * (lifecycle_table.c: each row's papers, and those of the events that are
 * not steps: intake, receipt_void) */
static void add_form(const char **out, size_t *n, size_t max, const char *form)
{
	for (size_t j = 0; j < *n; j++)
		if (strcmp(out[j], form) == 0)
			return;
	if (*n < max)
		out[(*n)++] = form;
}

static void add_papers(const char **out, size_t *n, size_t max, const lc_paper *p)
{
	for (size_t i = 0; p && i < LC_PAPERS_MAX && p[i].form; i++)
		if (strcmp(p[i].form, LC_FORM_KIND) != 0)
			add_form(out, n, max, p[i].form);
}

size_t lifecycle_paper_forms(const char **out, size_t max)
{
	/* every paper bianmin prints: the intake notices by kind, the
	 * receipt, the status answer, the 日结单, the papers of the table */
	size_t n = 0;
	const char *fixed[] = { "receipt", "status", "daily_close" };
	for (int k = 0; k < KIND__COUNT; k++)
		add_form(out, &n, max, slip_form_for_kind((bm_kind)k));
	for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
		add_form(out, &n, max, fixed[i]);
	add_papers(out, &n, max, lc_event_papers("intake"));
	add_papers(out, &n, max, lc_event_papers("receipt_void"));
	for (int s = 0; s < LC_STEP__COUNT; s++)
		add_papers(out, &n, max, lc_step_row((lc_step)s)->papers);
	return n;
}

const char *lifecycle_paper_for_type(const char *type)
{
	const lc_paper *p = lc_event_papers(type);
	for (size_t i = 0; p && i < LC_PAPERS_MAX && p[i].form; i++)
		if (p[i].main && p[i].when == LC_PAPER_ALWAYS && strcmp(p[i].form, LC_FORM_KIND) != 0)
			return p[i].form;
	return NULL;
}

/* A value of the event's details (the case fields it set), or NULL. */
static char *detail(const bm_event *e, const char *key)
{
	flatrec d = {0};
	if (!e->details || !flatrec_parse(e->details, &d))
		return NULL;
	const char *v = flatrec_get(&d, key, NULL);
	char *r = v && *v ? bm_xstrdup(v) : NULL;
	flatrec_free(&d);
	return r;
}

/* Does paper p of event e hold for case c? */
static bool paper_holds(const bm_case *c, const bm_event *e, const lc_paper *p)
{
	switch (p->when) {
	case LC_PAPER_ALWAYS:
		return true;
	case LC_PAPER_FEE:
		return c->receipt_no != NULL;
	case LC_PAPER_PROXY:
		return c->proxy_name && *c->proxy_name;
	case LC_PAPER_DEMANDED: {
		/* the demanded material arrived: the 补充告知书 with the new due */
		flatrec n;
		bool demand = false;
		if (lc_event_note(e, &n)) {
			const char *v = flatrec_get(&n, "demand", NULL);
			demand = v && strcmp(v, "1") == 0;
			flatrec_free(&n);
		}
		return demand;
	}
	}
	return false;
}

const char *lifecycle_paper_for_event(const bm_case *c, const bm_event *e)
{
	const lc_paper *p = lc_event_papers(e->type);
	for (size_t i = 0; p && i < LC_PAPERS_MAX && p[i].form; i++) {
		if (!p[i].main || !paper_holds(c, e, &p[i]))
			continue;
		if (strcmp(p[i].form, LC_FORM_KIND) != 0)
			return p[i].form;
		/* the kind as the event decided it (the record the event
		 * holds); an intake without one: the case's */
		char *k = detail(e, "kind");
		bm_kind kind;
		bool known = k && kind_parse(k, &kind);
		free(k);
		if (!known && strcmp(e->type, "intake") == 0) {
			kind = c->kind;
			known = true;
		}
		if (known)
			return slip_form_for_kind(kind);
	}
	return NULL;
}

/* Papers an event gives besides its own (the table's papers that are
 * not main): the intake's receipt when a fee was taken, a proxy case's
 * 授权委托书, 转报联系单 and 服务意见反馈表 ... */
static bool event_also_gives(const bm_case *c, const bm_event *e, const char *form)
{
	const lc_paper *p = form ? lc_event_papers(e->type) : NULL;
	for (size_t i = 0; p && i < LC_PAPERS_MAX && p[i].form; i++)
		if (!p[i].main && strcmp(p[i].form, form) == 0)
			return paper_holds(c, e, &p[i]);
	return false;
}

const char *lifecycle_latest_paper(const bm_case *c, const char *form, size_t *event)
{
	for (size_t k = c->n_events; k-- > 0;) {
		const char *f = lifecycle_paper_for_event(c, &c->events[k]);
		if (event_also_gives(c, &c->events[k], form))
			f = form;
		if (f && (!form || strcmp(f, form) == 0)) {
			if (event)
				*event = k;
			return f;
		}
	}
	if (event)
		*event = SIZE_MAX;
	return NULL;
}

static void set_detail_day(slip_ctx *ctx, const char *name, const bm_event *e, const char *key,
			   bm_day fallback)
{
	char *v = detail(e, key);
	bm_day d;
	set_day_cn(ctx, name, v && bm_day_parse(v, &d) ? d : fallback);
	free(v);
}

/* The case as it stood after events[upto]: the fields the events set
 * (kind, state, due, limit, completed day), so a paper says what it said
 * the day its step printed it, not what the case says today. */
static void as_of(slip_ctx *ctx, const bm_case *c, size_t upto)
{
	for (size_t k = 0; k < c->n_events && k <= upto; k++) {
		const bm_event *e = &c->events[k];
		flatrec d = {0};
		if (!e->details || !flatrec_parse(e->details, &d))
			continue;
		bool present;
		const char *v;
		bm_kind kind;
		bm_case_state st;
		bm_day day;
		if ((v = flatrec_get(&d, "kind", &present)) && kind_parse(v, &kind))
			slip_ctx_set(ctx, "kind", slip_kind_cn(kind));
		if ((v = flatrec_get(&d, "state", &present)) && case_state_parse(v, &st))
			slip_ctx_set(ctx, "state", slip_state_cn(st));
		v = flatrec_get(&d, "due", &present);
		if (present) {
			set_day_cn(ctx, "due", v && bm_day_parse(v, &day) ? day : BM_NO_DAY);
			v = flatrec_get(&d, "due_uncertain", &present);
			if (present)
				slip_ctx_set(ctx, "due_uncertain", v && strcmp(v, "1") == 0 ? "1" : "");
		}
		v = flatrec_get(&d, "limit_days", &present);
		if (present)
			slip_ctx_set(ctx, "limit_days", v);
		v = flatrec_get(&d, "completed_day", &present);
		if (present)
			set_day_cn(ctx, "completed", v && bm_day_parse(v, &day) ? day : BM_NO_DAY);
		flatrec_free(&d);
	}
}

/* The paper's own step: its date and time, and the clerk who acted. */
static void paper_step(slip_ctx *ctx, const bm_case *c, size_t upto)
{
	if (upto >= c->n_events)
		return;
	const bm_event *e = &c->events[upto];
	char iso[32], cn[32];
	bm_time_format(e->at, iso);
	slip_day_cn(bm_time_day(e->at), cn);
	slip_ctx_set(ctx, "date", cn);
	slip_ctx_setf(ctx, "time", "%.5s", iso + 11);
	slip_ctx_setf(ctx, "datetime", "%s %.5s", cn, iso + 11);
	slip_ctx_set(ctx, "clerk_no", e->clerk);
	/* the name of that clerk: the case knows its first and its owner */
	const char *name = NULL;
	if (e->clerk && c->first_clerk && strcmp(e->clerk, c->first_clerk) == 0)
		name = c->first_clerk_name;
	else if (e->clerk && c->owner_clerk && strcmp(e->clerk, c->owner_clerk) == 0)
		name = c->owner_clerk_name;
	slip_ctx_set(ctx, "clerk_name", name ? name : e->clerk);
}

/* The step fields a paper may use, from the case's events up to and
 * including events[upto] (the step that printed it; SIZE_MAX = all), so
 * that a reprint (补打) of an older paper says what the original said. */
static void step_fields(slip_ctx *ctx, const bm_case *c, size_t upto, const lc_result *res)
{
	as_of(ctx, c, upto);
	char cn[32];
	set_day_cn(ctx, "first_notice_day", c->accepted_day);
	slip_ctx_setf(ctx, "accepted_time", "%s", slip_day_cn(c->accepted_day, cn));
	for (size_t k = 0; k < c->n_events && k <= upto; k++) {
		const bm_event *e = &c->events[k];
		if (e->type && (strcmp(e->type, "return") == 0 || strcmp(e->type, "receipt_void") == 0)) {
			slip_ctx_set(ctx, "reason", e->reason);
			set_day_cn(ctx, "completed", bm_time_day(e->at));
		}
		flatrec n;
		if (!e->type || !lc_event_note(e, &n))
			continue;
		if (strcmp(e->type, "extend") == 0) {
			bm_day d;
			const char *od = flatrec_get(&n, "old_due", NULL);
			if (od && bm_day_parse(od, &d))
				set_day_cn(ctx, "old_due", d);
			set_detail_day(ctx, "new_due", e, "due", c->due);
			slip_ctx_set(ctx, "extension_days", flatrec_get(&n, "days", NULL));
			slip_ctx_set(ctx, "approver", flatrec_get(&n, "approver", NULL));
			slip_ctx_set(ctx, "approver_name", flatrec_get(&n, "approver_name", NULL));
			slip_ctx_set(ctx, "reason", e->reason);
		} else if (strcmp(e->type, "pause") == 0) {
			lc_pause_kind pk;
			if (lc_pause_parse(flatrec_get(&n, "kind", NULL), &pk))
				slip_ctx_set(ctx, "special_procedure", lc_pause_label(pk));
			set_day_cn(ctx, "special_from", bm_time_day(e->at));
			slip_ctx_set(ctx, "special_to", "");
			slip_ctx_set(ctx, "special_days", "");
			slip_ctx_set(ctx, "new_due", "");
			slip_ctx_set(ctx, "old_due", slip_ctx_get(ctx, "due"));
			slip_ctx_set(ctx, "reason", e->reason);
		} else if (strcmp(e->type, "notice_breach") == 0) {
			slip_ctx_set(ctx, "demanded", flatrec_get(&n, "material", NULL));
			const char *held = flatrec_get(&n, "held", NULL);
			slip_ctx_set(ctx, "demand_open", held && strcmp(held, "1") == 0 ? "1" : "");
			slip_ctx_set(ctx, "demanded_reason", e->reason);
			set_day_cn(ctx, "demanded_day", bm_time_day(e->at));
			slip_ctx_set(ctx, "special_from", slip_ctx_get(ctx, "demanded_day"));
			slip_ctx_set(ctx, "special_to", "");
			slip_ctx_set(ctx, "special_days", "");
			slip_ctx_set(ctx, "new_due", "");
			slip_ctx_set(ctx, "old_due", slip_ctx_get(ctx, "due"));
		} else if (strcmp(e->type, "resume") == 0) {
			bm_day d;
			const char *pf = flatrec_get(&n, "paused_from", NULL);
			if (pf && bm_day_parse(pf, &d))
				set_day_cn(ctx, "special_from", d);
			set_day_cn(ctx, "special_to", bm_time_day(e->at));
			slip_ctx_set(ctx, "special_days", flatrec_get(&n, "paused_days", NULL));
			const char *od = flatrec_get(&n, "old_due", NULL);
			if (od && bm_day_parse(od, &d))
				set_day_cn(ctx, "old_due", d);
			else
				slip_ctx_set(ctx, "old_due", "");
			set_detail_day(ctx, "new_due", e, "due", c->due);
			if (!flatrec_get(&n, "old_due", NULL))
				slip_ctx_set(ctx, "new_due", "");
			if (flatrec_get(&n, "demand", NULL))
				slip_ctx_set(ctx, "demand_open", "");
		} else if (strcmp(e->type, "complete") == 0 || strcmp(e->type, "result") == 0) {
			const char *r = flatrec_get(&n, "result", NULL), *cert = flatrec_get(&n, "certificate", NULL);
			const char *ap = flatrec_get(&n, "approved", NULL);
			bool ok = ap && strcmp(ap, "1") == 0;
			/* the decision once: 准予 or 不予, then what was decided */
			slip_ctx_set(ctx, "approved", ok ? "1" : "");
			slip_ctx_set(ctx, "refused", ok ? "" : "1");
			slip_ctx_set(ctx, "result_text", r);
			slip_ctx_set(ctx, "certificate", cert);
			const char *word = ok ? "准予" : "不予";
			if (r && strncmp(r, word, strlen(word)) == 0)
				slip_ctx_set(ctx, "result", r);
			else
				slip_ctx_setf(ctx, "result", "%s%s%s", word, r && *r ? "：" : "", r ? r : "");
			if (cert && *cert) {
				const char *prev = slip_ctx_get(ctx, "result");
				char *full = bm_xasprintf("%s；证号 %s", prev, cert);
				slip_ctx_set(ctx, "result", full);
				free(full);
			}
			if (!ok && e->reason)
				slip_ctx_set(ctx, "reason", e->reason);
			else if (!ok && r)
				slip_ctx_set(ctx, "reason", r);
			set_day_cn(ctx, "completed", bm_time_day(e->at));
		}
		flatrec_free(&n);
	}
	paper_step(ctx, c, upto);
	(void)res;   /* its warning is the clerk's (translated) message: never on a paper */
}

slip_ctx *lifecycle_paper_context(const bm_case *c, const bm_center *center, const slip_case_opts *o,
				  size_t upto, const lc_result *res)
{
	slip_ctx *ctx = slip_context_from_case(c, center, o);
	step_fields(ctx, c, upto, res);
	if (o->reprint) {
		/* 补打: the same paper, marked, with when and by whom */
		char cn[32], iso[32];
		bm_time_format(o->now, iso);
		slip_ctx_setf(ctx, "reprint_time", "%s %.5s", slip_day_cn(bm_time_day(o->now), cn), iso + 11);
		slip_ctx_setf(ctx, "reprint_clerk", "%s（工号：%s）", o->clerk_name ? o->clerk_name : "",
			      o->clerk_no ? o->clerk_no : "");
	}
	return ctx;
}

/* The paper's check code (校验码, ledger_witness.c): of the event that
 * printed it, or the case's newest when none did; none without a key. */
static void set_check_code(const lc_ctx *x, slip_ctx *ctx, const bm_case *c, size_t ev)
{
	if (!x->store || !c->n_events)
		return;
	const bm_event *e = &c->events[ev < c->n_events ? ev : c->n_events - 1];
	char code[WITNESS_CODE_SIZE];
	if (witness_paper_code(x->store, e->id, e->hash, code) == BM_OK)
		slip_ctx_set(ctx, "check_code", code);
}

/* The name of the clerk with code `code`, for papers (approver). */
static void set_clerk_name(bm_store *s, slip_ctx *ctx, const char *field, const char *code)
{
	bm_clerk k = {0};
	bm_error e;
	if (code && *code && !auth_clerk_get(s, code, &k, &e))
		slip_ctx_set(ctx, field, k.name);
	auth_clerk_free(&k);
}

slip_ctx *lifecycle_case_paper(const lc_ctx *x, const bm_case *c, const char *form, bool reprint,
				const char **form_out, bm_error *err)
{
	size_t ev;
	const char *f = lifecycle_latest_paper(c, form, &ev);
	if (!form)
		form = f ? f : slip_form_for_kind(c->kind);
	if (form_out)
		*form_out = form;
	if (strcmp(form, "handover") == 0) {
		if (ev == SIZE_MAX) {
			bm_fail(err, BM_ENOTFOUND, _("Case %s was never handed over."), c->no);
			return NULL;
		}
		flatrec n;
		if (!lc_event_note(&c->events[ev], &n)) {
			bm_fail(err, BM_EINVAL, _("The handover of case %s cannot be read."), c->no);
			return NULL;
		}
		lc_handover h;
		const char *hid = flatrec_get(&n, "handover", NULL);
		int rc = lifecycle_handover_get(x->store, hid ? hid : "", &h, err);
		flatrec_free(&n);
		if (rc)
			return NULL;
		slip_ctx *ctx = lifecycle_handover_context(x, &h);
		slip_ctx_set(ctx, "reprint", reprint ? "补打" : "");
		if (reprint && x->clerk) {
			char cn[32], iso[32];
			bm_time_format(x->now, iso);
			slip_ctx_setf(ctx, "reprint_time", "%s %.5s", slip_day_cn(bm_time_day(x->now), cn), iso + 11);
			slip_ctx_setf(ctx, "reprint_clerk", "%s（工号：%s）", x->clerk->name, x->clerk->code);
		}
		lc_handover_free(&h);
		return ctx;
	}
	slip_case_opts o = { .form = form, .now = x->now, .reprint = reprint,
			     .clerk_no = x->clerk ? x->clerk->code : NULL,
			     .clerk_name = x->clerk ? x->clerk->name : NULL };
	slip_ctx *ctx = lifecycle_paper_context(c, x->center, &o, ev, NULL);
	set_check_code(x, ctx, c, ev);
	if (!slip_ctx_get(ctx, "approver_name") || !*slip_ctx_get(ctx, "approver_name"))
		set_clerk_name(x->store, ctx, "approver_name", slip_ctx_get(ctx, "approver"));
	return ctx;
}

static int send(const lc_ctx *x, const char *forms_dir, const char *spool_dir, const char *no,
		const char *form, const slip_ctx *ctx, char **where, bm_error *err)
{
	bm_diags d = {0};
	slip_form *f = slip_load_form(forms_dir, form, &d);
	if (!f) {
		int rc = bm_fail(err, BM_EIO, _("The paper '%s' cannot be printed: %s"), form,
				 d.n ? d.msgs[0] : _("its template is missing"));
		diags_free(&d);
		return rc;
	}
	diags_free(&d);
	const bm_output *out = x->center ? center_output(x->center, form) : NULL;
	/* the clerk reads the paper's title; the key names the spool file */
	const char *title = slip_title(f);
	char *name = title && *title ? bm_xstrdup(title) : bm_xstrdup(form);
	slip_doc *doc = slip_eval(f, ctx);   /* may point into f: free f after it */
	print_result pr = {0};
	int rc = slip_doc_send(doc, out, spool_dir, no, form, x->now, &pr, err);
	slip_doc_free(doc);
	slip_free(f);
	if (!rc && where)
		*where = pr.printed ? bm_xasprintf(_("%s: printed."), name)
			 : bm_xasprintf(_("%s: spooled to %s%s%s"), name, pr.spool_path ? pr.spool_path : "?",
					pr.why ? " - " : "", pr.why ? pr.why : "");
	print_result_free(&pr);
	free(name);
	return rc;
}

int lifecycle_print(const lc_ctx *x, const char *forms_dir, const char *spool_dir, const char *no,
		    const char *form, const lc_result *res, char **where, bm_error *err)
{
	if (where)
		*where = NULL;
	/* the one pipeline (paper.h): as of the step, recorded as an event */
	paper_req r = { .x = x, .forms_dir = forms_dir, .spool_dir = spool_dir, .no = no, .form = form,
			.res = res };
	paper_done d;
	int rc = paper_issue(&r, &d, err);
	if (!rc && where)
		*where = paper_where(&d);
	paper_done_free(&d);
	return rc;
}

slip_ctx *lifecycle_handover_context(const lc_ctx *x, const lc_handover *h)
{
	slip_ctx *ctx = slip_ctx_new();
	if (x->center) {
		slip_ctx_set(ctx, "center_name", x->center->name);
		slip_ctx_set(ctx, "center_phone", x->center->phone);
		slip_ctx_set(ctx, "center_address", x->center->address);
	}
	char iso[32];
	bm_time_format(h->at, iso);
	set_day_cn(ctx, "date", bm_time_day(h->at));
	slip_ctx_setf(ctx, "time", "%.5s", iso + 11);
	{
		char cn[32];
		slip_ctx_setf(ctx, "datetime", "%s %.5s", slip_day_cn(bm_time_day(h->at), cn), iso + 11);
	}
	slip_ctx_set(ctx, "form", "handover");
	slip_ctx_set(ctx, "case_no", h->id);
	slip_ctx_set(ctx, "reason", h->reason);
	bm_clerk a = {0}, b = {0};
	bm_error e;
	slip_ctx_set(ctx, "from_clerk_no", h->from);
	if (!auth_clerk_get(x->store, h->from, &a, &e)) {
		slip_ctx_set(ctx, "from_clerk_name", a.name);
		slip_ctx_set(ctx, "window", a.window);
	}
	slip_ctx_set(ctx, "to_clerk_no", h->to);
	if (!auth_clerk_get(x->store, h->to, &b, &e))
		slip_ctx_set(ctx, "to_clerk_name", b.name);
	slip_ctx_set(ctx, "clerk_no", x->clerk ? x->clerk->code : h->by);
	slip_ctx_set(ctx, "clerk_name", x->clerk ? x->clerk->name : NULL);
	auth_clerk_free(&a);
	auth_clerk_free(&b);
	slip_ctx_setf(ctx, "count", "%zu", h->n);
	for (size_t i = 0; i < h->n; i++) {
		bm_case c;
		if (case_load(x->store, h->nos[i], &c, &e))
			continue;
		slip_ctx *r = slip_ctx_add(ctx, "cases");
		char d[32];
		slip_ctx_setf(r, "no", "%zu", i + 1);
		slip_ctx_set(r, "case_no", c.no);
		slip_ctx_set(r, "item_name", c.item.name);
		slip_ctx_set(r, "applicant", c.applicant.name);
		slip_ctx_set(r, "kind", slip_kind_cn(c.kind));
		slip_ctx_set(r, "state", slip_state_cn(c.state));
		slip_ctx_set(r, "due", slip_day_cn(c.due, d));
		case_free(&c);
	}
	return ctx;
}

int lifecycle_print_handover(const lc_ctx *x, const char *forms_dir, const char *spool_dir,
			     const lc_handover *h, char **where, bm_error *err)
{
	if (where)
		*where = NULL;
	slip_ctx *ctx = lifecycle_handover_context(x, h);
	int rc = send(x, forms_dir, spool_dir, h->id, "handover", ctx, where, err);
	slip_ctx_free(ctx);
	/* every print is an event: of each case the 交接单 lists, naming the
	 * paper as paper_issue does (a later `print NO handover` is 补打) */
	for (size_t i = 0; !rc && x->clerk && i < h->n; i++) {
		bm_case c;
		if (case_load(x->store, h->nos[i], &c, err)) {
			rc = err && err->code ? err->code : BM_EDB;
			break;
		}
		size_t ev;
		lifecycle_latest_paper(&c, "handover", &ev);
		char key[96];
		snprintf(key, sizeof key, "handover@%lld", ev < c.n_events ? (long long)c.events[ev].id : 0LL);
		case_step step = { .type = "print", .clerk = x->clerk->code, .at = x->now, .note = key };
		rc = case_apply(x->store, c.no, &step, err);
		case_free(&c);
	}
	return rc;
}
