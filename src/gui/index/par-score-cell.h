/* par-score-cell.h: a self-score or appraised-score cell, typed into in place
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "par-score-row.h"

G_BEGIN_DECLS

#define PAR_TYPE_SCORE_CELL (par_score_cell_get_type ())

G_DECLARE_FINAL_TYPE (ParScoreCell, par_score_cell, PAR, SCORE_CELL, AdwBin)

ParScoreCell *par_score_cell_new       (ParScoreKind  kind);
void          par_score_cell_bind      (ParScoreCell *self,
                                        ParScoreRow  *row);
void          par_score_cell_unbind    (ParScoreCell *self);
ParScoreRow  *par_score_cell_get_row   (ParScoreCell *self);
ParScoreKind  par_score_cell_get_kind  (ParScoreCell *self);
gboolean      par_score_cell_start_editing (ParScoreCell *self);
void          par_score_cell_set_error (ParScoreCell *self,
                                        const char   *message);

G_END_DECLS
