/* print.h - a rendered paper leaves bianmin: through the center's print
 * command (the bytes on its stdin, no shell), or into the spool folder.
 * A paper is never lost: when the command is missing or fails, the paper
 * goes to the spool and the caller is told, so the clerk can be told. */
#ifndef BIANMIN_PRINT_H
#define BIANMIN_PRINT_H

#include "bianmin/common.h"
#include "bianmin/config.h"

typedef struct print_result {
	bool printed;        /* the print command took it (exit status 0) */
	char *spool_path;    /* malloc'd: where it was spooled; NULL when printed */
	char *why;           /* malloc'd: why it was spooled (translated); NULL when printed
				or when no command is configured */
} print_result;
void print_result_free(print_result *r);

/* Run `command` (split into words at blanks; '...' and "..." quote; no
 * shell, so nothing in the data can run anything) with data on its stdin.
 * BM_OK when it exits 0; BM_EIO with the reason otherwise. */
int print_run(const char *command, const void *data, size_t len, bm_error *err);
/* The same with a time limit: a command still running after `timeout`
 * seconds (<= 0: PRINT_TIMEOUT_DEFAULT) is killed with everything it
 * started (SIGKILL to its process group) and BM_EIO says so; print_paper
 * then spools the paper.  print_run uses the default. */
#define PRINT_TIMEOUT_DEFAULT 20
int print_run_timeout(const char *command, const void *data, size_t len, int timeout,
		      bm_error *err);

/* Write data into dir as <case_no>-<form>-<YYYYMMDD-HHMMSS>.<ext>
 * (-2, -3 ... when taken), atomically (a temporary file, fsync, then
 * link into place).  dir is created if missing.  *path gets the file. */
int print_spool(const char *dir, const char *case_no, const char *form, const char *ext,
		const void *data, size_t len, bm_time now, char **path, bm_error *err);

/* Send a paper: the command of `out` (within out->timeout seconds) when
 * there is one, else (or when it fails or hangs) the spool.  Fails only when the paper could be neither printed nor
 * spooled (then err says both why). */
int print_paper(const bm_output *out, const char *spool_dir, const char *case_no,
		const char *form, const void *data, size_t len, bool pdf, bm_time now,
		print_result *res, bm_error *err);

/* The spool folder of the center: spool_dir as given when absolute, else
 * relative to the database's folder (db_path's directory).  malloc'd. */
char *print_spool_dir(const bm_center *c, const char *db_path);

/* Write a paper to the file the clerk named (files.c): a new file, mode
 * 0600 less the umask; an existing file or a symlink is refused with a
 * sentence unless force, which replaces the name atomically (a symlink
 * is replaced, never followed). */
int file_write_new(const char *path, const void *data, size_t len, bool force, bm_error *err);
/* file_write_new's refusal alone, said before a step that cannot be
 * undone (closing a day or a month) rather than after it; "-" and NULL
 * pass. */
int file_check_new(const char *path, bool force, bm_error *err);

#endif
