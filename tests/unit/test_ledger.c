/* test_ledger.c - receipts gapless, voids by supervisors only, PINs,
 * verify catching changes behind bianmin's back. */
#include "unit.h"
#include "ledger_fixture.h"
#include "bianmin/slip.h"

static const bm_mat_state ALL[3] = { MAT_PRESENT, MAT_PRESENT, MAT_PRESENT };

START_TEST(receipts_gapless_per_year)
{
	fx_tmpdir();
	bm_store *s = fx_store_with_clerks();
	bm_calendar *cal = calendar_new();
	bm_error err = {0};
	char no[CASE_NO_MAX];
	store_set_fail_hook(s, "case_accept");
	ck_assert_int_ne(fx_accept(s, cal, ALL, "甲", no, &err), BM_OK);   /* takes no number */
	store_set_fail_hook(s, NULL);
	for (int i = 0; i < 5; i++)
		ck_assert_int_eq(fx_accept(s, cal, ALL, "乙", no, &err), BM_OK);
	ck_assert_int_eq(fx_count(s, "SELECT count(*) FROM receipts WHERE year = 2026 AND seq BETWEEN 1 AND 5"), 5);
	ck_assert_int_eq(fx_count(s, "SELECT max(seq) FROM receipts"), 5);
	ck_assert_int_eq(fx_count(s, "SELECT count(*) FROM receipts WHERE no = '2026-000005'"), 1);
	calendar_free(cal);
	store_close(s);
	fx_rmdir();
}
END_TEST

/* 日结: the day's receipts, a voided one marked and out of the total; the
 * close is one event in the hash chain, refused twice and for others. */
START_TEST(day_close_lists_totals_and_records)
{
	fx_tmpdir();
	bm_store *s = fx_store_with_clerks();
	bm_calendar *cal = calendar_new();
	bm_error err = {0};
	char n1[CASE_NO_MAX], n2[CASE_NO_MAX];
	ck_assert_int_eq(fx_accept(s, cal, ALL, "甲", n1, &err), BM_OK);
	ck_assert_int_eq(fx_accept(s, cal, ALL, "乙", n2, &err), BM_OK);
	bm_clerk clerk, sup;
	ck_assert_int_eq(auth_login(s, "1002", "2222", &clerk, &err), BM_OK);
	ck_assert_int_eq(auth_login(s, "9001", "9999", &sup, &err), BM_OK);
	bm_time t;
	ck_assert(bm_time_parse("2026-09-30T17:00:00+08:00", &t));
	ck_assert_int_eq(ledger_receipt_void(s, &sup, "2026-000001", "错收", t, &err), BM_OK);
	day_sheet d;
	ck_assert_int_eq(ledger_day(s, bm_time_day(t), "1002", &d, &err), BM_OK);
	ck_assert_uint_eq(d.n, 2);
	ck_assert_str_eq(d.v[0].no, "2026-000001");
	ck_assert(d.v[0].voided && !d.v[1].voided);
	ck_assert_str_eq(d.v[1].case_no, n2);
	ck_assert_int_eq(d.count, 1);
	ck_assert_int_eq(d.total_fen, d.v[1].amount_fen);
	ck_assert(!d.closed);
	struct slip_ctx *ctx = ledger_day_context(&d, NULL, &clerk, t, false);
	ck_assert_uint_eq(slip_ctx_count(ctx, "fees"), 2);
	ck_assert_str_eq(slip_ctx_get(slip_ctx_record(ctx, "fees", 0), "voided"), "作废");
	char m[24];
	ck_assert_str_eq(slip_ctx_get(ctx, "total"), bm_money_format(d.total_fen, m));
	ck_assert_str_eq(slip_ctx_get(ctx, "close_date"), "2026年9月30日");
	slip_ctx_free(ctx);
	ck_assert_int_eq(ledger_day_close(s, &clerk, &d, t, &err), BM_OK);
	ck_assert(d.closed);
	ck_assert_str_eq(d.closed_by, "1002");
	ck_assert_int_eq(ledger_day_close(s, &clerk, &d, t, &err), BM_ESTATE);
	day_sheet all;
	ck_assert_int_eq(ledger_day(s, bm_time_day(t), NULL, &all, &err), BM_OK);
	ck_assert(!all.closed);
	ck_assert_int_eq(ledger_day_close(s, &clerk, &all, t, &err), BM_EDENIED);
	ck_assert_int_eq(ledger_day_close(s, &sup, &all, t, &err), BM_OK);
	ck_assert_int_eq(fx_count(s, "SELECT count(*) FROM events WHERE type = 'day_close' AND case_id IS NULL"), 2);
	bool ok;
	char head[65];
	ledger_problem p;
	ck_assert_int_eq(ledger_verify(s, &ok, head, &p, &err), BM_OK);
	ck_assert_msg(ok, "%s", p.what);
	/* the last close is the chain head: its hash is the sheet's anchor */
	ck_assert_str_eq(all.close_hash, head);
	ck_assert_int_eq(all.close_event, fx_count(s, "SELECT max(id) FROM events"));
	ctx = ledger_day_context(&all, NULL, &sup, t, false);
	ck_assert_int_eq((int)strlen(slip_ctx_get(ctx, "anchor")), 16);
	ck_assert(strncmp(slip_ctx_get(ctx, "anchor"), head, 16) == 0);
	ck_assert_int_eq(atoi(slip_ctx_get(ctx, "anchor_event")), (int)all.close_event);
	slip_ctx_free(ctx);
	day_sheet_free(&d);
	day_sheet_free(&all);
	auth_clerk_free(&clerk);
	auth_clerk_free(&sup);
	calendar_free(cal);
	store_close(s);
	fx_rmdir();
}
END_TEST

/* A closed day stays closed (issue 11): a fee after the close goes to the
 * next day's sheet (carried); a closed day's fee voided later is a 退费
 * line of that later day; the closed sheet never changes; 上缴 recorded. */
START_TEST(closed_day_stays_closed)
{
	fx_tmpdir();
	bm_store *s = fx_store_with_clerks();
	bm_calendar *cal = calendar_new();
	bm_error err = {0};
	char n1[CASE_NO_MAX], n2[CASE_NO_MAX];
	bm_clerk clerk, sup;
	ck_assert_int_eq(auth_login(s, "1002", "2222", &clerk, &err), BM_OK);
	ck_assert_int_eq(auth_login(s, "9001", "9999", &sup, &err), BM_OK);
	bm_time close_t, next_t, later_t;
	ck_assert(bm_time_parse("2026-09-30T17:00:00+08:00", &close_t));
	ck_assert(bm_time_parse("2026-10-01T09:00:00+08:00", &next_t));
	ck_assert(bm_time_parse("2026-10-01T18:00:00+08:00", &later_t));
	ck_assert_int_eq(fx_accept(s, cal, ALL, "甲", n1, &err), BM_OK);
	day_sheet d;
	ck_assert_int_eq(ledger_day(s, bm_time_day(close_t), "1002", &d, &err), BM_OK);
	ck_assert_int_eq(ledger_day_close(s, &clerk, &d, close_t, &err), BM_OK);
	int64_t fee = d.total_fen;
	ck_assert_int_gt(fee, 0);
	day_sheet_free(&d);
	ck_assert_int_eq(fx_accept(s, cal, ALL, "乙", n2, &err), BM_OK);   /* after the close */
	bool closed;
	ck_assert_int_eq(ledger_day_closed(s, bm_time_day(close_t), "1002", &closed, &err), BM_OK);
	ck_assert(closed);
	/* the closed day: as closed */
	ck_assert_int_eq(ledger_day(s, bm_time_day(close_t), "1002", &d, &err), BM_OK);
	ck_assert(d.closed);
	ck_assert_uint_eq(d.n, 1);
	ck_assert_str_eq(d.v[0].case_no, n1);
	ck_assert_int_eq(d.total_fen, fee);
	day_sheet_free(&d);
	/* the next day carries the late fee */
	ck_assert_int_eq(ledger_day(s, bm_time_day(next_t), "1002", &d, &err), BM_OK);
	ck_assert(!d.closed);
	ck_assert_uint_eq(d.n, 1);
	ck_assert_str_eq(d.v[0].case_no, n2);
	ck_assert(d.v[0].carried);
	ck_assert_int_eq(d.total_fen, fee);
	struct slip_ctx *ctx = ledger_day_context(&d, NULL, &clerk, next_t, false);
	ck_assert_str_eq(slip_ctx_get(slip_ctx_record(ctx, "fees", 0), "mark"), "2026年9月30日日结后收取");
	slip_ctx_free(ctx);
	day_sheet_free(&d);
	/* the closed day's fee given back the next day: a 退费 line there */
	ck_assert_int_eq(ledger_receipt_void(s, &sup, "2026-000001", "退费：退回", next_t, &err), BM_OK);
	ck_assert_int_eq(ledger_day(s, bm_time_day(next_t), "1002", &d, &err), BM_OK);
	ck_assert_uint_eq(d.n, 2);
	ck_assert(d.v[1].refund);
	ck_assert_int_eq(d.v[1].amount_fen, -fee);
	ck_assert_int_eq(d.total_fen, 0);
	ck_assert_int_eq(ledger_day_close(s, &clerk, &d, later_t, &err), BM_OK);
	ck_assert_int_eq(d.total_fen, 0);
	ck_assert_uint_eq(d.n, 2);
	ck_assert(d.v[1].refund);
	day_sheet_free(&d);
	ck_assert_int_eq(ledger_day(s, bm_time_day(close_t), "1002", &d, &err), BM_OK);
	ck_assert_int_eq(d.total_fen, fee);   /* never changes */
	ck_assert(!d.v[0].voided);            /* as it was when closed */
	day_sheet_free(&d);
	/* 上缴 */
	ck_assert_int_eq(ledger_handin(s, &clerk, bm_time_day(close_t), 0, "县财政", "JK-1", later_t, &err), BM_EINVAL);
	ck_assert_int_eq(ledger_handin(s, &clerk, bm_time_day(close_t), fee, "县财政", "", later_t, &err), BM_EINVAL);
	ck_assert_int_eq(ledger_handin(s, &clerk, bm_time_day(close_t), fee, "县财政", "JK-1", later_t, &err), BM_OK);
	ck_assert_int_eq(ledger_day(s, bm_time_day(close_t), "1002", &d, &err), BM_OK);
	ck_assert_int_eq(d.handed_fen, fee);
	ck_assert_ptr_null(d.handed_text);    /* recorded after the close: not on its sheet */
	day_sheet_free(&d);
	bool ok;
	char head[65];
	ledger_problem p;
	ck_assert_int_eq(ledger_verify(s, &ok, head, &p, &err), BM_OK);
	ck_assert_msg(ok, "%s", p.what);
	auth_clerk_free(&clerk);
	auth_clerk_free(&sup);
	calendar_free(cal);
	store_close(s);
	fx_rmdir();
}
END_TEST

START_TEST(void_by_supervisor_only)
{
	fx_tmpdir();
	bm_store *s = fx_store_with_clerks();
	bm_calendar *cal = calendar_new();
	bm_error err = {0};
	char no[CASE_NO_MAX];
	ck_assert_int_eq(fx_accept(s, cal, ALL, "甲", no, &err), BM_OK);
	bm_clerk clerk, sup;
	ck_assert_int_eq(auth_login(s, "1002", "2222", &clerk, &err), BM_OK);
	ck_assert_int_eq(auth_login(s, "9001", "9999", &sup, &err), BM_OK);
	bm_time t = { 1790733600, 8 * 3600 };
	ck_assert_int_eq(ledger_receipt_void(s, &clerk, "2026-000001", "错收", t, &err), BM_EDENIED);
	ck_assert_int_eq(ledger_receipt_void(s, &sup, "2026-000001", "", t, &err), BM_EINVAL);
	/* a supervisor disabled after logging in can no longer void */
	bm_clerk admin;
	ck_assert_int_eq(auth_login(s, "1001", "1234", &admin, &err), BM_OK);
	ck_assert_int_eq(auth_clerk_disable(s, &admin, "9001", t, &err), BM_OK);
	ck_assert_int_eq(ledger_receipt_void(s, &sup, "2026-000001", "错收", t, &err), BM_EDENIED);
	ck_assert_int_eq(ledger_receipt_void(s, &admin, "2026-000001", "错收", t, &err), BM_OK);
	ck_assert_int_eq(ledger_receipt_void(s, &admin, "2026-000001", "again", t, &err), BM_ESTATE);
	auth_clerk_free(&admin);
	ck_assert_int_eq(fx_count(s, "SELECT count(*) FROM receipts"), 2);   /* original kept */
	bm_case c;
	ck_assert_int_eq(case_load(s, no, &c, &err), BM_OK);
	ck_assert(c.receipts[0].voided);
	ck_assert_int_eq(c.receipts[1].voids, c.receipts[0].id);
	ck_assert_str_eq(c.events[c.n_events - 1].type, "receipt_void");
	case_free(&c);
	bool ok;
	char head[65];
	ledger_problem p;
	ck_assert_int_eq(ledger_verify(s, &ok, head, &p, &err), BM_OK);
	ck_assert_msg(ok, "%s", p.what);
	auth_clerk_free(&clerk);
	auth_clerk_free(&sup);
	calendar_free(cal);
	store_close(s);
	fx_rmdir();
}
END_TEST

START_TEST(wrong_pin_and_permissions)
{
	fx_tmpdir();
	bm_store *s = fx_store_with_clerks();
	bm_error err = {0};
	bm_clerk c;
	ck_assert_int_eq(auth_login(s, "1001", "9999", &c, &err), BM_EDENIED);
	char wrong_pin[sizeof err.msg];
	snprintf(wrong_pin, sizeof wrong_pin, "%s", err.msg);
	/* an unknown 工号 gets the very same answer as a wrong PIN */
	ck_assert_int_eq(auth_login(s, "4242", "1234", &c, &err), BM_EDENIED);
	ck_assert_str_eq(err.msg, wrong_pin);
	ck_assert_int_eq(auth_clerk_add(s, NULL, "1003", "x", NULL, ROLE_CLERK, "1234", unit_clerk_time(), &err), BM_EDENIED);
	ck_assert_int_eq(auth_login(s, "1002", "2222", &c, &err), BM_OK);
	ck_assert_int_eq(auth_clerk_add(s, &c, "1003", "x", NULL, ROLE_CLERK, "1234", unit_clerk_time(), &err), BM_EDENIED);
	ck_assert_int_eq(auth_clerk_disable(s, &c, "9001", unit_clerk_time(), &err), BM_EDENIED);
	ck_assert_int_eq(auth_clerk_set_pin(s, &c, "1002", "5555", unit_clerk_time(), &err), BM_OK);   /* own PIN */
	ck_assert_int_eq(auth_clerk_set_pin(s, &c, "9001", "5555", unit_clerk_time(), &err), BM_EDENIED);
	auth_clerk_free(&c);
	ck_assert_int_eq(auth_login(s, "1002", "2222", &c, &err), BM_EDENIED);
	ck_assert_int_eq(auth_login(s, "1001", "1234", &c, &err), BM_OK);
	ck_assert_int_eq(auth_clerk_disable(s, &c, "1002", unit_clerk_time(), &err), BM_OK);
	ck_assert_int_eq(auth_clerk_disable(s, &c, "1001", unit_clerk_time(), &err), BM_EINVAL);
	auth_clerk_free(&c);
	ck_assert_int_eq(auth_login(s, "1002", "5555", &c, &err), BM_EDENIED);   /* disabled */
	ck_assert_int_eq(fx_count(s, "SELECT count(*) FROM clerks WHERE pin_hash LIKE '$argon2id$%'"), 3);
	/* every change is in the chain, by whom, never the PIN or its hash */
	ck_assert_int_eq(fx_count(s, "SELECT count(*) FROM events WHERE case_id IS NULL AND type = 'clerk_add'"), 3);
	ck_assert_int_eq(fx_count(s, "SELECT count(*) FROM events WHERE type = 'clerk_pin' AND clerk = '1002'"
				  " AND details LIKE '%\"x.pin\":\"changed\"%'"), 1);
	ck_assert_int_eq(fx_count(s, "SELECT count(*) FROM events WHERE type = 'clerk_disable' AND clerk = '1001'"
				  " AND details LIKE '%\"clerk.active\":\"0\"%'"), 1);
	ck_assert_int_eq(fx_count(s, "SELECT count(*) FROM events WHERE details LIKE '%argon2%'"
				  " OR details LIKE '%5555%'"), 0);
	bool ok;
	char head[65];
	ledger_problem p;
	ck_assert_int_eq(ledger_verify(s, &ok, head, &p, &err), BM_OK);
	ck_assert_msg(ok, "%s", p.what);
	store_close(s);
	fx_rmdir();
}
END_TEST

/* Change a row with the triggers dropped, as the sqlite3 shell could. */
static void tamper(bm_store *s, const char *sql)
{
	ck_assert_int_eq(sqlite3_exec(store_db(s), "DROP TRIGGER IF EXISTS cases_snapshot;"
				      " DROP TRIGGER IF EXISTS events_no_update;", NULL, NULL, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(store_db(s), sql, NULL, NULL, NULL), SQLITE_OK);
}

START_TEST(verify_catches_changes)
{
	fx_tmpdir();
	bm_store *s = fx_store_with_clerks();
	bm_calendar *cal = calendar_new();
	bm_error err = {0};
	char no[CASE_NO_MAX];
	for (int i = 0; i < 3; i++)
		ck_assert_int_eq(fx_accept(s, cal, ALL, "甲", no, &err), BM_OK);
	bool ok;
	char head[65], head2[65];
	ledger_problem p;
	ck_assert_int_eq(ledger_verify(s, &ok, head, &p, &err), BM_OK);
	ck_assert(ok);
	ck_assert_int_eq((int)strlen(head), 64);
	ck_assert_int_eq(ledger_verify(s, &ok, head2, &p, &err), BM_OK);
	ck_assert_str_eq(head, head2);
	ck_assert_int_ne(sqlite3_exec(store_db(s), "UPDATE events SET reason = 'x'", NULL, NULL, NULL), SQLITE_OK);

	tamper(s, "UPDATE cases SET due = '2027-01-01' WHERE no = 'QS-20260930-0002'");
	ck_assert_int_eq(ledger_verify(s, &ok, head, &p, &err), BM_OK);
	ck_assert(!ok);
	ck_assert_str_eq(p.case_no, "QS-20260930-0002");
	ck_assert_int_eq(p.event_id, 5);   /* events 1-3: the three clerks added */
	ck_assert_ptr_nonnull(strstr(p.what, "due"));
	tamper(s, "UPDATE cases SET due = (SELECT due FROM cases WHERE id = 1) WHERE id = 2");
	ck_assert_int_eq(ledger_verify(s, &ok, head, &p, &err), BM_OK);
	ck_assert_msg(ok, "%s", p.what);

	tamper(s, "UPDATE events SET at = '2026-09-30T11:00:00+08:00' WHERE id = 6");
	ck_assert_int_eq(ledger_verify(s, &ok, head, &p, &err), BM_OK);
	ck_assert(!ok);
	ck_assert_int_eq(p.event_id, 6);
	calendar_free(cal);
	store_close(s);
	fx_rmdir();
}
END_TEST

START_TEST(verify_catches_clerk_changes)
{
	fx_tmpdir();
	bm_store *s = fx_store_with_clerks();
	bm_error err = {0};
	bool ok;
	char head[65];
	ledger_problem p;
	ck_assert_int_eq(sqlite3_exec(store_db(s), "UPDATE clerks SET role = 'admin' WHERE code = '1002'",
				      NULL, NULL, NULL), SQLITE_OK);
	ck_assert_int_eq(ledger_verify(s, &ok, head, &p, &err), BM_OK);
	ck_assert(!ok);
	ck_assert_ptr_nonnull(strstr(p.what, "clerk 1002"));
	ck_assert_ptr_nonnull(strstr(p.what, "clerk.role"));
	ck_assert_int_eq(p.event_id, 2);
	ck_assert_int_eq(sqlite3_exec(store_db(s), "UPDATE clerks SET role = 'clerk' WHERE code = '1002';"
				      " INSERT INTO clerks (code, name, role, pin_hash) VALUES ('6666', 'x', 'admin', 'h')",
				      NULL, NULL, NULL), SQLITE_OK);
	ck_assert_int_eq(ledger_verify(s, &ok, head, &p, &err), BM_OK);
	ck_assert(!ok);
	ck_assert_ptr_nonnull(strstr(p.what, "clerk 6666"));
	ck_assert_int_eq(sqlite3_exec(store_db(s), "DELETE FROM clerks WHERE code = '6666'", NULL, NULL, NULL), SQLITE_OK);
	ck_assert_int_eq(ledger_verify(s, &ok, head, &p, &err), BM_OK);
	ck_assert_msg(ok, "%s", p.what);
	store_close(s);
	fx_rmdir();
}
END_TEST

START_TEST(anchor_finds_deleted_tail)
{
	fx_tmpdir();
	bm_store *s = fx_store_with_clerks();
	bm_error err = {0};
	bool ok;
	char head[65], anchor[17], h2[65];
	int64_t ev = 0;
	ledger_problem p;
	ck_assert_int_eq(ledger_verify(s, &ok, head, &p, &err), BM_OK);
	snprintf(anchor, sizeof anchor, "%.16s", head);
	ck_assert_int_eq(ledger_verify_anchor(s, anchor, &ok, h2, &ev, &p, &err), BM_OK);
	ck_assert_msg(ok, "%s", p.what);
	ck_assert_int_eq(ev, 3);
	ck_assert_int_eq(ledger_verify_anchor(s, "abc", &ok, h2, &ev, &p, &err), BM_EINVAL);
	ck_assert_int_eq(ledger_verify_anchor(s, "zzzzzzzzzzzzzzzz", &ok, h2, &ev, &p, &err), BM_EINVAL);
	/* the newest event (and its clerk, so the rest agrees) deleted */
	tamper(s, "DROP TRIGGER events_no_delete; DELETE FROM events WHERE id = 3;"
	       " DELETE FROM clerks WHERE code = '9001'");
	ck_assert_int_eq(ledger_verify(s, &ok, h2, &p, &err), BM_OK);
	ck_assert_msg(ok, "%s", p.what);   /* inside the file alone it looks fine */
	ck_assert_int_eq(ledger_verify_anchor(s, anchor, &ok, h2, &ev, &p, &err), BM_OK);
	ck_assert(!ok);
	ck_assert_ptr_nonnull(strstr(p.what, anchor));
	store_close(s);
	fx_rmdir();
}
END_TEST

START_TEST(backup_never_overwrites)
{
	fx_tmpdir();
	bm_store *s = fx_store_with_clerks();
	bm_error err = {0};
	char dst[320];
	snprintf(dst, sizeof dst, "%s/copy.db", fx_dir);
	ck_assert_int_eq(ledger_backup(s, dst, &err), BM_OK);
	ck_assert_int_eq(ledger_backup(s, dst, &err), BM_EIO);
	bm_store *c = store_open(dst, false, &err);
	ck_assert_ptr_nonnull(c);
	ck_assert_int_eq(fx_count(c, "SELECT count(*) FROM clerks"), 3);
	store_close(c);
	store_close(s);
	fx_rmdir();
}
END_TEST

static Suite *ledger_suite(void)
{
	Suite *su = suite_create("ledger");
	TCase *tc = tcase_create("ledger");
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, receipts_gapless_per_year);
	tcase_add_test(tc, void_by_supervisor_only);
	tcase_add_test(tc, wrong_pin_and_permissions);
	tcase_add_test(tc, verify_catches_changes);
	tcase_add_test(tc, verify_catches_clerk_changes);
	tcase_add_test(tc, anchor_finds_deleted_tail);
	tcase_add_test(tc, backup_never_overwrites);
	tcase_add_test(tc, day_close_lists_totals_and_records);
	tcase_add_test(tc, closed_day_stays_closed);
	suite_add_tcase(su, tc);
	return su;
}

BM_UNIT_MAIN(ledger_suite)
