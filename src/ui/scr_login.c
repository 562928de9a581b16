/* scr_login.c - 工号 and PIN.  After a wrong PIN the next try waits
 * 1, 2, 4, 8 ... seconds (at most 60), shown as a countdown. */
#include "uipriv.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

static int64_t wait_left(ui *u)
{
	if (!u->login.wait_until)
		return 0;
	int64_t left = u->login.wait_until - ui_now().epoch;
	if (left <= 0) {
		/* the "wrong" message stays until the clerk types or tries again */
		u->login.wait_until = 0;
		return 0;
	}
	return left;
}

void login_draw(ui *u)
{
	draw_title(u, _("Log in"));
	int w = 40, x = (COLS - w) / 2, y = LINES / 2 - 5;
	draw_text(y, x, w, _("Convenience service counter"), ST_HEAD);
	draw_text(y + 2, x, 14, _("Clerk number"), ST_NORMAL);
	draw_text(y + 4, x, 14, _("PIN"), ST_NORMAL);
	int64_t left = wait_left(u);
	field_draw(&u->login.code, y + 2, x + 15, 20, u->login.focus == 0);
	field_draw(&u->login.pin, y + 4, x + 15, 20, u->login.focus == 1);
	if (left) {
		char line[128];
		snprintf(line, sizeof line, _("Wrong PIN. Wait %lld s before the next try."), (long long)left);
		draw_text(y + 6, x, w + 20, line, ST_ERROR);
	}
	draw_text(y + 8, x, w + 20, _("Enter: next field / log in    F10: quit"), ST_DIM);
}

static void try_login(ui *u)
{
	char *code = field_text(&u->login.code);
	char *pin = field_text(&u->login.pin);
	bm_error err = {0};
	bm_clerk c;
	memset(&c, 0, sizeof c);
	int rc = auth_login(u->store, code, pin, &c, &err);
	free(pin);
	field_clear(&u->login.pin);
	if (rc == BM_OK) {
		u->clerk = c;
		u->logged_in = true;
		u->login.fails = 0;
		u->msg[0] = '\0';
		free(code);
		u->home.dirty = true;
		ui_goto(u, SCR_HOME);
		intake_draft_offer(u);
		return;
	}
	free(code);
	if (rc == BM_EDENIED || rc == BM_ENOTFOUND) {
		u->login.fails++;
		int wait = 1 << (u->login.fails > 6 ? 6 : u->login.fails - 1);
		if (wait > 60)
			wait = 60;
		u->login.wait_until = ui_now().epoch + wait;
		/* one message for both: do not tell which 工号 exist */
		ui_message(u, true, "%s", _("Clerk number or PIN is wrong."));
		u->login.focus = 1;
		if (rc == BM_ENOTFOUND)
			u->login.focus = 0;
	} else {
		ui_message(u, true, "%s", err.msg);
	}
}

void login_key(ui *u, ui_key k)
{
	enum action a = keymap_action(CTX_LOGIN, k, true);
	if (a == A_QUIT) {
		u->quit = true;
		return;
	}
	field *f = u->login.focus == 0 ? &u->login.code : &u->login.pin;
	switch (a) {
	case A_NEXT:
		/* typing goes on during the countdown; only the try waits */
		if (u->login.focus == 1 && !field_empty(&u->login.code) && wait_left(u)) {
			ui_message(u, true, _("Wait %lld s, then press Enter again; what you typed is kept."),
				   (long long)wait_left(u));
			return;
		}
		if (u->login.focus == 0) {
			if (field_empty(&u->login.code)) {
				ui_message(u, true, "%s", _("Type your clerk number (工号)."));
				return;
			}
			u->login.focus = 1;
		} else if (field_empty(&u->login.code)) {
			u->login.focus = 0;
		} else {
			try_login(u);
		}
		return;
	case A_NEXT_FIELD:
	case A_PREV_FIELD:
		u->login.focus = !u->login.focus;
		return;
	default:
		break;
	}
	/* the "wrong PIN" message stays while the clerk types again: it is
	 * replaced by the next try's */
	field_key(f, k);
}
