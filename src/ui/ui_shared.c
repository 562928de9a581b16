/* ui_shared.c - what several screens use, below them all: the spool
 * folder, which keys are allowed here and now (the status line, the help
 * and the screens ask the same function), opening and reloading a case,
 * and the action -> step table.  Screens call this file; it calls no
 * screen. */
#include "uipriv.h"
#include "ui_shared.h"

#include "bianmin/print.h"

#include <stdio.h>
#include <string.h>

static const struct {
	enum action a;
	lc_step step;
} steps[] = {
	{A_STEP_SUPPLEMENT, LC_SUPPLEMENT}, {A_STEP_DEMAND, LC_DEMAND},     {A_STEP_PAUSE, LC_PAUSE},
	{A_STEP_RESUME, LC_RESUME},         {A_STEP_EXTEND, LC_EXTEND},     {A_STEP_OPINION, LC_OPINION},
	{A_STEP_FORWARD, LC_FORWARD},       {A_STEP_RESULT, LC_RESULT},     {A_STEP_COMPLETE, LC_COMPLETE},
	{A_STEP_RETURN, LC_RETURN},         {A_STEP_WITHDRAW, LC_WITHDRAW}, {A_STEP_NOTIFY, LC_NOTIFY},
	{A_STEP_RATE, LC_RATE},             {A_STEP_FOLLOWUP, LC_FOLLOWUP}, {A_STATUS, LC_STATUS},
	{A_STEP_FEEDBACK, LC_FEEDBACK},     {A_STEP_REPLY, LC_REPLY},
};

bool ui_step_of(enum action a, lc_step *out)
{
	for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++)
		if (steps[i].a == a) {
			*out = steps[i].step;
			return true;
		}
	return false;
}

char *ui_spool_dir(const ui *u)
{
	return print_spool_dir(u->center, store_path(u->store));
}

bool case_action_allowed(const ui *u, enum action a, bm_error *why)
{
	bm_error dummy;
	if (!why)
		why = &dummy;
	why->msg[0] = '\0';
	switch (a) {
	case A_ALL_OVERDUE:
		if (!auth_can(&u->clerk, ROLE_SUPERVISOR))
			return bm_fail(why, BM_EDENIED, "%s", _("Only a supervisor sees every overdue case.")), false;
		return true;
	case A_ACKNOWLEDGE:
		if (u->home.n_pending_to_me == 0)
			return bm_fail(why, BM_ENOTFOUND, "%s", _("No handover is waiting for you.")), false;
		return true;
	case A_STEP_REPRINT:
		return u->cv.loaded;
	case A_AGENT_PAPERS:
		return u->cv.loaded && u->cv.kase.proxy_name;
	case A_AGENTS:
		return auth_can(&u->clerk, ROLE_SUPERVISOR);
	case A_HANDOVER_CASE:
		return u->cv.loaded && lifecycle_allowed(&u->cv.kase, &u->clerk, LC_HANDOVER, why);
	case A_VOID_RECEIPT:
		if (!auth_can(&u->clerk, ROLE_SUPERVISOR))
			return bm_fail(why, BM_EDENIED, "%s", _("Only a supervisor voids a receipt.")), false;
		if (!u->cv.loaded || !ui_live_receipt(&u->cv.kase))
			return bm_fail(why, BM_ENOTFOUND, "%s", _("This case has no receipt to void.")), false;
		return true;
	case A_EXPORT:
		return true;
	default:
		break;
	}
	lc_step s;
	if (!ui_step_of(a, &s))
		return true;
	if (!u->cv.loaded)
		return false;
	return lifecycle_allowed(&u->cv.kase, &u->clerk, s, why);
}

void ui_open_case(ui *u, const char *no, enum ui_screen from)
{
	if (u->cv.loaded)
		case_free(&u->cv.kase);
	u->cv.loaded = false;
	memset(&u->cv.kase, 0, sizeof u->cv.kase);
	bm_error err = {0};
	if (case_load(u->store, no, &u->cv.kase, &err) != BM_OK) {
		ui_message(u, true, "%s", err.msg);
		return;
	}
	u->cv.loaded = true;
	snprintf(u->cv.no, sizeof u->cv.no, "%s", no);
	u->cv.from = from;
	u->cv.scroll = 0;
	u->msg[0] = '\0';
	ui_goto(u, SCR_CASE);
}

void ui_reload_case(ui *u)
{
	int scroll = u->cv.scroll;
	enum ui_screen from = u->cv.from;
	char no[CASE_NO_MAX], msg[sizeof u->msg];
	bool err = u->msg_error;
	snprintf(no, sizeof no, "%s", u->cv.no);
	snprintf(msg, sizeof msg, "%s", u->msg);
	ui_open_case(u, no, from);
	u->cv.scroll = scroll;
	snprintf(u->msg, sizeof u->msg, "%s", msg);
	u->msg_error = err;
	u->home.dirty = true;
}


const char *ui_live_receipt(const bm_case *c)
{
	for (size_t i = 0; i < c->n_receipts; i++)
		if (c->receipts[i].no && !c->receipts[i].voided)
			return c->receipts[i].no;
	return NULL;
}
