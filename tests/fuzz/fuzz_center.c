/* fuzz_center.c - any bytes as center.yaml: center_load, then the output
 * lookup the printing code does. */
#include "fuzz.h"
#include "bianmin/config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fuzz_file(data, size, "yaml");
	bm_diags d = {0};
	bm_center *c = center_load(path, &d);
	unlink(path);
	if (c) {
		if (!center_output(c, "receipt") || !center_output(c, "notice_supplement"))
			abort();
		center_free(c);
	} else if (d.errors == 0) {
		abort();
	}
	diags_free(&d);
	return 0;
}
