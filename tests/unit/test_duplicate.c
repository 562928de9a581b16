/* test_duplicate.c - the earlier cases an intake repeats (an open case of
 * the same ID and item; the same ID under another name), and the reason
 * saved with the new case in the intake's transaction; drafts. */
#include "unit.h"

#include "bianmin/calendar.h"
#include "bianmin/draft.h"
#include "bianmin/duplicate.h"
#include "bianmin/intake.h"
#include "ledger_fixture.h"

#include <sys/stat.h>

static const bm_mat_state ALL[] = {MAT_PRESENT, MAT_PRESENT, MAT_PRESENT};

START_TEST(finds_earlier_cases)
{
	fx_tmpdir();
	bm_store *s = fx_store_with_clerks();
	bm_calendar *cal = calendar_new();
	bm_error err = {0};
	char no[CASE_NO_MAX];
	case_dup *v = NULL;
	size_t n = 0;
	ck_assert_int_eq(case_duplicates(s, "110101199003074514", "张三", "T-001", &v, &n, &err), BM_OK);
	ck_assert_uint_eq(n, 0);
	ck_assert_int_eq(fx_accept(s, cal, ALL, "张三", no, &err), BM_OK);
	/* the same person and item, open */
	ck_assert_int_eq(case_duplicates(s, "110101199003074514", "张三", "T-001", &v, &n, &err), BM_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(v[0].no, no);
	ck_assert(v[0].same_item && !v[0].other_name);
	case_dups_free(v, n);
	/* another item, same name: not a duplicate */
	ck_assert_int_eq(case_duplicates(s, "110101199003074514", "张三", "T-002", &v, &n, &err), BM_OK);
	ck_assert_uint_eq(n, 0);
	/* another name on the same ID, any item; a lower-case x is the same ID */
	ck_assert_int_eq(case_duplicates(s, "110101199003074514", "张山", "T-002", &v, &n, &err), BM_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert(!v[0].same_item && v[0].other_name);
	case_dups_free(v, n);
	store_close(s);
	calendar_free(cal);
	fx_rmdir();
}
END_TEST

START_TEST(reason_saved_with_the_case)
{
	fx_tmpdir();
	bm_store *s = fx_store_with_clerks();
	bm_calendar *cal = calendar_new();
	bm_error err = {0};
	char no[CASE_NO_MAX], no2[CASE_NO_MAX];
	ck_assert_int_eq(fx_accept(s, cal, ALL, "张三", no, &err), BM_OK);
	bm_time now;
	ck_assert(bm_time_parse("2026-09-30T10:05:00+08:00", &now));
	intake_input in = {.item = &fx_item, .materials = ALL, .today = bm_time_day(now), .cal = cal};
	intake_outcome out;
	ck_assert_int_eq(intake_decide(&in, &out, &err), BM_OK);
	bm_party p = {.name = "张三", .id_type = IDTYPE_RESIDENT, .id_no = "110101199003074514"};
	case_intake ci = {.center_code = "QS", .catalog_fingerprint = "abc", .applicant = &p, .clerk = "1002",
			  .now = now};
	ck_assert_int_eq(case_accept_noted(s, &ci, &in, &out, no, "前一件材料不全，重新申请", no2, &err), BM_OK);
	intake_outcome_free(&out);
	ck_assert_int_eq(fx_count(s, "SELECT count(*) FROM events WHERE type = 'duplicate_noted'"
				     " AND reason = '前一件材料不全，重新申请'"), 1);
	bool ok = false;
	char head[65];
	int64_t ev = 0;
	ledger_problem prob;
	memset(&prob, 0, sizeof prob);
	ck_assert_int_eq(ledger_verify_anchor(s, NULL, &ok, head, &ev, &prob, &err), BM_OK);
	ck_assert(ok);   /* verify replays the new event too */
	store_close(s);
	calendar_free(cal);
	fx_rmdir();
}
END_TEST

START_TEST(draft_file)
{
	fx_tmpdir();
	setenv("BIANMIN_TERMINAL", "counter 3/a", 1);
	char *path = draft_path(fx_path, "1001");
	ck_assert(strstr(path, "/drafts/intake-1001-counter_3_a") != NULL);
	bm_draft d = {0};
	draft_set(&d, "name", "欧阳修远");
	draft_set(&d, "address", "红星村\n3组\\");
	bm_error err = {0};
	ck_assert_int_eq(draft_save(path, &d, &err), BM_OK);
	draft_free(&d);
	struct stat st;
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0600);
	bool found = false;
	ck_assert_int_eq(draft_load(path, &d, &found, &err), BM_OK);
	ck_assert(found);
	ck_assert_str_eq(draft_get(&d, "name"), "欧阳修远");
	ck_assert_str_eq(draft_get(&d, "address"), "红星村\n3组\\");
	ck_assert_ptr_null(draft_get(&d, "phone"));
	draft_free(&d);
	draft_remove(path);
	ck_assert_int_eq(draft_load(path, &d, &found, &err), BM_OK);
	ck_assert(!found);
	free(path);
	unsetenv("BIANMIN_TERMINAL");
	fx_rmdir();
}
END_TEST

static Suite *duplicate_suite(void)
{
	Suite *s = suite_create("duplicate");
	TCase *tc = tcase_create("duplicate");
	tcase_add_test(tc, finds_earlier_cases);
	tcase_add_test(tc, reason_saved_with_the_case);
	tcase_add_test(tc, draft_file);
	suite_add_tcase(s, tc);
	return s;
}

BM_UNIT_MAIN(duplicate_suite)
