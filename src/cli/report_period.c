/* report_period.c - `bianmin report month|quarter|year|rank`: the
 * figures of a period (統计, as of its end: figures.c), the 月结 that puts
 * a month on the chain (month_close.c), the 月报 as a paper (text, PDF,
 * printer) and as CSV, and the ranking of windows. */
#include "ledger_cli.h"
#include "bianmin/agent.h"
#include "bianmin/lifecycle.h"
#include "bianmin/print.h"
#include "bianmin/register.h"
#include "bianmin/slip.h"
#include "bianmin/text.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const USAGE = N_(
	"usage: bianmin report month YYYY-MM [--format table|tsv|csv|paper] [--close]\n"
	"                                    [--print] [--pdf FILE] [--csv FILE]\n"
	"                                    [--force] [--clerk CODE]\n"
	"       bianmin report quarter YYYY-Qn [--format ...] [--pdf FILE] [--csv FILE]\n"
	"       bianmin report year YYYY [--format ...] [--pdf FILE] [--csv FILE]\n"
	"       bianmin report rank YYYY-MM|YYYY-Qn|YYYY\n"
	"       bianmin report refusals [YYYY-MM-DD]\n"
	"\n"
	"The figures by window and by item: received (受理), completed (办结), rate\n"
	"(办结率), returned, overdue (completed late, or open and overdue at the end,\n"
	"pauses excluded), breaches (二次告知), bad ratings, refused at intake\n"
	"(不予受理), returns and refusals after intake (否定报备), extensions (延期).\n"
	"Each figure is computed from the ledger as of the period's end: nothing\n"
	"later changes it.\n"
	"--close: 月结, a supervisor puts an ended month's figures, fees, hand-ins\n"
	"(上缴) and the chain head on the chain; a closed month is read back from there\n"
	"and prints the same bytes every time.  --format paper (or --print, --pdf):\n"
	"the 月报 (forms/monthly_report.tmpl); csv: UTF-8 with BOM, CRLF (Excel, WPS,\n"
	"LibreOffice).  A quarter or a year adds its months.  rank: the windows by\n"
	"completion rate, then fewer overdue, breaches, bad ratings (每月排出名次,\n"
	"每季度考核排队).  refusals: 否定报备, the day's refusals at intake, returns and\n"
	"refusals after intake with the approving supervisor (time, case, kind, item,\n"
	"applicant, clerk, approver, reason).  Supervisors and admins only.\n");

enum { NCOL = 12 };

static void row_cells(const lc_report_row *r, const char *a, const char *b, char num[10][16], const char **cells)
{
	int rate = lc_completion_rate(r);
	int v[] = { r->received, r->completed, -1, r->returned, r->overdue, r->breaches, r->bad_ratings,
		    r->refused, r->negatives, r->extensions };
	for (int i = 0; i < 10; i++) {
		if (v[i] < 0)
			snprintf(num[i], 16, "%d.%d%%", rate / 10, rate % 10);
		else
			snprintf(num[i], 16, "%d", v[i]);
	}
	cells[0] = a;
	cells[1] = b;
	for (int i = 0; i < 10; i++)
		cells[2 + i] = num[i];
}

/* The other books' figures (register.h) of the same month, quarter or
 * year, beside the cases'. */
static void print_books(bm_store *s, int y, int q, int m, bm_day today)
{
	int from = m ? m : q ? 3 * q - 2 : 1, months = m ? 1 : q ? 3 : 12;
	int to = from + months;
	bm_day first, end;
	reg_figures rf;
	bm_error err = {0};
	if (!bm_day_from_ymd(y, from, 1, &first) || !bm_day_from_ymd(to > 12 ? y + 1 : y, to > 12 ? to - 12 : to, 1, &end) ||
	    reg_figures_between(s, first, end, today, &rf, &err) != BM_OK)
		return;
	char *t = reg_figures_text(&rf);
	printf("\n%s\n%s", _("The other books"), t);
	free(t);
	reg_figures_free(&rf);
}

/* 代办件: the village agents' cases of the month, by village and by agent. */
static void print_agent_figures(bm_store *s, int y, int m)
{
	agent_figure *v, *a;
	size_t nv, na;
	bm_error err = {0};
	if (agent_figures_month(s, y, m, &v, &nv, &a, &na, &err) != BM_OK) {
		fprintf(stderr, "bianmin report: %s\n", err.msg);
		return;
	}
	for (int by = 0; by < 2; by++) {
		agent_figure *f = by ? a : v;
		size_t n = by ? na : nv;
		printf("\n%s\n", by ? _("Agent cases (代办件) by agent: brought, completed") :
				       _("Agent cases (代办件) by village: brought, completed"));
		if (!n)
			printf("  -\n");
		for (size_t i = 0; i < n; i++)
			printf("  %s\t%d\t%d\n", f[i].key, f[i].brought, f[i].completed);
	}
	agent_figures_free(v, nv);
	agent_figures_free(a, na);
}

static void print_rows(const char **cells, size_t rows, bool table)
{
	int w[NCOL] = {0};
	for (size_t i = 0; i < rows; i++)
		for (int k = 0; k < NCOL; k++) {
			int x = text_width(cells[i * NCOL + k]);
			if (x > w[k])
				w[k] = x;
		}
	for (size_t i = 0; i < rows; i++)
		for (int k = 0; k < NCOL; k++) {
			const char *c = cells[i * NCOL + k];
			if (!table) {
				printf("%s%c", c, k == NCOL - 1 ? '\n' : '\t');
			} else {
				char *p = k < 2 ? text_pad(c, w[k], false) : text_pad_left(c, w[k]);
				printf("%s%s", p, k == NCOL - 1 ? "\n" : "  ");
				free(p);
			}
		}
}

static void print_table(const lc_report *r, bool table)
{
	size_t rows = 1 + r->n_windows + r->n_items + 1;
	const char **cells = bm_xcalloc(rows * NCOL, sizeof *cells);
	char (*num)[10][16] = bm_xcalloc(rows, sizeof *num);
	const char *head[NCOL] = { _("window"), _("item"), _("received"), _("completed"), _("rate"),
				   _("returned"), _("overdue"), _("breaches"), _("bad ratings"),
				   _("refused"), _("negatives"), _("extensions") };
	memcpy(cells, head, sizeof head);
	size_t i = 1;
	for (size_t k = 0; k < r->n_windows; k++, i++)
		row_cells(&r->windows[k], r->windows[k].window, "*", num[i], cells + i * NCOL);
	for (size_t k = 0; k < r->n_items; k++, i++)
		row_cells(&r->items[k], r->items[k].window, r->items[k].item_code, num[i], cells + i * NCOL);
	row_cells(&r->total, _("total"), "*", num[i], cells + i * NCOL);
	print_rows(cells, rows, table);
	free(cells);
	free(num);
}

/* never over an existing file or through a symlink, unless --force
 * (files.c) */
static bool force_write;

static int write_file(const char *path, const char *data, size_t len)
{
	bm_error err = {0};
	if (file_write_new(path, data, len, force_write, &err))
		return cli_error("report", &err);
	return 0;
}

typedef struct popts {
	const char *format, *pdf, *csv, *who;
	bool close, print;
} popts;

/* The 月报 paper: text on stdout, to the printer, as PDF. */
static int paper(bm_app *app, bm_store *s, const bm_center *center, const lc_report *r, const popts *o,
		 bool text)
{
	struct slip_ctx *ctx = lc_report_context(r, center);
	char no[32];
	snprintf(no, sizeof no, r->month ? "MONTH-%04d-%02d" : "PERIOD-%04d", r->year, r->month);
	cli_paper_to to = { .text = text ? "-" : NULL, .pdf = o->pdf, .send = o->print, .force = force_write };
	int status = cli_paper_doc(app, center, s, "report", "monthly_report", no, ctx, &to);
	slip_ctx_free(ctx);
	return status;
}

/* "2026-11" -> month; "2026-Q4" -> quarter; "2026" -> year. */
static bool parse_period(const char *kind, const char *arg, int *y, int *m, int *q)
{
	char extra;
	*m = *q = 0;
	if (!arg)
		return false;
	if (!strcmp(kind, "month") || (!strcmp(kind, "rank") && strlen(arg) == 7 && arg[4] == '-' && arg[5] != 'Q'))
		return sscanf(arg, "%4d-%2d%c", y, m, &extra) == 2 && *m >= 1 && *m <= 12;
	if (!strcmp(kind, "quarter") || (!strcmp(kind, "rank") && strchr(arg, 'Q')))
		return sscanf(arg, "%4d-Q%1d%c", y, q, &extra) == 2 && *q >= 1 && *q <= 4;
	if (!strcmp(kind, "year") || !strcmp(kind, "rank"))
		return sscanf(arg, "%4d%c", y, &extra) == 1 && *y >= 2000;
	return false;
}

static int run(bm_app *app, const char *kind, int y, int m, int q, const popts *o)
{
	bm_diags d = {0};
	bm_calendar *cal = app_calendar(app, &d);
	cli_print_diags(&d);
	diags_free(&d);
	bm_center *center = cli_center(app);
	if (!cal || !center)
		return 1;
	bm_store *s;
	bm_clerk me;
	int rc = cli_session(app, o->who, "BIANMIN_PIN", &s, &me);
	if (rc)
		return rc;
	if (!auth_can(&me, ROLE_SUPERVISOR)) {
		auth_clerk_free(&me);
		fprintf(stderr, "%s\n", _("bianmin report: the month's figures are for supervisors and admins"));
		return 1;
	}
	lc_report r;
	bm_error err = {0};
	bm_day today = bm_time_day(app->now);
	/* a file that would be refused is said before the month is closed,
	 * not after (the close cannot be undone) */
	if (file_check_new(o->pdf, force_write, &err) || file_check_new(o->csv, force_write, &err)) {
		auth_clerk_free(&me);
		return cli_error("report", &err);
	}
	if (o->close)
		rc = m ? lifecycle_month_close(s, cal, &me, y, m, app->now, &r, &err)
		       : bm_fail(&err, BM_EINVAL, "%s", _("Only a month is closed (月结); a quarter or a year adds its months."));
	else if (m)
		rc = lifecycle_figures_month(s, cal, y, m, today, &r, &err);
	else
		rc = lifecycle_figures_period(s, cal, y, q, today, &r, &err);
	auth_clerk_free(&me);
	if (rc)
		return cli_error("report", &err);
	int status = 0;
	const char *fmt = o->format ? o->format : (o->print || o->pdf || o->csv) ? "none" : "table";
	if (!strcmp(kind, "rank")) {
		size_t *order = lc_report_ranking(&r);
		for (size_t i = 0; i < r.n_windows; i++) {
			const lc_report_row *w = &r.windows[order[i]];
			int rate = lc_completion_rate(w);
			printf("%zu\t%s\t%d\t%d\t%d.%d%%\t%d\t%d\t%d\n", i + 1, w->window, w->received, w->completed,
			       rate / 10, rate % 10, w->overdue, w->breaches, w->bad_ratings);
		}
		free(order);
	} else if (!strcmp(fmt, "table") || !strcmp(fmt, "tsv")) {
		if (m)
			printf(_("Month %04d-%02d\n"), y, m);
		else if (q)
			printf(_("Quarter %04d-Q%d\n"), y, q);
		else
			printf(_("Year %04d\n"), y);
		print_table(&r, !strcmp(fmt, "table"));
		if (!strcmp(fmt, "table"))
			print_books(s, y, q, m, today);
		if (m && !strcmp(fmt, "table"))
			print_agent_figures(s, y, m);   /* 代办件 by village and by agent */
	} else if (!strcmp(fmt, "csv")) {
		char *csv = lc_report_csv(&r);
		fputs(csv, stdout);
		free(csv);
	}
	if (o->csv) {
		char *csv = lc_report_csv(&r);
		status |= write_file(o->csv, csv, strlen(csv));
		free(csv);
	}
	if (strcmp(kind, "rank") && (!strcmp(fmt, "paper") || o->print || o->pdf))
		status |= paper(app, s, center, &r, o, !strcmp(fmt, "paper"));
	char money[24], t[40];
	if (r.closed)
		fprintf(stderr, _("closed (月结) by %s at %s; 台账校验码 %.16s (event %lld)\n"), r.closed_by,
			bm_time_format(r.closed_at, t), r.close_hash, (long long)r.close_event);
	else if (m)
		fprintf(stderr, _("not closed (月结): figures as of %s\n"),
			bm_day_format(today < r.last ? today : r.last, t));
	fprintf(stderr, _("fees %s yuan"), bm_money_format(r.fees_fen, money));
	fprintf(stderr, _(", handed in (上缴) %s yuan\n"), bm_money_format(r.handed_fen, money));
	lc_report_free(&r);
	return status;
}

/* `report refusals [DATE]`: 否定报备, the supervisor's daily list. */
static int refusals(bm_app *app, const char *who, const char *date)
{
	bm_day day = bm_time_day(app->now);
	if (date && !bm_day_parse(date, &day))
		return cli_usage(_(USAGE), true, 2);
	bm_store *s;
	bm_clerk me;
	int rc = cli_session(app, who, "BIANMIN_PIN", &s, &me);
	if (rc)
		return rc;
	bool sup = auth_can(&me, ROLE_SUPERVISOR);
	auth_clerk_free(&me);
	if (!sup) {
		fprintf(stderr, "%s\n", _("bianmin report: the refusals (否定报备) are for supervisors and admins"));
		return 1;
	}
	lc_refusal *v;
	size_t n;
	bm_error err = {0};
	if (lifecycle_refusals(s, day, &v, &n, &err))
		return cli_error("report", &err);
	static const char *const kinds[] = { "不予受理", "退回", "不予许可" };
	for (size_t i = 0; i < n; i++) {
		char t[40];
		bm_time_format(v[i].at, t);
		printf("%.16s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", t, v[i].no, kinds[v[i].kind], v[i].item_name,
		       v[i].applicant, v[i].clerk, v[i].approver ? v[i].approver : "-", v[i].reason ? v[i].reason : "");
	}
	char d[11];
	fprintf(stderr, _("%s: %zu refusals (否定报备)\n"), bm_day_format(day, d), n);
	lc_refusals_free(v, n);
	return 0;
}

int cli_report_period(bm_app *app, int argc, char **argv)
{
	enum { O_CLOSE = 256, O_PRINT, O_PDF, O_CSV, O_FORCE };
	static const struct option opts[] = {
		{"clerk", required_argument, NULL, 'k'},
		{"format", required_argument, NULL, 'f'},
		{"close", no_argument, NULL, O_CLOSE},
		{"print", no_argument, NULL, O_PRINT},
		{"pdf", required_argument, NULL, O_PDF},
		{"csv", required_argument, NULL, O_CSV},
		{"force", no_argument, NULL, O_FORCE},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	popts o = {0};
	int c;
	optind = 0;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'k': o.who = optarg; break;
		case 'f': o.format = optarg; break;
		case O_CLOSE: o.close = true; break;
		case O_PRINT: o.print = true; break;
		case O_PDF: o.pdf = optarg; break;
		case O_CSV: o.csv = optarg; break;
		case O_FORCE: force_write = true; break;
		case 'h': return cli_usage(_(USAGE), false, 0);
		default: return cli_usage(_(USAGE), true, 2);
		}
	}
	int y, m, q;
	const char *kind = argv[0];
	if (!strcmp(kind, "refusals") && argc - optind <= 1)
		return refusals(app, o.who, argc - optind == 1 ? argv[optind] : NULL);
	if (argc - optind != 1 || !parse_period(kind, argv[optind], &y, &m, &q) ||
	    (o.format && strcmp(o.format, "table") && strcmp(o.format, "tsv") && strcmp(o.format, "csv") &&
	     strcmp(o.format, "paper")))
		return cli_usage(_(USAGE), true, 2);
	return run(app, kind, y, m, q, &o);
}
