/* par-inspection-pane.h: the selected inspection: its unit, days, team, findings, recommendations and evidence
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "par-context.h"

G_BEGIN_DECLS

#define PAR_TYPE_INSPECTION_PANE (par_inspection_pane_get_type ())

G_DECLARE_FINAL_TYPE (ParInspectionPane, par_inspection_pane, PAR, INSPECTION_PANE, AdwBin)

void   par_inspection_pane_set_context (ParInspectionPane *self,
                                        ParContext        *context);
void   par_inspection_pane_show        (ParInspectionPane *self,
                                        gint64             inspection_id,
                                        const GDate       *today);
gint64 par_inspection_pane_get_id      (ParInspectionPane *self);

G_END_DECLS
