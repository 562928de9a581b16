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

/* The case as its events up to `end` made it: a shallow copy (never
 * case_free'd) whose scalar fields are replayed and whose events stop at
 * the last one of `end`.  *intake_kind gets the kind decided at intake. */
static void as_of(const bm_case *c, bm_day end, bm_case *h, bm_kind *intake_kind)
{
	*h = *c;
	*intake_kind = c->kind;
	size_t n = 0;
	while (n < c->n_events && bm_time_day(c->events[n].at) <= end)
		n++;
	h->n_events = n;
	for (size_t k = 0; k < n; k++) {
		flatrec d = {0};
		if (!c->events[k].details || !flatrec_parse(c->events[k].details, &d))
			continue;
		bool has;
		const char *v;
		bm_case_state st;
		bm_kind kd;
		if ((v = flatrec_get(&d, "state", &has)) && case_state_parse(v, &st))
			h->state = st;
		if ((v = flatrec_get(&d, "kind", &has)) && kind_parse(v, &kd)) {
			h->kind = kd;
			if (c->events[k].type && strcmp(c->events[k].type, "intake") == 0)
				*intake_kind = kd;
		}
		v = flatrec_get(&d, "due", &has);
		if (has)
			h->due = day_of(v);
		v = flatrec_get(&d, "clock_start", &has);
		if (has)
			h->clock_start = day_of(v);
		v = flatrec_get(&d, "completed_day", &has);
		if (has)
			h->completed_day = day_of(v);
		flatrec_free(&d);
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
