/* par-item-pane.h: the PAR Index item beside the tree: how it is scored, its documents, explanation and history
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "par-context.h"
#include "par-score-row.h"

G_BEGIN_DECLS

#define PAR_TYPE_ITEM_PANE (par_item_pane_get_type ())

G_DECLARE_FINAL_TYPE (ParItemPane, par_item_pane, PAR, ITEM_PANE, GtkBox)

void         par_item_pane_set_context (ParItemPane *self,
                                        ParContext  *context);
void         par_item_pane_set_row     (ParItemPane *self,
                                        ParScoreRow *row);
ParScoreRow *par_item_pane_get_row     (ParItemPane *self);

G_END_DECLS
