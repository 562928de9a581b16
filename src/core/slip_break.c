/* slip_break.c - the one line-breaking rule of Chinese papers, shared by
 * the text view (any width) and the PDF view (pango):
 *
 *  - a value the schema marks whole (slip_field_whole: a person's name, a
 *    case number, an ID or receipt number, an amount, a date) never splits;
 *    only when it is wider than a whole line is it cut, by characters;
 *  - an ASCII word never splits (same fallback);
 *  - elsewhere a line may break between Chinese characters, never before
 *    closing punctuation (，。、）” ...) nor after opening punctuation
 *    (（“《 ...);
 *  - among the allowed places a break after punctuation or at a space is
 *    preferred when it leaves the line at most a sixth (at least 4
 *    columns) short.
 *
 * A whole value travels through the laid-out doc between the private-use
 * marks SLIP_KEEP_OPEN and SLIP_KEEP_CLOSE (slip_doc.h), put there by the
 * evaluator; every view removes them. */
#include "slip_doc.h"
#include "bianmin/text.h"

#include <stdlib.h>
#include <string.h>

#define CP_OPEN 0xE000u
#define CP_CLOSE 0xE001u
#define CP_WJ 0x2060u   /* WORD JOINER: pango breaks no line at it */

/* Punctuation after which a break reads well (，。、；：！？ and closers). */
static bool good_end(uint32_t c)
{
	return c == ' ' || c == 0x3000 || (c >= 0x3001 && c <= 0x3002) || c == 0xFF0C || c == 0xFF1B || c == 0xFF1A ||
	       c == 0xFF01 || c == 0xFF1F || c == 0xFF09 || c == 0x300B || c == 0x201D || c == 0x3011;
}

typedef struct run {
	uint32_t *cp;
	int *w;
	int *keep;      /* 0, or the number of the whole value the char is in */
	size_t n;
} run;

static void run_free(run *r)
{
	free(r->cp);
	free(r->w);
	free(r->keep);
}

/* Decode s (one paragraph: '\n' and control characters become spaces),
 * noting which characters are inside whole values. */
static void decode(const char *s, run *r)
{
	size_t len = strlen(s);
	r->cp = bm_xmalloc((len + 1) * sizeof *r->cp);
	r->w = bm_xmalloc((len + 1) * sizeof *r->w);
	r->keep = bm_xmalloc((len + 1) * sizeof *r->keep);
	r->n = 0;
	int keep = 0, next = 0;
	for (size_t i = 0; i < len;) {
		uint32_t c;
		i += text_utf8_decode(s + i, len - i, &c);
		if (c == CP_OPEN) {
			keep = ++next;
			continue;
		}
		if (c == CP_CLOSE) {
			keep = 0;
			continue;
		}
		if (c == '\t' || c == '\n' || c == '\r')
			c = ' ';
		if (c < 0x20 || (c >= 0x7F && c < 0xA0))
			continue;
		r->cp[r->n] = c;
		r->w[r->n] = text_cp_width(c);
		r->keep[r->n] = c == ' ' ? 0 : keep;
		r->n++;
	}
}

static bool ascii_word(uint32_t c)
{
	return c > ' ' && c < 0x7F;
}

/* May a line break fall between cp[i-1] and cp[i]? */
static bool may_break(const run *r, size_t i)
{
	uint32_t a = r->cp[i - 1], b = r->cp[i];
	if (r->w[i] == 0 || b == ' ')
		return false;   /* combining marks stay; spaces go before the break */
	if (r->keep[i] && r->keep[i] == r->keep[i - 1])
		return false;   /* inside a whole value */
	if (text_no_line_start(b) || text_no_line_end(a))
		return false;
	if (a == ' ')
		return true;
	if (ascii_word(a) && ascii_word(b))
		return false;   /* inside an ASCII word or number */
	return true;
}

static void push(char ***lines, size_t *n, const run *r, size_t from, size_t to)
{
	while (to > from && r->cp[to - 1] == ' ')
		to--;
	bm_buf b = {0};
	bm_buf_append(&b, "", 0);
	for (size_t i = from; i < to; i++) {
		char enc[4];
		bm_buf_append(&b, enc, text_utf8_encode(r->cp[i], enc));
	}
	*lines = bm_xrealloc(*lines, (*n + 2) * sizeof **lines);
	(*lines)[(*n)++] = bm_buf_steal(&b);
	(*lines)[*n] = NULL;
}

/* Whole values that had to break (for `forms check`): how many since the
 * last reset, and the first of them. */
static int n_split;
static char first_split[160];

void slip_split_reset(void)
{
	n_split = 0;
	first_split[0] = 0;
}

int slip_split_count(const char **what)
{
	if (what)
		*what = first_split;
	return n_split;
}

/* A whole value wider than a line cannot stay whole: it breaks like text. */
static void drop_wide_wholes(run *r, int width)
{
	for (size_t i = 0; i < r->n;) {
		if (!r->keep[i]) {
			i++;
			continue;
		}
		size_t j = i;
		int w = 0;
		while (j < r->n && r->keep[j] == r->keep[i])
			w += r->w[j++];
		if (w > width) {
			if (!n_split++) {
				size_t o = 0;
				for (size_t k = i; k < j && o + 4 < sizeof first_split; k++)
					o += text_utf8_encode(r->cp[k], first_split + o);
				first_split[o] = 0;
			}
			for (size_t k = i; k < j; k++)
				r->keep[k] = 0;
		}
		i = j;
	}
}

static void wrap_run(run *r, int width, char ***lines, size_t *n)
{
	drop_wide_wholes(r, width);
	size_t start = 0;
	while (start < r->n && r->cp[start] == ' ')
		start++;
	if (start >= r->n) {
		push(lines, n, r, 0, 0);
		return;
	}
	int slack = width / 6 > 4 ? width / 6 : 4;
	while (start < r->n) {
		/* how far does the line reach? */
		int col = 0;
		size_t i = start;
		while (i < r->n && (col + r->w[i] <= width || r->cp[i] == ' '))
			col += r->w[i++];
		if (i >= r->n) {
			push(lines, n, r, start, r->n);
			break;
		}
		/* the last allowed break, and the last preferred one */
		size_t last = start, good = start;
		int good_cols = 0;
		for (size_t k = start + 1, c = (size_t)r->w[start]; k <= i; c += (size_t)r->w[k], k++) {
			if (may_break(r, k)) {
				last = k;
				if (good_end(r->cp[k - 1]))
					good = k, good_cols = (int)c;
			}
		}
		size_t brk = last;
		if (good > start && good_cols >= width - slack)
			brk = good;
		if (brk == start) {
			/* nothing allowed fits: cut before the character that does
			 * not (a whole value wider than the line) */
			brk = i > start ? i : start + 1;
			if (brk < r->n && text_no_line_start(r->cp[brk]) && brk - 1 > start)
				brk--;
		}
		push(lines, n, r, start, brk);
		start = brk;
		while (start < r->n && r->cp[start] == ' ')
			start++;
	}
}

char **slip_wrap(const char *s, int width, size_t *n)
{
	if (width < 2)
		width = 2;
	char **lines = bm_xcalloc(1, sizeof *lines);
	size_t count = 0;
	run r;
	decode(s ? s : "", &r);
	wrap_run(&r, width, &lines, &count);
	run_free(&r);
	if (n)
		*n = count;
	return lines;
}

char *slip_plain(const char *s)
{
	bm_buf b = {0};
	bm_buf_append(&b, "", 0);
	size_t len = s ? strlen(s) : 0;
	for (size_t i = 0; i < len;) {
		uint32_t c;
		size_t k = text_utf8_decode(s + i, len - i, &c);
		if (c != CP_OPEN && c != CP_CLOSE)
			bm_buf_append(&b, s + i, k);
		i += k;
	}
	return bm_buf_steal(&b);
}

int slip_width(const char *s)
{
	char *p = slip_plain(s);
	int w = text_width(p);
	free(p);
	return w;
}

int slip_widest_whole(const char *s)
{
	run r;
	decode(s ? s : "", &r);
	int best = 0, cur = 0;
	for (size_t i = 0; i < r.n; i++) {
		if (r.keep[i] && i > 0 && r.keep[i] == r.keep[i - 1])
			cur += r.w[i];
		else
			cur = r.keep[i] ? r.w[i] : 0;
		if (cur > best)
			best = cur;
	}
	run_free(&r);
	return best;
}

char *slip_pango_text(const char *s)
{
	bm_buf b = {0};
	bm_buf_append(&b, "", 0);
	size_t len = s ? strlen(s) : 0;
	bool in = false, first = false;
	for (size_t i = 0; i < len;) {
		uint32_t c;
		size_t k = text_utf8_decode(s + i, len - i, &c);
		if (c == CP_OPEN) {
			in = true, first = true;
		} else if (c == CP_CLOSE) {
			in = false;
		} else {
			if (in && !first) {
				char enc[4];
				bm_buf_append(&b, enc, text_utf8_encode(CP_WJ, enc));
			}
			first = false;
			bm_buf_append(&b, s + i, k);
		}
		i += k;
	}
	return bm_buf_steal(&b);
}
