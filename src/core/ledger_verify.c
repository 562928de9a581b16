/* ledger_verify.c - verify in constant memory (issue 17).
 *
 * Three streams, none holding more than one case at a time:
 *  1. the chain, in event order: each hash from the previous one, no event
 *     missing, every event about an existing case, each checkpoint naming
 *     an earlier event by its true hash;
 *  2. the cases, one at a time: its events replayed must give exactly
 *     its rows; its receipt and voids match.  A full verify reads every
 *     case's events (events_case) and void rows in one statement each,
 *     stepped together with the cases (rows_of): no query per case;
 *  3. the receipts, in row order: each numbered one has its predecessor
 *     (gapless per year) and belongs to a case that says so.
 * Clerks, agents and book entries: their events merged with their tables
 * in key order (ledger_replay.c).
 *
 * A checkpoint is an event about no case, type "verify_checkpoint", that a
 * passing verify appends on request: x.through (the newest event it
 * checked), x.hash (that event's hash), x.case (the highest case id),
 * x.receipt (the highest receipt row id).  `verify --since-checkpoint`
 * starts the chain at x.through and checks only the cases with later
 * events, later cases and later receipts: a day's work, not a decade's. */
#include "bianmin/ledger.h"
#include "ledger_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct vstate {
	const verify_opts *o;
	verify_result *r;
	ledger_problem *p;
	bm_error *err;
	char anchor[65];
	int64_t from;            /* the chain is checked after this event */
	int64_t from_case, from_receipt;
} vstate;

int verify_problem(ledger_problem *p, int64_t ev, const char *case_no, const char *at,
		   const char *fmt, ...)
{
	p->event_id = ev;
	snprintf(p->case_no, sizeof p->case_no, "%s", case_no ? case_no : "");
	snprintf(p->at, sizeof p->at, "%s", at ? at : "");
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(p->what, sizeof p->what, fmt, ap);
	va_end(ap);
	return 1;
}

static bool same(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return strcmp(a, b) == 0;
}

static int dbfail(bm_store *s, vstate *v)
{
	store_fail(s, v->err, _("verifying the ledger"));
	return -1;
}

/* A statement of verify's own (not cached: verify runs once). */
static sqlite3_stmt *prep(bm_store *s, vstate *v, const char *sql)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(store_db(s), sql, -1, &st, NULL) != SQLITE_OK) {
		dbfail(s, v);
		return NULL;
	}
	return st;
}

static int64_t one_int(bm_store *s, const char *sql, int64_t arg)
{
	sqlite3_stmt *st;
	int64_t v = 0;
	if (sqlite3_prepare_v2(store_db(s), sql, -1, &st, NULL) != SQLITE_OK)
		return 0;
	if (sqlite3_bind_parameter_count(st))
		sqlite3_bind_int64(st, 1, arg);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* The stored hash of event id into out[65]; false when there is none. */
static bool hash_of(bm_store *s, int64_t id, char *out)
{
	sqlite3_stmt *st;
	bool found = false;
	if (sqlite3_prepare_v2(store_db(s), "SELECT hash FROM events WHERE id = ?", -1, &st, NULL) != SQLITE_OK)
		return false;
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW && col_text(st, 0)) {
		snprintf(out, 65, "%s", col_text(st, 0));
		found = true;
	}
	sqlite3_finalize(st);
	return found;
}

/* A checkpoint event's details, numbers read into *through etc. */
static bool checkpoint_parse(const char *details, int64_t *through, char *hash, int64_t *kase, int64_t *receipt)
{
	flatrec x;
	if (!details || !flatrec_parse(details, &x))
		return false;
	const char *t = flatrec_get(&x, "x.through", NULL), *h = flatrec_get(&x, "x.hash", NULL);
	const char *c = flatrec_get(&x, "x.case", NULL), *r = flatrec_get(&x, "x.receipt", NULL);
	bool ok = t && h && c && r && strlen(h) == 64;
	if (ok) {
		*through = atoll(t);
		snprintf(hash, 65, "%s", h);
		*kase = atoll(c);
		*receipt = atoll(r);
	}
	flatrec_free(&x);
	return ok;
}

/* 1: the chain after v->from, whose hash is prev. */
static int check_chain(bm_store *s, vstate *v, char *prev)
{
	sqlite3_stmt *st = prep(s, v, "SELECT e.id, e.case_id, c.no, e.at, e.clerk, e.type, e.details,"
				" e.reason, e.hash FROM events e LEFT JOIN cases c ON c.id = e.case_id"
				" WHERE e.id > ? ORDER BY e.id");
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, v->from);
	int64_t expect = v->from + 1;
	ledger_problem *p = v->p;
	clock_order clock = {0};   /* events in time order (ledger_clock.c) */
	int rc, res = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		const char *no = col_text(st, 2), *at = col_text(st, 3), *clerk = col_text(st, 4);
		const char *type = col_text(st, 5), *details = col_text(st, 6), *reason = col_text(st, 7);
		const char *h = col_text(st, 8);
		if (id != expect) {
			res = verify_problem(p, id, no, at, _("event %lld is missing (the next one is %lld): events were deleted"),
					     (long long)expect, (long long)id);
			break;
		}
		/* each hash from the one before it (prev): a changed, missing or
		 * reordered event breaks it; an intake is hashed as read back
		 * whole, so its case's snapshot is covered too (event_details.c) */
		char calc[65], *whole = NULL;
		if (event_details_expand(s, sqlite3_column_int64(st, 1), type, details, &whole, v->err)) {
			res = -1;
			break;
		}
		event_hash(prev, id, no, at, clerk, type, whole, reason, calc);
		free(whole);
		if (!same(calc, h) && event_details_compacted(type, details)) {
			res = verify_problem(p, id, no, at, _("event %lld, the intake of case %s, does not match its hash: the event or the case's "
							      "snapshot (applicant, item, materials) was changed after it was written"),
					     (long long)id, no ? no : "?");
			break;
		}
		if (!same(calc, h)) {
			res = verify_problem(p, id, no, at, _("event %lld was changed after it was written (its hash does not match)"), (long long)id);
			break;
		}
		if ((res = clock_verify_step(&clock, id, at, type, no, p)))
			break;
		snprintf(prev, 65, "%s", h);
		expect = id + 1;
		v->r->head_event = id;
		v->r->events++;
		if (v->anchor[0] && strncmp(h, v->anchor, strlen(v->anchor)) == 0)
			v->r->anchor_event = id;
		if (sqlite3_column_type(st, 1) != SQLITE_NULL && !no) {
			res = verify_problem(p, id, no, at, _("event %lld names a case that does not exist"), (long long)id);
			break;
		}
		if (type && strcmp(type, "verify_checkpoint") == 0 && sqlite3_column_type(st, 1) == SQLITE_NULL) {
			int64_t through, c, r;
			char hash[65], real[65];
			if (!checkpoint_parse(details, &through, hash, &c, &r) || through >= id ||
			    !hash_of(s, through, real) || strcmp(real, hash) != 0) {
				res = verify_problem(p, id, NULL, at, _("checkpoint event %lld does not name an earlier event by its hash"),
						     (long long)id);
				break;
			}
		}
	}
	if (!res && rc != SQLITE_DONE)
		res = dbfail(s, v);
	sqlite3_finalize(st);
	return res;
}

/* A stream of rows about cases, column `cid` the case: either one
 * statement over every case in (case, id) order, stepped together with
 * the cases (a full verify: one pass over the events_case index instead
 * of a query and a seek per case), or a statement for one case at a time
 * (since a checkpoint: only the cases changed). */
typedef struct rows_of {
	sqlite3_stmt *st;
	int cid;                 /* the column holding the case id */
	bool merged;             /* one statement for every case */
	int rc;                  /* merged: the last step */
	int64_t kase;            /* the case being read */
	bool taken;              /* the current row was given as one of kase's */
} rows_of;

/* Position on the first row of case cid (skipping the rows of cases
 * before it, which the merge does not visit: none in a full verify). */
static void rows_begin(rows_of *r, int64_t cid)
{
	r->kase = cid;
	if (!r->merged) {
		sqlite3_reset(r->st);
		sqlite3_bind_int64(r->st, 1, cid);
		r->rc = sqlite3_step(r->st);
	} else {
		if (r->rc == 0)
			r->rc = sqlite3_step(r->st);
		while (r->rc == SQLITE_ROW && sqlite3_column_type(r->st, r->cid) == SQLITE_INTEGER &&
		       sqlite3_column_int64(r->st, r->cid) < cid)
			r->rc = sqlite3_step(r->st);
	}
	r->taken = false;
}

/* The next row of the case: true with the statement on it.  A row of a
 * later case stays where it is, for that case's rows_begin. */
static bool rows_next(rows_of *r)
{
	if (r->taken && r->rc == SQLITE_ROW)
		r->rc = sqlite3_step(r->st);
	/* a case's row by SQL's equality: an id stored as text ('3x') is no
	 * case's, whatever its leading digits */
	r->taken = r->rc == SQLITE_ROW && sqlite3_column_type(r->st, r->cid) == SQLITE_INTEGER &&
		   sqlite3_column_int64(r->st, r->cid) == r->kase;
	return r->taken;
}

/* A database error ended the stream. */
static bool rows_failed(const rows_of *r)
{
	return r->rc != SQLITE_ROW && r->rc != SQLITE_DONE && r->rc != 0;
}

/* Replay one case's events into rec; its receipt_void events are
 * compared with its void rows.  0 ok, 1 problem, -1 error. */
static int check_case(bm_store *s, vstate *v, rows_of *evs, rows_of *voids, sqlite3_stmt *rcpt,
		      int64_t cid, const char *no)
{
	ledger_problem *p = v->p;
	flatrec rec = {0}, cur;
	int64_t last = 0, n = 0;
	/* the rows first: a compact intake reads back from them */
	if (case_record(s, cid, &cur, v->err))
		return -1;
	/* its item is kept once per version (issue 17): a case whose version
	 * is not in the ledger has lost its item, whatever its events say */
	if (!flatrec_get(&cur, "item.code", NULL)) {
		flatrec_free(&cur);
		return verify_problem(p, 0, no, "", "%s", _("case names an item version that is not in the ledger"));
	}
	char last_at[40] = "";
	int res = 0;
	rows_begin(voids, cid);
	rows_begin(evs, cid);
	while (rows_next(evs)) {
		sqlite3_stmt *e = evs->st;
		int64_t id = sqlite3_column_int64(e, 0);
		const char *at = col_text(e, 1), *clerk = col_text(e, 2), *type = col_text(e, 3);
		const char *reason = col_text(e, 5);
		flatrec ev;
		bool parsed;
		if (event_details_compacted(type, col_text(e, 4))) {
			/* an intake kept compact: its record from the rows' (as
			 * flatrec_parse would read its expanded text) */
			parsed = event_details_record(&cur, col_text(e, 4), &ev);
		} else {
			parsed = col_text(e, 4) && flatrec_parse(col_text(e, 4), &ev);
		}
		if (!parsed) {
			res = verify_problem(p, id, no, at, _("event %lld has unreadable details"), (long long)id);
			break;
		}
		bool intake = type && strcmp(type, "intake") == 0;
		if (intake && n) {
			flatrec_free(&ev);
			res = verify_problem(p, id, no, at, _("case has a second intake event (%lld)"), (long long)id);
			break;
		}
		if (intake) {
			/* x.* names what is not a column (x.visit: the home visit);
			 * the first event, so rec is empty and ev's keys unique:
			 * without x.* keys ev is rec */
			bool notes = false;
			for (size_t i = 0; i < ev.n && !notes; i++)
				notes = strncmp(ev.keys[i], "x.", 2) == 0;
			for (size_t i = 0; notes && i < ev.n; i++)
				if (strncmp(ev.keys[i], "x.", 2) != 0)
					flatrec_add(&rec, ev.keys[i], ev.vals[i]);
			if (notes)
				flatrec_free(&ev);
			else
				rec = ev;
		} else {
			for (size_t i = 0; i < ev.n; i++)
				if (strncmp(ev.keys[i], "x.", 2) != 0)
					flatrec_set(&rec, ev.keys[i], ev.vals[i]);
			if (type && strcmp(type, "receipt_void") == 0) {
				/* the next void row of the case, in order, is this one */
				const char *orig = flatrec_get(&ev, "x.receipt", NULL);
				sqlite3_stmt *vr = voids->st;
				if (!rows_next(voids) || !same(col_text(vr, 0), orig) || !same(col_text(vr, 1), at) ||
				    !same(col_text(vr, 2), clerk) || !same(col_text(vr, 3), reason))
					res = verify_problem(p, 0, no, at, _("the ledger voids receipt %s but the void row is missing"),
							     orig ? orig : "?");
			}
			flatrec_free(&ev);
			if (res)
				break;
		}
		n++;
		last = id;
		snprintf(last_at, sizeof last_at, "%s", at ? at : "");
	}
	if (!res && (rows_failed(evs) || rows_failed(voids)))
		res = dbfail(s, v);
	if (!res && !rec.n)
		res = verify_problem(p, 0, no, "", _("case %s has no intake event in the ledger"), no);
	if (!res && rows_next(voids))
		res = verify_problem(p, 0, no, col_text(voids->st, 1), _("the void of receipt %s does not match any void in the ledger"),
				     col_text(voids->st, 0) ? col_text(voids->st, 0) : "?");
	if (!res) {
		const char *a, *b;
		const char *key = flatrec_diff(&rec, &cur, &a, &b);
		if (key)
			res = verify_problem(p, last, no, last_at,
					     _("case %s: %s is \"%s\" in the database but the ledger says \"%s\""), no, key, b, a);
	}
	flatrec_free(&cur);
	/* a charged case has its receipt row */
	const char *rno = flatrec_get(&rec, "receipt_no", NULL);
	if (!res && rno) {
		sqlite3_reset(rcpt);
		st_text(rcpt, 1, rno);
		sqlite3_bind_int64(rcpt, 2, cid);
		if (sqlite3_step(rcpt) != SQLITE_ROW)
			res = verify_problem(p, last, no, last_at, _("the ledger records receipt %s but the database has no such receipt"), rno);
		sqlite3_reset(rcpt);
	}
	flatrec_free(&rec);
	v->r->cases++;
	return res;
}

/* 2: every case (or those changed since the checkpoint), in id order. */
static int check_cases(bm_store *s, vstate *v)
{
	bool all = !v->from;
	sqlite3_stmt *list = prep(s, v, !all
		? "SELECT c.id, c.no FROM cases c WHERE c.id IN (SELECT case_id FROM events WHERE id > ?1"
		  " AND case_id IS NOT NULL UNION SELECT id FROM cases WHERE id > ?2"
		  " UNION SELECT case_id FROM receipts WHERE id > ?3) ORDER BY c.id"
		: "SELECT id, no FROM cases ORDER BY id");
	/* the events by events_case, (case_id, id) order: every case's, or one's */
	rows_of evs = { .cid = 6, .merged = all, .st = prep(s, v, all
		? "SELECT id, at, clerk, type, details, reason, case_id FROM events"
		  " WHERE case_id IS NOT NULL ORDER BY case_id, id"
		: "SELECT id, at, clerk, type, details, reason, case_id FROM events"
		  " WHERE case_id = ? ORDER BY id") };
	rows_of voids = { .cid = 4, .merged = all, .st = prep(s, v, all
		? "SELECT o.no, r.at, r.clerk, r.reason, r.case_id FROM receipts r LEFT JOIN receipts o ON o.id = r.voids"
		  " WHERE r.no IS NULL AND r.case_id IS NOT NULL ORDER BY r.case_id, r.id"
		: "SELECT o.no, r.at, r.clerk, r.reason, r.case_id FROM receipts r LEFT JOIN receipts o ON o.id = r.voids"
		  " WHERE r.case_id = ? AND r.no IS NULL ORDER BY r.id") };
	sqlite3_stmt *rcpt = prep(s, v, "SELECT 1 FROM receipts WHERE no = ? AND case_id = ?");
	int rc, res = list && evs.st && voids.st && rcpt ? 0 : -1;
	if (!res && !all) {
		sqlite3_bind_int64(list, 1, v->from);
		sqlite3_bind_int64(list, 2, v->from_case);
		sqlite3_bind_int64(list, 3, v->from_receipt);
	}
	while (!res && (rc = sqlite3_step(list)) == SQLITE_ROW)
		res = check_case(s, v, &evs, &voids, rcpt, sqlite3_column_int64(list, 0), col_text(list, 1));
	if (!res && rc != SQLITE_DONE)
		res = dbfail(s, v);
	sqlite3_finalize(list);
	sqlite3_finalize(evs.st);
	sqlite3_finalize(voids.st);
	sqlite3_finalize(rcpt);
	return res;
}

/* 3: each numbered receipt (or each since the checkpoint) belongs to a
 * case that says so, has the number its year and sequence make, and
 * follows the one before it: numbers are gapless in each year. */
static int check_receipts(bm_store *s, vstate *v)
{
	sqlite3_stmt *st = prep(s, v, "SELECT r.no, r.year, r.seq, r.amount_fen, r.at, r.clerk, c.no, c.receipt_no,"
				" c.fee_fen, c.accepted_at, c.first_clerk, r.voids FROM receipts r"
				" LEFT JOIN cases c ON c.id = r.case_id WHERE r.id > ? ORDER BY r.id");
	sqlite3_stmt *before = prep(s, v, "SELECT max(no) FROM receipts WHERE no >= ? AND no < ?");
	int rc, res = st && before ? 0 : -1;
	if (!res)
		sqlite3_bind_int64(st, 1, v->from_receipt);
	while (!res && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *no = col_text(st, 0), *at = col_text(st, 4), *cno = col_text(st, 6);
		if (!cno) {
			res = verify_problem(v->p, 0, NULL, at, _("receipt %s belongs to no case of the ledger"), no ? no : "(void)");
			break;
		}
		if (!no)
			continue;       /* a void: checked with its case */
		int y = sqlite3_column_int(st, 1);
		int64_t seq = sqlite3_column_int64(st, 2);
		char expect_no[32], amount[32], lo[16];
		snprintf(expect_no, sizeof expect_no, "%04d-%06lld", y, (long long)seq);
		snprintf(amount, sizeof amount, "%lld", (long long)sqlite3_column_int64(st, 3));
		if (strcmp(no, expect_no) != 0 || !same(col_text(st, 7), no) || !same(col_text(st, 8), amount) ||
		    !same(col_text(st, 9), at) || !same(col_text(st, 10), col_text(st, 5))) {
			res = verify_problem(v->p, 0, cno, at,
					     _("receipt %s does not match the case's intake in the ledger (number, amount, time or clerk changed)"), no);
			break;
		}
		if (seq > 1) {
			char prev_no[32];
			snprintf(prev_no, sizeof prev_no, "%04d-%06lld", y, (long long)(seq - 1));
			snprintf(lo, sizeof lo, "%04d-", y);
			sqlite3_reset(before);
			st_text(before, 1, lo);
			st_text(before, 2, no);
			int64_t had = 0;
			if (sqlite3_step(before) == SQLITE_ROW && col_text(before, 0))
				had = atoll(col_text(before, 0) + 5);
			if (had != seq - 1) {
				res = verify_problem(v->p, 0, cno, at, _("receipt numbers of %d jump from %lld to %lld: a receipt is missing"),
						     y, (long long)had, (long long)seq);
				break;
			}
		}
		v->r->receipts++;
	}
	if (!res && rc != SQLITE_DONE)
		res = dbfail(s, v);
	sqlite3_finalize(st);
	sqlite3_finalize(before);
	return res;
}

/* The clerks, the village agents and the book entries: each table merged
 * with its events about no case in key order, one key at a time
 * (ledger_replay.c). */
static int check_clerks(bm_store *s, vstate *v)
{
	int res = clerk_replay_check(s, v->p, v->err);
	if (!res)
		res = agent_replay_check(s, v->p, v->err);
	if (!res)
		res = reg_replay_check(s, v->p, v->err);
	return res;
}

static int integrity(bm_store *s, vstate *v)
{
	sqlite3_stmt *st = prep(s, v, "PRAGMA integrity_check");
	if (!st)
		return -1;
	int rc = sqlite3_step(st), res = 0;
	if (rc != SQLITE_ROW)
		res = dbfail(s, v);
	else if (strcmp(col_text(st, 0), "ok") != 0)
		res = verify_problem(v->p, 0, "", "", _("integrity_check: %s"), col_text(st, 0));
	sqlite3_finalize(st);
	return res;
}

/* The newest checkpoint: where the chain, the cases and the receipts
 * start again.  0 ok (v->from 0 when there is none), 1 problem. */
static int find_checkpoint(bm_store *s, vstate *v, char *prev)
{
	sqlite3_stmt *st = prep(s, v, "SELECT id, details FROM events WHERE type = 'verify_checkpoint'"
				" AND case_id IS NULL ORDER BY id DESC LIMIT 1");
	if (!st)
		return -1;
	int res = 0;
	if (sqlite3_step(st) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0), through, c, r;
		char hash[65], real[65];
		if (!checkpoint_parse(col_text(st, 1), &through, hash, &c, &r) || through >= id ||
		    !hash_of(s, through, real) || strcmp(real, hash) != 0) {
			res = verify_problem(v->p, id, NULL, NULL, _("checkpoint event %lld does not name an earlier event by its hash"),
					     (long long)id);
		} else {
			v->from = through;
			v->from_case = c;
			v->from_receipt = r;
			v->r->checkpoint = id;
			snprintf(prev, 65, "%s", hash);
		}
	}
	sqlite3_finalize(st);
	return res;
}

/* Append the checkpoint of what was just verified (its own transaction). */
static int write_checkpoint(bm_store *s, vstate *v, const char *head, int64_t max_case, int64_t max_receipt)
{
	/* nothing to name, or nothing since the last checkpoint */
	if (!v->r->head_event || v->r->head_event == one_int(s, "SELECT coalesce(max(id), 0) FROM events"
							     " WHERE type = 'verify_checkpoint' AND case_id IS NULL", 0))
		return 0;
	flatrec x = {0};
	flatrec_setf(&x, "x.through", "%lld", (long long)v->r->head_event);
	flatrec_set(&x, "x.hash", head);
	flatrec_setf(&x, "x.case", "%lld", (long long)max_case);
	flatrec_setf(&x, "x.receipt", "%lld", (long long)max_receipt);
	flatrec_setf(&x, "x.since", "%lld", (long long)v->from);
	char *details = flatrec_json(&x);
	flatrec_free(&x);
	char at[40];
	bm_time_format(v->o->now, at);
	int rc = store_begin(s, v->err);
	if (!rc)
		rc = event_append(s, 0, at, v->o->checkpoint_by, "verify_checkpoint", details, NULL, v->err);
	if (!rc)
		rc = store_commit(s, v->err);
	else
		store_rollback(s);
	free(details);
	if (!rc)
		v->r->written = one_int(s, "SELECT max(id) FROM events", 0);
	return rc ? -1 : 0;
}

/* Anchor: 16 to 64 hex digits, lower-cased into out[65]. */
static bool anchor_ok(const char *a, char *out)
{
	size_t n = a ? strlen(a) : 0;
	if (n < 16 || n > 64)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = a[i];
		if (c >= 'A' && c <= 'F')
			c = (char)(c - 'A' + 'a');
		if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
			return false;
		out[i] = c;
	}
	out[n] = '\0';
	return true;
}

int ledger_verify_run(bm_store *s, const verify_opts *o, verify_result *r, ledger_problem *prob, bm_error *err)
{
	memset(r, 0, sizeof *r);
	memset(prob, 0, sizeof *prob);
	snprintf(r->head, sizeof r->head, "%s", LEDGER_GENESIS);
	vstate v = { .o = o, .r = r, .p = prob, .err = err };
	if (o->anchor && !anchor_ok(o->anchor, v.anchor))
		return bm_fail(err, BM_EINVAL, _("An anchor is 16 to 64 hex digits (台账校验码 on the daily close sheet); \"%s\" is not."),
			       o->anchor);
	/* the whole file's structure: a full verify only (it reads every page) */
	int res = o->since_checkpoint ? 0 : integrity(s, &v);
	if (res)
		goto done;
	/* one read transaction, so the checks see the same ledger */
	if (sqlite3_exec(store_db(s), "BEGIN", NULL, NULL, NULL) != SQLITE_OK) {
		res = dbfail(s, &v);
		goto done;
	}
	char prev[65] = LEDGER_GENESIS;
	int64_t max_case = one_int(s, "SELECT coalesce(max(id), 0) FROM cases", 0);
	int64_t max_receipt = one_int(s, "SELECT coalesce(max(id), 0) FROM receipts", 0);
	if (o->since_checkpoint)
		res = find_checkpoint(s, &v, prev);
	r->from_event = r->head_event = v.from;
	if (!res)
		res = check_chain(s, &v, prev);
	snprintf(r->head, sizeof r->head, "%s", prev);
	if (!res)
		res = check_cases(s, &v);
	if (!res)
		res = check_receipts(s, &v);
	if (!res)
		res = check_clerks(s, &v);
	/* the numbering counters against the rows (counters.c): a full verify */
	if (!res && !o->since_checkpoint)
		res = counters_check(s, prob, err);
	/* events deleted from the end leave an intact but shorter chain: only
	 * a hash kept outside the file (the 日结单's 台账校验码) shows it; an
	 * anchor before the checkpoint was checked by an earlier verify */
	if (!res && o->anchor && !r->anchor_event) {
		/* before the checkpoint: a prefix range of the hashes (a scan
		 * since the compact events dropped the hash index; only asked
		 * for with --anchor) */
		char real[65], hi[65];
		snprintf(hi, sizeof hi, "%s", v.anchor);
		hi[strlen(hi) - 1]++;
		sqlite3_stmt *st = prep(s, &v, "SELECT id FROM events WHERE hash >= ?1 AND hash < ?2 AND id <= ?3");
		if (st && v.from) {
			st_text(st, 1, v.anchor);
			st_text(st, 2, hi);
			sqlite3_bind_int64(st, 3, v.from);
			if (sqlite3_step(st) == SQLITE_ROW && hash_of(s, sqlite3_column_int64(st, 0), real))
				r->anchor_event = sqlite3_column_int64(st, 0);
		}
		sqlite3_finalize(st);
		if (!r->anchor_event)
			res = verify_problem(prob, 0, "", "", _("the anchored event %s is not in the ledger (the newest is event %lld): events were deleted from its end"),
					     v.anchor, (long long)r->head_event);
	}
	sqlite3_exec(store_db(s), "COMMIT", NULL, NULL, NULL);
	if (!res && o->checkpoint_by)
		res = write_checkpoint(s, &v, r->head, max_case, max_receipt);
done:
	if (res < 0)
		return err ? (err->code ? err->code : BM_EDB) : BM_EDB;
	r->ok = res == 0;
	return BM_OK;
}
