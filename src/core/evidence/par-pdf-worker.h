/* par-pdf-worker.h: one open PDF, rendered and searched by prioritised jobs in a thread
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>
#include <poppler.h>

G_BEGIN_DECLS

/* Lower runs first. */
typedef enum
{
  PAR_JOB_PRIORITY_VISIBLE = 0,
  PAR_JOB_PRIORITY_NEAR = 1,
  PAR_JOB_PRIORITY_FIND = 2,
  PAR_JOB_PRIORITY_THUMBNAIL = 3,
} ParJobPriority;

typedef struct
{
  int               page;      /* from 0 */
  PopplerRectangle  area;      /* in points, origin at the top left */
} ParFindHit;

#define PAR_TYPE_PDF_WORKER (par_pdf_worker_get_type ())

G_DECLARE_FINAL_TYPE (ParPdfWorker, par_pdf_worker, PAR, PDF_WORKER, GObject)

void             par_pdf_worker_open_async    (GBytes              *pdf,
                                               const char          *password,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
void             par_pdf_worker_open_document_async (const char          *db_path,
                                                     gint64               document_id,
                                                     const char          *password,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
ParPdfWorker    *par_pdf_worker_open_finish   (GAsyncResult        *result,
                                               GError             **error);
int              par_pdf_worker_get_n_pages   (ParPdfWorker        *self);
void             par_pdf_worker_get_page_size (ParPdfWorker        *self,
                                               int                  page,
                                               double              *width,
                                               double              *height);
void             par_pdf_worker_render_async  (ParPdfWorker        *self,
                                               int                  page,
                                               double               scale,
                                               ParJobPriority       priority,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
cairo_surface_t *par_pdf_worker_render_finish (ParPdfWorker        *self,
                                               GAsyncResult        *result,
                                               GError             **error);
void             par_pdf_worker_find_async    (ParPdfWorker        *self,
                                               const char          *text,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
GArray          *par_pdf_worker_find_finish   (ParPdfWorker        *self,
                                               GAsyncResult        *result,
                                               GError             **error);
guint            par_pdf_worker_get_n_renders (ParPdfWorker        *self);

G_END_DECLS
