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

/* Does this file keep events compact (the migration of issue 17: no
 * prev_hash column, each intake kept as its moving values)? */
bool events_compact(bm_store *s);
/* Does a record key move after the intake (case_apply may set it, or a
 * material's state/changed_at), or is it the snapshot? */
bool record_key_moves(const char *key);
/* A compact intake's values as an object of its moving keys (the record's
 * in order, then m.N.state and m.N.changed_at of each material), read
 * without the case's rows: what a loaded case's intake event holds (the
 * rest of the record is the case's own fields).  malloc'd. */
char *record_moving_object(const char *stored);
/* event_details.c: an intake's logical details (what its hash covers)
 * kept as the values of its moving keys, and read back.  compact: *stored
 * is NULL when the text cannot be kept compact exactly.  expand: *logical
 * is the stored text itself for any other event (malloc'd either way). */
int event_details_compact(bm_store *s, int64_t case_id, const char *logical, char **stored, bm_error *err);
int event_details_expand(bm_store *s, int64_t case_id, const char *type, const char *stored, char **logical,
			 bm_error *err);
bool event_details_compacted(const char *type, const char *stored);
/* The same from the case's record as the rows say now (case_record). */
char *event_details_expand_rec(const flatrec *cur, const char *stored);
/* The record flatrec_parse reads from event_details_expand_rec's text,
 * built directly: false when that text would not parse (out empty). */
bool event_details_record(const flatrec *cur, const char *stored, flatrec *out);

/* The case record as the rows say now: every column of the case (record
 * keys as in case_record_keys) and "m.N.field" for each material. */
int case_record(bm_store *s, int64_t case_id, flatrec *out, bm_error *err);
/* The same keys and values in the same order, each given to fn with
 * whether it moves (record_key_moves), without building the record. */
typedef void (*case_field_fn)(void *ctx, const char *key, const char *val, bool moves);
int case_record_each(bm_store *s, int64_t case_id, case_field_fn fn, void *ctx, bm_error *err);

/* ---- clerks in the chain (clerk_ledger.c) ----------------------------
 * Adding, disabling a clerk and setting a PIN append an event about no
 * case, type clerk_add | clerk_disable | clerk_pin (clerk_import: recorded
 * by migration 3 for clerks of an older file), whose details are the
 * clerk's whole record after the change: clerk.code, clerk.name,
 * clerk.window, clerk.role, clerk.active ("1"/"0"), and for clerk_pin
 * x.pin = "changed" (by the clerk) or "reset" (by an admin), and x.pin_tag
 * (a BLAKE2b of the PIN hash, checked by verify).  Never the PIN or its
 * hash. */
int clerk_event(bm_store *s, const char *by, const char *type, const char *code,
		const char *pin, bm_time now, bm_error *err);
int clerk_ledger_import(bm_store *s, bm_error *err);
bool clerk_event_type(const char *type);

/* ---- 日结 (day_close.c, day_book.c) ----------------------------------
 * The receipts issued on day by clerk (NULL = all) and the day's close, if
 * any: the raw material of ledger_day (day_book.c), which adds what a
 * close carries over and gives a closed day as its close recorded it. */
struct day_sheet;
int ledger_day_issued(bm_store *s, bm_day day, const char *clerk, struct day_sheet *out, bm_error *err);

/* verify found something: fill p (case_no, at may be NULL); returns 1. */
struct ledger_problem;
int verify_problem(struct ledger_problem *p, int64_t ev, const char *case_no, const char *at,
		   const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* verify: every clerks row equals the record of its newest clerk event
 * (and the PIN hash its x.pin_tag), and every clerk the events name has a
 * row: 0 ok, 1 problem (in p), -1 error (ledger_replay.h). */
int clerk_replay_check(bm_store *s, struct ledger_problem *p, bm_error *err);

/* ---- the books in the chain (register_verify.c) ---------------------
 * Every change of a book entry is an event about no case, type reg_*,
 * whose details are the entry's whole row after it; replayed keyed by
 * "no" (the last event of an entry wins; ledger_replay.h). */
bool reg_event_type(const char *type);
int reg_replay_check(bm_store *s, struct ledger_problem *p, bm_error *err);

/* ---- agents in the chain (agent_ledger.c, issue 14) ------------------
 * Adding and disabling a village agent append an event about no case,
 * type agent_add | agent_disable, whose details are the agent's whole
 * record after the change: agent.code, agent.village, agent.name,
 * agent.id_no, agent.phone, agent.from, agent.to, agent.active. */
int agent_event(bm_store *s, const char *by, const char *type, const char *code,
		const char *reason, bm_time now, bm_error *err);
bool agent_event_type(const char *type);
int agent_replay_check(bm_store *s, struct ledger_problem *p, bm_error *err);

/* ---- the clock (ledger_clock.c) ---- */
/* A new event at `at` after the newest at last_at (NULL: none): BM_OK, or
 * BM_EINVAL with a sentence (out of 2000-2099, or back in time). */
int clock_event_ok(const char *last_at, const char *at, const char *type, bm_error *err);
typedef struct clock_order { bool have; int64_t last; } clock_order;
/* verify: the same order along the chain; 1 with p filled, else 0. */
int clock_verify_step(clock_order *c, int64_t id, const char *at, const char *type, const char *case_no,
		      struct ledger_problem *p);

/* ---- numbers (counters.c) ---- */
/* The next case / receipt number, repaired from the rows when the counter
 * was reset behind bianmin's back. */
int counter_next_case(bm_store *s, const char *center, int y, int m, int d, int64_t *seq, bm_error *err);
int counter_next_receipt(bm_store *s, int y, int64_t *seq, bm_error *err);
/* verify: 0 ok, 1 problem (in p), -1 error. */
int counters_check(bm_store *s, struct ledger_problem *p, bm_error *err);

/* The constant UPDATE that sets a record key case_apply may change, or
 * NULL when the key is not one of those. */
const char *case_record_update_sql(const char *key);


#endif
