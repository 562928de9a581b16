/* ledger.c - verify the whole ledger; receipt voids; online backup. */
#include "bianmin/ledger.h"
#include "ledger_int.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct void_ev {
	int64_t case_id;
	char *receipt, *at, *clerk, *reason;
	bool matched;
} void_ev;

typedef struct verify_ctx {
	flatrec *replay;        /* by case id */
	int64_t *last_event;    /* by case id: last event id */
	char **last_at;
	size_t n_cases;         /* array size (max case id + 1) */
	void_ev *voids; size_t n_voids;
	clerk_replay clerks;
	agent_replay agents;
	const char *anchor;     /* hash prefix to find, or NULL */
	int64_t anchor_id;      /* the event it names, 0 = not found */
	int64_t head_id;        /* the newest event */
} verify_ctx;

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

static void ctx_free(verify_ctx *v)
{
	for (size_t i = 0; i < v->n_cases; i++) {
		flatrec_free(&v->replay[i]);
		free(v->last_at[i]);
	}
	free(v->replay);
	free(v->last_event);
	free(v->last_at);
	for (size_t i = 0; i < v->n_voids; i++) {
		free(v->voids[i].receipt); free(v->voids[i].at);
		free(v->voids[i].clerk); free(v->voids[i].reason);
	}
	free(v->voids);
	clerk_replay_free(&v->clerks);
	agent_replay_free(&v->agents);
}

static bool same(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return strcmp(a, b) == 0;
}

/* 1: the chain, replaying each case's events.  Returns 0 ok, 1 problem,
 * -1 error. */
static int check_chain(bm_store *s, verify_ctx *v, char *head, ledger_problem *p, bm_error *err)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(store_db(s), "SELECT e.id, e.case_id, c.no, e.at, e.clerk, e.type, e.details,"
			       " e.reason, e.prev_hash, e.hash FROM events e LEFT JOIN cases c ON c.id = e.case_id"
			       " ORDER BY e.id", -1, &st, NULL) != SQLITE_OK)
		return store_fail(s, err, _("verifying the ledger")), -1;
	char prev[65] = LEDGER_GENESIS;
	int64_t expect = 1;
	int rc, res = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t id = sqlite3_column_int64(st, 0);
		int64_t cid = sqlite3_column_int64(st, 1);
		const char *no = col_text(st, 2), *at = col_text(st, 3), *clerk = col_text(st, 4);
		const char *type = col_text(st, 5), *details = col_text(st, 6), *reason = col_text(st, 7);
		const char *ph = col_text(st, 8), *h = col_text(st, 9);
		if (id != expect) {
			res = verify_problem(p, id, no, at, _("event %lld is missing (the next one is %lld): events were deleted"),
				      (long long)expect, (long long)id);
			break;
		}
		if (!same(ph, prev)) {
			res = verify_problem(p, id, no, at, _("event %lld does not follow the previous event (prev_hash differs)"), (long long)id);
			break;
		}
		char calc[65];
		event_hash(prev, id, no, at, clerk, type, details, reason, calc);
		if (!same(calc, h)) {
			res = verify_problem(p, id, no, at, _("event %lld was changed after it was written (its hash does not match)"), (long long)id);
			break;
		}
		snprintf(prev, sizeof prev, "%s", h);
		expect = id + 1;
		v->head_id = id;
		if (v->anchor && strncmp(h, v->anchor, strlen(v->anchor)) == 0)
			v->anchor_id = id;
		if (cid <= 0 || (size_t)cid >= v->n_cases) {
			if (sqlite3_column_type(st, 1) != SQLITE_NULL) {
				res = verify_problem(p, id, no, at, _("event %lld names a case that does not exist"), (long long)id);
				break;
			}
			if (clerk_event_type(type))
				clerk_replay_event(&v->clerks, id, at, details);
			else if (agent_event_type(type))
				agent_replay_event(&v->agents, id, at, details);
			continue;
		}
		flatrec ev;
		if (!details || !flatrec_parse(details, &ev)) {
			res = verify_problem(p, id, no, at, _("event %lld has unreadable details"), (long long)id);
			break;
		}
		flatrec *r = &v->replay[cid];
		if (strcmp(type, "intake") == 0) {
			if (r->n) {
				flatrec_free(&ev);
				res = verify_problem(p, id, no, at, _("case has a second intake event (%lld)"), (long long)id);
				break;
			}
			*r = ev;
		} else {
			for (size_t i = 0; i < ev.n; i++)
				if (strncmp(ev.keys[i], "x.", 2) != 0)
					flatrec_set(r, ev.keys[i], ev.vals[i]);
			if (strcmp(type, "receipt_void") == 0) {
				v->voids = bm_xrealloc(v->voids, (v->n_voids + 1) * sizeof *v->voids);
				void_ev *vv = &v->voids[v->n_voids++];
				vv->case_id = cid;
				vv->receipt = bm_xstrdup(flatrec_get(&ev, "x.receipt", NULL));
				vv->at = bm_xstrdup(at);
				vv->clerk = bm_xstrdup(clerk);
				vv->reason = bm_xstrdup(reason);
				vv->matched = false;
			}
			flatrec_free(&ev);
		}
		v->last_event[cid] = id;
		free(v->last_at[cid]);
		v->last_at[cid] = bm_xstrdup(at);
	}
	if (!res && rc != SQLITE_DONE) {
		store_fail(s, err, _("verifying the ledger"));
		res = -1;
	}
	sqlite3_finalize(st);
	snprintf(head, 65, "%s", prev);
	return res;
}

/* 2: every case row equals the replay of its events. */
static int check_cases(bm_store *s, verify_ctx *v, ledger_problem *p, bm_error *err)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(store_db(s), "SELECT id, no FROM cases ORDER BY id", -1, &st, NULL) != SQLITE_OK)
		return store_fail(s, err, _("verifying the ledger")), -1;
	int rc, res = 0;
	while (!res && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		int64_t cid = sqlite3_column_int64(st, 0);
		const char *no = col_text(st, 1);
		if (cid <= 0 || (size_t)cid >= v->n_cases || !v->replay[cid].n) {
			res = verify_problem(p, 0, no, "", _("case %s has no intake event in the ledger"), no);
			break;
		}
		flatrec cur;
		if (case_record(s, cid, &cur, err)) {
			res = -1;
			break;
		}
		const char *a, *b;
		const char *key = flatrec_diff(&v->replay[cid], &cur, &a, &b);
		if (key)
			res = verify_problem(p, v->last_event[cid], no, v->last_at[cid],
				      _("case %s: %s is \"%s\" in the database but the ledger says \"%s\""),
				      no, key, b, a);
		flatrec_free(&cur);
	}
	if (!res && rc != SQLITE_DONE) {
		store_fail(s, err, _("verifying the ledger"));
		res = -1;
	}
	sqlite3_finalize(st);
	return res;
}

/* 3: receipts agree with their cases' records and the void events, and
 * are numbered 1, 2, 3 ... without gaps in each year. */
static int check_receipts(bm_store *s, verify_ctx *v, ledger_problem *p, bm_error *err)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(store_db(s),
			       "SELECT r.id, r.no, r.year, r.seq, r.case_id, r.amount_fen, r.at, r.clerk, o.no, r.reason, c.no"
			       " FROM receipts r LEFT JOIN receipts o ON o.id = r.voids LEFT JOIN cases c ON c.id = r.case_id"
			       " ORDER BY r.no IS NULL, r.year, r.seq, r.id", -1, &st, NULL) != SQLITE_OK)
		return store_fail(s, err, _("verifying the ledger")), -1;
	int rc, res = 0, year = -1;
	int64_t want = 1;
	size_t n_receipts = 0;
	while (!res && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *no = col_text(st, 1);
		int64_t cid = sqlite3_column_int64(st, 4);
		const char *cno = col_text(st, 10), *at = col_text(st, 6), *clerk = col_text(st, 7);
		char amount[32];
		snprintf(amount, sizeof amount, "%lld", (long long)sqlite3_column_int64(st, 5));
		if (cid <= 0 || (size_t)cid >= v->n_cases || !v->replay[cid].n) {
			res = verify_problem(p, 0, cno, at, _("receipt %s belongs to no case of the ledger"), no ? no : "(void)");
			break;
		}
		flatrec *r = &v->replay[cid];
		if (no) {
			n_receipts++;
			int y = sqlite3_column_int(st, 2);
			int64_t seq = sqlite3_column_int64(st, 3);
			char expect_no[32];
			snprintf(expect_no, sizeof expect_no, "%04d-%06lld", y, (long long)seq);
			if (y != year) {
				year = y;
				want = 1;
			}
			if (seq != want) {
				res = verify_problem(p, 0, cno, at, _("receipt numbers of %d jump from %lld to %lld: a receipt is missing"),
					      y, (long long)(want - 1), (long long)seq);
			} else if (strcmp(no, expect_no) != 0 ||
				   !same(flatrec_get(r, "receipt_no", NULL), no) ||
				   !same(flatrec_get(r, "fee_fen", NULL), amount) ||
				   !same(flatrec_get(r, "accepted_at", NULL), at) ||
				   !same(flatrec_get(r, "first_clerk", NULL), clerk)) {
				res = verify_problem(p, v->last_event[cid], cno, at,
					      _("receipt %s does not match the case's intake in the ledger (number, amount, time or clerk changed)"), no);
			}
			want++;
		} else {
			const char *orig = col_text(st, 8), *reason = col_text(st, 9);
			bool found = false;
			for (size_t i = 0; i < v->n_voids && !found; i++) {
				void_ev *e = &v->voids[i];
				if (!e->matched && e->case_id == cid && same(e->receipt, orig) && same(e->at, at) &&
				    same(e->clerk, clerk) && same(e->reason, reason))
					found = e->matched = true;
			}
			if (!found)
				res = verify_problem(p, 0, cno, at, _("the void of receipt %s does not match any void in the ledger"),
					      orig ? orig : "?");
		}
	}
	if (!res && rc != SQLITE_DONE) {
		store_fail(s, err, _("verifying the ledger"));
		res = -1;
	}
	sqlite3_finalize(st);
	for (size_t i = 0; !res && i < v->n_voids; i++)
		if (!v->voids[i].matched)
			res = verify_problem(p, 0, "", v->voids[i].at, _("the ledger voids receipt %s but the void row is missing"),
				      v->voids[i].receipt ? v->voids[i].receipt : "?");
	/* every case the ledger says was charged has its receipt */
	size_t charged = 0;
	for (size_t i = 0; !res && i < v->n_cases; i++)
		if (v->replay[i].n && flatrec_get(&v->replay[i], "receipt_no", NULL))
			charged++;
	if (!res && charged != n_receipts)
		res = verify_problem(p, 0, "", "", _("the ledger records %zu receipts but the database has %zu"), charged, n_receipts);
	return res;
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

int ledger_verify(bm_store *s, bool *ok, char *head, ledger_problem *prob, bm_error *err)
{
	return ledger_verify_anchor(s, NULL, ok, head, NULL, prob, err);
}

int ledger_verify_anchor(bm_store *s, const char *anchor, bool *ok, char *head, int64_t *anchor_event,
			 ledger_problem *prob, bm_error *err)
{
	char want[65];
	if (anchor && !anchor_ok(anchor, want))
		return bm_fail(err, BM_EINVAL, _("An anchor is 16 to 64 hex digits (台账校验码 on the daily close sheet); \"%s\" is not."),
			       anchor);
	if (anchor_event)
		*anchor_event = 0;
	memset(prob, 0, sizeof *prob);
	*ok = false;
	snprintf(head, 65, "%s", LEDGER_GENESIS);
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(store_db(s), "PRAGMA integrity_check", -1, &st, NULL) != SQLITE_OK)
		return store_fail(s, err, _("verifying the ledger"));
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW || strcmp(col_text(st, 0), "ok") != 0) {
		if (rc == SQLITE_ROW)
			verify_problem(prob, 0, "", "", _("integrity_check: %s"), col_text(st, 0));
		sqlite3_finalize(st);
		return rc == SQLITE_ROW ? BM_OK : store_fail(s, err, _("verifying the ledger"));
	}
	sqlite3_finalize(st);

	/* one read transaction, so the three checks see the same ledger */
	if (sqlite3_exec(store_db(s), "BEGIN", NULL, NULL, NULL) != SQLITE_OK)
		return store_fail(s, err, _("verifying the ledger"));
	verify_ctx v = {0};
	v.anchor = anchor ? want : NULL;
	int64_t max = 0;
	if (sqlite3_prepare_v2(store_db(s), "SELECT coalesce(max(id), 0) FROM cases", -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			max = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	v.n_cases = (size_t)max + 1;
	v.replay = bm_xcalloc(v.n_cases, sizeof *v.replay);
	v.last_event = bm_xcalloc(v.n_cases, sizeof *v.last_event);
	v.last_at = bm_xcalloc(v.n_cases, sizeof *v.last_at);
	int res = check_chain(s, &v, head, prob, err);
	if (!res)
		res = check_cases(s, &v, prob, err);
	if (!res)
		res = check_receipts(s, &v, prob, err);
	if (!res)
		res = clerk_replay_check(s, &v.clerks, prob, err);
	if (!res)
		res = agent_replay_check(s, &v.agents, prob, err);
	/* events deleted from the end leave an intact but shorter chain: only
	 * a hash kept outside the file (the 日结单's 台账校验码) shows it */
	if (!res && anchor && !v.anchor_id)
		res = verify_problem(prob, 0, "", "", _("the anchored event %s is not in the ledger (the newest is event %lld): events were deleted from its end"),
			      want, (long long)v.head_id);
	if (!res && anchor_event)
		*anchor_event = v.anchor_id;
	sqlite3_exec(store_db(s), "COMMIT", NULL, NULL, NULL);
	ctx_free(&v);
	if (res < 0)
		return err ? (err->code ? err->code : BM_EDB) : BM_EDB;
	*ok = res == 0;
	return BM_OK;
}

int ledger_receipt_void(bm_store *s, const bm_clerk *actor, const char *receipt_no,
			const char *reason, bm_time now, bm_error *err)
{
	if (!auth_can(actor, ROLE_SUPERVISOR))
		return bm_fail(err, BM_EDENIED, _("Only a supervisor can void a receipt."));
	if (!reason || !*reason)
		return bm_fail(err, BM_EINVAL, _("Voiding a receipt needs a reason."));
	char at[32];
	bm_time_format(now, at);
	int rc;
	char *details = NULL;
	if (store_begin(s, err))
		return BM_EDB;
	/* the login may be old: the supervisor must still be one, and active */
	bm_clerk fresh;
	if ((rc = auth_clerk_get(s, actor->code, &fresh, err)))
		goto fail;
	bool still = auth_can(&fresh, ROLE_SUPERVISOR);
	auth_clerk_free(&fresh);
	if (!still) {
		rc = bm_fail(err, BM_EDENIED, _("Only a supervisor can void a receipt."));
		goto fail;
	}
	sqlite3_stmt *st = store_stmt(s, "SELECT id, case_id, amount_fen, basis,"
				      " EXISTS (SELECT 1 FROM receipts v WHERE v.voids = r.id)"
				      " FROM receipts r WHERE no = ?", err);
	if (!st) {
		rc = BM_EDB;
		goto fail;
	}
	st_text(st, 1, receipt_no);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(st);
		rc = rc == SQLITE_DONE ? bm_fail(err, BM_ENOTFOUND, _("There is no receipt %s."), receipt_no)
				       : store_fail(s, err, _("reading the receipts"));
		goto fail;
	}
	int64_t id = sqlite3_column_int64(st, 0), cid = sqlite3_column_int64(st, 1);
	int64_t amount = sqlite3_column_int64(st, 2);
	char *basis = col_dup(st, 3);
	bool voided = sqlite3_column_int(st, 4) != 0;
	sqlite3_reset(st);
	if (voided) {
		free(basis);
		rc = bm_fail(err, BM_ESTATE, _("Receipt %s is already void."), receipt_no);
		goto fail;
	}
	st = store_stmt(s, "INSERT INTO receipts (case_id, amount_fen, basis, at, clerk, voids, reason)"
			" VALUES (?, ?, ?, ?, ?, ?, ?)", err);
	if (!st) {
		free(basis);
		rc = BM_EDB;
		goto fail;
	}
	sqlite3_bind_int64(st, 1, cid);
	sqlite3_bind_int64(st, 2, amount);
	st_text(st, 3, basis);
	st_text(st, 4, at);
	st_text(st, 5, actor->code);
	sqlite3_bind_int64(st, 6, id);
	st_text(st, 7, reason);
	free(basis);
	if ((rc = store_write(s, st, err, _("voiding the receipt"))))
		goto fail;
	flatrec ev = {0};
	flatrec_set(&ev, "x.receipt", receipt_no);
	flatrec_setf(&ev, "x.amount_fen", "%lld", (long long)amount);
	details = flatrec_json(&ev);
	flatrec_free(&ev);
	if ((rc = event_append(s, cid, at, actor->code, "receipt_void", details, reason, err)))
		goto fail;
	free(details);
	return store_commit(s, err);
fail:
	free(details);
	store_rollback(s);
	return rc ? rc : BM_EDB;
}

int ledger_backup(bm_store *s, const char *path, bm_error *err)
{
	int fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0600);
	if (fd < 0) {
		if (errno == EEXIST)
			return bm_fail(err, BM_EIO, _("%s already exists; bianmin backup never overwrites a file. Choose a new name."), path);
		return bm_fail(err, BM_EIO, _("%s: cannot create the backup: %s."), path, strerror(errno));
	}
	close(fd);
	sqlite3 *dst = NULL;
	int rc = BM_OK;
	if (sqlite3_open_v2(path, &dst, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
		rc = bm_fail(err, BM_EIO, _("%s: cannot open the backup: %s."), path, sqlite3_errmsg(dst));
		goto out;
	}
	sqlite3_busy_timeout(dst, store_busy_timeout_ms());
	sqlite3_backup *b = sqlite3_backup_init(dst, "main", store_db(s), "main");
	if (!b) {
		rc = bm_fail(err, BM_EIO, _("%s: cannot start the backup: %s."), path, sqlite3_errmsg(dst));
		goto out;
	}
	int r;
	while ((r = sqlite3_backup_step(b, 256)) == SQLITE_OK || r == SQLITE_BUSY || r == SQLITE_LOCKED)
		sqlite3_sleep(r == SQLITE_OK ? 0 : 50);
	sqlite3_backup_finish(b);
	if (r != SQLITE_DONE)
		rc = bm_fail(err, BM_EIO, _("%s: the backup failed: %s."), path, sqlite3_errstr(r));
out:
	sqlite3_close(dst);
	if (rc)
		unlink(path);
	return rc;
}
