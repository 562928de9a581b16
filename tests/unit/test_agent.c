/* test_agent.c - village agents (代办员): the register (supervisors only,
 * codes given, an ID active once), its events replayed by verify and a
 * change behind its back found; pinyin-initial search; a proxy case takes
 * the 授权委托书 and refuses an item with proxy: false; the feedback form
 * before completion; the month's register and subsidy; the CSV's BOM and
 * CRLF. */
#include "unit.h"
#include "ledger_fixture.h"
#include "bianmin/agent.h"
#include "bianmin/lifecycle.h"

static bm_time at(const char *iso)
{
	bm_time t;
	ck_assert(bm_time_parse(iso, &t));
	return t;
}

static void login(bm_store *s, const char *code, const char *pin, bm_clerk *c)
{
	bm_error err = {0};
	ck_assert_int_eq(auth_login(s, code, pin, c, &err), BM_OK);
}

static bool verify_ok(bm_store *s, ledger_problem *p)
{
	bool ok = false;
	char head[65];
	bm_error err = {0};
	ck_assert_int_eq(ledger_verify(s, &ok, head, p, &err), BM_OK);
	return ok;
}

START_TEST(register_and_chain)
{
	fx_tmpdir();
	bm_store *s = fx_store_with_clerks();
	bm_clerk clerk, sup;
	login(s, "1002", "2222", &clerk);
	login(s, "9001", "9999", &sup);
	bm_error err = {0};
	char code[AGENT_CODE_MAX];
	bm_time now = at("2026-11-02T09:00:00+08:00");
	ck_assert_int_eq(agent_add(s, &clerk, "青山村", "张小梅", "11010519491231002X", NULL, BM_NO_DAY, now, code, &err),
			 BM_EDENIED);
	ck_assert_int_eq(agent_add(s, &sup, "青山村", "张小梅", "11010519491231002X", "13800000001", BM_NO_DAY, now, code, &err),
			 BM_OK);
	ck_assert_str_eq(code, "A001");
	ck_assert_int_eq(agent_add(s, &sup, "石桥村", "张小梅", "11010519491231002X", NULL, BM_NO_DAY, now, code, &err),
			 BM_EINVAL);   /* the same ID, still active */
	ck_assert_int_eq(agent_add(s, &sup, "石桥村", "李大山", "110105194912310021", NULL, BM_NO_DAY, now, code, &err),
			 BM_EINVAL);   /* a wrong check digit */
	ck_assert_ptr_nonnull(strstr(err.msg, "ID number"));
	ck_assert_int_eq(agent_add(s, &sup, "石桥村", "李大山", "320106199203151239", NULL, BM_NO_DAY, now, code, &err),
			 BM_OK);
	ck_assert_str_eq(code, "A002");

	bm_agent a;
	ck_assert_int_eq(agent_find(s, "zxm", &a, &err), BM_OK);   /* pinyin initials */
	ck_assert_str_eq(a.code, "A001");
	ck_assert_str_eq(a.village, "青山村");
	agent_free(&a);
	ck_assert_int_eq(agent_find(s, "村", &a, &err), BM_EINVAL);   /* both match */
	ck_assert_int_eq(agent_find(s, "王五", &a, &err), BM_ENOTFOUND);

	ledger_problem p;
	ck_assert_msg(verify_ok(s, &p), "%s", p.what);
	ck_assert_int_eq(agent_disable(s, &sup, "A002", BM_NO_DAY, "外出务工", at("2026-11-20T09:00:00+08:00"), &err), BM_OK);
	ck_assert_int_eq(agent_disable(s, &sup, "A002", BM_NO_DAY, NULL, at("2026-11-20T09:00:00+08:00"), &err), BM_ESTATE);
	bm_agent *v;
	size_t n;
	ck_assert_int_eq(agent_list(s, true, &v, &n, &err), BM_OK);
	ck_assert_uint_eq(n, 1);
	agents_free(v, n);
	ck_assert_msg(verify_ok(s, &p), "%s", p.what);
	/* a change behind bianmin's back */
	ck_assert_int_eq(sqlite3_exec(store_db(s), "UPDATE agents SET village = '别村' WHERE code = 'A001'", NULL, NULL, NULL),
			 SQLITE_OK);
	ck_assert(!verify_ok(s, &p));
	ck_assert_ptr_nonnull(strstr(p.what, "agent A001"));
	auth_clerk_free(&clerk);
	auth_clerk_free(&sup);
	store_close(s);
	fx_rmdir();
}
END_TEST

START_TEST(proxy_case_and_register)
{
	fx_tmpdir();
	bm_store *s = fx_store_with_clerks();
	bm_clerk sup, clerk;
	login(s, "9001", "9999", &sup);
	login(s, "1002", "2222", &clerk);
	bm_error err = {0};
	char code[AGENT_CODE_MAX];
	ck_assert_int_eq(agent_add(s, &sup, "青山村", "张小梅", "11010519491231002X", "13800000001", BM_NO_DAY,
				   at("2026-09-01T09:00:00+08:00"), code, &err), BM_OK);
	bm_calendar *cal = calendar_new();
	bm_time now = at("2026-09-30T10:00:00+08:00");
	bm_party p = { .name = "赵大爷", .id_type = IDTYPE_RESIDENT, .id_no = "110101199003074514" };
	case_intake ci = { .center_code = "QS", .catalog_fingerprint = "abc", .applicant = &p, .clerk = "1002",
			   .now = now, .agent_code = "A001" };
	/* proxy: false (the default) refuses, with a sentence */
	bm_error why = {0};
	ck_assert(!agent_item_allows_proxy(&fx_item, &why));
	ck_assert_ptr_nonnull(strstr(why.msg, "proxy: false"));
	bm_item it = fx_item;
	it.proxy = true;
	it.has_fee = false;
	bm_item pi;
	agent_proxy_item(&it, IDTYPE_RESIDENT, &pi);
	ck_assert_uint_eq(pi.n_materials, 4);
	ck_assert_str_eq(pi.materials[3].name, "授权委托书（个人用表）");
	bm_mat_state m[4] = { MAT_PRESENT, MAT_PRESENT, MAT_PRESENT, MAT_PRESENT };
	intake_input in = { .item = &it, .materials = m, .today = bm_time_day(now), .cal = cal };
	intake_outcome out;
	ck_assert_int_eq(intake_decide(&in, &out, &err), BM_OK);
	char no[CASE_NO_MAX];
	/* the item without its 委托书 is refused */
	ck_assert_int_eq(case_accept(s, &ci, &in, &out, no, &err), BM_EINVAL);
	intake_outcome_free(&out);
	in.item = &pi;
	ck_assert_int_eq(intake_decide(&in, &out, &err), BM_OK);
	ck_assert_int_eq(case_accept(s, &ci, &in, &out, no, &err), BM_OK);
	intake_outcome_free(&out);
	bm_case c;
	ck_assert_int_eq(case_load(s, no, &c, &err), BM_OK);
	ck_assert_str_eq(c.proxy_name, "张小梅");
	ck_assert(c.proxy_is_agent);
	ck_assert_str_eq(c.agent_code, "A001");
	ck_assert_str_eq(c.agent_village, "青山村");
	case_free(&c);

	lc_ctx x = { .store = s, .cal = cal, .clerk = &clerk, .now = at("2026-10-09T10:00:00+08:00") };
	lc_result r;
	ck_assert_int_eq(lifecycle_complete(&x, no, true, "准予", NULL, &r, &err), BM_ESTATE);
	ck_assert_int_eq(agent_feedback(&x, no, true, 2, "好", &err), BM_OK);
	ck_assert_int_eq(lifecycle_complete(&x, no, true, "准予", NULL, &r, &err), BM_OK);
	case_summary *v;
	size_t n;
	ck_assert_int_eq(agent_unreplied(s, NULL, &v, &n, &err), BM_OK);
	ck_assert_uint_eq(n, 1);
	case_summaries_free(v, n);
	ck_assert_int_eq(agent_reply(&x, no, "电话告知", &err), BM_OK);
	ck_assert_int_eq(agent_unreplied(s, NULL, &v, &n, &err), BM_OK);
	ck_assert_uint_eq(n, 0);
	free(v);

	/* accepted in September, completed in October: which month pays */
	bm_center center = { .agent_subsidy_fen = 500 };
	agent_register g;
	ck_assert_int_eq(agent_register_month(s, &center, 2026, 9, NULL, &g, &err), BM_OK);
	ck_assert_int_eq(g.brought, 1);
	ck_assert_int_eq(g.counted, 0);
	agent_register_free(&g);
	ck_assert_int_eq(agent_register_month(s, &center, 2026, 10, NULL, &g, &err), BM_OK);
	ck_assert_int_eq(g.counted, 1);
	ck_assert_int_eq(g.subsidy_fen, 500);
	ck_assert_int_eq(g.agents[0].replied, 1);
	char *csv = agent_register_csv(&g);
	ck_assert(memcmp(csv, "\xEF\xBB\xBF\"月份\"", 9) == 0);
	for (char *q = csv; (q = strchr(q, '\n')); q++)
		ck_assert_int_eq(q[-1], '\r');
	ck_assert_ptr_nonnull(strstr(csv, "\"合计\",\"代办0件\""));
	free(csv);
	agent_register_free(&g);
	center.agent_subsidy_accepted = true;
	center.agent_subsidy_fen = 650;
	ck_assert_int_eq(agent_register_month(s, &center, 2026, 9, NULL, &g, &err), BM_OK);
	ck_assert_int_eq(g.subsidy_fen, 650);
	agent_register_free(&g);

	ledger_problem lp;
	ck_assert_msg(verify_ok(s, &lp), "%s", lp.what);
	agent_proxy_item_free(&pi);
	calendar_free(cal);
	auth_clerk_free(&sup);
	auth_clerk_free(&clerk);
	store_close(s);
	fx_rmdir();
}
END_TEST

static Suite *agent_suite(void)
{
	Suite *s = suite_create("agent");
	TCase *t = tcase_create("agent");
	tcase_set_timeout(t, 30);
	tcase_add_test(t, register_and_chain);
	tcase_add_test(t, proxy_case_and_register);
	suite_add_tcase(s, t);
	return s;
}

BM_UNIT_MAIN(agent_suite)
