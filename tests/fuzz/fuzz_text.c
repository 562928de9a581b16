/* fuzz_text.c - arbitrary bytes through the display-width text routines:
 * padding, wrapping, pinyin search.  The first byte picks the width; the
 * rest is split at the first NUL into text and query. */
#include "fuzz.h"
#include "bianmin/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	int width = data[0] % 100;     /* 0 .. 99 columns */
	char *s = fuzz_str(data + 1, size - 1);
	const char *query = s + strlen(s) + (strlen(s) < size - 1 ? 1 : 0);

	int w = text_width(s);
	if (w < 0)
		abort();
	int used = 0;
	size_t fit = text_fit_bytes(s, width, &used);
	if (fit > strlen(s) || used > width)
		abort();
	char *p = text_pad(s, width, true);
	if (text_width(p) != width)
		abort();
	free(p);
	p = text_pad(s, width, false);
	free(p);
	p = text_pad_left(s, width);
	free(p);
	if (width > 0) {
		size_t n = 0;
		char **lines = text_wrap(s, width, &n);
		/* A wide character alone on a line may exceed a 1-column width. */
		int most = width < 2 ? 2 : width;
		for (size_t i = 0; i < n; i++)
			if (text_width(lines[i]) > most)
				abort();
		text_lines_free(lines);
	}
	(void)text_pinyin_match(s, query);
	(void)text_pinyin_match(query, s);
	(void)text_contains(s, query);
	size_t bad;
	(void)text_utf8_valid((const char *)data, size, &bad);
	free(s);
	return 0;
}
