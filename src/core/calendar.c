/* calendar.c - working-day arithmetic (工作日).  A working day is Monday to
 * Friday, minus listed public holidays (法定节假日), plus listed make-up
 * workdays (调休上班).  Listed days are kept in one sorted array, so a
 * lookup is a binary search and counting over a long span is arithmetic
 * plus a range of that array, not a walk over every day.
 * calendar_load (reading holidays.yaml) lives in holidays.c. */
#include "bianmin/calendar.h"
#include "statutory.h"

#include <stdio.h>

#include <stdlib.h>
#include <string.h>

typedef struct special {
	bm_day day;
	bool workday;   /* true: make-up workday; false: holiday */
	bool provisional;   /* a statutory holiday of a year the file does not cover */
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
static special *add_special(bm_calendar *cal, bm_day day, bool workday, const char *name)
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
	cal->days[i].provisional = false;
	cal->days[i].name = bm_xstrdup(name);
	return &cal->days[i];
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

/* ---- the horizon (全国年节及纪念日放假办法) ------------------------------
 * A year the file does not cover still has the holidays that need no
 * announcement: 元旦 1/1, 劳动节 5/1-5/2, 国庆节 10/1-10/3, and the lunar
 * ones from the generated table (春节 除夕..初三, 清明, 端午, 中秋).  Only
 * the State Council's yearly notice adds the bridge days and make-up
 * workdays (调休), so such a year stays provisional (暂定). */
static void add_provisional(bm_calendar *cal, int y, int m, int d, int n, const char *name)
{
	bm_day day;
	if (!bm_day_from_ymd(y, m, d, &day))
		return;
	for (int i = 0; i < n; i++)
		add_special(cal, day + i, false, name)->provisional = true;
}

static void add_provisional_text(bm_calendar *cal, const char *ymd, int n, const char *name)
{
	int y, m, d;
	if (sscanf(ymd, "%d-%d-%d", &y, &m, &d) == 3)
		add_provisional(cal, y, m, d, n, name);
}

void calendar_add_statutory(bm_calendar *cal)
{
	for (int i = 0; cal && i < STATUTORY_N; i++) {
		const statutory_year *s = &STATUTORY_YEARS[i];
		if (calendar_covers(cal, s->year))
			continue;
		add_provisional(cal, s->year, 1, 1, 1, "元旦（暂定）");
		add_provisional_text(cal, s->eve, 4, "春节（暂定）");
		add_provisional_text(cal, s->qingming, 1, "清明节（暂定）");
		add_provisional(cal, s->year, 5, 1, 2, "劳动节（暂定）");
		add_provisional_text(cal, s->duanwu, 1, "端午节（暂定）");
		add_provisional_text(cal, s->zhongqiu, 1, "中秋节（暂定）");
		add_provisional(cal, s->year, 10, 1, 3, "国庆节（暂定）");
	}
}

bool calendar_provisional(const bm_calendar *cal, bm_day day)
{
	return !calendar_covers(cal, year_of(day));
}

bool calendar_next_year_missing(const bm_calendar *cal, bm_day today)
{
	int y, m, d;
	bm_day_to_ymd(today, &y, &m, &d);
	return m >= 11 && !calendar_covers(cal, y + 1);
}
