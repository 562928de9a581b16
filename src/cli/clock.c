/* clock.c - `bianmin clock accept`: a supervisor records that the times
 * of the ledger's newest events were wrong (the clock was ahead), so that
 * events can follow the right time again. */
#include "ledger_cli.h"
#include "bianmin/ledger.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

static const char *const USAGE = N_(
	"usage: bianmin clock accept --by SUPERVISOR --reason TEXT\n"
	"\n"
	"An event earlier than the ledger's newest by more than\n"
	"clock_tolerance_minutes (center.yaml, default 10) is refused: the clock\n"
	"went back.  When the clock is right now and the newest events carry\n"
	"wrong (later) times, a supervisor (PIN from BIANMIN_SUPERVISOR_PIN)\n"
	"records that in the ledger with a reason; events then follow it.\n");

int cli_clock(bm_app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{"by", required_argument, NULL, 'b'},
		{"reason", required_argument, NULL, 'r'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *by = NULL, *reason = NULL;
	int c;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'b': by = optarg; break;
		case 'r': reason = optarg; break;
		case 'h': return cli_usage(_(USAGE), false, 0);
		default: return cli_usage(_(USAGE), true, 2);
		}
	}
	if (argc - optind != 1 || strcmp(argv[optind], "accept") != 0 || !by || !reason)
		return cli_usage(_(USAGE), true, 2);
	bm_store *s;
	bm_clerk sup;
	int rc = cli_session(app, by, "BIANMIN_SUPERVISOR_PIN", &s, &sup);
	if (rc)
		return rc;
	bm_error err = {0};
	rc = ledger_clock_accept(s, &sup, reason, app->now, &err);
	auth_clerk_free(&sup);
	if (rc)
		return cli_error("clock", &err);
	printf("%s\n", _("clock accepted: events follow the present time again"));
	return 0;
}
