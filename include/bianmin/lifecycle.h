/* lifecycle.h - every step of a case after intake (issue 6): supplement
 * (补齐), the one-time-notice breach (二次告知), special procedures
 * (特别程序) pause/resume, extension (延期), joint opinions (联办),
 * forwarding (上报) and the upper result, complete (办结), return (退回 /
 * 退件), withdraw (撤回), notify (回复), rating (好差评) and its follow-up,
 * the A/B handover (AB岗交接), the due-date watch and the month figures.
 *
 * Every step is checked here (state x step x clerk, lifecycle_allowed) and
 * written through case_apply (cases.h): the case row and ONE hash-chained
 * event per case, in one transaction.  What a step says beyond the row
 * (pause kind, opinion, rating level, handover id ...) is kept in the
 * event's note as a flat JSON object (see lc_note_* in lifecycle.c), so
 * everything here is derived from the ledger and `bianmin verify` covers
 * it; there is no table of our own.
 *
 * A screen calls lifecycle_allowed() for each step to grey out keys, and
 * then the one lifecycle_STEP() function for the key pressed.
 *
 * Counting rules (working days, calendar.h):
 *  - 补齐: the clock starts on the day the last missing material arrives;
 *    due = that day + limit_days working days (the day itself not counted).
 *  - 特别程序 (行政许可法 art. 45): a case paused on day P and resumed on
 *    day R has its due date moved later by the working days in (P, R]:
 *    the pause day is still a day of the case, the resume day is not.
 *    Pause and resume on the same day: 0 days.
 *  - 延期: --days N moves the due date N working days later; --to DATE sets
 *    it.  The statutory check counts the working days in (clock_start,
 *    new due] minus every paused working day; above statutory_days it
 *    warns (the step still goes through: the supervisor approved it).
 *  - overdue by N: working days in (due, ref], ref = today for an open
 *    case, the pause day for a paused one (the clock is stopped), the
 *    completion day for a closed one.  0 when not overdue.
 *  - due soon: open, running, due >= today and working days in (today,
 *    due] <= due_soon_days.
 *  - 补办件 stale: waiting for materials and more than
 *    supplement_timeout_days working days in (accepted_day, today].
 *  - bad-rating follow-up due: rating day + followup_days working days. */
#ifndef BIANMIN_LIFECYCLE_H
#define BIANMIN_LIFECYCLE_H

#include "bianmin/auth.h"
#include "bianmin/calendar.h"
#include "bianmin/cases.h"
#include "bianmin/config.h"
#include "bianmin/slip.h"

/* The steps, in `bianmin case --help` order.  LC_DEMAND (二次告知) and
 * LC_FOLLOWUP (差评回访) are extra to the 15 command names: on the command
 * line the first is `supplement --demand`, the second `followup`. */
typedef enum {
	LC_SUPPLEMENT = 0, LC_PAUSE, LC_RESUME, LC_EXTEND, LC_OPINION, LC_FORWARD,
	LC_RESULT, LC_COMPLETE, LC_RETURN, LC_WITHDRAW, LC_NOTIFY, LC_RATE,
	LC_HANDOVER, LC_ACKNOWLEDGE, LC_STATUS, LC_DEMAND, LC_FOLLOWUP,
	LC_FEEDBACK,    /* 服务意见反馈表 of a proxy case (agent.h) */
	LC_REPLY,       /* the agent's 回复 to the applicant (agent.h) */
	LC_STEP__COUNT
} lc_step;

const char *lc_step_key(lc_step s);          /* "supplement" ... (also the event type) */
const char *lc_step_label(lc_step s);        /* translated: 补齐, 特别程序 ... */
bool lc_step_parse(const char *s, lc_step *out);
/* A ledger event type (a step key, "intake", "reprint", "receipt_void"
 * ...) as the clerk reads it, translated; an unknown type as it is. */
const char *lc_event_label(const char *type);
/* An event's details (the flat JSON the ledger keeps) as one line a clerk
 * can read: "State: in progress · Due: 2026-12-21 · Material 5:
 * supplemented ...", translated.  malloc'd; "" when there is nothing. */
char *lc_event_details_text(const char *details);

/* 特别程序 kinds. */
typedef enum { LC_HEARING = 0, LC_SITE_VISIT, LC_EXPERT_REVIEW, LC_PUBLIC_NOTICE, LC_PAUSE__COUNT } lc_pause_kind;
const char *lc_pause_key(lc_pause_kind k);   /* "hearing", "site_visit", ... */
const char *lc_pause_label(lc_pause_kind k); /* 听证, 现场踏勘, 专家评审, 公示 */
bool lc_pause_parse(const char *s, lc_pause_kind *out);

/* How the applicant was told. */
typedef enum { LC_PHONE = 0, LC_IN_PERSON, LC_AGENT, LC_HOW__COUNT } lc_how;
const char *lc_how_key(lc_how h);            /* "phone", "in_person", "agent" */
bool lc_how_parse(const char *s, lc_how *out);

/* 好差评: 1 非常满意, 2 满意, 3 基本满意, 4 不满意, 5 非常不满意. */
#define LC_RATING_BAD 4                      /* this level and worse open a follow-up */
const char *lc_rating_label(int level);      /* the Chinese words; "?" when out of range */
/* "1".."5" or the Chinese words; false otherwise. */
bool lc_rating_parse(const char *s, int *level);

/* ---- what the events say about a case -------------------------------- */
typedef struct lc_opinion {
	char *window;
	bool answered, agree;
	char *text;             /* NULL until answered */
	char *clerk;
} lc_opinion;

typedef struct lc_info {
	bool paused;            /* now in a special procedure, or held by a 二次告知 */
	bool pause_demand;      /* the pause is a 二次告知's: until the material arrives */
	bm_day pause_day;       /* its first day */
	lc_pause_kind pause_kind;
	int paused_days;        /* working days of finished pauses (already added to due) */
	int n_pauses, n_extensions, n_breaches, n_notified;
	lc_opinion *opinions; size_t n_opinions;   /* 联办件: lead window first, then joint_windows */
	char *forwarded_to;     /* 上报: NULL until forwarded */
	bm_day forwarded_day;
	bool has_result;        /* 办结 or upper result recorded */
	bool approved;
	char *result, *certificate;
	int rating;             /* 0 = not rated */
	bm_day rated_day;
	bool followup_open;     /* a bad rating not yet handled */
	bm_day followup_due;
	char *followup_handling;
	bool handover_pending;
	char *handover_id, *handover_from, *handover_to;
	bm_day last_supplement_day;
	/* proxy cases (agent.h) */
	bool has_feedback, satisfied;
	int feedback_level;
	bool replied;           /* the agent told the applicant (回复) */
	bm_day replied_day;
} lc_info;

/* Read the case's events.  Never fails (unknown or foreign events are
 * skipped).  Free with lc_info_free. */
void lifecycle_info(const bm_case *c, lc_info *out);
void lc_info_free(lc_info *i);
/* What holds a paused case: the special procedure's label, or the
 * 二次告知 waiting for its material. */
const char *lc_info_pause_label(const lc_info *in);

/* ---- the steps as one table (lifecycle_table.c) ----------------------
 * One row per step: the states it may be taken in, who may take it,
 * whether a supervisor must approve it (PIN), the papers it gives and the
 * fields of its form.  lifecycle_allowed, the case view's step forms
 * (src/ui/scr_case_steps.c builds every form from the row's fields), the
 * options, checks and help of `bianmin case STEP` (src/cli/case_steps.c)
 * and the papers of the steps (lifecycle_paper.c) all read it, so a new
 * rule is a row (or a row's check), a new step a row and its take(). */
typedef enum {
	LC_WHO_OWNER = 0,       /* the case's owner, or a supervisor */
	LC_WHO_ANYONE,
	LC_WHO_WINDOW,          /* a clerk of a window the case waits on */
	LC_WHO_SUPERVISOR,
	LC_WHO_RECEIVER,        /* the clerk a handover is pending to */
} lc_who;

/* Whose approval a step needs (否定报备, 延期). */
typedef enum {
	LC_APPROVE_NONE = 0,
	LC_APPROVE_ALWAYS,      /* 延期: a supervisor's 工号 and PIN, every time */
	LC_APPROVE_NEGATIVE,    /* 否定报备: a supervisor approves unless the clerk is one */
	LC_APPROVE_IF_REFUSED,  /* 办结: only a refusal (不予) needs one */
} lc_approval;

/* What a form field holds. */
typedef enum {
	LC_F_TEXT = 0,          /* a line of text */
	LC_F_CHOICE,            /* one of its options */
	LC_F_CHECKS,            /* several of its options (materials that arrived) */
	LC_F_WHEN,              /* working days, or a date YYYY-MM-DD (延期) */
	LC_F__COUNT
} lc_field_kind;

/* Where a choice's options come from (lc_field_options). */
typedef enum {
	LC_OPTS_NONE = 0,
	LC_OPTS_MISSING,        /* the case's missing materials; keys 1, 2 ... */
	LC_OPTS_PAUSE,          /* 特别程序 kinds (lc_pause_key) */
	LC_OPTS_AGREE,          /* agree, disagree */
	LC_OPTS_DECISION,       /* 准予, 不予 */
	LC_OPTS_RETURN,         /* 退回, 退件 */
	LC_OPTS_HOW,            /* lc_how */
	LC_OPTS_RATING,         /* 1..5 */
	LC_OPTS_SATISFIED,      /* 满意 (id 1), 不满意 (id 0) */
} lc_opts;

/* A field's first value on the counter's form. */
typedef enum {
	LC_INIT_NONE = 0,
	LC_INIT_TEXT,           /* init_text (a msgid) */
	LC_INIT_WINDOW,         /* the clerk's window, else the first still to give its opinion */
	LC_INIT_FORWARD_TO,     /* the item's forward_to */
} lc_init;

#define LC_FIELDS_MAX 6
typedef struct lc_field {
	const char *name;       /* the option: --name (NULL ends the row's fields) */
	/* LC_F_CHOICE given as flags: --name picks the first option, --alt the
	 * second; a lone flag (alt NULL) picks the second.  LC_F_WHEN: --name
	 * takes the days, --alt the date. */
	const char *alt;
	const char *label;      /* msgid: the counter's label */
	lc_field_kind kind;
	lc_opts opts;
	bool required;          /* the counter asks for it; the command line, for a choice or a date */
	bool flag;              /* a choice given as --name/--alt rather than --name VALUE */
	size_t max;             /* characters of a text */
	unsigned states;        /* the counter shows it only in these states (0: always) */
	lc_init init;
	const char *init_text;  /* msgid, for LC_INIT_TEXT */
	const char *value;      /* the value in the usage (TEXT, N,N ...); NULL: TEXT, or the options' keys */
	const char *empty;      /* msgid: said when a required field is left empty (NULL: the form's own) */
} lc_field;

/* The papers a step (or an event that is not a step) gives. */
typedef enum {
	LC_PAPER_ALWAYS = 0,
	LC_PAPER_DEMANDED,      /* resume: when it is the demanded material's arrival */
	LC_PAPER_FEE,           /* a fee was taken: the receipt */
	LC_PAPER_PROXY,         /* a proxy case (代理件) */
} lc_paper_when;
/* The notice of the kind the event decided (intake; a 补齐 that made the
 * 补办件 a 承诺件 ...): slip_form_for_kind. */
#define LC_FORM_KIND "@kind"
typedef struct lc_paper {
	const char *form;       /* forms/FORM.tmpl or LC_FORM_KIND; NULL ends the list */
	lc_paper_when when;
	bool main;              /* the event's own paper (printed after the step); else one more */
} lc_paper;
#define LC_PAPERS_MAX 8

/* What a form gave: by the row's field index. */
typedef struct lc_values {
	const char *text[LC_FIELDS_MAX];    /* LC_F_TEXT, LC_F_WHEN: NULL when empty */
	size_t id[LC_FIELDS_MAX];           /* LC_F_CHOICE: the option's id */
	size_t checks[64]; size_t n_checks; /* LC_F_CHECKS: the ids ticked (one such field a row) */
} lc_values;

struct lc_ctx;
struct lc_result;

#define LC_IN(s) (1u << (s))
typedef struct lc_step_def {
	lc_step step;
	const char *command;    /* `bianmin case COMMAND`; NULL: none of its own */
	unsigned states;        /* LC_IN(state) for each state it may be taken in */
	lc_who who;
	lc_approval approval;
	lc_paper papers[LC_PAPERS_MAX];
	lc_field fields[LC_FIELDS_MAX];
	/* the command line's step also takes this step's options (supplement
	 * --demand); LC_STEP__COUNT: none */
	lc_step also;
	const char *help;       /* msgid: what it does, for `bianmin case --help` */
	/* when the state is not in `states`: a sentence saying why (NULL: a
	 * generic one) */
	bool (*why_not)(const bm_case *c, const lc_info *in, bm_error *why);
	/* further rules in an allowed state; NULL = none */
	bool (*check)(const bm_case *c, const lc_info *in, bm_error *why);
	/* what the form says above its fields (may leave buf ""); NULL none */
	void (*note)(const bm_case *c, char *buf, size_t len);
	/* take the step with the form's values; NULL: not a form's step
	 * (handover, acknowledge, status have their own screens) */
	int (*take)(const struct lc_ctx *x, const char *no, const lc_values *v, struct lc_result *res,
		    bm_error *err);
} lc_step_def;

/* The row of a step; NULL for LC_STEP__COUNT or beyond. */
const lc_step_def *lc_step_row(lc_step s);
/* The row of `bianmin case COMMAND`; NULL when no step has it. */
const lc_step_def *lc_step_command(const char *command);
/* The number of a row's fields. */
size_t lc_row_fields(const lc_step_def *row);
/* The index of field `name` (or its alt) in row, -1 when none. */
int lc_row_field(const lc_step_def *row, const char *name);

typedef struct lc_option {
	char label[320];        /* translated, for the counter */
	char key[32];           /* for the command line */
	size_t id;              /* what the step gets */
} lc_option;
/* The options of a choice or checks field for case c (may be NULL for
 * those that do not depend on it); at most max.  Returns the count. */
size_t lc_field_options(const lc_field *f, const bm_case *c, lc_option *out, size_t max);
/* A command-line value of a choice (a key, or words lc_*_parse knows). */
bool lc_field_parse(const lc_field *f, const char *s, size_t *id);
/* "2,3" (numbers from 1) into v's checks (ids from 0). */
bool lc_checks_parse(const char *s, lc_values *v);
/* An extension's "days or date": N > 0 working days, or YYYY-MM-DD. */
bool lc_when_parse(const char *s, int *days, bm_day *to);
/* The field's first value on the counter's form (NULL: empty), in buf
 * when it is made. */
const char *lc_field_init(const lc_field *f, const bm_case *c, const bm_clerk *clerk, char *buf, size_t len);
/* The row's options as a synopsis: "--kind hearing|site_visit|... --reason
 * TEXT", [optional] ones bracketed, the supervisor's as its approval asks.
 * malloc'd. */
char *lc_step_synopsis(const lc_step_def *row);
/* The row's lines in `bianmin case --help`: "  bianmin case COMMAND NO
 * SYNOPSIS" and its help below (translated), and the same for the row
 * its `also` names.  "" for a row without a form.  malloc'd. */
char *lc_step_usage(const lc_step_def *row);
/* Take a row's step with the form's values (row->take). */
int lifecycle_take(const struct lc_ctx *x, lc_step step, const char *no, const lc_values *v,
		   struct lc_result *res, bm_error *err);
/* The main paper of a step (its row's first main paper that is always
 * given); NULL when it gives none. */
const char *lc_step_paper(lc_step s);
/* The papers of an event: a step's (by its key, lc_step_key) or one that
 * is not a step ("intake", "receipt_void"); NULL-form-terminated (at most
 * LC_PAPERS_MAX); NULL when none. */
const lc_paper *lc_event_papers(const char *type);

/* ---- may this clerk take this step now? ------------------------------ */
/* true, or false with why->msg a translated sentence ("A completed case
 * cannot be supplemented.").  clerk NULL = don't check permissions, only
 * the state.  Owner or supervisor for steps that move the case; a window's
 * clerk (or a supervisor) for its opinion; anyone for rate and status;
 * supervisor for followup; the handover's receiver for acknowledge. */
bool lifecycle_allowed(const bm_case *c, const bm_clerk *clerk, lc_step step, bm_error *why);

/* ---- taking steps ---------------------------------------------------- */
typedef struct lc_ctx {
	bm_store *store;
	const bm_calendar *cal;
	const bm_center *center;    /* timeouts; NULL = defaults (20, 5, 1) */
	const bm_clerk *clerk;      /* the logged-in clerk doing the step */
	bm_time now;
	/* the supervisor approving a step whose row says `approval`
	 * (否定报备: 退回, 退件, a refused 办结), PIN already checked by the
	 * caller; NULL = none (then only a supervisor's own step passes) */
	const bm_clerk *approver;
	/* the catalog, for rules an item sets (extension_days); NULL = the
	 * defaults */
	const struct bm_catalog *catalog;
} lc_ctx;

/* What a step did, for the screen and the command line. */
typedef struct lc_result {
	bm_case_state state;        /* the case's state after the step */
	bm_day due;                 /* due date after the step (BM_NO_DAY none) */
	bm_day old_due;
	bool clock_started;         /* 补齐: the last material arrived */
	int days;                   /* resume: paused working days; extend: days added */
	int over_statutory;         /* extend: working days past the statutory limit */
	bm_day followup_due;        /* rate: BM_NO_DAY unless a follow-up opened */
	const char *paper;          /* form key to print for the applicant, NULL = none */
	const char *refund_paper;   /* "fee_refund" when the step voided the case's fee */
	char warning[512];          /* translated; "" when none */
} lc_result;

/* Each returns BM_OK, or BM_ESTATE/BM_EDENIED/BM_EINVAL/BM_ENOTFOUND/BM_EDB
 * with err saying why; nothing is written on failure.  res may be NULL. */

/* 补齐: material indexes (from 0, catalog order) that arrived now. */
int lifecycle_supplement(const lc_ctx *x, const char *no, const size_t *mats, size_t n_mats,
			 lc_result *res, bm_error *err);
/* 二次告知: demand a material that was not on the notice.  A reason is
 * required; recorded as a notice breach (event "notice_breach"). */
int lifecycle_demand(const lc_ctx *x, const char *no, const char *material, const char *reason,
		     lc_result *res, bm_error *err);
int lifecycle_pause(const lc_ctx *x, const char *no, lc_pause_kind kind, const char *reason,
		    lc_result *res, bm_error *err);
int lifecycle_resume(const lc_ctx *x, const char *no, const char *note, lc_result *res, bm_error *err);
/* 延期 (行政许可法 art. 42): days > 0, or to (a later date) when days ==
 * 0.  supervisor: the approving supervisor/admin, already logged in with
 * their PIN; a reason.  Refused (with a sentence saying why) for a case
 * that is closed, paused, waiting, already past its due date, already
 * extended once, or for more than the item's extension_days (10 unless
 * the catalog says otherwise; the limit is kept in the event). */
int lifecycle_extend(const lc_ctx *x, const char *no, const bm_clerk *supervisor, int days,
		     bm_day to, const char *reason, lc_result *res, bm_error *err);
/* 联办: one window's opinion.  The case does not complete by itself: when
 * every window has answered, `complete` is allowed (and refused before). */
int lifecycle_opinion(const lc_ctx *x, const char *no, const char *window, bool agree,
		      const char *opinion, lc_result *res, bm_error *err);
/* 上报: to NULL = the item's forward_to. */
int lifecycle_forward(const lc_ctx *x, const char *no, const char *to, const char *note,
		      lc_result *res, bm_error *err);
/* The upper result of a forwarded case: records it and completes the case
 * (办结通知 prints); then `notify`. */
int lifecycle_result(const lc_ctx *x, const char *no, bool approved, const char *result,
		     lc_result *res, bm_error *err);
int lifecycle_complete(const lc_ctx *x, const char *no, bool approved, const char *result,
		       const char *certificate, lc_result *res, bm_error *err);
/* 退回 at any open stage; non_supplement: 退件 of a stale 补办件.  否定报备:
 * x->approver (or x->clerk) must be a supervisor.  A fee kept on the case
 * is voided in the same transaction (a receipt_void event, 退费) and
 * res->refund_paper names its paper.  Withdraw does the same when a
 * supervisor approves, else warns that the fee is still kept. */
int lifecycle_return(const lc_ctx *x, const char *no, const char *reason, bool non_supplement,
		     lc_result *res, bm_error *err);
int lifecycle_withdraw(const lc_ctx *x, const char *no, const char *reason, lc_result *res,
		       bm_error *err);
int lifecycle_notify(const lc_ctx *x, const char *no, lc_how how, const char *note,
		     lc_result *res, bm_error *err);
int lifecycle_rate(const lc_ctx *x, const char *no, int level, const char *note,
		   lc_result *res, bm_error *err);
/* A supervisor records how a bad rating was handled (closes the follow-up). */
int lifecycle_followup(const lc_ctx *x, const char *no, const char *handling, lc_result *res,
		       bm_error *err);

/* ---- AB岗 handover --------------------------------------------------- */
typedef struct lc_handover {
	char id[64];            /* "HO-YYYYMMDD-NNN-FROM" (the day's counter) */
	char *from, *to, *by;   /* 工号; by = who recorded it (from, or a supervisor) */
	char *reason;
	bm_time at;
	char **nos; size_t n;   /* the cases */
} lc_handover;
void lc_handover_free(lc_handover *h);
void lc_handovers_free(lc_handover *v, size_t n);

/* x->clerk hands (or, a supervisor, reassigns) cases of `from` to `to`:
 * nos (n > 0) or every open case of from (n == 0; cases already pending
 * are skipped).  One "handover" event per case; the owner does not change
 * until acknowledged.  out (may be NULL) gets the handover. */
int lifecycle_handover(const lc_ctx *x, const char *from, const char *to, const char *const *nos,
		       size_t n, const char *reason, lc_handover *out, bm_error *err);
/* x->clerk (the receiver, PIN checked by the caller) acknowledges the
 * pending handover `id`, or every one pending to them (id NULL): one
 * "acknowledge" event per case setting the owner.  *n_cases (may be NULL)
 * gets the number of cases taken over.  BM_ENOTFOUND when nothing pends. */
int lifecycle_acknowledge(const lc_ctx *x, const char *id, size_t *n_cases, bm_error *err);
/* Pending handovers from or to clerk (NULL = all, for the supervisor),
 * oldest first. */
int lifecycle_pending_handovers(bm_store *s, const char *clerk, lc_handover **out, size_t *n,
				bm_error *err);

/* ---- due-date watch (lifecycle_watch.c) ------------------------------- */
int lifecycle_overdue_by(const bm_case *c, bm_day today, const bm_calendar *cal);
bool lifecycle_due_soon(const bm_case *c, bm_day today, const bm_calendar *cal, int soon_days);

typedef enum {
	LC_WATCH_OVERDUE = 0,   /* open and overdue (pauses excluded) */
	LC_WATCH_DUE_SOON,      /* open, due within due_soon_days */
	LC_WATCH_STALE,         /* 补办件 past supplement_timeout_days */
	LC_WATCH_WAITING_ON,    /* 联办件 still waiting on `window`'s opinion */
	LC_WATCH_FOLLOWUP,      /* bad ratings not yet handled */
} lc_watch;

typedef struct lc_watch_row {
	char no[CASE_NO_MAX];
	char *applicant, *item_name, *window, *owner;
	bm_case_state state;
	bm_day due;             /* the case's due, or the follow-up's due */
	int days;               /* overdue by / working days left / waiting days */
} lc_watch_row;

/* Cases for a watch list; clerk = owner filter (NULL = everyone), window
 * for LC_WATCH_WAITING_ON.  Sorted by due date then case number. */
int lifecycle_watch(const lc_ctx *x, lc_watch what, const char *clerk, const char *window,
		    lc_watch_row **out, size_t *n, bm_error *err);
void lc_watch_rows_free(lc_watch_row *v, size_t n);

/* ---- month figures (统计) -------------------------------------------- */
typedef struct lc_report_row {
	char *window;           /* NULL in the total row */
	char *item_code, *item_name;   /* NULL in window rows and the total */
	int received;           /* 受理: accepted in the month (returned at intake included) */
	int completed;          /* 办结 in the month */
	int returned;           /* 退回 in the month (at intake or later) */
	int overdue;            /* completed late in the month, or open and overdue at its end */
	int breaches;           /* 二次告知 recorded in the month */
	int bad_ratings;        /* 不满意/非常不满意 given in the month */
	/* issue 11: the parts of overdue (a quarter adds the months' late
	 * ones and its last month's open ones), 否定报备 and 延期 */
	int overdue_late;       /* closed late in the period */
	int overdue_open;       /* open and overdue at the period's end */
	int refused;            /* returned (不予受理) at intake in the period */
	int negatives;          /* returns and refusals after intake (approved by a supervisor) */
	int extensions;         /* 延期 granted in the period */
} lc_report_row;

typedef struct lc_report {
	int year, month;        /* month 0: a quarter or a year (first, last) */
	bm_day first, last;     /* the period */
	lc_report_row total;
	lc_report_row *windows; size_t n_windows;   /* by window name */
	lc_report_row *items; size_t n_items;       /* by window, then item code */
	int64_t fees_fen;       /* fees taken in the period, less those voided by its end */
	int64_t handed_fen;     /* 上缴 recorded for days of the period */
	/* a closed month (月结): as stored on the chain */
	bool closed;
	bm_time closed_at;
	char closed_by[32];     /* 工号 */
	int64_t close_event;
	char close_hash[65];    /* the close event's hash: 台账校验码 */
} lc_report;

/* today: figures for the current month stop at today. */
int lifecycle_report_month(bm_store *s, const bm_calendar *cal, int year, int month, bm_day today,
			   lc_report *out, bm_error *err);
void lc_report_free(lc_report *r);
/* 办结率 in tenths of a percent (completed * 1000 / received; 0 when none). */
int lc_completion_rate(const lc_report_row *r);

/* ---- figures as history (figures.c, month_close.c) --------------------
 * Every figure of a period is computed from the events as of the
 * period's end: the case's state, due date, pause and closing as its
 * events up to that day made them, so a later step (an extension in
 * December of a case overdue in November) never changes a past month. */
/* One case's part of the figures of [first, end]. */
void lc_case_figures(const bm_case *c, const bm_calendar *cal, bm_day first, bm_day end, lc_report_row *d);
/* Add d into r (every count). */
void lc_report_add(lc_report_row *r, const lc_report_row *d);
/* The month's figures: the stored ones of a closed month (月结), else
 * computed as of its end (today for the current month). */
int lifecycle_figures_month(bm_store *s, const bm_calendar *cal, int year, int month, bm_day today,
			    lc_report *out, bm_error *err);
/* Whether the month has its 月结 (a close event on the chain). */
int lifecycle_month_closed(bm_store *s, int year, int month, bool *closed, bm_error *err);
/* A quarter (q 1..4) or a year (q 0): its months added, overdue_open
 * from its last month (to today for the current one). */
int lifecycle_figures_period(bm_store *s, const bm_calendar *cal, int year, int quarter, bm_day today,
			     lc_report *out, bm_error *err);
/* 月结: a supervisor closes a month that has ended: its figures, fees,
 * hand-ins and the chain head go on the chain as ONE event (type
 * "month_close", about no case); out gets the closed report.  BM_ESTATE
 * when the month has not ended or is closed already; BM_EDENIED for a
 * clerk. */
int lifecycle_month_close(bm_store *s, const bm_calendar *cal, const bm_clerk *actor, int year, int month,
			  bm_time now, lc_report *out, bm_error *err);
/* The ranking of windows (每月排出名次, 每季度考核排队): by completion
 * rate, then fewer overdue, fewer breaches, fewer bad ratings, more
 * completed, then name.  order[i] = index into r->windows; malloc'd. */
size_t *lc_report_ranking(const lc_report *r);
/* The 月报 as CSV: UTF-8 with BOM, CRLF line ends, RFC 4180 quoting
 * (Excel, WPS, LibreOffice).  malloc'd. */
char *lc_report_csv(const lc_report *r);
/* The 月报's context (forms/monthly_report.tmpl): period, rows (window,
 * item, counts, rate, rank), total, fees, hand-ins, and for a closed
 * month its close (date, clerk, anchor).  No print time: a closed month
 * prints the same bytes every time. */
struct slip_ctx *lc_report_context(const lc_report *r, const bm_center *center);

/* ---- 否定报备: the supervisor's daily list (refusals.c) --------------- */
typedef enum { LC_REFUSED_AT_INTAKE = 0, LC_RETURNED_AFTER, LC_REFUSED_AT_END } lc_refusal_kind;
typedef struct lc_refusal {
	lc_refusal_kind kind;   /* 不予受理 at intake, 退回 after it, 不予 at completion */
	bm_time at;
	char no[CASE_NO_MAX];
	char *item_name, *applicant;
	char *clerk;            /* 工号 of the clerk who did it */
	char *approver;         /* the approving supervisor; NULL at intake */
	char *reason;
} lc_refusal;
/* Every refusal of `day`, in the order they were recorded. */
int lifecycle_refusals(bm_store *s, bm_day day, lc_refusal **out, size_t *n, bm_error *err);
void lc_refusals_free(lc_refusal *v, size_t n);

/* ---- status query (公开查询) and papers (lifecycle_paper.c) ----------- */
/* A short text a clerk can read out or print: item, state, due, what is
 * still missing; the ID number masked except its last four.  malloc'd. */
char *lifecycle_status_text(const bm_case *c, bm_day today, const bm_calendar *cal);
/* Case numbers for a case number or an ID number (newest first). */
int lifecycle_find(bm_store *s, const char *no_or_id, char ***nos, size_t *n, bm_error *err);

/* Print (or spool) the paper `form` for a case after a step, through
 * paper_issue (paper.h): as of the step, recorded as a print event.
 * forms_dir: the forms/ folder.  where (may be NULL) gets a malloc'd
 * sentence saying where it went.  BM_EIO/BM_EINVAL when the template is
 * missing or broken or the paper could go nowhere. */
int lifecycle_print(const lc_ctx *x, const char *forms_dir, const char *spool_dir,
		    const char *no, const char *form, const lc_result *res, char **where,
		    bm_error *err);
/* The main paper of an event type (a step's key, "receipt_void"), from
 * the step table's rows (lifecycle_table.c), used by the steps
 * (lc_result.paper), `bianmin print` and the case view: extend ->
 * notice_extension; pause, resume -> notice_special; complete, result ->
 * notice_completed; return -> notice_returned; handover -> handover;
 * notice_breach -> notice_demand.  NULL for a step that prints nothing
 * (notify ...).  The intake's notice depends on the kind decided:
 * lifecycle_paper_for_event. */
const char *lifecycle_paper_for_type(const char *event_type);
/* Every form key bianmin prints (intake notices, receipt, status, 日结单,
 * the steps' papers), distinct: `forms check` requires each.  Fills out
 * (at most max) and returns the count. */
size_t lifecycle_paper_forms(const char **out, size_t max);
const char *lifecycle_paper_for_event(const bm_case *c, const bm_event *e);
/* The paper of the case's latest step that produced one (form NULL), or
 * the latest step that produced `form`; *event (may be NULL) gets that
 * event's index in c->events, SIZE_MAX when none (then NULL is returned). */
const char *lifecycle_latest_paper(const bm_case *c, const char *form, size_t *event);
/* The context of a case paper as the step events[upto] printed it: the
 * case's fields plus the step fields (old_due/new_due/extension_days/
 * approver for 延期, special_* for 特别程序, result for 办结, reason for
 * 退回) from that event and those before it (SIZE_MAX: all events), so a
 * reprint says what the original said: the date and clerk of that event,
 * the kind, state and due date as they stood then; with o->reprint the
 * reprint's time and clerk (reprint_time, reprint_clerk).  res is unused
 * (a step's translated warning is never printed on a paper).  Free with
 * slip_ctx_free. */
slip_ctx *lifecycle_paper_context(const bm_case *c, const bm_center *center, const slip_case_opts *o,
				  size_t upto, const lc_result *res);
/* For `bianmin print` and the case view's reprint: the context of paper
 * `form` of case c (NULL = the paper of its latest step; *form_out gets
 * the key), as that step printed it: lifecycle_paper_context (with the
 * approver's name), or for "handover" the 交接单 of the case's last
 * handover.  x->clerk is the clerk who prints (named on a 补打); the
 * clerk on the paper is the one of its step.  Printing and recording are
 * paper_issue's (paper.h).  NULL + err when there is no such paper. */
slip_ctx *lifecycle_case_paper(const lc_ctx *x, const bm_case *c, const char *form, bool reprint,
				const char **form_out, bm_error *err);
/* The 交接单's context (x->clerk is the clerk on it, NULL = h->by). */
slip_ctx *lifecycle_handover_context(const lc_ctx *x, const lc_handover *h);
/* Every case of handover `id`, pending or acknowledged.  BM_ENOTFOUND
 * when there is none. */
int lifecycle_handover_get(bm_store *s, const char *id, lc_handover *out, bm_error *err);
/* The 交接单 of a handover. */
int lifecycle_print_handover(const lc_ctx *x, const char *forms_dir, const char *spool_dir,
			     const lc_handover *h, char **where, bm_error *err);

#endif
