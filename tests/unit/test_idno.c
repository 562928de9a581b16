/* test_idno.c - resident ID (GB 11643) and social credit code (GB 32100).
 * The numbers are made up; their check characters are computed. */
#include "bianmin/idno.h"
#include "unit.h"

#include <string.h>

static bm_day today;
static char out[19], msg[256];

static void setup(void)
{
	ck_assert(bm_day_parse("2026-11-23", &today));
	memset(out, 0, sizeof out);
	memset(msg, 0, sizeof msg);
}

static idno_status res(const char *in)
{
	return idno_check_resident(in, today, out, msg, sizeof msg);
}

START_TEST(resident_valid)
{
	ck_assert_int_eq(res("11010519491231002X"), IDNO_OK);
	ck_assert_str_eq(out, "11010519491231002X");
	ck_assert_str_eq(msg, "");
	ck_assert_int_eq(res("440306199001011236"), IDNO_OK);
	ck_assert_int_eq(res("330102198507150018"), IDNO_OK);
	ck_assert_int_eq(idno_resident_check_char("11010519491231002"), 'X');
	ck_assert_int_eq(idno_resident_check_char("44030619900101123"), '6');
	char buf[11];
	ck_assert_str_eq(bm_day_format(idno_resident_birth("440306199001011236"), buf), "1990-01-01");
	/* NULL out/msg are allowed. */
	ck_assert_int_eq(idno_check_resident("440306199001011236", today, NULL, NULL, 0), IDNO_OK);
}
END_TEST

START_TEST(resident_x_and_spaces)
{
	ck_assert_int_eq(res("  11010519491231002x \t"), IDNO_OK);
	ck_assert_str_eq(out, "11010519491231002X");
}
END_TEST

START_TEST(resident_empty_and_length)
{
	ck_assert_int_eq(res(""), IDNO_EMPTY);
	ck_assert_str_eq(msg, "no ID number given");
	ck_assert_int_eq(res("   "), IDNO_EMPTY);
	ck_assert_int_eq(res(NULL), IDNO_EMPTY);
	ck_assert_int_eq(res("1101051949123100"), IDNO_LENGTH);
	ck_assert_str_eq(msg, "the number has 16 characters; a resident ID has 18");
	ck_assert_int_eq(res("11010519491231002X1"), IDNO_LENGTH);
	ck_assert_str_eq(msg, "the number has 19 characters; a resident ID has 18");
	/* Characters, not bytes: six CJK characters are 18 bytes. */
	ck_assert_int_eq(res("居民身份证号"), IDNO_LENGTH);
	ck_assert_str_eq(msg, "the number has 6 characters; a resident ID has 18");
	/* An old 15-digit number is a length failure too. */
	ck_assert_int_eq(res("110105491231002"), IDNO_LENGTH);
}
END_TEST

START_TEST(resident_chars)
{
	ck_assert_int_eq(res("1101051949A231002X"), IDNO_CHARS);
	ck_assert_str_eq(msg, "character 11 ('A') is not a digit; the first 17 must be digits");
	ck_assert_int_eq(res("11010519491231002Y"), IDNO_CHARS);
	ck_assert_str_eq(msg, "character 18 ('Y') must be a digit or X");
	ck_assert_int_eq(res("X10105194912310021"), IDNO_CHARS);
	ck_assert_str_eq(msg, "character 1 ('X') is not a digit; the first 17 must be digits");
}
END_TEST

START_TEST(resident_region)
{
	ck_assert_int_eq(res("000105194912310024"), IDNO_REGION);
	ck_assert_str_eq(msg, "region code 00 (digits 1-2) is not a province");
	/* 16 is not a province; 71, 81, 82, 83, 91 are accepted. */
	ck_assert_int_eq(res("160105194912310024"), IDNO_REGION);
	ck_assert_str_eq(msg, "region code 16 (digits 1-2) is not a province");
	char id[19] = "81010519491231002";
	id[17] = idno_resident_check_char(id);
	id[18] = '\0';
	ck_assert_int_eq(res(id), IDNO_OK);
}
END_TEST

START_TEST(resident_birth)
{
	ck_assert_int_eq(res("110105199013320016"), IDNO_BIRTHDATE);
	ck_assert_str_eq(msg, "birth date 19901332 (digits 7-14) is not a real date");
	ck_assert_int_eq(res("110105190002290016"), IDNO_BIRTHDATE);   /* 1900 not a leap year */
	ck_assert_str_eq(msg, "birth date 19000229 (digits 7-14) is not a real date");
	ck_assert_int_eq(res("110105189912310015"), IDNO_TOO_OLD);
	ck_assert_str_eq(msg, "birth year 1899 (digits 7-10) is before 1900");
	ck_assert_int_eq(res("11010520300101001X"), IDNO_FUTURE);
	ck_assert_str_eq(msg, "birth date 2030-01-01 (digits 7-14) is after today, 2026-11-23");
	/* Born today is fine (a newborn's 户口 registration). */
	char id[19] = "11010520261123001";
	id[17] = idno_resident_check_char(id);
	id[18] = '\0';
	ck_assert_int_eq(res(id), IDNO_OK);
	ck_assert_int_eq(idno_resident_birth("110105199013320016"), BM_NO_DAY);
	/* Without a today the future check is skipped. */
	ck_assert_int_eq(idno_check_resident("11010520300101001X", BM_NO_DAY, NULL, NULL, 0), IDNO_OK);
}
END_TEST

START_TEST(resident_checksum)
{
	ck_assert_int_eq(res("110105194912310021"), IDNO_CHECKSUM);
	ck_assert_str_eq(msg, "check digit (digit 18) should be X, the number says 1");
	ck_assert_int_eq(res("440306199001011230"), IDNO_CHECKSUM);
	ck_assert_str_eq(msg, "check digit (digit 18) should be 6, the number says 0");
	/* Normalised number is still handed back. */
	ck_assert_str_eq(out, "440306199001011230");
	/* A transposition of two digits is caught. */
	ck_assert_int_eq(res("440306199001011326"), IDNO_CHECKSUM);
}
END_TEST

static uscc_status uscc(const char *in)
{
	return idno_check_uscc(in, out, msg, sizeof msg);
}

START_TEST(uscc_valid)
{
	ck_assert_int_eq(uscc("91350100M000100Y43"), USCC_OK);
	ck_assert_str_eq(out, "91350100M000100Y43");
	ck_assert_int_eq(uscc("121000004000026376"), USCC_OK);
	ck_assert_int_eq(uscc(" 91310000ma1fl0xy70 "), USCC_OK);   /* lower case normalised */
	ck_assert_str_eq(out, "91310000MA1FL0XY70");
	ck_assert_int_eq(idno_check_uscc("91110000600037341L", NULL, NULL, 0), USCC_OK);
}
END_TEST

START_TEST(uscc_invalid)
{
	ck_assert_int_eq(uscc(""), USCC_EMPTY);
	ck_assert_str_eq(msg, "no social credit code given");
	ck_assert_int_eq(uscc("91350100M000100Y4"), USCC_LENGTH);
	ck_assert_str_eq(msg, "the code has 17 characters; a unified social credit code has 18");
	ck_assert_int_eq(uscc("91350100I000100Y43"), USCC_CHARS);
	ck_assert_str_eq(msg, "character 9 ('I') is not allowed in a social credit code "
			      "(only digits and capital letters except I, O, S, V, Z)");
	ck_assert_int_eq(uscc("91350100M000100Y4Z"), USCC_CHARS);
	ck_assert(strstr(msg, "character 18 ('Z')") != NULL);
	ck_assert_int_eq(uscc("91350100M000100-43"), USCC_CHARS);
	ck_assert_int_eq(uscc("91350100M000100Y44"), USCC_CHECKSUM);
	ck_assert_str_eq(msg, "check character (character 18) should be 3, the code says 4");
	ck_assert_str_eq(out, "91350100M000100Y44");   /* still handed back: only a warning */
	ck_assert_int_eq(uscc("91110000600037341M"), USCC_CHECKSUM);
	ck_assert_str_eq(msg, "check character (character 18) should be L, the code says M");
}
END_TEST

START_TEST(masking)
{
	char *m = idno_mask("11010519491231002X");
	ck_assert_str_eq(m, "**************002X");
	free(m);
	m = idno_mask("123");
	ck_assert_str_eq(m, "123");
	free(m);
	m = idno_mask("1234");
	ck_assert_str_eq(m, "1234");
	free(m);
	m = idno_mask("12345");
	ck_assert_str_eq(m, "*2345");
	free(m);
	m = idno_mask("护照E1234567");   /* UTF-8: one star per character */
	ck_assert_str_eq(m, "******4567");
	free(m);
	m = idno_mask("");
	ck_assert_str_eq(m, "");
	free(m);
	m = idno_mask(NULL);
	ck_assert_str_eq(m, "");
	free(m);
}
END_TEST

static Suite *idno_suite(void)
{
	Suite *s = suite_create("idno");
	TCase *tc = tcase_create("idno");
	tcase_add_checked_fixture(tc, setup, NULL);
	tcase_add_test(tc, resident_valid);
	tcase_add_test(tc, resident_x_and_spaces);
	tcase_add_test(tc, resident_empty_and_length);
	tcase_add_test(tc, resident_chars);
	tcase_add_test(tc, resident_region);
	tcase_add_test(tc, resident_birth);
	tcase_add_test(tc, resident_checksum);
	tcase_add_test(tc, uscc_valid);
	tcase_add_test(tc, uscc_invalid);
	tcase_add_test(tc, masking);
	suite_add_tcase(s, tc);
	return s;
}

BM_UNIT_MAIN(idno_suite)
