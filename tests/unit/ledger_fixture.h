/* ledger_fixture.h - a temp database with clerks and a small item, shared
 * by test_store.c, test_cases.c and test_ledger.c. */
#ifndef LEDGER_FIXTURE_H
#define LEDGER_FIXTURE_H

#include "bianmin/auth.h"
#include "bianmin/cases.h"
#include "bianmin/ledger.h"
#include "bianmin/store.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char fx_dir[256];
static char fx_path[300];

static inline void fx_tmpdir(void)
{
	snprintf(fx_dir, sizeof fx_dir, "/tmp/bm-ledger-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(fx_dir));
	snprintf(fx_path, sizeof fx_path, "%s/t.db", fx_dir);
	setenv("BIANMIN_TEST_FAST_PIN", "1", 1);
}

static inline void fx_rmdir(void)
{
	char cmd[400];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", fx_dir);
	ck_assert_int_eq(system(cmd), 0);
}

/* A ledger made at an older schema (a migration's test), 1001/1234 logged
 * in as admin and clerk 1002/2222 added; clerk may be NULL. */
static inline bm_store *fx_store_at_version(int version, bm_clerk *admin, bm_clerk *clerk)
{
	bm_error err = {0};
	bm_store *s = store_open_version(fx_path, true, version, &err);
	ck_assert_msg(s != NULL, "%s", err.msg);
	ck_assert_int_eq(store_schema_version(s), version);
	ck_assert_int_eq(auth_clerk_add(s, NULL, "1001", "王小梅", "民政", ROLE_CLERK, "1234", unit_clerk_time(), &err), BM_OK);
	ck_assert_int_eq(auth_login(s, "1001", "1234", admin, &err), BM_OK);
	ck_assert_int_eq(auth_clerk_add(s, admin, "1002", "李强", NULL, ROLE_CLERK, "2222", unit_clerk_time(), &err), BM_OK);
	if (clerk)
		ck_assert_int_eq(auth_clerk_get(s, "1002", clerk, &err), BM_OK);
	return s;
}

/* admin 1001/1234, clerk 1002/2222, supervisor 9001/9999 */
static inline bm_store *fx_store_with_clerks(void)
{
	bm_error err = {0};
	bm_store *s = store_open(fx_path, true, &err);
	ck_assert_msg(s != NULL, "%s", err.msg);
	bm_clerk admin;
	ck_assert_int_eq(auth_clerk_add(s, NULL, "1001", "王小梅", "民政", ROLE_CLERK, "1234", unit_clerk_time(), &err), BM_OK);
	ck_assert_int_eq(auth_login(s, "1001", "1234", &admin, &err), BM_OK);
	ck_assert_int_eq(admin.role, ROLE_ADMIN);
	ck_assert_int_eq(auth_clerk_add(s, &admin, "1002", "李强", NULL, ROLE_CLERK, "2222", unit_clerk_time(), &err), BM_OK);
	ck_assert_int_eq(auth_clerk_add(s, &admin, "9001", "张建国", NULL, ROLE_SUPERVISOR, "9999", unit_clerk_time(), &err), BM_OK);
	auth_clerk_free(&admin);
	return s;
}

static bm_material fx_mats[] = {
	{ .name = "申请表", .form = FORM_ORIGINAL, .copies = 1, .main = true },
	{ .name = "居民身份证", .form = FORM_BOTH, .copies = 1, .main = true },
	{ .name = "照片", .form = FORM_ORIGINAL, .copies = 2, .main = false, .note = "一寸" },
};
static bm_item fx_item = {
	.code = "T-001", .name = "测试事项", .window = "民政", .regime = REGIME_PROMISE,
	.basis = "测试依据", .statutory_days = 20, .promised_days = 5, .extension_days = 10,
	.has_fee = true, .fee_fen = 2000, .fee_basis = "收费依据",
	.materials = fx_mats, .n_materials = 3,
};

/* Decide and accept one case of fx_item on day (a 2026 date) with the
 * given material states; returns the rc of case_accept. */
static inline int fx_accept(bm_store *s, bm_calendar *cal, const bm_mat_state *m, const char *name,
			    char *no, bm_error *err)
{
	bm_time now;
	ck_assert(bm_time_parse("2026-09-30T10:00:00+08:00", &now));
	intake_input in = { .item = &fx_item, .materials = m, .today = bm_time_day(now), .cal = cal };
	intake_outcome out;
	ck_assert_int_eq(intake_decide(&in, &out, err), BM_OK);
	bm_party p = { .name = (char *)name, .id_type = IDTYPE_RESIDENT, .id_no = "110101199003074514",
		       .phone = "13800000000", .address = "红星村" };
	case_intake ci = { .center_code = "QS", .catalog_fingerprint = "abc", .applicant = &p,
			   .clerk = "1002", .now = now };
	int rc = case_accept(s, &ci, &in, &out, no, err);
	intake_outcome_free(&out);
	return rc;
}

static inline int fx_count(bm_store *s, const char *sql)
{
	sqlite3_stmt *st;
	ck_assert_int_eq(sqlite3_prepare_v2(store_db(s), sql, -1, &st, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	int n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* verify on s: ok?  (what failed goes to stderr) */
static inline bool fx_verify_ok(bm_store *s)
{
	bool ok = false;
	char head[65];
	ledger_problem p;
	bm_error err = {0};
	ck_assert_int_eq(ledger_verify(s, &ok, head, &p, &err), BM_OK);
	if (!ok)
		fprintf(stderr, "verify: %s\n", p.what);
	return ok;
}

#endif
