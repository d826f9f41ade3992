/* par-plan-summary.h: the Plan view's header: completion by lead unit, the overdue tasks, the deadlines ahead
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "par-core.h"

G_BEGIN_DECLS

/* How far ahead the header looks for deadlines. */
#define PAR_PLAN_SUMMARY_DAYS_AHEAD 30

#define PAR_TYPE_PLAN_SUMMARY (par_plan_summary_get_type ())

G_DECLARE_FINAL_TYPE (ParPlanSummary, par_plan_summary, PAR, PLAN_SUMMARY, AdwBin)

void par_plan_summary_set_tasks (ParPlanSummary *self,
                                 GPtrArray      *tasks,
                                 const GDate    *as_of,
                                 GHashTable     *unit_names);

G_END_DECLS
