/* draft.c - the unfinished-intake file (draft.h): "key=value" lines,
 * backslash escapes for newlines and backslashes. */
#include "bianmin/draft.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Letters, digits, '-' and '_' only: a clerk code or host name as a file
 * name part. */
static void safe_part(const char *s, char *out, size_t len)
{
	size_t n = 0;
	for (; s && *s && n + 1 < len; s++) {
		char c = *s;
		bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
			  c == '_';
		out[n++] = ok ? c : '_';
	}
	out[n] = '\0';
	if (n == 0)
		snprintf(out, len, "_");
}

char *draft_path(const char *db_path, const char *clerk)
{
	char host[256] = "";
	const char *term = getenv("BIANMIN_TERMINAL");
	if (term && *term)
		snprintf(host, sizeof host, "%s", term);
	else if (gethostname(host, sizeof host - 1) != 0)
		snprintf(host, sizeof host, "here");
	char c[64], h[128];
	safe_part(clerk, c, sizeof c);
	safe_part(host, h, sizeof h);
	const char *slash = db_path ? strrchr(db_path, '/') : NULL;
	if (!slash)
		return bm_xasprintf("drafts/intake-%s-%s", c, h);
	return bm_xasprintf("%.*s/drafts/intake-%s-%s", (int)(slash - db_path), db_path, c, h);
}

void draft_set(bm_draft *d, const char *key, const char *val)
{
	for (size_t i = 0; i < d->n; i++)
		if (strcmp(d->keys[i], key) == 0) {
			free(d->vals[i]);
			d->vals[i] = bm_xstrdup(val ? val : "");
			return;
		}
	d->keys = bm_xrealloc(d->keys, (d->n + 1) * sizeof *d->keys);
	d->vals = bm_xrealloc(d->vals, (d->n + 1) * sizeof *d->vals);
	d->keys[d->n] = bm_xstrdup(key);
	d->vals[d->n] = bm_xstrdup(val ? val : "");
	d->n++;
}

const char *draft_get(const bm_draft *d, const char *key)
{
	for (size_t i = 0; i < d->n; i++)
		if (strcmp(d->keys[i], key) == 0)
			return d->vals[i];
	return NULL;
}

void draft_free(bm_draft *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->keys[i]);
		free(d->vals[i]);
	}
	free(d->keys);
	free(d->vals);
	memset(d, 0, sizeof *d);
}

static void put_escaped(bm_buf *b, const char *s)
{
	for (; *s; s++) {
		if (*s == '\n')
			bm_buf_printf(b, "\\n");
		else if (*s == '\\')
			bm_buf_printf(b, "\\\\");
		else
			bm_buf_printf(b, "%c", *s);
	}
}

int draft_save(const char *path, const bm_draft *d, bm_error *err)
{
	char *dir = bm_xstrdup(path);
	char *slash = strrchr(dir, '/');
	if (slash) {
		*slash = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
			int e = errno;
			free(dir);
			return bm_fail(err, BM_EIO, _("Cannot make the drafts folder: %s."), strerror(e));
		}
	}
	free(dir);
	bm_buf b = {0};
	for (size_t i = 0; i < d->n; i++) {
		put_escaped(&b, d->keys[i]);
		bm_buf_printf(&b, "=");
		put_escaped(&b, d->vals[i]);
		bm_buf_printf(&b, "\n");
	}
	char *tmp = bm_xasprintf("%s.tmp", path);
	int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	bool ok = fd >= 0;
	if (ok) {
		size_t len = b.len, off = 0;
		while (ok && off < len) {
			ssize_t w = write(fd, b.data + off, len - off);
			ok = w > 0;
			off += ok ? (size_t)w : 0;
		}
		ok = close(fd) == 0 && ok;
	}
	int e = errno;
	if (ok)
		ok = rename(tmp, path) == 0;
	else
		unlink(tmp);
	if (!ok)
		e = errno;
	bm_buf_free(&b);
	free(tmp);
	if (!ok)
		return bm_fail(err, BM_EIO, _("Cannot keep the draft %s: %s."), path, strerror(e));
	return BM_OK;
}

static char *unescape(const char *s, size_t n)
{
	char *out = bm_xmalloc(n + 1);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] == '\\' && i + 1 < n) {
			i++;
			out[k++] = s[i] == 'n' ? '\n' : s[i];
		} else {
			out[k++] = s[i];
		}
	}
	out[k] = '\0';
	return out;
}

int draft_load(const char *path, bm_draft *d, bool *found, bm_error *err)
{
	memset(d, 0, sizeof *d);
	*found = false;
	FILE *f = fopen(path, "r");
	if (!f) {
		if (errno == ENOENT)
			return BM_OK;
		return bm_fail(err, BM_EIO, _("Cannot read the draft %s: %s."), path, strerror(errno));
	}
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	while ((n = getline(&line, &cap, f)) > 0) {
		if (line[n - 1] == '\n')
			line[--n] = '\0';
		char *eq = strchr(line, '=');
		if (!eq)
			continue;
		char *k = unescape(line, (size_t)(eq - line));
		char *v = unescape(eq + 1, strlen(eq + 1));
		draft_set(d, k, v);
		free(k);
		free(v);
	}
	free(line);
	fclose(f);
	*found = true;
	return BM_OK;
}

void draft_remove(const char *path)
{
	if (path)
		unlink(path);
}
