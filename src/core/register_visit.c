/* register_visit.c - 上门服务: a case taken on a home visit is received
 * (受理) at the visit's date and time and entered when the clerk is back
 * (its events are stamped then: the ledger's clock never goes back). */
#include "bianmin/cases.h"
#include "bianmin/lifecycle.h"
#include "bianmin/register.h"
#include "flatrec.h"

#include <stdio.h>
#include <string.h>

int reg_visit_receipt(bm_store *s, const reg_entry *e, const bm_calendar *cal, bm_time now, bm_time *received,
		      bm_error *err)
{
	const char *no = reg_get(e, RF_NO);
	bm_day day;
	if (strcmp(reg_get(e, RF_BOOK), book_key(BOOK_VISIT)) != 0)
		return bm_fail(err, BM_EINVAL, _("%s is not a home visit."), no);
	if (strcmp(reg_get(e, RF_STATE), reg_state_key(REG_CLOSED)) == 0)
		return bm_fail(err, BM_EINVAL, _("Home visit %s is closed: enter the cases taken on it before closing it."), no);
	if (!bm_day_parse(reg_get(e, RF_AT_DAY), &day))
		return bm_fail(err, BM_EINVAL, _("Home visit %s has no date."), no);
	int h = 9, m = 0;   /* a visit booked without a time: the morning's start */
	if (e->f[RF_AT_TIME] && sscanf(e->f[RF_AT_TIME], "%d:%d", &h, &m) != 2)
		return bm_fail(err, BM_EINVAL, _("A time is HH:MM, not \"%s\"."), e->f[RF_AT_TIME]);
	*received = now;
	received->epoch = (int64_t)day * 86400 + h * 3600 + m * 60 - now.utc_offset;
	if (received->epoch > now.epoch)
		return bm_fail(err, BM_EINVAL, _("Home visit %s is on %s %02d:%02d, which has not come yet: its cases are entered on return."),
			       no, reg_get(e, RF_AT_DAY), h, m);
	int back = cal ? calendar_workdays_between(cal, day, bm_time_day(now), NULL) : 0;
	if (back > REG_VISIT_DAYS_BACK)
		return bm_fail(err, BM_EINVAL, _("Home visit %s was on %s, more than %d working days ago: a case taken on a visit is"
						 " entered within %d working days of it; take it as a case received today."),
			       no, reg_get(e, RF_AT_DAY), REG_VISIT_DAYS_BACK, REG_VISIT_DAYS_BACK);
	/* a month's figures are final once closed (月结): no case joins it later */
	int y, mo, d, ny, nmo;
	bm_day_to_ymd(day, &y, &mo, &d);
	bm_day_to_ymd(bm_time_day(now), &ny, &nmo, &d);
	bool closed = false;
	if ((y != ny || mo != nmo) && lifecycle_month_closed(s, y, mo, &closed, err))
		return BM_EDB;
	if (closed)
		return bm_fail(err, BM_EINVAL, _("Home visit %s was in %04d-%02d, whose figures are closed (月结): take its case as"
						 " one received today."), no, y, mo);
	return BM_OK;
}

/* The intake event's x.visit (cases.c writes it). */
char *reg_case_visit(const struct bm_case *c, bm_time *entered)
{
	for (size_t i = 0; i < c->n_events; i++) {
		const bm_event *e = &c->events[i];
		flatrec d;
		if (!e->type || strcmp(e->type, "intake") != 0 || !e->details || !flatrec_parse(e->details, &d))
			continue;
		const char *v = flatrec_get(&d, "x.visit", NULL);
		char *out = v ? bm_xstrdup(v) : NULL;
		flatrec_free(&d);
		if (out && entered)
			*entered = e->at;
		return out;
	}
	return NULL;
}
