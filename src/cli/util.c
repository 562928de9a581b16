/* util.c - helpers the subcommands share. */
#include "bianmin/cli.h"

#include <stdio.h>

void cli_print_diags(const bm_diags *d)
{
	diags_print(d, stderr);
}

int cli_usage(const char *usage, bool to_stderr, int status)
{
	fputs(usage, to_stderr ? stderr : stdout);
	return status;
}
