/* uipriv.h - what the screens of src/ui/ share: the key and field types,
 * the one state enum, the ui struct, drawing helpers.  Shape after ncdu:
 * each screen is one draw and one key function; ui_main.c owns the loop,
 * KEY_RESIZE and the "terminal too small" screen. */
#ifndef BIANMIN_UIPRIV_H
#define BIANMIN_UIPRIV_H

#include "bianmin/app.h"
#include "bianmin/auth.h"
#include "bianmin/cases.h"
#include "bianmin/intake.h"
#include "bianmin/store.h"
#include "bianmin/text.h"

#include <wchar.h>

#define UI_MIN_COLS 80
#define UI_MIN_LINES 24

/* ---- keys ----------------------------------------------------------- */
/* A key as get_wch gives it: fn = a KEY_* code, else a wide character. */
typedef struct ui_key {
	bool fn;
	wint_t ch;
} ui_key;

/* Contexts: where an action is available (a bit mask per action). */
enum {
	CTX_LOGIN = 1 << 0,
	CTX_HOME = 1 << 1,
	CTX_APPLICANT = 1 << 2,
	CTX_ITEM = 1 << 3,
	CTX_MATERIALS = 1 << 4,
	CTX_OUTCOME = 1 << 5,
	CTX_DONE = 1 << 6,
	CTX_CASE = 1 << 7,
	CTX_SEARCH = 1 << 8,
	CTX_HELP = 1 << 9,
	CTX_DIALOG = 1 << 10,    /* a step's small form over the case view */
	CTX_VIEW = 1 << 11,      /* a text shown over a screen (status query) */
	CTX_REPORT = 1 << 12,     /* the figures: 日结 and the month */
	CTX_AGENTS = 1 << 13,     /* the village agents' register (scr_agents.c) */
	CTX_BOOKS = 1 << 14,      /* the other books (scr_books.c) */
	CTX_ALL = (1 << 15) - 1,
};

/* Every action a key can trigger.  Names, labels and default keys are in
 * the table in keymap.c; center.yaml `keys:` rebinds them by name. */
enum action {
	A_NONE = 0,
	A_HELP,
	A_QUIT,
	A_BACK,
	A_NEW,
	A_SEARCH,
	A_OPEN,
	A_REFRESH,
	A_UP,
	A_DOWN,
	A_PGUP,
	A_PGDN,
	A_FIRST,
	A_LAST,
	A_NEXT,          /* Enter: next field / next step */
	A_NEXT_FIELD,    /* Tab */
	A_PREV_FIELD,    /* Shift-Tab */
	A_USE_PRIOR,     /* take the earlier applicant's details */
	A_TOGGLE,        /* material present / missing */
	A_ALL_PRESENT,
	A_NOT_BROUGHT,
	A_CONFIRM,
	A_OVERRIDE,
	A_VIEW_CASE,
	A_LOGOUT,
	/* the steps of a case (issue 6), one key each in the case view */
	A_STEP_SUPPLEMENT,
	A_STEP_DEMAND,
	A_STEP_PAUSE,
	A_STEP_RESUME,
	A_STEP_EXTEND,
	A_STEP_OPINION,
	A_STEP_FORWARD,
	A_STEP_RESULT,
	A_STEP_COMPLETE,
	A_STEP_RETURN,
	A_STEP_WITHDRAW,
	A_STEP_NOTIFY,
	A_STEP_RATE,
	A_STEP_FOLLOWUP,
	A_STEP_REPRINT,
	A_STATUS,        /* 公开查询 (case view, search) */
	A_PRINT,         /* print what is shown (status view) */
	/* home */
	A_ACKNOWLEDGE,   /* take over the cases handed to me */
	A_HANDOVER,      /* hand cases to another clerk */
	A_MARK,          /* mark a row for the handover */
	A_ALL_OVERDUE,   /* supervisor: every overdue case of the center */
	A_WAITING_ON,    /* joint cases waiting on my window */
	A_HANDOVER_CASE, /* case view: hand this one case to another clerk */
	A_FIGURES,       /* home: the figures screen (日结, the month) */
	A_CLOSE_DAY,     /* figures: close the day, print the 日结单 */
	A_PREV_MONTH,
	A_NEXT_MONTH,
	/* issue 13: what a clerk must no longer leave for the command line */
	A_CHANGE_PIN,    /* home: my own PIN */
	A_VOID_RECEIPT,  /* case view, supervisor: 作废 the case's receipt */
	A_EXPORT,        /* figures: the figures shown as CSV */
	/* village agents and proxy cases (issue 14) */
	A_PICK_AGENT,    /* applicant: brought by a registered agent */
	A_BLANK_POA,     /* applicant: print a blank 授权委托书 */
	A_STEP_FEEDBACK, /* case: the applicant's 服务意见反馈表 */
	A_STEP_REPLY,    /* case: the agent's 回复 */
	A_AGENT_PAPERS,  /* case: print the proxy papers (委托书, 反馈表, 转报联系单) */
	A_AGENTS,        /* home: the agents' register (supervisors) */
	A_AGENT_ADD,
	A_AGENT_DISABLE,
	A_AGENT_CSV,
	/* the other books (scr_books.c) */
	A_BOOKS,         /* home: open the books */
	A_BOOK_NEXT,     /* the next / previous book */
	A_BOOK_PREV,
	A_BOOK_ADD,
	A_BOOK_ANSWER,
	A_BOOK_TRANSFER,
	A_BOOK_CLOSE,
	A_BOOK_CASE,     /* the entry becomes a case: intake with its person */
	A_BOOK_SUPERVISE,   /* 督办: only the open entries past due */
	A_BOOK_EXPORT,
	A_BOOK_FIGURES,
	A_BOOK_PRINT,    /* the entry's paper (登记表, 投诉答复书) */
	A__COUNT
};

/* Load bindings from the center's keys (unknown names go to *warn,
 * a malloc'd text, or stay NULL). */
void keymap_init(const bm_center *c, char **warn);
/* The action for key k in context ctx.  typing: a text field has the
 * focus, so printable keys are text, never actions. */
enum action keymap_action(int ctx, ui_key k, bool typing);
/* The i-th action of the table (status line order); A_NONE past the end. */
enum action keymap_at(size_t i);
const char *keymap_name(enum action a);           /* "new_intake" */
const char *keymap_label(enum action a);          /* translated "New" */
const char *keymap_help(enum action a);           /* translated sentence */
/* Display name of the first key of a ("F2"), "" when unbound. */
const char *keymap_key_label(enum action a, char *buf, size_t len);
/* All key names of a, joined by ", " into buf. */
const char *keymap_keys_label(enum action a, char *buf, size_t len);
bool keymap_in(enum action a, int ctx);
bool keymap_on_status(enum action a);
/* Parse "F2", "n", "^N", "Enter", "Esc", "Tab", "BTab", "Up", ...; false
 * when not a key name. */
bool keymap_parse_key(const char *name, ui_key *out);

/* ---- the line-edit field -------------------------------------------- */
typedef struct field {
	wchar_t *buf;
	size_t len, cap;     /* characters */
	size_t cur;          /* cursor, 0..len */
	size_t max;          /* most characters accepted; 0 = 200 */
	size_t scroll;       /* first character shown */
	bool secret;         /* show '*' per character (PIN) */
} field;

void field_init(field *f, size_t max, bool secret);
void field_free(field *f);
void field_clear(field *f);
void field_set(field *f, const char *utf8);
char *field_text(const field *f);                 /* malloc'd UTF-8, trimmed */
bool field_empty(const field *f);                 /* nothing but spaces */
size_t field_chars(const field *f);
/* Handle an editing key (text, Backspace, Delete, Left/Right, Home/End,
 * ^U, ^A, ^E, ^K).  True when it was one (and the field may have changed). */
bool field_key(field *f, ui_key k);
/* Draw at y,x in w columns; when focus, the hardware cursor is placed
 * there (see ui_set_cursor). */
void field_draw(field *f, int y, int x, int w, bool focus);

/* ---- drawing -------------------------------------------------------- */
enum style {
	ST_NORMAL = 0,
	ST_TITLE,      /* the top bar */
	ST_KEY,        /* a key name on the status line */
	ST_LABEL,      /* a key's label on the status line */
	ST_SELECT,     /* the selected row */
	ST_OVERDUE,
	ST_SOON,
	ST_WAITING,    /* waiting for materials */
	ST_ERROR,
	ST_OK,
	ST_DIM,
	ST_HEAD,       /* column heads, section heads */
	ST_FIELD,      /* an input field */
	ST_FOCUS,      /* the focused input field */
	ST_SELECT_OVERDUE,   /* an overdue cell on the selected row: still red */
	ST_SELECT_SOON,      /* a due-soon cell on the selected row */
	ST__COUNT
};
void draw_init_colors(void);
int style_attr(enum style s);
/* The style of a cell of the selected row that has style s otherwise:
 * ST_SELECT, but overdue and due-soon keep their colour. */
enum style style_selected(enum style s);
/* Text at y,x clipped and padded to exactly w display columns. */
void draw_text(int y, int x, int w, const char *s, enum style st);
/* Text at y,x clipped to w columns, not padded; returns columns used. */
int draw_clip(int y, int x, int w, const char *s, enum style st);
/* Right-aligned in w columns. */
void draw_right(int y, int x, int w, const char *s, enum style st);
/* Fill a line from x to the right edge. */
void draw_fill(int y, int x, int w, enum style st);
/* Wrapped text from y in w columns, at most maxlines; returns lines used. */
int draw_wrapped(int y, int x, int w, int maxlines, const char *s, enum style st);

/* ---- the program ---------------------------------------------------- */
enum ui_screen {
	SCR_LOGIN = 0,
	SCR_HOME,
	SCR_INTAKE,
	SCR_CASE,
	SCR_SEARCH,
	SCR_HELP,
	SCR_REPORT,
	SCR_AGENTS,
	SCR_BOOKS,
	SCR__COUNT
};

enum intake_step { STEP_APPLICANT = 0, STEP_ITEM, STEP_MATERIALS, STEP_OUTCOME, STEP_DONE };

enum { AF_NAME = 0, AF_ID, AF_PHONE, AF_ADDRESS, AF_PROXY_NAME, AF_PROXY_ID, AF__COUNT };

typedef struct intake_state {
	enum intake_step step;
	/* (1) applicant */
	field f[AF__COUNT];
	int focus;
	char id_msg[256];            /* why the ID fails, "" when none */
	bool id_ok;
	bm_id_type id_type;
	char id_norm[40];
	char proxy_msg[256];
	bm_party prior;              /* an earlier case's applicant */
	bool has_prior;
	char prior_for[40];          /* the ID prior was looked up for */
	/* (2) item */
	field filter;
	size_t *matches, n_matches;
	size_t sel, top;
	int *uses;                   /* per item: taken at this window lately */
	bool item_moved;             /* the clerk moved in the list */
	const bm_item *item;
	/* (3) materials */
	bm_mat_state *mats;
	size_t n_mats;
	size_t msel, mtop;
	/* (4) outcome */
	intake_outcome out;
	bool decided;
	bool override;
	bm_kind override_kind;
	char *override_reason;
	int override_stage;          /* 0 none, 1 picking the kind, 2 typing the reason */
	size_t override_sel;
	field reason;
	int oscroll;
	/* an earlier case this one repeats (intake_dup.c) */
	char *dup_reason;            /* why the clerk went on; NULL = none */
	char dup_of[256];            /* the earlier case numbers */
	char dup_item[40];           /* the item they were found for */
	/* brought by a proxy (intake_agent.c) */
	char agent_code[16];         /* a registered agent picked, "" none */
	struct agent_pick *pick;     /* the agent picker, when open */
	bm_item *proxy_item;         /* the item with its 授权委托书 */
	const bm_item *proxy_base;
	/* done */
	char case_no[CASE_NO_MAX];
	char print_msg[512];
	bool print_failed;
	/* taken from a book entry (scr_books.c): linked to it on accept; a
	 * home visit's time is the receipt time */
	char from_entry[40];
	bool has_from_time;
	bm_time from_time;
} intake_state;

struct ui;

/* A yes/no question over the current screen. */
typedef struct ui_prompt {
	bool active;
	char question[256];
	void (*on_yes)(struct ui *u);
} ui_prompt;

/* ---- a step's small form (dialog.c) ---------------------------------- */
enum dlg_kind { DF_TEXT = 0, DF_CHOICE, DF_CHECKS };
#define DLG_MAX_FIELDS 8
#define DLG_MAX_OPTS 12

typedef struct dlg_field {
	enum dlg_kind kind;
	char label[64];
	bool required;
	field f;                         /* DF_TEXT */
	char *opts[DLG_MAX_OPTS];        /* DF_CHOICE / DF_CHECKS: malloc'd labels */
	size_t n_opts;
	size_t choice;                   /* DF_CHOICE: the one chosen; DF_CHECKS: the row */
	bool checked[DLG_MAX_OPTS];      /* DF_CHECKS */
	size_t ids[DLG_MAX_OPTS];        /* what each option stands for (caller's) */
	/* DF_TEXT: checked as typed and when left (dlg_check); note is what
	 * the check says beside the field (a clerk's name, or why not) */
	bool (*check)(struct ui *u, const char *value, char *note, size_t len);
	char note[160];
	bool note_ok;
} dlg_field;

typedef struct dialog {
	bool active;
	int step;                        /* the caller's: which step */
	char title[128];
	char warn[512];                  /* shown above the fields (e.g. 二次告知) */
	char err[1024];                  /* why the last submit was refused */
	dlg_field fl[DLG_MAX_FIELDS];
	int n, focus;
	bool approver_fields;            /* the last two: a supervisor's 工号 and PIN */
	void (*submit)(struct ui *u);    /* on Enter in the last field */
} dialog;

/* A text shown over a screen, scrollable, with a key to print it. */
typedef struct textview {
	bool active;
	char title[128];
	char *text;
	char no[CASE_NO_MAX];            /* the case it is about ("" none) */
	int scroll;
	bool (*print)(struct ui *u);     /* the print key's callback (NULL: none) */
} textview;

enum home_mode { HOME_MINE = 0, HOME_ALL_OVERDUE, HOME_WAITING_ON };

/* Each screen's own state (the intake's is above; the figures' is
 * private to scr_report.c). */
typedef struct login_state {
	field code, pin;
	int focus;
	int fails;
	int64_t wait_until;          /* epoch seconds */
} login_state;

typedef struct help_state {
	enum ui_screen from;         /* the screen F1 came from */
	int ctx;
	int scroll;
} help_state;

typedef struct case_view {
	char no[CASE_NO_MAX];
	enum ui_screen from;
	bm_case kase;
	bool loaded;
	int scroll;
} case_view;

typedef struct search_state {
	field q;
	case_summary *rows;
	size_t n_rows;
	size_t sel, top;
} search_state;

typedef struct home_state {
	case_summary *rows;
	size_t n_rows;
	size_t sel, top;
	case_day_counts today;
	bool dirty;                  /* reloaded by the loop before the next draw */
	enum home_mode mode;
	bool *marks;                 /* per row, for a handover of chosen cases */
	bool held_said;              /* "held while rows are marked" shown */
	char **watch_lines;          /* handovers, follow-ups, stale cases: the top panel */
	enum style *watch_styles;
	size_t n_watch;
	size_t n_pending_to_me;
} home_state;

typedef struct ui {
	bm_app *app;
	bm_center *center;
	bm_catalog *catalog;
	bm_calendar *cal;
	bm_store *store;
	bm_clerk clerk;
	bool logged_in;
	enum ui_screen scr;
	help_state help;
	bool quit;
	char msg[512];                /* the message line */
	bool msg_error;
	ui_prompt prompt;
	int cur_y, cur_x;             /* hardware cursor; -1 = hidden */

	login_state login;

	home_state home;

	/* step forms, text views */
	dialog dlg;
	textview view;

	/* intake */
	intake_state in;

	case_view cv;

	search_state search;

	/* figures (scr_report.c) */
	struct report_state *rep;
	/* village agents (scr_agents.c) */
	struct agents_state *agents;

	/* the other books (scr_books.c) */
	struct books_state *books;
} ui;

/* The current time (the clock is read here, once per use, and passed
 * into core), and today's civil date. */
bm_time ui_now(void);
bm_day ui_today(void);
void ui_message(ui *u, bool error, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void ui_set_cursor(int y, int x);   /* -1, -1: hidden */
void ui_cursor_get(int *y, int *x);
void ui_ask(ui *u, const char *question, void (*on_yes)(ui *u));
void ui_goto(ui *u, enum ui_screen s);
int ui_context(const ui *u);
/* Open the case view on case number no, coming back to `from`. */
void ui_open_case(ui *u, const char *no, enum ui_screen from);
/* Days left (working days) to due for display, and its style. */
const char *ui_days_left(const ui *u, bm_day due, bm_case_state st, char *buf, size_t len,
			 enum style *style);
/* Content area: rows 1 .. LINES-3 (row 0 title, LINES-2 message, LINES-1 keys). */
#define UI_TOP 1
#define UI_BOTTOM (LINES - 3)
void draw_title(const ui *u, const char *screen_title);

/* Screens: one draw + one key function each. */
void login_draw(ui *u);
void login_key(ui *u, ui_key k);
void home_draw(ui *u);
void home_key(ui *u, ui_key k);
void home_reload(ui *u);
void intake_start(ui *u);
void intake_draw(ui *u);
void intake_key(ui *u, ui_key k);
void intake_free(intake_state *in);
bool intake_has_data(const intake_state *in);
void case_draw(ui *u);
void case_key(ui *u, ui_key k);
void search_draw(ui *u);
/* An empty search (F3 starts a new one; Esc from a case keeps the list). */
void search_reset(ui *u);
void search_key(ui *u, ui_key k);
void help_draw(ui *u);
void help_key(ui *u, ui_key k);
/* The figures: today's 日结 of the clerk; the month by window for
 * supervisors. */
void report_open(ui *u);
void report_draw(ui *u);
void report_key(ui *u, ui_key k);
void report_free(ui *u);
/* The other books (scr_books.c, books_forms.c, books_home.c):
 * consultations, complaints, appointments,
 * home visits, key people, extended hours. */
void books_open(ui *u);
void books_draw(ui *u);
void books_key(ui *u, ui_key k);
void books_free(ui *u);
/* The other books' month figures as lines of t (the figures screen). */
struct tlines;
void books_month_lines(ui *u, struct tlines *t, int width, int year, int month);
/* Home: the day's appointments and visits as lines (malloc'd, NULL when
 * none); books_today_free frees them. */
char **books_today(ui *u, size_t *n);
/* After an intake is saved inside its transaction: 延时服务 mark and the
 * link to the entry it came from, recorded at now (at: when the case was
 * taken, the visit's time for a home visit's case).  BM_OK or the error. */
int books_after_intake(ui *u, const char *case_no, const char *person, const char *item, bm_time at,
		       bm_time now, bool *extended, bm_error *err);
/* Fill the applicant from a book entry (name, ID, phone, address). */
void intake_prefill(ui *u, const char *name, const char *id, const char *phone, const char *address);

/* The intake steps (intake_*.c), called by scr_intake.c. */
void applicant_draw(ui *u);
void applicant_key(ui *u, ui_key k);
void item_draw(ui *u);
void item_key(ui *u, ui_key k);
void item_refilter(ui *u);
/* May the applicant have item it (its conditions, an earlier case)?  When
 * not, says why or opens the earlier-case form; false. */
bool intake_item_allowed(ui *u, const bm_item *it);
/* The intake kept as a draft (intake_draft.c): after each key; removed
 * when saved or discarded; offered back after login. */
void intake_draft_keep(ui *u);
void intake_draft_remove(ui *u);
char *intake_draft_path(const ui *u);                 /* malloc'd */
extern const char *const intake_draft_keys[AF__COUNT];   /* the applicant fields' keys */
void intake_draft_offer(ui *u);                       /* intake_resume.c */
/* The applicant's ID field changed (checks it again). */
void applicant_id_changed(ui *u);
/* Take item it and go on to the materials. */
void item_take(ui *u, const bm_item *it);
void materials_draw(ui *u);
void materials_key(ui *u, ui_key k);
void outcome_draw(ui *u);
void outcome_key(ui *u, ui_key k);
bool outcome_decide(ui *u);
void done_draw(ui *u);
void done_key(ui *u, ui_key k);

/* Proxy cases at the counter (intake_agent.c): the agent picker over the
 * applicant step, the item a proxy case takes (its catalog must allow a
 * proxy; the 授权委托书 is added as a material), the papers after
 * acceptance (the 转报联系单 of an agent case for an upper office). */
bool intake_agent_key(ui *u, ui_key k);          /* true: the picker took the key */
void intake_agent_draw(ui *u);
void intake_agent_typed(ui *u);                  /* the proxy fields changed by hand */
void intake_agent_hint(ui *u, int y, int x, int w);
bool intake_agent_item(ui *u, const bm_item **it);
void intake_agent_papers(ui *u, const char *no, char *msg, size_t len);
void intake_agent_free(intake_state *in);
/* The case view's proxy papers (case_agent.c). */
void case_agent_papers(ui *u);
/* The agents' register (scr_agents.c). */
void agents_open(ui *u);
void agents_draw(ui *u);
void agents_key(ui *u, ui_key k);
void agents_screen_free(ui *u);
/* Agent cases done but not replied, for the home's watch panel. */
void agent_watch_lines(ui *u, void (*line)(ui *u, enum style st, const char *text));

/* Lines of text, wrapped to a width when added, drawn scrolled (the
 * outcome and the case view). */
struct tline {
	char *text;
	int indent;
	enum style st;
};
typedef struct tlines {
	struct tline *v;
	size_t n, cap;
} tlines;
void tl_add(tlines *t, int width, int indent, enum style st, const char *s);
/* With a hanging indent: lines after the first start at column hang. */
void tl_addh(tlines *t, int width, int indent, int hang, enum style st, const char *s);
void tl_addhf(tlines *t, int width, int indent, int hang, enum style st, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
void tl_addf(tlines *t, int width, int indent, enum style st, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
/* Draws rows lines from *scroll (clamped); returns the number of lines. */
int tl_draw(const tlines *t, int y, int x, int w, int rows, int *scroll);
void tl_free(tlines *t);
/* The month figures' 代办件 by village and by agent (case_agent.c). */
void report_agent_lines(ui *u, tlines *t, int width, int year, int month);

/* Print the paper(s) of a case just accepted (its notice, and its receipt
 * when a fee was charged): to the printer, or the spool.  msg gets what
 * happened, for the clerk.  False when a paper could not leave at all. */
bool ui_print_case(ui *u, const char *no, char *msg, size_t len);
/* Paper `form` of case `no` through the one pipeline (paper_issue): as of
 * the step that made it, sent, recorded as a print event (补打 when given
 * before); what happened is appended to msg. */
bool ui_case_paper(ui *u, const char *no, const char *form, bm_buf *msg);
/* Send a paper that is no case's (form key, its values in ctx, `no`
 * names it in the spool) to the printer or the spool (paper_issue_doc);
 * what happened, or why not (a broken template), is appended to msg. */
struct slip_ctx;
bool ui_emit_paper(ui *u, const char *no, const char *form, const struct slip_ctx *ctx, bm_buf *msg);

/* ---- steps, dialogs, the home's watch (dialog.c, scr_case_steps.c,
 * home_watch.c, paper.c) --------------------------------------------- */
void dlg_open(ui *u, int step, const char *title, void (*submit)(ui *u));
void dlg_close(ui *u);
dlg_field *dlg_text(ui *u, const char *label, size_t max, bool required, bool secret, const char *init);
dlg_field *dlg_choice(ui *u, const char *label, size_t choice);
dlg_field *dlg_checks(ui *u, const char *label);
void dlg_opt(dlg_field *f, const char *label, size_t id);
/* Check text field f as it is typed and before the focus leaves it. */
void dlg_check(dlg_field *f, bool (*check)(struct ui *u, const char *value, char *note, size_t len));
/* The field's text, malloc'd (NULL when empty). */
char *dlg_value(const ui *u, int i);
void dlg_draw(ui *u);
void dlg_key(ui *u, ui_key k);
/* A text over the screen; print (may be NULL) is what the print key does. */
void view_open(ui *u, const char *title, const char *no, char *text, bool (*print)(ui *u));
void view_close(ui *u);
void view_draw(ui *u);
void view_key(ui *u, ui_key k);

/* Is action a allowed here and now (the case view's steps through
 * lifecycle_allowed); why gets the reason when not. */
bool case_action_allowed(const ui *u, enum action a, bm_error *why);
/* Start the step of action a from the case view; false when a is not a step. */
bool case_step_key(ui *u, enum action a);
/* The status answer (公开查询) of case no in a text view. */
void ui_show_status(ui *u, const char *no);
bool status_view_print(ui *u);
/* Reload the open case (after a step), keeping where the clerk was. */
void ui_reload_case(ui *u);
/* Forms of counter_extras.c: my PIN (home), a receipt's void (case view). */
void pin_change_open(ui *u);
void receipt_void_open(ui *u);
/* The case's receipt that is not voided, NULL when none. */
const char *ui_live_receipt(const bm_case *c);

/* Reprint (补打) a paper of a case, marked as such and recorded as an
 * event; msg says where it went.  The papers of a case: form keys. */
bool ui_reprint(ui *u, const char *no, const char *form, char *msg, size_t len);
size_t ui_case_papers(const bm_case *c, const char **out, size_t max);
/* The spool folder (malloc'd). */
char *ui_spool_dir(const ui *u);

void home_watch_reload(ui *u);
/* The case view's handover of the open case (AB岗交接, or a supervisor's
 * reassignment of it). */
void case_handover_open(ui *u);
int home_watch_draw(ui *u, int y);   /* returns rows used */
bool home_watch_key(ui *u, enum action a);
void home_watch_free(ui *u);

/* A list's scroll position: keep sel visible in rows lines. */
void list_follow(size_t sel, size_t *top, size_t rows);
/* Move a selection by an action (Up/Down/PgUp/PgDn/Home/End); true if
 * the action was a movement. */
bool list_move(enum action a, size_t *sel, size_t n, size_t page);

#endif
