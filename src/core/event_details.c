/* event_details.c - an event's details as hashed, and as kept (issue 17).
 *
 * The hash of an event covers its logical details: for an intake, the
 * whole case record as it was when accepted (case_record).  Most of that
 * record is the snapshot, which never moves (the applicant, the item and
 * catalog, the materials' names and forms: the triggers of store_schema.c
 * guard those columns), and the rows already hold it.  So a ledger at the
 * compact schema keeps an intake's details as the values of the keys that
 * do move (record_key_moves: phone, address, owner, kind, state, dates,
 * each material's state and change), in record order, as a JSON array;
 * reading the event puts them back into the case's record, which gives
 * the same bytes again.  An intake is kept compact only when that round
 * trip is exact; any other text is kept as it is.
 *
 * So a snapshot column changed behind bianmin's back changes the intake's
 * logical details, and verify sees the hash no longer match.  A column
 * later added to the snapshot must stay NULL (absent) for older cases, as
 * the whole-item columns do, or their intakes would no longer expand. */
#include "ledger_int.h"

#include <stdlib.h>
#include <string.h>

bool event_details_compacted(const char *type, const char *stored)
{
	return type && strcmp(type, "intake") == 0 && stored && stored[0] == '[';
}

static bool same(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return strcmp(a, b) == 0;
}

int event_details_compact(bm_store *s, int64_t case_id, const char *logical, char **stored, bm_error *err)
{
	*stored = NULL;
	flatrec l, cur;
	if (!logical || !flatrec_parse(logical, &l))
		return BM_OK;
	int rc = case_record(s, case_id, &cur, err);
	if (rc) {
		flatrec_free(&l);
		return rc;
	}
	bool ok = l.n == cur.n;
	flatrec moving = {0};
	for (size_t i = 0; ok && i < l.n; i++) {
		ok = strcmp(l.keys[i], cur.keys[i]) == 0;
		if (ok && record_key_moves(l.keys[i]))
			flatrec_set(&moving, l.keys[i], l.vals[i]);
		else if (ok)
			ok = same(l.vals[i], cur.vals[i]);
	}
	if (ok) {
		char *compact = flatrec_values_json(&moving);
		char *back = event_details_expand_rec(&cur, compact);
		if (strcmp(back, logical) == 0)
			*stored = compact;
		else
			free(compact);
		free(back);
	}
	flatrec_free(&moving);
	flatrec_free(&l);
	flatrec_free(&cur);
	return BM_OK;
}

/* event_details_expand_rec's text written straight from the case's
 * columns (verify expands every intake of the chain). */
typedef struct expander {
	bm_buf b;
	const flatrec *vals;     /* the moving values, in order; NULL: unreadable */
	size_t j;
	bool ok;
} expander;

static void expand_field(void *ctx, const char *key, const char *val, bool moves)
{
	expander *x = ctx;
	x->ok = x->ok && x->vals && (!moves || x->j < x->vals->n);
	if (x->ok)
		flatrec_json_pair(&x->b, key, moves ? x->vals->vals[x->j++] : val);
}

int event_details_expand(bm_store *s, int64_t case_id, const char *type, const char *stored, char **logical,
			 bm_error *err)
{
	*logical = NULL;
	if (!event_details_compacted(type, stored)) {
		*logical = stored ? bm_xstrdup(stored) : NULL;
		return BM_OK;
	}
	flatrec vals;
	bool parsed = flatrec_parse_values(stored, &vals);
	expander x = { .vals = parsed ? &vals : NULL, .ok = true };
	bm_buf_puts(&x.b, "{");
	int rc = case_record_each(s, case_id, expand_field, &x, err);
	x.ok = x.ok && parsed && x.j == vals.n;
	if (parsed)
		flatrec_free(&vals);
	if (rc && rc != BM_ENOTFOUND) {
		bm_buf_free(&x.b);
		return rc;
	}
	/* no case (verify names it), or values that do not fit the record
	 * (changed behind bianmin's back: the hash says so): the text itself */
	if (rc || !x.ok) {
		bm_buf_free(&x.b);
		*logical = bm_xstrdup(stored);
		return BM_OK;
	}
	bm_buf_puts(&x.b, "}");
	*logical = bm_buf_steal(&x.b);
	return BM_OK;
}

char *event_details_expand_rec(const flatrec *cur, const char *stored)
{
	flatrec vals;
	if (!flatrec_parse_values(stored, &vals))
		return bm_xstrdup(stored);   /* changed behind bianmin's back: the hash says so */
	/* written straight from the record (case_load reads every case of a
	 * month this way): the moving values from the array, in order */
	bm_buf b = {0};
	bm_buf_puts(&b, "{");
	size_t j = 0;
	bool ok = true;
	for (size_t i = 0; ok && i < cur->n; i++) {
		bool moves = record_key_moves(cur->keys[i]);
		ok = !moves || j < vals.n;
		if (ok)
			flatrec_json_pair(&b, cur->keys[i], moves ? vals.vals[j++] : cur->vals[i]);
	}
	ok = ok && j == vals.n;
	bm_buf_puts(&b, "}");
	flatrec_free(&vals);
	if (!ok) {
		bm_buf_free(&b);
		return bm_xstrdup(stored);
	}
	return bm_buf_steal(&b);
}

bool event_details_record(const flatrec *cur, const char *stored, flatrec *out)
{
	/* the same record flatrec_parse gives of event_details_expand_rec's
	 * text, without writing and reading back the JSON (verify replays
	 * every case's intake this way); false where that text is the stored
	 * array itself, which does not parse as a record */
	memset(out, 0, sizeof *out);
	flatrec vals;
	if (!flatrec_parse_values(stored, &vals))
		return false;
	size_t j = 0;
	bool ok = true;
	for (size_t i = 0; ok && i < cur->n; i++) {
		bool moves = record_key_moves(cur->keys[i]);
		ok = !moves || j < vals.n;
		if (ok)   /* cur's keys are unique (case_record): added without a search */
			flatrec_add(out, cur->keys[i], moves ? vals.vals[j++] : cur->vals[i]);
	}
	ok = ok && j == vals.n;
	flatrec_free(&vals);
	if (!ok)
		flatrec_free(out);
	return ok;
}
