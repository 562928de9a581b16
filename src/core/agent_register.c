/* agent_register.c - the agent's register (代办员台账) and subsidy per
 * month (县财政按5元/件支付代办交通通讯补贴费, seed 000): the cases each
 * agent brought, their states, feedback and replies, and what counts for
 * the subsidy; as CSV for Excel/WPS and as a paper; and the month
 * figures of 代办件 by village and by agent. */
#include "bianmin/agent.h"
#include "bianmin/slip.h"
#include "store_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* "YYYY-MM-01" of the month and of the next (buffers of 16). */
static void month_bounds(int year, int month, char *from, char *to)
{
	year = year < 1 ? 1 : year > 9998 ? 9998 : year;
	month = month < 1 ? 1 : month > 12 ? 12 : month;
	snprintf(from, 16, "%04d-%02d-01", year, month);
	snprintf(to, 16, "%04d-%02d-01", month == 12 ? year + 1 : year, month == 12 ? 1 : month + 1);
}

static agent_month *month_of(agent_register *r, const char *code)
{
	for (size_t i = 0; i < r->n_agents; i++)
		if (strcmp(r->agents[i].agent.code, code) == 0)
			return &r->agents[i];
	return NULL;
}

static agent_month *add_agent(agent_register *r, bm_agent *a)
{
	r->agents = bm_xrealloc(r->agents, (r->n_agents + 1) * sizeof *r->agents);
	agent_month *m = &r->agents[r->n_agents++];
	memset(m, 0, sizeof *m);
	m->agent = *a;
	memset(a, 0, sizeof *a);
	return m;
}

/* a case names its agent by the proxy's ID number (registered once) */
static const char SQL_CASES[] =
	"SELECT a.code, c.no, c.applicant_name, iv.item_name, c.accepted_day, c.completed_day,"
	" c.state, c.kind, iv.item_regime,"
	" EXISTS (SELECT 1 FROM events e WHERE e.case_id = c.id AND e.type = 'feedback'),"
	" EXISTS (SELECT 1 FROM events e WHERE e.case_id = c.id AND e.type = 'agent_reply')"
	" FROM cases c" CASE_ITEM_JOIN " JOIN agents a ON a.id_no = c.proxy_id"
	" WHERE c.proxy_is_agent = 1 AND (?3 IS NULL OR a.code = upper(?3))"
	" AND ((c.accepted_day >= ?1 AND c.accepted_day < ?2)"
	"   OR (c.completed_day >= ?1 AND c.completed_day < ?2))"
	" ORDER BY a.code, c.no";

int agent_register_month(bm_store *s, const bm_center *center, int year, int month,
			 const char *code, agent_register *out, bm_error *err)
{
	memset(out, 0, sizeof *out);
	if (month < 1 || month > 12 || year < 1900 || year > 9999)
		return bm_fail(err, BM_EINVAL, _("A month is YYYY-MM, e.g. 2026-11."));
	out->year = year;
	out->month = month;
	out->rate_fen = center ? center->agent_subsidy_fen : 500;
	out->count_accepted = center && center->agent_subsidy_accepted;
	char from[16], to[16];
	month_bounds(year, month, from, to);

	/* every agent (one, or all that are active or were in the month) */
	bm_agent *v = NULL;
	size_t n = 0;
	int rc;
	if (code) {
		v = bm_xcalloc(1, sizeof *v);
		if ((rc = agent_get(s, code, v, err))) {
			free(v);
			return rc;
		}
		n = 1;
	} else if ((rc = agent_list(s, false, &v, &n, err))) {
		return rc;
	}
	for (size_t i = 0; i < n; i++) {
		char d[11];
		bool in_month = v[i].from < day_from_text(to) &&
				(v[i].to == BM_NO_DAY || strcmp(day_or_null(v[i].to, d), from) >= 0);
		if (code || in_month)
			add_agent(out, &v[i]);
	}
	agents_free(v, n);

	sqlite3_stmt *st = store_stmt(s, SQL_CASES, err);
	if (!st) {
		agent_register_free(out);
		return BM_EDB;
	}
	st_text(st, 1, from);
	st_text(st, 2, to);
	st_text(st, 3, code);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *ac = col_text(st, 0);
		agent_month *m = month_of(out, ac);
		if (!m) {
			/* an agent disabled before the month whose case closed in it */
			bm_agent a;
			bm_error e;
			if (agent_get(s, ac, &a, &e))
				continue;
			m = add_agent(out, &a);
		}
		m->cases = bm_xrealloc(m->cases, (m->n_cases + 1) * sizeof *m->cases);
		agent_case_row *r = &m->cases[m->n_cases++];
		memset(r, 0, sizeof *r);
		snprintf(r->no, sizeof r->no, "%s", col_text(st, 1));
		r->applicant = col_dup(st, 2);
		r->item_name = col_dup(st, 3);
		const char *acc = col_text(st, 4), *done = col_text(st, 5);
		r->accepted = day_from_text(acc);
		r->completed = day_from_text(done);
		if (!case_state_parse(col_text(st, 6), &r->state))
			r->state = CASE_IN_PROGRESS;
		const char *kind = col_text(st, 7), *regime = col_text(st, 8);
		r->forwarded = (kind && !strcmp(kind, "forwarded")) || (regime && !strcmp(regime, "forward"));
		r->feedback = sqlite3_column_int(st, 9) != 0;
		r->replied = sqlite3_column_int(st, 10) != 0;
		bool brought = acc && strcmp(acc, from) >= 0 && strcmp(acc, to) < 0;
		bool done_in = done && strcmp(done, from) >= 0 && strcmp(done, to) < 0 && r->state == CASE_COMPLETED;
		/* what counts (center.yaml agent_subsidy_counts): a case brought
		 * in the month and accepted (not returned at intake), or a case
		 * completed in the month */
		r->counted = out->count_accepted ? brought && !(kind && !strcmp(kind, "returned")) : done_in;
		m->brought += brought;
		m->completed += done_in;
		m->replied += r->replied;
		m->counted += r->counted;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		agent_register_free(out);
		return store_fail(s, err, _("reading the cases"));
	}
	for (size_t i = 0; i < out->n_agents; i++) {
		agent_month *m = &out->agents[i];
		m->subsidy_fen = (int64_t)m->counted * out->rate_fen;
		out->brought += m->brought;
		out->counted += m->counted;
		out->subsidy_fen += m->subsidy_fen;
	}
	return BM_OK;
}

void agent_register_free(agent_register *r)
{
	for (size_t i = 0; i < r->n_agents; i++) {
		agent_month *m = &r->agents[i];
		for (size_t k = 0; k < m->n_cases; k++) {
			free(m->cases[k].applicant);
			free(m->cases[k].item_name);
		}
		free(m->cases);
		agent_free(&m->agent);
	}
	free(r->agents);
	memset(r, 0, sizeof *r);
}

/* ---- CSV ---------------------------------------------------------------- */
static void csv_field(bm_buf *b, const char *s, bool last)
{
	bm_buf_puts(b, "\"");
	for (; s && *s; s++) {
		if (*s == '"')
			bm_buf_puts(b, "\"\"");
		else if ((unsigned char)*s < 0x20)
			bm_buf_puts(b, " ");   /* no control characters in a cell */
		else
			bm_buf_printf(b, "%c", *s);
	}
	bm_buf_puts(b, last ? "\"\r\n" : "\",");
}

static void csv_row(bm_buf *b, const char *const *f, size_t n)
{
	for (size_t i = 0; i < n; i++)
		csv_field(b, f[i], i + 1 == n);
}

#define N_COLS 15

char *agent_register_csv(const agent_register *r)
{
	bm_buf b = {0};
	bm_buf_puts(&b, "\xEF\xBB\xBF");   /* the BOM: Excel reads the file as UTF-8 */
	static const char *const head[N_COLS] = {
		"月份", "村（社区）", "代办员编号", "代办员", "办件编号", "申请人", "申请事项",
		"受理日期", "办结日期", "状态", "转报", "反馈表", "已回复", "计入补贴", "补贴（元）",
	};
	csv_row(&b, head, N_COLS);
	char month[16], rate[24], sum[24];
	snprintf(month, sizeof month, "%04d-%02d", r->year, r->month);
	bm_money_format(r->rate_fen, rate);
	for (size_t i = 0; i < r->n_agents; i++) {
		const agent_month *m = &r->agents[i];
		for (size_t k = 0; k < m->n_cases; k++) {
			const agent_case_row *c = &m->cases[k];
			char acc[11], done[11];
			const char *f[N_COLS] = {
				month, m->agent.village, m->agent.code, m->agent.name, c->no, c->applicant,
				c->item_name, bm_day_format(c->accepted, acc),
				c->completed == BM_NO_DAY ? "" : bm_day_format(c->completed, done),
				slip_state_cn(c->state), c->forwarded ? "是" : "否", c->feedback ? "是" : "否",
				c->replied ? "是" : "否", c->counted ? "是" : "否", c->counted ? rate : "0.00",
			};
			csv_row(&b, f, N_COLS);
		}
		char brought[32], done[32], replied[32], counted[32];
		snprintf(brought, sizeof brought, "代办%d件", m->brought);
		snprintf(done, sizeof done, "办结%d件", m->completed);
		snprintf(replied, sizeof replied, "回复%d件", m->replied);
		snprintf(counted, sizeof counted, "%d件", m->counted);
		const char *f[N_COLS] = {
			month, m->agent.village, m->agent.code, m->agent.name, "小计", brought, "", "", "",
			done, "", "", replied, counted, bm_money_format(m->subsidy_fen, sum),
		};
		csv_row(&b, f, N_COLS);
	}
	char brought[32], counted[32];
	snprintf(brought, sizeof brought, "代办%d件", r->brought);
	snprintf(counted, sizeof counted, "%d件", r->counted);
	const char *f[N_COLS] = {
		month, "", "", "", "合计", brought, "", "", "", "", "", "", "", counted,
		bm_money_format(r->subsidy_fen, sum),
	};
	csv_row(&b, f, N_COLS);
	return bm_buf_steal(&b);
}

/* ---- papers --------------------------------------------------------------- */
static void center_fields(slip_ctx *c, const bm_center *center, bm_time now)
{
	if (center) {
		slip_ctx_set(c, "center_name", center->name);
		slip_ctx_set(c, "center_phone", center->phone);
		slip_ctx_set(c, "center_address", center->address);
	}
	char day[32], iso[32];
	slip_ctx_set(c, "date", slip_day_cn(bm_time_day(now), day));
	bm_time_format(now, iso);
	iso[16] = '\0';
	iso[10] = ' ';
	slip_ctx_set(c, "datetime", iso);
	slip_ctx_set(c, "time", iso + 11);
}

slip_ctx *agent_register_context(const agent_register *r, const bm_center *center, bm_time now)
{
	slip_ctx *c = slip_ctx_new();
	center_fields(c, center, now);
	slip_ctx_set(c, "form", "agent_register");
	slip_ctx_setf(c, "month", "%04d年%02d月", r->year, r->month);
	char m[24];
	slip_ctx_set(c, "rate", bm_money_format(r->rate_fen, m));
	slip_ctx_set(c, "subsidy_basis", r->count_accepted ? "按受理件计" : "按办结件计");
	slip_ctx_setf(c, "count", "%d", r->counted);
	slip_ctx_set(c, "total", bm_money_format(r->subsidy_fen, m));
	for (size_t i = 0; i < r->n_agents; i++) {
		const agent_month *a = &r->agents[i];
		slip_ctx *x = slip_ctx_add(c, "agents");
		slip_ctx_setf(x, "no", "%zu", i + 1);
		slip_ctx_set(x, "agent_code", a->agent.code);
		slip_ctx_set(x, "agent_name", a->agent.name);
		slip_ctx_set(x, "village", a->agent.village);
		slip_ctx_set(x, "phone", a->agent.phone);
		slip_ctx_setf(x, "brought", "%d", a->brought);
		slip_ctx_setf(x, "completed", "%d", a->completed);
		slip_ctx_setf(x, "replied", "%d", a->replied);
		slip_ctx_setf(x, "counted", "%d", a->counted);
		slip_ctx_set(x, "subsidy", bm_money_format(a->subsidy_fen, m));
		for (size_t k = 0; k < a->n_cases; k++) {
			const agent_case_row *cr = &a->cases[k];
			slip_ctx *y = slip_ctx_add(c, "agent_cases");
			char d[11];
			slip_ctx_setf(y, "no", "%zu", slip_ctx_count(c, "agent_cases"));
			slip_ctx_set(y, "agent_code", a->agent.code);
			slip_ctx_set(y, "agent_name", a->agent.name);
			slip_ctx_set(y, "case_no", cr->no);
			slip_ctx_set(y, "applicant", cr->applicant);
			slip_ctx_set(y, "item_name", cr->item_name);
			slip_ctx_set(y, "accepted", bm_day_format(cr->accepted, d));
			slip_ctx_set(y, "state", slip_state_cn(cr->state));
			slip_ctx_set(y, "replied", cr->replied ? "已回复" : "未回复");
			slip_ctx_set(y, "counted", cr->counted ? "计" : "");
		}
	}
	return c;
}

slip_ctx *agent_blank_context(const bm_center *center, const char *form, bm_time now)
{
	slip_ctx *c = slip_ctx_new();
	center_fields(c, center, now);
	slip_ctx_set(c, "form", form);
	return c;
}

/* ---- figures -------------------------------------------------------------- */
static void fig_add(agent_figure **v, size_t *n, const char *key, int brought, int completed)
{
	*v = bm_xrealloc(*v, (*n + 1) * sizeof **v);
	agent_figure *f = &(*v)[(*n)++];
	f->key = bm_xstrdup(key);
	f->brought = brought;
	f->completed = completed;
}

static const char SQL_FIG[] =
	"SELECT CASE WHEN ?3 THEN a.village ELSE a.code || ' ' || a.name END AS k,"
	" sum(c.accepted_day >= ?1 AND c.accepted_day < ?2),"
	" sum(c.state = 'completed' AND c.completed_day >= ?1 AND c.completed_day < ?2)"
	" FROM cases c JOIN agents a ON a.id_no = c.proxy_id AND c.proxy_is_agent = 1"
	" WHERE (c.accepted_day >= ?1 AND c.accepted_day < ?2)"
	"    OR (c.completed_day >= ?1 AND c.completed_day < ?2)"
	" GROUP BY k ORDER BY k";

int agent_figures_month(bm_store *s, int year, int month, agent_figure **villages, size_t *n_villages,
			agent_figure **agents, size_t *n_agents, bm_error *err)
{
	*villages = *agents = NULL;
	*n_villages = *n_agents = 0;
	char from[16], to[16];
	month_bounds(year, month, from, to);
	for (int by_village = 1; by_village >= 0; by_village--) {
		sqlite3_stmt *st = store_stmt(s, SQL_FIG, err);
		if (!st)
			goto fail;
		st_text(st, 1, from);
		st_text(st, 2, to);
		sqlite3_bind_int(st, 3, by_village);
		int rc;
		while ((rc = sqlite3_step(st)) == SQLITE_ROW)
			fig_add(by_village ? villages : agents, by_village ? n_villages : n_agents,
				col_text(st, 0) ? col_text(st, 0) : "", sqlite3_column_int(st, 1), sqlite3_column_int(st, 2));
		sqlite3_reset(st);
		if (rc != SQLITE_DONE) {
			store_fail(s, err, _("reading the cases"));
			goto fail;
		}
	}
	return BM_OK;
fail:
	agent_figures_free(*villages, *n_villages);
	agent_figures_free(*agents, *n_agents);
	*villages = *agents = NULL;
	*n_villages = *n_agents = 0;
	return BM_EDB;
}

void agent_figures_free(agent_figure *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].key);
	free(v);
}
