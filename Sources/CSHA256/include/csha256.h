#ifndef CSHA256_H
#define CSHA256_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Which compression code `csha256_compress` runs.
typedef enum csha256_implementation {
  /// Plain C, on every machine.
  CSHA256_PORTABLE = 0,
  /// The x86-64 SHA extensions (SHA-NI); only where `csha256_accelerated_available` says so.
  CSHA256_ACCELERATED = 1,
} csha256_implementation;

/// 1 when this CPU can run `CSHA256_ACCELERATED` (x86-64 with SHA, SSE4.1 and SSSE3), else 0.
int csha256_accelerated_available(void);

/// Runs the SHA-256 compression function (FIPS 180-4, 6.2.2) over `blocks` consecutive 64-byte
/// blocks at `data` (any alignment), updating `state` (H0...H7, native-endian words) in place.
/// `CSHA256_ACCELERATED` on a CPU without the SHA extensions falls back to the portable code.
void csha256_compress(uint32_t state[8], const void *data, size_t blocks, csha256_implementation implementation);

#ifdef __cplusplus
}
#endif

#endif
