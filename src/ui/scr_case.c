/* scr_case.c - one case: details, materials and their state, and the
 * timeline of its events; scrollable. */
#include "uipriv.h"

#include "bianmin/lifecycle.h"
#include "bianmin/register.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* "2026-11-23 11:02" for the clerk, not the stored ISO time. */
static char *short_time(bm_time t, char *buf)
{
	bm_time_format(t, buf);
	if (strlen(buf) >= 16) {
		buf[10] = ' ';
		buf[16] = '\0';
	}
	return buf;
}

static void build(ui *u, tlines *t, int w)
{
	const bm_case *c = &u->cv.kase;
	char a[32], b[32], fee[24];
	enum style st;
	ui_days_left(u, c->due, c->state, b, sizeof b, &st);
	tl_addf(t, w, 0, ST_HEAD, "%s   %s%s · %s", c->no, kind_label(c->kind),
		c->proxy_name ? _(" · proxy (代理件)") : "", case_state_label(c->state));
	tl_addf(t, w, 0, ST_NORMAL, _("Item: %s (%s) · %s · %s"), c->item.name, c->item.code, c->item.window,
		regime_label(c->item.regime));
	if (c->due != BM_NO_DAY && case_state_final(c->state))
		tl_addf(t, w, 0, ST_NORMAL, _("Due: %s"), bm_day_format(c->due, a));   /* closed: no days left */
	else if (c->due != BM_NO_DAY)
		tl_addf(t, w, 0, st, _("Due: %s (%s working days left)"), bm_day_format(c->due, a), b);
	if (c->due != BM_NO_DAY && c->due_uncertain)
		tl_addf(t, w, 0, ST_SOON, "%s", _("The due date is provisional (暂定): its year's holiday schedule is not published; statutory holidays only."));
	else if (c->state == CASE_WAITING_MATERIALS)
		tl_add(t, w, 0, ST_WAITING, _("Due: the clock starts when the last missing material arrives."));
	if (c->limit_days >= 0 && c->clock_start == BM_NO_DAY)
		tl_addf(t, w, 0, ST_NORMAL, _("Time limit: %d working days; the clock has not started."),
			c->limit_days);
	else if (c->limit_days >= 0)
		tl_addf(t, w, 0, ST_NORMAL, _("Time limit: %d working days; clock started %s"), c->limit_days,
			bm_day_format(c->clock_start, a));
	if (c->completed_day != BM_NO_DAY)
		tl_addf(t, w, 0, ST_NORMAL, _("Closed: %s"), bm_day_format(c->completed_day, a));
	{
		/* what the later steps say: pause, overdue, opinions, rating */
		lc_info in;
		lifecycle_info(c, &in);
		int od = lifecycle_overdue_by(c, ui_today(), u->cal);
		if (od > 0 && !case_state_final(c->state))
			tl_addf(t, w, 0, ST_OVERDUE, _("Overdue by %d working days."), od);
		if (in.paused)
			tl_addf(t, w, 0, ST_SOON, _("In a special procedure (%s) since %s: the clock is stopped."),
				lc_info_pause_label(&in), bm_day_format(in.pause_day, a));
		if (in.forwarded_to)
			tl_addf(t, w, 0, ST_NORMAL, _("Forwarded to %s on %s."), in.forwarded_to,
				bm_day_format(in.forwarded_day, a));
		for (size_t k = 0; k < in.n_opinions; k++)
			tl_addf(t, w, 0, in.opinions[k].answered ? ST_NORMAL : ST_WAITING, _("Opinion of %s: %s%s%s"),
				in.opinions[k].window,
				!in.opinions[k].answered ? _("waiting")
				: in.opinions[k].agree	 ? _("agree")
							 : _("disagree"),
				in.opinions[k].text ? " — " : "", in.opinions[k].text ? in.opinions[k].text : "");
		if (in.has_result)
			tl_addf(t, w, 0, ST_NORMAL, _("Result: %s %s%s%s"), in.approved ? _("approved") : _("refused"),
				in.result ? in.result : "", in.certificate ? _(" · certificate ") : "",
				in.certificate ? in.certificate : "");
		if (in.rating)
			tl_addf(t, w, 0, in.rating >= LC_RATING_BAD ? ST_SOON : ST_NORMAL, _("Rating: %s%s"),
				lc_rating_label(in.rating), in.followup_open ? _(" (a follow-up is open)") : "");
		if (in.handover_pending)
			tl_addf(t, w, 0, ST_SOON, _("Handover pending: %s to %s (%s); the owner changes when %s takes it over."),
				in.handover_from ? in.handover_from : "", in.handover_to ? in.handover_to : "",
				in.handover_id ? in.handover_id : "-", in.handover_to ? in.handover_to : "");
		lc_info_free(&in);
	}
	tl_add(t, w, 0, ST_NORMAL, "");
	tl_addf(t, w, 0, ST_NORMAL, _("Applicant: %s · %s · %s · %s"), c->applicant.name, c->applicant.id_no,
		c->applicant.phone ? c->applicant.phone : "-", c->applicant.address ? c->applicant.address : "-");
	if (c->proxy_name)
		tl_addf(t, w, 0, ST_NORMAL, _("Proxy: %s · %s%s"), c->proxy_name, c->proxy_id ? c->proxy_id : "-",
			c->proxy_is_agent ? _(" (village agent)") : "");
	char acc[32];
	tl_addf(t, w, 0, ST_NORMAL, _("Accepted %s by %s %s; owner %s %s"), short_time(c->accepted, acc),
		c->first_clerk, c->first_clerk_name ? c->first_clerk_name : "", c->owner_clerk,
		c->owner_clerk_name ? c->owner_clerk_name : "");
	bm_time entered;
	char *visit = reg_case_visit(c, &entered);   /* 上门服务: received there, entered on return */
	if (visit)
		tl_addf(t, w, 0, ST_NORMAL, _("Taken on home visit %s (上门服务), entered %s"), visit, short_time(entered, acc));
	free(visit);
	if (c->fee_fen > 0)
		tl_addf(t, w, 0, ST_NORMAL, _("Fee: %s yuan, receipt %s"), bm_money_format(c->fee_fen, fee),
			c->receipt_no ? c->receipt_no : "-");
	if (c->override_reason)
		tl_addf(t, w, 0, ST_SOON, _("Overridden (the rules said %s): %s"), kind_label(c->decided),
			c->override_reason);
	if (c->return_reason)
		tl_addf(t, w, 0, ST_ERROR, _("Returned: %s"), c->return_reason);
	tl_add(t, w, 0, ST_NORMAL, "");
	tl_addf(t, w, 0, ST_HEAD, _("Materials (%zu)"), c->n_materials);
	for (size_t i = 0; i < c->n_materials; i++) {
		const bm_case_material *m = &c->materials[i];
		char when[32] = "";
		if (m->has_changed)
			snprintf(when, sizeof when, " %s", short_time(m->changed, acc));
		char *label = text_pad(mat_state_label(m->state), 14, true);   /* by display width */
		tl_addhf(t, w, 2, 17,
			m->state == MAT_PRESENT || m->state == MAT_SUPPLEMENTED ? ST_NORMAL : ST_WAITING,
			_("%s %s — %s, %d × (%s)%s"), label, m->name, form_label(m->form), m->copies,
			m->main ? _("main") : _("supporting"), when);
		free(label);
	}
	tl_add(t, w, 0, ST_NORMAL, "");
	tl_addf(t, w, 0, ST_HEAD,
		ngettext("Timeline (%zu event)", "Timeline (%zu events)", (unsigned long)c->n_events), c->n_events);
	for (size_t i = 0; i < c->n_events; i++) {
		const bm_event *e = &c->events[i];
		tl_addhf(t, w, 2, 6, ST_NORMAL, "%s  %s  %s%s%s", short_time(e->at, acc), e->clerk, lc_event_label(e->type),
			e->reason ? " — " : "", e->reason ? e->reason : "");
		if (strcmp(e->type, "intake") != 0 && e->details) {
			char *text = lc_event_details_text(e->details);
			if (*text)
				tl_add(t, w, 6, ST_DIM, text);
			free(text);
		}
	}
}

void case_draw(ui *u)
{
	draw_title(u, _("Case"));
	if (!u->cv.loaded)
		return;
	tlines t = {0};
	int w = COLS - 4;
	build(u, &t, w);
	int rows = UI_BOTTOM - UI_TOP;
	tl_draw(&t, UI_TOP + 1, 2, w, rows, &u->cv.scroll);
	if ((int)t.n > rows) {
		char line[64];
		snprintf(line, sizeof line, " %d-%d / %zu ", u->cv.scroll + 1,
			 u->cv.scroll + rows < (int)t.n ? u->cv.scroll + rows : (int)t.n, t.n);
		draw_right(UI_TOP, COLS - 22, 20, line, ST_DIM);
	}
	tl_free(&t);
}

void case_key(ui *u, ui_key k)
{
	enum action a = keymap_action(CTX_CASE, k, false);
	int page = UI_BOTTOM - UI_TOP - 1;
	switch (a) {
	case A_UP: u->cv.scroll--; break;
	case A_DOWN: u->cv.scroll++; break;
	case A_PGUP: u->cv.scroll -= page; break;
	case A_PGDN: u->cv.scroll += page; break;
	case A_FIRST: u->cv.scroll = 0; break;
	case A_LAST: u->cv.scroll = 1 << 20; break;
	case A_BACK:
		u->msg[0] = '\0';    /* a step's message is about this case */
		ui_goto(u, u->cv.from);
		break;
	case A_VOID_RECEIPT:
		receipt_void_open(u);
		break;
	default:
		case_step_key(u, a);
		break;
	}
}
