/* ledger_cli.h - the ledger's subcommands (src/cli/{clerk,intake,case,
 * ledger,demo,session}.c) and the helpers they share. */
#ifndef BIANMIN_LEDGER_CLI_H
#define BIANMIN_LEDGER_CLI_H

#include "bianmin/auth.h"
#include "bianmin/cli.h"
#include "bianmin/store.h"

int cli_clerk(bm_app *app, int argc, char **argv);
int cli_intake(bm_app *app, int argc, char **argv);
int cli_case(bm_app *app, int argc, char **argv);
int cli_verify(bm_app *app, int argc, char **argv);
int cli_backup(bm_app *app, int argc, char **argv);
int cli_demo(bm_app *app, int argc, char **argv);
int cli_init(bm_app *app, int argc, char **argv);
int cli_clock(bm_app *app, int argc, char **argv);
int cli_receipt(bm_app *app, int argc, char **argv);
int cli_agent(bm_app *app, int argc, char **argv);

/* A PIN from the environment variable env, else asked on the terminal
 * without echo (twice when confirm is true).  NULL + message on stderr. */
char *cli_read_pin(const char *env, const char *prompt, bool confirm);

/* Open the store and log in `code` (NULL: $BIANMIN_CLERK) with the PIN
 * from pin_env or the terminal.  Returns 0 (store and clerk set) or the
 * exit status (message printed). */
int cli_session(bm_app *app, const char *code, const char *pin_env, bm_store **store,
		bm_clerk *clerk);

/* Print a bm_error as "bianmin CMD: message" on stderr; returns 1. */
int cli_error(const char *cmd, const bm_error *err);

/* A paper of no case (paper_issue_doc: 日结单, 月报, 代办员台账, a book
 * entry's form, a blank form): the text to `text` ("-" = stdout), the
 * PDF to `pdf` (files never written over without `force`), and to the
 * printer or spool when `send`; the clerk is told where it went
 * (print.c).  `name` names it in the spool.  0, or 1 with the reason said
 * as "bianmin CMD: ...". */
struct slip_ctx;
typedef struct cli_paper_to {
	const char *text, *pdf;
	bool send, force;
} cli_paper_to;
int cli_paper_doc(bm_app *app, const bm_center *center, bm_store *s, const char *cmd, const char *form,
		  const char *name, const struct slip_ctx *ctx, const cli_paper_to *to);

/* True when messages are being translated to Chinese (LC_MESSAGES zh*). */
bool cli_chinese(void);

#endif
