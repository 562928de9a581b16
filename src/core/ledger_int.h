/* ledger_int.h - (internal) the hash chain and the canonical case record
 * shared by cases.c (writing) and ledger.c (verifying). */
#ifndef BIANMIN_LEDGER_INT_H
#define BIANMIN_LEDGER_INT_H

#include "flatrec.h"
#include "store_int.h"

#define LEDGER_GENESIS "0000000000000000000000000000000000000000000000000000000000000000"

/* SHA-256 hex over prev and the event's fields, each length-prefixed
 * ("<len>:<bytes>;", NULL as "-;") in this order: prev, id, case_no, at,
 * clerk, type, details, reason. */
void event_hash(const char *prev, int64_t id, const char *case_no, const char *at,
		const char *clerk, const char *type, const char *details, const char *reason,
		char out[65]);

/* Append an event (inside the caller's transaction): id = last + 1,
 * prev_hash = the last event's hash.  case_id 0 = not about a case. */
int event_append(bm_store *s, int64_t case_id, const char *at, const char *clerk,
		 const char *type, const char *details, const char *reason, bm_error *err);

/* The case record as the rows say now: every column of the case (record
 * keys as in case_record_keys) and "m.N.field" for each material. */
int case_record(bm_store *s, int64_t case_id, flatrec *out, bm_error *err);

/* Record key <-> cases column, for keys that issue 6 may change. */
const char *case_record_column(const char *key);

#endif
