/* intake_materials.c - step 3: the checklist.  Space toggles present,
 * `a` marks all present, `n` marks a main material (主件) that the
 * applicant has but did not bring.  Main/supporting, original/copy,
 * copies and note are all on the row; the decision so far is shown. */
#include "uipriv.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int max_i(int a, int b)
{
	return a > b ? a : b;
}

static const char *mark(bm_mat_state s)
{
	switch (s) {
	case MAT_PRESENT: return "[x]";
	case MAT_NOT_BROUGHT: return "[n]";
	default: return "[ ]";
	}
}

/* The decision for the materials as they are now (pure, cheap). */
static bool preview(ui *u, intake_outcome *out)
{
	intake_state *in = &u->in;
	intake_input ii;
	memset(&ii, 0, sizeof ii);
	ii.item = in->item;
	ii.materials = in->mats;
	ii.today = ui_today();
	ii.cal = u->cal;
	bm_error err = {0};
	return intake_decide(&ii, out, &err) == BM_OK;
}

void materials_draw(ui *u)
{
	intake_state *in = &u->in;
	const bm_item *it = in->item;
	int y = UI_TOP + 2;
	char line[512];
	snprintf(line, sizeof line, "%s (%s) · %s · %s", it->name, it->code, regime_label(it->regime), it->window);
	draw_text(y, 2, COLS - 4, line, ST_HEAD);

	/* Column widths by display width (text.h) of what they will hold, in
	 * the clerk's language: Main? and Form exactly as wide as their
	 * longest label; on a wide terminal the note is a column and gets
	 * what its longest note needs, the material's name the rest. */
	static const char *const heads[6] = {"", N_("Main?"), N_("Material"), N_("Form"), N_("Copies"), N_("Note")};
	int wide = COLS >= 120;
	int wmark = 3, wmain = text_width(_(heads[1])), wform = text_width(_(heads[3]));
	int wcop = text_width(_(heads[4])) + 1;
	wmain = max_i(wmain, max_i(text_width(_("main")), text_width(_("supporting"))));
	for (int f = FORM_ORIGINAL; f <= FORM_BOTH; f++)
		wform = max_i(wform, text_width(form_label((bm_form)f)));
	int avail = COLS - 4 - wmark - wmain - wform - wcop - 4;   /* name (+ note), 4 gaps */
	int wname = avail, wnote = 0;
	if (wide) {
		int need_name = text_width(_(heads[2])), need_note = text_width(_(heads[5]));
		for (size_t i = 0; i < in->n_mats; i++) {
			need_name = max_i(need_name, text_width(it->materials[i].name));
			if (it->materials[i].note)
				need_note = max_i(need_note, text_width(it->materials[i].note));
		}
		avail -= 1;   /* the gap before the note */
		/* both fit: the name a little more than it needs, the note (the
		 * last column) the rest; else the note yields, down to three
		 * fifths (a note that still does not fit is also shown whole
		 * below the list) */
		if (need_name + need_note <= avail)
			wname = need_name + (avail - need_name - need_note < 4 ? avail - need_name - need_note : 4);
		else
			wname = max_i(avail - need_note, need_name < avail * 2 / 5 ? need_name : avail * 2 / 5);
		wnote = avail - wname;
	}
	int xs[6], ws[6] = {wmark, wmain, wname, wform, wcop, wnote};
	xs[0] = 2;
	for (int i = 1; i < 6; i++)
		xs[i] = xs[i - 1] + ws[i - 1] + 1;
	int hy = y + 2;
	for (int i = 1; i < 6; i++)
		draw_text(hy, xs[i], ws[i], _(heads[i]), ST_HEAD);
	size_t rows = (size_t)(UI_BOTTOM - hy - 4);
	list_follow(in->msel, &in->mtop, rows);
	size_t present = 0;
	for (size_t i = 0; i < in->n_mats; i++)
		present += in->mats[i] == MAT_PRESENT;
	for (size_t r = 0; r < rows && in->mtop + r < in->n_mats; r++) {
		size_t i = in->mtop + r;
		const bm_material *m = &it->materials[i];
		int yy = hy + 1 + (int)r;
		bool sel = i == in->msel;
		enum style st = sel ? ST_SELECT : (in->mats[i] == MAT_PRESENT ? ST_NORMAL : ST_WAITING);
		if (sel)
			draw_fill(yy, 0, COLS, ST_SELECT);
		char copies[16];
		snprintf(copies, sizeof copies, "%d", m->copies);
		draw_text(yy, xs[0], ws[0], mark(in->mats[i]), st);
		draw_text(yy, xs[1], ws[1], m->main ? _("main") : _("supporting"), st);
		draw_text(yy, xs[2], ws[2], m->name, st);
		draw_text(yy, xs[3], ws[3], form_label(m->form), st);
		draw_right(yy, xs[4], ws[4] - 1, copies, st);
		draw_text(yy, xs[5], ws[5], m->note ? m->note : "", st);
	}
	if (in->n_mats)   /* the terminal's cursor on the selected row, for screen readers */
		ui_set_cursor(hy + 1 + (int)(in->msel - in->mtop), xs[0] + 1);   /* in the [x] box */
	int sy = UI_BOTTOM - 2;
	const char *note = in->n_mats ? it->materials[in->msel].note : NULL;
	if (note && (!wide || text_width(note) > wnote)) {
		snprintf(line, sizeof line, _("Note: %s"), note);
		draw_text(sy - 1, 2, COLS - 4, line, ST_DIM);
	}
	snprintf(line, sizeof line, _("Present %zu of %zu.  [x] present  [ ] missing  [n] main material not brought"),
		 present, in->n_mats);
	draw_text(sy, 2, COLS - 4, line, ST_DIM);
	intake_outcome out;
	memset(&out, 0, sizeof out);
	if (preview(u, &out)) {
		if (out.kind == KIND_RETURNED && out.reason && *out.reason)
			/* a refusal (控制事项, missing main materials): say why */
			snprintf(line, sizeof line, _("Decision so far: %s: %s.  Enter: see the outcome"),
				 kind_label(out.kind), out.reason);
		else
			snprintf(line, sizeof line, _("Decision so far: %s; %zu missing.  Enter: see the outcome"),
				 kind_label(out.kind), out.n_missing);
		draw_text(sy + 1, 2, COLS - 4, line,
			  out.kind == KIND_RETURNED ? ST_ERROR : out.n_missing ? ST_SOON : ST_OK);
		intake_outcome_free(&out);
	}
}

void materials_key(ui *u, ui_key k)
{
	intake_state *in = &u->in;
	enum action a = keymap_action(CTX_MATERIALS, k, false);
	size_t page = (size_t)(UI_BOTTOM - UI_TOP - 8);
	if (list_move(a, &in->msel, in->n_mats, page))
		return;
	u->msg[0] = '\0';
	switch (a) {
	case A_TOGGLE:
		if (in->n_mats)
			in->mats[in->msel] = in->mats[in->msel] == MAT_PRESENT ? MAT_MISSING : MAT_PRESENT;
		break;
	case A_ALL_PRESENT:
		for (size_t i = 0; i < in->n_mats; i++)
			in->mats[i] = MAT_PRESENT;
		break;
	case A_NOT_BROUGHT:
		if (!in->n_mats)
			break;
		if (!in->item->materials[in->msel].main) {
			ui_message(u, true, "%s",
				   _("Only a main material (主件) can be marked as not brought; "
				     "a supporting one is simply missing (Space)."));
			break;
		}
		in->mats[in->msel] = in->mats[in->msel] == MAT_NOT_BROUGHT ? MAT_MISSING : MAT_NOT_BROUGHT;
		break;
	case A_NEXT:
		if (outcome_decide(u)) {
			in->step = STEP_OUTCOME;
			in->oscroll = 0;
		}
		break;
	default:
		break;
	}
}
