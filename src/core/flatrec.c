/* flatrec.c - flat records and their canonical JSON. */
#include "flatrec.h"

#include <stdarg.h>
#include <sys/types.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static ssize_t find(const flatrec *r, const char *key)
{
	for (size_t i = 0; i < r->n; i++)
		if (strcmp(r->keys[i], key) == 0)
			return (ssize_t)i;
	return -1;
}

void flatrec_set(flatrec *r, const char *key, const char *val)
{
	ssize_t i = find(r, key);
	if (i >= 0) {
		free(r->vals[i]);
		r->vals[i] = bm_xstrdup(val);
		return;
	}
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 32;
		r->keys = bm_xrealloc(r->keys, r->cap * sizeof *r->keys);
		r->vals = bm_xrealloc(r->vals, r->cap * sizeof *r->vals);
	}
	r->keys[r->n] = bm_xstrdup(key);
	r->vals[r->n] = bm_xstrdup(val);
	r->n++;
}

void flatrec_setf(flatrec *r, const char *key, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char buf[256];
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	flatrec_set(r, key, buf);
}

const char *flatrec_get(const flatrec *r, const char *key, bool *present)
{
	ssize_t i = find(r, key);
	if (present)
		*present = i >= 0;
	return i >= 0 ? r->vals[i] : NULL;
}

void flatrec_free(flatrec *r)
{
	for (size_t i = 0; i < r->n; i++) {
		free(r->keys[i]);
		free(r->vals[i]);
	}
	free(r->keys);
	free(r->vals);
	memset(r, 0, sizeof *r);
}

static void put_str(bm_buf *b, const char *s)
{
	bm_buf_puts(b, "\"");
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			bm_buf_printf(b, "\\%c", *p);
		else if (*p == '\n')
			bm_buf_puts(b, "\\n");
		else if (*p < 0x20)
			bm_buf_printf(b, "\\u%04x", *p);
		else
			bm_buf_append(b, (const char *)p, 1);
	}
	bm_buf_puts(b, "\"");
}

char *flatrec_json(const flatrec *r)
{
	bm_buf b = {0};
	bm_buf_puts(&b, "{");
	for (size_t i = 0; i < r->n; i++) {
		if (i)
			bm_buf_puts(&b, ",");
		put_str(&b, r->keys[i]);
		bm_buf_puts(&b, ":");
		if (r->vals[i])
			put_str(&b, r->vals[i]);
		else
			bm_buf_puts(&b, "null");
	}
	bm_buf_puts(&b, "}");
	return bm_buf_steal(&b);
}

static const char *ws(const char *p)
{
	while (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r')
		p++;
	return p;
}

/* A JSON string at p (after the opening quote); returns the end or NULL. */
static const char *get_str(const char *p, bm_buf *out)
{
	out->len = 0;
	bm_buf_append(out, "", 0);
	for (;;) {
		if (!*p)
			return NULL;
		if (*p == '"')
			return p + 1;
		if (*p != '\\') {
			size_t n = strcspn(p, "\"\\");
			bm_buf_append(out, p, n);
			p += n;
			continue;
		}
		p++;
		switch (*p) {
		case '"': case '\\': case '/': bm_buf_append(out, p, 1); break;
		case 'n': bm_buf_puts(out, "\n"); break;
		case 't': bm_buf_puts(out, "\t"); break;
		case 'r': bm_buf_puts(out, "\r"); break;
		case 'u': {
			unsigned v;
			if (sscanf(p + 1, "%4x", &v) != 1 || v >= 0x80)
				return NULL;   /* we only ever escape control chars */
			char c = (char)v;
			bm_buf_append(out, &c, 1);
			p += 4;
			break;
		}
		default: return NULL;
		}
		p++;
	}
}

bool flatrec_scan(const char *json, flatrec_each_fn each, void *ctx)
{
	bm_buf k = {0}, v = {0};
	const char *p = ws(json);
	bool ok = false;
	if (*p++ != '{')
		goto done;
	p = ws(p);
	if (*p == '}') {
		ok = *ws(p + 1) == '\0';
		goto done;
	}
	for (;;) {
		if (*p != '"' || !(p = get_str(p + 1, &k)))
			goto done;
		p = ws(p);
		if (*p++ != ':')
			goto done;
		p = ws(p);
		const char *val;
		if (strncmp(p, "null", 4) == 0) {
			val = NULL;
			p += 4;
		} else if (*p == '"' && (p = get_str(p + 1, &v))) {
			val = v.data;
		} else {
			goto done;
		}
		if (!each(k.data, val, ctx)) {
			ok = true;   /* the caller has what it wanted */
			goto done;
		}
		p = ws(p);
		if (*p == ',') {
			p = ws(p + 1);
			continue;
		}
		if (*p == '}') {
			ok = *ws(p + 1) == '\0';
			break;
		}
		goto done;
	}
done:
	bm_buf_free(&k);
	bm_buf_free(&v);
	return ok;
}

static bool set_each(const char *key, const char *val, void *ctx)
{
	flatrec_set(ctx, key, val);
	return true;
}

bool flatrec_parse(const char *json, flatrec *out)
{
	memset(out, 0, sizeof *out);
	bool ok = flatrec_scan(json, set_each, out);
	if (!ok)
		flatrec_free(out);
	return ok;
}

static bool same(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return strcmp(a, b) == 0;
}

const char *flatrec_diff(const flatrec *a, const flatrec *b, const char **va, const char **vb)
{
	/* the usual case (verify: a replay against the rows, keys in the same
	 * order): equal pair by pair, in one pass */
	bool equal = a->n == b->n;
	for (size_t i = 0; equal && i < a->n; i++)
		equal = strcmp(a->keys[i], b->keys[i]) == 0 && same(a->vals[i], b->vals[i]);
	if (equal)
		return NULL;
	for (int pass = 0; pass < 2; pass++) {
		const flatrec *x = pass ? b : a, *y = pass ? a : b;
		for (size_t i = 0; i < x->n; i++) {
			bool present;
			const char *yv = flatrec_get(y, x->keys[i], &present);
			if (!present || !same(x->vals[i], yv)) {
				*va = pass ? (present ? yv : "(absent)") : x->vals[i];
				*vb = pass ? x->vals[i] : (present ? yv : "(absent)");
				if (!*va) *va = "null";
				if (!*vb) *vb = "null";
				return x->keys[i];
			}
		}
	}
	return NULL;
}
