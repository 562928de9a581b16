/* ui_main.c - the loop: load, open the screen, draw the current screen,
 * read one key with get_wch, hand it to the screen.  The loop alone owns
 * KEY_RESIZE (ncurses delivers it; no curses call in a signal handler)
 * and the "terminal too small" screen, so a resize in the middle of
 * typing redraws everything and loses nothing. */
#include "bianmin/ui.h"
#include "uipriv.h"

#include <curses.h>
#include <langinfo.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Do the keys of the status line from table index i on not fit in room
 * columns?  (Then a "more" mark takes the last place.) */
static bool status_rest_wider(const ui *u, int ctx, size_t i, int room)
{
	enum action a;
	for (; (a = keymap_at(i)) != A_NONE; i++) {
		if (!keymap_in(a, ctx) || !keymap_on_status(a))
			continue;
		if ((ctx & (CTX_CASE | CTX_HOME | CTX_REPORT)) && !case_action_allowed(u, a, NULL))
			continue;
		char kb[32];
		keymap_key_label(a, kb, sizeof kb);
		if (!*kb)
			continue;
		room -= text_width(kb) + text_width(keymap_label(a)) + 2;
		if (room < 0)
			return true;
	}
	return room < 0;
}

/* The bottom line, generated from the key table for this screen. */
static void draw_status(const ui *u)
{
	int ctx = ui_context(u);
	int y = LINES - 1, x = 0;
	move(y, 0);
	clrtoeol();
	if (u->prompt.active) {
		draw_text(y, 0, COLS, _(" y Yes   n No   Esc Cancel"), ST_LABEL);
		return;
	}
	/* when the keys do not all fit, the last place says so: "F1 more" */
	char more[64], hk[32];
	keymap_key_label(A_HELP, hk, sizeof hk);
	snprintf(more, sizeof more, _("%s more…"), hk);
	int more_w = text_width(more) + 1;
	/* and then "F1 Help" at the start would say it twice */
	bool overflow = status_rest_wider(u, ctx, 0, COLS);
	enum action a;
	for (size_t i = 0; (a = keymap_at(i)) != A_NONE; i++) {
		if (!keymap_in(a, ctx) || !keymap_on_status(a) || (overflow && a == A_HELP))
			continue;
		if ((ctx & (CTX_CASE | CTX_HOME | CTX_REPORT)) && !case_action_allowed(u, a, NULL))
			continue;    /* only the steps this clerk may take on this case now */
		char kb[32];
		keymap_key_label(a, kb, sizeof kb);
		if (!*kb)
			continue;
		const char *label = keymap_label(a);
		if (a == A_TOGGLE && ctx == CTX_DIALOG) {
			/* in a step's form Space ticks a row or takes the next choice */
			enum dlg_kind dk = u->dlg.fl[u->dlg.focus].kind;
			if (dk == DF_TEXT)
				continue;
			label = dk == DF_CHECKS ? _("Tick") : _("Next choice");
		}
		int need = text_width(kb) + text_width(label) + 2;
		if (x + need > COLS - more_w && status_rest_wider(u, ctx, i + 1, COLS - x - need)) {
			draw_clip(y, COLS - more_w, more_w, more, ST_KEY);
			break;
		}
		x += draw_clip(y, x, COLS - x, kb, ST_KEY);
		x += 1;
		x += draw_clip(y, x, COLS - x, label, ST_LABEL);
		x += 1;
	}
}

static void draw_prompt(const ui *u)
{
	int w = text_width(u->prompt.question) + 4;
	if (w > COLS - 4)
		w = COLS - 4;
	int y = LINES / 2 - 1, x = (COLS - w) / 2;
	draw_fill(y - 1, x, w, ST_SELECT);
	draw_text(y, x, w, "", ST_SELECT);
	draw_text(y, x + 2, w - 4, u->prompt.question, ST_SELECT);
	draw_fill(y + 1, x, w, ST_SELECT);
	ui_set_cursor(y, x + 2 + text_width(u->prompt.question) < x + w ? x + 2 + text_width(u->prompt.question)
									  : x + w - 1);
}

static void draw_too_small(void)
{
	erase();
	char line[128];
	snprintf(line, sizeof line, _("Terminal too small: %dx%d."), COLS, LINES);
	char need[128];
	snprintf(need, sizeof need, _("bianmin needs at least %dx%d."), UI_MIN_COLS, UI_MIN_LINES);
	int y = LINES / 2 - 1;
	draw_clip(y > 0 ? y : 0, 0, COLS, line, ST_ERROR);
	draw_clip(y + 1, 0, COLS, need, ST_NORMAL);
	draw_clip(y + 2, 0, COLS, _("Text typed meanwhile is kept."), ST_NORMAL);
}

static void draw_all(ui *u)
{
	/* A prompt or form drawn over Chinese text splits wide characters;
	 * when one comes or goes, repaint the whole terminal, else the halves
	 * left behind show as gaps in the text (已 发居民...). */
	static int last_overlays = -1;
	int overlays = u->prompt.active << 2 | u->dlg.active << 1 | u->view.active;
	if (overlays != last_overlays)
		clearok(curscr, TRUE);
	last_overlays = overlays;
	ui_set_cursor(-1, -1);
	if (COLS < UI_MIN_COLS || LINES < UI_MIN_LINES) {
		draw_too_small();
		curs_set(0);
		refresh();
		return;
	}
	erase();
	switch (u->scr) {
	case SCR_LOGIN: login_draw(u); break;
	case SCR_HOME: home_draw(u); break;
	case SCR_INTAKE: intake_draw(u); break;
	case SCR_CASE: case_draw(u); break;
	case SCR_SEARCH: search_draw(u); break;
	case SCR_HELP: help_draw(u); break;
	case SCR_REPORT: report_draw(u); break;
	case SCR_AGENTS: agents_draw(u); break;
	case SCR_BOOKS: books_draw(u); break;
	case SCR__COUNT: break;
	}
	move(LINES - 2, 0);
	clrtoeol();
	if (u->msg[0] && text_width(u->msg) > COLS - 2) {
		/* a long message (a spool path) takes the row above too rather
		 * than being clipped: the clerk must see where a paper went */
		draw_fill(LINES - 3, 0, COLS, ST_NORMAL);
		draw_wrapped(LINES - 3, 1, COLS - 2, 2, u->msg, u->msg_error ? ST_ERROR : ST_OK);
	} else if (u->msg[0]) {
		draw_text(LINES - 2, 1, COLS - 2, u->msg, u->msg_error ? ST_ERROR : ST_OK);
	}
	draw_status(u);
	if (u->view.active && u->scr != SCR_HELP) {
		ui_set_cursor(-1, -1);   /* not left in a field under the view */
		view_draw(u);
	}
	if (u->dlg.active && u->scr != SCR_HELP) {
		ui_set_cursor(-1, -1);
		dlg_draw(u);
	}
	if (u->prompt.active)
		draw_prompt(u);
	int cursor_y, cursor_x;
	ui_cursor_get(&cursor_y, &cursor_x);
	if (cursor_y >= 0) {
		curs_set(1);
		move(cursor_y, cursor_x);
	} else {
		curs_set(0);
		move(LINES - 1, COLS - 1);
	}
	refresh();
}

static void prompt_key(ui *u, ui_key k)
{
	if (k.fn)
		return;
	if (k.ch == L'y' || k.ch == L'Y') {
		u->prompt.active = false;
		if (u->prompt.on_yes)
			u->prompt.on_yes(u);
	} else if (k.ch == L'n' || k.ch == L'N' || k.ch == 27) {
		u->prompt.active = false;
	}
}

static void dispatch(ui *u, ui_key k)
{
	if (u->prompt.active) {
		prompt_key(u, k);
		return;
	}
	/* F1 from anywhere (typing or not): help for this screen */
	if (keymap_action(ui_context(u), k, true) == A_HELP && u->scr != SCR_HELP) {
		u->help.from = u->scr;
		u->help.ctx = ui_context(u);
		u->help.scroll = 0;
		u->scr = SCR_HELP;
		return;
	}
	if (u->dlg.active && u->scr != SCR_HELP) {
		dlg_key(u, k);
		return;
	}
	if (u->view.active && u->scr != SCR_HELP) {
		view_key(u, k);
		return;
	}
	switch (u->scr) {
	case SCR_LOGIN: login_key(u, k); break;
	case SCR_HOME: home_key(u, k); break;
	case SCR_INTAKE: intake_key(u, k); break;
	case SCR_CASE: case_key(u, k); break;
	case SCR_SEARCH: search_key(u, k); break;
	case SCR_HELP: help_key(u, k); break;
	case SCR_REPORT: report_key(u, k); break;
	case SCR_AGENTS: agents_key(u, k); break;
	case SCR_BOOKS: books_key(u, k); break;
	case SCR__COUNT: break;
	}
}

static bool load(ui *u)
{
	bm_diags d = {0};
	u->center = app_center(u->app, &d);
	u->catalog = u->center ? app_catalog(u->app, &d) : NULL;
	u->cal = u->catalog ? app_calendar(u->app, &d) : NULL;
	if (!u->center || !u->catalog || !u->cal) {
		diags_print(&d, stderr);
		diags_free(&d);
		return false;
	}
	diags_free(&d);
	bm_error err = {0};
	u->store = app_store(u->app, &err);
	if (!u->store) {
		fprintf(stderr, "bianmin: %s\n", err.msg);
		return false;
	}
	int n = 0;
	if (auth_clerk_count(u->store, &n, &err) == BM_OK && n == 0)
		ui_message(u, true, "%s",
			   _("No clerks yet: add one with 'bianmin clerk add', or try 'bianmin demo'."));
	return true;
}

static void ui_free(ui *u)
{
	field_free(&u->login.code);
	field_free(&u->login.pin);
	field_free(&u->search.q);
	intake_free(&u->in);
	dlg_close(u);
	view_close(u);
	home_watch_free(u);
	report_free(u);
	agents_screen_free(u);
	books_free(u);
	free(u->home.marks);
	case_summaries_free(u->home.rows, u->home.n_rows);
	case_summaries_free(u->search.rows, u->search.n_rows);
	if (u->cv.loaded)
		case_free(&u->cv.kase);
	if (u->logged_in)
		auth_clerk_free(&u->clerk);
}

/* The home list reloads itself after BIANMIN_REFRESH seconds (default 30,
 * 0 = never) without a key, so cases handed over or changed at other
 * windows show up without F5 - but only when nothing is open over it and
 * no row is marked for a handover. */
static int home_refresh_ms(void)
{
	static int ms = -2;
	if (ms == -2) {
		const char *e = getenv("BIANMIN_REFRESH");
		long sec = 30;
		if (e && *e) {
			char *end;
			sec = strtol(e, &end, 10);
			if (*end || sec < 0 || sec > 86400)
				sec = 30;
		}
		ms = sec ? (int)(sec * 1000) : -1;
	}
	return ms;
}

/* A quiet home screen: the clock for the reload runs. */
static bool home_quiet(const ui *u)
{
	return home_refresh_ms() >= 0 && u->logged_in && u->scr == SCR_HOME && u->home.mode == HOME_MINE &&
	       !u->prompt.active && !u->dlg.active && !u->view.active;
}

static bool home_has_marks(const ui *u)
{
	for (size_t i = 0; u->home.marks && i < u->home.n_rows; i++)
		if (u->home.marks[i])
			return true;
	return false;
}

/* The reload is due: reload, or - when rows are marked for a handover,
 * which a reload would lose - say once that the list is held. */
static void home_reload_due(ui *u)
{
	if (!home_has_marks(u)) {
		home_reload(u);   /* what other windows did shows up without F5 */
		u->home.held_said = false;
	} else if (!u->home.held_said) {
		ui_message(u, false, "%s", _("The list is held while rows are marked; unmark them to see changes."));
		u->home.held_said = true;
	}
}

int ui_main(bm_app *app)
{
	ui *u = bm_xcalloc(1, sizeof *u);
	u->app = app;
	if (!load(u)) {
		free(u);
		return 1;
	}
	char *warn = NULL;
	keymap_init(u->center, &warn);
	if (warn) {
		ui_message(u, true, "%s", warn);
		free(warn);
	}
	field_init(&u->login.code, 20, false);
	field_init(&u->login.pin, AUTH_PIN_MAX, true);
	field_init(&u->search.q, 60, false);
	u->scr = SCR_LOGIN;

	/* Chinese text needs a UTF-8 character type; under plain "C" or
	 * POSIX take C.UTF-8 for it (messages keep the locale asked for). */
	if (strcmp(nl_langinfo(CODESET), "UTF-8") != 0 && !setlocale(LC_CTYPE, "C.UTF-8"))
		fprintf(stderr, "%s\n", _("bianmin: warning: not a UTF-8 locale; Chinese text will not show. "
					  "Set LANG=zh_CN.UTF-8 or C.UTF-8."));
	initscr();
	raw();            /* ^C, ^S, ^Z are keys, not signals: nothing typed is lost */
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	draw_init_colors();

	enum { HELD_MAX = 256 };
	ui_key held[HELD_MAX];
	size_t n_held = 0;
	while (!u->quit) {
		if (n_held && COLS >= UI_MIN_COLS && LINES >= UI_MIN_LINES) {
			for (size_t i = 0; i < n_held; i++)
				dispatch(u, held[i]);
			n_held = 0;
		}
		if (u->scr == SCR_HOME && u->home.dirty && u->logged_in)
			home_reload(u);   /* what a step or another screen changed */
		draw_all(u);
		/* while a wait after wrong PINs counts down, wake every second;
		 * on a quiet home screen, every BIANMIN_REFRESH seconds */
		timeout(u->login.wait_until ? 250
			: home_quiet(u) && !(home_has_marks(u) && u->home.held_said) ? home_refresh_ms() : -1);
		wint_t ch;
		int r = get_wch(&ch);
		if (r == ERR) {
			if (!u->login.wait_until && home_quiet(u))
				home_reload_due(u);
			continue;
		}
		ui_key k = {r == KEY_CODE_YES, ch};
		if (k.fn && ch == KEY_RESIZE)
			continue;          /* LINES/COLS are new; the next draw fits them */
		if (COLS < UI_MIN_COLS || LINES < UI_MIN_LINES) {
			/* text typed meanwhile is kept and goes in when the
			 * terminal is big enough again; other keys are not acted
			 * on blind */
			if (!k.fn && ch >= 32 && ch != 127 && n_held < HELD_MAX)
				held[n_held++] = k;
			continue;
		}
		for (size_t i = 0; i < n_held; i++)
			dispatch(u, held[i]);
		n_held = 0;
		if (!k.fn && ch == 12) {  /* ^L: repaint */
			clearok(curscr, TRUE);
			continue;
		}
		dispatch(u, k);
	}
	endwin();
	ui_free(u);
	free(u);
	app_store_close(app);
	return 0;
}
