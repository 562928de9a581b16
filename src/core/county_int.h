/* county_int.h - (internal to src/core) the county connection and the
 * county schema's migrations. */
#ifndef BIANMIN_COUNTY_INT_H
#define BIANMIN_COUNTY_INT_H

#include "bianmin/county.h"

#include <libpq-fe.h>

#define COUNTY_GENESIS "0000000000000000000000000000000000000000000000000000000000000000"

/* each a NULL-terminated list of SQL parts run in one transaction */
extern const char *const *const county_migrations[];
extern const int county_n_migrations;

struct county_conn {
	PGconn *pg;
};

/* Turn a failed result (or a lost connection when r is NULL) into a
 * sentence; what = what we were doing.  Clears r.  Returns BM_EDB or
 * BM_EIO. */
int county_fail(county_conn *c, PGresult *r, bm_error *err, const char *what);
/* Run a command without parameters; BM_OK or county_fail. */
int county_exec(county_conn *c, const char *sql, bm_error *err, const char *what);
/* The schema version of the database (0 = none yet), or -1 + err. */
int county_version(county_conn *c, bm_error *err);

#endif
