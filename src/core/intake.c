/* intake.c - the decision at the counter: which of the six kinds (六件) a
 * case is, by the item's regime (五制) and the materials present, with the
 * complete one-time notice (一次性告知) of what is missing.
 * Pure: no clock, no I/O; the date and the calendar are passed in. */
#include "bianmin/intake.h"

#include <stdlib.h>
#include <string.h>

static const struct {
	const char *key;
	const char *label;
} kinds[KIND__COUNT] = {
	[KIND_IMMEDIATE] = {"immediate", N_("immediate (即办件)")},
	[KIND_PROMISED] = {"promised", N_("promised (承诺件)")},
	[KIND_SUPPLEMENT] = {"supplement", N_("supplement (补办件)")},
	[KIND_RETURNED] = {"returned", N_("returned (退回件)")},
	[KIND_JOINT] = {"joint", N_("joint (联办件)")},
	[KIND_FORWARDED] = {"forwarded", N_("forwarded (上报件)")},
};

const char *kind_key(bm_kind k)
{
	return (unsigned)k < KIND__COUNT ? kinds[k].key : "?";
}

const char *kind_label(bm_kind k)
{
	return (unsigned)k < KIND__COUNT ? _(kinds[k].label) : "?";
}

bool kind_parse(const char *s, bm_kind *out)
{
	for (int k = 0; k < KIND__COUNT; k++)
		if (s && strcmp(s, kinds[k].key) == 0) {
			*out = (bm_kind)k;
			return true;
		}
	return false;
}

const char *mat_state_key(bm_mat_state s)
{
	switch (s) {
	case MAT_PRESENT: return "present";
	case MAT_MISSING: return "missing";
	case MAT_NOT_BROUGHT: return "not-brought";
	case MAT_SUPPLEMENTED: return "supplemented";
	}
	return "?";
}

const char *mat_state_label(bm_mat_state s)
{
	switch (s) {
	case MAT_PRESENT: return _("present");
	case MAT_MISSING: return _("missing");
	case MAT_NOT_BROUGHT: return _("has it, not brought");
	case MAT_SUPPLEMENTED: return _("supplemented");
	}
	return "?";
}

/* The kind the published rules give, before any override. */
static bm_kind rule_kind(const bm_item *item, bool main_missing, bool any_missing)
{
	if (item->regime == REGIME_CONTROL)
		return KIND_RETURNED;          /* 控制事项 明确答复 */
	if (main_missing)
		return KIND_RETURNED;          /* 主件缺失: 退回件 */
	if (any_missing)
		return KIND_SUPPLEMENT;        /* 补办件: clock starts 补齐之日 */
	switch (item->regime) {
	case REGIME_DIRECT: return KIND_IMMEDIATE;
	case REGIME_PROMISE: return KIND_PROMISED;
	case REGIME_JOINT: return KIND_JOINT;
	case REGIME_FORWARD: return KIND_FORWARDED;
	case REGIME_CONTROL: break;
	}
	return KIND_RETURNED;
}

/* The promised limit of a kind whose clock runs from today. */
static int promise_limit(const bm_item *item)
{
	if (item->promised_days >= 0)
		return item->promised_days;
	return item->statutory_days;
}

/* The reason is the record of what the applicant is told, printed on the
 * 不予受理通知书: Chinese whatever the clerk's locale (issue 12). */
static char *missing_main_reason(const bm_item *item, const bm_mat_state *m)
{
	bm_buf b = {0};
	bm_buf_puts(&b, "缺少主件材料：");
	bool first = true;
	for (size_t i = 0; i < item->n_materials; i++) {
		if (item->materials[i].main && m[i] == MAT_MISSING) {
			if (!first)
				bm_buf_puts(&b, "、");
			bm_buf_puts(&b, item->materials[i].name);
			first = false;
		}
	}
	return bm_buf_steal(&b);
}

int intake_decide(const intake_input *in, intake_outcome *out, bm_error *err)
{
	memset(out, 0, sizeof *out);
	out->due = BM_NO_DAY;
	out->limit_days = -1;
	const bm_item *item = in->item;
	if (!item)
		return bm_fail(err, BM_EINVAL, _("no service item chosen"));

	bool main_missing = false, any_missing = false;
	out->missing = bm_xcalloc(item->n_materials ? item->n_materials : 1, sizeof *out->missing);
	for (size_t i = 0; i < item->n_materials; i++) {
		bm_mat_state s = in->materials[i];
		if (s == MAT_NOT_BROUGHT && !item->materials[i].main) {
			intake_outcome_free(out);
			return bm_fail(err, BM_EINVAL,
				       _("material %zu (%s) is a supporting material: mark it missing, not \"has it, not brought\""),
				       i + 1, item->materials[i].name);
		}
		if (s == MAT_MISSING || s == MAT_NOT_BROUGHT) {
			out->missing[out->n_missing++] = i;
			any_missing = true;
			if (s == MAT_MISSING && item->materials[i].main)
				main_missing = true;
		}
	}
	out->main_missing = main_missing;
	out->decided = rule_kind(item, main_missing, any_missing);
	out->kind = out->decided;

	if (in->override && in->override_kind != out->decided) {
		const char *r = in->override_reason;
		while (r && (*r == ' ' || *r == '\t'))
			r++;
		if (!r || !*r) {
			intake_outcome_free(out);
			return bm_fail(err, BM_EINVAL, _("overriding the decision needs a written reason"));
		}
		/* seed 004: a control item is taken as 承诺件 only when the
		 * catalog allows it (无法当场决定的, 按承诺件管理) */
		if (item->regime == REGIME_CONTROL && in->override_kind != KIND_RETURNED &&
		    !(in->override_kind == KIND_PROMISED && item->promise_allowed)) {
			intake_outcome_free(out);
			return bm_fail(err, BM_EINVAL,
				       item->promise_allowed
				       ? _("item %s is a control item (控制事项): it is refused on the spot or taken as a promised case (承诺件), nothing else")
				       : _("item %s is a control item (控制事项): the catalog does not allow taking it as a promised case (promise_allowed), so it is refused on the spot"),
				       item->code);
		}
		if (in->override_kind == KIND_SUPPLEMENT && !any_missing) {
			intake_outcome_free(out);
			return bm_fail(err, BM_EINVAL, _("cannot make it a supplement case: no material is missing"));
		}
		out->kind = in->override_kind;
		out->overridden = true;
	}

	switch (out->kind) {
	case KIND_RETURNED:
		if (out->overridden)
			out->reason = bm_xstrdup(in->override_reason);
		else if (item->regime == REGIME_CONTROL)
			out->reason = bm_xstrdup(item->refusal ? item->refusal : "");
		else
			out->reason = missing_main_reason(item, in->materials);
		break;
	case KIND_IMMEDIATE:
		out->completed = true;    /* 即收即办: done on the spot */
		out->limit_days = 0;
		out->due = in->today;
		break;
	case KIND_SUPPLEMENT:
		/* 补齐之日起算: no due date until the last material arrives. */
		out->limit_days = promise_limit(item);
		break;
	case KIND_PROMISED:
	case KIND_JOINT:
	case KIND_FORWARDED:
		out->limit_days = promise_limit(item);
		if (out->limit_days < 0) {
			bm_kind k = out->kind;
			intake_outcome_free(out);
			return bm_fail(err, BM_EINVAL,
				       _("item %s has no promised or statutory days, so it cannot be accepted as %s"),
				       item->code, kind_label(k));
		}
		out->clock_running = true;
		out->due = calendar_add_workdays(in->cal, in->today, out->limit_days, &out->due_uncertain);
		break;
	case KIND__COUNT:
		break;
	}
	if (out->kind != KIND_RETURNED && item->has_fee)
		out->fee_fen = item->fee_fen;  /* 一次性收费, at acceptance */
	return BM_OK;
}

void intake_outcome_free(intake_outcome *out)
{
	free(out->missing);
	free(out->reason);
	out->missing = NULL;
	out->reason = NULL;
	out->n_missing = 0;
}
