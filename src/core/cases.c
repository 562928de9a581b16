/* cases.c - accepting a case in one transaction, and changing it through
 * case_apply (row update + the event saying what changed). */
#include "bianmin/cases.h"
#include "bianmin/agent.h"
#include "ledger_int.h"
#include "bianmin/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const STATE_KEYS[] = {
	"waiting_materials", "in_progress", "paused", "forwarded",
	"completed", "returned", "withdrawn",
};

const char *case_state_key(bm_case_state s)
{
	return (unsigned)s < CASE_STATE__COUNT ? STATE_KEYS[s] : "?";
}

const char *case_state_label(bm_case_state s)
{
	switch (s) {
	case CASE_WAITING_MATERIALS: return _("waiting (补齐)");   /* fits the home list at 80 columns */
	case CASE_IN_PROGRESS: return _("in progress");
	case CASE_PAUSED: return _("paused");
	case CASE_FORWARDED: return _("forwarded");
	case CASE_COMPLETED: return _("completed");
	case CASE_RETURNED: return _("returned");
	case CASE_WITHDRAWN: return _("withdrawn");
	case CASE_STATE__COUNT: break;
	}
	return "?";
}

bool case_state_parse(const char *s, bm_case_state *out)
{
	for (int i = 0; i < CASE_STATE__COUNT; i++)
		if (s && strcmp(s, STATE_KEYS[i]) == 0) {
			*out = (bm_case_state)i;
			return true;
		}
	return false;
}

bool case_state_final(bm_case_state s)
{
	return s == CASE_COMPLETED || s == CASE_RETURNED || s == CASE_WITHDRAWN;
}

static const char *const IDTYPE_KEYS[] = { "resident", "uscc", "other" };

const char *id_type_key(bm_id_type t)
{
	return (unsigned)t <= IDTYPE_OTHER ? IDTYPE_KEYS[t] : "?";
}

bool id_type_parse(const char *s, bm_id_type *out)
{
	for (int i = 0; i <= IDTYPE_OTHER; i++)
		if (s && strcmp(s, IDTYPE_KEYS[i]) == 0) {
			*out = (bm_id_type)i;
			return true;
		}
	return false;
}

void party_free(bm_party *p)
{
	if (!p)
		return;
	free(p->name);
	free(p->id_no);
	free(p->phone);
	free(p->address);
	memset(p, 0, sizeof *p);
}

static bm_case_state initial_state(bm_kind k)
{
	switch (k) {
	case KIND_IMMEDIATE: return CASE_COMPLETED;
	case KIND_SUPPLEMENT: return CASE_WAITING_MATERIALS;
	case KIND_RETURNED: return CASE_RETURNED;
	default: return CASE_IN_PROGRESS;   /* 承诺件, 联办件, 上报件 (forwarded by its step) */
	}
}

static void bind_int_or_null(sqlite3_stmt *st, int i, int v)
{
	if (v < 0)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_int(st, i, v);
}

#define INSERT_COLS \
	"INSERT INTO cases (no, applicant_name, id_type, id_no, phone, address, proxy_name," \
	" proxy_id, proxy_is_agent, first_clerk, owner_clerk, item_code, item_name, item_window," \
	" item_department, item_regime, item_basis, item_statutory_days, item_promised_days," \
	" item_has_fee, item_fee_fen, item_fee_basis, item_forward_to, item_refusal," \
	" item_joint_windows, catalog_fingerprint, kind, decided, override_reason, return_reason," \
	" state, accepted_at, accepted_day, clock_start, due, due_uncertain, limit_days," \
	" completed_day, fee_fen, receipt_no"
#define INSERT_VALUES \
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17," \
	" ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33, ?34," \
	" ?35, ?36, ?37, ?38, ?39"
static const char SQL_INSERT_CASE[] =
	INSERT_COLS ", " CASE_ITEM_LATER_COLS ")" INSERT_VALUES ", ?40, ?41, ?42, ?43, ?44, ?45, ?46)";
/* a file not yet migrated to the whole item (tests build old files) */
static const char SQL_INSERT_CASE_OLD[] = INSERT_COLS ")" INSERT_VALUES ")";
/* since the item versions (issue 17): the item's fields (?11-?25,
 * ?40-?46 as above) once in item_versions, added when this version is
 * new; the case names that row */
#define ITEM_MATCH \
	" item_code = ?11 AND catalog_fingerprint = ?25 AND item_name = ?12 AND item_window = ?13" \
	" AND item_department IS ?14 AND item_regime = ?15 AND item_basis IS ?16" \
	" AND item_statutory_days IS ?17 AND item_promised_days IS ?18 AND item_has_fee = ?19" \
	" AND item_fee_fen = ?20 AND item_fee_basis IS ?21 AND item_forward_to IS ?22" \
	" AND item_refusal IS ?23 AND item_joint_windows IS ?24 AND item_procedure IS ?40" \
	" AND item_collect IS ?41 AND item_phone IS ?42 AND item_proxy IS ?43" \
	" AND item_site_visit IS ?44 AND item_extension_days IS ?45 AND item_promise_allowed IS ?46"
static const char SQL_ITEM_VERSION[] =
	"INSERT INTO item_versions (item_code, item_name, item_window, item_department, item_regime,"
	" item_basis, item_statutory_days, item_promised_days, item_has_fee, item_fee_fen, item_fee_basis,"
	" item_forward_to, item_refusal, item_joint_windows, catalog_fingerprint, item_procedure,"
	" item_collect, item_phone, item_proxy, item_site_visit, item_extension_days, item_promise_allowed)"
	" SELECT ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25,"
	" ?40, ?41, ?42, ?43, ?44, ?45, ?46"
	" WHERE NOT EXISTS (SELECT 1 FROM item_versions WHERE" ITEM_MATCH ")";
static const char SQL_INSERT_CASE_SHARED[] =
	"INSERT INTO cases (no, applicant_name, id_type, id_no, phone, address, proxy_name,"
	" proxy_id, proxy_is_agent, first_clerk, owner_clerk, item_version, kind, decided,"
	" override_reason, return_reason, state, accepted_at, accepted_day, clock_start, due,"
	" due_uncertain, limit_days, completed_day, fee_fen, receipt_no)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10,"
	" (SELECT id FROM item_versions WHERE" ITEM_MATCH "), ?26, ?27, ?28, ?29, ?30, ?31, ?32, ?33,"
	" ?34, ?35, ?36, ?37, ?38, ?39)";

/* When the case was received (受理): on its home visit, or now. */
static bm_time case_received(const case_intake *ci)
{
	return ci->visit ? ci->received : ci->now;
}

/* A case's values, ?1-?46 (the whole item ?40-?46 when later): the same
 * for the item version's row and the case's. */
static void bind_case(sqlite3_stmt *st, const case_intake *ci, const intake_input *in,
		      const intake_outcome *out, const char *no, const char *receipt_no,
		      int64_t fee, const char *jw, const char *pr, bool later)
{
	const bm_item *it = in->item;
	char at[32], day[11], cs[11], due[11];
	bm_time recv = case_received(ci);
	bm_day today = bm_time_day(recv);
	bm_case_state state = initial_state(out->kind);
	bm_time_format(recv, at);
	st_text(st, 1, no);
	st_text(st, 2, ci->applicant->name);
	st_text(st, 3, id_type_key(ci->applicant->id_type));
	st_text(st, 4, ci->applicant->id_no);
	st_text(st, 5, ci->applicant->phone && *ci->applicant->phone ? ci->applicant->phone : NULL);
	st_text(st, 6, ci->applicant->address && *ci->applicant->address ? ci->applicant->address : NULL);
	st_text(st, 7, ci->proxy_name);
	st_text(st, 8, ci->proxy_id);
	sqlite3_bind_int(st, 9, ci->proxy_name && ci->proxy_is_agent);
	st_text(st, 10, ci->clerk);
	st_text(st, 11, it->code);
	st_text(st, 12, it->name);
	st_text(st, 13, it->window);
	st_text(st, 14, it->department);
	st_text(st, 15, regime_key(it->regime));
	st_text(st, 16, it->basis);
	bind_int_or_null(st, 17, it->statutory_days);
	bind_int_or_null(st, 18, it->promised_days);
	sqlite3_bind_int(st, 19, it->has_fee);
	sqlite3_bind_int64(st, 20, it->has_fee ? it->fee_fen : 0);
	st_text(st, 21, it->fee_basis);
	st_text(st, 22, it->forward_to);
	st_text(st, 23, it->refusal);
	st_text(st, 24, jw);
	st_text(st, 25, ci->catalog_fingerprint ? ci->catalog_fingerprint : "");
	st_text(st, 26, kind_key(out->kind));
	st_text(st, 27, kind_key(out->decided));
	st_text(st, 28, out->overridden ? in->override_reason : NULL);
	st_text(st, 29, out->kind == KIND_RETURNED ? (out->reason ? out->reason : in->override_reason) : NULL);
	st_text(st, 30, case_state_key(state));
	st_text(st, 31, at);
	st_text(st, 32, bm_day_format(today, day));
	st_text(st, 33, out->clock_running ? bm_day_format(today, cs) : NULL);
	st_text(st, 34, day_or_null(out->due, due));
	sqlite3_bind_int(st, 35, out->due_uncertain);
	bind_int_or_null(st, 36, out->limit_days);
	st_text(st, 37, case_state_final(state) ? day : NULL);
	sqlite3_bind_int64(st, 38, fee);
	st_text(st, 39, receipt_no);
	/* the whole item with the case */
	if (later) {
		st_text(st, 40, pr);
		st_text(st, 41, it->collect);
		st_text(st, 42, it->phone);
		sqlite3_bind_int(st, 43, it->proxy);
		sqlite3_bind_int(st, 44, it->site_visit);
		sqlite3_bind_int(st, 45, it->extension_days);
		sqlite3_bind_int(st, 46, it->promise_allowed);
	}
}

static int insert_case(bm_store *s, const case_intake *ci, const intake_input *in,
		       const intake_outcome *out, const char *no, const char *receipt_no,
		       int64_t fee, int64_t *case_id, bm_error *err)
{
	const bm_item *it = in->item;
	bool later = case_item_later(s), shared = case_items_shared(s);
	/* 联办 windows and 办理程序 one a line */
	bm_buf jw = {0}, pr = {0};
	for (size_t i = 0; i < it->n_joint_windows; i++)
		bm_buf_printf(&jw, "%s%s", i ? "\n" : "", it->joint_windows[i]);
	for (size_t i = 0; i < it->n_procedure; i++)
		bm_buf_printf(&pr, "%s%s", i ? "\n" : "", it->procedure[i]);
	/* k 0: the item's version, when it is new; 1: the case */
	int rc = BM_OK;
	for (int k = shared ? 0 : 1; k < 2 && rc == BM_OK; k++) {
		sqlite3_stmt *st = store_stmt(s, k == 0 ? SQL_ITEM_VERSION : shared ? SQL_INSERT_CASE_SHARED
					      : later ? SQL_INSERT_CASE : SQL_INSERT_CASE_OLD, err);
		if (!st) {
			rc = BM_EDB;
			break;
		}
		bind_case(st, ci, in, out, no, receipt_no, fee, jw.len ? jw.data : NULL, pr.len ? pr.data : NULL,
			  later);
		rc = store_write(s, st, err, _("saving the case"));
	}
	bm_buf_free(&jw);
	bm_buf_free(&pr);
	if (rc)
		return rc;
	*case_id = sqlite3_last_insert_rowid(store_db(s));
	return BM_OK;
}

/* A material's fixed fields once in material_versions (the compact
 * migration, issue 17); a case's material names that row. */
static const char SQL_MATERIAL_VERSION[] =
	"INSERT INTO material_versions (name, form, copies, main, note) SELECT ?3, ?4, ?5, ?6, ?7"
	" WHERE NOT EXISTS (SELECT 1 FROM material_versions WHERE name = ?3 AND form = ?4"
	" AND copies = ?5 AND main = ?6 AND note IS ?7)";
static const char SQL_MATERIAL_SHARED[] =
	"INSERT INTO case_materials (case_id, idx, material, state) VALUES (?1, ?2,"
	" (SELECT id FROM material_versions WHERE name = ?3 AND form = ?4 AND copies = ?5 AND main = ?6"
	" AND note IS ?7), ?8)";

static int insert_materials(bm_store *s, int64_t case_id, const intake_input *in, bm_error *err)
{
	const bm_item *it = in->item;
	bool shared = case_materials_shared(s);
	for (size_t i = 0; i < it->n_materials; i++) {
		const bm_material *m = &it->materials[i];
		for (int k = shared ? 0 : 2; k < (shared ? 2 : 3); k++) {
			/* k 0: the shared row if new; 1: the case's row naming it;
			 * 2: the case's row holding it (a file before the migration) */
			sqlite3_stmt *st = store_stmt(s, k == 0 ? SQL_MATERIAL_VERSION : k == 1 ? SQL_MATERIAL_SHARED
						      : "INSERT INTO case_materials (case_id, idx, name, form,"
							" copies, main, note, state) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", err);
			if (!st)
				return BM_EDB;
			if (k) {
				sqlite3_bind_int64(st, 1, case_id);
				sqlite3_bind_int64(st, 2, (sqlite3_int64)i);
				st_text(st, 8, mat_state_key(in->materials ? in->materials[i] : MAT_PRESENT));
			}
			st_text(st, 3, m->name);
			st_text(st, 4, form_key(m->form));
			sqlite3_bind_int(st, 5, m->copies);
			sqlite3_bind_int(st, 6, m->main);
			st_text(st, 7, m->note);
			if (store_write(s, st, err, _("saving the case materials")))
				return BM_EDB;
			if (k == 1 && sqlite3_changes(store_db(s)) != 1)
				return bm_fail(err, BM_EDB, "insert_materials: no material row");
		}
	}
	return BM_OK;
}

static int insert_receipt(bm_store *s, int64_t case_id, const char *no, int year, int64_t seq,
			  int64_t fee, const char *basis, const char *at, const char *clerk,
			  bm_error *err)
{
	sqlite3_stmt *st = store_stmt(s, "INSERT INTO receipts (no, year, seq, case_id, amount_fen,"
				      " basis, at, clerk) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", err);
	if (!st)
		return BM_EDB;
	st_text(st, 1, no);
	sqlite3_bind_int(st, 2, year);
	sqlite3_bind_int64(st, 3, seq);
	sqlite3_bind_int64(st, 4, case_id);
	sqlite3_bind_int64(st, 5, fee);
	st_text(st, 6, basis);
	st_text(st, 7, at);
	st_text(st, 8, clerk);
	return store_write(s, st, err, _("saving the receipt"));
}

static int clerk_active(bm_store *s, const char *code, bm_error *err)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT active FROM clerks WHERE code = ?", err);
	if (!st)
		return BM_EDB;
	st_text(st, 1, code);
	int rc = sqlite3_step(st);
	int active = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(s, err, _("reading the clerks"));
	if (active < 0)
		return bm_fail(err, BM_ENOTFOUND, _("There is no clerk with the number %s."), code ? code : "");
	if (!active)
		return bm_fail(err, BM_ENOTFOUND, _("Clerk %s is disabled."), code);
	return BM_OK;
}

static int accept_checked(bm_store *s, const case_intake *ci, const intake_input *in,
			  const intake_outcome *out, char *no, bm_error *err);

/* Names and free text as typed are checked and trimmed here, once, for
 * the screen and the command line alike (text_check_name). */
int case_accept(bm_store *s, const case_intake *ci, const intake_input *in,
		const intake_outcome *out, char *no, bm_error *err)
{
	if (!ci->applicant)
		return bm_fail(err, BM_EINVAL, _("The applicant's name is empty."));
	case_intake c = *ci;
	bm_party a = *ci->applicant;
	char *name = NULL, *phone = NULL, *addr = NULL, *pname = NULL;
	int rc;
	if ((rc = text_check_name(a.name, _("The applicant's name"), CASE_NAME_MAX, true, &name, err)) ||
	    (rc = text_check_name(a.phone, _("The phone number"), 32, false, &phone, err)) ||
	    (rc = text_check_name(a.address, _("The address"), CASE_TEXT_MAX, false, &addr, err)) ||
	    (ci->proxy_name && (rc = text_check_name(ci->proxy_name, _("The proxy's name"), CASE_NAME_MAX, true, &pname, err))))
		goto out;
	a.name = name;
	a.phone = phone;
	a.address = addr;
	c.applicant = &a;
	if (ci->proxy_name)
		c.proxy_name = pname;
	rc = accept_checked(s, &c, in, out, no, err);
out:
	free(name);
	free(phone);
	free(addr);
	free(pname);
	return rc;
}

static int accept_checked(bm_store *s, const case_intake *ci, const intake_input *in,
			  const intake_outcome *out, char *no, bm_error *err)
{
	if (!ci->applicant || !ci->applicant->name || !*ci->applicant->name)
		return bm_fail(err, BM_EINVAL, _("The applicant's name is empty."));
	if (!ci->applicant->id_no || !*ci->applicant->id_no)
		return bm_fail(err, BM_EINVAL, _("The applicant's ID number is empty."));
	if (!ci->center_code || !*ci->center_code)
		return bm_fail(err, BM_EINVAL, _("The center has no code (center.yaml `code`)."));
	if (!ci->agent_code && (ci->proxy_name == NULL) != (ci->proxy_id == NULL))
		return bm_fail(err, BM_EINVAL, _("A proxy needs both a name and an ID number."));
	bool proxy = ci->proxy_name || ci->agent_code;
	if (proxy && !agent_item_allows_proxy(in->item, err))
		return BM_EINVAL;
	if (proxy && (!in->item->n_materials ||
		      strncmp(in->item->materials[in->item->n_materials - 1].name, "授权委托书", strlen("授权委托书")) != 0))
		return bm_fail(err, BM_EINVAL, "case_accept: a proxy case takes the item with its 授权委托书 (agent_proxy_item)");

	int y, m, d, ry, rm, rd, rc;
	bm_day today = bm_time_day(case_received(ci));   /* the number carries the receipt (受理) date */
	bm_day_to_ymd(today, &y, &m, &d);
	bm_day_to_ymd(bm_time_day(ci->now), &ry, &rm, &rd);   /* a fee's receipt: the year it is issued */
	int64_t fee = out->kind == KIND_RETURNED ? 0 : out->fee_fen;
	char at[32], case_no[CASE_NO_MAX], receipt_no[32];
	bm_time_format(ci->now, at);
	int64_t seq, rseq = 0;
	int64_t case_id = 0;
	flatrec rec = {0};
	char *details = NULL;
	bm_agent agent;
	memset(&agent, 0, sizeof agent);

	if (store_begin(s, err))
		return BM_EDB;
	if ((rc = clerk_active(s, ci->clerk, err)))
		goto fail;
	/* 代办员: the register says who they are, and that they are active */
	case_intake with_agent = *ci;
	if (ci->agent_code) {
		if ((rc = agent_get(s, ci->agent_code, &agent, err)))
			goto fail;
		if (!agent.active || today < agent.from || (agent.to != BM_NO_DAY && today > agent.to)) {
			rc = bm_fail(err, BM_EINVAL, _("Agent %s (%s) is not active today: a disabled agent brings no new case."),
				     agent.code, agent.name);
			goto fail;
		}
		with_agent.proxy_name = agent.name;
		with_agent.proxy_id = agent.id_no;
		with_agent.proxy_is_agent = true;
		with_agent.agent_code = agent.code;
		ci = &with_agent;
	}
	/* counters.c: the rows win over a counter reset behind our back */
	if ((rc = counter_next_case(s, ci->center_code, y, m, d, &seq, err)))
		goto fail;
	snprintf(case_no, sizeof case_no, "%s-%04d%02d%02d-%04lld", ci->center_code, y, m, d, (long long)seq);
	if (fee > 0) {
		if ((rc = counter_next_receipt(s, ry, &rseq, err)))
			goto fail;
		snprintf(receipt_no, sizeof receipt_no, "%04d-%06lld", ry, (long long)rseq);
	}
	rc = insert_case(s, ci, in, out, case_no, fee > 0 ? receipt_no : NULL, fee, &case_id, err);
	agent_free(&agent);
	if (rc || (rc = insert_materials(s, case_id, in, err)))
		goto fail;
	if (fee > 0 && (rc = insert_receipt(s, case_id, receipt_no, ry, rseq, fee, in->item->fee_basis,
					    at, ci->clerk, err)))
		goto fail;
	/* the intake event holds the whole record, read back from the rows */
	if ((rc = case_record(s, case_id, &rec, err)))
		goto fail;
	if (ci->visit)
		flatrec_set(&rec, "x.visit", ci->visit);   /* the home visit it was taken on */
	details = flatrec_json(&rec);
	if ((rc = event_append(s, case_id, at, ci->clerk, "intake", details,
			       out->overridden ? in->override_reason : NULL, err)))
		goto fail;
	if (store_fail_hook(s, "case_accept")) {
		rc = bm_fail(err, BM_EDB, "test hook: failing before commit");
		goto fail;
	}
	flatrec_free(&rec);
	free(details);
	if ((rc = store_commit(s, err)))
		return rc;
	snprintf(no, CASE_NO_MAX, "%s", case_no);
	return BM_OK;
fail:
	agent_free(&agent);
	flatrec_free(&rec);
	free(details);
	store_rollback(s);
	return rc ? rc : BM_EDB;
}

static int case_id_of(bm_store *s, const char *no, int64_t *id, bm_error *err)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT id FROM cases WHERE no = ?", err);
	if (!st)
		return BM_EDB;
	st_text(st, 1, no);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*id = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return bm_fail(err, BM_ENOTFOUND, _("There is no case %s."), no);
	if (rc != SQLITE_ROW)
		return store_fail(s, err, _("reading a case"));
	return BM_OK;
}

int case_apply(bm_store *s, const char *no, const case_step *step, bm_error *err)
{
	if (!step->type || !*step->type || !step->clerk)
		return bm_fail(err, BM_EINVAL, "case_apply: type and clerk are required");
	for (size_t i = 0; i < step->n_sets; i++)
		if (!case_record_update_sql(step->sets[i].field))
			return bm_fail(err, BM_EINVAL, "case_apply: field %s cannot be changed", step->sets[i].field);
	char at[32];
	bm_time_format(step->at, at);
	int64_t id = 0;
	int rc;
	flatrec rec = {0}, ev = {0};
	char *details = NULL;
	if (store_begin(s, err))
		return BM_EDB;
	if ((rc = case_id_of(s, no, &id, err)))
		goto fail;
	for (size_t i = 0; i < step->n_sets; i++) {
		sqlite3_stmt *st = store_stmt(s, case_record_update_sql(step->sets[i].field), err);
		if (!st) {
			rc = BM_EDB;
			goto fail;
		}
		st_text(st, 1, step->sets[i].value);
		sqlite3_bind_int64(st, 2, id);
		if ((rc = store_write(s, st, err, _("changing the case"))))
			goto fail;
	}
	for (size_t i = 0; i < step->n_mats; i++) {
		sqlite3_stmt *st = store_stmt(s, "UPDATE case_materials SET state = ?, changed_at = ?"
					      " WHERE case_id = ? AND idx = ?", err);
		if (!st) {
			rc = BM_EDB;
			goto fail;
		}
		st_text(st, 1, mat_state_key(step->mats[i].state));
		st_text(st, 2, at);
		sqlite3_bind_int64(st, 3, id);
		sqlite3_bind_int64(st, 4, (sqlite3_int64)step->mats[i].index);
		int r = sqlite3_step(st);
		sqlite3_reset(st);
		if (r != SQLITE_DONE || sqlite3_changes(store_db(s)) != 1) {
			rc = r != SQLITE_DONE ? store_fail(s, err, _("changing the case"))
					      : bm_fail(err, BM_EINVAL, _("Case %s has no material %zu."), no, step->mats[i].index + 1);
			goto fail;
		}
	}
	/* the event holds the changed fields as the rows now say them */
	if ((rc = case_record(s, id, &rec, err)))
		goto fail;
	for (size_t i = 0; i < step->n_sets; i++)
		flatrec_set(&ev, step->sets[i].field, flatrec_get(&rec, step->sets[i].field, NULL));
	for (size_t i = 0; i < step->n_mats; i++) {
		char key[64];
		snprintf(key, sizeof key, "m.%zu.state", step->mats[i].index + 1);
		flatrec_set(&ev, key, flatrec_get(&rec, key, NULL));
		snprintf(key, sizeof key, "m.%zu.changed_at", step->mats[i].index + 1);
		flatrec_set(&ev, key, flatrec_get(&rec, key, NULL));
	}
	if (step->note)
		flatrec_set(&ev, "x.note", step->note);
	details = flatrec_json(&ev);
	if ((rc = event_append(s, id, at, step->clerk, step->type, details, step->reason, err)))
		goto fail;
	flatrec_free(&rec);
	flatrec_free(&ev);
	free(details);
	return store_commit(s, err);
fail:
	flatrec_free(&rec);
	flatrec_free(&ev);
	free(details);
	store_rollback(s);
	return rc ? rc : BM_EDB;
}
