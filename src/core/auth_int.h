/* auth_int.h - (internal) PIN failures, the delay and the lock
 * (auth_lock.c), for auth.c. */
#ifndef BIANMIN_AUTH_INT_H
#define BIANMIN_AUTH_INT_H

#include "bianmin/auth.h"

/* A valid argon2id hash of nothing anyone types: an unknown 工号 costs the
 * same check as a known one. */
#define AUTH_DUMMY_HASH "$argon2id$v=19$m=65536,t=2,p=1$qjhowQWvrwvCB45TBVIItQ$xHNFK1JqbbhZc9gNVcSEgGqZMc4ltWOzbegtsi8CIYU"

typedef struct pin_state {
	int failures;           /* wrong PINs since the last good one */
	int64_t last_at;        /* epoch seconds of the last wrong one */
	bool locked;
} pin_state;

int pin_state_get(bm_store *s, const char *code, pin_state *out, bm_error *err);
/* Seconds still to wait before the next try is even checked: 0 for the
 * first two failures, then pin_delay doubling per failure, up to 60 s. */
int64_t pin_wait(const pin_state *ps, bm_time now);
/* Count a wrong PIN; at pin_lock_after the clerk is locked (a clerk_lock
 * event).  Best effort: nothing happens on a read-only file. */
void pin_failed(bm_store *s, const char *code, bm_time now);
void pin_reset(bm_store *s, const char *code);

#endif
