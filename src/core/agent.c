/* agent.c - the register of villages and agents (村代办员): add, disable,
 * look up, search by name or pinyin initials; and what a proxy case
 * (代理件) needs from the catalog: may a proxy apply, and the 授权委托书. */
#include "bianmin/agent.h"
#include "bianmin/idno.h"
#include "bianmin/text.h"
#include "ledger_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void agent_free(bm_agent *a)
{
	if (!a)
		return;
	free(a->village);
	free(a->name);
	free(a->id_no);
	free(a->phone);
	memset(a, 0, sizeof *a);
}

void agents_free(bm_agent *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		agent_free(&v[i]);
	free(v);
}

#define COLS "code, village, name, id_no, phone, active_from, active_to, active"

static void from_row(sqlite3_stmt *st, bm_agent *a)
{
	memset(a, 0, sizeof *a);
	snprintf(a->code, sizeof a->code, "%s", col_text(st, 0) ? col_text(st, 0) : "");
	a->village = col_dup(st, 1);
	a->name = col_dup(st, 2);
	a->id_no = col_dup(st, 3);
	a->phone = col_dup(st, 4);
	a->from = day_from_text(col_text(st, 5));
	a->to = day_from_text(col_text(st, 6));
	a->active = sqlite3_column_int(st, 7) != 0;
}

static bool has_text(const char *s)
{
	while (s && (*s == ' ' || *s == '\t'))
		s++;
	return s && *s;
}

static bool clean(const char *s)
{
	for (; s && *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f)
			return false;
	return true;
}

static int may_manage(bm_store *s, const bm_clerk *actor, bm_error *err)
{
	if (!auth_can(actor, ROLE_SUPERVISOR))
		return bm_fail(err, BM_EDENIED, _("Only a supervisor keeps the register of agents."));
	/* the login may be old: still a supervisor, and active? */
	bm_clerk fresh;
	int rc = auth_clerk_get(s, actor->code, &fresh, err);
	if (rc)
		return rc;
	bool ok = auth_can(&fresh, ROLE_SUPERVISOR);
	auth_clerk_free(&fresh);
	return ok ? BM_OK : bm_fail(err, BM_EDENIED, _("Only a supervisor keeps the register of agents."));
}

int agent_add(bm_store *s, const bm_clerk *actor, const char *village, const char *name,
	      const char *id_no, const char *phone, bm_day from, bm_time now, char *code,
	      bm_error *err)
{
	if (!has_text(village) || !clean(village) || strlen(village) > 120)
		return bm_fail(err, BM_EINVAL, _("An agent needs the village (村/社区) they serve."));
	if (!has_text(name) || !clean(name) || strlen(name) > 120)
		return bm_fail(err, BM_EINVAL, _("An agent needs a name."));
	if (phone && (!clean(phone) || strspn(phone, "0123456789-+ ") != strlen(phone)))
		return bm_fail(err, BM_EINVAL, _("A phone number has only digits, spaces, + and -."));
	bm_day today = bm_time_day(now);
	char norm[40] = "", msg[256] = "";
	if (idno_check_resident(id_no ? id_no : "", today, norm, msg, sizeof msg) != IDNO_OK)
		return bm_fail(err, BM_EINVAL, _("The agent's ID number is wrong: %s"), msg);
	if (from == BM_NO_DAY)
		from = today;
	if (store_begin(s, err))
		return BM_EDB;
	int rc;
	if ((rc = may_manage(s, actor, err)))
		goto fail;
	/* an ID is registered once: a case names its agent by it */
	sqlite3_stmt *st = store_stmt(s, "SELECT code, active FROM agents WHERE id_no = ?", err);
	if (!st) {
		rc = BM_EDB;
		goto fail;
	}
	st_text(st, 1, norm);
	if (sqlite3_step(st) == SQLITE_ROW) {
		rc = sqlite3_column_int(st, 1)
			     ? bm_fail(err, BM_EINVAL, _("This ID number is already agent %s; disable that one first."), col_text(st, 0))
			     : bm_fail(err, BM_EINVAL, _("This ID number was agent %s, now disabled: an ID is registered once."),
				       col_text(st, 0));
		sqlite3_reset(st);
		goto fail;
	}
	sqlite3_reset(st);
	int64_t seq;
	if ((rc = store_counter_next(s, "agent", &seq, err)))
		goto fail;
	char c[AGENT_CODE_MAX], d[11];
	snprintf(c, sizeof c, "A%03lld", (long long)seq);
	if (!(st = store_stmt(s, "INSERT INTO agents (code, village, name, id_no, phone, active_from, active)"
			      " VALUES (?, ?, ?, ?, ?, ?, 1)", err))) {
		rc = BM_EDB;
		goto fail;
	}
	st_text(st, 1, c);
	st_text(st, 2, village);
	st_text(st, 3, name);
	st_text(st, 4, norm);
	st_text(st, 5, has_text(phone) ? phone : NULL);
	st_text(st, 6, day_or_null(from, d));
	if ((rc = store_write(s, st, err, _("adding the agent"))) ||
	    (rc = agent_event(s, actor->code, "agent_add", c, NULL, now, err)))
		goto fail;
	if ((rc = store_commit(s, err)))
		return rc;
	snprintf(code, AGENT_CODE_MAX, "%s", c);
	return BM_OK;
fail:
	store_rollback(s);
	return rc ? rc : BM_EDB;
}

int agent_disable(bm_store *s, const bm_clerk *actor, const char *code, bm_day to,
		  const char *reason, bm_time now, bm_error *err)
{
	if (to == BM_NO_DAY)
		to = bm_time_day(now);
	if (store_begin(s, err))
		return BM_EDB;
	int rc;
	bm_agent a;
	memset(&a, 0, sizeof a);
	if ((rc = may_manage(s, actor, err)) || (rc = agent_get(s, code, &a, err)))
		goto fail;
	if (!a.active) {
		rc = bm_fail(err, BM_ESTATE, _("Agent %s (%s) is already disabled."), a.code, a.name);
		goto fail;
	}
	if (to < a.from) {
		rc = bm_fail(err, BM_EINVAL, _("Agent %s is active from %s: the last day cannot be before it."),
			     a.code, bm_day_format(a.from, (char[11]){0}));
		goto fail;
	}
	char d[11];
	sqlite3_stmt *st = store_stmt(s, "UPDATE agents SET active = 0, active_to = ? WHERE code = ?", err);
	if (!st) {
		rc = BM_EDB;
		goto fail;
	}
	st_text(st, 1, day_or_null(to, d));
	st_text(st, 2, a.code);
	if ((rc = store_write(s, st, err, _("disabling the agent"))) ||
	    (rc = agent_event(s, actor->code, "agent_disable", a.code, has_text(reason) ? reason : NULL, now, err)))
		goto fail;
	agent_free(&a);
	return store_commit(s, err);
fail:
	agent_free(&a);
	store_rollback(s);
	return rc ? rc : BM_EDB;
}

int agent_get(bm_store *s, const char *code, bm_agent *out, bm_error *err)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = store_stmt(s, "SELECT " COLS " FROM agents WHERE code = upper(?)", err);
	if (!st)
		return BM_EDB;
	st_text(st, 1, code);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		from_row(st, out);
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return bm_fail(err, BM_ENOTFOUND, _("There is no agent %s."), code ? code : "");
	return rc == SQLITE_ROW ? BM_OK : store_fail(s, err, _("reading the agents"));
}

int agent_list(bm_store *s, bool active_only, bm_agent **out, size_t *n, bm_error *err)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = store_stmt(s, "SELECT " COLS " FROM agents WHERE active = 1 OR ?1 = 0"
				      " ORDER BY village, code", err);
	if (!st)
		return BM_EDB;
	sqlite3_bind_int(st, 1, active_only);
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? 2 * cap : 8;
			*out = bm_xrealloc(*out, cap * sizeof **out);
		}
		from_row(st, &(*out)[(*n)++]);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		agents_free(*out, *n);
		*out = NULL;
		*n = 0;
		return store_fail(s, err, _("reading the agents"));
	}
	return BM_OK;
}

bool agent_matches(const bm_agent *a, const char *q)
{
	if (!q || !*q)
		return true;
	if (strcasecmp(a->code, q) == 0 || text_contains(a->name, q) || text_contains(a->village, q) ||
	    (a->phone && strstr(a->phone, q)))
		return true;
	return text_pinyin_match(a->name, q) || text_pinyin_match(a->village, q);
}

int agent_find(bm_store *s, const char *q, bm_agent *out, bm_error *err)
{
	memset(out, 0, sizeof *out);
	if (!has_text(q))
		return bm_fail(err, BM_EINVAL, _("Name the agent: their code, name or pinyin initials."));
	bm_agent *v;
	size_t n;
	int rc = agent_list(s, true, &v, &n, err);
	if (rc)
		return rc;
	size_t hit = n, hits = 0;
	for (size_t i = 0; i < n && hit == n; i++)
		if (strcasecmp(v[i].code, q) == 0 || strcmp(v[i].name, q) == 0)
			hit = i;
	if (hit == n)
		for (size_t i = 0; i < n; i++)
			if (agent_matches(&v[i], q)) {
				hit = hits ? hit : i;
				hits++;
			}
	if (hit == n) {
		rc = bm_fail(err, BM_ENOTFOUND, _("No active agent matches \"%s\" (bianmin agent list shows them)."), q);
	} else if (hits > 1) {
		bm_buf b = {0};
		for (size_t i = 0; i < n; i++)
			if (agent_matches(&v[i], q))
				bm_buf_printf(&b, "%s%s %s", b.len ? ", " : "", v[i].code, v[i].name);
		rc = bm_fail(err, BM_EINVAL, _("\"%s\" matches several agents: %s; give the code."), q, b.data);
		bm_buf_free(&b);
	} else {
		*out = v[hit];
		memset(&v[hit], 0, sizeof v[hit]);
	}
	agents_free(v, n);
	return rc;
}

/* ---- proxy cases ------------------------------------------------------ */
bool agent_item_allows_proxy(const bm_item *it, bm_error *why)
{
	if (it->proxy)
		return true;
	bm_fail(why, BM_EINVAL, _("%s (%s) cannot be applied for by a proxy: the catalog says proxy: false, so the applicant comes in person."),
		it->name, it->code);
	return false;
}

const char *agent_poa_name(bm_id_type applicant)
{
	return applicant == IDTYPE_USCC ? "授权委托书（单位用表）" : "授权委托书（个人用表）";
}

const char *agent_poa_form(bm_id_type applicant)
{
	return applicant == IDTYPE_USCC ? "poa_unit" : "poa_person";
}

void agent_proxy_item(const bm_item *it, bm_id_type applicant, bm_item *out)
{
	*out = *it;
	out->materials = bm_xcalloc(it->n_materials + 1, sizeof *out->materials);
	if (it->n_materials)
		memcpy(out->materials, it->materials, it->n_materials * sizeof *it->materials);
	bm_material *m = &out->materials[it->n_materials];
	m->name = bm_xstrdup(agent_poa_name(applicant));
	m->form = FORM_ORIGINAL;
	m->copies = 1;
	m->main = true;
	m->note = bm_xstrdup("申请人签字（单位盖章）的代理授权");
	out->n_materials = it->n_materials + 1;
}

void agent_proxy_item_free(bm_item *out)
{
	if (!out || !out->materials || !out->n_materials)
		return;
	free(out->materials[out->n_materials - 1].name);
	free(out->materials[out->n_materials - 1].note);
	free(out->materials);
	out->materials = NULL;
	out->n_materials = 0;
}
