/* lifecycle.c - the steps' names, what a case's events say (lc_info), and
 * which step is allowed in which state for which clerk. */
#include "lifecycle_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const STEP_KEYS[LC_STEP__COUNT] = {
	"supplement", "pause", "resume", "extend", "opinion", "forward",
	"result", "complete", "return", "withdraw", "notify", "rate",
	"handover", "acknowledge", "status", "notice_breach", "followup",
	"feedback", "agent_reply",
};

const char *lc_step_key(lc_step s)
{
	return (unsigned)s < LC_STEP__COUNT ? STEP_KEYS[s] : "?";
}

const char *lc_step_label(lc_step s)
{
	switch (s) {
	case LC_SUPPLEMENT: return _("supplement (补齐)");
	case LC_PAUSE: return _("special procedure (特别程序)");
	case LC_RESUME: return _("resume");
	case LC_EXTEND: return _("extension (延期)");
	case LC_OPINION: return _("joint opinion (联办意见)");
	case LC_FORWARD: return _("forward (上报)");
	case LC_RESULT: return _("upper result (上级结果)");
	case LC_COMPLETE: return _("complete (办结)");
	case LC_RETURN: return _("return (退回)");
	case LC_WITHDRAW: return _("withdraw (撤回)");
	case LC_NOTIFY: return _("notify (回复)");
	case LC_RATE: return _("rating (好差评)");
	case LC_HANDOVER: return _("handover (AB岗交接)");
	case LC_ACKNOWLEDGE: return _("acknowledge handover");
	case LC_STATUS: return _("status (公开查询)");
	case LC_DEMAND: return _("further demand (二次告知)");
	case LC_FOLLOWUP: return _("follow-up (差评回访)");
	case LC_FEEDBACK: return _("feedback form (服务意见反馈表)");
	case LC_REPLY: return _("agent's reply (代办员回复)");
	case LC_STEP__COUNT: break;
	}
	return "?";
}

const char *lc_event_label(const char *type)
{
	lc_step st;
	if (!type)
		return "?";
	if (lc_step_parse(type, &st))
		return lc_step_label(st);
	static const struct { const char *type, *label; } others[] = {
		{"intake", N_("intake (受理)")},
		{"reprint", N_("reprint (补打)")},
		{"duplicate_noted", N_("taken although an earlier case exists")},
		{"receipt_void", N_("receipt voided (作废)")},
	};
	for (size_t i = 0; i < sizeof others / sizeof others[0]; i++)
		if (strcmp(type, others[i].type) == 0)
			return _(others[i].label);
	return type;
}

/* Labels for the keys of event details (case fields and step notes). */
static const struct { const char *key, *label; } detail_labels[] = {
	{"state", N_("State")}, {"kind", N_("Kind")}, {"due", N_("Due")},
	{"clock_start", N_("Clock started")}, {"completed_day", N_("Closed")},
	{"owner", N_("Owner")}, {"return_reason", N_("Reason")}, {"limit_days", N_("Working days")},
	{"materials", N_("Materials")}, {"left", N_("Still missing")}, {"paused_from", N_("Paused from")},
	{"paused_days", N_("Paused working days")}, {"old_due", N_("Old due date")},
	{"result", N_("Result")}, {"certificate", N_("Certificate")}, {"level", N_("Rating")},
	{"followup_due", N_("Follow-up due")}, {"how", N_("How")}, {"handover", N_("Handover")},
	{"from", N_("From")}, {"to", N_("To")}, {"by", N_("By")}, {"window", N_("Window")},
	{"opinion", N_("Opinion")}, {"handling", N_("Handling")}, {"material", N_("Material")},
	{"days", N_("Days")}, {"approver", N_("Approved by")}, {"form", N_("Paper")},
	{"approved", N_("Approved")}, {"agree", N_("Agrees")},
	{"approver_name", N_("Approver")}, {"limit", N_("Extension limit")},
	{"agent", N_("Agent")}, {"satisfied", N_("Satisfied")},
};

/* Keys that repeat what another key says, or only matter to the ledger. */
static bool detail_hidden(const char *key)
{
	size_t n = strlen(key);
	return !strcmp(key, "due_uncertain") || !strcmp(key, "label") || !strcmp(key, "limit_days") ||
	       (n > 11 && !strcmp(key + n - 11, ".changed_at"));
}

static void detail_value(bm_buf *b, const char *key, const char *val)
{
	bm_case_state st;
	bm_kind k;
	lc_pause_kind pk;
	lc_how how;
	int level;
	if (!val)
		bm_buf_puts(b, "-");
	else if (!strcmp(key, "state") && case_state_parse(val, &st))
		bm_buf_puts(b, case_state_label(st));
	else if (!strcmp(key, "kind") && kind_parse(val, &k))
		bm_buf_puts(b, kind_label(k));
	else if (!strcmp(key, "kind") && lc_pause_parse(val, &pk))
		bm_buf_puts(b, lc_pause_label(pk));
	else if (!strcmp(key, "how") && lc_how_parse(val, &how))
		bm_buf_puts(b, how == LC_PHONE ? _("phone") : how == LC_IN_PERSON ? _("in person") : _("agent"));
	else if (!strcmp(key, "level") && lc_rating_parse(val, &level))
		bm_buf_puts(b, lc_rating_label(level));
	else if (!strcmp(key, "approved") || !strcmp(key, "agree") || !strcmp(key, "satisfied"))
		bm_buf_puts(b, !strcmp(val, "1") ? _("yes") : _("no"));
	else
		bm_buf_puts(b, val);
}

static void details_append(bm_buf *b, const flatrec *r)
{
	for (size_t i = 0; i < r->n; i++) {
		const char *key = r->keys[i], *val = r->vals[i];
		if (detail_hidden(key))
			continue;
		if (!strcmp(key, "x.note")) {
			flatrec inner = {0};
			if (val && flatrec_parse(val, &inner))
				details_append(b, &inner);
			else if (val && *val)
				bm_buf_printf(b, "%s%s", b->len ? " · " : "", val);
			flatrec_free(&inner);
			continue;
		}
		if (b->len)
			bm_buf_puts(b, " · ");
		int mat;
		char what[16];
		if (sscanf(key, "m.%d.%15s", &mat, what) == 2) {
			bm_mat_state ms = MAT_PRESENT;
			bm_buf_printf(b, _("Material %d: "), mat);
			if (val && !strcmp(val, "supplemented"))
				ms = MAT_SUPPLEMENTED;
			else if (val && !strcmp(val, "missing"))
				ms = MAT_MISSING;
			else if (val && !strcmp(val, "not-brought"))
				ms = MAT_NOT_BROUGHT;
			bm_buf_puts(b, val ? mat_state_label(ms) : "-");
			continue;
		}
		const char *label = key;
		for (size_t j = 0; j < sizeof detail_labels / sizeof *detail_labels; j++)
			if (!strcmp(key, detail_labels[j].key))
				label = _(detail_labels[j].label);
		bm_buf_printf(b, "%s: ", label);
		detail_value(b, key, val);
	}
}

char *lc_event_details_text(const char *details)
{
	flatrec r = {0};
	if (!details || !flatrec_parse(details, &r)) {
		flatrec_free(&r);
		return bm_xstrdup(details ? details : "");
	}
	bm_buf b = {0};
	details_append(&b, &r);
	flatrec_free(&r);
	return bm_buf_steal(&b);
}

bool lc_step_parse(const char *s, lc_step *out)
{
	for (int i = 0; i < LC_STEP__COUNT; i++)
		if (s && strcmp(s, STEP_KEYS[i]) == 0) {
			*out = (lc_step)i;
			return true;
		}
	if (s && strcmp(s, "demand") == 0) {
		*out = LC_DEMAND;
		return true;
	}
	if (s && strcmp(s, "reply") == 0) {
		*out = LC_REPLY;
		return true;
	}
	return false;
}

static const char *const PAUSE_KEYS[LC_PAUSE__COUNT] = { "hearing", "site_visit", "expert_review", "public_notice" };
static const char *const PAUSE_LABELS[LC_PAUSE__COUNT] = { "听证", "现场踏勘", "专家评审", "公示" };

const char *lc_pause_key(lc_pause_kind k) { return (unsigned)k < LC_PAUSE__COUNT ? PAUSE_KEYS[k] : "?"; }
const char *lc_pause_label(lc_pause_kind k) { return (unsigned)k < LC_PAUSE__COUNT ? PAUSE_LABELS[k] : "?"; }
const char *lc_info_pause_label(const lc_info *in) { return in->pause_demand ? "二次告知，待补充材料" : lc_pause_label(in->pause_kind); }

bool lc_pause_parse(const char *s, lc_pause_kind *out)
{
	for (int i = 0; s && i < LC_PAUSE__COUNT; i++) {
		char alt[32];
		snprintf(alt, sizeof alt, "%s", PAUSE_KEYS[i]);
		for (char *p = alt; *p; p++)
			if (*p == '_')
				*p = '-';
		if (strcmp(s, PAUSE_KEYS[i]) == 0 || strcmp(s, alt) == 0 || strcmp(s, PAUSE_LABELS[i]) == 0) {
			*out = (lc_pause_kind)i;
			return true;
		}
	}
	return false;
}

static const char *const HOW_KEYS[LC_HOW__COUNT] = { "phone", "in_person", "agent" };

const char *lc_how_key(lc_how h) { return (unsigned)h < LC_HOW__COUNT ? HOW_KEYS[h] : "?"; }

bool lc_how_parse(const char *s, lc_how *out)
{
	for (int i = 0; s && i < LC_HOW__COUNT; i++)
		if (strcmp(s, HOW_KEYS[i]) == 0 || (i == LC_IN_PERSON && strcmp(s, "in-person") == 0)) {
			*out = (lc_how)i;
			return true;
		}
	return false;
}

static const char *const RATINGS[] = { "非常满意", "满意", "基本满意", "不满意", "非常不满意" };

const char *lc_rating_label(int level)
{
	return level >= 1 && level <= 5 ? RATINGS[level - 1] : "?";
}

bool lc_rating_parse(const char *s, int *level)
{
	if (!s)
		return false;
	if (s[0] >= '1' && s[0] <= '5' && !s[1]) {
		*level = s[0] - '0';
		return true;
	}
	for (int i = 0; i < 5; i++)
		if (strcmp(s, RATINGS[i]) == 0) {
			*level = i + 1;
			return true;
		}
	return false;
}

/* ---- lc_info --------------------------------------------------------- */
typedef struct note_find {
	flatrec *out;
	bool found, ok;
} note_find;

static bool note_each(const char *key, const char *v, void *ctx)
{
	note_find *f = ctx;
	if (strcmp(key, "x.note") != 0)
		return true;
	f->found = true;
	f->ok = v && v[0] == '{' && flatrec_parse(v, f->out);
	return false;
}

/* The note is scanned for, not the whole details parsed: the intake
 * event's details are the whole case, and every step of every case in a
 * month's report asks for its note. */
bool lc_event_note(const bm_event *e, flatrec *out)
{
	memset(out, 0, sizeof *out);
	if (!e->details || !strstr(e->details, "\"x.note\""))
		return false;
	note_find f = { .out = out };
	if (!flatrec_scan(e->details, note_each, &f) || !f.ok) {
		flatrec_free(out);
		return false;
	}
	return true;
}

static int note_int(const flatrec *n, const char *key, int none)
{
	const char *v = flatrec_get(n, key, NULL);
	return v && *v ? atoi(v) : none;
}

static bm_day note_day(const flatrec *n, const char *key)
{
	bm_day d;
	const char *v = flatrec_get(n, key, NULL);
	return v && bm_day_parse(v, &d) ? d : BM_NO_DAY;
}

static void set_str(char **dst, const char *v)
{
	free(*dst);
	*dst = bm_xstrdup(v);
}

static void add_window(lc_info *i, const char *w)
{
	if (!w || !*w)
		return;
	for (size_t k = 0; k < i->n_opinions; k++)
		if (strcmp(i->opinions[k].window, w) == 0)
			return;
	i->opinions = bm_xrealloc(i->opinions, (i->n_opinions + 1) * sizeof *i->opinions);
	lc_opinion *o = &i->opinions[i->n_opinions++];
	memset(o, 0, sizeof *o);
	o->window = bm_xstrdup(w);
}

void lifecycle_info(const bm_case *c, lc_info *out)
{
	memset(out, 0, sizeof *out);
	out->pause_day = out->forwarded_day = out->rated_day = out->followup_due = BM_NO_DAY;
	out->last_supplement_day = out->replied_day = BM_NO_DAY;
	if (c->kind == KIND_JOINT) {
		add_window(out, c->item.window);
		for (size_t k = 0; k < c->item.n_joint_windows; k++)
			add_window(out, c->item.joint_windows[k]);
	}
	for (size_t k = 0; k < c->n_events; k++) {
		const bm_event *e = &c->events[k];
		flatrec n;
		bool has = lc_event_note(e, &n);
		bm_day day = bm_time_day(e->at);
		const char *t = e->type ? e->type : "";
		if (strcmp(t, "pause") == 0) {
			out->paused = true;
			out->pause_day = day;
			out->n_pauses++;
			if (!has || !lc_pause_parse(flatrec_get(&n, "kind", NULL), &out->pause_kind))
				out->pause_kind = LC_SITE_VISIT;
		} else if (strcmp(t, "resume") == 0) {
			out->paused = false;
			out->pause_demand = false;
			out->paused_days += has ? note_int(&n, "paused_days", 0) : 0;
		} else if (strcmp(t, "extend") == 0) {
			out->n_extensions++;
		} else if (strcmp(t, "notice_breach") == 0) {
			out->n_breaches++;
			/* 二次告知 holds the clock until the material arrives */
			if (has && note_int(&n, "held", 0) == 1) {
				out->paused = out->pause_demand = true;
				out->pause_day = day;
			}
		} else if (strcmp(t, "notify") == 0) {
			out->n_notified++;
		} else if (strcmp(t, "supplement") == 0) {
			out->last_supplement_day = day;
		} else if (strcmp(t, "opinion") == 0 && has) {
			const char *w = flatrec_get(&n, "window", NULL);
			for (size_t j = 0; w && j < out->n_opinions; j++) {
				lc_opinion *o = &out->opinions[j];
				if (strcmp(o->window, w) == 0) {
					o->answered = true;
					o->agree = note_int(&n, "agree", 0) == 1;
					set_str(&o->text, flatrec_get(&n, "opinion", NULL));
					set_str(&o->clerk, e->clerk);
				}
			}
		} else if (strcmp(t, "forward") == 0) {
			set_str(&out->forwarded_to, has ? flatrec_get(&n, "to", NULL) : NULL);
			out->forwarded_day = day;
		} else if ((strcmp(t, "result") == 0 || strcmp(t, "complete") == 0) && has) {
			out->has_result = true;
			out->approved = note_int(&n, "approved", 0) == 1;
			set_str(&out->result, flatrec_get(&n, "result", NULL));
			set_str(&out->certificate, flatrec_get(&n, "certificate", NULL));
		} else if (strcmp(t, "rate") == 0 && has) {
			out->rating = note_int(&n, "level", 0);
			out->rated_day = day;
			out->followup_due = note_day(&n, "followup_due");
			out->followup_open = out->followup_due != BM_NO_DAY;
		} else if (strcmp(t, "followup") == 0) {
			out->followup_open = false;
			set_str(&out->followup_handling, has ? flatrec_get(&n, "handling", NULL) : e->reason);
		} else if (strcmp(t, "handover") == 0 && has) {
			out->handover_pending = true;
			set_str(&out->handover_id, flatrec_get(&n, "handover", NULL));
			set_str(&out->handover_from, flatrec_get(&n, "from", NULL));
			set_str(&out->handover_to, flatrec_get(&n, "to", NULL));
		} else if (strcmp(t, "acknowledge") == 0) {
			out->handover_pending = false;
		} else if (strcmp(t, "feedback") == 0 && has) {
			out->has_feedback = true;
			out->satisfied = note_int(&n, "satisfied", 0) == 1;
			out->feedback_level = note_int(&n, "level", 0);
		} else if (strcmp(t, "agent_reply") == 0) {
			out->replied = true;
			out->replied_day = day;
		}
		if (has)
			flatrec_free(&n);
	}
}

void lc_info_free(lc_info *i)
{
	if (!i)
		return;
	for (size_t k = 0; k < i->n_opinions; k++) {
		free(i->opinions[k].window);
		free(i->opinions[k].text);
		free(i->opinions[k].clerk);
	}
	free(i->opinions);
	free(i->forwarded_to);
	free(i->result);
	free(i->certificate);
	free(i->followup_handling);
	free(i->handover_id);
	free(i->handover_from);
	free(i->handover_to);
	memset(i, 0, sizeof *i);
}

/* ---- allowed? -------------------------------------------------------
 * The state rules are the step table (lifecycle_table.c); here only who
 * may take a step. */
static bool owner_step(lc_step s)
{
	const lc_step_def *d = lc_step_row(s);
	return d && d->who == LC_WHO_OWNER;
}

static bool deny(bm_error *why, int code, const char *fmt, const char *a, const char *b)
{
	bm_fail(why, code, fmt, a, b);
	return false;
}

static bool clerk_allows(const bm_case *c, const lc_info *in, const bm_clerk *k, lc_step step, bm_error *why)
{
	bool sup = auth_can(k, ROLE_SUPERVISOR);
	if (!k->active)
		return deny(why, BM_EDENIED, _("Clerk %s is disabled."), k->code, NULL);
	if (owner_step(step) && !sup && (!c->owner_clerk || strcmp(c->owner_clerk, k->code) != 0))
		return deny(why, BM_EDENIED, _("Case %s belongs to clerk %s: only its owner or a supervisor can do this."),
			    c->no, c->owner_clerk ? c->owner_clerk : "?");
	if (step == LC_FOLLOWUP && !sup)
		return deny(why, BM_EDENIED, _("Only a supervisor records how a bad rating was handled (clerk %s is not one)."), k->code, NULL);
	if (step == LC_ACKNOWLEDGE && (!in->handover_to || strcmp(in->handover_to, k->code) != 0))
		return deny(why, BM_EDENIED, _("Case %s is handed over to %s: only they can acknowledge it."), c->no,
			    in->handover_to ? in->handover_to : "?");
	if (step == LC_OPINION && !sup) {
		for (size_t j = 0; j < in->n_opinions; j++)
			if (k->window && strcmp(k->window, in->opinions[j].window) == 0) {
				if (!in->opinions[j].answered)
					return true;
				return deny(why, BM_ESTATE, _("Window %s has already given its opinion on case %s."),
					    k->window, c->no);
			}
		return deny(why, BM_EDENIED, _("Case %s waits on no opinion of clerk %s's window."), c->no, k->code);
	}
	return true;
}

bool lifecycle_allowed(const bm_case *c, const bm_clerk *clerk, lc_step step, bm_error *why)
{
	lc_info in;
	lifecycle_info(c, &in);
	bool ok = lc_state_allows(c, &in, step, why) && (!clerk || clerk_allows(c, &in, clerk, step, why));
	lc_info_free(&in);
	if (ok)
		bm_error_clear(why);
	return ok;
}
