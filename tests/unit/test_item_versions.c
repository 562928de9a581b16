/* test_item_versions.c - each distinct item version once (issue 17 point
 * 5): a ledger written with the item's fields in every case row migrates
 * to item_versions rows the cases name, with every hash, the head and a
 * paper's check code (校验码) printed before the migration unchanged and
 * verify passing before and after; the indexes, triggers and the search
 * index come through the rebuilt table; a new intake finds its version or
 * adds it; a version changed behind bianmin's back breaks its cases'
 * intakes. */
#include "unit.h"
#include "ledger_fixture.h"
#include "bianmin/lifecycle.h"

static char *one_text(bm_store *s, const char *sql)
{
	sqlite3_stmt *st;
	ck_assert_int_eq(sqlite3_prepare_v2(store_db(s), sql, -1, &st, NULL), SQLITE_OK);
	char *v = NULL;
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		v = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return v;
}

/* the intake event of case no: its id and hash */
static void intake_of(bm_store *s, const char *no, int64_t *id, char hash[65])
{
	bm_case c;
	bm_error err = {0};
	ck_assert_int_eq(case_load(s, no, &c, &err), BM_OK);
	*id = 0;
	for (size_t i = 0; i < c.n_events; i++)
		if (strcmp(c.events[i].type, "intake") == 0) {
			*id = c.events[i].id;
			snprintf(hash, 65, "%s", c.events[i].hash);
		}
	case_free(&c);
	ck_assert_int_ne(*id, 0);
}

static char *item_name_of(bm_store *s, const char *no)
{
	bm_case c;
	bm_error err = {0};
	ck_assert_int_eq(case_load(s, no, &c, &err), BM_OK);
	char *name = strdup(c.item.name);
	ck_assert_int_eq(c.item.promised_days, 5);
	ck_assert_int_eq(c.item.extension_days, 10);
	ck_assert_str_eq(c.catalog_fingerprint, "abc");
	case_free(&c);
	return name;
}

#define N 4
START_TEST(migration_keeps_hashes_and_paper_codes)
{
	fx_tmpdir();
	bm_error err = {0};
	/* the schema before the item versions */
	bm_clerk admin, clerk;
	bm_store *s = fx_store_at_version(STORE_SCHEMA_VERSION - 1, &admin, &clerk);
	ck_assert_int_eq(witness_key_create(fx_path, &err), BM_OK);
	bm_calendar *cal = calendar_new();
	calendar_cover_year(cal, 2026);
	const bm_mat_state all[] = { MAT_PRESENT, MAT_PRESENT, MAT_PRESENT };
	const char *names[N] = { "欧阳娜娜", "司马相如", "诸葛孔明", "上官婉儿" };
	/* case 2 (index 1): the same code and catalog fingerprint, another
	 * name and no basis (an edited catalog the fingerprint missed) */
	const char *item_names[N] = { "测试事项", "改名的事项", "测试事项", "测试事项" };
	char no[N][CASE_NO_MAX];
	for (int i = 0; i < N; i++) {
		fx_item.name = (char *)item_names[i];
		fx_item.basis = i == 1 ? NULL : (char *)"测试依据";
		ck_assert_int_eq(fx_accept(s, cal, all, names[i], no[i], &err), BM_OK);
	}
	fx_item.name = (char *)"测试事项";
	fx_item.basis = (char *)"测试依据";
	lc_ctx x = { .store = s, .cal = cal, .clerk = &clerk };
	ck_assert(bm_time_parse("2026-10-09T10:00:00+08:00", &x.now));
	ck_assert_int_eq(lifecycle_complete(&x, no[2], true, "准予", NULL, NULL, &err), BM_OK);
	ck_assert(fx_verify_ok(s));

	char hash[N][65], code[N][WITNESS_CODE_SIZE];
	int64_t id[N];
	for (int i = 0; i < N; i++) {
		intake_of(s, no[i], &id[i], hash[i]);
		ck_assert_int_eq(witness_paper_code(s, id[i], hash[i], code[i]), BM_OK);
	}
	char *head = one_text(s, "SELECT hash FROM events WHERE id = (SELECT max(id) FROM events)");
	char *indexes = one_text(s, "SELECT group_concat(name) FROM (SELECT name FROM sqlite_schema"
			   " WHERE tbl_name = 'cases' AND type = 'index' ORDER BY name)");
	char *triggers = one_text(s, "SELECT group_concat(name) FROM (SELECT name FROM sqlite_schema"
			    " WHERE tbl_name = 'cases' AND type = 'trigger' ORDER BY name)");
	int events = fx_count(s, "SELECT count(*) FROM events");
	store_close(s);

	s = store_open(fx_path, false, &err);
	ck_assert_msg(s != NULL, "%s", err.msg);
	ck_assert_int_eq(store_schema_version(s), STORE_SCHEMA_VERSION);
	/* two versions of the item: three cases name one, one the other */
	ck_assert_int_eq(fx_count(s, "SELECT count(*) FROM item_versions"), 2);
	ck_assert_int_eq(fx_count(s, "SELECT count(DISTINCT item_version) FROM cases"), 2);
	ck_assert_int_eq(fx_count(s, "SELECT count(*) FROM pragma_table_info('cases') WHERE name LIKE 'item_%'"), 1);
	ck_assert_int_eq(fx_count(s, "SELECT count(*) FROM pragma_table_info('cases')"
				  " WHERE name = 'catalog_fingerprint'"), 0);
	ck_assert_int_eq(fx_count(s, "SELECT count(*) FROM events"), events);
	ck_assert_int_eq(fx_count(s, "PRAGMA foreign_keys"), 1);
	ck_assert_int_eq(fx_count(s, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
	char *head2 = one_text(s, "SELECT hash FROM events WHERE id = (SELECT max(id) FROM events)");
	ck_assert_str_eq(head2, head);
	char *indexes2 = one_text(s, "SELECT group_concat(name) FROM (SELECT name FROM sqlite_schema"
			    " WHERE tbl_name = 'cases' AND type = 'index' ORDER BY name)");
	char *triggers2 = one_text(s, "SELECT group_concat(name) FROM (SELECT name FROM sqlite_schema"
			     " WHERE tbl_name = 'cases' AND type = 'trigger' ORDER BY name)");
	ck_assert_str_eq(indexes2, indexes);
	ck_assert_str_eq(triggers2, triggers);
	ck_assert(fx_verify_ok(s));
	for (int i = 0; i < N; i++) {
		int64_t id2;
		char h2[65];
		intake_of(s, no[i], &id2, h2);
		ck_assert_int_eq(id2, id[i]);
		ck_assert_str_eq(h2, hash[i]);
		char *name = item_name_of(s, no[i]);
		ck_assert_str_eq(name, item_names[i]);
		free(name);
		/* the paper printed before the migration checks after it */
		paper_check pc;
		ck_assert_int_eq(ledger_verify_paper(s, no[i], code[i], &pc, &err), BM_OK);
		ck_assert(pc.found_case);
		ck_assert_int_eq(pc.event_id, id[i]);
		ck_assert_str_eq(pc.type, "intake");
	}
	/* the search index still names the same rows */
	case_filter f = { .query = "诸葛孔明" };
	case_summary *v;
	size_t nv;
	ck_assert_int_eq(case_list(s, &f, &v, &nv, &err), BM_OK);
	ck_assert_uint_eq(nv, 1);
	ck_assert_str_eq(v[0].no, no[2]);
	ck_assert_str_eq(v[0].item_name, "测试事项");
	ck_assert_str_eq(v[0].window, "民政");
	case_summaries_free(v, nv);
	/* the snapshot stays guarded */
	sqlite3 *db = store_db(s);
	ck_assert_int_ne(sqlite3_exec(db, "UPDATE item_versions SET item_name = 'x'", NULL, NULL, NULL), SQLITE_OK);
	ck_assert_int_ne(sqlite3_exec(db, "DELETE FROM item_versions", NULL, NULL, NULL), SQLITE_OK);
	ck_assert_int_ne(sqlite3_exec(db, "UPDATE cases SET item_version = 1", NULL, NULL, NULL), SQLITE_OK);
	ck_assert_int_ne(sqlite3_exec(db, "DELETE FROM cases", NULL, NULL, NULL), SQLITE_OK);
	/* a version no case has cannot be named */
	ck_assert_int_ne(sqlite3_exec(db, "DROP TRIGGER cases_snapshot; UPDATE cases SET item_version = 99",
				      NULL, NULL, NULL), SQLITE_OK);

	/* a new intake names its version, or adds it once */
	char more[3][CASE_NO_MAX];
	ck_assert_int_eq(fx_accept(s, cal, all, "新案", more[0], &err), BM_OK);
	ck_assert_int_eq(fx_count(s, "SELECT count(*) FROM item_versions"), 2);
	fx_item.phone = (char *)"0838-1234567";
	ck_assert_int_eq(fx_accept(s, cal, all, "又一案", more[1], &err), BM_OK);
	ck_assert_int_eq(fx_accept(s, cal, all, "再一案", more[2], &err), BM_OK);
	fx_item.phone = NULL;
	ck_assert_int_eq(fx_count(s, "SELECT count(*) FROM item_versions"), 3);
	ck_assert_int_eq(fx_count(s, "SELECT count(DISTINCT item_version) FROM cases"), 3);
	ck_assert(fx_verify_ok(s));
	x.store = s;
	ck_assert_int_eq(lifecycle_complete(&x, more[1], true, "准予", NULL, NULL, &err), BM_OK);
	ck_assert(fx_verify_ok(s));

	/* a version changed behind bianmin's back breaks the intake of the
	 * first case naming it */
	ck_assert_int_eq(sqlite3_exec(db, "DROP TRIGGER item_versions_no_update;"
				      " UPDATE item_versions SET item_fee_fen = 0 WHERE item_name = '改名的事项'",
				      NULL, NULL, NULL), SQLITE_OK);
	bool ok;
	char h[65];
	ledger_problem p;
	ck_assert_int_eq(ledger_verify(s, &ok, h, &p, &err), BM_OK);
	ck_assert(!ok);
	ck_assert_int_eq(p.event_id, id[1]);
	ck_assert_str_eq(p.case_no, no[1]);

	free(head);
	free(head2);
	free(indexes);
	free(indexes2);
	free(triggers);
	free(triggers2);
	auth_clerk_free(&admin);
	auth_clerk_free(&clerk);
	calendar_free(cal);
	store_close(s);
	fx_rmdir();
}
END_TEST

/* A new ledger has the shape directly: no item column on the case. */
START_TEST(new_ledger_has_item_versions)
{
	fx_tmpdir();
	bm_store *s = fx_store_with_clerks();
	ck_assert_int_eq(fx_count(s, "SELECT count(*) FROM pragma_table_info('cases') WHERE name = 'item_name'"), 0);
	bm_calendar *cal = calendar_new();
	calendar_cover_year(cal, 2026);
	const bm_mat_state all[] = { MAT_PRESENT, MAT_PRESENT, MAT_PRESENT };
	char no[2][CASE_NO_MAX];
	bm_error err = {0};
	for (int i = 0; i < 2; i++)
		ck_assert_int_eq(fx_accept(s, cal, all, "欧阳娜娜", no[i], &err), BM_OK);
	ck_assert_int_eq(fx_count(s, "SELECT count(*) FROM item_versions"), 1);
	ck_assert(fx_verify_ok(s));
	calendar_free(cal);
	store_close(s);
	fx_rmdir();
}
END_TEST

/* A ledger changed behind bianmin's back before the upgrade (an event
 * naming a case that is not there) still upgrades -- the rebuild adds no
 * such row and loses no case -- so verify can name what was changed; and
 * a case whose item version is gone still loads, lists and is named by
 * verify (full and since a checkpoint), not lost from every list. */
START_TEST(tampered_ledgers_upgrade_and_are_named)
{
	fx_tmpdir();
	bm_error err = {0};
	bm_clerk admin;
	bm_store *s = fx_store_at_version(STORE_SCHEMA_VERSION - 1, &admin, NULL);
	bm_calendar *cal = calendar_new();
	calendar_cover_year(cal, 2026);
	const bm_mat_state all[] = { MAT_PRESENT, MAT_PRESENT, MAT_PRESENT };
	char no[3][CASE_NO_MAX];
	fx_item.name = (char *)"测试事项";
	fx_item.basis = (char *)"测试依据";
	const char *names[3] = { "欧阳娜娜", "司马相如", "诸葛孔明" };
	for (int i = 0; i < 3; i++)
		ck_assert_msg(fx_accept(s, cal, all, names[i], no[i], &err) == BM_OK, "%s", err.msg);
	ck_assert(fx_verify_ok(s));
	ck_assert_int_eq(sqlite3_exec(store_db(s), "PRAGMA foreign_keys = OFF; DROP TRIGGER events_no_update;"
				      " UPDATE events SET case_id = 999 WHERE case_id = 3",
				      NULL, NULL, NULL), SQLITE_OK);
	store_close(s);

	s = store_open(fx_path, false, &err);
	ck_assert_msg(s != NULL, "a tampered ledger did not upgrade: %s", err.msg);
	ck_assert_int_eq(store_schema_version(s), STORE_SCHEMA_VERSION);
	ck_assert_int_eq(fx_count(s, "SELECT count(*) FROM cases"), 3);
	bool ok;
	char h[65];
	ledger_problem p;
	ck_assert_int_eq(ledger_verify(s, &ok, h, &p, &err), BM_OK);
	ck_assert(!ok);
	/* put it back: the ledger verifies again */
	ck_assert_int_eq(sqlite3_exec(store_db(s), "PRAGMA foreign_keys = OFF;"
				      " UPDATE events SET case_id = 3 WHERE case_id = 999; PRAGMA foreign_keys = ON",
				      NULL, NULL, NULL), SQLITE_OK);
	ck_assert(fx_verify_ok(s));

	/* a checkpoint, a later step on case 1, then its version taken away */
	verify_opts vo = { .checkpoint_by = "1001", .now = unit_clerk_time() };
	verify_result vr;
	ck_assert_int_eq(ledger_verify_run(s, &vo, &vr, &p, &err), BM_OK);
	ck_assert(vr.ok && vr.written);
	lc_ctx x = { .store = s, .cal = cal, .clerk = &admin, .now = unit_clerk_time() };
	x.now.epoch += 3600;
	ck_assert_int_eq(lifecycle_complete(&x, no[0], true, "准予", NULL, NULL, &err), BM_OK);
	ck_assert_int_eq(sqlite3_exec(store_db(s), "PRAGMA foreign_keys = OFF; DROP TRIGGER cases_snapshot;"
				      " UPDATE cases SET item_version = 999 WHERE no = (SELECT no FROM cases ORDER BY id LIMIT 1)",
				      NULL, NULL, NULL), SQLITE_OK);
	bm_case c;
	ck_assert_int_eq(case_load(s, no[0], &c, &err), BM_OK);   /* still there, with no item */
	case_free(&c);
	case_summary *v;
	size_t n;
	ck_assert_int_eq(case_list(s, &(case_filter){ .limit = 10 }, &v, &n, &err), BM_OK);
	ck_assert_int_eq(n, 3);
	case_summaries_free(v, n);
	verify_opts since = { .since_checkpoint = true };
	ck_assert_int_eq(ledger_verify_run(s, &since, &vr, &p, &err), BM_OK);
	ck_assert(!vr.ok);
	ck_assert_str_eq(p.case_no, no[0]);
	ck_assert_int_eq(ledger_verify(s, &ok, h, &p, &err), BM_OK);
	ck_assert(!ok);
	ck_assert_str_eq(p.case_no, no[0]);

	auth_clerk_free(&admin);
	calendar_free(cal);
	store_close(s);
	fx_rmdir();
}
END_TEST

static Suite *item_versions_suite(void)
{
	Suite *su = suite_create("item_versions");
	TCase *tc = tcase_create("item_versions");
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, migration_keeps_hashes_and_paper_codes);
	tcase_add_test(tc, new_ledger_has_item_versions);
	tcase_add_test(tc, tampered_ledgers_upgrade_and_are_named);
	suite_add_tcase(su, tc);
	return su;
}

BM_UNIT_MAIN(item_versions_suite)
