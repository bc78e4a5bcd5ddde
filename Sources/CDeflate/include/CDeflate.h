#ifndef CDEFLATE_H
#define CDEFLATE_H

#include <stddef.h>
#include <stdint.h>

/// Compresses `length` bytes with raw deflate (no zlib header), as a ZIP
/// entry holds them. Returns the compressed size, or -1 when `capacity`
/// is too small (then store the bytes as they are).
long sunboard_deflate_raw(const uint8_t *input, size_t length, uint8_t *output, size_t capacity);

/// Compresses `length` bytes as a gzip stream, as HTTP's
/// `Content-Encoding: gzip` carries them. Returns the compressed size, or -1
/// when `capacity` is too small.
long sunboard_gzip(const uint8_t *input, size_t length, uint8_t *output, size_t capacity);

/// The CRC-32 a ZIP entry carries, continued from `crc` (0 to start).
uint32_t sunboard_crc32(uint32_t crc, const uint8_t *input, size_t length);

#endif
