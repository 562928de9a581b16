/* county.h - the county's ledger: every center's chain gathered into one
 * PostgreSQL database (县级汇总), reached through libpq.
 *
 * `bianmin county init` creates and migrates the county schema (numbered,
 * forward-only migrations kept in the server's county_migrations table) and
 * loads the county calendar; `bianmin sync` pushes what is new in a center's
 * ledger, one server transaction per batch, from a read snapshot of the
 * SQLite file (intake is never blocked); `bianmin county report` reads the
 * figures back (county_figures() in the schema: the month report's
 * definitions).  The server itself refuses an event that does not continue
 * its center's stored chain (see county_schema.c). */
#ifndef BIANMIN_COUNTY_H
#define BIANMIN_COUNTY_H

#include "bianmin/calendar.h"
#include "bianmin/common.h"
#include "bianmin/config.h"
#include "bianmin/lifecycle.h"
#include "bianmin/store.h"

#include <stdint.h>

typedef struct county_conn county_conn;

/* Connect to a libpq URI or conninfo string (connect_timeout 10 s unless
 * the URI says otherwise).  Errors are sentences: unreachable, wrong
 * password, no such database. */
int county_connect(const char *uri, county_conn **out, bm_error *err);
void county_close(county_conn *c);   /* NULL is fine */

/* Bring the schema up to the newest migration this build knows (each in
 * its own transaction, under an advisory lock), then load the calendar's
 * listed holidays and make-up workdays (cal may be NULL).  from and to: the
 * version before and after.  A database migrated by a newer bianmin is
 * refused. */
int county_init(county_conn *c, const bm_calendar *cal, int *from, int *to, bm_error *err);
int county_schema_newest(void);

typedef struct county_sync_opts {
	int batch;            /* events per server transaction; <= 0: 5000 */
} county_sync_opts;

typedef struct county_sync_result {
	long events, cases, receipts, clerks, batches;
	int64_t head;         /* the center's last event now stored on the server */
} county_sync_result;

/* Send what the server does not have yet of this center's ledger.
 * Refused, with nothing written, when the ledger does not continue the
 * server's chain (a restored backup or an edited ledger: the first
 * differing event is named) or another ledger holds the center's code. */
int county_sync(county_conn *c, bm_store *s, const bm_center *center, const county_sync_opts *o,
		county_sync_result *r, bm_error *err);

/* The figures of [first, last] (last already cut at today).  Rows in print
 * order: for each center (by code) its windows, its items, its total
 * (window NULL); then the county's windows and the county's total (center
 * NULL).  rank: the center's place among centers (on its total row) or the
 * window's among the county's windows, by completion rate (办结率), then
 * received; 0 elsewhere. */
typedef struct county_row {
	char *center;         /* NULL: the whole county */
	lc_report_row r;      /* window NULL = total; item_code NULL = a window's row */
	int rank;
} county_row;

typedef struct county_report {
	county_row *rows; size_t n;
} county_report;

int county_report_figures(county_conn *c, bm_day first, bm_day last, const char *only_center,
			  county_report *out, bm_error *err);
void county_report_free(county_report *r);

#endif
