/* intake_outcome.c - step 4: the decision (intake_decide, pure), the full
 * one-time notice (一次性告知: every missing material with its form and
 * copies), fee and due date, as the paper will say them.  One key
 * confirms: case_accept saves it in one transaction, then the paper
 * prints.  Overriding the decision needs a written reason. */
#include "uipriv.h"
#include "bianmin/ledger.h"

#include "bianmin/duplicate.h"

#include "bianmin/idno.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void input_for(ui *u, intake_input *ii, bm_day today)
{
	intake_state *in = &u->in;
	memset(ii, 0, sizeof *ii);
	ii->item = in->item;
	ii->materials = in->mats;
	ii->today = today;
	ii->cal = u->cal;
	ii->override = in->override;
	ii->override_kind = in->override_kind;
	ii->override_reason = in->override_reason;
}

static bool decide(ui *u, bm_day today)
{
	intake_state *in = &u->in;
	if (in->decided)
		intake_outcome_free(&in->out);
	in->decided = false;
	intake_input ii;
	input_for(u, &ii, today);
	bm_error err = {0};
	if (intake_decide(&ii, &in->out, &err) != BM_OK) {
		ui_message(u, true, "%s", err.msg);
		return false;
	}
	in->decided = true;
	return true;
}

bool outcome_decide(ui *u)
{
	return decide(u, ui_today());
}

/* The display width of what comes before `text` in s (the "1. " of a
 * numbered line, as the translation puts it), so that wrapped lines hang
 * under the text; at most a third of a line. */
static int lead_width(const char *s, const char *text)
{
	const char *p = text && *text ? strstr(s, text) : NULL;
	int lw = p ? text_width_n(s, (size_t)(p - s)) : 0;
	return lw <= COLS / 3 ? lw : 0;
}

static void build(ui *u, tlines *t, int w)
{
	intake_state *in = &u->in;
	const intake_outcome *o = &in->out;
	const bm_item *it = in->item;
	char day[16], fee[24];
	tl_addf(t, w, 0, o->kind == KIND_RETURNED ? ST_ERROR : ST_OK, _("Outcome: %s"), kind_label(o->kind));
	if (o->overridden)
		tl_addf(t, w, 2, ST_SOON, _("Overridden: the rules said %s. Reason: %s"), kind_label(o->decided),
			in->override_reason ? in->override_reason : "");
	char *name = field_text(&in->f[AF_NAME]);
	tl_addf(t, w, 0, ST_NORMAL, _("Applicant: %s · %s"), name, in->id_norm);
	free(name);
	if (!field_empty(&in->f[AF_PROXY_NAME])) {   /* 代办: shown before it is saved */
		char *pn = field_text(&in->f[AF_PROXY_NAME]), *pid = field_text(&in->f[AF_PROXY_ID]);
		tl_addf(t, w, 0, ST_NORMAL, _("Proxy: %s · %s"), pn, *pid ? pid : "-");
		free(pn);
		free(pid);
	}
	tl_addf(t, w, 0, ST_NORMAL, _("Item: %s (%s) · %s · %s"), it->name, it->code, regime_label(it->regime),
		it->window);
	if (o->kind == KIND_IMMEDIATE)
		tl_add(t, w, 0, ST_NORMAL, _("Done on the spot (即办): completed when confirmed."));
	else if (o->due != BM_NO_DAY)
		tl_addf(t, w, 0, ST_NORMAL, _("Time limit: %d working days · due %s%s"), o->limit_days,
			bm_day_format(o->due, day), o->due_uncertain ? _(" (provisional, 暂定)") : "");
	else if (!o->clock_running && o->kind == KIND_SUPPLEMENT)
		tl_addf(t, w, 0, ST_NORMAL,
			_("Time limit: %d working days, counted from the day the last material arrives."),
			o->limit_days);
	if (o->kind == KIND_FORWARDED && it->forward_to)
		tl_addf(t, w, 0, ST_NORMAL, _("Forwarded to: %s"), it->forward_to);
	if (o->kind == KIND_JOINT && it->n_joint_windows) {
		bm_buf b = {0};
		for (size_t i = 0; i < it->n_joint_windows; i++)
			bm_buf_printf(&b, "%s%s", i ? ", " : "", it->joint_windows[i]);
		tl_addf(t, w, 0, ST_NORMAL, _("Joint review with: %s"), b.data ? b.data : "");
		bm_buf_free(&b);
	}
	if (o->fee_fen > 0)
		tl_addf(t, w, 0, ST_NORMAL, _("Fee: %s yuan (%s), charged once, with a receipt"),
			bm_money_format(o->fee_fen, fee), it->fee_basis ? it->fee_basis : "");
	else
		tl_add(t, w, 0, ST_NORMAL, _("Fee: none"));
	if (o->kind == KIND_RETURNED && o->reason) {
		char buf[2048];
		snprintf(buf, sizeof buf, _("Reason: %s"), o->reason);
		tl_addh(t, w, 0, lead_width(buf, o->reason), ST_ERROR, buf);
	}
	tl_add(t, w, 0, ST_NORMAL, "");
	if (o->n_missing) {
		tl_addf(t, w, 0, ST_HEAD, _("One-time notice (一次性告知): %zu materials still to bring"), o->n_missing);
		for (size_t i = 0; i < o->n_missing; i++) {
			const bm_material *m = &it->materials[o->missing[i]];
			bool nb = in->mats[o->missing[i]] == MAT_NOT_BROUGHT;
			char copies[64];
			snprintf(copies, sizeof copies, ngettext("%d copy", "%d copies", (unsigned long)m->copies),
				 m->copies);
			char buf[2048];
			snprintf(buf, sizeof buf, _("%zu. %s — %s, %s (%s)%s%s%s"), i + 1, m->name, form_label(m->form),
				 copies, m->main ? _("main") : _("supporting"), nb ? _(", has it, not brought") : "",
				 m->note ? _("; ") : "", m->note ? m->note : "");
			tl_addh(t, w, 2, 2 + lead_width(buf, m->name), ST_NORMAL, buf);
		}
	} else {
		tl_add(t, w, 0, ST_HEAD, _("All materials present."));
	}
}

static const bm_kind override_kinds[] = {KIND_IMMEDIATE, KIND_PROMISED, KIND_SUPPLEMENT,
					KIND_RETURNED,  KIND_JOINT,    KIND_FORWARDED};

void outcome_draw(ui *u)
{
	intake_state *in = &u->in;
	if (!in->decided)
		return;
	int y = UI_TOP + 2, w = COLS - 4;
	tlines t = {0};
	build(u, &t, w);
	int rows = UI_BOTTOM - y - 1 - (in->override_stage ? 9 : 0);
	tl_draw(&t, y, 2, w, rows, &in->oscroll);
	if ((int)t.n > rows)
		draw_right(UI_BOTTOM, COLS - 30, 28, _("Up/Down: more"), ST_DIM);
	tl_free(&t);
	char key[32], line[256];
	keymap_key_label(A_CONFIRM, key, sizeof key);
	snprintf(line, sizeof line, _("%s: confirm, save and print"), key);
	draw_text(UI_BOTTOM, 2, COLS - 34, line, ST_HEAD);
	/* the terminal's cursor on the decision, not in a corner */
	ui_set_cursor(y, 2);
	if (in->override_stage) {
		int oy = UI_BOTTOM - 9;
		draw_fill(oy, 0, COLS, ST_NORMAL);
		draw_text(oy, 2, COLS - 4, _("Override the decision: pick the kind (Up/Down, Enter), then type the reason"),
			  ST_HEAD);
		for (size_t i = 0; i < 6; i++) {
			bool sel = i == in->override_sel;
			draw_text(oy + 1 + (int)i, 4, 30, kind_label(override_kinds[i]),
				  sel ? (in->override_stage == 1 ? ST_SELECT : ST_HEAD) : ST_NORMAL);
			if (sel && in->override_stage == 1)
				ui_set_cursor(oy + 1 + (int)i, 4);
		}
		draw_text(oy + 7, 2, 10, _("Reason"), ST_NORMAL);
		if (in->override_stage == 2)
			field_draw(&in->reason, oy + 7, 13, COLS - 16, true);
	}
}

static void confirm(ui *u)
{
	intake_state *in = &u->in;
	bm_time entered = ui_now();
	bm_time now = in->has_from_time ? in->from_time : entered;   /* received: 上门服务, the visit's time */
	/* decide again at the moment of saving, so the date is today's */
	if (!decide(u, bm_time_day(now)))
		return;
	intake_input ii;
	input_for(u, &ii, bm_time_day(now));
	bm_party p;
	memset(&p, 0, sizeof p);
	p.name = field_text(&in->f[AF_NAME]);
	p.id_type = in->id_type;
	p.id_no = bm_xstrdup(in->id_norm);
	p.phone = field_empty(&in->f[AF_PHONE]) ? NULL : field_text(&in->f[AF_PHONE]);
	p.address = field_empty(&in->f[AF_ADDRESS]) ? NULL : field_text(&in->f[AF_ADDRESS]);
	char *proxy_name = field_empty(&in->f[AF_PROXY_NAME]) ? NULL : field_text(&in->f[AF_PROXY_NAME]);
	char *proxy_id = NULL;
	if (proxy_name) {
		char *raw = field_text(&in->f[AF_PROXY_ID]);
		char norm[40] = "";
		if (idno_check_resident(raw, bm_time_day(now), norm, NULL, 0) == IDNO_OK)
			proxy_id = bm_xstrdup(norm);
		free(raw);
	}
	case_intake ci;
	memset(&ci, 0, sizeof ci);
	ci.center_code = u->center->code;
	ci.catalog_fingerprint = u->catalog->fingerprint;
	ci.applicant = &p;
	ci.proxy_name = proxy_name;
	ci.proxy_id = proxy_id;
	ci.agent_code = in->agent_code[0] ? in->agent_code : NULL;   /* a registered 代办员 */
	ci.proxy_is_agent = ci.agent_code != NULL;
	ci.clerk = u->clerk.code;
	ci.now = entered;   /* its events: the ledger's clock never goes back */
	ci.received = now;
	ci.visit = in->has_from_time ? in->from_entry : NULL;
	bm_error err = {0};
	char no[CASE_NO_MAX] = "";
	/* the case, its 延时服务 mark, its link to a book entry: one transaction */
	bool extended = false;
	int rc = store_begin(u->store, &err);
	if (!rc)
		rc = case_accept_noted(u->store, &ci, &ii, &in->out, in->dup_reason ? in->dup_of : NULL, in->dup_reason,
				       no, &err);
	if (!rc)
		rc = books_after_intake(u, no, p.name, ii.item->name, now, entered, &extended, &err);
	if (!rc)
		rc = store_commit(u->store, &err);
	else if (store_in_transaction(u->store))
		store_rollback(u->store);
	party_free(&p);
	free(proxy_name);
	free(proxy_id);
	if (rc != BM_OK) {
		ui_message(u, true, _("Not saved: %s"), err.msg);
		return;
	}
	snprintf(in->case_no, sizeof in->case_no, "%s", no);
	in->step = STEP_DONE;
	u->home.dirty = true;
	u->msg[0] = '\0';
	in->print_failed = !ui_print_case(u, no, in->print_msg, sizeof in->print_msg);
	if (extended) {
		size_t len = strlen(in->print_msg);
		snprintf(in->print_msg + len, sizeof in->print_msg - len, " %s", _("Marked 延时服务 (outside the center's hours)."));
	}
	intake_agent_papers(u, no, in->print_msg, sizeof in->print_msg);
	/* a fee after the clerk's 日结 goes to the next close: say so */
	bool closed = false;
	if (in->out.fee_fen > 0 && in->out.kind != KIND_RETURNED &&
	    ledger_day_closed(u->store, bm_time_day(entered), u->clerk.code, &closed, &err) == BM_OK && closed)
		ui_message(u, true, "%s", _("Today's 日结 is already closed: this fee goes to the next day's close."));
}

void outcome_key(ui *u, ui_key k)
{
	intake_state *in = &u->in;
	enum action a = keymap_action(CTX_OUTCOME, k, in->override_stage == 2);
	if (in->override_stage == 1) {
		if (a == A_UP && in->override_sel > 0)
			in->override_sel--;
		else if (a == A_DOWN && in->override_sel < 5)
			in->override_sel++;
		else if (a == A_CONFIRM)
			in->override_stage = 2;
		else if (a == A_BACK)
			in->override_stage = 0;
		return;
	}
	if (in->override_stage == 2) {
		if (a == A_BACK) {
			in->override_stage = 1;
			u->msg[0] = '\0';   /* the refusal was about the kind being left */
		} else if (a == A_CONFIRM) {
			if (field_empty(&in->reason)) {
				ui_message(u, true, "%s", _("An override needs a written reason."));
				return;
			}
			bool was = in->override;
			bm_kind was_kind = in->override_kind;
			char *was_reason = in->override_reason;
			in->override = true;
			in->override_kind = override_kinds[in->override_sel];
			in->override_reason = field_text(&in->reason);
			if (decide(u, ui_today())) {
				free(was_reason);
				in->override_stage = 0;
				ui_message(u, false, "%s", _("Decision overridden; the reason is kept in the ledger."));
			} else {
				free(in->override_reason);
				in->override = was;
				in->override_kind = was_kind;
				in->override_reason = was_reason;
				decide(u, ui_today());
			}
		} else {
			field_key(&in->reason, k);
		}
		return;
	}
	switch (a) {
	case A_UP: in->oscroll--; break;
	case A_DOWN: in->oscroll++; break;
	case A_PGUP: in->oscroll -= LINES / 2; break;
	case A_PGDN: in->oscroll += LINES / 2; break;
	case A_OVERRIDE:
		in->override_stage = 1;
		in->override_sel = 0;
		for (size_t i = 0; i < 6; i++)
			if (override_kinds[i] == in->out.decided)
				in->override_sel = i;
		break;
	case A_CONFIRM:
		/* F10 saves at once; Enter asks first, so that a clerk pressing
		 * Enter through the steps never saves a case by accident */
		if (!k.fn && (k.ch == L'\r' || k.ch == L'\n'))
			ui_ask(u, in->out.kind == KIND_RETURNED
				  ? _("Save this refusal (退回件) and print its notice? (y/n)")
				  : _("Save this case and print its paper? (y/n)"), confirm);
		else
			confirm(u);
		break;
	default: break;
	}
}

void done_draw(ui *u)
{
	intake_state *in = &u->in;
	int y = UI_TOP + 3;
	char line[512];
	/* a 退回件 is saved but NOT accepted: its paper is the 不予受理通知书 */
	bool returned = in->out.kind == KIND_RETURNED;
	if (returned)
		snprintf(line, sizeof line, _("Not accepted (退回件): case %s"), in->case_no);
	else
		snprintf(line, sizeof line, _("Accepted: case %s"), in->case_no);
	draw_text(y, 2, COLS - 4, line, returned ? ST_WAITING : ST_OK);
	snprintf(line, sizeof line, "%s · %s", kind_label(in->out.kind), in->item ? in->item->name : "");
	draw_text(y + 2, 2, COLS - 4, line, ST_NORMAL);
	if (in->n_mats && in->out.n_missing) {
		if (returned)
			snprintf(line, sizeof line,
				 ngettext("%zu material missing, listed on the refusal notice (不予受理通知书).",
					  "%zu materials missing, listed on the refusal notice (不予受理通知书).",
					  (unsigned long)in->out.n_missing),
				 in->out.n_missing);
		else
			snprintf(line, sizeof line,
				 ngettext("%zu material to bring later, listed on the notice.",
					  "%zu materials to bring later, listed on the notice.",
					  (unsigned long)in->out.n_missing),
				 in->out.n_missing);
		draw_text(y + 3, 2, COLS - 4, line, ST_NORMAL);
	}
	/* each paper on its own lines, the spool path whole (wrapped, never
	 * clipped: the clerk must see where the paper went) */
	draw_wrapped(y + 5, 2, COLS - 4, 7, in->print_msg, in->print_failed ? ST_ERROR : ST_NORMAL);
	char k1[32], k2[32], k3[32];
	keymap_key_label(A_NEW, k1, sizeof k1);
	keymap_key_label(A_VIEW_CASE, k2, sizeof k2);
	keymap_key_label(A_BACK, k3, sizeof k3);
	snprintf(line, sizeof line, _("%s: next applicant   %s: view this case   %s or Enter: home"), k1, k2, k3);
	draw_text(y + 13, 2, COLS - 4, line, ST_DIM);
}

void done_key(ui *u, ui_key k)
{
	intake_state *in = &u->in;
	enum action a = keymap_action(CTX_DONE, k, false);
	bool enter = !k.fn && (k.ch == L'\r' || k.ch == L'\n');
	if (a == A_NEW) {
		intake_start(u);
	} else if (a == A_VIEW_CASE) {
		char no[CASE_NO_MAX];
		snprintf(no, sizeof no, "%s", in->case_no);
		intake_free(in);
		ui_open_case(u, no, SCR_HOME);
	} else if (a == A_SEARCH) {
		intake_free(in);
		search_reset(u);
		ui_goto(u, SCR_SEARCH);
	} else if (a == A_BACK || enter) {
		intake_free(in);
		ui_goto(u, SCR_HOME);
	}
}
