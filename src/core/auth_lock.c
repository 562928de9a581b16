/* auth_lock.c - wrong PINs are counted in the ledger file (pin_failures),
 * across processes and restarts: a growing wait, then a lock that only a
 * supervisor clears.  Locking and unlocking are events of the chain. */
#include "auth_int.h"
#include "ledger_int.h"

#include <stdio.h>
#include <string.h>

#define MAX_WAIT 60

int pin_state_get(bm_store *s, const char *code, pin_state *out, bm_error *err)
{
	memset(out, 0, sizeof *out);
	/* a file kept at an older schema (tests of migrations) has no count */
	sqlite3_stmt *st = store_stmt(s, "SELECT 1 FROM sqlite_schema WHERE name = 'pin_failures'", err);
	if (!st)
		return BM_EDB;
	bool have = sqlite3_step(st) == SQLITE_ROW;
	sqlite3_reset(st);
	if (!have)
		return BM_OK;
	st = store_stmt(s, "SELECT failures, last_at, locked FROM pin_failures WHERE code = ?", err);
	if (!st)
		return BM_EDB;
	st_text(st, 1, code);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->failures = sqlite3_column_int(st, 0);
		out->last_at = sqlite3_column_int64(st, 1);
		out->locked = sqlite3_column_int(st, 2) != 0;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(s, err, _("reading the clerks"));
	return BM_OK;
}

int64_t pin_wait(const pin_state *ps, bm_time now)
{
	int delay = auth_get_policy()->delay;
	if (ps->failures < 2 || delay <= 0)
		return 0;
	int64_t w = delay;
	for (int i = 2; i < ps->failures && w < MAX_WAIT; i++)
		w *= 2;
	if (w > MAX_WAIT)
		w = MAX_WAIT;
	int64_t left = ps->last_at + w - now.epoch;
	/* a clock set back must not lock a clerk out for longer */
	return left > w ? w : left > 0 ? left : 0;
}

void pin_failed(bm_store *s, const char *code, bm_time now)
{
	if (store_readonly(s) || store_begin(s, NULL))
		return;
	sqlite3_stmt *st = store_stmt(s, "INSERT INTO pin_failures (code, failures, last_at) VALUES (?1, 1, ?2)"
				      " ON CONFLICT (code) DO UPDATE SET failures = failures + 1, last_at = ?2"
				      " RETURNING failures, locked", NULL);
	if (!st)
		goto fail;
	st_text(st, 1, code);
	sqlite3_bind_int64(st, 2, now.epoch);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_reset(st);
		goto fail;
	}
	int n = sqlite3_column_int(st, 0);
	bool locked = sqlite3_column_int(st, 1) != 0;
	while (sqlite3_step(st) == SQLITE_ROW)
		;
	sqlite3_reset(st);
	int after = auth_get_policy()->lock_after;
	if (!locked && after > 0 && n >= after) {
		st = store_stmt(s, "UPDATE pin_failures SET locked = 1 WHERE code = ?", NULL);
		if (!st)
			goto fail;
		st_text(st, 1, code);
		if (store_write(s, st, NULL, "") || clerk_event(s, code, "clerk_lock", code, NULL, now, NULL))
			goto fail;
	}
	store_commit(s, NULL);
	return;
fail:
	store_rollback(s);
}

void pin_reset(bm_store *s, const char *code)
{
	if (store_readonly(s) || store_begin(s, NULL))
		return;
	sqlite3_stmt *st = store_stmt(s, "DELETE FROM pin_failures WHERE code = ? AND NOT locked", NULL);
	if (!st) {
		store_rollback(s);
		return;
	}
	st_text(st, 1, code);
	if (store_write(s, st, NULL, ""))
		store_rollback(s);
	else
		store_commit(s, NULL);
}

int auth_clerk_unlock(bm_store *s, const bm_clerk *actor, const char *code, bm_time now, bm_error *err)
{
	if (!auth_can(actor, ROLE_SUPERVISOR))
		return bm_fail(err, BM_EDENIED, _("Only a supervisor can unlock a clerk."));
	if (store_begin(s, err))
		return BM_EDB;
	int rc;
	bm_clerk c;
	if ((rc = auth_clerk_get(s, code, &c, err)))
		goto fail;
	auth_clerk_free(&c);
	pin_state ps;
	if ((rc = pin_state_get(s, code, &ps, err)))
		goto fail;
	if (!ps.locked) {
		rc = bm_fail(err, BM_ESTATE, _("Clerk %s is not locked."), code);
		goto fail;
	}
	sqlite3_stmt *st = store_stmt(s, "DELETE FROM pin_failures WHERE code = ?", err);
	if (!st) {
		rc = BM_EDB;
		goto fail;
	}
	st_text(st, 1, code);
	if ((rc = store_write(s, st, err, _("unlocking a clerk"))) ||
	    (rc = clerk_event(s, actor->code, "clerk_unlock", code, NULL, now, err)))
		goto fail;
	return store_commit(s, err);
fail:
	store_rollback(s);
	return rc;
}

int auth_clerk_locked(bm_store *s, const char *code, bool *locked, int *failures, bm_error *err)
{
	pin_state ps;
	int rc = pin_state_get(s, code, &ps, err);
	*locked = ps.locked;
	if (failures)
		*failures = ps.failures;
	return rc;
}
