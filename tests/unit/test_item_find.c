/* test_item_find.c - the forgiving item search against the sample catalog:
 * codes without the hyphen, full pinyin, mixed pinyin, one wrong letter,
 * characters of the same sound, and ranking by use. */
#include "bianmin/item_find.h"
#include "unit.h"

#include <string.h>

static bm_catalog *cat;

static void setup(void)
{
	bm_diags d = {0};
	cat = catalog_load("data/catalog.yaml", &d);
	diags_free(&d);
	ck_assert_ptr_nonnull(cat);
}

static void teardown(void)
{
	catalog_free(cat);
}

/* The code of the first item found for q ("" when none). */
static const char *first(const char *q, const int *uses)
{
	size_t out[256];
	size_t n = item_find(cat, q, uses, out);
	return n ? cat->items[out[0]].code : "";
}

static bool finds(const char *q, const char *code)
{
	size_t out[256];
	size_t n = item_find(cat, q, NULL, out);
	for (size_t i = 0; i < n; i++)
		if (strcmp(cat->items[out[i]].code, code) == 0)
			return true;
	return false;
}

START_TEST(codes_without_punctuation)
{
	ck_assert_str_eq(first("mz001", NULL), "MZ-001");
	ck_assert_str_eq(first("MZ 001", NULL), "MZ-001");
	ck_assert_str_eq(first("MZ-001", NULL), "MZ-001");
	ck_assert_str_eq(first("mz-004", NULL), "MZ-004");
}
END_TEST

START_TEST(full_and_mixed_pinyin)
{
	ck_assert_str_eq(first("dibao", NULL), "MZ-001");
	ck_assert(finds("dbsq", "MZ-001"));
	ck_assert(finds("dibsq", "MZ-001"));
	ck_assert_str_eq(first("gaoling", NULL), "MZ-004");
	ck_assert_str_eq(first("gljt", NULL), "MZ-004");
	ck_assert_str_eq(first("gaolingjt", NULL), "MZ-004");
	ck_assert(!finds("xyzq", "MZ-004"));
}
END_TEST

START_TEST(one_typo_and_same_sound)
{
	ck_assert_str_eq(first("gnjt", NULL), "MZ-004");
	ck_assert_int_eq(item_find_match(catalog_find(cat, "MZ-004"), "gnjt"), ITEM_BY_GUESS);
	ck_assert(finds("低报", "MZ-001"));
	ck_assert_int_eq(item_find_match(catalog_find(cat, "MZ-001"), "低报"), ITEM_BY_GUESS);
	/* short queries get no typo: "gn" is not a guess at everything */
	ck_assert_int_eq(item_find_match(catalog_find(cat, "MZ-004"), "gn"), ITEM_NO_MATCH);
}
END_TEST

START_TEST(ranked_by_use)
{
	size_t out[256];
	size_t n = item_find(cat, "ylbx", NULL, out);
	ck_assert_uint_ge(n, 2);
	size_t second = out[1];
	int *uses = calloc(cat->n_items, sizeof *uses);
	uses[second] = 5;
	size_t n2 = item_find(cat, "ylbx", uses, out);
	ck_assert_uint_eq(n, n2);
	ck_assert_uint_eq(out[0], second);
	free(uses);
}
END_TEST

static Suite *item_find_suite(void)
{
	Suite *s = suite_create("item_find");
	TCase *tc = tcase_create("item_find");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, codes_without_punctuation);
	tcase_add_test(tc, full_and_mixed_pinyin);
	tcase_add_test(tc, one_typo_and_same_sound);
	tcase_add_test(tc, ranked_by_use);
	suite_add_tcase(s, tc);
	return s;
}

BM_UNIT_MAIN(item_find_suite)
