/* test_text.c - UTF-8, display widths, padding, wrapping, pinyin search. */
#include "bianmin/text.h"
#include "unit.h"

#include <string.h>

START_TEST(utf8_decode_encode)
{
	uint32_t cp;
	ck_assert_uint_eq(text_utf8_decode("A", 1, &cp), 1);
	ck_assert_uint_eq(cp, 'A');
	ck_assert_uint_eq(text_utf8_decode("民", 3, &cp), 3);
	ck_assert_uint_eq(cp, 0x6C11);
	ck_assert_uint_eq(text_utf8_decode("\xF0\xA0\x80\x80", 4, &cp), 4);
	ck_assert_uint_eq(cp, 0x20000);
	/* Bad input: U+FFFD, one byte consumed. */
	ck_assert_uint_eq(text_utf8_decode("\xFF", 1, &cp), 1);
	ck_assert_uint_eq(cp, 0xFFFD);
	ck_assert_uint_eq(text_utf8_decode("\xE6\xB0", 2, &cp), 1);   /* truncated */
	ck_assert_uint_eq(cp, 0xFFFD);
	ck_assert_uint_eq(text_utf8_decode("\xC0\x80", 2, &cp), 1);   /* overlong NUL */
	ck_assert_uint_eq(cp, 0xFFFD);
	ck_assert_uint_eq(text_utf8_decode("\xED\xA0\x80", 3, &cp), 1);   /* surrogate */
	ck_assert_uint_eq(cp, 0xFFFD);

	char buf[4];
	ck_assert_uint_eq(text_utf8_encode(0x6C11, buf), 3);
	ck_assert(memcmp(buf, "民", 3) == 0);
	ck_assert_uint_eq(text_utf8_encode(0x1F600, buf), 4);
	ck_assert_uint_eq(text_utf8_encode(0xD800, buf), 3);   /* surrogate -> U+FFFD */
	ck_assert(memcmp(buf, "\xEF\xBF\xBD", 3) == 0);

	size_t bad = 99;
	ck_assert(text_utf8_valid("便民服务", strlen("便民服务"), &bad));
	ck_assert(!text_utf8_valid("便\xFF民", 5, &bad));
	ck_assert_uint_eq(bad, 3);
	ck_assert(!text_utf8_valid("ab\xE4\xB8", 4, &bad));
	ck_assert_uint_eq(bad, 2);
}
END_TEST

START_TEST(widths)
{
	ck_assert_int_eq(text_cp_width('a'), 1);
	ck_assert_int_eq(text_cp_width(0x4E00), 2);    /* 一 */
	ck_assert_int_eq(text_cp_width(0x9FA5), 2);
	ck_assert_int_eq(text_cp_width(0x3400), 2);    /* Ext A */
	ck_assert_int_eq(text_cp_width(0x3000), 2);    /* ideographic space */
	ck_assert_int_eq(text_cp_width(0x3002), 2);    /* 。 */
	ck_assert_int_eq(text_cp_width(0xFF0C), 2);    /* ， */
	ck_assert_int_eq(text_cp_width(0xFF08), 2);    /* （ */
	ck_assert_int_eq(text_cp_width(0xFFE5), 2);    /* ￥ */
	ck_assert_int_eq(text_cp_width(0xAC00), 2);    /* 가 */
	ck_assert_int_eq(text_cp_width(0x3042), 2);    /* あ */
	ck_assert_int_eq(text_cp_width(0x30A2), 2);    /* ア */
	ck_assert_int_eq(text_cp_width(0x2026), 1);    /* … */
	ck_assert_int_eq(text_cp_width(0x00B7), 1);    /* · */
	ck_assert_int_eq(text_cp_width(0xFF61), 1);    /* halfwidth 。 */
	ck_assert_int_eq(text_cp_width(0x0301), 0);    /* combining acute */
	ck_assert_int_eq(text_cp_width(0x200B), 0);    /* zero width space */
	ck_assert_int_eq(text_cp_width('\n'), 0);
	ck_assert_int_eq(text_cp_width(0x7F), 0);

	ck_assert_int_eq(text_width("便民服务中心"), 12);
	ck_assert_int_eq(text_width("MZ-001 低保"), 11);
	ck_assert_int_eq(text_width("e\xCC\x81"), 1);  /* e + combining acute */
	ck_assert_int_eq(text_width("a\xFF" "b"), 3);  /* U+FFFD counts 1 */
	ck_assert_int_eq(text_width(""), 0);
	ck_assert_int_eq(text_width(NULL), 0);
	ck_assert_int_eq(text_width_n("便民服务", 6), 4);

	int used;
	ck_assert_uint_eq(text_fit_bytes("便民服务", 5, &used), 6);
	ck_assert_int_eq(used, 4);
	ck_assert_uint_eq(text_fit_bytes("ab便", 3, &used), 2);
	ck_assert_int_eq(used, 2);
	ck_assert_uint_eq(text_fit_bytes("e\xCC\x81x", 1, &used), 3);   /* mark kept with its base */
}
END_TEST

static void pad_is(const char *s, int width, bool ellipsis, const char *want)
{
	char *got = text_pad(s, width, ellipsis);
	ck_assert_str_eq(got, want);
	ck_assert_int_eq(text_width(got), width < 0 ? 0 : width);
	free(got);
}

START_TEST(padding)
{
	pad_is("低保", 6, false, "低保  ");
	pad_is("低保", 4, false, "低保");
	pad_is("城乡居民最低生活保障", 8, false, "城乡居民");
	pad_is("城乡居民最低生活保障", 8, true, "城乡居 …");    /* 居民 would straddle: space */
	pad_is("城乡居民最低生活保障", 9, true, "城乡居民…");
	pad_is("城乡居民最低生活保障", 7, false, "城乡居 ");
	pad_is("abc", 2, true, "a…");
	pad_is("abc", 1, true, "…");
	pad_is("abc", 0, true, "");
	pad_is("abc", -3, true, "");
	pad_is(NULL, 3, true, "   ");
	pad_is("a\xFF", 3, false, "a\xEF\xBF\xBD ");          /* bad byte -> U+FFFD */
	pad_is("a\tb\n", 4, false, "a b ");                   /* tab -> space, newline dropped */
	pad_is("保\t》", 4, false, "保  ");                    /* the tab's column is counted */

	char *p = text_pad_left("12.50", 8);
	ck_assert_str_eq(p, "   12.50");
	free(p);
	p = text_pad_left("民政", 5);
	ck_assert_str_eq(p, " 民政");
	free(p);
	p = text_pad_left("城乡居民", 5);
	ck_assert_str_eq(p, "城乡…");
	ck_assert_int_eq(text_width(p), 5);
	free(p);
}
END_TEST

static char **wrap(const char *s, int width, size_t *n)
{
	char **lines = text_wrap(s, width, n);
	ck_assert_ptr_nonnull(lines);
	ck_assert_ptr_null(lines[*n]);
	for (size_t i = 0; i < *n; i++) {
		ck_assert_msg(text_utf8_valid(lines[i], strlen(lines[i]), NULL), "line %zu not UTF-8", i);
		ck_assert_msg(text_width(lines[i]) <= width, "line %zu '%s' wider than %d", i, lines[i], width);
	}
	return lines;
}

START_TEST(wrapping_latin)
{
	size_t n;
	char **l = wrap("the quick brown fox jumps", 10, &n);
	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(l[0], "the quick");
	ck_assert_str_eq(l[1], "brown fox");
	ck_assert_str_eq(l[2], "jumps");
	text_lines_free(l);

	/* A word longer than the line is cut. */
	l = wrap("abcdefghij", 4, &n);
	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(l[0], "abcd");
	ck_assert_str_eq(l[2], "ij");
	text_lines_free(l);

	l = wrap("one\n\ntwo", 10, &n);
	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(l[1], "");
	ck_assert_str_eq(l[2], "two");
	text_lines_free(l);

	l = wrap("", 10, &n);
	ck_assert_uint_eq(n, 0);
	text_lines_free(l);
}
END_TEST

START_TEST(wrapping_cjk)
{
	size_t n;
	char **l = wrap("申请人及共同生活家庭成员", 10, &n);
	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(l[0], "申请人及共");
	ck_assert_str_eq(l[1], "同生活家庭");
	ck_assert_str_eq(l[2], "成员");
	text_lines_free(l);

	/* Odd width: never half a character. */
	l = wrap("申请人及共同", 5, &n);
	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(l[0], "申请");
	text_lines_free(l);

	/* ，must not begin a line: 及 goes down with it. */
	l = wrap("申请人及，共同生活", 8, &n);
	ck_assert_str_eq(l[0], "申请人");
	ck_assert_str_eq(l[1], "及，共同");
	text_lines_free(l);

	/* Mixed: Latin word kept whole, CJK breaks anywhere. */
	l = wrap("身份证 copy 两份", 8, &n);
	ck_assert_str_eq(l[0], "身份证");
	ck_assert_str_eq(l[1], "copy 两");
	ck_assert_str_eq(l[2], "份");
	text_lines_free(l);

	/* Every byte of the input comes back, in order, minus spaces at breaks. */
	const char *s = "《社会救助暂行办法》第十一条：城乡居民最低生活保障（低保）申请，需提交居民身份证、户口簿。";
	for (int w = 2; w <= 30; w++) {
		l = wrap(s, w, &n);
		char joined[512] = "";
		for (size_t i = 0; i < n; i++)
			strcat(joined, l[i]);
		ck_assert_str_eq(joined, s);
		for (size_t i = 0; i < n && w >= 4; i++) {
			ck_assert_msg(strncmp(l[i], "，", 3) != 0 && strncmp(l[i], "。", 3) != 0
				      && strncmp(l[i], "）", 3) != 0 && strncmp(l[i], "》", 3) != 0,
				      "width %d line %zu starts with closing punctuation: %s", w, i, l[i]);
		}
		text_lines_free(l);
	}

	/* Bad bytes are replaced, not split. */
	l = wrap("ab\xFF\xFE" "cd", 3, &n);
	ck_assert_str_eq(l[0], "ab\xEF\xBF\xBD");
	text_lines_free(l);
}
END_TEST

START_TEST(contains)
{
	ck_assert(text_contains("MZ-001 城乡低保", "mz-0"));
	ck_assert(text_contains("MZ-001 城乡低保", "低保"));
	ck_assert(text_contains("abc", ""));
	ck_assert(!text_contains("abc", "abcd"));
	ck_assert(!text_contains("城乡", "低保"));
	ck_assert(!text_contains(NULL, "a"));
}
END_TEST

START_TEST(pinyin_initials)
{
	ck_assert_uint_eq(text_pinyin_initials(0x4F4E), 1u << ('d' - 'a'));   /* 低 */
	/* Heteronyms carry every initial. */
	struct { const char *ch; const char *letters; } h[] = {
		{"行", "xh"}, {"长", "cz"}, {"重", "zc"}, {"会", "hk"}, {"乐", "ly"},
		{"区", "qo"}, {"单", "dsc"}, {"绿", "l"}, {"女", "n"},
	};
	for (size_t i = 0; i < sizeof h / sizeof h[0]; i++) {
		uint32_t cp;
		text_utf8_decode(h[i].ch, strlen(h[i].ch), &cp);
		uint32_t m = text_pinyin_initials(cp);
		for (const char *c = h[i].letters; *c; c++)
			ck_assert_msg(m & (1u << (*c - 'a')), "%s lacks initial %c", h[i].ch, *c);
	}
	ck_assert_uint_eq(text_pinyin_initials('a'), 0);
	ck_assert_uint_eq(text_pinyin_initials(0x3002), 0);
}
END_TEST

START_TEST(pinyin_match)
{
	ck_assert(text_pinyin_match("最低生活保障（低保）申请", "dbsq"));   /* （） skipped */
	ck_assert(text_pinyin_match("低保申请", "dbsq"));
	ck_assert(text_pinyin_match("城乡居民最低生活保障低保申请", "dbsq"));
	ck_assert(!text_pinyin_match("城乡居民最低生活保障申请", "dbsq"));
	ck_assert(text_pinyin_match("户口迁移", "hk"));
	ck_assert(text_pinyin_match("户口迁移", "HKQY"));
	ck_assert(text_pinyin_match("城乡居民医保参保登记", "cxjmyb"));
	ck_assert(text_pinyin_match("城乡居民医保参保登记", "yb cb"));   /* spaces ignored */
	/* Heteronyms by either reading. */
	ck_assert(text_pinyin_match("银行卡", "yhk"));
	ck_assert(text_pinyin_match("行政许可", "xzxk"));
	ck_assert(text_pinyin_match("重大疾病", "zdjb"));
	ck_assert(text_pinyin_match("重新办理", "cxbl"));
	ck_assert(text_pinyin_match("会计", "kj"));
	ck_assert(text_pinyin_match("单位", "dw"));
	/* Punctuation between characters is skipped. */
	ck_assert(text_pinyin_match("低保·申请", "dbsq"));
	ck_assert(text_pinyin_match("户口（迁移）", "hkqy"));
	/* ASCII in the text matches itself. */
	ck_assert(text_pinyin_match("MZ-001 低保", "mz001"));
	ck_assert(text_pinyin_match("MZ-001 低保", "1db"));
	/* Non-matches. */
	ck_assert(!text_pinyin_match("户口迁移", "hkx"));
	ck_assert(!text_pinyin_match("户口迁移", "kh"));
	ck_assert(!text_pinyin_match("户口迁移", "低"));   /* non-ASCII query */
	ck_assert(!text_pinyin_match("", "a"));
	ck_assert(!text_pinyin_match(NULL, "a"));
	ck_assert(text_pinyin_match("户口迁移", ""));
	/* Bad bytes do not crash and do not match letters. */
	ck_assert(!text_pinyin_match("\xFF\xFE", "a"));
}
END_TEST

static Suite *text_suite(void)
{
	Suite *s = suite_create("text");
	TCase *tc = tcase_create("text");
	tcase_add_test(tc, utf8_decode_encode);
	tcase_add_test(tc, widths);
	tcase_add_test(tc, padding);
	tcase_add_test(tc, wrapping_latin);
	tcase_add_test(tc, wrapping_cjk);
	tcase_add_test(tc, contains);
	tcase_add_test(tc, pinyin_initials);
	tcase_add_test(tc, pinyin_match);
	suite_add_tcase(s, tc);
	return s;
}

BM_UNIT_MAIN(text_suite)
