/* yamldoc.c - libyaml's document API turned into a small node tree with
 * 1-based positions, plus the typed readers every loader shares. */
#include "bianmin/yamldoc.h"
#include "bianmin/text.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

static void vreport(yd_doc *doc, bool warning, const yd_node *n, const char *fmt, va_list ap)
{
	char msg[1024];
	vsnprintf(msg, sizeof msg, fmt, ap);
	int line = n ? n->line : 1, col = n ? n->col : 1;
	if (warning)
		diags_warning(doc->d, doc->file, doc->source, line, col, "%s", msg);
	else
		diags_error(doc->d, doc->file, doc->source, line, col, "%s", msg);
}

void yd_error(yd_doc *doc, const yd_node *n, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport(doc, false, n, fmt, ap);
	va_end(ap);
}

void yd_warning(yd_doc *doc, const yd_node *n, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vreport(doc, true, n, fmt, ap);
	va_end(ap);
}

/* Line and column (1-based, in characters) of byte offset off. */
static void position(const char *s, size_t off, int *line, int *col)
{
	int l = 1;
	size_t start = 0;
	for (size_t i = 0; i < off; i++)
		if (s[i] == '\n') {
			l++;
			start = i + 1;
		}
	int c = 1;
	for (size_t i = start; i < off;) {
		uint32_t cp;
		i += text_utf8_decode(s + i, off - i, &cp);
		c++;
	}
	*line = l;
	*col = c;
}

static const char *kind_name(yd_kind k)
{
	switch (k) {
	case YD_MAP: return _("a mapping");
	case YD_SEQ: return _("a list");
	default: return _("a scalar");
	}
}

/* Turn libyaml's node array into ours; children point into the same
 * array, so aliases share nodes and nothing here recurses. */
static void build(yd_doc *doc, yaml_document_t *yd)
{
	size_t n = (size_t)(yd->nodes.top - yd->nodes.start);
	doc->nodes = bm_xcalloc(n ? n : 1, sizeof *doc->nodes);
	doc->n_nodes = n;
	for (size_t i = 0; i < n; i++) {
		yaml_node_t *y = yd->nodes.start + i;
		yd_node *o = &doc->nodes[i];
		o->line = (int)y->start_mark.line + 1;
		o->col = (int)y->start_mark.column + 1;
		switch (y->type) {
		case YAML_SCALAR_NODE:
			o->kind = YD_SCALAR;
			o->str = bm_xstrndup((const char *)y->data.scalar.value, y->data.scalar.length);
			o->plain = y->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
			break;
		case YAML_SEQUENCE_NODE: {
			o->kind = YD_SEQ;
			yaml_node_item_t *it = y->data.sequence.items.start;
			o->n = (size_t)(y->data.sequence.items.top - it);
			o->kids = bm_xcalloc(o->n ? o->n : 1, sizeof *o->kids);
			for (size_t k = 0; k < o->n; k++)
				o->kids[k] = &doc->nodes[it[k] - 1];
			break;
		}
		case YAML_MAPPING_NODE: {
			o->kind = YD_MAP;
			yaml_node_pair_t *p = y->data.mapping.pairs.start;
			o->n = (size_t)(y->data.mapping.pairs.top - p);
			o->kids = bm_xcalloc(o->n ? o->n : 1, sizeof *o->kids);
			o->keys = bm_xcalloc(o->n ? o->n : 1, sizeof *o->keys);
			for (size_t k = 0; k < o->n; k++) {
				o->keys[k] = &doc->nodes[p[k].key - 1];
				o->kids[k] = &doc->nodes[p[k].value - 1];
			}
			break;
		}
		default:
			o->kind = YD_SCALAR;
			o->str = bm_xstrdup("");
			break;
		}
	}
	yaml_node_t *root = yaml_document_get_root_node(yd);
	doc->root = root ? &doc->nodes[root - yd->nodes.start] : NULL;
}

/* ---- a set of strings (open addressing), for linear duplicate checks -- */

static uint64_t str_hash(const char *s)
{
	uint64_t h = 1469598103934665603u;    /* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

void yd_strset_init(yd_strset *set, size_t expect)
{
	size_t cap = 16;
	while (cap < expect * 2 + 1)
		cap *= 2;
	set->slots = bm_xcalloc(cap, sizeof *set->slots);
	set->cap = cap;
	set->n = 0;
}

const void *yd_strset_add(yd_strset *set, const char *key, const void *value)
{
	if ((set->n + 1) * 2 > set->cap) {
		yd_strset bigger;
		yd_strset_init(&bigger, set->cap);
		for (size_t i = 0; i < set->cap; i++)
			if (set->slots[i].key)
				yd_strset_add(&bigger, set->slots[i].key, set->slots[i].value);
		free(set->slots);
		*set = bigger;
	}
	size_t mask = set->cap - 1;
	for (size_t i = (size_t)str_hash(key) & mask;; i = (i + 1) & mask) {
		if (!set->slots[i].key) {
			set->slots[i].key = key;
			set->slots[i].value = value;
			set->n++;
			return NULL;
		}
		if (!strcmp(set->slots[i].key, key))
			return set->slots[i].value;
	}
}

void yd_strset_free(yd_strset *set)
{
	free(set->slots);
	memset(set, 0, sizeof *set);
}

static void check_duplicates(yd_doc *doc)
{
	for (size_t i = 0; i < doc->n_nodes; i++) {
		yd_node *m = &doc->nodes[i];
		if (m->kind != YD_MAP || m->n < 2)
			continue;
		if (m->n <= 16) {
			/* a small map: comparing pairs is cheaper than a table */
			for (size_t a = 1; a < m->n; a++) {
				if (m->keys[a]->kind != YD_SCALAR)
					continue;
				for (size_t b = 0; b < a; b++)
					if (m->keys[b]->kind == YD_SCALAR && !strcmp(m->keys[a]->str, m->keys[b]->str)) {
						yd_error(doc, m->keys[a], _("duplicate key '%s' (first at line %d)"),
							 m->keys[a]->str, m->keys[b]->line);
						break;
					}
			}
			continue;
		}
		yd_strset seen;
		yd_strset_init(&seen, m->n);
		for (size_t a = 0; a < m->n; a++) {
			if (m->keys[a]->kind != YD_SCALAR)
				continue;
			const yd_node *first = yd_strset_add(&seen, m->keys[a]->str, m->keys[a]);
			if (first)
				yd_error(doc, m->keys[a], _("duplicate key '%s' (first at line %d)"),
					 m->keys[a]->str, first->line);
		}
		yd_strset_free(&seen);
	}
}

static void syntax_error(yd_doc *doc, yaml_parser_t *p)
{
	yd_node at = {0};
	const char *problem = p->problem ? p->problem : _("cannot parse");
	if (p->error == YAML_READER_ERROR) {
		/* problem_offset is a byte offset; problem_mark is not set */
		position(doc->source, p->problem_offset < doc->len ? p->problem_offset : doc->len,
			 &at.line, &at.col);
	} else {
		at.line = (int)p->problem_mark.line + 1;
		at.col = (int)p->problem_mark.column + 1;
	}
	if (p->context)
		yd_error(doc, &at, _("YAML syntax error: %s (%s at line %d, column %d)"), problem,
			 p->context, (int)p->context_mark.line + 1, (int)p->context_mark.column + 1);
	else
		yd_error(doc, &at, _("YAML syntax error: %s"), problem);
}

static bool parse(yd_doc *doc)
{
	yaml_parser_t p;
	yaml_document_t yd;
	if (!yaml_parser_initialize(&p)) {
		diags_file_error(doc->d, doc->file, "%s", _("cannot start the YAML parser"));
		return false;
	}
	yaml_parser_set_input_string(&p, (const unsigned char *)doc->source, doc->len);
	yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
	if (!yaml_parser_load(&p, &yd)) {
		syntax_error(doc, &p);
		yaml_parser_delete(&p);
		return false;
	}
	build(doc, &yd);
	yaml_document_delete(&yd);
	/* A second document would be silently ignored: say so (the error is
	 * counted, and the first document is still checked). */
	if (doc->root) {
		yaml_document_t more;
		if (!yaml_parser_load(&p, &more)) {
			syntax_error(doc, &p);
		} else {
			yaml_node_t *r = yaml_document_get_root_node(&more);
			if (r) {
				yd_node at = {.line = (int)r->start_mark.line + 1,
					      .col = (int)r->start_mark.column + 1};
				yd_error(doc, &at, "%s", _("only one YAML document is allowed in this file"));
			}
			yaml_document_delete(&more);
		}
	}
	yaml_parser_delete(&p);
	return true;
}

/* libyaml's scanner is quadratic in the depth of flow collections
 * ([[[[...): refuse deep ones before it sees them.  Quotes and comments
 * are skipped; a bracket in a plain scalar may count, which only matters
 * past YD_MAX_DEPTH unclosed ones. */
static bool flow_too_deep(const char *s, size_t n, size_t *at)
{
	int depth = 0;
	char quote = 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (quote) {
			if (c == '\\' && quote == '"' && i + 1 < n)
				i++;
			else if (c == quote)
				quote = 0;
			continue;
		}
		if (c == '#' && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t' || s[i - 1] == '\n')) {
			while (i < n && s[i] != '\n')
				i++;
		} else if (c == '"' || c == '\'') {
			quote = c;
		} else if (c == '[' || c == '{') {
			if (++depth > YD_MAX_DEPTH) {
				*at = i;
				return true;
			}
		} else if ((c == ']' || c == '}') && depth > 0) {
			depth--;
		}
	}
	return false;
}

yd_doc *yd_load_mem(const char *name, const char *text, size_t len, bm_diags *d)
{
	/* a UTF-8 byte order mark (some Windows editors write one) is skipped */
	if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3)) {
		text += 3;
		len -= 3;
	}
	yd_doc *doc = bm_xcalloc(1, sizeof *doc);
	doc->file = bm_xstrdup(name);
	doc->source = bm_xstrndup(text, len);
	doc->len = len;
	doc->d = d;
	size_t bad;
	if (!text_utf8_valid(text, len, &bad)) {
		yd_node at = {0};
		position(text, bad, &at.line, &at.col);
		yd_error(doc, &at, _("invalid UTF-8 byte 0x%02X"), (unsigned)(unsigned char)text[bad]);
		yd_free(doc);
		return NULL;
	}
	size_t deep;
	if (flow_too_deep(text, len, &deep)) {
		yd_node at = {0};
		position(text, deep, &at.line, &at.col);
		yd_error(doc, &at, _("lists and mappings are nested more than %d deep here; a catalog needs far fewer"),
			 YD_MAX_DEPTH);
		yd_free(doc);
		return NULL;
	}
	if (!parse(doc)) {
		yd_free(doc);
		return NULL;
	}
	if (doc->n_nodes > YD_MAX_NODES) {
		yd_error(doc, NULL, _("the file has %zu values; bianmin reads at most %d"), doc->n_nodes, YD_MAX_NODES);
		yd_free(doc);
		return NULL;
	}
	check_duplicates(doc);
	return doc;
}

char *yd_read_file(const char *path, size_t *len, bm_diags *d)
{
	/* read at most YD_MAX_BYTES: /dev/zero or a huge file is refused with
	 * a sentence instead of filling the memory */
	FILE *f = fopen(path, "rb");
	if (!f) {
		diags_file_error(d, path, _("cannot open: %s"), strerror(errno));
		return NULL;
	}
	bm_buf b = {0};
	char chunk[65536];
	size_t k;
	bool big = false;
	while ((k = fread(chunk, 1, sizeof chunk, f)) > 0) {
		if (b.len + k > YD_MAX_BYTES) {
			big = true;
			break;
		}
		bm_buf_append(&b, chunk, k);
	}
	bool bad = ferror(f) != 0;
	int e = errno;
	fclose(f);
	if (big || bad) {
		if (big)
			diags_file_error(d, path, _("the file is larger than %d MB; bianmin reads at most that (is it the right file?)"),
					 YD_MAX_BYTES >> 20);
		else
			diags_file_error(d, path, _("cannot read: %s"), strerror(e));
		bm_buf_free(&b);
		return NULL;
	}
	bm_buf_append(&b, "", 0);
	if (len)
		*len = b.len;
	return b.data ? b.data : bm_xstrdup("");
}

yd_doc *yd_load(const char *path, bm_diags *d)
{
	size_t len;
	char *text = yd_read_file(path, &len, d);
	if (!text)
		return NULL;
	yd_doc *doc = yd_load_mem(path, text, len, d);
	free(text);
	return doc;
}

void yd_free(yd_doc *doc)
{
	if (!doc)
		return;
	for (size_t i = 0; i < doc->n_nodes; i++) {
		free(doc->nodes[i].str);
		free(doc->nodes[i].kids);
		free(doc->nodes[i].keys);
	}
	free(doc->nodes);
	free(doc->file);
	free(doc->source);
	free(doc);
}

yd_node *yd_get(const yd_node *m, const char *key)
{
	if (!m || m->kind != YD_MAP)
		return NULL;
	for (size_t i = 0; i < m->n; i++)
		if (m->keys[i]->kind == YD_SCALAR && !strcmp(m->keys[i]->str, key))
			return m->kids[i];
	return NULL;
}

int yd_edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 64 || lb > 64)
		return INT_MAX;
	int row[65];
	for (size_t j = 0; j <= lb; j++)
		row[j] = (int)j;
	for (size_t i = 1; i <= la; i++) {
		int diag = row[0];
		row[0] = (int)i;
		for (size_t j = 1; j <= lb; j++) {
			int up = row[j];
			int best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

void yd_check_keys(yd_doc *doc, const yd_node *m, const char *const *known)
{
	if (!m || m->kind != YD_MAP)
		return;
	for (size_t i = 0; i < m->n; i++) {
		const yd_node *k = m->keys[i];
		if (k->kind != YD_SCALAR) {
			yd_error(doc, k, _("a key must be a plain name, not %s"), kind_name(k->kind));
			continue;
		}
		bool found = false;
		for (const char *const *q = known; *q && !found; q++)
			found = !strcmp(*q, k->str);
		if (found)
			continue;
		/* "did you mean": edit distances only for a key that is wrong */
		const char *best = NULL;
		int bestd = INT_MAX;
		for (const char *const *q = known; *q; q++) {
			int dist = yd_edit_distance(k->str, *q);
			if (dist < bestd) {
				bestd = dist;
				best = *q;
			}
		}
		/* close: a typo or two, or a third of the word */
		if (best && (bestd <= 2 || bestd * 3 <= (int)strlen(best)) && bestd < (int)strlen(k->str))
			yd_error(doc, k, _("unknown key '%s' (did you mean '%s'?)"), k->str, best);
		else
			yd_error(doc, k, _("unknown key '%s'"), k->str);
	}
}

bool yd_expect_map(yd_doc *doc, const yd_node *n, const char *what)
{
	if (n && n->kind == YD_MAP)
		return true;
	yd_error(doc, n, _("%s must be a mapping (key: value), not %s"), what,
		 n ? kind_name(n->kind) : _("nothing"));
	return false;
}

bool yd_expect_seq(yd_doc *doc, const yd_node *n, const char *what)
{
	if (n && n->kind == YD_SEQ)
		return true;
	yd_error(doc, n, _("%s must be a list, not %s"), what, n ? kind_name(n->kind) : _("nothing"));
	return false;
}

/* The null scalar: "key:" with nothing, "~" or "null", unquoted. */
static bool is_null(const yd_node *n)
{
	return n->kind == YD_SCALAR && n->plain &&
	       (!*n->str || !strcmp(n->str, "~") || !strcmp(n->str, "null") || !strcmp(n->str, "Null") ||
		!strcmp(n->str, "NULL"));
}

bool yd_string(yd_doc *doc, const yd_node *m, const char *key, bool required, char **out)
{
	const yd_node *v = yd_get(m, key);
	if (!v || is_null(v)) {
		if (!required)
			return true;
		if (!v)
			yd_error(doc, m, _("missing required key '%s'"), key);
		else
			yd_error(doc, v, _("'%s' must not be empty"), key);
		return false;
	}
	if (v->kind != YD_SCALAR) {
		yd_error(doc, v, _("'%s' must be a string, not %s"), key, kind_name(v->kind));
		return false;
	}
	const char *s = v->str;
	while (*s == ' ' || *s == '\t')
		s++;
	if (!*s && required) {
		yd_error(doc, v, _("'%s' must not be empty"), key);
		return false;
	}
	free(*out);
	*out = bm_xstrdup(v->str);
	return true;
}

bool yd_int(yd_doc *doc, const yd_node *m, const char *key, bool required, int min, int max, int *out)
{
	const yd_node *v = yd_get(m, key);
	if (!v || is_null(v)) {
		if (required && v)
			yd_error(doc, v, _("'%s' must not be empty"), key);
		else if (required)
			yd_error(doc, m, _("missing required key '%s'"), key);
		return !required;
	}
	if (v->kind != YD_SCALAR) {
		yd_error(doc, v, _("'%s' must be a whole number, not %s"), key, kind_name(v->kind));
		return false;
	}
	const char *s = v->str;
	bool neg = *s == '-';
	if (neg || *s == '+')
		s++;
	bool digits = *s != '\0';
	long long val = 0;
	for (const char *p = s; *p; p++) {
		if (*p < '0' || *p > '9') {
			digits = false;
			break;
		}
		if (val < 100000000)
			val = val * 10 + (*p - '0');
	}
	if (!digits || !v->plain) {
		yd_error(doc, v, _("'%s' must be a whole number, not '%s'"), key, v->str);
		return false;
	}
	if (neg)
		val = -val;
	if (val < min) {
		if (min == 0)
			yd_error(doc, v, _("'%s' must not be negative (got %s)"), key, v->str);
		else
			yd_error(doc, v, _("'%s' must be at least %d (got %s)"), key, min, v->str);
		return false;
	}
	if (val > max) {
		yd_error(doc, v, _("'%s' must be at most %d (got %s)"), key, max, v->str);
		return false;
	}
	*out = (int)val;
	return true;
}

bool yd_bool(yd_doc *doc, const yd_node *m, const char *key, bool *out)
{
	const yd_node *v = yd_get(m, key);
	if (!v)
		return true;
	if (v->kind == YD_SCALAR && v->plain && !strcmp(v->str, "true")) {
		*out = true;
		return true;
	}
	if (v->kind == YD_SCALAR && v->plain && !strcmp(v->str, "false")) {
		*out = false;
		return true;
	}
	if (v->kind == YD_SCALAR)
		yd_error(doc, v, _("'%s' must be true or false, not '%s'"), key, v->str);
	else
		yd_error(doc, v, _("'%s' must be true or false, not %s"), key, kind_name(v->kind));
	return false;
}

void yd_strings_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

bool yd_strings(yd_doc *doc, const yd_node *m, const char *key, bool nonempty, char ***out, size_t *n)
{
	const yd_node *v = yd_get(m, key);
	if (!v || is_null(v)) {
		if (v && nonempty) {
			yd_error(doc, v, _("'%s' must not be empty"), key);
			return false;
		}
		return true;
	}
	if (v->kind != YD_SEQ) {
		yd_error(doc, v, _("'%s' must be a list, not %s"), key, kind_name(v->kind));
		return false;
	}
	if (v->n == 0 && nonempty) {
		yd_error(doc, v, _("'%s' must not be empty"), key);
		return false;
	}
	bool ok = true;
	char **r = bm_xcalloc(v->n ? v->n : 1, sizeof *r);
	size_t k = 0;
	for (size_t i = 0; i < v->n; i++) {
		const yd_node *e = v->kids[i];
		if (e->kind != YD_SCALAR) {
			yd_error(doc, e, _("each entry of '%s' must be a string, not %s"), key, kind_name(e->kind));
			ok = false;
		} else if (is_null(e) || !*e->str) {
			yd_error(doc, e, _("an entry of '%s' is empty"), key);
			ok = false;
		} else {
			r[k++] = bm_xstrdup(e->str);
		}
	}
	if (!ok) {
		yd_strings_free(r, k);
		return false;
	}
	yd_strings_free(*out, *n);
	*out = r;
	*n = k;
	return true;
}

/* line * 1e6 + col of a "FILE:LINE:COL: ..." message; messages without a
 * position sort first. */
static long msg_pos(const yd_doc *doc, const char *m)
{
	size_t fl = strlen(doc->file);
	if (strncmp(m, doc->file, fl) || m[fl] != ':')
		return -1;
	char *end;
	long line = strtol(m + fl + 1, &end, 10);
	if (*end != ':')
		return -1;
	long col = strtol(end + 1, &end, 10);
	return line * 1000000 + col;
}

void yd_sort_diags(const yd_doc *doc, size_t from)
{
	bm_diags *d = doc->d;
	/* insertion sort: stable, and there are few messages */
	for (size_t i = from + 1; i < d->n; i++) {
		char *m = d->msgs[i];
		long p = msg_pos(doc, m);
		size_t j = i;
		while (j > from && msg_pos(doc, d->msgs[j - 1]) > p) {
			d->msgs[j] = d->msgs[j - 1];
			j--;
		}
		d->msgs[j] = m;
	}
}
