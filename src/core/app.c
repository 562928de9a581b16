/* app.c - lazy loading of what one run needs. */
#include "bianmin/app.h"
#include "bianmin/auth.h"
#include "bianmin/ledger.h"
#include "bianmin/store.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

void app_settings(bm_app *app)
{
	bm_diags d = {0};
	/* quietly: a command that needs the center loads it again and says
	 * what is wrong with it */
	bm_center *c = app->paths.config ? center_load(app->paths.config, &d) : NULL;
	diags_free(&d);
	const char *tz = c && c->time_zone ? c->time_zone : "Asia/Shanghai";
	char *file = bm_xasprintf("/usr/share/zoneinfo/%s", tz);
	/* without the zone database, China Standard Time has no summer time */
	if (access(file, R_OK) != 0 && strcmp(tz, "Asia/Shanghai") == 0)
		tz = "CST-8";
	setenv("TZ", tz, 1);
	tzset();
	free(file);
	auth_policy p = { AUTH_PIN_MIN_DEFAULT, AUTH_LOCK_AFTER_DEFAULT, AUTH_DELAY_DEFAULT };
	if (c) {
		p.min_len = c->pin_min_length;
		p.lock_after = c->pin_lock_after;
		p.delay = c->pin_delay;
		app->clock_tolerance_minutes = c->clock_tolerance_minutes;
	}
	auth_set_policy(&p);
	ledger_set_clock_tolerance(c ? c->clock_tolerance_minutes : 10);
	center_free(c);
}

bm_center *app_center(bm_app *app, bm_diags *d)
{
	if (!app->center)
		app->center = center_load(app->paths.config, d);
	return app->center;
}

bm_catalog *app_catalog(bm_app *app, bm_diags *d)
{
	if (!app->catalog)
		app->catalog = catalog_load(app->paths.catalog, d);
	return app->catalog;
}

bm_calendar *app_calendar(bm_app *app, bm_diags *d)
{
	if (!app->cal)
		app->cal = calendar_load(app->paths.holidays, d);
	return app->cal;
}

void app_free(bm_app *app)
{
	center_free(app->center);
	catalog_free(app->catalog);
	calendar_free(app->cal);
	store_close(app->store);
	app->store = NULL;
	paths_free(&app->paths);
	app->center = NULL;
	app->catalog = NULL;
	app->cal = NULL;
}
