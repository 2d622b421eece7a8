// SHA-256 compression (FIPS 180-4): a portable C version, and on x86-64 one with the SHA
// extensions (SHA-NI), chosen by the caller after asking `csha256_accelerated_available`.

#include "csha256.h"

#if defined(__x86_64__) || defined(_M_X64)
#  define CSHA256_X86 1
#  include <cpuid.h>
#  include <immintrin.h>
#endif

/// The round constants: the first 32 bits of the fractional parts of the cube roots of the first
/// 64 primes.
static const uint32_t round_constants[64] __attribute__((aligned(16))) = {
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

// MARK: - Portable

static inline uint32_t rotr(uint32_t x, unsigned n) { return (x >> n) | (x << (32 - n)); }

static inline uint32_t load_big_endian(const uint8_t *p) {
  return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | (uint32_t)p[3];
}

/// One round with the roles of the working variables given by the caller (they rotate each
/// round instead of moving), `wk` the message word with its constant added.
static inline __attribute__((always_inline)) void round_portable(
  uint32_t a, uint32_t b, uint32_t c, uint32_t *d, uint32_t e, uint32_t f, uint32_t g, uint32_t *h, uint32_t wk) {
  uint32_t t1 = *h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + (g ^ (e & (f ^ g))) + wk;
  uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) | (c & (a | b)));
  *d += t1;
  *h = t1 + t2;
}

static void compress_portable(uint32_t state[8], const uint8_t *data, size_t blocks) {
  uint32_t w[64];
  for (; blocks > 0; blocks--, data += 64) {
    for (int i = 0; i < 16; i++) w[i] = load_big_endian(data + 4 * i);
    for (int i = 16; i < 64; i++) {
      uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
      uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
      w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint32_t a = state[0], b = state[1], c = state[2], d = state[3];
    uint32_t e = state[4], f = state[5], g = state[6], h = state[7];
    for (int i = 0; i < 64; i += 8) {
      round_portable(a, b, c, &d, e, f, g, &h, w[i] + round_constants[i]);
      round_portable(h, a, b, &c, d, e, f, &g, w[i + 1] + round_constants[i + 1]);
      round_portable(g, h, a, &b, c, d, e, &f, w[i + 2] + round_constants[i + 2]);
      round_portable(f, g, h, &a, b, c, d, &e, w[i + 3] + round_constants[i + 3]);
      round_portable(e, f, g, &h, a, b, c, &d, w[i + 4] + round_constants[i + 4]);
      round_portable(d, e, f, &g, h, a, b, &c, w[i + 5] + round_constants[i + 5]);
      round_portable(c, d, e, &f, g, h, a, &b, w[i + 6] + round_constants[i + 6]);
      round_portable(b, c, d, &e, f, g, h, &a, w[i + 7] + round_constants[i + 7]);
    }
    state[0] += a;
    state[1] += b;
    state[2] += c;
    state[3] += d;
    state[4] += e;
    state[5] += f;
    state[6] += g;
    state[7] += h;
  }
}

// MARK: - x86-64 SHA extensions

#ifdef CSHA256_X86

#  define CSHA256_TARGET __attribute__((target("sha,sse4.1,ssse3")))

// The SHA instructions keep the eight working variables in two registers, named by their 32-bit
// lanes from the highest: ABEF and CDGH. `sha256rnds2` does two rounds given CDGH, ABEF and two
// message words with their constants added (in the low lanes), and returns the new ABEF; the old
// ABEF is then the new CDGH, so the two registers swap roles every two rounds.

/// Four rounds with message words `w` (W[i]...W[i+3] from the lowest lane) and constants `k`.
static inline CSHA256_TARGET __attribute__((always_inline)) void four_rounds(
  __m128i *abef, __m128i *cdgh, __m128i w, const uint32_t *k) {
  __m128i wk = _mm_add_epi32(w, _mm_load_si128((const __m128i *)k));
  *cdgh = _mm_sha256rnds2_epu32(*cdgh, *abef, wk);
  *abef = _mm_sha256rnds2_epu32(*abef, *cdgh, _mm_shuffle_epi32(wk, 0x0e));
}

/// The next four message-schedule words from the previous sixteen, `w4` the oldest four:
/// `sha256msg1` adds σ0 of the word after each of `w4`'s; then W[t-7] (words straddling `w2` and
/// `w1`); then `sha256msg2` adds σ1 of W[t-2], one lane after another.
static inline CSHA256_TARGET __attribute__((always_inline)) __m128i next_words(
  __m128i w4, __m128i w3, __m128i w2, __m128i w1) {
  __m128i partial = _mm_add_epi32(_mm_sha256msg1_epu32(w4, w3), _mm_alignr_epi8(w1, w2, 4));
  return _mm_sha256msg2_epu32(partial, w1);
}

static CSHA256_TARGET void compress_sha_ni(uint32_t state[8], const uint8_t *data, size_t blocks) {
  // Big-endian message words: reverse the bytes of each 32-bit lane.
  const __m128i byte_swap = _mm_set_epi64x(0x0c0d0e0f08090a0bULL, 0x0405060700010203ULL);
  __m128i dcba = _mm_loadu_si128((const __m128i *)&state[0]);  // lanes A, B, C, D from the lowest
  __m128i hgfe = _mm_loadu_si128((const __m128i *)&state[4]);  // lanes E, F, G, H
  __m128i badc = _mm_shuffle_epi32(dcba, 0xb1);                // B, A, D, C
  __m128i efgh = _mm_shuffle_epi32(hgfe, 0x1b);                // H, G, F, E
  __m128i abef = _mm_alignr_epi8(badc, efgh, 8);               // F, E, B, A
  __m128i cdgh = _mm_blend_epi16(efgh, badc, 0xf0);            // H, G, D, C

  for (; blocks > 0; blocks--, data += 64) {
    const __m128i abef_before = abef, cdgh_before = cdgh;
    __m128i w0 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 0)), byte_swap);
    __m128i w1 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 16)), byte_swap);
    __m128i w2 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 32)), byte_swap);
    __m128i w3 = _mm_shuffle_epi8(_mm_loadu_si128((const __m128i *)(data + 48)), byte_swap);
    four_rounds(&abef, &cdgh, w0, round_constants + 0);
    four_rounds(&abef, &cdgh, w1, round_constants + 4);
    four_rounds(&abef, &cdgh, w2, round_constants + 8);
    four_rounds(&abef, &cdgh, w3, round_constants + 12);
    for (int i = 16; i < 64; i += 16) {
      w0 = next_words(w0, w1, w2, w3);
      four_rounds(&abef, &cdgh, w0, round_constants + i);
      w1 = next_words(w1, w2, w3, w0);
      four_rounds(&abef, &cdgh, w1, round_constants + i + 4);
      w2 = next_words(w2, w3, w0, w1);
      four_rounds(&abef, &cdgh, w2, round_constants + i + 8);
      w3 = next_words(w3, w0, w1, w2);
      four_rounds(&abef, &cdgh, w3, round_constants + i + 12);
    }
    abef = _mm_add_epi32(abef, abef_before);
    cdgh = _mm_add_epi32(cdgh, cdgh_before);
  }

  __m128i feba = _mm_shuffle_epi32(abef, 0x1b);  // A, B, E, F
  __m128i dchg = _mm_shuffle_epi32(cdgh, 0xb1);  // G, H, C, D
  _mm_storeu_si128((__m128i *)&state[0], _mm_blend_epi16(feba, dchg, 0xf0));  // A, B, C, D
  _mm_storeu_si128((__m128i *)&state[4], _mm_alignr_epi8(dchg, feba, 8));    // E, F, G, H
}

/// CPUID: leaf 7 EBX bit 29 (SHA), leaf 1 ECX bits 19 (SSE4.1) and 9 (SSSE3).
static int cpu_has_sha_ni(void) {
  unsigned int eax, ebx, ecx, edx;
  if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 0;
  if (!(ecx & (1u << 19)) || !(ecx & (1u << 9))) return 0;
  if (__get_cpuid_max(0, 0) < 7) return 0;
  __cpuid_count(7, 0, eax, ebx, ecx, edx);
  return (ebx >> 29) & 1;
}

#endif

// MARK: - Entry points

int csha256_accelerated_available(void) {
#ifdef CSHA256_X86
  static int cached = -1;  // a benign race: every thread computes the same value
  int known = __atomic_load_n(&cached, __ATOMIC_RELAXED);
  if (known < 0) {
    known = cpu_has_sha_ni();
    __atomic_store_n(&cached, known, __ATOMIC_RELAXED);
  }
  return known;
#else
  return 0;
#endif
}

void csha256_compress(uint32_t state[8], const void *data, size_t blocks, csha256_implementation implementation) {
#ifdef CSHA256_X86
  if (implementation == CSHA256_ACCELERATED && csha256_accelerated_available()) {
    compress_sha_ni(state, data, blocks);
    return;
  }
#else
  (void)implementation;
#endif
  compress_portable(state, data, blocks);
}
