/* counter_extras.c - what a clerk no longer leaves for the command line:
 * changing one's own PIN (home), a supervisor's void (作废) of a case's
 * receipt (case view).  Each is a small form (dialog.c) calling the ONE
 * core function the command line calls too. */
#include "uipriv.h"

#include "bianmin/ledger.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- my PIN (clerk passwd) ------------------------------------------- */
static void pin_submit(ui *u)
{
	char *cur = dlg_value(u, 0), *pin = dlg_value(u, 1), *again = dlg_value(u, 2);
	bm_error err = {0};
	bm_clerk me;
	memset(&me, 0, sizeof me);
	if (!cur || !pin || !again) {
		snprintf(u->dlg.err, sizeof u->dlg.err, "%s", _("Fill in all three fields."));
	} else if (strcmp(pin, again) != 0) {
		snprintf(u->dlg.err, sizeof u->dlg.err, "%s", _("The new PIN and its repetition differ."));
		u->dlg.focus = 2;
	} else if (auth_login(u->store, u->clerk.code, cur, &me, &err) != BM_OK) {
		snprintf(u->dlg.err, sizeof u->dlg.err, "%s", _("The current PIN is wrong."));
		u->dlg.focus = 0;
	} else if (auth_clerk_set_pin(u->store, &me, u->clerk.code, pin, ui_now(), &err) != BM_OK) {
		snprintf(u->dlg.err, sizeof u->dlg.err, "%s", err.msg);
		u->dlg.focus = 1;
	} else {
		dlg_close(u);
		ui_message(u, false, "%s", _("Your PIN is changed; use it from the next login."));
	}
	auth_clerk_free(&me);
	/* no PIN stays in memory longer than needed */
	for (char *p = cur; p && *p; p++)
		*p = 0;
	for (char *p = pin; p && *p; p++)
		*p = 0;
	for (char *p = again; p && *p; p++)
		*p = 0;
	free(cur);
	free(pin);
	free(again);
}

void pin_change_open(ui *u)
{
	dlg_open(u, 0, _("Change my PIN"), pin_submit);
	snprintf(u->dlg.warn, sizeof u->dlg.warn, _("A PIN has %d to %d characters."), AUTH_PIN_MIN, AUTH_PIN_MAX);
	dlg_text(u, _("Current PIN"), AUTH_PIN_MAX, true, true, NULL);
	dlg_text(u, _("New PIN"), AUTH_PIN_MAX, true, true, NULL);
	dlg_text(u, _("New PIN again"), AUTH_PIN_MAX, true, true, NULL);
}

/* ---- void the case's receipt (receipt void) -------------------------- */
static void void_submit(ui *u)
{
	char *reason = dlg_value(u, 0);
	const char *no = u->cv.loaded ? ui_live_receipt(&u->cv.kase) : NULL;
	bm_error err = {0};
	if (!no) {
		dlg_close(u);
		ui_message(u, true, "%s", _("This case has no receipt to void."));
	} else if (ledger_receipt_void(u->store, &u->clerk, no, reason, ui_now(), &err) != BM_OK) {
		snprintf(u->dlg.err, sizeof u->dlg.err, "%s", err.msg);
	} else {
		char n[64];
		snprintf(n, sizeof n, "%s", no);
		dlg_close(u);
		ui_message(u, false, _("Receipt %s voided (作废); it stays in the ledger, marked."), n);
		ui_reload_case(u);
	}
	free(reason);
}

void receipt_void_open(ui *u)
{
	bm_error why = {0};
	if (!case_action_allowed(u, A_VOID_RECEIPT, &why)) {
		ui_message(u, true, "%s", why.msg);
		return;
	}
	char title[128];
	snprintf(title, sizeof title, _("Void (作废) receipt %s of %s"), ui_live_receipt(&u->cv.kase), u->cv.kase.no);
	dlg_open(u, 0, title, void_submit);
	snprintf(u->dlg.warn, sizeof u->dlg.warn, "%s",
		 _("The receipt is not deleted: a void row points to it with the reason, and the case gets an event."));
	dlg_text(u, _("Reason"), 200, true, false, NULL);
}
