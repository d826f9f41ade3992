/* par-plan-view.h: the annual reform plan of a unit: its tasks by area, as of a date
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "par-context.h"

G_BEGIN_DECLS

#define PAR_TYPE_PLAN_VIEW (par_plan_view_get_type ())

G_DECLARE_FINAL_TYPE (ParPlanView, par_plan_view, PAR, PLAN_VIEW, AdwBin)

void     par_plan_view_set_context (ParPlanView *self,
                                    ParContext  *context);
gboolean par_plan_view_select      (ParPlanView *self,
                                    gint64       unit_id,
                                    int          year);
void     par_plan_view_set_as_of   (ParPlanView *self,
                                    const GDate *as_of);
ParPlan *par_plan_view_get_plan    (ParPlanView *self);
gboolean par_plan_view_select_task (ParPlanView *self,
                                    gint64       task_id);

G_END_DECLS
