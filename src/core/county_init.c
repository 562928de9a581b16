/* county_init.c - `bianmin county init`: the county schema's numbered,
 * forward-only migrations (county_schema.c), each in its own server
 * transaction under an advisory lock (two inits at once do not collide),
 * and the county calendar from holidays.yaml. */
#include "county_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define COUNTY_LOCK "4775269967"   /* pg_advisory_xact_lock key: "BANM" */

static int migrate_one(county_conn *c, int v, bm_error *err)
{
	char what[64];
	snprintf(what, sizeof what, _("migrating the county schema to version %d"), v);
	int rc = county_exec(c, "BEGIN", err, what);
	if (!rc)
		rc = county_exec(c, "SELECT pg_advisory_xact_lock(" COUNTY_LOCK ")", err, what);
	if (!rc)
		rc = county_exec(c, "CREATE TABLE IF NOT EXISTS county_migrations ("
				 " version int PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())", err, what);
	int have = rc ? -1 : county_version(c, err);
	if (have < 0)
		rc = BM_EDB;
	if (!rc && have < v) {
		for (const char *const *part = county_migrations[v]; *part && !rc; part++)
			rc = county_exec(c, *part, err, what);
		char ins[96];
		snprintf(ins, sizeof ins, "INSERT INTO county_migrations (version) VALUES (%d)", v);
		if (!rc)
			rc = county_exec(c, ins, err, what);
	}
	if (!rc)
		return county_exec(c, "COMMIT", err, what);
	PGresult *r = PQexec(c->pg, "ROLLBACK");
	PQclear(r);
	return rc;
}

static int load_calendar(county_conn *c, const bm_calendar *cal, bm_error *err)
{
	const char *what = _("loading the county calendar");
	int rc = county_exec(c, "BEGIN", err, what);
	for (int y = 1990; y <= 2100 && !rc; y++) {
		bm_day a, b;
		if (!calendar_covers(cal, y) || !bm_day_from_ymd(y, 1, 1, &a) || !bm_day_from_ymd(y + 1, 1, 1, &b))
			continue;
		char da[11], db[11];
		bm_day_format(a, da);
		bm_day_format(b - 1, db);
		const char *p[3] = { da, db, NULL };
		PGresult *r = PQexecParams(c->pg, "DELETE FROM calendar_days WHERE day BETWEEN $1 AND $2", 2, NULL, p,
					   NULL, NULL, 0);
		if (PQresultStatus(r) != PGRES_COMMAND_OK) {
			rc = county_fail(c, r, err, what);
			break;
		}
		PQclear(r);
		for (bm_day d = a; d < b && !rc; d++) {
			bool plain = ((d % 7 + 7 + 3) % 7) < 5;   /* 1970-01-01 was a Thursday */
			bool work = calendar_is_workday(cal, d, NULL);
			const char *name = calendar_day_name(cal, d);
			if (work == plain && !name)
				continue;
			char dd[11];
			const char *q[3] = { bm_day_format(d, dd), work ? "t" : "f", name };
			r = PQexecParams(c->pg, "INSERT INTO calendar_days (day, workday, name) VALUES ($1, $2, $3)", 3,
					 NULL, q, NULL, NULL, 0);
			if (PQresultStatus(r) != PGRES_COMMAND_OK)
				rc = county_fail(c, r, err, what);
			else
				PQclear(r);
		}
	}
	if (!rc)
		return county_exec(c, "COMMIT", err, what);
	PGresult *r = PQexec(c->pg, "ROLLBACK");
	PQclear(r);
	return rc;
}

int county_init(county_conn *c, const bm_calendar *cal, int *from, int *to, bm_error *err)
{
	int v = county_version(c, err);
	if (v < 0)
		return BM_EDB;
	*from = *to = v;
	if (v > county_n_migrations)
		return bm_fail(err, BM_EDB, _("The county database has schema version %d, newer than this bianmin knows (%d); update bianmin."),
			       v, county_n_migrations);
	for (int k = v + 1; k <= county_n_migrations; k++) {
		int rc = migrate_one(c, k, err);
		if (rc)
			return rc;
		*to = k;
	}
	return cal ? load_calendar(c, cal, err) : BM_OK;
}
