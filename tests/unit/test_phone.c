/* test_phone.c - whole phone numbers only. */
#include "bianmin/phone.h"
#include "unit.h"

#include <string.h>

START_TEST(phones)
{
	char why[256];
	ck_assert(phone_check("", why, sizeof why));
	ck_assert(phone_check("13800001111", why, sizeof why));
	ck_assert(phone_check("138 0000 1111", why, sizeof why));
	ck_assert(phone_check("+86 138-0000-1111", why, sizeof why));
	ck_assert(phone_check("0838-6201101", why, sizeof why));
	ck_assert(phone_check("010-12345678", why, sizeof why));
	ck_assert(phone_check("6201101", why, sizeof why));
	ck_assert(!phone_check("138-0838-12", why, sizeof why));
	ck_assert(strstr(why, "9 digits") != NULL);
	ck_assert(!phone_check("0838-62011", why, sizeof why));
	ck_assert(!phone_check("12345", why, sizeof why));
	ck_assert(!phone_check("138x0000", why, sizeof why));
}
END_TEST

static Suite *phone_suite(void)
{
	Suite *s = suite_create("phone");
	TCase *tc = tcase_create("phone");
	tcase_add_test(tc, phones);
	suite_add_tcase(s, tc);
	return s;
}

BM_UNIT_MAIN(phone_suite)
