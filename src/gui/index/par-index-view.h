/* par-index-view.h: the PAR Index: a unit's scores against a criteria set, and the ranking
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "par-context.h"

G_BEGIN_DECLS

#define PAR_TYPE_INDEX_VIEW (par_index_view_get_type ())

G_DECLARE_FINAL_TYPE (ParIndexView, par_index_view, PAR, INDEX_VIEW, AdwBin)

void           par_index_view_set_context    (ParIndexView *self,
                                              ParContext   *context);
gboolean       par_index_view_select         (ParIndexView *self,
                                              gint64        set_id,
                                              gint64        unit_id);
ParAssessment *par_index_view_get_assessment (ParIndexView *self);
void           par_index_view_attach_files   (ParIndexView *self,
                                              GPtrArray    *paths);
gboolean       par_index_view_focus_item     (ParIndexView *self,
                                              const char   *code,
                                              ParScoreKind  kind);

G_END_DECLS
