/* ui_shared.h - (src/ui only) the helpers below the screens
 * (ui_shared.c) that need the lifecycle's types. */
#ifndef BIANMIN_UI_SHARED_H
#define BIANMIN_UI_SHARED_H

#include "uipriv.h"

#include "bianmin/lifecycle.h"

/* The step of a case-view action (A_STEP_*, A_STATUS); false when a is
 * not a step. */
bool ui_step_of(enum action a, lc_step *out);

#endif
