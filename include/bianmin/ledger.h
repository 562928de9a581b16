/* ledger.h - the ledger's guarantees: verify (hash chain, case rows and
 * receipts against the events, gapless receipt numbers, integrity_check),
 * receipt voids (作废), and online backup.
 *
 * Each event's hash is SHA-256 (hex) over the previous event's hash and
 * the event's own fields (id, case number, time, clerk, type, details,
 * reason) in a length-prefixed serialization.  Events about no case:
 * the 日结 (day_close) and every clerk change (clerk_add, clerk_disable,
 * clerk_pin; the clerk's record after it, never the PIN), which verify
 * compares against the clerks table, and every change of the village
 * agents' register (agent_add, agent_disable; agent.h), compared against
 * the agents table.  The intake event's details
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
/* Same, and also: an event whose hash starts with anchor (16 to 64 hex
 * digits, e.g. the 台账校验码 of a 日结单) is in the chain -- events deleted
 * from the end of the chain are found no other way.  BM_EINVAL for a
 * malformed anchor; *anchor_event (may be NULL) = the event it names. */
int ledger_verify_anchor(bm_store *s, const char *anchor, bool *ok, char *head, int64_t *anchor_event,
			 ledger_problem *prob, bm_error *err);

/* ---- verify, in constant memory (issue 17) ----------------------------
 * Streams the chain in event order, then the cases one at a time (each
 * replayed from its own events), then the receipts; memory does not grow
 * with the ledger.  A checkpoint is an event about no case, type
 * "verify_checkpoint" (x.through = the newest event verified, x.hash = its
 * hash, x.case / x.receipt = the highest case and receipt row ids then),
 * that a passing verify appends when asked.  since_checkpoint starts from
 * the newest one: the chain after x.through, the cases with later events,
 * later cases and later receipts -- the work since then, not the decade.
 * The file's page structure (integrity_check) is a full verify's alone. */
typedef struct verify_opts {
	const char *anchor;           /* NULL, or a hash prefix to find (above) */
	bool since_checkpoint;        /* from the newest checkpoint; all when none */
	const char *checkpoint_by;    /* non-NULL: on success append a checkpoint by this 工号 */
	bm_time now;                  /* the checkpoint's time */
} verify_opts;

typedef struct verify_result {
	bool ok;
	char head[65];                /* the chain head hash */
	int64_t head_event;           /* its event */
	int64_t anchor_event;         /* the anchored event, 0 when none */
	int64_t checkpoint;           /* the checkpoint started from, 0 = the whole ledger */
	int64_t from_event;           /* events after this one were checked */
	int64_t events, cases, receipts;  /* how many were checked */
	int64_t written;              /* the checkpoint appended, 0 when none */
} verify_result;

/* BM_OK with r->ok, or r->ok false and the FIRST problem in prob; another
 * code + err when the check could not run (BM_EINVAL: a bad anchor). */
int ledger_verify_run(bm_store *s, const verify_opts *o, verify_result *r, ledger_problem *prob,
		      bm_error *err);

/* Void (作废) a receipt: a new row pointing to the original, plus an
 * event on its case.  Supervisors and admins only (BM_EDENIED), with a
 * non-empty reason (BM_EINVAL); BM_ESTATE if already voided. */
int ledger_receipt_void(bm_store *s, const bm_clerk *actor, const char *receipt_no,
			const char *reason, bm_time now, bm_error *err);

/* ---- 日结 (daily close, day_close.c) ----------------------------------
 * 规范收费, 收支两条线: each day's takings are listed, closed and handed
 * in.  A close is an event of the ledger (type "day_close", about no case:
 * details x.day, x.clerk ("" = the whole center), x.count, x.total_fen,
 * x.receipts = the receipt numbers, comma-separated), so it is in the
 * hash chain and `bianmin verify` covers it; no table of its own. */
typedef struct day_receipt {
	char *no;               /* "2026-000123" */
	char case_no[64];
	char *item_name, *applicant, *clerk;
	int64_t amount_fen;
	bm_time at;
	bool voided;            /* voided (作废) by now: not in the total */
	bool carried;           /* taken after its day's 日结: in this (the next) close */
	bool refund;            /* 退费: a receipt of a closed day voided since; amount < 0 */
} day_receipt;

typedef struct day_sheet {
	bm_day day;
	char *clerk;            /* whose receipts; NULL = the whole center */
	day_receipt *v; size_t n;   /* by receipt number */
	int count;              /* receipts not voided */
	int64_t total_fen;      /* their sum */
	bool closed;            /* a day_close event exists for (day, clerk) */
	bm_time closed_at;
	char *closed_by;        /* 工号 */
	int64_t close_event;    /* the close event: the chain head when it was */
	char close_hash[65];    /* closed, printed as the 台账校验码 anchor */
	int64_t handed_fen;     /* 上缴 recorded for the day (and clerk) */
	char *handed_text;      /* "20.00 元 → 县财政 (缴款单 JK-1)；..."; NULL when none */
} day_sheet;

/* The day's sheet of `clerk` (NULL = everyone) (day_book.c).  A closed
 * day is given exactly as its close recorded it (receipts, voids, count,
 * total), so its printed total never changes.  An open day has the
 * receipts issued that day, plus those taken after an earlier day's close
 * (carried: "a fee after 日结 goes to the next close", looked for 40 days
 * back), plus 退费 lines: receipts of a closed day voided since (negative
 * amounts). */
int ledger_day(bm_store *s, bm_day day, const char *clerk, day_sheet *out, bm_error *err);
void day_sheet_free(day_sheet *d);
/* Close the day: one "day_close" event by actor recording the sheet.
 * BM_ESTATE when (day, clerk) is already closed; BM_EDENIED when actor
 * closes another clerk's day or the whole center's without being a
 * supervisor/admin.  On BM_OK the sheet is re-read (closed = true). */
int ledger_day_close(bm_store *s, const bm_clerk *actor, day_sheet *d, bm_time now, bm_error *err);

struct slip_ctx;
struct bm_center;
/* The 日结单's context (forms/daily_close.tmpl): close_date, clerk, the
 * fees list (no, receipt_no, case_no, item_name, applicant, amount,
 * time, clerk_no, voided = "作废" or ""), count, total (yuan, fen-exact),
 * and once closed: anchor (the close event's hash, 16 hex) and
 * anchor_event (its number), for `bianmin verify --anchor`. */
struct slip_ctx *ledger_day_context(const day_sheet *d, const struct bm_center *center,
				    const bm_clerk *clerk, bm_time now, bool reprint);

/* Is (day, clerk) closed?  (clerk NULL = the center's close.) */
int ledger_day_closed(bm_store *s, bm_day day, const char *clerk, bool *closed, bm_error *err);

/* ---- 上缴 (hand-in, day_book.c) ----------------------------------------
 * Money handed in to the bank or the finance office: an event about no
 * case (type "handin": x.day, x.clerk, x.amount_fen, x.to, x.slip = the
 * bank slip number), shown on the day's sheet and in the month. */
typedef struct day_handin {
	bm_day day;
	char *clerk, *to, *slip, *by;
	int64_t amount_fen;
	bm_time at;
} day_handin;
int ledger_handin(bm_store *s, const bm_clerk *actor, bm_day day, int64_t amount_fen, const char *to,
		  const char *slip, bm_time now, bm_error *err);
/* The hand-ins of days first..last (clerk NULL = all), oldest first. */
int ledger_handins(bm_store *s, bm_day first, bm_day last, const char *clerk, day_handin **out, size_t *n,
		   bm_error *err);
void day_handins_free(day_handin *v, size_t n);

/* Online backup (sqlite3_backup) to a NEW file (mode 0600); refuses to
 * overwrite an existing one (BM_EIO). */
int ledger_backup(bm_store *s, const char *path, bm_error *err);

/* ---- the clock (ledger_clock.c) -------------------------------------
 * An event earlier than the ledger's newest by more than the tolerance
 * (center.yaml clock_tolerance_minutes, default 10), or outside the years
 * 2000-2099, is refused with a sentence, and verify names one.  A
 * supervisor who finds the earlier times were wrong records a
 * "clock_override" event (with a reason); events then follow it. */
void ledger_set_clock_tolerance(int minutes);   /* <= 0: no order check */
int ledger_clock_tolerance(void);
int ledger_clock_accept(bm_store *s, const bm_clerk *actor, const char *reason, bm_time now, bm_error *err);

/* ---- witnesses outside the file (ledger_witness.c) -------------------
 * Every paper of a case carries a check code (校验码): a keyed BLAKE2b of
 * the chain head right after the paper's event and its number, 50 bits as
 * XXXXX-XXXXX.  The key (台账见证密钥) is a file outside the database:
 * $BIANMIN_WITNESS_KEY, else DB.key beside it, 64 hex digits, mode 0400,
 * made by `bianmin init`.  See bianmin(1), WHAT THE LEDGER SHOWS. */
#define WITNESS_KEY_BYTES 32
#define WITNESS_CODE_SIZE 12    /* "XXXXX-XXXXX" and NUL */
char *witness_key_path(const char *db_path);          /* malloc'd */
/* BM_ENOTFOUND (with a sentence) when there is no key file. */
int witness_key_load(const char *db_path, unsigned char key[WITNESS_KEY_BYTES], bm_error *err);
/* Make the key file unless it exists (then BM_OK, unchanged). */
int witness_key_create(const char *db_path, bm_error *err);
void witness_code(const unsigned char key[WITNESS_KEY_BYTES], int64_t event_id, const char *hash,
		  char out[WITNESS_CODE_SIZE]);
/* The code for a paper printed after event_id (hash = its hash), with the
 * store's key; out = "" and BM_ENOTFOUND when there is no key. */
int witness_paper_code(bm_store *s, int64_t event_id, const char *hash, char out[WITNESS_CODE_SIZE]);

typedef struct paper_check {
	bool found_case;        /* NO names a case or receipt of this file */
	char case_no[64];
	int64_t event_id;       /* the event whose code matches; 0 = none */
	char type[32], at[40];
} paper_check;
/* Check a paper: NO is its case or receipt number, code its 校验码.
 * BM_OK and out filled (event_id 0: no event of the case has that code,
 * so the ledger was changed after the paper was printed, or the paper is
 * not genuine); BM_EINVAL for a malformed code; BM_ENOTFOUND, no key. */
int ledger_verify_paper(bm_store *s, const char *no, const char *code, paper_check *out, bm_error *err);

#endif
