/* demo.c - `bianmin demo`: on a database without clerks, two demo clerks
 * and a handful of cases of different kinds, so the home screen is not
 * empty.  With clerks already there it does nothing. */
#include "ledger_cli.h"
#include "bianmin/agent.h"
#include "bianmin/cases.h"
#include "bianmin/idno.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const USAGE = N_(
	"usage: bianmin demo\n"
	"\n"
	"On a database with no clerks: add the demo admin 1001 (PIN 1234,\n"
	"王小梅, window 民政), the supervisor 9001 (PIN 9999) and a few demo\n"
	"cases.  On a database that has clerks: do nothing.\n");

/* First item of a regime, or NULL. */
static const bm_item *first_of(const bm_catalog *cat, bm_regime r, size_t skip)
{
	for (size_t i = 0; i < cat->n_items; i++)
		if (cat->items[i].regime == r && skip-- == 0)
			return &cat->items[i];
	return NULL;
}

typedef enum { ALL, SUPPORT_MISSING, MAIN_MISSING } demo_mats;

static int demo_case(bm_app *app, bm_store *s, const bm_item *it, demo_mats how, const char *name,
		     const char *id17, const char *phone, const char *addr, bm_calendar *cal)
{
	if (!it)
		return 0;
	bm_mat_state *m = bm_xcalloc(it->n_materials + 1, sizeof *m);
	bool done = false;
	for (size_t i = 0; i < it->n_materials; i++) {
		m[i] = MAT_PRESENT;
		if (!done && how == SUPPORT_MISSING && !it->materials[i].main)
			m[i] = MAT_MISSING, done = true;
		if (!done && how == MAIN_MISSING && it->materials[i].main)
			m[i] = MAT_MISSING, done = true;
	}
	char id[19];
	snprintf(id, sizeof id, "%s%c", id17, idno_resident_check_char(id17));
	intake_input in = { .item = it, .materials = m, .today = bm_time_day(app->now), .cal = cal };
	intake_outcome out;
	bm_error err = {0};
	int rc = intake_decide(&in, &out, &err);
	if (rc == BM_OK) {
		bm_party p = { .name = (char *)name, .id_type = IDTYPE_RESIDENT, .id_no = id,
			       .phone = (char *)phone, .address = (char *)addr };
		case_intake ci = { .center_code = app->center->code, .catalog_fingerprint = app->catalog->fingerprint,
				   .applicant = &p, .clerk = "1001", .now = app->now };
		char no[CASE_NO_MAX];
		rc = case_accept(s, &ci, &in, &out, no, &err);
		if (rc == BM_OK)
			printf("%s %s %s\n", no, kind_key(out.kind), it->name);
		intake_outcome_free(&out);
	}
	free(m);
	if (rc)
		cli_error("demo", &err);
	return rc;
}

int cli_demo(bm_app *app, int argc, char **argv)
{
	(void)argv;
	if (argc > 1)
		return cli_usage(_(USAGE), strcmp(argv[1], "--help") != 0 && strcmp(argv[1], "-h") != 0,
				 strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ? 0 : 2);
	bm_error err = {0};
	bool made;
	bm_store *s = app_store_create(app, &made, &err);   /* on purpose */
	if (!s)
		return cli_error("demo", &err);
	int n;
	if (auth_clerk_count(s, &n, &err))
		return cli_error("demo", &err);
	if (n > 0)
		return 0;
	bm_diags d = {0};
	bm_calendar *cal = NULL;
	if (!app_center(app, &d) || !app_catalog(app, &d) || !(cal = app_calendar(app, &d))) {
		cli_print_diags(&d);
		diags_free(&d);
		return 1;
	}
	diags_free(&d);
	/* the demo's clerks keep their well-known 4-digit PINs (1234, 9999) */
	auth_policy p = *auth_get_policy();
	p.min_len = AUTH_PIN_MIN;
	auth_set_policy(&p);
	bm_clerk admin;
	if (auth_clerk_add(s, NULL, "1001", "王小梅", "民政", ROLE_ADMIN, "1234", app->now, &err) ||
	    auth_clerk_get(s, "1001", &admin, &err))
		return cli_error("demo", &err);
	int rc = auth_clerk_add(s, &admin, "9001", "张建国", NULL, ROLE_SUPERVISOR, "9999", app->now, &err);
	auth_clerk_free(&admin);
	if (rc)
		return cli_error("demo", &err);
	printf("%s\n", _("demo clerks: 1001 (PIN 1234, admin), 9001 (PIN 9999, supervisor)"));
	/* two village agents (代办员) for proxy cases (F6 at the counter) */
	bm_clerk sup;
	char code[AGENT_CODE_MAX];
	if (auth_clerk_get(s, "9001", &sup, &err))
		return cli_error("demo", &err);
	rc = agent_add(s, &sup, "红星村", "张小梅", "11010519491231002X", "13800000011", BM_NO_DAY, app->now, code, &err);
	if (!rc)
		rc = agent_add(s, &sup, "石桥村", "李大山", "320106199203151239", "13800000012", BM_NO_DAY, app->now, code, &err);
	auth_clerk_free(&sup);
	if (rc)
		return cli_error("demo", &err);
	printf("%s\n", _("demo village agents: A001 张小梅 (红星村), A002 李大山 (石桥村)"));
	const bm_catalog *cat = app->catalog;
	if (demo_case(app, s, first_of(cat, REGIME_DIRECT, 0), ALL, "李秀英", "51102319800101123", "13800000001", "红星村3组", cal) ||
	    demo_case(app, s, first_of(cat, REGIME_PROMISE, 0), ALL, "张伟", "51102319750315201", "13800000002", "石桥村5组", cal) ||
	    demo_case(app, s, first_of(cat, REGIME_PROMISE, 1), SUPPORT_MISSING, "王芳", "51102319900720342", "13800000003", "新华村1组", cal) ||
	    demo_case(app, s, first_of(cat, REGIME_PROMISE, 2), MAIN_MISSING, "刘洋", "51102319881111456", NULL, "红星村7组", cal) ||
	    demo_case(app, s, first_of(cat, REGIME_FORWARD, 0), ALL, "陈静", "51102319660505088", "13800000005", "石桥村2组", cal) ||
	    demo_case(app, s, first_of(cat, REGIME_JOINT, 0), ALL, "杨磊", "51102319920229011", "13800000006", "新华村4组", cal))
		return 1;
	return 0;
}
