/* clerk_month.c - a clerk's own month (clerk_month.h), and it as CSV
 * (the month by window is lifecycle.h's lc_report_csv). */
#include "bianmin/clerk_month.h"

#include "store_int.h"

#include <stdio.h>
#include <string.h>

int clerk_month_load(bm_store *s, const char *clerk, int year, int month, bm_day today, clerk_month *out,
		     bm_error *err)
{
	memset(out, 0, sizeof *out);
	out->year = year;
	out->month = month;
	char from[32], to[32], now[16];
	snprintf(from, sizeof from, "%04d-%02d-01", year, month);
	snprintf(to, sizeof to, "%04d-%02d-01", month == 12 ? year + 1 : year, month == 12 ? 1 : month + 1);
	bm_day_format(today, now);
	sqlite3_stmt *st = store_stmt(s,
		"SELECT (SELECT count(*) FROM cases WHERE first_clerk = ?1 AND accepted_day >= ?2 AND accepted_day < ?3),"
		" (SELECT count(*) FROM cases WHERE first_clerk = ?1 AND accepted_day >= ?2 AND accepted_day < ?3"
		"   AND kind = 'returned'),"
		" (SELECT count(*) FROM cases WHERE owner_clerk = ?1 AND state = 'completed'"
		"   AND completed_day >= ?2 AND completed_day < ?3),"
		" (SELECT count(*) FROM cases WHERE owner_clerk = ?1"
		"   AND state NOT IN ('completed','returned','withdrawn')),"
		" (SELECT count(*) FROM cases WHERE owner_clerk = ?1"
		"   AND state NOT IN ('completed','returned','withdrawn') AND due IS NOT NULL AND due < ?4),"
		" (SELECT count(*) FROM receipts r WHERE r.no IS NOT NULL AND r.clerk = ?1"
		"   AND r.at >= ?2 AND r.at < ?3"
		"   AND NOT EXISTS (SELECT 1 FROM receipts v WHERE v.voids = r.id)),"
		" (SELECT coalesce(sum(amount_fen), 0) FROM receipts r WHERE r.no IS NOT NULL AND r.clerk = ?1"
		"   AND r.at >= ?2 AND r.at < ?3"
		"   AND NOT EXISTS (SELECT 1 FROM receipts v WHERE v.voids = r.id))",
		err);
	if (!st)
		return BM_EDB;
	st_text(st, 1, clerk);
	st_text(st, 2, from);
	st_text(st, 3, to);
	st_text(st, 4, now);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->received = sqlite3_column_int(st, 0);
		out->returned = sqlite3_column_int(st, 1);
		out->completed = sqlite3_column_int(st, 2);
		out->open_now = sqlite3_column_int(st, 3);
		out->overdue_now = sqlite3_column_int(st, 4);
		out->receipts = sqlite3_column_int(st, 5);
		out->fees_fen = sqlite3_column_int64(st, 6);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return store_fail(s, err, _("counting the clerk's month"));
	return BM_OK;
}

static void csv_cell(bm_buf *b, const char *s, bool last)
{
	s = s ? s : "";
	if (strpbrk(s, ",\"\r\n")) {
		bm_buf_printf(b, "\"");
		for (; *s; s++)
			bm_buf_printf(b, *s == '"' ? "\"\"" : "%c", *s);
		bm_buf_printf(b, "\"");
	} else {
		bm_buf_printf(b, "%s", s);
	}
	bm_buf_printf(b, last ? "\r\n" : ",");
}

char *clerk_month_csv(const clerk_month *m, const char *clerk)
{
	bm_buf b = {0};
	char month[16], n[7][24], fee[24];
	snprintf(month, sizeof month, "%04d-%02d", m->year, m->month);
	bm_buf_printf(&b, "\xEF\xBB\xBF");
	const char *head[] = {"month", "clerk", "received", "returned", "completed", "open_now", "overdue_now",
			      "receipts", "fees_yuan"};
	for (size_t i = 0; i < 9; i++)
		csv_cell(&b, head[i], i == 8);
	snprintf(n[0], 24, "%d", m->received);
	snprintf(n[1], 24, "%d", m->returned);
	snprintf(n[2], 24, "%d", m->completed);
	snprintf(n[3], 24, "%d", m->open_now);
	snprintf(n[4], 24, "%d", m->overdue_now);
	snprintf(n[5], 24, "%d", m->receipts);
	csv_cell(&b, month, false);
	csv_cell(&b, clerk, false);
	for (int i = 0; i < 6; i++)
		csv_cell(&b, n[i], false);
	csv_cell(&b, bm_money_format(m->fees_fen, fee), true);
	return bm_buf_steal(&b);
}
