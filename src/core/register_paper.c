/* register_paper.c - the books' papers: 预约服务登记表, 上门服务登记表 and
 * the written answer to a written complaint (书面答复), from forms/. */
#include "bianmin/register.h"
#include "bianmin/slip.h"

#include <stdio.h>
#include <string.h>

const char *reg_paper_form(const reg_entry *e)
{
	const char *book = reg_get(e, RF_BOOK);
	if (!strcmp(book, book_key(BOOK_APPOINTMENT)))
		return "appointment";
	if (!strcmp(book, book_key(BOOK_VISIT)))
		return "visit";
	/* 书面投诉应书面答复 */
	if (!strcmp(book, book_key(BOOK_COMPLAINT)) && !strcmp(reg_get(e, RF_CHANNEL), "written") &&
	    e->f[RF_ANSWER])
		return "complaint_answer";
	return NULL;
}

/* Words for the keys a paper shows. */
static const char *word(const char *key)
{
	static const struct { const char *key, *cn; } W[] = {
		{"walkin", "现场"}, {"visit", "来访"}, {"letter", "来信"}, {"call", "来电"},
		{"oral", "口头"}, {"phone", "电话"}, {"written", "书面"},
		{"recorded", "已登记"}, {"answered", "已答复"}, {"transferred", "已转办"}, {"closed", "已办结"},
	};
	for (size_t i = 0; i < sizeof W / sizeof W[0]; i++)
		if (!strcmp(W[i].key, key))
			return W[i].cn;
	return key;
}

struct slip_ctx *reg_paper_context(const reg_entry *e, const bm_center *c, const bm_clerk *clerk,
				   bm_time now)
{
	slip_ctx *x = slip_ctx_new();
	if (c) {
		slip_ctx_set(x, "center_name", c->name);
		slip_ctx_set(x, "center_phone", c->phone);
		slip_ctx_set(x, "center_address", c->address);
	}
	char iso[40], cn[32], key[40];
	bm_time_format(now, iso);
	const char *form = reg_paper_form(e);
	slip_ctx_set(x, "form", form ? form : "");
	slip_ctx_set(x, "date", slip_day_cn(bm_time_day(now), cn));
	slip_ctx_setf(x, "time", "%.5s", iso + 11);
	slip_ctx_setf(x, "datetime", "%s %.5s", cn, iso + 11);
	slip_ctx_set(x, "reprint", "");
	if (clerk) {
		slip_ctx_set(x, "clerk_no", clerk->code);
		slip_ctx_set(x, "clerk_name", clerk->name);
	}
	for (int i = 0; i < RF__COUNT; i++) {
		const char *v = reg_get(e, (enum reg_field)i);
		bm_day d;
		if ((i == RF_AT_DAY || i == RF_DUE || i == RF_CLOSED_DAY || i == RF_OPENED_DAY) && bm_day_parse(v, &d))
			v = slip_day_cn(d, cn);
		else if (i == RF_CHANNEL || i == RF_STATE)
			v = word(v);
		if (e->masked && (i == RF_PERSON || i == RF_PHONE || i == RF_ID_NO))
			v = "（保密）";
		snprintf(key, sizeof key, "entry_%s", reg_field_key((enum reg_field)i));
		slip_ctx_set(x, key, v);
	}
	return x;
}
