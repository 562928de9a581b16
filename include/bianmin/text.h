/* text.h - UTF-8 text by display width (CJK = 2 columns), never by bytes;
 * bad bytes become U+FFFD instead of crashing; pinyin initials for search. */
#ifndef BIANMIN_TEXT_H
#define BIANMIN_TEXT_H

#include "bianmin/common.h"
#include <wchar.h>

/* Is s[0..n) valid UTF-8?  On false, *bad (may be NULL) is the offset of
 * the first bad byte. */
bool text_utf8_valid(const char *s, size_t n, size_t *bad);
/* Decode one code point at s (at most n bytes); returns bytes used (>= 1);
 * bad input yields U+FFFD and consumes one byte. */
size_t text_utf8_decode(const char *s, size_t n, uint32_t *cp);
size_t text_utf8_encode(uint32_t cp, char out[4]);
/* Display width of one code point (0, 1 or 2; control chars 0), independent
 * of the C library's locale tables, so it is the same in C.UTF-8 and zh_CN. */
int text_cp_width(uint32_t cp);
/* Display width of a UTF-8 string. */
int text_width(const char *s);
int text_width_n(const char *s, size_t n);
/* Number of bytes of s that fit in `width` columns without splitting a
 * character; *used (may be NULL) gets the columns used. */
size_t text_fit_bytes(const char *s, int width, int *used);
/* malloc'd: s clipped to width columns (with "…" when clipped and ellipsis
 * is true), then padded with spaces to exactly width columns. */
char *text_pad(const char *s, int width, bool ellipsis);
/* Same, right-aligned. */
char *text_pad_left(const char *s, int width);
/* Wrap s into lines of at most width columns, never splitting a character;
 * breaks at spaces when it can, anywhere between CJK characters.
 * Returns a malloc'd NULL-terminated array of malloc'd lines; *n lines. */
char **text_wrap(const char *s, int width, size_t *n);
/* 避头尾: may this character begin / end a line? (wrap and papers) */
bool text_no_line_start(uint32_t c);
bool text_no_line_end(uint32_t c);
void text_lines_free(char **lines);

/* Pinyin initials search: does `query` (ASCII letters, case-insensitive)
 * match `text` as consecutive initials of the characters of some substring,
 * where a character with several readings matches any of them, and an
 * ASCII letter/digit in text matches itself?  ("dbsq" finds 低保申请,
 * "hk" finds 户口迁移.) */
bool text_pinyin_match(const char *text, const char *query);
/* Bitmask of possible initials (bit 0 = 'a' ... bit 25 = 'z') of a CJK
 * code point; 0 if unknown. */
uint32_t text_pinyin_initials(uint32_t cp);
/* Case-insensitive substring search for UTF-8 (ASCII folding only). */
bool text_contains(const char *haystack, const char *needle);

/* ---- hygiene (text_clean.c) ----------------------------------------
 * Nothing raw reaches a terminal or a file: C0 controls but tab and
 * newline (and CR before LF), DEL, C1 (U+0080-U+009F) and the bidi
 * overrides are dropped,
 * bad UTF-8 becomes U+FFFD.  The filter keeps state across calls, so a
 * stream can be fed in pieces (src/cli/outfilter.c wraps stdout/stderr). */
bool text_cp_unsafe(uint32_t cp);
typedef struct text_filter {
	unsigned char pend[4];
	size_t npend, want;
	bool cr;                 /* a CR waits: kept only before LF */
} text_filter;
void text_filter_feed(text_filter *f, const char *in, size_t n, bm_buf *out);
void text_filter_flush(text_filter *f, bm_buf *out);
char *text_clean(const char *s);   /* malloc'd */
/* A CSV cell a spreadsheet would run as a formula: it starts with =, +, @,
 * a tab or CR, or with - and is not a plain negative number.  Writers put
 * an apostrophe in front of it. */
bool text_csv_formula(const char *s);
/* A name typed in (applicant, proxy, clerk, address ...): valid UTF-8, no
 * control characters (tab and newline included), spaces (also 　) trimmed
 * at both ends, at most max_chars characters; *out = the trimmed copy
 * (malloc'd), NULL when empty and !required.  BM_EINVAL with a sentence
 * that starts with `what` ("The applicant's name"). */
int text_check_name(const char *in, const char *what, int max_chars, bool required, char **out, bm_error *err);

#endif
