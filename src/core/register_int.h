/* register_int.h - (internal) the register's row <-> entry <-> record
 * helpers shared by register_write.c, register_query.c and
 * register_verify.c. */
#ifndef BIANMIN_REGISTER_INT_H
#define BIANMIN_REGISTER_INT_H

#include "bianmin/register.h"
#include "flatrec.h"
#include "store_int.h"

/* Every column in reg_field order (after id). */
#define REG_COLS "no, book, state, opened_at, opened_day, clerk, person, id_no, phone, village," \
	" subject, answer, window, named_clerk, channel, flags, at_day, at_time, due, closed_day," \
	" case_no, ref, extra"

/* Row (id, REG_COLS...) -> entry. */
void reg_from_row(sqlite3_stmt *st, reg_entry *e);
/* The entry as the ledger records it: each field's key -> value. */
void reg_to_record(const reg_entry *e, flatrec *r);
/* Load without looking at who reads; BM_ENOTFOUND when absent. */
int reg_load_raw(bm_store *s, const char *no, reg_entry *e, bm_error *err);
/* What actor may see of e: 0 nothing (a complaint naming them), 1 all but
 * the complainant (clerks, for complaints), 2 everything. */
int reg_visibility(const bm_clerk *actor, const reg_entry *e);
/* Blank the complainant's fields (person, id_no, phone) and set masked. */
void reg_mask(reg_entry *e);
bool reg_event_type(const char *type);

#endif
