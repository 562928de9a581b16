/* book.c - `bianmin book`: the center's other books (register.h) from the
 * command line: add an entry, its steps, lists (督办, a day's
 * appointments), one entry, the month's figures, CSV/TSV export. */
#include "ledger_cli.h"
#include "bianmin/cases.h"
#include "bianmin/print.h"
#include "bianmin/register.h"
#include "bianmin/slip.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const USAGE = N_(
	"usage: bianmin book add BOOK [--clerk CODE] [FIELD OPTIONS]\n"
	"       bianmin book answer NO --answer TEXT [--note TEXT]\n"
	"       bianmin book transfer NO --window W [--due YYYY-MM-DD] [--note TEXT]\n"
	"       bianmin book close NO [--answer TEXT] [--note TEXT]\n"
	"       bianmin book update NO [FIELD OPTIONS]\n"
	"       bianmin book list [BOOK] [--open] [--supervise] [--mine]\n"
	"                         [--day D|--today] [--month YYYY-MM] [--search TEXT]\n"
	"                         [--format text|tsv]\n"
	"       bianmin book show NO\n"
	"       bianmin book figures YYYY-MM|YYYY [--format text|tsv]\n"
	"       bianmin book export BOOK [--month YYYY-MM] [--format csv|tsv]\n"
	"                         [-o FILE [--force]]\n"
	"       bianmin book print NO [-o FILE|- [--force]]\n"
	"\n"
	"Books: consult (咨询, 来信来访来电), complaint (投诉), appointment (预约),\n"
	"visit (上门服务), people (重点人群), extended (延时服务, written by intake).\n"
	"Field options: --person --id --phone --village --subject --answer --window\n"
	"  --named-clerk --channel --flags --date --time --due --ref --went --category\n"
	"  --item CODE (the item's name and window from the catalog).\n"
	"The clerk is --clerk or BIANMIN_CLERK, the PIN from BIANMIN_PIN or the\n"
	"terminal.  See bianmin(1).\n");

enum { O_FIELD = 1000, O_CLERK = 2000, O_NOTE, O_OPEN, O_SUPERVISE, O_MINE, O_DAY, O_TODAY, O_MONTH,
       O_SEARCH, O_FORMAT, O_ITEM, O_OUT, O_FORCE, O_HELP };

static const struct option OPTS[] = {
	{"person", required_argument, NULL, O_FIELD + RF_PERSON},
	{"name", required_argument, NULL, O_FIELD + RF_PERSON},
	{"id", required_argument, NULL, O_FIELD + RF_ID_NO},
	{"phone", required_argument, NULL, O_FIELD + RF_PHONE},
	{"village", required_argument, NULL, O_FIELD + RF_VILLAGE},
	{"subject", required_argument, NULL, O_FIELD + RF_SUBJECT},
	{"needs", required_argument, NULL, O_FIELD + RF_SUBJECT},
	{"answer", required_argument, NULL, O_FIELD + RF_ANSWER},
	{"window", required_argument, NULL, O_FIELD + RF_WINDOW},
	{"named-clerk", required_argument, NULL, O_FIELD + RF_NAMED_CLERK},
	{"channel", required_argument, NULL, O_FIELD + RF_CHANNEL},
	{"flags", required_argument, NULL, O_FIELD + RF_FLAGS},
	{"date", required_argument, NULL, O_FIELD + RF_AT_DAY},
	{"review", required_argument, NULL, O_FIELD + RF_AT_DAY},
	{"time", required_argument, NULL, O_FIELD + RF_AT_TIME},
	{"due", required_argument, NULL, O_FIELD + RF_DUE},
	{"ref", required_argument, NULL, O_FIELD + RF_REF},
	{"went", required_argument, NULL, O_FIELD + RF_EXTRA},
	{"category", required_argument, NULL, O_FIELD + RF_EXTRA},
	{"case", required_argument, NULL, O_FIELD + RF_CASE_NO},
	{"clerk", required_argument, NULL, O_CLERK},
	{"note", required_argument, NULL, O_NOTE},
	{"open", no_argument, NULL, O_OPEN},
	{"supervise", no_argument, NULL, O_SUPERVISE},
	{"overdue", no_argument, NULL, O_SUPERVISE},
	{"mine", no_argument, NULL, O_MINE},
	{"day", required_argument, NULL, O_DAY},
	{"today", no_argument, NULL, O_TODAY},
	{"month", required_argument, NULL, O_MONTH},
	{"search", required_argument, NULL, O_SEARCH},
	{"format", required_argument, NULL, O_FORMAT},
	{"item", required_argument, NULL, O_ITEM},
	{"output", required_argument, NULL, O_OUT},
	{"force", no_argument, NULL, O_FORCE},
	{"help", no_argument, NULL, O_HELP},
	{NULL, 0, NULL, 0},
};

typedef struct book_args {
	const char *fields[RF__COUNT];
	bool given[RF__COUNT];
	const char *clerk, *note, *day, *month, *search, *format, *item, *out;
	bool open, supervise, mine, today, force;
} book_args;

/* Options after the action word (argv[0]) and its positional words. */
static int parse(int argc, char **argv, book_args *a, char **pos, int max_pos, int *n_pos)
{
	memset(a, 0, sizeof *a);
	*n_pos = 0;
	int c;
	optind = 0;
	while ((c = getopt_long(argc, argv, "ho:", OPTS, NULL)) != -1) {
		if (c >= O_FIELD && c < O_FIELD + RF__COUNT) {
			a->fields[c - O_FIELD] = optarg;
			a->given[c - O_FIELD] = true;
			continue;
		}
		switch (c) {
		case O_CLERK: a->clerk = optarg; break;
		case O_NOTE: a->note = optarg; break;
		case O_OPEN: a->open = true; break;
		case O_SUPERVISE: a->supervise = true; break;
		case O_MINE: a->mine = true; break;
		case O_DAY: a->day = optarg; break;
		case O_TODAY: a->today = true; break;
		case O_MONTH: a->month = optarg; break;
		case O_SEARCH: a->search = optarg; break;
		case O_FORMAT: a->format = optarg; break;
		case O_ITEM: a->item = optarg; break;
		case 'o': case O_OUT: a->out = optarg; break;
		case O_FORCE: a->force = true; break;
		case 'h': case O_HELP: return cli_usage(_(USAGE), false, 0);
		default: return cli_usage(_(USAGE), true, 2);
		}
	}
	for (int i = optind; i < argc; i++) {
		if (*n_pos == max_pos)
			return cli_usage(_(USAGE), true, 2);
		pos[(*n_pos)++] = argv[i];
	}
	return -1;
}

static bool month_ok(const char *m, int *y, int *mo)
{
	char tail;
	return m && strlen(m) == 7 && sscanf(m, "%4d-%2d%c", y, mo, &tail) == 2 && *mo >= 1 && *mo <= 12;
}

static void print_entry_line(const reg_entry *e)
{
	bm_reg_state st = REG_RECORDED;
	reg_state_parse(reg_get(e, RF_STATE), &st);
	printf("%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", reg_get(e, RF_NO), reg_get(e, RF_BOOK),
	       cli_chinese() ? reg_state_label(st) : reg_get(e, RF_STATE),
	       e->masked ? _("(confidential)") : reg_get(e, RF_PERSON),
	       reg_get(e, RF_AT_DAY), reg_get(e, RF_AT_TIME), reg_get(e, RF_DUE),
	       reg_get(e, RF_WINDOW), reg_get(e, RF_SUBJECT), reg_get(e, RF_CASE_NO));
}

static void print_entry(const reg_entry *e)
{
	for (int i = 0; i < RF__COUNT; i++) {
		const char *v = reg_get(e, (enum reg_field)i);
		if (e->masked && (i == RF_PERSON || i == RF_PHONE || i == RF_ID_NO))
			v = _("(confidential)");
		if (*v)
			printf("%s\t%s\n", reg_field_key((enum reg_field)i), v);
	}
}

/* A key person's visits and appointments (their ref) and cases (by ID
 * number), as "entry\tNO\tBOOK\tDATE" and "case\tNO\tITEM" lines. */
static void print_links(bm_store *s, const bm_clerk *me, const reg_entry *p)
{
	reg_filter f = {.book = -1, .on_day = BM_NO_DAY, .query = reg_get(p, RF_NO)};
	reg_entry *v;
	size_t n;
	bm_error err = {0};
	if (reg_list(s, me, &f, &v, &n, &err) == BM_OK) {
		for (size_t i = 0; i < n; i++)
			if (!strcmp(reg_get(&v[i], RF_REF), reg_get(p, RF_NO)))
				printf("entry\t%s\t%s\t%s\n", reg_get(&v[i], RF_NO), reg_get(&v[i], RF_BOOK), reg_get(&v[i], RF_AT_DAY));
		reg_entries_free(v, n);
	}
	if (!p->f[RF_ID_NO])
		return;
	case_filter cf = {.query = p->f[RF_ID_NO]};
	case_summary *cs;
	if (case_list(s, &cf, &cs, &n, &err) == BM_OK) {
		for (size_t i = 0; i < n; i++)
			if (cs[i].id_no && !strcmp(cs[i].id_no, p->f[RF_ID_NO]))
				printf("case\t%s\t%s\n", cs[i].no, cs[i].item_name ? cs[i].item_name : "");
		case_summaries_free(cs, n);
	}
}

/* Fill subject and window from a catalog item (预约 an item). */
static int take_item(bm_app *app, book_args *a)
{
	if (!a->item)
		return 0;
	bm_diags d = {0};
	bm_catalog *cat = app_catalog(app, &d);
	cli_print_diags(&d);
	diags_free(&d);
	if (!cat)
		return 1;
	const bm_item *it = catalog_find(cat, a->item);
	if (!it) {
		fprintf(stderr, _("bianmin book: there is no item %s in %s\n"), a->item, cat->path);
		return 1;
	}
	static char subject[512];
	snprintf(subject, sizeof subject, "%s %s", it->code, it->name);
	if (!a->fields[RF_SUBJECT])
		a->fields[RF_SUBJECT] = subject;
	if (!a->fields[RF_WINDOW])
		a->fields[RF_WINDOW] = it->window;
	a->given[RF_SUBJECT] = a->given[RF_WINDOW] = true;
	return 0;
}

static int do_list(bm_store *s, const bm_clerk *me, const book_args *a, const char *bookname, bm_day today)
{
	reg_filter f = {.book = -1, .open_only = a->open, .overdue_only = a->supervise, .today = today,
			.on_day = BM_NO_DAY, .month = a->month, .query = a->search,
			.mine = a->mine ? me->code : NULL};
	bm_book b;
	if (bookname) {
		if (!book_parse(bookname, &b)) {
			fprintf(stderr, _("bianmin book: there is no book '%s' (consult, complaint, appointment, visit, people, extended)\n"), bookname);
			return 2;
		}
		f.book = (int)b;
	}
	if (a->today)
		f.on_day = today;
	if (a->day && !bm_day_parse(a->day, &f.on_day)) {
		fprintf(stderr, _("bianmin book: a date is YYYY-MM-DD, not '%s'\n"), a->day);
		return 2;
	}
	reg_entry *v;
	size_t n;
	bm_error err = {0};
	if (reg_list(s, me, &f, &v, &n, &err))
		return cli_error("book", &err);
	for (size_t i = 0; i < n; i++)
		print_entry_line(&v[i]);
	reg_entries_free(v, n);
	return 0;
}

static int do_figures(bm_store *s, bm_app *app, const book_args *a, const char *month)
{
	int y, m;
	char tail;
	reg_figures f;
	bm_error err = {0};
	bm_day first, end;
	if (month && strlen(month) == 4 && sscanf(month, "%4d%c", &y, &tail) == 1 &&
	    bm_day_from_ymd(y, 1, 1, &first) && bm_day_from_ymd(y + 1, 1, 1, &end)) {
		/* a year: 延时服务的办件量 is a yearly figure */
		if (reg_figures_between(s, first, end, bm_time_day(app->now), &f, &err))
			return cli_error("book", &err);
	} else if (!month_ok(month, &y, &m)) {
		fprintf(stderr, _("bianmin book: a month is YYYY-MM (or a year YYYY), not '%s'\n"), month ? month : "");
		return 2;
	} else if (reg_month_figures(s, y, m, bm_time_day(app->now), &f, &err)) {
		return cli_error("book", &err);
	}
	if (a->format && strcmp(a->format, "tsv") == 0) {
		for (int k = 0; k < BOOK__COUNT; k++)
			printf("%s\t%d\t%d\t%d\t%d\t%d\n", book_key((bm_book)k), f.received[k], f.answered[k],
			       f.transferred[k], f.closed[k], f.late[k]);
		printf("serious\t%d\nwritten\t%d\n", f.serious, f.written);
		for (size_t i = 0; i < f.n_windows; i++)
			printf("window\t%s\t%d\n", f.windows[i].window, f.windows[i].n);
	} else {
		char *t = reg_figures_text(&f);
		fputs(t, stdout);
		free(t);
	}
	reg_figures_free(&f);
	return 0;
}

static int do_export(bm_store *s, const bm_clerk *me, const book_args *a, const char *bookname)
{
	bm_book b;
	int y, m;
	if (!bookname || !book_parse(bookname, &b)) {
		fprintf(stderr, _("bianmin book: there is no book '%s' (consult, complaint, appointment, visit, people, extended)\n"),
			bookname ? bookname : "");
		return 2;
	}
	if (a->month && !month_ok(a->month, &y, &m)) {
		fprintf(stderr, _("bianmin book: a month is YYYY-MM, not '%s'\n"), a->month);
		return 2;
	}
	bool tsv = a->format && strcmp(a->format, "tsv") == 0;
	if (a->format && !tsv && strcmp(a->format, "csv") != 0) {
		fprintf(stderr, _("bianmin book: the export format is csv or tsv, not '%s'\n"), a->format);
		return 2;
	}
	bm_buf out = {0};
	bm_error err = {0};
	if (reg_export(s, me, b, a->month, tsv, &out, &err)) {
		bm_buf_free(&out);
		return cli_error("book", &err);
	}
	/* a file is never written over (or through a symlink) without --force */
	int rc = 0;
	if (a->out && strcmp(a->out, "-") != 0) {
		if (file_write_new(a->out, out.data ? out.data : "", out.len, a->force, &err))
			rc = cli_error("book", &err);
	} else if (fwrite(out.data ? out.data : "", 1, out.len, stdout) != out.len || fflush(stdout) != 0) {
		fprintf(stderr, _("bianmin book: writing %s failed\n"), "stdout");
		rc = 1;
	}
	bm_buf_free(&out);
	return rc;
}

/* The entry's paper (预约服务登记表, 上门服务登记表, 投诉答复书): to the
 * printer or spool, or as text to out ("-" = stdout). */
static int entry_paper(bm_app *app, bm_store *s, const bm_clerk *me, const reg_entry *e, const char *out,
		       bool force)
{
	const char *form = reg_paper_form(e);
	if (!form) {
		fprintf(stderr, _("bianmin book: entry %s has no paper\n"), reg_get(e, RF_NO));
		return 1;
	}
	struct slip_ctx *ctx = reg_paper_context(e, app->center, me, app->now);
	cli_paper_to to = { .text = out, .send = !out, .force = force };
	int rc = cli_paper_doc(app, app->center, s, "book", form, reg_get(e, RF_NO), ctx, &to);
	slip_ctx_free(ctx);
	return rc;
}

/* answer / transfer / close / update: every given field is set. */
static int do_step(bm_store *s, bm_app *app, const bm_clerk *me, const char *step, const book_args *a,
		   const char *no)
{
	reg_set sets[RF__COUNT];
	size_t n = 0;
	for (int i = 0; i < RF__COUNT; i++)
		if (a->given[i])
			sets[n++] = (reg_set){(enum reg_field)i, a->fields[i]};
	bm_error err = {0};
	bm_diags d = {0};
	bm_center *c = app_center(app, &d);
	diags_free(&d);
	if (reg_step(s, me, app->cal, c, no, step, sets, n, a->note, app->now, &err))
		return cli_error("book", &err);
	reg_entry e;
	int rc = 0;
	if (reg_load(s, me, no, &e, &err) == BM_OK) {
		printf("%s\t%s\t%s\n", reg_get(&e, RF_NO), reg_get(&e, RF_STATE), *reg_get(&e, RF_DUE) ? reg_get(&e, RF_DUE) : "-");
		/* 书面投诉书面答复: the answer's paper leaves with the answer */
		const char *form = reg_paper_form(&e);
		if (!strcmp(step, "answer") && form && !strcmp(form, "complaint_answer"))
			rc = entry_paper(app, s, me, &e, NULL, false);
		reg_entry_free(&e);
	}
	return rc;
}

int cli_book(bm_app *app, int argc, char **argv)
{
	if (argc < 2)
		return cli_usage(_(USAGE), true, 2);
	const char *action = argv[1];
	if (!strcmp(action, "--help") || !strcmp(action, "-h"))
		return cli_usage(_(USAGE), false, 0);
	static const char *const actions[] = {"add", "answer", "transfer", "close", "update", "link", "list",
					      "show", "figures", "export", "print", NULL};
	bool known = false;
	for (size_t i = 0; actions[i] && !known; i++)
		known = strcmp(actions[i], action) == 0;
	if (!known) {
		fprintf(stderr, _("bianmin book: '%s' is not an action of book; see 'bianmin book --help'\n"), action);
		return 2;
	}
	book_args a;
	char *pos[2] = {0};
	int n_pos;
	int rc = parse(argc - 1, argv + 1, &a, pos, 2, &n_pos);
	if (rc >= 0)
		return rc;
	bool needs_pos = strcmp(action, "list") != 0;
	if (needs_pos && n_pos != 1)
		return cli_usage(_(USAGE), true, 2);
	if (take_item(app, &a))
		return 1;
	bm_diags d = {0};
	if (!app_center(app, &d) || !app_calendar(app, &d)) {
		cli_print_diags(&d);
		diags_free(&d);
		return 1;
	}
	diags_free(&d);
	bm_store *s;
	bm_clerk me;
	if ((rc = cli_session(app, a.clerk, "BIANMIN_PIN", &s, &me)))
		return rc;
	bm_day today = bm_time_day(app->now);
	bm_error err = {0};
	if (!strcmp(action, "add")) {
		bm_book b;
		if (!book_parse(pos[0], &b)) {
			fprintf(stderr, _("bianmin book: there is no book '%s' (consult, complaint, appointment, visit, people, extended)\n"), pos[0]);
			rc = 2;
		} else {
			char no[40];
			if (reg_record(s, &me, app->center, app->cal, b, a.fields, app->now, no, &err)) {
				rc = cli_error("book", &err);
			} else {
				reg_entry e;
				if (reg_load(s, &me, no, &e, &err) == BM_OK) {
					printf("%s\t%s\t%s\n", no, reg_get(&e, RF_STATE), *reg_get(&e, RF_DUE) ? reg_get(&e, RF_DUE) : "-");
					if (b == BOOK_COMPLAINT && reg_has_flag(&e, "serious"))
						fprintf(stderr, "%s\n", _("A serious complaint: report it to the head of the center (中心负责人)."));
					reg_entry_free(&e);
				} else {
					printf("%s\n", no);
				}
			}
		}
	} else if (!strcmp(action, "list")) {
		rc = do_list(s, &me, &a, n_pos ? pos[0] : NULL, today);
	} else if (!strcmp(action, "show")) {
		reg_entry e;
		if (reg_load(s, &me, pos[0], &e, &err)) {
			rc = cli_error("book", &err);
		} else {
			print_entry(&e);
			if (!strcmp(reg_get(&e, RF_BOOK), book_key(BOOK_PEOPLE)))
				print_links(s, &me, &e);
			reg_entry_free(&e);
		}
	} else if (!strcmp(action, "figures")) {
		rc = do_figures(s, app, &a, pos[0]);
	} else if (!strcmp(action, "print")) {
		reg_entry e;
		if (reg_load(s, &me, pos[0], &e, &err)) {
			rc = cli_error("book", &err);
		} else {
			rc = entry_paper(app, s, &me, &e, a.out, a.force);
			reg_entry_free(&e);
		}
	} else if (!strcmp(action, "export")) {
		rc = do_export(s, &me, &a, pos[0]);
	} else {
		rc = do_step(s, app, &me, action, &a, pos[0]);
	}
	auth_clerk_free(&me);
	return rc;
}
