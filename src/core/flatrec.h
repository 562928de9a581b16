/* flatrec.h - (internal) a flat record: ordered key -> text-or-null pairs,
 * with a canonical JSON form ({"k":"v","k2":null}, keys in order, values
 * always strings).  The ledger keeps case records and event details this
 * way so that serializing twice gives the same bytes. */
#ifndef BIANMIN_FLATREC_H
#define BIANMIN_FLATREC_H

#include "bianmin/common.h"

typedef struct flatrec {
	char **keys;
	char **vals;     /* NULL = null */
	size_t n, cap;
} flatrec;

/* Set (replace if present, else append). */
void flatrec_set(flatrec *r, const char *key, const char *val);
void flatrec_setf(flatrec *r, const char *key, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Value of key; *present false when missing (NULL returned either way). */
const char *flatrec_get(const flatrec *r, const char *key, bool *present);
void flatrec_free(flatrec *r);
/* Canonical JSON. malloc'd. */
char *flatrec_json(const flatrec *r);
/* Parse what flatrec_json wrote (and any flat object of strings/null).
 * false on anything else. */
bool flatrec_parse(const char *json, flatrec *out);
/* Each pair of such an object in order, without building a record (val
 * NULL for null; both only valid during the call).  each returns false to
 * stop there (then true is returned); false on malformed input. */
typedef bool (*flatrec_each_fn)(const char *key, const char *val, void *ctx);
bool flatrec_scan(const char *json, flatrec_each_fn each, void *ctx);
/* First key where a and b differ (either direction), or NULL when equal. */
const char *flatrec_diff(const flatrec *a, const flatrec *b, const char **va, const char **vb);

#endif
