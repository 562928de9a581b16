/* case_steps.c - `bianmin case STEP NO ...`: every step after intake
 * (lifecycle.h), and the watch lists `case list --stale|--overdue-by|
 * --due-soon|--waiting-on W|--followups|--handovers`.  Called from
 * cli_case (case.c) before it parses its own options. */
#include "ledger_cli.h"
#include "bianmin/agent.h"
#include "bianmin/lifecycle.h"
#include "bianmin/print.h"
#include "bianmin/text.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const USAGE = N_(
	"Steps after intake (the logged-in clerk is --clerk CODE or BIANMIN_CLERK,\n"
	"PIN from BIANMIN_PIN or the terminal):\n"
	"  bianmin case supplement NO --materials N,N     materials arrived (补齐; numbers from 1)\n"
	"  bianmin case supplement NO --demand NAME --reason TEXT\n"
	"                                                 ask for one NOT on the notice (二次告知)\n"
	"  bianmin case pause NO --kind hearing|site_visit|expert_review|public_notice --reason TEXT\n"
	"  bianmin case resume NO [--note TEXT]           end the special procedure (特别程序)\n"
	"  bianmin case extend NO --days N|--to DATE --reason TEXT --supervisor CODE\n"
	"                                                 延期 (行政许可法 art. 42): once, before\n"
	"                                                 the due date, at most the item's\n"
	"                                                 extension_days (default 10); supervisor's\n"
	"                                                 PIN from BIANMIN_SUPERVISOR_PIN or the terminal\n"
	"  bianmin case opinion NO --window W --opinion TEXT [--agree|--disagree]   联办件\n"
	"  bianmin case forward NO [--to WHOM] [--note TEXT]                         上报件\n"
	"  bianmin case result NO --result TEXT [--approved|--refused]   upper result; completes\n"
	"  bianmin case complete NO --result TEXT [--approved|--refused] [--certificate NO]\n"
	"                                                 --refused (不予) needs --supervisor CODE\n"
	"  bianmin case return NO --reason TEXT [--non-supplement] [--supervisor CODE]\n"
	"                                                 退回 / 退件; 否定报备: a supervisor\n"
	"                                                 approves (their PIN from\n"
	"                                                 BIANMIN_SUPERVISOR_PIN or the terminal)\n"
	"  bianmin case withdraw NO --reason TEXT                        撤回\n"
	"  bianmin case notify NO --how phone|in_person|agent [--note TEXT]   回复\n"
	"  bianmin case rate NO --level 1..5|非常满意|满意|基本满意|不满意|非常不满意\n"
	"  bianmin case followup NO --handling TEXT       a supervisor closes a bad rating's follow-up\n"
	"  bianmin case feedback NO --satisfied|--unsatisfied --level 1..5 [--note TEXT]\n"
	"                                                 服务意见反馈表 of a proxy case (before it completes)\n"
	"  bianmin case reply NO [--note TEXT]            the village agent told the applicant (回复)\n"
	"  bianmin case handover --from A --to B (NO...|--all) [--reason TEXT] [--by SUPERVISOR]\n"
	"  bianmin case acknowledge [HANDOVER|NO]         the receiver takes the cases over\n"
	"  bianmin case status NO|IDNO [--print]          a short answer for the applicant\n"
	"  bianmin case list --stale|--overdue-by|--due-soon|--waiting-on W|--followups|--handovers\n"
	"                    [--owner CODE|--mine]\n"
	"    --overdue-by: open cases overdue, with the working days (pauses excluded);\n"
	"    columns: case, state, due, days, applicant, item, owner.\n"
	"Each step prints: NO, the new state and due date.  Steps with a paper\n"
	"(pause, resume, extend, result, complete, return, handover) print it\n"
	"(or spool it); --no-print skips it.\n\n");

enum {
	O_MATERIALS = 256, O_DEMAND, O_REASON, O_KIND, O_DAYS, O_TO, O_SUPERVISOR, O_WINDOW,
	O_OPINION, O_AGREE, O_DISAGREE, O_RESULT, O_APPROVED, O_REFUSED, O_CERT, O_NONSUP,
	O_HOW, O_NOTE, O_LEVEL, O_HANDLING, O_FROM, O_ALL, O_BY, O_PRINT, O_NOPRINT,
	O_STALE, O_OVERDUE, O_SOON, O_WAITING, O_FOLLOWUPS, O_HANDOVERS, O_OWNER, O_MINE,
	O_SATISFIED, O_UNSATISFIED,
};

static const struct option OPTS[] = {
	{"clerk", required_argument, NULL, 'k'},
	{"materials", required_argument, NULL, O_MATERIALS},
	{"demand", required_argument, NULL, O_DEMAND},
	{"reason", required_argument, NULL, O_REASON},
	{"kind", required_argument, NULL, O_KIND},
	{"days", required_argument, NULL, O_DAYS},
	{"to", required_argument, NULL, O_TO},
	{"supervisor", required_argument, NULL, O_SUPERVISOR},
	{"window", required_argument, NULL, O_WINDOW},
	{"opinion", required_argument, NULL, O_OPINION},
	{"agree", no_argument, NULL, O_AGREE},
	{"disagree", no_argument, NULL, O_DISAGREE},
	{"result", required_argument, NULL, O_RESULT},
	{"approved", no_argument, NULL, O_APPROVED},
	{"refused", no_argument, NULL, O_REFUSED},
	{"certificate", required_argument, NULL, O_CERT},
	{"non-supplement", no_argument, NULL, O_NONSUP},
	{"how", required_argument, NULL, O_HOW},
	{"note", required_argument, NULL, O_NOTE},
	{"level", required_argument, NULL, O_LEVEL},
	{"handling", required_argument, NULL, O_HANDLING},
	{"from", required_argument, NULL, O_FROM},
	{"all", no_argument, NULL, O_ALL},
	{"by", required_argument, NULL, O_BY},
	{"print", no_argument, NULL, O_PRINT},
	{"no-print", no_argument, NULL, O_NOPRINT},
	{"stale", no_argument, NULL, O_STALE},
	{"overdue-by", no_argument, NULL, O_OVERDUE},
	{"due-soon", no_argument, NULL, O_SOON},
	{"waiting-on", required_argument, NULL, O_WAITING},
	{"followups", no_argument, NULL, O_FOLLOWUPS},
	{"handovers", no_argument, NULL, O_HANDOVERS},
	{"owner", required_argument, NULL, O_OWNER},
	{"mine", no_argument, NULL, O_MINE},
	{"satisfied", no_argument, NULL, O_SATISFIED},
	{"unsatisfied", no_argument, NULL, O_UNSATISFIED},
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

typedef struct args {
	const char *clerk, *materials, *demand, *reason, *kind, *days, *to, *supervisor, *window;
	const char *opinion, *result, *certificate, *how, *note, *level, *handling, *from, *by;
	const char *waiting, *owner;
	bool agree, disagree, approved, refused, nonsup, all, print, noprint;
	bool stale, overdue, soon, followups, handovers, mine;
	bool satisfied, unsatisfied;
	char **pos; int npos;      /* positional arguments after the step name */
} args;

static int parse(int argc, char **argv, args *a)
{
	memset(a, 0, sizeof *a);
	optind = 0;
	int c;
	while ((c = getopt_long(argc, argv, "h", OPTS, NULL)) != -1) {
		switch (c) {
		case 'k': a->clerk = optarg; break;
		case O_MATERIALS: a->materials = optarg; break;
		case O_DEMAND: a->demand = optarg; break;
		case O_REASON: a->reason = optarg; break;
		case O_KIND: a->kind = optarg; break;
		case O_DAYS: a->days = optarg; break;
		case O_TO: a->to = optarg; break;
		case O_SUPERVISOR: a->supervisor = optarg; break;
		case O_WINDOW: a->window = optarg; break;
		case O_OPINION: a->opinion = optarg; break;
		case O_AGREE: a->agree = true; break;
		case O_DISAGREE: a->disagree = true; break;
		case O_RESULT: a->result = optarg; break;
		case O_APPROVED: a->approved = true; break;
		case O_REFUSED: a->refused = true; break;
		case O_CERT: a->certificate = optarg; break;
		case O_NONSUP: a->nonsup = true; break;
		case O_HOW: a->how = optarg; break;
		case O_NOTE: a->note = optarg; break;
		case O_LEVEL: a->level = optarg; break;
		case O_HANDLING: a->handling = optarg; break;
		case O_FROM: a->from = optarg; break;
		case O_ALL: a->all = true; break;
		case O_BY: a->by = optarg; break;
		case O_PRINT: a->print = true; break;
		case O_NOPRINT: a->noprint = true; break;
		case O_STALE: a->stale = true; break;
		case O_OVERDUE: a->overdue = true; break;
		case O_SOON: a->soon = true; break;
		case O_WAITING: a->waiting = optarg; break;
		case O_FOLLOWUPS: a->followups = true; break;
		case O_HANDOVERS: a->handovers = true; break;
		case O_OWNER: a->owner = optarg; break;
		case O_MINE: a->mine = true; break;
		case O_SATISFIED: a->satisfied = true; break;
		case O_UNSATISFIED: a->unsatisfied = true; break;
		case 'h': return cli_usage(_(USAGE), false, 0);
		default: return cli_usage(_(USAGE), true, 2);
		}
	}
	a->pos = argv + optind;
	a->npos = argc - optind;
	return -1;
}

static int usage_error(const char *msg)
{
	fprintf(stderr, "bianmin case: %s\n", msg);
	return 2;
}

/* "2,3" -> indexes from 0. */
static bool parse_materials(const char *s, size_t **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	while (s && *s) {
		char *end;
		long v = strtol(s, &end, 10);
		if (end == s || v < 1 || v > 1000 || (*end && *end != ','))
			return false;
		*out = bm_xrealloc(*out, (*n + 1) * sizeof **out);
		(*out)[(*n)++] = (size_t)(v - 1);
		s = *end ? end + 1 : end;
	}
	return *n > 0;
}

typedef struct run {
	bm_app *app;
	bm_store *store;
	bm_clerk me;
	lc_ctx x;
	const bm_center *center;
	bm_clerk approver;          /* --supervisor, logged in (否定报备, 延期) */
	bool has_approver;
} run;

static int open_run(bm_app *app, const char *code, run *r)
{
	memset(r, 0, sizeof *r);
	r->app = app;
	bm_diags d = {0};
	bm_calendar *cal = app_calendar(app, &d);
	bm_center *center = app_center(app, &d);
	if (!cal || !center) {
		cli_print_diags(&d);
		diags_free(&d);
		return 1;
	}
	diags_free(&d);
	int rc = cli_session(app, code, "BIANMIN_PIN", &r->store, &r->me);
	if (rc)
		return rc;
	r->center = center;
	bm_diags cd = {0};
	const bm_catalog *cat = app_catalog(app, &cd);
	diags_free(&cd);
	r->x = (lc_ctx){ .store = r->store, .cal = cal, .center = center, .clerk = &r->me, .now = app->now,
			 .catalog = cat };
	return 0;
}

static void close_run(run *r)
{
	auth_clerk_free(&r->me);
	if (r->has_approver)
		auth_clerk_free(&r->approver);
}

/* Print (or spool) the step's paper; a failure is a warning, the step
 * itself is saved. */
static void paper(run *r, const char *no, const char *form, const lc_result *res)
{
	char *spool = print_spool_dir(r->center, store_path(r->store));
	char *where = NULL;
	bm_error err = {0};
	const char *forms = r->app->paths.forms;
	if (lifecycle_print(&r->x, forms, spool, no, form, res, &where, &err))
		fprintf(stderr, _("bianmin case: warning: %s (the step is saved; print it later with 'bianmin print')\n"), err.msg);
	else
		printf("%s\n", where);
	free(where);
	free(spool);
}

static void report_step(run *r, const char *no, const lc_result *res, bool print)
{
	char d[11];
	printf("%s\t%s\t%s\n", no, case_state_key(res->state), bm_day_format(res->due, d));
	if (res->warning[0])
		fprintf(stderr, _("bianmin case: warning: %s\n"), res->warning);
	if (print && res->paper)
		paper(r, no, res->paper, res);
	if (res->refund_paper) {
		fprintf(stderr, _("bianmin case: the fee of %s was voided and given back (退费)\n"), no);
		if (print)
			paper(r, no, res->refund_paper, NULL);
	}
}

/* The case after a step of agent.h (which returns no lc_result). */
static void fill_result(run *r, const char *no, lc_result *res)
{
	memset(res, 0, sizeof *res);
	res->due = res->old_due = res->followup_due = BM_NO_DAY;
	bm_case c;
	bm_error e;
	if (case_load(r->store, no, &c, &e) == BM_OK) {
		res->state = c.state;
		res->due = c.due;
		case_free(&c);
	}
}

static int supervisor_pin(run *r, const char *code, bm_clerk *sup)
{
	char prompt[128];
	snprintf(prompt, sizeof prompt, _("PIN of supervisor %s: "), code);
	char *pin = cli_read_pin("BIANMIN_SUPERVISOR_PIN", prompt, false);
	if (!pin)
		return 1;
	bm_error err = {0};
	int rc = auth_login(r->store, code, pin, sup, &err);
	free(pin);
	return rc ? cli_error("case", &err) : 0;
}

static int supervisor_login(run *r, const char *code, bm_clerk *sup)
{
	if (!code)
		return usage_error(_("an extension needs --supervisor CODE (the approving supervisor)"));
	return supervisor_pin(r, code, sup);
}

/* The approving supervisor of a step whose table row says `approval`
 * (否定报备): --supervisor CODE and their PIN; without it the step goes to
 * the core, which lets only a supervisor's own step pass. */
static int approver_login(run *r, const args *a)
{
	if (!a->supervisor)
		return 0;
	int rc = supervisor_pin(r, a->supervisor, &r->approver);
	if (rc)
		return rc;
	r->has_approver = true;
	r->x.approver = &r->approver;
	return 0;
}

static int do_step(run *r, lc_step step, const char *no, const args *a)
{
	lc_result res;
	bm_error err = {0};
	const lc_ctx *x = &r->x;
	int rc = 0;
	bool print = !a->noprint;
	const char *cmd = lc_step_key(step);
	/* a supervisor's approval: the table's rows that need it, a refused
	 * 办结, and a withdrawal giving back a fee */
	if (step != LC_EXTEND && (rc = approver_login(r, a)))
		return rc;
	switch (step) {
	case LC_SUPPLEMENT: {
		if (!a->materials && !a->demand)
			return usage_error(_("supplement needs --materials N,N or --demand NAME --reason TEXT"));
		if (a->materials) {
			size_t *m, n;
			if (!parse_materials(a->materials, &m, &n))
				return usage_error(_("--materials takes material numbers from 1, e.g. 2,3"));
			rc = lifecycle_supplement(x, no, m, n, &res, &err);
			free(m);
			if (rc)
				return cli_error(cmd, &err);
			report_step(r, no, &res, print);
		}
		if (a->demand) {
			if (lifecycle_demand(x, no, a->demand, a->reason, &res, &err))
				return cli_error(cmd, &err);
			fprintf(stderr, _("bianmin case: notice breach (二次告知) recorded on %s: %s\n"), no, a->demand);
			if (!a->materials)
				report_step(r, no, &res, print);
		}
		return 0;
	}
	case LC_PAUSE: {
		lc_pause_kind k;
		if (!a->kind || !lc_pause_parse(a->kind, &k))
			return usage_error(_("pause needs --kind hearing|site_visit|expert_review|public_notice"));
		rc = lifecycle_pause(x, no, k, a->reason, &res, &err);
		break;
	}
	case LC_RESUME:
		rc = lifecycle_resume(x, no, a->note, &res, &err);
		if (!rc)
			fprintf(stderr, _("bianmin case: %s paused %d working days; new due date moved accordingly\n"), no, res.days);
		break;
	case LC_EXTEND: {
		int days = 0;
		bm_day to = BM_NO_DAY;
		if (a->days && ((days = atoi(a->days)) <= 0))
			return usage_error(_("--days takes a number of working days above 0"));
		if (a->to && !bm_day_parse(a->to, &to))
			return usage_error(_("--to takes a date YYYY-MM-DD"));
		if (!a->days && !a->to)
			return usage_error(_("extend needs --days N or --to DATE"));
		bm_clerk sup;
		if ((rc = supervisor_login(r, a->supervisor, &sup)))
			return rc;
		rc = lifecycle_extend(x, no, &sup, days, to, a->reason, &res, &err);
		auth_clerk_free(&sup);
		break;
	}
	case LC_OPINION:
		if (a->agree && a->disagree)
			return usage_error(_("--agree or --disagree, not both"));
		rc = lifecycle_opinion(x, no, a->window, !a->disagree, a->opinion, &res, &err);
		break;
	case LC_FORWARD:
		rc = lifecycle_forward(x, no, a->to, a->note, &res, &err);
		break;
	case LC_RESULT:
	case LC_COMPLETE:
		if (a->approved && a->refused)
			return usage_error(_("--approved or --refused, not both"));
		rc = step == LC_RESULT ? lifecycle_result(x, no, !a->refused, a->result, &res, &err)
				       : lifecycle_complete(x, no, !a->refused, a->result, a->certificate, &res, &err);
		break;
	case LC_RETURN:
		rc = lifecycle_return(x, no, a->reason, a->nonsup, &res, &err);
		break;
	case LC_WITHDRAW:
		rc = lifecycle_withdraw(x, no, a->reason, &res, &err);
		break;
	case LC_NOTIFY: {
		lc_how h;
		if (!a->how || !lc_how_parse(a->how, &h))
			return usage_error(_("notify needs --how phone|in_person|agent"));
		rc = lifecycle_notify(x, no, h, a->note, &res, &err);
		break;
	}
	case LC_RATE: {
		int level;
		if (!a->level || !lc_rating_parse(a->level, &level))
			return usage_error(_("rate needs --level 1..5 (非常满意 满意 基本满意 不满意 非常不满意)"));
		rc = lifecycle_rate(x, no, level, a->note, &res, &err);
		if (!rc && res.followup_due != BM_NO_DAY) {
			char d[11];
			fprintf(stderr, _("bianmin case: a bad rating: follow-up due %s\n"), bm_day_format(res.followup_due, d));
		}
		break;
	}
	case LC_FOLLOWUP:
		rc = lifecycle_followup(x, no, a->handling, &res, &err);
		break;
	case LC_FEEDBACK: {
		int level;
		if (a->satisfied == a->unsatisfied || !a->level || !lc_rating_parse(a->level, &level))
			return usage_error(_("feedback needs --satisfied or --unsatisfied and --level 1..5"));
		if (agent_feedback(x, no, a->satisfied, level, a->note, &err))
			return cli_error(cmd, &err);
		fill_result(r, no, &res);
		break;
	}
	case LC_REPLY:
		if (agent_reply(x, no, a->note, &err))
			return cli_error(cmd, &err);
		fill_result(r, no, &res);
		break;
	default:
		return usage_error(_("not a step for one case"));
	}
	if (rc)
		return cli_error(cmd, &err);
	report_step(r, no, &res, print);
	return 0;
}

static int do_status(run *r, const args *a)
{
	if (a->npos != 1)
		return usage_error(_("status takes one case number or ID number"));
	char **nos;
	size_t n;
	bm_error err = {0};
	if (lifecycle_find(r->store, a->pos[0], &nos, &n, &err))
		return cli_error("status", &err);
	for (size_t i = 0; i < n; i++) {
		bm_case c;
		if (case_load(r->store, nos[i], &c, &err) == BM_OK) {
			char *t = lifecycle_status_text(&c, bm_time_day(r->app->now), r->x.cal);
			printf("%s%s", i ? "\n" : "", t);
			free(t);
			case_free(&c);
			if (a->print)
				paper(r, nos[i], "status", NULL);
		}
		free(nos[i]);
	}
	free(nos);
	return 0;
}

static void print_handover(const lc_handover *h)
{
	char t[32];
	printf("%s\t%s\t%s\t%s\t%zu\n", h->id, h->from, h->to, bm_time_format(h->at, t), h->n);
	for (size_t i = 0; i < h->n; i++)
		printf("  %s\n", h->nos[i]);
}

static int do_handover(bm_app *app, const args *a)
{
	if (!a->from || !a->to)
		return usage_error(_("handover needs --from A --to B"));
	if (!a->all && !a->npos)
		return usage_error(_("handover needs case numbers or --all"));
	if (a->all && a->npos)
		return usage_error(_("case numbers or --all, not both"));
	run r;
	int rc = open_run(app, a->by ? a->by : a->clerk ? a->clerk : a->from, &r);
	if (rc)
		return rc;
	lc_handover h;
	bm_error err = {0};
	rc = lifecycle_handover(&r.x, a->from, a->to, (const char *const *)a->pos, a->all ? 0 : (size_t)a->npos,
				a->reason, &h, &err);
	if (rc) {
		close_run(&r);
		return cli_error("handover", &err);
	}
	print_handover(&h);
	if (!a->noprint) {
		char *spool = print_spool_dir(r.center, store_path(r.store));
		char *where = NULL;
		if (lifecycle_print_handover(&r.x, app->paths.forms, spool, &h, &where, &err))
			fprintf(stderr, _("bianmin case: warning: %s (the handover is saved)\n"), err.msg);
		else
			printf("%s\n", where);
		free(where);
		free(spool);
	}
	fprintf(stderr, _("bianmin case: pending until %s acknowledges ('bianmin case acknowledge --clerk %s')\n"), a->to, a->to);
	lc_handover_free(&h);
	close_run(&r);
	return 0;
}

static int do_acknowledge(run *r, const args *a)
{
	const char *id = a->npos ? a->pos[0] : NULL;
	bm_case c;
	bm_error err = {0};
	char *hid = NULL;
	/* a case number stands for the handover it is pending in */
	if (id && case_load(r->store, id, &c, &err) == BM_OK) {
		lc_info in;
		lifecycle_info(&c, &in);
		hid = in.handover_pending ? bm_xstrdup(in.handover_id) : NULL;
		lc_info_free(&in);
		case_free(&c);
		if (!hid) {
			fprintf(stderr, _("bianmin acknowledge: case %s has no pending handover\n"), id);
			return 1;
		}
		id = hid;
	}
	size_t n;
	int rc = lifecycle_acknowledge(&r->x, id, &n, &err);
	free(hid);
	if (rc)
		return cli_error("acknowledge", &err);
	printf(_("%zu cases now owned by %s\n"), n, r->me.code);
	return 0;
}

static int do_watch(bm_app *app, const args *a)
{
	int kinds = a->stale + a->overdue + a->soon + (a->waiting != NULL) + a->followups + a->handovers;
	if (kinds != 1)
		return usage_error(_("one of --stale, --overdue-by, --due-soon, --waiting-on, --followups, --handovers"));
	run r;
	int rc = open_run(app, a->clerk, &r);
	if (rc)
		return rc;
	bm_error err = {0};
	const char *owner = a->mine ? r.me.code : a->owner;
	if (a->handovers) {
		lc_handover *v;
		size_t n;
		if (lifecycle_pending_handovers(r.store, owner, &v, &n, &err)) {
			close_run(&r);
			return cli_error("case list", &err);
		}
		for (size_t i = 0; i < n; i++)
			print_handover(&v[i]);
		lc_handovers_free(v, n);
		close_run(&r);
		return 0;
	}
	lc_watch w = a->stale ? LC_WATCH_STALE : a->overdue ? LC_WATCH_OVERDUE : a->soon ? LC_WATCH_DUE_SOON
		     : a->waiting ? LC_WATCH_WAITING_ON : LC_WATCH_FOLLOWUP;
	lc_watch_row *v;
	size_t n;
	if (lifecycle_watch(&r.x, w, owner, a->waiting, &v, &n, &err)) {
		close_run(&r);
		return cli_error("case list", &err);
	}
	for (size_t i = 0; i < n; i++) {
		char d[11];
		printf("%s\t%s\t%s\t%d\t%s\t%s\t%s\n", v[i].no, case_state_key(v[i].state), bm_day_format(v[i].due, d),
		       v[i].days, v[i].applicant, v[i].item_name, v[i].owner);
	}
	lc_watch_rows_free(v, n);
	close_run(&r);
	return 0;
}

/* The options a step takes are its table row's fields (lifecycle_table.c),
 * plus the ones every step has; another is refused naming the step's. */
static int check_fields(lc_step step, int argc, char **argv)
{
	static const char *const common[] = { "clerk", "print", "no-print", "help", "supervisor", NULL };
	const lc_step_def *row = lc_step_row(step);
	for (int i = 1; i < argc; i++) {
		if (strncmp(argv[i], "--", 2) != 0 || !argv[i][2])
			continue;
		char name[64];
		snprintf(name, sizeof name, "%s", argv[i] + 2);
		char *eq = strchr(name, '=');
		if (eq)
			*eq = '\0';
		bool ok = false;
		for (const char *const *c = common; *c && !ok; c++)
			ok = strcmp(*c, name) == 0;
		/* the fields, comma-separated; --approved/--refused stand for
		 * "approved", --agree/--disagree for "agree" */
		const char *f = row ? row->fields : "";
		size_t n = strlen(name);
		for (const char *p = f; p && *p && !ok; p = strchr(p, ',') ? strchr(p, ',') + 1 : NULL) {
			size_t len = strcspn(p, ",");
			ok = (len == n && strncmp(p, name, n) == 0) ||
			     (!strncmp(p, "approved", len) && !strcmp(name, "refused")) ||
			     (!strncmp(p, "agree", len) && !strcmp(name, "disagree")) ||
			     (!strncmp(p, "days", len) && !strcmp(name, "to"));
		}
		if (!ok) {
			fprintf(stderr, _("bianmin case: %s takes no --%s (its options: %s)\n"), lc_step_key(step), name,
				row && *row->fields ? row->fields : "-");
			return 2;
		}
		if (!eq && i + 1 < argc && strncmp(argv[i + 1], "--", 2) != 0)
			i += strcmp(name, "print") && strcmp(name, "no-print") && strcmp(name, "help") &&
			     strcmp(name, "approved") && strcmp(name, "refused") && strcmp(name, "agree") &&
			     strcmp(name, "disagree") && strcmp(name, "non-supplement") && strcmp(name, "all");
	}
	return -1;
}

int cli_case_step(bm_app *app, int argc, char **argv)
{
	if (argc < 1)
		return -1;
	const char *name = argv[0];
	if (strcmp(name, "-h") == 0 || strcmp(name, "--help") == 0) {
		fputs(_(USAGE), stdout);
		return -1;      /* case.c goes on to print show/list */
	}
	args a;
	if (strcmp(name, "list") == 0) {
		/* only the watch lists are ours; plain lists are case.c's */
		bool ours = false;
		for (int i = 1; i < argc; i++)
			if (!strcmp(argv[i], "--stale") || !strcmp(argv[i], "--overdue-by") || !strcmp(argv[i], "--due-soon") ||
			    !strncmp(argv[i], "--waiting-on", 12) || !strcmp(argv[i], "--followups") ||
			    !strcmp(argv[i], "--handovers"))
				ours = true;
		if (!ours)
			return -1;
		int st = parse(argc, argv, &a);
		return st >= 0 ? st : do_watch(app, &a);
	}
	lc_step step;
	if (!lc_step_parse(name, &step) || step == LC_DEMAND)
		return -1;
	int st = parse(argc, argv, &a);
	if (st >= 0)
		return st;
	if (step == LC_HANDOVER)
		return do_handover(app, &a);
	run r;
	if (step == LC_STATUS || step == LC_ACKNOWLEDGE) {
		if ((st = open_run(app, a.clerk, &r)))
			return st;
		st = step == LC_STATUS ? do_status(&r, &a) : do_acknowledge(&r, &a);
		close_run(&r);
		return st;
	}
	if (a.npos != 1)
		return usage_error(_("give exactly one case number after the step"));
	if ((st = check_fields(step, argc, argv)) >= 0)
		return st;
	if ((st = open_run(app, a.clerk, &r)))
		return st;
	st = do_step(&r, step, a.pos[0], &a);
	close_run(&r);
	return st;
}
