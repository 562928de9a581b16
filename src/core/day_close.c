/* day_close.c - 日结: the day's receipts, their total, and the close
 * recorded as a hash-chained event about no case (ledger.h). */
#include "ledger_int.h"
#include "queries_int.h"
#include "bianmin/config.h"
#include "bianmin/ledger.h"
#include "bianmin/slip.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void day_sheet_free(day_sheet *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->v[i].no);
		free(d->v[i].item_name);
		free(d->v[i].applicant);
		free(d->v[i].clerk);
	}
	free(d->v);
	free(d->clerk);
	free(d->closed_by);
	free(d->handed_text);
	memset(d, 0, sizeof *d);
}

/* the day's receipts by the receipts_at index: [day, next day) */
const char SQL_DAY_RECEIPTS[] =
	"SELECT r.no, c.no, iv.item_name, c.applicant_name, r.clerk, r.amount_fen, r.at,"
	" EXISTS (SELECT 1 FROM receipts v WHERE v.voids = r.id)"
	" FROM receipts r JOIN cases c ON c.id = r.case_id" CASE_ITEM_JOIN
	" WHERE r.at >= ?1 AND r.at < ?3 AND r.no IS NOT NULL AND (?2 IS NULL OR r.clerk = ?2)"
	" ORDER BY r.year, r.seq";

/* The close event of (day, clerk), if any: its time and clerk. */
/* the closes of the day (events_day_close: by the day they close) */
const char SQL_DAY_CLOSES[] = "SELECT at, clerk, details, id, hash FROM events"
	" WHERE type = 'day_close' AND case_id IS NULL AND json_extract(details, '$.\"x.day\"') = ?1 ORDER BY id";

static int find_close(bm_store *s, day_sheet *d, bm_error *err)
{
	sqlite3_stmt *st = store_stmt(s, SQL_DAY_CLOSES, err);
	if (!st)
		return BM_EDB;
	char day[11];
	bm_day_format(d->day, day);
	st_text(st, 1, day);
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		flatrec x = {0};
		if (!flatrec_parse(col_text(st, 2), &x))
			continue;
		const char *xd = flatrec_get(&x, "x.day", NULL), *xc = flatrec_get(&x, "x.clerk", NULL);
		if (xd && strcmp(xd, day) == 0 && strcmp(xc ? xc : "", d->clerk ? d->clerk : "") == 0 &&
		    !d->closed) {
			d->closed = true;
			bm_time_parse(col_text(st, 0), &d->closed_at);
			d->closed_by = col_dup(st, 1);
			d->close_event = sqlite3_column_int64(st, 3);
			snprintf(d->close_hash, sizeof d->close_hash, "%s", col_text(st, 4));
		}
		flatrec_free(&x);
	}
	sqlite3_reset(st);
	return rc == SQLITE_DONE ? BM_OK : store_fail(s, err, _("reading the day's close"));
}

int ledger_day_issued(bm_store *s, bm_day day, const char *clerk, day_sheet *out, bm_error *err)
{
	memset(out, 0, sizeof *out);
	out->day = day;
	out->clerk = clerk ? bm_xstrdup(clerk) : NULL;
	sqlite3_stmt *st = store_stmt(s, SQL_DAY_RECEIPTS, err);
	if (!st)
		return BM_EDB;
	char d[11], next[11];
	st_text(st, 1, bm_day_format(day, d));
	st_text(st, 2, clerk);
	st_text(st, 3, bm_day_format(day + 1, next));
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		out->v = bm_xrealloc(out->v, (out->n + 1) * sizeof *out->v);
		day_receipt *r = &out->v[out->n++];
		memset(r, 0, sizeof *r);
		r->no = col_dup(st, 0);
		snprintf(r->case_no, sizeof r->case_no, "%s", col_text(st, 1));
		r->item_name = col_dup(st, 2);
		r->applicant = col_dup(st, 3);
		r->clerk = col_dup(st, 4);
		r->amount_fen = sqlite3_column_int64(st, 5);
		bm_time_parse(col_text(st, 6), &r->at);
		r->voided = sqlite3_column_int(st, 7) != 0;
		if (!r->voided) {
			out->count++;
			/* a fee is at most BM_FEE_MAX_FEN; a file changed behind
			 * bianmin's back must still not overflow the sum */
			if (r->amount_fen < 0 || r->amount_fen > BM_FEE_MAX_FEN ||
			    __builtin_add_overflow(out->total_fen, r->amount_fen, &out->total_fen)) {
				sqlite3_reset(st);
				day_sheet_free(out);
				return bm_fail(err, BM_EINVAL, _("A receipt of that day has an amount out of range (over 1000000.00 yuan); run bianmin verify."));
			}
		}
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		day_sheet_free(out);
		return store_fail(s, err, _("reading the day's receipts"));
	}
	if ((rc = find_close(s, out, err)))
		day_sheet_free(out);
	return rc;
}

int ledger_day_close(bm_store *s, const bm_clerk *actor, day_sheet *d, bm_time now, bm_error *err)
{
	if ((!d->clerk || strcmp(d->clerk, actor->code) != 0) && !auth_can(actor, ROLE_SUPERVISOR))
		return bm_fail(err, BM_EDENIED, "%s",
			       _("Only a supervisor closes another clerk's day or the whole center's."));
	int rc = store_begin(s, err);
	if (rc)
		return rc;
	/* read again inside the transaction: nobody closes the same day twice */
	day_sheet fresh;
	if ((rc = ledger_day(s, d->day, d->clerk, &fresh, err)))
		goto fail;
	char day[11];
	bm_day_format(d->day, day);
	if (fresh.closed) {
		rc = bm_fail(err, BM_ESTATE, _("The day %s of %s was already closed by %s."), day,
			     d->clerk ? d->clerk : _("the center"), fresh.closed_by);
		day_sheet_free(&fresh);
		goto fail;
	}
	flatrec ev = {0};
	bm_buf nos = {0};
	bm_buf_append(&nos, "", 0);
	for (size_t i = 0; i < fresh.n; i++)
		bm_buf_printf(&nos, "%s%s%s", i ? "," : "", fresh.v[i].no,
			      fresh.v[i].voided ? "(void)" : fresh.v[i].refund ? "(refund)" : "");
	flatrec_set(&ev, "x.day", day);
	flatrec_set(&ev, "x.clerk", d->clerk ? d->clerk : "");
	flatrec_setf(&ev, "x.count", "%d", fresh.count);
	flatrec_setf(&ev, "x.total_fen", "%lld", (long long)fresh.total_fen);
	flatrec_set(&ev, "x.receipts", nos.data);
	char *details = flatrec_json(&ev);
	char at[40];
	bm_time_format(now, at);
	rc = event_append(s, 0, at, actor->code, "day_close", details, NULL, err);
	free(details);
	flatrec_free(&ev);
	bm_buf_free(&nos);
	day_sheet_free(&fresh);
	if (rc)
		goto fail;
	if ((rc = store_commit(s, err)))
		return rc;
	char *who = d->clerk ? bm_xstrdup(d->clerk) : NULL;
	bm_day dd = d->day;
	day_sheet_free(d);
	rc = ledger_day(s, dd, who, d, err);
	free(who);
	return rc;
fail:
	store_rollback(s);
	return rc;
}

struct slip_ctx *ledger_day_context(const day_sheet *d, const struct bm_center *center,
				    const bm_clerk *clerk, bm_time now, bool reprint)
{
	slip_ctx *c = slip_ctx_new();
	if (center) {
		slip_ctx_set(c, "center_name", center->name);
		slip_ctx_set(c, "center_phone", center->phone);
		slip_ctx_set(c, "center_address", center->address);
	}
	char iso[40], cn[32], money[24];
	bm_time_format(now, iso);
	slip_ctx_set(c, "form", "daily_close");
	slip_ctx_set(c, "date", slip_day_cn(bm_time_day(now), cn));
	slip_ctx_setf(c, "time", "%.5s", iso + 11);
	slip_ctx_setf(c, "datetime", "%s %.5s", cn, iso + 11);
	slip_ctx_set(c, "reprint", reprint ? "补打" : "");
	slip_ctx_set(c, "close_date", slip_day_cn(d->day, cn));
	if (clerk) {
		slip_ctx_set(c, "clerk_no", clerk->code);
		slip_ctx_set(c, "clerk_name", clerk->name);
		slip_ctx_set(c, "window", d->clerk ? clerk->window : "全中心");
	}
	for (size_t i = 0; i < d->n; i++) {
		const day_receipt *r = &d->v[i];
		slip_ctx *x = slip_ctx_add(c, "fees");
		slip_ctx_setf(x, "no", "%zu", i + 1);
		slip_ctx_set(x, "receipt_no", r->no);
		slip_ctx_set(x, "case_no", r->case_no);
		slip_ctx_set(x, "item_name", r->item_name);
		slip_ctx_set(x, "applicant", r->applicant);
		slip_ctx_set(x, "amount", bm_money_format(r->amount_fen, money));
		bm_time_format(r->at, iso);
		slip_ctx_setf(x, "time", "%.5s", iso + 11);
		slip_ctx_set(x, "clerk_no", r->clerk);
		slip_ctx_set(x, "voided", r->voided ? "作废" : "");
		/* 退费 of a closed day's fee; a fee taken after an earlier 日结 */
		char mark[64] = "";
		if (r->refund)
			snprintf(mark, sizeof mark, "退费");
		else if (r->carried)
			snprintf(mark, sizeof mark, "%s日结后收取", slip_day_cn(bm_time_day(r->at), cn));
		slip_ctx_set(x, "mark", mark);
	}
	slip_ctx_set(c, "handed_in", d->handed_text);
	slip_ctx_setf(c, "count", "%d", d->count);
	slip_ctx_set(c, "total", bm_money_format(d->total_fen, money));
	if (d->closed) {
		slip_ctx_setf(c, "anchor", "%.16s", d->close_hash);
		slip_ctx_setf(c, "anchor_event", "%lld", (long long)d->close_event);
	}
	return c;
}
