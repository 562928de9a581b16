/* test_store.c - opening, creation mode, migrations, refusals. */
#include "unit.h"
#include <sqlite3.h>
#include "ledger_fixture.h"

#include <sys/stat.h>

START_TEST(new_file_is_0600_wal_and_current)
{
	fx_tmpdir();
	bm_error err = {0};
	bm_store *s = store_open(fx_path, true, &err);
	ck_assert_msg(s != NULL, "%s", err.msg);
	struct stat sb;
	ck_assert_int_eq(stat(fx_path, &sb), 0);
	ck_assert_int_eq(sb.st_mode & 0777, 0600);
	ck_assert_int_eq(store_schema_version(s), STORE_SCHEMA_VERSION);
	ck_assert_int_eq(fx_count(s, "PRAGMA application_id"), STORE_APPLICATION_ID);
	ck_assert_int_eq(fx_count(s, "PRAGMA foreign_keys"), 1);
	ck_assert_int_eq(fx_count(s, "PRAGMA synchronous"), 2);   /* FULL */
	store_close(s);
	fx_rmdir();
}
END_TEST

START_TEST(missing_file_without_create_refused)
{
	fx_tmpdir();
	bm_error err = {0};
	ck_assert_ptr_null(store_open(fx_path, false, &err));
	ck_assert_int_eq(err.code, BM_ENOTFOUND);
	fx_rmdir();
}
END_TEST

START_TEST(migrates_from_schema_1)
{
	fx_tmpdir();
	bm_error err = {0};
	bm_store *s = store_open_version(fx_path, true, 1, &err);
	ck_assert_msg(s != NULL, "%s", err.msg);
	ck_assert_int_eq(store_schema_version(s), 1);
	ck_assert_int_eq(fx_count(s, "SELECT count(*) FROM sqlite_schema WHERE name = 'cases_id_no'"), 0);
	store_close(s);
	s = fx_store_with_clerks();     /* store_open: migrates to the newest */
	ck_assert_int_eq(store_schema_version(s), STORE_SCHEMA_VERSION);
	ck_assert_int_eq(fx_count(s, "SELECT count(*) FROM sqlite_schema WHERE name = 'cases_id_no'"), 1);
	ck_assert_int_eq(fx_count(s, "SELECT count(*) FROM clerks"), 3);
	store_close(s);
	fx_rmdir();
}
END_TEST

START_TEST(data_survives_migration)
{
	fx_tmpdir();
	bm_error err = {0};
	bm_store *s = store_open_version(fx_path, true, 1, &err);
	ck_assert_ptr_nonnull(s);
	ck_assert_int_eq(auth_clerk_add(s, NULL, "1001", "王小梅", NULL, ROLE_ADMIN, "1234", unit_clerk_time(), &err), BM_OK);
	store_close(s);
	s = store_open(fx_path, false, &err);
	ck_assert_ptr_nonnull(s);
	bm_clerk c;
	ck_assert_int_eq(auth_login(s, "1001", "1234", &c, &err), BM_OK);
	ck_assert_str_eq(c.name, "王小梅");
	auth_clerk_free(&c);
	store_close(s);
	fx_rmdir();
}
END_TEST

/* A file from before clerks were in the chain (schema 2, clerks but no
 * clerk events): migration 3 records each clerk once, verify is ok. */
START_TEST(migration_3_records_existing_clerks)
{
	fx_tmpdir();
	bm_error err = {0};
	bm_store *s = store_open_version(fx_path, true, 2, &err);
	ck_assert_ptr_nonnull(s);
	ck_assert_int_eq(auth_clerk_add(s, NULL, "1001", "王小梅", NULL, ROLE_ADMIN, "1234", unit_clerk_time(), &err), BM_OK);
	ck_assert_int_eq(sqlite3_exec(store_db(s), "DROP TRIGGER events_no_delete; DELETE FROM events;"
				      " INSERT INTO clerks (code, name, role, pin_hash) VALUES ('1002', '李强', 'clerk', 'h')",
				      NULL, NULL, NULL), SQLITE_OK);
	store_close(s);
	s = store_open(fx_path, false, &err);
	ck_assert_msg(s != NULL, "%s", err.msg);
	ck_assert_int_eq(fx_count(s, "SELECT count(*) FROM events WHERE type = 'clerk_import' AND case_id IS NULL"), 2);
	bool ok;
	char head[65];
	ledger_problem p;
	ck_assert_int_eq(ledger_verify(s, &ok, head, &p, &err), BM_OK);
	ck_assert_msg(ok, "%s", p.what);
	store_close(s);
	/* a clerk added at schema 1 already has its event: not recorded twice */
	fx_rmdir();
	fx_tmpdir();
	s = store_open_version(fx_path, true, 1, &err);
	ck_assert_int_eq(auth_clerk_add(s, NULL, "1001", "王小梅", NULL, ROLE_ADMIN, "1234", unit_clerk_time(), &err), BM_OK);
	store_close(s);
	s = store_open(fx_path, false, &err);
	ck_assert_ptr_nonnull(s);
	ck_assert_int_eq(fx_count(s, "SELECT count(*) FROM events"), 1);
	store_close(s);
	fx_rmdir();
}
END_TEST

START_TEST(newer_database_refused)
{
	fx_tmpdir();
	bm_error err = {0};
	bm_store *s = store_open(fx_path, true, &err);
	ck_assert_ptr_nonnull(s);
	ck_assert_int_eq(sqlite3_exec(store_db(s), "PRAGMA user_version = 99", NULL, NULL, NULL), SQLITE_OK);
	store_close(s);
	ck_assert_ptr_null(store_open(fx_path, false, &err));
	ck_assert_int_eq(err.code, BM_EDB);
	ck_assert_ptr_nonnull(strstr(err.msg, "newer bianmin"));
	fx_rmdir();
}
END_TEST

START_TEST(foreign_sqlite_and_junk_refused)
{
	fx_tmpdir();
	sqlite3 *db;
	ck_assert_int_eq(sqlite3_open(fx_path, &db), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(db, "CREATE TABLE t(x)", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
	bm_error err = {0};
	ck_assert_ptr_null(store_open(fx_path, false, &err));
	ck_assert_ptr_nonnull(strstr(err.msg, "not a bianmin database"));

	char junk[320];
	snprintf(junk, sizeof junk, "%s/junk.db", fx_dir);
	FILE *f = fopen(junk, "w");
	ck_assert_ptr_nonnull(f);
	for (int i = 0; i < 200; i++)
		fputs("this is not a database at all. ", f);
	fclose(f);
	ck_assert_ptr_null(store_open(junk, false, &err));
	ck_assert_ptr_nonnull(strstr(err.msg, "not a bianmin database"));
	fx_rmdir();
}
END_TEST

START_TEST(nested_transactions_roll_back_whole)
{
	fx_tmpdir();
	bm_store *s = fx_store_with_clerks();
	bm_error err = {0};
	ck_assert_int_eq(store_begin(s, &err), BM_OK);
	ck_assert_int_eq(sqlite3_exec(store_db(s), "INSERT INTO counters VALUES ('x', 1)", NULL, NULL, NULL), SQLITE_OK);
	ck_assert_int_eq(store_begin(s, &err), BM_OK);
	store_rollback(s);                       /* inner failure */
	ck_assert_int_ne(store_commit(s, &err), BM_OK);
	ck_assert(!store_in_transaction(s));
	ck_assert_int_eq(fx_count(s, "SELECT count(*) FROM counters WHERE name = 'x'"), 0);
	store_close(s);
	fx_rmdir();
}
END_TEST

/* A read snapshot sees one state of the file: a case another process
 * saves meanwhile appears only after store_read_end; a write cannot
 * start inside it. */
START_TEST(read_snapshot_sees_one_state)
{
	fx_tmpdir();
	bm_store *s = fx_store_with_clerks();
	bm_error err = {0};
	bm_store *other = store_open(fx_path, false, &err);
	ck_assert_msg(other != NULL, "%s", err.msg);
	bm_calendar *cal = calendar_new();
	static const bm_mat_state all[3] = { MAT_PRESENT, MAT_PRESENT, MAT_PRESENT };
	char no[CASE_NO_MAX];
	ck_assert_int_eq(store_read_begin(s, &err), BM_OK);
	ck_assert_int_eq(fx_count(s, "SELECT count(*) FROM cases"), 0);
	ck_assert_int_eq(fx_accept(other, cal, all, "张三", no, &err), BM_OK);
	ck_assert_int_eq(fx_count(s, "SELECT count(*) FROM cases"), 0);
	ck_assert_int_eq(store_begin(s, &err), BM_EDB);
	ck_assert_ptr_nonnull(strstr(err.msg, "read snapshot"));
	store_read_end(s);
	ck_assert_int_eq(fx_count(s, "SELECT count(*) FROM cases"), 1);
	ck_assert_int_eq(store_begin(s, &err), BM_OK);   /* nothing left open */
	ck_assert_int_eq(store_read_begin(s, &err), BM_OK);   /* inside a write: that one */
	store_read_end(s);
	ck_assert(store_in_transaction(s));
	ck_assert_int_eq(store_commit(s, &err), BM_OK);
	calendar_free(cal);
	store_close(other);
	store_close(s);
	fx_rmdir();
}
END_TEST

static int notice_from, notice_to, notices;
static void count_notice(const char *path, int from, int to)
{
	(void)path;
	notice_from = from;
	notice_to = to;
	notices++;
}

/* An existing ledger's upgrade is announced (the program says why it
 * waits); a new file's creation is not. */
START_TEST(upgrade_is_announced)
{
	fx_tmpdir();
	bm_error err = {0};
	store_set_upgrade_notice(count_notice);
	notices = 0;
	bm_store *s = store_open_version(fx_path, true, 8, &err);
	ck_assert_msg(s != NULL, "%s", err.msg);
	ck_assert_int_eq(notices, 0);
	store_close(s);
	s = store_open(fx_path, false, &err);
	ck_assert_msg(s != NULL, "%s", err.msg);
	ck_assert_int_eq(notices, 1);
	ck_assert_int_eq(notice_from, 8);
	ck_assert_int_eq(notice_to, STORE_SCHEMA_VERSION);
	store_close(s);
	s = store_open(fx_path, false, &err);   /* current: nothing to say */
	ck_assert_int_eq(notices, 1);
	store_close(s);
	store_set_upgrade_notice(NULL);
	fx_rmdir();
}
END_TEST

static Suite *store_suite(void)
{
	Suite *su = suite_create("store");
	TCase *tc = tcase_create("store");
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, new_file_is_0600_wal_and_current);
	tcase_add_test(tc, missing_file_without_create_refused);
	tcase_add_test(tc, migrates_from_schema_1);
	tcase_add_test(tc, data_survives_migration);
	tcase_add_test(tc, migration_3_records_existing_clerks);
	tcase_add_test(tc, newer_database_refused);
	tcase_add_test(tc, foreign_sqlite_and_junk_refused);
	tcase_add_test(tc, nested_transactions_roll_back_whole);
	tcase_add_test(tc, read_snapshot_sees_one_state);
	tcase_add_test(tc, upgrade_is_announced);
	suite_add_tcase(su, tc);
	return su;
}

BM_UNIT_MAIN(store_suite)
