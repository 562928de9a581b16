/* pinyin_table.h - the generated pinyin initials table (pinyin_table.c,
 * made by tools/gen-pinyin.py); text.c and item_find.c read it. */
#ifndef BIANMIN_PINYIN_TABLE_H
#define BIANMIN_PINYIN_TABLE_H

#include <stdint.h>

#define BM_PINYIN_DENSE_LO 0x3400u
#define BM_PINYIN_DENSE_HI 0x9FFFu

typedef struct bm_pinyin_sparse_entry {
	uint32_t cp, mask;
} bm_pinyin_sparse_entry;

/* Distinct masks; index 0 is "no reading". */
extern const uint32_t bm_pinyin_palette[];
extern const uint32_t bm_pinyin_palette_len;
/* Palette index for each code point BM_PINYIN_DENSE_LO..HI. */
extern const uint16_t bm_pinyin_dense[];
/* Other code points with readings, sorted by cp. */
extern const bm_pinyin_sparse_entry bm_pinyin_sparse[];
extern const uint32_t bm_pinyin_sparse_len;

/* Whole syllables (toneless): a set of syllable indexes per code point,
 * dense and sparse like the masks; set 0 is empty. */
extern const char *const bm_pinyin_syllables[];
extern const uint32_t bm_pinyin_syllables_len;
extern const uint32_t bm_pinyin_set_off[];
extern const uint16_t bm_pinyin_set_items[];
extern const uint16_t bm_pinyin_set_dense[];
extern const bm_pinyin_sparse_entry bm_pinyin_set_sparse[];
extern const uint32_t bm_pinyin_set_sparse_len;

#endif
