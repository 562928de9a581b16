/* county_conn.c - the connection to the county server (libpq) and its
 * failures as sentences: unreachable, refused login, lost connection
 * (server restarted), disk full, a chain the server refuses. */
#include "county_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* libpq's message on one line, without the trailing newline. */
static void one_line(const char *in, char *out, size_t n)
{
	size_t k = 0;
	bool space = false;
	for (const char *p = in ? in : ""; *p && k + 1 < n; p++) {
		unsigned char ch = (unsigned char)*p;
		if (ch == '\n' || ch == '\r' || ch == '\t' || ch < 0x20) {
			space = k > 0;
			continue;
		}
		if (space && k + 2 < n)
			out[k++] = ' ';
		space = false;
		out[k++] = (char)ch;
	}
	out[k] = 0;
}

int county_connect(const char *uri, county_conn **out, bm_error *err)
{
	*out = NULL;
	if (!uri || !*uri)
		return bm_fail(err, BM_EINVAL, _("No county database is named: add \"county: postgresql://...\" to center.yaml, or give --to URI."));
	/* later keywords override earlier ones: the URI's own settings win */
	const char *keys[] = { "connect_timeout", "application_name", "dbname", NULL };
	const char *vals[] = { "10", "bianmin", uri, NULL };
	PGconn *pg = PQconnectdbParams(keys, vals, 1);
	char msg[600];
	if (!pg)
		return bm_fail(err, BM_ENOMEM, _("Cannot connect to the county server: out of memory."));
	if (PQstatus(pg) != CONNECTION_OK) {
		one_line(PQerrorMessage(pg), msg, sizeof msg);
		PQfinish(pg);
		if (strstr(msg, "password authentication failed") || strstr(msg, "no password supplied") ||
		    strstr(msg, "authentication failed"))
			return bm_fail(err, BM_EDENIED, _("The county server refused the login: the user name or password in the county address is wrong (%s)."), msg);
		if (strstr(msg, "database") && strstr(msg, "does not exist"))
			return bm_fail(err, BM_ENOTFOUND, _("The county database does not exist on the server (%s)."), msg);
		return bm_fail(err, BM_EIO, _("Cannot reach the county server (%s). Check the county address (center.yaml or --to), the network and the server; the center keeps working, and the next sync sends everything."), msg);
	}
	county_conn *c = bm_xcalloc(1, sizeof *c);
	c->pg = pg;
	PQsetClientEncoding(pg, "UTF8");
	/* the server's notices (e.g. "relation exists") are not for the clerk */
	PQsetNoticeProcessor(pg, NULL, NULL);
	*out = c;
	return BM_OK;
}

void county_close(county_conn *c)
{
	if (!c)
		return;
	PQfinish(c->pg);
	free(c);
}

int county_fail(county_conn *c, PGresult *r, bm_error *err, const char *what)
{
	char msg[600], code[8] = "";
	const char *sqlstate = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
	const char *primary = r ? PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY) : NULL;
	one_line(primary ? primary : PQerrorMessage(c->pg), msg, sizeof msg);
	if (sqlstate)
		snprintf(code, sizeof code, "%s", sqlstate);
	const char *state = code[0] ? code : NULL;   /* the result is freed below */
	if (r)
		PQclear(r);
	if (PQstatus(c->pg) == CONNECTION_BAD || (state && (!strncmp(state, "08", 2) || !strncmp(state, "57P", 3))))
		return bm_fail(err, BM_EIO, _("The connection to the county server was lost while %s (the server restarted or the network dropped: %s). The unfinished batch was not kept there and nothing is lost at the center; run the command again."), what, msg);
	if (state && !strncmp(state, "53", 2))
		return bm_fail(err, BM_EIO, _("The county server is out of disk space or memory while %s (%s); nothing of this batch was written there. Free space on the server, then run the command again."), what, msg);
	if (state && !strncmp(state, "BMC", 3))
		return bm_fail(err, BM_ESTATE, _("The county server refused the ledger while %s: %s. Nothing of this batch was written."), what, msg);
	if (state && (!strcmp(state, "42P01") || !strcmp(state, "42883")))
		return bm_fail(err, BM_EDB, _("The county database has no bianmin schema, or an older one, while %s (%s); run: bianmin county init"), what, msg);
	if (state && !strncmp(state, "42501", 5))
		return bm_fail(err, BM_EDENIED, _("The county server denied the permission for %s (%s)."), what, msg);
	return bm_fail(err, BM_EDB, _("The county server failed while %s: %s."), what, msg);
}

int county_exec(county_conn *c, const char *sql, bm_error *err, const char *what)
{
	PGresult *r = PQexec(c->pg, sql);
	ExecStatusType st = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
	if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK)
		return county_fail(c, r, err, what);
	PQclear(r);
	return BM_OK;
}

int county_version(county_conn *c, bm_error *err)
{
	PGresult *r = PQexec(c->pg, "SELECT to_regclass('county_migrations') IS NOT NULL");
	if (!r || PQresultStatus(r) != PGRES_TUPLES_OK) {
		county_fail(c, r, err, _("reading the county schema version"));
		return -1;
	}
	bool has = PQgetvalue(r, 0, 0)[0] == 't';
	PQclear(r);
	if (!has)
		return 0;
	r = PQexec(c->pg, "SELECT coalesce(max(version), 0) FROM county_migrations");
	if (!r || PQresultStatus(r) != PGRES_TUPLES_OK) {
		county_fail(c, r, err, _("reading the county schema version"));
		return -1;
	}
	int v = atoi(PQgetvalue(r, 0, 0));
	PQclear(r);
	return v;
}

int county_schema_newest(void)
{
	return county_n_migrations;
}
