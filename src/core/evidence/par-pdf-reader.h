/* par-pdf-reader.h: what poppler reads of a PDF, in a process of its own, within a time budget
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "par-document-details.h"

G_BEGIN_DECLS

/* How long reading one document may take, unless $PAR_DESK_PDF_BUDGET_MS
 * says otherwise: a 300-page scan takes well under a second. */
#define PAR_PDF_READER_DEFAULT_BUDGET_MS 20000

/* The first page is kept as a picture for documents this large. */
#define PAR_PDF_PREVIEW_MIN_BYTES ((gint64) 8 * 1024 * 1024)
#define PAR_PDF_PREVIEW_MIN_PAGES 40

typedef struct
{
  int                 pages;
  gboolean            encrypted;
  gboolean            text_read;    /* every page's text was read within the budget */
  char               *title;
  char               *author;
  char               *producer;
  char               *created;
  ParDocumentDetails *details;
  GPtrArray          *page_texts;   /* NFC; as many as pages when text_read */
  GByteArray         *preview;      /* PNG of page 1, for large documents */
} ParPdfReading;

void           par_pdf_reading_clear      (ParPdfReading  *reading);

typedef struct _ParPdfReader ParPdfReader;

ParPdfReader  *par_pdf_reader_new         (void);
void           par_pdf_reader_free        (ParPdfReader   *reader);
gboolean       par_pdf_reader_read        (ParPdfReader   *reader,
                                           const char     *path,
                                           const char     *name,
                                           ParPdfReading  *reading,
                                           GError        **error);

int            par_pdf_reader_serve       (int             in_fd,
                                           int             out_fd);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ParPdfReader, par_pdf_reader_free)

G_END_DECLS
