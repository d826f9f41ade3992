/* par-plan-row.h: one row of the Plan tree: an area's heading, or a task as of a date
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "par-core.h"

G_BEGIN_DECLS

#define PAR_TYPE_PLAN_ROW (par_plan_row_get_type ())

G_DECLARE_FINAL_TYPE (ParPlanRow, par_plan_row, PAR, PLAN_ROW, GObject)

ParPlanRow    *par_plan_row_new_area     (ParArea        area);
ParPlanRow    *par_plan_row_new_task     (ParTask       *task,
                                          const GDate   *as_of);
gboolean       par_plan_row_set_as_of    (ParPlanRow    *self,
                                          const GDate   *as_of);
ParArea        par_plan_row_get_area     (ParPlanRow    *self);
ParTask       *par_plan_row_get_task     (ParPlanRow    *self);
ParTaskStatus  par_plan_row_get_status   (ParPlanRow    *self);
guint          par_plan_row_get_percent  (ParPlanRow    *self);
GListStore    *par_plan_row_get_children (ParPlanRow    *self);
char          *par_plan_row_get_deadline_text (ParPlanRow *self);
const char    *par_task_status_get_css_class  (ParTaskStatus status);

G_END_DECLS
