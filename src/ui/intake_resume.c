/* intake_resume.c - after a login, the clerk's unfinished intake on this
 * terminal (intake_draft.c keeps it) is offered back; yes puts every
 * field, the item and the materials back where they were. */
#include "uipriv.h"

#include "bianmin/draft.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The clerk's draft on this terminal into *d: false when there is none,
 * or it cannot be read (then the clerk is told why). */
static bool load_mine(ui *u, bm_draft *d)
{
	char *p = intake_draft_path(u);
	bool found = false;
	bm_error err = {0};
	int rc = draft_load(p, d, &found, &err);
	free(p);
	if (rc != BM_OK)
		ui_message(u, true, "%s", err.msg);
	if (rc != BM_OK || !found) {
		draft_free(d);
		return false;
	}
	return true;
}

static void restore(ui *u)
{
	bm_draft d = {0};
	if (!load_mine(u, &d))
		return;
	intake_start(u);
	intake_state *in = &u->in;
	for (int i = 0; i < AF__COUNT; i++)
		field_set(&in->f[i], draft_get(&d, intake_draft_keys[i]) ? draft_get(&d, intake_draft_keys[i]) : "");
	applicant_id_changed(u);
	field_set(&in->filter, draft_get(&d, "filter") ? draft_get(&d, "filter") : "");
	item_refilter(u);
	const char *step = draft_get(&d, "step");
	int st = step ? atoi(step) : 0;
	const char *code = draft_get(&d, "item");
	const bm_item *it = code ? catalog_find(u->catalog, code) : NULL;
	if (draft_get(&d, "dup_reason")) {
		in->dup_reason = bm_xstrdup(draft_get(&d, "dup_reason"));
		snprintf(in->dup_of, sizeof in->dup_of, "%s", draft_get(&d, "dup_of") ? draft_get(&d, "dup_of") : "");
		snprintf(in->dup_item, sizeof in->dup_item, "%s",
			 draft_get(&d, "dup_item") ? draft_get(&d, "dup_item") : "");
	}
	/* back where the clerk was, up to the materials (the decision is made
	 * again on the way to the outcome) */
	if (in->id_ok && it && st >= STEP_MATERIALS) {
		item_take(u, it);
		const char *m = draft_get(&d, "materials");
		for (size_t i = 0; m && i < in->n_mats && m[i]; i++)
			in->mats[i] = m[i] == 'P' ? MAT_PRESENT : m[i] == 'N' ? MAT_NOT_BROUGHT : MAT_MISSING;
	} else if (in->id_ok && st >= STEP_ITEM) {
		in->step = STEP_ITEM;
	}
	draft_free(&d);
	ui_message(u, false, "%s", _("The unfinished intake is back; go on where you stopped."));
}

void intake_draft_offer(ui *u)
{
	bm_draft d = {0};
	if (!load_mine(u, &d))
		return;
	const char *name = draft_get(&d, "name");
	const char *item = draft_get(&d, "item");
	char q[256];
	snprintf(q, sizeof q, _("An unfinished intake (%s%s%s) was kept. Go on with it? (y/n)"),
		 name && *name ? name : "-", item ? " · " : "", item ? item : "");
	draft_free(&d);
	ui_ask(u, q, restore);
}
