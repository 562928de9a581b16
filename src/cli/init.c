/* init.c - `bianmin init`: start a new ledger on purpose. */
#include "ledger_cli.h"
#include "bianmin/ledger.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *const USAGE = N_(
	"usage: bianmin init\n"
	"\n"
	"Start a new, empty ledger at --db (default $BIANMIN_DB, else\n"
	"~/.local/share/bianmin/bianmin.db; its folder is made mode 0700) and its\n"
	"witness key beside it (DB.key, or $BIANMIN_WITNESS_KEY).  No other\n"
	"command makes a ledger: a missing, empty or foreign file is refused.\n"
	"On a file that is already a ledger, only makes a missing witness key.\n");

int cli_init(bm_app *app, int argc, char **argv)
{
	if (argc > 1) {
		bool help = strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0;
		return cli_usage(_(USAGE), !help, help ? 0 : 2);
	}
	char *key = witness_key_path(app->paths.db);
	bool had_key = access(key, F_OK) == 0, made;
	bm_error err = {0};
	if (!app_store_create(app, &made, &err)) {
		free(key);
		return cli_error("init", &err);
	}
	if (made)
		printf(_("new ledger %s; add its first clerk (an admin) with: bianmin clerk add CODE NAME\n"),
		       app->paths.db);
	else
		printf(_("%s is already a bianmin ledger; nothing changed in it\n"), app->paths.db);
	if (!had_key && access(key, F_OK) == 0)
		printf(_("witness key %s: papers' check codes are made with it; keep a copy away from this computer\n"), key);
	free(key);
	return 0;
}
