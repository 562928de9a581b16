/* item_find.c - the forgiving item search (item_find.h).  A query is a
 * row of units, each a letter or a Chinese character; the name is matched
 * character by character, a character taking a whole syllable of any of
 * its readings or the first letters of one (so initials, full pinyin and
 * a mix all work), a Chinese unit the same character.  Characters of
 * the same sound (低报 -> 低保) and one wrong unit, when the query is long
 * enough to still mean something (4 letters, 3 characters), are guesses,
 * listed last. */
#include "bianmin/item_find.h"
#include "bianmin/text.h"

#include "pinyin_table.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define QMAX 64

/* The syllable set of code point cp: *items gets its syllable indexes. */
static size_t syllables_of(uint32_t cp, const uint16_t **items)
{
	uint32_t set = 0;
	if (cp >= BM_PINYIN_DENSE_LO && cp <= BM_PINYIN_DENSE_HI) {
		set = bm_pinyin_set_dense[cp - BM_PINYIN_DENSE_LO];
	} else {
		size_t lo = 0, hi = bm_pinyin_set_sparse_len;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			if (bm_pinyin_set_sparse[mid].cp < cp)
				lo = mid + 1;
			else if (bm_pinyin_set_sparse[mid].cp > cp)
				hi = mid;
			else {
				set = bm_pinyin_set_sparse[mid].mask;
				break;
			}
		}
	}
	*items = bm_pinyin_set_items + bm_pinyin_set_off[set];
	return bm_pinyin_set_off[set + 1] - bm_pinyin_set_off[set];
}

static bool same_sound(uint32_t a, uint32_t b)
{
	const uint16_t *sa, *sb;
	size_t na = syllables_of(a, &sa), nb = syllables_of(b, &sb);
	for (size_t i = 0; i < na; i++)
		for (size_t j = 0; j < nb; j++)
			if (sa[i] == sb[j])
				return true;
	return false;
}

static bool is_alnum_cp(uint32_t c)
{
	return c < 128 && isalnum((int)c);
}

/* The query as units: lower-case letters and digits (v for u-umlaut read
 * as u) and Chinese characters; spaces, apostrophes and punctuation go. */
static size_t units_of(const char *q, uint32_t *u, size_t max, size_t *letters, size_t *hanzi)
{
	size_t n = 0, len = strlen(q), i = 0;
	*letters = *hanzi = 0;
	while (i < len && n < max) {
		uint32_t c;
		i += text_utf8_decode(q + i, len - i, &c);
		if (is_alnum_cp(c)) {
			c = (uint32_t)tolower((int)c);
			if (c == 'v')
				c = 'u';
			u[n++] = c;
			(*letters)++;
		} else if (c >= 0x2E80) {
			u[n++] = c;
			(*hanzi)++;
		}
	}
	return n;
}

/* The text as code points, punctuation and spaces dropped. */
static size_t chars_of(const char *t, uint32_t *c, size_t max)
{
	size_t n = 0, len = strlen(t), i = 0;
	while (i < len && n < max) {
		uint32_t cp;
		i += text_utf8_decode(t + i, len - i, &cp);
		if (is_alnum_cp(cp))
			c[n++] = (uint32_t)tolower((int)cp);
		else if (cp >= 0x2E80)
			c[n++] = cp;
	}
	return n;
}

typedef struct {
	bool r[2][QMAX + 1];   /* r[errors][units matched] */
} reach;

static void mark(reach *x, int e, size_t i, int max_err)
{
	if (e <= max_err)
		x->r[e][i] = true;
}

/* Moves through one name character ch from the states of cur into next. */
static void step(const reach *cur, reach *next, uint32_t ch, const uint32_t *q, size_t m, int max_err)
{
	const uint16_t *syl = NULL;
	size_t ns = ch >= 128 ? syllables_of(ch, &syl) : 0;
	for (int e = 0; e <= max_err; e++)
		for (size_t i = 0; i < m; i++) {
			if (!cur->r[e][i])
				continue;
			uint32_t u = q[i];
			if (u >= 128) {
				/* a Chinese unit: the same character, else one of the
				 * same sound or any other as the one wrong unit */
				if (u == ch)
					mark(next, e, i + 1, max_err);
				else if (ch >= 128)
					mark(next, e + 1, i + 1, max_err);
				continue;
			}
			if (ch < 128) {
				if (u == ch || i > 0)
					mark(next, e + (u != ch), i + 1, max_err);
				continue;
			}
			/* letters against a character: its initial (zh, ch, sh
			 * count as one), the whole syllable, or - at the end of
			 * the query, still being typed - any start of it */
			for (size_t k = 0; k < ns; k++) {
				const char *s = bm_pinyin_syllables[syl[k]];
				size_t len = strlen(s);
				size_t ini = len > 1 && s[1] == 'h' && strchr("zcs", s[0]) ? 2 : 1;
				int bad = 0;
				for (size_t l = 0; s[l] && i + l < m && q[i + l] < 128; l++) {
					bad += (uint32_t)(unsigned char)s[l] != q[i + l];
					/* the first letter is taken as typed: a guess
					 * keeps it (gnjt, not dibao for 医保) */
					if (e + bad > max_err || (bad && i + l == 0))
						break;
					if (l + 1 == 1 || l + 1 == ini || l + 1 == len || i + l + 1 == m)
						mark(next, e + bad, i + l + 1, max_err);
				}
			}
		}
}

/* Fewest wrong units with which q matches the characters of t (0 or 1,
 * up to max_err), consecutive or, with gaps, spread out; -1 = no match.
 * A Chinese unit of the same sound counts as wrong, so 低报 is a guess. */
static int match_units(const char *t, const uint32_t *q, size_t m, bool gaps, int max_err)
{
	uint32_t c[256];
	size_t n = chars_of(t, c, 256);
	if (m == 0 || m > QMAX)
		return -1;
	reach cur, next;
	memset(&cur, 0, sizeof cur);
	int best = -1;
	for (size_t j = 0; j < n; j++) {
		cur.r[0][0] = true;   /* a match may start at any character */
		memset(&next, 0, sizeof next);
		if (gaps)
			next = cur;
		step(&cur, &next, c[j], q, m, max_err);
		for (int e = 0; e <= max_err; e++)
			if (next.r[e][m] && (best < 0 || e < best))
				best = e;
		if (best == 0)
			return 0;
		cur = next;
	}
	return best;
}

/* Homophones: every Chinese unit of q the same as, or sounding like, the
 * character it stands on, consecutive in t (低报 -> 低保). */
static bool sounds_like(const char *t, const uint32_t *q, size_t m)
{
	uint32_t c[256];
	size_t n = chars_of(t, c, 256);
	for (size_t j = 0; j + m <= n; j++) {
		size_t i = 0;
		while (i < m && q[i] >= 128 && (q[i] == c[j + i] || same_sound(q[i], c[j + i])))
			i++;
		if (i == m)
			return true;
	}
	return false;
}

/* Letters and digits only, lower case: "MZ-001" and "mz 001" -> "mz001". */
static void squeeze(const char *s, char *out, size_t len)
{
	size_t n = 0;
	for (; *s && n + 1 < len; s++)
		if (isalnum((unsigned char)*s))
			out[n++] = (char)tolower((unsigned char)*s);
	out[n] = '\0';
}

item_match item_find_match(const bm_item *it, const char *q)
{
	uint32_t u[QMAX];
	size_t letters, hanzi;
	size_t m = units_of(q, u, QMAX, &letters, &hanzi);
	if (m == 0)
		return strspn(q, " \t") == strlen(q) ? ITEM_BY_NAME : ITEM_NO_MATCH;
	char sq[QMAX + 1], sc[64];
	squeeze(q, sq, sizeof sq);
	squeeze(it->code, sc, sizeof sc);
	if (!hanzi && sq[0] && strncmp(sc, sq, strlen(sq)) == 0)
		return ITEM_BY_CODE;
	if (text_contains(it->name, q))
		return ITEM_BY_NAME;
	if (letters && match_units(it->name, u, m, false, 0) == 0)
		return ITEM_BY_PINYIN;
	for (size_t i = 0; i < it->n_keywords; i++)
		if (text_contains(it->keywords[i], q) || (letters && match_units(it->keywords[i], u, m, false, 0) == 0))
			return ITEM_BY_KEYWORD;
	if (!hanzi && sq[0] && strstr(sc, sq))
		return ITEM_BY_KEYWORD;
	if (letters >= 2 && match_units(it->name, u, m, true, 0) == 0)
		return ITEM_BY_SPREAD;
	if (hanzi == m) {
		if (sounds_like(it->name, u, m))
			return ITEM_BY_GUESS;
		for (size_t i = 0; i < it->n_keywords; i++)
			if (sounds_like(it->keywords[i], u, m))
				return ITEM_BY_GUESS;
	}
	/* one wrong unit, only when enough is left to mean something */
	if (letters >= 4 || hanzi >= 3) {
		if (match_units(it->name, u, m, false, 1) >= 0)
			return ITEM_BY_GUESS;
		for (size_t i = 0; i < it->n_keywords; i++)
			if (match_units(it->keywords[i], u, m, false, 1) >= 0)
				return ITEM_BY_GUESS;
	}
	return ITEM_NO_MATCH;
}

typedef struct {
	size_t idx;
	item_match how;
	int uses;
} hit;

static int hit_cmp(const void *a, const void *b)
{
	const hit *x = a, *y = b;
	if (x->how != y->how)
		return x->how < y->how ? -1 : 1;
	if (x->uses != y->uses)
		return x->uses > y->uses ? -1 : 1;
	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

size_t item_find(const bm_catalog *c, const char *q, const int *uses, size_t *out)
{
	hit *h = malloc((c->n_items ? c->n_items : 1) * sizeof *h);
	if (!h)
		return 0;
	size_t n = 0;
	for (size_t i = 0; i < c->n_items; i++) {
		item_match how = item_find_match(&c->items[i], q ? q : "");
		if (how != ITEM_NO_MATCH)
			h[n++] = (hit){.idx = i, .how = how, .uses = uses ? uses[i] : 0};
	}
	qsort(h, n, sizeof *h, hit_cmp);
	for (size_t i = 0; i < n; i++)
		out[i] = h[i].idx;
	free(h);
	return n;
}
