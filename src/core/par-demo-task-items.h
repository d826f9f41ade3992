/* par-demo-task-items.h: the PAR Index items the sample plan's tasks serve, for par-demo-plan.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "par-criteria-set.h"
#include "par-database.h"

G_BEGIN_DECLS

gboolean par_demo_task_items_fill (ParDatabase  *db,
                                   gint64        plan_id,
                                   GError      **error);

ParCriteriaSet *par_demo_find_department_set (ParDatabase     *db,
                                              int              year,
                                              GError         **error);
GArray         *par_demo_item_ids            (ParCriteriaSet  *set,
                                              const char      *codes);

G_END_DECLS
