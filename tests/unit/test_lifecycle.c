/* test_lifecycle.c - every step after intake: the state x step table
 * (allowed and refused), the due-date arithmetic across the 2026 国庆
 * holiday (10-01..07 off, 10-10 a make-up Saturday), extensions past the
 * statutory limit, joint opinions, handover pending -> acknowledged,
 * notice breaches and bad ratings in the month's figures, and a clean
 * ledger afterwards. */
#include "unit.h"
#include "bianmin/lifecycle.h"
#include "bianmin/ledger.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* ---- the table, on cases built in memory (no events) ------------------ */
static char *joint_ws[] = { "规划建设", "综合受理" };

static void mem_case(bm_case *c, bm_case_state st, bm_kind kind)
{
	memset(c, 0, sizeof *c);
	snprintf(c->no, sizeof c->no, "QS-20260930-0001");
	c->state = st;
	c->kind = kind;
	c->owner_clerk = "1002";
	c->item.name = "测试事项";
	c->item.window = "民政";
	c->item.regime = kind == KIND_JOINT ? REGIME_JOINT : kind == KIND_FORWARDED ? REGIME_FORWARD : REGIME_PROMISE;
	c->item.forward_to = "县民政局";
	c->item.statutory_days = 20;
	if (kind == KIND_JOINT) {
		c->item.joint_windows = joint_ws;
		c->item.n_joint_windows = 2;
	}
	c->due = st == CASE_WAITING_MATERIALS ? BM_NO_DAY : 20400;
	c->completed_day = case_state_final(st) ? 20390 : BM_NO_DAY;
	c->clock_start = c->due == BM_NO_DAY ? BM_NO_DAY : 20380;
}

/* Rows: steps; columns: W I P F C R X (waiting, in progress, paused,
 * forwarded, completed, returned, withdrawn), for a 承诺件. */
static const char *const TABLE[LC_STEP__COUNT] = {
	[LC_SUPPLEMENT]  = "1000000",
	[LC_PAUSE]       = "0100000",
	[LC_RESUME]      = "0010000",
	[LC_EXTEND]      = "0101000",
	[LC_OPINION]     = "0000000",
	[LC_FORWARD]     = "0000000",
	[LC_RESULT]      = "0001000",
	[LC_COMPLETE]    = "0100000",
	[LC_RETURN]      = "1111000",
	[LC_WITHDRAW]    = "1111000",
	[LC_NOTIFY]      = "1111111",
	[LC_RATE]        = "0000110",
	[LC_HANDOVER]    = "1111000",
	[LC_ACKNOWLEDGE] = "0000000",
	[LC_STATUS]      = "1111111",
	[LC_DEMAND]      = "1110000",
	[LC_FOLLOWUP]    = "0000000",
	[LC_FEEDBACK]    = "0000000",   /* not a proxy case */
	[LC_REPLY]       = "0000000",
};

START_TEST(table_every_state_and_step)
{
	for (int st = 0; st < CASE_STATE__COUNT; st++)
		for (int step = 0; step < LC_STEP__COUNT; step++) {
			bm_case c;
			mem_case(&c, (bm_case_state)st, KIND_PROMISED);
			bm_error why = {0};
			bool ok = lifecycle_allowed(&c, NULL, (lc_step)step, &why);
			bool want = TABLE[step][st] == '1';
			ck_assert_msg(ok == want, "%s in state %s: expected %s (%s)", lc_step_key((lc_step)step),
				      case_state_key((bm_case_state)st), want ? "allowed" : "refused", why.msg);
			if (!ok)
				ck_assert_msg(why.msg[0] && why.code, "a refusal says why");
		}
}
END_TEST

START_TEST(table_joint_and_forwarded)
{
	bm_case c;
	bm_error why = {0};
	mem_case(&c, CASE_IN_PROGRESS, KIND_JOINT);
	ck_assert(lifecycle_allowed(&c, NULL, LC_OPINION, &why));
	ck_assert(!lifecycle_allowed(&c, NULL, LC_COMPLETE, &why));
	ck_assert_ptr_nonnull(strstr(why.msg, "opinion of window 民政"));
	mem_case(&c, CASE_IN_PROGRESS, KIND_FORWARDED);
	ck_assert(lifecycle_allowed(&c, NULL, LC_FORWARD, &why));
	ck_assert(!lifecycle_allowed(&c, NULL, LC_COMPLETE, &why));
	mem_case(&c, CASE_FORWARDED, KIND_FORWARDED);
	ck_assert(!lifecycle_allowed(&c, NULL, LC_FORWARD, &why));
	ck_assert(lifecycle_allowed(&c, NULL, LC_RESULT, &why));
}
END_TEST

/* 代理件: the feedback form comes before completion; the agent replies
 * once it is done (events in memory, as the ledger would hold them). */
START_TEST(table_proxy_case)
{
	bm_case c;
	bm_error why = {0};
	mem_case(&c, CASE_IN_PROGRESS, KIND_PROMISED);
	c.proxy_name = "张小梅";
	c.proxy_is_agent = true;
	ck_assert(!lifecycle_allowed(&c, NULL, LC_COMPLETE, &why));
	ck_assert_ptr_nonnull(strstr(why.msg, "服务意见反馈表"));
	ck_assert(lifecycle_allowed(&c, NULL, LC_FEEDBACK, &why));
	ck_assert(!lifecycle_allowed(&c, NULL, LC_REPLY, &why));
	bm_event ev = { .type = "feedback", .details = "{\"x.note\":\"{\\\"level\\\":\\\"2\\\",\\\"satisfied\\\":\\\"1\\\"}\"}" };
	c.events = &ev;
	c.n_events = 1;
	ck_assert_msg(lifecycle_allowed(&c, NULL, LC_COMPLETE, &why), "%s", why.msg);
	ck_assert(!lifecycle_allowed(&c, NULL, LC_FEEDBACK, &why));
	lc_info in;
	lifecycle_info(&c, &in);
	ck_assert(in.has_feedback && in.satisfied);
	ck_assert_int_eq(in.feedback_level, 2);
	lc_info_free(&in);
	c.state = CASE_COMPLETED;
	ck_assert(lifecycle_allowed(&c, NULL, LC_REPLY, &why));
	c.proxy_is_agent = false;   /* a private proxy has no agent to reply */
	ck_assert(!lifecycle_allowed(&c, NULL, LC_REPLY, &why));
}
END_TEST

START_TEST(table_messages)
{
	bm_case c;
	bm_error why = {0};
	mem_case(&c, CASE_COMPLETED, KIND_PROMISED);
	ck_assert(!lifecycle_allowed(&c, NULL, LC_SUPPLEMENT, &why));
	ck_assert_int_eq(why.code, BM_ESTATE);
	ck_assert_ptr_nonnull(strstr(why.msg, "a completed case cannot be supplemented"));
	mem_case(&c, CASE_RETURNED, KIND_PROMISED);
	ck_assert(!lifecycle_allowed(&c, NULL, LC_COMPLETE, &why));
	ck_assert_ptr_nonnull(strstr(why.msg, "a returned case cannot be completed"));
	mem_case(&c, CASE_PAUSED, KIND_PROMISED);
	ck_assert(!lifecycle_allowed(&c, NULL, LC_COMPLETE, &why));
	ck_assert_ptr_nonnull(strstr(why.msg, "resume it before completing it"));
}
END_TEST

START_TEST(table_permissions)
{
	bm_case c;
	bm_error why = {0};
	mem_case(&c, CASE_IN_PROGRESS, KIND_PROMISED);
	bm_clerk owner = { .code = "1002", .role = ROLE_CLERK, .active = true };
	bm_clerk other = { .code = "1003", .role = ROLE_CLERK, .active = true, .window = "民政" };
	bm_clerk sup = { .code = "9001", .role = ROLE_SUPERVISOR, .active = true };
	ck_assert(lifecycle_allowed(&c, &owner, LC_COMPLETE, &why));
	ck_assert(!lifecycle_allowed(&c, &other, LC_COMPLETE, &why));
	ck_assert_int_eq(why.code, BM_EDENIED);
	ck_assert(lifecycle_allowed(&c, &sup, LC_COMPLETE, &why));
	ck_assert(lifecycle_allowed(&c, &other, LC_STATUS, &why));
	mem_case(&c, CASE_IN_PROGRESS, KIND_JOINT);
	ck_assert(lifecycle_allowed(&c, &other, LC_OPINION, &why));     /* 民政's clerk */
	ck_assert(!lifecycle_allowed(&c, &owner, LC_OPINION, &why));    /* no window */
}
END_TEST

START_TEST(names_parse)
{
	lc_step s;
	const char *names[] = { "supplement", "pause", "resume", "extend", "opinion", "forward", "result",
				"complete", "return", "withdraw", "notify", "rate", "handover", "acknowledge", "status" };
	for (int i = 0; i < 15; i++) {
		ck_assert(lc_step_parse(names[i], &s));
		ck_assert_int_eq(s, i);
	}
	int level;
	ck_assert(lc_rating_parse("不满意", &level));
	ck_assert_int_eq(level, 4);
	ck_assert(lc_rating_parse("1", &level));
	ck_assert_int_eq(level, 1);
	ck_assert(!lc_rating_parse("6", &level));
	lc_pause_kind k;
	ck_assert(lc_pause_parse("site_visit", &k));
	ck_assert_int_eq(k, LC_SITE_VISIT);
	ck_assert(lc_pause_parse("现场踏勘", &k));
}
END_TEST

/* ---- on a real ledger --------------------------------------------------- */
static char dir[256], path[300];
static bm_store *S;
static bm_calendar *CAL;
static bm_center CENTER = { .name = "测试中心", .code = "QS", .supplement_timeout_days = 20, .followup_days = 5,
			    .due_soon_days = 1 };
static bm_clerk C1002, C9001, C1001;

static bm_material mats[] = {
	{ .name = "申请表", .form = FORM_ORIGINAL, .copies = 1, .main = true },
	{ .name = "居民身份证", .form = FORM_BOTH, .copies = 1, .main = true },
	{ .name = "收入证明", .form = FORM_COPY, .copies = 1, .main = false },
	{ .name = "照片", .form = FORM_ORIGINAL, .copies = 2, .main = false },
};
static bm_item PROMISE = {
	.code = "T-001", .name = "承诺事项", .window = "民政", .regime = REGIME_PROMISE,
	.statutory_days = 15, .promised_days = 10, .materials = mats, .n_materials = 4,
	.extension_days = 10,   /* as catalog_load defaults it; kept with the case */
};
static bm_item JOINT = {
	.code = "T-002", .name = "联办事项", .window = "民政", .regime = REGIME_JOINT,
	.joint_windows = joint_ws, .n_joint_windows = 2,
	.statutory_days = 20, .promised_days = 20, .materials = mats, .n_materials = 4,
	.extension_days = 10,
};

static bm_time T(const char *iso)
{
	char buf[40];
	bm_time t;
	snprintf(buf, sizeof buf, "%sT10:00:00+08:00", iso);
	ck_assert(bm_time_parse(buf, &t));
	return t;
}

static bm_day D(const char *s)
{
	bm_day d;
	ck_assert(bm_day_parse(s, &d));
	return d;
}

static void setup(void)
{
	snprintf(dir, sizeof dir, "/tmp/bm-lifecycle-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/t.db", dir);
	setenv("BIANMIN_TEST_FAST_PIN", "1", 1);
	bm_error err = {0};
	S = store_open(path, true, &err);
	ck_assert_msg(S != NULL, "%s", err.msg);
	bm_clerk admin;
	ck_assert_int_eq(auth_clerk_add(S, NULL, "1001", "王小梅", "规划建设", ROLE_CLERK, "1234", unit_clerk_time(), &err), BM_OK);
	ck_assert_int_eq(auth_login(S, "1001", "1234", &admin, &err), BM_OK);
	ck_assert_int_eq(auth_clerk_add(S, &admin, "1002", "李强", "民政", ROLE_CLERK, "2222", unit_clerk_time(), &err), BM_OK);
	ck_assert_int_eq(auth_clerk_add(S, &admin, "9001", "张建国", NULL, ROLE_SUPERVISOR, "9999", unit_clerk_time(), &err), BM_OK);
	auth_clerk_free(&admin);
	ck_assert_int_eq(auth_clerk_get(S, "1001", &C1001, &err), BM_OK);
	ck_assert_int_eq(auth_clerk_get(S, "1002", &C1002, &err), BM_OK);
	ck_assert_int_eq(auth_clerk_get(S, "9001", &C9001, &err), BM_OK);
	bm_diags d = {0};
	CAL = calendar_load("data/holidays.yaml", &d);
	ck_assert_ptr_nonnull(CAL);
	diags_free(&d);
}

static void teardown(void)
{
	auth_clerk_free(&C1001);
	auth_clerk_free(&C1002);
	auth_clerk_free(&C9001);
	calendar_free(CAL);
	store_close(S);
	char cmd[400];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
}

static lc_ctx X(const bm_clerk *k, const char *day)
{
	return (lc_ctx){ .store = S, .cal = CAL, .center = &CENTER, .clerk = k, .now = T(day) };
}

/* Accept a case of item on day with materials 3 and 4 (supporting)
 * present or missing. */
static void accept(const bm_item *it, const char *day, bool complete, char *no)
{
	bm_mat_state m[4] = { MAT_PRESENT, MAT_PRESENT, complete ? MAT_PRESENT : MAT_MISSING,
			      complete ? MAT_PRESENT : MAT_MISSING };
	bm_time now = T(day);
	intake_input in = { .item = it, .materials = m, .today = bm_time_day(now), .cal = CAL };
	intake_outcome out;
	bm_error err = {0};
	ck_assert_int_eq(intake_decide(&in, &out, &err), BM_OK);
	bm_party p = { .name = "张三", .id_type = IDTYPE_RESIDENT, .id_no = "110101199003074514" };
	case_intake ci = { .center_code = "QS", .catalog_fingerprint = "x", .applicant = &p, .clerk = "1002", .now = now };
	ck_assert_msg(case_accept(S, &ci, &in, &out, no, &err) == BM_OK, "%s", err.msg);
	intake_outcome_free(&out);
}

static bm_case load(const char *no)
{
	bm_case c;
	bm_error err = {0};
	ck_assert_int_eq(case_load(S, no, &c, &err), BM_OK);
	return c;
}

static void verify_ok(void)
{
	bool ok = false;
	char head[65];
	ledger_problem p;
	bm_error err = {0};
	ck_assert_int_eq(ledger_verify(S, &ok, head, &p, &err), BM_OK);
	ck_assert_msg(ok, "verify: %s", p.what);
}

#define OK(call) do { int r_ = (call); ck_assert_msg(r_ == BM_OK, "%s", err.msg); } while (0)

START_TEST(supplement_late_start_pause_national_day_extension)
{
	char no[CASE_NO_MAX];
	bm_error err = {0};
	lc_result r;
	accept(&PROMISE, "2026-09-21", false, no);
	bm_case c = load(no);
	ck_assert_int_eq(c.state, CASE_WAITING_MATERIALS);
	ck_assert_int_eq(c.due, BM_NO_DAY);
	case_free(&c);

	/* one of two on 09-22: still waiting, no clock */
	lc_ctx x = X(&C1002, "2026-09-22");
	size_t m3 = 2, m4 = 3;
	OK(lifecycle_supplement(&x, no, &m3, 1, &r, &err));
	ck_assert_int_eq(r.state, CASE_WAITING_MATERIALS);
	ck_assert(!r.clock_started);
	/* the same again: refused, it is in */
	ck_assert_int_eq(lifecycle_supplement(&x, no, &m3, 1, &r, &err), BM_EINVAL);
	/* the last one on 09-24 (Thu): 10 working days, 09-25 中秋 off,
	 * 10-01..07 国庆 off, 10-10 a make-up Saturday -> 10-15 */
	x = X(&C1002, "2026-09-24");
	OK(lifecycle_supplement(&x, no, &m4, 1, &r, &err));
	ck_assert(r.clock_started);
	ck_assert_int_eq(r.state, CASE_IN_PROGRESS);
	ck_assert_int_eq(r.due, D("2026-10-15"));
	c = load(no);
	ck_assert_int_eq(c.clock_start, D("2026-09-24"));
	ck_assert_int_eq(c.kind, KIND_PROMISED);
	case_free(&c);

	/* site visit 09-29 .. 10-12: (09-29, 10-12] = 09-30 10-08 10-09
	 * 10-10 10-12 = 5 working days -> due 10-22 */
	x = X(&C1002, "2026-09-29");
	OK(lifecycle_pause(&x, no, LC_SITE_VISIT, "现场踏勘", &r, &err));
	ck_assert_int_eq(r.state, CASE_PAUSED);
	x = X(&C1002, "2026-10-09");
	ck_assert_int_eq(lifecycle_complete(&x, no, true, "准予", NULL, &r, &err), BM_ESTATE);
	/* overdue frozen while paused: as of 10-20 it is not overdue */
	c = load(no);
	ck_assert_int_eq(lifecycle_overdue_by(&c, D("2026-10-20"), CAL), 0);
	case_free(&c);
	x = X(&C1002, "2026-10-12");
	OK(lifecycle_resume(&x, no, NULL, &r, &err));
	ck_assert_int_eq(r.days, 5);
	ck_assert_int_eq(r.due, D("2026-10-22"));

	/* extension: needs a supervisor */
	x = X(&C1002, "2026-10-20");
	ck_assert_int_eq(lifecycle_extend(&x, no, &C1002, 5, BM_NO_DAY, "需补充调查", &r, &err), BM_EDENIED);
	ck_assert_int_eq(lifecycle_extend(&x, no, &C9001, 5, BM_NO_DAY, "", &r, &err), BM_EINVAL);
	/* art. 42: at most 10 working days (the item's extension_days) */
	ck_assert_int_eq(lifecycle_extend(&x, no, &C9001, 11, BM_NO_DAY, "需补充调查", &r, &err), BM_EINVAL);
	ck_assert_ptr_nonnull(strstr(err.msg, "at most 10 working days"));
	/* 8 days -> 11-03: (09-24, 11-03] = 23 working days - 5 paused = 18 > 15: warns by 3 */
	OK(lifecycle_extend(&x, no, &C9001, 8, BM_NO_DAY, "需补充调查", &r, &err));
	ck_assert_int_eq(r.due, D("2026-11-03"));
	ck_assert_int_eq(r.over_statutory, 3);
	ck_assert_ptr_nonnull(strstr(r.warning, "statutory"));
	/* once per case */
	ck_assert_int_eq(lifecycle_extend(&x, no, &C9001, 1, BM_NO_DAY, "专家意见未回", &r, &err), BM_ESTATE);
	ck_assert_ptr_nonnull(strstr(err.msg, "already extended once"));

	/* overdue by working days: due 11-03 (Tue); 11-06 (Fri) -> 3 */
	c = load(no);
	ck_assert_int_eq(lifecycle_overdue_by(&c, D("2026-11-06"), CAL), 3);
	ck_assert_int_eq(lifecycle_overdue_by(&c, D("2026-11-03"), CAL), 0);
	ck_assert(lifecycle_due_soon(&c, D("2026-11-02"), CAL, 1));
	ck_assert(!lifecycle_due_soon(&c, D("2026-10-29"), CAL, 1));
	case_free(&c);

	/* complete late on 11-05: overdue 2, a completed case cannot be supplemented */
	x = X(&C1002, "2026-11-05");
	/* a clerk returns alone: refused (否定报备) */
	ck_assert_int_eq(lifecycle_return(&x, no, "x", false, &r, &err), BM_EDENIED);
	ck_assert_ptr_nonnull(strstr(err.msg, "否定报备"));
	OK(lifecycle_complete(&x, no, true, "准予救助", "JZ-001", &r, &err));
	ck_assert_int_eq(r.state, CASE_COMPLETED);
	ck_assert_str_eq(r.paper, "notice_completed");
	ck_assert_int_eq(lifecycle_supplement(&x, no, &m3, 1, &r, &err), BM_ESTATE);
	ck_assert_int_eq(lifecycle_return(&x, no, "x", false, &r, &err), BM_ESTATE);
	c = load(no);
	ck_assert_int_eq(lifecycle_overdue_by(&c, D("2026-12-01"), CAL), 2);
	case_free(&c);
	verify_ok();
}
END_TEST

START_TEST(breach_and_bad_rating_in_the_figures)
{
	char no[CASE_NO_MAX];
	bm_error err = {0};
	lc_result r;
	accept(&PROMISE, "2026-11-02", true, no);
	lc_ctx x = X(&C1002, "2026-11-03");
	/* not on the notice: needs a reason; on the notice: not a demand */
	ck_assert_int_eq(lifecycle_demand(&x, no, "村委会证明", NULL, &r, &err), BM_EINVAL);
	ck_assert_int_eq(lifecycle_demand(&x, no, "照片", "x", &r, &err), BM_EINVAL);
	OK(lifecycle_demand(&x, no, "村委会证明", "政策调整需补充", &r, &err));
	/* 二次告知 holds the clock until the material arrives */
	ck_assert_int_eq(r.state, CASE_PAUSED);
	ck_assert_str_eq(r.paper, "notice_demand");
	x = X(&C1002, "2026-11-04");
	OK(lifecycle_resume(&x, no, "村委会证明已收到", &r, &err));
	ck_assert_int_eq(r.state, CASE_IN_PROGRESS);
	ck_assert_int_eq(r.days, 1);   /* (11-03, 11-04] */
	ck_assert_int_eq(lifecycle_rate(&x, no, 4, NULL, &r, &err), BM_ESTATE);   /* not completed yet */
	/* a refusal (不予) needs the supervisor's approval */
	ck_assert_int_eq(lifecycle_complete(&x, no, false, "不符合条件", NULL, &r, &err), BM_EDENIED);
	x.approver = &C9001;
	OK(lifecycle_complete(&x, no, false, "不符合条件", NULL, &r, &err));
	x.approver = NULL;
	OK(lifecycle_notify(&x, no, LC_PHONE, "电话告知", &r, &err));
	/* 不满意: a follow-up due 5 working days later, 11-11 */
	OK(lifecycle_rate(&x, no, 4, "等待时间长", &r, &err));
	ck_assert_int_eq(r.followup_due, D("2026-11-11"));
	ck_assert_int_eq(lifecycle_rate(&x, no, 2, NULL, &r, &err), BM_ESTATE);   /* rated once */
	lc_watch_row *v;
	size_t n;
	OK(lifecycle_watch(&x, LC_WATCH_FOLLOWUP, NULL, NULL, &v, &n, &err));
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(v[0].due, D("2026-11-11"));
	lc_watch_rows_free(v, n);
	/* only a supervisor closes it */
	ck_assert_int_eq(lifecycle_followup(&x, no, "已回访", &r, &err), BM_EDENIED);
	lc_ctx xs = X(&C9001, "2026-11-06");
	OK(lifecycle_followup(&xs, no, "已电话回访并解释", &r, &err));
	OK(lifecycle_watch(&x, LC_WATCH_FOLLOWUP, NULL, NULL, &v, &n, &err));
	ck_assert_int_eq(n, 0);
	lc_watch_rows_free(v, n);

	lc_report rep;
	OK(lifecycle_report_month(S, CAL, 2026, 11, D("2026-11-30"), &rep, &err));
	ck_assert_int_eq(rep.total.received, 1);
	ck_assert_int_eq(rep.total.completed, 1);
	ck_assert_int_eq(rep.total.breaches, 1);
	ck_assert_int_eq(rep.total.bad_ratings, 1);
	ck_assert_int_eq(lc_completion_rate(&rep.total), 1000);
	ck_assert_int_eq(rep.n_windows, 1);
	ck_assert_str_eq(rep.windows[0].window, "民政");
	ck_assert_int_eq(rep.n_items, 1);
	ck_assert_str_eq(rep.items[0].item_code, "T-001");
	lc_report_free(&rep);
	verify_ok();
}
END_TEST

START_TEST(joint_opinions_then_complete)
{
	char no[CASE_NO_MAX];
	bm_error err = {0};
	lc_result r;
	accept(&JOINT, "2026-11-02", true, no);
	lc_ctx x2 = X(&C1002, "2026-11-03"), x1 = X(&C1001, "2026-11-03"), xs = X(&C9001, "2026-11-04");
	lc_watch_row *v;
	size_t n;
	OK(lifecycle_watch(&x1, LC_WATCH_WAITING_ON, NULL, "规划建设", &v, &n, &err));
	ck_assert_int_eq(n, 1);
	lc_watch_rows_free(v, n);
	ck_assert_int_eq(lifecycle_complete(&x2, no, true, "同意", NULL, &r, &err), BM_ESTATE);
	/* 1002 is 民政's clerk: not 规划建设's opinion */
	ck_assert_int_eq(lifecycle_opinion(&x2, no, "规划建设", true, "同意", &r, &err), BM_EDENIED);
	OK(lifecycle_opinion(&x2, no, "民政", true, "同意", &r, &err));
	ck_assert_int_eq(lifecycle_opinion(&x2, no, "民政", true, "again", &r, &err), BM_ESTATE);
	OK(lifecycle_opinion(&x1, no, "规划建设", true, "符合规划", &r, &err));
	OK(lifecycle_watch(&x1, LC_WATCH_WAITING_ON, NULL, "规划建设", &v, &n, &err));
	ck_assert_int_eq(n, 0);
	lc_watch_rows_free(v, n);
	OK(lifecycle_opinion(&xs, no, "综合受理", false, "建议补充四至图", &r, &err));
	ck_assert_int_eq(r.days, 0);    /* none left */
	OK(lifecycle_complete(&x2, no, true, "联审通过", NULL, &r, &err));
	bm_case c = load(no);
	lc_info in;
	lifecycle_info(&c, &in);
	ck_assert_int_eq(in.n_opinions, 3);
	ck_assert(in.opinions[0].answered && in.opinions[0].agree);
	ck_assert(in.opinions[2].answered && !in.opinions[2].agree);
	lc_info_free(&in);
	case_free(&c);
	verify_ok();
}
END_TEST

START_TEST(handover_pending_then_acknowledged)
{
	char a[CASE_NO_MAX], b[CASE_NO_MAX], w[CASE_NO_MAX];
	bm_error err = {0};
	lc_result r;
	accept(&PROMISE, "2026-11-02", true, a);
	accept(&PROMISE, "2026-11-02", true, b);
	accept(&PROMISE, "2026-11-02", false, w);
	lc_ctx x2 = X(&C1002, "2026-11-05");
	OK(lifecycle_complete(&x2, b, true, "ok", NULL, &r, &err));   /* closed: not handed over */
	/* someone else cannot hand over 1002's cases */
	lc_ctx x1 = X(&C1001, "2026-11-05");
	lc_handover h;
	ck_assert_int_eq(lifecycle_handover(&x2, "1001", "1002", NULL, 0, NULL, &h, &err), BM_EDENIED);
	OK(lifecycle_handover(&x2, "1002", "1001", NULL, 0, "休假", &h, &err));
	ck_assert_int_eq(h.n, 2);
	ck_assert_str_eq(h.from, "1002");
	ck_assert_str_eq(h.to, "1001");
	/* the 交接单 leaves through the spool (no printer configured) */
	char spool[320], *where = NULL;
	snprintf(spool, sizeof spool, "%s/spool", dir);
	OK(lifecycle_print_handover(&x2, "forms", spool, &h, &where, &err));
	ck_assert_ptr_nonnull(strstr(where, "AB岗交接单: spooled to"));
	ck_assert_ptr_nonnull(strstr(where, h.id));
	free(where);
	lc_handover_free(&h);
	/* pending: still 1002's; a second handover of the same case refused */
	bm_case c = load(a);
	ck_assert_str_eq(c.owner_clerk, "1002");
	case_free(&c);
	const char *one[] = { a };
	ck_assert_int_eq(lifecycle_handover(&x2, "1002", "9001", one, 1, NULL, &h, &err), BM_ESTATE);
	lc_handover *v;
	size_t n;
	OK(lifecycle_pending_handovers(S, "1001", &v, &n, &err));
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(v[0].n, 2);
	lc_handovers_free(v, n);
	OK(lifecycle_pending_handovers(S, NULL, &v, &n, &err));
	ck_assert_int_eq(n, 1);
	lc_handovers_free(v, n);
	/* only the receiver acknowledges */
	lc_ctx xs = X(&C9001, "2026-11-06");
	size_t got;
	ck_assert_int_eq(lifecycle_acknowledge(&xs, NULL, &got, &err), BM_ENOTFOUND);
	x1 = X(&C1001, "2026-11-06");
	OK(lifecycle_acknowledge(&x1, NULL, &got, &err));
	ck_assert_int_eq(got, 2);
	c = load(a);
	ck_assert_str_eq(c.owner_clerk, "1001");
	case_free(&c);
	c = load(w);
	ck_assert_str_eq(c.owner_clerk, "1001");
	case_free(&c);
	OK(lifecycle_pending_handovers(S, NULL, &v, &n, &err));
	ck_assert_int_eq(n, 0);
	lc_handovers_free(v, n);
	/* now 1002 may no longer act on it; 1001 may */
	ck_assert_int_eq(lifecycle_complete(&x2, a, true, "ok", NULL, &r, &err), BM_EDENIED);
	OK(lifecycle_complete(&x1, a, true, "ok", NULL, &r, &err));
	/* a supervisor reassigns an absent clerk's case */
	lc_ctx xs2 = X(&C9001, "2026-11-09");
	const char *ws[] = { w };
	OK(lifecycle_handover(&xs2, "1001", "1002", ws, 1, "1001 病假", &h, &err));
	ck_assert_str_eq(h.by, "9001");
	lc_handover_free(&h);
	lc_ctx x2b = X(&C1002, "2026-11-09");
	OK(lifecycle_acknowledge(&x2b, NULL, &got, &err));
	ck_assert_int_eq(got, 1);
	verify_ok();
}
END_TEST

START_TEST(stale_supplement_returned)
{
	char no[CASE_NO_MAX];
	bm_error err = {0};
	lc_result r;
	accept(&PROMISE, "2026-09-21", false, no);
	/* 20 working days after 09-21 (中秋 09-25, 国庆, make-up 10-10): 10-26;
	 * stale from 10-27 on */
	lc_ctx x = X(&C1002, "2026-10-26");
	lc_watch_row *v;
	size_t n;
	OK(lifecycle_watch(&x, LC_WATCH_STALE, "1002", NULL, &v, &n, &err));
	ck_assert_int_eq(n, 0);
	lc_watch_rows_free(v, n);
	x = X(&C1002, "2026-10-27");
	OK(lifecycle_watch(&x, LC_WATCH_STALE, "1002", NULL, &v, &n, &err));
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(v[0].days, 21);
	lc_watch_rows_free(v, n);
	ck_assert_int_eq(lifecycle_return(&x, no, NULL, true, &r, &err), BM_EINVAL);   /* never silent */
	ck_assert_int_eq(lifecycle_return(&x, no, "逾期未补齐材料", true, &r, &err), BM_EDENIED);
	x.approver = &C9001;
	OK(lifecycle_return(&x, no, "逾期未补齐材料", true, &r, &err));
	ck_assert_int_eq(r.state, CASE_RETURNED);
	ck_assert_str_eq(r.paper, "notice_returned");
	bm_case c = load(no);
	ck_assert_str_eq(c.return_reason, "逾期未补齐材料");
	char *t = lifecycle_status_text(&c, D("2026-10-27"), CAL);
	ck_assert_ptr_nonnull(strstr(t, "****4514"));
	ck_assert_ptr_null(strstr(t, "110101"));
	free(t);
	t = NULL;
	case_free(&c);
	char **nos;
	OK(lifecycle_find(S, "110101199003074514", &nos, &n, &err));
	ck_assert_int_eq(n, 1);
	free(nos[0]);
	free(nos);
	verify_ok();
}
END_TEST

/* The paper of the latest step (one table), and a reprint of an older
 * paper with that step's fields, not the case's later ones. */
START_TEST(latest_paper_and_reprint_fields)
{
	char no[CASE_NO_MAX];
	bm_error err = {0};
	accept(&PROMISE, "2026-11-02", true, no);
	bm_case c = load(no);
	ck_assert_str_eq(lifecycle_latest_paper(&c, NULL, NULL), "notice_promised");
	ck_assert_ptr_null(lifecycle_paper_for_type("notify"));
	ck_assert_str_eq(lifecycle_paper_for_type("result"), "notice_completed");
	case_free(&c);
	lc_ctx x = X(&C1002, "2026-11-05");
	lc_result r;
	OK(lifecycle_extend(&x, no, &C9001, 5, BM_NO_DAY, "需补充调查", &r, &err));
	ck_assert_str_eq(r.paper, "notice_extension");
	x = X(&C1002, "2026-11-06");
	OK(lifecycle_pause(&x, no, LC_HEARING, "召开听证会", &r, &err));
	x = X(&C1002, "2026-11-12");
	OK(lifecycle_resume(&x, no, NULL, &r, &err));
	c = load(no);
	size_t ev;
	ck_assert_str_eq(lifecycle_latest_paper(&c, NULL, &ev), "notice_special");
	ck_assert_str_eq(c.events[ev].type, "resume");
	ck_assert_str_eq(lifecycle_latest_paper(&c, "notice_extension", &ev), "notice_extension");
	ck_assert_str_eq(c.events[ev].type, "extend");
	ck_assert_ptr_null(lifecycle_latest_paper(&c, "handover", &ev));
	ck_assert_uint_eq(ev, SIZE_MAX);
	/* the reprinted 延期通知书: the extension's reason and new due, not
	 * the due moved later by the hearing */
	x = X(&C1001, "2026-11-13");
	const char *form = NULL;
	slip_ctx *ctx = lifecycle_case_paper(&x, &c, "notice_extension", true, &form, &err);
	ck_assert_ptr_nonnull(ctx);
	ck_assert_str_eq(form, "notice_extension");
	ck_assert_str_eq(slip_ctx_get(ctx, "reason"), "需补充调查");
	ck_assert_str_eq(slip_ctx_get(ctx, "approver"), "9001");
	ck_assert_str_eq(slip_ctx_get(ctx, "extension_days"), "5");
	ck_assert_str_eq(slip_ctx_get(ctx, "reprint"), "补打");
	/* as of its step: the clerk who extended; the reprint's clerk apart */
	ck_assert_str_eq(slip_ctx_get(ctx, "clerk_no"), "1002");
	ck_assert_ptr_nonnull(strstr(slip_ctx_get(ctx, "reprint_clerk"), "1001"));
	char d1[32], d2[32];
	ck_assert_str_eq(slip_ctx_get(ctx, "old_due"), slip_day_cn(calendar_add_workdays(CAL, D("2026-11-02"), 10, NULL), d1));
	ck_assert_str_ne(slip_ctx_get(ctx, "new_due"), slip_day_cn(c.due, d2));
	slip_ctx_free(ctx);
	/* without a form: the latest paper, the hearing with its reason */
	ctx = lifecycle_case_paper(&x, &c, NULL, false, &form, &err);
	ck_assert_str_eq(form, "notice_special");
	ck_assert_str_eq(slip_ctx_get(ctx, "special_procedure"), lc_pause_label(LC_HEARING));
	ck_assert_str_eq(slip_ctx_get(ctx, "reason"), "召开听证会");
	ck_assert_str_eq(slip_ctx_get(ctx, "new_due"), slip_day_cn(c.due, d2));
	slip_ctx_free(ctx);
	case_free(&c);
}
END_TEST

/* 容缺受理: accepted as a 承诺件 by override while a supporting material
 * is still missing.  The material can still be brought (补齐, the clock
 * already runs and does not restart), and the case cannot be completed
 * (办结) while it is missing. */
START_TEST(override_missing_material_blocks_completion)
{
	char no[CASE_NO_MAX];
	bm_error err = {0};
	lc_result r;
	bm_mat_state m[4] = { MAT_PRESENT, MAT_PRESENT, MAT_MISSING, MAT_PRESENT };
	bm_time now = T("2026-11-02");
	intake_input in = { .item = &PROMISE, .materials = m, .today = bm_time_day(now), .cal = CAL,
			    .override = true, .override_kind = KIND_PROMISED, .override_reason = "容缺受理" };
	intake_outcome out;
	OK(intake_decide(&in, &out, &err));
	ck_assert_int_eq(out.kind, KIND_PROMISED);
	bm_party p = { .name = "张三", .id_type = IDTYPE_RESIDENT, .id_no = "110101199003074514" };
	case_intake ci = { .center_code = "QS", .catalog_fingerprint = "x", .applicant = &p, .clerk = "1002", .now = now };
	OK(case_accept(S, &ci, &in, &out, no, &err));
	intake_outcome_free(&out);
	bm_case c = load(no);
	ck_assert_int_eq(c.state, CASE_IN_PROGRESS);
	bm_day due = c.due;
	case_free(&c);

	lc_ctx x = X(&C1002, "2026-11-04");
	ck_assert_int_eq(lifecycle_complete(&x, no, true, "准予", NULL, &r, &err), BM_ESTATE);
	ck_assert_ptr_nonnull(strstr(err.msg, "收入证明"));
	size_t m3 = 2;
	OK(lifecycle_supplement(&x, no, &m3, 1, &r, &err));
	ck_assert_int_eq(r.state, CASE_IN_PROGRESS);
	ck_assert(!r.clock_started);
	ck_assert_int_eq(r.due, due);          /* the running clock is not restarted */
	c = load(no);
	ck_assert_int_eq(c.clock_start, D("2026-11-02"));
	ck_assert_int_eq(c.materials[2].state, MAT_SUPPLEMENTED);
	case_free(&c);
	OK(lifecycle_complete(&x, no, true, "准予", NULL, &r, &err));
	ck_assert_int_eq(r.state, CASE_COMPLETED);
	verify_ok();
}
END_TEST

/* 停用: a clerk disabled by the admin while still logged in (the screen
 * keeps the clerk it logged in) can do nothing more. */
START_TEST(clerk_disabled_after_login_can_do_nothing)
{
	char no[CASE_NO_MAX];
	bm_error err = {0};
	lc_result r;
	accept(&PROMISE, "2026-11-02", true, no);
	bm_clerk admin;
	OK(auth_login(S, "1001", "1234", &admin, &err));
	OK(auth_clerk_disable(S, &admin, "1002", T("2026-11-03"), &err));
	auth_clerk_free(&admin);
	ck_assert(C1002.active);               /* the logged-in copy is stale */
	lc_ctx x = X(&C1002, "2026-11-03");
	ck_assert_int_eq(lifecycle_complete(&x, no, true, "准予", NULL, &r, &err), BM_EDENIED);
	ck_assert_int_eq(lifecycle_handover(&x, "1002", "1001", NULL, 0, "休假", NULL, &err), BM_EDENIED);
	bm_case c = load(no);
	ck_assert_int_eq(c.state, CASE_IN_PROGRESS);
	ck_assert_int_eq(c.n_events, 1);
	case_free(&c);

	/* a handover to a clerk who is disabled before acknowledging it */
	OK(auth_login(S, "1001", "1234", &admin, &err));
	OK(auth_clerk_add(S, &admin, "1003", "赵六", "民政", ROLE_CLERK, "3333", T("2026-11-03"), &err));
	bm_clerk c1003;
	OK(auth_login(S, "1003", "3333", &c1003, &err));
	lc_ctx xs = X(&C9001, "2026-11-03");
	OK(lifecycle_handover(&xs, "1002", "1003", NULL, 0, "1002 停用", NULL, &err));
	OK(auth_clerk_disable(S, &admin, "1003", T("2026-11-04"), &err));
	auth_clerk_free(&admin);
	lc_ctx x3 = X(&c1003, "2026-11-04");
	size_t got = 9;
	ck_assert_int_eq(lifecycle_acknowledge(&x3, NULL, &got, &err), BM_EDENIED);
	ck_assert_int_eq(got, 0);
	auth_clerk_free(&c1003);
	c = load(no);
	ck_assert_str_eq(c.owner_clerk, "1002");
	case_free(&c);
	verify_ok();
}
END_TEST

/* The case view shows an event's details as words, not the ledger's JSON. */
START_TEST(event_details_read_as_words)
{
	char *t = lc_event_details_text("{\"state\":\"paused\",\"x.note\":\"{\\\"kind\\\":\\\"site_visit\\\"}\"}");
	ck_assert_str_eq(t, "State: paused · Kind: 现场踏勘");
	free(t);
	t = lc_event_details_text("{\"state\":\"in_progress\",\"due\":\"2026-12-21\",\"due_uncertain\":\"0\","
				  "\"m.5.state\":\"supplemented\",\"m.5.changed_at\":\"2026-11-23T11:10:56+08:00\"}");
	ck_assert_str_eq(t, "State: in progress · Due: 2026-12-21 · Material 5: supplemented");
	free(t);
	t = lc_event_details_text("{\"x.note\":\"{\\\"level\\\":\\\"4\\\",\\\"label\\\":\\\"不满意\\\"}\"}");
	ck_assert_str_eq(t, "Rating: 不满意");
	free(t);
	t = lc_event_details_text("not json");
	ck_assert_str_eq(t, "not json");
	free(t);
}
END_TEST

/* Figures are history (issue 11): November as of its end counts a case
 * overdue; a December extension attempt is refused, a December completion
 * leaves November as it was; 月结 stores it, refuses an early or second
 * close; the CSV is UTF-8 with BOM, CRLF, quoted. */
START_TEST(figures_are_history_and_month_close)
{
	char no[CASE_NO_MAX];
	bm_error err = {0};
	lc_result r;
	accept(&PROMISE, "2026-11-02", true, no);   /* 10 days: due 11-16 */
	lc_report m;
	OK(lifecycle_report_month(S, CAL, 2026, 11, D("2026-11-30"), &m, &err));
	ck_assert_int_eq(m.total.received, 1);
	ck_assert_int_eq(m.total.overdue, 1);
	ck_assert_int_eq(m.total.overdue_open, 1);
	lc_report_free(&m);
	lc_ctx x = X(&C1002, "2026-12-01");
	/* past due: no extension, overdue stays overdue */
	ck_assert_int_eq(lifecycle_extend(&x, no, &C9001, 5, BM_NO_DAY, "补办延期", &r, &err), BM_ESTATE);
	ck_assert_ptr_nonnull(strstr(err.msg, "overdue by"));
	/* the month is closed from its next day on, by a supervisor, once */
	ck_assert_int_eq(lifecycle_month_close(S, CAL, &C9001, 2026, 11, T("2026-11-30"), &m, &err), BM_ESTATE);
	ck_assert_int_eq(lifecycle_month_close(S, CAL, &C1002, 2026, 11, T("2026-12-01"), &m, &err), BM_EDENIED);
	OK(lifecycle_month_close(S, CAL, &C9001, 2026, 11, T("2026-12-01"), &m, &err));
	ck_assert(m.closed);
	ck_assert_str_eq(m.closed_by, "9001");
	ck_assert_int_eq(m.total.overdue, 1);
	char *csv1 = lc_report_csv(&m);
	lc_report_free(&m);
	ck_assert_int_eq(lifecycle_month_close(S, CAL, &C9001, 2026, 11, T("2026-12-02"), &m, &err), BM_ESTATE);
	/* a December step on the November case */
	x = X(&C1002, "2026-12-02");
	OK(lifecycle_complete(&x, no, true, "准予", NULL, &r, &err));
	OK(lifecycle_figures_month(S, CAL, 2026, 11, D("2026-12-03"), &m, &err));
	ck_assert(m.closed);
	char *csv2 = lc_report_csv(&m);
	ck_assert_str_eq(csv1, csv2);
	ck_assert(strncmp(csv1, "\xEF\xBB\xBF", 3) == 0);
	ck_assert_ptr_nonnull(strstr(csv1, "\r\n"));
	lc_report_free(&m);
	/* computed (not stored) November agrees: as of its end */
	OK(lifecycle_report_month(S, CAL, 2026, 11, D("2026-12-03"), &m, &err));
	ck_assert_int_eq(m.total.overdue, 1);
	ck_assert_int_eq(m.total.completed, 0);
	lc_report_free(&m);
	/* December: completed late */
	OK(lifecycle_report_month(S, CAL, 2026, 12, D("2026-12-03"), &m, &err));
	ck_assert_int_eq(m.total.completed, 1);
	ck_assert_int_eq(m.total.overdue_late, 1);
	lc_report_free(&m);
	/* the quarter: November's open overdue is not counted twice */
	OK(lifecycle_figures_period(S, CAL, 2026, 4, D("2026-12-03"), &m, &err));
	ck_assert_int_eq(m.total.received, 1);
	ck_assert_int_eq(m.total.completed, 1);
	ck_assert_int_eq(m.total.overdue, 1);
	lc_report_free(&m);
	free(csv1);
	free(csv2);
	verify_ok();
}
END_TEST

START_TEST(csv_quotes_and_ranking)
{
	lc_report_row w[2] = {
		{ .window = "民政", .received = 4, .completed = 2 },
		{ .window = "a,\"b\"", .received = 2, .completed = 2 },
	};
	lc_report r = { .year = 2026, .month = 11, .windows = w, .n_windows = 2 };
	size_t *o = lc_report_ranking(&r);
	ck_assert_uint_eq(o[0], 1);   /* 100% before 50% */
	free(o);
	char *csv = lc_report_csv(&r);
	ck_assert_ptr_nonnull(strstr(csv, "1,\"a,\"\"b\"\"\",,,2,2,100.0%,"));
	ck_assert_ptr_nonnull(strstr(csv, "2,民政,,,4,2,50.0%,"));
	free(csv);
}
END_TEST


/* The whole item travels with the case (issue 11/12): 办理程序, 领取地点,
 * phone, 代办, 现场核查 and the extension limit are in the snapshot, and a
 * catalog edit after intake changes none of them. */
START_TEST(item_travels_with_the_case)
{
	static char *steps[] = { (char *)"窗口受理", (char *)"入户调查", (char *)"作出决定" };
	bm_item it = PROMISE;
	it.code = "T-009";
	it.procedure = steps;
	it.n_procedure = 3;
	it.collect = "镇便民服务中心民政窗口";
	it.phone = "0838-6201101";
	it.proxy = true;
	it.site_visit = true;
	it.extension_days = 7;
	char no[CASE_NO_MAX];
	accept(&it, "2026-11-02", true, no);
	/* the catalog is edited afterwards */
	it.collect = "别处";
	it.extension_days = 20;
	steps[1] = (char *)"改过的步骤";
	bm_case c = load(no);
	ck_assert_uint_eq(c.item.n_procedure, 3);
	ck_assert_str_eq(c.item.procedure[1], "入户调查");
	ck_assert_str_eq(c.item.collect, "镇便民服务中心民政窗口");
	ck_assert_str_eq(c.item.phone, "0838-6201101");
	ck_assert(c.item.proxy && c.item.site_visit);
	ck_assert_int_eq(c.item.extension_days, 7);
	case_free(&c);
	steps[1] = (char *)"入户调查";
	verify_ok();
}
END_TEST

/* ---- the step table, walked -------------------------------------------- */
static bool form_exists(const char *form)
{
	char file[256];
	snprintf(file, sizeof file, "forms/%s.tmpl", form);
	return access(file, R_OK) == 0;
}

static void papers_exist(const char *whose, const lc_paper *p)
{
	for (size_t i = 0; p && i < LC_PAPERS_MAX && p[i].form; i++) {
		if (strcmp(p[i].form, LC_FORM_KIND) == 0) {
			for (int k = 0; k < KIND__COUNT; k++)
				ck_assert_msg(form_exists(slip_form_for_kind((bm_kind)k)), "%s: the notice of kind %d", whose, k);
			continue;
		}
		ck_assert_msg(form_exists(p[i].form), "%s names paper %s: no forms/%s.tmpl", whose, p[i].form, p[i].form);
	}
}

/* Every step: a sentence for every state it refuses, its papers in
 * forms/, every field a kind the counter draws (and the command line
 * parses), a form's step reachable by a command. */
START_TEST(step_table_walked)
{
	const unsigned all = (1u << CASE_STATE__COUNT) - 1;
	papers_exist("intake", lc_event_papers("intake"));
	papers_exist("receipt_void", lc_event_papers("receipt_void"));
	ck_assert_str_eq(lc_event_papers("intake")[0].form, LC_FORM_KIND);
	for (int s = 0; s < LC_STEP__COUNT; s++) {
		const lc_step_def *row = lc_step_row((lc_step)s);
		const char *key = lc_step_key((lc_step)s);
		ck_assert_ptr_nonnull(row);
		ck_assert_int_eq(row->step, s);
		/* a why-not sentence: a row that refuses some state names why */
		if ((row->states & all) != all)
			ck_assert_msg(row->why_not != NULL, "%s refuses some states without a sentence", key);
		for (int st = 0; st < CASE_STATE__COUNT; st++) {
			bm_case c;
			mem_case(&c, (bm_case_state)st, KIND_PROMISED);
			bm_error why = {0};
			if (!lifecycle_allowed(&c, NULL, (lc_step)s, &why))
				ck_assert_msg(why.msg[0] && !strstr(why.msg, "this step cannot be taken now"),
					      "%s in %s: no sentence of its own (%s)", key, case_state_key((bm_case_state)st),
					      why.msg);
		}
		papers_exist(key, row->papers);
		ck_assert_ptr_eq(lc_event_papers(key), row->papers);
		/* fields: a UI kind, a label, options for a choice */
		size_t n = lc_row_fields(row);
		for (size_t i = 0; i < n; i++) {
			const lc_field *f = &row->fields[i];
			ck_assert_msg(f->kind < LC_F__COUNT, "%s --%s: kind %d", key, f->name, (int)f->kind);
			ck_assert_msg(f->label && *f->label, "%s --%s: no label", key, f->name);
			ck_assert_int_eq(lc_row_field(row, f->name), (int)i);
			if (f->kind == LC_F_TEXT || f->kind == LC_F_WHEN)
				ck_assert_msg(f->max > 0, "%s --%s: a text of no length", key, f->name);
			if (f->kind == LC_F_CHOICE) {
				lc_option o[16];
				ck_assert_msg(lc_field_options(f, NULL, o, 16) >= 2, "%s --%s: a choice of fewer than two", key,
					      f->name);
				for (size_t k = 0; !f->flag && k < 2; k++) {
					size_t id = 99;
					ck_assert_msg(lc_field_parse(f, o[k].key, &id) && id == o[k].id, "%s --%s %s", key,
						      f->name, o[k].key);
				}
			}
			if (f->kind == LC_F_CHECKS)
				ck_assert_int_eq(f->opts, LC_OPTS_MISSING);
		}
		/* a form's step is taken by take() and reached by a command
		 * (its own, or as another's also) */
		if (n)
			ck_assert_msg(row->take != NULL, "%s has fields but no take", key);
		bool reached = row->command != NULL;
		for (int o = 0; o < LC_STEP__COUNT && !reached; o++)
			reached = lc_step_row((lc_step)o)->command && lc_step_row((lc_step)o)->also == row->step;
		if (row->take)
			ck_assert_msg(reached, "%s cannot be taken from the command line", key);
		if (row->command)
			ck_assert_ptr_eq(lc_step_command(row->command), row);
	}
	/* the papers of the steps, from the same rows */
	ck_assert_str_eq(lc_step_paper(LC_EXTEND), "notice_extension");
	ck_assert_str_eq(lifecycle_paper_for_type("notice_breach"), "notice_demand");
	ck_assert_str_eq(lifecycle_paper_for_type("receipt_void"), "fee_refund");
	ck_assert_ptr_null(lc_step_paper(LC_SUPPLEMENT));
	const char *forms[64];
	size_t nf = lifecycle_paper_forms(forms, 64);
	for (size_t i = 0; i < nf; i++)
		ck_assert_msg(form_exists(forms[i]), "forms check needs %s", forms[i]);
}
END_TEST

/* A new rule is a row: a step that does not exist, given as a row, gets
 * its command line (synopsis, help, option lookup) and its form's fields
 * with nothing else written; and every real row's help names each of its
 * options. */
static int take_nothing(const lc_ctx *x, const char *no, const lc_values *v, lc_result *res, bm_error *err)
{
	(void)x, (void)no, (void)v, (void)res, (void)err;
	return BM_OK;
}

START_TEST(a_new_rule_is_a_row)
{
	static const lc_step_def inspect = {
		LC_STEP__COUNT, "inspect", LC_IN(CASE_IN_PROGRESS), LC_WHO_OWNER, LC_APPROVE_NEGATIVE,
		{ { "notice_special", LC_PAPER_ALWAYS, true } },
		{ { .name = "kind", .label = "Procedure", .kind = LC_F_CHOICE, .opts = LC_OPTS_PAUSE, .required = true },
		  { .name = "days", .alt = "to", .label = "Days or date", .kind = LC_F_WHEN, .required = true, .max = 10 },
		  { .name = "agree", .alt = "disagree", .label = "Opinion", .kind = LC_F_CHOICE, .opts = LC_OPTS_AGREE,
		    .flag = true },
		  { .name = "note", .label = "Note", .kind = LC_F_TEXT, .max = 200 } },
		.also = LC_STEP__COUNT, .help = "an inspection on site", .take = take_nothing,
	};
	char *syn = lc_step_synopsis(&inspect);
	ck_assert_str_eq(syn, "--kind hearing|site_visit|expert_review|public_notice --days N|--to DATE "
			      "[--agree|--disagree] [--note TEXT] [--supervisor CODE]");
	free(syn);
	char *u = lc_step_usage(&inspect);
	ck_assert_msg(strstr(u, "  bianmin case inspect NO --kind ") == u, "%s", u);
	ck_assert_ptr_nonnull(strstr(u, "\n      an inspection on site\n"));
	free(u);
	ck_assert_int_eq(lc_row_field(&inspect, "to"), 1);
	ck_assert_int_eq(lc_row_field(&inspect, "disagree"), 2);
	ck_assert_int_eq(lc_row_field(&inspect, "reason"), -1);
	ck_assert_uint_eq(lc_row_fields(&inspect), 4);
	/* every real row's usage names each of its options */
	for (int s = 0; s < LC_STEP__COUNT; s++) {
		const lc_step_def *row = lc_step_row((lc_step)s);
		if (!row->take)
			continue;
		char *t = lc_step_usage(row);
		for (size_t i = 0; i < lc_row_fields(row); i++) {
			char opt[64];
			snprintf(opt, sizeof opt, "--%s", row->fields[i].name);
			ck_assert_msg(strstr(t, opt), "%s: usage lacks %s: %s", lc_step_key(row->step), opt, t);
		}
		if (row->approval != LC_APPROVE_NONE)
			ck_assert_ptr_nonnull(strstr(t, "--supervisor CODE"));
		free(t);
	}
	/* the values the command line and the counter give */
	lc_values v = {0};
	ck_assert(lc_checks_parse("2,3", &v) && v.n_checks == 2 && v.checks[0] == 1 && v.checks[1] == 2);
	ck_assert(!lc_checks_parse("0", &v) && !lc_checks_parse("2,x", &v));
	int days;
	bm_day to;
	ck_assert(lc_when_parse("5", &days, &to) && days == 5 && to == BM_NO_DAY);
	ck_assert(lc_when_parse("2026-12-01", &days, &to) && days == 0 && to != BM_NO_DAY);
	ck_assert(!lc_when_parse("soon", &days, &to) && !lc_when_parse(NULL, &days, &to));
}
END_TEST

static Suite *lifecycle_suite(void)
{
	Suite *s = suite_create("lifecycle");
	TCase *t = tcase_create("table");
	tcase_add_test(t, table_every_state_and_step);
	tcase_add_test(t, table_joint_and_forwarded);
	tcase_add_test(t, table_messages);
	tcase_add_test(t, table_proxy_case);
	tcase_add_test(t, table_permissions);
	tcase_add_test(t, names_parse);
	tcase_add_test(t, event_details_read_as_words);
	tcase_add_test(t, step_table_walked);
	tcase_add_test(t, a_new_rule_is_a_row);
	suite_add_tcase(s, t);
	t = tcase_create("ledger");
	tcase_set_timeout(t, 30);
	tcase_add_checked_fixture(t, setup, teardown);
	tcase_add_test(t, supplement_late_start_pause_national_day_extension);
	tcase_add_test(t, breach_and_bad_rating_in_the_figures);
	tcase_add_test(t, joint_opinions_then_complete);
	tcase_add_test(t, handover_pending_then_acknowledged);
	tcase_add_test(t, stale_supplement_returned);
	tcase_add_test(t, latest_paper_and_reprint_fields);
	tcase_add_test(t, override_missing_material_blocks_completion);
	tcase_add_test(t, clerk_disabled_after_login_can_do_nothing);
	tcase_add_test(t, figures_are_history_and_month_close);
	tcase_add_test(t, csv_quotes_and_ranking);
	tcase_add_test(t, item_travels_with_the_case);
	suite_add_tcase(s, t);
	return s;
}

BM_UNIT_MAIN(lifecycle_suite)
