/* catalog.c - catalog.yaml -> bm_catalog, reporting every mistake of the
 * file in one run.  The format is in bianmin-catalog(5). */
#include "bianmin/catalog.h"
#include "bianmin/sha256.h"
#include "bianmin/yamldoc.h"

#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const top_keys[] = {"version", "items", NULL};
static const char *const item_keys[] = {
	"code", "name", "window", "department", "regime", "basis", "statutory_days", "extension_days", "promise_allowed",
	"promised_days", "fee", "proxy", "site_visit", "joint_windows", "forward_to",
	"refusal", "keywords", "procedure", "collect", "phone", "materials",
	"min_age", "max_age", "sex", NULL};
static const char *const fee_keys[] = {"amount", "basis", NULL};
static const char *const material_keys[] = {"name", "form", "copies", "main", "note", NULL};

/* Longest time limit we believe: ten years of working days. */
#define MAX_DAYS 2500

/* ---- regimes and forms ------------------------------------------------ */

static const char *const regime_keys[] = {"direct", "promise", "joint", "forward", "control"};
/* 直接办理 承诺办理 联合办理 负责办理(上报) 明确答复(控制) */
static const char *const regime_labels[] = {
	N_("Direct (on the spot)"), N_("Promise"), N_("Joint"), N_("Forward"), N_("Control (refusal)")};
static const char *const form_keys[] = {"original", "copy", "original+copy"};
static const char *const form_labels[] = {N_("Original"), N_("Copy"), N_("Original and copy")};

const char *regime_key(bm_regime r)
{
	return (unsigned)r <= REGIME_CONTROL ? regime_keys[r] : "?";
}

const char *regime_label(bm_regime r)
{
	return (unsigned)r <= REGIME_CONTROL ? _(regime_labels[r]) : "?";
}

bool regime_parse(const char *s, bm_regime *out)
{
	for (int i = 0; i <= REGIME_CONTROL; i++)
		if (s && !strcmp(s, regime_keys[i])) {
			*out = (bm_regime)i;
			return true;
		}
	return false;
}

const char *form_key(bm_form f)
{
	return (unsigned)f <= FORM_BOTH ? form_keys[f] : "?";
}

const char *form_label(bm_form f)
{
	return (unsigned)f <= FORM_BOTH ? _(form_labels[f]) : "?";
}

bool form_parse(const char *s, bm_form *out)
{
	for (int i = 0; i <= FORM_BOTH; i++)
		if (s && !strcmp(s, form_keys[i])) {
			*out = (bm_form)i;
			return true;
		}
	return false;
}

/* ---- freeing ---------------------------------------------------------- */

static void item_free(bm_item *it)
{
	free(it->code);
	free(it->name);
	free(it->window);
	free(it->department);
	free(it->basis);
	free(it->fee_basis);
	yd_strings_free(it->joint_windows, it->n_joint_windows);
	free(it->forward_to);
	free(it->refusal);
	yd_strings_free(it->keywords, it->n_keywords);
	yd_strings_free(it->procedure, it->n_procedure);
	free(it->collect);
	free(it->phone);
	for (size_t i = 0; i < it->n_materials; i++) {
		free(it->materials[i].name);
		free(it->materials[i].note);
	}
	free(it->materials);
}

void catalog_free(bm_catalog *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->n_items; i++)
		item_free(&c->items[i]);
	free(c->items);
	free(c->path);
	free(c);
}

const bm_item *catalog_find(const bm_catalog *c, const char *code)
{
	if (!c || !code)
		return NULL;
	for (size_t i = 0; i < c->n_items; i++)
		if (!strcmp(c->items[i].code, code))
			return &c->items[i];
	return NULL;
}

/* ---- loading ---------------------------------------------------------- */

static void load_fee(yd_doc *doc, const yd_node *fee, bm_item *it)
{
	if (!yd_expect_map(doc, fee, "'fee'"))
		return;
	yd_check_keys(doc, fee, fee_keys);
	yd_string(doc, fee, "basis", false, &it->fee_basis);
	const yd_node *a = yd_get(fee, "amount");
	if (!a) {
		yd_error(doc, fee, _("missing required key '%s'"), "amount");
		return;
	}
	if (a->kind != YD_SCALAR) {
		yd_error(doc, a, "%s", _("fee amount must be a number such as \"10.00\", not a list or mapping"));
		return;
	}
	/* Read from the text, never through floating point. */
	const char *s = a->str;
	if (*s == '-') {
		yd_error(doc, a, _("fee amount must not be negative (got %s)"), s);
		return;
	}
	if (!bm_money_parse(s, &it->fee_fen)) {
		const char *dot = strchr(s, '.');
		size_t digits = dot ? strspn(dot + 1, "0123456789") : 0;
		bool numeric = *s >= '0' && *s <= '9' && strspn(s, "0123456789.") == strlen(s) &&
			       dot && !strchr(dot + 1, '.');
		if (numeric && digits > 2)
			yd_error(doc, a, _("fee amount has more than two decimals (got %s)"), s);
		else
			yd_error(doc, a, _("fee amount is not a number of yuan such as \"10.00\" (got '%s')"), s);
		return;
	}
	if (it->fee_fen > BM_FEE_MAX_FEN) {
		yd_error(doc, a, _("fee amount is over the limit of 1000000.00 yuan for one fee (got %s)"), s);
		return;
	}
	it->has_fee = true;
}

static void load_material(yd_doc *doc, const yd_node *m, bm_material *mat)
{
	mat->copies = 1;
	mat->form = FORM_ORIGINAL;
	yd_check_keys(doc, m, material_keys);
	yd_string(doc, m, "name", true, &mat->name);
	yd_string(doc, m, "note", false, &mat->note);
	char *form = NULL;
	if (yd_string(doc, m, "form", false, &form) && form && !form_parse(form, &mat->form))
		yd_error(doc, yd_get(m, "form"),
			 _("unknown material form '%s' (allowed: original, copy, original+copy)"), form);
	free(form);
	yd_int(doc, m, "copies", false, 1, 1000, &mat->copies);
	yd_bool(doc, m, "main", &mat->main);
}

static void load_materials(yd_doc *doc, const yd_node *list, bm_item *it)
{
	if (!list)
		return;
	if (!yd_expect_seq(doc, list, "'materials'"))
		return;
	/* materials: [] -- an item that needs nothing (a 控制 item) */
	if (list->n == 0)
		return;
	if (list->n > CATALOG_MAX_MATERIALS) {
		yd_error(doc, list, _("an item lists %zu materials; at most %d are allowed"), list->n, CATALOG_MAX_MATERIALS);
		return;
	}
	it->materials = bm_xcalloc(list->n, sizeof *it->materials);
	const char *what = _("a material");   /* translated once, not per material */
	for (size_t i = 0; i < list->n; i++) {
		const yd_node *m = list->kids[i];
		if (!yd_expect_map(doc, m, what))
			continue;
		load_material(doc, m, &it->materials[it->n_materials++]);
	}
}

/* Rules that tie the regime (五制) to the other keys. */
static void check_regime(yd_doc *doc, const yd_node *m, bm_item *it)
{
	const yd_node *r = yd_get(m, "regime");
	const yd_node *pd = yd_get(m, "promised_days");
	switch (it->regime) {
	case REGIME_PROMISE:
	case REGIME_JOINT:
	case REGIME_FORWARD:
		if (it->promised_days < 0 && !pd)
			yd_error(doc, r, _("a '%s' item needs 'promised_days' (the promised working days)"),
				 regime_key(it->regime));
		break;
	default:
		break;
	}
	if (it->regime == REGIME_JOINT && !yd_get(m, "joint_windows"))
		yd_error(doc, r, "%s", _("a 'joint' item needs 'joint_windows' (the other windows taking part)"));
	if (it->regime == REGIME_CONTROL && !yd_get(m, "refusal"))
		yd_error(doc, r, "%s", _("a 'control' item needs 'refusal' (the reason given to the applicant)"));
}

/* Who may apply, as the ID number proves it: min_age, max_age, sex. */
static void load_eligibility(yd_doc *doc, const yd_node *m, bm_item *it)
{
	yd_int(doc, m, "min_age", false, 0, 150, &it->min_age);
	yd_int(doc, m, "max_age", false, 0, 150, &it->max_age);
	if (it->min_age >= 0 && it->max_age >= 0 && it->min_age > it->max_age)
		yd_error(doc, yd_get(m, "max_age"), _("max_age (%d) is less than min_age (%d)"), it->max_age,
			 it->min_age);
	char *sex = NULL;
	if (yd_string(doc, m, "sex", false, &sex) && sex) {
		if (strcmp(sex, "female") == 0)
			it->sex = 'F';
		else if (strcmp(sex, "male") == 0)
			it->sex = 'M';
		else
			yd_error(doc, yd_get(m, "sex"), _("unknown sex '%s' (allowed: female, male)"), sex);
	}
	free(sex);
}

static void load_item(yd_doc *doc, const yd_node *m, bm_item *it)
{
	it->line = m->line;
	it->statutory_days = it->promised_days = -1;
	it->min_age = it->max_age = -1;
	yd_check_keys(doc, m, item_keys);
	yd_string(doc, m, "code", true, &it->code);
	yd_string(doc, m, "name", true, &it->name);
	yd_string(doc, m, "window", true, &it->window);
	yd_string(doc, m, "department", false, &it->department);
	yd_string(doc, m, "basis", false, &it->basis);
	yd_string(doc, m, "forward_to", false, &it->forward_to);
	yd_string(doc, m, "collect", false, &it->collect);
	yd_string(doc, m, "phone", false, &it->phone);
	yd_int(doc, m, "statutory_days", false, 0, MAX_DAYS, &it->statutory_days);
	yd_int(doc, m, "promised_days", false, 0, MAX_DAYS, &it->promised_days);
	yd_bool(doc, m, "proxy", &it->proxy);
	yd_bool(doc, m, "site_visit", &it->site_visit);
	yd_strings(doc, m, "keywords", false, &it->keywords, &it->n_keywords);
	yd_strings(doc, m, "procedure", false, &it->procedure, &it->n_procedure);
	load_eligibility(doc, m, it);

	char *regime = NULL;
	bool regime_ok = false;
	if (yd_string(doc, m, "regime", true, &regime)) {
		regime_ok = regime_parse(regime, &it->regime);
		if (!regime_ok)
			yd_error(doc, yd_get(m, "regime"),
				 _("unknown regime '%s' (allowed: direct, promise, joint, forward, control)"), regime);
	}
	free(regime);

	/* joint_windows must not be empty when given; refusal likewise */
	yd_strings(doc, m, "joint_windows", it->regime == REGIME_JOINT && regime_ok,
		   &it->joint_windows, &it->n_joint_windows);
	yd_string(doc, m, "refusal", it->regime == REGIME_CONTROL && regime_ok && yd_get(m, "refusal"),
		  &it->refusal);
	const yd_node *fee = yd_get(m, "fee");
	if (fee)
		load_fee(doc, fee, it);
	load_materials(doc, yd_get(m, "materials"), it);
	if (it->promised_days >= 0 && it->statutory_days >= 0 && it->promised_days > it->statutory_days)
		yd_error(doc, yd_get(m, "promised_days"), _("promised_days (%d) is greater than statutory_days (%d)"),
			 it->promised_days, it->statutory_days);
	if (regime_ok)
		check_regime(doc, m, it);
	/* 行政许可法 art. 42: one extension of at most 10 working days unless
	 * a law says otherwise */
	it->extension_days = 10;
	yd_int(doc, m, "extension_days", false, 0, MAX_DAYS, &it->extension_days);
	yd_bool(doc, m, "promise_allowed", &it->promise_allowed);
	if (it->promise_allowed && regime_ok && it->regime != REGIME_CONTROL)
		yd_error(doc, yd_get(m, "promise_allowed"), "%s",
			 _("'promise_allowed' is for a 'control' item (the others are promised by their regime)"));
	if (it->promise_allowed && it->promised_days < 0 && it->statutory_days < 0)
		yd_error(doc, yd_get(m, "promise_allowed"), "%s",
			 _("a control item with 'promise_allowed' needs 'promised_days' or 'statutory_days'"));
}

static void load_items(yd_doc *doc, const yd_node *list, bm_catalog *c)
{
	if (!yd_expect_seq(doc, list, "'items'"))
		return;
	if (list->n == 0) {
		yd_error(doc, list, "%s", _("'items' must not be empty"));
		return;
	}
	if (list->n > CATALOG_MAX_ITEMS) {
		yd_error(doc, list, _("the catalog lists %zu items; at most %d are allowed"), list->n, CATALOG_MAX_ITEMS);
		return;
	}
	c->items = bm_xcalloc(list->n, sizeof *c->items);
	int *code_line = bm_xcalloc(list->n, sizeof *code_line);
	yd_strset codes;   /* code -> its line: a linear duplicate check */
	yd_strset_init(&codes, list->n);
	const char *what = _("an item");
	for (size_t i = 0; i < list->n; i++) {
		const yd_node *m = list->kids[i];
		if (!yd_expect_map(doc, m, what))
			continue;
		bm_item *it = &c->items[c->n_items++];
		load_item(doc, m, it);
		c->n_materials += it->n_materials;
		if (!it->code)
			continue;
		code_line[c->n_items - 1] = yd_get(m, "code")->line;
		const int *first = yd_strset_add(&codes, it->code, &code_line[c->n_items - 1]);
		if (first)
			yd_error(doc, yd_get(m, "code"), _("duplicate item code %s (first defined at line %d)"),
				 it->code, *first);
	}
	yd_strset_free(&codes);
	free(code_line);
}

static void fingerprint(const char *bytes, size_t len, char hex[65])
{
	unsigned char h[crypto_hash_sha256_BYTES];
	if (sodium_init() < 0) {
		hex[0] = '\0';
		return;
	}
	bm_sha256(bytes, len, h);   /* Nettle: the CPU's SHA instructions when it has them */
	sodium_bin2hex(hex, 65, h, sizeof h);
}

bm_catalog *catalog_load(const char *path, bm_diags *d)
{
	int errors = d->errors;
	size_t first = d->n;
	size_t len;
	char *bytes = yd_read_file(path, &len, d);
	if (!bytes)
		return NULL;
	bm_catalog *c = bm_xcalloc(1, sizeof *c);
	c->path = bm_xstrdup(path);
	fingerprint(bytes, len, c->fingerprint);
	yd_doc *doc = yd_load_buf(path, bytes, len, d);   /* the doc keeps bytes */
	if (doc) {
		const yd_node *root = doc->root;
		if (!root)
			yd_error(doc, NULL, "%s", _("the catalog is empty; it needs 'version: 1' and 'items'"));
		else if (yd_expect_map(doc, root, _("the catalog"))) {
			yd_check_keys(doc, root, top_keys);
			int version = 0;
			if (yd_int(doc, root, "version", true, 0, 1000000, &version) && version != 1)
				yd_error(doc, yd_get(root, "version"),
					 _("unsupported catalog version %d (this bianmin reads version 1)"), version);
			const yd_node *items = yd_get(root, "items");
			if (!items)
				yd_error(doc, root, _("missing required key '%s'"), "items");
			else
				load_items(doc, items, c);
		}
		yd_sort_diags(doc, first);
		yd_free(doc);
	}
	if (d->errors > errors) {
		catalog_free(c);
		return NULL;
	}
	return c;
}
