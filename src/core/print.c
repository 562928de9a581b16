/* print.c - the print command (fork/exec, the paper on its stdin, never a
 * shell) and the spool folder that catches every paper the printer did not
 * take.  A paper is never lost. */
#include "bianmin/print.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

void print_result_free(print_result *r)
{
	free(r->spool_path);
	free(r->why);
	r->spool_path = r->why = NULL;
}

/* Words of a command line: blanks separate, '...' and "..." quote,
 * backslash escapes the next character.  No expansion of any kind. */
static char **split_words(const char *s, size_t *n)
{
	char **v = NULL;
	*n = 0;
	while (*s) {
		while (*s == ' ' || *s == '\t')
			s++;
		if (!*s)
			break;
		bm_buf w = {0};
		bm_buf_append(&w, "", 0);
		char q = 0;
		for (; *s && (q || (*s != ' ' && *s != '\t')); s++) {
			if (q && *s == q)
				q = 0;
			else if (!q && (*s == '\'' || *s == '"'))
				q = *s;
			else if (*s == '\\' && s[1] && q != '\'')
				bm_buf_append(&w, ++s, 1);
			else
				bm_buf_append(&w, s, 1);
		}
		v = bm_xrealloc(v, (*n + 2) * sizeof(char *));
		v[(*n)++] = bm_buf_steal(&w);
		v[*n] = NULL;
	}
	return v;
}

static void words_free(char **v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* First line of what the command said on stderr, for the clerk. */
static void first_line(int fd, char *buf, size_t cap)
{
	buf[0] = 0;
	if (lseek(fd, 0, SEEK_SET) < 0)
		return;
	ssize_t k = read(fd, buf, cap - 1);
	if (k <= 0)
		return;
	buf[k] = 0;
	buf[strcspn(buf, "\n")] = 0;
}

/* Milliseconds since some fixed moment (monotonic). */
static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Feed the paper to the command's stdin without ever blocking past the
 * deadline (a printer that hangs and stops reading must not hang the
 * counter).  0, ETIMEDOUT, or the write's errno. */
static int feed(int fd, const char *p, size_t left, long long deadline)
{
	int fl = fcntl(fd, F_GETFL);
	if (fl >= 0)
		fcntl(fd, F_SETFL, fl | O_NONBLOCK);
	while (left) {
		long long wait = deadline - now_ms();
		if (wait <= 0)
			return ETIMEDOUT;
		struct pollfd pf = { .fd = fd, .events = POLLOUT };
		int r = poll(&pf, 1, wait > 1000 ? 1000 : (int)wait);
		if (r < 0 && errno != EINTR)
			return errno;
		if (r <= 0)
			continue;
		ssize_t k = write(fd, p, left);
		if (k < 0 && (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK))
			continue;
		if (k <= 0)
			return k < 0 ? errno : EIO;
		p += k, left -= (size_t)k;
	}
	return 0;
}

/* Wait for the child until the deadline; then kill it and everything it
 * started (its own process group) and reap it.  true when it finished. */
static bool reap(pid_t pid, int *status, long long deadline)
{
	for (;;) {
		pid_t r = waitpid(pid, status, WNOHANG);
		if (r == pid)
			return true;
		if (r < 0 && errno != EINTR)
			return true;      /* not ours any more: nothing to wait for */
		if (now_ms() >= deadline)
			break;
		struct timespec ts = { 0, 10 * 1000 * 1000 };
		nanosleep(&ts, NULL);
	}
	kill(-pid, SIGKILL);
	kill(pid, SIGKILL);
	while (waitpid(pid, status, 0) < 0 && errno == EINTR)
		;
	return false;
}

int print_run(const char *command, const void *data, size_t len, bm_error *err)
{
	return print_run_timeout(command, data, len, PRINT_TIMEOUT_DEFAULT, err);
}

int print_run_timeout(const char *command, const void *data, size_t len, int timeout, bm_error *err)
{
	if (timeout <= 0)
		timeout = PRINT_TIMEOUT_DEFAULT;
	size_t argc;
	char **argv = split_words(command ? command : "", &argc);
	if (argc == 0) {
		words_free(argv, argc);
		return bm_fail(err, BM_EINVAL, "%s", _("no print command is configured"));
	}
	int in[2];
	char errpath[] = "/tmp/bianmin-print-XXXXXX";
	int errfd = mkstemp(errpath);
	if (errfd >= 0)
		unlink(errpath);
	if (pipe(in) < 0) {
		if (errfd >= 0)
			close(errfd);
		words_free(argv, argc);
		return bm_fail(err, BM_EIO, _("cannot run the print command: %s"), strerror(errno));
	}
	pid_t pid = fork();
	if (pid < 0) {
		int e = errno;
		close(in[0]);
		close(in[1]);
		if (errfd >= 0)
			close(errfd);
		words_free(argv, argc);
		return bm_fail(err, BM_EIO, _("cannot run the print command: %s"), strerror(e));
	}
	if (pid == 0) {
		setpgid(0, 0);   /* its own group, so a timeout kills what it started too */
		dup2(in[0], 0);
		int null = open("/dev/null", O_WRONLY);
		if (null >= 0)
			dup2(null, 1);   /* "request id is ..." must not land on the screen */
		if (errfd >= 0)
			dup2(errfd, 2);
		else if (null >= 0)
			dup2(null, 2);
		for (int fd = 3; fd < 256; fd++)
			close(fd);
		signal(SIGPIPE, SIG_DFL);
		execvp(argv[0], argv);
		_exit(127);
	}
	setpgid(pid, pid);       /* also here: whichever runs first */
	close(in[0]);
	long long deadline = now_ms() + (long long)timeout * 1000;
	struct sigaction ign = { .sa_handler = SIG_IGN }, old;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGPIPE, &ign, &old);
	int werr = feed(in[1], data, len, deadline);
	close(in[1]);
	sigaction(SIGPIPE, &old, NULL);
	int status = 0;
	bool finished = werr != ETIMEDOUT && reap(pid, &status, deadline);
	if (!finished && werr == ETIMEDOUT)
		reap(pid, &status, 0);
	char said[300] = "";
	if (errfd >= 0) {
		first_line(errfd, said, sizeof said);
		close(errfd);
	}
	int rc = BM_OK;
	if (!finished)
		rc = bm_fail(err, BM_EIO, _("print command '%s' did not finish within %d seconds and was stopped"),
			     argv[0], timeout);
	else if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
		rc = bm_fail(err, BM_EIO, _("print command '%s' not found or not runnable%s%s"),
			     argv[0], *said ? ": " : "", said);
	else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		rc = bm_fail(err, BM_EIO, _("print command '%s' failed (status %d)%s%s"), argv[0],
			     WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status),
			     *said ? ": " : "", said);
	else if (werr)
		rc = bm_fail(err, BM_EIO, _("print command '%s' did not take the whole paper: %s"),
			     argv[0], strerror(werr));
	words_free(argv, argc);
	return rc;
}

/* mkdir -p */
static int make_dirs(const char *dir)
{
	char *d = bm_xstrdup(dir);
	for (char *s = d + 1; *s; s++) {
		if (*s == '/') {
			*s = 0;
			if (mkdir(d, 0700) < 0 && errno != EEXIST) {
				free(d);
				return -1;
			}
			*s = '/';
		}
	}
	int r = mkdir(d, 0700) < 0 && errno != EEXIST ? -1 : 0;
	free(d);
	return r;
}

/* Keep file names to safe characters (case numbers and form keys are
 * ASCII; anything else becomes '_'). */
static char *safe_name(const char *s)
{
	char *r = bm_xstrdup(s && *s ? s : "none");
	for (char *p = r; *p; p++)
		if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		      *p == '-' || *p == '_'))
			*p = '_';
	return r;
}

int print_spool(const char *dir, const char *case_no, const char *form, const char *ext,
		const void *data, size_t len, bm_time now, char **path, bm_error *err)
{
	*path = NULL;
	if (!dir || !*dir)
		return bm_fail(err, BM_EIO, "%s", _("no spool folder is configured (spool_dir in center.yaml)"));
	if (make_dirs(dir) < 0)
		return bm_fail(err, BM_EIO, _("cannot create the spool folder %s: %s"), dir, strerror(errno));
	char *tmp = bm_xasprintf("%s/.spool-XXXXXX", dir);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		int e = errno;
		free(tmp);
		return bm_fail(err, BM_EIO, _("cannot write in the spool folder %s: %s"), dir, strerror(e));
	}
	const char *p = data;
	size_t left = len;
	int e = 0;
	while (left) {
		ssize_t k = write(fd, p, left);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0) {
			e = k < 0 ? errno : EIO;
			break;
		}
		p += k, left -= (size_t)k;
	}
	/* papers hold names and addresses: mkstemp's 0600 (less the umask),
	 * in a folder made 0700 */
	if (!e && fsync(fd) < 0)
		e = errno;
	if (close(fd) < 0 && !e)
		e = errno;
	if (e) {
		unlink(tmp);
		free(tmp);
		return bm_fail(err, BM_EIO, _("cannot write in the spool folder %s: %s"), dir, strerror(e));
	}
	/* local civil time of `now` for the name */
	time_t t = (time_t)(now.epoch + now.utc_offset);
	struct tm tm;
	gmtime_r(&t, &tm);
	char stamp[32];
	strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
	char *cn = safe_name(case_no), *fm = safe_name(form);
	int rc = BM_OK;
	for (int i = 1;; i++) {
		char *final = i == 1 ? bm_xasprintf("%s/%s-%s-%s.%s", dir, cn, fm, stamp, ext)
			: bm_xasprintf("%s/%s-%s-%s-%d.%s", dir, cn, fm, stamp, i, ext);
		/* link() never replaces an existing paper */
		if (link(tmp, final) == 0) {
			*path = final;
			break;
		}
		int le = errno;
		free(final);
		if (le != EEXIST || i > 999) {
			rc = bm_fail(err, BM_EIO, _("cannot write in the spool folder %s: %s"), dir,
				     strerror(le));
			break;
		}
	}
	unlink(tmp);
	free(tmp);
	free(cn);
	free(fm);
	return rc;
}

int print_paper(const bm_output *out, const char *spool_dir, const char *case_no,
		const char *form, const void *data, size_t len, bool pdf, bm_time now,
		print_result *res, bm_error *err)
{
	memset(res, 0, sizeof *res);
	bm_error perr = {0};
	if (out && out->command && *out->command) {
		if (print_run_timeout(out->command, data, len, out->timeout, &perr) == BM_OK) {
			res->printed = true;
			return BM_OK;
		}
		res->why = bm_xstrdup(perr.msg);
	}
	bm_error serr = {0};
	if (print_spool(spool_dir, case_no, form, pdf ? "pdf" : "txt", data, len, now,
			&res->spool_path, &serr) != BM_OK) {
		int rc = bm_fail(err, BM_EIO, _("the paper was not printed (%s) and not spooled (%s)"),
				 res->why ? res->why : _("no print command"), serr.msg);
		print_result_free(res);
		return rc;
	}
	return BM_OK;
}

char *print_spool_dir(const bm_center *c, const char *db_path)
{
	const char *sd = c && c->spool_dir && *c->spool_dir ? c->spool_dir : "spool";
	if (sd[0] == '/' || !db_path)
		return bm_xstrdup(sd);
	const char *slash = strrchr(db_path, '/');
	if (!slash)
		return bm_xstrdup(sd);
	return bm_xasprintf("%.*s/%s", (int)(slash - db_path), db_path, sd);
}
