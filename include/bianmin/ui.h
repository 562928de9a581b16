/* ui.h - the full-screen counter program (src/ui/, ncursesw). */
#ifndef BIANMIN_UI_H
#define BIANMIN_UI_H

#include "bianmin/app.h"

/* Run the full-screen program until the clerk quits.  Loads the center,
 * catalog, calendar and database first (errors go to stderr before the
 * screen opens).  Returns the exit status: 0 normal, 1 on a load error. */
int ui_main(bm_app *app);

#endif
