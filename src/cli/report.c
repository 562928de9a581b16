/* report.c - `bianmin report month YYYY-MM`: the month's figures (统计)
 * for the supervisor: 受理, 办结, 办结率, 退回, 超期, 二次告知, 差评, by
 * window and by item (lifecycle_report_month). */
#include "ledger_cli.h"
#include "bianmin/agent.h"
#include "bianmin/ledger.h"
#include "bianmin/lifecycle.h"
#include "bianmin/print.h"
#include "bianmin/slip.h"
#include "bianmin/text.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const USAGE = N_(
	"usage: bianmin report month YYYY-MM [--format table|tsv] [--clerk CODE]\n"
	"       bianmin report day [YYYY-MM-DD] [--all] [--close] [--print] [--pdf FILE]\n"
	"                          [--reprint] [--clerk CODE]\n"
	"\n"
	"day: 日结, the day's receipts (default today) of the logged-in clerk, or\n"
	"of the whole center with --all (supervisors), voided ones marked and not\n"
	"in the total; the 日结单 (forms/daily_close.tmpl) as text on stdout, to\n"
	"the printer or spool with --print, as PDF with --pdf.  --close records in\n"
	"the ledger that the day was closed (once per day and clerk).\n"
	"\n"
	"month: the month's figures, by window and by item: received (受理), completed\n"
	"(办结), completion rate (办结率 = completed / received), returned, overdue\n"
	"(completed late, or open and overdue at the month's end, pauses excluded),\n"
	"notice breaches (二次告知) and bad ratings (不满意, 非常不满意).\n"
	"Supervisors and admins only.  PIN from BIANMIN_PIN or the terminal.\n");

enum { NCOL = 9 };

static void row_cells(const lc_report_row *r, const char *a, const char *b, char num[7][16], const char **cells)
{
	int rate = lc_completion_rate(r);
	snprintf(num[0], 16, "%d", r->received);
	snprintf(num[1], 16, "%d", r->completed);
	snprintf(num[2], 16, "%d.%d%%", rate / 10, rate % 10);
	snprintf(num[3], 16, "%d", r->returned);
	snprintf(num[4], 16, "%d", r->overdue);
	snprintf(num[5], 16, "%d", r->breaches);
	snprintf(num[6], 16, "%d", r->bad_ratings);
	cells[0] = a;
	cells[1] = b;
	for (int i = 0; i < 7; i++)
		cells[2 + i] = num[i];
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

/* `report day`: 日结. */
typedef struct day_opts {
	const char *date, *pdf;
	bool all, close, print, reprint;
} day_opts;

static int report_day(bm_app *app, const char *who, const day_opts *o)
{
	bm_day day = bm_time_day(app->now);
	if (o->date && !bm_day_parse(o->date, &day))
		return cli_usage(_(USAGE), true, 2);
	bm_center *center = cli_center(app);
	if (!center)
		return 1;
	bm_store *s;
	bm_clerk me;
	int rc = cli_session(app, who, "BIANMIN_PIN", &s, &me);
	if (rc)
		return rc;
	bm_error err = {0};
	day_sheet sh;
	if (o->all && !auth_can(&me, ROLE_SUPERVISOR)) {
		fprintf(stderr, "%s\n", _("bianmin report: the whole center's day is for supervisors and admins"));
		auth_clerk_free(&me);
		return 1;
	}
	if (ledger_day(s, day, o->all ? NULL : me.code, &sh, &err)) {
		auth_clerk_free(&me);
		return cli_error("report", &err);
	}
	int status = 0;
	if (o->close && ledger_day_close(s, &me, &sh, app->now, &err))
		status = cli_error("report", &err);
	bm_diags d = {0};
	slip_form *f = status ? NULL : slip_load_form(app->paths.forms, "daily_close", &d);
	cli_print_diags(&d);
	diags_free(&d);
	if (!f && !status)
		status = 1;
	if (f) {
		struct slip_ctx *ctx = ledger_day_context(&sh, center, &me, app->now, o->reprint);
		slip_doc *doc = slip_eval(f, ctx);
		const bm_output *out = center_output(center, "daily_close");
		char dd[11], no[64];
		snprintf(no, sizeof no, "DAY-%s-%s", bm_day_format(day, dd), o->all ? "all" : me.code);
		if (!o->print && !o->pdf) {
			char *text = slip_doc_text(doc, out->width > 0 ? out->width : 80);
			fputs(text, stdout);
			free(text);
		}
		if (o->print)
			status |= cli_send_paper(center, store_path(s), out, no, "daily_close", slip_title(f), doc,
						 app->now);
		if (o->pdf) {
			bm_buf pdf = {0};
			FILE *pf = NULL;
			if (slip_doc_pdf(doc, &pdf, &err) != BM_OK)
				status = cli_error("report", &err);
			else if (!(pf = fopen(o->pdf, "wb")) || fwrite(pdf.data, 1, pdf.len, pf) != pdf.len) {
				fprintf(stderr, _("bianmin: cannot write %s\n"), o->pdf);
				status = 1;
			}
			if (pf && fclose(pf) != 0)
				status = 1;
			bm_buf_free(&pdf);
		}
		char money[24];
		fprintf(stderr, _("%s: %d receipts, %s yuan%s\n"), bm_day_format(day, dd), sh.count,
			bm_money_format(sh.total_fen, money), sh.closed ? _(" (closed)") : _(" (not closed)"));
		slip_doc_free(doc);
		slip_ctx_free(ctx);
		slip_free(f);
	}
	day_sheet_free(&sh);
	auth_clerk_free(&me);
	return status;
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

int cli_report(bm_app *app, int argc, char **argv)
{
	enum { O_ALL = 256, O_CLOSE, O_PRINT, O_PDF, O_REPRINT };
	static const struct option opts[] = {
		{"clerk", required_argument, NULL, 'k'},
		{"format", required_argument, NULL, 'f'},
		{"all", no_argument, NULL, O_ALL},
		{"close", no_argument, NULL, O_CLOSE},
		{"print", no_argument, NULL, O_PRINT},
		{"pdf", required_argument, NULL, O_PDF},
		{"reprint", no_argument, NULL, O_REPRINT},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *who = NULL, *format = "table";
	day_opts dopt = {0};
	int c;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'k': who = optarg; break;
		case 'f': format = optarg; break;
		case O_ALL: dopt.all = true; break;
		case O_CLOSE: dopt.close = true; break;
		case O_PRINT: dopt.print = true; break;
		case O_PDF: dopt.pdf = optarg; break;
		case O_REPRINT: dopt.reprint = true; break;
		case 'h': return cli_usage(_(USAGE), false, 0);
		default: return cli_usage(_(USAGE), true, 2);
		}
	}
	if (argc - optind >= 1 && argc - optind <= 2 && strcmp(argv[optind], "day") == 0) {
		dopt.date = argc - optind == 2 ? argv[optind + 1] : NULL;
		return report_day(app, who, &dopt);
	}
	int y, m;
	char extra;
	if (argc - optind != 2 || strcmp(argv[optind], "month") != 0 ||
	    sscanf(argv[optind + 1], "%4d-%2d%c", &y, &m, &extra) != 2 || m < 1 || m > 12 ||
	    (strcmp(format, "table") && strcmp(format, "tsv")))
		return cli_usage(_(USAGE), true, 2);
	bm_diags d = {0};
	bm_calendar *cal = app_calendar(app, &d);
	if (!cal) {
		cli_print_diags(&d);
		diags_free(&d);
		return 1;
	}
	diags_free(&d);
	bm_store *s;
	bm_clerk me;
	int rc = cli_session(app, who, "BIANMIN_PIN", &s, &me);
	if (rc)
		return rc;
	bool sup = auth_can(&me, ROLE_SUPERVISOR);
	auth_clerk_free(&me);
	if (!sup) {
		fprintf(stderr, "%s\n", _("bianmin report: the month's figures are for supervisors and admins"));
		return 1;
	}
	lc_report r;
	bm_error err = {0};
	if (lifecycle_report_month(s, cal, y, m, bm_time_day(app->now), &r, &err))
		return cli_error("report", &err);
	size_t rows = 1 + r.n_windows + r.n_items + 1;
	const char **cells = bm_xcalloc(rows * NCOL, sizeof *cells);
	char (*num)[7][16] = bm_xcalloc(rows, sizeof *num);
	const char *head[NCOL] = { _("window"), _("item"), _("received"), _("completed"), _("rate"),
				   _("returned"), _("overdue"), _("breaches"), _("bad ratings") };
	memcpy(cells, head, sizeof head);
	size_t i = 1;
	for (size_t k = 0; k < r.n_windows; k++, i++)
		row_cells(&r.windows[k], r.windows[k].window, "*", num[i], cells + i * NCOL);
	for (size_t k = 0; k < r.n_items; k++, i++)
		row_cells(&r.items[k], r.items[k].window, r.items[k].item_code, num[i], cells + i * NCOL);
	row_cells(&r.total, _("total"), "*", num[i], cells + i * NCOL);
	printf(_("Month %04d-%02d\n"), y, m);
	print_rows(cells, rows, strcmp(format, "table") == 0);
	if (strcmp(format, "table") == 0)
		print_agent_figures(s, y, m);   /* 代办件 by village and by agent */
	free(cells);
	free(num);
	lc_report_free(&r);
	return 0;
}
