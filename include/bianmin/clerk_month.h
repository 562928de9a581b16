/* clerk_month.h - one clerk's month at the counter (the figures screen
 * for a clerk who is not a supervisor), and the figures as CSV for a
 * spreadsheet (`x` on the figures screen). */
#ifndef BIANMIN_CLERK_MONTH_H
#define BIANMIN_CLERK_MONTH_H

#include "bianmin/lifecycle.h"
#include "bianmin/store.h"

typedef struct clerk_month {
	int year, month;
	int received;       /* accepted by the clerk (首问) in the month */
	int returned;       /* of those, 退回件 at intake */
	int completed;      /* 办结 in the month of cases the clerk owns */
	int open_now;       /* cases the clerk owns that are open today */
	int overdue_now;    /* of those, past their due date today */
	int receipts;       /* receipts the clerk issued in the month, not voided */
	int64_t fees_fen;   /* their total */
} clerk_month;

int clerk_month_load(bm_store *s, const char *clerk, int year, int month, bm_day today, clerk_month *out,
		     bm_error *err);

/* A clerk's month as CSV (RFC 4180, UTF-8 with a BOM so spreadsheets
 * read the Chinese; the month by window: lc_report_csv).  malloc'd. */
char *clerk_month_csv(const clerk_month *m, const char *clerk);

#endif
