/* cases.h - cases (办件) as the ledger keeps them: accepted in one
 * transaction from the intake decision, loaded whole, listed and searched,
 * and changed only through case_apply, which appends the event that says
 * what changed.
 *
 * Case number (办件编号): CENTER-YYYYMMDD-NNNN, e.g. "QL-20260930-0007":
 * the center code (center.yaml `code`), the civil date of acceptance, and a
 * per-center per-day counter from 0001, zero-padded to 4 digits (a 10000th
 * case of a day gets 5 digits).  Taken inside the intake transaction, so it
 * is unique across processes and sorts by day then order of arrival. */
#ifndef BIANMIN_CASES_H
#define BIANMIN_CASES_H

#include "bianmin/auth.h"
#include "bianmin/intake.h"
#include "bianmin/store.h"

#define CASE_NO_MAX 40

/* Lifecycle.  Issue 6 moves cases between these with case_apply. */
typedef enum {
	CASE_WAITING_MATERIALS = 0,  /* 补办件: clock stopped until 补齐 */
	CASE_IN_PROGRESS,            /* 承诺件 / 联办件 being handled */
	CASE_PAUSED,                 /* 特别程序 (hearing, site visit ...): clock stopped */
	CASE_FORWARDED,              /* 上报件: sent up, waiting for the result */
	CASE_COMPLETED,              /* 办结 (final) */
	CASE_RETURNED,               /* 退回 / 不予受理 (final) */
	CASE_WITHDRAWN,              /* 撤回 (final) */
	CASE_STATE__COUNT
} bm_case_state;

const char *case_state_key(bm_case_state s);    /* "waiting_materials", "in_progress", ... */
const char *case_state_label(bm_case_state s);  /* translated: 待补齐, 办理中 ... */
bool case_state_parse(const char *s, bm_case_state *out);
bool case_state_final(bm_case_state s);         /* completed, returned, withdrawn */

typedef enum { IDTYPE_RESIDENT = 0, IDTYPE_USCC, IDTYPE_OTHER } bm_id_type;
const char *id_type_key(bm_id_type t);          /* "resident" | "uscc" | "other" */
bool id_type_parse(const char *s, bm_id_type *out);

/* An applicant (申请人); phone and address may be NULL. */
typedef struct bm_party {
	char *name;
	bm_id_type id_type;
	char *id_no;
	char *phone;
	char *address;      /* village / address */
} bm_party;
void party_free(bm_party *p);
/* Limits on names and free text typed in (case_accept checks them with
 * text_check_name: trimmed, UTF-8, no control characters). */
#define CASE_NAME_MAX 50
#define CASE_TEXT_MAX 200

/* A material as the case keeps it: the catalog's material at intake, plus
 * its state.  changed is set when the state changed after intake (补齐). */
typedef struct bm_case_material {
	char *name;
	bm_form form;
	int copies;
	bool main;
	char *note;            /* may be NULL */
	bm_mat_state state;
	bool has_changed;
	bm_time changed;
} bm_case_material;

/* The item as it stood at acceptance (later catalog edits never change it). */
typedef struct bm_case_item {
	char *code, *name, *window;
	char *department;       /* NULL if none (same for the optional texts) */
	bm_regime regime;
	char *basis;
	int statutory_days, promised_days;   /* -1 if none */
	bool has_fee;
	int64_t fee_fen;
	char *fee_basis;
	char *forward_to;
	char *refusal;
	char **joint_windows; size_t n_joint_windows;
	/* the rest of the item, for the papers (NULL / empty for cases taken
	 * in before the snapshot kept them) */
	char **procedure; size_t n_procedure;   /* 办理程序, one step each */
	char *collect;          /* 领取地点 */
	char *phone;            /* the item's 咨询电话 */
	bool proxy, site_visit; /* 代办 allowed; 现场核查 needed */
	int extension_days;     /* 延期 limit; -1 for cases taken in before it was kept */
	bool promise_allowed;   /* a control item that may be taken as 承诺件 */
} bm_case_item;

/* One event of the ledger (append-only, hash-chained). */
typedef struct bm_event {
	int64_t id;
	bm_time at;
	char *clerk;            /* 工号 */
	char *type;             /* "intake", "receipt_void", and issue 6's steps */
	char *details;          /* canonical JSON object (flat, string values);
				 * an intake's: the values it set of the fields
				 * that move (state, due, owner... each material's
				 * state), the rest being the case's own fields */
	char *reason;           /* may be NULL */
	char prev_hash[65], hash[65];
} bm_event;

/* A receipt (收费收据) or the void (作废) of one. */
typedef struct bm_receipt {
	int64_t id;
	char *no;               /* "2026-000123"; NULL for a void row */
	int64_t amount_fen;
	char *basis;            /* 收费依据 */
	bm_time at;
	char *clerk;
	int64_t voids;          /* id of the voided receipt; 0 for a receipt */
	char *reason;           /* void's reason */
	bool voided;            /* a receipt that a later row voids */
} bm_receipt;

typedef struct bm_case {
	int64_t id;
	char no[CASE_NO_MAX];
	bm_party applicant;
	char *proxy_name, *proxy_id;    /* 代办人; NULL when none */
	bool proxy_is_agent;            /* a village agent (村代办员) */
	char *agent_code;               /* that agent in the register by proxy_id (agent.h), NULL otherwise */
	char *agent_village, *agent_phone;  /* from the register; NULL when none */
	char *first_clerk, *owner_clerk;        /* 工号: 首问 and the current owner */
	char *first_clerk_name, *owner_clerk_name;
	bm_case_item item;
	bm_case_material *materials; size_t n_materials;
	char catalog_fingerprint[65];
	bm_kind kind;                   /* after any override */
	bm_kind decided;                /* what the rules said */
	char *override_reason;          /* NULL unless overridden */
	char *return_reason;            /* 退回件: why; NULL otherwise */
	bm_case_state state;
	bm_time accepted;
	bm_day accepted_day;
	bm_day clock_start;             /* BM_NO_DAY while the clock is stopped */
	bm_day due;                     /* BM_NO_DAY when none */
	bool due_uncertain;             /* due in a year the holiday file does not cover */
	int limit_days;                 /* -1 if none */
	bm_day completed_day;           /* BM_NO_DAY until final */
	int64_t fee_fen;
	char *receipt_no;               /* NULL when nothing was charged */
	bm_event *events; size_t n_events;
	bm_receipt *receipts; size_t n_receipts;
} bm_case;

/* What the clerk entered besides the decision. */
typedef struct case_intake {
	const char *center_code;          /* bm_center->code */
	const char *catalog_fingerprint;  /* bm_catalog->fingerprint */
	const bm_party *applicant;        /* id_no already checked and normalised */
	const char *proxy_name, *proxy_id; /* both NULL when none */
	bool proxy_is_agent;
	/* a registered agent (agent.h): case_accept checks they are active
	 * and takes proxy_name/proxy_id from the register (the case names its
	 * agent by that ID); NULL when none */
	const char *agent_code;
	const char *clerk;                /* 工号 of the logged-in clerk: 首问 and owner */
	bm_time now;                      /* when it is entered: its events' time */
	/* 上门服务: a case taken on home visit `visit` (a book entry number) at
	 * `received` and entered on return at `now`.  The receipt (受理) is
	 * the visit's: accepted_at, accepted_day, the case number's date and
	 * the day its time limit counts from; the intake event (at now) names
	 * the visit as x.visit.  NULL = received now. */
	const char *visit;
	bm_time received;
} case_intake;

/* Accept: in ONE transaction write the case (number from the day
 * counter), the item snapshot, every material with its state, the intake
 * event (its details hold the whole case record), and a receipt when the
 * outcome has a fee (never for a returned case).  The decision is taken
 * as given (intake_decide); nothing is re-decided.  On success no (>=
 * CASE_NO_MAX bytes) gets the case number.  On any failure nothing is
 * left.  BM_ENOTFOUND for an unknown or disabled clerk. */
int case_accept(bm_store *s, const case_intake *ci, const intake_input *in,
		const intake_outcome *out, char *no, bm_error *err);

/* Load a case with everything (snapshot, materials, events, receipts).
 * BM_ENOTFOUND when there is no such case.  Free with case_free. */
int case_load(bm_store *s, const char *no, bm_case *out, bm_error *err);
void case_free(bm_case *c);

/* ---- changing a case (issue 6) ---------------------------------------- */
/* One field of the case record set to a new value, as text: fields are
 * "state" (case_state_key), "owner" (工号), "kind" (kind_key), "due",
 * "clock_start", "completed_day" (YYYY-MM-DD or NULL), "limit_days",
 * "return_reason", "due_uncertain" ("0"/"1"). */
typedef struct case_set {
	const char *field;
	const char *value;      /* NULL = none */
} case_set;

/* A material's new state (index in catalog order, from 0). */
typedef struct case_mat_set {
	size_t index;
	bm_mat_state state;
} case_mat_set;

/* A step of the lifecycle: sets fields and material states on the case
 * row and appends ONE event of `type` recording exactly those changes
 * (plus `note`, a free text kept in the event), in one transaction (or
 * inside the caller's).  Permission and transition rules are the
 * caller's; this only records.  BM_EINVAL for an unknown field. */
typedef struct case_step {
	const char *type;       /* event type, e.g. "supplement", "complete" */
	const char *clerk;      /* 工号 doing it */
	bm_time at;
	const char *reason;     /* may be NULL */
	const char *note;       /* may be NULL */
	const case_set *sets; size_t n_sets;
	const case_mat_set *mats; size_t n_mats;
} case_step;
int case_apply(bm_store *s, const char *no, const case_step *step, bm_error *err);

/* ---- lists and search ------------------------------------------------- */
typedef struct case_filter {
	const char *clerk;      /* owner's 工号, NULL = all */
	bool open_only;         /* not final */
	bool overdue_only;      /* open with due < today */
	bm_day today;           /* needed for overdue_only */
	const char *query;      /* NULL, or matches case number, ID number,
				   applicant name or phone, or the proxy's
				   name or ID number (substring) */
	size_t limit;           /* 0 = no limit */
} case_filter;

typedef struct case_summary {
	int64_t id;
	char no[CASE_NO_MAX];
	char *applicant, *id_no, *phone;
	char *item_code, *item_name, *window;
	char *owner;            /* 工号 */
	bm_kind kind;
	bm_case_state state;
	bm_time accepted;
	bm_day due;             /* BM_NO_DAY when none */
	int64_t fee_fen;
} case_summary;

/* Open cases sort by due date (none last), then case number; with
 * open_only false the newest come first. */
int case_list(bm_store *s, const case_filter *f, case_summary **out, size_t *n, bm_error *err);
void case_summaries_free(case_summary *v, size_t n);

/* The applicant of the most recent case with this ID number (name,
 * phone, address), to pre-fill intake.  *found false when none. */
int case_previous_applicant(bm_store *s, const char *id_no, bm_party *out, bool *found,
			    bm_error *err);

/* Today's figures for the home screen.  clerk NULL = the whole center. */
typedef struct case_day_counts {
	int received;           /* cases accepted that day (returned included) */
	int returned;           /* of which returned */
	int completed;          /* cases that became completed that day */
	int receipts;           /* receipts issued that day (not voided) */
	int64_t fees_fen;       /* their total */
} case_day_counts;
int case_counts_day(bm_store *s, bm_day day, const char *clerk, case_day_counts *out,
		    bm_error *err);

#endif
