/* print.c - `bianmin print NO [FORM]` and `bianmin forms check`: papers
 * from the command line (the paper of a step: lifecycle_case_paper). */
#include "ledger_cli.h"
#include "bianmin/cases.h"
#include "bianmin/lifecycle.h"
#include "bianmin/print.h"
#include "bianmin/slip.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static int write_file(const char *path, const void *data, size_t len, bool force)
{
	if (strcmp(path, "-") == 0) {
		FILE *f = cli_raw_stdout();
		if (fwrite(data, 1, len, f) != len || fflush(f) != 0) {
			fprintf(stderr, _("bianmin: cannot write %s: %s\n"), path, strerror(errno));
			return 1;
		}
		return 0;
	}
	bm_error err = {0};
	if (file_write_new(path, data, len, force, &err))
		return cli_error("print", &err);
	return 0;
}

int cli_print(bm_app *app, int argc, char **argv)
{
	const char *usage = _("usage: bianmin print NO [FORM] [--reprint] [--out FILE] [--pdf FILE] [--force] [--clerk CODE]\n"
			      "Print a paper of case NO (default: the paper of its latest step).\n"
			      "  --reprint   mark it 补打 and record the reprint in the ledger\n"
			      "  --out FILE  write the text rendering to FILE ('-' = stdout)\n"
			      "  --pdf FILE  write the PDF to FILE\n"
			      "  --force     replace FILE if it exists (never written through a symlink)\n"
			      "  --clerk CODE  the logged-in clerk (or BIANMIN_CLERK), PIN from\n"
			      "              BIANMIN_PIN or the terminal; the paper shows this clerk\n"
			      "Without --out/--pdf the paper goes to the configured printer, or\n"
			      "to the spool folder when there is none, it fails or it hangs.\n");
	static const struct option opts[] = {
		{"reprint", no_argument, NULL, 'r'},
		{"out", required_argument, NULL, 'o'},
		{"pdf", required_argument, NULL, 'p'},
		{"force", no_argument, NULL, 'F'},
		{"clerk", required_argument, NULL, 'k'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	bool reprint = false, force = false;
	const char *out_path = NULL, *pdf_path = NULL, *who = NULL;
	int ch;
	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
		switch (ch) {
		case 'r': reprint = true; break;
		case 'o': out_path = optarg; break;
		case 'p': pdf_path = optarg; break;
		case 'F': force = true; break;
		case 'k': who = optarg; break;
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
	bm_error err = {0};
	bm_case cs;
	if (case_load(st, no, &cs, &err) != BM_OK) {
		auth_clerk_free(&me);
		return cli_error("print", &err);
	}
	lc_ctx x = { .store = st, .center = center, .clerk = &me, .now = app->now };
	slip_ctx *ctx = lifecycle_case_paper(&x, &cs, form_key, reprint, &form_key, &err);
	if (!ctx) {
		case_free(&cs);
		auth_clerk_free(&me);
		return cli_error("print", &err);
	}
	bm_diags d = {0};
	slip_form *f = slip_load_form(app->paths.forms, form_key, &d);
	cli_print_diags(&d);
	diags_free(&d);
	if (!f) {
		slip_ctx_free(ctx);
		case_free(&cs);
		auth_clerk_free(&me);
		return 1;
	}
	slip_doc *doc = slip_eval(f, ctx);
	const bm_output *out = center_output(center, form_key);
	int status = 0;

	if (out_path || pdf_path) {
		if (out_path) {
			char *text = slip_doc_text(doc, out->width > 0 ? out->width : 80);
			status |= write_file(out_path, text, strlen(text), force);
			free(text);
		}
		if (pdf_path) {
			bm_buf pdf = {0};
			if (slip_doc_pdf(doc, &pdf, &err) != BM_OK) {
				fprintf(stderr, "bianmin: %s\n", err.msg);
				status = 1;
			} else {
				status |= write_file(pdf_path, pdf.data, pdf.len, force);
			}
			bm_buf_free(&pdf);
		}
	} else {
		status = cli_send_paper(center, store_path(st), out, cs.no, form_key, slip_title(f), doc, app->now);
	}

	/* 补打 is recorded as an event of the case, under the logged-in clerk. */
	if (reprint && status == 0) {
		case_step step = {
			.type = "reprint",
			.clerk = me.code,
			.at = app->now,
			.note = form_key,
		};
		if (case_apply(st, cs.no, &step, &err) != BM_OK)
			status = cli_error("print", &err);
	}
	slip_doc_free(doc);
	slip_ctx_free(ctx);
	slip_free(f);
	case_free(&cs);
	auth_clerk_free(&me);
	return status;
}

int cli_send_paper(const bm_center *center, const char *db_path, const bm_output *out, const char *no,
		   const char *form_key, const char *title, const slip_doc *doc, bm_time now)
{
	bm_error err = {0};
	int status = 0;
	char *spool = print_spool_dir(center, db_path);
	print_result r;
	if (slip_doc_send(doc, out, spool, no, form_key, now, &r, &err) != BM_OK) {
		fprintf(stderr, "bianmin: %s\n", err.msg);
		status = 1;
	} else if (r.printed) {
		printf(_("%s: %s sent to the printer (%s)\n"), no, title, out->command);
	} else {
		if (r.why)
			fprintf(stderr, _("bianmin: %s; the paper is in the spool folder\n"), r.why);
		printf(_("%s: %s spooled to %s\n"), no, title, r.spool_path);
	}
	print_result_free(&r);
	free(spool);
	return status;
}

int cli_forms(bm_app *app, int argc, char **argv)
{
	const char *usage = _("usage: bianmin forms check [DIR]\n"
			      "Load every template (*.tmpl) of the forms folder and list them;\n"
			      "a broken one is reported as FILE:LINE: message (exit 1).\n");
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
	cli_print_diags(&d);
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
	if (broken)
		fprintf(stderr, _("%s: %d broken template(s)\n"), dir, broken);
	else
		printf(_("%zu templates: ok\n"), n);
	slip_forms_free(forms, n);
	diags_free(&d);
	return broken ? 1 : 0;
}
