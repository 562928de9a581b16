/* common.h - small things every module shares: errors, civil dates, time,
 * money.  No module-specific logic lives here. */
#ifndef BIANMIN_COMMON_H
#define BIANMIN_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define BIANMIN_VERSION "0.1.0"

/* gettext: English msgids everywhere; core messages are translated too. */
#include <libintl.h>
#define _(s) gettext(s)
#define N_(s) (s)

/* An error a user can cause: what happened, where, and what to do.
 * code: one of BM_E* below; msg: a full sentence, already translated. */
enum {
	BM_OK = 0,
	BM_EINVAL = 1,   /* bad input (ID, item, argument) */
	BM_ENOTFOUND,    /* no such case / clerk / item */
	BM_EDENIED,      /* wrong PIN, no permission */
	BM_ESTATE,       /* transition not allowed in this state */
	BM_EDB,          /* database error (locked, read-only, corrupt) */
	BM_EIO,          /* file or printer error */
	BM_ENOMEM,
};

typedef struct bm_error {
	int code;
	char msg[1024];
} bm_error;

/* Set err (may be NULL) and return code. printf-style. */
int bm_fail(bm_error *err, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void bm_error_clear(bm_error *err);

/* Memory: these abort with a message on exhaustion (a counter program has
 * nothing sensible left to do without memory). */
void *bm_xmalloc(size_t n);
void *bm_xcalloc(size_t n, size_t size);
void *bm_xrealloc(void *p, size_t n);
char *bm_xstrdup(const char *s);          /* NULL -> NULL */
char *bm_xstrndup(const char *s, size_t n);
char *bm_xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A growable string buffer. */
typedef struct bm_buf {
	char *data;   /* always NUL-terminated once anything is appended */
	size_t len, cap;
} bm_buf;
void bm_buf_append(bm_buf *b, const char *s, size_t n);
void bm_buf_puts(bm_buf *b, const char *s);
void bm_buf_printf(bm_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
char *bm_buf_steal(bm_buf *b);            /* returns data ("" if empty), resets b */
void bm_buf_free(bm_buf *b);

/* Read a whole file (binary-safe, NUL-terminated). NULL + err on failure. */
char *bm_read_file(const char *path, size_t *len, bm_error *err);

/* ---- civil dates ------------------------------------------------------ */
/* A civil date in the center's zone, as days since 1970-01-01. */
typedef int32_t bm_day;
#define BM_NO_DAY INT32_MIN

bool bm_day_from_ymd(int y, int m, int d, bm_day *out);   /* false if not a real date */
void bm_day_to_ymd(bm_day day, int *y, int *m, int *d);
bool bm_day_parse(const char *s, bm_day *out);            /* "YYYY-MM-DD" exactly */
/* buf >= 11 bytes; "-" for BM_NO_DAY. Returns buf. */
char *bm_day_format(bm_day day, char *buf);
int bm_day_weekday(bm_day day);                           /* 1 = Monday ... 7 = Sunday */

/* ---- time ------------------------------------------------------------- */
/* An instant plus the zone offset it was read in, so it prints as
 * ISO 8601 with offset ("2026-11-23T09:30:00+08:00"). */
typedef struct bm_time {
	int64_t epoch;        /* seconds since 1970-01-01T00:00:00Z */
	int32_t utc_offset;   /* seconds east of UTC */
} bm_time;

/* The ONLY place bianmin reads the clock.  Honours faketime. */
bm_time bm_clock_now(void);
bm_day bm_time_day(bm_time t);                  /* civil date in t's zone */
char *bm_time_format(bm_time t, char *buf);     /* buf >= 26 bytes */
bool bm_time_parse(const char *s, bm_time *out);

/* ---- money ------------------------------------------------------------ */
/* Money is integer fen.  Parse "12", "12.5", "12.50" exactly (no floating
 * point); false for negatives, >2 decimals, junk or overflow. */
bool bm_money_parse(const char *s, int64_t *fen);
char *bm_money_format(int64_t fen, char *buf);   /* "12.50"; buf >= 24 */
/* The most one fee may be: 1,000,000.00 yuan.  The catalog refuses more,
 * so no sum of a ledger's fees can overflow; sums are checked anyway. */
#define BM_FEE_MAX_FEN INT64_C(100000000)

#endif
