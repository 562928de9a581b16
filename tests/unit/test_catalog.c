/* test_catalog.c - catalog.yaml loading: a good file, one bad file per
 * mistake kind (message AND line:col), all mistakes of a file in one run,
 * the caret under Chinese text, bytes that are not UTF-8. */
#include "bianmin/catalog.h"
#include "unit.h"

#include <stdio.h>
#include <string.h>

#define DIR FIXTURES "/catalog/"

static bm_diags d;

static void teardown(void)
{
	diags_free(&d);
}

/* The first line of message i. */
static char *first_line(size_t i, char *buf, size_t n)
{
	ck_assert_uint_lt(i, d.n);
	snprintf(buf, n, "%s", d.msgs[i]);
	char *nl = strchr(buf, '\n');
	if (nl)
		*nl = '\0';
	return buf;
}

START_TEST(good_catalog)
{
	bm_catalog *c = catalog_load(DIR "good.yaml", &d);
	ck_assert_msg(c != NULL, "%s", d.n ? d.msgs[0] : "?");
	ck_assert_int_eq(d.errors, 0);
	ck_assert_uint_eq(c->n_items, 5);
	ck_assert_uint_eq(c->n_materials, 3);
	ck_assert_uint_eq(strlen(c->fingerprint), 64);

	const bm_item *mz = catalog_find(c, "MZ-001");
	ck_assert_ptr_nonnull(mz);
	ck_assert_str_eq(mz->name, "城乡居民最低生活保障申请");
	ck_assert_str_eq(mz->window, "民政");
	ck_assert_str_eq(mz->department, "镇民政办");
	ck_assert_int_eq(mz->regime, REGIME_PROMISE);
	ck_assert_int_eq(mz->statutory_days, 30);
	ck_assert_int_eq(mz->promised_days, 20);
	ck_assert(mz->proxy && mz->site_visit);
	ck_assert(!mz->has_fee);
	ck_assert_uint_eq(mz->n_keywords, 2);
	ck_assert_str_eq(mz->keywords[0], "低保");
	ck_assert_uint_eq(mz->n_procedure, 5);
	ck_assert_str_eq(mz->collect, "民政窗口");
	ck_assert_str_eq(mz->phone, "0000-1234567");
	ck_assert_int_eq(mz->line, 4);
	ck_assert_uint_eq(mz->n_materials, 3);
	ck_assert_int_eq(mz->materials[0].form, FORM_BOTH);
	ck_assert(mz->materials[0].main);
	ck_assert_str_eq(mz->materials[0].note, "申请人及共同生活家庭成员");
	ck_assert_int_eq(mz->materials[1].form, FORM_COPY);
	ck_assert_int_eq(mz->materials[1].copies, 2);
	/* defaults: original, 1 copy, supporting */
	ck_assert_int_eq(mz->materials[2].form, FORM_ORIGINAL);
	ck_assert_int_eq(mz->materials[2].copies, 1);
	ck_assert(!mz->materials[2].main);

	const bm_item *hj = catalog_find(c, "HJ-003");
	ck_assert_int_eq(hj->regime, REGIME_DIRECT);
	ck_assert(hj->has_fee);
	ck_assert_int_eq(hj->fee_fen, 0);
	ck_assert_int_eq(hj->statutory_days, -1);
	ck_assert_int_eq(hj->promised_days, -1);
	ck_assert_ptr_null(hj->department);

	const bm_item *gt = catalog_find(c, "GT-010");
	ck_assert_int_eq(gt->regime, REGIME_JOINT);
	ck_assert_int_eq(gt->fee_fen, 1050);   /* plain 10.5, read exactly */
	ck_assert_str_eq(gt->fee_basis, "《不动产登记收费标准》");
	ck_assert_uint_eq(gt->n_joint_windows, 3);
	ck_assert_str_eq(gt->joint_windows[2], "自然资源");

	const bm_item *ty = catalog_find(c, "TY-002");
	ck_assert_int_eq(ty->regime, REGIME_FORWARD);
	ck_assert_int_eq(ty->fee_fen, 1200);
	ck_assert_str_eq(ty->forward_to, "县退役军人事务局");

	const bm_item *ctl = catalog_find(c, "GT-099");
	ck_assert_int_eq(ctl->regime, REGIME_CONTROL);
	ck_assert_ptr_nonnull(ctl->refusal);
	ck_assert_ptr_null(catalog_find(c, "NOPE"));
	catalog_free(c);
}
END_TEST

/* One file per mistake kind: exactly one error, with this first line. */
static const struct {
	const char *file, *msg;
} bad[] = {
	{"syntax.yaml", "5:4: YAML syntax error: did not find expected '-' indicator (while parsing a block collection at line 3, column 3)"},
	{"unknown_key.yaml", "6:5: unknown key 'regim' (did you mean 'regime'?)"},
	{"unknown_key_far.yaml", "7:5: unknown key 'colour'"},
	{"dup_key.yaml", "6:5: duplicate key 'name' (first at line 4)"},
	{"dup_code.yaml", "17:11: duplicate item code MZ-001 (first defined at line 3)"},
	{"wrong_type.yaml", "5:13: 'window' must be a string, not a mapping"},
	{"empty_name.yaml", "4:11: 'name' must not be empty"},
	{"missing_window.yaml", "3:5: missing required key 'window'"},
	{"missing_regime.yaml", "3:5: missing required key 'regime'"},
	{"bad_version.yaml", "1:10: unsupported catalog version 2 (this bianmin reads version 1)"},
	{"empty_items.yaml", "2:8: 'items' must not be empty"},
	{"no_items.yaml", "1:1: missing required key 'items'"},
	{"bad_regime.yaml", "6:13: unknown regime 'promis' (allowed: direct, promise, joint, forward, control)"},
	{"bad_form.yaml", "10:30: unknown material form 'originl' (allowed: original, copy, original+copy)"},
	{"negative_days.yaml", "7:21: 'statutory_days' must not be negative (got -5)"},
	{"nonint_days.yaml", "8:20: 'promised_days' must be a whole number, not '2.5'"},
	{"promised_gt.yaml", "8:20: promised_days (45) is greater than statutory_days (30)"},
	{"promise_no_days.yaml", "6:13: a 'promise' item needs 'promised_days' (the promised working days)"},
	{"joint_no_windows.yaml", "6:13: a 'joint' item needs 'joint_windows' (the other windows taking part)"},
	{"control_no_refusal.yaml", "6:13: a 'control' item needs 'refusal' (the reason given to the applicant)"},
	{"fee_negative.yaml", "9:20: fee amount must not be negative (got -5.00)"},
	{"fee_decimals.yaml", "9:20: fee amount has more than two decimals (got 10.005)"},
	{"fee_nan.yaml", "10:15: fee amount is not a number of yuan such as \"10.00\" (got '十元')"},
	{"copies_zero.yaml", "13:17: 'copies' must be at least 1 (got 0)"},
	{"bad_bool.yaml", "12:15: 'main' must be true or false, not 'yes'"},
	{"bad_utf8.yaml", "4:13: invalid UTF-8 byte 0xFF"},
};

START_TEST(one_mistake_per_file)
{
	char path[256], want[512], got[512];
	snprintf(path, sizeof path, DIR "%s", bad[_i].file);
	bm_catalog *c = catalog_load(path, &d);
	ck_assert_msg(c == NULL, "%s loaded", path);
	ck_assert_msg(d.errors == 1, "%s: %d errors, first: %s", path, d.errors, d.n ? d.msgs[0] : "-");
	snprintf(want, sizeof want, "%s:%s", path, bad[_i].msg);
	ck_assert_str_eq(first_line(0, got, sizeof got), want);
}
END_TEST

START_TEST(all_mistakes_in_one_run)
{
	static const char *const want[] = {
		"6:13: unknown regime 'promis'",
		"8:20: promised_days (20) is greater than statutory_days (10)",
		"9:12: 'proxy' must be true or false, not 'yes'",
		"10:11: duplicate item code MZ-001 (first defined at line 3)",
		"11:11: 'name' must not be empty",
		"13:13: a 'control' item needs 'refusal'",
		"14:20: fee amount has more than two decimals (got 1.234)",
		"18:17: 'copies' must be at least 1 (got -1)",
		"19:9: unknown key 'mian' (did you mean 'main'?)",
	};
	size_t n = sizeof want / sizeof *want;
	ck_assert_ptr_null(catalog_load(DIR "multi.yaml", &d));
	ck_assert_int_eq(d.errors, (int)n);
	char got[512], prefix[512];
	for (size_t i = 0; i < n; i++) {
		snprintf(prefix, sizeof prefix, DIR "multi.yaml:%s", want[i]);
		first_line(i, got, sizeof got);
		ck_assert_msg(!strncmp(got, prefix, strlen(prefix)), "message %zu: %s, want %s", i, got, prefix);
	}
}
END_TEST

/* The source line and the caret: 居民身份证 is 5 characters but 10 columns. */
START_TEST(caret_under_chinese)
{
	ck_assert_ptr_null(catalog_load(DIR "bad_form.yaml", &d));
	ck_assert_uint_eq(d.n, 1);
	const char *nl = strchr(d.msgs[0], '\n');
	ck_assert_ptr_nonnull(nl);
	ck_assert_str_eq(nl + 1,
			 "      - { name: 居民身份证, form: originl, main: true }\n"
			 "                                  ^");
}
END_TEST

START_TEST(caret_after_bad_bytes)
{
	ck_assert_ptr_null(catalog_load(DIR "bad_utf8.yaml", &d));
	/* the line is echoed with U+FFFD for each bad byte; the caret stands
	 * under the first of them: 4 + 6 + 2*2 = 14 columns in */
	const char *nl = strchr(d.msgs[0], '\n');
	ck_assert_str_eq(nl + 1, "    name: 低保\xEF\xBF\xBD\xEF\xBF\xBD申请\n"
				 "              ^");
}
END_TEST

/* materials: [] is an item that needs nothing (issue 10) */
START_TEST(empty_materials_mean_none)
{
	bm_catalog *c = catalog_load(DIR "empty_materials.yaml", &d);
	ck_assert_msg(c != NULL, "%s", d.n ? d.msgs[0] : "-");
	ck_assert_uint_eq(c->items[0].n_materials, 0);
	catalog_free(c);
}
END_TEST

START_TEST(missing_file)
{
	ck_assert_ptr_null(catalog_load(DIR "no-such-file.yaml", &d));
	ck_assert_int_eq(d.errors, 1);
	ck_assert_msg(!strncmp(d.msgs[0], DIR "no-such-file.yaml: cannot open", strlen(DIR) + 30), "%s", d.msgs[0]);
}
END_TEST

START_TEST(regime_and_form_names)
{
	bm_regime r;
	bm_form f;
	for (int i = REGIME_DIRECT; i <= REGIME_CONTROL; i++) {
		ck_assert(regime_parse(regime_key((bm_regime)i), &r));
		ck_assert_int_eq(r, i);
		ck_assert_ptr_nonnull(regime_label((bm_regime)i));
	}
	ck_assert(!regime_parse("Promise", &r));
	ck_assert(form_parse("original+copy", &f) && f == FORM_BOTH);
	ck_assert_str_eq(form_key(FORM_COPY), "copy");
	ck_assert(!form_parse("originals", &f));
}
END_TEST

/* The shipped sample must load (issue 2: check-catalog data/catalog.yaml). */
START_TEST(sample_data)
{
	bm_catalog *c = catalog_load("data/catalog.yaml", &d);
	ck_assert_msg(c != NULL, "%s", d.n ? d.msgs[0] : "?");
	ck_assert_uint_ge(c->n_items, 40);
	catalog_free(c);
}
END_TEST

static Suite *catalog_suite(void)
{
	Suite *s = suite_create("catalog");
	TCase *tc = tcase_create("load");
	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, good_catalog);
	tcase_add_loop_test(tc, one_mistake_per_file, 0, (int)(sizeof bad / sizeof *bad));
	tcase_add_test(tc, all_mistakes_in_one_run);
	tcase_add_test(tc, caret_under_chinese);
	tcase_add_test(tc, caret_after_bad_bytes);
	tcase_add_test(tc, missing_file);
	tcase_add_test(tc, empty_materials_mean_none);
	tcase_add_test(tc, regime_and_form_names);
	tcase_add_test(tc, sample_data);
	suite_add_tcase(s, tc);
	return s;
}

BM_UNIT_MAIN(catalog_suite)
