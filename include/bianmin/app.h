/* app.h - what one run of bianmin has loaded: paths, the clock reading,
 * the center, catalog and calendar, the database.  Loaded lazily, once. */
#ifndef BIANMIN_APP_H
#define BIANMIN_APP_H

#include "bianmin/calendar.h"
#include "bianmin/catalog.h"
#include "bianmin/config.h"
#include "bianmin/diag.h"

struct bm_store;

typedef struct bm_app {
	bm_paths paths;
	bm_time now;               /* read once, at start (bm_clock_now) */
	bm_center *center;
	bm_catalog *catalog;
	bm_calendar *cal;
	struct bm_store *store;
	int clock_tolerance_minutes;   /* center.yaml; 0 = the default (10) */
} bm_app;

/* Before the clock is read: the center's time zone (center.yaml
 * time_zone, default Asia/Shanghai -- never $TZ) and its PIN rules
 * (auth_set_policy). */
void app_settings(bm_app *app);

/* Each returns the loaded thing, or NULL with the mistakes in d. */
bm_center *app_center(bm_app *app, bm_diags *d);
bm_catalog *app_catalog(bm_app *app, bm_diags *d);
bm_calendar *app_calendar(bm_app *app, bm_diags *d);
void app_free(bm_app *app);

#endif
