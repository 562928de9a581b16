/* outfilter.c - every byte a command writes to stdout and stderr goes
 * through text_filter (text.h): names stored before bianmin checked them,
 * a hostile catalog, an error message quoting what was typed -- none can
 * send a terminal escape.  Binary output (a PDF to '-') uses
 * cli_raw_stdout(). */
#define _GNU_SOURCE   /* fopencookie */
#include "bianmin/cli.h"
#include "bianmin/text.h"

#include <errno.h>
#include <stdio.h>
#include <unistd.h>

typedef struct sink {
	int fd;
	text_filter f;
} sink;

static sink out_sink = {1, {{0}, 0, 0, false}}, err_sink = {2, {{0}, 0, 0, false}};
static FILE *raw_stdout;

static ssize_t sink_write(void *c, const char *buf, size_t n)
{
	sink *s = c;
	bm_buf b = {0};
	text_filter_feed(&s->f, buf, n, &b);
	size_t done = 0;
	while (done < b.len) {
		ssize_t w = write(s->fd, b.data + done, b.len - done);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			bm_buf_free(&b);
			return -1;
		}
		done += (size_t)w;
	}
	bm_buf_free(&b);
	return (ssize_t)n;
}

static FILE *wrap(sink *s, int mode)
{
	cookie_io_functions_t io = { .write = sink_write };
	FILE *f = fopencookie(s, "w", io);
	if (f)
		setvbuf(f, NULL, mode, BUFSIZ);
	return f;
}

void cli_filter_std(void)
{
	fflush(stdout);
	fflush(stderr);
	raw_stdout = stdout;
	FILE *o = wrap(&out_sink, isatty(1) ? _IOLBF : _IOFBF);
	FILE *e = wrap(&err_sink, _IONBF);
	if (o)
		stdout = o;
	if (e)
		stderr = e;
}

FILE *cli_raw_stdout(void)
{
	if (stdout != raw_stdout && raw_stdout)
		fflush(stdout);
	return raw_stdout ? raw_stdout : stdout;
}
