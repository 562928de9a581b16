/* text.c - UTF-8 by display columns: decoding (bad bytes become U+FFFD),
 * widths of strings, padding and clipping, wrapping, plain and pinyin
 * initials search.  Widths of single code points are in text_width.c. */
#include "bianmin/text.h"
#include "pinyin_table.h"

#include <stdlib.h>
#include <string.h>

#define REPLACEMENT 0xFFFDu
#define ELLIPSIS "\xE2\x80\xA6" /* U+2026, one column */

/* ---- UTF-8 ----------------------------------------------------------- */

/* Strict decoding: no overlong forms, no surrogates, nothing past
 * U+10FFFF.  Returns 0 for a bad sequence. */
static size_t decode_strict(const unsigned char *s, size_t n, uint32_t *cp)
{
	if (n == 0)
		return 0;
	unsigned c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	size_t len;
	uint32_t v, min;
	if (c >= 0xC2 && c <= 0xDF) {
		len = 2, v = c & 0x1F, min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3, v = c & 0x0F, min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4, v = c & 0x07, min = 0x10000;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		v = (v << 6) | (s[i] & 0x3F);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		return 0;
	*cp = v;
	return len;
}

bool text_utf8_valid(const char *s, size_t n, size_t *bad)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;
	while (i < n) {
		/* ASCII eight bytes at a time (a catalog is mostly ASCII) */
		uint64_t w;
		while (n - i >= 8 && (memcpy(&w, u + i, 8), !(w & 0x8080808080808080u)))
			i += 8;
		if (i == n)
			break;
		if (u[i] < 0x80) {
			i++;
			continue;
		}
		/* the common three-byte character (CJK), not overlong and not
		 * a surrogate: E1-EC or EE-EF, then two continuation bytes */
		if (n - i >= 3 && u[i] >= 0xE1 && u[i] <= 0xEF && u[i] != 0xED &&
		    (u[i + 1] & 0xC0) == 0x80 && (u[i + 2] & 0xC0) == 0x80) {
			i += 3;
			continue;
		}
		uint32_t cp;
		size_t k = decode_strict(u + i, n - i, &cp);
		if (k == 0) {
			if (bad)
				*bad = i;
			return false;
		}
		i += k;
	}
	return true;
}

size_t text_utf8_decode(const char *s, size_t n, uint32_t *cp)
{
	size_t k = decode_strict((const unsigned char *)s, n, cp);
	if (k == 0) {
		*cp = REPLACEMENT;
		return 1;
	}
	return k;
}

size_t text_utf8_encode(uint32_t cp, char out[4])
{
	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = REPLACEMENT;
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

/* ---- widths ---------------------------------------------------------- */

int text_width_n(const char *s, size_t n)
{
	int w = 0;
	size_t i = 0;
	while (s && i < n) {
		uint32_t cp;
		i += text_utf8_decode(s + i, n - i, &cp);
		w += text_cp_width(cp);
	}
	return w;
}

int text_width(const char *s)
{
	return s ? text_width_n(s, strlen(s)) : 0;
}

size_t text_fit_bytes(const char *s, int width, int *used)
{
	size_t n = s ? strlen(s) : 0, i = 0;
	int w = 0;
	while (i < n) {
		uint32_t cp;
		size_t k = text_utf8_decode(s + i, n - i, &cp);
		int cw = text_cp_width(cp);
		if (w + cw > width)
			break;
		w += cw;
		i += k;   /* zero-width marks stay with the character before */
	}
	if (used)
		*used = w;
	return i;
}

/* Append s[0..n) to b with bad bytes as U+FFFD and control characters
 * dropped (they would move the cursor in a cell); tab becomes a space. */
static void append_clean(bm_buf *b, const char *s, size_t n)
{
	size_t i = 0;
	while (i < n) {
		uint32_t cp;
		size_t k = text_utf8_decode(s + i, n - i, &cp);
		i += k;
		if (cp == '\t')
			cp = ' ';
		if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
			continue;
		char enc[4];
		bm_buf_append(b, enc, text_utf8_encode(cp, enc));
	}
}

static void append_spaces(bm_buf *b, int n)
{
	for (; n > 0; n--)
		bm_buf_append(b, " ", 1);
}

/* Exactly `width` columns: s clipped (a wide character that would straddle
 * the edge becomes a space), then padded on the right, or on the left when
 * `left`.  malloc'd. */
static char *fit(const char *s, int width, bool ellipsis, bool left)
{
	bm_buf b = {0};
	bm_buf_append(&b, "", 0);
	if (width <= 0)
		return bm_buf_steal(&b);
	bm_buf clean = {0}, body = {0};
	bm_buf_append(&clean, "", 0);
	bm_buf_append(&body, "", 0);
	if (s)
		append_clean(&clean, s, strlen(s));
	if (text_width(clean.data) <= width) {
		bm_buf_append(&body, clean.data, clean.len);
	} else {
		int room = ellipsis ? width - 1 : width, used;
		size_t k = text_fit_bytes(clean.data, room, &used);
		bm_buf_append(&body, clean.data, k);
		append_spaces(&body, room - used);   /* a straddling wide char */
		if (ellipsis)
			bm_buf_puts(&body, ELLIPSIS);
	}
	bm_buf_free(&clean);
	int pad = width - text_width(body.data);
	if (left)
		append_spaces(&b, pad);
	bm_buf_append(&b, body.data, body.len);
	if (!left)
		append_spaces(&b, pad);
	bm_buf_free(&body);
	return bm_buf_steal(&b);
}

char *text_pad(const char *s, int width, bool ellipsis)
{
	return fit(s, width, ellipsis, false);
}

char *text_pad_left(const char *s, int width)
{
	return fit(s, width, true, true);
}

/* ---- wrapping -------------------------------------------------------- */

/* Closing punctuation must not begin a line, opening must not end one
 * (避头尾, kept simple).  The terminal's wrap and the paper's break
 * (slip_break.c) share these lists. */
bool text_no_line_start(uint32_t c)
{
	static const uint32_t list[] = {
		0xFF0C, 0x3002, 0x3001, 0xFF1B, 0xFF1A, 0xFF01, 0xFF1F, 0xFF09,
		0x300B, 0x300D, 0x300F, 0x3011, 0x201D, 0x2019, 0x3009, 0x2026,
		0xFF0E, 0x30FC, 0xFF05, ',', '.', ';', ':', '!', '?', ')', ']', '}', '%',
	};
	for (size_t i = 0; i < sizeof list / sizeof list[0]; i++)
		if (list[i] == c)
			return true;
	return false;
}

bool text_no_line_end(uint32_t c)
{
	static const uint32_t list[] = {
		0xFF08, 0x300A, 0x300C, 0x300E, 0x3010, 0x201C, 0x2018, 0x3008,
		'(', '[', '{',
	};
	for (size_t i = 0; i < sizeof list / sizeof list[0]; i++)
		if (list[i] == c)
			return true;
	return false;
}

/* May a line break fall between cp[i-1] and cp[i]? */
static bool break_ok(const uint32_t *cp, const int *w, size_t i)
{
	if (w[i] == 0 || cp[i] == ' ')
		return false;   /* never strand a combining mark; spaces go before */
	if (text_no_line_start(cp[i]) || text_no_line_end(cp[i - 1]))
		return false;
	return cp[i - 1] == ' ' || w[i - 1] == 2 || w[i] == 2;
}

static void push_line(char ***lines, size_t *n, size_t *cap, const uint32_t *cp, size_t from, size_t to)
{
	while (to > from && cp[to - 1] == ' ')
		to--;
	bm_buf b = {0};
	bm_buf_append(&b, "", 0);
	for (size_t i = from; i < to; i++) {
		char enc[4];
		bm_buf_append(&b, enc, text_utf8_encode(cp[i], enc));
	}
	if (*n + 2 > *cap) {
		*cap = *cap ? *cap * 2 : 8;
		*lines = bm_xrealloc(*lines, *cap * sizeof **lines);
	}
	(*lines)[(*n)++] = bm_buf_steal(&b);
	(*lines)[*n] = NULL;
}

/* One paragraph (no '\n'), greedy: fill a line, then break at the last
 * allowed place, or before the character that does not fit. */
static void wrap_para(const uint32_t *cp, const int *w, size_t len, int width,
		      char ***lines, size_t *n, size_t *cap)
{
	size_t start = 0, i = 0, last = 0;
	int col = 0;
	if (len == 0) {
		push_line(lines, n, cap, cp, 0, 0);
		return;
	}
	while (i < len) {
		if (i > start && break_ok(cp, w, i))
			last = i;
		bool overflow = col + w[i] > width && i > start && cp[i] != ' ';
		if (!overflow) {
			col += w[i];
			i++;
			continue;
		}
		size_t brk = last > start ? last : i;
		/* Forced break in front of closing punctuation: take the
		 * character before it along. */
		if (brk == i && text_no_line_start(cp[i]) && i - 1 > start)
			brk = i - 1;
		while (brk > start + 1 && brk < len && w[brk] == 0)
			brk--;   /* keep combining marks with their base */
		push_line(lines, n, cap, cp, start, brk);
		while (brk < len && cp[brk] == ' ')
			brk++;
		start = i = last = brk;
		col = 0;
	}
	if (start < len)
		push_line(lines, n, cap, cp, start, len);
}

char **text_wrap(const char *s, int width, size_t *n)
{
	char **lines = NULL;
	size_t count = 0, cap = 0;
	if (width < 1)
		width = 1;
	size_t slen = s ? strlen(s) : 0;
	uint32_t *cp = bm_xmalloc((slen + 1) * sizeof *cp);
	int *w = bm_xmalloc((slen + 1) * sizeof *w);
	size_t i = 0;
	while (i < slen) {
		size_t len = 0;
		while (i < slen && s[i] != '\n') {
			uint32_t c;
			i += text_utf8_decode(s + i, slen - i, &c);
			if (c == '\t')
				c = ' ';
			if (c < 0x20 || (c >= 0x7F && c < 0xA0))
				continue;
			cp[len] = c;
			w[len] = text_cp_width(c);
			len++;
		}
		wrap_para(cp, w, len, width, &lines, &count, &cap);
		if (i < slen)
			i++;   /* the '\n' */
	}
	free(cp);
	free(w);
	if (!lines)
		lines = bm_xcalloc(1, sizeof *lines);   /* empty input: no lines */
	if (n)
		*n = count;
	return lines;
}

void text_lines_free(char **lines)
{
	if (!lines)
		return;
	for (char **p = lines; *p; p++)
		free(*p);
	free(lines);
}

/* ---- search ---------------------------------------------------------- */

static int fold(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

bool text_contains(const char *haystack, const char *needle)
{
	if (!haystack || !needle)
		return false;
	size_t hn = strlen(haystack), nn = strlen(needle);
	if (nn == 0)
		return true;
	for (size_t i = 0; i + nn <= hn; i++) {
		size_t k = 0;
		while (k < nn && fold((unsigned char)haystack[i + k]) == fold((unsigned char)needle[k]))
			k++;
		if (k == nn)
			return true;
	}
	return false;
}

uint32_t text_pinyin_initials(uint32_t cp)
{
	if (cp >= BM_PINYIN_DENSE_LO && cp <= BM_PINYIN_DENSE_HI)
		return bm_pinyin_palette[bm_pinyin_dense[cp - BM_PINYIN_DENSE_LO]];
	size_t lo = 0, hi = bm_pinyin_sparse_len;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (bm_pinyin_sparse[mid].cp < cp)
			lo = mid + 1;
		else if (bm_pinyin_sparse[mid].cp > cp)
			hi = mid;
		else
			return bm_pinyin_sparse[mid].mask;
	}
	return 0;
}

/* What a character of the text can stand for in a query: bits 0-25 the
 * letters a-z, bits 26-35 the digits 0-9.  0 = skipped (punctuation). */
static uint64_t token_mask(uint32_t c)
{
	if (c >= '0' && c <= '9')
		return (uint64_t)1 << (26 + (c - '0'));
	if (c < 0x80 && ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
		return (uint64_t)1 << ((c | 0x20) - 'a');
	return text_pinyin_initials(c);
}

bool text_pinyin_match(const char *text, const char *query)
{
	if (!text || !query)
		return false;
	/* The query: ASCII letters and digits, spaces ignored. */
	size_t qlen = strlen(query), nq = 0;
	uint64_t *q = bm_xmalloc((qlen + 1) * sizeof *q);
	for (size_t i = 0; i < qlen; i++) {
		unsigned char c = (unsigned char)query[i];
		if (c == ' ')
			continue;
		uint64_t m = c < 0x80 ? token_mask(c) : 0;
		if (m == 0) {
			free(q);
			return false;
		}
		q[nq++] = m;
	}
	if (nq == 0) {
		free(q);
		return true;
	}
	size_t tlen = strlen(text), nt = 0, i = 0;
	uint64_t *t = bm_xmalloc((tlen + 1) * sizeof *t);
	while (i < tlen) {
		uint32_t c;
		i += text_utf8_decode(text + i, tlen - i, &c);
		uint64_t m = token_mask(c);
		if (m)
			t[nt++] = m;
	}
	bool found = false;
	for (size_t s = 0; !found && s + nq <= nt; s++) {
		size_t k = 0;
		while (k < nq && (t[s + k] & q[k]))
			k++;
		found = k == nq;
	}
	free(q);
	free(t);
	return found;
}
