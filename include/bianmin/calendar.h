/* calendar.h - working days (工作日): Monday to Friday, minus listed public
 * holidays, plus listed make-up workdays (调休).  Years the holiday file does
 * not cover are "uncertain" (shown as provisional, 暂定): the arithmetic
 * still answers, with the statutory holidays that need no announcement
 * (calendar_add_statutory: 元旦, 春节 除夕..初三, 清明, 劳动节 5/1-5/2,
 * 端午, 中秋, 国庆 10/1-10/3) and no make-up days, and tells the caller so
 * every such date can be marked. */
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
/* Add the statutory holidays of every year (of the generated table,
 * 2020-2080) the calendar does not cover, named "元旦（暂定）" ...;
 * calendar_load calls it after reading the file. */
void calendar_add_statutory(bm_calendar *cal);
/* Is day in a year the file does not cover (a provisional day)? */
bool calendar_provisional(const bm_calendar *cal, bm_day day);
/* From 1 November: the next year is not in the file yet (the home
 * screen's banner). */
bool calendar_next_year_missing(const bm_calendar *cal, bm_day today);
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
