/* test_queries.c - every screen's and report's query (queries.h, the
 * very strings core runs) answers from an index: EXPLAIN QUERY PLAN on a
 * ledger at the newest schema shows no SCAN of cases, events or receipts
 * (issue 17).  The FTS5 search table is an index itself, so its
 * VIRTUAL TABLE line is allowed. */
#include "unit.h"

#include "bianmin/queries.h"
#include "bianmin/store.h"

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
	suite_add_tcase(su, tc);
	return su;
}

BM_UNIT_MAIN(queries_suite)
