/* sha256.c - SHA-256 of a buffer in one call, by Nettle: its x86-64 build
 * picks the CPU's SHA instructions at run time (about four times
 * libsodium's portable code, which has no such path) and costs nothing
 * to set up, so a program that hashes one catalog once gains too. */
#include "bianmin/sha256.h"

#include <nettle/sha2.h>

void bm_sha256(const void *data, size_t len, unsigned char out[32])
{
	struct sha256_ctx c;
	sha256_init(&c);
	sha256_update(&c, len, data);
	sha256_digest(&c, SHA256_DIGEST_SIZE, out);
}
