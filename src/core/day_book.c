/* day_book.c - a closed day stays closed (issue 11).  The sheet of a
 * closed day is read back from its close event: the receipts it listed,
 * voided as they were then, its count and total; nothing later changes
 * it.  A fee taken after the clerk's 日结 goes to the next close (it is
 * "carried"); a receipt of a closed day voided later (退费, e.g. its case
 * returned) is a negative line of the day it was voided on.  And 上缴:
 * money handed in, with the bank slip, as an event about no case. */
#include "ledger_int.h"
#include "queries_int.h"
#include "bianmin/ledger.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* How far back an open day looks for fees taken after a close. */
#define CARRY_DAYS 40

/* A value of a close or hand-in record, def when absent. */
static const char *xget(const flatrec *x, const char *key, const char *def)
{
	const char *v = flatrec_get(x, key, NULL);
	return v ? v : def;
}

/* ---- the closes of one scope ----------------------------------------- */
typedef struct closes {
	bm_day *days; size_t n_days;        /* days closed */
	char **keys; size_t n_keys;         /* "NO", "NO(void)", "NO(refund)" listed */
} closes;

static void closes_free(closes *c)
{
	for (size_t i = 0; i < c->n_keys; i++)
		free(c->keys[i]);
	free(c->keys);
	free(c->days);
	memset(c, 0, sizeof *c);
}

static bool has_day(const closes *c, bm_day d)
{
	for (size_t i = 0; i < c->n_days; i++)
		if (c->days[i] == d)
			return true;
	return false;
}

static bool has_key(const closes *c, const char *key)
{
	for (size_t i = 0; i < c->n_keys; i++)
		if (strcmp(c->keys[i], key) == 0)
			return true;
	return false;
}

static bool same_scope(const char *xc, const char *clerk)
{
	return strcmp(xc ? xc : "", clerk ? clerk : "") == 0;
}

/* Split "a,b(void),c" into keys. */
static void add_keys(closes *c, const char *list)
{
	while (list && *list) {
		const char *end = strchr(list, ',');
		size_t n = end ? (size_t)(end - list) : strlen(list);
		if (n) {
			c->keys = bm_xrealloc(c->keys, (c->n_keys + 1) * sizeof *c->keys);
			char *k = bm_xmalloc(n + 1);
			memcpy(k, list, n);
			k[n] = '\0';
			c->keys[c->n_keys++] = k;
		}
		list = end ? end + 1 : NULL;
	}
}

/* The closes of (clerk) of the days since `since`: by the day each closes
 * (events_day_close), not their time, so a decade of closes is not read.
 * A close made since then of an earlier day lists only receipts of days
 * before `since`, which no caller asks about. */
const char SQL_DAY_CLOSES_SINCE[] = "SELECT details FROM events INDEXED BY events_day_close"
	" WHERE type = 'day_close' AND case_id IS NULL AND json_extract(details, '$.\"x.day\"') >= ?1 ORDER BY id";

static int read_closes(bm_store *s, const char *clerk, bm_day since, closes *out, bm_error *err)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = store_stmt(s, SQL_DAY_CLOSES_SINCE, err);
	if (!st)
		return BM_EDB;
	char d[11];
	st_text(st, 1, bm_day_format(since, d));
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		flatrec x = {0};
		bm_day day;
		if (flatrec_parse(col_text(st, 0), &x) && same_scope(flatrec_get(&x, "x.clerk", NULL), clerk) &&
		    bm_day_parse(xget(&x, "x.day", ""), &day)) {
			out->days = bm_xrealloc(out->days, (out->n_days + 1) * sizeof *out->days);
			out->days[out->n_days++] = day;
			add_keys(out, flatrec_get(&x, "x.receipts", NULL));
		}
		flatrec_free(&x);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		closes_free(out);
		return store_fail(s, err, _("reading the day's close"));
	}
	return BM_OK;
}

/* Was receipt `no`, issued on day `issued`, listed, not void, in a close
 * of (clerk)?  Only a close of its day or a later one can list it (a fee
 * after a 日结 goes to the next close). */
static int listed_live(bm_store *s, const char *no, bm_day issued, const char *clerk, bool *yes, bm_error *err)
{
	*yes = false;
	sqlite3_stmt *st = store_stmt(s, "SELECT details FROM events INDEXED BY events_day_close WHERE type = 'day_close' AND case_id IS NULL"
				      " AND json_extract(details, '$.\"x.day\"') >= ?2 AND instr(details, ?1) > 0", err);
	if (!st)
		return BM_EDB;
	char iss[11];
	st_text(st, 1, no);
	st_text(st, 2, bm_day_format(issued, iss));
	int rc;
	while (!*yes && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		flatrec x = {0};
		closes c = {0};
		if (flatrec_parse(col_text(st, 0), &x) && same_scope(flatrec_get(&x, "x.clerk", NULL), clerk)) {
			add_keys(&c, flatrec_get(&x, "x.receipts", NULL));
			*yes = has_key(&c, no);
		}
		closes_free(&c);
		flatrec_free(&x);
	}
	sqlite3_reset(st);
	return BM_OK;
}

static day_receipt *add_line(day_sheet *d)
{
	d->v = bm_xrealloc(d->v, (d->n + 1) * sizeof *d->v);
	day_receipt *r = &d->v[d->n++];
	memset(r, 0, sizeof *r);
	return r;
}

/* Fill r from a row: receipt no, case no, item, applicant, clerk, amount, at. */
static void fill(day_receipt *r, sqlite3_stmt *st)
{
	r->no = col_dup(st, 0);
	snprintf(r->case_no, sizeof r->case_no, "%s", col_text(st, 1) ? col_text(st, 1) : "");
	r->item_name = col_dup(st, 2);
	r->applicant = col_dup(st, 3);
	r->clerk = col_dup(st, 4);
	r->amount_fen = sqlite3_column_int64(st, 5);
	bm_time_parse(col_text(st, 6), &r->at);
}

#define RECEIPT_COLS "r.no, c.no, iv.item_name, c.applicant_name, r.clerk, r.amount_fen, r.at"

/* ---- a closed day: as its close recorded it --------------------------- */
static int closed_sheet(bm_store *s, day_sheet *d, bm_error *err)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT details FROM events WHERE id = ?1", err);
	if (!st)
		return BM_EDB;
	sqlite3_bind_int64(st, 1, d->close_event);
	flatrec x = {0};
	int rc = sqlite3_step(st);
	bool ok = rc == SQLITE_ROW && flatrec_parse(col_text(st, 0), &x);
	sqlite3_reset(st);
	if (!ok) {
		flatrec_free(&x);
		return rc == SQLITE_ROW ? BM_OK : store_fail(s, err, _("reading the day's close"));
	}
	closes c = {0};
	add_keys(&c, flatrec_get(&x, "x.receipts", NULL));
	d->count = atoi(xget(&x, "x.count", "0"));
	d->total_fen = strtoll(xget(&x, "x.total_fen", "0"), NULL, 10);
	flatrec_free(&x);
	/* the lines as listed, in the close's order */
	for (size_t i = 0; i < d->n; i++) {
		free(d->v[i].no);
		free(d->v[i].item_name);
		free(d->v[i].applicant);
		free(d->v[i].clerk);
	}
	d->n = 0;
	st = store_stmt(s, "SELECT " RECEIPT_COLS " FROM receipts r JOIN cases c ON c.id = r.case_id" CASE_ITEM_JOIN " WHERE r.no = ?1", err);
	for (size_t i = 0; st && i < c.n_keys; i++) {
		char no[64];
		snprintf(no, sizeof no, "%s", c.keys[i]);
		char *mark = strchr(no, '(');
		if (mark)
			*mark++ = '\0';
		st_text(st, 1, no);
		if (sqlite3_step(st) == SQLITE_ROW) {
			day_receipt *r = add_line(d);
			fill(r, st);
			r->voided = mark && strncmp(mark, "void", 4) == 0;
			r->refund = mark && strncmp(mark, "refund", 6) == 0;
			if (r->refund)
				r->amount_fen = -r->amount_fen;
			r->carried = !r->refund && bm_time_day(r->at) != d->day;
		}
		sqlite3_reset(st);
	}
	closes_free(&c);
	return st ? BM_OK : BM_EDB;
}

/* fees of the CARRY_DAYS before the day ([?1, ?2), clerk ?3 or all) */
const char SQL_DAY_CARRIED[] = "SELECT " RECEIPT_COLS ", EXISTS (SELECT 1 FROM receipts v WHERE v.voids = r.id)"
	" FROM receipts r JOIN cases c ON c.id = r.case_id" CASE_ITEM_JOIN
	" WHERE r.no IS NOT NULL AND r.at >= ?1 AND r.at < ?2 AND (?3 IS NULL OR r.clerk = ?3)"
	" ORDER BY r.year, r.seq";
/* voids ([?1, ?2), of clerk ?3's receipts or all): 退费 lines */
const char SQL_DAY_REFUNDS[] = "SELECT o.no, c.no, iv.item_name, c.applicant_name, o.clerk, o.amount_fen, v.at, o.at"
	" FROM receipts v JOIN receipts o ON o.id = v.voids JOIN cases c ON c.id = o.case_id" CASE_ITEM_JOIN
	" WHERE v.voids IS NOT NULL AND v.at >= ?1 AND v.at < ?2 AND (?3 IS NULL OR o.clerk = ?3)"
	" ORDER BY v.id";

/* ---- an open day: plus what the closes carry over, plus 退费 ----------- */
static int open_extras(bm_store *s, day_sheet *d, bm_error *err)
{
	bm_day from = d->day - CARRY_DAYS;
	closes c;
	int rc = read_closes(s, d->clerk, from, &c, err);
	if (rc)
		return rc;
	char a[11], b[11], e[11];
	bm_day_format(from, a);
	bm_day_format(d->day, b);
	bm_day_format(d->day + 1, e);
	/* fees taken on a closed earlier day after its close */
	sqlite3_stmt *st = store_stmt(s, SQL_DAY_CARRIED, err);
	if (!st) {
		closes_free(&c);
		return BM_EDB;
	}
	st_text(st, 1, a);
	st_text(st, 2, b);
	st_text(st, 3, d->clerk);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *no = col_text(st, 0);
		char key[80];
		snprintf(key, sizeof key, "%s(void)", no ? no : "");
		bm_time at;
		bm_time_parse(col_text(st, 6), &at);
		if (!no || !has_day(&c, bm_time_day(at)) || has_key(&c, no) || has_key(&c, key))
			continue;
		day_receipt *r = add_line(d);
		fill(r, st);
		r->carried = true;
		r->voided = sqlite3_column_int(st, 7) != 0;
		if (!r->voided) {
			d->count++;
			d->total_fen += r->amount_fen;
		}
	}
	sqlite3_reset(st);
	rc = rc == SQLITE_DONE ? BM_OK : store_fail(s, err, _("reading the day's receipts"));
	/* 退费: receipts already closed (not void) and voided since */
	st = rc ? NULL : store_stmt(s, SQL_DAY_REFUNDS, err);
	if (!rc && !st)
		rc = BM_EDB;
	if (st) {
		st_text(st, 1, a);
		st_text(st, 2, e);
		st_text(st, 3, d->clerk);
		int step;
		while (!rc && (step = sqlite3_step(st)) == SQLITE_ROW) {
			char *no = col_dup(st, 0);
			char key[80];
			snprintf(key, sizeof key, "%s(refund)", no);
			bm_time at;
			bm_time_parse(col_text(st, 6), &at);
			bm_day vd = bm_time_day(at);
			bool mine = vd == d->day || (has_day(&c, vd) && !has_key(&c, key));
			bool live = false;
			/* (a statement of its own: st stays on its row meanwhile) */
			bm_time issued;
			bm_time_parse(col_text(st, 7), &issued);
			if (mine && !(rc = listed_live(s, no, bm_time_day(issued), d->clerk, &live, err)) && live) {
				day_receipt *r = add_line(d);
				fill(r, st);
				r->refund = true;
				r->amount_fen = -r->amount_fen;
				d->total_fen += r->amount_fen;
			}
			free(no);
		}
		if (!rc && step != SQLITE_DONE)
			rc = store_fail(s, err, _("reading the day's receipts"));
		sqlite3_reset(st);
	}
	/* a voided receipt of this day that a close already listed is a
	 * refund line, not a void of this sheet */
	closes_free(&c);
	return rc;
}

int ledger_day(bm_store *s, bm_day day, const char *clerk, day_sheet *out, bm_error *err)
{
	int rc = ledger_day_issued(s, day, clerk, out, err);
	if (rc)
		return rc;
	rc = out->closed ? closed_sheet(s, out, err) : open_extras(s, out, err);
	day_handin *h = NULL;
	size_t nh = 0;
	if (!rc && !(rc = ledger_handins(s, day, day, clerk, &h, &nh, err))) {
		bm_buf b = {0};
		for (size_t i = 0; i < nh; i++) {
			char m[24];
			out->handed_fen += h[i].amount_fen;
			/* a closed sheet prints as it was closed: only the
			 * hand-ins recorded before its close */
			if (out->closed && h[i].at.epoch > out->closed_at.epoch)
				continue;
			bm_buf_printf(&b, "%s%s 元 → %s（缴款单 %s）", b.len ? "；" : "", bm_money_format(h[i].amount_fen, m),
				      h[i].to, h[i].slip);
		}
		out->handed_text = b.len ? bm_buf_steal(&b) : NULL;
		bm_buf_free(&b);
		day_handins_free(h, nh);
	}
	if (rc)
		day_sheet_free(out);
	return rc;
}

int ledger_day_closed(bm_store *s, bm_day day, const char *clerk, bool *closed, bm_error *err)
{
	day_sheet d;
	int rc = ledger_day_issued(s, day, clerk, &d, err);
	*closed = !rc && d.closed;
	if (!rc)
		day_sheet_free(&d);
	return rc;
}

/* ---- 上缴 ------------------------------------------------------------- */
int ledger_handin(bm_store *s, const bm_clerk *actor, bm_day day, int64_t amount_fen, const char *to,
		  const char *slip, bm_time now, bm_error *err)
{
	if (amount_fen <= 0)
		return bm_fail(err, BM_EINVAL, "%s", _("A hand-in (上缴) needs an amount above 0."));
	if (!to || !*to)
		return bm_fail(err, BM_EINVAL, "%s", _("Say to whom the money was handed in (--to: the bank or finance office)."));
	if (!slip || !*slip)
		return bm_fail(err, BM_EINVAL, "%s", _("A hand-in (上缴) needs the bank slip number (--slip)."));
	int rc = store_begin(s, err);
	if (rc)
		return rc;
	char d[11], at[40];
	flatrec ev = {0};
	flatrec_set(&ev, "x.day", bm_day_format(day, d));
	flatrec_set(&ev, "x.clerk", actor->code);
	flatrec_setf(&ev, "x.amount_fen", "%lld", (long long)amount_fen);
	flatrec_set(&ev, "x.to", to);
	flatrec_set(&ev, "x.slip", slip);
	char *details = flatrec_json(&ev);
	flatrec_free(&ev);
	rc = event_append(s, 0, bm_time_format(now, at), actor->code, "handin", details, NULL, err);
	free(details);
	if (rc) {
		store_rollback(s);
		return rc;
	}
	return store_commit(s, err);
}

void day_handins_free(day_handin *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].clerk);
		free(v[i].to);
		free(v[i].slip);
		free(v[i].by);
	}
	free(v);
}

/* every 上缴 (events_caseless); few: one a clerk's day at most */
const char SQL_HANDINS[] = "SELECT details, clerk, at FROM events WHERE type = 'handin' AND case_id IS NULL ORDER BY id";

int ledger_handins(bm_store *s, bm_day first, bm_day last, const char *clerk, day_handin **out, size_t *n,
		   bm_error *err)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = store_stmt(s, SQL_HANDINS, err);
	if (!st)
		return BM_EDB;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		flatrec x = {0};
		bm_day day;
		if (flatrec_parse(col_text(st, 0), &x) && bm_day_parse(xget(&x, "x.day", ""), &day) &&
		    day >= first && day <= last && (!clerk || same_scope(flatrec_get(&x, "x.clerk", NULL), clerk))) {
			*out = bm_xrealloc(*out, (*n + 1) * sizeof **out);
			day_handin *h = &(*out)[(*n)++];
			memset(h, 0, sizeof *h);
			h->day = day;
			h->clerk = bm_xstrdup(xget(&x, "x.clerk", ""));
			h->to = bm_xstrdup(xget(&x, "x.to", ""));
			h->slip = bm_xstrdup(xget(&x, "x.slip", ""));
			h->amount_fen = strtoll(xget(&x, "x.amount_fen", "0"), NULL, 10);
			h->by = col_dup(st, 1);
			bm_time_parse(col_text(st, 2), &h->at);
		}
		flatrec_free(&x);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		day_handins_free(*out, *n);
		*out = NULL;
		*n = 0;
		return store_fail(s, err, _("reading the hand-ins"));
	}
	return BM_OK;
}
