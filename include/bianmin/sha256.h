/* sha256.h - SHA-256 of a buffer in one call (Nettle, which uses the
 * CPU's SHA instructions when it has them).  The digest is libsodium's
 * (test_sha256); the catalog's fingerprint uses it (issue 17: catalog load
 * within 1.5x of a bare libyaml parse, of which the hash was a fifth). */
#ifndef BIANMIN_SHA256_H
#define BIANMIN_SHA256_H

#include <stddef.h>

void bm_sha256(const void *data, size_t len, unsigned char out[32]);

#endif
