/* item_uses.c - how often this window took each item lately, so that the
 * item search lists what the window does most first (item_find.h). */
#include "bianmin/item_find.h"

#include "store_int.h"

#include <string.h>

int item_find_uses(bm_store *s, const bm_catalog *c, const char *window, const char *clerk, bm_day since,
		   int *uses, bm_error *err)
{
	memset(uses, 0, c->n_items * sizeof *uses);
	bool by_window = window && *window;
	sqlite3_stmt *st = store_stmt(s,
		"SELECT iv.item_code, count(*) FROM cases c" CASE_ITEM_JOIN " WHERE c.accepted_day >= ?1"
		" AND (CASE WHEN ?2 IS NOT NULL"
		"  THEN c.first_clerk IN (SELECT code FROM clerks WHERE \"window\" = ?2)"
		"  ELSE c.first_clerk = ?3 END)"
		" GROUP BY iv.item_code",
		err);
	if (!st)
		return BM_EDB;
	char d[11];
	st_text(st, 1, day_or_null(since, d));
	st_text(st, 2, by_window ? window : NULL);
	st_text(st, 3, clerk);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *code = col_text(st, 0);
		for (size_t i = 0; code && i < c->n_items; i++)
			if (strcmp(c->items[i].code, code) == 0)
				uses[i] = sqlite3_column_int(st, 1);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, err, _("counting the items taken lately"));
	return BM_OK;
}
