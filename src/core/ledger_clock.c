/* ledger_clock.c - the clock is not believed blindly.  A new event may
 * not be earlier than the ledger's newest by more than the center's
 * clock_tolerance_minutes, nor outside the years 2000-2099; a supervisor
 * who finds the earlier times were the wrong ones records that with a
 * clock_override event (bianmin clock accept), after which events follow
 * it.  verify checks the same order over the whole chain. */
#include "bianmin/ledger.h"
#include "ledger_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int tolerance = 10;   /* minutes; <= 0: no order check (unit tests) */

void ledger_set_clock_tolerance(int minutes)
{
	tolerance = minutes;
}

int ledger_clock_tolerance(void)
{
	return tolerance;
}

/* Types exempt from the order: the override itself, and a PIN lock (a
 * guesser who sets the clock back must not stop the count). */
static bool exempt(const char *type)
{
	return type && (strcmp(type, "clock_override") == 0 || strcmp(type, "clerk_lock") == 0);
}

int clock_event_ok(const char *last_at, const char *at, const char *type, bm_error *err)
{
	if (exempt(type))
		return BM_OK;
	bm_time t, last;
	if (!at || !bm_time_parse(at, &t))
		return bm_fail(err, BM_EINVAL, _("The time %s cannot be read."), at ? at : "");
	int year = atoi(at);
	if (year < 2000 || year > 2099)
		return bm_fail(err, BM_EINVAL, _("The computer's clock says %s, outside the years 2000 to 2099; nothing was saved. Set the clock right."),
			       at);
	if (tolerance > 0 && last_at && bm_time_parse(last_at, &last) &&
	    t.epoch < last.epoch - (int64_t)tolerance * 60)
		return bm_fail(err, BM_EINVAL, _("The computer's clock says %s, but the ledger's newest event is at %s: the clock went back more than %d minutes; nothing was saved. Set the clock right; if it is right and those times were wrong, a supervisor records that with: bianmin clock accept --by CODE --reason TEXT."),
			       at, last_at, tolerance);
	return BM_OK;
}

int clock_verify_step(clock_order *c, int64_t id, const char *at, const char *type, const char *case_no,
		      ledger_problem *p)
{
	if (exempt(type) && strcmp(type, "clock_override") != 0)
		return 0;
	bm_time t;
	if (!at || !bm_time_parse(at, &t))
		return verify_problem(p, id, case_no, at, _("event %lld has an unreadable time"), (long long)id);
	int year = atoi(at);
	if (year < 2000 || year > 2099)
		return verify_problem(p, id, case_no, at, _("event %lld is dated outside the years 2000 to 2099: the clock was wrong"),
				      (long long)id);
	if (tolerance > 0 && c->have && !exempt(type) && t.epoch < c->last - (int64_t)tolerance * 60)
		return verify_problem(p, id, case_no, at, _("event %lld is earlier than the event before it by more than %d minutes, with no clock override: the clock was set back, or it was written later"),
				      (long long)id, tolerance);
	c->have = true;
	c->last = t.epoch;
	return 0;
}

int ledger_clock_accept(bm_store *s, const bm_clerk *actor, const char *reason, bm_time now, bm_error *err)
{
	if (!auth_can(actor, ROLE_SUPERVISOR))
		return bm_fail(err, BM_EDENIED, _("Only a supervisor can accept the clock."));
	if (!reason || !*reason)
		return bm_fail(err, BM_EINVAL, _("Accepting the clock needs a reason."));
	char at[40];
	bm_time_format(now, at);
	int year = atoi(at);
	if (year < 2000 || year > 2099)
		return bm_fail(err, BM_EINVAL, _("The computer's clock says %s, outside the years 2000 to 2099; nothing was saved. Set the clock right."),
			       at);
	if (store_begin(s, err))
		return BM_EDB;
	int rc = event_append(s, 0, at, actor->code, "clock_override", "{}", reason, err);
	if (rc) {
		store_rollback(s);
		return rc;
	}
	return store_commit(s, err);
}
