/* calendar.c - working-day arithmetic (工作日).  A working day is Monday to
 * Friday, minus listed public holidays (法定节假日), plus listed make-up
 * workdays (调休上班).  Listed days are kept in one sorted array, so a
 * lookup is a binary search and counting over a long span is arithmetic
 * plus a range of that array, not a walk over every day.
 * calendar_load (reading holidays.yaml) lives in holidays.c. */
#include "bianmin/calendar.h"

#include <stdlib.h>
#include <string.h>

typedef struct special {
	bm_day day;
	bool workday;   /* true: make-up workday; false: holiday */
	char *name;
} special;

struct bm_calendar {
	special *days;   /* sorted by day, unique */
	size_t n, cap;
	int *years;      /* covered years, sorted, unique */
	size_t nyears, capyears;
};

bm_calendar *calendar_new(void)
{
	return bm_xcalloc(1, sizeof(bm_calendar));
}

void calendar_free(bm_calendar *cal)
{
	if (!cal)
		return;
	for (size_t i = 0; i < cal->n; i++)
		free(cal->days[i].name);
	free(cal->days);
	free(cal->years);
	free(cal);
}

/* Index of the first listed day >= day. */
static size_t lower_bound(const bm_calendar *cal, bm_day day)
{
	size_t lo = 0, hi = cal->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cal->days[mid].day < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static const special *find(const bm_calendar *cal, bm_day day)
{
	if (!cal)
		return NULL;
	size_t i = lower_bound(cal, day);
	return i < cal->n && cal->days[i].day == day ? &cal->days[i] : NULL;
}

/* A day listed twice keeps the last listing (the loader reports the
 * conflict; here we only stay consistent). */
static void add_special(bm_calendar *cal, bm_day day, bool workday, const char *name)
{
	size_t i = lower_bound(cal, day);
	if (i < cal->n && cal->days[i].day == day) {
		free(cal->days[i].name);
	} else {
		if (cal->n == cal->cap) {
			cal->cap = cal->cap ? cal->cap * 2 : 64;
			cal->days = bm_xrealloc(cal->days, cal->cap * sizeof *cal->days);
		}
		memmove(&cal->days[i + 1], &cal->days[i], (cal->n - i) * sizeof *cal->days);
		cal->n++;
	}
	cal->days[i].day = day;
	cal->days[i].workday = workday;
	cal->days[i].name = bm_xstrdup(name);
}

void calendar_add_holiday(bm_calendar *cal, bm_day day, const char *name)
{
	add_special(cal, day, false, name);
}

void calendar_add_workday(bm_calendar *cal, bm_day day, const char *name)
{
	add_special(cal, day, true, name);
}

void calendar_cover_year(bm_calendar *cal, int year)
{
	size_t i = 0;
	while (i < cal->nyears && cal->years[i] < year)
		i++;
	if (i < cal->nyears && cal->years[i] == year)
		return;
	if (cal->nyears == cal->capyears) {
		cal->capyears = cal->capyears ? cal->capyears * 2 : 8;
		cal->years = bm_xrealloc(cal->years, cal->capyears * sizeof *cal->years);
	}
	memmove(&cal->years[i + 1], &cal->years[i], (cal->nyears - i) * sizeof *cal->years);
	cal->years[i] = year;
	cal->nyears++;
}

bool calendar_covers(const bm_calendar *cal, int year)
{
	if (!cal)
		return false;
	size_t lo = 0, hi = cal->nyears;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cal->years[mid] < year)
			lo = mid + 1;
		else if (cal->years[mid] > year)
			hi = mid;
		else
			return true;
	}
	return false;
}

static int year_of(bm_day day)
{
	int y, m, d;
	bm_day_to_ymd(day, &y, &m, &d);
	return y;
}

/* Flag *uncertain when any year of the days lo..hi is not covered. */
static void check_years(const bm_calendar *cal, bm_day lo, bm_day hi, bool *uncertain)
{
	if (!uncertain || *uncertain || lo > hi)
		return;
	for (int y = year_of(lo), last = year_of(hi); y <= last; y++)
		if (!calendar_covers(cal, y)) {
			*uncertain = true;
			return;
		}
}

static bool plain_workday(bm_day day)
{
	return bm_day_weekday(day) <= 5;
}

static bool is_workday(const bm_calendar *cal, bm_day day)
{
	const special *s = find(cal, day);
	return s ? s->workday : plain_workday(day);
}

bool calendar_is_workday(const bm_calendar *cal, bm_day day, bool *uncertain)
{
	check_years(cal, day, day, uncertain);
	return is_workday(cal, day);
}

const char *calendar_day_name(const bm_calendar *cal, bm_day day)
{
	const special *s = find(cal, day);
	return s ? s->name : NULL;
}

bm_day calendar_add_workdays(const bm_calendar *cal, bm_day from, int n, bool *uncertain)
{
	/* n < 0 walks backwards: the |n|-th working day before `from`. */
	int step = n < 0 ? -1 : 1, left = n < 0 ? -n : n;
	bm_day day = from;
	while (left > 0) {
		day += step;
		if (is_workday(cal, day))
			left--;
	}
	if (n != 0)
		check_years(cal, step > 0 ? from + 1 : day, step > 0 ? day : from - 1, uncertain);
	return day;
}

/* Monday-to-Friday days in [0, d) counted from 1970-01-01 (a Thursday),
 * for any d: the count difference over (a, b] is then exact. */
static int64_t weekdays_before(int64_t d)
{
	/* Shift so that day 0 is a Monday: 1970-01-05 is day 4. */
	int64_t x = d - 4;
	int64_t weeks = x >= 0 ? x / 7 : -((-x + 6) / 7);
	int64_t rem = x - weeks * 7;   /* 0..6, 0 = Monday */
	return weeks * 5 + (rem < 5 ? rem : 5);
}

int calendar_workdays_between(const bm_calendar *cal, bm_day a, bm_day b, bool *uncertain)
{
	if (a == b)
		return 0;
	if (b < a)
		return -calendar_workdays_between(cal, b, a, uncertain);
	check_years(cal, a + 1, b, uncertain);
	/* Plain weekdays in (a, b] = [a+1, b+1), then the listed exceptions. */
	int64_t count = weekdays_before((int64_t)b + 1) - weekdays_before((int64_t)a + 1);
	if (cal) {
		for (size_t i = lower_bound(cal, a + 1); i < cal->n && cal->days[i].day <= b; i++) {
			bool plain = plain_workday(cal->days[i].day);
			if (cal->days[i].workday && !plain)
				count++;
			else if (!cal->days[i].workday && plain)
				count--;
		}
	}
	return (int)count;
}
