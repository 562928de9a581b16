/* slip.c - templates of forms/: parse (every mistake reported as
 * FILE:LINE: message at load time) and evaluate against a context into a
 * slip_doc.  The language is described in bianmin-forms(5); no code runs
 * from a template. */
#include "slip_doc.h"
#include "bianmin/text.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum {
	N_TEXT,    /* literal text */
	N_VAR,     /* {{name}} {{name:N}} {{name:>N}} */
	N_CELL,    /* '|' in a @field/@row/@head line */
	N_DIR,     /* @directive at the start of a line */
	N_NL,      /* end of a template line */
	N_EACH,    /* {{#each list}} ... {{/each}} */
	N_IF,      /* {{#if name}} ... {{else}} ... {{/if}} */
} node_type;

typedef struct node node;
typedef struct nodes {
	node *v;
	size_t n, cap;
} nodes;

struct node {
	node_type type;
	char *s;               /* TEXT: the text; VAR/EACH/IF: the name */
	int pad;               /* VAR: pad to this many columns (0 = none) */
	bool right;            /* VAR: right-align */
	slip_block_type dir;   /* DIR */
	slip_col *cols;        /* DIR @cols */
	size_t n_cols;
	nodes body, alt;       /* EACH/IF: body; IF: else branch */
	int line;
};

struct slip_form {
	char *key, *title, *about;
	slip_paper paper;
	nodes body;
};

/* ---- nodes ------------------------------------------------------------ */

static node *push(nodes *ns, node_type t, int line)
{
	if (ns->n == ns->cap) {
		ns->cap = ns->cap ? 2 * ns->cap : 16;
		ns->v = bm_xrealloc(ns->v, ns->cap * sizeof(node));
	}
	node *n = &ns->v[ns->n++];
	memset(n, 0, sizeof *n);
	n->type = t;
	n->line = line;
	return n;
}

static void nodes_free(nodes *ns)
{
	for (size_t i = 0; i < ns->n; i++) {
		free(ns->v[i].s);
		free(ns->v[i].cols);
		nodes_free(&ns->v[i].body);
		nodes_free(&ns->v[i].alt);
	}
	free(ns->v);
	ns->v = NULL;
	ns->n = ns->cap = 0;
}

void slip_free(slip_form *f)
{
	if (!f)
		return;
	nodes_free(&f->body);
	free(f->key);
	free(f->title);
	free(f->about);
	free(f);
}

const char *slip_title(const slip_form *f) { return f->title; }
const char *slip_key(const slip_form *f) { return f->key; }
slip_paper slip_paper_of(const slip_form *f) { return f->paper; }

const char *slip_paper_key(slip_paper p)
{
	switch (p) {
	case SLIP_RECEIPT: return "receipt";
	case SLIP_REPORT: return "report";
	default: return "notice";
	}
}

/* ---- parser ----------------------------------------------------------- */

#define MAX_DEPTH 8

typedef struct parser {
	const char *file;
	bm_diags *d;
	int line;
	const char *src_line;    /* NUL-terminated copy of the current line */
	/* open sections: the node and the container its body is in */
	node *open[MAX_DEPTH];
	const char *open_list[MAX_DEPTH];   /* list name of an open #each, else NULL */
	bool in_else[MAX_DEPTH];
	int depth;
	nodes *root;
} parser;

static void perr(parser *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void perr(parser *p, const char *fmt, ...)
{
	char msg[600];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	diags_error(p->d, p->file, p->src_line, p->line, 0, "%s", msg);
}

static nodes *cur(parser *p)
{
	if (p->depth == 0)
		return p->root;
	node *o = p->open[p->depth - 1];
	return p->in_else[p->depth - 1] ? &o->alt : &o->body;
}

static const char *cur_list(parser *p)
{
	for (int i = p->depth - 1; i >= 0; i--)
		if (p->open_list[i])
			return p->open_list[i];
	return NULL;
}

static bool is_name(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!(islower((unsigned char)*s) || isdigit((unsigned char)*s) || *s == '_'))
			return false;
	return true;
}

/* Is `name` usable here as a value (field of the current list or top)? */
static bool check_field(parser *p, const char *name)
{
	if (!is_name(name)) {
		perr(p, _("'%s' is not a field name (lower-case letters, digits and _)"), name);
		return false;
	}
	if (slip_list_known(name)) {
		perr(p, _("'%s' is a list; use {{#each %s}} ... {{/each}}"), name, name);
		return false;
	}
	if (!slip_field_known(cur_list(p), name)) {
		const char *l = cur_list(p);
		if (l) {
			perr(p, _("unknown field '%s' (inside {{#each %s}}); see bianmin-forms(5) for the fields"),
			     name, l);
		} else {
			perr(p, _("unknown field '%s'; see bianmin-forms(5) for the fields"), name);
		}
		return false;
	}
	return true;
}

static char *trim_dup(const char *s, size_t n)
{
	while (n && isspace((unsigned char)*s))
		s++, n--;
	while (n && isspace((unsigned char)s[n - 1]))
		n--;
	return bm_xstrndup(s, n);
}

/* One {{...}} tag (inner text, trimmed).  Returns false on error. */
static bool parse_tag(parser *p, const char *in, int line)
{
	if (in[0] == '!')
		return true;   /* comment */
	if (in[0] == '#') {
		const char *sp = in + 1;
		size_t kw = strcspn(sp, " \t");
		char *word = bm_xstrndup(sp, kw);
		char *name = trim_dup(sp + kw, strlen(sp + kw));
		bool ok = true;
		bool each = strcmp(word, "each") == 0, iff = strcmp(word, "if") == 0;
		if (!each && !iff) {
			perr(p, _("unknown section {{#%s}}; use {{#each LIST}} or {{#if FIELD}}"), word);
			ok = false;
		} else if (!*name) {
			perr(p, _("{{#%s}} needs a name"), word);
			ok = false;
		} else if (each && !slip_list_known(name)) {
			perr(p, _("unknown list '%s' in {{#each}}; see bianmin-forms(5) for the lists"), name);
			ok = false;
		} else if (iff && !slip_list_known(name) && !check_field(p, name)) {
			ok = false;
		} else if (p->depth == MAX_DEPTH) {
			perr(p, _("sections nested too deeply (%s)"), word);
			ok = false;
		} else if (each) {
			/* a list inside a list grows as the square of it */
			for (int k = 0; k < p->depth && ok; k++)
				if (p->open_list[k]) {
					perr(p, _("{{#each %s}} inside {{#each %s}}: lists do not nest"), name, p->open_list[k]);
					ok = false;
				}
		}
		if (ok) {
			node *n = push(cur(p), each ? N_EACH : N_IF, line);
			n->s = bm_xstrdup(name);
			p->open[p->depth] = n;
			p->open_list[p->depth] = each ? n->s : NULL;
			p->in_else[p->depth] = false;
			p->depth++;
		}
		free(word);
		free(name);
		return ok;
	}
	if (in[0] == '/') {
		char *word = trim_dup(in + 1, strlen(in + 1));
		bool ok = true;
		if (p->depth == 0) {
			perr(p, _("{{/%s}} closes nothing"), word);
			ok = false;
		} else {
			node *o = p->open[p->depth - 1];
			const char *want = o->type == N_EACH ? "each" : "if";
			if (strcmp(word, want) != 0) {
				perr(p, _("{{/%s}} where {{/%s}} (opened on line %d) was expected"),
				     word, want, o->line);
				ok = false;
			} else {
				p->depth--;
			}
		}
		free(word);
		return ok;
	}
	if (strcmp(in, "else") == 0) {
		if (p->depth == 0 || p->open[p->depth - 1]->type != N_IF || p->in_else[p->depth - 1]) {
			perr(p, "%s", _("{{else}} outside {{#if}}"));
			return false;
		}
		p->in_else[p->depth - 1] = true;
		return true;
	}
	/* a value: name, name:N, name:>N */
	const char *colon = strchr(in, ':');
	char *name = bm_xstrndup(in, colon ? (size_t)(colon - in) : strlen(in));
	int pad = 0;
	bool right = false;
	bool ok = check_field(p, name);
	if (ok && colon) {
		const char *q = colon + 1;
		if (*q == '>')
			right = true, q++;
		char *end;
		long v = strtol(q, &end, 10);
		if (!isdigit((unsigned char)*q) || *end || v < 1 || v > 200) {
			perr(p, _("bad width in {{%s}}; write {{name:N}} or {{name:>N}}, N from 1 to 200"), in);
			ok = false;
		}
		pad = (int)v;
	}
	if (ok) {
		node *n = push(cur(p), N_VAR, line);
		n->s = name;
		n->pad = pad;
		n->right = right;
	} else {
		free(name);
	}
	return ok;
}

static void push_text(parser *p, const char *s, size_t n, bool cells)
{
	while (n) {
		size_t k = cells ? strcspn(s, "|") : n;
		if (k > n)
			k = n;
		if (k) {
			node *t = push(cur(p), N_TEXT, p->line);
			t->s = bm_xstrndup(s, k);
		}
		s += k, n -= k;
		if (n && *s == '|') {
			push(cur(p), N_CELL, p->line);
			s++, n--;
		}
	}
}

/* Text and tags of a line (or the rest of it after the directive). */
static bool parse_inline(parser *p, const char *s, bool cells)
{
	bool ok = true;
	while (*s) {
		const char *o = strstr(s, "{{");
		if (!o) {
			push_text(p, s, strlen(s), cells);
			break;
		}
		push_text(p, s, (size_t)(o - s), cells);
		const char *c = strstr(o + 2, "}}");
		if (!c) {
			perr(p, "%s", _("'{{' without a closing '}}'"));
			return false;
		}
		char *in = trim_dup(o + 2, (size_t)(c - o - 2));
		ok = parse_tag(p, in, p->line) && ok;
		free(in);
		s = c + 2;
	}
	return ok;
}

/* A line made only of section tags ({{#..}} {{/..}} {{else}} {{!..}})
 * leaves no line in the output. */
static bool standalone(const char *s)
{
	bool any = false;
	for (;;) {
		while (*s == ' ' || *s == '\t')
			s++;
		if (!*s)
			return any;
		if (strncmp(s, "{{", 2) != 0)
			return false;
		const char *t = s + 2;
		while (*t == ' ')
			t++;
		if (!(*t == '#' || *t == '/' || *t == '!' || strncmp(t, "else", 4) == 0))
			return false;
		const char *c = strstr(t, "}}");
		if (!c)
			return false;
		any = true;
		s = c + 2;
	}
}

static const struct {
	const char *name;
	slip_block_type type;
} directives[] = {
	{ "title", SB_TITLE }, { "center", SB_CENTER }, { "right", SB_RIGHT },
	{ "rule", SB_RULE }, { "field", SB_FIELD }, { "head", SB_HEAD },
	{ "row", SB_ROW }, { "cols", SB_TEXT },
};

static bool parse_cols(parser *p, node *n, const char *spec)
{
	char *copy = bm_xstrdup(spec);
	bool ok = true;
	for (char *save = NULL, *w = strtok_r(copy, " \t", &save); w; w = strtok_r(NULL, " \t", &save)) {
		slip_col c = {0};
		if (strcmp(w, "*") != 0) {
			const char *q = w;
			if (*q == '>')
				c.right = true, q++;
			char *end;
			long v = strtol(q, &end, 10);
			if (!isdigit((unsigned char)*q) || *end || v < 1 || v > 80) {
				perr(p, _("bad column '%s' in @cols; write N, >N (right-aligned) or * (the rest)"), w);
				ok = false;
				continue;
			}
			c.width = (int)v;
		}
		n->cols = bm_xrealloc(n->cols, (n->n_cols + 1) * sizeof(slip_col));
		n->cols[n->n_cols++] = c;
	}
	if (ok && n->n_cols == 0) {
		perr(p, _("@cols needs column widths, e.g. %s"), "@cols 4 * 10 >4");
		ok = false;
	}
	free(copy);
	return ok;
}

static bool parse_line(parser *p, const char *s, bool *has_cols)
{
	if (standalone(s))
		return parse_inline(p, s, false);
	int depth0 = p->depth;
	bool ok = true, cells = false;
	if (s[0] == '@' && s[1] == '@') {
		s++;   /* "@@" = a literal '@' */
	} else if (s[0] == '@') {
		size_t k = strcspn(s + 1, " \t");
		char *word = bm_xstrndup(s + 1, k);
		const char *rest = s + 1 + k;
		if (*rest)
			rest++;
		size_t i;
		for (i = 0; i < sizeof directives / sizeof directives[0]; i++)
			if (strcmp(directives[i].name, word) == 0)
				break;
		if (i == sizeof directives / sizeof directives[0]) {
			perr(p, _("unknown directive @%s; see bianmin-forms(5)"), word);
			free(word);
			return false;
		}
		node *n = push(cur(p), N_DIR, p->line);
		n->dir = directives[i].type;
		if (strcmp(word, "cols") == 0) {
			free(word);
			n->s = bm_xstrdup("cols");
			*has_cols = true;
			return parse_cols(p, n, rest);
		}
		if ((n->dir == SB_ROW || n->dir == SB_HEAD) && !*has_cols) {
			perr(p, _("@%s before any @cols line says the column widths"), word);
			ok = false;
		}
		if (n->dir == SB_RULE && *rest && (rest[1] || (unsigned char)rest[0] >= 0x80)) {
			perr(p, _("@rule takes at most one ASCII character, not '%s'"), rest);
			ok = false;
		}
		cells = n->dir == SB_FIELD || n->dir == SB_ROW || n->dir == SB_HEAD;
		free(word);
		s = rest;
	}
	ok = parse_inline(p, s, cells) && ok;
	if (ok && p->depth != depth0) {
		perr(p, "%s", _("a section opened or closed inside a line must close on that line; "
				"put {{#...}} and {{/...}} on lines of their own"));
		ok = false;
		/* unwind so later lines still parse sensibly */
		if (p->depth > depth0)
			p->depth = depth0;
	}
	push(cur(p), N_NL, p->line);
	return ok;
}

static bool parse_header(parser *p, slip_form *f, const char *s)
{
	if (!*s || *s == '#')
		return true;
	const char *colon = strchr(s, ':');
	if (!colon) {
		perr(p, _("expected 'key: value' in the header, got '%s'"), s);
		return false;
	}
	char *key = trim_dup(s, (size_t)(colon - s));
	char *val = trim_dup(colon + 1, strlen(colon + 1));
	bool ok = true;
	if (strcmp(key, "title") == 0) {
		free(f->title);
		f->title = val, val = NULL;
	} else if (strcmp(key, "about") == 0) {
		free(f->about);
		f->about = val, val = NULL;
	} else if (strcmp(key, "paper") == 0) {
		if (strcmp(val, "notice") == 0)
			f->paper = SLIP_NOTICE;
		else if (strcmp(val, "receipt") == 0)
			f->paper = SLIP_RECEIPT;
		else if (strcmp(val, "report") == 0)
			f->paper = SLIP_REPORT;
		else {
			perr(p, _("paper must be notice, receipt or report, not '%s'"), val);
			ok = false;
		}
	} else {
		perr(p, _("unknown header key '%s'; known: title, paper, about"), key);
		ok = false;
	}
	free(key);
	free(val);
	return ok;
}

static char *key_of(const char *file)
{
	const char *b = strrchr(file, '/');
	b = b ? b + 1 : file;
	size_t n = strlen(b);
	if (n > 5 && strcmp(b + n - 5, ".tmpl") == 0)
		n -= 5;
	return bm_xstrndup(b, n);
}

slip_form *slip_parse(const char *file, const char *text, bm_diags *d)
{
	slip_form *f = bm_xcalloc(1, sizeof *f);
	f->key = key_of(file);
	parser p = { .file = file, .d = d, .root = &f->body };
	int errors0 = d->errors;
	bool in_header = true, has_cols = false;
	size_t len = strlen(text);
	size_t bad;
	if (!text_utf8_valid(text, len, &bad)) {
		diags_file_error(d, file, _("not valid UTF-8 at byte %zu; save the template as UTF-8"), bad);
		slip_free(f);
		return NULL;
	}
	for (const char *s = text; *s;) {
		size_t n = strcspn(s, "\n");
		char *line = bm_xstrndup(s, n);
		if (n && line[n - 1] == '\r')
			line[n - 1] = 0;
		p.line++;
		p.src_line = line;
		if (in_header) {
			if (strcmp(line, "---") == 0)
				in_header = false;
			else
				parse_header(&p, f, line);
		} else {
			parse_line(&p, line, &has_cols);
		}
		free(line);
		s += n;
		if (*s == '\n')
			s++;
	}
	p.src_line = NULL;
	if (in_header) {
		p.line = 1;
		diags_error(d, file, NULL, 1, 0, "%s",
			    _("no '---' line ends the header; a template starts with 'title: ...' then '---'"));
	} else if (!f->title || !*f->title) {
		diags_error(d, file, NULL, 1, 0, "%s", _("the header has no 'title:'"));
	}
	for (int i = p.depth - 1; i >= 0; i--)
		diags_error(d, file, NULL, p.open[i]->line, 0, _("{{#%s %s}} is never closed"),
			    p.open[i]->type == N_EACH ? "each" : "if", p.open[i]->s);
	if (d->errors > errors0) {
		slip_free(f);
		return NULL;
	}
	return f;
}

slip_form *slip_load(const char *path, bm_diags *d)
{
	bm_error err = {0};
	char *text = bm_read_file(path, NULL, &err);
	if (!text) {
		diags_file_error(d, path, "%s", err.msg);
		return NULL;
	}
	slip_form *f = slip_parse(path, text, d);
	free(text);
	return f;
}

bool slip_form_name_ok(const char *key)
{
	size_t n = key ? strlen(key) : 0;
	if (n == 0 || n > 64)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((key[i] >= 'a' && key[i] <= 'z') || (key[i] >= 'A' && key[i] <= 'Z') ||
		      (key[i] >= '0' && key[i] <= '9') || key[i] == '_' || key[i] == '-'))
			return false;
	return true;
}

slip_form *slip_load_form(const char *dir, const char *key, bm_diags *d)
{
	/* a plain name: never a path (print NO ../../x) */
	if (!slip_form_name_ok(key)) {
		diags_file_error(d, key ? key : "", "%s", _("not a form name: a form is named by letters, digits, '_' and '-' only (see bianmin forms check)"));
		return NULL;
	}
	char *path = bm_xasprintf("%s/%s.tmpl", dir, key);
	slip_form *f = slip_load(path, d);
	free(path);
	return f;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int slip_check_dir(const char *dir, slip_form ***forms, size_t *n, bm_diags *d)
{
	if (forms)
		*forms = NULL;
	if (n)
		*n = 0;
	DIR *dh = opendir(dir);
	if (!dh) {
		diags_file_error(d, dir, _("cannot open the forms folder: %s"), strerror(errno));
		return 1;
	}
	char **names = NULL;
	size_t nn = 0;
	struct dirent *e;
	while ((e = readdir(dh))) {
		size_t l = strlen(e->d_name);
		if (l > 5 && strcmp(e->d_name + l - 5, ".tmpl") == 0 && e->d_name[0] != '.') {
			names = bm_xrealloc(names, (nn + 1) * sizeof(char *));
			names[nn++] = bm_xstrdup(e->d_name);
		}
	}
	closedir(dh);
	qsort(names, nn, sizeof(char *), cmp_str);
	int broken = 0;
	for (size_t i = 0; i < nn; i++) {
		char *path = bm_xasprintf("%s/%s", dir, names[i]);
		slip_form *f = slip_load(path, d);
		if (!f)
			broken++;
		else if (forms) {
			*forms = bm_xrealloc(*forms, (*n + 1) * sizeof(slip_form *));
			(*forms)[(*n)++] = f;
		} else
			slip_free(f);
		free(path);
		free(names[i]);
	}
	free(names);
	if (nn == 0) {
		diags_file_error(d, dir, "%s", _("no *.tmpl templates in the forms folder"));
		return 1;
	}
	return broken;
}

void slip_forms_free(slip_form **forms, size_t n)
{
	for (size_t i = 0; i < n; i++)
		slip_free(forms[i]);
	free(forms);
}

const char *slip_form_for_kind(bm_kind k)
{
	switch (k) {
	case KIND_IMMEDIATE: return "notice_immediate";
	case KIND_PROMISED: return "notice_promised";
	case KIND_SUPPLEMENT: return "notice_supplement";
	case KIND_RETURNED: return "notice_returned";
	case KIND_JOINT: return "notice_joint";
	case KIND_FORWARDED: return "notice_forwarded";
	default: return "notice_promised";
	}
}

/* ---- evaluation ------------------------------------------------------- */

/* A paper is at most this much: a template or a case that would make more
 * (a hostile form, thousands of materials) is cut off with a line saying so. */
#define SLIP_MAX_BYTES (1u << 20)
#define SLIP_MAX_LINES 20000

typedef struct evaluator {
	size_t bytes, lines;
	bool full;
	slip_doc *doc;
	slip_block_type type;
	const slip_col *cols;
	size_t n_cols;
	bm_buf cell;
	char **cells;
	size_t n_cells;
} evaluator;

static void end_cell(evaluator *e)
{
	e->cells = bm_xrealloc(e->cells, (e->n_cells + 1) * sizeof(char *));
	e->cells[e->n_cells++] = bm_buf_steal(&e->cell);
}

static void end_line(evaluator *e)
{
	e->lines++;
	e->bytes += e->cell.len;
	if (e->lines > SLIP_MAX_LINES || e->bytes > SLIP_MAX_BYTES)
		e->full = true;
	end_cell(e);
	slip_doc *d = e->doc;
	if (d->n == d->cap) {
		d->cap = d->cap ? 2 * d->cap : 32;
		d->blocks = bm_xrealloc(d->blocks, d->cap * sizeof(slip_block));
	}
	slip_block *b = &d->blocks[d->n++];
	memset(b, 0, sizeof *b);
	b->type = e->type;
	if (b->type == SB_TITLE && e->n_cells == 1 && !*e->cells[0] && d->title) {
		free(e->cells[0]);
		e->cells[0] = bm_xstrdup(d->title);
	}
	b->cells = e->cells;
	b->n_cells = e->n_cells;
	if (b->type == SB_ROW || b->type == SB_HEAD) {
		b->cols = e->cols;
		b->n_cols = e->n_cols;
	}
	e->cells = NULL;
	e->n_cells = 0;
	e->type = SB_TEXT;
}

/* A value from the case goes on the paper as one line of plain text:
 * control characters (escape sequences a printer would obey, newlines that
 * would break the layout) become spaces. */
static void put_value(evaluator *e, const char *name, const char *v, int pad, bool right)
{
	char *clean = bm_xstrdup(v ? v : "");
	for (char *q = clean; *q; q++)
		if ((unsigned char)*q < 0x20 || *q == 0x7f)
			*q = ' ';
	/* a private-use mark typed into a value must not act as one */
	for (char *q; (q = strstr(clean, "\xEE\x80\x80")) || (q = strstr(clean, "\xEE\x80\x81"));)
		memcpy(q, "   ", 3);
	if (*clean && slip_field_whole(name)) {
		/* a name, number, amount or date never splits (slip_break.c) */
		char *w = bm_xasprintf(SLIP_KEEP_OPEN "%s" SLIP_KEEP_CLOSE, clean);
		free(clean);
		clean = w;
	}
	int w = slip_width(clean);
	if (pad && right)
		for (; w < pad; w++)
			bm_buf_puts(&e->cell, " ");   /* never clip a value */
	bm_buf_puts(&e->cell, clean);
	if (pad && !right)
		for (; w < pad; w++)
			bm_buf_puts(&e->cell, " ");
	free(clean);
}

static bool truthy(const slip_ctx *c, const char *name)
{
	if (slip_list_known(name))
		return slip_ctx_count(c, name) > 0;
	const char *v = slip_ctx_get(c, name);
	return v && *v && strcmp(v, "0") != 0;
}

static void eval_nodes(evaluator *e, const nodes *ns, const slip_ctx *c)
{
	for (size_t i = 0; i < ns->n && !e->full; i++) {
		const node *n = &ns->v[i];
		switch (n->type) {
		case N_TEXT:
			bm_buf_puts(&e->cell, n->s);
			break;
		case N_VAR: {
			const char *v = slip_ctx_get(c, n->s);
			if (!v && strcmp(n->s, "title") == 0)
				v = e->doc->title;
			put_value(e, n->s, v, n->pad, n->right);
			break;
		}
		case N_CELL:
			end_cell(e);
			break;
		case N_DIR:
			if (n->cols) {
				e->cols = n->cols;
				e->n_cols = n->n_cols;
				e->type = SB_TEXT;   /* @cols leaves no line */
			} else {
				e->type = n->dir;
			}
			break;
		case N_NL:
			end_line(e);
			break;
		case N_EACH: {
			size_t k = slip_ctx_count(c, n->s);
			for (size_t j = 0; j < k && !e->full; j++)
				eval_nodes(e, &n->body, slip_ctx_record(c, n->s, j));
			break;
		}
		case N_IF:
			eval_nodes(e, truthy(c, n->s) ? &n->body : &n->alt, c);
			break;
		}
	}
}

slip_doc *slip_eval(const slip_form *f, const slip_ctx *ctx)
{
	slip_doc *d = bm_xcalloc(1, sizeof *d);
	const char *t = slip_ctx_get(ctx, "title");
	d->title = bm_xstrdup(t && *t ? t : f->title);
	d->paper = f->paper;
	evaluator e = { .doc = d };
	eval_nodes(&e, &f->body, ctx);
	if (e.full) {
		/* drop the line in the making, say why the paper ends here */
		bm_buf_free(&e.cell);
		for (size_t i = 0; i < e.n_cells; i++)
			free(e.cells[i]);
		e.n_cells = 0;
		e.type = SB_TEXT;
		bm_buf_puts(&e.cell, "（内容过长，以下从略）");
		end_line(&e);
	} else if (e.cell.len || e.n_cells) {
		end_line(&e);
	}
	bm_buf_free(&e.cell);
	for (size_t i = 0; i < e.n_cells; i++)
		free(e.cells[i]);
	free(e.cells);
	return d;
}

void slip_doc_free(slip_doc *doc)
{
	if (!doc)
		return;
	for (size_t i = 0; i < doc->n; i++) {
		for (size_t j = 0; j < doc->blocks[i].n_cells; j++)
			free(doc->blocks[i].cells[j]);
		free(doc->blocks[i].cells);
	}
	free(doc->blocks);
	free(doc->title);
	free(doc);
}

char *slip_render_text(const slip_form *f, const slip_ctx *ctx, int width)
{
	slip_doc *d = slip_eval(f, ctx);
	char *s = slip_doc_text(d, width);
	slip_doc_free(d);
	return s;
}
