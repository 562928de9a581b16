/* config.h - the center's own settings (center.yaml), documented in
 * bianmin-catalog(5), and where bianmin finds its files. */
#ifndef BIANMIN_CONFIG_H
#define BIANMIN_CONFIG_H

#include "bianmin/common.h"
#include "bianmin/diag.h"

/* How one kind of paper leaves bianmin. */
typedef struct bm_output {
	char *form;          /* paper kind (template name, e.g. "notice_supplement") or "default" */
	char *command;       /* print command, e.g. "lp -d A4"; NULL = spool only */
	int width;           /* text columns: 32, 42, 48 or 80 */
	char *encoding;      /* "UTF-8" or "GB18030" */
	bool pdf;            /* send a PDF (A4) to the command instead of text */
	int timeout;         /* seconds the print command may take; 0 = the default (20) */
} bm_output;

typedef struct bm_keybinding {
	char *action;        /* action name, e.g. "new_intake" */
	char **keys; size_t n_keys;  /* key names, e.g. "F2", "n", "^N" */
} bm_keybinding;

typedef struct bm_center {
	char *name;          /* 便民服务中心 name, printed on every paper */
	char *code;          /* center code, used in case numbers (ASCII, 1-12 chars) */
	char *phone, *address;
	char **windows; size_t n_windows;
	char *spool_dir;     /* relative paths are relative to the database's folder */
	bm_output *outputs; size_t n_outputs;
	int supplement_timeout_days;   /* 补办件 timeout, working days; default 20 */
	int followup_days;             /* bad-rating follow-up, working days; default 5 */
	int due_soon_days;             /* "due soon" window, working days; default 1 */
	int64_t agent_subsidy_fen;     /* 代办补贴 per case, fen; default 500 (5.00 yuan) */
	bool agent_subsidy_accepted;   /* agent_subsidy_counts: accepted; default completed */
	bm_keybinding *keys; size_t n_keys;
	int pin_min_length;            /* new PINs; default 6 */
	int pin_lock_after;            /* wrong PINs that lock a clerk; default 10, 0 = never */
	int pin_delay;                 /* seconds, doubling from the third wrong PIN; default 1 */
	char *time_zone;               /* the center's zone for days and times; default Asia/Shanghai */
	int clock_tolerance_minutes;   /* how far an event may be older than the last; default 10 */
	char *county;        /* the county database (libpq URI) for `bianmin sync`; NULL = none */
	int line;
	/* where and how, on every applicant paper (issue 12) */
	char *hours;                   /* 办公时间, optional */
	char *review;                  /* 复议机关 for the whole center, optional */
	char *court;                   /* 人民法院 for 行政诉讼, optional */
	char **review_windows, **review_bodies; size_t n_reviews;   /* 复议机关 per window */
} bm_center;

bm_center *center_load(const char *path, bm_diags *d);
void center_free(bm_center *c);
/* The output for a form: its own entry, else "default", else spool only
 * (command NULL, width 80, UTF-8). Never NULL. */
const bm_output *center_output(const bm_center *c, const char *form);
/* The 复议机关 for a refusal at `window`: its own entry of `review_by_window`,
 * else `review`, else NULL. */
const char *center_review_body(const bm_center *c, const char *window);

/* Paths resolved from options, environment and defaults. */
typedef struct bm_paths {
	char *config;     /* center.yaml */
	char *catalog;    /* catalog.yaml */
	char *holidays;   /* holidays.yaml */
	char *db;         /* the SQLite file */
	char *forms;      /* the forms/ folder */
	char *localedir;  /* for gettext */
	char *datadir;    /* where the YAML defaults came from */
} bm_paths;

/* Fill unset fields: YAML and forms from ./data and ./forms next to the
 * running binary when run from the source tree, else the installed data
 * dir; the database in $XDG_DATA_HOME/bianmin/bianmin.db (or
 * ~/.local/share/...); BIANMIN_DB overrides that default. */
void paths_resolve(bm_paths *p, const char *argv0);
void paths_free(bm_paths *p);

#endif
