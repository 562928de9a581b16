/* register_verify.c - verify's check of the books: every reg_entries row
 * equals the record its last reg_* event holds, and every entry the chain
 * names has its row (ledger.c replays the events; ledger_int.h). */
#include "ledger_int.h"
#include "register_int.h"
#include "bianmin/ledger.h"

#include <string.h>

/* A file of a schema before the books has no reg_entries table. */
static int has_table(bm_store *s)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(store_db(s), "SELECT count(*) FROM sqlite_master WHERE type = 'table'"
			       " AND name = 'reg_entries'", -1, &st, NULL) != SQLITE_OK)
		return -1;
	int n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
	sqlite3_finalize(st);
	return n;
}

int reg_replay_check(bm_store *s, clerk_replay *r, ledger_problem *p, bm_error *err)
{
	sqlite3_stmt *st;
	int has = has_table(s);
	if (has < 0)
		return store_fail(s, err, _("verifying the ledger")), -1;
	if (has == 0)   /* older file: then the chain must name no entry either */
		return r->n ? verify_problem(p, r->event[0], NULL, r->at[0],
					     _("book entry %s is in the ledger but missing from the database"),
					     flatrec_get(&r->rec[0], "no", NULL))
			    : 0;
	if (sqlite3_prepare_v2(store_db(s), "SELECT id, " REG_COLS " FROM reg_entries ORDER BY id", -1, &st,
			       NULL) != SQLITE_OK)
		return store_fail(s, err, _("verifying the ledger")), -1;
	int rc, res = 0;
	while (!res && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		reg_entry e;
		reg_from_row(st, &e);
		const char *no = reg_get(&e, RF_NO);
		size_t i = clerk_replay_find(r, no);
		if (i == r->n) {
			res = verify_problem(p, 0, NULL, NULL, _("book entry %s has no event in the ledger (added behind bianmin's back)"), no);
			reg_entry_free(&e);
			break;
		}
		r->seen[i] = true;
		flatrec cur;
		reg_to_record(&e, &cur);
		const char *a, *b;
		const char *key = flatrec_diff(&r->rec[i], &cur, &a, &b);
		if (key)
			res = verify_problem(p, r->event[i], NULL, r->at[i],
					     _("book entry %s: %s is \"%s\" in the database but the ledger says \"%s\""),
					     no, key, b ? b : "null", a ? a : "null");
		flatrec_free(&cur);
		reg_entry_free(&e);
	}
	if (!res && rc != SQLITE_DONE) {
		store_fail(s, err, _("verifying the ledger"));
		res = -1;
	}
	sqlite3_finalize(st);
	for (size_t i = 0; !res && i < r->n; i++)
		if (!r->seen[i])
			res = verify_problem(p, r->event[i], NULL, r->at[i],
					     _("book entry %s is in the ledger but missing from the database"),
					     flatrec_get(&r->rec[i], "no", NULL));
	return res;
}
