/* county_report.c - the county's figures (县级统计) from county_figures()
 * in the schema: by center, window and item, the subtotals, and the ranking
 * of centers and of windows by completion rate (办结率). */
#include "county_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void county_report_free(county_report *r)
{
	if (!r)
		return;
	for (size_t i = 0; i < r->n; i++) {
		free(r->rows[i].center);
		free(r->rows[i].r.window);
		free(r->rows[i].r.item_code);
		free(r->rows[i].r.item_name);
	}
	free(r->rows);
	memset(r, 0, sizeof *r);
}

static county_row *push(county_report *out, const char *center, const char *window, const char *item)
{
	out->rows = bm_xrealloc(out->rows, (out->n + 1) * sizeof *out->rows);
	county_row *x = &out->rows[out->n++];
	memset(x, 0, sizeof *x);
	x->center = bm_xstrdup(center);
	x->r.window = bm_xstrdup(window);
	x->r.item_code = bm_xstrdup(item);
	return x;
}

static const char *val(PGresult *r, int i, int k)
{
	return PQgetisnull(r, i, k) ? NULL : PQgetvalue(r, i, k);
}

/* columns 4.. of county_figures() */
static void read_counts(lc_report_row *x, PGresult *r, int i)
{
	int *f[9] = { &x->received, &x->completed, &x->returned, &x->overdue, &x->breaches, &x->bad_ratings,
		      &x->refused, &x->negatives, &x->extensions };
	for (int k = 0; k < 9; k++)
		*f[k] = atoi(PQgetvalue(r, i, 4 + k));
}

/* better first: higher rate, then more received, then by name */
static int better(const county_row *a, const county_row *b)
{
	int ra = lc_completion_rate(&a->r), rb = lc_completion_rate(&b->r);
	if (ra != rb)
		return ra > rb ? -1 : 1;
	if (a->r.received != b->r.received)
		return a->r.received > b->r.received ? -1 : 1;
	const char *na = a->center ? a->center : a->r.window, *nb = b->center ? b->center : b->r.window;
	return strcmp(na ? na : "", nb ? nb : "");
}

static void rank(county_report *out, bool (*pick)(const county_row *))
{
	for (size_t i = 0; i < out->n; i++) {
		if (!pick(&out->rows[i]))
			continue;
		int k = 1;
		for (size_t j = 0; j < out->n; j++)
			if (j != i && pick(&out->rows[j]) && better(&out->rows[j], &out->rows[i]) < 0)
				k++;
		out->rows[i].rank = k;
	}
}

static bool center_total(const county_row *x) { return x->center && !x->r.window; }
static bool county_window(const county_row *x) { return !x->center && x->r.window && !x->r.item_code; }

int county_report_figures(county_conn *c, bm_day first, bm_day last, const char *only_center,
			  county_report *out, bm_error *err)
{
	memset(out, 0, sizeof *out);
	int v = county_version(c, err);
	if (v < 0)
		return BM_EDB;
	if (v < 1)
		return bm_fail(err, BM_EDB, _("The county database has no bianmin schema yet; run: bianmin county init"));
	PGresult *cr = PQexec(c->pg, "SELECT code FROM centers ORDER BY code COLLATE \"C\"");
	if (!cr || PQresultStatus(cr) != PGRES_TUPLES_OK)
		return county_fail(c, cr, err, _("reading the county's figures"));
	bool found = !only_center;
	for (int i = 0; i < PQntuples(cr); i++)
		found |= only_center && strcmp(PQgetvalue(cr, i, 0), only_center) == 0;
	if (!found) {
		PQclear(cr);
		return bm_fail(err, BM_ENOTFOUND, _("No center %s on the county server (has it synced?)."), only_center);
	}
	char a[11], b[11];
	const char *p[2] = { bm_day_format(first, a), bm_day_format(last, b) };
	PGresult *r = PQexecParams(c->pg,
		"SELECT level, center, window_name, item_code, coalesce(received, 0), coalesce(completed, 0),"
		" coalesce(returned, 0), coalesce(overdue, 0), coalesce(breaches, 0), coalesce(bad_ratings, 0),"
		" coalesce(refused, 0), coalesce(negatives, 0), coalesce(extensions, 0)"
		" FROM county_figures($1, $2)"
		" ORDER BY center COLLATE \"C\" NULLS LAST, CASE level WHEN 1 THEN 0 WHEN 0 THEN 1 ELSE level END,"
		" window_name COLLATE \"C\" NULLS LAST, item_code COLLATE \"C\"", 2, NULL, p, NULL, NULL, 0);
	if (!r || PQresultStatus(r) != PGRES_TUPLES_OK) {
		PQclear(cr);
		return county_fail(c, r, err, _("reading the county's figures"));
	}
	int n = PQntuples(r), i = 0;
	/* each center in code order; one with nothing in the window still gets its total */
	for (int ci = 0; ci < PQntuples(cr); ci++) {
		const char *code = PQgetvalue(cr, ci, 0);
		bool total = false;
		while (i < n && val(r, i, 1) && strcmp(val(r, i, 1), code) < 0)
			i++;
		for (; i < n && val(r, i, 1) && strcmp(val(r, i, 1), code) == 0; i++) {
			county_row *x = push(out, code, val(r, i, 2), val(r, i, 3));
			read_counts(&x->r, r, i);
			total |= atoi(PQgetvalue(r, i, 0)) == 2;
		}
		if (!total)
			push(out, code, NULL, NULL);
	}
	while (i < n && val(r, i, 1))
		i++;
	bool county_total = false;
	for (; i < n; i++) {
		county_row *x = push(out, NULL, val(r, i, 2), NULL);
		read_counts(&x->r, r, i);
		county_total |= !x->r.window;
	}
	if (!county_total)
		push(out, NULL, NULL, NULL);
	PQclear(r);
	PQclear(cr);
	rank(out, center_total);
	rank(out, county_window);
	if (only_center) {
		size_t k = 0;
		for (size_t j = 0; j < out->n; j++) {
			if (out->rows[j].center && strcmp(out->rows[j].center, only_center) == 0) {
				out->rows[k++] = out->rows[j];
			} else {
				free(out->rows[j].center);
				free(out->rows[j].r.window);
				free(out->rows[j].r.item_code);
			}
		}
		out->n = k;
	}
	return BM_OK;
}
