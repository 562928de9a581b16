/* test_slip.c - templates: parse errors as FILE:LINE, each paper of
 * forms/ holds what it must, alignment by display width at 32/42/48/80,
 * GB18030 round trip, and the PDF's text (pdftotext). */
#include "bianmin/slip.h"
#include "bianmin/text.h"
#include "unit.h"

#include <cairo.h>
#include <dlfcn.h>
#include <iconv.h>
#include <pango/pangocairo.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define FORMS "forms"
#define MASKED "**************1234"

static const char *const all_forms[] = {
	"notice_promised", "notice_supplement", "notice_returned", "notice_immediate",
	"notice_joint", "notice_forwarded", "notice_completed", "notice_extension",
	"notice_special", "notice_demand", "receipt", "handover", "daily_close", "status", NULL
};

static void add_mat(slip_ctx *c, const char *list, int no, const char *name, const char *form,
		    int copies, bool main, const char *note)
{
	slip_ctx *r = slip_ctx_add(c, list);
	slip_ctx_setf(r, "no", "%d", no);
	slip_ctx_set(r, "name", name);
	slip_ctx_set(r, "form", form);
	slip_ctx_setf(r, "copies", "%d", copies);
	slip_ctx_set(r, "main", main ? "主件" : "");
	slip_ctx_set(r, "note", note);
	slip_ctx_set(r, "state", "缺");
}

/* A context as slip_context_from_case would build it, by hand. */
static slip_ctx *sample(const char *kind)
{
	slip_ctx *c = slip_ctx_new();
	slip_ctx_set(c, "center_name", "青龙镇便民服务中心");
	slip_ctx_set(c, "center_phone", "0838-1234567");
	slip_ctx_set(c, "center_address", "青龙镇政府大院一楼");
	slip_ctx_set(c, "center_hours", "周一至周五 8:30—17:30");
	slip_ctx_set(c, "item_phone", "0838-1234567");
	slip_ctx_set(c, "collect", "青龙镇便民服务中心民政窗口");
	slip_ctx_set(c, "review_body", "青龙县人民政府");
	slip_ctx_set(c, "court", "青龙县人民法院");
	slip_ctx_set(c, "fee_upper", "壹拾贰元伍角");
	slip_ctx_set(c, "approver_name", "张建国");
	slip_ctx_set(c, "demanded", "村委会证明");
	slip_ctx_set(c, "demanded_reason", "县局新规要求");
	slip_ctx_set(c, "demanded_day", "2026年11月24日");
	slip_ctx_set(c, "first_notice_day", "2026年11月23日");
	slip_ctx_set(c, "date", "2026年11月23日");
	slip_ctx_set(c, "time", "09:30");
	slip_ctx_set(c, "datetime", "2026年11月23日 09:30");
	slip_ctx_set(c, "case_no", "QL-20261123-0007");
	slip_ctx_set(c, "kind", kind);
	slip_ctx_set(c, "state", "办理中");
	slip_ctx_set(c, "clerk_no", "A017");
	slip_ctx_set(c, "clerk_name", "李秀英");
	slip_ctx_set(c, "window", "民政");
	slip_ctx_set(c, "applicant", "王德福");
	slip_ctx_set(c, "idno", MASKED);
	slip_ctx_set(c, "item_code", "MZ-003");
	slip_ctx_set(c, "item_name", "农村最低生活保障申请");
	slip_ctx_set(c, "basis", "《社会救助暂行办法》第十一条");
	slip_ctx_set(c, "accepted", "2026年11月23日");
	slip_ctx_set(c, "due", "2026年11月30日");
	slip_ctx_set(c, "limit_days", "5");
	slip_ctx_set(c, "statutory_days", "20");
	slip_ctx_set(c, "fee", "12.50");
	slip_ctx_set(c, "fee_basis", "川发改价格〔2020〕12号");
	slip_ctx_set(c, "receipt_no", "2026-000123");
	slip_ctx_set(c, "reason", "缺少户口簿原件（主件）");
	slip_ctx_set(c, "supplement_timeout_days", "20");
	slip_ctx_set(c, "joint_windows", "民政、自然资源、农业");
	slip_ctx_set(c, "forward_to", "县民政局");
	slip_ctx_set(c, "completed", "2026年11月25日");
	slip_ctx_set(c, "old_due", "2026年11月30日");
	slip_ctx_set(c, "new_due", "2026年12月14日");
	slip_ctx_set(c, "extension_days", "10");
	slip_ctx_set(c, "approver", "张主任");
	slip_ctx_set(c, "special_procedure", "现场踏勘");
	slip_ctx_set(c, "special_from", "2026年11月24日");
	slip_ctx_set(c, "special_to", "2026年11月26日");
	slip_ctx_set(c, "special_days", "3");
	slip_ctx_set(c, "from_clerk_no", "A017");
	slip_ctx_set(c, "from_clerk_name", "李秀英");
	slip_ctx_set(c, "to_clerk_no", "B021");
	slip_ctx_set(c, "to_clerk_name", "赵小军");
	slip_ctx_set(c, "close_date", "2026年11月23日");
	slip_ctx_set(c, "count", "2");
	slip_ctx_set(c, "total", "37.50");
	add_mat(c, "materials", 1, "户口簿", "原件+复印件", 1, true, NULL);
	add_mat(c, "materials", 2, "家庭收入情况说明（村委会出具）", "原件", 2, false, "须盖村委会公章");
	add_mat(c, "materials", 3, "银行卡复印件", "复印件", 1, false, NULL);
	slip_ctx_setf(c, "n_missing", "%d", 2);
	add_mat(c, "missing", 1, "家庭收入情况说明（村委会出具）", "原件", 2, false, "须盖村委会公章");
	add_mat(c, "missing", 2, "银行卡复印件", "复印件", 1, false, NULL);
	slip_ctx *r = slip_ctx_add(c, "cases");
	slip_ctx_set(r, "no", "1");
	slip_ctx_set(r, "case_no", "QL-20261120-0003");
	slip_ctx_set(r, "item_name", "残疾人两项补贴");
	slip_ctx_set(r, "applicant", "陈桂兰");
	slip_ctx_set(r, "kind", "承诺件");
	slip_ctx_set(r, "due", "2026-11-27");
	r = slip_ctx_add(c, "fees");
	slip_ctx_set(r, "no", "1");
	slip_ctx_set(r, "receipt_no", "2026-000123");
	slip_ctx_set(r, "case_no", "QL-20261123-0007");
	slip_ctx_set(r, "item_name", "农村宅基地审批");
	slip_ctx_set(r, "amount", "12.50");
	r = slip_ctx_add(c, "events");
	slip_ctx_set(r, "time", "2026-11-23 09:30");
	slip_ctx_set(r, "action", "受理");
	slip_ctx_set(r, "clerk", "A017");
	return c;
}

static char *render(const char *key, const slip_ctx *c, int width)
{
	bm_diags d = {0};
	slip_form *f = slip_load_form(FORMS, key, &d);
	if (!f)
		diags_print(&d, stderr);
	ck_assert_msg(f != NULL, "form %s does not load", key);
	diags_free(&d);
	char *s = slip_render_text(f, c, width);
	slip_free(f);
	return s;
}

/* ---- parse errors ----------------------------------------------------- */

static void expect_error(const char *text, const char *want)
{
	bm_diags d = {0};
	slip_form *f = slip_parse("bad.tmpl", text, &d);
	ck_assert_ptr_null(f);
	ck_assert_int_ge(d.errors, 1);
	bool found = false;
	for (size_t i = 0; i < d.n; i++)
		if (strstr(d.msgs[i], want))
			found = true;
	if (!found)
		diags_print(&d, stderr);
	ck_assert_msg(found, "no message containing '%s'", want);
	diags_free(&d);
}

START_TEST(test_parse_errors)
{
	expect_error("title: x\n---\nline one\n{{nmae}}\n", "bad.tmpl:4:");
	expect_error("title: x\n---\nline one\n{{nmae}}\n", "unknown field 'nmae'");
	expect_error("title: x\n---\n{{#each materials}}\n{{name}}\n", "bad.tmpl:3:");
	expect_error("title: x\n---\n{{#each materials}}\n{{name}}\n", "never closed");
	expect_error("title: x\n---\n\n@frobnicate\n", "bad.tmpl:4:");
	expect_error("title: x\n---\n\n@frobnicate\n", "unknown directive @frobnicate");
	expect_error("title: x\n---\n{{#loop materials}}\n{{/loop}}\n", "unknown section");
	expect_error("title: x\n---\n{{#each nothing}}\n{{/each}}\n", "unknown list 'nothing'");
	expect_error("title: x\n---\n{{name}}\n", "unknown field 'name'");   /* only in a list */
	expect_error("title: x\n---\n{{materials}}\n", "is a list");
	expect_error("title: x\n---\n{{#if fee}}\n{{/each}}\n", "bad.tmpl:4:");
	expect_error("title: x\n---\n{{/if}}\n", "closes nothing");
	expect_error("title: x\n---\n{{case_no:abc}}\n", "bad width");
	expect_error("title: x\n---\n{{case_no\n", "without a closing");
	expect_error("title: x\n---\n@row a | b\n", "before any @cols");
	expect_error("title: x\ncolour: red\n---\n", "bad.tmpl:2:");
	expect_error("title: x\n", "no '---' line");
	expect_error("paper: notice\n---\nhello\n", "no 'title:'");
	expect_error("title: x\n---\nA {{#if fee}} yes\n{{/if}}\n", "inside a line");
	expect_error("title: x\n---\n\xff\xfe\n", "not valid UTF-8");
}
END_TEST

START_TEST(test_load_file_error_names_the_file)
{
	char dir[] = "/tmp/bm-slip-XXXXXX";
	ck_assert_ptr_nonnull(mkdtemp(dir));
	char *good = bm_xasprintf("%s/good.tmpl", dir), *bad = bm_xasprintf("%s/broken.tmpl", dir);
	FILE *f = fopen(good, "w");
	fputs("title: 好\n---\n@title\n{{case_no}}\n", f);
	fclose(f);
	f = fopen(bad, "w");
	fputs("title: 坏\n---\n@title\n\n\n{{#each materials}}\n{{nme}}\n{{/each}}\n", f);
	fclose(f);
	bm_diags d = {0};
	slip_form **forms;
	size_t n;
	ck_assert_int_eq(slip_check_dir(dir, &forms, &n, &d), 1);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(slip_key(forms[0]), "good");
	ck_assert_str_eq(slip_title(forms[0]), "好");
	char *want = bm_xasprintf("%s:7:", bad);
	ck_assert_ptr_nonnull(strstr(d.msgs[0], want));
	ck_assert_ptr_nonnull(strstr(d.msgs[0], "inside {{#each materials}}"));
	free(want);
	slip_forms_free(forms, n);
	diags_free(&d);
	unlink(good);
	unlink(bad);
	rmdir(dir);
	free(good);
	free(bad);
}
END_TEST

START_TEST(test_every_form_loads)
{
	bm_diags d = {0};
	slip_form **forms;
	size_t n;
	int broken = slip_check_dir(FORMS, &forms, &n, &d);
	if (broken)
		diags_print(&d, stderr);
	ck_assert_int_eq(broken, 0);
	for (const char *const *k = all_forms; *k; k++) {
		bool there = false;
		for (size_t i = 0; i < n; i++)
			there |= strcmp(slip_key(forms[i]), *k) == 0;
		ck_assert_msg(there, "forms/%s.tmpl missing", *k);
	}
	for (int k = 0; k < KIND__COUNT; k++) {
		slip_form *f = slip_load_form(FORMS, slip_form_for_kind((bm_kind)k), &d);
		ck_assert_ptr_nonnull(f);
		slip_free(f);
	}
	slip_forms_free(forms, n);
	diags_free(&d);
}
END_TEST

/* ---- the language ----------------------------------------------------- */

START_TEST(test_sections_and_values)
{
	bm_diags d = {0};
	slip_form *f = slip_parse("t.tmpl",
		"title: 测试\n---\n"
		"{{! a comment line leaves nothing }}\n"
		"[{{case_no}}]\n"
		"{{#if fee}}\n"
		"fee {{fee}}\n"
		"{{else}}\n"
		"free\n"
		"{{/if}}\n"
		"{{#each materials}}\n"
		"{{no}}.{{name:6}}|{{copies:>3}}|{{center_name}}\n"
		"{{/each}}\n"
		"@@literal\n"
		"{{#if reprint}}REPRINT{{/if}}end\n", &d);
	ck_assert_ptr_nonnull(f);
	slip_ctx *c = slip_ctx_new();
	slip_ctx_set(c, "case_no", "X-1\x1b[2J");
	slip_ctx_set(c, "fee", "0");
	slip_ctx_set(c, "center_name", "中心");
	slip_ctx *r = slip_ctx_add(c, "materials");
	slip_ctx_set(r, "no", "1");
	slip_ctx_set(r, "name", "户口簿");
	slip_ctx_set(r, "copies", "2");
	char *s = slip_render_text(f, c, 80);
	ck_assert_str_eq(s, "[X-1 [2J]\nfree\n1.户口簿|  2|中心\n@literal\nend\n");
	free(s);
	slip_ctx_set(c, "fee", "5.00");
	slip_ctx_set(c, "reprint", "补打");
	s = slip_render_text(f, c, 80);
	ck_assert_ptr_nonnull(strstr(s, "fee 5.00\n"));
	ck_assert_ptr_nonnull(strstr(s, "REPRINTend\n"));
	free(s);
	slip_ctx_free(c);
	slip_free(f);
	diags_free(&d);
}
END_TEST

/* ---- each paper holds what it must ------------------------------------ */

/* what, on the paper: possibly wrapped across lines (a line end and the
 * next line's indent are not part of the text) */
static void must_hold(const char *key, const char *s, const char *what)
{
	char *flow = bm_xstrdup(s), *o = flow;
	for (const char *p = s; *p;) {
		if (*p == '\n') {
			p++;
			while (*p == ' ')
				p++;
			continue;
		}
		*o++ = *p++;
	}
	*o = 0;
	ck_assert_msg(strstr(s, what) != NULL || strstr(flow, what) != NULL, "%s lacks '%s':\n%s", key, what, s);
	free(flow);
}

START_TEST(test_every_paper_carries_the_basics)
{
	slip_ctx *c = sample("承诺件");
	for (const char *const *k = all_forms; *k; k++) {
		char *s = render(*k, c, 80);
		must_hold(*k, s, "青龙镇便民服务中心");
		must_hold(*k, s, "A017");
		must_hold(*k, s, "李秀英");
		must_hold(*k, s, "2026年11月23日");
		bool report = strcmp(*k, "handover") == 0 || strcmp(*k, "daily_close") == 0;
		if (!report) {
			must_hold(*k, s, "QL-20261123-0007");
			must_hold(*k, s, "王德福");
			must_hold(*k, s, MASKED);
			must_hold(*k, s, "农村最低生活保障申请");
			must_hold(*k, s, "民政");
		}
		if (strcmp(*k, "receipt") != 0 && strcmp(*k, "status") != 0) {
			must_hold(*k, s, "0838-1234567");
			must_hold(*k, s, "签字");
		}
		free(s);
	}
	slip_ctx_free(c);
}
END_TEST

START_TEST(test_papers_per_kind)
{
	static const char *const kinds[KIND__COUNT] = {
		"即办件", "承诺件", "补办件", "退回件", "联办件", "上报件"
	};
	for (int k = 0; k < KIND__COUNT; k++) {
		slip_ctx *c = sample(kinds[k]);
		const char *key = slip_form_for_kind((bm_kind)k);
		char *s = render(key, c, 80);
		must_hold(key, s, kinds[k]);
		must_hold(key, s, MASKED);
		ck_assert_ptr_null(strstr(s, "11010519491231"));
		switch ((bm_kind)k) {
		case KIND_SUPPLEMENT:
			must_hold(key, s, "一次性告知");
			must_hold(key, s, "家庭收入情况说明（村委会出具）");
			must_hold(key, s, "银行卡复印件");
			must_hold(key, s, "补齐之日起算");
			must_hold(key, s, "共2项");
			break;
		case KIND_PROMISED:
			must_hold(key, s, "2026年11月30日");
			must_hold(key, s, "5个工作日");
			must_hold(key, s, "12.50");
			break;
		case KIND_RETURNED:
			must_hold(key, s, "缺少户口簿原件（主件）");
			must_hold(key, s, "行政复议");
			break;
		case KIND_JOINT:
			must_hold(key, s, "民政、自然资源、农业");
			must_hold(key, s, "2026年11月30日");
			break;
		case KIND_FORWARDED:
			must_hold(key, s, "县民政局");
			break;
		case KIND_IMMEDIATE:
			must_hold(key, s, "当场办结");
			must_hold(key, s, "2026-000123");
			break;
		default:
			break;
		}
		free(s);
		slip_ctx_free(c);
	}
}
END_TEST

START_TEST(test_supplement_lists_every_missing_material_with_form_and_copies)
{
	slip_ctx *c = sample("补办件");
	char *s = render("notice_supplement", c, 80);
	/* each missing material's row: name, form and copies on the same line */
	const char *line = strstr(s, "银行卡复印件");
	ck_assert_ptr_nonnull(line);
	const char *eol = strchr(line, '\n');
	char *row = bm_xstrndup(line, (size_t)(eol - line));
	ck_assert_ptr_nonnull(strstr(row, "复印件"));
	ck_assert_msg(row[strlen(row) - 1] == '1', "copies right-aligned at the end: %s", row);
	free(row);
	must_hold("notice_supplement", s, "须盖村委会公章");
	/* the present material (户口簿) is not on the list of missing ones */
	ck_assert_ptr_null(strstr(s, "户口簿"));
	free(s);
	slip_ctx_free(c);
}
END_TEST

START_TEST(test_reprint_and_free)
{
	slip_ctx *c = sample("承诺件");
	slip_ctx_set(c, "reprint", "补打");
	slip_ctx_set(c, "reprint_time", "2026年11月25日 14:05");
	slip_ctx_set(c, "reprint_clerk", "赵敏（工号：A020）");
	slip_ctx_set(c, "fee", "");
	char *s = render("notice_promised", c, 80);
	/* 补打 with the reprint's time and clerk; the original's clerk stays */
	must_hold("notice_promised", s, "（补打）");
	must_hold("notice_promised", s, "补打时间：2026年11月25日 14:05");
	must_hold("notice_promised", s, "补打人：赵敏（工号：A020）");
	must_hold("notice_promised", s, "李秀英（工号：A017）");
	must_hold("notice_promised", s, "不收费");
	free(s);
	s = render("receipt", c, 32);
	must_hold("receipt", s, "（补打");
	must_hold("receipt", s, "A020");
	must_hold("receipt", s, "不收费");
	free(s);
	slip_ctx_free(c);
}
END_TEST

/* ---- layout ----------------------------------------------------------- */

/* Column (display width) where `needle` starts on the line holding it. */
static int column_of(const char *s, const char *needle)
{
	const char *p = strstr(s, needle);
	if (!p)
		return -1;
	const char *bol = p;
	while (bol > s && bol[-1] != '\n')
		bol--;
	return text_width_n(bol, (size_t)(p - bol));
}

START_TEST(test_widths)
{
	static const int widths[] = { 32, 42, 48, 80 };
	slip_ctx *c = sample("补办件");
	for (size_t w = 0; w < 4; w++) {
		for (const char *const *k = all_forms; *k; k++) {
			char *s = render(*k, c, widths[w]);
			char *save = NULL;
			char *copy = bm_xstrdup(s);
			for (char *l = strtok_r(copy, "\n", &save); l; l = strtok_r(NULL, "\n", &save))
				ck_assert_msg(text_width(l) <= widths[w], "%s at %d: line too wide (%d): %s",
					      *k, widths[w], text_width(l), l);
			ck_assert(text_utf8_valid(s, strlen(s), NULL));
			free(copy);
			free(s);
		}
		/* label/value columns line up: the values of 申请人 and 证件号码
		 * start in the same column, whatever the widths of the labels */
		char *s = render("notice_supplement", c, widths[w]);
		int a = column_of(s, "王德福\n"), b = column_of(s, MASKED);
		ck_assert_int_gt(a, 0);
		ck_assert_int_eq(a, b);
		/* the title is centred */
		int t = column_of(s, "补办件通知书");
		int tw = text_width("补办件通知书（一次性告知书）");
		if (tw <= widths[w])
			ck_assert_int_le(abs(t - (widths[w] - tw) / 2), 1);
		free(s);
	}
	slip_ctx_free(c);
}
END_TEST

START_TEST(test_table_columns_align)
{
	bm_diags d = {0};
	slip_form *f = slip_parse("t.tmpl",
		"title: t\n---\n@cols 4 * 8 >4\n@head 序号 | 名称 | 形式 | 份数\n"
		"{{#each materials}}\n@row {{no}} | {{name}} | {{form}} | {{copies}}\n{{/each}}\n", &d);
	ck_assert_ptr_nonnull(f);
	slip_ctx *c = sample("x");
	for (int w = 32; w <= 80; w += 8) {
		char *s = slip_render_text(f, c, w);
		/* every row's "form" column starts at the same display column */
		int c1 = column_of(s, "形式");
		int c2 = column_of(s, "原件+复"), c3 = column_of(s, " 复印件 ") + 1;
		ck_assert_int_eq(c1, c2);
		ck_assert_int_eq(c1, c3);
		free(s);
	}
	slip_ctx_free(c);
	slip_free(f);
	diags_free(&d);
}
END_TEST

/* ---- encodings and PDF ------------------------------------------------ */

START_TEST(test_gb18030_round_trip)
{
	slip_ctx *c = sample("补办件");
	char *s = render("notice_supplement", c, 42);
	size_t n;
	bm_error err = {0};
	char *gb = slip_encode(s, "GB18030", &n, &err);
	ck_assert_ptr_nonnull(gb);
	ck_assert_uint_ne(n, strlen(s));          /* it really is another encoding */
	ck_assert(!text_utf8_valid(gb, n, NULL));
	iconv_t cd = iconv_open("UTF-8", "GB18030");
	ck_assert(cd != (iconv_t)-1);
	size_t cap = 4 * n + 4, left = n, room = cap;
	char *back = calloc(1, cap + 1), *in = gb, *out = back;
	ck_assert_uint_ne(iconv(cd, &in, &left, &out, &room), (size_t)-1);
	iconv_close(cd);
	ck_assert_str_eq(back, s);
	free(back);
	free(gb);
	ck_assert_ptr_null(slip_encode(s, "NO-SUCH-CHARSET", &n, &err));
	ck_assert_int_eq(err.code, BM_EINVAL);
	char *u = slip_encode(s, "UTF-8", &n, &err);
	ck_assert_str_eq(u, s);
	free(u);
	free(s);
	slip_ctx_free(c);
}
END_TEST

START_TEST(test_pdf_text)
{
	if (system("command -v pdftotext >/dev/null 2>&1") != 0)
		return;   /* poppler-utils not installed: nothing to compare */
	slip_ctx *c = sample("补办件");
	bm_diags d = {0};
	slip_form *f = slip_load_form(FORMS, "notice_supplement", &d);
	ck_assert_ptr_nonnull(f);
	slip_doc *doc = slip_eval(f, c);
	bm_buf pdf = {0};
	bm_error err = {0};
	ck_assert_int_eq(slip_doc_pdf(doc, &pdf, &err), BM_OK);
	ck_assert(pdf.len > 1000 && memcmp(pdf.data, "%PDF", 4) == 0);
	char path[] = "/tmp/bm-slip-pdf-XXXXXX";
	int fd = mkstemp(path);
	ck_assert_int_ge(fd, 0);
	ck_assert_int_eq(write(fd, pdf.data, pdf.len), (ssize_t)pdf.len);
	close(fd);
	char *cmd = bm_xasprintf("pdftotext -enc UTF-8 %s %s.txt", path, path);
	ck_assert_int_eq(system(cmd), 0);
	char *txt_path = bm_xasprintf("%s.txt", path);
	char *txt = bm_read_file(txt_path, NULL, &err);
	ck_assert_ptr_nonnull(txt);
	must_hold("pdf", txt, "补办件通知书");
	must_hold("pdf", txt, "青龙镇便民服务中心");
	must_hold("pdf", txt, "王德福");
	must_hold("pdf", txt, MASKED);
	must_hold("pdf", txt, "银行卡复印件");
	must_hold("pdf", txt, "补齐之日起算");
	must_hold("pdf", txt, "QL-20261123-0007");
	/* the font is embedded */
	char *fonts = bm_xasprintf("pdffonts %s | grep -c ' yes '", path);
	FILE *p = popen(fonts, "r");
	int nf = 0;
	ck_assert_int_eq(fscanf(p, "%d", &nf), 1);
	pclose(p);
	ck_assert_int_ge(nf, 1);
	unlink(path);
	unlink(txt_path);
	free(fonts);
	free(txt);
	free(txt_path);
	free(cmd);
	bm_buf_free(&pdf);
	slip_doc_free(doc);
	slip_free(f);
	slip_ctx_free(c);
	diags_free(&d);
	/* let LeakSanitizer see only our leaks, not the font caches */
	pango_cairo_font_map_set_default(NULL);
	cairo_debug_reset_static_data();
	void *sym = dlsym(RTLD_DEFAULT, "FcFini");   /* fontconfig, loaded by pango */
	void (*fc_fini)(void) = NULL;
	if (sym)
		memcpy(&fc_fini, &sym, sizeof sym);
	if (fc_fini)
		fc_fini();
}
END_TEST

START_TEST(test_schema)
{
	ck_assert(slip_field_known(NULL, "case_no"));
	ck_assert(!slip_field_known(NULL, "name"));
	ck_assert(slip_field_known("materials", "name"));
	ck_assert(slip_field_known("missing", "copies"));
	ck_assert(slip_field_known("materials", "case_no"));   /* top level inside */
	ck_assert(!slip_field_known("materials", "amount"));
	ck_assert(slip_list_known("fees"));
	ck_assert(!slip_list_known("case_no"));
}
END_TEST

/* Issue 10, point 12: nested lists are refused; output is capped; form
 * names are plain names. */
START_TEST(test_templates_bounded)
{
	bm_diags d = {0};
	ck_assert_ptr_null(slip_parse("n.tmpl", "title: x\n---\n{{#each materials}}{{#each missing}}{{name}}\n{{/each}}{{/each}}\n", &d));
	ck_assert_ptr_nonnull(strstr(d.msgs[0], "lists do not nest"));
	diags_free(&d);
	slip_form *f = slip_parse("big.tmpl", "title: x\n---\n{{#each materials}}\n{{name}} {{name}} {{name}}\n{{/each}}\n", &d);
	ck_assert_ptr_nonnull(f);
	slip_ctx *c = slip_ctx_new();
	char name[200];
	memset(name, 'x', sizeof name - 1);
	name[sizeof name - 1] = 0;
	for (int i = 0; i < 30000; i++)
		slip_ctx_set(slip_ctx_add(c, "materials"), "name", name);
	char *text = slip_render_text(f, c, 2000);
	size_t lines = 0;
	for (const char *p = text; *p; p++)
		lines += *p == '\n';
	ck_assert_uint_le(lines, 20001);
	ck_assert_uint_le(strlen(text), (1u << 20) + 10000);
	ck_assert_ptr_nonnull(strstr(text, "（内容过长，以下从略）\n"));
	free(text);
	slip_ctx_free(c);
	slip_free(f);
	ck_assert(!slip_form_name_ok("../../x"));
	ck_assert(!slip_form_name_ok("a/b"));
	ck_assert(!slip_form_name_ok(""));
	ck_assert(slip_form_name_ok("notice_promised"));
	ck_assert_ptr_null(slip_load_form("forms", "../forms/receipt", &d));
	diags_free(&d);
}
END_TEST

static Suite *slip_suite(void)
{
	Suite *s = suite_create("slip");
	TCase *t = tcase_create("slip");
	tcase_set_timeout(t, 30);
	tcase_add_test(t, test_parse_errors);
	tcase_add_test(t, test_load_file_error_names_the_file);
	tcase_add_test(t, test_every_form_loads);
	tcase_add_test(t, test_sections_and_values);
	tcase_add_test(t, test_every_paper_carries_the_basics);
	tcase_add_test(t, test_papers_per_kind);
	tcase_add_test(t, test_supplement_lists_every_missing_material_with_form_and_copies);
	tcase_add_test(t, test_reprint_and_free);
	tcase_add_test(t, test_widths);
	tcase_add_test(t, test_table_columns_align);
	tcase_add_test(t, test_gb18030_round_trip);
	tcase_add_test(t, test_pdf_text);
	tcase_add_test(t, test_schema);
	tcase_add_test(t, test_templates_bounded);
	suite_add_tcase(s, t);
	return s;
}

BM_UNIT_MAIN(slip_suite)
