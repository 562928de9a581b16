/* county.c - `bianmin sync` (this center's ledger to the county server)
 * and `bianmin county init|report` (the county's schema and figures).
 * The server is PostgreSQL, named by center.yaml's county: key or --to. */
#include "ledger_cli.h"
#include "bianmin/county.h"
#include "bianmin/store.h"
#include "bianmin/text.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const SYNC_USAGE = N_(
	"usage: bianmin sync [--to URI] [--batch N]\n"
	"\n"
	"Send what is new in this center's ledger (events with their hashes, and\n"
	"the case, receipt and clerk rows) to the county database: center.yaml's\n"
	"county: address, or --to (a libpq URI, postgresql://USER:PASSWORD@HOST/DB).\n"
	"One server transaction per batch of N events (default 5000); a sync\n"
	"that stops half-way is finished by the next.  Reads a snapshot: the\n"
	"counters keep working meanwhile.  A ledger that does not continue what\n"
	"the county holds (restored from an old backup, edited, or another\n"
	"center's code) is refused, naming the first event that differs.\n");

static const char *const COUNTY_USAGE = N_(
	"usage: bianmin county init [--to URI]\n"
	"       bianmin county report month YYYY-MM | quarter YYYY-Qn | year YYYY\n"
	"                             [--center CODE] [--format table|tsv|csv] [--to URI]\n"
	"\n"
	"init: create or migrate the county database's schema (numbered,\n"
	"forward-only migrations) and load the working-day calendar from\n"
	"holidays.yaml.\n"
	"\n"
	"report: the figures of every center over the county database, with the\n"
	"month report's definitions (received, completed, rate, returned, overdue,\n"
	"breaches, bad ratings, refused, negatives, extensions; as of the period's\n"
	"end) by center, window and item, each center's total,\n"
	"the county's windows and total; rank: the centers' and the windows' place\n"
	"by completion rate.  csv is UTF-8 with a byte-order mark and CRLF lines.\n");

/* The county address: --to, else center.yaml's county: key. */
static const char *county_uri(bm_app *app, const char *to)
{
	if (to && *to)
		return to;
	const bm_center *c = cli_center(app);
	if (!c)
		return NULL;
	if (!c->county || !*c->county) {
		fprintf(stderr, "%s\n", _("bianmin: no county database is named; add \"county: postgresql://...\" to center.yaml, or give --to URI"));
		return NULL;
	}
	return c->county;
}

static int connect_to(const char *cmd, const char *uri, county_conn **c)
{
	bm_error err = {0};
	if (county_connect(uri, c, &err))
		return cli_error(cmd, &err);
	return 0;
}

int cli_sync(bm_app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{"to", required_argument, NULL, 't'},
		{"batch", required_argument, NULL, 'b'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *to = NULL;
	county_sync_opts o = {0};
	int ch;
	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (ch) {
		case 't': to = optarg; break;
		case 'b': {
			char *end;
			long v = strtol(optarg, &end, 10);
			if (*end || v < 1 || v > 1000000)
				return cli_usage(_(SYNC_USAGE), true, 2);
			o.batch = (int)v;
			break;
		}
		case 'h': return cli_usage(_(SYNC_USAGE), false, 0);
		default: return cli_usage(_(SYNC_USAGE), true, 2);
		}
	}
	if (optind != argc)
		return cli_usage(_(SYNC_USAGE), true, 2);
	bm_center *c0 = cli_center(app);   /* the center's code and name are needed either way */
	if (!c0)
		return 1;
	const char *uri = county_uri(app, to);
	if (!uri)
		return 1;
	bm_error err = {0};
	bm_store *s = app_store(app, &err);
	if (!s)
		return cli_error("sync", &err);
	county_conn *c;
	if (connect_to("sync", uri, &c))
		return 1;
	county_sync_result r;
	int rc = county_sync(c, s, c0, &o, &r, &err);
	county_close(c);
	if (rc) {
		if (r.batches)
			fprintf(stderr, _("bianmin sync: %ld batches (%ld events) were stored before the failure; center %s is at event %lld on the county server.\n"),
				r.batches, r.events, c0->code, (long long)r.head);
		return cli_error("sync", &err);
	}
	if (!r.events)
		printf(_("sync: nothing new; center %s is at event %lld on the county server.\n"), c0->code,
		       (long long)r.head);
	else
		printf(_("sync: sent %ld events in %ld batches, %ld cases, %ld receipts, %ld clerks; center %s is at event %lld on the county server.\n"),
		       r.events, r.batches, r.cases, r.receipts, r.clerks, c0->code, (long long)r.head);
	return 0;
}

/* ---- county init --------------------------------------------------------- */
static int county_init_cmd(bm_app *app, const char *to)
{
	const char *uri = county_uri(app, to);
	if (!uri)
		return 1;
	bm_diags d = {0};
	bm_calendar *cal = app_calendar(app, &d);
	cli_print_diags(&d);
	diags_free(&d);
	if (!cal)
		return 1;
	county_conn *c;
	if (connect_to("county", uri, &c))
		return 1;
	bm_error err = {0};
	int from, now;
	int rc = county_init(c, cal, &from, &now, &err);
	county_close(c);
	if (rc)
		return cli_error("county", &err);
	if (from == now)
		printf(_("county: the schema is up to date (version %d); calendar loaded.\n"), now);
	else
		printf(_("county: schema migrated from version %d to %d; calendar loaded.\n"), from, now);
	return 0;
}

/* ---- county report ------------------------------------------------------- */
enum { NCOL = 14 };

typedef struct table {
	char **cells;            /* rows * NCOL, owned */
	size_t rows;
} table;

static void cell_rows(table *t, const county_report *rep)
{
	t->rows = rep->n + 1;
	t->cells = bm_xcalloc(t->rows * NCOL, sizeof *t->cells);
	const char *head[NCOL] = { _("center"), _("window"), _("item"), _("received"), _("completed"), _("rate"),
				   _("returned"), _("overdue"), _("breaches"), _("bad ratings"), _("refused"),
				   _("negatives"), _("extensions"), _("rank") };
	for (int k = 0; k < NCOL; k++)
		t->cells[k] = bm_xstrdup(head[k]);
	for (size_t i = 0; i < rep->n; i++) {
		const county_row *x = &rep->rows[i];
		char **c = t->cells + (i + 1) * NCOL, num[16];
		int rate = lc_completion_rate(&x->r);
		c[0] = bm_xstrdup(x->center ? x->center : _("county"));
		c[1] = bm_xstrdup(x->r.window ? x->r.window : _("total"));
		c[2] = bm_xstrdup(x->r.item_code ? x->r.item_code : "*");
		int v[10] = { x->r.received, x->r.completed, 0, x->r.returned, x->r.overdue, x->r.breaches,
			      x->r.bad_ratings, x->r.refused, x->r.negatives, x->r.extensions };
		for (int k = 0; k < 10; k++) {
			if (k == 2)
				snprintf(num, sizeof num, "%d.%d%%", rate / 10, rate % 10);
			else
				snprintf(num, sizeof num, "%d", v[k]);
			c[3 + k] = bm_xstrdup(num);
		}
		snprintf(num, sizeof num, "%d", x->rank);
		c[13] = bm_xstrdup(x->rank ? num : "");
	}
}

static void csv_field(const char *s, bool last)
{
	bool quote = strpbrk(s, ",\"\r\n") != NULL;
	if (quote) {
		putchar('"');
		for (const char *p = s; *p; p++) {
			if (*p == '"')
				putchar('"');
			putchar(*p);
		}
		putchar('"');
	} else {
		fputs(s, stdout);
	}
	fputs(last ? "\r\n" : ",", stdout);
}

static void print_table(const table *t, const char *format)
{
	if (strcmp(format, "csv") == 0) {
		fputs("\xEF\xBB\xBF", stdout);   /* BOM: spreadsheet programs then read UTF-8 */
		for (size_t i = 0; i < t->rows; i++)
			for (int k = 0; k < NCOL; k++)
				csv_field(t->cells[i * NCOL + k], k == NCOL - 1);
		return;
	}
	bool tsv = strcmp(format, "tsv") == 0;
	int w[NCOL] = {0};
	for (size_t i = 0; i < t->rows; i++)
		for (int k = 0; k < NCOL; k++) {
			int x = text_width(t->cells[i * NCOL + k]);
			if (x > w[k])
				w[k] = x;
		}
	for (size_t i = 0; i < t->rows; i++)
		for (int k = 0; k < NCOL; k++) {
			const char *c = t->cells[i * NCOL + k];
			if (tsv) {
				printf("%s%c", c, k == NCOL - 1 ? '\n' : '\t');
			} else {
				char *p = k < 3 ? text_pad(c, w[k], false) : text_pad_left(c, w[k]);
				printf("%s%s", p, k == NCOL - 1 ? "\n" : "  ");
				free(p);
			}
		}
}

/* month YYYY-MM, quarter YYYY-Qn, year YYYY -> [first, last] and a title */
static bool parse_period(const char *kind, const char *arg, bm_day *first, bm_day *last, char *title, size_t tn)
{
	int y, m = 1, q = 1, months;
	char extra;
	if (strcmp(kind, "month") == 0) {
		if (sscanf(arg, "%4d-%2d%c", &y, &m, &extra) != 2 || m < 1 || m > 12)
			return false;
		months = 1;
		snprintf(title, tn, _("Month %04d-%02d\n"), y, m);
	} else if (strcmp(kind, "quarter") == 0) {
		if ((sscanf(arg, "%4d-Q%1d%c", &y, &q, &extra) != 2 && sscanf(arg, "%4d-q%1d%c", &y, &q, &extra) != 2) ||
		    q < 1 || q > 4)
			return false;
		m = 3 * (q - 1) + 1;
		months = 3;
		snprintf(title, tn, _("Quarter %04d-Q%d\n"), y, q);
	} else if (strcmp(kind, "year") == 0) {
		if (sscanf(arg, "%4d%c", &y, &extra) != 1)
			return false;
		months = 12;
		snprintf(title, tn, _("Year %04d\n"), y);
	} else {
		return false;
	}
	int ny = y + (m - 1 + months) / 12, nm = (m - 1 + months) % 12 + 1;
	bm_day next;
	if (y < 1900 || !bm_day_from_ymd(y, m, 1, first) || !bm_day_from_ymd(ny, nm, 1, &next))
		return false;
	*last = next - 1;
	return true;
}

static int county_report_cmd(bm_app *app, const char *to, const char *kind, const char *arg, const char *only,
			     const char *format)
{
	bm_day first, last;
	char title[64];
	if (!parse_period(kind, arg, &first, &last, title, sizeof title) ||
	    (strcmp(format, "table") && strcmp(format, "tsv") && strcmp(format, "csv")))
		return cli_usage(_(COUNTY_USAGE), true, 2);
	bm_day today = bm_time_day(app->now);
	if (today < last)
		last = today;   /* the current period stops at today, as the center's report */
	const char *uri = county_uri(app, to);
	if (!uri)
		return 1;
	county_conn *c;
	if (connect_to("county", uri, &c))
		return 1;
	county_report rep;
	bm_error err = {0};
	int rc = county_report_figures(c, first, last, only, &rep, &err);
	county_close(c);
	if (rc)
		return cli_error("county", &err);
	table t;
	cell_rows(&t, &rep);
	if (strcmp(format, "csv") != 0)
		fputs(title, stdout);
	print_table(&t, format);
	for (size_t i = 0; i < t.rows * NCOL; i++)
		free(t.cells[i]);
	free(t.cells);
	county_report_free(&rep);
	return 0;
}

int cli_county(bm_app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{"to", required_argument, NULL, 't'},
		{"center", required_argument, NULL, 'c'},
		{"format", required_argument, NULL, 'f'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *to = NULL, *only = NULL, *format = "table";
	int ch;
	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (ch) {
		case 't': to = optarg; break;
		case 'c': only = optarg; break;
		case 'f': format = optarg; break;
		case 'h': return cli_usage(_(COUNTY_USAGE), false, 0);
		default: return cli_usage(_(COUNTY_USAGE), true, 2);
		}
	}
	int n = argc - optind;
	if (n == 1 && strcmp(argv[optind], "init") == 0)
		return county_init_cmd(app, to);
	if (n == 3 && strcmp(argv[optind], "report") == 0)
		return county_report_cmd(app, to, argv[optind + 1], argv[optind + 2], only, format);
	return cli_usage(_(COUNTY_USAGE), true, 2);
}
