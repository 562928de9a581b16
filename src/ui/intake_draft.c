/* intake_draft.c - the intake being typed is kept as a draft (draft.h)
 * after every key, so a terminal closed mid-intake loses nothing (it is
 * offered back at the next login: intake_resume.c).  Saving the case,
 * discarding the intake, or leaving it for an earlier case removes the
 * draft. */
#include "uipriv.h"

#include "bianmin/draft.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *const intake_draft_keys[AF__COUNT] = {"name", "id", "phone", "address", "proxy_name", "proxy_id"};

char *intake_draft_path(const ui *u)
{
	return draft_path(store_path(u->store), u->clerk.code);
}

void intake_draft_remove(ui *u)
{
	char *p = intake_draft_path(u);
	draft_remove(p);
	free(p);
}

void intake_draft_keep(ui *u)
{
	intake_state *in = &u->in;
	if (!u->logged_in || u->scr != SCR_INTAKE || !intake_has_data(in)) {
		if (in->step == STEP_DONE)
			intake_draft_remove(u);
		return;
	}
	bm_draft d = {0};
	for (int i = 0; i < AF__COUNT; i++) {
		char *t = field_text(&in->f[i]);
		draft_set(&d, intake_draft_keys[i], t);
		free(t);
	}
	char *q = field_text(&in->filter);
	draft_set(&d, "filter", q);
	free(q);
	if (in->item) {
		draft_set(&d, "item", in->item->code);
		char *m = bm_xcalloc(in->n_mats + 1, 1);
		for (size_t i = 0; i < in->n_mats; i++)
			m[i] = in->mats[i] == MAT_PRESENT ? 'P' : in->mats[i] == MAT_NOT_BROUGHT ? 'N' : 'M';
		draft_set(&d, "materials", m);
		free(m);
	}
	char step[8];
	snprintf(step, sizeof step, "%d", (int)in->step);
	draft_set(&d, "step", step);
	if (in->dup_reason) {
		draft_set(&d, "dup_reason", in->dup_reason);
		draft_set(&d, "dup_of", in->dup_of);
		draft_set(&d, "dup_item", in->dup_item);
	}
	char *p = intake_draft_path(u);
	bm_error err = {0};
	if (draft_save(p, &d, &err) != BM_OK)
		ui_message(u, true, "%s", err.msg);
	free(p);
	draft_free(&d);
}

