/* test_cases.c - intake in one transaction, load, lists, case_apply. */
#include "unit.h"
#include "ledger_fixture.h"
#include "bianmin/clerk_month.h"

static const bm_mat_state ALL[3] = { MAT_PRESENT, MAT_PRESENT, MAT_PRESENT };
static const bm_mat_state NO_PHOTO[3] = { MAT_PRESENT, MAT_PRESENT, MAT_MISSING };
static const bm_mat_state NO_ID[3] = { MAT_PRESENT, MAT_MISSING, MAT_PRESENT };

START_TEST(intake_is_one_transaction)
{
	fx_tmpdir();
	bm_store *s = fx_store_with_clerks();
	bm_calendar *cal = calendar_new();
	bm_error err = {0};
	char no[CASE_NO_MAX];
	store_set_fail_hook(s, "case_accept");   /* fails after every row is written */
	ck_assert_int_ne(fx_accept(s, cal, ALL, "张三", no, &err), BM_OK);
	ck_assert_int_eq(fx_count(s, "SELECT count(*) FROM cases"), 0);
	ck_assert_int_eq(fx_count(s, "SELECT count(*) FROM case_materials"), 0);
	ck_assert_int_eq(fx_count(s, "SELECT count(*) FROM events WHERE case_id IS NOT NULL"), 0);
	ck_assert_int_eq(fx_count(s, "SELECT count(*) FROM events"), 3);   /* the clerks' */
	ck_assert_int_eq(fx_count(s, "SELECT count(*) FROM receipts"), 0);
	ck_assert_int_eq(fx_count(s, "SELECT count(*) FROM counters"), 0);
	store_set_fail_hook(s, NULL);
	ck_assert_int_eq(fx_accept(s, cal, ALL, "张三", no, &err), BM_OK);
	ck_assert_str_eq(no, "QS-20260930-0001");   /* the failed one took no number */
	ck_assert_int_eq(fx_count(s, "SELECT count(*) FROM receipts WHERE no = '2026-000001'"), 1);
	calendar_free(cal);
	store_close(s);
	fx_rmdir();
}
END_TEST

START_TEST(case_numbers_count_per_day)
{
	fx_tmpdir();
	bm_store *s = fx_store_with_clerks();
	bm_calendar *cal = calendar_new();
	bm_error err = {0};
	char no[CASE_NO_MAX];
	for (int i = 1; i <= 3; i++) {
		ck_assert_int_eq(fx_accept(s, cal, ALL, "张三", no, &err), BM_OK);
		char want[CASE_NO_MAX];
		snprintf(want, sizeof want, "QS-20260930-%04d", i);
		ck_assert_str_eq(no, want);
	}
	calendar_free(cal);
	store_close(s);
	fx_rmdir();
}
END_TEST

START_TEST(load_gives_snapshot_materials_event)
{
	fx_tmpdir();
	bm_store *s = fx_store_with_clerks();
	bm_calendar *cal = calendar_new();
	bm_error err = {0};
	char no[CASE_NO_MAX];
	ck_assert_int_eq(fx_accept(s, cal, NO_PHOTO, "王芳", no, &err), BM_OK);
	bm_case c;
	ck_assert_int_eq(case_load(s, no, &c, &err), BM_OK);
	ck_assert_str_eq(c.applicant.name, "王芳");
	ck_assert_str_eq(c.first_clerk, "1002");
	ck_assert_str_eq(c.owner_clerk_name, "李强");
	ck_assert_str_eq(c.item.name, "测试事项");
	ck_assert_int_eq(c.item.promised_days, 5);
	ck_assert_int_eq(c.kind, KIND_SUPPLEMENT);      /* 补办件 */
	ck_assert_int_eq(c.state, CASE_WAITING_MATERIALS);
	ck_assert_int_eq(c.clock_start, BM_NO_DAY);
	ck_assert_uint_eq(c.n_materials, 3);
	ck_assert_int_eq(c.materials[2].state, MAT_MISSING);
	ck_assert_str_eq(c.materials[2].note, "一寸");
	ck_assert_int_eq(c.materials[1].form, FORM_BOTH);
	ck_assert_uint_eq(c.n_events, 1);
	ck_assert_str_eq(c.events[0].type, "intake");
	ck_assert_ptr_nonnull(strstr(c.events[0].details, "\"applicant.name\":\"王芳\""));
	ck_assert_int_eq(c.fee_fen, 2000);
	ck_assert_uint_eq(c.n_receipts, 1);
	case_free(&c);
	ck_assert_int_eq(case_load(s, "QS-19990101-0001", &c, &err), BM_ENOTFOUND);
	calendar_free(cal);
	store_close(s);
	fx_rmdir();
}
END_TEST

START_TEST(returned_case_has_no_receipt)
{
	fx_tmpdir();
	bm_store *s = fx_store_with_clerks();
	bm_calendar *cal = calendar_new();
	bm_error err = {0};
	char no[CASE_NO_MAX];
	ck_assert_int_eq(fx_accept(s, cal, NO_ID, "刘洋", no, &err), BM_OK);
	bm_case c;
	ck_assert_int_eq(case_load(s, no, &c, &err), BM_OK);
	ck_assert_int_eq(c.kind, KIND_RETURNED);
	ck_assert_int_eq(c.state, CASE_RETURNED);
	ck_assert_ptr_nonnull(c.return_reason);
	ck_assert_ptr_null(c.receipt_no);
	ck_assert_uint_eq(c.n_receipts, 0);
	case_free(&c);
	calendar_free(cal);
	store_close(s);
	fx_rmdir();
}
END_TEST

START_TEST(list_search_previous_counts)
{
	fx_tmpdir();
	bm_store *s = fx_store_with_clerks();
	bm_calendar *cal = calendar_new();
	bm_error err = {0};
	char a[CASE_NO_MAX], b[CASE_NO_MAX], r[CASE_NO_MAX];
	ck_assert_int_eq(fx_accept(s, cal, ALL, "张三", a, &err), BM_OK);
	ck_assert_int_eq(fx_accept(s, cal, NO_PHOTO, "李四", b, &err), BM_OK);
	ck_assert_int_eq(fx_accept(s, cal, NO_ID, "王五", r, &err), BM_OK);
	case_summary *v;
	size_t n;
	case_filter f = { .clerk = "1002", .open_only = true };
	ck_assert_int_eq(case_list(s, &f, &v, &n, &err), BM_OK);
	ck_assert_uint_eq(n, 2);                 /* the returned one is final */
	ck_assert_str_eq(v[0].no, a);            /* with a due date first */
	case_summaries_free(v, n);
	case_filter q = { .query = "李四" };
	ck_assert_int_eq(case_list(s, &q, &v, &n, &err), BM_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(v[0].no, b);
	case_summaries_free(v, n);
	bm_day late;
	ck_assert(bm_day_parse("2026-12-31", &late));
	case_filter o = { .overdue_only = true, .today = late };
	ck_assert_int_eq(case_list(s, &o, &v, &n, &err), BM_OK);
	ck_assert_uint_eq(n, 1);
	case_summaries_free(v, n);

	bm_party p;
	bool found;
	ck_assert_int_eq(case_previous_applicant(s, "110101199003074514", &p, &found, &err), BM_OK);
	ck_assert(found);
	ck_assert_str_eq(p.name, "王五");
	ck_assert_str_eq(p.address, "红星村");
	party_free(&p);
	ck_assert_int_eq(case_previous_applicant(s, "110101199003071111", &p, &found, &err), BM_OK);
	ck_assert(!found);

	case_day_counts dc;
	bm_day d;
	ck_assert(bm_day_parse("2026-09-30", &d));
	ck_assert_int_eq(case_counts_day(s, d, NULL, &dc, &err), BM_OK);
	ck_assert_int_eq(dc.received, 3);
	ck_assert_int_eq(dc.returned, 1);
	ck_assert_int_eq(dc.receipts, 2);
	ck_assert_int_eq(dc.fees_fen, 4000);
	calendar_free(cal);
	store_close(s);
	fx_rmdir();
}
END_TEST

START_TEST(apply_changes_row_and_appends_event)
{
	fx_tmpdir();
	bm_store *s = fx_store_with_clerks();
	bm_calendar *cal = calendar_new();
	bm_error err = {0};
	char no[CASE_NO_MAX];
	ck_assert_int_eq(fx_accept(s, cal, NO_PHOTO, "王芳", no, &err), BM_OK);
	bm_time t;
	ck_assert(bm_time_parse("2026-10-09T09:00:00+08:00", &t));
	case_set sets[] = { { "state", "in_progress" }, { "clock_start", "2026-10-09" }, { "due", "2026-10-16" } };
	case_mat_set mats[] = { { 2, MAT_SUPPLEMENTED } };
	case_step step = { .type = "supplement", .clerk = "1002", .at = t, .sets = sets, .n_sets = 3,
			   .mats = mats, .n_mats = 1 };
	ck_assert_int_eq(case_apply(s, no, &step, &err), BM_OK);
	bm_case c;
	ck_assert_int_eq(case_load(s, no, &c, &err), BM_OK);
	ck_assert_int_eq(c.state, CASE_IN_PROGRESS);
	ck_assert_int_eq(c.materials[2].state, MAT_SUPPLEMENTED);
	ck_assert(c.materials[2].has_changed);
	ck_assert_uint_eq(c.n_events, 2);
	ck_assert_ptr_nonnull(strstr(c.events[1].details, "\"due\":\"2026-10-16\""));
	case_free(&c);
	bool ok;
	char head[65];
	ledger_problem p;
	ck_assert_int_eq(ledger_verify(s, &ok, head, &p, &err), BM_OK);
	ck_assert_msg(ok, "%s", p.what);
	/* a snapshot field cannot be set */
	case_set bad[] = { { "item.name", "x" } };
	case_step st2 = { .type = "x", .clerk = "1002", .at = t, .sets = bad, .n_sets = 1 };
	ck_assert_int_eq(case_apply(s, no, &st2, &err), BM_EINVAL);
	calendar_free(cal);
	store_close(s);
	fx_rmdir();
}
END_TEST

/* A clerk's month counts the receipts issued in it by their time, read
 * through receipts_at (no substr() on the timestamp): the case of
 * 2026-09-30 10:00 is September's, not October's. */
START_TEST(clerk_month_counts_receipts_by_time)
{
	fx_tmpdir();
	bm_store *s = fx_store_with_clerks();
	bm_calendar *cal = calendar_new();
	bm_error err = {0};
	char no[CASE_NO_MAX];
	ck_assert_int_eq(fx_accept(s, cal, ALL, "张三", no, &err), BM_OK);
	ck_assert_int_eq(fx_accept(s, cal, ALL, "李四", no, &err), BM_OK);
	bm_day today;
	ck_assert(bm_day_parse("2026-10-08", &today));
	clerk_month m;
	ck_assert_int_eq(clerk_month_load(s, "1002", 2026, 9, today, &m, &err), BM_OK);
	ck_assert_int_eq(m.received, 2);
	ck_assert_int_eq(m.receipts, 2);
	ck_assert_int_eq(m.fees_fen, 4000);
	ck_assert_int_eq(clerk_month_load(s, "1002", 2026, 10, today, &m, &err), BM_OK);
	ck_assert_int_eq(m.receipts, 0);
	ck_assert_int_eq(m.fees_fen, 0);
	ck_assert_int_eq(clerk_month_load(s, "1001", 2026, 9, today, &m, &err), BM_OK);
	ck_assert_int_eq(m.receipts, 0);
	calendar_free(cal);
	store_close(s);
	fx_rmdir();
}
END_TEST

static Suite *cases_suite(void)
{
	Suite *su = suite_create("cases");
	TCase *tc = tcase_create("cases");
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, intake_is_one_transaction);
	tcase_add_test(tc, case_numbers_count_per_day);
	tcase_add_test(tc, load_gives_snapshot_materials_event);
	tcase_add_test(tc, returned_case_has_no_receipt);
	tcase_add_test(tc, list_search_previous_counts);
	tcase_add_test(tc, apply_changes_row_and_appends_event);
	tcase_add_test(tc, clerk_month_counts_receipts_by_time);
	suite_add_tcase(su, tc);
	return su;
}

BM_UNIT_MAIN(cases_suite)
