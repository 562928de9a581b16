/* intake_state.c - the intake's state, below its steps: starting and
 * freeing it, whether anything was typed, taking an item (its materials
 * all missing to begin with).  The steps (intake_*.c), the flow
 * (scr_intake.c), the draft and the earlier-case form call this file; it
 * calls none of them. */
#include "uipriv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void intake_free(intake_state *in)
{
	for (int i = 0; i < AF__COUNT; i++)
		field_free(&in->f[i]);
	field_free(&in->filter);
	field_free(&in->reason);
	free(in->matches);
	free(in->uses);
	free(in->mats);
	free(in->override_reason);
	free(in->dup_reason);
	if (in->has_prior)
		party_free(&in->prior);
	if (in->decided)
		intake_outcome_free(&in->out);
	intake_agent_free(in);
	memset(in, 0, sizeof *in);
}

void intake_start(ui *u)
{
	intake_state *in = &u->in;
	intake_free(in);
	static const size_t max[AF__COUNT] = {40, 18, 20, 80, 40, 18};
	for (int i = 0; i < AF__COUNT; i++)
		field_init(&in->f[i], max[i], false);
	field_init(&in->filter, 40, false);
	field_init(&in->reason, 200, false);
	in->step = STEP_APPLICANT;
	u->msg[0] = '\0';
	/* the item list is filled when the item step first needs it
	 * (intake_item.c), so this file calls no step */
	ui_goto(u, SCR_INTAKE);
}

bool intake_has_data(const intake_state *in)
{
	if (in->step == STEP_DONE)
		return false;
	for (int i = 0; i < AF__COUNT; i++)
		if (!field_empty(&in->f[i]))
			return true;
	return in->item != NULL;
}

void item_take(ui *u, const bm_item *it)
{
	intake_state *in = &u->in;
	if (it != in->item) {
		free(in->mats);
		in->item = it;
		in->n_mats = it->n_materials;
		in->mats = bm_xcalloc(in->n_mats ? in->n_mats : 1, sizeof *in->mats);
		for (size_t i = 0; i < in->n_mats; i++)
			in->mats[i] = MAT_MISSING;
		in->msel = in->mtop = 0;
		in->override = false;
	}
	u->msg[0] = '\0';
	in->step = STEP_MATERIALS;
}

