/* test_intake.c - one test per rule of the decision (五制 / 六件 / 一次性告知).
 * Each TCase carries the rule's Chinese name. */
#include "bianmin/intake.h"
#include "unit.h"

#include <string.h>

static bm_material mats[6] = {
	{"居民身份证", FORM_ORIGINAL, 1, true, NULL},
	{"户口簿", FORM_BOTH, 1, true, NULL},
	{"低保申请书", FORM_ORIGINAL, 1, true, NULL},
	{"家庭收入证明", FORM_ORIGINAL, 1, false, "村委会出具"},
	{"银行卡复印件", FORM_COPY, 2, false, NULL},
	{"照片", FORM_ORIGINAL, 2, false, NULL},
};

static bm_item make_item(bm_regime r)
{
	bm_item it;
	memset(&it, 0, sizeof it);
	it.code = "MZ-001";
	it.name = "城乡居民最低生活保障申请";
	it.window = "民政";
	it.regime = r;
	it.statutory_days = 30;
	it.promised_days = 20;
	it.materials = mats;
	it.n_materials = 6;
	it.refusal = "不符合政策";
	return it;
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
	bm_day_from_ymd(2026, 9, 20, &d);
	calendar_add_workday(c, d, "国庆调休");
	for (int i = 25; i <= 27; i++) {
		bm_day_from_ymd(2026, 9, i, &d);
		calendar_add_holiday(c, d, "中秋");
	}
	return c;
}

static bm_day ymd(int y, int m, int d)
{
	bm_day x;
	ck_assert(bm_day_from_ymd(y, m, d, &x));
	return x;
}

static int decide(bm_regime r, const bm_mat_state *st, intake_outcome *out)
{
	bm_item it = make_item(r);
	bm_calendar *c = cal2026();
	intake_input in = {.item = &it, .materials = st, .today = ymd(2026, 9, 30), .cal = c};
	int rc = intake_decide(&in, out, NULL);
	calendar_free(c);
	return rc;
}

static const bm_mat_state all_present[6] = {0};

START_TEST(control_is_returned)
{
	intake_outcome o;
	ck_assert_int_eq(decide(REGIME_CONTROL, all_present, &o), BM_OK);
	ck_assert_int_eq(o.kind, KIND_RETURNED);
	ck_assert_str_eq(o.reason, "不符合政策");
	ck_assert_int_eq(o.due, BM_NO_DAY);
	ck_assert_int_eq(o.fee_fen, 0);
	intake_outcome_free(&o);
}
END_TEST

START_TEST(main_missing_is_returned)
{
	bm_mat_state st[6] = {MAT_PRESENT, MAT_MISSING, MAT_PRESENT, MAT_MISSING, MAT_PRESENT, MAT_PRESENT};
	intake_outcome o;
	ck_assert_int_eq(decide(REGIME_PROMISE, st, &o), BM_OK);
	ck_assert_int_eq(o.kind, KIND_RETURNED);
	ck_assert(o.main_missing);
	ck_assert_ptr_nonnull(strstr(o.reason, "户口簿"));
	ck_assert_ptr_null(strstr(o.reason, "家庭收入证明"));
	/* the notice still lists everything missing, so nobody comes twice */
	ck_assert_uint_eq(o.n_missing, 2);
	ck_assert_uint_eq(o.missing[0], 1);
	ck_assert_uint_eq(o.missing[1], 3);
	intake_outcome_free(&o);
}
END_TEST

START_TEST(main_not_brought_is_supplement)
{
	bm_mat_state st[6] = {MAT_PRESENT, MAT_NOT_BROUGHT, MAT_PRESENT, MAT_PRESENT, MAT_PRESENT, MAT_PRESENT};
	intake_outcome o;
	ck_assert_int_eq(decide(REGIME_PROMISE, st, &o), BM_OK);
	ck_assert_int_eq(o.kind, KIND_SUPPLEMENT);
	ck_assert(!o.main_missing);
	ck_assert(!o.clock_running);
	ck_assert_int_eq(o.due, BM_NO_DAY);
	ck_assert_uint_eq(o.n_missing, 1);
	intake_outcome_free(&o);
}
END_TEST

START_TEST(not_brought_on_supporting_refused)
{
	bm_mat_state st[6] = {MAT_PRESENT, MAT_PRESENT, MAT_PRESENT, MAT_NOT_BROUGHT, MAT_PRESENT, MAT_PRESENT};
	intake_outcome o;
	ck_assert_int_eq(decide(REGIME_PROMISE, st, &o), BM_EINVAL);
}
END_TEST

START_TEST(supporting_missing_is_supplement)
{
	bm_mat_state st[6] = {MAT_PRESENT, MAT_PRESENT, MAT_PRESENT, MAT_MISSING, MAT_PRESENT, MAT_MISSING};
	intake_outcome o;
	ck_assert_int_eq(decide(REGIME_DIRECT, st, &o), BM_OK);
	ck_assert_int_eq(o.kind, KIND_SUPPLEMENT);
	ck_assert_uint_eq(o.n_missing, 2);
	ck_assert_uint_eq(o.missing[0], 3);
	ck_assert_uint_eq(o.missing[1], 5);
	ck_assert_int_eq(o.due, BM_NO_DAY);
	intake_outcome_free(&o);
}
END_TEST

START_TEST(direct_complete_is_immediate)
{
	intake_outcome o;
	ck_assert_int_eq(decide(REGIME_DIRECT, all_present, &o), BM_OK);
	ck_assert_int_eq(o.kind, KIND_IMMEDIATE);
	ck_assert(o.completed);
	ck_assert_int_eq(o.due, ymd(2026, 9, 30));
	ck_assert_uint_eq(o.n_missing, 0);
	intake_outcome_free(&o);
}
END_TEST

START_TEST(promise_complete_is_promised_across_holiday)
{
	intake_outcome o;
	bm_item it = make_item(REGIME_PROMISE);
	it.promised_days = 5;
	bm_calendar *c = cal2026();
	intake_input in = {.item = &it, .materials = all_present, .today = ymd(2026, 9, 30), .cal = c};
	ck_assert_int_eq(intake_decide(&in, &o, NULL), BM_OK);
	ck_assert_int_eq(o.kind, KIND_PROMISED);
	ck_assert(o.clock_running);
	/* 9-30 + 5 working days: 10-8, 10-9, 10-10 (调休 Sat), 10-12, 10-13 */
	ck_assert_int_eq(o.due, ymd(2026, 10, 13));
	ck_assert_int_eq(o.limit_days, 5);
	intake_outcome_free(&o);
	calendar_free(c);
}
END_TEST

START_TEST(joint_complete_is_joint)
{
	intake_outcome o;
	ck_assert_int_eq(decide(REGIME_JOINT, all_present, &o), BM_OK);
	ck_assert_int_eq(o.kind, KIND_JOINT);
	ck_assert(o.due != BM_NO_DAY);
	intake_outcome_free(&o);
}
END_TEST

START_TEST(forward_complete_is_forwarded)
{
	intake_outcome o;
	ck_assert_int_eq(decide(REGIME_FORWARD, all_present, &o), BM_OK);
	ck_assert_int_eq(o.kind, KIND_FORWARDED);
	ck_assert(o.due != BM_NO_DAY);
	intake_outcome_free(&o);
}
END_TEST

START_TEST(override_needs_reason)
{
	bm_item it = make_item(REGIME_PROMISE);
	bm_calendar *c = cal2026();
	intake_outcome o;
	bm_error e;
	intake_input in = {.item = &it, .materials = all_present, .today = ymd(2026, 9, 30), .cal = c,
			   .override = true, .override_kind = KIND_RETURNED, .override_reason = "  "};
	ck_assert_int_eq(intake_decide(&in, &o, &e), BM_EINVAL);
	ck_assert_ptr_nonnull(strstr(e.msg, "reason"));
	in.override_reason = "申请人自愿放弃";
	ck_assert_int_eq(intake_decide(&in, &o, &e), BM_OK);
	ck_assert_int_eq(o.kind, KIND_RETURNED);
	ck_assert_int_eq(o.decided, KIND_PROMISED);
	ck_assert(o.overridden);
	ck_assert_str_eq(o.reason, "申请人自愿放弃");
	intake_outcome_free(&o);
	calendar_free(c);
}
END_TEST

START_TEST(fee_charged_once_unless_returned)
{
	bm_item it = make_item(REGIME_DIRECT);
	it.has_fee = true;
	it.fee_fen = 1050;
	bm_calendar *c = cal2026();
	intake_outcome o;
	intake_input in = {.item = &it, .materials = all_present, .today = ymd(2026, 9, 30), .cal = c};
	ck_assert_int_eq(intake_decide(&in, &o, NULL), BM_OK);
	ck_assert_int_eq(o.fee_fen, 1050);
	intake_outcome_free(&o);
	it.regime = REGIME_CONTROL;
	ck_assert_int_eq(intake_decide(&in, &o, NULL), BM_OK);
	ck_assert_int_eq(o.fee_fen, 0);
	intake_outcome_free(&o);
	calendar_free(c);
}
END_TEST

START_TEST(uncovered_year_flags_due)
{
	bm_item it = make_item(REGIME_PROMISE);
	bm_calendar *c = cal2026();
	intake_outcome o;
	intake_input in = {.item = &it, .materials = all_present, .today = ymd(2026, 12, 28), .cal = c};
	ck_assert_int_eq(intake_decide(&in, &o, NULL), BM_OK);
	ck_assert(o.due_uncertain);
	intake_outcome_free(&o);
	calendar_free(c);
}
END_TEST

static Suite *intake_suite(void)
{
	Suite *s = suite_create("intake");
	struct { const char *name; const TTest *t; } cases[] = {
		{"控制事项 明确答复: control item is returned", control_is_returned},
		{"主件缺失 退回件: main material missing is returned", main_missing_is_returned},
		{"主件未带 补办件: main material not brought is supplement", main_not_brought_is_supplement},
		{"辅件才可补: not-brought only for main materials", not_brought_on_supporting_refused},
		{"补办件 补齐之日起算: supporting missing is supplement", supporting_missing_is_supplement},
		{"即办件 即收即办: direct and complete is immediate", direct_complete_is_immediate},
		{"承诺件 承诺时限: promise and complete is promised", promise_complete_is_promised_across_holiday},
		{"联办件: joint and complete is joint", joint_complete_is_joint},
		{"上报件: forward and complete is forwarded", forward_complete_is_forwarded},
		{"改判须书面理由: override needs a written reason", override_needs_reason},
		{"一次性收费: fee charged once, not when returned", fee_charged_once_unless_returned},
		{"节假日未覆盖: uncovered year flags the due date", uncovered_year_flags_due},
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		TCase *tc = tcase_create(cases[i].name);
		tcase_add_test(tc, cases[i].t);
		suite_add_tcase(s, tc);
	}
	return s;
}

BM_UNIT_MAIN(intake_suite)
