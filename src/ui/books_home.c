/* books_home.c - the books where other screens meet them: the day's
 * appointments and 督办 on home, the 延时服务 mark and the entry link of an
 * intake, the books' month on the figures screen. */
#include "books_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void books_month_lines(ui *u, struct tlines *t, int width, int year, int month)
{
	reg_figures f;
	bm_error err = {0};
	if (reg_month_figures(u->store, year, month, ui_today(), &f, &err) != BM_OK)
		return;
	tl_add(t, width, 0, ST_NORMAL, "");
	tl_addf(t, width, 0, ST_HEAD, _("The other books, %04d-%02d"), year, month);
	char *text = reg_figures_text(&f);
	for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n"))
		tl_add(t, width, 0, ST_NORMAL, line);
	free(text);
	reg_figures_free(&f);
}

int books_after_intake(ui *u, const char *case_no, const char *person, const char *item, bm_time at,
		       bm_time now, bool *extended, bm_error *err)
{
	int rc = reg_mark_extended_at(u->store, &u->clerk, u->center, u->cal, case_no, person, item, at, now, extended,
				      err);
	if (!rc && u->in.from_entry[0]) {
		reg_set link = {RF_CASE_NO, case_no};
		rc = reg_step(u->store, &u->clerk, u->cal, u->center, u->in.from_entry, "link", &link, 1, NULL, now, err);
	}
	if (!rc && u->books)
		books_reload(u);
	return rc;
}

char **books_today(ui *u, size_t *n)
{
	*n = 0;
	reg_filter f = {.book = -1, .open_only = true, .today = ui_today(), .on_day = ui_today()};
	reg_entry *v;
	size_t nv;
	bm_error err = {0};
	if (reg_list(u->store, &u->clerk, &f, &v, &nv, &err) != BM_OK)
		return NULL;
	char **lines = nv ? bm_xcalloc(nv, sizeof *lines) : NULL;
	for (size_t i = 0; i < nv; i++) {
		bool visit = !strcmp(reg_get(&v[i], RF_BOOK), book_key(BOOK_VISIT));
		if (!visit && strcmp(reg_get(&v[i], RF_BOOK), book_key(BOOK_APPOINTMENT)))
			continue;
		lines[(*n)++] = bm_xasprintf(visit ? _("Home visit today %s: %s %s %s") : _("Appointment today %s: %s %s %s"),
					      reg_get(&v[i], RF_AT_TIME), books_person_of(&v[i]), reg_get(&v[i], RF_SUBJECT),
					      reg_get(&v[i], RF_NO));
	}
	reg_entries_free(v, nv);
	/* 督办: the clerk's own entries past their due date (all, for the head) */
	reg_filter o = {.book = -1, .overdue_only = true, .today = ui_today(), .on_day = BM_NO_DAY,
			.mine = auth_can(&u->clerk, ROLE_SUPERVISOR) ? NULL : u->clerk.code};
	if (reg_list(u->store, &u->clerk, &o, &v, &nv, &err) == BM_OK) {
		if (nv) {
			char k1[16], k2[16];
			lines = bm_xrealloc(lines, (*n + 1) * sizeof *lines);
			lines[(*n)++] = bm_xasprintf(_("督办: %zu book entries past their due date (%s, then %s)"), nv,
						      keymap_key_label(A_BOOKS, k1, sizeof k1),
						      keymap_key_label(A_BOOK_SUPERVISE, k2, sizeof k2));
		}
		reg_entries_free(v, nv);
	}
	return lines;
}

