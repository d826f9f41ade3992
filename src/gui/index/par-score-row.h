/* par-score-row.h: one node of the PAR Index tree as the view shows it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "par-core.h"

G_BEGIN_DECLS

#define PAR_TYPE_SCORE_ROW (par_score_row_get_type ())

G_DECLARE_FINAL_TYPE (ParScoreRow, par_score_row, PAR, SCORE_ROW, GObject)

ParScoreRow     *par_score_row_new            (ParAssessment   *assessment,
                                               ParCriteriaNode *node);
ParCriteriaNode *par_score_row_get_node       (ParScoreRow     *self);
ParAssessment   *par_score_row_get_assessment (ParScoreRow     *self);
GListModel      *par_score_row_get_children   (ParScoreRow     *self);
void             par_score_row_add_child      (ParScoreRow     *self,
                                               ParScoreRow     *child);
ParScoreRow     *par_score_row_get_parent     (ParScoreRow     *self);
gboolean         par_score_row_is_editable    (ParScoreRow     *self,
                                               ParScoreKind     kind);
char            *par_score_row_get_points_text (ParScoreRow    *self,
                                                ParScoreKind    kind);
ParItemStatus    par_score_row_get_status     (ParScoreRow     *self);
gboolean         par_score_row_get_visible    (ParScoreRow     *self);
void             par_score_row_set_visible    (ParScoreRow     *self,
                                               gboolean         visible);
void             par_score_row_changed        (ParScoreRow     *self);
void             par_score_row_set_waiting    (ParScoreRow     *self,
                                               ParScoreKind     kind,
                                               const char      *text);
gboolean         par_score_row_is_waiting     (ParScoreRow     *self,
                                               ParScoreKind     kind);
const char      *par_item_status_get_label    (ParItemStatus    status);

G_END_DECLS
