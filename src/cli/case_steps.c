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

/* `bianmin case --help`: the steps' lines come from the step table's rows
 * (lc_step_usage), between this head and this tail. */
static const char *const USAGE_HEAD = N_(
	"Steps after intake (the logged-in clerk is --clerk CODE or BIANMIN_CLERK,\n"
	"PIN from BIANMIN_PIN or the terminal; an approving --supervisor's PIN from\n"
	"BIANMIN_SUPERVISOR_PIN or the terminal):\n");
static const char *const USAGE_TAIL = N_(
	"  bianmin case handover --from A --to B (NO...|--all) [--reason TEXT]\n"
	"               [--by SUPERVISOR]\n"
	"      AB岗: hand cases over to another clerk\n"
	"  bianmin case acknowledge [HANDOVER|NO]\n"
	"      the receiver takes the cases over\n"
	"  bianmin case status NO|IDNO [--print]\n"
	"      a short answer for the applicant\n"
	"  bianmin case list --stale|--overdue-by|--due-soon|--waiting-on W\n"
	"                    |--followups|--handovers [--owner CODE|--mine]\n"
	"    --overdue-by: open cases overdue, with the working days (pauses excluded);\n"
	"    columns: case, state, due, days, applicant, item, owner.\n"
	"Each step prints: NO, the new state and due date.  Steps with a paper\n"
	"(%s)\nprint it (or spool it); --no-print skips it.\n\n");

/* The usage: every row with a form (or only `only`'s), then the rest. */
static char *usage_text(const lc_step_def *only)
{
	bm_buf b = {0};
	bm_buf_puts(&b, _(USAGE_HEAD));
	bm_buf papers = {0};
	bm_buf_puts(&papers, "");
	for (int i = 0; i < LC_STEP__COUNT; i++) {
		const lc_step_def *row = lc_step_row((lc_step)i);
		if (row->command && lc_step_paper(row->step))
			bm_buf_printf(&papers, "%s%s", papers.len ? ", " : "", row->command);
		if (!row->command || (only && row != only))
			continue;
		char *u = lc_step_usage(row);
		bm_buf_puts(&b, u);
		free(u);
	}
	if (!only)
		bm_buf_printf(&b, _(USAGE_TAIL), papers.data);
	bm_buf_free(&papers);
	return bm_buf_steal(&b);
}

static int usage(const lc_step_def *only, bool to_stderr, int status)
{
	char *u = usage_text(only);
	int rc = cli_usage(u, to_stderr, status);
	free(u);
	return rc;
}

/* ---- the options: the watch lists', handover's, and every row's fields */
enum { MAX_OPTS = 64 };
static const struct { const char *name; bool arg; } FIXED[] = {
	{"clerk", true}, {"print", false}, {"no-print", false}, {"help", false}, {"supervisor", true},
	{"from", true}, {"to", true}, {"all", false}, {"by", true}, {"reason", true},
	{"stale", false}, {"overdue-by", false}, {"due-soon", false}, {"waiting-on", true},
	{"followups", false}, {"handovers", false}, {"owner", true}, {"mine", false},
};

typedef struct args {
	const char *names[MAX_OPTS];
	const char *val[MAX_OPTS];
	bool set[MAX_OPTS];
	size_t n;
	char **pos; int npos;      /* positional arguments after the step name */
} args;

static int opt_index(const args *a, const char *name)
{
	for (size_t i = 0; i < a->n; i++)
		if (strcmp(a->names[i], name) == 0)
			return (int)i;
	return -1;
}

static bool has(const args *a, const char *name)
{
	int i = opt_index(a, name);
	return i >= 0 && a->set[i];
}

static const char *val(const args *a, const char *name)
{
	int i = opt_index(a, name);
	return i >= 0 && a->set[i] ? a->val[i] : NULL;
}

static void add_opt(args *a, struct option *o, const char *name, bool arg)
{
	if (!name || opt_index(a, name) >= 0 || a->n + 1 >= MAX_OPTS)
		return;
	o[a->n] = (struct option){ name, arg ? required_argument : no_argument, NULL, 256 + (int)a->n };
	a->names[a->n++] = name;
}

/* Parse argv with the fixed options and every field of every row. */
static int parse(int argc, char **argv, args *a, const lc_step_def *row)
{
	memset(a, 0, sizeof *a);
	struct option o[MAX_OPTS + 1];
	memset(o, 0, sizeof o);
	for (size_t i = 0; i < sizeof FIXED / sizeof FIXED[0]; i++)
		add_opt(a, o, FIXED[i].name, FIXED[i].arg);
	for (int s = 0; s < LC_STEP__COUNT; s++) {
		const lc_step_def *r = lc_step_row((lc_step)s);
		for (size_t i = 0; i < lc_row_fields(r); i++) {
			const lc_field *f = &r->fields[i];
			bool arg = !(f->kind == LC_F_CHOICE && f->flag);
			add_opt(a, o, f->name, arg);
			add_opt(a, o, f->alt, arg);
		}
	}
	optind = 0;
	int c;
	while ((c = getopt_long(argc, argv, "h", o, NULL)) != -1) {
		if (c >= 256 && c < 256 + (int)a->n) {
			a->set[c - 256] = true;
			a->val[c - 256] = optarg;
			if (strcmp(a->names[c - 256], "help") == 0)
				return usage(row, false, 0);
		} else if (c == 'h') {
			return usage(row, false, 0);
		} else {
			return usage(row, true, 2);
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

/* The approving supervisor: --supervisor CODE and their PIN.  A row whose
 * approval is ALWAYS (延期) cannot go without; for the others (否定报备, a
 * refused 办结, a withdrawal giving a fee back) the step goes to the core
 * without one, which lets only a supervisor's own step pass. */
static int approver_login(run *r, const lc_step_def *row, const args *a)
{
	const char *code = val(a, "supervisor");
	if (!code && row->approval == LC_APPROVE_ALWAYS) {
		char m[256];
		snprintf(m, sizeof m, _("%s needs --supervisor CODE (the approving supervisor)"), row->command);
		return usage_error(m);
	}
	if (!code)
		return 0;
	int rc = supervisor_pin(r, code, &r->approver);
	if (rc)
		return rc;
	r->has_approver = true;
	r->x.approver = &r->approver;
	return 0;
}

/* The values of row's fields from the options; 2 (with a sentence) when
 * one is wrong, -1 when none was given, 0 when some were. */
static int values_of(const lc_step_def *row, const args *a, lc_values *v)
{
	memset(v, 0, sizeof *v);
	char m[512];
	bool any = false;
	const char *cmd = row->command ? row->command : "supplement";
	for (size_t i = 0; i < lc_row_fields(row); i++) {
		const lc_field *f = &row->fields[i];
		const char *x = val(a, f->name), *y = f->alt ? val(a, f->alt) : NULL;
		bool gx = has(a, f->name), gy = f->alt && has(a, f->alt);
		any |= gx || gy;
		lc_option o[16];
		size_t n = lc_field_options(f, NULL, o, 16);
		switch (f->kind) {
		case LC_F_TEXT:
			v->text[i] = x;
			break;
		case LC_F_WHEN: {
			int days;
			bm_day to;
			if (gx && gy) {
				snprintf(m, sizeof m, _("--%s or --%s, not both"), f->name, f->alt);
				return usage_error(m);
			}
			if (gx && (!lc_when_parse(x, &days, &to) || days <= 0)) {
				snprintf(m, sizeof m, _("--%s takes a number of working days above 0"), f->name);
				return usage_error(m);
			}
			if (gy && !bm_day_parse(y, &to)) {
				snprintf(m, sizeof m, _("--%s takes a date YYYY-MM-DD"), f->alt);
				return usage_error(m);
			}
			if (f->required && !gx && !gy) {
				snprintf(m, sizeof m, _("%s needs --%s or --%s"), cmd, f->name, f->alt ? f->alt : "?");
				return usage_error(m);
			}
			v->text[i] = gx ? x : y;
			break;
		}
		case LC_F_CHOICE:
			if (f->flag && gx && gy) {
				snprintf(m, sizeof m, _("--%s or --%s, not both"), f->name, f->alt);
				return usage_error(m);
			}
			if (f->flag) {
				/* --name: the first option, --alt: the second; a lone
				 * flag: the second */
				size_t k = f->alt ? (gy ? 1 : 0) : (gx ? 1 : 0);
				v->id[i] = k < n ? o[k].id : 0;
				if (f->required && !gx && !gy) {
					snprintf(m, sizeof m, _("%s needs --%s or --%s"), cmd, f->name, f->alt ? f->alt : "?");
					return usage_error(m);
				}
			} else if (x || f->required) {
				if (!lc_field_parse(f, x, &v->id[i])) {
					char *syn = NULL;
					bm_buf b = {0};
					for (size_t k = 0; k < n; k++)
						bm_buf_printf(&b, "%s%s", k ? "|" : "", o[k].key);
					syn = bm_buf_steal(&b);
					snprintf(m, sizeof m, _("%s needs --%s %s"), cmd, f->name, f->value ? f->value : syn);
					free(syn);
					return usage_error(m);
				}
			} else {
				v->id[i] = n ? o[0].id : 0;
			}
			break;
		case LC_F_CHECKS:
			if (x && !lc_checks_parse(x, v)) {
				snprintf(m, sizeof m, _("--%s takes material numbers from 1, e.g. 2,3"), f->name);
				return usage_error(m);
			}
			break;
		case LC_F__COUNT:
			break;
		}
	}
	return any ? 0 : -1;
}

/* One row's step with its values; its paper printed after it. */
static int take(run *r, const lc_step_def *row, const char *no, const lc_values *v, bool print, bool report)
{
	lc_result res;
	bm_error err = {0};
	if (lifecycle_take(&r->x, row->step, no, v, &res, &err))
		return cli_error(row->command ? row->command : lc_step_key(row->step), &err);
	if (row->step == LC_DEMAND)
		fprintf(stderr, _("bianmin case: notice breach (二次告知) recorded on %s: %s\n"), no, v->text[0]);
	if (row->step == LC_RESUME)
		fprintf(stderr, _("bianmin case: %s paused %d working days; new due date moved accordingly\n"), no, res.days);
	if (res.followup_due != BM_NO_DAY) {
		char d[11];
		fprintf(stderr, _("bianmin case: a bad rating: follow-up due %s\n"), bm_day_format(res.followup_due, d));
	}
	if (report)
		report_step(r, no, &res, print);
	return 0;
}

/* A step of the table: its fields' values from the options (and those of
 * the row its `also` names: supplement --demand), then the step(s). */
static int do_step(run *r, const lc_step_def *row, const char *no, const args *a)
{
	bool print = !has(a, "no-print");
	lc_values v, w;
	const lc_step_def *also = lc_step_row(row->also);
	int st = values_of(row, a, &v), sa = also ? values_of(also, a, &w) : -1;
	if (st > 0)
		return st;
	if (sa > 0)
		return sa;
	if (also && st < 0 && sa < 0) {
		char *s1 = lc_step_synopsis(row), *s2 = lc_step_synopsis(also), m[512];
		snprintf(m, sizeof m, _("%s needs %s or %s"), row->command, s1, s2);
		free(s1);
		free(s2);
		return usage_error(m);
	}
	int rc = approver_login(r, row, a);
	if (rc)
		return rc;
	if ((!also || st == 0) && (rc = take(r, row, no, &v, print, true)))
		return rc;
	/* both: the materials' line is the one reported */
	if (also && sa == 0 && (rc = take(r, also, no, &w, print, st != 0)))
		return rc;
	return 0;
}

static int do_status(run *r, const args *a)
{
	if (a->npos != 1)
		return usage_error(_("status takes one case number or ID number"));
	bool print = has(a, "print");
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
			if (print)
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
	const char *from = val(a, "from"), *to = val(a, "to"), *by = val(a, "by"), *clerk = val(a, "clerk");
	bool all = has(a, "all");
	if (!from || !to)
		return usage_error(_("handover needs --from A --to B"));
	if (!all && !a->npos)
		return usage_error(_("handover needs case numbers or --all"));
	if (all && a->npos)
		return usage_error(_("case numbers or --all, not both"));
	run r;
	int rc = open_run(app, by ? by : clerk ? clerk : from, &r);
	if (rc)
		return rc;
	lc_handover h;
	bm_error err = {0};
	rc = lifecycle_handover(&r.x, from, to, (const char *const *)a->pos, all ? 0 : (size_t)a->npos,
				val(a, "reason"), &h, &err);
	if (rc) {
		close_run(&r);
		return cli_error("handover", &err);
	}
	print_handover(&h);
	if (!has(a, "no-print")) {
		char *spool = print_spool_dir(r.center, store_path(r.store));
		char *where = NULL;
		if (lifecycle_print_handover(&r.x, app->paths.forms, spool, &h, &where, &err))
			fprintf(stderr, _("bianmin case: warning: %s (the handover is saved)\n"), err.msg);
		else
			printf("%s\n", where);
		free(where);
		free(spool);
	}
	fprintf(stderr, _("bianmin case: pending until %s acknowledges ('bianmin case acknowledge --clerk %s')\n"), to, to);
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
	const char *waiting = val(a, "waiting-on");
	bool stale = has(a, "stale"), overdue = has(a, "overdue-by"), soon = has(a, "due-soon");
	bool followups = has(a, "followups"), handovers = has(a, "handovers");
	int kinds = stale + overdue + soon + (waiting != NULL) + followups + handovers;
	if (kinds != 1)
		return usage_error(_("one of --stale, --overdue-by, --due-soon, --waiting-on, --followups, --handovers"));
	run r;
	int rc = open_run(app, val(a, "clerk"), &r);
	if (rc)
		return rc;
	bm_error err = {0};
	const char *owner = has(a, "mine") ? r.me.code : val(a, "owner");
	if (handovers) {
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
	lc_watch w = stale ? LC_WATCH_STALE : overdue ? LC_WATCH_OVERDUE : soon ? LC_WATCH_DUE_SOON
		     : waiting ? LC_WATCH_WAITING_ON : LC_WATCH_FOLLOWUP;
	lc_watch_row *v;
	size_t n;
	if (lifecycle_watch(&r.x, w, owner, waiting, &v, &n, &err)) {
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

/* The options a step takes are its table row's fields (and those of the
 * row its `also` names), plus the ones every step has; another is
 * refused naming the step's. */
static int check_fields(const lc_step_def *row, const args *a)
{
	static const char *const common[] = { "clerk", "print", "no-print", "help", "supervisor", NULL };
	const lc_step_def *also = lc_step_row(row->also);
	for (size_t i = 0; i < a->n; i++) {
		if (!a->set[i])
			continue;
		const char *name = a->names[i];
		bool ok = lc_row_field(row, name) >= 0 || (also && lc_row_field(also, name) >= 0);
		for (const char *const *c = common; *c && !ok; c++)
			ok = strcmp(*c, name) == 0;
		if (ok)
			continue;
		bm_buf b = {0};
		for (const lc_step_def *r = row; r; r = r == row ? also : NULL)
			for (size_t k = 0; k < lc_row_fields(r); k++)
				bm_buf_printf(&b, "%s%s%s%s", b.len ? "," : "", r->fields[k].name, r->fields[k].alt ? "," : "",
					      r->fields[k].alt ? r->fields[k].alt : "");
		if (row->approval != LC_APPROVE_NONE)
			bm_buf_printf(&b, "%s%s", b.len ? "," : "", "supervisor");
		fprintf(stderr, _("bianmin case: %s takes no --%s (its options: %s)\n"), row->command, name,
			b.len ? b.data : "-");
		bm_buf_free(&b);
		return 2;
	}
	return -1;
}

int cli_case_step(bm_app *app, int argc, char **argv)
{
	if (argc < 1)
		return -1;
	const char *name = argv[0];
	if (strcmp(name, "-h") == 0 || strcmp(name, "--help") == 0) {
		char *u = usage_text(NULL);
		fputs(u, stdout);
		free(u);
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
		int st = parse(argc, argv, &a, NULL);
		return st >= 0 ? st : do_watch(app, &a);
	}
	const lc_step_def *row = lc_step_command(name);
	if (!row)
		return -1;
	int st = parse(argc, argv, &a, row->take ? row : NULL);
	if (st >= 0)
		return st;
	if (row->step == LC_HANDOVER)
		return do_handover(app, &a);
	run r;
	if (!row->take) {       /* status, acknowledge */
		if ((st = open_run(app, val(&a, "clerk"), &r)))
			return st;
		st = row->step == LC_STATUS ? do_status(&r, &a) : do_acknowledge(&r, &a);
		close_run(&r);
		return st;
	}
	if (a.npos != 1)
		return usage_error(_("give exactly one case number after the step"));
	if ((st = check_fields(row, &a)) >= 0)
		return st;
	if ((st = open_run(app, val(&a, "clerk"), &r)))
		return st;
	st = do_step(&r, row, a.pos[0], &a);
	close_run(&r);
	return st;
}
