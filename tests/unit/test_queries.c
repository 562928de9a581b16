/* test_queries.c - every screen's and report's query (queries.h, the
 * very strings core runs) answers from an index: EXPLAIN QUERY PLAN on a
 * ledger at the newest schema shows no SCAN of cases, events or receipts
 * (issue 17).  The FTS5 search table is an index itself, so its
 * VIRTUAL TABLE line is allowed. */
#include "unit.h"

#include "bianmin/calendar.h"
#include "bianmin/lifecycle.h"
#include "bianmin/queries.h"
#include "bianmin/store.h"
#include "ledger_fixture.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char dir[] = "/tmp/bm-queries-XXXXXX";

/* A SCAN line that reads all of cases, events or receipts, by name or by
 * an alias the statement gives one of them ("FROM events e"). */
static bool is_big_scan(const char *sql, const char *detail)
{
	if (strncmp(detail, "SCAN ", 5) != 0)
		return false;
	char name[64];
	if (sscanf(detail + 5, "%63s", name) != 1)
		return false;
	static const char *const big[] = { "cases", "events", "receipts" };
	for (size_t i = 0; i < 3; i++) {
		if (strcmp(name, big[i]) == 0)
			return true;
		char alias[96];
		snprintf(alias, sizeof alias, " %s %s ", big[i], name);
		size_t n = strlen(alias);
		const char *p = strstr(sql, alias);
		alias[n - 1] = '\0';    /* or at the very end */
		if (p || (strlen(sql) >= n - 1 && strcmp(sql + strlen(sql) - (n - 1), alias) == 0))
			return true;
	}
	return false;
}

START_TEST(no_query_scans)
{
	char path[256];
	snprintf(path, sizeof path, "%s/q.db", dir);
	bm_error err = {0};
	bm_store *s = store_open(path, true, &err);
	ck_assert_msg(s != NULL, "%s", err.msg);
	size_t n;
	const bm_query *q = bm_queries(&n);
	setvbuf(stdout, NULL, _IOLBF, 0);
	ck_assert_uint_ge(n, 10);
	int bad = 0;
	for (size_t i = 0; i < n; i++) {
		size_t len = strlen(q[i].sql) + 32;
		char *sql = malloc(len);
		snprintf(sql, len, "EXPLAIN QUERY PLAN %s", q[i].sql);
		sqlite3_stmt *st;
		ck_assert_msg(sqlite3_prepare_v2(store_db(s), sql, -1, &st, NULL) == SQLITE_OK, "%s: %s", q[i].name,
			      sqlite3_errmsg(store_db(s)));
		while (sqlite3_step(st) == SQLITE_ROW) {
			const char *d = (const char *)sqlite3_column_text(st, 3);
			if (getenv("BM_SHOW_PLANS"))
				printf("%-42s %s\n", q[i].name, d);
			if (is_big_scan(q[i].sql, d)) {
				fprintf(stderr, "%s: %s\n  %s\n", q[i].name, d, q[i].sql);
				bad++;
			}
		}
		sqlite3_finalize(st);
		free(sql);
	}
	store_close(s);
	ck_assert_msg(bad == 0, "%d queries scan a table (see above)", bad);
}
END_TEST


/* A ledger of the schema before the indexes (3) with a pending handover,
 * an open follow-up and a closed one: the migration fills the watch
 * state and the search index from the events, and verify passes before
 * and after it. */
START_TEST(migration_fills_watch_and_search)
{
	fx_tmpdir();
	bm_error err = {0};
	bm_store *s = store_open_version(fx_path, true, 3, &err);
	ck_assert_msg(s != NULL, "%s", err.msg);
	ck_assert_int_eq(store_schema_version(s), 3);
	bm_clerk admin, clerk, sup;
	ck_assert_int_eq(auth_clerk_add(s, NULL, "1001", "王小梅", "民政", ROLE_CLERK, "1234", unit_clerk_time(), &err), BM_OK);
	ck_assert_int_eq(auth_login(s, "1001", "1234", &admin, &err), BM_OK);
	ck_assert_int_eq(auth_clerk_add(s, &admin, "1002", "李强", NULL, ROLE_CLERK, "2222", unit_clerk_time(), &err), BM_OK);
	ck_assert_int_eq(auth_clerk_add(s, &admin, "9001", "张建国", NULL, ROLE_SUPERVISOR, "9999", unit_clerk_time(), &err), BM_OK);
	ck_assert_int_eq(auth_clerk_get(s, "1002", &clerk, &err), BM_OK);
	ck_assert_int_eq(auth_clerk_get(s, "9001", &sup, &err), BM_OK);
	bm_calendar *cal = calendar_new();
	calendar_cover_year(cal, 2026);
	bm_mat_state all[] = { MAT_PRESENT, MAT_PRESENT, MAT_PRESENT };
	char no[3][CASE_NO_MAX];
	const char *names[] = { "欧阳娜娜", "司马相如", "诸葛孔明" };
	for (int i = 0; i < 3; i++)
		ck_assert_int_eq(fx_accept(s, cal, all, names[i], no[i], &err), BM_OK);
	lc_ctx x = { .store = s, .cal = cal, .clerk = &clerk };
	ck_assert(bm_time_parse("2026-10-09T10:00:00+08:00", &x.now));
	lc_handover h;
	const char *one = no[0];
	ck_assert_int_eq(lifecycle_handover(&x, "1002", "1001", &one, 1, "休假", &h, &err), BM_OK);
	lc_handover_free(&h);
	for (int i = 1; i < 3; i++) {
		ck_assert_int_eq(lifecycle_complete(&x, no[i], true, "准予", NULL, NULL, &err), BM_OK);
		ck_assert_int_eq(lifecycle_rate(&x, no[i], 5, "太慢", NULL, &err), BM_OK);
	}
	lc_ctx y = x;
	y.clerk = &sup;
	ck_assert_int_eq(lifecycle_followup(&y, no[2], "已回访", NULL, &err), BM_OK);
	ck_assert(fx_verify_ok(s));
	store_close(s);

	s = store_open(fx_path, false, &err);
	ck_assert_msg(s != NULL, "%s", err.msg);
	ck_assert_int_eq(store_schema_version(s), STORE_SCHEMA_VERSION);
	ck_assert(fx_verify_ok(s));
	x.store = y.store = s;
	lc_handover *v;
	size_t n;
	ck_assert_int_eq(lifecycle_pending_handovers(s, NULL, &v, &n, &err), BM_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_uint_eq(v[0].n, 1);
	ck_assert_str_eq(v[0].nos[0], no[0]);
	lc_handovers_free(v, n);
	lc_watch_row *w;
	ck_assert_int_eq(lifecycle_watch(&y, LC_WATCH_FOLLOWUP, NULL, NULL, &w, &n, &err), BM_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(w[0].no, no[1]);
	lc_watch_rows_free(w, n);
	/* the search index: a part of a name, the start of a name, a number's end */
	case_filter f = { .query = "马相" };
	case_summary *cs;
	ck_assert_int_eq(case_list(s, &f, &cs, &n, &err), BM_OK);
	ck_assert_uint_eq(n, 1);     /* two characters: the given name after the first */
	case_summaries_free(cs, n);
	f.query = "相如";
	ck_assert_int_eq(case_list(s, &f, &cs, &n, &err), BM_OK);
	ck_assert_uint_eq(n, 0);     /* ... not any two in the middle */
	case_summaries_free(cs, n);
	f.query = "司马";
	ck_assert_int_eq(case_list(s, &f, &cs, &n, &err), BM_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(cs[0].no, no[1]);
	case_summaries_free(cs, n);
	f.query = "马相如";
	ck_assert_int_eq(case_list(s, &f, &cs, &n, &err), BM_OK);
	ck_assert_uint_eq(n, 1);
	case_summaries_free(cs, n);
	f.query = no[2] + strlen(no[2]) - 6;   /* "0-0003": the end of a case number */
	ck_assert_int_eq(case_list(s, &f, &cs, &n, &err), BM_OK);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(cs[0].no, no[2]);
	case_summaries_free(cs, n);
	f.query = "03074514";                   /* the end of the ID number */
	ck_assert_int_eq(case_list(s, &f, &cs, &n, &err), BM_OK);
	ck_assert_uint_eq(n, 3);
	case_summaries_free(cs, n);
	/* acknowledging clears the watch; a new bad rating opens one */
	bm_clerk me;
	ck_assert_int_eq(auth_clerk_get(s, "1001", &me, &err), BM_OK);
	lc_ctx z = x;
	z.clerk = &me;
	ck_assert_int_eq(lifecycle_acknowledge(&z, NULL, &n, &err), BM_OK);
	ck_assert_int_eq(lifecycle_pending_handovers(s, NULL, &v, &n, &err), BM_OK);
	ck_assert_uint_eq(n, 0);
	lc_handovers_free(v, n);
	ck_assert_int_eq(lifecycle_followup(&y, no[1], "已回访", NULL, &err), BM_OK);
	ck_assert_int_eq(lifecycle_watch(&y, LC_WATCH_FOLLOWUP, NULL, NULL, &w, &n, &err), BM_OK);
	ck_assert_uint_eq(n, 0);
	lc_watch_rows_free(w, n);
	ck_assert(fx_verify_ok(s));
	auth_clerk_free(&me);
	auth_clerk_free(&admin);
	auth_clerk_free(&clerk);
	auth_clerk_free(&sup);
	calendar_free(cal);
	store_close(s);
	fx_rmdir();
}
END_TEST

static void setup(void)
{
	ck_assert_ptr_nonnull(mkdtemp(dir));
}

static void teardown(void)
{
	char cmd[300];
	snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	memcpy(dir + strlen(dir) - 6, "XXXXXX", 6);
}

static Suite *queries_suite(void)
{
	Suite *su = suite_create("queries");
	TCase *tc = tcase_create("plans");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, no_query_scans);
	tcase_add_test(tc, migration_fills_watch_and_search);
	suite_add_tcase(su, tc);
	return su;
}

BM_UNIT_MAIN(queries_suite)
