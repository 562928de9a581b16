/* item_find.h - finding a catalog item the way a clerk types it: the code
 * with or without its hyphen (mz001, "MZ 001"), part of the name, pinyin
 * initials, whole syllables or a mix of both (dibao, dbao, gaolingjt),
 * one wrong letter (gnjt -> 高龄津贴), a character of the same sound
 * (低报 -> 低保), or a keyword; ranked by how well it matches, then by how
 * often this window took the item lately. */
#ifndef BIANMIN_ITEM_FIND_H
#define BIANMIN_ITEM_FIND_H

#include "bianmin/catalog.h"
#include "bianmin/store.h"

/* How an item matched, best first; ITEM_NO_MATCH when it did not. */
typedef enum {
	ITEM_BY_CODE = 0,     /* the code, punctuation and case ignored */
	ITEM_BY_NAME,         /* part of the name as typed */
	ITEM_BY_PINYIN,       /* consecutive characters of the name, by pinyin */
	ITEM_BY_KEYWORD,      /* a keyword, as typed or by pinyin */
	ITEM_BY_SPREAD,       /* characters of the name spread out, by pinyin */
	ITEM_BY_GUESS,        /* one wrong letter, or characters of the same sound */
	ITEM_NO_MATCH,
} item_match;

/* How item it matches query q (an empty query matches every item by name). */
item_match item_find_match(const bm_item *it, const char *q);

/* The catalog's items matching q into out (c->n_items entries), best
 * match first; among equals the one used more (uses[i] for item i, may be
 * NULL) first, then catalog order.  Returns how many. */
size_t item_find(const bm_catalog *c, const char *q, const int *uses, size_t *out);

/* How many cases of each item (uses[i] for c->items[i]) were accepted on
 * or after `since` by clerks of window `window` (NULL or "": by clerk
 * `clerk` alone). */
int item_find_uses(bm_store *s, const bm_catalog *c, const char *window, const char *clerk, bm_day since,
		   int *uses, bm_error *err);

#endif
