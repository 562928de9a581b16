/* auth.h - clerks (工号, name, window, role), their PINs (argon2id via
 * libsodium's crypto_pwhash_str, never stored plain), and who may do what.
 * The first clerk of an empty database is an admin; after that only an
 * admin adds, disables or resets clerks. */
#ifndef BIANMIN_AUTH_H
#define BIANMIN_AUTH_H

#include "bianmin/store.h"

typedef enum {
	ROLE_CLERK = 0,      /* 窗口工作人员 */
	ROLE_SUPERVISOR,     /* 中心负责人: approves extensions, voids receipts */
	ROLE_ADMIN,          /* manages clerks; also a supervisor */
} bm_role;

typedef struct bm_clerk {
	int64_t id;
	char *code;          /* 工号 */
	char *name;
	char *window;        /* may be NULL */
	bm_role role;
	bool active;
} bm_clerk;

/* PIN rules: 4 to 64 characters, no control characters; a NEW PIN at
 * least the center's pin_min_length (default 6). */
#define AUTH_PIN_MIN 4
#define AUTH_PIN_MAX 64
int auth_pin_check(const char *pin, bm_error *err);

/* The center's PIN rules (center.yaml), set once per run. */
#define AUTH_PIN_MIN_DEFAULT 6
#define AUTH_LOCK_AFTER_DEFAULT 10
#define AUTH_DELAY_DEFAULT 1
typedef struct auth_policy {
	int min_len;         /* pin_min_length: for new PINs */
	int lock_after;      /* pin_lock_after: wrong PINs that lock a clerk; 0 = never */
	int delay;           /* pin_delay: seconds; doubles per wrong PIN from the third, up to 60 */
} auth_policy;
void auth_set_policy(const auth_policy *p);
const auth_policy *auth_get_policy(void);

/* A supervisor clears a lock (a clerk_unlock event).  BM_ESTATE when the
 * clerk is not locked. */
int auth_clerk_unlock(bm_store *s, const bm_clerk *actor, const char *code, bm_time now, bm_error *err);
int auth_clerk_locked(bm_store *s, const char *code, bool *locked, int *failures, bm_error *err);

/* Log in: the clerk's record when the 工号 exists, is active, is not
 * locked and the PIN matches.  BM_EDENIED otherwise, with the same
 * sentence for an unknown 工号 and a wrong PIN.  Wrong PINs are counted
 * in the file (pin_failures): from the third, the next try waits
 * (pin_delay, doubling); at pin_lock_after the clerk is locked until a
 * supervisor unlocks it.  Reads the clock (bm_clock_now) for the wait.
 * out freed with auth_clerk_free. */
int auth_login(bm_store *s, const char *code, const char *pin, bm_clerk *out, bm_error *err);

/* Number of clerks (active or not). */
int auth_clerk_count(bm_store *s, int *n, bm_error *err);

/* Each change below is recorded as an event of the ledger at `now`.
 *
 * Add a clerk.  actor: the logged-in admin, or NULL only when the database
 * has no clerk yet (then the new clerk is made an admin whatever role
 * says).  window may be NULL.  BM_EDENIED when actor is not an admin,
 * BM_EINVAL for a bad code/name/PIN or a code already taken. */
int auth_clerk_add(bm_store *s, const bm_clerk *actor, const char *code, const char *name,
		   const char *window, bm_role role, const char *pin, bm_time now, bm_error *err);
/* Disable a clerk (never deleted: cases name them).  Admin only; an admin
 * cannot disable themself. */
int auth_clerk_disable(bm_store *s, const bm_clerk *actor, const char *code, bm_time now,
		       bm_error *err);
/* Set a new PIN: the clerk themself, or an admin for anyone. */
int auth_clerk_set_pin(bm_store *s, const bm_clerk *actor, const char *code, const char *pin,
		       bm_time now, bm_error *err);

int auth_clerk_get(bm_store *s, const char *code, bm_clerk *out, bm_error *err);
/* All clerks ordered by code. */
int auth_clerk_list(bm_store *s, bm_clerk **out, size_t *n, bm_error *err);
void auth_clerk_free(bm_clerk *c);
void auth_clerks_free(bm_clerk *v, size_t n);

/* Role at least r (admin >= supervisor >= clerk) and active. */
bool auth_can(const bm_clerk *c, bm_role r);

const char *role_key(bm_role r);      /* "clerk" | "supervisor" | "admin" */
const char *role_label(bm_role r);    /* translated */
bool role_parse(const char *s, bm_role *out);

#endif
