/* ledger_witness.c - witnesses outside the file: the check code (校验码)
 * printed on every paper of a case, and `verify --paper NO CODE`.
 *
 * The code is a keyed BLAKE2b of the chain head right after the paper's
 * event (that event's hash) and the event's number, cut to 50 bits and
 * written as 10 Crockford base-32 characters (XXXXX-XXXXX).  The key (32
 * random bytes, the 台账见证密钥) lives in a file OUTSIDE the database,
 * made by `bianmin init`: a person who can write the database but not
 * read the key cannot make a code that checks; a person who has both can
 * make codes for new events, but cannot change any event at or before a
 * paper already handed out without that paper disagreeing (finding a
 * rewritten chain whose code matches costs about 2^50 hashes per paper). */
#include "bianmin/ledger.h"
#include "ledger_int.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char B32[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";   /* Crockford */

char *witness_key_path(const char *db_path)
{
	const char *e = getenv("BIANMIN_WITNESS_KEY");
	if (e && *e)
		return bm_xstrdup(e);
	return bm_xasprintf("%s.key", db_path ? db_path : "bianmin.db");
}

static int hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

int witness_key_load(const char *db_path, unsigned char key[WITNESS_KEY_BYTES], bm_error *err)
{
	char *path = witness_key_path(db_path);
	FILE *f = fopen(path, "re");
	if (!f) {
		int rc = bm_fail(err, errno == ENOENT ? BM_ENOTFOUND : BM_EIO,
				 _("%s: the witness key cannot be read (%s); papers get no check code and verify --paper cannot check one. bianmin init makes it."),
				 path, strerror(errno));
		free(path);
		return rc;
	}
	char buf[2 * WITNESS_KEY_BYTES + 2];
	size_t n = fread(buf, 1, sizeof buf, f);
	fclose(f);
	bool ok = n >= 2 * WITNESS_KEY_BYTES;
	for (size_t i = 0; ok && i < WITNESS_KEY_BYTES; i++) {
		int hi = hexval(buf[2 * i]), lo = hexval(buf[2 * i + 1]);
		ok = hi >= 0 && lo >= 0;
		key[i] = (unsigned char)(hi * 16 + lo);
	}
	if (!ok) {
		int rc = bm_fail(err, BM_EINVAL, _("%s: this is not a bianmin witness key (64 hex digits)."), path);
		free(path);
		return rc;
	}
	free(path);
	return BM_OK;
}

int witness_key_create(const char *db_path, bm_error *err)
{
	if (sodium_init() < 0)
		return bm_fail(err, BM_EIO, _("Cannot initialise the crypto library (libsodium)."));
	char *path = witness_key_path(db_path);
	int fd = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC | O_NOFOLLOW, 0400);
	if (fd < 0) {
		int rc = errno == EEXIST ? BM_OK
			 : bm_fail(err, BM_EIO, _("%s: cannot create the witness key: %s."), path, strerror(errno));
		free(path);
		return rc;
	}
	unsigned char key[WITNESS_KEY_BYTES];
	randombytes_buf(key, sizeof key);
	char hex[2 * WITNESS_KEY_BYTES + 2];
	sodium_bin2hex(hex, sizeof hex, key, sizeof key);
	sodium_memzero(key, sizeof key);
	size_t n = strlen(hex);
	hex[n++] = '\n';
	int rc = BM_OK;
	if (write(fd, hex, n) != (ssize_t)n || fsync(fd) != 0) {
		rc = bm_fail(err, BM_EIO, _("%s: cannot write the witness key: %s."), path, strerror(errno));
		unlink(path);
	}
	sodium_memzero(hex, sizeof hex);
	close(fd);
	free(path);
	return rc;
}

void witness_code(const unsigned char key[WITNESS_KEY_BYTES], int64_t event_id, const char *hash,
		  char out[WITNESS_CODE_SIZE])
{
	char msg[128];
	int n = snprintf(msg, sizeof msg, "bianmin-witness-1:%lld:%s", (long long)event_id, hash ? hash : "");
	unsigned char md[16];
	crypto_generichash(md, sizeof md, (const unsigned char *)msg, (unsigned long long)n, key, WITNESS_KEY_BYTES);
	/* 50 bits -> 10 characters of 5 bits, a dash after the fifth */
	uint64_t v = 0;
	for (int i = 0; i < 8; i++)
		v = v << 8 | md[i];
	int o = 0;
	for (int i = 0; i < 10; i++) {
		if (i == 5)
			out[o++] = '-';
		out[o++] = B32[(v >> (59 - 5 * i)) & 31];
	}
	out[o] = '\0';
}

/* A code as someone typed it: case-free, dashes and spaces ignored,
 * O read as 0 and I, L as 1.  False when it is not 10 such characters. */
static bool code_norm(const char *in, char out[WITNESS_CODE_SIZE])
{
	char raw[10];
	int o = 0;
	for (const char *p = in; *p; p++) {
		char c = *p;
		if (c == '-' || c == ' ')
			continue;
		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		if (c == 'O')
			c = '0';
		if (c == 'I' || c == 'L')
			c = '1';
		if (!strchr(B32, c) || o >= 10)
			return false;
		raw[o++] = c;
	}
	if (o != 10)
		return false;
	memcpy(out, raw, 5);
	out[5] = '-';
	memcpy(out + 6, raw + 5, 5);
	out[11] = '\0';
	return true;
}

int witness_paper_code(bm_store *s, int64_t event_id, const char *hash, char out[WITNESS_CODE_SIZE])
{
	unsigned char key[WITNESS_KEY_BYTES];
	out[0] = '\0';
	if (witness_key_load(store_path(s), key, NULL))
		return BM_ENOTFOUND;
	witness_code(key, event_id, hash, out);
	sodium_memzero(key, sizeof key);
	return BM_OK;
}

int ledger_verify_paper(bm_store *s, const char *no, const char *code, paper_check *out, bm_error *err)
{
	memset(out, 0, sizeof *out);
	char want[WITNESS_CODE_SIZE];
	if (!code_norm(code ? code : "", want))
		return bm_fail(err, BM_EINVAL, _("A check code (校验码) is 10 letters and digits, as printed: XXXXX-XXXXX; \"%s\" is not."),
			       code ? code : "");
	unsigned char key[WITNESS_KEY_BYTES];
	int rc = witness_key_load(store_path(s), key, err);
	if (rc)
		return rc;
	/* the paper's number: a case number, or a receipt number */
	sqlite3_stmt *st = store_stmt(s, "SELECT id, no FROM cases WHERE no = ?1 UNION ALL"
				      " SELECT c.id, c.no FROM receipts r JOIN cases c ON c.id = r.case_id"
				      " WHERE r.no = ?1 LIMIT 1", err);
	if (!st) {
		sodium_memzero(key, sizeof key);
		return BM_EDB;
	}
	st_text(st, 1, no);
	rc = sqlite3_step(st);
	int64_t cid = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	if (rc == SQLITE_ROW)
		snprintf(out->case_no, sizeof out->case_no, "%s", col_text(st, 1));
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		sodium_memzero(key, sizeof key);
		return store_fail(s, err, _("checking a paper"));
	}
	out->found_case = cid != 0;
	if (!cid) {
		sodium_memzero(key, sizeof key);
		return BM_OK;
	}
	/* the events of the case, and the 日结 events (about no case) */
	st = store_stmt(s, "SELECT id, type, at, hash FROM events WHERE case_id = ? ORDER BY id", err);
	if (!st) {
		sodium_memzero(key, sizeof key);
		return BM_EDB;
	}
	sqlite3_bind_int64(st, 1, cid);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		char c[WITNESS_CODE_SIZE];
		witness_code(key, sqlite3_column_int64(st, 0), col_text(st, 3), c);
		if (strcmp(c, want) == 0) {
			out->event_id = sqlite3_column_int64(st, 0);
			snprintf(out->type, sizeof out->type, "%s", col_text(st, 1));
			snprintf(out->at, sizeof out->at, "%s", col_text(st, 2));
			break;
		}
	}
	sqlite3_reset(st);
	sodium_memzero(key, sizeof key);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(s, err, _("checking a paper"));
	return BM_OK;
}
