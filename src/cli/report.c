/* report.c - `bianmin report month YYYY-MM`: the month's figures (统计)
 * for the supervisor: 受理, 办结, 办结率, 退回, 超期, 二次告知, 差评, by
 * window and by item (lifecycle_report_month). */
#include "ledger_cli.h"
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
	"usage: bianmin report month|quarter|year|rank PERIOD ... (report month --help)\n"
	"       bianmin report day [YYYY-MM-DD] [--all] [--close] [--print]\n"
	"                          [--pdf FILE [--force]] [--reprint] [--clerk CODE]\n"
	"       bianmin report handin [YYYY-MM-DD] --amount YUAN --to WHOM --slip NO\n"
	"                          [--clerk CODE]\n"
	"\n"
	"day: 日结, the day's receipts (default today) of the logged-in clerk, or\n"
	"of the whole center with --all (supervisors), voided ones marked and not\n"
	"in the total; the 日结单 (forms/daily_close.tmpl) as text on stdout, to\n"
	"the printer or spool with --print, as PDF with --pdf.  --close records in\n"
	"the ledger that the day was closed (once per day and clerk).  A closed day\n"
	"stays as it was closed; a fee taken after it goes to the next day's close\n"
	"(marked 日结后收取), a fee of a closed day given back later is a 退费 line\n"
	"of the day it was given back.\n"
	"\n"
	"handin: 上缴, the money handed in for the day (default today): amount,\n"
	"to whom (bank or finance office) and the bank slip number; on the ledger,\n"
	"shown on the 日结单 and in the month.\n"
	"\n"
	"month, quarter, year, rank: the figures (see bianmin report month --help).\n"
	"PIN from BIANMIN_PIN or the terminal.\n");

/* `report day`: 日结. */
typedef struct day_opts {
	const char *date, *pdf;
	bool all, close, print, reprint, force;
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
	/* a PDF that would be refused is said before the day is closed */
	if (file_check_new(o->pdf, o->force, &err)) {
		day_sheet_free(&sh);
		auth_clerk_free(&me);
		return cli_error("report", &err);
	}
	if (o->close && ledger_day_close(s, &me, &sh, app->now, &err))
		status = cli_error("report", &err);
	if (!status) {
		struct slip_ctx *ctx = ledger_day_context(&sh, center, &me, app->now, o->reprint);
		char dd[11], no[64];
		snprintf(no, sizeof no, "DAY-%s-%s", bm_day_format(day, dd), o->all ? "all" : me.code);
		/* on stdout unless it goes to the printer or a PDF */
		cli_paper_to to = { .text = !o->print && !o->pdf ? "-" : NULL, .pdf = o->pdf, .send = o->print,
				    .force = o->force };
		status |= cli_paper_doc(app, center, s, "report", "daily_close", no, ctx, &to);
		char money[24];
		fprintf(stderr, _("%s: %d receipts, %s yuan%s\n"), bm_day_format(day, dd), sh.count,
			bm_money_format(sh.total_fen, money), sh.closed ? _(" (closed)") : _(" (not closed)"));
		if (sh.handed_fen)
			fprintf(stderr, _("%s: handed in (上缴) %s yuan\n"), dd, bm_money_format(sh.handed_fen, money));
		slip_ctx_free(ctx);
	}
	day_sheet_free(&sh);
	auth_clerk_free(&me);
	return status;
}

/* `report handin`: 上缴. */
static int report_handin(bm_app *app, const char *who, const char *date, const char *amount, const char *to,
			 const char *slip)
{
	bm_day day = bm_time_day(app->now);
	int64_t fen;
	if ((date && !bm_day_parse(date, &day)) || !amount || !bm_money_parse(amount, &fen))
		return cli_usage(_(USAGE), true, 2);
	bm_store *s;
	bm_clerk me;
	int rc = cli_session(app, who, "BIANMIN_PIN", &s, &me);
	if (rc)
		return rc;
	bm_error err = {0};
	rc = ledger_handin(s, &me, day, fen, to, slip, app->now, &err);
	if (rc) {
		auth_clerk_free(&me);
		return cli_error("report", &err);
	}
	char d[11], m[24];
	printf("%s\t%s\t%s\t%s\t%s\n", bm_day_format(day, d), me.code, bm_money_format(fen, m), to, slip);
	auth_clerk_free(&me);
	return 0;
}

int cli_report(bm_app *app, int argc, char **argv)
{
	/* the periods: report_period.c */
	if (argc >= 2 && (!strcmp(argv[1], "month") || !strcmp(argv[1], "quarter") || !strcmp(argv[1], "year") ||
			  !strcmp(argv[1], "rank") || !strcmp(argv[1], "refusals")))
		return cli_report_period(app, argc - 1, argv + 1);
	enum { O_ALL = 256, O_CLOSE, O_PRINT, O_PDF, O_REPRINT, O_AMOUNT, O_TO, O_SLIP, O_FORCE };
	static const struct option opts[] = {
		{"clerk", required_argument, NULL, 'k'},
		{"all", no_argument, NULL, O_ALL},
		{"close", no_argument, NULL, O_CLOSE},
		{"print", no_argument, NULL, O_PRINT},
		{"pdf", required_argument, NULL, O_PDF},
		{"reprint", no_argument, NULL, O_REPRINT},
		{"force", no_argument, NULL, O_FORCE},
		{"amount", required_argument, NULL, O_AMOUNT},
		{"to", required_argument, NULL, O_TO},
		{"slip", required_argument, NULL, O_SLIP},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *who = NULL, *amount = NULL, *to = NULL, *slip = NULL;
	day_opts dopt = {0};
	int c;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'k': who = optarg; break;
		case O_ALL: dopt.all = true; break;
		case O_CLOSE: dopt.close = true; break;
		case O_PRINT: dopt.print = true; break;
		case O_PDF: dopt.pdf = optarg; break;
		case O_REPRINT: dopt.reprint = true; break;
		case O_FORCE: dopt.force = true; break;
		case O_AMOUNT: amount = optarg; break;
		case O_TO: to = optarg; break;
		case O_SLIP: slip = optarg; break;
		case 'h': return cli_usage(_(USAGE), false, 0);
		default: return cli_usage(_(USAGE), true, 2);
		}
	}
	if (argc - optind >= 1 && argc - optind <= 2 && strcmp(argv[optind], "handin") == 0)
		return report_handin(app, who, argc - optind == 2 ? argv[optind + 1] : NULL, amount, to, slip);
	if (argc - optind >= 1 && argc - optind <= 2 && strcmp(argv[optind], "day") == 0) {
		dopt.date = argc - optind == 2 ? argv[optind + 1] : NULL;
		return report_day(app, who, &dopt);
	}
	return cli_usage(_(USAGE), true, 2);
}
