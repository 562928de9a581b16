/* test_event_details.c - the compact events of issue 17 (event_details.c,
 * ledger_compact.c): an intake kept as its moving values reads back to the
 * very text its hash covers; a ledger written before the compact schema
 * migrates with every hash unchanged, verify passing before and after (it
 * recomputes each hash from the intakes read back whole), and
 * a paper's check code (校验码) printed before the migration still checks
 * after it. */
#include "unit.h"
#include "ledger_fixture.h"
#include "bianmin/lifecycle.h"


static char *one_text(bm_store *s, const char *sql, int64_t arg)
{
	sqlite3_stmt *st;
	ck_assert_int_eq(sqlite3_prepare_v2(store_db(s), sql, -1, &st, NULL), SQLITE_OK);
	sqlite3_bind_int64(st, 1, arg);
	char *v = NULL;
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		v = strdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return v;
}

static int64_t one_int(bm_store *s, const char *sql)
{
	sqlite3_stmt *st;
	ck_assert_int_eq(sqlite3_prepare_v2(store_db(s), sql, -1, &st, NULL), SQLITE_OK);
	int64_t v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
	sqlite3_finalize(st);
	return v;
}

/* the intake event of case no as case_load reads it */
static char *loaded_intake(bm_store *s, const char *no, int64_t *id, char *hash)
{
	bm_case c;
	bm_error err = {0};
	ck_assert_int_eq(case_load(s, no, &c, &err), BM_OK);
	char *d = NULL;
	for (size_t i = 0; i < c.n_events; i++)
		if (strcmp(c.events[i].type, "intake") == 0) {
			d = strdup(c.events[i].details);
			*id = c.events[i].id;
			snprintf(hash, 65, "%s", c.events[i].hash);
			/* the chain, not a column: the event before it */
			if (i)
				ck_assert_str_eq(c.events[i].prev_hash, c.events[i - 1].hash);
		}
	case_free(&c);
	ck_assert_ptr_nonnull(d);
	return d;
}

#define N 3
START_TEST(migration_keeps_hashes_and_paper_codes)
{
	fx_tmpdir();
	bm_error err = {0};
	/* the schema before the compact events (and the item versions after
	 * them, test_item_versions.c) */
	bm_clerk admin, clerk;
	bm_store *s = fx_store_at_version(STORE_SCHEMA_VERSION - 2, &admin, &clerk);
	ck_assert_int_eq(witness_key_create(fx_path, &err), BM_OK);
	bm_calendar *cal = calendar_new();
	calendar_cover_year(cal, 2026);
	/* all present; a 补齐件 with the photo missing; a name with a quote
	 * and a backslash (escaped in the JSON) */
	const bm_mat_state all[] = { MAT_PRESENT, MAT_PRESENT, MAT_PRESENT };
	const bm_mat_state some[] = { MAT_PRESENT, MAT_PRESENT, MAT_MISSING };
	const char *names[N] = { "欧阳娜娜", "司马\"相如\\", "诸葛孔明" };
	char no[N][CASE_NO_MAX];
	for (int i = 0; i < N; i++)
		ck_assert_int_eq(fx_accept(s, cal, i == 1 ? some : all, names[i], no[i], &err), BM_OK);
	lc_ctx x = { .store = s, .cal = cal, .clerk = &clerk };
	ck_assert(bm_time_parse("2026-10-09T10:00:00+08:00", &x.now));
	ck_assert_int_eq(lifecycle_complete(&x, no[2], true, "准予", NULL, NULL, &err), BM_OK);
	ck_assert(fx_verify_ok(s));

	/* before: the whole record in the row, and each paper's code */
	char *text[N], hash[N][65], code[N][WITNESS_CODE_SIZE];
	int64_t id[N];
	for (int i = 0; i < N; i++) {
		text[i] = loaded_intake(s, no[i], &id[i], hash[i]);
		char *row = one_text(s, "SELECT details FROM events WHERE id = ?", id[i]);
		ck_assert_str_eq(row, text[i]);
		ck_assert_int_eq(row[0], '{');
		free(row);
		ck_assert_int_eq(witness_paper_code(s, id[i], hash[i], code[i]), BM_OK);
	}
	int64_t events = one_int(s, "SELECT count(*) FROM events");
	char *head = one_text(s, "SELECT hash FROM events WHERE id = (SELECT max(id) FROM events)", 0);
	store_close(s);

	s = store_open(fx_path, false, &err);
	ck_assert_msg(s != NULL, "%s", err.msg);
	ck_assert_int_eq(store_schema_version(s), STORE_SCHEMA_VERSION);
	ck_assert_int_eq(one_int(s, "SELECT count(*) FROM pragma_table_info('events') WHERE name = 'prev_hash'"), 0);
	ck_assert_int_eq(one_int(s, "SELECT count(*) FROM events"), events);
	/* the materials' names and forms once each: fx_item's three */
	ck_assert_int_eq(one_int(s, "SELECT count(*) FROM material_versions"), 3);
	ck_assert_int_eq(one_int(s, "SELECT count(*) FROM pragma_table_info('case_materials') WHERE name = 'name'"), 0);
	char *head2 = one_text(s, "SELECT hash FROM events WHERE id = (SELECT max(id) FROM events)", 0);
	ck_assert_str_eq(head2, head);
	ck_assert(fx_verify_ok(s));
	for (int i = 0; i < N; i++) {
		/* kept as the moving values, read back to the same bytes */
		char *row = one_text(s, "SELECT details FROM events WHERE id = ?", id[i]);
		ck_assert_int_eq(row[0], '[');
		ck_assert_int_lt((int)strlen(row), (int)strlen(text[i]) / 3);
		free(row);
		/* verify recomputed every hash from the intakes read back whole,
		 * and the hashes are the ones written before: the same bytes.  A
		 * loaded case's intake holds what it set (its moving fields),
		 * each as the whole text said it */
		int64_t id2;
		char h2[65];
		char *set = loaded_intake(s, no[i], &id2, h2);
		ck_assert_str_eq(h2, hash[i]);
		ck_assert_int_eq(id2, id[i]);
		int pairs = 0;
		for (char *p = set + 1; *p && *p != '}'; pairs++) {
			char *end = strstr(p, ",\"");
			if (!end)
				end = strchr(p, '}');
			char pair[256];
			snprintf(pair, sizeof pair, "%.*s", (int)(end - p), p);
			ck_assert_msg(strstr(text[i], pair), "%s not in %s", pair, text[i]);
			p = *end == ',' ? end + 1 : end;
		}
		ck_assert_int_eq(pairs, 11 + 2 * 3);   /* the record's moving fields, 3 materials */
		ck_assert_ptr_nonnull(strstr(set, i == 1 ? "\"m.3.state\":\"missing\"" : "\"m.3.state\":\"present\""));
		free(set);
		/* the paper printed before the migration checks after it */
		paper_check pc;
		ck_assert_int_eq(ledger_verify_paper(s, no[i], code[i], &pc, &err), BM_OK);
		ck_assert(pc.found_case);
		ck_assert_int_eq(pc.event_id, id[i]);
		ck_assert_str_eq(pc.type, "intake");
	}
	/* the watch state and the triggers came through the new table */
	ck_assert_int_ne(sqlite3_exec(store_db(s), "UPDATE events SET reason = 'x'", NULL, NULL, NULL), SQLITE_OK);
	ck_assert_int_ne(sqlite3_exec(store_db(s), "DELETE FROM events", NULL, NULL, NULL), SQLITE_OK);

	/* a new intake is kept compact from the start, and steps go on */
	char more[CASE_NO_MAX];
	ck_assert_int_eq(fx_accept(s, cal, some, "新案", more, &err), BM_OK);
	ck_assert_int_eq(one_int(s, "SELECT count(*) FROM events WHERE type = 'intake' AND details LIKE '[%'"), N + 1);
	ck_assert_int_eq(one_int(s, "SELECT count(*) FROM material_versions"), 3);
	ck_assert_int_eq(one_int(s, "SELECT count(*) FROM case_materials"), 3 * (N + 1));
	ck_assert_int_ne(sqlite3_exec(store_db(s), "UPDATE material_versions SET note = 'x'", NULL, NULL, NULL), SQLITE_OK);
	x.store = s;
	ck_assert_int_eq(lifecycle_complete(&x, no[0], true, "准予", NULL, NULL, &err), BM_OK);
	ck_assert(fx_verify_ok(s));

	/* a snapshot changed behind bianmin's back breaks the intake's hash */
	ck_assert_int_eq(sqlite3_exec(store_db(s), "DROP TRIGGER cases_snapshot;"
				      " UPDATE cases SET applicant_name = '别人' WHERE no = 'QS-20260930-0002'", NULL, NULL, NULL),
			 SQLITE_OK);
	bool ok;
	char h[65];
	ledger_problem p;
	ck_assert_int_eq(ledger_verify(s, &ok, h, &p, &err), BM_OK);
	ck_assert(!ok);
	ck_assert_int_eq(p.event_id, id[1]);
	ck_assert_str_eq(p.case_no, "QS-20260930-0002");

	for (int i = 0; i < N; i++)
		free(text[i]);
	free(head);
	free(head2);
	auth_clerk_free(&admin);
	auth_clerk_free(&clerk);
	calendar_free(cal);
	store_close(s);
	fx_rmdir();
}
END_TEST

static Suite *event_details_suite(void)
{
	Suite *su = suite_create("event_details");
	TCase *tc = tcase_create("event_details");
	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, migration_keeps_hashes_and_paper_codes);
	suite_add_tcase(su, tc);
	return su;
}

BM_UNIT_MAIN(event_details_suite)
