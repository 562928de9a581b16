/* ratios.c - each thing a clerk waits on beside its baseline, measured in
 * the same run (issue 17):
 *   ratios screens DB TODAY   every screen's and report's core call vs its
 *                             SQL (queries.h) in the sqlite3 shell
 *   ratios verify DB [since]  verify alone in this process: time, peak RSS
 *   ratios catalog FILE       catalog_load vs a bare libyaml event parse
 *   ratios intake DIR N       case_accept vs a raw insert of the same rows
 * Times are medians of repeated runs on a shared machine. */
#define _POSIX_C_SOURCE 200809L
#include "bianmin/auth.h"
#include "bianmin/calendar.h"
#include "bianmin/cases.h"
#include "bianmin/catalog.h"
#include "bianmin/intake.h"
#include "bianmin/ledger.h"
#include "bianmin/lifecycle.h"
#include "bianmin/queries.h"
#include "bianmin/store.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>
#include <yaml.h>

static double now_s(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int dcmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static double median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, dcmp);
	return v[n / 2];
}

static void die(const char *what, const bm_error *e)
{
	fprintf(stderr, "ratios: %s: %s\n", what, e ? e->msg : "");
	exit(1);
}

/* ---- the shell: the same SQL, the same values ------------------------- */
static const char *db_path;
static bm_store *store;
static bm_calendar *cal;
static bm_day today;
static char today_s[11], next_s[11], first_s[11];
static char some_no[CASE_NO_MAX], some_id[20];

/* Seconds per run of sql in the sqlite3 shell with params set (".parameter
 * set" lines): k runs minus 0 runs, whole processes, median of 5. */
static double shell_once(const char *params, const char *sql, int k);
static double shell_time(const char *params, const char *sql, int k)
{
	/* enough runs that the queries, not the shell's start, are measured */
	double one = shell_once(params, sql, k);
	if (one * k < 0.1)
		k = (int)(0.1 / (one > 2e-5 ? one : 2e-5));
	if (k > 2000)
		k = 2000;
	return shell_once(params, sql, k);
}

static double shell_once(const char *params, const char *sql, int k)
{
	double v[5];
	for (int r = 0; r < 5; r++) {
		double t[2];
		for (int pass = 0; pass < 2; pass++) {
			char script[] = "/tmp/bm-ratios-XXXXXX";
			int fd = mkstemp(script);
			FILE *f = fdopen(fd, "w");
			fprintf(f, ".parameter init\n%s.output /dev/null\n", params);
			for (int i = 0; i < (pass ? k : 0); i++)
				fprintf(f, "%s;\n", sql);
			fclose(f);
			char cmd[1024];
			snprintf(cmd, sizeof cmd, "sqlite3 -bail '%s' < %s", db_path, script);
			double t0 = now_s();
			if (system(cmd) != 0)
				fprintf(stderr, "ratios: the shell failed on: %s\n", sql);
			t[pass] = now_s() - t0;
			unlink(script);
		}
		v[r] = (t[1] - t[0]) / k;
	}
	double m = median(v, 5);
	return m > 1e-6 ? m : 1e-6;
}

typedef void (*core_fn)(void);

static double core_time(core_fn fn, int k)
{
	double v[15];
	int n = k < 15 ? k : 15;
	fn();   /* warm */
	for (int r = 0; r < n; r++) {
		double t0 = now_s();
		fn();
		v[r] = now_s() - t0;
	}
	return median(v, n);
}

static void line(const char *what, double core, double shell, const char *note)
{
	printf("| %-44s | %9.2f ms | %9.2f ms | %5.2fx | %s\n", what, core * 1e3, shell * 1e3, core / shell, note);
	fflush(stdout);
}

/* each screen's core call */
static void c_list(const case_filter *f)
{
	case_summary *v;
	size_t n;
	bm_error e = {0};
	if (case_list(store, f, &v, &n, &e))
		die("case_list", &e);
	case_summaries_free(v, n);
}
static void c_home_mine(void) { c_list(&(case_filter){ .clerk = "1002", .open_only = true, .today = today }); }
static void c_overdue(void) { c_list(&(case_filter){ .open_only = true, .overdue_only = true, .today = today }); }
static void c_mine_all(void) { c_list(&(case_filter){ .clerk = "1002", .limit = 50 }); }
static void c_find(void) { c_list(&(case_filter){ .query = "王小梅", .limit = 500 }); }
static void c_find_id(void) { c_list(&(case_filter){ .query = some_id + 12, .limit = 500 }); }
static void c_prefix(void) { c_list(&(case_filter){ .query = "李", .limit = 500 }); }
static void c_load(void)
{
	bm_case c;
	bm_error e = {0};
	if (case_load(store, some_no, &c, &e))
		die("case_load", &e);
	case_free(&c);
}
static void c_prev(void)
{
	bm_party p;
	bool found;
	bm_error e = {0};
	case_previous_applicant(store, some_id, &p, &found, &e);
	party_free(&p);
}
static void c_counts(void)
{
	case_day_counts d;
	bm_error e = {0};
	if (case_counts_day(store, today, "1002", &d, &e))
		die("counts", &e);
}
static void c_day(void)
{
	day_sheet d;
	bm_error e = {0};
	if (ledger_day(store, today, NULL, &d, &e))
		die("day", &e);
	day_sheet_free(&d);
}
static void c_watch(lc_watch w, const char *clerk, const char *window)
{
	bm_clerk me = { .code = "9001", .role = ROLE_SUPERVISOR };
	lc_ctx x = { .store = store, .cal = cal, .clerk = &me, .now = { .epoch = (int64_t)today * 86400 + 3600, .utc_offset = 8 * 3600 } };
	lc_watch_row *v;
	size_t n;
	bm_error e = {0};
	if (lifecycle_watch(&x, w, clerk, window, &v, &n, &e))
		die("watch", &e);
	lc_watch_rows_free(v, n);
}
static void c_followup(void) { c_watch(LC_WATCH_FOLLOWUP, NULL, NULL); }
static void c_joint(void) { c_watch(LC_WATCH_WAITING_ON, NULL, "规划建设"); }
static void c_stale(void) { c_watch(LC_WATCH_STALE, "1002", NULL); }
static void c_handovers(void)
{
	lc_handover *h;
	size_t n;
	bm_error e = {0};
	if (lifecycle_pending_handovers(store, NULL, &h, &n, &e))
		die("handovers", &e);
	lc_handovers_free(h, n);
}
static void c_month(void)
{
	int y, m, d;
	bm_day_to_ymd(today, &y, &m, &d);
	lc_report r;
	bm_error e = {0};
	if (lifecycle_report_month(store, cal, y, m, today, &r, &e))
		die("month", &e);
	lc_report_free(&r);
}
/* login to home: what home_reload asks for (src/ui/scr_home.c, home_watch.c) */
static void c_home(void)
{
	c_home_mine();
	c_counts();
	lc_handover *h;
	size_t n;
	bm_error e = {0};
	if (lifecycle_pending_handovers(store, "1002", &h, &n, &e))
		die("handovers", &e);
	lc_handovers_free(h, n);
	c_watch(LC_WATCH_FOLLOWUP, "1002", NULL);
	c_watch(LC_WATCH_STALE, "1002", NULL);
}

static const char *sql_named(const char *prefix)
{
	size_t n;
	const bm_query *q = bm_queries(&n);
	for (size_t i = 0; i < n; i++)
		if (strncmp(q[i].name, prefix, strlen(prefix)) == 0)
			return q[i].sql;
	fprintf(stderr, "ratios: no query %s\n", prefix);
	exit(1);
}

static int screens(const char *db, const char *day)
{
	db_path = db;
	bm_error err = {0};
	/* opening: store_open whole, and the whole-file check it still runs
	 * (PRAGMA quick_check; issue 17 point 1 takes it out of the start) */
	double to[5], tq[5];
	for (int r = 0; r < 5; r++) {
		double t0 = now_s();
		if (!(store = store_open(db, false, &err)))
			die(db, &err);
		to[r] = now_s() - t0;
		t0 = now_s();
		sqlite3_exec(store_db(store), "PRAGMA quick_check", NULL, NULL, NULL);
		tq[r] = now_s() - t0;
		store_close(store);
	}
	printf("open (store_open): %.1f ms, of which a PRAGMA quick_check takes %.1f ms\n\n", median(to, 5) * 1e3,
	       median(tq, 5) * 1e3);
	if (!(store = store_open(db, false, &err)))
		die(db, &err);
	bm_diags dg = {0};
	if (!(cal = calendar_load("data/holidays.yaml", &dg)))
		die("holidays", NULL);
	if (!bm_day_parse(day, &today))
		die("not a day", NULL);
	bm_day_format(today, today_s);
	bm_day_format(today + 1, next_s);
	int y, m, d;
	bm_day_to_ymd(today, &y, &m, &d);
	snprintf(first_s, sizeof first_s, "%04d-%02d-01", y, m);
	sqlite3_stmt *st;
	sqlite3_prepare_v2(store_db(store), "SELECT no, id_no FROM cases WHERE owner_clerk = '1002' ORDER BY id DESC LIMIT 1",
			   -1, &st, NULL);
	if (sqlite3_step(st) == SQLITE_ROW) {
		snprintf(some_no, sizeof some_no, "%s", (const char *)sqlite3_column_text(st, 0));
		snprintf(some_id, sizeof some_id, "%s", (const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_finalize(st);
	char p_mine50[256], p_mine[256], p_over[256], p_find[256], p_findid[256], p_prefix[256], p_no[256], p_id[256], p_day[256],
		p_month[256];
	snprintf(p_mine, sizeof p_mine, ".parameter set ?1 \"'1002'\"\n.parameter set ?3 0\n.parameter set ?4 \"''\"\n"
		 ".parameter set ?6 -1\n");
	snprintf(p_mine50, sizeof p_mine50, ".parameter set ?1 \"'1002'\"\n.parameter set ?6 50\n");
	snprintf(p_over, sizeof p_over, ".parameter set ?3 1\n.parameter set ?4 \"'%s'\"\n.parameter set ?6 -1\n", today_s);
	snprintf(p_find, sizeof p_find, ".parameter set ?1 NULL\n.parameter set ?2 0\n.parameter set ?3 0\n"
		 ".parameter set ?4 \"''\"\n.parameter set ?5 char(34)||'王小梅'||char(34)\n.parameter set ?6 500\n");
	snprintf(p_findid, sizeof p_findid, ".parameter set ?1 NULL\n.parameter set ?2 0\n.parameter set ?3 0\n"
		 ".parameter set ?4 \"''\"\n.parameter set ?5 char(34)||'%s'||char(34)\n.parameter set ?6 500\n", some_id + 12);
	snprintf(p_prefix, sizeof p_prefix, ".parameter set ?1 NULL\n.parameter set ?2 0\n.parameter set ?3 0\n"
		 ".parameter set ?4 \"''\"\n.parameter set ?5 \"'李'\"\n.parameter set ?6 500\n.parameter set ?7 \"'杏'\"\n");
	snprintf(p_no, sizeof p_no, ".parameter set ?1 \"'%s'\"\n", some_no);
	snprintf(p_id, sizeof p_id, ".parameter set ?1 \"'%s'\"\n", some_id);
	snprintf(p_day, sizeof p_day, ".parameter set ?1 \"'%s'\"\n.parameter set ?2 \"'1002'\"\n.parameter set ?3 \"'%s'\"\n",
		 today_s, next_s);
	snprintf(p_month, sizeof p_month, ".parameter set ?1 \"'%s'\"\n.parameter set ?2 \"'%s'\"\n.parameter set ?3 \"'%s'\"\n",
		 first_s, today_s, next_s);

	printf("| screen / report (core call) | core | same SQL in sqlite3 | ratio | note\n|---|---|---|---|---\n");
	line("home: my open cases (case_list)", core_time(c_home_mine, 15), shell_time(p_mine, sql_named("home: my open"), 20), "");
	line("all overdue (case_list, supervisor)", core_time(c_overdue, 15), shell_time(p_over, sql_named("home: the center"), 20), "");
	line("a clerk's 50 newest (case list --owner)", core_time(c_mine_all, 15),
	     shell_time(p_mine50, sql_named("a clerk's"), 20), "");
	line("search \"王小梅\" (FTS5 trigram)", core_time(c_find, 15), shell_time(p_find, sql_named("search: any part (3"), 20), "");
	line("search last 6 digits of an ID", core_time(c_find_id, 15),
	     shell_time(p_findid, sql_named("search: any part (3"), 20), "");
	line("search \"李\" (name prefix)", core_time(c_prefix, 15), shell_time(p_prefix, sql_named("search: the start (1"), 20), "");
	line("case view (case_load: 4 statements)", core_time(c_load, 15), shell_time(p_no, sql_named("case view"), 20),
	     "shell: the case row only");
	line("intake: previous applicant by ID", core_time(c_prev, 15), shell_time(p_id, sql_named("intake: the previous"), 20), "");
	line("home: the day's figures", core_time(c_counts, 15), shell_time(p_day, sql_named("home: the day's"), 20), "");
	/* ledger_day's statements in its order, each with its own values:
	 * the day's receipts and closes, the closes and receipts of the carry
	 * window (40 days), the refunds, the hand-ins */
	char from_s[11], all[8192];
	bm_day_format(today - 40, from_s);
	snprintf(all, sizeof all,
		 ".parameter set ?1 \"'%s'\"\n.parameter set ?2 NULL\n.parameter set ?3 \"'%s'\"\n%s;\n%s;\n"
		 ".parameter set ?1 \"'%s'\"\n%s;\n"
		 ".parameter set ?2 \"'%s'\"\n.parameter set ?3 NULL\n%s;\n"
		 ".parameter set ?2 \"'%s'\"\n%s;\n%s",
		 today_s, next_s, sql_named("report day: receipts"), sql_named("report day: closes"),
		 from_s, sql_named("report day: closes since"),
		 today_s, sql_named("report day: receipts carried"),
		 next_s, sql_named("report day: refunds"), sql_named("report day: hand-ins"));
	line("report day --all (ledger_day)", core_time(c_day, 15), shell_time("", all, 20),
	     "shell: its 6 statements (5 .parameter sets each run)");
	line("watch: follow-ups (case_watch)", core_time(c_followup, 15), shell_time(".parameter set ?1 NULL\n",
	     sql_named("watch: follow-ups"), 20), "core loads each case listed");
	line("watch: 联办件 waiting on a window", core_time(c_joint, 15),
	     shell_time(".parameter set ?1 \"'规划建设'\"\n", sql_named("watch: 联办件"), 20), "");
	line("watch: pending handovers", core_time(c_handovers, 15), shell_time("", sql_named("watch: pending"), 20), "");
	line("watch: 补办件 past the timeout (1002)", core_time(c_stale, 15), shell_time(p_mine, sql_named("home: my open"), 20),
	     "shell: my open cases");
	line("report month (this month)", core_time(c_month, 5), shell_time(p_month, sql_named("report month"), 5),
	     "core loads each case of the month");
	double home = core_time(c_home, 15);
	printf("\nlogin to home (home_reload's calls, no drawing): %.2f ms\n", home * 1e3);
	store_close(store);
	calendar_free(cal);
	return 0;
}

/* ---- verify alone ---------------------------------------------------- */
static int verify(const char *db, bool since, bool checkpoint)
{
	bm_error err = {0};
	bm_store *s = store_open(db, false, &err);
	if (!s)
		die(db, &err);
	struct rusage ru0, ru1;
	getrusage(RUSAGE_SELF, &ru0);
	verify_opts o = { .since_checkpoint = since, .checkpoint_by = since || checkpoint ? "1001" : NULL };
	o.now.epoch = (int64_t)time(NULL);
	o.now.utc_offset = 8 * 3600;
	verify_result r;
	ledger_problem p;
	double t0 = now_s();
	if (ledger_verify_run(s, &o, &r, &p, &err))
		die("verify", &err);
	double t = now_s() - t0;
	getrusage(RUSAGE_SELF, &ru1);
	printf("verify%s: %s, %.2f s, peak RSS %ld MB (%ld MB before it), %lld events, %lld cases, %lld receipts\n",
	       since ? " --since-checkpoint" : "", r.ok ? "ok" : p.what, t, ru1.ru_maxrss / 1024, ru0.ru_maxrss / 1024,
	       (long long)r.events, (long long)r.cases, (long long)r.receipts);
	store_close(s);
	return r.ok ? 0 : 1;
}

/* ---- catalog load vs libyaml ------------------------------------------ */
static void yaml_events(const char *path)
{
	FILE *f = fopen(path, "rb");
	yaml_parser_t p;
	yaml_parser_initialize(&p);
	yaml_parser_set_input_file(&p, f);
	yaml_event_t ev;
	for (;;) {
		if (!yaml_parser_parse(&p, &ev))
			break;
		int end = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
		if (end)
			break;
	}
	yaml_parser_delete(&p);
	fclose(f);
}

static int catalog(const char *path)
{
	double a[21], b[21];
	for (int r = 0; r < 21; r++) {
		double t0 = now_s();
		yaml_events(path);
		b[r] = now_s() - t0;
		bm_diags d = {0};
		t0 = now_s();
		bm_catalog *c = catalog_load(path, &d);
		a[r] = now_s() - t0;
		if (!c)
			die("catalog", NULL);
		catalog_free(c);
		diags_free(&d);
	}
	double ca = median(a, 21), yb = median(b, 21);
	printf("| catalog_load %s | %.2f ms | libyaml events %.2f ms | %.2fx |\n", path, ca * 1e3, yb * 1e3, ca / yb);
	return 0;
}

/* ---- intake vs raw insert ---------------------------------------------- */
static int intake(const char *dir, long n)
{
	char a[512], b[512];
	snprintf(a, sizeof a, "%s/intake.db", dir);
	snprintf(b, sizeof b, "%s/raw.db", dir);
	unlink(a);
	unlink(b);
	bm_error err = {0};
	bm_store *s = store_open(a, true, &err), *r = store_open(b, true, &err);
	if (!s || !r)
		die("open", &err);
	bm_diags dg = {0};
	bm_catalog *cat = catalog_load("data/catalog.yaml", &dg);
	bm_calendar *c = calendar_load("data/holidays.yaml", &dg);
	if (!cat || !c)
		die("data", NULL);
	bm_time when = { .epoch = 1790000000, .utc_offset = 8 * 3600 };
	if (auth_clerk_add(s, NULL, "1001", "王小梅", "民政", ROLE_ADMIN, "1234", when, &err) ||
	    auth_clerk_add(r, NULL, "1001", "王小梅", "民政", ROLE_ADMIN, "1234", when, &err))
		die("clerk", &err);
	bm_mat_state st[64];
	for (int i = 0; i < 64; i++)
		st[i] = MAT_PRESENT;
	double *ta = calloc((size_t)n, sizeof *ta), *tb = calloc((size_t)n, sizeof *tb);
	for (long i = 0; i < n; i++) {
		const bm_item *it = &cat->items[i % (long)cat->n_items];
		bm_party p = { .name = "张三", .id_type = IDTYPE_RESIDENT, .id_no = "11010519491231002X", .phone = "13800000000" };
		intake_input in = { .item = it, .materials = st, .today = bm_time_day(when), .cal = c };
		intake_outcome o;
		intake_decide(&in, &o, NULL);
		case_intake ci = { .center_code = "QS", .catalog_fingerprint = cat->fingerprint, .applicant = &p,
				   .clerk = "1001", .now = when };
		char no[CASE_NO_MAX];
		double t0 = now_s();
		if (case_accept(s, &ci, &in, &o, no, &err))
			die("intake", &err);
		ta[i] = now_s() - t0;
		intake_outcome_free(&o);
	}
	/* the same rows, raw, one transaction each, same file settings */
	sqlite3 *db = store_db(r);
	char att[600];
	snprintf(att, sizeof att, "ATTACH '%s' AS src", a);
	sqlite3_exec(db, att, NULL, NULL, NULL);
	static const char *const raw[] = {
		"INSERT INTO cases SELECT * FROM src.cases WHERE id = ?1",
		/* the materials named, once each (material_versions, issue 17) */
		"INSERT OR IGNORE INTO material_versions SELECT v.* FROM src.material_versions v"
		" JOIN src.case_materials m ON m.material = v.id WHERE m.case_id = ?1",
		"INSERT INTO case_materials SELECT * FROM src.case_materials WHERE case_id = ?1",
		"INSERT INTO receipts SELECT * FROM src.receipts WHERE case_id = ?1",
		"INSERT INTO events SELECT * FROM src.events WHERE case_id = ?1",
	};
	enum { N_RAW = sizeof raw / sizeof raw[0] };
	sqlite3_stmt *ps[N_RAW];
	for (int k = 0; k < N_RAW; k++)
		sqlite3_prepare_v2(db, raw[k], -1, &ps[k], NULL);
	for (long i = 0; i < n; i++) {
		double t0 = now_s();
		sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
		for (int k = 0; k < N_RAW; k++) {
			sqlite3_bind_int64(ps[k], 1, i + 1);
			if (sqlite3_step(ps[k]) != SQLITE_DONE)
				fprintf(stderr, "ratios: raw insert: %s\n", sqlite3_errmsg(db));
			sqlite3_reset(ps[k]);
		}
		sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
		tb[i] = now_s() - t0;
	}
	for (int k = 0; k < N_RAW; k++)
		sqlite3_finalize(ps[k]);
	double ma = median(ta, (int)n), mb = median(tb, (int)n);
	printf("| intake: case_accept (%ld, fsync each) | %.2f ms | raw insert of the same rows %.2f ms | %.2fx |\n", n,
	       ma * 1e3, mb * 1e3, ma / mb);
	free(ta);
	free(tb);
	store_close(s);
	store_close(r);
	catalog_free(cat);
	calendar_free(c);
	return 0;
}

int main(int argc, char **argv)
{
	/* the bench ledgers keep the test suites' 4-digit PINs (new PINs at a
	 * center need center.yaml's pin_min_length, default 6) */
	auth_policy pin_rules = *auth_get_policy();
	pin_rules.min_len = AUTH_PIN_MIN;
	auth_set_policy(&pin_rules);
	if (argc >= 4 && strcmp(argv[1], "screens") == 0)
		return screens(argv[2], argv[3]);
	if (argc >= 3 && strcmp(argv[1], "verify") == 0)
		return verify(argv[2], argc > 3 && strcmp(argv[3], "since") == 0,
			      argc > 3 && strcmp(argv[3], "checkpoint") == 0);
	if (argc >= 3 && strcmp(argv[1], "catalog") == 0)
		return catalog(argv[2]);
	if (argc >= 4 && strcmp(argv[1], "intake") == 0)
		return intake(argv[2], atol(argv[3]));
	fprintf(stderr, "usage: ratios screens DB YYYY-MM-DD | verify DB [checkpoint|since] | catalog FILE | intake DIR N\n");
	return 2;
}
