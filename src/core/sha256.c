/* sha256.c - SHA-256 with x86-64 SHA-NI when the CPU has it (Intel's
 * published instruction sequence: two rounds per sha256rnds2, the message
 * schedule by sha256msg1/msg2), libsodium otherwise.  No set-up cost, so a
 * program that hashes one file once gains too. */
#include "bianmin/sha256.h"

#include <sodium.h>
#include <stdint.h>
#include <string.h>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <cpuid.h>
#include <immintrin.h>

static const uint32_t K[64] = {
	0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
	0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
	0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
	0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
	0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
	0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
	0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
	0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

/* SHA-NI, SSSE3 and SSE4.1 (cpuid leaves 7 and 1) */
static int have_sha_ni(void)
{
	static int known = -1;
	if (known < 0) {
		unsigned a, b, c, d;
		known = __get_cpuid(1, &a, &b, &c, &d) && (c & bit_SSSE3) && (c & bit_SSE4_1) &&
			__get_cpuid_count(7, 0, &a, &b, &c, &d) && (b & (1u << 29));
	}
	return known;
}

/* blocks 64-byte blocks into state (a..h) */
__attribute__((target("sha,ssse3,sse4.1")))
static void blocks_ni(uint32_t state[8], const unsigned char *p, size_t blocks)
{
	const __m128i swap = _mm_set_epi64x(0x0c0d0e0f08090a0bLL, 0x0405060700010203LL);
	__m128i t = _mm_loadu_si128((const __m128i *)(const void *)&state[0]);
	__m128i s1 = _mm_loadu_si128((const __m128i *)(const void *)&state[4]);
	t = _mm_shuffle_epi32(t, 0xB1);              /* CDAB */
	s1 = _mm_shuffle_epi32(s1, 0x1B);            /* EFGH */
	__m128i s0 = _mm_alignr_epi8(t, s1, 8);      /* ABEF */
	s1 = _mm_blend_epi16(s1, t, 0xF0);           /* CDGH */
	for (; blocks; blocks--, p += 64) {
		__m128i abef = s0, cdgh = s1, m[4];
		for (int g = 0; g < 16; g++) {        /* rounds 4g .. 4g+3 */
			if (g < 4)
				m[g] = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(const void *)(p + 16 * g)), swap);
			__m128i w = _mm_add_epi32(m[g & 3], _mm_loadu_si128((const __m128i *)(const void *)&K[4 * g]));
			s1 = _mm_sha256rnds2_epu32(s1, s0, w);
			if (g >= 3 && g <= 14) {         /* words 4(g+1) .. 4(g+1)+3 */
				__m128i x = _mm_alignr_epi8(m[g & 3], m[(g + 3) & 3], 4);
				m[(g + 1) & 3] = _mm_sha256msg2_epu32(_mm_add_epi32(m[(g + 1) & 3], x), m[g & 3]);
			}
			s0 = _mm_sha256rnds2_epu32(s0, s1, _mm_shuffle_epi32(w, 0x0E));
			if (g >= 1 && g <= 12)
				m[(g + 3) & 3] = _mm_sha256msg1_epu32(m[(g + 3) & 3], m[g & 3]);
		}
		s0 = _mm_add_epi32(s0, abef);
		s1 = _mm_add_epi32(s1, cdgh);
	}
	t = _mm_shuffle_epi32(s0, 0x1B);             /* FEBA */
	s1 = _mm_shuffle_epi32(s1, 0xB1);            /* DCHG */
	s0 = _mm_blend_epi16(t, s1, 0xF0);           /* DCBA */
	s1 = _mm_alignr_epi8(s1, t, 8);              /* HGFE */
	_mm_storeu_si128((__m128i *)(void *)&state[0], s0);
	_mm_storeu_si128((__m128i *)(void *)&state[4], s1);
}

static void sha256_ni(const unsigned char *p, size_t len, unsigned char out[32])
{
	uint32_t st[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
			  0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
	blocks_ni(st, p, len / 64);
	/* the tail, 0x80, zeros, the length in bits (big-endian) */
	unsigned char last[128] = {0};
	size_t rest = len % 64, n = rest < 56 ? 64 : 128;
	if (rest)
		memcpy(last, p + len - rest, rest);
	last[rest] = 0x80;
	uint64_t bits = (uint64_t)len * 8;
	for (int i = 0; i < 8; i++)
		last[n - 1 - i] = (unsigned char)(bits >> (8 * i));
	blocks_ni(st, last, n / 64);
	for (int i = 0; i < 8; i++) {
		out[4 * i] = (unsigned char)(st[i] >> 24);
		out[4 * i + 1] = (unsigned char)(st[i] >> 16);
		out[4 * i + 2] = (unsigned char)(st[i] >> 8);
		out[4 * i + 3] = (unsigned char)st[i];
	}
}
#endif

void bm_sha256(const void *data, size_t len, unsigned char out[32])
{
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
	if (have_sha_ni()) {
		sha256_ni(data, len, out);
		return;
	}
#endif
	crypto_hash_sha256(out, data, len);
}
