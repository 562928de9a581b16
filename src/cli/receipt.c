/* receipt.c - `bianmin receipt void NO --reason TEXT`: void (作废) a
 * receipt.  The receipt stays; a void row points to it, with the reason,
 * and an event on its case records who did it.  Supervisors only. */
#include "ledger_cli.h"
#include "bianmin/ledger.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

static const char *const RECEIPT_USAGE = N_(
	"usage: bianmin receipt void RECEIPT-NO --reason TEXT [--clerk CODE]\n"
	"\n"
	"Void (作废) a receipt, e.g. 2026-000123.  The receipt is never deleted:\n"
	"a void row points to it with the reason, and its case gets an event.\n"
	"Supervisors and admins only; PIN from BIANMIN_PIN or the terminal.\n");

int cli_receipt(bm_app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{"clerk", required_argument, NULL, 'k'},
		{"reason", required_argument, NULL, 'r'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *who = NULL, *reason = NULL;
	int c;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'k': who = optarg; break;
		case 'r': reason = optarg; break;
		case 'h': return cli_usage(_(RECEIPT_USAGE), false, 0);
		default: return cli_usage(_(RECEIPT_USAGE), true, 2);
		}
	}
	if (argc - optind != 2 || strcmp(argv[optind], "void") != 0 || !reason)
		return cli_usage(_(RECEIPT_USAGE), true, 2);
	bm_store *s;
	bm_clerk me;
	int rc = cli_session(app, who, "BIANMIN_PIN", &s, &me);
	if (rc)
		return rc;
	bm_error err = {0};
	const char *no = argv[optind + 1];
	rc = ledger_receipt_void(s, &me, no, reason, app->now, &err);
	auth_clerk_free(&me);
	if (rc)
		return cli_error("receipt void", &err);
	printf(_("receipt %s voided\n"), no);
	return 0;
}
