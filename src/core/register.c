/* register.c - the books' tables (what each book is, its fields, its
 * rules) and the names of states and fields.  Writing is register_write.c,
 * reading register_query.c, the ledger's check register_verify.c. */
#include "bianmin/register.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const enum reg_field CONSULT_COLS[] = {
	RF_NO, RF_OPENED_AT, RF_CLERK, RF_CHANNEL, RF_PERSON, RF_PHONE, RF_SUBJECT, RF_ANSWER,
	RF_WINDOW, RF_DUE, RF_STATE, RF_CLOSED_DAY, RF_CASE_NO,
};
static const enum reg_field COMPLAINT_COLS[] = {
	RF_NO, RF_OPENED_AT, RF_CLERK, RF_CHANNEL, RF_PERSON, RF_PHONE, RF_WINDOW, RF_NAMED_CLERK,
	RF_SUBJECT, RF_FLAGS, RF_DUE, RF_ANSWER, RF_STATE, RF_CLOSED_DAY,
};
static const enum reg_field APPOINTMENT_COLS[] = {
	RF_NO, RF_AT_DAY, RF_AT_TIME, RF_PERSON, RF_PHONE, RF_SUBJECT, RF_WINDOW, RF_REF, RF_STATE,
	RF_ANSWER, RF_CLERK, RF_OPENED_AT,
};
static const enum reg_field VISIT_COLS[] = {
	RF_NO, RF_AT_DAY, RF_AT_TIME, RF_PERSON, RF_VILLAGE, RF_PHONE, RF_SUBJECT, RF_EXTRA,
	RF_CASE_NO, RF_REF, RF_STATE, RF_ANSWER, RF_CLERK,
};
static const enum reg_field PEOPLE_COLS[] = {
	RF_NO, RF_PERSON, RF_ID_NO, RF_EXTRA, RF_VILLAGE, RF_PHONE, RF_SUBJECT, RF_AT_DAY, RF_STATE,
	RF_OPENED_DAY,
};
static const enum reg_field EXTENDED_COLS[] = {
	RF_NO, RF_OPENED_AT, RF_CASE_NO, RF_PERSON, RF_SUBJECT, RF_CLERK,
};

#define COLS(a) a, sizeof a / sizeof a[0]
static const struct book_def {
	const char *key, *prefix, *label;
	const enum reg_field *cols;
	size_t n_cols;
} BOOKS[BOOK__COUNT] = {
	[BOOK_CONSULT] = {"consult", "ZX", N_("consultations, letters, visits, calls"), COLS(CONSULT_COLS)},
	[BOOK_COMPLAINT] = {"complaint", "TS", N_("complaints"), COLS(COMPLAINT_COLS)},
	[BOOK_APPOINTMENT] = {"appointment", "YY", N_("appointments"), COLS(APPOINTMENT_COLS)},
	[BOOK_VISIT] = {"visit", "SM", N_("home visits"), COLS(VISIT_COLS)},
	[BOOK_PEOPLE] = {"people", "ZD", N_("key people"), COLS(PEOPLE_COLS)},
	[BOOK_EXTENDED] = {"extended", "YS", N_("extended hours"), COLS(EXTENDED_COLS)},
};

const char *book_key(bm_book b)
{
	return (unsigned)b < BOOK__COUNT ? BOOKS[b].key : "?";
}

const char *book_label(bm_book b)
{
	return (unsigned)b < BOOK__COUNT ? _(BOOKS[b].label) : "?";
}

const char *book_prefix(bm_book b)
{
	return (unsigned)b < BOOK__COUNT ? BOOKS[b].prefix : "??";
}

bool book_parse(const char *s, bm_book *out)
{
	for (int i = 0; s && i < BOOK__COUNT; i++)
		if (strcmp(s, BOOKS[i].key) == 0) {
			*out = (bm_book)i;
			return true;
		}
	return false;
}

size_t book_fields(bm_book b, const enum reg_field **out)
{
	if ((unsigned)b >= BOOK__COUNT)
		return 0;
	*out = BOOKS[b].cols;
	return BOOKS[b].n_cols;
}

static const char *const STATE_KEYS[REG__COUNT] = {"recorded", "answered", "transferred", "closed"};

const char *reg_state_key(bm_reg_state s)
{
	return (unsigned)s < REG__COUNT ? STATE_KEYS[s] : "?";
}

const char *reg_state_label(bm_reg_state s)
{
	switch (s) {
	case REG_RECORDED: return _("recorded");
	case REG_ANSWERED: return _("answered");
	case REG_TRANSFERRED: return _("transferred");
	case REG_CLOSED: return _("closed");
	case REG__COUNT: break;
	}
	return "?";
}

bool reg_state_parse(const char *s, bm_reg_state *out)
{
	for (int i = 0; s && i < REG__COUNT; i++)
		if (strcmp(s, STATE_KEYS[i]) == 0) {
			*out = (bm_reg_state)i;
			return true;
		}
	return false;
}

static const struct { const char *key, *label; } FIELDS[RF__COUNT] = {
	[RF_NO] = {"no", N_("number")},
	[RF_BOOK] = {"book", N_("book")},
	[RF_STATE] = {"state", N_("state")},
	[RF_OPENED_AT] = {"opened_at", N_("recorded at")},
	[RF_OPENED_DAY] = {"opened_day", N_("recorded on")},
	[RF_CLERK] = {"clerk", N_("recorded by")},
	[RF_PERSON] = {"person", N_("person")},
	[RF_ID_NO] = {"id_no", N_("ID number")},
	[RF_PHONE] = {"phone", N_("phone")},
	[RF_VILLAGE] = {"village", N_("village")},
	[RF_SUBJECT] = {"subject", N_("matter")},
	[RF_ANSWER] = {"answer", N_("answer")},
	[RF_WINDOW] = {"window", N_("window or office")},
	[RF_NAMED_CLERK] = {"named_clerk", N_("clerk named")},
	[RF_CHANNEL] = {"channel", N_("channel")},
	[RF_FLAGS] = {"flags", N_("flags")},
	[RF_AT_DAY] = {"at_day", N_("date")},
	[RF_AT_TIME] = {"at_time", N_("time")},
	[RF_DUE] = {"due", N_("due")},
	[RF_CLOSED_DAY] = {"closed_day", N_("closed on")},
	[RF_CASE_NO] = {"case_no", N_("cases")},
	[RF_REF] = {"ref", N_("key person")},
	[RF_EXTRA] = {"extra", N_("who went / category")},
};

const char *reg_field_key(enum reg_field f)
{
	return (unsigned)f < RF__COUNT ? FIELDS[f].key : "?";
}

const char *reg_field_label(enum reg_field f)
{
	return (unsigned)f < RF__COUNT ? _(FIELDS[f].label) : "?";
}

bool reg_field_parse(const char *s, enum reg_field *out)
{
	for (int i = 0; s && i < RF__COUNT; i++)
		if (strcmp(s, FIELDS[i].key) == 0) {
			*out = (enum reg_field)i;
			return true;
		}
	return false;
}

void reg_entry_free(reg_entry *e)
{
	if (!e)
		return;
	for (int i = 0; i < RF__COUNT; i++)
		free(e->f[i]);
	memset(e, 0, sizeof *e);
}

void reg_entries_free(reg_entry *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		reg_entry_free(&v[i]);
	free(v);
}

const char *reg_get(const reg_entry *e, enum reg_field f)
{
	return (unsigned)f < RF__COUNT && e->f[f] ? e->f[f] : "";
}

bool reg_has_flag(const reg_entry *e, const char *flag)
{
	const char *p = reg_get(e, RF_FLAGS);
	size_t n = strlen(flag);
	while (*p) {
		const char *end = strchr(p, ',');
		size_t len = end ? (size_t)(end - p) : strlen(p);
		if (len == n && strncmp(p, flag, n) == 0)
			return true;
		p += len + (end != NULL);
	}
	return false;
}

bool reg_is_open(const reg_entry *e)
{
	bm_reg_state st = REG_RECORDED;
	reg_state_parse(reg_get(e, RF_STATE), &st);
	return st == REG_RECORDED || st == REG_TRANSFERRED;
}

bool reg_is_overdue(const reg_entry *e, bm_day today)
{
	bm_day due;
	return reg_is_open(e) && bm_day_parse(reg_get(e, RF_DUE), &due) && due < today;
}

bool reg_outside_hours(const bm_center *c, const bm_calendar *cal, bm_time t)
{
	bm_day day = bm_time_day(t);
	if (cal && !calendar_is_workday(cal, day, NULL))
		return true;   /* 休息日: Saturday service is 延时服务 */
	int64_t local = t.epoch + t.utc_offset;
	int minute = (int)(((local % 86400) + 86400) % 86400 / 60);
	for (size_t i = 0; c && i < c->n_hours; i++)
		if (minute >= c->hours_from[i] && minute < c->hours_to[i])
			return false;
	return c && c->n_hours > 0;
}
