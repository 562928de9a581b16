/* fuzz_catalog.c - any bytes as catalog.yaml: catalog_load must answer with
 * a catalog or with diagnostics, never crash or leak. */
#include "fuzz.h"
#include "bianmin/catalog.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *path = fuzz_file(data, size, "yaml");
	bm_diags d = {0};
	bm_catalog *c = catalog_load(path, &d);
	unlink(path);
	if (c) {
		/* A loaded catalog must be usable. */
		for (size_t i = 0; i < c->n_items; i++)
			if (catalog_find(c, c->items[i].code) == NULL)
				abort();
		catalog_free(c);
	} else if (d.errors == 0) {
		abort();   /* NULL without saying why */
	}
	diags_free(&d);
	return 0;
}
