/* app.c - lazy loading of what one run needs. */
#include "bianmin/app.h"
#include "bianmin/store.h"

#include <stdlib.h>

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
