/* ledger_replay.h - (internal) a register rebuilt from its events about no
 * case and compared with its table, for verify and for migration 3: the
 * clerks (clerk_ledger.c), the village agents (agent_ledger.c) and the
 * book entries (register_verify.c).  Each event of a register holds its
 * row's whole record after the change, so the newest readable event of a
 * key is what that row must be.
 *
 * Streaming, keyed: the table's rows in key order (its UNIQUE index) are
 * merged with the register's events in (key, newest first) order, the key
 * read from the details by json_extract and the order made by SQLite
 * (which spills to disk when it must).  One row and one event are in
 * memory at a time; each costs O(log n). */
#ifndef BIANMIN_LEDGER_REPLAY_H
#define BIANMIN_LEDGER_REPLAY_H

#include "flatrec.h"
#include "store_int.h"

struct ledger_problem;

typedef struct replay_kind {
	const char *table;        /* its table; none in an older file = no rows */
	const char *rows_sql;     /* the rows, ORDER BY the key's column */
	const char *row_sql;      /* the same columns, one row: WHERE key = ? */
	const char *key;          /* the record key naming a row: "clerk.code", "no" */
	const char *key_path;     /* the same as a JSON path: "$.\"clerk.code\"", "$.no" */
	const char *type_glob;    /* its events' types: "clerk_*" (then is_type) */
	bool (*is_type)(const char *type);
	void (*row_record)(sqlite3_stmt *row, flatrec *out);   /* the row's record */
	/* notes (x.* keys) an event of the row carries besides its record;
	 * NULL = none */
	void (*row_notes)(sqlite3_stmt *row, flatrec *rec);
	/* more checks of a row against its newest event's whole details (x.*
	 * keys too), after the record matched: 0, or 1 with p filled; NULL =
	 * none */
	int (*extra)(sqlite3_stmt *row, const flatrec *ev, int64_t id, const char *at, const char *key,
		     struct ledger_problem *p);
	/* the sentences, marked N_(): a row no event names (%s the key); an
	 * event's key with no row (%s); a field that differs (%s key, field,
	 * the row's value, the ledger's) */
	const char *no_event, *missing, *differs;
} replay_kind;

/* One key of the merge: its row (row, the statement positioned on it, and
 * cur, its record; both NULL when none) and its newest readable event (ev
 * NULL when none; ev holds the whole details).  Nonzero stops the walk
 * and is returned. */
typedef int (*replay_visit)(void *ctx, const replay_kind *k, sqlite3_stmt *row, const flatrec *cur,
			    const char *key, const flatrec *ev, int64_t id, const char *at);
/* Walk every key of rows and events in key order: 0 done, the visitor's
 * nonzero, or -1 on a database error (err filled). */
int replay_walk(bm_store *s, const replay_kind *k, replay_visit fn, void *ctx, bm_error *err);

/* Append an event about no case (inside the caller's transaction) whose
 * details are the record of k's row named key, k->row_notes, then notes
 * (x.* keys; may be NULL).  what: the error's context, translated. */
int replay_append(bm_store *s, const replay_kind *k, const char *key, const flatrec *notes, const char *by,
		  const char *type, const char *reason, bm_time now, const char *what, bm_error *err);

/* verify: every row equals its replay and every replayed key has a row:
 * 0 ok, 1 problem (in p), -1 error. */
int replay_check(bm_store *s, const replay_kind *k, struct ledger_problem *p, bm_error *err);

#endif
