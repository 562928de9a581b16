/* test_slip_break.c - the one line-breaking rule of Chinese papers
 * (slip_break.c) at 32, 42, 48 and 80 columns: names, case numbers, IDs
 * and amounts never split; no line starts with closing punctuation; a
 * break after punctuation is preferred; and 人民币大写 (money_cn.c). */
#include "bianmin/slip.h"
#include "bianmin/text.h"
#include "unit.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const int WIDTHS[] = { 32, 42, 48, 80 };

static size_t count(const char *hay, const char *needle)
{
	size_t n = 0, k = strlen(needle);
	for (const char *p = hay; (p = strstr(p, needle)); p += k)
		n++;
	return n;
}

static slip_form *form(const char *text)
{
	bm_diags d = {0};
	slip_form *f = slip_parse("t.tmpl", text, &d);
	ck_assert_msg(f != NULL, "template: %s", d.n ? d.msgs[0] : "?");
	diags_free(&d);
	return f;
}

/* Every line fits; none starts with closing punctuation. */
static void lines_ok(const char *s, int width)
{
	const char *p = s;
	while (*p) {
		const char *e = strchr(p, '\n');
		ck_assert_ptr_nonnull(e);
		char *line = strndup(p, (size_t)(e - p));
		ck_assert_msg(text_width(line) <= width, "line wider than %d: '%s'", width, line);
		const char *t = line + strspn(line, " ");
		ck_assert_msg(strncmp(t, "，", 3) != 0 && strncmp(t, "。", 3) != 0 && strncmp(t, "、", 3) != 0 &&
			      strncmp(t, "）", 3) != 0 && strncmp(t, "”", 3) != 0,
			      "line starts with closing punctuation: '%s'\n%s", line, s);
		free(line);
		p = e + 1;
	}
}

/* A name moved through every column of the line: never split. */
START_TEST(test_names_never_split)
{
	static const char *const names[] = { "欧阳娜娜", "QS-20261102-0001", "**************4514",
					      "2026-000123", "1250.00", "壹仟贰佰伍拾元整", "2026年11月30日" };
	slip_form *f = form("title: t\n---\n"
			    "{{note}}{{applicant}}与{{agent}}的{{case_no}}，证件{{idno}}，收据{{receipt_no}}，"
			    "金额{{fee}}元（{{fee_upper}}），承诺{{due}}办结。\n"
			    "@field 申请人： | {{note}}{{applicant}}\n");
	for (int pad = 0; pad < 40; pad++) {
		slip_ctx *c = slip_ctx_new();
		char filler[200] = "";
		for (int i = 0; i < pad; i++)
			strcat(filler, i % 3 ? "的" : "a");
		slip_ctx_set(c, "note", filler);
		slip_ctx_set(c, "applicant", names[0]);
		slip_ctx_set(c, "agent", "司马相如");
		slip_ctx_set(c, "case_no", names[1]);
		slip_ctx_set(c, "idno", names[2]);
		slip_ctx_set(c, "receipt_no", names[3]);
		slip_ctx_set(c, "fee", names[4]);
		slip_ctx_set(c, "fee_upper", names[5]);
		slip_ctx_set(c, "due", names[6]);
		for (size_t w = 0; w < sizeof WIDTHS / sizeof WIDTHS[0]; w++) {
			char *s = slip_render_text(f, c, WIDTHS[w]);
			lines_ok(s, WIDTHS[w]);
			ck_assert_msg(count(s, names[0]) == 2, "applicant split at %d (pad %d):\n%s", WIDTHS[w], pad, s);
			ck_assert_msg(count(s, "司马相如") == 1, "agent split at %d:\n%s", WIDTHS[w], s);
			for (size_t k = 1; k < sizeof names / sizeof names[0]; k++)
				ck_assert_msg(count(s, names[k]) == 1, "%s split at %d (pad %d):\n%s", names[k], WIDTHS[w],
					      pad, s);
			ck_assert_ptr_null(strstr(s, "\xEE\x80"));   /* no mark left on the paper */
			free(s);
		}
		slip_ctx_free(c);
	}
	slip_free(f);
}
END_TEST

/* 交接单 rows at a receipt printer's width: stacked, names whole. */
START_TEST(test_narrow_table_stacks)
{
	slip_form *f = form("title: t\n---\n@cols 4 20 * 8 14\n@head 序号 | 办件编号 | 事项 / 申请人 | 类型 | 承诺日期\n"
			    "@row 1 | {{case_no}} | {{item_name}} / {{applicant}} | 承诺件 | {{due}}\n");
	slip_ctx *c = slip_ctx_new();
	slip_ctx_set(c, "case_no", "QS-20261102-0001");
	slip_ctx_set(c, "item_name", "城乡居民最低生活保障申请");
	slip_ctx_set(c, "applicant", "张伟");
	slip_ctx_set(c, "due", "2026年11月30日");
	for (size_t w = 0; w < sizeof WIDTHS / sizeof WIDTHS[0]; w++) {
		char *s = slip_render_text(f, c, WIDTHS[w]);
		lines_ok(s, WIDTHS[w]);
		ck_assert_msg(strstr(s, "城乡居民最低生活保障申请") && strstr(s, "张伟") && strstr(s, "QS-20261102-0001") &&
			      strstr(s, "2026年11月30日"), "split at %d:\n%s", WIDTHS[w], s);
		if (WIDTHS[w] < 80)
			ck_assert_msg(strstr(s, "承诺日期：2026年11月30日") != NULL, "stacked under its heading at %d:\n%s",
				      WIDTHS[w], s);
		free(s);
	}
	slip_ctx_free(c);
	slip_free(f);
}
END_TEST

/* A break after punctuation is preferred to one a few characters later. */
START_TEST(test_prefers_punctuation)
{
	slip_form *f = form("title: t\n---\n一二三四五六七八九十一二三，四五六七八九十。\n");
	slip_ctx *c = slip_ctx_new();
	char *s = slip_render_text(f, c, 32);
	slip_ctx_free(c);
	/* 13 characters and the comma fill 28 of 32 columns: break after it */
	ck_assert_str_eq(s, "一二三四五六七八九十一二三，\n四五六七八九十。\n");
	free(s);
	slip_free(f);
}
END_TEST

START_TEST(test_money_upper)
{
	static const struct { int64_t fen; const char *cn; } v[] = {
		{ 0, "零元整" }, { 5, "伍分" }, { 50, "伍角整" }, { 100, "壹元整" }, { 105, "壹元零伍分" },
		{ 1000, "壹拾元整" }, { 1250, "壹拾贰元伍角整" }, { 2000, "贰拾元整" },
		{ 101005, "壹仟零壹拾元零伍分" }, { 10000000, "壹拾万元整" },
		{ 100000100, "壹佰万零壹元整" }, { 10000000000LL, "壹亿元整" },
		{ 10000010000LL, "壹亿零壹佰元整" }, { 123456789, "壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分" },
		{ 100100000, "壹佰万壹仟元整" }, { 1000010, "壹万元壹角整" },
	};
	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
		char *s = slip_money_upper(v[i].fen);
		ck_assert_msg(strcmp(s, v[i].cn) == 0, "%lld fen: %s, not %s", (long long)v[i].fen, s, v[i].cn);
		free(s);
	}
}
END_TEST

static Suite *slip_break_suite(void)
{
	Suite *s = suite_create("slip_break");
	TCase *t = tcase_create("core");
	tcase_add_test(t, test_names_never_split);
	tcase_add_test(t, test_narrow_table_stacks);
	tcase_add_test(t, test_prefers_punctuation);
	tcase_add_test(t, test_money_upper);
	suite_add_tcase(s, t);
	return s;
}

BM_UNIT_MAIN(slip_break_suite)
