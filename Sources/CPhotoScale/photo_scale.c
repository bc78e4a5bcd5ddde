#include "photo_scale.h"

#include <setjmp.h>
#include <stdint.h>
#include <stdio.h> /* jpeglib.h needs FILE declared first */
#include <stdlib.h>
#include <string.h>

#include <jpeglib.h>
#include <jerror.h> /* after jpeglib.h: its message list depends on jconfig.h */
#include <png.h>

/* A JPEG is decoded scaled, a few rows at a time, so its pixels cost little
 * memory: 50 MP takes the largest phone photos. A PNG is decoded whole, four
 * bytes a pixel, so it gets less: 16 MP is 64 MB, more than any screenshot or
 * scan needs. */
#define SB_MAX_JPEG_PIXELS 50000000ULL
#define SB_MAX_PNG_PIXELS 16000000ULL
/* What libjpeg may allocate for one image. A progressive JPEG keeps all its
 * coefficients (two bytes a sample) until the last scan: a 12 MP photo needs
 * about 36 MB. Past the cap libjpeg asks for a backing store, which this
 * build has not, and the image is refused as too large. */
#define SB_MAX_JPEG_MEMORY (96L * 1024 * 1024)
/* A progressive JPEG can declare thousands of tiny scans that each cost a
 * pass; real encoders write about ten. */
#define SB_MAX_SCANS 100

/* Tightly packed 8-bit RGB. */
typedef struct {
    unsigned char *px;
    int w, h;
} rgb_image;

/* ---------------------------------------------------------------- resampler */

/* Area-average (box) downscaler fed one source row at a time, so a JPEG never
 * has to be held whole at decoded size. Coverage is computed in integer units
 * (source pixel = dst-size units, output pixel = src-size units), so partial
 * pixels at the edges are weighted exactly and every output row sums to 1. */
typedef struct {
    int sw, sh, dw, dh;
    int *xstart, *xcount; /* source run for each output column */
    float *xweight;       /* run weights, consecutive, each run sums to 1 */
    float *hrow;          /* current source row, resampled across */
    float *acc;           /* output row being accumulated down */
    int src_y, out_y;
    unsigned char *out;   /* dw * dh * 3 */
} resampler;

static void rs_free(resampler *rs)
{
    free(rs->xstart);
    free(rs->xcount);
    free(rs->xweight);
    free(rs->hrow);
    free(rs->acc);
    free(rs->out);
    memset(rs, 0, sizeof *rs);
}

static int rs_init(resampler *rs, int sw, int sh, int dw, int dh)
{
    memset(rs, 0, sizeof *rs);
    rs->sw = sw;
    rs->sh = sh;
    rs->dw = dw;
    rs->dh = dh;
    rs->out = malloc((size_t)dw * (size_t)dh * 3);
    if (!rs->out)
        return SB_PHOTO_NO_MEMORY;
    if (sw == dw && sh == dh)
        return SB_PHOTO_OK; /* rows are copied straight through */

    rs->xstart = malloc((size_t)dw * sizeof *rs->xstart);
    rs->xcount = malloc((size_t)dw * sizeof *rs->xcount);
    /* Each output column touches at most ceil(sw/dw)+1 sources; summed that is
     * below sw + 2*dw. */
    rs->xweight = malloc(((size_t)sw + 2 * (size_t)dw) * sizeof *rs->xweight);
    rs->hrow = malloc((size_t)dw * 3 * sizeof *rs->hrow);
    rs->acc = calloc((size_t)dw * 3, sizeof *rs->acc);
    if (!rs->xstart || !rs->xcount || !rs->xweight || !rs->hrow || !rs->acc) {
        rs_free(rs);
        return SB_PHOTO_NO_MEMORY;
    }

    size_t k = 0;
    for (int x = 0; x < dw; x++) {
        uint64_t lo = (uint64_t)x * (uint64_t)sw, hi = lo + (uint64_t)sw;
        int first = (int)(lo / (uint64_t)dw), last = (int)((hi - 1) / (uint64_t)dw);
        rs->xstart[x] = first;
        rs->xcount[x] = last - first + 1;
        for (int i = first; i <= last; i++) {
            uint64_t a = (uint64_t)i * (uint64_t)dw, b = a + (uint64_t)dw;
            uint64_t overlap = (b < hi ? b : hi) - (a > lo ? a : lo);
            rs->xweight[k++] = (float)((double)overlap / (double)sw);
        }
    }
    return SB_PHOTO_OK;
}

static unsigned char to_byte(float v)
{
    v += 0.5f;
    return v <= 0.0f ? 0 : v >= 255.0f ? 255 : (unsigned char)v;
}

/* Takes the next source row (sw RGB pixels). */
static void rs_push(resampler *rs, const unsigned char *row)
{
    const int dw = rs->dw;
    if (rs->src_y >= rs->sh)
        return;
    if (!rs->acc) {
        memcpy(rs->out + (size_t)rs->src_y * (size_t)dw * 3, row, (size_t)dw * 3);
        rs->src_y++;
        return;
    }

    const float *w = rs->xweight;
    for (int x = 0; x < dw; x++) {
        const unsigned char *p = row + (size_t)rs->xstart[x] * 3;
        float r = 0, g = 0, b = 0;
        for (int n = rs->xcount[x]; n > 0; n--, p += 3, w++) {
            r += *w * p[0];
            g += *w * p[1];
            b += *w * p[2];
        }
        rs->hrow[3 * x] = r;
        rs->hrow[3 * x + 1] = g;
        rs->hrow[3 * x + 2] = b;
    }

    /* The row spans [y*dh, (y+1)*dh); output row o spans [o*sh, (o+1)*sh).
     * Downscaling means it straddles at most two output rows. */
    uint64_t pos = (uint64_t)rs->src_y * (uint64_t)rs->dh, end = pos + (uint64_t)rs->dh;
    while (pos < end && rs->out_y < rs->dh) {
        uint64_t boundary = (uint64_t)(rs->out_y + 1) * (uint64_t)rs->sh;
        uint64_t stop = end < boundary ? end : boundary;
        float f = (float)((double)(stop - pos) / (double)rs->sh);
        for (int i = 0; i < dw * 3; i++)
            rs->acc[i] += f * rs->hrow[i];
        pos = stop;
        if (pos == boundary) {
            unsigned char *o = rs->out + (size_t)rs->out_y * (size_t)dw * 3;
            for (int i = 0; i < dw * 3; i++) {
                o[i] = to_byte(rs->acc[i]);
                rs->acc[i] = 0;
            }
            rs->out_y++;
        }
    }
    rs->src_y++;
}

/* Hands over the finished image; the resampler keeps nothing. */
static void rs_take(resampler *rs, rgb_image *img)
{
    img->px = rs->out;
    img->w = rs->dw;
    img->h = rs->dh;
    rs->out = NULL;
    rs_free(rs);
}

/* Fit w x h inside max_side x max_side, keeping the aspect, never enlarging. */
static void fit_size(int w, int h, int max_side, int *tw, int *th)
{
    int longest = w > h ? w : h;
    if (longest <= max_side) {
        *tw = w;
        *th = h;
        return;
    }
    uint64_t m = (uint64_t)max_side, l = (uint64_t)longest;
    *tw = (int)(((uint64_t)w * m + l / 2) / l);
    *th = (int)(((uint64_t)h * m + l / 2) / l);
    if (*tw < 1)
        *tw = 1;
    if (*th < 1)
        *th = 1;
}

/* -------------------------------------------------------------- orientation */

/* EXIF orientation 1-8 -> upright. Done after scaling, on the small image. */
static int orient(rgb_image *img, int orientation)
{
    if (orientation < 2 || orientation > 8)
        return SB_PHOTO_OK;
    const int w = img->w, h = img->h;
    const int swap = orientation >= 5;
    const int ow = swap ? h : w, oh = swap ? w : h;
    unsigned char *dst = malloc((size_t)w * (size_t)h * 3);
    if (!dst)
        return SB_PHOTO_NO_MEMORY;

    for (int y = 0; y < oh; y++) {
        unsigned char *d = dst + (size_t)y * (size_t)ow * 3;
        for (int x = 0; x < ow; x++, d += 3) {
            int sx, sy;
            switch (orientation) {
            case 2: sx = w - 1 - x; sy = y; break;             /* mirror */
            case 3: sx = w - 1 - x; sy = h - 1 - y; break;     /* 180 */
            case 4: sx = x; sy = h - 1 - y; break;             /* flip */
            case 5: sx = y; sy = x; break;                     /* transpose */
            case 6: sx = y; sy = h - 1 - x; break;             /* 90 clockwise */
            case 7: sx = w - 1 - y; sy = h - 1 - x; break;     /* transverse */
            default: sx = w - 1 - y; sy = x; break;            /* 8: 90 counter */
            }
            memcpy(d, img->px + ((size_t)sy * (size_t)w + (size_t)sx) * 3, 3);
        }
    }
    free(img->px);
    img->px = dst;
    img->w = ow;
    img->h = oh;
    return SB_PHOTO_OK;
}

static unsigned rd16(const unsigned char *p, int big)
{
    return big ? (unsigned)p[0] << 8 | p[1] : (unsigned)p[1] << 8 | p[0];
}

static uint32_t rd32(const unsigned char *p, int big)
{
    return big ? (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3]
               : (uint32_t)p[3] << 24 | (uint32_t)p[2] << 16 | (uint32_t)p[1] << 8 | p[0];
}

/* Orientation tag (0x0112) from IFD0 of an APP1 Exif payload; 1 when absent or
 * unreadable, since a bad tag should not cost the upload. */
static int exif_orientation(const unsigned char *d, size_t n)
{
    if (n < 14 || memcmp(d, "Exif\0\0", 6) != 0)
        return 1;
    const unsigned char *t = d + 6; /* TIFF header; offsets count from here */
    size_t tn = n - 6;
    int big;
    if (t[0] == 'I' && t[1] == 'I')
        big = 0;
    else if (t[0] == 'M' && t[1] == 'M')
        big = 1;
    else
        return 1;
    if (rd16(t + 2, big) != 42)
        return 1;
    uint32_t ifd = rd32(t + 4, big);
    if (ifd > tn || tn - ifd < 2)
        return 1;
    unsigned count = rd16(t + ifd, big);
    const unsigned char *e = t + ifd + 2;
    if ((tn - ifd - 2) / 12 < count)
        count = (unsigned)((tn - ifd - 2) / 12);
    for (unsigned i = 0; i < count; i++, e += 12) {
        if (rd16(e, big) != 0x0112)
            continue;
        /* SHORT, count 1: the value sits left-aligned in the 4-byte field. */
        if (rd16(e + 2, big) != 3 || rd32(e + 4, big) != 1)
            return 1;
        unsigned v = rd16(e + 8, big);
        return v >= 1 && v <= 8 ? (int)v : 1;
    }
    return 1;
}

/* ------------------------------------------------------------------- libjpeg */

typedef struct {
    struct jpeg_error_mgr pub; /* first, so a j_common_ptr's err casts to this */
    jmp_buf jump;
    int code;     /* what to return after the jump */
    int fallback; /* code for errors that are not clearly input or memory */
} sb_jpeg_error;

static void jpeg_fail(j_common_ptr c, int code)
{
    sb_jpeg_error *e = (sb_jpeg_error *)c->err;
    e->code = code;
    longjmp(e->jump, 1);
}

static void on_jpeg_error(j_common_ptr c)
{
    int code = ((sb_jpeg_error *)c->err)->fallback;
    switch (c->err->msg_code) {
    case JERR_OUT_OF_MEMORY:
        code = SB_PHOTO_NO_MEMORY;
        break;
    case JERR_NO_BACKING_STORE: /* over SB_MAX_JPEG_MEMORY */
        code = SB_PHOTO_TOO_LARGE;
        break;
    case JERR_BAD_PRECISION:      /* 12-bit */
    case JERR_SOF_UNSUPPORTED:    /* lossless, hierarchical */
    case JERR_ARITH_NOTIMPL:
    case JERR_NOT_COMPILED:
    case JERR_CONVERSION_NOTIMPL:
        code = SB_PHOTO_UNSUPPORTED;
        break;
    }
    jpeg_fail(c, code);
}

/* libjpeg reports truncation and damaged entropy data only as warnings and then
 * decodes grey filler; a photo with a grey band should be refused, not shown.
 * Other warnings (stray bytes between markers, odd JFIF versions) are common
 * in camera files and harmless, so they stay silent. */
static void on_jpeg_message(j_common_ptr c, int level)
{
    if (level >= 0)
        return;
    switch (c->err->msg_code) {
    case JWRN_JPEG_EOF:
    case JWRN_HIT_MARKER:
    case JWRN_HUFF_BAD_CODE:
#if JPEG_LIB_VERSION >= 70 || defined(D_ARITH_CODING_SUPPORTED)
    case JWRN_ARITH_BAD_CODE:
#endif
    case JWRN_MUST_RESYNC:
        jpeg_fail(c, SB_PHOTO_CORRUPT);
    }
}

static void on_jpeg_output(j_common_ptr c)
{
    (void)c;
}

static void on_jpeg_progress(j_common_ptr c)
{
    if (c->is_decompressor && ((j_decompress_ptr)c)->input_scan_number > SB_MAX_SCANS)
        jpeg_fail(c, SB_PHOTO_CORRUPT);
}

static void jpeg_err_init(sb_jpeg_error *e, int fallback)
{
    jpeg_std_error(&e->pub);
    e->pub.error_exit = on_jpeg_error;
    e->pub.emit_message = on_jpeg_message;
    e->pub.output_message = on_jpeg_output;
    e->code = SB_PHOTO_OK;
    e->fallback = fallback;
}

/* Everything a longjmp must clean up lives here, in the caller's frame, so none
 * of it is a local of the function that called setjmp (C11 7.13.2.1). */
typedef struct {
    struct jpeg_decompress_struct cinfo;
    struct jpeg_progress_mgr progress;
    sb_jpeg_error err;
    resampler rs;
} jpeg_read_job;

static int jpeg_read_scaled(jpeg_read_job *job, const unsigned char *in, size_t in_size,
                            int max_side, rgb_image *img, int *orientation)
{
    j_decompress_ptr cinfo = &job->cinfo;
    jpeg_err_init(&job->err, SB_PHOTO_CORRUPT);
    cinfo->err = &job->err.pub;
    if (setjmp(job->err.jump)) {
        jpeg_destroy_decompress(cinfo);
        rs_free(&job->rs);
        return job->err.code;
    }
    jpeg_create_decompress(cinfo);
    cinfo->mem->max_memory_to_use = SB_MAX_JPEG_MEMORY;
    job->progress.progress_monitor = on_jpeg_progress;
    cinfo->progress = &job->progress;
    jpeg_mem_src(cinfo, in, (unsigned long)in_size);
    jpeg_save_markers(cinfo, JPEG_APP0 + 1, 0xFFFF);
    jpeg_read_header(cinfo, TRUE);

    if ((uint64_t)cinfo->image_width * cinfo->image_height > SB_MAX_JPEG_PIXELS)
        jpeg_fail((j_common_ptr)cinfo, SB_PHOTO_TOO_LARGE);

    int tag = 1;
    for (jpeg_saved_marker_ptr m = cinfo->marker_list; m; m = m->next) {
        if (m->marker == JPEG_APP0 + 1) {
            tag = exif_orientation(m->data, m->data_length);
            if (tag != 1)
                break;
        }
    }

    int cmyk_inverted = 0;
    switch (cinfo->jpeg_color_space) {
    case JCS_GRAYSCALE:
        cinfo->out_color_space = JCS_GRAYSCALE; /* expanded below; not every libjpeg converts grey */
        break;
    case JCS_YCbCr:
    case JCS_RGB:
        cinfo->out_color_space = JCS_RGB;
        break;
    case JCS_CMYK:
    case JCS_YCCK:
        cinfo->out_color_space = JCS_CMYK;
        /* Photoshop, the main CMYK writer, stores inverted ink and marks it
         * with an Adobe segment. */
        cmyk_inverted = cinfo->saw_Adobe_marker;
        break;
    default:
        jpeg_fail((j_common_ptr)cinfo, SB_PHOTO_UNSUPPORTED);
    }

    int tw, th;
    fit_size((int)cinfo->image_width, (int)cinfo->image_height, max_side, &tw, &th);
    /* libjpeg scales in the IDCT almost for free; take the smallest of 1/8,
     * 1/4, 1/2 that still covers the target so the box filter only ever
     * shrinks and keeps its smoothing. */
    cinfo->scale_num = 1;
    for (unsigned denom = 8; denom >= 1; denom /= 2) {
        cinfo->scale_denom = denom;
        jpeg_calc_output_dimensions(cinfo);
        if ((int)cinfo->output_width >= tw && (int)cinfo->output_height >= th)
            break;
    }

    jpeg_start_decompress(cinfo);
    const int ow = (int)cinfo->output_width, oh = (int)cinfo->output_height;
    const int comps = cinfo->output_components;
    int rc = rs_init(&job->rs, ow, oh, tw, th);
    if (rc != SB_PHOTO_OK)
        jpeg_fail((j_common_ptr)cinfo, rc);

    /* Pool memory goes away with jpeg_destroy, so error paths need not track it. */
    JSAMPARRAY rows = (*cinfo->mem->alloc_sarray)((j_common_ptr)cinfo, JPOOL_IMAGE,
                                                  (JDIMENSION)ow * (JDIMENSION)comps,
                                                  (JDIMENSION)cinfo->rec_outbuf_height);
    JSAMPARRAY rgb = (*cinfo->mem->alloc_sarray)((j_common_ptr)cinfo, JPOOL_IMAGE,
                                                 (JDIMENSION)ow * 3, 1);
    while (cinfo->output_scanline < cinfo->output_height) {
        JDIMENSION got = jpeg_read_scanlines(cinfo, rows, (JDIMENSION)cinfo->rec_outbuf_height);
        for (JDIMENSION r = 0; r < got; r++) {
            const JSAMPLE *s = rows[r];
            JSAMPLE *d = rgb[0];
            if (comps == 3) {
                rs_push(&job->rs, s);
                continue;
            }
            if (comps == 1) {
                for (int x = 0; x < ow; x++, d += 3)
                    d[0] = d[1] = d[2] = s[x];
            } else {
                for (int x = 0; x < ow; x++, s += 4, d += 3) {
                    unsigned c = s[0], m = s[1], y = s[2], k = s[3];
                    if (!cmyk_inverted) {
                        c = 255 - c;
                        m = 255 - m;
                        y = 255 - y;
                        k = 255 - k;
                    }
                    d[0] = (JSAMPLE)((c * k + 127) / 255);
                    d[1] = (JSAMPLE)((m * k + 127) / 255);
                    d[2] = (JSAMPLE)((y * k + 127) / 255);
                }
            }
            rs_push(&job->rs, rgb[0]);
        }
    }
    jpeg_finish_decompress(cinfo);
    jpeg_destroy_decompress(cinfo);
    rs_take(&job->rs, img);
    *orientation = tag;
    return SB_PHOTO_OK;
}

typedef struct {
    struct jpeg_compress_struct cinfo;
    sb_jpeg_error err;
    unsigned char *own; /* buffer we gave jpeg_mem_dest */
    unsigned char *buf; /* where libjpeg says the output is */
    unsigned long buf_size;
} jpeg_write_job;

static int jpeg_write_rgb(jpeg_write_job *job, const rgb_image *img, int quality, sb_photo *out)
{
    j_compress_ptr cinfo = &job->cinfo;
    /* Sized at raw RGB, which baseline output practically never exceeds:
     * jpeg_mem_dest frees nothing it grew if compression fails midway, so we
     * keep it from growing at all. */
    job->buf_size = (unsigned long)img->w * (unsigned long)img->h * 3 + 4096;
    job->own = job->buf = malloc(job->buf_size);
    if (!job->own)
        return SB_PHOTO_NO_MEMORY;
    jpeg_err_init(&job->err, SB_PHOTO_NO_MEMORY);
    cinfo->err = &job->err.pub;
    if (setjmp(job->err.jump)) {
        jpeg_destroy_compress(cinfo);
        free(job->own);
        return job->err.code;
    }
    jpeg_create_compress(cinfo);
    jpeg_mem_dest(cinfo, &job->buf, &job->buf_size);
    cinfo->image_width = (JDIMENSION)img->w;
    cinfo->image_height = (JDIMENSION)img->h;
    cinfo->input_components = 3;
    cinfo->in_color_space = JCS_RGB;
    jpeg_set_defaults(cinfo);
    jpeg_set_quality(cinfo, quality, TRUE);
    cinfo->optimize_coding = TRUE; /* a few % smaller for a cheap extra pass */
    jpeg_start_compress(cinfo, TRUE);
    while (cinfo->next_scanline < cinfo->image_height) {
        JSAMPROW row = img->px + (size_t)cinfo->next_scanline * (size_t)img->w * 3;
        jpeg_write_scanlines(cinfo, &row, 1);
    }
    jpeg_finish_compress(cinfo);
    jpeg_destroy_compress(cinfo);

    if (job->buf != job->own)
        free(job->own); /* libjpeg outgrew ours and moved to its own malloc */
    unsigned char *shrunk = realloc(job->buf, job->buf_size);
    out->data = shrunk ? shrunk : job->buf;
    out->size = job->buf_size;
    out->width = img->w;
    out->height = img->h;
    return SB_PHOTO_OK;
}

/* -------------------------------------------------------------------- libpng */

static int png_read_scaled(const unsigned char *in, size_t in_size, int max_side, rgb_image *img)
{
    png_image image;
    memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(&image, in, in_size)) {
        png_image_free(&image);
        return SB_PHOTO_CORRUPT;
    }
    if ((uint64_t)image.width * image.height > SB_MAX_PNG_PIXELS) {
        png_image_free(&image);
        return SB_PHOTO_TOO_LARGE;
    }
    /* Without this libpng takes untagged 16-bit files as linear and lightens
     * them; browsers, and so the uploader, see them as sRGB. */
    image.flags |= PNG_IMAGE_FLAG_16BIT_sRGB;
    image.format = PNG_FORMAT_RGBA; /* 8-bit sRGB, straight alpha */
    const int w = (int)image.width, h = (int)image.height;
    unsigned char *rgba = malloc(PNG_IMAGE_SIZE(image));
    if (!rgba) {
        png_image_free(&image);
        return SB_PHOTO_NO_MEMORY;
    }
    if (!png_image_finish_read(&image, NULL, rgba, 0, NULL)) {
        png_image_free(&image);
        free(rgba);
        return SB_PHOTO_CORRUPT;
    }
    png_image_free(&image);

    int tw, th;
    fit_size(w, h, max_side, &tw, &th);
    resampler rs;
    unsigned char *rgb = malloc((size_t)w * 3);
    int rc = rgb ? rs_init(&rs, w, h, tw, th) : SB_PHOTO_NO_MEMORY;
    if (rc != SB_PHOTO_OK) {
        free(rgb);
        free(rgba);
        return rc;
    }
    for (int y = 0; y < h; y++) {
        const unsigned char *s = rgba + (size_t)y * (size_t)w * 4;
        unsigned char *d = rgb;
        /* Blend in sRGB, as browsers show a PNG over a white page. */
        for (int x = 0; x < w; x++, s += 4, d += 3) {
            unsigned a = s[3], white = 255 * (255 - a);
            d[0] = (unsigned char)((s[0] * a + white + 127) / 255);
            d[1] = (unsigned char)((s[1] * a + white + 127) / 255);
            d[2] = (unsigned char)((s[2] * a + white + 127) / 255);
        }
        rs_push(&rs, rgb);
    }
    free(rgb);
    free(rgba);
    rs_take(&rs, img);
    return SB_PHOTO_OK;
}

/* ---------------------------------------------------------------------- API */

static const unsigned char png_signature[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

static int is_jpeg(const unsigned char *in, size_t n)
{
    return n >= 3 && in[0] == 0xFF && in[1] == 0xD8 && in[2] == 0xFF;
}

static int is_png(const unsigned char *in, size_t n)
{
    return n >= 8 && memcmp(in, png_signature, 8) == 0;
}

int sb_photo_size(const unsigned char *in, size_t in_size, int *width, int *height)
{
    if (width)
        *width = 0;
    if (height)
        *height = 0;
    if (!in || !width || !height)
        return SB_PHOTO_UNSUPPORTED;

    if (is_png(in, in_size)) {
        /* IHDR must come first: length 13, then width and height. */
        if (in_size < 24 || rd32(in + 8, 1) != 13 || memcmp(in + 12, "IHDR", 4) != 0)
            return SB_PHOTO_CORRUPT;
        uint32_t w = rd32(in + 16, 1), h = rd32(in + 20, 1);
        if (w == 0 || h == 0 || w > 0x7FFFFFFF || h > 0x7FFFFFFF)
            return SB_PHOTO_CORRUPT;
        *width = (int)w;
        *height = (int)h;
        return SB_PHOTO_OK;
    }

    if (!is_jpeg(in, in_size))
        return SB_PHOTO_UNSUPPORTED;
    /* Walk marker segments to the first SOFn; nothing is decoded. */
    size_t p = 2;
    for (;;) {
        if (p >= in_size || in[p] != 0xFF)
            return SB_PHOTO_CORRUPT;
        while (p < in_size && in[p] == 0xFF)
            p++; /* fill bytes */
        if (p >= in_size)
            return SB_PHOTO_CORRUPT;
        unsigned char marker = in[p++];
        if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7))
            continue; /* no length */
        if (marker == 0xD9 || marker == 0xDA)
            return SB_PHOTO_CORRUPT; /* image data or end before any frame header */
        if (in_size - p < 2)
            return SB_PHOTO_CORRUPT;
        size_t len = rd16(in + p, 1);
        if (len < 2 || in_size - p < len)
            return SB_PHOTO_CORRUPT;
        /* SOF0-15, except DHT (C4), JPG (C8) and DAC (CC). */
        if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
            if (len < 7)
                return SB_PHOTO_CORRUPT;
            int h = (int)rd16(in + p + 3, 1), w = (int)rd16(in + p + 5, 1);
            if (w == 0 || h == 0)
                return SB_PHOTO_CORRUPT; /* height from a DNL marker: not worth supporting */
            *width = w;
            *height = h;
            return SB_PHOTO_OK;
        }
        p += len;
    }
}

int sb_photo_scale(const unsigned char *in, size_t in_size, int max_side, int quality, sb_photo *out)
{
    if (!out)
        return SB_PHOTO_UNSUPPORTED;
    memset(out, 0, sizeof *out);
    if (!in)
        return SB_PHOTO_UNSUPPORTED;
    if (max_side < 1)
        max_side = 1;
    quality = quality < 1 ? 1 : quality > 100 ? 100 : quality;

    rgb_image img = {0};
    int orientation = 1, rc;
    if (is_jpeg(in, in_size)) {
        /* The job structs are large; the heap keeps them off small thread stacks. */
        jpeg_read_job *job = calloc(1, sizeof *job);
        if (!job)
            return SB_PHOTO_NO_MEMORY;
        rc = jpeg_read_scaled(job, in, in_size, max_side, &img, &orientation);
        free(job);
    } else if (is_png(in, in_size)) {
        rc = png_read_scaled(in, in_size, max_side, &img);
    } else {
        return SB_PHOTO_UNSUPPORTED;
    }
    if (rc == SB_PHOTO_OK)
        rc = orient(&img, orientation);
    if (rc == SB_PHOTO_OK) {
        jpeg_write_job *job = calloc(1, sizeof *job);
        rc = job ? jpeg_write_rgb(job, &img, quality, out) : SB_PHOTO_NO_MEMORY;
        free(job);
    }
    free(img.px);
    return rc;
}

void sb_photo_free(sb_photo *photo)
{
    if (!photo)
        return;
    free(photo->data);
    memset(photo, 0, sizeof *photo);
}
