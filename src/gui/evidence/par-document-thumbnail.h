/* par-document-thumbnail.h: a small picture of a kept document's first page
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Width of the picture in logical pixels; its height follows the page. */
#define PAR_DOCUMENT_THUMBNAIL_WIDTH 64

#define PAR_TYPE_DOCUMENT_THUMBNAIL (par_document_thumbnail_get_type ())

G_DECLARE_FINAL_TYPE (ParDocumentThumbnail, par_document_thumbnail, PAR, DOCUMENT_THUMBNAIL, GtkWidget)

GtkWidget  *par_document_thumbnail_new           (const char           *db_path,
                                                  gint64                document_id,
                                                  gboolean              encrypted);
gint64      par_document_thumbnail_get_document_id (ParDocumentThumbnail *self);
GdkTexture *par_document_thumbnail_get_texture   (ParDocumentThumbnail *self);
gboolean    par_document_thumbnail_is_locked     (ParDocumentThumbnail *self);
gboolean    par_document_thumbnail_is_cancelled  (ParDocumentThumbnail *self);
void        par_document_thumbnail_clear_cache   (void);
guint       par_document_thumbnail_get_n_renders (void);

G_END_DECLS
