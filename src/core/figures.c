/* figures.c - figures are history (issue 11): one case's part of a
 * period's figures, computed from its events as of the period's end.  The
 * case is replayed to that day (state, due date, clock, closing day, its
 * events so far), so nothing that happens later changes a past period. */
#include "lifecycle_int.h"

#include <stdlib.h>
#include <string.h>

static bool in_period(bm_day d, bm_day first, bm_day last)
{
	return d != BM_NO_DAY && d >= first && d <= last;
}

static bm_day day_of(const char *v)
{
	bm_day d;
	return v && bm_day_parse(v, &d) ? d : BM_NO_DAY;
}

/* What replaying one event's details changes (the keys as_of needs). */
typedef struct replay {
	bm_case *h;
	bool intake;
	bm_kind *intake_kind;
} replay;

static bool replay_each(const char *key, const char *v, void *ctx)
{
	replay *r = ctx;
	bm_case_state st;
	bm_kind kd;
	if (strcmp(key, "state") == 0) {
		if (v && case_state_parse(v, &st))
			r->h->state = st;
	} else if (strcmp(key, "kind") == 0) {
		if (v && kind_parse(v, &kd)) {
			r->h->kind = kd;
			if (r->intake)
				*r->intake_kind = kd;
		}
	} else if (strcmp(key, "due") == 0) {
		r->h->due = day_of(v);
	} else if (strcmp(key, "clock_start") == 0) {
		r->h->clock_start = day_of(v);
	} else if (strcmp(key, "completed_day") == 0) {
		r->h->completed_day = day_of(v);
	}
	return true;
}

/* The case as its events up to `end` made it: a shallow copy (never
 * case_free'd) whose scalar fields are replayed and whose events stop at
 * the last one of `end`.  *intake_kind gets the kind decided at intake.
 * The details are scanned, not parsed into records: a month's report
 * replays thousands of cases. */
static void as_of(const bm_case *c, bm_day end, bm_case *h, bm_kind *intake_kind)
{
	*h = *c;
	*intake_kind = c->kind;
	size_t n = 0;
	while (n < c->n_events && bm_time_day(c->events[n].at) <= end)
		n++;
	h->n_events = n;
	for (size_t k = 0; k < n; k++) {
		replay r = { .h = h, .intake_kind = intake_kind,
			     .intake = c->events[k].type && strcmp(c->events[k].type, "intake") == 0 };
		if (c->events[k].details)
			flatrec_scan(c->events[k].details, replay_each, &r);
	}
}

static int overdue_at(const bm_case *c, bm_day ref, const bm_calendar *cal)
{
	if (c->due == BM_NO_DAY || ref == BM_NO_DAY || ref <= c->due)
		return 0;
	int d = calendar_workdays_between(cal, c->due, ref, NULL);
	return d > 0 ? d : 0;
}

void lc_case_figures(const bm_case *c, const bm_calendar *cal, bm_day first, bm_day end, lc_report_row *d)
{
	memset(d, 0, sizeof *d);
	if (c->accepted_day == BM_NO_DAY || c->accepted_day > end)
		return;
	bm_case h;
	bm_kind intake_kind;
	as_of(c, end, &h, &intake_kind);
	lc_info in;
	lifecycle_info(&h, &in);
	d->received = in_period(h.accepted_day, first, end);
	d->refused = d->received && intake_kind == KIND_RETURNED;
	bool final = case_state_final(h.state);
	bool closed_in = final && in_period(h.completed_day, first, end);
	d->completed = closed_in && h.state == CASE_COMPLETED;
	d->returned = closed_in && h.state == CASE_RETURNED;
	if (closed_in) {
		d->overdue_late = overdue_at(&h, h.completed_day, cal) > 0;
	} else if (!final) {
		bm_day ref = h.state == CASE_PAUSED && in.pause_day != BM_NO_DAY && in.pause_day < end ? in.pause_day
			     : h.state == CASE_WAITING_MATERIALS ? BM_NO_DAY : end;
		d->overdue_open = overdue_at(&h, ref, cal) > 0;
	}
	d->overdue = d->overdue_late + d->overdue_open;
	for (size_t k = 0; k < h.n_events; k++) {
		const bm_event *e = &h.events[k];
		if (!e->type || !in_period(bm_time_day(e->at), first, end))
			continue;
		if (strcmp(e->type, "notice_breach") == 0)
			d->breaches++;
		else if (strcmp(e->type, "extend") == 0)
			d->extensions++;
		else if (strcmp(e->type, "return") == 0)
			d->negatives++;
		flatrec n;
		if ((strcmp(e->type, "rate") == 0 || strcmp(e->type, "complete") == 0) && lc_event_note(e, &n)) {
			const char *l = flatrec_get(&n, "level", NULL), *ap = flatrec_get(&n, "approved", NULL);
			if (strcmp(e->type, "rate") == 0)
				d->bad_ratings += l && atoi(l) >= LC_RATING_BAD;
			else
				d->negatives += ap && strcmp(ap, "0") == 0;
			flatrec_free(&n);
		}
	}
	lc_info_free(&in);
}

void lc_report_add(lc_report_row *r, const lc_report_row *d)
{
	r->received += d->received;
	r->completed += d->completed;
	r->returned += d->returned;
	r->overdue += d->overdue;
	r->breaches += d->breaches;
	r->bad_ratings += d->bad_ratings;
	r->overdue_late += d->overdue_late;
	r->overdue_open += d->overdue_open;
	r->refused += d->refused;
	r->negatives += d->negatives;
	r->extensions += d->extensions;
}
