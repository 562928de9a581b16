/* lifecycle_fields.c - the fields of the step table's rows: their options
 * (for the counter's choices and the command line's values), the values
 * typed, their first value on a form, and the synopsis and help that
 * `bianmin case --help` prints from the rows. */
#include "lifecycle_int.h"
#include "bianmin/catalog.h"
#include "bianmin/text.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

size_t lc_row_fields(const lc_step_def *row)
{
	size_t n = 0;
	while (row && n < LC_FIELDS_MAX && row->fields[n].name)
		n++;
	return n;
}

int lc_row_field(const lc_step_def *row, const char *name)
{
	size_t n = lc_row_fields(row);
	for (size_t i = 0; name && i < n; i++)
		if (strcmp(row->fields[i].name, name) == 0 || (row->fields[i].alt && strcmp(row->fields[i].alt, name) == 0))
			return (int)i;
	return -1;
}

static size_t opt(lc_option *out, size_t n, size_t max, const char *label, const char *key, size_t id)
{
	if (n >= max)
		return n;
	snprintf(out[n].label, sizeof out[n].label, "%s", label);
	snprintf(out[n].key, sizeof out[n].key, "%s", key);
	out[n].id = id;
	return n + 1;
}

size_t lc_field_options(const lc_field *f, const bm_case *c, lc_option *out, size_t max)
{
	size_t n = 0;
	char key[32], label[320];
	switch (f->opts) {
	case LC_OPTS_MISSING:
		for (size_t i = 0; c && i < c->n_materials; i++) {
			const bm_case_material *m = &c->materials[i];
			if (m->state != MAT_MISSING && m->state != MAT_NOT_BROUGHT)
				continue;
			snprintf(label, sizeof label, "%zu. %s (%s, %d)", i + 1, m->name, form_label(m->form), m->copies);
			snprintf(key, sizeof key, "%zu", i + 1);
			n = opt(out, n, max, label, key, i);
		}
		break;
	case LC_OPTS_PAUSE:
		for (int k = 0; k < LC_PAUSE__COUNT; k++)
			n = opt(out, n, max, lc_pause_label((lc_pause_kind)k), lc_pause_key((lc_pause_kind)k), (size_t)k);
		break;
	case LC_OPTS_AGREE:
		n = opt(out, n, max, _("agree"), "agree", 0);
		n = opt(out, n, max, _("disagree"), "disagree", 1);
		break;
	case LC_OPTS_DECISION:
		n = opt(out, n, max, _("approved (准予)"), "approved", 0);
		n = opt(out, n, max, _("refused (不予)"), "refused", 1);
		break;
	case LC_OPTS_RETURN:
		n = opt(out, n, max, _("退回 (return)"), "return", 0);
		n = opt(out, n, max, _("退件: materials never came"), "non-supplement", 1);
		break;
	case LC_OPTS_HOW:
		n = opt(out, n, max, _("phone"), lc_how_key(LC_PHONE), LC_PHONE);
		n = opt(out, n, max, _("in person"), lc_how_key(LC_IN_PERSON), LC_IN_PERSON);
		n = opt(out, n, max, _("agent"), lc_how_key(LC_AGENT), LC_AGENT);
		break;
	case LC_OPTS_RATING:
		for (int k = 1; k <= 5; k++) {
			snprintf(key, sizeof key, "%d", k);
			n = opt(out, n, max, lc_rating_label(k), key, (size_t)k);
		}
		break;
	case LC_OPTS_SATISFIED:
		n = opt(out, n, max, _("satisfied (满意)"), "satisfied", 1);
		n = opt(out, n, max, _("not satisfied (不满意)"), "unsatisfied", 0);
		break;
	case LC_OPTS_NONE:
		break;
	}
	return n;
}

bool lc_field_parse(const lc_field *f, const char *s, size_t *id)
{
	if (!s)
		return false;
	lc_pause_kind k;
	lc_how h;
	int level;
	switch (f->opts) {
	case LC_OPTS_PAUSE:
		if (!lc_pause_parse(s, &k))
			return false;
		*id = (size_t)k;
		return true;
	case LC_OPTS_HOW:
		if (!lc_how_parse(s, &h))
			return false;
		*id = (size_t)h;
		return true;
	case LC_OPTS_RATING:
		if (!lc_rating_parse(s, &level))
			return false;
		*id = (size_t)level;
		return true;
	default:
		break;
	}
	lc_option o[16];
	size_t n = lc_field_options(f, NULL, o, 16);
	for (size_t i = 0; i < n; i++)
		if (strcmp(o[i].key, s) == 0) {
			*id = o[i].id;
			return true;
		}
	return false;
}

bool lc_checks_parse(const char *s, lc_values *v)
{
	v->n_checks = 0;
	while (s && *s) {
		char *end;
		long n = strtol(s, &end, 10);
		if (end == s || n < 1 || n > 1000 || (*end && *end != ',') ||
		    v->n_checks >= sizeof v->checks / sizeof v->checks[0])
			return false;
		v->checks[v->n_checks++] = (size_t)(n - 1);
		s = *end ? end + 1 : end;
	}
	return v->n_checks > 0;
}

bool lc_when_parse(const char *s, int *days, bm_day *to)
{
	*days = 0;
	*to = BM_NO_DAY;
	if (!s)
		return false;
	char *end = NULL;
	long d = strtol(s, &end, 10);
	if (end && end != s && *end == '\0' && d > 0 && d < 1000) {
		*days = (int)d;
		return true;
	}
	return bm_day_parse(s, to);
}

const char *lc_field_init(const lc_field *f, const bm_case *c, const bm_clerk *clerk, char *buf, size_t len)
{
	switch (f->init) {
	case LC_INIT_TEXT:
		return f->init_text ? _(f->init_text) : NULL;
	case LC_INIT_FORWARD_TO:
		return c ? c->item.forward_to : NULL;
	case LC_INIT_WINDOW: {
		if (clerk && clerk->window)
			return clerk->window;
		if (!c)
			return NULL;
		lc_info in;
		lifecycle_info(c, &in);
		const char *w = NULL;
		for (size_t k = 0; k < in.n_opinions && !w; k++)
			if (!in.opinions[k].answered)
				w = in.opinions[k].window;
		if (w)
			snprintf(buf, len, "%s", w);
		lc_info_free(&in);
		return w ? buf : NULL;
	}
	case LC_INIT_NONE:
		break;
	}
	return NULL;
}

/* ---- the help, from the rows ----------------------------------------- */
static void synopsis_field(bm_buf *b, const lc_field *f)
{
	bool req = f->required;
	bm_buf_puts(b, req ? " " : " [");
	if (f->kind == LC_F_WHEN) {
		bm_buf_printf(b, "--%s N|--%s DATE", f->name, f->alt ? f->alt : "to");
	} else if (f->kind == LC_F_CHOICE && f->flag) {
		bm_buf_printf(b, "--%s", f->name);
		if (f->alt)
			bm_buf_printf(b, "|--%s", f->alt);
	} else if (f->kind == LC_F_CHOICE && !f->value) {
		lc_option o[16];
		size_t n = lc_field_options(f, NULL, o, 16);
		bm_buf_printf(b, "--%s ", f->name);
		for (size_t i = 0; i < n; i++)
			bm_buf_printf(b, "%s%s", i ? "|" : "", o[i].key);
	} else {
		bm_buf_printf(b, "--%s %s", f->name, f->value ? f->value : "TEXT");
	}
	if (!req)
		bm_buf_puts(b, "]");
}

char *lc_step_synopsis(const lc_step_def *row)
{
	bm_buf b = {0};
	bm_buf_puts(&b, "");
	size_t n = lc_row_fields(row);
	for (size_t i = 0; i < n; i++)
		synopsis_field(&b, &row->fields[i]);
	if (row->approval == LC_APPROVE_ALWAYS)
		bm_buf_puts(&b, " --supervisor CODE");
	else if (row->approval != LC_APPROVE_NONE)
		bm_buf_puts(&b, " [--supervisor CODE]");
	/* without the first blank */
	char *s = bm_buf_steal(&b);
	if (s[0] == ' ')
		memmove(s, s + 1, strlen(s));
	return s;
}

/* The synopsis after head, in 80 columns: broken only between options
 * (before a " --" or " [" outside brackets), continued under the NO. */
static void synopsis_lines(bm_buf *b, const char *head, const char *syn)
{
	enum { WIDTH = 80 };
	int col = text_width(head), indent = (int)strlen("  bianmin case ");
	bm_buf_puts(b, head);
	const char *p = syn;
	while (*p) {
		const char *q = p + 1;   /* the group runs to the next break */
		for (int depth = *p == '[' ? 1 : 0; *q; q++) {
			if (*q == '[')
				depth++;
			else if (*q == ']')
				depth--;
			else if (*q == ' ' && depth == 0 && (q[1] == '-' || q[1] == '['))
				break;
		}
		int w = text_width_n(p, (size_t)(q - p));
		if (col + 1 + w > WIDTH && col > indent) {
			bm_buf_printf(b, "\n%*s", indent, "");
			col = indent;
		} else {
			bm_buf_puts(b, " ");
			col++;
		}
		bm_buf_append(b, p, (size_t)(q - p));
		col += w;
		p = *q ? q + 1 : q;
	}
	bm_buf_puts(b, "\n");
}

static void usage_of(bm_buf *b, const char *command, const lc_step_def *row)
{
	char *syn = lc_step_synopsis(row);
	char *head = bm_xasprintf("  bianmin case %s NO", command);
	synopsis_lines(b, head, syn);
	free(head);
	size_t n = 0;
	char **lines = row->help ? text_wrap(_(row->help), 72, &n) : NULL;
	for (size_t i = 0; i < n; i++) {
		bm_buf_printf(b, "      %s\n", lines[i]);
		free(lines[i]);
	}
	free(lines);
	free(syn);
}

char *lc_step_usage(const lc_step_def *row)
{
	bm_buf b = {0};
	bm_buf_puts(&b, "");
	if (row && row->take) {
		const char *command = row->command;
		for (int i = 0; !command && i < LC_STEP__COUNT; i++)
			if (lc_step_row((lc_step)i)->also == row->step)
				command = lc_step_row((lc_step)i)->command;
		usage_of(&b, command ? command : lc_step_key(row->step), row);
		const lc_step_def *also = row->command ? lc_step_row(row->also) : NULL;
		if (also && also->take)
			usage_of(&b, row->command, also);
	}
	return bm_buf_steal(&b);
}
