/* test_holidays.c - holidays.yaml loading: a good file (ranges, single
 * days, empty covered years), one bad file per mistake kind with its
 * line:col, and the shipped data/holidays.yaml against the 2026 schedule. */
#include "bianmin/calendar.h"
#include "unit.h"

#include <stdio.h>
#include <string.h>

#define DIR FIXTURES "/holidays/"

static bm_diags d;

static void teardown(void)
{
	diags_free(&d);
}

static bm_day D(const char *s)
{
	bm_day day;
	ck_assert_msg(bm_day_parse(s, &day), "bad date in test: %s", s);
	return day;
}

static void first_line_is(size_t i, const char *want)
{
	char got[512];
	ck_assert_uint_lt(i, d.n);
	snprintf(got, sizeof got, "%s", d.msgs[i]);
	char *nl = strchr(got, '\n');
	if (nl)
		*nl = '\0';
	ck_assert_str_eq(got, want);
}

START_TEST(good_file)
{
	bm_calendar *cal = calendar_load(DIR "good.yaml", &d);
	ck_assert_msg(cal != NULL, "%s", d.n ? d.msgs[0] : "?");
	ck_assert_int_eq(d.errors + d.warnings, 0);
	ck_assert(calendar_covers(cal, 2026));
	ck_assert(calendar_covers(cal, 2027));    /* "2027:" with nothing */
	ck_assert(calendar_covers(cal, 2025));
	ck_assert(!calendar_covers(cal, 2028));
	bool unc = false;
	ck_assert(!calendar_is_workday(cal, D("2026-01-01"), &unc));
	ck_assert(!calendar_is_workday(cal, D("2026-01-02"), &unc));
	ck_assert(calendar_is_workday(cal, D("2026-01-04"), &unc));   /* Sunday, 调休 */
	ck_assert(!calendar_is_workday(cal, D("2026-02-23"), &unc));  /* last day of 春节 */
	ck_assert(calendar_is_workday(cal, D("2026-02-24"), &unc));
	ck_assert(calendar_is_workday(cal, D("2026-02-28"), &unc));   /* block-style entry */
	ck_assert(!calendar_is_workday(cal, D("2025-01-01"), &unc));  /* "to" defaults to "from" */
	ck_assert(calendar_is_workday(cal, D("2025-01-02"), &unc));
	ck_assert(!unc);
	ck_assert_str_eq(calendar_day_name(cal, D("2026-02-15")), "春节");
	ck_assert_str_eq(calendar_day_name(cal, D("2026-01-04")), "元旦调休");
	calendar_free(cal);
}
END_TEST

static const struct {
	const char *file, *msg;
} bad[] = {
	{"bad_date.yaml", "6:43: 'to' must be a real date written YYYY-MM-DD, not '2026-02-30'"},
	{"wrong_year.yaml", "9:29: 2027-02-14 is not in the year 2026 it is listed under"},
	{"to_before_from.yaml", "6:43: 'to' (2026-02-15) is before 'from' (2026-02-23)"},
	{"overlap.yaml", "6:27: 2026-01-03 is already listed at line 5"},
	{"workday_on_holiday.yaml", "9:29: 2026-02-16 is a holiday (line 6), it cannot be a make-up workday"},
	{"bad_year.yaml", "3:3: a year must be written as a number such as 2026, not '二〇二六'"},
	{"dup_year.yaml", "10:3: duplicate key '2026' (first at line 3)"},
	{"missing_from.yaml", "6:9: missing required key 'from'"},
};

START_TEST(one_mistake_per_file)
{
	char path[256], want[512];
	snprintf(path, sizeof path, DIR "%s", bad[_i].file);
	ck_assert_ptr_null(calendar_load(path, &d));
	ck_assert_msg(d.errors == 1, "%s: %d errors", path, d.errors);
	snprintf(want, sizeof want, "%s:%s", path, bad[_i].msg);
	first_line_is(0, want);
}
END_TEST

START_TEST(unknown_key)
{
	ck_assert_ptr_null(calendar_load(DIR "unknown_key.yaml", &d));
	ck_assert_int_eq(d.errors, 2);
	first_line_is(0, DIR "unknown_key.yaml:6:9: missing required key 'from'");
	first_line_is(1, DIR "unknown_key.yaml:6:21: unknown key 'fron' (did you mean 'from'?)");
}
END_TEST

START_TEST(weekday_workday_warns)
{
	bm_calendar *cal = calendar_load(DIR "weekday_workday.yaml", &d);
	ck_assert_ptr_nonnull(cal);
	ck_assert_int_eq(d.errors, 0);
	ck_assert_int_eq(d.warnings, 1);
	ck_assert(strstr(d.msgs[0], DIR "weekday_workday.yaml:9:29: warning: 2026-02-13 is a weekday") == d.msgs[0]);
	calendar_free(cal);
}
END_TEST

/* The shipped file: the 2026 schedule of the issue, every boundary. */
START_TEST(sample_data_2026)
{
	bm_calendar *cal = calendar_load("data/holidays.yaml", &d);
	ck_assert_msg(cal != NULL, "%s", d.n ? d.msgs[0] : "?");
	ck_assert_int_eq(d.errors + d.warnings, 0);
	static const char *const off[] = {
		"2026-01-01", "2026-01-03", "2026-02-15", "2026-02-23", "2026-04-04", "2026-04-06",
		"2026-05-01", "2026-05-05", "2026-06-19", "2026-06-21", "2026-09-25", "2026-09-27",
		"2026-10-01", "2026-10-07"};
	static const char *const on[] = {
		"2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10",
		"2026-02-24", "2026-04-07", "2026-05-06", "2026-06-22", "2026-10-08"};
	for (size_t i = 0; i < sizeof off / sizeof *off; i++)
		ck_assert_msg(!calendar_is_workday(cal, D(off[i]), NULL), "%s should be off", off[i]);
	for (size_t i = 0; i < sizeof on / sizeof *on; i++)
		ck_assert_msg(calendar_is_workday(cal, D(on[i]), NULL), "%s should be worked", on[i]);
	bool unc = false;
	ck_assert_int_eq(calendar_add_workdays(cal, D("2026-09-30"), 5, &unc), D("2026-10-13"));
	ck_assert(!unc);
	calendar_free(cal);
}
END_TEST

static Suite *holidays_suite(void)
{
	Suite *s = suite_create("holidays");
	TCase *tc = tcase_create("load");
	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, good_file);
	tcase_add_loop_test(tc, one_mistake_per_file, 0, (int)(sizeof bad / sizeof *bad));
	tcase_add_test(tc, unknown_key);
	tcase_add_test(tc, weekday_workday_warns);
	tcase_add_test(tc, sample_data_2026);
	suite_add_tcase(s, tc);
	return s;
}

BM_UNIT_MAIN(holidays_suite)
