/* books_state.c - the Books screen's list, below the screen and its
 * forms (scr_books.c, books_forms.c, books_home.c all use it): reload the
 * rows of the book shown, the selected entry, the person as a clerk may
 * see it (投诉: confidential). */
#include "books_int.h"

#include <stdlib.h>

void books_reload(ui *u)
{
	books_state *b = u->books;
	reg_entries_free(b->rows, b->n);
	b->rows = NULL;
	b->n = 0;
	reg_filter f = {.book = (int)b->book, .overdue_only = b->supervise, .today = ui_today(), .on_day = BM_NO_DAY};
	/* 督办: a clerk follows up what they recorded (首问), the head everything */
	if (b->supervise && !auth_can(&u->clerk, ROLE_SUPERVISOR))
		f.mine = u->clerk.code;
	bm_error err = {0};
	if (reg_list(u->store, &u->clerk, &f, &b->rows, &b->n, &err) != BM_OK)
		ui_message(u, true, "%s", err.msg);
	if (b->sel >= b->n)
		b->sel = b->n ? b->n - 1 : 0;
}

void books_free(ui *u)
{
	if (!u->books)
		return;
	reg_entries_free(u->books->rows, u->books->n);
	free(u->books);
	u->books = NULL;
}

const reg_entry *books_selected(const ui *u)
{
	const books_state *b = u->books;
	return b && b->n ? &b->rows[b->sel] : NULL;
}

const char *books_person_of(const reg_entry *e)
{
	return e->masked ? _("(confidential)") : reg_get(e, RF_PERSON);
}

