/* lifecycle_int.h - (internal) what the lifecycle files share: the note
 * each step keeps in its event (a flat JSON object), and a step's run. */
#ifndef BIANMIN_LIFECYCLE_INT_H
#define BIANMIN_LIFECYCLE_INT_H

#include "bianmin/lifecycle.h"
#include "flatrec.h"

/* The event's own note as a flatrec ("x.note" of its details, parsed);
 * false when the event has no note of ours. */
bool lc_event_note(const bm_event *e, flatrec *out);

/* The step table's state rules (lifecycle_table.c): true, or false with
 * why saying why not. */
bool lc_state_allows(const bm_case *c, const lc_info *in, lc_step step, bm_error *why);

/* The supervisor approving x's step: x->approver, or x->clerk when a
 * supervisor; NULL when neither is one. */
const bm_clerk *lc_approver(const lc_ctx *x);
/* BM_OK when lc_approver(x), else BM_EDENIED with the 否定报备 sentence
 * naming `what` (the step's label). */
int lc_need_approval(const lc_ctx *x, const char *what, bm_error *err);

/* Center settings with their defaults. */
int lc_timeout_days(const bm_center *c);
int lc_followup_days(const bm_center *c);
int lc_soon_days(const bm_center *c);

/* Inside the step's transaction: is x->clerk still active in the
 * database?  (A screen keeps the clerk it logged in; an admin may have
 * disabled them since.)  BM_EDENIED when not. */
int lc_clerk_still_active(const lc_ctx *x, bm_error *err);

/* Load the case and check that x->clerk may take `step` now.  On BM_OK
 * the caller owns c (case_free) and info (lc_info_free). */
int lc_begin(const lc_ctx *x, const char *no, lc_step step, bm_case *c, lc_info *info,
	     bm_error *err);

/* Write the step: case_apply with the sets, the event type, reason, and
 * note (may be NULL, JSON'd into the event).  mats may be NULL. */
int lc_apply(const lc_ctx *x, const char *no, const char *type, const char *reason,
	     const flatrec *note, const case_set *sets, size_t n_sets, const case_mat_set *mats,
	     size_t n_mats, bm_error *err);

/* A day as text into buf[11] ("" -> NULL for BM_NO_DAY). */
const char *lc_day(bm_day d, char *buf);

/* A non-empty text after trimming blanks? */
bool lc_has_text(const char *s);

/* Fill res from a freshly loaded case. */
void lc_result_from(bm_store *s, const char *no, lc_result *res);

/* The step table's notes and takes (lifecycle_take.c). */
void lc_note_demand(const bm_case *c, char *buf, size_t len);
void lc_note_extend(const bm_case *c, char *buf, size_t len);
void lc_note_notify(const bm_case *c, char *buf, size_t len);
void lc_note_feedback(const bm_case *c, char *buf, size_t len);
void lc_note_reply(const bm_case *c, char *buf, size_t len);
#define LC_TAKE(name) int lc_take_##name(const lc_ctx *x, const char *no, const lc_values *v, lc_result *res, bm_error *err)
LC_TAKE(supplement); LC_TAKE(demand); LC_TAKE(pause); LC_TAKE(resume); LC_TAKE(extend);
LC_TAKE(opinion); LC_TAKE(forward); LC_TAKE(result); LC_TAKE(complete); LC_TAKE(return);
LC_TAKE(withdraw); LC_TAKE(notify); LC_TAKE(rate); LC_TAKE(followup); LC_TAKE(feedback);
LC_TAKE(reply);
#undef LC_TAKE

#endif
