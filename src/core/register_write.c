/* register_write.c - recording an entry of a book and its steps: the row
 * and ONE event of the hash chain (about no case) holding the whole row,
 * in one transaction. */
#include "register_int.h"
#include "ledger_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void reg_from_row(sqlite3_stmt *st, reg_entry *e)
{
	memset(e, 0, sizeof *e);
	e->id = sqlite3_column_int64(st, 0);
	for (int i = 0; i < RF__COUNT; i++)
		e->f[i] = col_dup(st, i + 1);
}

void reg_to_record(const reg_entry *e, flatrec *r)
{
	memset(r, 0, sizeof *r);
	for (int i = 0; i < RF__COUNT; i++)
		flatrec_set(r, reg_field_key((enum reg_field)i), e->f[i]);
}

bool reg_event_type(const char *type)
{
	return type && strncmp(type, "reg_", 4) == 0;
}

int reg_load_raw(bm_store *s, const char *no, reg_entry *e, bm_error *err)
{
	sqlite3_stmt *st = store_stmt(s, "SELECT id, " REG_COLS " FROM reg_entries WHERE no = ?", err);
	if (!st)
		return BM_EDB;
	st_text(st, 1, no);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		reg_from_row(st, e);
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return bm_fail(err, BM_ENOTFOUND, _("There is no entry %s in the books."), no ? no : "");
	if (rc != SQLITE_ROW)
		return store_fail(s, err, _("reading the books"));
	return BM_OK;
}

int reg_visibility(const bm_clerk *actor, const reg_entry *e)
{
	if (strcmp(reg_get(e, RF_BOOK), book_key(BOOK_COMPLAINT)) != 0)
		return 2;
	/* 投诉: the clerk it names never sees it; only the head's people see
	 * who complained (保密) */
	if (actor && e->f[RF_NAMED_CLERK] && strcmp(e->f[RF_NAMED_CLERK], actor->code) == 0)
		return 0;
	return auth_can(actor, ROLE_SUPERVISOR) ? 2 : 1;
}

void reg_mask(reg_entry *e)
{
	static const enum reg_field hidden[] = {RF_PERSON, RF_ID_NO, RF_PHONE};
	for (size_t i = 0; i < sizeof hidden / sizeof hidden[0]; i++) {
		free(e->f[hidden[i]]);
		e->f[hidden[i]] = NULL;
	}
	e->masked = true;
}

static const char SQL_INSERT[] = "INSERT INTO reg_entries (" REG_COLS ") VALUES (?1, ?2, ?3, ?4, ?5, ?6,"
	" ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23)";
static const char SQL_UPDATE[] = "UPDATE reg_entries SET state = ?3, person = ?7, id_no = ?8, phone = ?9,"
	" village = ?10, subject = ?11, answer = ?12, window = ?13, named_clerk = ?14, channel = ?15,"
	" flags = ?16, at_day = ?17, at_time = ?18, due = ?19, closed_day = ?20, case_no = ?21, ref = ?22,"
	" extra = ?23 WHERE no = ?1";

/* Write the row (insert or update) and the event that records it. */
static int save(bm_store *s, const reg_entry *e, bool insert, const char *type, const char *clerk,
		const char *note, bm_time now, bm_error *err)
{
	sqlite3_stmt *st = store_stmt(s, insert ? SQL_INSERT : SQL_UPDATE, err);
	if (!st)
		return BM_EDB;
	for (int i = 0; i < RF__COUNT; i++)
		st_text(st, i + 1, e->f[i]);
	int rc = store_write(s, st, err, _("saving the book entry"));
	if (rc)
		return rc;
	flatrec r;
	reg_to_record(e, &r);
	if (note && *note)
		flatrec_set(&r, "x.note", note);
	char *details = flatrec_json(&r);
	char at[40];
	bm_time_format(now, at);
	rc = event_append(s, 0, at, clerk, type, details, NULL, err);
	free(details);
	flatrec_free(&r);
	return rc;
}

static void set(reg_entry *e, enum reg_field f, const char *v)
{
	free(e->f[f]);
	e->f[f] = v && *v ? bm_xstrdup(v) : NULL;
}

static void set_day(reg_entry *e, enum reg_field f, bm_day d)
{
	char buf[11];
	set(e, f, d == BM_NO_DAY ? NULL : bm_day_format(d, buf));
}

/* Every token of a comma list is one of allowed. */
static bool tokens_ok(const char *list, const char *const *allowed)
{
	const char *p = list;
	while (p && *p) {
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		bool ok = false;
		for (size_t i = 0; allowed[i] && !ok; i++)
			ok = strlen(allowed[i]) == len && strncmp(allowed[i], p, len) == 0;
		if (!ok)
			return false;
		p += len + (end != NULL);
	}
	return true;
}

static bool has_control(const char *v)
{
	for (const unsigned char *p = (const unsigned char *)v; v && *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			return true;
	return false;
}

static bool time_ok(const char *t)
{
	int h, m;
	char tail;
	return strlen(t) == 5 && sscanf(t, "%2d:%2d%c", &h, &m, &tail) == 2 && h >= 0 && h < 24 && m >= 0 && m < 60;
}

/* The book's limit for an entry, in working days; -1 when dated instead. */
static int limit_days(const bm_center *c, const reg_entry *e, bm_book b)
{
	if (b == BOOK_CONSULT)
		return c ? c->limit_consult : 3;
	if (b == BOOK_COMPLAINT)
		return reg_has_flag(e, "complex") ? (c ? c->limit_complaint_complex : 5)
						  : (c ? c->limit_complaint : 1);
	return -1;
}

/* What a book needs of a new entry; the message names the field. */
static int check_new(bm_book b, reg_entry *e, const bm_calendar *cal, bm_day today, bm_error *err)
{
	static const char *const consult_ch[] = {"walkin", "visit", "letter", "call", NULL};
	static const char *const complaint_ch[] = {"oral", "phone", "written", NULL};
	static const char *const complaint_fl[] = {"complex", "serious", NULL};
	static const char *const categories[] = {"old", "weak", "sick", "disabled", NULL};
	for (int i = 0; i < RF__COUNT; i++)
		if (has_control(e->f[i]))
			return bm_fail(err, BM_EINVAL, _("The %s contains a control character."), reg_field_label((enum reg_field)i));
	bm_day d = BM_NO_DAY;
	if (e->f[RF_AT_DAY] && !bm_day_parse(e->f[RF_AT_DAY], &d))
		return bm_fail(err, BM_EINVAL, _("A date is YYYY-MM-DD, not \"%s\"."), e->f[RF_AT_DAY]);
	if (e->f[RF_AT_TIME] && !time_ok(e->f[RF_AT_TIME]))
		return bm_fail(err, BM_EINVAL, _("A time is HH:MM, not \"%s\"."), e->f[RF_AT_TIME]);
	switch (b) {
	case BOOK_CONSULT:
		if (!e->f[RF_CHANNEL])
			set(e, RF_CHANNEL, "walkin");
		if (!tokens_ok(e->f[RF_CHANNEL], consult_ch) || strchr(e->f[RF_CHANNEL], ','))
			return bm_fail(err, BM_EINVAL, _("A consultation comes as walkin, visit, letter or call, not \"%s\"."), e->f[RF_CHANNEL]);
		if (!e->f[RF_SUBJECT])
			return bm_fail(err, BM_EINVAL, _("What was asked is empty."));
		break;
	case BOOK_COMPLAINT:
		if (!e->f[RF_CHANNEL])
			set(e, RF_CHANNEL, "oral");
		if (!tokens_ok(e->f[RF_CHANNEL], complaint_ch) || strchr(e->f[RF_CHANNEL], ','))
			return bm_fail(err, BM_EINVAL, _("A complaint comes oral, phone or written, not \"%s\"."), e->f[RF_CHANNEL]);
		if (!tokens_ok(e->f[RF_FLAGS], complaint_fl))
			return bm_fail(err, BM_EINVAL, _("A complaint's flags are complex and serious, not \"%s\"."), e->f[RF_FLAGS]);
		if (!e->f[RF_SUBJECT])
			return bm_fail(err, BM_EINVAL, _("What the complaint is about is empty."));
		break;
	case BOOK_APPOINTMENT:
	case BOOK_VISIT:
		if (!e->f[RF_PERSON])
			return bm_fail(err, BM_EINVAL, _("Whose appointment or visit it is is empty."));
		if (d == BM_NO_DAY)
			return bm_fail(err, BM_EINVAL, _("An appointment or a visit needs its date."));
		if (d < today)
			return bm_fail(err, BM_EINVAL, _("%s is in the past."), e->f[RF_AT_DAY]);
		/* 休息日预约办: appointments may fall on rest days, visits not */
		if (b == BOOK_VISIT && cal && !calendar_is_workday(cal, d, NULL))
			return bm_fail(err, BM_EINVAL, _("%s is not a working day; home visits are on working days."), e->f[RF_AT_DAY]);
		if (b == BOOK_APPOINTMENT && !e->f[RF_SUBJECT])
			return bm_fail(err, BM_EINVAL, _("An appointment needs the item it is for."));
		break;
	case BOOK_PEOPLE:
		if (!e->f[RF_PERSON])
			return bm_fail(err, BM_EINVAL, _("The person's name is empty."));
		if (!e->f[RF_EXTRA] || !tokens_ok(e->f[RF_EXTRA], categories))
			return bm_fail(err, BM_EINVAL, _("A key person is old, weak, sick or disabled (comma list), not \"%s\"."),
				       e->f[RF_EXTRA] ? e->f[RF_EXTRA] : "");
		break;
	case BOOK_EXTENDED:
		if (!e->f[RF_CASE_NO])
			return bm_fail(err, BM_EINVAL, _("An extended-hours entry needs its case."));
		break;
	case BOOK__COUNT:
		break;
	}
	return BM_OK;
}

/* A reference names a key person (重点人群台账) of the books; when e is
 * given, the person's name, ID, phone and village fill what e lacks. */
static int check_ref(bm_store *s, const char *ref, reg_entry *e, bm_error *err)
{
	reg_entry p = {0};
	int rc = reg_load_raw(s, ref, &p, err);
	if (rc == BM_ENOTFOUND || (!rc && strcmp(reg_get(&p, RF_BOOK), book_key(BOOK_PEOPLE)) != 0))
		rc = bm_fail(err, BM_EINVAL, _("%s is not a key person of the books (重点人群)."), ref);
	static const enum reg_field carried[] = {RF_PERSON, RF_ID_NO, RF_PHONE, RF_VILLAGE};
	for (size_t i = 0; !rc && e && i < sizeof carried / sizeof carried[0]; i++)
		if (!e->f[carried[i]])
			set(e, carried[i], p.f[carried[i]]);
	reg_entry_free(&p);
	return rc;
}

int reg_record(bm_store *s, const bm_clerk *actor, const bm_center *c, const bm_calendar *cal,
	       bm_book book, const char *const *fields, bm_time now, char *no, bm_error *err)
{
	if ((unsigned)book >= BOOK__COUNT || !actor || !c || !c->code)
		return bm_fail(err, BM_EINVAL, "reg_record: book, clerk and center are required");
	reg_entry e = {0};
	for (int i = RF_PERSON; i < RF__COUNT; i++)
		if (i != RF_STATE && i != RF_DUE && i != RF_CLOSED_DAY)
			set(&e, (enum reg_field)i, fields ? fields[i] : NULL);
	bm_day today = bm_time_day(now);
	int rc = e.f[RF_REF] ? check_ref(s, e.f[RF_REF], &e, err) : BM_OK;
	if (!rc)
		rc = check_new(book, &e, cal, today, err);
	if (rc) {
		reg_entry_free(&e);
		return rc;
	}
	char at[40], day[11], counter[64], num[48];
	int y, m, d;
	bm_day_to_ymd(today, &y, &m, &d);
	bm_time_format(now, at);
	set(&e, RF_BOOK, book_key(book));
	set(&e, RF_OPENED_AT, at);
	set(&e, RF_OPENED_DAY, bm_day_format(today, day));
	set(&e, RF_CLERK, actor->code);
	int limit = limit_days(c, &e, book);
	if (limit >= 0 && cal)
		set_day(&e, RF_DUE, calendar_add_workdays(cal, today, limit, NULL));
	else if (book != BOOK_EXTENDED)
		set(&e, RF_DUE, e.f[RF_AT_DAY]);
	bm_reg_state st = REG_RECORDED;
	if ((book == BOOK_CONSULT || book == BOOK_COMPLAINT) && e.f[RF_ANSWER])
		st = REG_ANSWERED;    /* answered on the spot (当场答复) */
	if (st == REG_ANSWERED)
		set(&e, RF_CLOSED_DAY, day);
	if (book == BOOK_EXTENDED) {
		st = REG_CLOSED;
		set(&e, RF_CLOSED_DAY, day);
	}
	set(&e, RF_STATE, reg_state_key(st));
	int64_t seq;
	if ((rc = store_begin(s, err))) {
		reg_entry_free(&e);
		return rc;
	}
	snprintf(counter, sizeof counter, "reg:%s:%04d%02d%02d", book_prefix(book), y, m, d);
	if (!(rc = store_counter_next(s, counter, &seq, err))) {
		snprintf(num, sizeof num, "%s-%s%04d%02d%02d-%03lld", c->code, book_prefix(book), y, m, d, (long long)seq);
		set(&e, RF_NO, num);
		rc = save(s, &e, true, "reg_record", actor->code, NULL, now, err);
	}
	if (!rc)
		rc = store_commit(s, err);
	else
		store_rollback(s);
	if (!rc && no)
		snprintf(no, 40, "%.39s", num);
	reg_entry_free(&e);
	return rc;
}

enum { S_R = 1 << REG_RECORDED, S_A = 1 << REG_ANSWERED, S_T = 1 << REG_TRANSFERRED, S_C = 1 << REG_CLOSED };
static const struct step_rule {
	const char *step;
	unsigned from;          /* states it may start in */
	int to;                 /* the state after, -1 = unchanged */
} STEPS[] = {
	{"answer", S_R | S_T, REG_ANSWERED},
	{"transfer", S_R | S_T, REG_TRANSFERRED},
	{"close", S_R | S_A | S_T, REG_CLOSED},
	{"link", S_R | S_A | S_T | S_C, -1},
	{"update", S_R | S_A | S_T, -1},
};

/* The engine's own fields: no step sets them through sets. */
static bool engine_field(enum reg_field f)
{
	return f == RF_NO || f == RF_BOOK || f == RF_STATE || f == RF_OPENED_AT || f == RF_OPENED_DAY ||
	       f == RF_CLERK || f == RF_CLOSED_DAY;
}

/* Add a case number to the comma list (once). */
static void add_case(reg_entry *e, const char *no)
{
	const char *cur = e->f[RF_CASE_NO];
	if (cur && strstr(cur, no))
		return;
	char *v = cur ? bm_xasprintf("%s,%s", cur, no) : bm_xstrdup(no);
	free(e->f[RF_CASE_NO]);
	e->f[RF_CASE_NO] = v;
}

int reg_step(bm_store *s, const bm_clerk *actor, const bm_calendar *cal, const bm_center *c,
	     const char *no, const char *step, const reg_set *sets, size_t n_sets, const char *note,
	     bm_time now, bm_error *err)
{
	const struct step_rule *rule = NULL;
	for (size_t i = 0; i < sizeof STEPS / sizeof STEPS[0]; i++)
		if (step && strcmp(STEPS[i].step, step) == 0)
			rule = &STEPS[i];
	if (!rule || !actor)
		return bm_fail(err, BM_EINVAL, _("\"%s\" is not a step of a book entry (answer, transfer, close, link, update)."),
			       step ? step : "");
	if (has_control(note))
		return bm_fail(err, BM_EINVAL, _("The note contains a control character."));
	for (size_t i = 0; i < n_sets; i++) {
		if ((unsigned)sets[i].field >= RF__COUNT || engine_field(sets[i].field))
			return bm_fail(err, BM_EINVAL, _("The %s of an entry cannot be changed."), reg_field_label(sets[i].field));
		if (has_control(sets[i].value))
			return bm_fail(err, BM_EINVAL, _("The %s contains a control character."), reg_field_label(sets[i].field));
	}
	reg_entry e;
	int rc;
	if ((rc = store_begin(s, err)))
		return rc;
	if ((rc = reg_load_raw(s, no, &e, err))) {
		store_rollback(s);
		return rc;
	}
	bm_book book = BOOK_CONSULT;
	bm_reg_state st = REG_RECORDED;
	book_parse(reg_get(&e, RF_BOOK), &book);
	reg_state_parse(reg_get(&e, RF_STATE), &st);
	bm_day today = bm_time_day(now);
	int vis = reg_visibility(actor, &e);
	if (vis == 0)
		rc = bm_fail(err, BM_ENOTFOUND, _("There is no entry %s in the books."), no);
	else if (book == BOOK_COMPLAINT && strcmp(step, "link") != 0 && vis < 2)
		rc = bm_fail(err, BM_EDENIED, _("Only a supervisor handles a complaint."));
	else if (!(rule->from & (1u << st)))
		rc = bm_fail(err, BM_ESTATE, _("Entry %s is %s: it cannot be %s now."), no, reg_state_label(st), step);
	for (size_t i = 0; !rc && i < n_sets; i++) {
		if (sets[i].field == RF_CASE_NO && sets[i].value)
			add_case(&e, sets[i].value);
		else if (sets[i].field != RF_CASE_NO)
			set(&e, sets[i].field, sets[i].value);
		bm_day d;
		if ((sets[i].field == RF_DUE || sets[i].field == RF_AT_DAY) && sets[i].value &&
		    !bm_day_parse(sets[i].value, &d))
			rc = bm_fail(err, BM_EINVAL, _("A date is YYYY-MM-DD, not \"%s\"."), sets[i].value);
		if (sets[i].field == RF_AT_TIME && sets[i].value && !time_ok(sets[i].value))
			rc = bm_fail(err, BM_EINVAL, _("A time is HH:MM, not \"%s\"."), sets[i].value);
	}
	/* a dated entry's due date is its date (a key person's: the review) */
	for (size_t i = 0; !rc && i < n_sets; i++)
		if (sets[i].field == RF_AT_DAY && (book == BOOK_APPOINTMENT || book == BOOK_VISIT || book == BOOK_PEOPLE))
			set(&e, RF_DUE, e.f[RF_AT_DAY]);
	for (size_t i = 0; !rc && i < n_sets; i++)
		if (sets[i].field == RF_REF && sets[i].value)
			rc = check_ref(s, sets[i].value, NULL, err);
	if (!rc && strcmp(step, "answer") == 0 && !e.f[RF_ANSWER])
		rc = bm_fail(err, BM_EINVAL, _("The answer is empty."));
	if (!rc && strcmp(step, "transfer") == 0) {
		bool due_given = false;
		for (size_t i = 0; i < n_sets; i++)
			due_given |= sets[i].field == RF_DUE;
		if (!e.f[RF_WINDOW])
			rc = bm_fail(err, BM_EINVAL, _("A transfer needs the window or office it goes to."));
		if (!rc && !reg_has_flag(&e, "transferred")) {
			char *fl = e.f[RF_FLAGS] ? bm_xasprintf("%s,transferred", e.f[RF_FLAGS]) : bm_xstrdup("transferred");
			free(e.f[RF_FLAGS]);
			e.f[RF_FLAGS] = fl;
		}
		else if (!due_given && limit_days(c, &e, book) >= 0 && cal)
			set_day(&e, RF_DUE, calendar_add_workdays(cal, today, limit_days(c, &e, book), NULL));
	}
	if (!rc && rule->to >= 0) {
		set(&e, RF_STATE, reg_state_key((bm_reg_state)rule->to));
		if (rule->to == REG_CLOSED && !e.f[RF_CLOSED_DAY])
			set_day(&e, RF_CLOSED_DAY, today);   /* answered: that day stays the day it was done */
		else if (rule->to == REG_ANSWERED && (book == BOOK_CONSULT || book == BOOK_COMPLAINT))
			set_day(&e, RF_CLOSED_DAY, today);   /* the day it was answered */
	}
	if (!rc) {
		char type[32];
		snprintf(type, sizeof type, "reg_%s", step);
		rc = save(s, &e, false, type, actor->code, note, now, err);
	}
	reg_entry_free(&e);
	if (rc) {
		store_rollback(s);
		return rc;
	}
	return store_commit(s, err);
}

int reg_mark_extended(bm_store *s, const bm_clerk *actor, const bm_center *c, const bm_calendar *cal,
		      const char *case_no, const char *person, const char *item, bm_time at, bool *marked,
		      bm_error *err)
{
	return reg_mark_extended_at(s, actor, c, cal, case_no, person, item, at, at, marked, err);
}

int reg_mark_extended_at(bm_store *s, const bm_clerk *actor, const bm_center *c, const bm_calendar *cal,
			 const char *case_no, const char *person, const char *item, bm_time taken, bm_time now,
			 bool *marked, bm_error *err)
{
	*marked = false;
	if (!reg_outside_hours(c, cal, taken))
		return BM_OK;
	const char *f[RF__COUNT] = {0};
	f[RF_CASE_NO] = case_no;
	f[RF_PERSON] = person;
	f[RF_SUBJECT] = item;
	char day[11], hm[40];
	if (taken.epoch != now.epoch) {   /* taken on a visit: when it was taken */
		bm_time_format(taken, hm);   /* YYYY-MM-DDTHH:MM:SS... */
		snprintf(day, sizeof day, "%.10s", hm);
		memmove(hm, hm + 11, 5);
		hm[5] = '\0';
		f[RF_AT_DAY] = day;
		f[RF_AT_TIME] = hm;
	}
	int rc = reg_record(s, actor, c, cal, BOOK_EXTENDED, f, now, NULL, err);
	*marked = rc == BM_OK;
	return rc;
}
