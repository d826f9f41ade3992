/* par-plan.h: one unit's reform plan for one year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define PAR_TYPE_PLAN (par_plan_get_type ())

G_DECLARE_FINAL_TYPE (ParPlan, par_plan, PAR, PLAN, GObject)

ParPlan    *par_plan_new           (gint64      id,
                                    gint64      unit_id,
                                    const char *unit_code,
                                    int         year,
                                    const char *title,
                                    guint       n_tasks);
gint64      par_plan_get_id        (ParPlan    *self);
gint64      par_plan_get_unit_id   (ParPlan    *self);
const char *par_plan_get_unit_code (ParPlan    *self);
int         par_plan_get_year      (ParPlan    *self);
const char *par_plan_get_title     (ParPlan    *self);
guint       par_plan_get_n_tasks   (ParPlan    *self);

G_END_DECLS
