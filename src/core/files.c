/* files.c - a paper written where the clerk said (--out, --pdf): a new
 * file (mode 0600 less the umask), never over an existing one and never
 * through a symlink, unless forced -- then the name is replaced (a
 * symlink itself, not what it points to) by an atomic rename. */
#include "bianmin/print.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int write_all(int fd, const void *data, size_t len)
{
	const char *p = data;
	while (len) {
		ssize_t k = write(fd, p, len);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return k < 0 ? errno : EIO;
		p += k;
		len -= (size_t)k;
	}
	return fsync(fd) < 0 ? errno : 0;
}

int file_check_new(const char *path, bool force, bm_error *err)
{
	struct stat sb;
	if (!force && path && strcmp(path, "-") != 0 && lstat(path, &sb) == 0)
		return bm_fail(err, BM_EIO, S_ISLNK(sb.st_mode)
				? _("%s is a symbolic link; bianmin does not write through one. Choose another name, or --force to replace the link.")
				: _("%s already exists; bianmin does not overwrite it. Choose another name, or --force to replace it."),
				path);
	return BM_OK;
}

int file_write_new(const char *path, const void *data, size_t len, bool force, bm_error *err)
{
	if (file_check_new(path, force, err))
		return BM_EIO;
	char *tmp = NULL;
	int fd;
	if (force) {
		/* beside it, then renamed over it: the name is replaced, never followed */
		const char *slash = strrchr(path, '/');
		tmp = slash ? bm_xasprintf("%.*s/.bianmin-XXXXXX", (int)(slash - path), path)
			    : bm_xstrdup(".bianmin-XXXXXX");
		fd = mkstemp(tmp);
	} else {
		fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	}
	if (fd < 0) {
		int e = errno;
		free(tmp);
		return bm_fail(err, BM_EIO, _("%s: cannot write: %s."), path, strerror(e));
	}
	int e = write_all(fd, data, len);
	if (close(fd) < 0 && !e)
		e = errno;
	if (!e && tmp && rename(tmp, path) < 0)
		e = errno;
	if (e) {
		unlink(tmp ? tmp : path);
		free(tmp);
		return bm_fail(err, BM_EIO, _("%s: cannot write: %s."), path, strerror(e));
	}
	free(tmp);
	return BM_OK;
}
