/* register.h - the center's other books (登记簿): one register engine,
 * several books.  An entry of a book is a row of reg_entries with the
 * same generic fields for every book (each book uses some of them); every
 * change of an entry appends ONE event of the ledger's hash chain (about
 * no case; type "reg_<step>") whose details are the entry's whole record
 * after the change, so `bianmin verify` replays them against the rows.
 *
 * Books (seeds 000-004):
 *   consult      咨询 / 来信来访来电: asked, answered, transferred (转办),
 *                督办 while open past its due date; 3 working days
 *   complaint    投诉: confidential; general answered the same or next
 *                working day, complex within a week (5 working days);
 *                written complaints get a written answer (paper); serious
 *                ones flagged to the head
 *   appointment  预约服务: a date and time (rest days allowed), an item
 *   visit        上门服务: who went, when, the cases taken there
 *   people       重点人群台账: old/weak/sick/disabled, village, needs,
 *                contact, review date
 *   extended     延时服务: a case taken outside the center's hours
 *                (center.yaml `hours`), recorded with its intake
 *
 * States: recorded -> answered | transferred -> closed (a transferred
 * entry may still be answered). */
#ifndef BIANMIN_REGISTER_H
#define BIANMIN_REGISTER_H

#include "bianmin/auth.h"
#include "bianmin/calendar.h"
#include "bianmin/config.h"
#include "bianmin/store.h"

typedef enum {
	BOOK_CONSULT = 0, BOOK_COMPLAINT, BOOK_APPOINTMENT, BOOK_VISIT, BOOK_PEOPLE,
	BOOK_EXTENDED, BOOK__COUNT
} bm_book;

const char *book_key(bm_book b);        /* "consult", ... */
const char *book_label(bm_book b);      /* translated 咨询 ... */
const char *book_prefix(bm_book b);     /* "ZX", "TS", "YY", "SM", "ZD", "YS" */
bool book_parse(const char *s, bm_book *out);

typedef enum { REG_RECORDED = 0, REG_ANSWERED, REG_TRANSFERRED, REG_CLOSED, REG__COUNT } bm_reg_state;
const char *reg_state_key(bm_reg_state s);
const char *reg_state_label(bm_reg_state s);
bool reg_state_parse(const char *s, bm_reg_state *out);

/* The generic fields of an entry, in record (and column) order.  Days
 * are "YYYY-MM-DD", flags a comma list ("complex,serious,written"). */
enum reg_field {
	RF_NO = 0, RF_BOOK, RF_STATE, RF_OPENED_AT, RF_OPENED_DAY, RF_CLERK,
	RF_PERSON,        /* who asked / complained / booked / was visited */
	RF_ID_NO, RF_PHONE, RF_VILLAGE,
	RF_SUBJECT,       /* the question, the matter, the item, the needs */
	RF_ANSWER,        /* the answer, the result, the handling */
	RF_WINDOW,        /* transferred to / complained-about window / office */
	RF_NAMED_CLERK,   /* complaint: the 工号 it names */
	RF_CHANNEL,       /* walkin|visit|letter|call; oral|phone|written */
	RF_FLAGS,
	RF_AT_DAY, RF_AT_TIME,   /* appointment/visit date+time; people: review */
	RF_DUE, RF_CLOSED_DAY,
	RF_CASE_NO,       /* cases taken or made from it, comma list */
	RF_REF,           /* a key person's entry number */
	RF_EXTRA,         /* visit: who went; people: category */
	RF__COUNT
};
const char *reg_field_key(enum reg_field f);      /* "person", ... */
const char *reg_field_label(enum reg_field f);    /* translated */
bool reg_field_parse(const char *s, enum reg_field *out);

typedef struct reg_entry {
	int64_t id;
	char *f[RF__COUNT];      /* NULL = none */
	bool masked;             /* the complainant was hidden from this reader */
} reg_entry;
void reg_entry_free(reg_entry *e);
void reg_entries_free(reg_entry *v, size_t n);
const char *reg_get(const reg_entry *e, enum reg_field f);   /* "" when none */
bool reg_has_flag(const reg_entry *e, const char *flag);

/* Hours and limits from center.yaml (center.c fills bm_center). */
/* True when t is outside the center's hours: a rest day (calendar), or a
 * time not inside any `hours` span. */
bool reg_outside_hours(const bm_center *c, const bm_calendar *cal, bm_time t);

/* ---- writing -------------------------------------------------------- */
/* A new entry: fields by reg_field (NULL = none; no/book/state/opened/
 * clerk/due are the engine's).  Checks what the book needs, computes the
 * due date from center.yaml `limits`, picks the first state (a consult
 * with its answer is answered at once), numbers it
 * CENTER-PREFIXyyyymmdd-NNN and appends the "reg_record" event, in one
 * transaction (or inside the caller's).  no >= 40 bytes. */
int reg_record(bm_store *s, const bm_clerk *actor, const bm_center *c, const bm_calendar *cal,
	       bm_book book, const char *const *fields, bm_time now, char *no, bm_error *err);

/* A step on an entry: "answer" (answer text), "transfer" (window, due:
 * given or the book's limit from today), "close" (note), "link" (a case
 * number added to case_no), "update" (any fields).  Field changes in
 * sets (NULL value = clear); one event "reg_<step>".  BM_ESTATE when the
 * step does not fit the entry's state, BM_ENOTFOUND when the entry is
 * not there or hidden from actor. */
typedef struct reg_set {
	enum reg_field field;
	const char *value;
} reg_set;
int reg_step(bm_store *s, const bm_clerk *actor, const bm_calendar *cal, const bm_center *c,
	     const char *no, const char *step, const reg_set *sets, size_t n_sets, const char *note,
	     bm_time now, bm_error *err);

/* 延时服务: when the case was taken outside the hours, record it in the
 * extended book (person, item as subject, case_no); *marked says whether
 * it did.  Call inside the intake's transaction. */
int reg_mark_extended(bm_store *s, const bm_clerk *actor, const bm_center *c, const bm_calendar *cal,
		      const char *case_no, const char *person, const char *item, bm_time at, bool *marked,
		      bm_error *err);
/* The same for a case taken at `taken` and entered at `now` (a home
 * visit's case): the entry is recorded now, its date and time the
 * taking's. */
int reg_mark_extended_at(bm_store *s, const bm_clerk *actor, const bm_center *c, const bm_calendar *cal,
			 const char *case_no, const char *person, const char *item, bm_time taken, bm_time now,
			 bool *marked, bm_error *err);

/* 上门服务: a case taken on a home visit (e, an entry of the visit book)
 * is received (受理) at the visit's date and time (09:00 when it has no
 * time): *received gets it; the case is entered at now.  BM_EINVAL with a
 * sentence when e is not a visit, is closed, is after now, its day is
 * more than REG_VISIT_DAYS_BACK working days before now's (a visit's cases
 * are entered when the clerk is back, that week; a later entry is an
 * ordinary case received that day), or its month is closed (月结). */
#define REG_VISIT_DAYS_BACK 5
int reg_visit_receipt(bm_store *s, const reg_entry *e, const bm_calendar *cal, bm_time now, bm_time *received,
		      bm_error *err);
/* The home visit a case was taken on (its intake event's x.visit), or
 * NULL; *entered (may be NULL) gets when it was entered.  Free it. */
struct bm_case;
char *reg_case_visit(const struct bm_case *c, bm_time *entered);

/* ---- reading -------------------------------------------------------- */
/* Load one entry as actor may see it (complaints: hidden from the clerk
 * they name -> BM_ENOTFOUND; the complainant masked for all but
 * supervisors). */
int reg_load(bm_store *s, const bm_clerk *actor, const char *no, reg_entry *out, bm_error *err);

typedef struct reg_filter {
	int book;               /* bm_book, or -1 = every book */
	bool open_only;         /* open: recorded or transferred (reg_is_open) */
	bool overdue_only;      /* 督办: open, due < today */
	bm_day today;
	bm_day on_day;          /* entries whose at_day is this day; BM_NO_DAY = any */
	const char *month;      /* "YYYY-MM": opened that month; NULL = any */
	const char *query;      /* substring of person, phone, subject, no, case_no */
	const char *mine;       /* recorded by this 工号 (督办 of the first asker); NULL = all */
} reg_filter;
/* Entries actor may see, masked as reg_load does, by number (appointments
 * and visits by date and time). */
int reg_list(bm_store *s, const bm_clerk *actor, const reg_filter *f, reg_entry **out, size_t *n,
	     bm_error *err);
/* Open: recorded or transferred; answered and closed entries are done. */
bool reg_is_open(const reg_entry *e);
bool reg_is_overdue(const reg_entry *e, bm_day today);

/* A month's figures of every book. */
typedef struct reg_window_count {
	char *window;
	int n;
} reg_window_count;
typedef struct reg_figures {
	int received[BOOK__COUNT];     /* opened in the month */
	int answered[BOOK__COUNT];     /* of those: answered (state answered or closed with an answer) */
	int transferred[BOOK__COUNT];  /* of those: ever transferred */
	int closed[BOOK__COUNT];       /* of those: closed by the end of the month */
	int late[BOOK__COUNT];         /* of those: a consult/complaint answered after its
					  due date, or any entry open past its due date at
					  the period's end (or today, if sooner) */
	int serious, written;          /* complaints */
	reg_window_count *windows; size_t n_windows;   /* complaints per window */
} reg_figures;
/* today: an open entry is late when its due date is before the end of
 * the month, or before today while the month runs. */
int reg_month_figures(bm_store *s, int year, int month, bm_day today, reg_figures *out, bm_error *err);
/* The same for the entries recorded in [first, end), e.g. a year (the
 * yearly 延时服务的办件量). */
int reg_figures_between(bm_store *s, bm_day first, bm_day end, bm_day today, reg_figures *out,
			bm_error *err);
void reg_figures_free(reg_figures *f);
/* The figures as text lines (for the CLI and the figures screen). */
char *reg_figures_text(const reg_figures *f);

/* A book's entries (what actor may see) as CSV (UTF-8 with BOM, CRLF,
 * RFC 4180 quoting) or TSV (UTF-8, LF; tabs/newlines in a value become
 * spaces), with a header row of translated column names. */
int reg_export(bm_store *s, const bm_clerk *actor, bm_book book, const char *month, bool tsv,
	       bm_buf *out, bm_error *err);
/* The columns a book uses, in order; returns their count. */
size_t book_fields(bm_book b, const enum reg_field **out);

/* ---- papers (register_paper.c) ---------------------------------------
 * 预约服务登记表 (forms/appointment.tmpl), 上门服务登记表 (visit.tmpl) and
 * the written answer to a written complaint (complaint_answer.tmpl).
 * The form of an entry, or NULL when its book has none (a complaint's
 * only when it came written and is answered). */
const char *reg_paper_form(const reg_entry *e);
struct slip_ctx;
/* The context: the center, the date, the clerk, and entry_<field> for
 * every field (days in Chinese, state and channel as words). */
struct slip_ctx *reg_paper_context(const reg_entry *e, const bm_center *c, const bm_clerk *clerk,
				   bm_time now);

#endif
