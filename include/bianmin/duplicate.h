/* duplicate.h - an intake that repeats an earlier case: an open case of
 * the same person (ID number) and item, or a case with the same ID number
 * under another name (李秀英 / 李秀云).  The counter and `bianmin intake`
 * stop and show it; going on needs a reason, recorded in the ledger as an
 * event of the new case ("duplicate_noted"), in the same transaction as
 * the intake. */
#ifndef BIANMIN_DUPLICATE_H
#define BIANMIN_DUPLICATE_H

#include "bianmin/cases.h"

typedef struct case_dup {
	char no[CASE_NO_MAX];
	char *applicant, *item_code, *item_name;
	bm_case_state state;
	bm_day accepted;
	bool same_item;     /* open, same ID number and item */
	bool other_name;    /* same ID number, another applicant name */
} case_dup;

/* The earlier cases (newest first, at most 8) an intake of name / id_no
 * for item_code repeats; *n = 0 when none. */
int case_duplicates(bm_store *s, const char *id_no, const char *name, const char *item_code, case_dup **out,
		    size_t *n, bm_error *err);
void case_dups_free(case_dup *v, size_t n);
/* One line for the clerk: "QS-20261130-0003 张伟 MZ-001 城乡… (in progress,
 * 2026-11-30): open case of the same person and item". */
const char *case_dup_line(const case_dup *d, char *buf, size_t len);

/* case_accept, and when dup_reason is given an event "duplicate_noted"
 * on the new case naming the earlier case(s) dup_of and the reason: one
 * transaction, so nothing is half-written. */
int case_accept_noted(bm_store *s, const case_intake *ci, const intake_input *in, const intake_outcome *out,
		      const char *dup_of, const char *dup_reason, char *no, bm_error *err);

#endif
