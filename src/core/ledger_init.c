/* ledger_init.c - a ledger (台账) is made only on purpose: `bianmin init`
 * or `demo`.  Its folder is made 0700 when missing; its witness key
 * (ledger_witness.c) beside it. */
#include "bianmin/ledger.h"
#include "ledger_int.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* mkdir -p of path's folder, each folder made 0700. */
static int make_folder(const char *path, bm_error *err)
{
	char *dir = bm_xstrdup(path);
	char *slash = strrchr(dir, '/');
	int rc = BM_OK;
	if (slash && slash != dir) {
		*slash = '\0';
		for (char *p = dir + 1; rc == BM_OK; p++) {
			bool end = *p == '\0';
			if (*p != '/' && !end)
				continue;
			*p = '\0';
			if (mkdir(dir, 0700) != 0 && errno != EEXIST)
				rc = bm_fail(err, BM_EIO, _("%s: cannot make the ledger's folder: %s."), dir, strerror(errno));
			if (end)
				break;
			*p = '/';
		}
	}
	free(dir);
	return rc;
}

bm_store *ledger_create(const char *path, bool *made, bm_error *err)
{
	*made = false;
	if (make_folder(path, err))
		return NULL;
	struct stat sb;
	bool exists = stat(path, &sb) == 0;
	/* an existing file must already be a ledger: never reuse an empty or
	 * foreign one (store_open refuses both with a sentence) */
	bm_store *s = store_open(path, !exists, err);
	if (!s)
		return NULL;
	*made = !exists;
	if (!store_readonly(s) && witness_key_create(path, err)) {
		store_close(s);
		return NULL;
	}
	return s;
}

bm_store *app_store_create(bm_app *app, bool *made, bm_error *err)
{
	*made = false;
	if (!app->store) {
		if (!app->paths.db)
			return bm_fail(err, BM_EINVAL, _("No database given (--db FILE or BIANMIN_DB).")), NULL;
		app->store = ledger_create(app->paths.db, made, err);
	}
	return app->store;
}
