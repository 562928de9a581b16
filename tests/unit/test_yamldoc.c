/* test_yamldoc.c - the event-driven tree builder keeps what libyaml's
 * document loader gave: aliases share their anchor's node, libyaml's
 * sentences for a bad alias or anchor at the same place, one document
 * per file, duplicate keys in document order, empty lists and maps, a
 * byte that is not UTF-8 named wherever it is. */
#include "bianmin/yamldoc.h"
#include "unit.h"

#include <string.h>

static yd_doc *load(const char *text, bm_diags *d)
{
	return yd_load_mem("t.yaml", text, strlen(text), d);
}

/* the message d->msgs[i] begins with want */
static void msg_starts(const bm_diags *d, size_t i, const char *want)
{
	ck_assert_uint_gt(d->n, i);
	ck_assert_msg(strncmp(d->msgs[i], want, strlen(want)) == 0, "got: %s", d->msgs[i]);
}

START_TEST(aliases_share_nodes)
{
	bm_diags d = {0};
	yd_doc *doc = load("a: &x {k: 1}\nb: *x\nc: &s [1, *s]\n", &d);
	ck_assert_ptr_nonnull(doc);
	ck_assert_int_eq(d.errors, 0);
	ck_assert_ptr_eq(yd_get(doc->root, "a"), yd_get(doc->root, "b"));
	ck_assert_int_eq(yd_get(doc->root, "b")->line, 1);
	ck_assert_int_eq(yd_get(doc->root, "b")->col, 4);
	/* an alias to the list that holds it: the list itself, as before */
	const yd_node *s = yd_get(doc->root, "c");
	ck_assert_uint_eq(s->n, 2);
	ck_assert_ptr_eq(s->kids[1], s);
	yd_free(doc);
	diags_free(&d);
}
END_TEST

START_TEST(bad_alias_and_anchor)
{
	bm_diags d = {0};
	ck_assert_ptr_null(load("a: &x 1\nb: *x\nc: *y\n", &d));
	ck_assert_int_eq(d.errors, 1);
	msg_starts(&d, 0, "t.yaml:3:4: YAML syntax error: found undefined alias");
	diags_free(&d);
	bm_diags d2 = {0};
	ck_assert_ptr_null(load("a: &x 1\nb: &x 2\n", &d2));
	msg_starts(&d2, 0, "t.yaml:2:4: YAML syntax error: second occurrence (found duplicate anchor; "
		   "first occurrence at line 1, column 4)");
	diags_free(&d2);
}
END_TEST

START_TEST(one_document)
{
	bm_diags d = {0};
	yd_doc *doc = load("a: 1\n---\nb: 2\n", &d);
	ck_assert_ptr_nonnull(doc);   /* the first is still checked */
	ck_assert_int_eq(d.errors, 1);
	msg_starts(&d, 0, "t.yaml:3:1: only one YAML document is allowed in this file");
	ck_assert_str_eq(yd_get(doc->root, "a")->str, "1");
	yd_free(doc);
	diags_free(&d);
	bm_diags d2 = {0};
	doc = load("a: 1\n---\nb: *zz\n", &d2);
	msg_starts(&d2, 0, "t.yaml:3:4: YAML syntax error: found undefined alias");
	yd_free(doc);
	diags_free(&d2);
	bm_diags d3 = {0};
	doc = load("# nothing\n", &d3);
	ck_assert_ptr_nonnull(doc);
	ck_assert_ptr_null(doc->root);
	ck_assert_int_eq(d3.errors, 0);
	yd_free(doc);
	diags_free(&d3);
}
END_TEST

START_TEST(duplicates_in_document_order)
{
	/* the outer mapping's duplicate first, though the inner ones close
	 * before it */
	bm_diags d = {0};
	yd_doc *doc = load("a: 1\nb:\n  x: 1\n  x: 2\n  y: {p: 1, p: 2}\na: 3\n", &d);
	ck_assert_ptr_nonnull(doc);
	ck_assert_int_eq(d.errors, 3);
	msg_starts(&d, 0, "t.yaml:6:1: duplicate key 'a' (first at line 1)");
	msg_starts(&d, 1, "t.yaml:4:3: duplicate key 'x' (first at line 3)");
	msg_starts(&d, 2, "t.yaml:5:13: duplicate key 'p' (first at line 5)");
	yd_free(doc);
	diags_free(&d);
}
END_TEST

START_TEST(empty_collections)
{
	bm_diags d = {0};
	yd_doc *doc = load("[]", &d);
	ck_assert_ptr_nonnull(doc);
	ck_assert_int_eq(doc->root->kind, YD_SEQ);
	ck_assert_uint_eq(doc->root->n, 0);
	yd_free(doc);
	doc = load("a: []\nb: {}\nc:\n", &d);
	ck_assert_int_eq(d.errors, 0);
	ck_assert_uint_eq(yd_get(doc->root, "a")->n, 0);
	ck_assert_int_eq(yd_get(doc->root, "b")->kind, YD_MAP);
	ck_assert_uint_eq(yd_get(doc->root, "b")->n, 0);
	ck_assert_str_eq(yd_get(doc->root, "c")->str, "");
	ck_assert(yd_get(doc->root, "c")->plain);
	yd_free(doc);
	diags_free(&d);
}
END_TEST

/* UTF-8 is left to libyaml's reader while it reads on; when it stops
 * early, a bad byte anywhere is still the one message, as before */
START_TEST(bad_utf8_wherever_it_is)
{
	static const struct { const char *text, *want; } cases[] = {
		{"a: 1\n---\nb: 2\n---\nc: \xff\n", "t.yaml:5:4: invalid UTF-8 byte 0xFF"},   /* third document */
		{"a: [1\nb: \xff\n", "t.yaml:2:4: invalid UTF-8 byte 0xFF"},                    /* after a syntax error */
		{"a: *x\nb: \xc3\n", "t.yaml:2:4: invalid UTF-8 byte 0xC3"},                     /* after a bad alias */
		{"a: 1 # \xfe\n", "t.yaml:1:8: invalid UTF-8 byte 0xFE"},                         /* in a comment */
		{"x: \xed\xa0\x80\n", "t.yaml:1:4: invalid UTF-8 byte 0xED"},                   /* a surrogate */
		{"a: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n\xff\n",
		 "t.yaml:2:1: invalid UTF-8 byte 0xFF"},                                            /* after deep flow */
	};
	for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
		bm_diags d = {0};
		ck_assert_ptr_null(load(cases[i].text, &d));
		ck_assert_int_eq(d.errors, 1);
		msg_starts(&d, 0, cases[i].want);
		diags_free(&d);
	}
	bm_diags d = {0};
	yd_doc *doc = load("a: \x01\n", &d);   /* valid UTF-8: libyaml's sentence */
	ck_assert_ptr_null(doc);
	msg_starts(&d, 0, "t.yaml:1:4: YAML syntax error: control characters are not allowed");
	diags_free(&d);
}
END_TEST

static Suite *yamldoc_suite(void)
{
	Suite *s = suite_create("yamldoc");
	TCase *tc = tcase_create("builder");
	tcase_add_test(tc, aliases_share_nodes);
	tcase_add_test(tc, bad_alias_and_anchor);
	tcase_add_test(tc, one_document);
	tcase_add_test(tc, duplicates_in_document_order);
	tcase_add_test(tc, empty_collections);
	tcase_add_test(tc, bad_utf8_wherever_it_is);
	suite_add_tcase(s, tc);
	return s;
}

BM_UNIT_MAIN(yamldoc_suite)
