/* holidays.c - holidays.yaml -> bm_calendar.  The file lists, per year,
 * the public holidays (ranges) and the make-up workdays (调休); a year
 * listed is "covered".  Format in bianmin-catalog(5). */
#include "bianmin/calendar.h"
#include "bianmin/yamldoc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const top_keys[] = {"version", "years", NULL};
static const char *const year_keys[] = {"holidays", "workdays", NULL};
static const char *const holiday_keys[] = {"name", "from", "to", NULL};
static const char *const workday_keys[] = {"name", "date", NULL};

/* Every day seen so far, to catch overlaps and a workday on a holiday. */
typedef struct seen {
	bm_day day;
	bool holiday;
	int line;
} seen;

/* The days listed so far, by day: an open-addressing table (slot 0 =
 * empty, else index + 1 into days), so checking a day is O(1). */
typedef struct loader {
	yd_doc *doc;
	bm_calendar *cal;
	seen *days; size_t n, cap;
	size_t *slot; size_t nslot;
} loader;

static size_t day_slot(const loader *L, bm_day day)
{
	size_t mask = L->nslot - 1;
	size_t i = ((size_t)(uint32_t)day * 2654435761u) & mask;
	while (L->slot[i] && L->days[L->slot[i] - 1].day != day)
		i = (i + 1) & mask;
	return i;
}

static const seen *find_seen(const loader *L, bm_day day)
{
	if (!L->nslot)
		return NULL;
	size_t i = day_slot(L, day);
	return L->slot[i] ? &L->days[L->slot[i] - 1] : NULL;
}

static void add_seen(loader *L, bm_day day, bool holiday, int line)
{
	if (L->n == L->cap) {
		L->cap = L->cap ? L->cap * 2 : 64;
		L->days = bm_xrealloc(L->days, L->cap * sizeof *L->days);
	}
	L->days[L->n++] = (seen){day, holiday, line};
	if ((L->n + 1) * 2 > L->nslot) {
		free(L->slot);
		L->nslot = L->nslot ? L->nslot * 2 : 256;
		while (L->nslot < L->n * 2 + 2)
			L->nslot *= 2;
		L->slot = bm_xcalloc(L->nslot, sizeof *L->slot);
		for (size_t k = 0; k < L->n; k++)
			L->slot[day_slot(L, L->days[k].day)] = k + 1;
	} else {
		L->slot[day_slot(L, day)] = L->n;
	}
}

/* A required date in `year` under key in m. */
static bool get_date(loader *L, const yd_node *m, const char *key, int year, bm_day *out)
{
	char *s = NULL;
	if (!yd_string(L->doc, m, key, true, &s))
		return false;
	const yd_node *v = yd_get(m, key);
	bool ok = bm_day_parse(s, out);
	if (!ok) {
		yd_error(L->doc, v, _("'%s' must be a real date written YYYY-MM-DD, not '%s'"), key, s);
	} else {
		int y, mo, d;
		bm_day_to_ymd(*out, &y, &mo, &d);
		if (y != year) {
			yd_error(L->doc, v, _("%s is not in the year %d it is listed under"), s, year);
			ok = false;
		}
	}
	free(s);
	return ok;
}

static void load_holiday(loader *L, const yd_node *e, int year)
{
	yd_check_keys(L->doc, e, holiday_keys);
	char *name = NULL;
	yd_string(L->doc, e, "name", false, &name);
	bm_day from, to;
	bool ok = get_date(L, e, "from", year, &from);
	if (yd_get(e, "to")) {
		if (get_date(L, e, "to", year, &to)) {
			if (ok && to < from) {
				char a[11], b[11];
				yd_error(L->doc, yd_get(e, "to"), _("'to' (%s) is before 'from' (%s)"),
					 bm_day_format(to, b), bm_day_format(from, a));
				ok = false;
			}
		} else {
			ok = false;
		}
	} else {
		to = from;
	}
	if (ok) {
		for (bm_day day = from; day <= to; day++) {
			const seen *s = find_seen(L, day);
			if (s) {
				char buf[11];
				yd_error(L->doc, yd_get(e, "from"), _("%s is already listed at line %d"),
					 bm_day_format(day, buf), s->line);
				break;
			}
			add_seen(L, day, true, e->line);
			calendar_add_holiday(L->cal, day, name);
		}
	}
	free(name);
}

static void load_workday(loader *L, const yd_node *e, int year)
{
	yd_check_keys(L->doc, e, workday_keys);
	char *name = NULL;
	yd_string(L->doc, e, "name", false, &name);
	bm_day day;
	if (get_date(L, e, "date", year, &day)) {
		const seen *s = find_seen(L, day);
		char buf[11];
		bm_day_format(day, buf);
		if (s && s->holiday) {
			yd_error(L->doc, yd_get(e, "date"), _("%s is a holiday (line %d), it cannot be a make-up workday"),
				 buf, s->line);
		} else if (s) {
			yd_error(L->doc, yd_get(e, "date"), _("%s is already listed at line %d"), buf, s->line);
		} else {
			if (bm_day_weekday(day) <= 5)
				yd_warning(L->doc, yd_get(e, "date"),
					   _("%s is a weekday, a working day anyway; a make-up workday (调休) is a Saturday or Sunday"),
					   buf);
			add_seen(L, day, false, e->line);
			calendar_add_workday(L->cal, day, name);
		}
	}
	free(name);
}

static void load_list(loader *L, const yd_node *ym, const char *key, int year, bool holidays)
{
	const yd_node *list = yd_get(ym, key);
	if (!list || (list->kind == YD_SCALAR && list->plain && !*list->str))
		return;
	char what[32];
	snprintf(what, sizeof what, "'%s'", key);
	if (!yd_expect_seq(L->doc, list, what))
		return;
	for (size_t i = 0; i < list->n; i++) {
		const yd_node *e = list->kids[i];
		if (!yd_expect_map(L->doc, e, holidays ? _("a holiday") : _("a make-up workday")))
			continue;
		if (holidays)
			load_holiday(L, e, year);
		else
			load_workday(L, e, year);
	}
}

static void load_years(loader *L, const yd_node *years)
{
	if (!yd_expect_map(L->doc, years, "'years'"))
		return;
	for (size_t i = 0; i < years->n; i++) {
		const yd_node *k = years->keys[i], *ym = years->kids[i];
		char *end = NULL;
		long year = k->kind == YD_SCALAR ? strtol(k->str, &end, 10) : 0;
		/* the years bianmin's clock accepts (ledger_clock.c): 2000-2099 */
		if (k->kind == YD_SCALAR && *k->str && !*end && (year < 2000 || year > 2099)) {
			yd_error(L->doc, k, _("the year %ld is outside 2000 to 2099, the years bianmin works in"), year);
			continue;
		}
		if (k->kind != YD_SCALAR || !*k->str || *end) {
			yd_error(L->doc, k, _("a year must be written as a number such as 2026, not '%s'"),
				 k->kind == YD_SCALAR ? k->str : "...");
			continue;
		}
		calendar_cover_year(L->cal, (int)year);
		/* "2027:" with nothing: covered, no holidays listed yet */
		if (ym->kind == YD_SCALAR && ym->plain && (!*ym->str || !strcmp(ym->str, "~")))
			continue;
		if (!yd_expect_map(L->doc, ym, _("a year")))
			continue;
		yd_check_keys(L->doc, ym, year_keys);
		load_list(L, ym, "holidays", (int)year, true);
		load_list(L, ym, "workdays", (int)year, false);
	}
}

bm_calendar *calendar_load(const char *path, bm_diags *d)
{
	int errors = d->errors;
	size_t first = d->n;
	yd_doc *doc = yd_load(path, d);
	if (!doc)
		return NULL;
	loader L = {.doc = doc, .cal = calendar_new()};
	const yd_node *root = doc->root;
	if (!root)
		yd_error(doc, NULL, "%s", _("the holiday file is empty; it needs 'version: 1' and 'years'"));
	else if (yd_expect_map(doc, root, _("the holiday file"))) {
		yd_check_keys(doc, root, top_keys);
		int version = 0;
		if (yd_int(doc, root, "version", true, 0, 1000000, &version) && version != 1)
			yd_error(doc, yd_get(root, "version"),
				 _("unsupported holiday file version %d (this bianmin reads version 1)"), version);
		const yd_node *years = yd_get(root, "years");
		if (!years)
			yd_error(doc, root, _("missing required key '%s'"), "years");
		else
			load_years(&L, years);
	}
	free(L.days);
	free(L.slot);
	yd_sort_diags(doc, first);
	yd_free(doc);
	if (d->errors > errors) {
		calendar_free(L.cal);
		return NULL;
	}
	calendar_add_statutory(L.cal);
	return L.cal;
}
