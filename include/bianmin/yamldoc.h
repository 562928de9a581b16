/* yamldoc.h - a YAML file as a small tree of nodes with 1-based line/col,
 * for the loaders of catalog.yaml, holidays.yaml and center.yaml.
 *
 * yd_load checks the bytes are UTF-8, parses with libyaml, and reports
 * syntax errors and duplicate keys into a bm_diags.  The helpers below
 * read typed values and report "wrong type" mistakes at the value node,
 * so every loader speaks the same way about the same mistake. */
#ifndef BIANMIN_YAMLDOC_H
#define BIANMIN_YAMLDOC_H

#include "bianmin/common.h"
#include "bianmin/diag.h"

typedef enum { YD_SCALAR, YD_SEQ, YD_MAP } yd_kind;

/* Limits, each refused with a sentence: a file of more than 16 MB (so
 * /dev/zero is refused), flow collections ([ {) nested deeper than 64,
 * more than 2,000,000 values.  A UTF-8 byte order mark is skipped. */
#define YD_MAX_BYTES (16 << 20)
#define YD_MAX_DEPTH 64
#define YD_MAX_NODES 2000000

typedef struct yd_node yd_node;
struct yd_node {
	yd_kind kind;
	int line, col;           /* 1-based; col counts characters */
	bool plain;              /* scalar written without quotes */
	char *str;               /* scalar text (NUL-terminated), else NULL */
	/* YD_SEQ: kids[0..n); YD_MAP: keys[i] -> kids[i], i < n */
	yd_node **kids, **keys;
	size_t n;
};

typedef struct yd_doc {
	char *file;              /* the path, for messages */
	char *source;            /* the whole file (NUL-terminated) */
	size_t len;
	yd_node *root;           /* NULL for an empty file */
	bm_diags *d;
	/* private: the arena holding every node and its text, the count of
	 * nodes (an alias is not one) and of mappings, the duplicate keys
	 * found while reading (reported once the whole file has parsed) */
	struct yd_block *arena; size_t n_nodes, n_maps;
	struct yd_dup *dups; size_t n_dups, cap_dups;
	int utf8;                /* 0 not checked, 1 valid, -1 not (reported) */
} yd_doc;

/* A set of strings (keys borrowed, not copied) for linear duplicate
 * checks: yd_strset_add returns the value already stored under key, or
 * NULL after storing value. */
typedef struct yd_strset {
	struct { const char *key; const void *value; } *slots;
	size_t cap, n;
} yd_strset;
void yd_strset_init(yd_strset *set, size_t expect);
const void *yd_strset_add(yd_strset *set, const char *key, const void *value);
void yd_strset_free(yd_strset *set);

/* NULL when the file cannot be read, is not UTF-8 or is not YAML (the
 * reason is in d).  Duplicate keys are reported but the document is still
 * returned (lookups see the first of them). */
yd_doc *yd_load(const char *path, bm_diags *d);
/* Same, from memory (name is used in messages). */
yd_doc *yd_load_mem(const char *name, const char *text, size_t len, bm_diags *d);
/* Same, taking text (from malloc, NUL-terminated at len, as yd_read_file
 * gives it): the document keeps it, or it is freed with a failure. */
yd_doc *yd_load_buf(const char *name, char *text, size_t len, bm_diags *d);
void yd_free(yd_doc *doc);
/* bm_read_file, reporting a failure into d ("FILE: cannot open: ..."). */
char *yd_read_file(const char *path, size_t *len, bm_diags *d);

/* Report at node n (n may be NULL: then at line 1, col 1). */
void yd_error(yd_doc *doc, const yd_node *n, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void yd_warning(yd_doc *doc, const yd_node *n, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Value of key in mapping m, or NULL (m may be NULL or not a mapping). */
yd_node *yd_get(const yd_node *m, const char *key);
/* Report every key of m not in known (NULL-terminated), with "did you
 * mean" when a known key is close; non-scalar keys are reported too. */
void yd_check_keys(yd_doc *doc, const yd_node *m, const char *const *known);

/* "where" below is the mapping the key belongs to, for "missing" messages.
 * Each returns false (after reporting) on a mistake; absent optional
 * values leave *out alone and return true. */
bool yd_expect_map(yd_doc *doc, const yd_node *n, const char *what);
bool yd_expect_seq(yd_doc *doc, const yd_node *n, const char *what);
/* A string scalar (a mapping or list is wrong); required ones must be
 * present and not empty.  *out is a fresh copy. */
bool yd_string(yd_doc *doc, const yd_node *m, const char *key, bool required, char **out);
/* A plain decimal integer in [min, max]. */
bool yd_int(yd_doc *doc, const yd_node *m, const char *key, bool required,
	    int min, int max, int *out);
/* true or false (plain). */
bool yd_bool(yd_doc *doc, const yd_node *m, const char *key, bool *out);
/* A list of non-empty strings; nonempty: the list may not be empty. */
bool yd_strings(yd_doc *doc, const yd_node *m, const char *key, bool nonempty,
		char ***out, size_t *n);
void yd_strings_free(char **v, size_t n);

/* Put the messages d->msgs[from..] of this file in line:col order, so a
 * person reads them top to bottom (the loaders check key by key). */
void yd_sort_diags(const yd_doc *doc, size_t from);

/* Levenshtein distance on bytes (keys are ASCII). */
int yd_edit_distance(const char *a, const char *b);

#endif
