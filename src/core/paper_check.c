/* paper_check.c - `bianmin forms check` proves the papers complete: every
 * template is rendered, through the same code as at the counter
 * (slip_context_from_case, lifecycle_paper_context), for a case of each
 * kind and for every step that prints it (延期, 特别程序 begun and ended,
 * 二次告知 and the material's arrival, 办结 granted and refused), at 32,
 * 42, 48 and 80 columns; it fails on a field label left blank, an English
 * word on an applicant paper, and a name, number or amount split across
 * lines. */
#include "bianmin/paper.h"
#include "flatrec.h"
#include "slip_doc.h"
#include "bianmin/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const int WIDTHS[] = { 32, 42, 48, 80 };

/* ---- a case of each kind, in memory ---------------------------------- */

typedef struct sample {
	bm_case c;
	bm_event ev[10];
	bm_case_material mats[3];
	char *owned[32];
	size_t n_owned;
} sample;

static char *keep(sample *s, char *p)
{
	if (s->n_owned < sizeof s->owned / sizeof s->owned[0])
		s->owned[s->n_owned++] = p;
	return p;
}

static bm_time at(const char *iso)
{
	bm_time t;
	memset(&t, 0, sizeof t);
	bm_time_parse(iso, &t);
	return t;
}

/* One event: its type, the case fields it set, and its note. */
static void event(sample *s, const char *iso, const char *type, const char *reason, const char *const *sets,
		  const char *const *note)
{
	bm_event *e = &s->ev[s->c.n_events++];
	memset(e, 0, sizeof *e);
	e->id = (int64_t)s->c.n_events;
	e->at = at(iso);
	e->clerk = (char *)(strcmp(type, "extend") == 0 ? "A018" : "A017");
	e->type = (char *)type;
	e->reason = (char *)reason;
	flatrec d = {0}, n = {0};
	for (; sets && sets[0]; sets += 2)
		flatrec_set(&d, sets[0], sets[1]);
	for (; note && note[0]; note += 2)
		flatrec_set(&n, note[0], note[1]);
	if (n.n)
		flatrec_set(&d, "x.note", keep(s, flatrec_json(&n)));
	e->details = keep(s, flatrec_json(&d));
	flatrec_free(&d);
	flatrec_free(&n);
}

static void sample_free(sample *s)
{
	for (size_t i = 0; i < s->n_owned; i++)
		free(s->owned[i]);
}

static void make_case(sample *s, bm_kind kind, bool approved)
{
	memset(s, 0, sizeof *s);
	bm_case *c = &s->c;
	c->events = s->ev;
	c->materials = s->mats;
	snprintf(c->no, sizeof c->no, "QS-20261102-%04d", 10 + (int)kind);
	c->applicant.name = (char *)"欧阳娜娜";
	c->applicant.id_no = (char *)"110101199003074514";
	c->proxy_name = (char *)"司马相如";
	c->first_clerk = c->owner_clerk = (char *)"A017";
	c->first_clerk_name = c->owner_clerk_name = (char *)"诸葛孔明";
	bm_case_item *it = &c->item;
	it->code = (char *)"MZ-003";
	it->name = (char *)"城乡居民最低生活保障申请";
	it->window = (char *)"民政";
	it->regime = kind == KIND_JOINT ? REGIME_JOINT : kind == KIND_FORWARDED ? REGIME_FORWARD
		     : kind == KIND_IMMEDIATE ? REGIME_DIRECT : REGIME_PROMISE;
	it->basis = (char *)"《社会救助暂行办法》第十一条";
	it->statutory_days = 20;
	it->promised_days = 10;
	it->has_fee = true;
	it->fee_fen = 1250;
	it->fee_basis = (char *)"川发改价格〔2020〕12号";
	it->forward_to = (char *)"县民政局";
	it->refusal = (char *)"不符合申请条件";
	static char *joint[] = { (char *)"规划建设", (char *)"综合受理" };
	it->joint_windows = joint;
	it->n_joint_windows = 2;
	static const struct { const char *name; bool main; bm_mat_state st; } m[] = {
		{ "居民身份证", true, MAT_PRESENT },
		{ "居民户口簿", true, MAT_MISSING },
		{ "村（居）委会出具的家庭经济状况证明", false, MAT_NOT_BROUGHT },
	};
	for (size_t i = 0; i < 3; i++) {
		s->mats[i] = (bm_case_material){ .name = (char *)m[i].name, .form = FORM_COPY, .copies = 1,
						 .main = m[i].main,
						 .state = kind == KIND_SUPPLEMENT || kind == KIND_RETURNED ? m[i].st : MAT_PRESENT };
	}
	c->n_materials = 3;
	c->kind = c->decided = kind;
	c->state = kind == KIND_RETURNED ? CASE_RETURNED : kind == KIND_IMMEDIATE ? CASE_COMPLETED : CASE_IN_PROGRESS;
	c->return_reason = kind == KIND_RETURNED ? (char *)"缺少主件材料：居民户口簿" : NULL;
	c->accepted = at("2026-11-02T09:30:00+08:00");
	c->accepted_day = bm_time_day(c->accepted);
	bm_day_parse("2026-11-30", &c->due);
	c->limit_days = 10;
	c->completed_day = BM_NO_DAY;
	c->clock_start = c->accepted_day;
	c->fee_fen = kind == KIND_RETURNED ? 0 : 1250;
	c->receipt_no = kind == KIND_RETURNED ? NULL : (char *)"2026-000123";

	const char *const intake[] = { "kind", kind_key(kind), "state", case_state_key(c->state), "due", "2026-11-30", NULL };
	event(s, "2026-11-02T09:30:00+08:00", "intake", NULL, intake, NULL);
	if (kind != KIND_PROMISED)
		return;
	/* the steps that print a paper, on the 承诺件 */
	const char *const ext[] = { "due", "2026-12-07", NULL };
	const char *const extn[] = { "old_due", "2026-11-30", "days", "5", "approver", "A018", "approver_name", "张建国", NULL };
	event(s, "2026-11-03T10:00:00+08:00", "extend", "需县级部门核实", ext, extn);
	const char *const paused[] = { "state", "paused", NULL };
	const char *const pn[] = { "kind", "site_visit", NULL };
	event(s, "2026-11-04T10:00:00+08:00", "pause", "入户核查家庭经济状况", paused, pn);
	const char *const resumed[] = { "state", "in_progress", "due", "2026-12-10", NULL };
	const char *const rn[] = { "kind", "site_visit", "paused_from", "2026-11-04", "paused_days", "3",
				   "old_due", "2026-12-07", NULL };
	event(s, "2026-11-09T10:00:00+08:00", "resume", NULL, resumed, rn);
	const char *const dn[] = { "material", "村委会出具的困难情况证明", "held", "1", NULL };
	event(s, "2026-11-10T10:00:00+08:00", "notice_breach", "县局新规要求", paused, dn);
	const char *const an[] = { "demand", "1", "paused_from", "2026-11-10", "paused_days", "2",
				   "old_due", "2026-12-10", NULL };
	const char *const arrived[] = { "state", "in_progress", "due", "2026-12-14", NULL };
	event(s, "2026-11-12T10:00:00+08:00", "resume", NULL, arrived, an);
	const char *const done[] = { "state", "completed", "completed_day", "2026-11-20", NULL };
	const char *const ok[] = { "result", "准予纳入最低生活保障", "approved", "1", "certificate", "DB-2026-017", NULL };
	const char *const no[] = { "result", "家庭人均收入高于当地低保标准", "approved", "0", NULL };
	event(s, "2026-11-20T10:00:00+08:00", "complete", approved ? NULL : "家庭人均收入高于当地低保标准",
	      done, approved ? ok : no);
	/* the fee given back (退费, its receipt voided) */
	event(s, "2026-11-21T10:00:00+08:00", "receipt_void", "退费：申请人撤回申请", NULL, NULL);
}

/* ---- the checks ------------------------------------------------------ */

/* s without line ends and the indent after them: the paper's running text */
static char *flow(const char *s)
{
	char *f = bm_xstrdup(s), *o = f;
	while (*s) {
		if (*s == '\n') {
			s++;
			while (*s == ' ' || strncmp(s, "\xE3\x80\x80", 3) == 0)
				s += *s == ' ' ? 1 : 3;
			continue;
		}
		*o++ = *s++;
	}
	*o = 0;
	return f;
}

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0, k = strlen(needle);
	if (!k)
		return 0;
	for (const char *p = hay; (p = strstr(p, needle)); p += k)
		n++;
	return n;
}

/* An English word: 3 or more ASCII letters with a lower-case one (codes
 * such as MZ-003 and QS-... are upper case). */
static bool english_word(const char *s, char *word, size_t cap)
{
	for (const char *p = s; *p;) {
		size_t n = 0;
		bool lower = false;
		while ((p[n] >= 'a' && p[n] <= 'z') || (p[n] >= 'A' && p[n] <= 'Z'))
			lower |= p[n] >= 'a' && p[n] <= 'z', n++;
		if (n >= 3 && lower) {
			snprintf(word, cap, "%.*s", (int)n, p);
			return true;
		}
		p += n ? n : 1;
	}
	return false;
}

static const char *const WHOLE[] = {
	"applicant", "agent", "case_no", "idno", "receipt_no", "clerk_name", "fee", "fee_upper",
	"approver_name", "reprint_clerk", NULL
};

static int check_one(const slip_form *f, const slip_ctx *ctx, const char *what, bm_diags *d)
{
	int bad = 0;
	slip_doc *doc = slip_eval(f, ctx);
	const char *key = slip_key(f);
	char file[96];
	snprintf(file, sizeof file, "%s.tmpl", key);
	/* a label with nothing after it */
	for (size_t i = 0; i < doc->n; i++) {
		const slip_block *b = &doc->blocks[i];
		if (b->type != SB_FIELD)
			continue;
		bool empty = true;
		for (size_t k = 1; k < b->n_cells && empty; k++) {
			char *v = slip_plain(b->cells[k]);
			empty = v[strspn(v, " ")] == 0;
			free(v);
		}
		if (empty) {
			char *l = slip_plain(b->n_cells ? b->cells[0] : "");
			for (size_t k = strlen(l); k && l[k - 1] == ' ';)
				l[--k] = 0;
			diags_file_error(d, file, _("the field '%s' is blank on the paper of %s"), l + strspn(l, " "), what);
			free(l);
			bad++;
		}
	}
	for (size_t w = 0; w < sizeof WIDTHS / sizeof WIDTHS[0]; w++) {
		slip_split_reset();
		char *text = slip_doc_text(doc, WIDTHS[w]);
		const char *split;
		if (slip_split_count(&split)) {
			diags_file_error(d, file, _("'%s' is split across lines at %d columns on the paper of %s"),
					 split, WIDTHS[w], what);
			bad++;
		}
		char word[64];
		if (w == 0 && slip_paper_of(f) != SLIP_REPORT && english_word(text, word, sizeof word)) {
			diags_file_error(d, file, _("the English word '%s' is on the applicant's paper of %s"), word, what);
			bad++;
		}
		char *fl = flow(text);
		for (const char *const *k = WHOLE; *k; k++) {
			const char *v = slip_ctx_get(ctx, *k);
			if (!v || !*v || text_width(v) > WIDTHS[w] - 2)
				continue;
			if (count(text, v) != count(fl, v)) {
				diags_file_error(d, file, _("'%s' (%s) is split across lines at %d columns on the paper of %s"),
						 v, *k, WIDTHS[w], what);
				bad++;
			}
		}
		free(fl);
		free(text);
	}
	slip_doc_free(doc);
	return bad;
}

int paper_check_forms(const char *forms_dir, const bm_center *center, size_t *rendered, bm_diags *d)
{
	slip_form **forms;
	size_t n;
	int bad = slip_check_dir(forms_dir, &forms, &n, d);
	*rendered = 0;
	for (size_t i = 0; i < n; i++) {
		const slip_form *f = forms[i];
		const char *key = slip_key(f);
		if (strcmp(key, "handover") == 0 || strcmp(key, "daily_close") == 0 || strcmp(key, "monthly_report") == 0)
			continue;   /* not a case's paper: tested with their own data */
		for (int k = 0; k <= KIND__COUNT; k++) {
			bool refused = k == KIND__COUNT;   /* the 承诺件 again, refused on the merits */
			bm_kind kind = refused ? KIND_PROMISED : (bm_kind)k;
			sample s;
			make_case(&s, kind, !refused);
			for (int reprint = 0; reprint <= 1; reprint++) {
				slip_case_opts o = { .form = key, .now = at("2026-11-25T15:00:00+08:00"), .reprint = reprint,
						     .clerk_no = "A020", .clerk_name = "上官婉儿" };
				/* each step of the case that gives this paper; the receipt and
				 * the status query from the intake / today */
				for (size_t e = 0; e <= s.c.n_events; e++) {
					const char *pf = e < s.c.n_events ? lifecycle_paper_for_event(&s.c, &s.ev[e]) : NULL;
					bool mine = pf && strcmp(pf, key) == 0;
					if (e == 0 && strcmp(key, "receipt") == 0 && s.c.receipt_no)
						mine = true;
					if (e == s.c.n_events && strcmp(key, "status") == 0)
						mine = true;
					if (!mine)
						continue;
					slip_ctx *ctx = lifecycle_paper_context(&s.c, center, &o, e, NULL);
					char what[160];
					snprintf(what, sizeof what, "%s%s%s%s", slip_kind_cn(kind), refused ? "（不予办理）" : "",
						 e < s.c.n_events ? slip_event_cn(s.ev[e].type) : "查询", reprint ? "（补打）" : "");
					bad += check_one(f, ctx, what, d);
					(*rendered)++;
					slip_ctx_free(ctx);
				}
			}
			sample_free(&s);
		}
	}
	slip_forms_free(forms, n);
	return bad;
}
