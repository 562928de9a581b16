/* intake_dup.c - between the item and the materials: the item's
 * conditions (eligible.h: age and sex from the ID number) and an earlier
 * case this intake repeats (duplicate.h).  An earlier case stops the
 * intake with a small form showing it: open it, or go on with a reason,
 * which is saved with the case. */
#include "uipriv.h"

#include "bianmin/duplicate.h"
#include "bianmin/eligible.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { DUP_OPEN = 0, DUP_GO_ON };

static void dup_submit(ui *u)
{
	intake_state *in = &u->in;
	size_t what = u->dlg.fl[0].choice;
	if (what == DUP_OPEN) {
		char no[CASE_NO_MAX];
		/* the first earlier case listed: the newest */
		snprintf(no, sizeof no, "%.*s", (int)strcspn(in->dup_of, " "), in->dup_of);
		dlg_close(u);
		intake_draft_remove(u);   /* the clerk left this intake for the earlier case */
		intake_free(in);
		ui_open_case(u, no, SCR_HOME);
		return;
	}
	char *reason = dlg_value(u, 1);
	if (!reason) {
		snprintf(u->dlg.err, sizeof u->dlg.err, "%s",
			 _("Going on needs a reason: why is this not the same application?"));
		u->dlg.focus = 1;
		return;
	}
	free(in->dup_reason);
	in->dup_reason = reason;
	dlg_close(u);
	const bm_item *it = catalog_find(u->catalog, in->dup_item);
	if (it && intake_agent_item(u, &it))   /* a proxy's item has its 授权委托书 */
		item_take(u, it);
	ui_message(u, false, "%s", _("Going on; the reason is saved with the case."));
}

bool intake_item_allowed(ui *u, const bm_item *it)
{
	intake_state *in = &u->in;
	char why[512];
	if (!item_eligible(it, in->id_type, in->id_norm, ui_today(), why, sizeof why)) {
		ui_message(u, true, _("Refused: %s"), why);
		return false;
	}
	char *name = field_text(&in->f[AF_NAME]);
	case_dup *v = NULL;
	size_t n = 0;
	bm_error err = {0};
	int rc = case_duplicates(u->store, in->id_norm, name, it->code, &v, &n, &err);
	free(name);
	if (rc != BM_OK) {
		ui_message(u, true, "%s", err.msg);
		return false;
	}
	/* asked once per item: going back and on again keeps the reason */
	if (n == 0 || (in->dup_reason && strcmp(in->dup_item, it->code) == 0)) {
		if (n == 0) {
			free(in->dup_reason);   /* given for another item */
			in->dup_reason = NULL;
		}
		case_dups_free(v, n);
		return true;
	}
	free(in->dup_reason);
	in->dup_reason = NULL;
	snprintf(in->dup_item, sizeof in->dup_item, "%s", it->code);
	in->dup_of[0] = '\0';
	dlg_open(u, 0, _("An earlier case of this applicant"), dup_submit);
	size_t l = 0;
	for (size_t i = 0; i < n; i++) {
		char line[512];
		l += (size_t)snprintf(u->dlg.warn + l, l < sizeof u->dlg.warn ? sizeof u->dlg.warn - l : 0, "%s\n",
				      case_dup_line(&v[i], line, sizeof line));
		if (l >= sizeof u->dlg.warn)
			break;
		size_t m = strlen(in->dup_of);
		snprintf(in->dup_of + m, sizeof in->dup_of - m, "%s%s", m ? " " : "", v[i].no);
	}
	case_dups_free(v, n);
	dlg_field *f = dlg_choice(u, _("What now"), DUP_OPEN);
	dlg_opt(f, _("Open the earlier case"), DUP_OPEN);
	dlg_opt(f, _("Go on with a reason"), DUP_GO_ON);
	dlg_text(u, _("Reason"), 200, false, false, "");
	return false;
}
