/* county_sync.c - `bianmin sync`: what is new in this center's ledger goes
 * to the county server, events in chain order with their hashes and the
 * case, receipt and clerk rows they produce.
 *
 * The center is never blocked: everything is read inside one SQLite read
 * transaction (a WAL snapshot), which writers do not wait for.  Each batch
 * of events is one server transaction, so a sync killed at any moment
 * leaves the server at the end of a whole batch; the next sync starts from
 * the server's chain head and sends nothing twice:
 *   events   id > the center's last stored event;
 *   cases    whose last event is in the batch (the row is as of that event);
 *   receipts of those cases, newer than the newest receipt stored;
 *   clerks   all of them (a few rows), upserted with the first batch.
 * Before sending, the ledger must continue the server's chain: the same
 * first event (else another ledger holds the code) and the same hash at
 * the server's last event (else the ledger was restored from an older
 * backup or edited: the first differing event is found and named).  The
 * server checks the same again in its trigger (county_schema.c). */
#include "county_int.h"
#include "store_int.h"
#include "ledger_int.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* the cases table's columns, as in both databases (local id and the
 * center code, as_of are added); here the item's are its item_versions
 * row's (issue 17), the county keeps them in the case's row */
static const char *const CASE_COLS[] = {
	"no", "applicant_name", "id_type", "id_no", "phone", "address", "proxy_name", "proxy_id",
	"proxy_is_agent", "first_clerk", "owner_clerk", "item_code", "item_name", "item_window",
	"item_department", "item_regime", "item_basis", "item_statutory_days", "item_promised_days",
	"item_has_fee", "item_fee_fen", "item_fee_basis", "item_forward_to", "item_refusal",
	"item_joint_windows", "catalog_fingerprint", "kind", "decided", "override_reason",
	"return_reason", "state", "accepted_at", "accepted_day", "clock_start", "due", "due_uncertain",
	"limit_days", "completed_day", "fee_fen", "receipt_no", NULL,
};

typedef struct syncer {
	county_conn *c;
	bm_store *store;
	sqlite3 *db;
	const char *code;
	bm_error *err;
	bm_buf out;               /* COPY data not yet sent */
	sqlite3_stmt *ev, *cs, *rc, *cl;
	int64_t rmax;             /* newest receipt id on the server */
	char *copy_cases, *upsert_cases;
} syncer;

typedef struct pending { int64_t case_id, last; } pending;

static int local_fail(syncer *y, const char *what)
{
	return bm_fail(y->err, BM_EDB, _("Reading the center's ledger failed while %s: %s."), what, sqlite3_errmsg(y->db));
}

/* ---- COPY ------------------------------------------------------------ */
static void put_field(bm_buf *b, const char *v, bool first)
{
	if (!first)
		bm_buf_append(b, "\t", 1);
	if (!v) {
		bm_buf_append(b, "\\N", 2);
		return;
	}
	for (const char *p = v; *p; p++) {
		switch (*p) {
		case '\\': bm_buf_append(b, "\\\\", 2); break;
		case '\n': bm_buf_append(b, "\\n", 2); break;
		case '\r': bm_buf_append(b, "\\r", 2); break;
		case '\t': bm_buf_append(b, "\\t", 2); break;
		default: bm_buf_append(b, p, 1);
		}
	}
}

static int copy_flush(syncer *y, const char *what)
{
	if (y->out.len && PQputCopyData(y->c->pg, y->out.data, (int)y->out.len) != 1)
		return county_fail(y->c, NULL, y->err, what);
	y->out.len = 0;
	return BM_OK;
}

static int copy_begin(syncer *y, const char *sql, const char *what)
{
	PGresult *r = PQexec(y->c->pg, sql);
	if (!r || PQresultStatus(r) != PGRES_COPY_IN)
		return county_fail(y->c, r, y->err, what);
	PQclear(r);
	y->out.len = 0;
	return BM_OK;
}

static int copy_end(syncer *y, const char *what)
{
	int rc = copy_flush(y, what);
	if (PQputCopyEnd(y->c->pg, NULL) != 1 && !rc)
		rc = county_fail(y->c, NULL, y->err, what);
	PGresult *r;
	while ((r = PQgetResult(y->c->pg))) {
		if (PQresultStatus(r) != PGRES_COMMAND_OK && !rc)
			rc = county_fail(y->c, r, y->err, what);
		else
			PQclear(r);
	}
	return rc;
}

/* One row: the center code, then every column of the statement's row. */
static int copy_row(syncer *y, sqlite3_stmt *st, int from, const char *extra, const char *what)
{
	put_field(&y->out, y->code, true);
	int n = sqlite3_column_count(st);
	for (int i = from; i < n; i++)
		put_field(&y->out, (const char *)sqlite3_column_text(st, i), false);
	if (extra)
		put_field(&y->out, extra, false);
	bm_buf_append(&y->out, "\n", 1);
	return y->out.len >= 65536 ? copy_flush(y, what) : BM_OK;
}

/* One event: its columns as the server keeps them (the logical details,
 * which its hash covers: a compact intake read back whole, issue 17);
 * the last column, the local case id, is not sent. */
static int copy_event(syncer *y, const char *what)
{
	sqlite3_stmt *st = y->ev;
	int n = sqlite3_column_count(st) - 1;
	char *whole = NULL;
	if (event_details_expand(y->store, sqlite3_column_int64(st, n), (const char *)sqlite3_column_text(st, 4),
				 (const char *)sqlite3_column_text(st, 5), &whole, y->err))
		return BM_EDB;
	put_field(&y->out, y->code, true);
	for (int i = 0; i < n; i++)
		put_field(&y->out, i == 5 ? whole : (const char *)sqlite3_column_text(st, i), false);
	free(whole);
	bm_buf_append(&y->out, "\n", 1);
	return y->out.len >= 65536 ? copy_flush(y, what) : BM_OK;
}

/* ---- the server's side of the chain ---------------------------------- */
static int server_event(syncer *y, int64_t seq, char hash[65], char *at, size_t atn, char *type, size_t tn)
{
	char sq[24];
	snprintf(sq, sizeof sq, "%lld", (long long)seq);
	const char *p[2] = { y->code, sq };
	PGresult *r = PQexecParams(y->c->pg, "SELECT hash, at, type FROM events WHERE center = $1 AND seq = $2", 2,
				   NULL, p, NULL, NULL, 0);
	if (!r || PQresultStatus(r) != PGRES_TUPLES_OK)
		return county_fail(y->c, r, y->err, _("comparing the chains"));
	hash[0] = 0;
	if (PQntuples(r) == 1) {
		snprintf(hash, 65, "%s", PQgetvalue(r, 0, 0));
		snprintf(at, atn, "%s", PQgetvalue(r, 0, 1));
		snprintf(type, tn, "%s", PQgetvalue(r, 0, 2));
	}
	PQclear(r);
	return BM_OK;
}

static int local_event(syncer *y, int64_t id, char hash[65], char *at, size_t atn, char *type, size_t tn)
{
	sqlite3_stmt *st = NULL;
	hash[0] = 0;
	if (sqlite3_prepare_v2(y->db, "SELECT hash, at, type FROM events WHERE id = ?", -1, &st, NULL) != SQLITE_OK)
		return local_fail(y, _("comparing the chains"));
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		snprintf(hash, 65, "%s", (const char *)sqlite3_column_text(st, 0));
		snprintf(at, atn, "%s", (const char *)sqlite3_column_text(st, 1));
		snprintf(type, tn, "%s", (const char *)sqlite3_column_text(st, 2));
	}
	sqlite3_finalize(st);
	return BM_OK;
}

/* The ledger does not continue the server's chain: name the first event
 * that differs (hashes chain, so once they differ they differ after). */
static int fork_named(syncer *y, int64_t server_last, int64_t local_max)
{
	int64_t lo = 1, hi = server_last < local_max ? server_last : local_max, first = 0;
	char hs[65], hl[65], as[40], al[40], ts[40], tl[40];
	while (lo <= hi) {
		int64_t mid = lo + (hi - lo) / 2;
		if (server_event(y, mid, hs, as, sizeof as, ts, sizeof ts) ||
		    local_event(y, mid, hl, al, sizeof al, tl, sizeof tl))
			return BM_EDB;
		if (strcmp(hs, hl) != 0) {
			first = mid;
			hi = mid - 1;
		} else {
			lo = mid + 1;
		}
	}
	if (!first)
		return bm_fail(y->err, BM_ESTATE,
			       _("This ledger of center %s ends at event %lld, but the county server already holds events up to %lld: it is an older copy (restored from a backup?). Refused; nothing was sent."),
			       y->code, (long long)local_max, (long long)server_last);
	if (server_event(y, first, hs, as, sizeof as, ts, sizeof ts) ||
	    local_event(y, first, hl, al, sizeof al, tl, sizeof tl))
		return BM_EDB;
	return bm_fail(y->err, BM_ESTATE,
		       _("Event %lld of center %s differs from the county server's copy (here: %s %s, hash %.12s; on the server: %s %s, hash %.12s): the chain forks there, so this ledger was restored from an older backup or edited. Refused; nothing was sent."),
		       (long long)first, y->code, al, tl, hl, as, ts, hs);
}

/* ---- one batch --------------------------------------------------------- */
static int test_hook(const char *name)
{
	const char *v = getenv(name);   /* test-only: see bianmin(1), ENVIRONMENT */
	return v && *v ? atoi(v) : 0;
}

static int send_batch(syncer *y, int64_t a, int64_t b, const pending *pend, size_t np, bool clerks,
		      const char *name, county_sync_result *res, long batch_no)
{
	const char *what = _("sending a batch");
	int rc = county_exec(y->c, "BEGIN", y->err, what);
	const char *p[2] = { y->code, name };
	if (!rc) {
		PGresult *r = PQexecParams(y->c->pg, "INSERT INTO centers (code, name) VALUES ($1, $2) ON CONFLICT (code) DO NOTHING",
					   2, NULL, p, NULL, NULL, 0);
		if (!r || PQresultStatus(r) != PGRES_COMMAND_OK)
			rc = county_fail(y->c, r, y->err, what);
		else
			PQclear(r);
	}
	long ne = 0, nc = 0, nr = 0, nk = 0;
	/* events, in chain order */
	if (!rc)
		rc = copy_begin(y, "COPY events (center, seq, case_no, at, clerk, type, details, reason, prev_hash, hash)"
				" FROM STDIN", what);
	if (!rc) {
		sqlite3_reset(y->ev);
		sqlite3_bind_int64(y->ev, 1, a);
		sqlite3_bind_int64(y->ev, 2, b);
		int s;
		while (!rc && (s = sqlite3_step(y->ev)) == SQLITE_ROW) {
			rc = copy_event(y, what);
			ne++;
		}
		if (!rc && s != SQLITE_DONE)
			rc = local_fail(y, what);
		int rc2 = copy_end(y, what);
		rc = rc ? rc : rc2;
	}
	/* cases whose last event is in this batch, then their new receipts */
	if (!rc && np)
		rc = copy_begin(y, y->copy_cases, what);
	for (size_t i = 0; i < np && !rc; i++) {
		sqlite3_reset(y->cs);
		sqlite3_bind_int64(y->cs, 1, pend[i].case_id);
		if (sqlite3_step(y->cs) != SQLITE_ROW) {
			rc = local_fail(y, what);
			break;
		}
		char asof[24];
		snprintf(asof, sizeof asof, "%lld", (long long)pend[i].last);
		rc = copy_row(y, y->cs, 0, asof, what);
		nc++;
	}
	if (np && !rc) {
		int rc2 = copy_end(y, what);
		rc = rc ? rc : rc2;
	}
	if (!rc && np)
		rc = county_exec(y->c, y->upsert_cases, y->err, what);
	if (!rc && np)
		rc = copy_begin(y, "COPY receipts (center, local_id, no, year, seq, case_no, amount_fen, basis, at, clerk,"
				" voids, reason) FROM STDIN", what);
	for (size_t i = 0; i < np && !rc; i++) {
		sqlite3_reset(y->rc);
		sqlite3_bind_int64(y->rc, 1, pend[i].case_id);
		sqlite3_bind_int64(y->rc, 2, y->rmax);
		int s;
		while (!rc && (s = sqlite3_step(y->rc)) == SQLITE_ROW) {
			rc = copy_row(y, y->rc, 0, NULL, what);
			nr++;
		}
		if (!rc && s != SQLITE_DONE)
			rc = local_fail(y, what);
	}
	if (np && !rc) {
		int rc2 = copy_end(y, what);
		rc = rc ? rc : rc2;
	}
	/* clerks (never their PINs) */
	if (!rc && clerks) {
		rc = copy_begin(y, "COPY incoming_clerks FROM STDIN", what);
		sqlite3_reset(y->cl);
		int s;
		while (!rc && (s = sqlite3_step(y->cl)) == SQLITE_ROW) {
			rc = copy_row(y, y->cl, 0, NULL, what);
			nk++;
		}
		if (!rc && s != SQLITE_DONE)
			rc = local_fail(y, what);
		if (!rc)
			rc = copy_end(y, what);
		if (!rc)
			rc = county_exec(y->c, "INSERT INTO clerks SELECT * FROM incoming_clerks ON CONFLICT (center, code)"
					 " DO UPDATE SET (name, window_name, role, active) = (EXCLUDED.name,"
					 " EXCLUDED.window_name, EXCLUDED.role, EXCLUDED.active)", y->err, what);
	}
	if (!rc) {
		PGresult *r = PQexecParams(y->c->pg, "UPDATE centers SET name = $2, synced_at = now() WHERE code = $1",
					   2, NULL, p, NULL, NULL, 0);
		if (!r || PQresultStatus(r) != PGRES_COMMAND_OK)
			rc = county_fail(y->c, r, y->err, what);
		else
			PQclear(r);
	}
	/* test-only: die here, with the batch sent but not committed */
	if (!rc && test_hook("BIANMIN_TEST_SYNC_KILL_AT") == batch_no)
		raise(SIGKILL);
	if (!rc)
		rc = county_exec(y->c, "COMMIT", y->err, _("committing a batch"));
	if (rc) {
		if (PQstatus(y->c->pg) == CONNECTION_OK) {
			PGresult *r = PQexec(y->c->pg, "ROLLBACK");
			PQclear(r);
		}
		return rc;
	}
	res->events += ne;
	res->cases += nc;
	res->receipts += nr;
	res->clerks += nk;
	res->batches++;
	res->head = b;
	int ms = test_hook("BIANMIN_TEST_SYNC_PAUSE_MS");
	if (ms > 0) {
		struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };
		nanosleep(&ts, NULL);
	}
	return BM_OK;
}

/* ---- the sync ---------------------------------------------------------- */
static int prepare(syncer *y)
{
	bm_buf q = {0};
	bm_buf_puts(&q, "SELECT c.id");
	for (size_t i = 0; CASE_COLS[i]; i++)
		bm_buf_printf(&q, ", %s", CASE_COLS[i]);
	bm_buf_puts(&q, " FROM cases c" CASE_ITEM_JOIN " WHERE c.id = ?");
	char *cases_sql = bm_buf_steal(&q);
	bm_buf_puts(&q, "COPY incoming_cases (center, local_id");
	for (size_t i = 0; CASE_COLS[i]; i++)
		bm_buf_printf(&q, ", %s", CASE_COLS[i]);
	bm_buf_puts(&q, ", as_of) FROM STDIN");
	y->copy_cases = bm_buf_steal(&q);
	/* the whole row as of its last event (the center's triggers keep the
	 * snapshot columns unchanged, so only the moving ones differ) */
	bm_buf_puts(&q, "INSERT INTO cases SELECT * FROM incoming_cases ON CONFLICT (center, no) DO UPDATE SET as_of = EXCLUDED.as_of");
	for (size_t i = 1; CASE_COLS[i]; i++)
		bm_buf_printf(&q, ", %s = EXCLUDED.%s", CASE_COLS[i], CASE_COLS[i]);
	y->upsert_cases = bm_buf_steal(&q);
	/* prev_hash: the previous event's hash (no column since issue 17) */
	int ok = sqlite3_prepare_v2(y->db, "SELECT e.id, c.no, e.at, e.clerk, e.type, e.details, e.reason,"
				    " coalesce((SELECT p.hash FROM events p WHERE p.id = e.id - 1), '" LEDGER_GENESIS "'),"
				    " e.hash, e.case_id FROM events e LEFT JOIN cases c ON c.id = e.case_id WHERE e.id > ? AND e.id <= ?"
				    " ORDER BY e.id", -1, &y->ev, NULL) == SQLITE_OK &&
		 sqlite3_prepare_v2(y->db, cases_sql, -1, &y->cs, NULL) == SQLITE_OK &&
		 sqlite3_prepare_v2(y->db, "SELECT r.id, r.no, r.year, r.seq, c.no, r.amount_fen, r.basis, r.at, r.clerk,"
				    " r.voids, r.reason FROM receipts r JOIN cases c ON c.id = r.case_id"
				    " WHERE r.case_id = ? AND r.id > ? ORDER BY r.id", -1, &y->rc, NULL) == SQLITE_OK &&
		 sqlite3_prepare_v2(y->db, "SELECT code, name, window, role, active FROM clerks ORDER BY code", -1, &y->cl,
				    NULL) == SQLITE_OK;
	free(cases_sql);
	return ok ? BM_OK : local_fail(y, _("preparing the sync"));
}

static int pending_cases(syncer *y, int64_t after, pending **out, size_t *n)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(y->db, "SELECT case_id, max(id) m FROM events WHERE case_id IS NOT NULL GROUP BY case_id"
			       " HAVING max(id) > ? ORDER BY m", -1, &st, NULL) != SQLITE_OK)
		return local_fail(y, _("listing the changed cases"));
	sqlite3_bind_int64(st, 1, after);
	size_t cap = 0;
	int s;
	while ((s = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 256;
			*out = bm_xrealloc(*out, cap * sizeof **out);
		}
		(*out)[*n].case_id = sqlite3_column_int64(st, 0);
		(*out)[(*n)++].last = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	return s == SQLITE_DONE ? BM_OK : local_fail(y, _("listing the changed cases"));
}

static int server_head(syncer *y, bool *known, char genesis[65], int64_t *last, char last_hash[65])
{
	const char *p[1] = { y->code };
	PGresult *r = PQexecParams(y->c->pg, "SELECT coalesce(genesis, ''), last_seq, last_hash FROM centers WHERE code = $1",
				   1, NULL, p, NULL, NULL, 0);
	if (!r || PQresultStatus(r) != PGRES_TUPLES_OK)
		return county_fail(y->c, r, y->err, _("reading the center's chain head"));
	*known = PQntuples(r) == 1;
	genesis[0] = last_hash[0] = 0;
	*last = 0;
	if (*known) {
		snprintf(genesis, 65, "%s", PQgetvalue(r, 0, 0));
		*last = strtoll(PQgetvalue(r, 0, 1), NULL, 10);
		snprintf(last_hash, 65, "%s", PQgetvalue(r, 0, 2));
	}
	PQclear(r);
	r = PQexecParams(y->c->pg, "SELECT coalesce(max(local_id), 0) FROM receipts WHERE center = $1", 1, NULL, p, NULL,
			 NULL, 0);
	if (!r || PQresultStatus(r) != PGRES_TUPLES_OK)
		return county_fail(y->c, r, y->err, _("reading the center's chain head"));
	y->rmax = strtoll(PQgetvalue(r, 0, 0), NULL, 10);
	PQclear(r);
	return BM_OK;
}

static int local_head(syncer *y, int64_t *max, char genesis[65])
{
	sqlite3_stmt *st;
	*max = 0;
	genesis[0] = 0;
	if (sqlite3_prepare_v2(y->db, "SELECT (SELECT max(id) FROM events), (SELECT hash FROM events WHERE id = 1)", -1,
			       &st, NULL) != SQLITE_OK)
		return local_fail(y, _("reading the ledger's end"));
	int s = sqlite3_step(st);
	if (s == SQLITE_ROW) {
		*max = sqlite3_column_int64(st, 0);
		snprintf(genesis, 65, "%s", sqlite3_column_text(st, 1) ? (const char *)sqlite3_column_text(st, 1) : "");
	}
	sqlite3_finalize(st);
	return s == SQLITE_ROW ? BM_OK : local_fail(y, _("reading the ledger's end"));
}

static int run(syncer *y, const bm_center *center, int batch, county_sync_result *res)
{
	int64_t local_max = 0, server_last = 0;
	char lgen[65], sgen[65], shash[65], lhash[65], at[40], type[40];
	bool known = false;
	/* one sync of a center at a time (released when the connection ends;
	 * a killed sync's server session may take a moment to notice) */
	const char *p[1] = { y->code };
	bool mine = false;
	for (int tries = 0; tries < 30 && !mine; tries++) {
		if (tries) {
			struct timespec ts = { 0, 100000000L };
			nanosleep(&ts, NULL);
		}
		PGresult *r = PQexecParams(y->c->pg, "SELECT pg_try_advisory_lock(hashtext('bianmin sync ' || $1))", 1,
					   NULL, p, NULL, NULL, 0);
		if (!r || PQresultStatus(r) != PGRES_TUPLES_OK)
			return county_fail(y->c, r, y->err, _("preparing the sync"));
		mine = PQgetvalue(r, 0, 0)[0] == 't';
		PQclear(r);
	}
	if (!mine)
		return bm_fail(y->err, BM_ESTATE, _("Another sync of center %s is running now; try again when it has finished."), y->code);
	int rc = local_head(y, &local_max, lgen);
	if (!rc)
		rc = server_head(y, &known, sgen, &server_last, shash);
	if (rc)
		return rc;
	res->head = server_last;
	if (known && sgen[0] && lgen[0] && strcmp(sgen, lgen) != 0)
		return bm_fail(y->err, BM_ESTATE,
			       _("Center code %s is already held by another ledger on the county server (its first event has hash %.12s, this ledger's %.12s). Each center needs its own code in center.yaml. Refused; nothing was sent."),
			       y->code, sgen, lgen);
	if (server_last > 0) {
		if ((rc = local_event(y, server_last, lhash, at, sizeof at, type, sizeof type)))
			return rc;
		if (server_last > local_max || strcmp(lhash, shash) != 0)
			return fork_named(y, server_last, local_max);
	}
	if (local_max <= server_last)
		return BM_OK;
	pending *pend;
	size_t np, k = 0;
	if ((rc = pending_cases(y, server_last, &pend, &np)))
		return rc;
	if ((rc = county_exec(y->c, "CREATE TEMP TABLE IF NOT EXISTS incoming_cases (LIKE cases) ON COMMIT DELETE ROWS;"
			      "CREATE TEMP TABLE IF NOT EXISTS incoming_clerks (LIKE clerks) ON COMMIT DELETE ROWS",
			      y->err, _("preparing the sync")))) {
		free(pend);
		return rc;
	}
	long no = 0;
	for (int64_t a = server_last; a < local_max && !rc;) {
		int64_t b = a + batch < local_max ? a + batch : local_max;
		size_t from = k;
		while (k < np && pend[k].last <= b)
			k++;
		no++;
		rc = send_batch(y, a, b, pend + from, k - from, no == 1, center->name, res, no);
		a = b;
	}
	free(pend);
	return rc;
}

int county_sync(county_conn *c, bm_store *s, const bm_center *center, const county_sync_opts *o,
		county_sync_result *res, bm_error *err)
{
	memset(res, 0, sizeof *res);
	int v = county_version(c, err);
	if (v < 0)
		return BM_EDB;
	if (v < county_n_migrations)
		return bm_fail(err, BM_EDB, _("The county database's schema is at version %d, this bianmin needs %d; run: bianmin county init"),
			       v, county_n_migrations);
	if (v > county_n_migrations)
		return bm_fail(err, BM_EDB, _("The county database has schema version %d, newer than this bianmin knows (%d); update bianmin."),
			       v, county_n_migrations);
	syncer y = { .c = c, .store = s, .db = store_db(s), .code = center->code, .err = err };
	/* the snapshot: one read transaction over everything we read */
	if (sqlite3_exec(y.db, "BEGIN DEFERRED", NULL, NULL, NULL) != SQLITE_OK)
		return local_fail(&y, _("starting the read snapshot"));
	int rc = prepare(&y);
	if (!rc)
		rc = run(&y, center, o && o->batch > 0 ? o->batch : 5000, res);
	sqlite3_finalize(y.ev);
	sqlite3_finalize(y.cs);
	sqlite3_finalize(y.rc);
	sqlite3_finalize(y.cl);
	sqlite3_exec(y.db, "COMMIT", NULL, NULL, NULL);
	bm_buf_free(&y.out);
	free(y.copy_cases);
	free(y.upsert_cases);
	return rc;
}
