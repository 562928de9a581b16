/* case.c - `bianmin case show NO` and `bianmin case list`. */
#include "ledger_cli.h"
#include "bianmin/cases.h"
#include "bianmin/lifecycle.h"
#include "bianmin/register.h"
#include "bianmin/text.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const USAGE = N_(
	"usage: bianmin case show NO [--clerk CODE]\n"
	"       bianmin case list [--open] [--overdue] [--owner CODE] [--search TEXT]\n"
	"                         [--format table|tsv|csv] [--clerk CODE]\n"
	"\n"
	"show: everything about a case, events and receipts included.\n"
	"list: cases, open ones by due date; --overdue: open cases past their due\n"
	"date by at least one working day, pauses excluded (as --overdue-by, which\n"
	"also gives the days); --owner (or --clerk with --mine)\n"
	"limits to one clerk's cases.  The logged-in clerk is --clerk CODE or\n"
	"BIANMIN_CLERK, PIN from BIANMIN_PIN or the terminal.\n");

static const char *or_dash(const char *s)
{
	return s && *s ? s : "-";
}

static void show(const bm_case *c)
{
	char b1[32], b2[32], money[24];
	printf(_("Case:        %s\n"), c->no);
	printf(_("Kind:        %s\n"), kind_label(c->kind));
	if (c->proxy_name)   /* 代理件, beside the regime's kind */
		printf(_("Proxy case:  %s%s%s\n"), c->proxy_is_agent ? _("village agent") : _("private proxy"),
		       c->agent_code ? " " : "", c->agent_code ? c->agent_code : "");
	if (c->kind != c->decided)
		printf(_("Decided:     %s (overridden: %s)\n"), kind_label(c->decided), or_dash(c->override_reason));
	printf(_("State:       %s\n"), case_state_label(c->state));
	printf(_("Item:        %s %s (%s, %s)\n"), c->item.code, c->item.name, c->item.window, regime_label(c->item.regime));
	printf(_("Applicant:   %s  %s %s  %s  %s\n"), c->applicant.name, id_type_key(c->applicant.id_type),
	       c->applicant.id_no, or_dash(c->applicant.phone), or_dash(c->applicant.address));
	if (c->proxy_name)
		printf(_("Proxy:       %s %s%s\n"), c->proxy_name, c->proxy_id, c->proxy_is_agent ? _(" (village agent)") : "");
	printf(_("First clerk asked (首问): %s %s\n"), c->first_clerk, or_dash(c->first_clerk_name));
	printf(_("Owner:       %s %s\n"), c->owner_clerk, or_dash(c->owner_clerk_name));
	printf(_("Accepted:    %s\n"), bm_time_format(c->accepted, b1));
	bm_time entered;
	char *visit = reg_case_visit(c, &entered);   /* 上门服务: received there, entered on return */
	if (visit)
		printf(_("Home visit:  %s (received there; entered %s)\n"), visit, bm_time_format(entered, b1));
	free(visit);
	printf(_("Clock start: %s\n"), bm_day_format(c->clock_start, b1));
	printf(_("Due:         %s%s\n"), bm_day_format(c->due, b2), c->due_uncertain ? _(" (provisional, 暂定: that year's holiday schedule is not published; statutory holidays only)") : "");
	if (c->limit_days >= 0)
		printf(_("Time limit:  %d working days\n"), c->limit_days);
	if (c->return_reason)
		printf(_("Reason:      %s\n"), c->return_reason);
	printf(_("Fee:         %s%s%s\n"), bm_money_format(c->fee_fen, money),
	       c->receipt_no ? _("  receipt ") : "", c->receipt_no ? c->receipt_no : "");
	printf(_("Catalog:     %s\n"), c->catalog_fingerprint);
	printf("%s\n", _("Materials:"));
	for (size_t i = 0; i < c->n_materials; i++) {
		const bm_case_material *m = &c->materials[i];
		printf("  %zu. %s%s  %s x%d  %s", i + 1, m->name, m->main ? _(" [main]") : "",
		       form_label(m->form), m->copies, mat_state_label(m->state));
		if (m->has_changed)
			printf("  %s", bm_time_format(m->changed, b1));
		printf("\n");
	}
	if (c->n_receipts) {
		printf("%s\n", _("Receipts:"));
		for (size_t i = 0; i < c->n_receipts; i++) {
			const bm_receipt *r = &c->receipts[i];
			if (r->no)
				printf("  %s  %s  %s  %s%s\n", r->no, bm_money_format(r->amount_fen, money),
				       bm_time_format(r->at, b1), r->clerk, r->voided ? _("  (void)") : "");
			else
				printf(_("  void  %s  %s  %s\n"), bm_time_format(r->at, b1), r->clerk, or_dash(r->reason));
		}
	}
	printf("%s\n", _("Events:"));
	for (size_t i = 0; i < c->n_events; i++) {
		const bm_event *e = &c->events[i];
		printf("  #%lld  %s  %s  %s%s%s\n", (long long)e->id, bm_time_format(e->at, b1), e->clerk,
		       e->type, e->reason ? "  " : "", e->reason ? e->reason : "");
	}
}

static void csv_field(const char *s, bool last)
{
	/* a cell a spreadsheet would run as a formula (=, +, -, @, or a tab
	 * or CR first) is quoted with a leading apostrophe */
	bool formula = text_csv_formula(s);
	bool quote = formula || strpbrk(s, ",\"\n\r") != NULL;
	if (quote) {
		putchar('"');
		if (formula)
			putchar('\'');
		for (const char *p = s; *p; p++) {
			if (*p == '"')
				putchar('"');
			putchar(*p);
		}
		putchar('"');
	} else {
		fputs(s, stdout);
	}
	putchar(last ? '\n' : ',');
}

enum { NCOL = 7 };

static void list_print(const case_summary *v, size_t n, const char *format)
{
	const char *head[NCOL] = { _("case"), _("kind"), _("state"), _("due"), _("applicant"), _("item"), _("owner") };
	size_t rows = n + 1;
	const char **cells = bm_xcalloc(rows * NCOL, sizeof *cells);
	char (*dues)[11] = bm_xcalloc(n ? n : 1, sizeof *dues);
	for (int k = 0; k < NCOL; k++)
		cells[k] = head[k];
	for (size_t i = 0; i < n; i++) {
		const char **r = cells + (i + 1) * NCOL;
		r[0] = v[i].no;
		r[1] = kind_key(v[i].kind);
		r[2] = case_state_key(v[i].state);
		r[3] = bm_day_format(v[i].due, dues[i]);
		r[4] = v[i].applicant;
		r[5] = v[i].item_name;
		r[6] = v[i].owner;
	}
	if (strcmp(format, "table") == 0) {
		int w[NCOL] = {0};
		for (size_t i = 0; i < rows; i++)
			for (int k = 0; k < NCOL; k++) {
				int x = text_width(cells[i * NCOL + k]);
				if (x > w[k])
					w[k] = x;
			}
		for (size_t i = 0; i < rows; i++) {
			for (int k = 0; k < NCOL; k++) {
				if (k == NCOL - 1) {
					printf("%s\n", cells[i * NCOL + k]);
				} else {
					char *p = text_pad(cells[i * NCOL + k], w[k], false);
					printf("%s  ", p);
					free(p);
				}
			}
		}
	} else {
		bool csv = strcmp(format, "csv") == 0;
		for (size_t i = 0; i < rows; i++)
			for (int k = 0; k < NCOL; k++) {
				const char *x = cells[i * NCOL + k];
				if (csv) {
					csv_field(x, k == NCOL - 1);
				} else {
					for (const char *p = x; *p; p++)
						putchar(*p == '\t' || *p == '\n' ? ' ' : *p);
					putchar(k == NCOL - 1 ? '\n' : '\t');
				}
			}
	}
	free(cells);
	free(dues);
}

/* --overdue: only the cases the due-date watch calls overdue (lifecycle.h:
 * working days after the due date, pauses excluded; the same rule as
 * `case list --overdue-by` and the home screens).  Keeps v's order. */
static int keep_overdue(bm_app *app, bm_store *s, const char *owner, case_summary *v, size_t n,
			size_t *shown)
{
	bm_diags d = {0};
	bm_calendar *cal = app_calendar(app, &d);
	bm_center *center = app_center(app, &d);
	cli_print_diags(&d);
	diags_free(&d);
	if (!cal || !center)
		return 1;
	lc_ctx x = { .store = s, .cal = cal, .center = center, .now = app->now };
	lc_watch_row *w;
	size_t nw, k = 0;
	bm_error err = {0};
	if (lifecycle_watch(&x, LC_WATCH_OVERDUE, owner, NULL, &w, &nw, &err))
		return cli_error("case", &err);
	for (size_t i = 0; i < n; i++) {
		bool keep = false;
		for (size_t j = 0; j < nw && !keep; j++)
			keep = strcmp(w[j].no, v[i].no) == 0;
		if (keep) {
			case_summary t = v[k];
			v[k++] = v[i];
			v[i] = t;
		}
	}
	lc_watch_rows_free(w, nw);
	*shown = k;      /* v[k..n) are freed with the rest by the caller */
	return 0;
}

int cli_case(bm_app *app, int argc, char **argv)
{
	enum { O_OPEN = 256, O_OVERDUE, O_FORMAT, O_OWNER, O_SEARCH };
	static const struct option opts[] = {
		{"clerk", required_argument, NULL, 'k'},
		{"open", no_argument, NULL, O_OPEN},
		{"overdue", no_argument, NULL, O_OVERDUE},
		{"owner", required_argument, NULL, O_OWNER},
		{"search", required_argument, NULL, O_SEARCH},
		{"format", required_argument, NULL, O_FORMAT},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *who = NULL, *format = "table", *owner = NULL, *search = NULL;
	bool open = false, overdue = false;
	int c;
	/* the steps after intake and the watch lists (case_steps.c) */
	int step = argc > 1 ? cli_case_step(app, argc - 1, argv + 1) : -1;
	if (step >= 0)
		return step;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'k': who = optarg; break;
		case O_OPEN: open = true; break;
		case O_OVERDUE: overdue = true; break;
		case O_OWNER: owner = optarg; break;
		case O_SEARCH: search = optarg; break;
		case O_FORMAT: format = optarg; break;
		case 'h': return cli_usage(_(USAGE), false, 0);
		default: return cli_usage(_(USAGE), true, 2);
		}
	}
	if (optind >= argc)
		return cli_usage(_(USAGE), true, 2);
	const char *sub = argv[optind];
	bool is_show = strcmp(sub, "show") == 0, is_list = strcmp(sub, "list") == 0;
	if ((!is_show && !is_list) || (is_show && argc - optind != 2) || (is_list && argc - optind != 1))
		return cli_usage(_(USAGE), true, 2);
	if (strcmp(format, "table") && strcmp(format, "tsv") && strcmp(format, "csv"))
		return cli_usage(_(USAGE), true, 2);
	bm_store *s;
	bm_clerk me;
	int rc = cli_session(app, who, "BIANMIN_PIN", &s, &me);
	if (rc)
		return rc;
	auth_clerk_free(&me);
	bm_error err = {0};
	if (is_show) {
		bm_case cs;
		if (case_load(s, argv[optind + 1], &cs, &err))
			return cli_error("case", &err);
		show(&cs);
		case_free(&cs);
		return 0;
	}
	case_filter f = { .clerk = owner, .open_only = open || overdue,
			  .today = bm_time_day(app->now), .query = search };
	case_summary *v;
	size_t n;
	if (case_list(s, &f, &v, &n, &err))
		return cli_error("case", &err);
	size_t shown = n;
	if (overdue && (rc = keep_overdue(app, s, owner, v, n, &shown))) {
		case_summaries_free(v, n);
		return rc;
	}
	list_print(v, shown, format);
	case_summaries_free(v, n);
	return 0;
}
