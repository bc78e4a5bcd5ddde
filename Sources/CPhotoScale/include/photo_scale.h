#ifndef SB_PHOTO_SCALE_H
#define SB_PHOTO_SCALE_H

/* Phone-sized JPEG copies of uploaded JPEG and PNG photos (libjpeg + libpng). */

#include <stddef.h>

typedef struct {
    unsigned char *data;
    size_t size;
    int width;
    int height;
} sb_photo;

/* Error codes */
enum {
    SB_PHOTO_OK = 0,
    SB_PHOTO_UNSUPPORTED = 1, /* not a JPEG or PNG, or a JPEG kind libjpeg cannot decode */
    SB_PHOTO_CORRUPT = 2,     /* malformed or truncated data */
    SB_PHOTO_TOO_LARGE = 3,   /* over the pixel budget (JPEG 50 MP, PNG 16 MP) or libjpeg's memory cap */
    SB_PHOTO_NO_MEMORY = 4
};

/* Reads a JPEG or PNG's pixel size from its header without decoding.
 * This is the stored size: EXIF orientation is not applied. */
int sb_photo_size(const unsigned char *in, size_t in_size, int *width, int *height);

/* Decodes a JPEG or PNG, turns it upright by its EXIF orientation (JPEG), scales
 * it down so neither side exceeds max_side (never up), and encodes a baseline
 * JPEG at `quality` (1-100). PNG transparency is composited on white; grey and
 * CMYK/YCCK JPEGs become RGB. out->data is malloc'd; free with sb_photo_free.
 * Refuses images over the pixel budget with SB_PHOTO_TOO_LARGE before decoding
 * them, and JPEGs that need more than libjpeg's memory cap or 100 scans. On failure *out is zeroed. quality is clamped to 1-100 and max_side to
 * at least 1. The output carries no metadata (no EXIF, so no GPS). */
int sb_photo_scale(const unsigned char *in, size_t in_size, int max_side, int quality, sb_photo *out);

/* Frees out->data and zeroes *photo; safe on a zeroed photo or NULL. */
void sb_photo_free(sb_photo *photo);

#endif
