/* bench.c - how fast the things a clerk waits on are: loading the catalog,
 * filtering it per keystroke, the decision, an intake saved to the ledger,
 * the home-screen list, verify.  Prints one line per measure.
 *   usage: bench WORKDIR [N_CASES]
 * Times are wall clock (CLOCK_MONOTONIC), median of repeated runs where
 * cheap; the machine is shared, so read them as orders of magnitude. */
#define _POSIX_C_SOURCE 200809L
#include "bianmin/auth.h"
#include "bianmin/calendar.h"
#include "bianmin/cases.h"
#include "bianmin/catalog.h"
#include "bianmin/intake.h"
#include "bianmin/item_find.h"
#include "bianmin/ledger.h"
#include "bianmin/store.h"
#include "bianmin/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void report(const char *what, double total_s, long n, const char *unit)
{
	double per = total_s / (double)n;
	if (per < 1e-6)
		printf("%-44s %10.1f ns/%s  (%ld in %.3f s)\n", what, per * 1e9, unit, n, total_s);
	else if (per < 1e-3)
		printf("%-44s %10.2f us/%s  (%ld in %.3f s)\n", what, per * 1e6, unit, n, total_s);
	else
		printf("%-44s %10.2f ms/%s  (%ld in %.3f s)\n", what, per * 1e3, unit, n, total_s);
}

static const char *names[] = {"最低生活保障申请", "户口迁移", "城乡居民医保参保登记", "残疾人证申领",
			      "临时救助申请", "高龄津贴申领", "农村宅基地建房申请", "法律援助申请"};

/* A catalog of n items x 6 materials, like a big township's. */
static void write_catalog(const char *path, int n)
{
	FILE *f = fopen(path, "w");
	if (!f) {
		perror(path);
		exit(1);
	}
	fprintf(f, "version: 1\nitems:\n");
	for (int i = 0; i < n; i++) {
		fprintf(f, "  - code: BN-%04d\n    name: %s%d\n    window: 民政\n    regime: promise\n"
			   "    statutory_days: 20\n    promised_days: %d\n    keywords: [测试, 第%d项]\n"
			   "    materials:\n",
			i, names[i % 8], i, 3 + i % 10, i);
		for (int m = 0; m < 6; m++)
			fprintf(f, "      - { name: 材料%d, form: %s, copies: %d, main: %s }\n", m,
				m % 3 == 0 ? "original" : m % 3 == 1 ? "copy" : "original+copy", 1 + m % 2,
				m < 3 ? "true" : "false");
	}
	fclose(f);
}

static bm_calendar *cal2026(void)
{
	bm_calendar *c = calendar_new();
	calendar_cover_year(c, 2026);
	bm_day d;
	for (int i = 1; i <= 7; i++) {
		bm_day_from_ymd(2026, 10, i, &d);
		calendar_add_holiday(c, d, "国庆");
	}
	bm_day_from_ymd(2026, 10, 10, &d);
	calendar_add_workday(c, d, "国庆调休");
	return c;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: bench WORKDIR [N_CASES]\n");
		return 2;
	}
	const char *dir = argv[1];
	long ncases = argc > 2 ? atol(argv[2]) : 2000;
	char path[4096];

	/* 1. catalog load, 300 items (a big township's catalog) */
	snprintf(path, sizeof path, "%s/catalog300.yaml", dir);
	write_catalog(path, 300);
	int runs = 20;
	bm_catalog *cat = NULL;
	double t0 = now_s();
	for (int r = 0; r < runs; r++) {
		bm_diags d = {0};
		catalog_free(cat);
		cat = catalog_load(path, &d);
		diags_free(&d);
		if (!cat) {
			fprintf(stderr, "bench: catalog did not load\n");
			return 1;
		}
	}
	report("catalog_load, 300 items x 6 materials", now_s() - t0, runs, "load");

	/* 2. per-keystroke filter: pinyin initials over every item name */
	const char *queries[] = {"d", "db", "dbs", "dbsq", "hk", "hkqy", "cxjmyb", "zz"};
	long nq = 0;
	size_t hits = 0;
	t0 = now_s();
	for (int r = 0; r < 50; r++)
		for (size_t q = 0; q < sizeof queries / sizeof *queries; q++, nq++)
			for (size_t i = 0; i < cat->n_items; i++)
				hits += text_pinyin_match(cat->items[i].name, queries[q]) ||
					text_contains(cat->items[i].name, queries[q]);
	report("filter 300 items by pinyin (one keystroke)", now_s() - t0, nq, "key");
	if (!hits)
		fprintf(stderr, "bench: no filter hits?\n");
	/* 2b. the counter's forgiving search (item_find.h): full pinyin,
	 * codes, one wrong letter, same-sound characters, ranked */
	{
		const char *fq[] = {"d", "di", "dibao", "mz001", "gnjt", "低报", "hkqy", "cxjmyb"};
		size_t *out = bm_xcalloc(cat->n_items + 1, sizeof *out);
		long nf = 0;
		t0 = now_s();
		for (int r = 0; r < 20; r++)
			for (size_t q = 0; q < sizeof fq / sizeof *fq; q++, nf++)
				hits += item_find(cat, fq[q], NULL, out);
		report("item_find over 300 items (one keystroke)", now_s() - t0, nf, "key");
		free(out);
	}

	/* 3. the decision and the calendar */
	bm_calendar *cal = cal2026();
	bm_mat_state st[6] = {MAT_PRESENT, MAT_PRESENT, MAT_PRESENT, MAT_MISSING, MAT_PRESENT, MAT_PRESENT};
	bm_day today;
	bm_day_from_ymd(2026, 9, 30, &today);
	long nd = 1000000;
	t0 = now_s();
	for (long i = 0; i < nd; i++) {
		intake_outcome o;
		st[3] = (i & 1) ? MAT_MISSING : MAT_PRESENT;
		intake_input in = {.item = &cat->items[i % cat->n_items], .materials = st, .today = today, .cal = cal};
		intake_decide(&in, &o, NULL);
		intake_outcome_free(&o);
	}
	report("intake_decide", now_s() - t0, nd, "decision");
	bool unc = false;
	volatile bm_day sink = 0;
	t0 = now_s();
	for (long i = 0; i < nd; i++)
		sink = calendar_add_workdays(cal, today + (bm_day)(i % 60), 20, &unc);
	report("calendar_add_workdays(+20)", now_s() - t0, nd, "call");
	(void)sink;

	/* 4. the ledger: intakes, the home list, a case view, verify */
	snprintf(path, sizeof path, "%s/bench.db", dir);
	unlink(path);
	bm_error err;
	bm_store *s = store_open(path, true, &err);
	if (!s) {
		fprintf(stderr, "bench: %s\n", err.msg);
		return 1;
	}
	char no[CASE_NO_MAX], first_no[CASE_NO_MAX] = "";
	bm_time when = {.epoch = (int64_t)today * 86400 + 2 * 3600, .utc_offset = 8 * 3600};
	/* the clerk is added before the cases: the ledger refuses a clock
	 * that goes back */
	bm_time before = {.epoch = when.epoch - 3600, .utc_offset = when.utc_offset};
	if (auth_clerk_add(s, NULL, "1001", "王小梅", "民政", ROLE_ADMIN, "123456", before, &err) != BM_OK) {
		fprintf(stderr, "bench: %s\n", err.msg);
		return 1;
	}
	t0 = now_s();
	for (long i = 0; i < ncases; i++) {
		char name[32], id[32];
		snprintf(name, sizeof name, "申请人%ld", i);
		snprintf(id, sizeof id, "11010519491231002X");
		bm_party p = {.name = name, .id_type = IDTYPE_RESIDENT, .id_no = id, .phone = "13800000000"};
		const bm_item *it = &cat->items[i % cat->n_items];
		intake_outcome o;
		intake_input in = {.item = it, .materials = st, .today = today, .cal = cal};
		intake_decide(&in, &o, NULL);
		case_intake ci = {.center_code = "QS", .catalog_fingerprint = cat->fingerprint,
				  .applicant = &p, .clerk = "1001", .now = when};
		if (case_accept(s, &ci, &in, &o, no, &err) != BM_OK) {
			fprintf(stderr, "bench: intake %ld: %s\n", i, err.msg);
			return 1;
		}
		if (!first_no[0])
			memcpy(first_no, no, sizeof no);
		intake_outcome_free(&o);
	}
	report("case_accept (one transaction, fsync)", now_s() - t0, ncases, "intake");

	runs = 20;
	size_t n = 0;
	t0 = now_s();
	for (int r = 0; r < runs; r++) {
		case_summary *v = NULL;
		case_filter f = {.clerk = "1001", .open_only = true, .today = today};
		if (case_list(s, &f, &v, &n, &err) != BM_OK) {
			fprintf(stderr, "bench: %s\n", err.msg);
			return 1;
		}
		case_summaries_free(v, n);
	}
	char what[96];
	snprintf(what, sizeof what, "home list: open cases of a clerk (%zu)", n);
	report(what, now_s() - t0, runs, "list");

	t0 = now_s();
	for (int r = 0; r < runs; r++) {
		case_summary *v = NULL;
		case_filter f = {.query = "申请人1999", .limit = 50};
		case_list(s, &f, &v, &n, &err);
		case_summaries_free(v, n);
	}
	report("search by name", now_s() - t0, runs, "search");

	t0 = now_s();
	for (int r = 0; r < runs; r++) {
		bm_case c;
		if (case_load(s, first_no, &c, &err) != BM_OK) {
			fprintf(stderr, "bench: %s\n", err.msg);
			return 1;
		}
		case_free(&c);
	}
	report("case_load (case view)", now_s() - t0, runs, "case");

	bool ok = false;
	char head[65];
	ledger_problem prob;
	t0 = now_s();
	if (ledger_verify(s, &ok, head, &prob, &err) != BM_OK || !ok) {
		fprintf(stderr, "bench: verify failed: %s\n", ok ? err.msg : prob.what);
		return 1;
	}
	snprintf(what, sizeof what, "ledger_verify (%ld cases)", ncases);
	report(what, now_s() - t0, 1, "run");

	store_close(s);
	calendar_free(cal);
	catalog_free(cat);
	return 0;
}
