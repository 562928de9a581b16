/* scr_intake.c - new intake (受理) in four steps on one flow: applicant,
 * item, materials, outcome; then the case number.  Each step has its own
 * draw/key pair (intake_*.c); this file holds the flow between them. */
#include "uipriv.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void discard(ui *u)
{
	intake_draft_remove(u);
	intake_free(&u->in);
	u->msg[0] = '\0';
	ui_goto(u, SCR_HOME);
}

/* The steps as a path in the title: the current one stands out. */
static void draw_steps(const ui *u)
{
	static const char *const names[] = {N_("1 Applicant"), N_("2 Item"), N_("3 Materials"), N_("4 Outcome")};
	int x = 1;
	for (int i = 0; i < 4; i++) {
		enum style st = (int)u->in.step == i ? ST_SELECT : (int)u->in.step > i ? ST_NORMAL : ST_DIM;
		if (u->in.step == STEP_DONE)
			st = ST_NORMAL;
		x += draw_clip(UI_TOP, x, COLS - x, _(names[i]), st);
		if (i < 3)
			x += draw_clip(UI_TOP, x, COLS - x, " › ", ST_DIM);
	}
}

void intake_draw(ui *u)
{
	draw_title(u, _("New intake"));
	draw_steps(u);
	switch (u->in.step) {
	case STEP_APPLICANT: applicant_draw(u); intake_agent_draw(u); break;
	case STEP_ITEM: item_draw(u); break;
	case STEP_MATERIALS: materials_draw(u); break;
	case STEP_OUTCOME: outcome_draw(u); break;
	case STEP_DONE: done_draw(u); break;
	}
}

void intake_key(ui *u, ui_key k)
{
	intake_state *in = &u->in;
	if (intake_agent_key(u, k))
		return;
	/* Esc on the first step leaves the intake (asking when something was
	 * typed); on later steps it goes one step back, keeping everything. */
	bool typing = in->step == STEP_APPLICANT || in->step == STEP_ITEM ||
		      (in->step == STEP_OUTCOME && in->override_stage == 2);
	enum action a = keymap_action(ui_context(u), k, typing);
	if (a == A_BACK && in->step != STEP_DONE && !(in->step == STEP_OUTCOME && in->override_stage)) {
		u->msg[0] = '\0';
		if (in->step == STEP_APPLICANT) {
			if (intake_has_data(in))
				ui_ask(u, _("Discard the typed data? (y/n)"), discard);
			else
				discard(u);
		} else {
			in->step--;
		}
		return;
	}
	switch (in->step) {
	case STEP_APPLICANT: applicant_key(u, k); break;
	case STEP_ITEM: item_key(u, k); break;
	case STEP_MATERIALS: materials_key(u, k); break;
	case STEP_OUTCOME: outcome_key(u, k); break;
	case STEP_DONE: done_key(u, k); break;
	}
	intake_draft_keep(u);
}
