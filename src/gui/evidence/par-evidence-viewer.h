/* par-evidence-viewer.h: a kept document's pages, its details and signatures
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "par-context.h"

G_BEGIN_DECLS

#define PAR_TYPE_EVIDENCE_VIEWER (par_evidence_viewer_get_type ())

G_DECLARE_FINAL_TYPE (ParEvidenceViewer, par_evidence_viewer, PAR, EVIDENCE_VIEWER, AdwWindow)

ParEvidenceViewer *par_evidence_viewer_new          (GtkWindow         *parent,
                                                     ParContext        *context,
                                                     gint64             document_id);
void               par_evidence_viewer_show_page    (ParEvidenceViewer *self,
                                                     int                page,
                                                     const char        *find);
int                par_evidence_viewer_get_n_pages  (ParEvidenceViewer *self);
int                par_evidence_viewer_get_n_rendered (ParEvidenceViewer *self);
int                par_evidence_viewer_get_n_thumbnails_drawn (ParEvidenceViewer *self);
gboolean           par_evidence_viewer_first_page_shown (ParEvidenceViewer *self);
guint              par_evidence_viewer_get_n_hits   (ParEvidenceViewer *self);
double             par_evidence_viewer_get_zoom     (ParEvidenceViewer *self);
gboolean           par_evidence_viewer_is_locked    (ParEvidenceViewer *self);
void               par_evidence_viewer_unlock       (ParEvidenceViewer *self,
                                                     const char        *password);

G_END_DECLS
