/* draft.h - an unfinished intake kept on this computer, never in the
 * ledger: one small file per clerk and terminal under the database's
 * folder (drafts/, mode 0700; the file 0600), written whole and renamed
 * into place, so a killed terminal leaves the last complete copy.  The
 * counter offers it back at that clerk's next login on that terminal. */
#ifndef BIANMIN_DRAFT_H
#define BIANMIN_DRAFT_H

#include "bianmin/common.h"

typedef struct bm_draft {
	char **keys, **vals;
	size_t n;
} bm_draft;

/* The draft file of clerk on this terminal ($BIANMIN_TERMINAL, else the
 * host name), beside db_path; malloc'd. */
char *draft_path(const char *db_path, const char *clerk);
int draft_save(const char *path, const bm_draft *d, bm_error *err);
/* *found false (and BM_OK) when there is none. */
int draft_load(const char *path, bm_draft *d, bool *found, bm_error *err);
void draft_remove(const char *path);

void draft_set(bm_draft *d, const char *key, const char *val);
const char *draft_get(const bm_draft *d, const char *key);   /* NULL when absent */
void draft_free(bm_draft *d);

#endif
