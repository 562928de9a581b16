/* cli.h - the non-interactive subcommands (src/cli/), git-style: each gets
 * the app and its own argv (argv[0] is the subcommand name) and returns the
 * exit status: 0 ok, 1 failure, 2 usage. */
#ifndef BIANMIN_CLI_H
#define BIANMIN_CLI_H

#include "bianmin/app.h"

typedef int (*cli_fn)(bm_app *app, int argc, char **argv);

typedef struct cli_command {
	const char *name;
	cli_fn fn;
	const char *summary;     /* English msgid, shown by bianmin --help */
} cli_command;

/* Foundation (src/cli/foundation.c) */
int cli_check_catalog(bm_app *app, int argc, char **argv);
int cli_workdays(bm_app *app, int argc, char **argv);
int cli_check_id(bm_app *app, int argc, char **argv);

/* Papers (src/cli/print.c) */
int cli_print(bm_app *app, int argc, char **argv);
int cli_forms(bm_app *app, int argc, char **argv);

/* Follow-through (src/cli/case_steps.c): `bianmin case STEP ...` and the
 * watch lists (`case list --stale|--overdue-by|--due-soon|--waiting-on W|
 * --followups|--handovers`); argv[0] is the step (or "list", "--help").
 * Returns -1 when argv is not one of these (cli_case goes on), else the
 * exit status.  src/cli/report.c: `bianmin report month YYYY-MM`. */
int cli_case_step(bm_app *app, int argc, char **argv);
int cli_report(bm_app *app, int argc, char **argv);
/* src/cli/report_period.c: `report month|quarter|year|rank` (argv[0] is
 * the period kind). */
int cli_report_period(bm_app *app, int argc, char **argv);

/* The county (src/cli/county.c): `bianmin sync`, `bianmin county init|report`. */
int cli_sync(bm_app *app, int argc, char **argv);
int cli_county(bm_app *app, int argc, char **argv);

/* Shared helpers for subcommands (src/cli/util.c). */
/* Print diagnostics to stderr. */
void cli_print_diags(const bm_diags *d);
/* The center's settings, or NULL after printing what is wrong with them. */
bm_center *cli_center(bm_app *app);
/* Standard --help/--version handling: returns -1 to go on, else an exit
 * status.  usage is printed for --help (to stdout) and on error (stderr). */
int cli_usage(const char *usage, bool to_stderr, int status);

/* From here on, stdout and stderr drop control characters (text.h's
 * filter) -- called before a subcommand runs.  cli_raw_stdout: the
 * unfiltered stdout, for binary output (a PDF written to '-'). */
void cli_filter_std(void);
#include <stdio.h>
FILE *cli_raw_stdout(void);

#endif
