/* par-pdf-signature-private.h: what the files of the signature check share
 *
 * par-pdf-signature-syntax.c reads the bits of PDF syntax the check needs,
 * par-pdf-signature-cms.c checks one signature's CMS, and
 * par-pdf-signature.c finds the signature dictionaries and gives the verdict.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "par-pdf-signature.h"

G_BEGIN_DECLS

/* The two ranges a signature covers, [a, a + b) and [c, c + d): the
 * whole file but the gap of its /Contents. */
typedef struct
{
  guint64 a, b, c, d;
} ByteRange;

/* par-pdf-signature-syntax.c */
gboolean    par_pdf_is_space            (guint8           c);
gboolean    par_pdf_is_delimiter        (guint8           c);
gssize      par_pdf_find_in             (const guint8    *data,
                                         gsize            from,
                                         gsize            to,
                                         const char      *word);
gsize       par_pdf_object_start_before (const guint8    *data,
                                         gsize            length,
                                         gsize            pos);
gboolean    par_pdf_parse_byte_range    (const guint8    *data,
                                         gsize            length,
                                         gsize            pos,
                                         ByteRange       *range);
int         par_pdf_hex_value           (guint8           c);
guint8     *par_pdf_hex_decode          (const guint8    *data,
                                         gsize            from,
                                         gsize            to,
                                         gsize           *out_length);
char       *par_pdf_format_date_time    (GDateTime       *when);
GDateTime  *par_pdf_find_date           (const guint8    *data,
                                         gsize            from,
                                         gsize            to);
char       *par_pdf_find_sub_filter     (const guint8    *data,
                                         gsize            from,
                                         gsize            to);

/* par-pdf-signature-cms.c */
void        par_pdf_verify_cms          (ParPdfSignature *signature,
                                         const guint8    *der,
                                         gsize            der_length,
                                         const guint8    *data,
                                         const ByteRange *range,
                                         GDateTime       *dictionary_time);

G_END_DECLS
