/* intake_item.c - step 2: type to filter the catalog (item_find.h: the
 * code with or without its hyphen, part of the name, pinyin initials or
 * whole syllables, one wrong letter, a keyword; what this window took most
 * in the last 90 days first); Up/Down select; Enter picks. */
#include "uipriv.h"

#include "bianmin/eligible.h"
#include "bianmin/item_find.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void item_refilter(ui *u)
{
	intake_state *in = &u->in;
	char *q = field_text(&in->filter);
	size_t n = u->catalog->n_items;
	free(in->matches);
	in->matches = bm_xcalloc(n ? n : 1, sizeof *in->matches);
	if (!in->uses) {
		/* this window's items of the last 90 days first, among equals */
		in->uses = bm_xcalloc(n ? n : 1, sizeof *in->uses);
		bm_error err = {0};
		if (item_find_uses(u->store, u->catalog, u->clerk.window, u->clerk.code, ui_today() - 90, in->uses,
				   &err) != BM_OK)
			ui_message(u, true, "%s", err.msg);
	}
	in->n_matches = item_find(u->catalog, q, in->uses, in->matches);
	free(q);
	in->sel = 0;
	in->top = 0;
	in->item_moved = false;
}

static const char *limit_text(const bm_item *it, char *buf, size_t len)
{
	if (it->regime == REGIME_DIRECT)
		snprintf(buf, len, "%s", _("on the spot"));
	else if (it->promised_days >= 0)
		snprintf(buf, len, _("%d wd"), it->promised_days);
	else
		snprintf(buf, len, "-");
	return buf;
}

static const char *fee_text(const bm_item *it, char *buf)
{
	if (!it->has_fee || it->fee_fen == 0)
		return _("free");
	return bm_money_format(it->fee_fen, buf);
}

/* The regime label for a column of w: when the whole label does not fit,
 * its words before the bracket ("控制办理（不予受理）" -> "控制办理"),
 * not a clipped "控制办 …". */
static const char *regime_short(bm_regime r, int w, char *buf, size_t len)
{
	const char *s = regime_label(r);
	if (text_width(s) <= w)
		return s;
	snprintf(buf, len, "%s", s);
	char *cut = strstr(buf, "（");
	char *ascii = strstr(buf, " (");
	if (!cut || (ascii && ascii < cut))
		cut = ascii;
	if (cut && cut > buf)
		*cut = '\0';
	return buf;
}

void item_draw(ui *u)
{
	intake_state *in = &u->in;
	if (!in->matches)
		item_refilter(u);
	int y = UI_TOP + 2;
	char line[512];
	{
		char *name = field_text(&in->f[AF_NAME]);
		snprintf(line, sizeof line, _("Applicant: %s · %s"), name, in->id_norm);
		free(name);
		draw_text(y, 2, COLS - 4, line, ST_DIM);
	}
	y += 1;
	draw_text(y + 1, 2, 12, _("Find item"), ST_HEAD);
	snprintf(line, sizeof line, _("%zu of %zu items"), in->n_matches, u->catalog->n_items);
	draw_right(y + 1, COLS - 22, 20, line, ST_DIM);
	draw_text(y + 2, 15, COLS - 17, _("code, name, pinyin (dbsq, dibao) or keyword"), ST_DIM);

	int wide = COLS >= 120;
	int wcode = 10, wreg = 8, wwin = wide ? 14 : 8, wlim = 11, wfee = 8;
	if (wide) {
		/* room enough: the regime column fits its longest label */
		for (int r = REGIME_DIRECT; r <= REGIME_CONTROL; r++) {
			int lw = text_width(regime_label((bm_regime)r));
			if (lw > wreg)
				wreg = lw;
		}
	}
	int wname = COLS - 2 - wcode - wreg - wwin - wlim - wfee - 6 - 2;
	int hy = y + 4;
	int xs[6], ws[6] = {wcode, wname, wreg, wwin, wlim, wfee};
	xs[0] = 2;
	for (int i = 1; i < 6; i++)
		xs[i] = xs[i - 1] + ws[i - 1] + 1;
	static const char *const heads[6] = {N_("Code"), N_("Item"), N_("Regime"), N_("Window"), N_("Limit"),
					     N_("Fee")};
	for (int i = 0; i < 6; i++)
		draw_text(hy, xs[i], ws[i], _(heads[i]), ST_HEAD);
	int detail = 3;
	size_t rows = (size_t)(UI_BOTTOM - hy - detail);
	list_follow(in->sel, &in->top, rows);
	for (size_t r = 0; r < rows && in->top + r < in->n_matches; r++) {
		size_t k = in->top + r;
		const bm_item *it = &u->catalog->items[in->matches[k]];
		int yy = hy + 1 + (int)r;
		enum style st = k == in->sel ? ST_SELECT : ST_NORMAL;
		if (k == in->sel)
			draw_fill(yy, 0, COLS, ST_SELECT);
		char lim[32], fee[24], reg[128];
		draw_text(yy, xs[0], ws[0], it->code, st);
		draw_text(yy, xs[1], ws[1], it->name, st);
		draw_text(yy, xs[2], ws[2], regime_short(it->regime, ws[2], reg, sizeof reg), st);
		draw_text(yy, xs[3], ws[3], it->window, st);
		draw_text(yy, xs[4], ws[4], limit_text(it, lim, sizeof lim), st);
		draw_right(yy, xs[5], ws[5], fee_text(it, fee), st);
	}
	if (in->n_matches == 0)
		draw_text(hy + 2, 4, COLS - 8, _("No item matches. Backspace to widen the search."), ST_DIM);
	else {
		const bm_item *it = &u->catalog->items[in->matches[in->sel]];
		int main_n = 0;
		for (size_t i = 0; i < it->n_materials; i++)
			main_n += it->materials[i].main;
		snprintf(line, sizeof line, _("%s: %zu materials (%d main) · %s%s%s"), it->name, it->n_materials,
			 main_n, it->department ? it->department : it->window, it->basis ? " · " : "",
			 it->basis ? it->basis : "");
		/* an item this applicant may not have says why, in full */
		char why[512];
		bool ok = item_eligible(it, in->id_type, in->id_norm, ui_today(), why, sizeof why);
		draw_wrapped(UI_BOTTOM - detail + 2, 2, COLS - 4, 2, ok ? line : why, ok ? ST_DIM : ST_ERROR);
	}
	field_draw(&in->filter, y + 1, 15, COLS - 15 - 24, true);
}

static void pick(ui *u)
{
	intake_state *in = &u->in;
	if (in->n_matches == 0) {
		ui_message(u, true, "%s", _("No item to pick: change the search."));
		return;
	}
	/* an empty search lists every item: Enter there picks nothing the
	 * clerk chose, unless the clerk moved to one */
	if (field_empty(&in->filter) && !in->item_moved && in->item == NULL) {
		ui_message(u, true, "%s", _("Type the item's code, name or pinyin, or move to it with Up/Down."));
		return;
	}
	const bm_item *it = &u->catalog->items[in->matches[in->sel]];
	if (!intake_agent_item(u, &it))   /* proxy: false, or the item with its 授权委托书 */
		return;
	if (intake_item_allowed(u, it))
		item_take(u, it);
}

void item_key(ui *u, ui_key k)
{
	intake_state *in = &u->in;
	if (!in->matches)
		item_refilter(u);
	enum action a = keymap_action(CTX_ITEM, k, true);
	size_t page = (size_t)(UI_BOTTOM - UI_TOP - 10);
	if (list_move(a, &in->sel, in->n_matches, page)) {
		in->item_moved = true;
		return;
	}
	if (a == A_NEXT) {
		pick(u);
		return;
	}
	if (field_key(&in->filter, k))
		item_refilter(u);
}
