/* calendar.h - working days (工作日): Monday to Friday, minus listed public
 * holidays, plus listed make-up workdays (调休).  Years the holiday file does
 * not cover are "uncertain": the arithmetic still answers, as a plain
 * Mon-Fri year, but tells the caller so it can be flagged. */
#ifndef BIANMIN_CALENDAR_H
#define BIANMIN_CALENDAR_H

#include "bianmin/common.h"
#include "bianmin/diag.h"

typedef struct bm_calendar bm_calendar;

bm_calendar *calendar_new(void);
void calendar_free(bm_calendar *cal);
/* Building a calendar (the loader calls these). name may be NULL. */
void calendar_add_holiday(bm_calendar *cal, bm_day day, const char *name);
void calendar_add_workday(bm_calendar *cal, bm_day day, const char *name);
void calendar_cover_year(bm_calendar *cal, int year);

/* Load holidays.yaml (format in bianmin-catalog(5)).  NULL on error, with
 * every mistake in d. */
bm_calendar *calendar_load(const char *path, bm_diags *d);

bool calendar_covers(const bm_calendar *cal, int year);
/* *uncertain (may be NULL) is set true when the day's year is not covered;
 * it is never reset to false, so one flag can collect over several calls. */
bool calendar_is_workday(const bm_calendar *cal, bm_day day, bool *uncertain);
/* Name of the holiday or make-up day, or NULL. */
const char *calendar_day_name(const bm_calendar *cal, bm_day day);
/* The n-th working day AFTER `from` (from itself never counts); n >= 0;
 * n == 0 returns from. */
bm_day calendar_add_workdays(const bm_calendar *cal, bm_day from, int n, bool *uncertain);
/* Number of working days in (a, b]; negative if b < a (then -count of (b, a]). */
int calendar_workdays_between(const bm_calendar *cal, bm_day a, bm_day b, bool *uncertain);

#endif
