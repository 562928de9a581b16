/* yamldoc.c - libyaml's events turned straight into a small node tree
 * with 1-based positions (one pass, nodes and text in an arena), plus the
 * typed readers every loader shares. */
#include "bianmin/yamldoc.h"
#include "bianmin/text.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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

/* The value stored under key, or NULL. */
static const void *strset_get(const yd_strset *set, const char *key)
{
	size_t mask = set->cap - 1;
	for (size_t i = (size_t)str_hash(key) & mask; set->slots[i].key; i = (i + 1) & mask)
		if (!strcmp(set->slots[i].key, key))
			return set->slots[i].value;
	return NULL;
}

void yd_strset_free(yd_strset *set)
{
	free(set->slots);
	memset(set, 0, sizeof *set);
}

/* strcmp(a, b) == 0 inline: keys are short and most differ at once */
static inline bool same_str(const char *a, const char *b)
{
	while (*a && *a == *b) {
		a++;
		b++;
	}
	return *a == *b;
}

/* ---- an arena: every node, scalar text and child array of a document --
 * One malloc per block instead of three per node; yd_free drops them all. */

struct yd_block {
	struct yd_block *next;
	size_t used, cap;
	max_align_t data[];
};

static struct yd_block *arena_grow(yd_doc *doc, size_t size)
{
	/* the first block fits a catalog (its tree takes 5-9 times its
	 * bytes), so one allocation is the rule; then they double */
	struct yd_block *b = doc->arena;
	size_t cap = b ? b->cap * 2 : doc->len * 10 + 4096;
	if (cap > ((size_t)1 << 24))
		cap = (size_t)1 << 24;
	if (cap < size)
		cap = size;
	struct yd_block *nb = bm_xmalloc(sizeof *nb + cap);
	nb->next = b;
	nb->used = 0;
	nb->cap = cap;
	return doc->arena = nb;
}

static inline void *arena_alloc(yd_doc *doc, size_t size)
{
	size = (size + 7) & ~(size_t)7;   /* pointers and sizes stay aligned */
	struct yd_block *b = doc->arena;
	if (!b || b->cap - b->used < size)
		b = arena_grow(doc, size);
	void *p = (char *)b->data + b->used;
	b->used += size;
	return p;
}

/* ---- libyaml's events straight into our nodes ----------------------- */

/* A libyaml mark as our 1-based position. */
static void at_mark(yd_node *at, yaml_mark_t m)
{
	at->line = (int)m.line + 1;
	at->col = (int)m.column + 1;
}

/* Whether the file has a byte that is not UTF-8, reporting the first
 * ("invalid UTF-8 byte", alone, as it always was).  libyaml's reader
 * refuses exactly the sequences text_utf8_valid refuses, so a file it read
 * to its end is valid and is not scanned twice; this is asked only before
 * saying anything else about a file libyaml stopped early in. */
static bool utf8_bad(yd_doc *doc)
{
	if (!doc->utf8) {
		size_t bad;
		doc->utf8 = text_utf8_valid(doc->source, doc->len, &bad) ? 1 : -1;
		if (doc->utf8 < 0) {
			yd_node at = {0};
			position(doc->source, bad, &at.line, &at.col);
			yd_error(doc, &at, _("invalid UTF-8 byte 0x%02X"), (unsigned)(unsigned char)doc->source[bad]);
		}
	}
	return doc->utf8 < 0;
}

static bool utf8_bad_known(const yd_doc *doc)
{
	return doc->utf8 < 0;
}

/* "YAML syntax error: PROBLEM (CONTEXT at line L, column C)" at `at`,
 * unless the file is not UTF-8 (then that is the one message). */
static void report_syntax(yd_doc *doc, const yd_node *at, const char *problem, const char *context,
			  const yd_node *context_at)
{
	if (utf8_bad(doc))
		return;
	if (!problem)
		problem = _("cannot parse");
	if (context)
		yd_error(doc, at, _("YAML syntax error: %s (%s at line %d, column %d)"), problem, context,
			 context_at->line, context_at->col);
	else
		yd_error(doc, at, _("YAML syntax error: %s"), problem);
}

static void syntax_error(yd_doc *doc, yaml_parser_t *p)
{
	yd_node at = {0}, ctx = {0};
	if (p->error == YAML_READER_ERROR) {
		/* problem_offset is a byte offset; problem_mark is not set */
		position(doc->source, p->problem_offset < doc->len ? p->problem_offset : doc->len,
			 &at.line, &at.col);
	} else {
		at_mark(&at, p->problem_mark);
	}
	at_mark(&ctx, p->context_mark);
	report_syntax(doc, &at, p->problem, p->context, &ctx);
}

/* The composer's state while one document's events arrive: the open
 * lists and mappings, and the children read so far of each (a mapping's
 * as key, value, key, value...).  What libyaml's yaml_parser_load does,
 * without its document and our copy of it. */
typedef struct builder {
	yd_doc *doc;
	yd_node **kids;          /* children of the open collections, in order */
	size_t n_kids, cap_kids;
	/* from: its first child in kids; map: a mapping's number in document
	 * order (duplicate keys are reported in that order) */
	struct open_coll { yd_node *node; size_t from, map; } *open;
	size_t n_open, cap_open;
	yd_strset anchors;       /* anchor (in the arena) -> its node */
} builder;

static yd_node *new_node(builder *b, yd_kind kind, yaml_mark_t start)
{
	yd_doc *doc = b->doc;
	yd_node *n = arena_alloc(doc, sizeof *n);
	memset(n, 0, sizeof *n);
	n->kind = kind;
	at_mark(n, start);
	doc->n_nodes++;
	return n;
}

/* n becomes the next child of the innermost open collection, or the
 * root. */
static void add_child(builder *b, yd_node *n)
{
	if (!b->n_open) {
		if (!b->doc->root)
			b->doc->root = n;
		return;
	}
	if (b->n_kids == b->cap_kids) {
		b->cap_kids = b->cap_kids ? b->cap_kids * 2 : 256;
		b->kids = bm_xrealloc(b->kids, b->cap_kids * sizeof *b->kids);
	}
	b->kids[b->n_kids++] = n;
}

/* libyaml's sentences for anchors, at the same marks: a second anchor
 * of one name is refused, so is an alias to none. */
static bool add_anchor(builder *b, const yaml_char_t *anchor, yd_node *n)
{
	if (!anchor)
		return true;
	size_t len = strlen((const char *)anchor);
	char *name = arena_alloc(b->doc, len + 1);
	memcpy(name, anchor, len + 1);
	const yd_node *first = yd_strset_add(&b->anchors, name, n);
	if (!first)
		return true;
	report_syntax(b->doc, n, "second occurrence", "found duplicate anchor; first occurrence", first);
	return false;
}

static void open_collection(builder *b, yd_node *n)
{
	if (b->n_open == b->cap_open) {
		b->cap_open = b->cap_open ? b->cap_open * 2 : 16;
		b->open = bm_xrealloc(b->open, b->cap_open * sizeof *b->open);
	}
	b->open[b->n_open].node = n;
	b->open[b->n_open].from = b->n_kids;
	b->open[b->n_open].map = n->kind == YD_MAP ? b->doc->n_maps++ : 0;
	b->n_open++;
}

/* ---- duplicate keys: found as each mapping closes (its keys are still
 * in the cache), reported after the parse in document order ---------- */

struct yd_dup {
	size_t map, seq;         /* the mapping's number; the order found */
	const yd_node *key, *first;
};

static void add_duplicate(yd_doc *doc, size_t map, const yd_node *key, const yd_node *first)
{
	if (doc->n_dups == doc->cap_dups) {
		doc->cap_dups = doc->cap_dups ? doc->cap_dups * 2 : 16;
		doc->dups = bm_xrealloc(doc->dups, doc->cap_dups * sizeof *doc->dups);
	}
	doc->dups[doc->n_dups] = (struct yd_dup){map, doc->n_dups, key, first};
	doc->n_dups++;
}

/* Each key of m that an earlier key of m already has, with that first. */
static void find_duplicates(yd_doc *doc, const yd_node *m, size_t map)
{
	if (m->n < 2)
		return;
	if (m->n <= 16) {
		/* a small map: comparing pairs is cheaper than a table */
		for (size_t a = 1; a < m->n; a++) {
			if (m->keys[a]->kind != YD_SCALAR)
				continue;
			const char *ka = m->keys[a]->str;
			for (size_t k = 0; k < a; k++)
				if (m->keys[k]->kind == YD_SCALAR && same_str(ka, m->keys[k]->str)) {
					add_duplicate(doc, map, m->keys[a], m->keys[k]);
					break;
				}
		}
		return;
	}
	yd_strset seen;
	yd_strset_init(&seen, m->n);
	for (size_t a = 0; a < m->n; a++) {
		if (m->keys[a]->kind != YD_SCALAR)
			continue;
		const yd_node *first = yd_strset_add(&seen, m->keys[a]->str, m->keys[a]);
		if (first)
			add_duplicate(doc, map, m->keys[a], first);
	}
	yd_strset_free(&seen);
}

static int dup_order(const void *x, const void *y)
{
	const struct yd_dup *a = x, *b = y;
	if (a->map != b->map)
		return a->map < b->map ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

static void report_duplicates(yd_doc *doc)
{
	if (doc->n_dups > 1)
		qsort(doc->dups, doc->n_dups, sizeof *doc->dups, dup_order);
	for (size_t i = 0; i < doc->n_dups; i++)
		yd_error(doc, doc->dups[i].key, _("duplicate key '%s' (first at line %d)"), doc->dups[i].key->str,
			 doc->dups[i].first->line);
}

static void close_collection(builder *b)
{
	struct open_coll o = b->open[--b->n_open];
	yd_node *n = o.node, **k = b->kids ? b->kids + o.from : NULL;   /* NULL: none yet anywhere */
	size_t count = b->n_kids - o.from;
	if (n->kind == YD_SEQ) {
		n->n = count;
		n->kids = arena_alloc(b->doc, (count ? count : 1) * sizeof *n->kids);
		if (count)
			memcpy(n->kids, k, count * sizeof *k);
	} else {
		/* libyaml gives every key a value (an empty scalar if none) */
		n->n = count / 2;
		n->kids = arena_alloc(b->doc, (n->n ? n->n : 1) * sizeof *n->kids);
		n->keys = arena_alloc(b->doc, (n->n ? n->n : 1) * sizeof *n->keys);
		for (size_t i = 0; i < n->n; i++) {
			n->keys[i] = k[2 * i];
			n->kids[i] = k[2 * i + 1];
		}
		find_duplicates(b->doc, n, o.map);
	}
	b->n_kids = o.from;
}

/* One event of the first document into the tree; false on an alias or
 * anchor libyaml's loader refuses (reported). */
static bool take_event(builder *b, const yaml_event_t *ev)
{
	yd_node *n;
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		n = new_node(b, YD_SCALAR, ev->start_mark);
		n->str = arena_alloc(b->doc, ev->data.scalar.length + 1);
		memcpy(n->str, ev->data.scalar.value, ev->data.scalar.length);
		n->str[ev->data.scalar.length] = '\0';
		n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
		if (!add_anchor(b, ev->data.scalar.anchor, n))
			return false;
		add_child(b, n);
		return true;
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT: {
		bool seq = ev->type == YAML_SEQUENCE_START_EVENT;
		n = new_node(b, seq ? YD_SEQ : YD_MAP, ev->start_mark);
		if (!add_anchor(b, seq ? ev->data.sequence_start.anchor : ev->data.mapping_start.anchor, n))
			return false;
		add_child(b, n);
		open_collection(b, n);
		return true;
	}
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		if (b->n_open)
			close_collection(b);
		return true;
	case YAML_ALIAS_EVENT: {
		/* an alias shares its anchor's node, as libyaml's loader does
		 * (so a billion laughs costs nothing) */
		n = b->anchors.n ? (yd_node *)strset_get(&b->anchors, (const char *)ev->data.alias.anchor) : NULL;
		if (!n) {
			yd_node at = {0};
			at_mark(&at, ev->start_mark);
			report_syntax(b->doc, &at, "found undefined alias", NULL, NULL);
			return false;
		}
		add_child(b, n);
		return true;
	}
	default:
		return true;
	}
}

/* Parse the first document into doc; false (reported) on a mistake. */
static bool build(yd_doc *doc, yaml_parser_t *p)
{
	builder b = {.doc = doc};
	yd_strset_init(&b.anchors, 0);
	bool ok = true, done = false;
	while (ok && !done) {
		yaml_event_t ev;
		if (!yaml_parser_parse(p, &ev)) {
			syntax_error(doc, p);
			ok = false;
			break;
		}
		done = ev.type == YAML_DOCUMENT_END_EVENT || ev.type == YAML_STREAM_END_EVENT;
		ok = take_event(&b, &ev);
		yaml_event_delete(&ev);
	}
	free(b.kids);
	free(b.open);
	yd_strset_free(&b.anchors);
	return ok;
}

static bool parse(yd_doc *doc)
{
	yaml_parser_t p;
	if (!yaml_parser_initialize(&p)) {
		diags_file_error(doc->d, doc->file, "%s", _("cannot start the YAML parser"));
		return false;
	}
	yaml_parser_set_input_string(&p, (const unsigned char *)doc->source, doc->len);
	yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
	if (!build(doc, &p)) {
		yaml_parser_delete(&p);
		return false;
	}
	/* A second document would be silently ignored: say so (the error is
	 * counted, and the first document is still checked).  libyaml's
	 * loader reads it, as before, so its mistakes read the same. */
	if (doc->root) {
		yaml_document_t more;
		if (!yaml_parser_load(&p, &more)) {
			syntax_error(doc, &p);
		} else {
			yaml_node_t *r = yaml_document_get_root_node(&more);
			if (r && !utf8_bad(doc)) {   /* libyaml stopped before the end */
				yd_node at = {0};
				at_mark(&at, r->start_mark);
				yd_error(doc, &at, "%s", _("only one YAML document is allowed in this file"));
			}
			yaml_document_delete(&more);
		}
	}
	yaml_parser_delete(&p);
	return !utf8_bad_known(doc);
}

/* libyaml's scanner is quadratic in the depth of flow collections
 * ([[[[...): refuse deep ones before it sees them.  Quotes and comments
 * are skipped; a bracket in a plain scalar may count, which only matters
 * past YD_MAX_DEPTH unclosed ones. */
static bool flow_too_deep(const char *s, size_t n, size_t *at)
{
	/* s[n] is '\0' (doc->source); strcspn skips the other bytes fast and
	 * stops at a '\0' inside the file too, which is stepped over */
	int depth = 0;
	for (size_t i = 0; i < n; i++) {
		i += strcspn(s + i, "#\"'[{]}");
		if (i >= n)
			break;
		char c = s[i];
		if (c == '\0')
			continue;
		if (c == '"' || c == '\'') {
			/* to the closing quote ("\"" does not close a double one) */
			for (i++; i < n && s[i] != c; i++)
				if (c == '"' && s[i] == '\\' && i + 1 < n)
					i++;
		} else if (c == '#') {
			if (i == 0 || s[i - 1] == ' ' || s[i - 1] == '\t' || s[i - 1] == '\n') {
				const char *nl = memchr(s + i, '\n', n - i);
				i = nl ? (size_t)(nl - s) : n;
			}
		} else if (c == '[' || c == '{') {
			if (++depth > YD_MAX_DEPTH) {
				*at = i;
				return true;
			}
		} else if (depth > 0) {
			depth--;
		}
	}
	return false;
}

yd_doc *yd_load_mem(const char *name, const char *text, size_t len, bm_diags *d)
{
	return yd_load_buf(name, bm_xstrndup(text, len), len, d);
}

yd_doc *yd_load_buf(const char *name, char *text, size_t len, bm_diags *d)
{
	/* a UTF-8 byte order mark (some Windows editors write one) is skipped */
	if (len >= 3 && !memcmp(text, "\xEF\xBB\xBF", 3)) {
		len -= 3;
		memmove(text, text + 3, len + 1);
	}
	yd_doc *doc = bm_xcalloc(1, sizeof *doc);
	doc->file = bm_xstrdup(name);
	doc->source = text;
	doc->len = len;
	doc->d = d;
	/* UTF-8 is checked by libyaml's reader as it goes, and by us only
	 * when something stops it (utf8_bad) */
	size_t deep;
	if (flow_too_deep(doc->source, len, &deep)) {
		if (!utf8_bad(doc)) {
			yd_node at = {0};
			position(text, deep, &at.line, &at.col);
			yd_error(doc, &at, _("lists and mappings are nested more than %d deep here; a catalog needs far fewer"),
				 YD_MAX_DEPTH);
		}
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
	report_duplicates(doc);
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
	/* straight into the buffer, sized from the file when it is a plain
	 * one (+1 to see the end in one read, +1 for the NUL) */
	bm_buf b = {0};
	size_t first = 65536;
	struct stat st;
	if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && st.st_size >= 0 && st.st_size <= YD_MAX_BYTES)
		first = (size_t)st.st_size + 2;
	bool big = false;
	for (;;) {
		if (b.cap - b.len < 2) {
			size_t cap = b.cap ? b.cap * 2 : first;
			if (cap > (size_t)YD_MAX_BYTES + 2)
				cap = (size_t)YD_MAX_BYTES + 2;
			b.data = bm_xrealloc(b.data, cap);
			b.cap = cap;
		}
		size_t k = fread(b.data + b.len, 1, b.cap - b.len - 1, f);
		if (k == 0)
			break;
		b.len += k;
		if (b.len > YD_MAX_BYTES) {
			big = true;
			break;
		}
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
	b.data[b.len] = '\0';
	if (len)
		*len = b.len;
	return b.data;
}

yd_doc *yd_load(const char *path, bm_diags *d)
{
	size_t len;
	char *text = yd_read_file(path, &len, d);
	if (!text)
		return NULL;
	return yd_load_buf(path, text, len, d);
}

void yd_free(yd_doc *doc)
{
	if (!doc)
		return;
	for (struct yd_block *b = doc->arena, *next; b; b = next) {
		next = b->next;
		free(b);
	}
	free(doc->dups);
	free(doc->file);
	free(doc->source);
	free(doc);
}

yd_node *yd_get(const yd_node *m, const char *key)
{
	if (!m || m->kind != YD_MAP)
		return NULL;
	/* loaders ask for every key they know: same_str, not a call */
	for (size_t i = 0; i < m->n; i++)
		if (m->keys[i]->kind == YD_SCALAR && same_str(m->keys[i]->str, key))
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
			found = same_str(*q, k->str);
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
	if (n->kind != YD_SCALAR || !n->plain)
		return false;
	const char *s = n->str;
	switch (s[0]) {   /* every value is asked: most are none of these */
	case '\0': return true;
	case '~': return !s[1];
	case 'n': case 'N': return !strcmp(s, "null") || !strcmp(s, "Null") || !strcmp(s, "NULL");
	default: return false;
	}
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
