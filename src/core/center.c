/* center.c - center.yaml (the center's own settings) and where bianmin
 * finds its files.  Format in bianmin-catalog(5). */
#include "bianmin/config.h"
#include "bianmin/yamldoc.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#ifndef BIANMIN_DATADIR
#define BIANMIN_DATADIR "/usr/local/share/bianmin"
#endif
#ifndef BIANMIN_LOCALEDIR
#define BIANMIN_LOCALEDIR "/usr/local/share/locale"
#endif

static const char *const top_keys[] = {
	"version", "name", "code", "phone", "address", "windows", "spool", "outputs",
	"supplement_timeout_days", "followup_days", "due_soon_days", "keys", "county",
	"pin_min_length", "pin_lock_after", "pin_delay", "time_zone", "clock_tolerance_minutes",
	"hours", "review", "court", "review_by_window",
	"agent_subsidy", "agent_subsidy_counts", NULL};
static const char *const output_keys[] = {"form", "command", "width", "encoding", "pdf", "timeout", NULL};

static void output_free(bm_output *o)
{
	free(o->form);
	free(o->command);
	free(o->encoding);
}

void center_free(bm_center *c)
{
	if (!c)
		return;
	free(c->name);
	free(c->code);
	free(c->phone);
	free(c->address);
	free(c->time_zone);
	yd_strings_free(c->windows, c->n_windows);
	free(c->spool_dir);
	free(c->county);
	for (size_t i = 0; i < c->n_outputs; i++)
		output_free(&c->outputs[i]);
	free(c->outputs);
	for (size_t i = 0; i < c->n_keys; i++) {
		free(c->keys[i].action);
		yd_strings_free(c->keys[i].keys, c->keys[i].n_keys);
	}
	free(c->keys);
	free(c->hours);
	free(c->review);
	free(c->court);
	yd_strings_free(c->review_windows, c->n_reviews);
	yd_strings_free(c->review_bodies, c->n_reviews);
	free(c);
}

const char *center_review_body(const bm_center *c, const char *window)
{
	for (size_t i = 0; c && window && i < c->n_reviews; i++)
		if (!strcmp(c->review_windows[i], window))
			return c->review_bodies[i];
	return c && c->review && *c->review ? c->review : NULL;
}

/* review_by_window: {WINDOW: 复议机关}, e.g. 户籍: 青山县公安局 */
static void load_reviews(yd_doc *doc, const yd_node *m, bm_center *c)
{
	if (!m || !yd_expect_map(doc, m, "'review_by_window'"))
		return;
	c->review_windows = bm_xcalloc(m->n + 1, sizeof(char *));
	c->review_bodies = bm_xcalloc(m->n + 1, sizeof(char *));
	for (size_t i = 0; i < m->n; i++) {
		const yd_node *k = m->keys[i], *v = m->kids[i];
		if (k->kind != YD_SCALAR || v->kind != YD_SCALAR || !*v->str) {
			yd_error(doc, v, "%s", _("review_by_window maps a window to its 复议机关, e.g. 户籍: 青山县公安局"));
			continue;
		}
		c->review_windows[c->n_reviews] = bm_xstrdup(k->str);
		c->review_bodies[c->n_reviews++] = bm_xstrdup(v->str);
	}
}

const bm_output *center_output(const bm_center *c, const char *form)
{
	static const bm_output spool_only = {"default", NULL, 80, "UTF-8", false, 0};
	const bm_output *def = NULL;
	for (size_t i = 0; c && i < c->n_outputs; i++) {
		if (form && !strcmp(c->outputs[i].form, form))
			return &c->outputs[i];
		if (!strcmp(c->outputs[i].form, "default"))
			def = &c->outputs[i];
	}
	return def ? def : &spool_only;
}

static void load_code(yd_doc *doc, const yd_node *root, bm_center *c)
{
	if (!yd_string(doc, root, "code", true, &c->code))
		return;
	size_t n = strlen(c->code);
	bool ok = n >= 1 && n <= 12;
	for (size_t i = 0; ok && i < n; i++) {
		char ch = c->code[i];
		ok = (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9');
	}
	if (!ok)
		yd_error(doc, yd_get(root, "code"),
			 _("'code' must be 1 to 12 ASCII letters or digits (it goes into case numbers), not '%s'"),
			 c->code);
}

static void load_output(yd_doc *doc, const yd_node *m, bm_output *o)
{
	o->width = 80;
	yd_check_keys(doc, m, output_keys);
	yd_string(doc, m, "form", true, &o->form);
	yd_string(doc, m, "command", false, &o->command);
	if (yd_int(doc, m, "width", false, 1, 1000, &o->width) && o->width != 32 && o->width != 42 &&
	    o->width != 48 && o->width != 80)
		yd_error(doc, yd_get(m, "width"), _("'width' must be 32, 42, 48 or 80 (got %d)"), o->width);
	char *enc = NULL;
	if (yd_string(doc, m, "encoding", false, &enc) && enc) {
		if (!strcasecmp(enc, "UTF-8"))
			o->encoding = bm_xstrdup("UTF-8");
		else if (!strcasecmp(enc, "GB18030"))
			o->encoding = bm_xstrdup("GB18030");
		else
			yd_error(doc, yd_get(m, "encoding"), _("unknown encoding '%s' (allowed: UTF-8, GB18030)"), enc);
	}
	free(enc);
	if (!o->encoding)
		o->encoding = bm_xstrdup("UTF-8");
	yd_bool(doc, m, "pdf", &o->pdf);
	yd_int(doc, m, "timeout", false, 1, 3600, &o->timeout);
}

static void load_outputs(yd_doc *doc, const yd_node *list, bm_center *c)
{
	if (!list || !yd_expect_seq(doc, list, "'outputs'"))
		return;
	c->outputs = bm_xcalloc(list->n ? list->n : 1, sizeof *c->outputs);
	int *lines = bm_xcalloc(list->n ? list->n : 1, sizeof *lines);
	for (size_t i = 0; i < list->n; i++) {
		const yd_node *m = list->kids[i];
		if (!yd_expect_map(doc, m, _("an output")))
			continue;
		bm_output *o = &c->outputs[c->n_outputs];
		load_output(doc, m, o);
		lines[c->n_outputs++] = m->line;
		for (size_t j = 0; o->form && j + 1 < c->n_outputs; j++)
			if (c->outputs[j].form && !strcmp(c->outputs[j].form, o->form)) {
				yd_error(doc, yd_get(m, "form"), _("output for form '%s' is already defined at line %d"),
					 o->form, lines[j]);
				break;
			}
	}
	free(lines);
}

static bool action_name_ok(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '_'))
			return false;
	return true;
}

static void load_keys(yd_doc *doc, const yd_node *m, bm_center *c)
{
	if (!m || !yd_expect_map(doc, m, "'keys'"))
		return;
	c->keys = bm_xcalloc(m->n ? m->n : 1, sizeof *c->keys);
	for (size_t i = 0; i < m->n; i++) {
		const yd_node *k = m->keys[i], *v = m->kids[i];
		if (k->kind != YD_SCALAR || !action_name_ok(k->str)) {
			yd_error(doc, k, _("an action name is lower-case letters, digits and '_', not '%s'"),
				 k->kind == YD_SCALAR ? k->str : "...");
			continue;
		}
		bm_keybinding *kb = &c->keys[c->n_keys];
		if (v->kind == YD_SCALAR && *v->str) {
			kb->keys = bm_xcalloc(1, sizeof *kb->keys);
			kb->keys[0] = bm_xstrdup(v->str);
			kb->n_keys = 1;
		} else if (!yd_strings(doc, m, k->str, true, &kb->keys, &kb->n_keys)) {
			continue;
		}
		kb->action = bm_xstrdup(k->str);
		c->n_keys++;
	}
}

/* 代办补贴 (issue 14): agent_subsidy (yuan, "5.00") and what counts. */
static void load_subsidy(yd_doc *doc, const yd_node *root, bm_center *c)
{
	const yd_node *n = yd_get(root, "agent_subsidy");
	if (n && (n->kind != YD_SCALAR || !bm_money_parse(n->str, &c->agent_subsidy_fen)))
		yd_error(doc, n, "%s", _("agent_subsidy is an amount in yuan such as 5.00"));
	char *counts = NULL;
	if (yd_string(doc, root, "agent_subsidy_counts", false, &counts) && counts) {
		if (!strcmp(counts, "accepted"))
			c->agent_subsidy_accepted = true;
		else if (strcmp(counts, "completed") != 0)
			yd_error(doc, yd_get(root, "agent_subsidy_counts"),
				 _("agent_subsidy_counts is 'completed' or 'accepted', not '%s'"), counts);
	}
	free(counts);
}

/* time_zone: an IANA name the system knows (/usr/share/zoneinfo), such
 * as Asia/Shanghai or Asia/Urumqi; plain names only. */
static void center_time_zone(yd_doc *doc, const yd_node *root, bm_center *c)
{
	char *tz = NULL;
	if (!yd_string(doc, root, "time_zone", false, &tz) || !tz)
		return;
	bool ok = *tz && strlen(tz) < 64 && tz[0] != '/' && !strstr(tz, "..");
	for (const char *p = tz; ok && *p; p++)
		ok = (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		     *p == '/' || *p == '_' || *p == '-' || *p == '+';
	char *f = ok ? bm_xasprintf("/usr/share/zoneinfo/%s", tz) : NULL;
	if (!ok || access(f, R_OK) != 0) {
		yd_error(doc, yd_get(root, "time_zone"), _("unknown time zone '%s' (an IANA name such as Asia/Shanghai)"), tz);
		free(tz);
	} else {
		c->time_zone = tz;
	}
	free(f);
}

bm_center *center_load(const char *path, bm_diags *d)
{
	int errors = d->errors;
	size_t first = d->n;
	yd_doc *doc = yd_load(path, d);
	if (!doc)
		return NULL;
	bm_center *c = bm_xcalloc(1, sizeof *c);
	c->supplement_timeout_days = 20;
	c->followup_days = 5;
	c->due_soon_days = 1;
	c->agent_subsidy_fen = 500;
	c->pin_min_length = 6;
	c->pin_lock_after = 10;
	c->pin_delay = 1;
	c->clock_tolerance_minutes = 10;
	const yd_node *root = doc->root;
	if (!root) {
		yd_error(doc, NULL, "%s", _("the center file is empty; it needs 'version: 1', 'name' and 'code'"));
	} else if (yd_expect_map(doc, root, _("the center file"))) {
		c->line = root->line;
		yd_check_keys(doc, root, top_keys);
		int version = 0;
		if (yd_int(doc, root, "version", true, 0, 1000000, &version) && version != 1)
			yd_error(doc, yd_get(root, "version"),
				 _("unsupported center file version %d (this bianmin reads version 1)"), version);
		yd_string(doc, root, "name", true, &c->name);
		load_code(doc, root, c);
		yd_string(doc, root, "phone", false, &c->phone);
		yd_string(doc, root, "address", false, &c->address);
		if (yd_strings(doc, root, "windows", false, &c->windows, &c->n_windows)) {
			const yd_node *w = yd_get(root, "windows");
			for (size_t i = 1; i < c->n_windows; i++)
				for (size_t j = 0; j < i; j++)
					if (!strcmp(c->windows[i], c->windows[j])) {
						yd_error(doc, w->kids[i], _("window '%s' is listed twice"), c->windows[i]);
						break;
					}
		}
		yd_string(doc, root, "spool", false, &c->spool_dir);
		yd_string(doc, root, "county", false, &c->county);
		load_outputs(doc, yd_get(root, "outputs"), c);
		yd_int(doc, root, "supplement_timeout_days", false, 1, 1000, &c->supplement_timeout_days);
		yd_int(doc, root, "followup_days", false, 1, 1000, &c->followup_days);
		yd_int(doc, root, "due_soon_days", false, 0, 1000, &c->due_soon_days);
		load_keys(doc, yd_get(root, "keys"), c);
		load_subsidy(doc, root, c);
		yd_int(doc, root, "pin_min_length", false, 4, 64, &c->pin_min_length);
		yd_int(doc, root, "pin_lock_after", false, 0, 1000, &c->pin_lock_after);
		yd_int(doc, root, "pin_delay", false, 0, 60, &c->pin_delay);
		yd_int(doc, root, "clock_tolerance_minutes", false, 1, 1440, &c->clock_tolerance_minutes);
		center_time_zone(doc, root, c);
		yd_string(doc, root, "hours", false, &c->hours);
		yd_string(doc, root, "review", false, &c->review);
		yd_string(doc, root, "court", false, &c->court);
		load_reviews(doc, yd_get(root, "review_by_window"), c);
	}
	if (!c->time_zone)
		c->time_zone = bm_xstrdup("Asia/Shanghai");
	if (!c->spool_dir)
		c->spool_dir = bm_xstrdup("spool");
	yd_sort_diags(doc, first);
	yd_free(doc);
	if (d->errors > errors) {
		center_free(c);
		return NULL;
	}
	return c;
}

/* ---- paths ------------------------------------------------------------ */

static bool file_exists(const char *dir, const char *name)
{
	char *p = bm_xasprintf("%s/%s", dir, name);
	bool ok = access(p, R_OK) == 0;
	free(p);
	return ok;
}

/* The source tree the running binary sits in (the binary's folder, or its
 * parent for build-NAME/bianmin), or NULL when installed. */
static char *source_tree(const char *argv0)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
	} else if (argv0 && strchr(argv0, '/') && realpath(argv0, exe)) {
		/* exe filled by realpath */
	} else {
		return NULL;
	}
	for (int up = 0; up < 2; up++) {
		char *slash = strrchr(exe, '/');
		if (!slash)
			return NULL;
		*slash = '\0';
		const char *dir = *exe ? exe : "/";
		if (file_exists(dir, "data/catalog.yaml"))
			return bm_xstrdup(dir);
	}
	return NULL;
}

/* <binary's folder>/locale when it exists: the catalogs `make B=DIR` built
 * beside DIR/bianmin; NULL otherwise. */
static char *binary_locale(const char *argv0)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0)
		exe[n] = '\0';
	else if (!argv0 || !strchr(argv0, '/') || !realpath(argv0, exe))
		return NULL;
	char *slash = strrchr(exe, '/');
	if (!slash)
		return NULL;
	*slash = '\0';
	const char *dir = *exe ? exe : "/";
	return file_exists(dir, "locale") ? bm_xasprintf("%s/locale", dir) : NULL;
}

static char *default_db(void)
{
	const char *e = getenv("BIANMIN_DB");
	if (e && *e)
		return bm_xstrdup(e);
	e = getenv("XDG_DATA_HOME");
	if (e && *e == '/')   /* the XDG spec: relative values are ignored */
		return bm_xasprintf("%s/bianmin/bianmin.db", e);
	e = getenv("HOME");
	if (e && *e)
		return bm_xasprintf("%s/.local/share/bianmin/bianmin.db", e);
	return bm_xstrdup("bianmin.db");
}

void paths_resolve(bm_paths *p, const char *argv0)
{
	char *src = source_tree(argv0);
	if (!p->datadir)
		p->datadir = src ? bm_xasprintf("%s/data", src) : bm_xstrdup(BIANMIN_DATADIR);
	if (!p->config)
		p->config = bm_xasprintf("%s/center.yaml", p->datadir);
	if (!p->catalog)
		p->catalog = bm_xasprintf("%s/catalog.yaml", p->datadir);
	if (!p->holidays)
		p->holidays = bm_xasprintf("%s/holidays.yaml", p->datadir);
	if (!p->forms)
		p->forms = src ? bm_xasprintf("%s/forms", src) : bm_xasprintf("%s/forms", BIANMIN_DATADIR);
	if (!p->localedir && src)
		p->localedir = binary_locale(argv0);
	if (!p->localedir)
		p->localedir = src ? bm_xasprintf("%s/build/locale", src) : bm_xstrdup(BIANMIN_LOCALEDIR);
	if (!p->db)
		p->db = default_db();
	free(src);
}

void paths_free(bm_paths *p)
{
	free(p->config);
	free(p->catalog);
	free(p->holidays);
	free(p->db);
	free(p->forms);
	free(p->localedir);
	free(p->datadir);
	memset(p, 0, sizeof *p);
}
