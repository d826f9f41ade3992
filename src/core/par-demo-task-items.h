/* par-demo-task-items.h: the PAR Index items the sample plan's tasks serve, for par-demo-plan.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "par-database.h"

G_BEGIN_DECLS

gboolean par_demo_task_items_fill (ParDatabase  *db,
                                   gint64        plan_id,
                                   GError      **error);

G_END_DECLS
