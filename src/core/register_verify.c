/* register_verify.c - verify's check of the books: every reg_entries row
 * equals the record its last reg_* event holds, and every entry the chain
 * names has its row (the replay is ledger_replay.c's; ledger_int.h). */
#include "ledger_int.h"
#include "ledger_replay.h"
#include "register_int.h"
#include "bianmin/ledger.h"

static void row_record(sqlite3_stmt *st, flatrec *r)
{
	reg_entry e;
	reg_from_row(st, &e);
	reg_to_record(&e, r);
	reg_entry_free(&e);
}

static const replay_kind ENTRIES = {
	.table = "reg_entries", .rows_sql = "SELECT id, " REG_COLS " FROM reg_entries ORDER BY no",
	.key = "no", .key_path = "$.no", .type_glob = "reg_*", .is_type = reg_event_type,
	.row_record = row_record,
	.no_event = N_("book entry %s has no event in the ledger (added behind bianmin's back)"),
	.missing = N_("book entry %s is in the ledger but missing from the database"),
	.differs = N_("book entry %s: %s is \"%s\" in the database but the ledger says \"%s\""),
};

int reg_replay_check(bm_store *s, ledger_problem *p, bm_error *err)
{
	return replay_check(s, &ENTRIES, p, err);
}
