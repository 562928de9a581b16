/* counters.c - case and receipt numbers come from the counters table, but
 * the rows are the truth: a counter reset or deleted behind bianmin's back
 * (UPDATE counters SET value = 0) is repaired from the rows when it is
 * next used, instead of failing every intake with "UNIQUE constraint
 * failed"; verify names a counter that disagrees with the rows. */
#include "ledger_int.h"
#include "bianmin/ledger.h"

#include <stdio.h>
#include <string.h>

/* The highest number in use: the `sql` query bound with prefix and end
 * (an index range on a UNIQUE number), or 0. */
static int highest(bm_store *s, const char *sql, const char *prefix, const char *end, int64_t *out,
		   bm_error *err)
{
	sqlite3_stmt *st = store_stmt(s, sql, err);
	if (!st)
		return BM_EDB;
	st_text(st, 1, prefix);
	st_text(st, 2, end);
	sqlite3_bind_int(st, 3, (int)strlen(prefix));
	int rc = sqlite3_step(st);
	*out = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? BM_OK : store_fail(s, err, _("numbering"));
}

static int exists(bm_store *s, const char *sql, const char *no, bool *yes, bm_error *err)
{
	sqlite3_stmt *st = store_stmt(s, sql, err);
	if (!st)
		return BM_EDB;
	st_text(st, 1, no);
	int rc = sqlite3_step(st);
	*yes = rc == SQLITE_ROW;
	sqlite3_reset(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? BM_OK : store_fail(s, err, _("numbering"));
}

static int set_counter(bm_store *s, const char *name, int64_t v, bm_error *err)
{
	sqlite3_stmt *st = store_stmt(s, "INSERT INTO counters (name, value) VALUES (?1, ?2)"
				      " ON CONFLICT (name) DO UPDATE SET value = ?2", err);
	if (!st)
		return BM_EDB;
	st_text(st, 1, name);
	sqlite3_bind_int64(st, 2, v);
	return store_write(s, st, err, _("numbering"));
}

/* Next number from counter `name` for numbers "<prefix><seq, width>";
 * when that one is taken, the highest in use + 1 (and the counter set so). */
static int next(bm_store *s, const char *name, const char *prefix, int width, const char *exists_sql,
		const char *highest_sql, int64_t *seq, bm_error *err)
{
	int rc = store_counter_next(s, name, seq, err);
	if (rc)
		return rc;
	char no[128];
	snprintf(no, sizeof no, "%s%0*lld", prefix, width, (long long)*seq);
	bool taken;
	if ((rc = exists(s, exists_sql, no, &taken, err)) || !taken)
		return rc;
	char end[128];
	snprintf(end, sizeof end, "%s", prefix);
	end[strlen(end) - 1]++;   /* "QS-20260930-" .. "QS-20260930." */
	int64_t top;
	if ((rc = highest(s, highest_sql, prefix, end, &top, err)))
		return rc;
	*seq = top + 1;
	return set_counter(s, name, *seq, err);
}

int counter_next_case(bm_store *s, const char *center, int y, int m, int d, int64_t *seq, bm_error *err)
{
	char name[96], prefix[96];
	snprintf(name, sizeof name, "case:%s:%04d%02d%02d", center, y, m, d);
	snprintf(prefix, sizeof prefix, "%s-%04d%02d%02d-", center, y, m, d);
	return next(s, name, prefix, 4, "SELECT 1 FROM cases WHERE no = ?",
		    "SELECT max(CAST(substr(no, ?3 + 1) AS INTEGER)) FROM cases WHERE no >= ?1 AND no < ?2",
		    seq, err);
}

int counter_next_receipt(bm_store *s, int y, int64_t *seq, bm_error *err)
{
	char name[32], prefix[32];
	snprintf(name, sizeof name, "receipt:%04d", y);
	snprintf(prefix, sizeof prefix, "%04d-", y);
	return next(s, name, prefix, 6, "SELECT 1 FROM receipts WHERE no = ?",
		    "SELECT max(seq) FROM receipts WHERE no >= ?1 AND no < ?2 AND ?3 > 0", seq, err);
}

/* verify: each counter equals the highest number its rows use. */
int counters_check(bm_store *s, ledger_problem *p, bm_error *err)
{
	static const char SQL[] =
		"WITH k(no, ymd) AS (SELECT no, replace(accepted_day, '-', '') FROM cases),"
		" want(name, top) AS ("
		"  SELECT 'case:' || substr(no, 1, instr(no, '-' || ymd || '-') - 1) || ':' || ymd,"
		"         max(CAST(substr(no, instr(no, '-' || ymd || '-') + 10) AS INTEGER))"
		"  FROM k GROUP BY 1"
		"  UNION ALL SELECT printf('receipt:%04d', year), max(seq) FROM receipts WHERE no IS NOT NULL GROUP BY year)"
		" SELECT w.name, w.top, c.value FROM want w LEFT JOIN counters c ON c.name = w.name"
		" WHERE c.value IS NOT w.top"
		" UNION ALL SELECT c.name, NULL, c.value FROM counters c WHERE c.value <> 0"
		"  AND c.name NOT IN (SELECT name FROM want) AND (c.name LIKE 'case:%' OR c.name LIKE 'receipt:%')"
		" LIMIT 1";
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(store_db(s), SQL, -1, &st, NULL) != SQLITE_OK)
		return store_fail(s, err, _("verifying the ledger")), -1;
	int rc = sqlite3_step(st), res = 0;
	if (rc == SQLITE_ROW) {
		const char *name = col_text(st, 0);
		char top[24] = "none";
		if (sqlite3_column_type(st, 1) != SQLITE_NULL)
			snprintf(top, sizeof top, "%lld", (long long)sqlite3_column_int64(st, 1));
		res = sqlite3_column_type(st, 2) == SQLITE_NULL
			? verify_problem(p, 0, NULL, NULL, _("the counter %s is missing; the highest number it gave is %s"), name, top)
			: verify_problem(p, 0, NULL, NULL, _("the counter %s says %lld but the highest number it gave is %s: it was changed behind bianmin's back (the next intake repairs it)"),
					 name, (long long)sqlite3_column_int64(st, 2), top);
	} else if (rc != SQLITE_DONE) {
		store_fail(s, err, _("verifying the ledger"));
		res = -1;
	}
	sqlite3_finalize(st);
	return res;
}
