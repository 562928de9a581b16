/* test_print.c - a paper is never lost: the print command gets the bytes
 * on stdin (no shell), and a missing or failing command spools the paper. */
#include "bianmin/agent.h"
#include "bianmin/paper.h"
#include "bianmin/print.h"
#include "unit.h"

#include <dirent.h>
#include <signal.h>
#include <time.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[64];

static void setup(void)
{
	strcpy(dir, "/tmp/bm-print-XXXXXX");
	ck_assert_ptr_nonnull(mkdtemp(dir));
}

static void teardown(void)
{
	char *cmd = bm_xasprintf("rm -rf '%s'", dir);
	ck_assert_int_eq(system(cmd), 0);
	free(cmd);
}

static int count_files(const char *d, const char *suffix)
{
	DIR *dh = opendir(d);
	if (!dh)
		return 0;
	int n = 0;
	struct dirent *e;
	while ((e = readdir(dh)))
		if (e->d_name[0] != '.' && strstr(e->d_name, suffix))
			n++;
	closedir(dh);
	return n;
}

static bm_time when(void)
{
	bm_time t = { .epoch = 1795400000, .utc_offset = 8 * 3600 };
	return t;
}

static const char paper[] = "补办件通知书\n王德福 **************1234\n";

static void spooled_on_failure(const char *command)
{
	char *spool = bm_xasprintf("%s/spool", dir);
	bm_output out = { .command = (char *)command, .width = 80, .encoding = "UTF-8" };
	print_result r;
	bm_error err = {0};
	ck_assert_int_eq(print_paper(&out, spool, "QL-20261123-0007", "notice_supplement", paper,
				     strlen(paper), false, when(), &r, &err), BM_OK);
	ck_assert(!r.printed);
	ck_assert_ptr_nonnull(r.why);             /* the clerk is told why */
	ck_assert_ptr_nonnull(r.spool_path);
	ck_assert_ptr_nonnull(strstr(r.spool_path, "QL-20261123-0007-notice_supplement-"));
	ck_assert_ptr_nonnull(strstr(r.spool_path, ".txt"));
	size_t n;
	char *back = bm_read_file(r.spool_path, &n, &err);
	ck_assert_ptr_nonnull(back);
	ck_assert_str_eq(back, paper);
	free(back);
	ck_assert_int_eq(count_files(spool, ".txt"), 1);
	print_result_free(&r);
	free(spool);
}

START_TEST(test_failing_command_spools)
{
	spooled_on_failure("false");
}
END_TEST

START_TEST(test_missing_command_spools)
{
	spooled_on_failure("/nonexistent/lp -d A4");
}
END_TEST

START_TEST(test_command_gets_the_bytes_without_a_shell)
{
	/* a tiny "printer": writes its stdin into the file named by $1 */
	char *script = bm_xasprintf("%s/fakelp", dir);
	FILE *f = fopen(script, "w");
	fputs("#!/bin/sh\ncat > \"$1\"\n", f);
	fclose(f);
	chmod(script, 0755);
	char *target = bm_xasprintf("%s/printed out.txt", dir);
	/* quoting keeps "printed out.txt" one word; ';' is no shell operator here */
	char *cmd = bm_xasprintf("%s '%s'", script, target);
	bm_output out = { .command = cmd };
	print_result r;
	bm_error err = {0};
	ck_assert_int_eq(print_paper(&out, dir, "QL-1", "receipt", paper, strlen(paper), false,
				     when(), &r, &err), BM_OK);
	ck_assert(r.printed);
	ck_assert_ptr_null(r.spool_path);
	char *back = bm_read_file(target, NULL, &err);
	ck_assert_ptr_nonnull(back);
	ck_assert_str_eq(back, paper);
	free(back);
	ck_assert_int_eq(count_files(dir, ".txt"), 1);   /* only the printed file */
	print_result_free(&r);

	/* shell syntax in the command is not interpreted */
	char *marker = bm_xasprintf("%s/pwned", dir);
	char *evil = bm_xasprintf("%s %s/x.txt;touch %s", script, dir, marker);
	out.command = evil;
	print_paper(&out, dir, "QL-1", "receipt", paper, strlen(paper), false, when(), &r, &err);
	ck_assert_int_ne(access(marker, F_OK), 0);
	print_result_free(&r);
	free(evil);
	free(marker);
	free(cmd);
	free(target);
	free(script);
}
END_TEST

START_TEST(test_no_command_goes_to_spool_without_complaint)
{
	bm_output out = { .command = NULL };
	print_result r;
	bm_error err = {0};
	ck_assert_int_eq(print_paper(&out, dir, "QL-2", "notice_promised", "%PDF-1.5", 8, true,
				     when(), &r, &err), BM_OK);
	ck_assert(!r.printed);
	ck_assert_ptr_null(r.why);
	ck_assert_ptr_nonnull(strstr(r.spool_path, ".pdf"));
	print_result_free(&r);
}
END_TEST

START_TEST(test_spool_never_overwrites)
{
	bm_error err = {0};
	char *a, *b;
	ck_assert_int_eq(print_spool(dir, "QL-3", "receipt", "txt", "one", 3, when(), &a, &err), BM_OK);
	ck_assert_int_eq(print_spool(dir, "QL-3", "receipt", "txt", "two", 3, when(), &b, &err), BM_OK);
	ck_assert_str_ne(a, b);
	ck_assert_int_eq(count_files(dir, ".txt"), 2);
	/* 1795400000 = 2026-11-23T02:13:20Z = 10:13:20 at +08:00 */
	ck_assert_ptr_nonnull(strstr(a, "QL-3-receipt-20261123-101320.txt"));
	char *ca = bm_read_file(a, NULL, &err), *cb = bm_read_file(b, NULL, &err);
	ck_assert_str_eq(ca, "one");
	ck_assert_str_eq(cb, "two");
	/* no temporary file is left behind */
	DIR *dh = opendir(dir);
	struct dirent *e;
	while ((e = readdir(dh)))
		ck_assert_msg(strncmp(e->d_name, ".spool-", 7) != 0, "left %s", e->d_name);
	closedir(dh);
	/* a case number with a '/' cannot escape the folder */
	char *c;
	ck_assert_int_eq(print_spool(dir, "../../etc/x", "r", "txt", "x", 1, when(), &c, &err), BM_OK);
	ck_assert_ptr_eq(strstr(c + strlen(dir) + 1, "/"), NULL);
	free(c);
	free(ca);
	free(cb);
	free(a);
	free(b);
}
END_TEST

START_TEST(test_unwritable_spool_reports_both)
{
	bm_output out = { .command = "false" };
	print_result r;
	bm_error err = {0};
	ck_assert_int_ne(print_paper(&out, "/proc/nope/spool", "QL-4", "receipt", "x", 1, false,
				     when(), &r, &err), BM_OK);
	ck_assert_int_eq(err.code, BM_EIO);
	ck_assert_ptr_nonnull(strstr(err.msg, "false"));
}
END_TEST

/* A printer that hangs: a script that never reads and sleeps (and starts
 * a child that sleeps too).  It is stopped after out.timeout seconds and
 * the paper is spooled, with the reason. */
START_TEST(test_hanging_command_times_out_and_spools)
{
	char *script = bm_xasprintf("%s/hang.sh", dir);
	char *pidf = bm_xasprintf("%s/child.pid", dir);
	FILE *f = fopen(script, "w");
	ck_assert_ptr_nonnull(f);
	fprintf(f, "#!/bin/sh\nsleep 30 &\necho $! > '%s'\nsleep 30\n", pidf);
	fclose(f);
	chmod(script, 0755);
	char *spool = bm_xasprintf("%s/spool", dir);
	/* 2 s: time enough for the shell to start its child on a loaded machine */
	bm_output out = { .command = script, .width = 80, .encoding = "UTF-8", .timeout = 2 };
	/* bigger than a pipe's buffer, so writing would block too */
	size_t big = 256 * 1024;
	char *data = bm_xcalloc(1, big);
	memset(data, 'x', big);
	print_result r;
	bm_error err = {0};
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	ck_assert_int_eq(print_paper(&out, spool, "QL-9", "receipt", data, big, false, when(), &r, &err), BM_OK);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	ck_assert(t1.tv_sec - t0.tv_sec < 6);
	ck_assert(!r.printed);
	ck_assert_ptr_nonnull(r.why);
	ck_assert_ptr_nonnull(strstr(r.why, "did not finish within 2 seconds"));
	ck_assert_ptr_nonnull(r.spool_path);
	ck_assert_int_eq(count_files(spool, ".txt"), 1);
	/* what the script started was killed with it */
	FILE *pf = fopen(pidf, "r");
	ck_assert_ptr_nonnull(pf);
	int child = 0;
	ck_assert_int_eq(fscanf(pf, "%d", &child), 1);
	fclose(pf);
	ck_assert(child > 0);
	/* gone, or a zombie waiting for init to reap it (within 5 s: the
	 * kill is sent, its delivery waits for the scheduler) */
	char *stat = bm_xasprintf("/proc/%d/stat", child);
	char state = 'R';
	for (int tries = 0; tries < 50; tries++) {
		FILE *sf = fopen(stat, "r");
		if (!sf) {
			state = 0;
			break;
		}
		ck_assert_int_eq(fscanf(sf, "%*d %*s %c", &state), 1);
		fclose(sf);
		if (state == 'Z')
			break;
		struct timespec ts = { 0, 100 * 1000 * 1000 };
		nanosleep(&ts, NULL);
	}
	ck_assert_msg(state == 0 || state == 'Z', "the printer's child is still running (state %c)", state);
	free(stat);
	print_result_free(&r);
	free(data);
	free(spool);
	free(pidf);
	free(script);
}
END_TEST

/* A quick command is not affected by the limit.  (cat reads the paper:
 * with `true` the test raced -- whether the write met a closed pipe
 * depended on which process ran first, and CI once lost.) */
START_TEST(test_timeout_leaves_quick_commands_alone)
{
	bm_error err = {0};
	ck_assert_int_eq(print_run_timeout("cat", "x", 1, 10, &err), BM_OK);
	ck_assert_int_eq(print_run_timeout("sleep 3", "", 0, 1, &err), BM_EIO);
	ck_assert_ptr_nonnull(strstr(err.msg, "within 1 seconds"));
}
END_TEST

/* A command that says "done" without reading the paper did not print it:
 * the clerk is told, and the caller spools it.  1 MiB cannot fit in a pipe,
 * so the write meets the closed end whichever process runs first. */
START_TEST(test_command_that_does_not_read_is_a_failure)
{
	bm_error err = {0};
	size_t n = 1u << 20;
	char *big = malloc(n);
	ck_assert_ptr_nonnull(big);
	memset(big, 'x', n);
	ck_assert_int_eq(print_run_timeout("true", big, n, 10, &err), BM_EIO);
	ck_assert_ptr_nonnull(strstr(err.msg, "did not take the whole paper"));
	free(big);
}
END_TEST

/* A paper of no case (paper_issue_doc): a file is written new, never
 * over one without force; without files it is spooled when no printer is
 * set; a form is a plain name and a missing one is said. */
START_TEST(test_paper_of_no_case)
{
	bm_error err = {0};
	paper_done d;
	char *spool = bm_xasprintf("%s/spool", dir), *txt = bm_xasprintf("%s/feedback.txt", dir);
	struct slip_ctx *ctx = agent_blank_context(NULL, "feedback", when());
	paper_doc_req r = { .spool_dir = spool, .forms_dir = "forms", .form = "feedback", .name = "feedback",
			    .ctx = ctx, .now = when(), .text_path = txt };
	ck_assert_int_eq(paper_issue_doc(&r, &d, &err), BM_OK);
	ck_assert(d.written && !d.printed && !d.spool_path);
	ck_assert_ptr_nonnull(d.title);
	paper_done_free(&d);
	struct stat sb;
	ck_assert_int_eq(stat(txt, &sb), 0);
	ck_assert_int_gt(sb.st_size, 0);
	ck_assert_int_eq(count_files(spool, "feedback"), 0);   /* a file was asked for: not sent */

	ck_assert_int_eq(paper_issue_doc(&r, &d, &err), BM_EIO);   /* never over a file */
	ck_assert_ptr_nonnull(strstr(err.msg, "already exists"));
	paper_done_free(&d);
	r.force = true;
	ck_assert_int_eq(paper_issue_doc(&r, &d, &err), BM_OK);
	paper_done_free(&d);

	r.text_path = NULL, r.send = true;   /* no print command: the spool */
	ck_assert_int_eq(paper_issue_doc(&r, &d, &err), BM_OK);
	ck_assert(!d.printed && d.spool_path && strstr(d.spool_path, spool) == d.spool_path);
	ck_assert_int_eq(count_files(spool, "feedback"), 1);
	paper_done_free(&d);

	r.form = "../feedback";
	ck_assert_int_eq(paper_issue_doc(&r, &d, &err), BM_EINVAL);
	paper_done_free(&d);
	r.form = "no_such_form";
	ck_assert_int_eq(paper_issue_doc(&r, &d, &err), BM_EIO);
	ck_assert_ptr_nonnull(strstr(err.msg, "no_such_form"));
	paper_done_free(&d);
	slip_ctx_free(ctx);
	free(spool);
	free(txt);
}
END_TEST

static Suite *print_suite(void)
{
	Suite *s = suite_create("print");
	TCase *t = tcase_create("print");
	tcase_add_checked_fixture(t, setup, teardown);
	tcase_add_test(t, test_failing_command_spools);
	tcase_add_test(t, test_missing_command_spools);
	tcase_add_test(t, test_command_gets_the_bytes_without_a_shell);
	tcase_add_test(t, test_no_command_goes_to_spool_without_complaint);
	tcase_add_test(t, test_spool_never_overwrites);
	tcase_add_test(t, test_unwritable_spool_reports_both);
	tcase_add_test(t, test_hanging_command_times_out_and_spools);
	tcase_add_test(t, test_timeout_leaves_quick_commands_alone);
	tcase_add_test(t, test_command_that_does_not_read_is_a_failure);
	tcase_add_test(t, test_paper_of_no_case);
	suite_add_tcase(s, t);
	return s;
}

BM_UNIT_MAIN(print_suite)
