#include "CDeflate.h"

#include <string.h>
#include <zlib.h>

long sunboard_deflate_raw(const uint8_t *input, size_t length, uint8_t *output, size_t capacity) {
    z_stream stream;
    memset(&stream, 0, sizeof stream);
    // -15: a raw deflate stream, without zlib's header and trailer.
    if (deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK) return -1;
    stream.next_in = (Bytef *)input;
    stream.avail_in = (uInt)length;
    stream.next_out = output;
    stream.avail_out = (uInt)capacity;
    int status = deflate(&stream, Z_FINISH);
    long written = (long)stream.total_out;
    deflateEnd(&stream);
    return status == Z_STREAM_END ? written : -1;
}

uint32_t sunboard_crc32(uint32_t crc, const uint8_t *input, size_t length) {
    return (uint32_t)crc32((uLong)crc, input, (uInt)length);
}
