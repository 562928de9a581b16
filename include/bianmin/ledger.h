/* ledger.h - the ledger's guarantees: verify (hash chain, case rows and
 * receipts against the events, gapless receipt numbers, integrity_check),
 * receipt voids (作废), and online backup.
 *
 * Each event's hash is SHA-256 (hex) over the previous event's hash and
 * the event's own fields (id, case number, time, clerk, type, details,
 * reason) in a length-prefixed serialization.  The intake event's details
 * hold the whole case record (applicant, item snapshot, materials, kind,
 * due date, fee, receipt); each later event holds the fields it changed;
 * so replaying a case's events must give exactly its current rows. */
#ifndef BIANMIN_LEDGER_H
#define BIANMIN_LEDGER_H

#include "bianmin/auth.h"
#include "bianmin/store.h"

typedef struct ledger_problem {
	int64_t event_id;       /* 0 when not about one event */
	char case_no[64];       /* "" when not about one case */
	char at[32];            /* the event's time, "" when none */
	char what[512];         /* a sentence: what is wrong */
} ledger_problem;

/* Verify the whole file.  Returns BM_OK with *ok true and head (>= 65
 * bytes) the chain head hash (64 zeros for an empty ledger), or BM_OK with
 * *ok false and the FIRST problem in prob; another code + err when the
 * check itself could not run. */
int ledger_verify(bm_store *s, bool *ok, char *head, ledger_problem *prob, bm_error *err);

/* Void (作废) a receipt: a new row pointing to the original, plus an
 * event on its case.  Supervisors and admins only (BM_EDENIED), with a
 * non-empty reason (BM_EINVAL); BM_ESTATE if already voided. */
int ledger_receipt_void(bm_store *s, const bm_clerk *actor, const char *receipt_no,
			const char *reason, bm_time now, bm_error *err);

/* Online backup (sqlite3_backup) to a NEW file (mode 0600); refuses to
 * overwrite an existing one (BM_EIO). */
int ledger_backup(bm_store *s, const char *path, bm_error *err);

#endif
