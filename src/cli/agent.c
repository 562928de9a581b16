/* agent.c - `bianmin agent add|list|disable|register|blank|unreplied`:
 * the register of village agents (代办员), their month's register and
 * subsidy (printed, or CSV for Excel/WPS), and the blank proxy papers. */
#include "ledger_cli.h"
#include "bianmin/agent.h"
#include "bianmin/print.h"
#include "bianmin/slip.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const USAGE = N_(
	"usage: bianmin agent add --village V --name N --id IDNO [--phone P]\n"
	"                         [--from DATE]\n"
	"       bianmin agent list [--all]\n"
	"       bianmin agent disable CODE [--to DATE] [--reason TEXT]\n"
	"       bianmin agent register [--month YYYY-MM] [--agent CODE] [--csv FILE]\n"
	"                              [--out FILE] [--print] [--force]\n"
	"       bianmin agent blank poa_person|poa_unit|feedback [--out FILE]\n"
	"       bianmin agent unreplied\n"
	"\n"
	"The register of village agents (代办员) lives in the ledger: add and\n"
	"disable are supervisors' and are events of the hash chain.  Codes are\n"
	"given: A001, A002 ...  list: code, village, name, ID, phone, from, to.\n"
	"register: the month's cases per agent and the subsidy at center.yaml's\n"
	"agent_subsidy (default 5.00 yuan a case; agent_subsidy_counts says\n"
	"whether completed or accepted cases count); --csv writes it for Excel\n"
	"and WPS (UTF-8 with BOM, CRLF), --out the paper as text (neither\n"
	"replaces an existing file without --force), --print sends the paper to\n"
	"the printer or spool.  blank: an empty 授权委托书 or\n"
	"服务意见反馈表 for signing.  unreplied: agent cases done but not yet\n"
	"replied to the applicant.  The clerk is --clerk CODE or BIANMIN_CLERK,\n"
	"the PIN from BIANMIN_PIN or the terminal.\n");

typedef struct opts {
	const char *clerk, *village, *name, *id, *phone, *from, *to, *reason, *month, *agent;
	const char *csv, *out;
	bool all, print, force;
} opts;

/* "-" is stdout; a file is never written over, nor through a symlink,
 * unless --force (files.c, as every other --out) */
static int write_file(const char *path, const char *data, size_t len, bool force)
{
	if (strcmp(path, "-") == 0) {
		bool ok = fwrite(data, 1, len, stdout) == len && fflush(stdout) == 0;
		if (!ok)
			fprintf(stderr, _("bianmin: cannot write %s: %s\n"), path, strerror(errno));
		return ok ? 0 : 1;
	}
	bm_error err = {0};
	if (file_write_new(path, data, len, force, &err))
		return cli_error("agent", &err);
	return 0;
}

static bool day_opt(const char *s, bm_day *d)
{
	*d = BM_NO_DAY;
	if (!s)
		return true;
	if (bm_day_parse(s, d))
		return true;
	fprintf(stderr, _("bianmin agent: '%s' is not a date YYYY-MM-DD\n"), s);
	return false;
}

static void print_agent(const bm_agent *a)
{
	char f[11], t[11];
	printf("%s\t%s\t%s\t%s\t%s\t%s\t%s\n", a->code, a->village, a->name, a->id_no, a->phone ? a->phone : "-",
	       bm_day_format(a->from, f), a->to == BM_NO_DAY ? "-" : bm_day_format(a->to, t));
}

static int do_add(bm_app *app, bm_store *s, const bm_clerk *me, const opts *o)
{
	if (!o->village || !o->name || !o->id)
		return cli_usage(_(USAGE), true, 2);
	bm_day from;
	if (!day_opt(o->from, &from))
		return 2;
	bm_error err = {0};
	char code[AGENT_CODE_MAX];
	if (agent_add(s, me, o->village, o->name, o->id, o->phone, from, app->now, code, &err))
		return cli_error("agent", &err);
	bm_agent a;
	if (agent_get(s, code, &a, &err) == BM_OK) {
		print_agent(&a);
		agent_free(&a);
	}
	return 0;
}

static int do_list(bm_store *s, const opts *o)
{
	bm_agent *v;
	size_t n;
	bm_error err = {0};
	if (agent_list(s, !o->all, &v, &n, &err))
		return cli_error("agent", &err);
	for (size_t i = 0; i < n; i++)
		print_agent(&v[i]);
	agents_free(v, n);
	return 0;
}

static int do_disable(bm_app *app, bm_store *s, const bm_clerk *me, const char *code, const opts *o)
{
	bm_day to;
	if (!day_opt(o->to, &to))
		return 2;
	bm_error err = {0};
	if (agent_disable(s, me, code, to, o->reason, app->now, &err))
		return cli_error("agent", &err);
	bm_agent a;
	if (agent_get(s, code, &a, &err) == BM_OK) {
		print_agent(&a);
		agent_free(&a);
	}
	return 0;
}

/* The register or a blank form: as text to out_path ("-" = stdout), to
 * the printer or spool when asked or when no file is named. */
static int send_paper(bm_app *app, const bm_center *center, bm_store *s, const char *form, const slip_ctx *ctx,
		      const char *out_path, bool print, bool force)
{
	cli_paper_to to = { .text = out_path, .send = print || !out_path, .force = force };
	return cli_paper_doc(app, center, s, "agent", form, form, ctx, &to);
}

static int do_register(bm_app *app, const bm_center *center, bm_store *s, const opts *o)
{
	int y, m, d;
	bm_day_to_ymd(bm_time_day(app->now), &y, &m, &d);
	if (o->month && (sscanf(o->month, "%4d-%2d", &y, &m) != 2 || m < 1 || m > 12 || strlen(o->month) != 7)) {
		fprintf(stderr, _("bianmin agent: '%s' is not a month YYYY-MM\n"), o->month);
		return 2;
	}
	agent_register r;
	bm_error err = {0};
	if (agent_register_month(s, center, y, m, o->agent, &r, &err))
		return cli_error("agent", &err);
	char money[24];
	printf(_("%04d-%02d: rate %s yuan a case, counting %s cases\n"), y, m, bm_money_format(r.rate_fen, money),
	       r.count_accepted ? _("accepted") : _("completed"));
	for (size_t i = 0; i < r.n_agents; i++) {
		const agent_month *a = &r.agents[i];
		printf("%s\t%s\t%s\t%s %d\t%s %d\t%s %d\t%s %d\t%s\n", a->agent.code, a->agent.name, a->agent.village,
		       _("brought"), a->brought, _("completed"), a->completed, _("replied"), a->replied,
		       _("counted"), a->counted, bm_money_format(a->subsidy_fen, money));
		for (size_t k = 0; k < a->n_cases; k++) {
			const agent_case_row *c = &a->cases[k];
			printf("  %s\t%s\t%s\t%s\t%s%s%s\n", c->no, c->applicant, c->item_name, case_state_key(c->state),
			       c->replied ? _("replied") : _("not replied"), c->feedback ? _(", feedback") : "",
			       c->counted ? _(", counted") : "");
		}
	}
	printf(_("total: %d counted, %s yuan\n"), r.counted, bm_money_format(r.subsidy_fen, money));
	int rc = 0;
	if (o->csv) {
		char *csv = agent_register_csv(&r);
		rc |= write_file(o->csv, csv, strlen(csv), o->force);
		free(csv);
	}
	if (o->out || o->print) {
		slip_ctx *ctx = agent_register_context(&r, center, app->now);
		rc |= send_paper(app, center, s, "agent_register", ctx, o->out, o->print, o->force);
		slip_ctx_free(ctx);
	}
	agent_register_free(&r);
	return rc;
}

static int do_blank(bm_app *app, const bm_center *center, bm_store *s, const char *form, const opts *o)
{
	if (strcmp(form, "poa_person") && strcmp(form, "poa_unit") && strcmp(form, "feedback")) {
		fprintf(stderr, _("bianmin agent: blank prints poa_person, poa_unit or feedback, not '%s'\n"), form);
		return 2;
	}
	slip_ctx *ctx = agent_blank_context(center, form, app->now);
	int rc = send_paper(app, center, s, form, ctx, o->out, false, o->force);
	slip_ctx_free(ctx);
	return rc;
}

static int do_unreplied(bm_store *s)
{
	case_summary *v;
	size_t n;
	bm_error err = {0};
	if (agent_unreplied(s, NULL, &v, &n, &err))
		return cli_error("agent", &err);
	for (size_t i = 0; i < n; i++) {
		char d[11];
		printf("%s\t%s\t%s\t%s\t%s\n", v[i].no, case_state_key(v[i].state), bm_day_format(v[i].due, d),
		       v[i].applicant, v[i].item_name);
	}
	case_summaries_free(v, n);
	return 0;
}

int cli_agent(bm_app *app, int argc, char **argv)
{
	enum { O_VILLAGE = 256, O_NAME, O_ID, O_PHONE, O_FROM, O_TO, O_REASON, O_MONTH, O_AGENT,
	       O_CSV, O_OUT, O_ALL, O_PRINT, O_FORCE };
	static const struct option lo[] = {
		{"clerk", required_argument, NULL, 'k'},
		{"village", required_argument, NULL, O_VILLAGE},
		{"name", required_argument, NULL, O_NAME},
		{"id", required_argument, NULL, O_ID},
		{"phone", required_argument, NULL, O_PHONE},
		{"from", required_argument, NULL, O_FROM},
		{"to", required_argument, NULL, O_TO},
		{"reason", required_argument, NULL, O_REASON},
		{"month", required_argument, NULL, O_MONTH},
		{"agent", required_argument, NULL, O_AGENT},
		{"csv", required_argument, NULL, O_CSV},
		{"out", required_argument, NULL, O_OUT},
		{"all", no_argument, NULL, O_ALL},
		{"print", no_argument, NULL, O_PRINT},
		{"force", no_argument, NULL, O_FORCE},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	opts o;
	memset(&o, 0, sizeof o);
	int c;
	while ((c = getopt_long(argc, argv, "h", lo, NULL)) != -1) {
		switch (c) {
		case 'k': o.clerk = optarg; break;
		case O_VILLAGE: o.village = optarg; break;
		case O_NAME: o.name = optarg; break;
		case O_ID: o.id = optarg; break;
		case O_PHONE: o.phone = optarg; break;
		case O_FROM: o.from = optarg; break;
		case O_TO: o.to = optarg; break;
		case O_REASON: o.reason = optarg; break;
		case O_MONTH: o.month = optarg; break;
		case O_AGENT: o.agent = optarg; break;
		case O_CSV: o.csv = optarg; break;
		case O_OUT: o.out = optarg; break;
		case O_ALL: o.all = true; break;
		case O_PRINT: o.print = true; break;
		case O_FORCE: o.force = true; break;
		case 'h': return cli_usage(_(USAGE), false, 0);
		default: return cli_usage(_(USAGE), true, 2);
		}
	}
	if (optind >= argc)
		return cli_usage(_(USAGE), true, 2);
	const char *sub = argv[optind];
	int npos = argc - optind - 1;
	bool known = !strcmp(sub, "add") || !strcmp(sub, "list") || !strcmp(sub, "disable") ||
		     !strcmp(sub, "register") || !strcmp(sub, "blank") || !strcmp(sub, "unreplied");
	bool one_arg = !strcmp(sub, "disable") || !strcmp(sub, "blank");
	if (!known || npos != (one_arg ? 1 : 0))
		return cli_usage(_(USAGE), true, 2);
	bm_center *center = cli_center(app);
	if (!center)
		return 1;
	bm_store *s;
	bm_clerk me;
	int rc = cli_session(app, o.clerk, "BIANMIN_PIN", &s, &me);
	if (rc)
		return rc;
	if (!strcmp(sub, "add"))
		rc = do_add(app, s, &me, &o);
	else if (!strcmp(sub, "list"))
		rc = do_list(s, &o);
	else if (!strcmp(sub, "disable"))
		rc = do_disable(app, s, &me, argv[optind + 1], &o);
	else if (!strcmp(sub, "register"))
		rc = do_register(app, center, s, &o);
	else if (!strcmp(sub, "blank"))
		rc = do_blank(app, center, s, argv[optind + 1], &o);
	else
		rc = do_unreplied(s);
	auth_clerk_free(&me);
	return rc;
}
