/* text_clean.c - no raw control characters reach a terminal, a file or
 * the ledger.  One filter for everything written (stream-safe: a UTF-8
 * sequence may be split across writes) and one check for names typed in. */
#include "bianmin/text.h"

#include <stdio.h>
#include <string.h>

/* What a terminal must not get: C0 controls but tab and newline, DEL, C1
 * (U+0080-U+009F, 8-bit CSI and friends), and the bidirectional overrides
 * that reorder what is shown (U+202A-U+202E, U+2066-U+2069). */
bool text_cp_unsafe(uint32_t cp)
{
	return (cp < 0x20 && cp != '\t' && cp != '\n') || (cp >= 0x7F && cp < 0xA0) ||
	       (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

static void put_cp(bm_buf *out, uint32_t cp)
{
	char e[4];
	size_t n = text_utf8_encode(cp, e);
	bm_buf_append(out, e, n);
}

static size_t seq_len(unsigned char b)
{
	return b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
}

static void emit_pending(text_filter *f, bm_buf *out)
{
	uint32_t cp;
	size_t used = text_utf8_decode((const char *)f->pend, f->npend, &cp);
	if (used != f->npend)
		cp = 0xFFFD;
	if (!text_cp_unsafe(cp))
		put_cp(out, cp);
	f->npend = 0;
}

void text_filter_feed(text_filter *f, const char *in, size_t n, bm_buf *out)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char b = (unsigned char)in[i];
		/* a CR is kept only as half of a CRLF line end (CSV); alone it
		 * would move the cursor back over what was written */
		if (f->cr) {
			f->cr = false;
			if (b == '\n')
				bm_buf_append(out, "\r", 1);
		}
		if (b == '\r' && !f->npend) {
			f->cr = true;
			continue;
		}
		if (f->npend) {
			if ((b & 0xC0) == 0x80) {
				f->pend[f->npend++] = b;
				if (f->npend == f->want)
					emit_pending(f, out);
				continue;
			}
			f->npend = 0;          /* cut short: one replacement */
			put_cp(out, 0xFFFD);
		}
		if (b < 0x80) {
			if (!text_cp_unsafe(b))
				bm_buf_append(out, (const char *)&b, 1);
		} else if ((f->want = seq_len(b))) {
			f->pend[0] = b;
			f->npend = 1;
		} else {
			put_cp(out, 0xFFFD);   /* a stray byte: never a raw 0x9B */
		}
	}
}

void text_filter_flush(text_filter *f, bm_buf *out)
{
	if (f->npend) {
		f->npend = 0;
		put_cp(out, 0xFFFD);
	}
}

char *text_clean(const char *s)
{
	text_filter f = {0};
	bm_buf b = {0};
	text_filter_feed(&f, s ? s : "", s ? strlen(s) : 0, &b);
	text_filter_flush(&f, &b);
	bm_buf_append(&b, "", 0);
	return b.data ? b.data : bm_xstrdup("");
}

static bool space_cp(uint32_t cp)
{
	return cp == ' ' || cp == 0x3000 || cp == 0xA0;   /* and the full-width space */
}

int text_check_name(const char *in, const char *what, int max_chars, bool required, char **out, bm_error *err)
{
	*out = NULL;
	size_t n = in ? strlen(in) : 0;
	if (!text_utf8_valid(in ? in : "", n, NULL))
		return bm_fail(err, BM_EINVAL, _("%s is not valid UTF-8 text; type it again."), what);
	/* trim spaces (ASCII, full-width, no-break) at both ends */
	const char *b = in ? in : "", *e = b + n;
	uint32_t cp;
	while (b < e) {
		size_t k = text_utf8_decode(b, (size_t)(e - b), &cp);
		if (!space_cp(cp))
			break;
		b += k;
	}
	int chars = 0, counted = 0;
	const char *last = b;
	for (const char *p = b; p < e;) {
		size_t k = text_utf8_decode(p, (size_t)(e - p), &cp);
		if (text_cp_unsafe(cp) || cp == '\t' || cp == '\n')
			return bm_fail(err, BM_EINVAL, _("%s contains a control character (a tab, line break or terminal code); type it again."),
				       what);
		p += k;
		chars++;
		if (!space_cp(cp)) {
			last = p;
			counted = chars;
		}
	}
	if (last == b) {
		if (required)
			return bm_fail(err, BM_EINVAL, _("%s is empty."), what);
		return BM_OK;
	}
	if (counted > max_chars)
		return bm_fail(err, BM_EINVAL, _("%s is longer than %d characters."), what, max_chars);
	*out = bm_xstrndup(b, (size_t)(last - b));
	return BM_OK;
}

bool text_csv_formula(const char *s)
{
	if (!s || !*s)
		return false;
	if (strchr("=+@\t\r", s[0]))
		return true;
	if (s[0] != '-' || !s[1])
		return false;
	/* a plain negative number stays a number */
	const char *p = s + 1;
	bool digit = false, dot = false;
	for (; *p; p++) {
		if (*p >= '0' && *p <= '9')
			digit = true;
		else if (*p == '.' && !dot)
			dot = true;
		else if (*p == '%' && !p[1])
			break;
		else
			return true;
	}
	return !digit;
}
