/* main.c - argv -> a subcommand (git-style) or the full-screen program. */
#include "bianmin/app.h"
#include "bianmin/cli.h"
#include "bianmin/store.h"
#include "bianmin/ui.h"
#include "cli/ledger_cli.h"

#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Subcommands, in the order `bianmin --help` lists them. */
static const cli_command commands[] = {
	{"check-catalog", cli_check_catalog, N_("check catalog files and print a summary")},
	{"workdays", cli_workdays, N_("the due date N working days on, or working days between dates")},
	{"check-id", cli_check_id, N_("check a resident ID number or social credit code")},
	{"print", cli_print, N_("print, spool or save a paper of a case (text or PDF)")},
	{"forms", cli_forms, N_("check the paper templates in forms/ and list them")},
	{"intake", cli_intake, N_("accept a case (decide its kind, number it, save it)")},
	{"case", cli_case, N_("show, list and search cases; every step after intake")},
	{"clerk", cli_clerk, N_("add, list, disable clerks; change a PIN")},
	{"book", cli_book, N_("consultations, complaints, appointments, visits, key people")},
	{"agent", cli_agent, N_("village agents (代办员): register, month's cases and subsidy")},
	{"report", cli_report, N_("every clerk's 日结; the month's figures (supervisors)")},
	{"receipt", cli_receipt, N_("void a receipt (supervisors)")},
	{"verify", cli_verify, N_("check the ledger: hash chain, cases, receipts")},
	{"backup", cli_backup, N_("copy the database to a new file while in use")},
	{"sync", cli_sync, N_("send this center's new ledger entries to the county database")},
	{"county", cli_county, N_("the county database: its schema, every center's figures")},
	{"demo", cli_demo, N_("fill an empty database with demo clerks and cases")},
	{"clock", cli_clock, N_("a supervisor accepts the clock after it went back")},
	{"init", cli_init, N_("start a new ledger (no other command makes one)")},
	{NULL, NULL, NULL},
};

static void usage(FILE *f)
{
	fprintf(f, "%s", _("usage: bianmin [--config FILE] [--catalog FILE] [--holidays FILE] [--db FILE]\n"
			   "               [--forms DIR] [COMMAND [ARGS...]]\n"
			   "\n"
			   "Without a command, opens the full-screen counter program.\n"
			   "\n"
			   "Commands:\n"));
	for (const cli_command *c = commands; c->name; c++)
		fprintf(f, "  %-15s %s\n", c->name, _(c->summary));
	fprintf(f, "%s", _("\n"
			   "Options:\n"
			   "  --config FILE    center settings (default: center.yaml in the data dir)\n"
			   "  --catalog FILE   service items (default: catalog.yaml in the data dir)\n"
			   "  --holidays FILE  public holidays and make-up workdays (default: holidays.yaml)\n"
			   "  --db FILE        the ledger (default: $BIANMIN_DB, else\n"
			   "                   $XDG_DATA_HOME/bianmin/bianmin.db)\n"
			   "  --forms DIR      paper templates (default: forms/ in the data dir)\n"
			   "  -h, --help       this help; COMMAND --help for a command's own\n"
			   "  -V, --version    print the version\n"
			   "\n"
			   "See bianmin(1).\n"));
}

/* Before the counter's screen or a command's output: a large ledger's
 * upgrade can take a minute, and a clerk should not stop it. */
static void say_upgrade(const char *path, int from, int to)
{
	fprintf(stderr, _("bianmin: upgrading the ledger %s (schema %d to %d), once; a large file takes a minute or "
			  "more: let it finish.\n"), path, from, to);
}

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	bm_app app;
	memset(&app, 0, sizeof app);

	static const struct option opts[] = {
		{"config", required_argument, NULL, 'c'},
		{"catalog", required_argument, NULL, 'C'},
		{"holidays", required_argument, NULL, 'H'},
		{"db", required_argument, NULL, 'd'},
		{"forms", required_argument, NULL, 'f'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	int c;
	bool help = false, bad_option = false;
	/* '+': stop at the first non-option, the subcommand. */
	while ((c = getopt_long(argc, argv, "+hV", opts, NULL)) != -1) {
		switch (c) {
		case 'c': free(app.paths.config); app.paths.config = bm_xstrdup(optarg); break;
		case 'C': free(app.paths.catalog); app.paths.catalog = bm_xstrdup(optarg); break;
		case 'H': free(app.paths.holidays); app.paths.holidays = bm_xstrdup(optarg); break;
		case 'd': free(app.paths.db); app.paths.db = bm_xstrdup(optarg); break;
		case 'f': free(app.paths.forms); app.paths.forms = bm_xstrdup(optarg); break;
		case 'h': help = true; break;
		case 'V':
			printf("bianmin %s\n", BIANMIN_VERSION);
			paths_free(&app.paths);
			return 0;
		default:
			bad_option = true;   /* usage is printed once messages are bound */
			break;
		}
	}
	paths_resolve(&app.paths, argv[0]);
	bindtextdomain("bianmin", app.paths.localedir);
	bind_textdomain_codeset("bianmin", "UTF-8");
	textdomain("bianmin");
	if (help || bad_option) {
		usage(bad_option ? stderr : stdout);
		app_free(&app);
		return bad_option ? 2 : 0;
	}
	store_set_upgrade_notice(say_upgrade);
	app_settings(&app);   /* the center's time zone and PIN rules */
	app.now = bm_clock_now();

	int status;
	if (optind >= argc) {
		status = ui_main(&app);
	} else {
		const char *name = argv[optind];
		const cli_command *cmd = NULL;
		for (const cli_command *k = commands; k->name; k++)
			if (strcmp(k->name, name) == 0)
				cmd = k;
		if (!cmd) {
			fprintf(stderr, _("bianmin: '%s' is not a command; see 'bianmin --help'\n"), name);
			status = 2;
		} else {
			/* Each subcommand parses its own options, argv[0] being its
			 * name; optind = 0 makes glibc's getopt start afresh. */
			int first = optind;
			optind = 0;
			cli_filter_std();   /* no control characters reach the terminal */
			status = cmd->fn(&app, argc - first, argv + first);
		}
	}
	app_free(&app);
	return status;
}
