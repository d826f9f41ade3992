/* par-task-pane.h: the selected task of the plan: its details, status, progress history, evidence and
 * PAR Index items
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "par-context.h"
#include "par-plan-row.h"

G_BEGIN_DECLS

#define PAR_TYPE_TASK_PANE (par_task_pane_get_type ())

G_DECLARE_FINAL_TYPE (ParTaskPane, par_task_pane, PAR, TASK_PANE, AdwBin)

void par_task_pane_set_context (ParTaskPane *self,
                                ParContext  *context);
void par_task_pane_set_row     (ParTaskPane *self,
                                ParPlanRow  *row,
                                const char  *lead_name,
                                const char  *coordinating_names);
void par_task_pane_show_items  (ParTaskPane *self,
                                ParDatabase *db,
                                ParTask     *task,
                                gint64       unit_id);

G_END_DECLS
