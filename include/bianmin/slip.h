/* slip.h - papers (notices, receipts, reports) from templates in forms/,
 * documented in bianmin-forms(5).
 *
 * A template is rendered from a generic context: named string values and
 * named lists of records (e.g. "materials", each with name, form, copies).
 * The engine knows nothing about cases; slip_context_from_case (slip_case.c)
 * builds a context from a loaded case.  The names a template may use are a
 * fixed schema (slip_field_known), so a misspelt field is caught when the
 * template is loaded, never half-printed at the counter. */
#ifndef BIANMIN_SLIP_H
#define BIANMIN_SLIP_H

#include "bianmin/common.h"
#include "bianmin/diag.h"
#include "bianmin/intake.h"

/* ---- the context ------------------------------------------------------ */
typedef struct slip_ctx slip_ctx;

slip_ctx *slip_ctx_new(void);
void slip_ctx_free(slip_ctx *c);
/* Set a value (copied; NULL means empty).  Replaces an earlier value. */
void slip_ctx_set(slip_ctx *c, const char *name, const char *value);
void slip_ctx_setf(slip_ctx *c, const char *name, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Append a record to list `list` and return it (owned by c); set its
 * fields with slip_ctx_set.  Lookups inside a record fall back to c. */
slip_ctx *slip_ctx_add(slip_ctx *c, const char *list);
/* The value of name: own, else the parent's; NULL when unset. */
const char *slip_ctx_get(const slip_ctx *c, const char *name);
size_t slip_ctx_count(const slip_ctx *c, const char *list);
slip_ctx *slip_ctx_record(const slip_ctx *c, const char *list, size_t i);

/* The schema: is `name` a field a template may use?  list NULL = top
 * level; else inside {{#each list}} (where the list's record fields and all
 * top-level fields are known).  slip_list_known: is it a list name? */
bool slip_field_known(const char *list, const char *name);
bool slip_list_known(const char *name);
/* NULL-terminated names, for documentation and `forms check --fields`. */
const char *const *slip_top_fields(void);
const char *const *slip_list_names(void);
const char *const *slip_list_fields(const char *list);
/* Is the value of `name` one that never splits across lines (a name, a
 * case/ID/receipt number, an amount, a date)?  See slip_break.c. */
bool slip_field_whole(const char *name);

/* ---- templates -------------------------------------------------------- */
typedef enum {
	SLIP_NOTICE = 0,   /* A4 notice to the applicant (PDF-able) */
	SLIP_RECEIPT,      /* narrow slip for a receipt printer */
	SLIP_REPORT,       /* internal sheet (handover, daily close) */
} slip_paper;

typedef struct slip_form slip_form;

/* Parse template text; `file` names it in messages ("FILE:LINE: ...").
 * NULL (and the mistakes in d) when broken. */
slip_form *slip_parse(const char *file, const char *text, bm_diags *d);
slip_form *slip_load(const char *path, bm_diags *d);
/* dir/KEY.tmpl */
slip_form *slip_load_form(const char *dir, const char *key, bm_diags *d);
void slip_free(slip_form *f);
const char *slip_title(const slip_form *f);
const char *slip_key(const slip_form *f);       /* file name without .tmpl */
slip_paper slip_paper_of(const slip_form *f);
const char *slip_paper_key(slip_paper p);       /* "notice" ... */

/* Load every *.tmpl of dir, sorted by key.  Returns the number of broken
 * templates (0 = all good); *forms and *n get the good ones (may be NULL). */
int slip_check_dir(const char *dir, slip_form ***forms, size_t *n, bm_diags *d);
void slip_forms_free(slip_form **forms, size_t n);

/* The notice a case of this kind gets at intake ("notice_supplement"...). */
const char *slip_form_for_kind(bm_kind k);

/* ---- rendering -------------------------------------------------------- */
/* A rendered paper: a list of laid-out blocks, independent of the output.
 * Text and PDF are two views of the same doc. */
typedef struct slip_doc slip_doc;

slip_doc *slip_eval(const slip_form *f, const slip_ctx *ctx);
void slip_doc_free(slip_doc *doc);
/* UTF-8 text at `width` columns (>= 16): every line fits, columns aligned
 * by display width, lines end in "\n".  malloc'd. */
char *slip_doc_text(const slip_doc *doc, int width);
/* The PDF (A4, embedded CJK font) appended to out. */
int slip_doc_pdf(const slip_doc *doc, bm_buf *out, bm_error *err);
/* Convenience: eval + text. */
char *slip_render_text(const slip_form *f, const slip_ctx *ctx, int width);

/* Send a laid-out paper through `out` (NULL: spool only, 80 columns,
 * UTF-8): rendered as PDF or as text at its width and encoding, then
 * print_paper (print.h) - the print command, else the spool.  res tells
 * which (print_result_free it); fails only when the paper could be neither
 * rendered nor printed nor spooled. */
struct bm_output;
struct print_result;
int slip_doc_send(const slip_doc *doc, const struct bm_output *out, const char *spool_dir, const char *no,
		  const char *form, bm_time now, struct print_result *res, bm_error *err);

/* Convert UTF-8 to `encoding` ("UTF-8", "GB18030", anything iconv knows).
 * Returns malloc'd bytes, *outlen their length; NULL + err when the
 * encoding is unknown.  Characters the encoding cannot hold become '?'. */
char *slip_encode(const char *utf8, const char *encoding, size_t *outlen, bm_error *err);

/* ---- from a case (slip_case.c) ---------------------------------------- */
struct bm_case;
struct bm_center;
/* A form is named by a plain name (letters, digits, '_', '-'), never a
 * path; slip_load_form refuses anything else. */
bool slip_form_name_ok(const char *key);

typedef struct slip_case_opts {
	const char *form;         /* form key, for the "form" field */
	bm_time now;              /* printed as date/time */
	bool reprint;             /* 补打: sets "reprint" */
	const char *clerk_no;     /* the clerk on the paper; NULL = the case's owner */
	const char *clerk_name;
} slip_case_opts;

/* Every field the case knows (see bianmin-forms(5)); the ID number masked
 * except its last four.  Fields of later steps (new_due, special_days ...)
 * are the caller's to set on the returned context. */
slip_ctx *slip_context_from_case(const struct bm_case *c, const struct bm_center *center,
				 const slip_case_opts *o);
/* The fixed Chinese labels papers use whatever the clerk's locale. */
const char *slip_kind_cn(bm_kind k);             /* 即办件 ... */
const char *slip_state_cn(int case_state);       /* bm_case_state: 办理中 ... */
const char *slip_event_cn(const char *event_type); /* 受理, 延期 ...; 其他 when unknown */
/* 人民币大写 of an amount in fen (money_cn.c): 1000 -> 壹拾元整,
 * 101005 -> 壹仟零壹拾元零伍分.  malloc'd. */
char *slip_money_upper(int64_t fen);
/* Date as printed on papers: 2026年11月30日 ("" for BM_NO_DAY); buf >= 32. */
char *slip_day_cn(bm_day day, char *buf);

#endif
