/* slip_case.c - the glue: a loaded case (cases.h) and the center
 * (config.h) as a slip context.  The only slip file that knows cases. */
#include "bianmin/cases.h"
#include "bianmin/config.h"
#include "bianmin/idno.h"
#include "bianmin/slip.h"
#include "flatrec.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *slip_day_cn(bm_day day, char *buf)
{
	if (day == BM_NO_DAY) {
		buf[0] = 0;
		return buf;
	}
	int y, m, d;
	bm_day_to_ymd(day, &y, &m, &d);
	snprintf(buf, 32, "%d年%d月%d日", y, m, d);
	return buf;
}

/* Papers are Chinese documents whatever the clerk's locale: the labels on
 * them come from here, not from the (translated) *_label functions. */
const char *slip_kind_cn(bm_kind k)
{
	static const char *const v[KIND__COUNT] = {
		"即办件", "承诺件", "补办件", "退回件", "联办件", "上报件"
	};
	return (unsigned)k < KIND__COUNT ? v[k] : "";
}

static const char *form_cn(bm_form f)
{
	switch (f) {
	case FORM_ORIGINAL: return "原件";
	case FORM_COPY: return "复印件";
	default: return "原件及复印件";
	}
}

static const char *mat_state_cn(bm_mat_state s)
{
	switch (s) {
	case MAT_PRESENT: return "已收";
	case MAT_MISSING: return "缺";
	case MAT_NOT_BROUGHT: return "未带（承诺补交）";
	default: return "已补齐";
	}
}

static const char *regime_cn(bm_regime r)
{
	switch (r) {
	case REGIME_DIRECT: return "直接办理";
	case REGIME_PROMISE: return "承诺办理";
	case REGIME_JOINT: return "联合办理";
	case REGIME_FORWARD: return "上报办理";
	default: return "明确答复";
	}
}

/* The course of an item whose catalog entry lists no procedure, by its
 * regime (五制), for the one-time notice and the other notices. */
static const char *const *regime_steps(bm_regime r, bool site_visit, size_t *n)
{
	static const char *const direct[] = { "窗口受理，审查申请材料", "材料齐全、符合法定形式的，当场办结并出具结果" };
	static const char *const promise[] = { "窗口受理，审查申请材料", "承办窗口审查办理", "在承诺时限内作出决定", "通知申请人领取办理结果" };
	static const char *const promise_sv[] = { "窗口受理，审查申请材料", "承办窗口审查，并进行现场核查", "在承诺时限内作出决定", "通知申请人领取办理结果" };
	static const char *const joint[] = { "牵头窗口受理，审查申请材料", "有关窗口（部门）联合审查，提出意见", "在承诺时限内作出决定", "通知申请人领取办理结果" };
	static const char *const forward[] = { "窗口受理，审查申请材料", "本中心报送上级部门审批并跟踪催办", "上级部门作出决定后，本中心告知申请人", "通知申请人领取办理结果" };
	static const char *const control[] = { "窗口受理，审查申请材料", "依照有关规定审查", "在承诺时限内作出明确答复" };
#define STEPS(v) (*n = sizeof v / sizeof v[0], v)
	switch (r) {
	case REGIME_DIRECT: return STEPS(direct);
	case REGIME_PROMISE: return site_visit ? STEPS(promise_sv) : STEPS(promise);
	case REGIME_JOINT: return STEPS(joint);
	case REGIME_FORWARD: return STEPS(forward);
	default: return STEPS(control);
	}
#undef STEPS
}

const char *slip_state_cn(int s)
{
	static const char *const v[CASE_STATE__COUNT] = {
		"待补齐材料", "办理中", "特别程序中（暂停计时）", "已上报", "已办结", "已退回", "已撤回"
	};
	return (unsigned)s < CASE_STATE__COUNT ? v[s] : "";
}

/* Event types as an applicant reads them on a paper: Chinese, whatever
 * the clerk's locale, never the key. */
const char *slip_event_cn(const char *type)
{
	static const struct { const char *type, *cn; } v[] = {
		{ "intake", "受理" }, { "supplement", "补齐材料" }, { "pause", "进入特别程序（暂停计时）" },
		{ "resume", "特别程序结束（恢复计时）" }, { "extend", "延期" }, { "opinion", "联办窗口意见" },
		{ "forward", "上报" }, { "result", "上级办理结果" }, { "complete", "办结" },
		{ "return", "退回" }, { "withdraw", "撤回" }, { "notify", "通知申请人" },
		{ "rate", "评价" }, { "handover", "AB岗交接" }, { "acknowledge", "交接确认" },
		{ "status", "状态查询" }, { "notice_breach", "补充告知（二次告知）" },
		{ "demand_arrived", "补充材料已收" }, { "followup", "差评回访" },
		{ "reprint", "补打" }, { "print", "打印" }, { "receipt_void", "收据作废" },
	};
	for (size_t i = 0; type && i < sizeof v / sizeof v[0]; i++)
		if (strcmp(v[i].type, type) == 0)
			return v[i].cn;
	return "其他";
}

static void set_day(slip_ctx *c, const char *name, bm_day day)
{
	char buf[32];
	slip_ctx_set(c, name, slip_day_cn(day, buf));
}

static void set_int(slip_ctx *c, const char *name, int v)
{
	if (v >= 0)
		slip_ctx_setf(c, name, "%d", v);
}

static void set_time(slip_ctx *c, bm_time t, const char *date, const char *time, const char *both)
{
	char iso[32];
	bm_time_format(t, iso);          /* 2026-11-23T09:30:00+08:00 */
	char hm[6];
	memcpy(hm, iso + 11, 5);
	hm[5] = 0;
	char d[32];
	slip_day_cn(bm_time_day(t), d);
	if (date)
		slip_ctx_set(c, date, d);
	if (time)
		slip_ctx_set(c, time, hm);
	if (both)
		slip_ctx_setf(c, both, "%s %s", d, hm);
}

static void add_material(slip_ctx *c, const char *list, const bm_case_material *m, size_t no)
{
	slip_ctx *r = slip_ctx_add(c, list);
	slip_ctx_setf(r, "no", "%zu", no);
	slip_ctx_set(r, "name", m->name);
	slip_ctx_set(r, "form", form_cn(m->form));
	slip_ctx_setf(r, "copies", "%d", m->copies);
	slip_ctx_set(r, "main", m->main ? "主件" : "");
	slip_ctx_set(r, "note", m->note);
	slip_ctx_set(r, "state", mat_state_cn(m->state));
}

/* 代理件 (agent.h): the proxy, their village and phone, the applicant's
 * kind (for the 授权委托书), and the feedback form once recorded. */
static void proxy_fields(slip_ctx *c, const bm_case *cs)
{
	slip_ctx_set(c, "applicant_type", cs->applicant.id_type == IDTYPE_USCC ? "单位" : "个人");
	slip_ctx_set(c, "applicant_phone", cs->applicant.phone);
	slip_ctx_set(c, "applicant_address", cs->applicant.address);
	if (!cs->proxy_name)
		return;
	char *masked = idno_mask(cs->proxy_id ? cs->proxy_id : "");
	slip_ctx_set(c, "agent_id", masked);
	free(masked);
	slip_ctx_set(c, "agent_code", cs->agent_code);
	slip_ctx_set(c, "agent_phone", cs->agent_phone);
	slip_ctx_set(c, "agent_village", cs->agent_village);
	for (size_t i = 0; i < cs->n_events; i++) {
		flatrec d = {0}, n = {0};
		const bm_event *e = &cs->events[i];
		if (!e->type || strcmp(e->type, "feedback") != 0 || !e->details || !flatrec_parse(e->details, &d))
			continue;
		const char *note = flatrec_get(&d, "x.note", NULL);
		if (note && flatrec_parse(note, &n)) {
			const char *sat = flatrec_get(&n, "satisfied", NULL);
			slip_ctx_set(c, "feedback", sat && !strcmp(sat, "1") ? "满意" : "不满意");
			slip_ctx_set(c, "feedback_level", flatrec_get(&n, "label", NULL));
			slip_ctx_set(c, "feedback_note", flatrec_get(&n, "note", NULL));
		}
		flatrec_free(&n);
		flatrec_free(&d);
	}
}

slip_ctx *slip_context_from_case(const bm_case *cs, const bm_center *center,
				 const slip_case_opts *o)
{
	slip_ctx *c = slip_ctx_new();
	if (center) {
		slip_ctx_set(c, "center_name", center->name);
		slip_ctx_set(c, "center_phone", center->phone);
		slip_ctx_set(c, "center_address", center->address);
		set_int(c, "supplement_timeout_days", center->supplement_timeout_days);
		slip_ctx_set(c, "center_hours", center->hours);
		/* 复议机关: the window's own, else the center's; 行政诉讼: the court */
		const char *rb = center_review_body(center, cs->item.window);
		slip_ctx_set(c, "review_body", rb ? rb : "依法有权受理的行政复议机关");
		slip_ctx_set(c, "court", center->court && *center->court ? center->court : "有管辖权的人民法院");
	} else {
		slip_ctx_set(c, "review_body", "依法有权受理的行政复议机关");
		slip_ctx_set(c, "court", "有管辖权的人民法院");
	}
	slip_ctx_set(c, "form", o->form);
	set_time(c, o->now, "date", "time", "datetime");
	slip_ctx_set(c, "reprint", o->reprint ? "补打" : "");

	slip_ctx_set(c, "case_no", cs->no);
	slip_ctx_set(c, "kind", slip_kind_cn(cs->kind));
	slip_ctx_set(c, "kind_key", kind_key(cs->kind));
	slip_ctx_set(c, "state", slip_state_cn(cs->state));
	slip_ctx_set(c, "state_key", case_state_key(cs->state));
	slip_ctx_set(c, "clerk_no", o->clerk_no ? o->clerk_no : cs->owner_clerk);
	slip_ctx_set(c, "clerk_name", o->clerk_no ? o->clerk_name : cs->owner_clerk_name);
	slip_ctx_set(c, "first_clerk", cs->first_clerk);
	slip_ctx_set(c, "window", cs->item.window);

	/* 一次性告知书 and every paper given to the applicant: the ID number
	 * masked except its last four characters. */
	slip_ctx_set(c, "applicant", cs->applicant.name);
	char *masked = idno_mask(cs->applicant.id_no ? cs->applicant.id_no : "");
	slip_ctx_set(c, "idno", masked);
	free(masked);
	slip_ctx_set(c, "agent", cs->proxy_name);
	proxy_fields(c, cs);

	const bm_case_item *it = &cs->item;
	slip_ctx_set(c, "item_code", it->code);
	slip_ctx_set(c, "item_name", it->name);
	slip_ctx_set(c, "department", it->department);
	slip_ctx_set(c, "regime", regime_cn(it->regime));
	slip_ctx_set(c, "basis", it->basis);
	set_int(c, "statutory_days", it->statutory_days);
	set_int(c, "promised_days", it->promised_days);
	slip_ctx_set(c, "forward_to", it->forward_to);
	/* where and how, from the case's snapshot of its item */
	if (it->collect && *it->collect)
		slip_ctx_set(c, "collect", it->collect);
	else
		slip_ctx_setf(c, "collect", "%s%s窗口", center && center->name ? center->name : "", it->window);
	slip_ctx_set(c, "item_phone", it->phone && *it->phone ? it->phone : center ? center->phone : NULL);
	/* 办理程序: the item's own, else the course of its regime (五制) */
	const char *const *steps = (const char *const *)it->procedure;
	size_t ns = it->n_procedure;
	if (!ns) {
		steps = regime_steps(it->regime, it->site_visit, &ns);
	}
	for (size_t i = 0; i < ns; i++) {
		slip_ctx *r = slip_ctx_add(c, "procedure");
		slip_ctx_setf(r, "no", "%zu", i + 1);
		slip_ctx_set(r, "step", steps[i]);
	}
	slip_ctx_set(c, "proxy_allowed", it->proxy ? "1" : "");
	slip_ctx_set(c, "site_visit", it->site_visit ? "1" : "");
	bm_buf jw = {0};
	for (size_t i = 0; i < it->n_joint_windows; i++)
		bm_buf_printf(&jw, "%s%s", i ? "、" : "", it->joint_windows[i]);
	slip_ctx_set(c, "joint_windows", jw.data);
	bm_buf_free(&jw);

	set_day(c, "accepted", cs->accepted_day);
	set_day(c, "due", cs->due);
	slip_ctx_set(c, "due_uncertain", cs->due_uncertain ? "1" : "");
	set_int(c, "limit_days", cs->limit_days);
	set_day(c, "completed", cs->completed_day);

	if (cs->fee_fen > 0) {
		char m[24];
		slip_ctx_set(c, "fee", bm_money_format(cs->fee_fen, m));
		char *up = slip_money_upper(cs->fee_fen);
		slip_ctx_set(c, "fee_upper", up);
		free(up);
		slip_ctx_set(c, "fee_basis", it->fee_basis);
	}
	slip_ctx_set(c, "receipt_no", cs->receipt_no);
	slip_ctx_set(c, "reason", cs->return_reason ? cs->return_reason
			: cs->kind == KIND_RETURNED ? it->refusal : NULL);

	size_t nm = 0;
	for (size_t i = 0; i < cs->n_materials; i++) {
		const bm_case_material *m = &cs->materials[i];
		add_material(c, "materials", m, i + 1);
		if (m->state == MAT_MISSING || m->state == MAT_NOT_BROUGHT)
			add_material(c, "missing", m, ++nm);
	}
	slip_ctx_setf(c, "n_missing", "%zu", nm);

	size_t ne = 0;
	for (size_t i = 0; i < cs->n_events; i++) {
		const bm_event *e = &cs->events[i];
		/* the applicant's history: steps, not the printing of papers */
		if (e->type && (strcmp(e->type, "print") == 0 || strcmp(e->type, "reprint") == 0))
			continue;
		slip_ctx *r = slip_ctx_add(c, "events");
		slip_ctx_setf(r, "no", "%zu", ++ne);
		char iso[32];
		bm_time_format(e->at, iso);
		iso[16] = 0;
		iso[10] = ' ';
		slip_ctx_set(r, "time", iso);
		slip_ctx_set(r, "action", slip_event_cn(e->type));
		slip_ctx_set(r, "clerk", e->clerk);
		slip_ctx_set(r, "note", e->reason);
	}
	return c;
}
