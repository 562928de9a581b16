/* foundation.c - check-catalog, workdays, check-id: the catalog, the
 * calendar and the ID checks, from the command line. */
#include "bianmin/cli.h"
#include "bianmin/idno.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const struct option help_only[] = {
	{"help", no_argument, NULL, 'h'},
	{NULL, 0, NULL, 0},
};

/* Parse just --help; returns -1 to go on, else an exit status. */
static int parse_help(int argc, char **argv, const char *usage)
{
	int c;
	while ((c = getopt_long(argc, argv, "+h", help_only, NULL)) != -1) {
		if (c == 'h')
			return cli_usage(usage, false, 0);
		return cli_usage(usage, true, 2);
	}
	return -1;
}

int cli_check_catalog(bm_app *app, int argc, char **argv)
{
	const char *usage = _("usage: bianmin check-catalog [FILE...]\n"
			      "Load and check catalog files (default: the configured catalog).\n"
			      "Prints 'N items, M materials: ok', or every mistake as FILE:LINE:COL.\n");
	int st = parse_help(argc, argv, usage);
	if (st >= 0)
		return st;
	char *deflt[] = {app->paths.catalog};
	char **files = optind < argc ? argv + optind : deflt;
	int n = optind < argc ? argc - optind : 1;
	int status = 0;
	for (int i = 0; i < n; i++) {
		bm_diags d = {0};
		bm_catalog *cat = catalog_load(files[i], &d);
		cli_print_diags(&d);
		if (cat) {
			if (n > 1)
				printf("%s: ", files[i]);
			printf(_("%zu items, %zu materials: ok\n"), cat->n_items, cat->n_materials);
			catalog_free(cat);
		} else {
			fprintf(stderr, _("%s: %d error(s)\n"), files[i], d.errors);
			status = 1;
		}
		diags_free(&d);
	}
	return status;
}

/* A non-negative integer argument, or -1. */
static int parse_count(const char *s)
{
	if (!s || !*s)
		return -1;
	long v = 0;
	for (const char *p = s; *p; p++) {
		if (*p < '0' || *p > '9' || v > 100000)
			return -1;
		v = v * 10 + (*p - '0');
	}
	return (int)v;
}

int cli_workdays(bm_app *app, int argc, char **argv)
{
	const char *usage = _("usage: bianmin workdays DATE N      the N-th working day after DATE\n"
			      "       bianmin workdays DATE DATE   working days from the first date (excluded)\n"
			      "                                    to the second (included)\n"
			      "Dates are YYYY-MM-DD; holidays and make-up workdays come from the holiday file.\n");
	int st = parse_help(argc, argv, usage);
	if (st >= 0)
		return st;
	if (argc - optind != 2)
		return cli_usage(usage, true, 2);
	bm_day from, to;
	if (!bm_day_parse(argv[optind], &from)) {
		fprintf(stderr, _("bianmin workdays: '%s' is not a date (YYYY-MM-DD)\n"), argv[optind]);
		return 2;
	}
	bm_diags d = {0};
	bm_calendar *cal = app_calendar(app, &d);
	cli_print_diags(&d);
	diags_free(&d);
	if (!cal)
		return 1;
	bool uncertain = false;
	char buf[16];
	const char *second = argv[optind + 1];
	if (bm_day_parse(second, &to)) {
		printf("%d\n", calendar_workdays_between(cal, from, to, &uncertain));
	} else {
		int n = parse_count(second);
		if (n < 0) {
			fprintf(stderr, _("bianmin workdays: '%s' is neither a date nor a number of days\n"), second);
			return 2;
		}
		printf("%s\n", bm_day_format(calendar_add_workdays(cal, from, n, &uncertain), buf));
	}
	if (uncertain)
		fprintf(stderr, _("bianmin workdays: provisional (暂定): the holiday file %s does not cover every year "
				  "in this range; there only the statutory holidays (元旦, 春节, 清明, 劳动节, 端午, 中秋, 国庆) "
				  "were taken off, make-up workdays are unknown\n"),
			app->paths.holidays);
	return 0;
}

int cli_check_id(bm_app *app, int argc, char **argv)
{
	const char *usage = _("usage: bianmin check-id [--uscc] NUMBER\n"
			      "Check an 18-digit resident ID (GB 11643), or a unified social credit\n"
			      "code (GB 32100) with --uscc or when it has a credit code's shape\n"
			      "(letters beyond a final X, characters 2-8 digits).  Full-width digits\n"
			      "are read as digits.  Prints 'ok' or which check failed; exit 0 or 1.\n");
	static const struct option opts[] = {
		{"help", no_argument, NULL, 'h'},
		{"uscc", no_argument, NULL, 'u'},
		{NULL, 0, NULL, 0},
	};
	bool uscc = false;
	int c;
	while ((c = getopt_long(argc, argv, "+hu", opts, NULL)) != -1) {
		if (c == 'h')
			return cli_usage(usage, false, 0);
		if (c == 'u')
			uscc = true;
		else
			return cli_usage(usage, true, 2);
	}
	if (argc - optind != 1)
		return cli_usage(usage, true, 2);
	const char *num = argv[optind];
	char norm[64], msg[256];
	if (uscc || idno_looks_like_uscc(num)) {
		uscc_status s = idno_check_uscc(num, norm, msg, sizeof msg);
		if (s == USCC_OK) {
			puts("ok");
			return 0;
		}
		printf("%s\n", msg);
		return 1;
	}
	idno_status s = idno_check_resident(num, bm_time_day(app->now), norm, msg, sizeof msg);
	if (s == IDNO_OK) {
		puts("ok");
		return 0;
	}
	printf("%s\n", msg);
	return 1;
}
