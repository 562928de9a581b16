/* sha256.h - SHA-256 of a buffer in one call, with the CPU's SHA
 * instructions when it has them (x86-64 SHA-NI: about ten times
 * libsodium's portable code, which is the fallback).  The digest is the
 * same either way; the catalog's fingerprint uses it (issue 17). */
#ifndef BIANMIN_SHA256_H
#define BIANMIN_SHA256_H

#include <stddef.h>

void bm_sha256(const void *data, size_t len, unsigned char out[32]);

#endif
