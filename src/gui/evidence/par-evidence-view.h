/* par-evidence-view.h: every kept document, filtered, sorted and searched
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "par-context.h"

G_BEGIN_DECLS

#define PAR_TYPE_EVIDENCE_VIEW (par_evidence_view_get_type ())

G_DECLARE_FINAL_TYPE (ParEvidenceView, par_evidence_view, PAR, EVIDENCE_VIEW, AdwBin)

void  par_evidence_view_set_context  (ParEvidenceView *self,
                                      ParContext      *context);
void  par_evidence_view_add_files    (ParEvidenceView *self,
                                      GPtrArray       *paths);
guint par_evidence_view_get_n_shown  (ParEvidenceView *self);
void  par_evidence_view_search       (ParEvidenceView *self,
                                      const char      *text);

G_END_DECLS
