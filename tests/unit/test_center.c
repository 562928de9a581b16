/* test_center.c - center.yaml loading and defaults, center_output
 * fallbacks, one bad file per mistake kind, and paths_resolve. */
#include "bianmin/config.h"
#include "unit.h"

#include <stdio.h>
#include <string.h>

#define DIR FIXTURES "/center/"

static bm_diags d;

static void teardown(void)
{
	diags_free(&d);
}

START_TEST(good_file)
{
	bm_center *c = center_load(DIR "good.yaml", &d);
	ck_assert_msg(c != NULL, "%s", d.n ? d.msgs[0] : "?");
	ck_assert_str_eq(c->name, "青山镇便民服务中心");
	ck_assert_str_eq(c->code, "QS01");
	ck_assert_str_eq(c->phone, "0838-6201100");
	ck_assert_str_eq(c->address, "青山镇新街88号");
	ck_assert_uint_eq(c->n_windows, 3);
	ck_assert_str_eq(c->windows[1], "民政");
	ck_assert_str_eq(c->spool_dir, "/var/spool/bianmin");
	ck_assert_int_eq(c->supplement_timeout_days, 15);
	ck_assert_int_eq(c->followup_days, 3);
	ck_assert_int_eq(c->due_soon_days, 2);
	ck_assert_uint_eq(c->n_outputs, 3);

	const bm_output *o = center_output(c, "receipt");
	ck_assert_str_eq(o->command, "lp -d pos58 -o raw");
	ck_assert_int_eq(o->width, 32);
	ck_assert_str_eq(o->encoding, "GB18030");
	o = center_output(c, "notice_supplement");
	ck_assert(o->pdf);
	ck_assert_str_eq(o->encoding, "UTF-8");    /* "utf-8" normalised */
	ck_assert_ptr_null(o->command);
	o = center_output(c, "notice_return");      /* no entry: "default" */
	ck_assert_str_eq(o->form, "default");
	ck_assert_str_eq(o->command, "lp -d counter1");
	ck_assert_int_eq(o->width, 80);

	ck_assert_uint_eq(c->n_keys, 2);
	ck_assert_str_eq(c->keys[0].action, "new_intake");
	ck_assert_uint_eq(c->keys[0].n_keys, 2);
	ck_assert_str_eq(c->keys[0].keys[1], "^N");
	ck_assert_str_eq(c->keys[1].action, "quit");
	ck_assert_uint_eq(c->keys[1].n_keys, 1);   /* a single key name */
	ck_assert_str_eq(c->keys[1].keys[0], "q");
	center_free(c);
}
END_TEST

START_TEST(defaults)
{
	bm_center *c = center_load(DIR "minimal.yaml", &d);
	ck_assert_ptr_nonnull(c);
	ck_assert_str_eq(c->spool_dir, "spool");
	ck_assert_int_eq(c->supplement_timeout_days, 20);
	ck_assert_int_eq(c->followup_days, 5);
	ck_assert_int_eq(c->due_soon_days, 1);
	ck_assert_ptr_null(c->phone);
	const bm_output *o = center_output(c, "receipt");   /* spool only */
	ck_assert_ptr_null(o->command);
	ck_assert_int_eq(o->width, 80);
	ck_assert_str_eq(o->encoding, "UTF-8");
	ck_assert_ptr_nonnull(center_output(NULL, NULL));
	center_free(c);
}
END_TEST

static const struct {
	const char *file, *msg;
} bad[] = {
	{"bad_width.yaml", "13:12: 'width' must be 32, 42, 48 or 80 (got 58)"},
	{"bad_encoding.yaml", "14:15: unknown encoding 'GBK' (allowed: UTF-8, GB18030)"},
	{"bad_code.yaml", "3:7: 'code' must be 1 to 12 ASCII letters or digits (it goes into case numbers), not '青山'"},
	{"missing_name.yaml", "1:1: missing required key 'name'"},
	{"unknown_key.yaml", "19:1: unknown key 'folowup_days' (did you mean 'followup_days'?)"},
	{"dup_output.yaml", "15:11: output for form 'receipt' is already defined at line 11"},
	{"bad_action.yaml", "23:3: an action name is lower-case letters, digits and '_', not 'Quit'"},
	{"dup_window.yaml", "6:21: window '民政' is listed twice"},
	{"bad_days.yaml", "19:16: 'followup_days' must be at least 1 (got 0)"},
};

START_TEST(one_mistake_per_file)
{
	char path[256], want[512], got[512];
	snprintf(path, sizeof path, DIR "%s", bad[_i].file);
	ck_assert_ptr_null(center_load(path, &d));
	ck_assert_msg(d.errors == 1, "%s: %d errors", path, d.errors);
	snprintf(want, sizeof want, "%s:%s", path, bad[_i].msg);
	snprintf(got, sizeof got, "%s", d.msgs[0]);
	char *nl = strchr(got, '\n');
	if (nl)
		*nl = '\0';
	ck_assert_str_eq(got, want);
}
END_TEST

/* the county database for `bianmin sync`; absent: NULL */
START_TEST(county_key)
{
	bm_center *c = center_load(DIR "county.yaml", &d);
	ck_assert_msg(c != NULL, "%s", d.n ? d.msgs[0] : "?");
	ck_assert_str_eq(c->county, "postgresql://center_qs@county.example/county?sslmode=require");
	center_free(c);
	c = center_load(DIR "good.yaml", &d);
	ck_assert(c != NULL);
	ck_assert_ptr_null(c->county);
	center_free(c);
}
END_TEST

START_TEST(sample_data)
{
	bm_center *c = center_load("data/center.yaml", &d);
	ck_assert_msg(c != NULL, "%s", d.n ? d.msgs[0] : "?");
	center_free(c);
}
END_TEST

START_TEST(paths)
{
	bm_paths p = {0};
	setenv("BIANMIN_DB", "/tmp/x/cases.db", 1);
	paths_resolve(&p, "bianmin");
	ck_assert_str_eq(p.db, "/tmp/x/cases.db");
	ck_assert_ptr_nonnull(p.datadir);
	char want[1024];
	snprintf(want, sizeof want, "%s/catalog.yaml", p.datadir);
	ck_assert_str_eq(p.catalog, want);
	snprintf(want, sizeof want, "%s/holidays.yaml", p.datadir);
	ck_assert_str_eq(p.holidays, want);
	snprintf(want, sizeof want, "%s/center.yaml", p.datadir);
	ck_assert_str_eq(p.config, want);
	ck_assert_ptr_nonnull(p.forms);
	ck_assert_ptr_nonnull(p.localedir);
	paths_free(&p);

	unsetenv("BIANMIN_DB");
	setenv("XDG_DATA_HOME", "/srv/data", 1);
	p.catalog = strdup("my.yaml");    /* a field already set is kept */
	paths_resolve(&p, "bianmin");
	ck_assert_str_eq(p.db, "/srv/data/bianmin/bianmin.db");
	ck_assert_str_eq(p.catalog, "my.yaml");
	paths_free(&p);

	unsetenv("XDG_DATA_HOME");
	setenv("HOME", "/home/clerk", 1);
	paths_resolve(&p, "bianmin");
	ck_assert_str_eq(p.db, "/home/clerk/.local/share/bianmin/bianmin.db");
	paths_free(&p);
}
END_TEST

static Suite *center_suite(void)
{
	Suite *s = suite_create("center");
	TCase *tc = tcase_create("load");
	tcase_add_checked_fixture(tc, NULL, teardown);
	tcase_add_test(tc, good_file);
	tcase_add_test(tc, defaults);
	tcase_add_loop_test(tc, one_mistake_per_file, 0, (int)(sizeof bad / sizeof *bad));
	tcase_add_test(tc, county_key);
	tcase_add_test(tc, sample_data);
	tcase_add_test(tc, paths);
	suite_add_tcase(s, tc);
	return s;
}

BM_UNIT_MAIN(center_suite)
