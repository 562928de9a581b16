/* unit.h - shared bits for the Check suites: each test_*.c is its own
 * program with one suite; BM_UNIT_MAIN(suite_fn) provides main(). */
#ifndef BIANMIN_UNIT_H
#define BIANMIN_UNIT_H

#include <check.h>
#include "bianmin/ledger.h"
#include <locale.h>
#include <stdlib.h>

#include "bianmin/common.h"

#ifndef FIXTURES
#define FIXTURES "tests/unit/fixtures"
#endif

/* Tests own their clock: clerk changes in fixtures are stamped with this
 * morning, before any case the suites take, never the machine's time. */
static inline bm_time unit_clerk_time(void)
{
	bm_time t = {0, 0};
	bm_time_parse("2026-09-01T08:00:00+08:00", &t);
	return t;
}

#define BM_UNIT_MAIN(suite_fn)                                      \
	int main(void)                                              \
	{                                                           \
		setlocale(LC_ALL, "C.UTF-8");                       \
		/* test builds: fast PIN hashes, 4-digit PINs */    \
		setenv("BIANMIN_TEST_FAST_PIN", "1", 0);            \
		setenv("BIANMIN_TEST_PIN_MIN", "4", 0);             \
		/* fixtures mix the wall clock and fixed times */   \
		ledger_set_clock_tolerance(0);                      \
		SRunner *sr = srunner_create(suite_fn());           \
		srunner_run_all(sr, CK_NORMAL);                     \
		int failed = srunner_ntests_failed(sr);             \
		srunner_free(sr);                                   \
		return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;   \
	}

#endif
