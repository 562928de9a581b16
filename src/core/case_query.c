/* case_query.c - loading a case whole, lists, search and day figures. */
#include "bianmin/cases.h"
#include "queries_int.h"
#include "store_int.h"
#include "ledger_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static bm_time time_of(const char *s)
{
	bm_time t = {0, 0};
	if (s)
		bm_time_parse(s, &t);
	return t;
}

static int int_or(sqlite3_stmt *st, int i, int none)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? none : sqlite3_column_int(st, i);
}

#define LOAD_COLS \
	"SELECT c.id, c.no, applicant_name, id_type, id_no, phone, address, proxy_name, proxy_id," \
	" proxy_is_agent, first_clerk, owner_clerk, f.name, o.name, item_code, item_name, item_window," \
	" item_department, item_regime, item_basis, item_statutory_days, item_promised_days," \
	" item_has_fee, item_fee_fen, item_fee_basis, item_forward_to, item_refusal," \
	" item_joint_windows, catalog_fingerprint, kind, decided, override_reason, return_reason," \
	" state, accepted_at, accepted_day, clock_start, due, due_uncertain, limit_days," \
	" completed_day, fee_fen, receipt_no"
#define LOAD_FROM \
	" FROM cases c LEFT JOIN clerks f ON f.code = c.first_clerk" \
	" LEFT JOIN clerks o ON o.code = c.owner_clerk WHERE c.no = ?"
/* the item from its item_versions row (issue 17): the same columns */
const char SQL_CASE_LOAD[] = LOAD_COLS ", " CASE_ITEM_LATER_COLS " FROM cases c" CASE_ITEM_JOIN
	" LEFT JOIN clerks f ON f.code = c.first_clerk LEFT JOIN clerks o ON o.code = c.owner_clerk WHERE c.no = ?";
/* a file before the item versions, and before the whole item (tests
 * build old files) */
static const char SQL_CASE_LOAD_UNSHARED[] = LOAD_COLS ", " CASE_ITEM_LATER_COLS LOAD_FROM;
static const char SQL_CASE_LOAD_OLD[] = LOAD_COLS LOAD_FROM;

/* 代理件 brought by a registered village agent: the register knows them by
 * the ID number the case keeps (an ID is registered once, agent.h). */
static void load_agent(bm_store *s, bm_case *c)
{
	bm_error e;
	sqlite3_stmt *st;
	if (!c->proxy_is_agent || !c->proxy_id ||
	    !(st = store_stmt(s, "SELECT code, village, phone FROM agents WHERE id_no = ?", &e)))
		return;
	st_text(st, 1, c->proxy_id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		c->agent_code = col_dup(st, 0);
		c->agent_village = col_dup(st, 1);
		c->agent_phone = col_dup(st, 2);
	}
	sqlite3_reset(st);
}

static void split_lines(const char *s, char ***out, size_t *n)
{
	*out = NULL;
	*n = 0;
	if (!s || !*s)
		return;
	for (const char *p = s;;) {
		const char *e = strchr(p, '\n');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		*out = bm_xrealloc(*out, (*n + 1) * sizeof **out);
		(*out)[(*n)++] = bm_xstrndup(p, len);
		if (!e)
			break;
		p = e + 1;
	}
}

static void load_row(sqlite3_stmt *st, bm_case *c)
{
	int i = 0;
	c->id = sqlite3_column_int64(st, i++);
	snprintf(c->no, sizeof c->no, "%s", col_text(st, i++));
	c->applicant.name = col_dup(st, i++);
	if (!id_type_parse(col_text(st, i++), &c->applicant.id_type))
		c->applicant.id_type = IDTYPE_OTHER;
	c->applicant.id_no = col_dup(st, i++);
	c->applicant.phone = col_dup(st, i++);
	c->applicant.address = col_dup(st, i++);
	c->proxy_name = col_dup(st, i++);
	c->proxy_id = col_dup(st, i++);
	c->proxy_is_agent = sqlite3_column_int(st, i++) != 0;
	c->first_clerk = col_dup(st, i++);
	c->owner_clerk = col_dup(st, i++);
	c->first_clerk_name = col_dup(st, i++);
	c->owner_clerk_name = col_dup(st, i++);
	bm_case_item *it = &c->item;
	it->code = col_dup(st, i++);
	it->name = col_dup(st, i++);
	it->window = col_dup(st, i++);
	it->department = col_dup(st, i++);
	if (!regime_parse(col_text(st, i++), &it->regime))
		it->regime = REGIME_DIRECT;
	it->basis = col_dup(st, i++);
	it->statutory_days = int_or(st, i++, -1);
	it->promised_days = int_or(st, i++, -1);
	it->has_fee = sqlite3_column_int(st, i++) != 0;
	it->fee_fen = sqlite3_column_int64(st, i++);
	it->fee_basis = col_dup(st, i++);
	it->forward_to = col_dup(st, i++);
	it->refusal = col_dup(st, i++);
	split_lines(col_text(st, i++), &it->joint_windows, &it->n_joint_windows);
	snprintf(c->catalog_fingerprint, sizeof c->catalog_fingerprint, "%s",
		 col_text(st, i) ? col_text(st, i) : "");
	i++;
	if (!kind_parse(col_text(st, i++), &c->kind))
		c->kind = KIND_PROMISED;
	if (!kind_parse(col_text(st, i++), &c->decided))
		c->decided = c->kind;
	c->override_reason = col_dup(st, i++);
	c->return_reason = col_dup(st, i++);
	if (!case_state_parse(col_text(st, i++), &c->state))
		c->state = CASE_IN_PROGRESS;
	c->accepted = time_of(col_text(st, i++));
	c->accepted_day = day_from_text(col_text(st, i++));
	c->clock_start = day_from_text(col_text(st, i++));
	c->due = day_from_text(col_text(st, i++));
	c->due_uncertain = sqlite3_column_int(st, i++) != 0;
	c->limit_days = int_or(st, i++, -1);
	c->completed_day = day_from_text(col_text(st, i++));
	c->fee_fen = sqlite3_column_int64(st, i++);
	c->receipt_no = col_dup(st, i++);
	it->extension_days = -1;
	if (i >= sqlite3_column_count(st))
		return;   /* an older file: the item's later fields are not kept */
	split_lines(col_text(st, i++), &it->procedure, &it->n_procedure);
	it->collect = col_dup(st, i++);
	it->phone = col_dup(st, i++);
	it->proxy = sqlite3_column_int(st, i++) != 0;
	it->site_visit = sqlite3_column_int(st, i++) != 0;
	it->extension_days = int_or(st, i++, -1);
	it->promise_allowed = sqlite3_column_int(st, i++) != 0;
}

static bool mat_state_parse(const char *s, bm_mat_state *out)
{
	for (int i = MAT_PRESENT; i <= MAT_SUPPLEMENTED; i++)
		if (s && strcmp(s, mat_state_key((bm_mat_state)i)) == 0) {
			*out = (bm_mat_state)i;
			return true;
		}
	return false;
}

static bool form_of(const char *s, bm_form *f)
{
	return form_parse(s, f);
}

int case_load(bm_store *s, const char *no, bm_case *c, bm_error *err)
{
	memset(c, 0, sizeof *c);
	sqlite3_stmt *st = store_stmt(s, case_items_shared(s) ? SQL_CASE_LOAD
				      : case_item_later(s) ? SQL_CASE_LOAD_UNSHARED : SQL_CASE_LOAD_OLD, err);
	if (!st)
		return BM_EDB;
	st_text(st, 1, no);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(st);
		if (rc == SQLITE_DONE)
			return bm_fail(err, BM_ENOTFOUND, _("There is no case %s."), no);
		return store_fail(s, err, _("reading a case"));
	}
	load_row(st, c);
	sqlite3_reset(st);
	load_agent(s, c);

	if (!(st = case_materials_shared(s)
		   ? store_stmt(s, "SELECT v.name, v.form, v.copies, v.main, v.note, m.state, m.changed_at"
				" FROM case_materials m JOIN material_versions v ON v.id = m.material"
				" WHERE m.case_id = ? ORDER BY m.idx", err)
		   : store_stmt(s, "SELECT name, form, copies, main, note, state, changed_at"
				" FROM case_materials WHERE case_id = ? ORDER BY idx", err)))
		goto fail;
	sqlite3_bind_int64(st, 1, c->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		c->materials = bm_xrealloc(c->materials, (c->n_materials + 1) * sizeof *c->materials);
		bm_case_material *m = &c->materials[c->n_materials++];
		memset(m, 0, sizeof *m);
		m->name = col_dup(st, 0);
		if (!form_of(col_text(st, 1), &m->form))
			m->form = FORM_ORIGINAL;
		m->copies = sqlite3_column_int(st, 2);
		m->main = sqlite3_column_int(st, 3) != 0;
		m->note = col_dup(st, 4);
		if (!mat_state_parse(col_text(st, 5), &m->state))
			m->state = MAT_MISSING;
		m->has_changed = col_text(st, 6) != NULL;
		m->changed = time_of(col_text(st, 6));
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		goto dbfail;

	/* the previous event's hash is the chain's, not a column (issue 17) */
	if (!(st = store_stmt(s, "SELECT e.id, e.at, e.clerk, e.type, e.details, e.reason,"
			      " coalesce((SELECT p.hash FROM events p WHERE p.id = e.id - 1), '" LEDGER_GENESIS "'), e.hash"
			      " FROM events e WHERE e.case_id = ? ORDER BY e.id", err)))
		goto fail;
	sqlite3_bind_int64(st, 1, c->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		c->events = bm_xrealloc(c->events, (c->n_events + 1) * sizeof *c->events);
		bm_event *e = &c->events[c->n_events++];
		memset(e, 0, sizeof *e);
		e->id = sqlite3_column_int64(st, 0);
		e->at = time_of(col_text(st, 1));
		e->clerk = col_dup(st, 2);
		e->type = col_dup(st, 3);
		e->details = col_dup(st, 4);
		e->reason = col_dup(st, 5);
		snprintf(e->prev_hash, sizeof e->prev_hash, "%s", col_text(st, 6) ? col_text(st, 6) : "");
		snprintf(e->hash, sizeof e->hash, "%s", col_text(st, 7) ? col_text(st, 7) : "");
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		goto dbfail;
	/* a compact intake as what it set: its moving keys, the rest being
	 * the case's own fields (the whole text is verify's and sync's,
	 * event_details_expand; a month's report loads every case) */
	for (size_t i = 0; i < c->n_events; i++) {
		bm_event *e = &c->events[i];
		if (!event_details_compacted(e->type, e->details))
			continue;
		char *moving = record_moving_object(e->details);
		free(e->details);
		e->details = moving;
	}

	if (!(st = store_stmt(s, "SELECT r.id, r.no, r.amount_fen, r.basis, r.at, r.clerk, r.voids, r.reason,"
			      " EXISTS (SELECT 1 FROM receipts v WHERE v.voids = r.id)"
			      " FROM receipts r WHERE r.case_id = ? ORDER BY r.id", err)))
		goto fail;
	sqlite3_bind_int64(st, 1, c->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		c->receipts = bm_xrealloc(c->receipts, (c->n_receipts + 1) * sizeof *c->receipts);
		bm_receipt *r = &c->receipts[c->n_receipts++];
		memset(r, 0, sizeof *r);
		r->id = sqlite3_column_int64(st, 0);
		r->no = col_dup(st, 1);
		r->amount_fen = sqlite3_column_int64(st, 2);
		r->basis = col_dup(st, 3);
		r->at = time_of(col_text(st, 4));
		r->clerk = col_dup(st, 5);
		r->voids = sqlite3_column_int64(st, 6);
		r->reason = col_dup(st, 7);
		r->voided = sqlite3_column_int(st, 8) != 0;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		goto dbfail;
	return BM_OK;
dbfail:
	store_fail(s, err, _("reading a case"));
fail:
	case_free(c);
	return BM_EDB;
}

void case_free(bm_case *c)
{
	if (!c)
		return;
	party_free(&c->applicant);
	free(c->proxy_name);
	free(c->proxy_id);
	free(c->agent_code);
	free(c->agent_village);
	free(c->agent_phone);
	free(c->first_clerk);
	free(c->owner_clerk);
	free(c->first_clerk_name);
	free(c->owner_clerk_name);
	bm_case_item *it = &c->item;
	free(it->code); free(it->name); free(it->window); free(it->department);
	free(it->basis); free(it->fee_basis); free(it->forward_to); free(it->refusal);
	for (size_t i = 0; i < it->n_joint_windows; i++)
		free(it->joint_windows[i]);
	free(it->joint_windows);
	for (size_t i = 0; i < it->n_procedure; i++)
		free(it->procedure[i]);
	free(it->procedure);
	free(it->collect);
	free(it->phone);
	for (size_t i = 0; i < c->n_materials; i++) {
		free(c->materials[i].name);
		free(c->materials[i].note);
	}
	free(c->materials);
	free(c->override_reason);
	free(c->return_reason);
	free(c->receipt_no);
	for (size_t i = 0; i < c->n_events; i++) {
		free(c->events[i].clerk);
		free(c->events[i].type);
		free(c->events[i].details);
		free(c->events[i].reason);
	}
	free(c->events);
	for (size_t i = 0; i < c->n_receipts; i++) {
		free(c->receipts[i].no);
		free(c->receipts[i].basis);
		free(c->receipts[i].clerk);
		free(c->receipts[i].reason);
	}
	free(c->receipts);
	memset(c, 0, sizeof *c);
}

/* ---- lists and search: one statement per shape, each for its index ----
 * (issue 17; the EXPLAIN QUERY PLAN test in tests/unit/test_queries.c runs
 * these very strings).  Parameters: ?1 owner, ?2 open only, ?3 overdue
 * only, ?4 today, ?5 the query (an FTS5 phrase, or a prefix's low end),
 * ?6 limit, ?7 a prefix's high end. */
#define OPEN_STATES "('waiting_materials','in_progress','paused','forwarded')"
#define SUMMARY_COLS \
	"SELECT c.id, c.no, c.applicant_name, c.id_no, c.phone, iv.item_code, iv.item_name, iv.item_window," \
	" c.owner_clerk, c.kind, c.state, c.accepted_at, c.due, c.fee_fen"
#define OVERDUE_TERM " AND (?3 = 0 OR (c.due IS NOT NULL AND c.due < ?4))"
#define OPEN_ORDER " ORDER BY c.due IS NULL, c.due, c.no LIMIT ?6"
#define NEW_ORDER " ORDER BY c.id DESC LIMIT ?6"
/* home: my open cases (cases_owner_state: owner, state, due) */
const char SQL_CASES_MINE_OPEN[] = SUMMARY_COLS " FROM cases c" CASE_ITEM_JOIN
	" WHERE c.owner_clerk = ?1 AND c.state IN " OPEN_STATES OVERDUE_TERM OPEN_ORDER;
/* every open case of the center (cases_open, partial on open states) */
const char SQL_CASES_OPEN[] = SUMMARY_COLS " FROM cases c" CASE_ITEM_JOIN
	" WHERE c.state IN " OPEN_STATES OVERDUE_TERM OPEN_ORDER;
/* a clerk's cases, open or not, newest first */
const char SQL_CASES_MINE_ALL[] = SUMMARY_COLS " FROM cases c" CASE_ITEM_JOIN " WHERE c.owner_clerk = ?1" NEW_ORDER;
/* every case, newest first: `case list` without a filter; bounded by LIMIT */
static const char SQL_CASES_ALL[] = SUMMARY_COLS " FROM cases c" CASE_ITEM_JOIN NEW_ORDER;
/* search, three characters or more: any part of the number, ID, name,
 * phone, proxy (cases_fts, trigram), newest first */
#define FIND_FILTER \
	" AND (?1 IS NULL OR c.owner_clerk = ?1) AND (?2 = 0 OR c.state IN " OPEN_STATES ")" OVERDUE_TERM
const char SQL_CASES_FIND[] = SUMMARY_COLS " FROM cases_fts f JOIN cases c ON c.id = f.rowid" CASE_ITEM_JOIN
	" WHERE cases_fts MATCH ?5" FIND_FILTER " ORDER BY f.rowid DESC LIMIT ?6";
const char SQL_CASES_FIND_OPEN[] = SUMMARY_COLS " FROM cases_fts f JOIN cases c ON c.id = f.rowid" CASE_ITEM_JOIN
	" WHERE cases_fts MATCH ?5" FIND_FILTER OPEN_ORDER;
/* search, one or two characters: a name's (or proxy's) first characters,
 * the given name after a one-character surname, or the start of a
 * number, ID or phone */
#define PREFIX_IDS \
	" WHERE c.id IN (SELECT id FROM cases WHERE applicant_name >= ?5 AND applicant_name < ?7" \
	" UNION SELECT id FROM cases WHERE substr(applicant_name, 2) >= ?5 AND substr(applicant_name, 2) < ?7" \
	" UNION SELECT id FROM cases WHERE proxy_name >= ?5 AND proxy_name < ?7" \
	" UNION SELECT id FROM cases WHERE no >= ?5 AND no < ?7" \
	" UNION SELECT id FROM cases WHERE id_no >= upper(?5) AND id_no < upper(?7)" \
	" UNION SELECT id FROM cases WHERE phone >= ?5 AND phone < ?7)"
const char SQL_CASES_PREFIX[] = SUMMARY_COLS " FROM cases c" CASE_ITEM_JOIN PREFIX_IDS FIND_FILTER NEW_ORDER;
const char SQL_CASES_PREFIX_OPEN[] = SUMMARY_COLS " FROM cases c" CASE_ITEM_JOIN PREFIX_IDS FIND_FILTER OPEN_ORDER;

/* Characters (not bytes) in a UTF-8 string. */
static size_t n_chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		n += ((unsigned char)*s & 0xC0) != 0x80;
	return n;
}

/* The query as an FTS5 phrase: "..." with inner quotes doubled. */
static char *fts_phrase(const char *q)
{
	bm_buf b = {0};
	bm_buf_puts(&b, "\"");
	for (const char *p = q; *p; p++)
		bm_buf_puts(&b, *p == '"' ? "\"\"" : (char[2]){*p, '\0'});
	bm_buf_puts(&b, "\"");
	return b.data;
}

/* The first string after every string starting with q (binary order):
 * q with its last byte raised; 0xFF bytes are dropped first. */
static char *prefix_end(const char *q)
{
	char *e = bm_xstrdup(q);
	size_t n = strlen(e);
	while (n && (unsigned char)e[n - 1] == 0xFF)
		e[--n] = '\0';
	if (n)
		e[n - 1] = (char)((unsigned char)e[n - 1] + 1);
	return e;
}

static const char *list_sql(const case_filter *f, bool open_sort, bool has_q, bool fts)
{
	if (has_q && fts)
		return open_sort ? SQL_CASES_FIND_OPEN : SQL_CASES_FIND;
	if (has_q)
		return open_sort ? SQL_CASES_PREFIX_OPEN : SQL_CASES_PREFIX;
	if (open_sort)
		return f->clerk ? SQL_CASES_MINE_OPEN : SQL_CASES_OPEN;
	return f->clerk ? SQL_CASES_MINE_ALL : SQL_CASES_ALL;
}

int case_list(bm_store *s, const case_filter *f, case_summary **out, size_t *n, bm_error *err)
{
	*out = NULL;
	*n = 0;
	bool open_sort = f->open_only || f->overdue_only;
	bool has_q = f->query && *f->query;
	bool fts = has_q && n_chars(f->query) >= 3;
	sqlite3_stmt *st = store_stmt(s, list_sql(f, open_sort, has_q, fts), err);
	if (!st)
		return BM_EDB;
	char today[11];
	char *q = NULL, *hi = NULL;
	if (has_q) {
		q = fts ? fts_phrase(f->query) : bm_xstrdup(f->query);
		hi = fts ? NULL : prefix_end(f->query);
	}
	st_text(st, 1, f->clerk);
	sqlite3_bind_int(st, 2, open_sort);
	sqlite3_bind_int(st, 3, f->overdue_only);
	st_text(st, 4, f->overdue_only ? bm_day_format(f->today, today) : "");
	st_text(st, 5, q);
	sqlite3_bind_int64(st, 6, f->limit ? (sqlite3_int64)f->limit : -1);
	st_text(st, 7, hi);
	int rc;
	size_t cap = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			*out = bm_xrealloc(*out, cap * sizeof **out);
		}
		case_summary *c = &(*out)[(*n)++];
		memset(c, 0, sizeof *c);
		c->id = sqlite3_column_int64(st, 0);
		snprintf(c->no, sizeof c->no, "%s", col_text(st, 1));
		c->applicant = col_dup(st, 2);
		c->id_no = col_dup(st, 3);
		c->phone = col_dup(st, 4);
		c->item_code = col_dup(st, 5);
		c->item_name = col_dup(st, 6);
		c->window = col_dup(st, 7);
		c->owner = col_dup(st, 8);
		if (!kind_parse(col_text(st, 9), &c->kind))
			c->kind = KIND_PROMISED;
		if (!case_state_parse(col_text(st, 10), &c->state))
			c->state = CASE_IN_PROGRESS;
		c->accepted = time_of(col_text(st, 11));
		c->due = day_from_text(col_text(st, 12));
		c->fee_fen = sqlite3_column_int64(st, 13);
	}
	sqlite3_reset(st);
	free(q);
	free(hi);
	if (rc != SQLITE_DONE) {
		case_summaries_free(*out, *n);
		*out = NULL;
		*n = 0;
		return store_fail(s, err, _("listing cases"));
	}
	return BM_OK;
}

void case_summaries_free(case_summary *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].applicant); free(v[i].id_no); free(v[i].phone);
		free(v[i].item_code); free(v[i].item_name); free(v[i].window);
		free(v[i].owner);
	}
	free(v);
}

const char SQL_CASE_BY_ID_NO[] = "SELECT applicant_name, id_type, id_no, phone, address FROM cases"
	" WHERE id_no = upper(?) ORDER BY id DESC LIMIT 1";

int case_previous_applicant(bm_store *s, const char *id_no, bm_party *out, bool *found,
			    bm_error *err)
{
	memset(out, 0, sizeof *out);
	*found = false;
	sqlite3_stmt *st = store_stmt(s, SQL_CASE_BY_ID_NO, err);
	if (!st)
		return BM_EDB;
	st_text(st, 1, id_no);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*found = true;
		out->name = col_dup(st, 0);
		if (!id_type_parse(col_text(st, 1), &out->id_type))
			out->id_type = IDTYPE_OTHER;
		out->id_no = col_dup(st, 2);
		out->phone = col_dup(st, 3);
		out->address = col_dup(st, 4);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(s, err, _("looking up the applicant"));
	return BM_OK;
}

/* The home screen's figures of a day: each count from the index of the
 * day it counts by (accepted_day, completed_day, receipts.at as the range
 * [day, next day) of its local timestamps). */
const char SQL_DAY_COUNTS[] =
	"SELECT (SELECT count(*) FROM cases WHERE accepted_day = ?1 AND (?2 IS NULL OR first_clerk = ?2)),"
	" (SELECT count(*) FROM cases WHERE accepted_day = ?1 AND kind = 'returned' AND (?2 IS NULL OR first_clerk = ?2)),"
	" (SELECT count(*) FROM cases WHERE completed_day = ?1 AND state = 'completed' AND (?2 IS NULL OR owner_clerk = ?2)),"
	" (SELECT count(*) FROM receipts r WHERE r.at >= ?1 AND r.at < ?3 AND r.no IS NOT NULL"
	"    AND (?2 IS NULL OR r.clerk = ?2) AND NOT EXISTS (SELECT 1 FROM receipts v WHERE v.voids = r.id)),"
	" (SELECT coalesce(sum(amount_fen), 0) FROM receipts r WHERE r.at >= ?1 AND r.at < ?3 AND r.no IS NOT NULL"
	"    AND (?2 IS NULL OR r.clerk = ?2) AND NOT EXISTS (SELECT 1 FROM receipts v WHERE v.voids = r.id))";

int case_counts_day(bm_store *s, bm_day day, const char *clerk, case_day_counts *out,
		    bm_error *err)
{
	memset(out, 0, sizeof *out);
	char d[11];
	bm_day_format(day, d);
	sqlite3_stmt *st = store_stmt(s, SQL_DAY_COUNTS, err);
	if (!st)
		return BM_EDB;
	char next[11];
	st_text(st, 1, d);
	st_text(st, 2, clerk);
	st_text(st, 3, bm_day_format(day + 1, next));
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->received = sqlite3_column_int(st, 0);
		out->returned = sqlite3_column_int(st, 1);
		out->completed = sqlite3_column_int(st, 2);
		out->receipts = sqlite3_column_int(st, 3);
		out->fees_fen = sqlite3_column_int64(st, 4);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return store_fail(s, err, _("counting the day"));
	return BM_OK;
}
