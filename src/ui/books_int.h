/* books_int.h - (internal to the Books screen) its state and the helpers
 * scr_books.c (the list and its keys), books_forms.c (the forms and the
 * papers) and books_home.c (home, intake, figures) share. */
#ifndef BIANMIN_BOOKS_INT_H
#define BIANMIN_BOOKS_INT_H

#include "uipriv.h"
#include "bianmin/register.h"

typedef struct books_state {
	bm_book book;
	reg_entry *rows;
	size_t n, sel, top;
	bool supervise;
	/* the open form: which entry field each dialog field fills, and the
	 * values of choice options */
	enum reg_field map[DLG_MAX_FIELDS];
	const char *const *vals[DLG_MAX_FIELDS];
	char no[40];             /* the entry a step form is about */
} books_state;

/* Reload the shown book's list (keeps the selection in range). */
void books_reload(ui *u);
/* The selected entry, NULL when the list is empty. */
const reg_entry *books_selected(const ui *u);
/* The person as the reader may see it. */
const char *books_person_of(const reg_entry *e);
/* The form to add an entry of the shown book. */
void books_add_open(ui *u);
/* The form of a step on the selected entry: 0 answer, 1 transfer, 2 close. */
void books_step_open(ui *u, int step);
/* Print entry no's paper; quiet_when_none: say nothing when it has none. */
void books_print_entry(ui *u, const char *no, bool quiet_when_none);

#endif
