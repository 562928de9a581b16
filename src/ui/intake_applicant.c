/* intake_applicant.c - step 1: name, ID number (checked as it is typed:
 * the check that failed shows under the field at once), phone, address,
 * and an optional proxy (代办人).  A returning applicant's details are
 * offered from their earlier case.  Enter runs name -> ID -> phone ->
 * address -> next step (the proxy fields are reached with Tab). */
#include "uipriv.h"

#include "bianmin/idno.h"
#include "bianmin/phone.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const labels[AF__COUNT] = {
	N_("Name"), N_("ID number"), N_("Phone"), N_("Address"), N_("Proxy name"), N_("Proxy ID"),
};

/* Row of each field, relative to the first. */
static const int rows[AF__COUNT] = {0, 2, 4, 6, 9, 11};

#define LABEL_W 16

static void lookup_prior(ui *u)
{
	intake_state *in = &u->in;
	if (strcmp(in->prior_for, in->id_norm) == 0)
		return;
	snprintf(in->prior_for, sizeof in->prior_for, "%s", in->id_norm);
	if (in->has_prior)
		party_free(&in->prior);
	in->has_prior = false;
	bool found = false;
	bm_error err = {0};
	bm_party p;
	memset(&p, 0, sizeof p);
	if (case_previous_applicant(u->store, in->id_norm, &p, &found, &err) != BM_OK) {
		ui_message(u, true, "%s", err.msg);
		return;
	}
	if (found) {
		in->prior = p;
		in->has_prior = true;
	}
}

/* Check the ID as typed: nothing until 18 characters are in, then the
 * resident ID checks (or, for an organisation, the credit code). */
static void id_update(ui *u)
{
	intake_state *in = &u->in;
	in->id_ok = false;
	in->id_msg[0] = '\0';
	size_t n = field_chars(&in->f[AF_ID]);
	if (n < 18)
		return;
	char *id = field_text(&in->f[AF_ID]);
	char norm[40] = "", msg[256] = "";
	idno_status st = idno_check_resident(id, ui_today(), norm, msg, sizeof msg);
	if (st == IDNO_OK) {
		in->id_ok = true;
		in->id_type = IDTYPE_RESIDENT;
	} else if (st == IDNO_CHARS) {
		char un[40] = "", umsg[256] = "";
		if (idno_check_uscc(id, un, umsg, sizeof umsg) == USCC_OK) {
			in->id_ok = true;
			in->id_type = IDTYPE_USCC;
			snprintf(norm, sizeof norm, "%s", un);
		}
	}
	free(id);
	if (in->id_ok) {
		snprintf(in->id_norm, sizeof in->id_norm, "%s", norm);
		lookup_prior(u);
	} else {
		snprintf(in->id_msg, sizeof in->id_msg, "%s", msg);
	}
}

void intake_prefill(ui *u, const char *name, const char *id, const char *phone, const char *address)
{
	intake_state *in = &u->in;
	field_set(&in->f[AF_NAME], name);
	field_set(&in->f[AF_ID], id);
	field_set(&in->f[AF_PHONE], phone);
	field_set(&in->f[AF_ADDRESS], address);
	id_update(u);
	/* the cursor waits where the clerk has to type: the ID when missing */
	in->focus = in->id_ok ? AF_PHONE : AF_ID;
}

void applicant_id_changed(ui *u)
{
	id_update(u);
}

static bool check_proxy(ui *u)
{
	intake_state *in = &u->in;
	in->proxy_msg[0] = '\0';
	bool has_name = !field_empty(&in->f[AF_PROXY_NAME]), has_id = !field_empty(&in->f[AF_PROXY_ID]);
	if (!has_name && !has_id)
		return true;
	if (!has_name) {
		snprintf(in->proxy_msg, sizeof in->proxy_msg, "%s", _("Type the proxy's name, or clear the proxy ID."));
		in->focus = AF_PROXY_NAME;
		return false;
	}
	char *id = field_text(&in->f[AF_PROXY_ID]);
	char msg[256] = "";
	idno_status st = idno_check_resident(id, ui_today(), NULL, msg, sizeof msg);
	free(id);
	if (st != IDNO_OK) {
		snprintf(in->proxy_msg, sizeof in->proxy_msg, "%s",
			 st == IDNO_EMPTY ? _("A proxy needs an ID number.") : msg);
		in->focus = AF_PROXY_ID;
		return false;
	}
	return true;
}

/* phone.h's rule; why gets its sentence */
static bool phone_ok(const field *f, char *why, size_t len)
{
	char *t = field_text(f);
	bool ok = phone_check(t, why, len);
	free(t);
	return ok;
}

/* Can focus leave field i?  If not, say why and stay. */
static bool leave_ok(ui *u, int i)
{
	intake_state *in = &u->in;
	switch (i) {
	case AF_NAME:
		if (field_empty(&in->f[AF_NAME])) {
			ui_message(u, true, "%s", _("Type the applicant's name."));
			return false;
		}
		return true;
	case AF_ID:
		if (in->id_ok)
			return true;
		if (field_chars(&in->f[AF_ID]) < 18)
			ui_message(u, true, _("The ID number has %zu characters; it needs 18."),
				   field_chars(&in->f[AF_ID]));
		else
			ui_message(u, true, _("Wrong ID number: %s"), in->id_msg);
		return false;
	case AF_PHONE: {
		char why[256];
		if (!phone_ok(&in->f[AF_PHONE], why, sizeof why)) {
			ui_message(u, true, "%s", why);
			return false;
		}
		return true;
	}
	default:
		return true;
	}
}

static void submit(ui *u)
{
	intake_state *in = &u->in;
	for (int i = AF_NAME; i <= AF_PHONE; i++)
		if (!leave_ok(u, i)) {
			in->focus = i;
			return;
		}
	if (!check_proxy(u)) {
		ui_message(u, true, "%s", in->proxy_msg);
		return;
	}
	u->msg[0] = '\0';
	in->step = STEP_ITEM;
}

void applicant_draw(ui *u)
{
	intake_state *in = &u->in;
	int y0 = UI_TOP + 2, x = 2, fx = x + LABEL_W + 1;
	int fw = COLS - fx - 24;
	if (fw > 40)
		fw = 40;
	for (int i = 0; i < AF__COUNT; i++) {
		int y = y0 + rows[i];
		draw_text(y, x, LABEL_W, _(labels[i]), i == in->focus ? ST_HEAD : ST_NORMAL);
		int w = i == AF_ADDRESS ? COLS - fx - 3 : fw;
		if (i == AF_ADDRESS && w > 80)
			w = 80;
		field_draw(&in->f[i], y, fx, w, false);
	}
	/* hints beside the fields */
	char count[32];
	snprintf(count, sizeof count, "%zu/18", field_chars(&in->f[AF_ID]));
	if (in->id_ok)
		draw_clip(y0 + rows[AF_ID], fx + fw + 2, COLS - fx - fw - 3, _("✓ valid"), ST_OK);
	else
		draw_clip(y0 + rows[AF_ID], fx + fw + 2, COLS - fx - fw - 3, count, ST_DIM);
	if (in->id_msg[0])
		draw_text(y0 + rows[AF_ID] + 1, fx, COLS - fx - 2, in->id_msg, ST_ERROR);
	draw_clip(y0 + rows[AF_NAME], fx + fw + 2, COLS - fx - fw - 3, _("required"), ST_DIM);
	draw_clip(y0 + rows[AF_PHONE], fx + fw + 2, COLS - fx - fw - 3, _("optional"), ST_DIM);
	draw_text(y0 + rows[AF_PROXY_NAME] - 1, x, COLS - x - 2,
		  _("Proxy (代办人), only when someone applies for the applicant: Tab to reach it"), ST_DIM);
	if (in->proxy_msg[0])
		draw_text(y0 + rows[AF_PROXY_ID] + 1, fx, COLS - fx - 2, in->proxy_msg, ST_ERROR);
	intake_agent_hint(u, y0 + rows[AF_PROXY_NAME], fx + fw + 2, COLS - fx - fw - 3);
	if (in->has_prior) {
		char line[512];
		snprintf(line, sizeof line, _("Earlier case of this ID: %s · %s · %s"), in->prior.name,
			 in->prior.phone ? in->prior.phone : "-", in->prior.address ? in->prior.address : "-");
		int y = y0 + rows[AF_PROXY_ID] + 3;
		if (y <= UI_BOTTOM) {
			char key[32];
			keymap_key_label(A_USE_PRIOR, key, sizeof key);
			int used = draw_clip(y, x, COLS - x - 20, line, ST_WAITING);
			char use[64];
			snprintf(use, sizeof use, _("  %s: use these"), key);
			draw_clip(y, x + used, COLS - x - used - 1, use, ST_HEAD);
		}
	}
	/* last: the focused field, so the hardware cursor ends up in it */
	int w = in->focus == AF_ADDRESS ? (COLS - fx - 3 > 80 ? 80 : COLS - fx - 3) : fw;
	field_draw(&in->f[in->focus], y0 + rows[in->focus], fx, w, true);
}

static void use_prior(ui *u)
{
	intake_state *in = &u->in;
	if (!in->has_prior) {
		ui_message(u, true, "%s", _("No earlier case with this ID number."));
		return;
	}
	field_set(&in->f[AF_NAME], in->prior.name);
	if (in->prior.phone)
		field_set(&in->f[AF_PHONE], in->prior.phone);
	if (in->prior.address)
		field_set(&in->f[AF_ADDRESS], in->prior.address);
	ui_message(u, false, "%s", _("Name, phone and address taken from the earlier case."));
}

void applicant_key(ui *u, ui_key k)
{
	intake_state *in = &u->in;
	enum action a = keymap_action(CTX_APPLICANT, k, true);
	switch (a) {
	case A_NEXT:
		if (!leave_ok(u, in->focus))
			return;
		u->msg[0] = '\0';
		if (in->focus == AF_ADDRESS || in->focus == AF_PROXY_ID ||
		    (in->focus == AF_PROXY_NAME && field_empty(&in->f[AF_PROXY_NAME])))
			submit(u);
		else
			in->focus++;
		return;
	case A_NEXT_FIELD:
	case A_DOWN:
		in->focus = (in->focus + 1) % AF__COUNT;
		return;
	case A_PREV_FIELD:
	case A_UP:
		in->focus = (in->focus + AF__COUNT - 1) % AF__COUNT;
		return;
	case A_USE_PRIOR:
		use_prior(u);
		return;
	default:
		break;
	}
	if (field_key(&in->f[in->focus], k)) {
		if (in->focus == AF_ID)
			id_update(u);
		if (u->msg_error)
			u->msg[0] = '\0';
		if (in->focus >= AF_PROXY_NAME) {
			in->proxy_msg[0] = '\0';
			intake_agent_typed(u);
		}
	}
}
