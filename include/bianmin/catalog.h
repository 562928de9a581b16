/* catalog.h - service items (事项) loaded from YAML; immutable once loaded.
 * The format is documented in bianmin-catalog(5). */
#ifndef BIANMIN_CATALOG_H
#define BIANMIN_CATALOG_H

#include "bianmin/common.h"
#include "bianmin/diag.h"

/* 五制办理: the five handling regimes. */
typedef enum {
	REGIME_DIRECT = 0,   /* 一般事项 直接办理 */
	REGIME_PROMISE,      /* 特殊事项 承诺办理 */
	REGIME_JOINT,        /* 重大事项 联合办理 */
	REGIME_FORWARD,      /* 上报事项 负责办理 */
	REGIME_CONTROL,      /* 控制事项 明确答复 */
} bm_regime;

typedef enum {
	FORM_ORIGINAL = 0,   /* 原件 */
	FORM_COPY,           /* 复印件 */
	FORM_BOTH,           /* 原件+复印件 */
} bm_form;

typedef struct bm_material {
	char *name;
	bm_form form;
	int copies;          /* >= 1; default 1 */
	bool main;           /* 主件 */
	char *note;          /* may be NULL */
} bm_material;

typedef struct bm_item {
	char *code, *name, *window;
	char *department;        /* NULL if absent (same for every optional text) */
	bm_regime regime;
	char *basis;             /* 设定依据 */
	int statutory_days;      /* -1 if absent */
	int promised_days;       /* -1 if absent */
	bool has_fee;
	int64_t fee_fen;
	char *fee_basis;
	bool proxy, site_visit;
	char **joint_windows; size_t n_joint_windows;
	char *forward_to;
	char *refusal;
	char **keywords; size_t n_keywords;
	char **procedure; size_t n_procedure;  /* 办理流程 steps, optional */
	char *collect;           /* where the result is collected, optional */
	char *phone;             /* contact phone, optional */
	int extension_days;      /* 延期: at most this many working days (default 10, 行政许可法 art. 42) */
	bool promise_allowed;    /* a control item that may be taken as 承诺件 (seed 004) */
	bm_material *materials; size_t n_materials;
	/* who may apply, as the resident ID proves it (eligible.h): age on
	 * the day of application, -1 = no limit; sex 'M', 'F' or 0 = any */
	int min_age, max_age;
	char sex;
	int line;                /* where the item starts in its file */
} bm_item;

typedef struct bm_catalog {
	char *path;
	char fingerprint[65];    /* SHA-256 of the file bytes, lower-case hex */
	bm_item *items; size_t n_items;
	size_t n_materials;      /* over all items */
} bm_catalog;

/* Load and validate.  Returns NULL when there is any error; every mistake
 * of the file is in d (warnings may be there on success too). */
bm_catalog *catalog_load(const char *path, bm_diags *d);
void catalog_free(bm_catalog *c);
const bm_item *catalog_find(const bm_catalog *c, const char *code);

const char *regime_key(bm_regime r);      /* "direct" ... (catalog spelling) */
const char *regime_label(bm_regime r);    /* translated, e.g. 承诺办理 */
bool regime_parse(const char *s, bm_regime *out);
const char *form_key(bm_form f);          /* "original" | "copy" | "original+copy" */
const char *form_label(bm_form f);        /* translated: 原件 / 复印件 / 原件及复印件 */
bool form_parse(const char *s, bm_form *out);

/* Counts a catalog may have (refused with a sentence beyond them). */
#define CATALOG_MAX_ITEMS 10000
#define CATALOG_MAX_MATERIALS 200

#endif
