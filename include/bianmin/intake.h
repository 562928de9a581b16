/* intake.h - the decision (五制 / 六件 / 一次性告知): a pure function of the
 * item, what is present, what the clerk records, the date and the calendar.
 * No clock reads, no I/O. */
#ifndef BIANMIN_INTAKE_H
#define BIANMIN_INTAKE_H

#include "bianmin/calendar.h"
#include "bianmin/catalog.h"

/* 六件管理: the six kinds of case. */
typedef enum {
	KIND_IMMEDIATE = 0,  /* 即办件 */
	KIND_PROMISED,       /* 承诺件 */
	KIND_SUPPLEMENT,     /* 补办件 */
	KIND_RETURNED,       /* 退回件 */
	KIND_JOINT,          /* 联办件 */
	KIND_FORWARDED,      /* 上报件 */
	KIND__COUNT
} bm_kind;

/* A material of the case, at intake and after. */
typedef enum {
	MAT_PRESENT = 0,     /* brought */
	MAT_MISSING,         /* not brought */
	MAT_NOT_BROUGHT,     /* main material: the applicant has it, did not bring it, promises to */
	MAT_SUPPLEMENTED,    /* arrived later (补齐) */
} bm_mat_state;

typedef struct intake_input {
	const bm_item *item;
	const bm_mat_state *materials;   /* item->n_materials entries: PRESENT, MISSING or NOT_BROUGHT */
	bm_day today;
	const bm_calendar *cal;
	bool override;                   /* the clerk overrides the decision ... */
	bm_kind override_kind;
	const char *override_reason;     /* ... only with a written reason */
} intake_input;

typedef struct intake_outcome {
	bm_kind kind;              /* final kind (after any override) */
	bm_kind decided;           /* what the rules decided */
	bool overridden;
	bool completed;            /* 即办件: done on the spot */
	bool clock_running;        /* false for 补办件 (clock starts 补齐之日) and final kinds */
	int limit_days;            /* working days of the promise, -1 if none */
	bm_day due;                /* BM_NO_DAY when none */
	bool due_uncertain;        /* due falls in a year the holiday file does not cover */
	size_t *missing;           /* indexes into item->materials, catalog order */
	size_t n_missing;
	bool main_missing;         /* some missing material is 主件 */
	char *reason;              /* 退回件: why (refusal text or the missing main materials) */
	int64_t fee_fen;           /* 0 when free or when nothing is charged (returned) */
} intake_outcome;

/* Decide.  Returns BM_OK, or BM_EINVAL (with err) when the input is
 * inconsistent: an override without a reason, a NOT_BROUGHT on a
 * supporting material.  out must be freed with intake_outcome_free. */
int intake_decide(const intake_input *in, intake_outcome *out, bm_error *err);
void intake_outcome_free(intake_outcome *out);

const char *kind_key(bm_kind k);      /* "immediate", "promised", ... */
const char *kind_label(bm_kind k);    /* translated: 即办件 ... */
bool kind_parse(const char *s, bm_kind *out);
const char *mat_state_key(bm_mat_state s);   /* "present", "missing", "not-brought", "supplemented" */
const char *mat_state_label(bm_mat_state s);

#endif
