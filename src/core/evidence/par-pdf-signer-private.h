/* par-pdf-signer-private.h: what the signer reads of the PDF it updates
 *
 * par-pdf-signer-syntax.c reads the cross-reference sections, the trailer
 * and the objects' values; par-pdf-signer.c writes the update.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "par-pdf-signer.h"

G_BEGIN_DECLS

/* A part of the input, [start, end). */
typedef struct
{
  gsize start, end;
} PdfSpan;

typedef struct
{
  const guint8 *data;
  gsize         length;
  gsize         startxref;   /* where the last cross-reference section is */
  PdfSpan       trailer;     /* its trailer dictionary, "<<" to ">>" */
  guint         size;        /* the trailer's /Size */
  guint         root;        /* the catalog's object number */
} PdfFile;

gboolean par_pdf_signer_unsupported (GError     **error,
                                     const char  *detail);
gboolean par_pdf_file_read        (PdfFile        *file,
                                   const guint8   *data,
                                   gsize           length,
                                   GError        **error);
gboolean par_pdf_file_get_object  (const PdfFile  *file,
                                   guint           number,
                                   PdfSpan        *value,
                                   GError        **error);
gboolean par_pdf_dict_get         (const guint8   *data,
                                   const PdfSpan  *dict,
                                   const char     *key,
                                   PdfSpan        *value);
gboolean par_pdf_value_get_ref    (const guint8   *data,
                                   const PdfSpan  *value,
                                   guint          *number);
gboolean par_pdf_value_is_dict    (const guint8   *data,
                                   const PdfSpan  *value);
gboolean par_pdf_array_get_refs   (const guint8   *data,
                                   const PdfSpan  *array,
                                   GArray         *numbers);
gboolean par_pdf_dict_copy_except (const guint8   *data,
                                   const PdfSpan  *dict,
                                   const char    **keys,
                                   GString        *out);

G_END_DECLS
