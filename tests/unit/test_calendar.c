/* test_calendar.c - working days against China's official 2026 schedule
 * (国务院办公厅 2026 年部分节假日安排), built here by hand so this suite does
 * not depend on the YAML loader. */
#include "bianmin/calendar.h"
#include "unit.h"

#include <string.h>

static bm_calendar *cal;

static bm_day D(const char *s)
{
	bm_day d;
	ck_assert_msg(bm_day_parse(s, &d), "bad date in test: %s", s);
	return d;
}

static void holidays(const char *from, const char *to, const char *name)
{
	for (bm_day d = D(from); d <= D(to); d++)
		calendar_add_holiday(cal, d, name);
}

static void setup(void)
{
	cal = calendar_new();
	calendar_cover_year(cal, 2026);
	holidays("2026-01-01", "2026-01-03", "元旦");
	calendar_add_workday(cal, D("2026-01-04"), "元旦调休");
	holidays("2026-02-15", "2026-02-23", "春节");
	calendar_add_workday(cal, D("2026-02-14"), "春节调休");
	calendar_add_workday(cal, D("2026-02-28"), "春节调休");
	holidays("2026-04-04", "2026-04-06", "清明节");
	holidays("2026-05-01", "2026-05-05", "劳动节");
	calendar_add_workday(cal, D("2026-05-09"), "劳动节调休");
	holidays("2026-06-19", "2026-06-21", "端午节");
	holidays("2026-09-25", "2026-09-27", "中秋节");
	holidays("2026-10-01", "2026-10-07", "国庆节");
	calendar_add_workday(cal, D("2026-09-20"), "国庆节调休");
	calendar_add_workday(cal, D("2026-10-10"), "国庆节调休");
}

static void teardown(void)
{
	calendar_free(cal);
	cal = NULL;
}

static void expect_work(const char *day, bool want)
{
	bool unc = false;
	ck_assert_msg(calendar_is_workday(cal, D(day), &unc) == want, "%s should be a %s", day,
		      want ? "working day" : "day off");
	ck_assert_msg(!unc, "%s flagged uncertain in a covered year", day);
}

/* Each holiday block: the day before, first, last, the day after. */
START_TEST(holiday_boundaries)
{
	expect_work("2026-01-01", false);
	expect_work("2026-01-03", false);
	expect_work("2026-01-05", true);

	expect_work("2026-02-13", true);
	expect_work("2026-02-15", false);
	expect_work("2026-02-16", false);  /* a Monday inside 春节 */
	expect_work("2026-02-23", false);
	expect_work("2026-02-24", true);

	expect_work("2026-04-03", true);
	expect_work("2026-04-04", false);
	expect_work("2026-04-06", false);  /* Monday */
	expect_work("2026-04-07", true);

	expect_work("2026-04-30", true);
	expect_work("2026-05-01", false);
	expect_work("2026-05-05", false);
	expect_work("2026-05-06", true);

	expect_work("2026-06-18", true);
	expect_work("2026-06-19", false);  /* Friday */
	expect_work("2026-06-21", false);
	expect_work("2026-06-22", true);

	expect_work("2026-09-24", true);
	expect_work("2026-09-25", false);  /* Friday */
	expect_work("2026-09-27", false);
	expect_work("2026-09-28", true);
	expect_work("2026-09-30", true);
	expect_work("2026-10-01", false);
	expect_work("2026-10-07", false);
	expect_work("2026-10-08", true);

	ck_assert_str_eq(calendar_day_name(cal, D("2026-10-03")), "国庆节");
	ck_assert_ptr_null(calendar_day_name(cal, D("2026-10-08")));
}
END_TEST

START_TEST(makeup_days)
{
	const char *makeup[] = {"2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09",
				"2026-09-20", "2026-10-10"};
	for (size_t i = 0; i < sizeof makeup / sizeof makeup[0]; i++) {
		ck_assert_int_ge(bm_day_weekday(D(makeup[i])), 6);   /* all weekends */
		expect_work(makeup[i], true);
	}
	ck_assert_str_eq(calendar_day_name(cal, D("2026-02-28")), "春节调休");
	/* Plain weekends stay off. */
	expect_work("2026-01-10", false);
	expect_work("2026-10-11", false);
	expect_work("2026-03-01", false);
}
END_TEST

START_TEST(add_workdays_national_day)
{
	bool unc = false;
	char buf[11];
	/* 9-30 (Wed) -> 10-8 (1), 10-9 (2), 10-10 调休 Sat (3), 10-12 (4), 10-13 (5). */
	ck_assert_str_eq(bm_day_format(calendar_add_workdays(cal, D("2026-09-30"), 5, &unc), buf), "2026-10-13");
	ck_assert(!unc);
	ck_assert_str_eq(bm_day_format(calendar_add_workdays(cal, D("2026-09-30"), 1, &unc), buf), "2026-10-08");
	/* Acceptance day does not count, even when it is a working day. */
	ck_assert_str_eq(bm_day_format(calendar_add_workdays(cal, D("2026-09-28"), 1, &unc), buf), "2026-09-29");
	/* 春节: 2-13 (Fri) + 1 = 2-14 (Sat, 调休); + 2 = 2-24. */
	ck_assert_str_eq(bm_day_format(calendar_add_workdays(cal, D("2026-02-13"), 1, &unc), buf), "2026-02-14");
	ck_assert_str_eq(bm_day_format(calendar_add_workdays(cal, D("2026-02-13"), 2, &unc), buf), "2026-02-24");
	/* 元旦: 12-31 is outside the covered year, so start inside it. */
	ck_assert_str_eq(bm_day_format(calendar_add_workdays(cal, D("2026-01-01"), 1, &unc), buf), "2026-01-04");
	/* 劳动节 + 20 working days, a typical promise: 4-30 -> 6-1
	 * (5-6..5-8, 5-9 调休, then three full weeks and 6-1). */
	ck_assert_str_eq(bm_day_format(calendar_add_workdays(cal, D("2026-04-30"), 20, &unc), buf), "2026-06-01");
	ck_assert(!unc);
}
END_TEST

START_TEST(add_zero)
{
	bool unc = false;
	ck_assert_int_eq(calendar_add_workdays(cal, D("2026-10-03"), 0, &unc), D("2026-10-03"));
	ck_assert_int_eq(calendar_add_workdays(cal, D("2026-06-10"), 0, &unc), D("2026-06-10"));
	ck_assert(!unc);
	ck_assert_int_eq(calendar_workdays_between(cal, D("2026-06-10"), D("2026-06-10"), &unc), 0);
}
END_TEST

START_TEST(year_boundary_uncertain)
{
	bool unc = false;
	char buf[11];
	ck_assert(calendar_covers(cal, 2026));
	ck_assert(!calendar_covers(cal, 2027));
	/* Into 2027, which nobody has stated: treated as a plain year, flagged. */
	bm_day due = calendar_add_workdays(cal, D("2026-12-31"), 1, &unc);
	ck_assert_str_eq(bm_day_format(due, buf), "2027-01-01");
	ck_assert(unc);
	/* Staying inside 2026 does not flag. */
	unc = false;
	ck_assert_str_eq(bm_day_format(calendar_add_workdays(cal, D("2026-12-30"), 1, &unc), buf), "2026-12-31");
	ck_assert(!unc);
	/* The flag is sticky across calls. */
	unc = true;
	calendar_add_workdays(cal, D("2026-06-01"), 3, &unc);
	ck_assert(unc);
	/* Asking about a single day of 2027. */
	unc = false;
	ck_assert(calendar_is_workday(cal, D("2027-01-04"), &unc));
	ck_assert(unc);
	unc = false;
	ck_assert_int_eq(calendar_workdays_between(cal, D("2026-12-25"), D("2027-01-08"), &unc), 10);
	ck_assert(unc);
	/* NULL flag pointer is fine. */
	ck_assert_int_eq(calendar_add_workdays(cal, D("2026-12-31"), 2, NULL), D("2027-01-04"));
}
END_TEST

START_TEST(between_both_directions)
{
	bool unc = false;
	/* (9-30, 10-13]: 10-8, 10-9, 10-10, 10-12, 10-13. */
	ck_assert_int_eq(calendar_workdays_between(cal, D("2026-09-30"), D("2026-10-13"), &unc), 5);
	ck_assert_int_eq(calendar_workdays_between(cal, D("2026-10-13"), D("2026-09-30"), &unc), -5);
	/* (2-13, 2-28]: 2-14, 2-24..2-27 (4), 2-28 = 6. */
	ck_assert_int_eq(calendar_workdays_between(cal, D("2026-02-13"), D("2026-02-28"), &unc), 6);
	ck_assert_int_eq(calendar_workdays_between(cal, D("2026-02-28"), D("2026-02-13"), &unc), -6);
	/* One day apart. */
	ck_assert_int_eq(calendar_workdays_between(cal, D("2026-10-09"), D("2026-10-10"), &unc), 1);
	ck_assert_int_eq(calendar_workdays_between(cal, D("2026-10-10"), D("2026-10-11"), &unc), 0);
	ck_assert(!unc);
	/* Inverse of add_workdays over the whole year, from every day. */
	for (bm_day d = D("2026-01-01"); d <= D("2026-11-01"); d++)
		for (int n = 0; n <= 25; n += 5) {
			bm_day due = calendar_add_workdays(cal, d, n, &unc);
			ck_assert_int_eq(calendar_workdays_between(cal, d, due, &unc), n);
		}
	/* 2026: 261 Mon-Fri days, 19 holidays on weekdays, 6 make-up days. */
	int slow = 0;
	for (bm_day d = D("2026-01-01"); d <= D("2026-12-31"); d++)
		slow += calendar_is_workday(cal, d, &unc);
	ck_assert_int_eq(calendar_workdays_between(cal, D("2025-12-31"), D("2026-12-31"), NULL), slow);
	ck_assert_int_eq(slow, 248);
	ck_assert(!unc);
}
END_TEST

START_TEST(relisting_a_day)
{
	bool unc = false;
	calendar_add_workday(cal, D("2026-10-03"), "x");
	ck_assert(calendar_is_workday(cal, D("2026-10-03"), &unc));
	calendar_add_holiday(cal, D("2026-10-03"), "国庆节");
	ck_assert(!calendar_is_workday(cal, D("2026-10-03"), &unc));
	ck_assert_str_eq(calendar_day_name(cal, D("2026-10-03")), "国庆节");
}
END_TEST

START_TEST(empty_calendar)
{
	bm_calendar *plain = calendar_new();
	bool unc = false;
	/* 2026-10-01 is a Thursday: a plain calendar knows nothing of 国庆. */
	ck_assert(calendar_is_workday(plain, D("2026-10-01"), &unc));
	ck_assert(unc);
	unc = false;
	ck_assert_int_eq(calendar_add_workdays(plain, D("2026-09-30"), 5, &unc), D("2026-10-07"));
	ck_assert(unc);
	ck_assert_int_eq(calendar_workdays_between(plain, D("2026-09-30"), D("2026-10-07"), NULL), 5);
	calendar_free(plain);
	calendar_free(NULL);
}
END_TEST

/* Past the file (issue 11): the statutory holidays that need no
 * announcement, provisional; the covered year is left as it is. */
START_TEST(statutory_horizon)
{
	calendar_add_statutory(cal);
	bool unc = false;
	ck_assert(!calendar_is_workday(cal, D("2027-01-01"), &unc));   /* 元旦, a Friday */
	ck_assert(unc);
	ck_assert(calendar_provisional(cal, D("2027-01-01")));
	ck_assert(!calendar_provisional(cal, D("2026-12-31")));
	ck_assert_str_eq(calendar_day_name(cal, D("2027-01-01")), "元旦（暂定）");
	/* 春节 2027: 除夕 02-05 (Fri) .. 初三 02-08 (Mon) */
	ck_assert(calendar_is_workday(cal, D("2027-02-04"), NULL));
	ck_assert(!calendar_is_workday(cal, D("2027-02-05"), NULL));
	ck_assert(!calendar_is_workday(cal, D("2027-02-08"), NULL));
	ck_assert(calendar_is_workday(cal, D("2027-02-09"), NULL));
	ck_assert(!calendar_is_workday(cal, D("2027-04-05"), NULL));   /* 清明 */
	ck_assert(calendar_is_workday(cal, D("2027-05-03"), NULL));   /* 5/3, a Monday, works */
	ck_assert(!calendar_is_workday(cal, D("2027-06-09"), NULL));   /* 端午 */
	ck_assert(!calendar_is_workday(cal, D("2027-09-15"), NULL));   /* 中秋 */
	ck_assert(!calendar_is_workday(cal, D("2027-10-01"), NULL));   /* 国庆 */
	/* 2026 keeps its published schedule: 01-04 (a Sunday) works */
	ck_assert(calendar_is_workday(cal, D("2026-01-04"), NULL));
	/* 2026-12-31 + 1 working day skips 元旦 and the weekend */
	ck_assert_int_eq(calendar_add_workdays(cal, D("2026-12-31"), 1, NULL), D("2027-01-04"));
	ck_assert_int_eq(calendar_workdays_between(cal, D("2027-02-04"), D("2027-02-09"), NULL), 1);
	ck_assert(calendar_next_year_missing(cal, D("2026-11-01")));
	ck_assert(!calendar_next_year_missing(cal, D("2026-10-31")));
}
END_TEST

static Suite *calendar_suite(void)
{
	Suite *s = suite_create("calendar");
	TCase *tc = tcase_create("2026");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, holiday_boundaries);
	tcase_add_test(tc, makeup_days);
	tcase_add_test(tc, add_workdays_national_day);
	tcase_add_test(tc, add_zero);
	tcase_add_test(tc, year_boundary_uncertain);
	tcase_add_test(tc, between_both_directions);
	tcase_add_test(tc, relisting_a_day);
	tcase_add_test(tc, empty_calendar);
	tcase_add_test(tc, statutory_horizon);
	suite_add_tcase(s, tc);
	return s;
}

BM_UNIT_MAIN(calendar_suite)
