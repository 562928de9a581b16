/* test_sha256.c - bm_sha256 (Nettle, SHA-NI when the CPU has it) gives libsodium's
 * digest for every length around the block edges, from any alignment. */
#include "bianmin/sha256.h"
#include "unit.h"

#include <sodium.h>
#include <string.h>

START_TEST(same_as_libsodium)
{
	static unsigned char buf[200000];
	uint32_t x = 2463534242u;   /* xorshift: the same bytes every run */
	for (size_t i = 0; i < sizeof buf; i++) {
		x ^= x << 13;
		x ^= x >> 17;
		x ^= x << 5;
		buf[i] = (unsigned char)x;
	}
	size_t lens[1100], n = 0;
	for (size_t len = 0; len <= 1030; len++)
		lens[n++] = len;
	lens[n++] = 65536;
	lens[n++] = 173777;
	lens[n++] = sizeof buf - 7;
	for (size_t i = 0; i < n; i++) {
		unsigned char a[32], b[32];
		const unsigned char *p = buf + i % 7;
		bm_sha256(p, lens[i], a);
		crypto_hash_sha256(b, p, lens[i]);
		ck_assert_msg(memcmp(a, b, 32) == 0, "length %zu", lens[i]);
	}
}
END_TEST

START_TEST(known_digests)
{
	/* FIPS 180-2 examples */
	unsigned char h[32];
	char hex[65];
	bm_sha256("abc", 3, h);
	sodium_bin2hex(hex, sizeof hex, h, sizeof h);
	ck_assert_str_eq(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	bm_sha256(two, strlen(two), h);
	sodium_bin2hex(hex, sizeof hex, h, sizeof h);
	ck_assert_str_eq(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	bm_sha256("", 0, h);
	sodium_bin2hex(hex, sizeof hex, h, sizeof h);
	ck_assert_str_eq(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}
END_TEST

static Suite *sha256_suite(void)
{
	Suite *s = suite_create("sha256");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, same_as_libsodium);
	tcase_add_test(tc, known_digests);
	suite_add_tcase(s, tc);
	return s;
}

BM_UNIT_MAIN(sha256_suite)
