/* test_eligible.c - an item's conditions against the ID number: age on
 * the day (高龄津贴 80 and over), sex, and an ID that cannot prove them. */
#include "bianmin/eligible.h"
#include "unit.h"

#include <string.h>

START_TEST(age_and_sex)
{
	bm_item it;
	memset(&it, 0, sizeof it);
	it.name = "高龄津贴申领";
	it.min_age = 80;
	it.max_age = -1;
	bm_day today, d;
	ck_assert(bm_day_from_ymd(2026, 11, 23, &today));
	char why[512];
	/* born 1990-01-01: 36, refused with the reason */
	ck_assert(!item_eligible(&it, IDTYPE_RESIDENT, "511322199001011235", today, why, sizeof why));
	ck_assert(strstr(why, "80") && strstr(why, "1990-01-01") && strstr(why, "36"));
	/* born 1939-12-31: 86 */
	ck_assert(item_eligible(&it, IDTYPE_RESIDENT, "11010519391231072X", today, why, sizeof why));
	/* 80 on the birthday itself, 79 the day before */
	ck_assert(bm_day_from_ymd(1946, 11, 23, &d));
	ck_assert_int_eq(age_on(d, today), 80);
	ck_assert(bm_day_from_ymd(1946, 11, 24, &d));
	ck_assert_int_eq(age_on(d, today), 79);
	/* a credit code proves no age */
	ck_assert(!item_eligible(&it, IDTYPE_USCC, "91510000MA61234567", today, why, sizeof why));
	it.min_age = -1;
	it.sex = 'F';
	/* digit 17 of 511322199001011235 is 3: a man */
	ck_assert(!item_eligible(&it, IDTYPE_RESIDENT, "511322199001011235", today, why, sizeof why));
	it.sex = 'M';
	ck_assert(item_eligible(&it, IDTYPE_RESIDENT, "511322199001011235", today, why, sizeof why));
}
END_TEST

static Suite *eligible_suite(void)
{
	Suite *s = suite_create("eligible");
	TCase *tc = tcase_create("eligible");
	tcase_add_test(tc, age_and_sex);
	suite_add_tcase(s, tc);
	return s;
}

BM_UNIT_MAIN(eligible_suite)
