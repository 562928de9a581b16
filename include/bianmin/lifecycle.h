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
	bool paused;            /* now in a special procedure */
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
/* 延期: days > 0, or to (a later date) when days == 0.  supervisor: the
 * approving supervisor/admin, already logged in with their PIN. */
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
/* 退回 at any open stage; non_supplement: 退件 of a stale 补办件. */
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
} lc_report_row;

typedef struct lc_report {
	int year, month;
	lc_report_row total;
	lc_report_row *windows; size_t n_windows;   /* by window name */
	lc_report_row *items; size_t n_items;       /* by window, then item code */
} lc_report;

/* today: figures for the current month stop at today. */
int lifecycle_report_month(bm_store *s, const bm_calendar *cal, int year, int month, bm_day today,
			   lc_report *out, bm_error *err);
void lc_report_free(lc_report *r);
/* 办结率 in tenths of a percent (completed * 1000 / received; 0 when none). */
int lc_completion_rate(const lc_report_row *r);

/* ---- status query (公开查询) and papers (lifecycle_paper.c) ----------- */
/* A short text a clerk can read out or print: item, state, due, what is
 * still missing; the ID number masked except its last four.  malloc'd. */
char *lifecycle_status_text(const bm_case *c, bm_day today, const bm_calendar *cal);
/* Case numbers for a case number or an ID number (newest first). */
int lifecycle_find(bm_store *s, const char *no_or_id, char ***nos, size_t *n, bm_error *err);

/* Print (or spool) the paper `form` for a case after a step: the case's
 * fields plus the step's (new_due, special_*, approver, result ...).
 * forms_dir: the forms/ folder.  where (may be NULL) gets a malloc'd
 * sentence saying where it went.  BM_EIO/BM_EINVAL when the template is
 * missing or broken or the paper could go nowhere. */
int lifecycle_print(const lc_ctx *x, const char *forms_dir, const char *spool_dir,
		    const char *no, const char *form, const lc_result *res, char **where,
		    bm_error *err);
/* Which paper a step produces, in ONE table (lifecycle_paper.c) used by
 * the steps (lc_result.paper), `bianmin print` and the case view:
 * intake -> the notice of the kind decided then (slip_form_for_kind);
 * extend -> notice_extension; pause, resume -> notice_special; complete,
 * result -> notice_completed; return -> notice_returned; handover ->
 * handover.  NULL for a step that prints nothing (reprint, notify ...). */
const char *lifecycle_paper_for_type(const char *event_type);
const char *lifecycle_paper_for_event(const bm_case *c, const bm_event *e);
/* The paper of the case's latest step that produced one (form NULL), or
 * the latest step that produced `form`; *event (may be NULL) gets that
 * event's index in c->events, SIZE_MAX when none (then NULL is returned). */
const char *lifecycle_latest_paper(const bm_case *c, const char *form, size_t *event);
/* The context of a case paper as the step events[upto] printed it: the
 * case's fields plus the step fields (old_due/new_due/extension_days/
 * approver for 延期, special_* for 特别程序, result for 办结, reason for
 * 退回) from that event and those before it (SIZE_MAX: all events), so a
 * reprint says what the original said.  res (may be NULL) adds its
 * warning as "note".  Free with slip_ctx_free. */
slip_ctx *lifecycle_paper_context(const bm_case *c, const bm_center *center, const slip_case_opts *o,
				  size_t upto, const lc_result *res);
/* For `bianmin print` and the case view's reprint: the context of paper
 * `form` of case c (NULL = the paper of its latest step; *form_out gets
 * the key), as that step printed it: lifecycle_paper_context, or for
 * "handover" the 交接单 of the case's last handover.  x->clerk is the
 * clerk on the paper; reprint marks it 补打 (recording the reprint event
 * is the caller's).  NULL + err when there is no such paper. */
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
