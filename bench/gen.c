/* gen.c - a seeded ledger for the benchmarks (issue 17), built through the
 * program's own case_accept and lifecycle steps, so `bianmin verify`
 * passes on it: intakes of every kind from data/catalog.yaml, 补齐,
 * 联办 opinions, 上报 and its result, pauses, withdrawals, returns,
 * 办结, notices, ratings with the follow-up of a bad one, AB岗 handovers
 * (one left pending at the end), and each clerk's 日结 every day.
 *   usage: gen DB N_CASES [CATALOG HOLIDAYS]
 * N_CASES over one year (up to 30 000) or ten years (more), from
 * 2017-01-02 or 2026-01-05; a day's work is one transaction and the file
 * is written with synchronous=OFF (a generator, not a counter).  The last
 * simulated day is printed: benchmarks use it as "today". */
#define _POSIX_C_SOURCE 200809L
#include "bianmin/auth.h"
#include "bianmin/calendar.h"
#include "bianmin/cases.h"
#include "bianmin/catalog.h"
#include "bianmin/idno.h"
#include "bianmin/intake.h"
#include "bianmin/ledger.h"
#include "bianmin/lifecycle.h"
#include "bianmin/store.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N_CLERKS 4
static const char *const CODES[N_CLERKS] = { "1001", "1002", "1003", "1004" };
static bm_clerk clerks[N_CLERKS], sup;

typedef struct gcase {
	char no[CASE_NO_MAX];
	int owner;              /* index into clerks */
	bm_kind kind;
	bool forward;           /* 上报事项: forwarded, completed by the result */
	size_t missing[16];
	size_t n_missing;
} gcase;

static unsigned long long rng = 88172645463325252ULL;
static unsigned rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

static void die(const char *what, const bm_error *e)
{
	fprintf(stderr, "gen: %s: %s\n", what, e ? e->msg : "");
	exit(1);
}

static bm_time at(bm_day d, int sec)
{
	return (bm_time){ .epoch = (int64_t)d * 86400 + 9 * 3600 + sec - 8 * 3600, .utc_offset = 8 * 3600 };
}

/* A resident ID with a correct check character. */
static void make_id(long i, char *out)
{
	char first[32];
	snprintf(first, sizeof first, "110105%04ld%02ld%02ld%03ld", 1940 + i % 60, 1 + i / 60 % 12, 1 + i / 720 % 28,
		 i / 20160 % 1000);
	first[17] = '\0';
	snprintf(out, 19, "%.17s%c", first, idno_resident_check_char(first));
}

static const char *const SURNAMES[] = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴" };
static const char *const GIVEN[] = { "小梅", "建国", "秀英", "志强", "丽", "伟", "芳", "军", "敏", "静", "海燕", "桂兰" };

static void intake(bm_store *s, const bm_catalog *cat, const bm_calendar *cal, bm_day d, int sec, long i,
		   gcase *g)
{
	const bm_item *it = &cat->items[rnd((unsigned)cat->n_items)];
	bm_mat_state st[64];
	for (size_t m = 0; m < it->n_materials && m < 64; m++)
		st[m] = MAT_PRESENT;
	if (it->n_materials && rnd(10) == 0)       /* 补办件, rarely 退回件 when a main one is missing */
		st[it->n_materials - 1] = MAT_MISSING;
	char name[64], id[20], phone[16];
	snprintf(name, sizeof name, "%s%s", SURNAMES[rnd(10)], GIVEN[rnd(12)]);
	make_id(i, id);
	snprintf(phone, sizeof phone, "13%09ld", (i * 7919) % 1000000000L);
	bm_party p = { .name = name, .id_type = IDTYPE_RESIDENT, .id_no = id, .phone = phone };
	intake_input in = { .item = it, .materials = st, .today = d, .cal = cal };
	intake_outcome o;
	intake_decide(&in, &o, NULL);
	g->owner = (int)rnd(N_CLERKS);
	case_intake ci = { .center_code = "QS", .catalog_fingerprint = cat->fingerprint, .applicant = &p,
			   .clerk = CODES[g->owner], .now = at(d, sec) };
	if (rnd(20) == 0) {
		ci.proxy_name = "村代办员";
		ci.proxy_id = "110105197001010011";
		ci.proxy_is_agent = true;
	}
	bm_error err = {0};
	if (case_accept(s, &ci, &in, &o, g->no, &err) != BM_OK)
		die("intake", &err);
	g->kind = o.kind;
	g->forward = it->regime == REGIME_FORWARD;
	g->n_missing = 0;
	for (size_t k = 0; k < o.n_missing && k < 16; k++)
		g->missing[g->n_missing++] = o.missing[k];
	intake_outcome_free(&o);
}

static void must(int rc, const char *what, const char *no, const bm_error *e)
{
	if (rc) {
		char w[128];
		snprintf(w, sizeof w, "%s %s", what, no);
		die(w, e);
	}
}

/* The steps after intake, a few days later. */
static void work(const lc_ctx *base, bm_day d, int *sec, gcase *g, bool keep_open)
{
	lc_ctx x = *base;
	x.clerk = &clerks[g->owner];
	x.now = at(d, (*sec)++);
	bm_error e = {0};
	const char *no = g->no;
	if (g->kind == KIND_RETURNED || g->kind == KIND_IMMEDIATE)
		goto after;
	if (g->kind == KIND_SUPPLEMENT) {
		must(lifecycle_supplement(&x, no, g->missing, g->n_missing, NULL, &e), "supplement", no, &e);
		x.now = at(d, (*sec)++);
	}
	if (keep_open)
		return;
	unsigned r = rnd(100);
	if (g->kind == KIND_FORWARDED || g->forward) {
		must(lifecycle_forward(&x, no, NULL, NULL, NULL, &e), "forward", no, &e);
		x.now = at(d, (*sec)++);
		must(lifecycle_result(&x, no, true, "准予", NULL, &e), "result", no, &e);
		goto after;
	}
	bm_case c;
	must(case_load(x.store, no, &c, &e), "load", no, &e);
	lc_info in;
	lifecycle_info(&c, &in);
	size_t joint = in.n_opinions;
	if (joint) {            /* 联办: every window's opinion first */
		lc_ctx y = x;
		y.clerk = &sup;
		for (size_t k = 0; k < in.n_opinions; k++) {
			y.now = at(d, (*sec)++);
			must(lifecycle_opinion(&y, no, in.opinions[k].window, true, "同意", NULL, &e), "opinion", no, &e);
		}
		x.now = at(d, (*sec)++);
	}
	lc_info_free(&in);
	case_free(&c);
	if (joint) {
	} else if (r < 2) {
		must(lifecycle_withdraw(&x, no, "申请人撤回", NULL, &e), "withdraw", no, &e);
		return;
	} else if (r < 4) {
		must(lifecycle_return(&x, no, "材料不符合要求", false, NULL, &e), "return", no, &e);
		return;
	} else if (r < 7) {
		must(lifecycle_pause(&x, no, LC_SITE_VISIT, "现场踏勘", NULL, &e), "pause", no, &e);
		x.now = at(d, (*sec)++);
		must(lifecycle_resume(&x, no, NULL, NULL, &e), "resume", no, &e);
		x.now = at(d, (*sec)++);
	}
	must(lifecycle_complete(&x, no, true, "已办结", NULL, NULL, &e), "complete", no, &e);
after:
	if (g->kind == KIND_RETURNED)
		return;
	x.now = at(d, (*sec)++);
	if (rnd(2))
		must(lifecycle_notify(&x, no, LC_PHONE, NULL, NULL, &e), "notify", no, &e);
	if (rnd(10) < 3) {
		int level = rnd(30) == 0 ? 5 : 1;
		x.now = at(d, (*sec)++);
		must(lifecycle_rate(&x, no, level, NULL, NULL, &e), "rate", no, &e);
		if (level == 5 && !keep_open) {
			lc_ctx y = x;
			y.clerk = &sup;
			y.now = at(d, (*sec)++);
			must(lifecycle_followup(&y, no, "已回访并解释", NULL, &e), "followup", no, &e);
		}
	}
}

static void close_days(bm_store *s, bm_day d)
{
	for (int k = 0; k < N_CLERKS; k++) {
		day_sheet ds;
		bm_error e = {0};
		if (ledger_day(s, d, CODES[k], &ds, &e))
			die("day", &e);
		if (ds.n && ledger_day_close(s, &clerks[k], &ds, at(d, 8 * 3600 + k), &e))
			die("day close", &e);
		day_sheet_free(&ds);
	}
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: gen DB N_CASES [CATALOG HOLIDAYS]\n");
		return 2;
	}
	long n = atol(argv[2]);
	const char *catp = argc > 3 ? argv[3] : "data/catalog.yaml", *holp = argc > 4 ? argv[4] : "data/holidays.yaml";
	bm_diags dg = {0};
	bm_catalog *cat = catalog_load(catp, &dg);
	bm_calendar *cal = calendar_load(holp, &dg);
	if (!cat || !cal) {
		fprintf(stderr, "gen: cannot load %s or %s\n", catp, holp);
		return 1;
	}
	bm_error err = {0};
	bm_store *s = store_open(argv[1], true, &err);
	if (!s)
		die(argv[1], &err);
	sqlite3_exec(store_db(s), "PRAGMA synchronous = OFF", NULL, NULL, NULL);
	bm_time t0 = at(0, 0);
	if (auth_clerk_add(s, NULL, "1001", "王小梅", "民政", ROLE_ADMIN, "1234", t0, &err))
		die("clerk", &err);
	bm_clerk admin;
	auth_clerk_get(s, "1001", &admin, &err);
	static const char *const names[] = { "王小梅", "李建国", "张秀英", "刘志强" };
	for (int k = 1; k < N_CLERKS; k++)
		if (auth_clerk_add(s, &admin, CODES[k], names[k], "民政", ROLE_CLERK, "1234", t0, &err))
			die("clerk", &err);
	if (auth_clerk_add(s, &admin, "9001", "赵主任", NULL, ROLE_SUPERVISOR, "9999", t0, &err))
		die("clerk", &err);
	for (int k = 0; k < N_CLERKS; k++)
		auth_clerk_get(s, CODES[k], &clerks[k], &err);
	auth_clerk_get(s, "9001", &sup, &err);
	auth_clerk_free(&admin);

	int years = n <= 30000 ? 1 : 10;
	bm_day d;
	bm_day_from_ymd(years == 1 ? 2026 : 2017, years == 1 ? 1 : 1, years == 1 ? 5 : 2, &d);
	long workdays = years * 250L, per_day = (n + workdays - 1) / workdays;
	/* the cases of the last LAG working days, worked on LAG days later */
	enum { LAG = 3 };
	gcase *ring = calloc((size_t)per_day * (LAG + 1), sizeof *ring);
	long *ring_n = calloc(LAG + 1, sizeof *ring_n);
	lc_ctx base = { .store = s, .cal = cal, .center = NULL };
	long made = 0, day_i = 0;
	bool pending_left = false;
	while (made < n) {
		if (!calendar_is_workday(cal, d, NULL)) {
			d++;
			continue;
		}
		if (store_begin(s, &err))
			die("begin", &err);
		int sec = 0;
		long slot = day_i % (LAG + 1);
		/* the work of LAG days ago (its slot is reused for today) */
		for (long k = 0; k < ring_n[slot]; k++)
			work(&base, d, &sec, &ring[slot * per_day + k], rnd(500) == 0);
		ring_n[slot] = 0;
		long today_n = per_day < n - made ? per_day : n - made;
		for (long k = 0; k < today_n; k++, made++)
			intake(s, cat, cal, d, sec++, made, &ring[slot * per_day + ring_n[slot]++]);
		/* AB岗: every 20th day a clerk hands two new cases to another,
		 * who takes them over; the last one stays pending */
		if (day_i % 20 == 19 || made >= n) {
			gcase *g = &ring[slot * per_day];
			int from = g->owner, to = (from + 1) % N_CLERKS;
			const char *nos[2];
			size_t nn = 0;
			for (long k = 0; k < ring_n[slot] && nn < 2; k++)
				if (ring[slot * per_day + k].owner == from && ring[slot * per_day + k].kind != KIND_RETURNED &&
				    ring[slot * per_day + k].kind != KIND_IMMEDIATE)
					nos[nn++] = ring[slot * per_day + k].no;
			lc_ctx x = base;
			x.clerk = &clerks[from];
			x.now = at(d, sec++);
			lc_handover h;
			if (nn && lifecycle_handover(&x, CODES[from], CODES[to], nos, nn, "休假", &h, &err) == BM_OK) {
				lc_handover_free(&h);
				if (made < n) {
					x.clerk = &clerks[to];
					x.now = at(d, sec++);
					if (lifecycle_acknowledge(&x, NULL, NULL, &err))
						die("acknowledge", &err);
					for (long k = 0; k < ring_n[slot]; k++)
						for (size_t j = 0; j < nn; j++)
							if (strcmp(ring[slot * per_day + k].no, nos[j]) == 0)
								ring[slot * per_day + k].owner = to;
				} else {
					pending_left = true;
				}
			} else if (nn) {
				die("handover", &err);
			}
		}
		close_days(s, d);
		if (store_commit(s, &err))
			die("commit", &err);
		if (day_i % 250 == 0)
			fprintf(stderr, "gen: %ld cases\n", made);
		day_i++;
		d++;
	}
	char today[11];
	printf("%s %ld cases, %ld days%s\n", bm_day_format(d - 1, today), made, day_i,
	       pending_left ? ", a handover pending" : "");
	free(ring);
	free(ring_n);
	store_close(s);
	calendar_free(cal);
	catalog_free(cat);
	return 0;
}
