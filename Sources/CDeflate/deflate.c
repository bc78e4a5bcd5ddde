#include "CDeflate.h"

#include <string.h>
#include <zlib.h>

static long deflate_once(const uint8_t *input, size_t length, uint8_t *output, size_t capacity, int level, int window_bits) {
    z_stream stream;
    memset(&stream, 0, sizeof stream);
    if (deflateInit2(&stream, level, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY) != Z_OK) return -1;
    stream.next_in = (Bytef *)input;
    stream.avail_in = (uInt)length;
    stream.next_out = output;
    stream.avail_out = (uInt)capacity;
    int status = deflate(&stream, Z_FINISH);
    long written = (long)stream.total_out;
    deflateEnd(&stream);
    return status == Z_STREAM_END ? written : -1;
}

long sunboard_deflate_raw(const uint8_t *input, size_t length, uint8_t *output, size_t capacity) {
    // -15: a raw deflate stream, without zlib's header and trailer.
    return deflate_once(input, length, output, capacity, Z_BEST_COMPRESSION, -15);
}

long sunboard_gzip(const uint8_t *input, size_t length, uint8_t *output, size_t capacity) {
    // 15 + 16: deflate inside gzip's header and trailer. At zlib's default
    // level, as a page is compressed while its first reader waits.
    return deflate_once(input, length, output, capacity, Z_DEFAULT_COMPRESSION, 15 + 16);
}

uint32_t sunboard_crc32(uint32_t crc, const uint8_t *input, size_t length) {
    return (uint32_t)crc32((uLong)crc, input, (uInt)length);
}
