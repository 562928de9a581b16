/* case_record.c - the canonical case record and the event hash chain. */
#include "ledger_int.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Record key -> column, and for what case_apply may set the constant
 * UPDATE that sets it (the rest is the snapshot, also guarded by
 * triggers).  Constant SQL: no statement is ever built from text. */
#define UPD(col) "UPDATE cases SET " col " = ? WHERE id = ?"
static const struct { const char *key, *col, *update; } REC[] = {
	{ "no", "no", NULL },
	{ "applicant.name", "applicant_name", NULL },
	{ "applicant.id_type", "id_type", NULL },
	{ "applicant.id_no", "id_no", NULL },
	{ "applicant.phone", "phone", UPD("phone") },
	{ "applicant.address", "address", UPD("address") },
	{ "proxy.name", "proxy_name", NULL },
	{ "proxy.id", "proxy_id", NULL },
	{ "proxy.agent", "proxy_is_agent", NULL },
	{ "first_clerk", "first_clerk", NULL },
	{ "owner", "owner_clerk", UPD("owner_clerk") },
	{ "item.code", "item_code", NULL },
	{ "item.name", "item_name", NULL },
	{ "item.window", "item_window", NULL },
	{ "item.department", "item_department", NULL },
	{ "item.regime", "item_regime", NULL },
	{ "item.basis", "item_basis", NULL },
	{ "item.statutory_days", "item_statutory_days", NULL },
	{ "item.promised_days", "item_promised_days", NULL },
	{ "item.has_fee", "item_has_fee", NULL },
	{ "item.fee_fen", "item_fee_fen", NULL },
	{ "item.fee_basis", "item_fee_basis", NULL },
	{ "item.forward_to", "item_forward_to", NULL },
	{ "item.refusal", "item_refusal", NULL },
	{ "item.joint_windows", "item_joint_windows", NULL },
	{ "catalog", "catalog_fingerprint", NULL },
	{ "kind", "kind", UPD("kind") },
	{ "decided", "decided", NULL },
	{ "override_reason", "override_reason", NULL },
	{ "return_reason", "return_reason", UPD("return_reason") },
	{ "state", "state", UPD("state") },
	{ "accepted_at", "accepted_at", NULL },
	{ "accepted_day", "accepted_day", NULL },
	{ "clock_start", "clock_start", UPD("clock_start") },
	{ "due", "due", UPD("due") },
	{ "due_uncertain", "due_uncertain", UPD("due_uncertain") },
	{ "limit_days", "limit_days", UPD("limit_days") },
	{ "completed_day", "completed_day", UPD("completed_day") },
	{ "fee_fen", "fee_fen", NULL },
	{ "receipt_no", "receipt_no", NULL },
};
/* Snapshot columns added later (the whole item with the case), selected
 * after REC's: absent from the record when NULL, so the intake events of
 * older cases still replay. */
static const char *const REC_LATER[] = {
	"item.procedure", "item.collect", "item.phone", "item.proxy", "item.site_visit",
	"item.extension_days", "item.promise_allowed",
};
#define N_REC (sizeof REC / sizeof REC[0])

static const char *const MAT_COLS[] = { "name", "form", "copies", "main", "note", "state", "changed_at" };

const char *case_record_update_sql(const char *key)
{
	for (size_t i = 0; i < N_REC; i++)
		if (REC[i].update && strcmp(REC[i].key, key) == 0)
			return REC[i].update;
	return NULL;
}

bool record_key_moves(const char *key)
{
	/* m.N.state and m.N.changed_at; a material's name, form... never
	 * (no key of REC starts "m.": asked first, verify asks it of every
	 * key of every intake) */
	if (strncmp(key, "m.", 2) == 0) {
		const char *f = strchr(key + 2, '.');
		return f && (strcmp(f, ".state") == 0 || strcmp(f, ".changed_at") == 0);
	}
	for (size_t i = 0; i < N_REC; i++)
		if (REC[i].update && strcmp(REC[i].key, key) == 0)
			return true;
	return false;
}

char *record_moving_object(const char *stored)
{
	flatrec vals;
	if (!flatrec_parse_values(stored, &vals))
		return bm_xstrdup(stored);
	bm_buf b = {0};
	bm_buf_puts(&b, "{");
	size_t j = 0;
	for (size_t i = 0; i < N_REC && j < vals.n; i++)
		if (REC[i].update)
			flatrec_json_pair(&b, REC[i].key, vals.vals[j++]);
	for (size_t m = 1; j < vals.n; m++)
		for (int f = 0; f < 2 && j < vals.n; f++) {
			char key[64];
			snprintf(key, sizeof key, "m.%zu.%s", m, f ? "changed_at" : "state");
			flatrec_json_pair(&b, key, vals.vals[j++]);
		}
	bm_buf_puts(&b, "}");
	flatrec_free(&vals);
	return bm_buf_steal(&b);
}

#define RECORD_COLS \
	"SELECT c.no, applicant_name, id_type, id_no, phone, address, proxy_name, proxy_id," \
	" proxy_is_agent, first_clerk, owner_clerk, item_code, item_name, item_window," \
	" item_department, item_regime, item_basis, item_statutory_days, item_promised_days," \
	" item_has_fee, item_fee_fen, item_fee_basis, item_forward_to, item_refusal," \
	" item_joint_windows, catalog_fingerprint, kind, decided, override_reason, return_reason," \
	" state, accepted_at, accepted_day, clock_start, due, due_uncertain, limit_days," \
	" completed_day, fee_fen, receipt_no"
/* the item through its item_versions row (issue 17): the same columns,
 * so the same record and the same hashes */
static const char SQL_CASE_SHARED[] = RECORD_COLS ", " CASE_ITEM_LATER_COLS " FROM cases c" CASE_ITEM_JOIN
	" WHERE c.id = ?";
static const char SQL_CASE[] = RECORD_COLS ", " CASE_ITEM_LATER_COLS " FROM cases c WHERE c.id = ?";
static const char SQL_CASE_OLD[] = RECORD_COLS " FROM cases c WHERE c.id = ?";

/* migration 6 (store_schema.c) added the columns; asked for every case
 * loaded, so from the version read once, not from the table's info */
bool case_item_later(bm_store *s)
{
	return store_schema_version_seen(s) >= 6;
}
static const char SQL_MATS_OLD[] =
	"SELECT idx, name, form, copies, main, note, state, changed_at FROM case_materials"
	" WHERE case_id = ? ORDER BY idx";
/* since the compact migration a material's fixed fields are its
 * material_versions row */
static const char SQL_MATS[] =
	"SELECT m.idx, v.name, v.form, v.copies, v.main, v.note, m.state, m.changed_at FROM case_materials m"
	" JOIN material_versions v ON v.id = m.material WHERE m.case_id = ? ORDER BY m.idx";

bool case_materials_shared(bm_store *s)
{
	return store_has_column(s, "case_materials", "material");
}

bool case_items_shared(bm_store *s)
{
	return store_has_column(s, "cases", "item_version");
}

int case_record_each(bm_store *s, int64_t case_id, case_field_fn fn, void *ctx, bm_error *err)
{
	bool later = case_item_later(s);
	sqlite3_stmt *st = store_stmt(s, case_items_shared(s) ? SQL_CASE_SHARED : later ? SQL_CASE : SQL_CASE_OLD, err);
	if (!st)
		return BM_EDB;
	sqlite3_bind_int64(st, 1, case_id);
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(st);
		if (rc == SQLITE_DONE)
			return bm_fail(err, BM_ENOTFOUND, _("No case with id %lld."), (long long)case_id);
		return store_fail(s, err, _("reading a case"));
	}
	/* what moves: what case_apply may set (REC's update), and each
	 * material's state and change (record_key_moves) */
	for (size_t i = 0; i < N_REC; i++)
		fn(ctx, REC[i].key, col_text(st, (int)i), REC[i].update != NULL);
	for (size_t i = 0; later && i < sizeof REC_LATER / sizeof REC_LATER[0]; i++)
		if (col_text(st, (int)(N_REC + i)))
			fn(ctx, REC_LATER[i], col_text(st, (int)(N_REC + i)), false);
	sqlite3_reset(st);
	if (!(st = store_stmt(s, case_materials_shared(s) ? SQL_MATS : SQL_MATS_OLD, err)))
		return BM_EDB;
	sqlite3_bind_int64(st, 1, case_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		long long idx = sqlite3_column_int64(st, 0);
		char key[64];
		int k = snprintf(key, sizeof key, "m.%lld.", idx + 1);   /* then each column's name */
		for (size_t c = 0; c < sizeof MAT_COLS / sizeof MAT_COLS[0]; c++) {
			memcpy(key + k, MAT_COLS[c], strlen(MAT_COLS[c]) + 1);   /* fits: 23 + 11 < 64 */
			fn(ctx, key, col_text(st, (int)c + 1), c >= 5);
		}
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, err, _("reading a case"));
	return BM_OK;
}

static void add_field(void *ctx, const char *key, const char *val, bool moves)
{
	(void)moves;
	flatrec_add(ctx, key, val);   /* keys unique by construction: added without a search */
}

int case_record(bm_store *s, int64_t case_id, flatrec *out, bm_error *err)
{
	memset(out, 0, sizeof *out);
	int rc = case_record_each(s, case_id, add_field, out, err);
	if (rc)
		flatrec_free(out);
	return rc;
}

static void field(crypto_hash_sha256_state *h, const char *v)
{
	char len[32];
	if (!v) {
		crypto_hash_sha256_update(h, (const unsigned char *)"-;", 2);
		return;
	}
	size_t n = strlen(v);
	/* "%zu:" by hand: verify hashes every field of every event */
	char *p = len + sizeof len;
	*--p = ':';
	size_t m = n;
	do
		*--p = (char)('0' + m % 10);
	while ((m /= 10));
	crypto_hash_sha256_update(h, (const unsigned char *)p, (unsigned long long)(len + sizeof len - p));
	crypto_hash_sha256_update(h, (const unsigned char *)v, n);
	crypto_hash_sha256_update(h, (const unsigned char *)";", 1);
}

void event_hash(const char *prev, int64_t id, const char *case_no, const char *at,
		const char *clerk, const char *type, const char *details, const char *reason,
		char out[65])
{
	crypto_hash_sha256_state h;
	unsigned char md[crypto_hash_sha256_BYTES];
	char idbuf[32];
	snprintf(idbuf, sizeof idbuf, "%lld", (long long)id);
	crypto_hash_sha256_init(&h);
	field(&h, prev);
	field(&h, idbuf);
	field(&h, case_no);
	field(&h, at);
	field(&h, clerk);
	field(&h, type);
	field(&h, details);
	field(&h, reason);
	crypto_hash_sha256_final(&h, md);
	sodium_bin2hex(out, 65, md, sizeof md);
}

int event_append(bm_store *s, int64_t case_id, const char *at, const char *clerk,
		 const char *type, const char *details, const char *reason, bm_error *err)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT id, hash, at FROM events ORDER BY id DESC LIMIT 1", err);
	if (!st)
		return BM_EDB;
	char prev[65] = LEDGER_GENESIS;
	char last_at[40] = "";
	int64_t id = 1;
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		id = sqlite3_column_int64(st, 0) + 1;
		snprintf(prev, sizeof prev, "%s", col_text(st, 1) ? col_text(st, 1) : "");
		snprintf(last_at, sizeof last_at, "%s", col_text(st, 2) ? col_text(st, 2) : "");
	} else if (rc != SQLITE_DONE) {
		sqlite3_reset(st);
		return store_fail(s, err, _("writing the ledger"));
	}
	sqlite3_reset(st);
	/* the clock is not believed blindly (ledger_clock.c), measured from
	 * the newest event that is itself in order (not a PIN lock, whose
	 * time a guesser's clock may have set) */
	if (last_at[0]) {
		if (!(st = store_stmt(s, "SELECT at FROM events WHERE type <> 'clerk_lock' ORDER BY id DESC LIMIT 1", err)))
			return BM_EDB;
		last_at[0] = '\0';
		if (sqlite3_step(st) == SQLITE_ROW)
			snprintf(last_at, sizeof last_at, "%s", col_text(st, 0) ? col_text(st, 0) : "");
		sqlite3_reset(st);
	}
	if ((rc = clock_event_ok(last_at[0] ? last_at : NULL, at, type, err)))
		return rc;

	char *case_no = NULL;
	if (case_id) {
		if (!(st = store_stmt(s, "SELECT no FROM cases WHERE id = ?", err)))
			return BM_EDB;
		sqlite3_bind_int64(st, 1, case_id);
		if (sqlite3_step(st) == SQLITE_ROW)
			case_no = col_dup(st, 0);
		sqlite3_reset(st);
		if (!case_no)
			return bm_fail(err, BM_ENOTFOUND, _("No case with id %lld."), (long long)case_id);
	}
	char hash[65];
	event_hash(prev, id, case_no, at, clerk, type, details, reason, hash);
	free(case_no);

	/* the hash covers the logical details; an intake is kept compact
	 * (event_details.c) once the file is at the compact schema */
	bool compact = events_compact(s);
	char *stored = NULL;
	if (compact && case_id && strcmp(type, "intake") == 0 &&
	    event_details_compact(s, case_id, details, &stored, err))
		return BM_EDB;
	st = compact ? store_stmt(s, "INSERT INTO events (id, case_id, at, clerk, type, details, reason, hash)"
				  " VALUES (?, ?, ?, ?, ?, ?, ?, ?9)", err)
		     : store_stmt(s, "INSERT INTO events (id, case_id, at, clerk, type, details, reason, prev_hash, hash)"
				  " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", err);
	if (!st) {
		free(stored);
		return BM_EDB;
	}
	sqlite3_bind_int64(st, 1, id);
	if (case_id)
		sqlite3_bind_int64(st, 2, case_id);
	else
		sqlite3_bind_null(st, 2);
	st_text(st, 3, at);
	st_text(st, 4, clerk);
	st_text(st, 5, type);
	st_text(st, 6, stored ? stored : details);
	st_text(st, 7, reason);
	if (!compact)
		st_text(st, 8, prev);
	st_text(st, 9, hash);
	rc = store_write(s, st, err, _("writing the ledger"));
	free(stored);
	return rc;
}

bool events_compact(bm_store *s)
{
	return !store_has_column(s, "events", "prev_hash");
}
