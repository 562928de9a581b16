/* scr_help.c - F1: the keys of the screen F1 came from, generated from
 * the key table (so it shows the center's own bindings), plus the field
 * editing keys. */
#include "uipriv.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void build(const ui *u, tlines *t, int w)
{
	tl_add(t, w, 0, ST_HEAD, _("Keys on this screen"));
	enum action a;
	for (size_t i = 0; (a = keymap_at(i)) != A_NONE; i++) {
		if (!keymap_in(a, u->help.ctx) || a == A_HELP)
			continue;
		char keys[128];
		keymap_keys_label(a, keys, sizeof keys);
		if (!*keys)
			continue;
		/* key column, then the sentence with a hanging indent */
		char *k = text_pad(keys, 16, true);
		size_t n;
		char **lines = text_wrap(keymap_help(a), w - 19, &n);
		for (size_t j = 0; j < n; j++)
			tl_addf(t, w, 2, ST_NORMAL, "%s %s", j ? "                " : k, lines[j]);
		text_lines_free(lines);
		free(k);
	}
	tl_add(t, w, 0, ST_NORMAL, "");
	tl_add(t, w, 0, ST_HEAD, _("Everywhere"));
	tl_add(t, w, 2, ST_NORMAL, _("F1               this help"));
	tl_add(t, w, 2, ST_NORMAL, _("^L               repaint the screen"));
	if (u->help.ctx & (CTX_LOGIN | CTX_APPLICANT | CTX_ITEM | CTX_SEARCH)) {
		tl_add(t, w, 0, ST_NORMAL, "");
		tl_add(t, w, 0, ST_HEAD, _("In a text field"));
		tl_add(t, w, 2, ST_NORMAL, _("Left, Right      move the cursor; Home/^A, End/^E to the ends"));
		tl_add(t, w, 2, ST_NORMAL, _("Backspace, Del   remove one character (a whole Chinese character)"));
		tl_add(t, w, 2, ST_NORMAL, _("^U               clear the field; ^K clear to the end"));
	}
	tl_add(t, w, 0, ST_NORMAL, "");
	tl_add(t, w, 0, ST_DIM,
	       _("Keys can be changed in center.yaml under keys: (action: [key, ...]); the action names are in "
		 "bianmin(1)."));
}

void help_draw(ui *u)
{
	draw_title(u, _("Help"));
	tlines t = {0};
	build(u, &t, COLS - 4);
	int rows = UI_BOTTOM - UI_TOP;
	int n = tl_draw(&t, UI_TOP + 1, 2, COLS - 4, rows, &u->help.scroll);
	tl_free(&t);
	/* the page says when more follows, and where the clerk is */
	if (n > rows) {
		int pages = (n + rows - 1) / rows, page = u->help.scroll / rows + 1;
		if (u->help.scroll + rows >= n)
			page = pages;
		char line[128];
		snprintf(line, sizeof line,
			 u->help.scroll + rows < n ? _("— page %d of %d: PgDn or Down for more —")
						   : _("— page %d of %d: PgUp for the keys before —"),
			 page, pages);
		draw_right(UI_TOP, 2, COLS - 4, line, ST_HEAD);
	}
}

void help_key(ui *u, ui_key k)
{
	enum action a = keymap_action(CTX_HELP, k, false);
	switch (a) {
	case A_UP: u->help.scroll--; break;
	case A_DOWN: u->help.scroll++; break;
	case A_PGUP: u->help.scroll -= LINES / 2; break;
	case A_PGDN: u->help.scroll += LINES / 2; break;
	case A_HELP:
	case A_BACK:
		u->scr = u->help.from;
		break;
	default:
		if (!k.fn && (k.ch == L'q' || k.ch == L'\r'))
			u->scr = u->help.from;
		break;
	}
}
