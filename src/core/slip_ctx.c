/* slip_ctx.c - the generic context papers are rendered from (named values
 * and lists of records), and the schema of the names a template may use.
 * Every name here is documented in bianmin-forms(5). */
#include "bianmin/slip.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct ctx_list {
	char *name;
	slip_ctx **recs;
	size_t n, cap;
} ctx_list;

struct slip_ctx {
	const slip_ctx *parent;
	char **names, **values;
	size_t n, cap;
	ctx_list *lists;
	size_t n_lists;
};

slip_ctx *slip_ctx_new(void)
{
	return bm_xcalloc(1, sizeof(slip_ctx));
}

void slip_ctx_free(slip_ctx *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->n; i++) {
		free(c->names[i]);
		free(c->values[i]);
	}
	free(c->names);
	free(c->values);
	for (size_t i = 0; i < c->n_lists; i++) {
		for (size_t j = 0; j < c->lists[i].n; j++)
			slip_ctx_free(c->lists[i].recs[j]);
		free(c->lists[i].recs);
		free(c->lists[i].name);
	}
	free(c->lists);
	free(c);
}

void slip_ctx_set(slip_ctx *c, const char *name, const char *value)
{
	if (!value)
		value = "";
	for (size_t i = 0; i < c->n; i++) {
		if (strcmp(c->names[i], name) == 0) {
			free(c->values[i]);
			c->values[i] = bm_xstrdup(value);
			return;
		}
	}
	if (c->n == c->cap) {
		c->cap = c->cap ? 2 * c->cap : 16;
		c->names = bm_xrealloc(c->names, c->cap * sizeof(char *));
		c->values = bm_xrealloc(c->values, c->cap * sizeof(char *));
	}
	c->names[c->n] = bm_xstrdup(name);
	c->values[c->n] = bm_xstrdup(value);
	c->n++;
}

void slip_ctx_setf(slip_ctx *c, const char *name, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char tmp[256];
	int k = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	if (k >= 0 && (size_t)k < sizeof tmp) {
		slip_ctx_set(c, name, tmp);
		return;
	}
	char *big = bm_xmalloc((size_t)k + 1);
	va_start(ap, fmt);
	vsnprintf(big, (size_t)k + 1, fmt, ap);
	va_end(ap);
	slip_ctx_set(c, name, big);
	free(big);
}

static ctx_list *find_list(const slip_ctx *c, const char *list)
{
	for (size_t i = 0; i < c->n_lists; i++)
		if (strcmp(c->lists[i].name, list) == 0)
			return &c->lists[i];
	return NULL;
}

slip_ctx *slip_ctx_add(slip_ctx *c, const char *list)
{
	ctx_list *l = find_list(c, list);
	if (!l) {
		c->lists = bm_xrealloc(c->lists, (c->n_lists + 1) * sizeof(ctx_list));
		l = &c->lists[c->n_lists++];
		memset(l, 0, sizeof *l);
		l->name = bm_xstrdup(list);
	}
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 8;
		l->recs = bm_xrealloc(l->recs, l->cap * sizeof(slip_ctx *));
	}
	slip_ctx *r = slip_ctx_new();
	r->parent = c;
	l->recs[l->n++] = r;
	return r;
}

const char *slip_ctx_get(const slip_ctx *c, const char *name)
{
	for (; c; c = c->parent)
		for (size_t i = 0; i < c->n; i++)
			if (strcmp(c->names[i], name) == 0)
				return c->values[i];
	return NULL;
}

size_t slip_ctx_count(const slip_ctx *c, const char *list)
{
	for (; c; c = c->parent) {
		ctx_list *l = find_list(c, list);
		if (l)
			return l->n;
	}
	return 0;
}

slip_ctx *slip_ctx_record(const slip_ctx *c, const char *list, size_t i)
{
	for (; c; c = c->parent) {
		ctx_list *l = find_list(c, list);
		if (l)
			return i < l->n ? l->recs[i] : NULL;
	}
	return NULL;
}

/* ---- the schema ------------------------------------------------------- */

static const char *const top_fields[] = {
	/* the center and the paper */
	"center_name", "center_phone", "center_address", "title", "form",
	"date", "time", "datetime", "reprint",
	/* the case */
	"case_no", "kind", "kind_key", "state", "state_key",
	"clerk_no", "clerk_name", "window", "first_clerk",
	"applicant", "idno", "applicant_phone", "agent",
	"item_code", "item_name", "department", "regime", "basis",
	"accepted", "due", "due_uncertain", "limit_days",
	"statutory_days", "promised_days",
	"fee", "fee_basis", "receipt_no", "paid",
	"reason", "note", "collect", "item_phone", "result", "completed",
	"supplement_timeout_days", "n_missing",
	/* 联办件 / 上报件 */
	"joint_windows", "forward_to",
	/* 延期 */
	"old_due", "new_due", "extension_days", "approver",
	/* 上缴, provisional dates, the month (issue 11) */
	"handed_in", "due_provisional", "month", "period",
	/* 特别程序 (行政许可法 art. 45) */
	"special_procedure", "special_from", "special_to", "special_days",
	/* AB岗交接 */
	"from_clerk_no", "from_clerk_name", "to_clerk_no", "to_clerk_name",
	/* 日结 and lists' totals */
	"close_date", "count", "total", "anchor", "anchor_event",
	/* 代理件 and the agent's register (agent.h) */
	"agent_code", "agent_id", "agent_phone", "agent_village", "applicant_type",
	"applicant_address", "feedback", "feedback_level", "feedback_note",
	"month", "rate", "subsidy_basis",
	/* the paper's 校验码 (bianmin verify --paper) */
	"check_code",
	/* where and how; the appeal route; 大写; the paper's own step (issue 12) */
	"center_hours", "review_body", "court", "proxy_allowed", "site_visit",
	"fee_upper", "reprint_time", "reprint_clerk", "approver_name", "special_counted",
	"old_due_note", "demanded", "demand_open", "demanded_reason", "demanded_day", "first_notice_day",
	"result_text", "approved", "refused", "certificate", "accepted_time",
	NULL
};

static const char *const material_fields[] = {
	"no", "name", "form", "copies", "main", "note", "state", NULL
};
static const char *const procedure_fields[] = { "no", "step", NULL };
static const char *const case_fields[] = {
	"no", "case_no", "item_name", "applicant", "kind", "state", "due", NULL
};
static const char *const fee_fields[] = {
	"no", "case_no", "item_name", "applicant", "amount", "receipt_no", "time", "clerk_no",
	"voided", "mark", NULL
};
static const char *const report_fields[] = {
	"rank", "name", "received", "completed", "rate", "returned", "refused", "negatives",
	"overdue", "extensions", "breaches", "bad_ratings", NULL
};
static const char *const event_fields[] = {
	"no", "time", "action", "clerk", "note", NULL
};

static const char *const agent_fields[] = {
	"no", "agent_code", "agent_name", "village", "phone", "brought", "completed", "replied",
	"counted", "subsidy", NULL
};
static const char *const agent_case_fields[] = {
	"no", "agent_code", "agent_name", "case_no", "applicant", "item_name", "accepted", "state",
	"replied", "counted", NULL
};

static const struct {
	const char *name;
	const char *const *fields;
} lists[] = {
	{ "materials", material_fields },   /* every material of the item */
	{ "missing", material_fields },     /* those still missing (一次性告知) */
	{ "procedure", procedure_fields },  /* 办理流程 */
	{ "cases", case_fields },           /* handed-over cases */
	{ "fees", fee_fields },             /* fees of the day */
	{ "events", event_fields },         /* the case's history */
	{ "agents", agent_fields },         /* the agent's register: one per agent */
	{ "agent_cases", agent_case_fields },   /* ... and their cases */
	{ "rows", report_fields },          /* 月报: windows by rank, items, total */
};

static const char *const list_names[] = {
	"materials", "missing", "procedure", "cases", "fees", "events", "agents", "agent_cases", "rows", NULL
};

static bool in(const char *const *names, const char *name)
{
	for (; *names; names++)
		if (strcmp(*names, name) == 0)
			return true;
	return false;
}

const char *const *slip_list_fields(const char *list)
{
	for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++)
		if (strcmp(lists[i].name, list) == 0)
			return lists[i].fields;
	return NULL;
}

bool slip_list_known(const char *name)
{
	return slip_list_fields(name) != NULL;
}

bool slip_field_known(const char *list, const char *name)
{
	if (in(top_fields, name))
		return true;
	const char *const *f = list ? slip_list_fields(list) : NULL;
	return f && in(f, name);
}

/* Values that never split across lines on a paper (slip_break.c): names
 * of people and items, numbers, amounts, dates. */
static const char *const whole_fields[] = {
	"applicant", "agent", "idno", "case_no", "receipt_no", "clerk_no", "clerk_name",
	"first_clerk", "from_clerk_no", "from_clerk_name", "to_clerk_no", "to_clerk_name",
	"approver", "approver_name", "fee", "fee_upper", "total", "amount", "item_code",
	"item_name", "window", "center_phone", "item_phone", "applicant_phone",
	"date", "datetime", "time", "accepted", "accepted_time", "due", "completed", "old_due",
	"new_due", "special_from", "special_to", "close_date", "clerk",
	"review_body", "court", "reprint_time", "reprint_clerk", "demanded_day", "first_notice_day",
	NULL
};

bool slip_field_whole(const char *name)
{
	return name && in(whole_fields, name);
}

const char *const *slip_top_fields(void)
{
	return top_fields;
}

const char *const *slip_list_names(void)
{
	return list_names;
}
