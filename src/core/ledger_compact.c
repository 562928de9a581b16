/* ledger_compact.c - the C half of the migration that compacts the events
 * (issue 17, store_schema_events_compact): each intake, copied into the
 * new events table as it was, is kept as its moving values when they read
 * back to the very same text (event_details.c), then the old table goes.
 * Runs inside the migration's transaction: all of it or nothing. */
#include "ledger_int.h"

#include <stdlib.h>

int ledger_compact_events(bm_store *s, bm_error *err)
{
	sqlite3_stmt *rd = NULL, *up = NULL;
	sqlite3 *db = store_db(s);
	int rc = BM_OK;
	if (sqlite3_prepare_v2(db, "SELECT id, case_id, details FROM events WHERE type = 'intake'"
			       " AND case_id IS NOT NULL ORDER BY id", -1, &rd, NULL) != SQLITE_OK ||
	    sqlite3_prepare_v2(db, "UPDATE events_compact SET details = ?1 WHERE id = ?2", -1, &up, NULL) != SQLITE_OK) {
		rc = store_fail(s, err, _("upgrading the database"));
		goto out;
	}
	int step;
	while ((step = sqlite3_step(rd)) == SQLITE_ROW) {
		char *stored = NULL;
		if ((rc = event_details_compact(s, sqlite3_column_int64(rd, 1), col_text(rd, 2), &stored, err))) {
			if (rc != BM_ENOTFOUND)
				goto out;
			rc = BM_OK;   /* an intake of no case: kept as it is, verify names it */
			continue;
		}
		if (!stored)
			continue;
		st_text(up, 1, stored);
		sqlite3_bind_int64(up, 2, sqlite3_column_int64(rd, 0));
		int w = sqlite3_step(up);
		sqlite3_reset(up);
		free(stored);
		if (w != SQLITE_DONE) {
			rc = store_fail(s, err, _("upgrading the database"));
			goto out;
		}
	}
	if (step != SQLITE_DONE) {
		rc = store_fail(s, err, _("upgrading the database"));
		goto out;
	}
	sqlite3_finalize(rd);
	rd = NULL;
	if (sqlite3_exec(db, store_schema_events_compact_end, NULL, NULL, NULL) != SQLITE_OK)
		rc = store_fail(s, err, _("upgrading the database"));
out:
	sqlite3_finalize(rd);
	sqlite3_finalize(up);
	return rc;
}
