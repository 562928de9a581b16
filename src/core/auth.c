/* auth.c - clerks and PINs (argon2id through libsodium). */
#include "bianmin/auth.h"
#include "auth_int.h"
#include "ledger_int.h"
#include "bianmin/cases.h"
#include "bianmin/text.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const ROLE_KEYS[] = { "clerk", "supervisor", "admin" };

const char *role_key(bm_role r)
{
	return (unsigned)r <= ROLE_ADMIN ? ROLE_KEYS[r] : "?";
}

const char *role_label(bm_role r)
{
	switch (r) {
	case ROLE_CLERK: return _("clerk");
	case ROLE_SUPERVISOR: return _("supervisor");
	case ROLE_ADMIN: return _("admin");
	}
	return "?";
}

bool role_parse(const char *s, bm_role *out)
{
	for (int i = 0; i <= ROLE_ADMIN; i++)
		if (s && strcmp(s, ROLE_KEYS[i]) == 0) {
			*out = (bm_role)i;
			return true;
		}
	return false;
}

bool auth_can(const bm_clerk *c, bm_role r)
{
	return c && c->active && c->role >= r;
}

/* The center's rules (center.yaml: pin_min_length, pin_lock_after,
 * pin_delay), set once per run by whoever loaded the center. */
static auth_policy policy = { AUTH_PIN_MIN_DEFAULT, AUTH_LOCK_AFTER_DEFAULT, AUTH_DELAY_DEFAULT };

void auth_set_policy(const auth_policy *p)
{
	policy = *p;
#ifdef BIANMIN_TEST_HOOKS
	/* test builds only: the suites' 4-digit PINs (bianmin(1), HACKING.md) */
	const char *m = getenv("BIANMIN_TEST_PIN_MIN");
	if (m && *m)
		policy.min_len = atoi(m);
#endif
}

const auth_policy *auth_get_policy(void)
{
	static bool once;
	if (!once) {
		once = true;
		auth_policy p = policy;
		auth_set_policy(&p);
	}
	return &policy;
}

int auth_pin_check(const char *pin, bm_error *err)
{
	size_t n = pin ? strlen(pin) : 0;
	int min = auth_get_policy()->min_len;
	if (min < AUTH_PIN_MIN)
		min = AUTH_PIN_MIN;
	if (n < (size_t)min || n > AUTH_PIN_MAX)
		return bm_fail(err, BM_EINVAL, _("A PIN must have %d to %d characters."), min, AUTH_PIN_MAX);
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)pin[i] < 0x20 || pin[i] == 0x7f)
			return bm_fail(err, BM_EINVAL, _("A PIN cannot contain control characters."));
	return BM_OK;
}

static int crypto_ready(bm_error *err)
{
	if (sodium_init() < 0)
		return bm_fail(err, BM_EIO, _("Cannot initialise the crypto library (libsodium)."));
	return BM_OK;
}

/* argon2id, interactive limits.  In a test build only (-DBIANMIN_TEST_HOOKS,
 * the Makefile's default for the source tree; never `make install`),
 * BIANMIN_TEST_FAST_PIN=1 lowers the cost for the test suites
 * (verification reads the cost from the hash). */
static int pin_hash(const char *pin, char out[crypto_pwhash_STRBYTES], bm_error *err)
{
	if (crypto_ready(err))
		return BM_EIO;
	bool f = false;
#ifdef BIANMIN_TEST_HOOKS
	const char *fast = getenv("BIANMIN_TEST_FAST_PIN");
	f = fast && strcmp(fast, "1") == 0;
#endif
	if (crypto_pwhash_str(out, pin, strlen(pin),
			      f ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE,
			      f ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		return bm_fail(err, BM_ENOMEM, _("Not enough memory to hash the PIN."));
	return BM_OK;
}

static void clerk_from_row(sqlite3_stmt *st, bm_clerk *c)
{
	c->id = sqlite3_column_int64(st, 0);
	c->code = col_dup(st, 1);
	c->name = col_dup(st, 2);
	c->window = col_dup(st, 3);
	if (!role_parse(col_text(st, 4), &c->role))
		c->role = ROLE_CLERK;
	c->active = sqlite3_column_int(st, 5) != 0;
}

static const char SQL_GET[] =
	"SELECT id, code, name, window, role, active, pin_hash FROM clerks WHERE code = ?";

/* Fetch a clerk; hash (may be NULL) gets the PIN hash. */
static int clerk_fetch(bm_store *s, const char *code, bm_clerk *out, char **hash, bm_error *err)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = store_stmt(s, SQL_GET, err);
	if (!st)
		return BM_EDB;
	st_text(st, 1, code);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_DONE) {
		sqlite3_reset(st);
		return bm_fail(err, BM_ENOTFOUND, _("There is no clerk with the number %s."), code);
	}
	if (rc != SQLITE_ROW)
		return store_fail(s, err, _("reading the clerks"));
	clerk_from_row(st, out);
	if (hash)
		*hash = col_dup(st, 6);
	sqlite3_reset(st);
	return BM_OK;
}

int auth_clerk_get(bm_store *s, const char *code, bm_clerk *out, bm_error *err)
{
	return clerk_fetch(s, code, out, NULL, err);
}

/* The same sentence for an unknown 工号 and a wrong PIN: a guesser learns
 * nothing about which clerks exist. */
static int wrong(bm_error *err)
{
	return bm_fail(err, BM_EDENIED, _("Wrong clerk number or PIN."));
}

int auth_login(bm_store *s, const char *code, const char *pin, bm_clerk *out, bm_error *err)
{
	char *hash = NULL;
	int rc = clerk_fetch(s, code, out, &hash, err);
	if (rc == BM_ENOTFOUND) {
		/* as slow as a real check, and the same answer */
		char dummy[crypto_pwhash_STRBYTES] = AUTH_DUMMY_HASH;
		if (!crypto_ready(NULL) && pin && crypto_pwhash_str_verify(dummy, pin, strlen(pin)) == 0)
			dummy[0] = 0;
		return wrong(err);
	}
	if (rc)
		return rc;
	bm_time now = bm_clock_now();
	pin_state ps;
	if ((rc = pin_state_get(s, code, &ps, err)))
		goto out;
	if (ps.locked) {
		rc = bm_fail(err, BM_EDENIED, _("Clerk %s is locked after %d wrong PINs; a supervisor must unlock it (bianmin clerk unlock %s)."),
			     code, ps.failures, code);
		goto out;
	}
	int64_t wait = pin_wait(&ps, now);
	if (wait > 0) {
		/* not checked at all: guessing in parallel gains nothing */
		rc = bm_fail(err, BM_EDENIED, _("Wrong clerk number or PIN. After %d wrong PINs, wait %lld s before the next try."),
			     ps.failures, (long long)wait);
		goto out;
	}
	if (crypto_ready(err)) {
		rc = BM_EIO;
	} else if (!pin || crypto_pwhash_str_verify(hash, pin, strlen(pin)) != 0) {
		rc = wrong(err);
		pin_failed(s, code, now);   /* best effort: a read-only copy cannot count */
	} else if (!out->active) {
		rc = bm_fail(err, BM_EDENIED, _("Clerk %s is disabled; ask an admin."), code);
	} else if (ps.failures) {
		pin_reset(s, code);
	}
out:
	free(hash);
	if (rc)
		auth_clerk_free(out);
	return rc;
}

int auth_clerk_count(bm_store *s, int *n, bm_error *err)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT count(*) FROM clerks", err);
	if (!st)
		return BM_EDB;
	if (sqlite3_step(st) != SQLITE_ROW)
		return store_fail(s, err, _("reading the clerks"));
	*n = sqlite3_column_int(st, 0);
	sqlite3_reset(st);
	return BM_OK;
}

static bool code_ok(const char *code)
{
	size_t n = code ? strlen(code) : 0;
	if (n < 1 || n > 16)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = code[i];
		if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-' || c == '_'))
			return false;
	}
	return true;
}

static int clerk_add_checked(bm_store *s, const bm_clerk *actor, const char *code, const char *name,
			     const char *window, bm_role role, const char *pin, bm_time now, bm_error *err);

/* The name and window as typed: trimmed, UTF-8, no control characters. */
int auth_clerk_add(bm_store *s, const bm_clerk *actor, const char *code, const char *name,
		   const char *window, bm_role role, const char *pin, bm_time now, bm_error *err)
{
	char *n = NULL, *w = NULL;
	int rc = text_check_name(name, _("The clerk's name"), CASE_NAME_MAX, true, &n, err);
	if (!rc)
		rc = text_check_name(window, _("The window"), CASE_NAME_MAX, false, &w, err);
	if (!rc)
		rc = clerk_add_checked(s, actor, code, n, w, role, pin, now, err);
	free(n);
	free(w);
	return rc;
}

static int clerk_add_checked(bm_store *s, const bm_clerk *actor, const char *code, const char *name,
			     const char *window, bm_role role, const char *pin, bm_time now, bm_error *err)
{
	if (!code_ok(code))
		return bm_fail(err, BM_EINVAL, _("A clerk number (工号) has 1 to 16 letters, digits, '-' or '_'; \"%s\" does not."),
			       code ? code : "");

	if (auth_pin_check(pin, err))
		return BM_EINVAL;
	char hash[crypto_pwhash_STRBYTES];
	if (pin_hash(pin, hash, err))   /* slow: outside the write lock */
		return err ? err->code : BM_EIO;
	if (store_begin(s, err))
		return BM_EDB;
	int n = 0, rc;
	if ((rc = auth_clerk_count(s, &n, err)))
		goto fail;
	if (n == 0) {
		role = ROLE_ADMIN;   /* the first clerk of an empty database */
	} else if (!actor) {
		rc = bm_fail(err, BM_EDENIED, _("This database already has clerks: only an admin can add one (--by ADMIN)."));
		goto fail;
	} else if (!auth_can(actor, ROLE_ADMIN)) {
		rc = bm_fail(err, BM_EDENIED, _("Only an admin can add clerks; %s is not one."), actor->code);
		goto fail;
	}
	sqlite3_stmt *st = store_stmt(s, "INSERT INTO clerks (code, name, window, role, pin_hash) VALUES (?, ?, ?, ?, ?)", err);
	if (!st) {
		rc = BM_EDB;
		goto fail;
	}
	st_text(st, 1, code);
	st_text(st, 2, name);
	st_text(st, 3, window && *window ? window : NULL);
	st_text(st, 4, role_key(role));
	st_text(st, 5, hash);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc == SQLITE_CONSTRAINT_UNIQUE) {
		rc = bm_fail(err, BM_EINVAL, _("Clerk number %s is already taken."), code);
		goto fail;
	}
	if (rc != SQLITE_DONE) {
		rc = store_fail(s, err, _("adding a clerk"));
		goto fail;
	}
	/* in the chain, in the same transaction; the first clerk adds themself */
	if ((rc = clerk_event(s, actor && n > 0 ? actor->code : code, "clerk_add", code, NULL, now, err)))
		goto fail;
	return store_commit(s, err);
fail:
	store_rollback(s);
	return rc;
}

/* Change one clerk row and record it in the chain (type, pin: see
 * clerk_event), in one transaction. */
static int admin_update(bm_store *s, const bm_clerk *actor, const char *type, const char *pin_note,
			const char *sql, const char *code, const char *val, bm_time now, bm_error *err)
{
	if (store_begin(s, err))
		return BM_EDB;
	sqlite3_stmt *st = store_stmt(s, sql, err);
	int rc = BM_EDB;
	if (!st)
		goto fail;
	st_text(st, 1, val);
	st_text(st, 2, code);
	if (sqlite3_step(st) != SQLITE_DONE) {
		store_fail(s, err, _("changing a clerk"));
		goto fail;
	}
	sqlite3_reset(st);
	if (sqlite3_changes(store_db(s)) != 1) {
		rc = bm_fail(err, BM_ENOTFOUND, _("There is no clerk with the number %s."), code);
		goto fail;
	}
	st = NULL;
	if ((rc = clerk_event(s, actor->code, type, code, pin_note, now, err)))
		goto fail;
	return store_commit(s, err);
fail:
	if (st)
		sqlite3_reset(st);
	store_rollback(s);
	return rc;
}

int auth_clerk_disable(bm_store *s, const bm_clerk *actor, const char *code, bm_time now,
		       bm_error *err)
{
	if (!auth_can(actor, ROLE_ADMIN))
		return bm_fail(err, BM_EDENIED, _("Only an admin can disable clerks."));
	if (strcmp(actor->code, code) == 0)
		return bm_fail(err, BM_EINVAL, _("An admin cannot disable themself; ask another admin."));
	return admin_update(s, actor, "clerk_disable", NULL, "UPDATE clerks SET active = ? WHERE code = ?",
			    code, "0", now, err);
}

int auth_clerk_set_pin(bm_store *s, const bm_clerk *actor, const char *code, const char *pin,
		       bm_time now, bm_error *err)
{
	if (!actor || !actor->active || (strcmp(actor->code, code) != 0 && !auth_can(actor, ROLE_ADMIN)))
		return bm_fail(err, BM_EDENIED, _("Only the clerk themself or an admin can set a PIN."));
	if (auth_pin_check(pin, err))
		return BM_EINVAL;
	char hash[crypto_pwhash_STRBYTES];
	if (pin_hash(pin, hash, err))
		return err ? err->code : BM_EIO;
	return admin_update(s, actor, "clerk_pin", strcmp(actor->code, code) == 0 ? "changed" : "reset",
			    "UPDATE clerks SET pin_hash = ? WHERE code = ?", code, hash, now, err);
}

int auth_clerk_list(bm_store *s, bm_clerk **out, size_t *n, bm_error *err)
{
	*out = NULL;
	*n = 0;
	sqlite3_stmt *st = store_stmt(s, "SELECT id, code, name, window, role, active FROM clerks ORDER BY code", err);
	if (!st)
		return BM_EDB;
	size_t cap = 0;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 8;
			*out = bm_xrealloc(*out, cap * sizeof **out);
		}
		clerk_from_row(st, &(*out)[(*n)++]);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		auth_clerks_free(*out, *n);
		*out = NULL;
		*n = 0;
		return store_fail(s, err, _("reading the clerks"));
	}
	return BM_OK;
}

void auth_clerk_free(bm_clerk *c)
{
	if (!c)
		return;
	free(c->code);
	free(c->name);
	free(c->window);
	memset(c, 0, sizeof *c);
}

void auth_clerks_free(bm_clerk *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		auth_clerk_free(&v[i]);
	free(v);
}
