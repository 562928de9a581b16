/* ledger.c - receipt voids; online backup.  verify is verify.c. */
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

int ledger_verify(bm_store *s, bool *ok, char *head, ledger_problem *prob, bm_error *err)
{
	return ledger_verify_anchor(s, NULL, ok, head, NULL, prob, err);
}

int ledger_verify_anchor(bm_store *s, const char *anchor, bool *ok, char *head, int64_t *anchor_event,
			 ledger_problem *prob, bm_error *err)
{
	verify_opts o = { .anchor = anchor };
	verify_result r;
	*ok = false;
	if (anchor_event)
		*anchor_event = 0;
	int rc = ledger_verify_run(s, &o, &r, prob, err);
	snprintf(head, 65, "%s", r.head);
	if (rc)
		return rc;
	*ok = r.ok;
	if (anchor_event && r.ok)
		*anchor_event = r.anchor_event;
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
