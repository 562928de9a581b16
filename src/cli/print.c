/* print.c - `bianmin print NO [FORM]` and `bianmin forms check`: papers
 * from the command line (the paper of a step: lifecycle_case_paper). */
#include "ledger_cli.h"
#include "bianmin/cases.h"
#include "bianmin/lifecycle.h"
#include "bianmin/paper.h"
#include "bianmin/print.h"
#include "bianmin/slip.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Where the paper went, for the clerk (a file said nothing: it is there). */
static void said(const bm_center *center, const char *no, const paper_done *d)
{
	const char *title = d->title && *d->title ? d->title : d->form;
	if (d->printed) {
		printf(_("%s: %s sent to the printer (%s)\n"), no, title, center_output(center, d->form)->command);
	} else if (d->spool_path) {
		if (d->why)
			fprintf(stderr, _("bianmin: %s; the paper is in the spool folder\n"), d->why);
		printf(_("%s: %s spooled to %s\n"), no, title, d->spool_path);
	}
}

int cli_print(bm_app *app, int argc, char **argv)
{
	const char *usage = _("usage: bianmin print NO [FORM] [--reprint] [--out FILE] [--width N] [--pdf FILE]\n"
			      "                     [--force] [--clerk CODE]\n"
			      "Print a paper of case NO (default: the paper of its latest step).\n"
			      "  --reprint   mark it 补打 (a paper printed before is always 补打)\n"
			      "  --out FILE  write the text rendering to FILE ('-' = stdout)\n"
			      "  --width N   its width in columns (default: the paper's output)\n"
			      "  --pdf FILE  write the PDF to FILE\n"
			      "  --force     replace FILE if it exists (never written through a symlink)\n"
			      "  --clerk CODE  the logged-in clerk (or BIANMIN_CLERK), PIN from\n"
			      "              BIANMIN_PIN or the terminal: the clerk who prints\n"
			      "Without --out/--pdf the paper goes to the configured printer, or\n"
			      "to the spool folder when there is none, it fails or it hangs.\n"
			      "The paper says what it said the day its step printed it; every\n"
			      "print is recorded in the ledger under the clerk.\n");
	static const struct option opts[] = {
		{"reprint", no_argument, NULL, 'r'},
		{"out", required_argument, NULL, 'o'},
		{"pdf", required_argument, NULL, 'p'},
		{"clerk", required_argument, NULL, 'k'},
		{"width", required_argument, NULL, 'w'},
		{"force", no_argument, NULL, 'F'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	bool reprint = false, force = false;
	int width = 0;
	const char *out_path = NULL, *pdf_path = NULL, *who = NULL;
	int ch;
	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (ch) {
		case 'r': reprint = true; break;
		case 'o': out_path = optarg; break;
		case 'p': pdf_path = optarg; break;
		case 'k': who = optarg; break;
		case 'F': force = true; break;
		case 'w':
			width = atoi(optarg);
			if (width < 16 || width > 200)
				return cli_usage(usage, true, 2);
			break;
		case 'h': return cli_usage(usage, false, 0);
		default: return cli_usage(usage, true, 2);
		}
	}
	if (optind >= argc || argc - optind > 2)
		return cli_usage(usage, true, 2);
	const char *no = argv[optind];
	const char *form_key = argc - optind == 2 ? argv[optind + 1] : NULL;

	bm_center *center = cli_center(app);
	if (!center)
		return 1;
	/* no command works without a valid clerk (issue 3); the paper and a
	 * reprint's event name this clerk */
	bm_store *st;
	bm_clerk me;
	int lrc = cli_session(app, who, "BIANMIN_PIN", &st, &me);
	if (lrc)
		return lrc;
	/* the one pipeline (paper.h): the paper as of its step, sent or
	 * written, and the print recorded as an event under this clerk */
	bm_error err = {0};
	lc_ctx x = { .store = st, .center = center, .clerk = &me, .now = app->now };
	paper_req r = { .x = &x, .forms_dir = app->paths.forms, .no = no, .form = form_key,
			.reprint = reprint, .text_path = out_path, .pdf_path = pdf_path, .width = width,
			.force = force, .raw_out = cli_raw_stdout() };
	paper_done d;
	int status = 0;
	if (paper_issue(&r, &d, &err) != BM_OK) {
		status = cli_error("print", &err);
	} else {
		said(center, no, &d);
	}
	if (!status && d.reprint && !reprint)
		fprintf(stderr, _("bianmin: %s of %s was printed before: this copy is marked 补打\n"), d.form, no);
	paper_done_free(&d);
	auth_clerk_free(&me);
	return status;
}

int cli_paper_doc(bm_app *app, const bm_center *center, bm_store *s, const char *cmd, const char *form,
		  const char *name, const struct slip_ctx *ctx, const cli_paper_to *to)
{
	paper_doc_req r = { .center = center, .db_path = store_path(s), .forms_dir = app->paths.forms,
			    .form = form, .name = name, .ctx = ctx, .now = app->now, .text_path = to->text,
			    .pdf_path = to->pdf, .force = to->force, .send = to->send };
	paper_done d;
	bm_error err = {0};
	int status = 0;
	if (paper_issue_doc(&r, &d, &err) != BM_OK)
		status = cli_error(cmd, &err);
	else
		said(center, name, &d);
	paper_done_free(&d);
	return status;
}

int cli_forms(bm_app *app, int argc, char **argv)
{
	const char *usage = _("usage: bianmin forms check [DIR]\n"
			      "Load every template (*.tmpl) of the forms folder and list them;\n"
			      "a broken one is reported as FILE:LINE: message (exit 1).  Then\n"
			      "render every case paper for a case of each kind and each step at\n"
			      "32, 42, 48 and 80 columns: a blank field, an English word on an\n"
			      "applicant's paper or a name split across lines fails (exit 1).\n");
	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)
		return cli_usage(usage, argc < 2, argc < 2 ? 2 : 0);
	if (strcmp(argv[1], "check") != 0 || argc > 3)
		return cli_usage(usage, true, 2);
	const char *dir = argc == 3 ? argv[2] : app->paths.forms;
	bm_diags d = {0};
	slip_form **forms;
	size_t n;
	int broken = slip_check_dir(dir, &forms, &n, &d);
	for (size_t i = 0; i < n; i++)
		printf("%-20s %-8s %s\n", slip_key(forms[i]), slip_paper_key(slip_paper_of(forms[i])),
		       slip_title(forms[i]));
	/* every paper a step prints must be there */
	const char *need[32];
	size_t nn = lifecycle_paper_forms(need, 32);
	for (size_t k = 0; k < nn; k++) {
		size_t i = 0;
		while (i < n && strcmp(slip_key(forms[i]), need[k]) != 0)
			i++;
		if (i == n) {
			fprintf(stderr, _("%s/%s.tmpl: missing; bianmin prints this paper\n"), dir, need[k]);
			broken++;
		}
	}
	slip_forms_free(forms, n);
	/* completeness: every paper rendered for a case of each kind and
	 * each step, as at the counter (the center's settings when readable) */
	bm_diags cd = {0};
	bm_center *center = center_load(app->paths.config, &cd);
	diags_free(&cd);
	size_t rendered = 0;
	bm_diags pd = {0};
	int problems = broken ? 0 : paper_check_forms(dir, center, &rendered, &pd);
	center_free(center);
	cli_print_diags(&d);
	cli_print_diags(&pd);
	if (broken)
		fprintf(stderr, _("%s: %d broken template(s)\n"), dir, broken);
	else if (problems)
		fprintf(stderr, _("%s: %d problem(s) on the papers (%zu rendered)\n"), dir, problems, rendered);
	else
		printf(_("%zu templates: ok; %zu papers rendered at 32, 42, 48 and 80 columns: complete, in Chinese, no name split\n"),
		       n, rendered);
	diags_free(&d);
	diags_free(&pd);
	return broken || problems ? 1 : 0;
}
