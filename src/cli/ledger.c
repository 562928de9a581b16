/* ledger.c - `bianmin verify` and `bianmin backup FILE`. */
#include "ledger_cli.h"
#include "bianmin/ledger.h"

#include <getopt.h>
#include <stdio.h>

static const char *const VERIFY_USAGE = N_(
	"usage: bianmin verify [--anchor HASH] [--paper NO CODE] [--checkpoint]\n"
	"                      [--since-checkpoint] [--clerk CODE]\n"
	"\n"
	"Check the database (integrity_check), the hash chain of events, every\n"
	"case, receipt and clerk against the events, and that receipt numbers\n"
	"have no gaps.  Prints \"ok\" and the chain head, or the first broken\n"
	"link and exits 1.  --anchor: also check that the event with this hash\n"
	"(at least 16 hex digits: the 台账校验码 of a daily close sheet) is still\n"
	"in the chain; events deleted from the end are found no other way.\n"
	"--checkpoint: when all is well, record a checkpoint on the chain.\n"
	"--since-checkpoint: check only what came after the newest checkpoint\n"
	"(the chain from it on, the cases and receipts changed since), then\n"
	"record a new one: the daily check.  Without a checkpoint it checks all.\n"
	"--paper NO CODE: also check the check code (校验码) printed on a paper of\n"
	"case or receipt NO; a code no event of the case has means the ledger was\n"
	"changed after the paper was printed (or the paper is not genuine).\n");
static const char *const BACKUP_USAGE = N_(
	"usage: bianmin backup FILE [--clerk CODE]\n"
	"\n"
	"Copy the database to a new FILE while others keep working (SQLite's\n"
	"online backup).  Never overwrites an existing file.\n");

static int parse(int argc, char **argv, const char *usage, const char **who, const char **anchor,
		 int *checkpoint, const char **paper)
{
	static const struct option opts[] = {
		{"clerk", required_argument, NULL, 'k'},
		{"anchor", required_argument, NULL, 'a'},
		{"checkpoint", no_argument, NULL, 'c'},
		{"since-checkpoint", no_argument, NULL, 's'},
		{"paper", required_argument, NULL, 'p'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	int c;
	while ((c = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (c) {
		case 'k': *who = optarg; break;
		case 'a':
			if (!anchor)
				return cli_usage(_(usage), true, 2);
			*anchor = optarg;
			break;
		case 'c':
		case 's':
			if (!checkpoint)
				return cli_usage(_(usage), true, 2);
			*checkpoint |= c == 'c' ? 1 : 2;
			break;
		case 'p':
			if (!paper)
				return cli_usage(_(usage), true, 2);
			*paper = optarg;
			break;
		case 'h': return cli_usage(_(usage), false, 0);
		default: return cli_usage(_(usage), true, 2);
		}
	}
	return -1;
}

/* The paper's check: 0 when its code names an event of its case. */
static int verify_paper(bm_store *s, const char *no, const char *code)
{
	paper_check pc;
	bm_error err = {0};
	if (ledger_verify_paper(s, no, code, &pc, &err))
		return cli_error("verify", &err);
	if (!pc.found_case) {
		printf(_("BROKEN: there is no case or receipt %s in this ledger: the paper's case was removed, or the paper is not genuine\n"), no);
		return 1;
	}
	if (!pc.event_id) {
		printf(_("BROKEN: the check code %s on the paper of %s matches no event of case %s: the ledger was changed after the paper was printed, or the paper is not genuine\n"),
		       code, no, pc.case_no);
		return 1;
	}
	printf(_("paper %s %s: event %lld (%s, %s) of case %s, unchanged\n"), no, code, (long long)pc.event_id,
	       pc.type, pc.at, pc.case_no);
	return 0;
}

int cli_verify(bm_app *app, int argc, char **argv)
{
	const char *who = NULL, *anchor = NULL, *paper = NULL;
	int ck = 0;
	int rc = parse(argc, argv, VERIFY_USAGE, &who, &anchor, &ck, &paper);
	if (rc >= 0)
		return rc;
	if (optind != argc - (paper ? 1 : 0))
		return cli_usage(_(VERIFY_USAGE), true, 2);
	const char *code = paper ? argv[optind] : NULL;
	bm_store *s;
	bm_clerk me;
	if ((rc = cli_session(app, who, "BIANMIN_PIN", &s, &me)))
		return rc;
	ledger_problem p;
	bm_error err = {0};
	verify_opts o = { .anchor = anchor, .since_checkpoint = ck & 2, .checkpoint_by = ck ? me.code : NULL,
			  .now = app->now };
	verify_result r;
	rc = ledger_verify_run(s, &o, &r, &p, &err);
	auth_clerk_free(&me);
	if (rc)
		return cli_error("verify", &err);
	if (r.ok) {
		printf("ok %s\n", r.head);
		if (anchor)
			printf(_("anchor %s: event %lld, in the chain\n"), anchor, (long long)r.anchor_event);
		if (ck & 2 && r.checkpoint)
			printf(_("since checkpoint event %lld: %lld events, %lld cases, %lld receipts checked\n"),
			       (long long)r.checkpoint, (long long)r.events, (long long)r.cases, (long long)r.receipts);
		else if (ck & 2)
			printf("%s\n", _("no checkpoint yet: the whole ledger was checked"));
		if (r.written)
			printf(_("checkpoint: event %lld\n"), (long long)r.written);
		return paper ? verify_paper(s, paper, code) : 0;
	}
	printf(_("BROKEN: %s\n"), p.what);
	if (p.event_id)
		printf(_("  event: %lld\n"), (long long)p.event_id);
	if (p.case_no[0])
		printf(_("  case:  %s\n"), p.case_no);
	if (p.at[0])
		printf(_("  time:  %s\n"), p.at);
	return 1;
}

int cli_backup(bm_app *app, int argc, char **argv)
{
	const char *who = NULL;
	int rc = parse(argc, argv, BACKUP_USAGE, &who, NULL, NULL, NULL);
	if (rc >= 0)
		return rc;
	if (argc - optind != 1)
		return cli_usage(_(BACKUP_USAGE), true, 2);
	bm_store *s;
	bm_clerk me;
	if ((rc = cli_session(app, who, "BIANMIN_PIN", &s, &me)))
		return rc;
	auth_clerk_free(&me);
	bm_error err = {0};
	if (ledger_backup(s, argv[optind], &err))
		return cli_error("backup", &err);
	printf(_("backed up to %s\n"), argv[optind]);
	return 0;
}
