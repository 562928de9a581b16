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
	CTX_ALL = (1 << 10) - 1,
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
	ST__COUNT
};
void draw_init_colors(void);
int style_attr(enum style s);
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
	/* done */
	char case_no[CASE_NO_MAX];
	char print_msg[512];
	bool print_failed;
} intake_state;

struct ui;

/* A yes/no question over the current screen. */
typedef struct ui_prompt {
	bool active;
	char question[256];
	void (*on_yes)(struct ui *u);
} ui_prompt;

typedef struct ui {
	bm_app *app;
	bm_center *center;
	bm_catalog *catalog;
	bm_calendar *cal;
	bm_store *store;
	bm_clerk clerk;
	bool logged_in;
	enum ui_screen scr;
	enum ui_screen help_from;        /* the screen F1 came from */
	int help_ctx;
	int help_scroll;
	bool quit;
	char msg[512];                /* the message line */
	bool msg_error;
	ui_prompt prompt;
	int cur_y, cur_x;             /* hardware cursor; -1 = hidden */

	/* login */
	field login_code, login_pin;
	int login_focus;
	int login_fails;
	int64_t login_wait_until;     /* epoch seconds */

	/* home */
	case_summary *home_rows;
	size_t n_home_rows;
	size_t home_sel, home_top;
	case_day_counts today;
	bool home_dirty;

	/* intake */
	intake_state in;

	/* case view */
	char case_no[CASE_NO_MAX];
	enum ui_screen case_from;
	bm_case kase;
	bool case_loaded;
	int case_scroll;

	/* search */
	field search_q;
	case_summary *search_rows;
	size_t n_search_rows;
	size_t search_sel, search_top;
} ui;

/* The current time (the clock is read here, once per use, and passed
 * into core), and today's civil date. */
bm_time ui_now(void);
bm_day ui_today(void);
void ui_message(ui *u, bool error, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void ui_set_cursor(int y, int x);
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
void search_key(ui *u, ui_key k);
void help_draw(ui *u);
void help_key(ui *u, ui_key k);

/* The intake steps (intake_*.c), called by scr_intake.c. */
void applicant_draw(ui *u);
void applicant_key(ui *u, ui_key k);
void item_draw(ui *u);
void item_key(ui *u, ui_key k);
void item_refilter(ui *u);
void materials_draw(ui *u);
void materials_key(ui *u, ui_key k);
void outcome_draw(ui *u);
void outcome_key(ui *u, ui_key k);
bool outcome_decide(ui *u);
void done_draw(ui *u);
void done_key(ui *u, ui_key k);

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

/* Print the paper(s) of a case just accepted (its notice, and its receipt
 * when a fee was charged): to the printer, or the spool.  msg gets what
 * happened, for the clerk.  False when a paper could not leave at all. */
bool ui_print_case(ui *u, const char *no, char *msg, size_t len);

/* A list's scroll position: keep sel visible in rows lines. */
void list_follow(size_t sel, size_t *top, size_t rows);
/* Move a selection by an action (Up/Down/PgUp/PgDn/Home/End); true if
 * the action was a movement. */
bool list_move(enum action a, size_t *sel, size_t n, size_t page);

#endif
