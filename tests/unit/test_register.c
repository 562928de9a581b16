/* test_register.c - the books (register.h): recording and steps as events
 * verify replays, complaint confidentiality, hours, figures, export. */
#include "unit.h"
#include "ledger_fixture.h"
#include "bianmin/calendar.h"
#include "bianmin/register.h"

static bm_time at(const char *iso)
{
	bm_time t = {0, 0};
	ck_assert(bm_time_parse(iso, &t));
	return t;
}

static bm_center *center(void)
{
	bm_center *c = bm_xcalloc(1, sizeof *c);
	c->code = bm_xstrdup("QS");
	c->hours_from[0] = 8 * 60 + 30; c->hours_to[0] = 12 * 60;
	c->hours_from[1] = 14 * 60; c->hours_to[1] = 17 * 60 + 30;
	c->n_hours = 2;
	c->limit_consult = 3;
	c->limit_complaint = 1;
	c->limit_complaint_complex = 5;
	return c;
}

static bm_clerk login(bm_store *s, const char *code, const char *pin)
{
	bm_clerk k;
	bm_error err = {0};
	ck_assert_int_eq(auth_login(s, code, pin, &k, &err), BM_OK);
	return k;
}

START_TEST(test_hours)
{
	bm_center *c = center();
	bm_calendar *cal = calendar_new();
	calendar_cover_year(cal, 2026);
	ck_assert(!reg_outside_hours(c, cal, at("2026-11-30T08:30:00+08:00")));
	ck_assert(reg_outside_hours(c, cal, at("2026-11-30T08:29:00+08:00")));
	ck_assert(reg_outside_hours(c, cal, at("2026-11-30T12:00:00+08:00")));   /* noon: 延时服务 */
	ck_assert(!reg_outside_hours(c, cal, at("2026-11-30T17:29:00+08:00")));
	ck_assert(reg_outside_hours(c, cal, at("2026-11-28T10:00:00+08:00")));   /* Saturday */
	calendar_free(cal);
	center_free(c);
}
END_TEST

START_TEST(test_record_steps_verify)
{
	fx_tmpdir();
	bm_store *s = fx_store_with_clerks();
	bm_center *c = center();
	bm_calendar *cal = calendar_new();
	calendar_cover_year(cal, 2026);
	bm_clerk clerk = login(s, "1002", "2222"), sup = login(s, "9001", "9999"), named = login(s, "1001", "1234");
	bm_error err = {0};
	char no[40];
	const char *f[RF__COUNT] = {0};
	f[RF_SUBJECT] = "低保怎么办";
	f[RF_ANSWER] = "带户口本";
	ck_assert_int_eq(reg_record(s, &clerk, c, cal, BOOK_CONSULT, f, at("2026-11-30T10:00:00+08:00"), no, &err), BM_OK);
	ck_assert_str_eq(no, "QS-ZX20261130-001");
	reg_entry e;
	ck_assert_int_eq(reg_load(s, &clerk, no, &e, &err), BM_OK);
	ck_assert_str_eq(reg_get(&e, RF_STATE), "answered");
	ck_assert_str_eq(reg_get(&e, RF_DUE), "2026-12-03");
	reg_entry_free(&e);
	/* answered is done: it cannot be transferred, it can be closed */
	reg_set w = {RF_WINDOW, "民政"};
	ck_assert_int_eq(reg_step(s, &clerk, cal, c, no, "transfer", &w, 1, NULL, at("2026-11-30T10:01:00+08:00"), &err), BM_ESTATE);
	ck_assert_int_eq(reg_step(s, &clerk, cal, c, no, "close", NULL, 0, "归档", at("2026-11-30T10:02:00+08:00"), &err), BM_OK);

	/* a complaint naming 1001: hidden from 1001, masked for the clerk */
	memset(f, 0, sizeof f);
	f[RF_SUBJECT] = "推诿";
	f[RF_PERSON] = "投诉人";
	f[RF_NAMED_CLERK] = "1001";
	f[RF_FLAGS] = "complex";
	ck_assert_int_eq(reg_record(s, &clerk, c, cal, BOOK_COMPLAINT, f, at("2026-11-30T11:00:00+08:00"), no, &err), BM_OK);
	ck_assert_int_eq(reg_load(s, &named, no, &e, &err), BM_ENOTFOUND);
	ck_assert_int_eq(reg_load(s, &clerk, no, &e, &err), BM_OK);
	ck_assert(e.masked);
	ck_assert_str_eq(reg_get(&e, RF_PERSON), "");
	ck_assert_str_eq(reg_get(&e, RF_DUE), "2026-12-07");
	reg_entry_free(&e);
	ck_assert_int_eq(reg_load(s, &sup, no, &e, &err), BM_OK);
	ck_assert_str_eq(reg_get(&e, RF_PERSON), "投诉人");
	reg_entry_free(&e);
	reg_set ans = {RF_ANSWER, "已处理"};
	ck_assert_int_eq(reg_step(s, &clerk, cal, c, no, "answer", &ans, 1, NULL, at("2026-12-01T09:00:00+08:00"), &err), BM_EDENIED);
	ck_assert_int_eq(reg_step(s, &sup, cal, c, no, "answer", &ans, 1, NULL, at("2026-12-01T09:00:00+08:00"), &err), BM_OK);

	/* bad input: a rest-day visit, a control character, an unknown ref */
	memset(f, 0, sizeof f);
	f[RF_PERSON] = "赵大爷";
	f[RF_AT_DAY] = "2026-12-05";
	ck_assert_int_eq(reg_record(s, &clerk, c, cal, BOOK_VISIT, f, at("2026-11-30T10:00:00+08:00"), no, &err), BM_EINVAL);
	f[RF_AT_DAY] = "2026-12-04";
	f[RF_REF] = "QS-ZX20261130-001";
	ck_assert_int_eq(reg_record(s, &clerk, c, cal, BOOK_VISIT, f, at("2026-11-30T10:00:00+08:00"), no, &err), BM_EINVAL);
	f[RF_REF] = NULL;
	f[RF_SUBJECT] = "x\ty";
	ck_assert_int_eq(reg_record(s, &clerk, c, cal, BOOK_VISIT, f, at("2026-11-30T10:00:00+08:00"), no, &err), BM_EINVAL);

	bool ok;
	char head[65];
	ledger_problem p;
	ck_assert_int_eq(ledger_verify(s, &ok, head, &p, &err), BM_OK);
	ck_assert_msg(ok, "%s", p.what);

	/* figures of November */
	reg_figures fig;
	ck_assert_int_eq(reg_month_figures(s, 2026, 11, 20788 /* 2026-12-01 */, &fig, &err), BM_OK);
	ck_assert_int_eq(fig.received[BOOK_CONSULT], 1);
	ck_assert_int_eq(fig.closed[BOOK_CONSULT], 1);
	ck_assert_int_eq(fig.received[BOOK_COMPLAINT], 1);
	ck_assert_int_eq(fig.answered[BOOK_COMPLAINT], 1);
	ck_assert_int_eq(fig.late[BOOK_COMPLAINT], 0);
	reg_figures_free(&fig);

	/* export: CSV with BOM and CRLF; the clerk's has no complainant */
	bm_buf out = {0};
	ck_assert_int_eq(reg_export(s, &clerk, BOOK_COMPLAINT, NULL, false, &out, &err), BM_OK);
	ck_assert(strncmp(out.data, "\xEF\xBB\xBF", 3) == 0);
	ck_assert_ptr_nonnull(strstr(out.data, "\r\n"));
	ck_assert_ptr_null(strstr(out.data, "投诉人,"));
	bm_buf_free(&out);

	/* a row changed behind bianmin's back */
	ck_assert_int_eq(sqlite3_exec(store_db(s), "UPDATE reg_entries SET answer = 'x' WHERE book = 'consult'", NULL, NULL, NULL), SQLITE_OK);
	ck_assert_int_eq(ledger_verify(s, &ok, head, &p, &err), BM_OK);
	ck_assert(!ok);
	ck_assert_ptr_nonnull(strstr(p.what, "book entry QS-ZX20261130-001"));

	auth_clerk_free(&clerk);
	auth_clerk_free(&sup);
	auth_clerk_free(&named);
	calendar_free(cal);
	center_free(c);
	store_close(s);
	fx_rmdir();
}
END_TEST

/* center.yaml `hours` and `limits`: read, defaults, mistakes named. */
static bm_center *center_text(const char *extra, bm_diags *d)
{
	char path[] = "/tmp/bm-center-XXXXXX";
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	FILE *f = fdopen(fd, "w");
	fprintf(f, "version: 1\nname: 青山镇便民服务中心\ncode: QS\n%s", extra);
	fclose(f);
	bm_center *c = center_load(path, d);
	unlink(path);
	return c;
}

START_TEST(test_center_hours_limits)
{
	bm_diags d = {0};
	bm_center *c = center_text("", &d);
	ck_assert_ptr_nonnull(c);
	ck_assert_uint_eq(c->n_hours, 2);
	ck_assert_int_eq(c->hours_from[0], 8 * 60 + 30);
	ck_assert_int_eq(c->limit_consult, 3);
	ck_assert_int_eq(c->limit_complaint, 1);
	ck_assert_int_eq(c->limit_complaint_complex, 5);
	center_free(c);
	c = center_text("work_hours: [\"09:00-12:30\"]\nlimits:\n  consult: 2\n  complaint_complex: 7\n", &d);
	ck_assert_ptr_nonnull(c);
	ck_assert_uint_eq(c->n_hours, 1);
	ck_assert_int_eq(c->hours_to[0], 12 * 60 + 30);
	ck_assert_int_eq(c->limit_consult, 2);
	ck_assert_int_eq(c->limit_complaint, 1);
	ck_assert_int_eq(c->limit_complaint_complex, 7);
	center_free(c);
	ck_assert_ptr_null(center_text("work_hours: [\"17:30-08:30\"]\n", &d));
	ck_assert_ptr_nonnull(strstr(d.msgs[d.n - 1], "HH:MM-HH:MM"));
	ck_assert_ptr_null(center_text("limits:\n  letters: 3\n", &d));
	diags_free(&d);
}
END_TEST

static Suite *register_suite(void)
{
	Suite *s = suite_create("register");
	TCase *t = tcase_create("books");
	tcase_add_test(t, test_hours);
	tcase_add_test(t, test_center_hours_limits);
	tcase_add_test(t, test_record_steps_verify);
	suite_add_tcase(s, t);
	return s;
}

BM_UNIT_MAIN(register_suite)
