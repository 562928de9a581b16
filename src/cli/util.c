/* util.c - helpers the subcommands share. */
#include "bianmin/cli.h"

#include <stdio.h>

void cli_print_diags(const bm_diags *d)
{
	diags_print(d, stderr);
}

bm_center *cli_center(bm_app *app)
{
	bm_diags d = {0};
	bm_center *center = app_center(app, &d);
	cli_print_diags(&d);   /* warnings too, when it loaded */
	diags_free(&d);
	return center;
}

int cli_usage(const char *usage, bool to_stderr, int status)
{
	fputs(usage, to_stderr ? stderr : stdout);
	return status;
}
