/* queries.h - the SQL of every screen, lookup and report, by name: the
 * very strings core runs, so a test can EXPLAIN QUERY PLAN them (no scan
 * of cases, events or receipts; tests/unit/test_queries.c) and `make
 * bench` can time them in the sqlite3 shell beside the program. */
#ifndef BIANMIN_QUERIES_H
#define BIANMIN_QUERIES_H

#include <stddef.h>

typedef struct bm_query {
	const char *name;       /* "home", "search", "day", "month" ... */
	const char *sql;        /* parameters ?1.. as the caller binds them */
} bm_query;

/* Every screen's and report's query; *n gets the count. */
const bm_query *bm_queries(size_t *n);

#endif
