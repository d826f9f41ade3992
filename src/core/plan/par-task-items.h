/* par-task-items.h: the PAR Index items a plan task serves, and the tasks serving an item
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "par-database.h"
#include "par-task.h"

G_BEGIN_DECLS

/* An item a task serves, with what names it in its criteria set. */
typedef struct
{
  gint64  node_id;
  gint64  set_id;
  int     set_year;
  char   *set_name;
  char   *code;
  char   *title;
} ParTaskItem;

/* A task serving an item, with its plan's unit and its status as of the
 * date it was listed for. */
typedef struct
{
  ParTask       *task;
  gint64         unit_id;     /* the plan's unit */
  char          *unit_code;
  char          *unit_name;
  ParTaskStatus  status;
} ParServingTask;

void       par_task_item_free           (ParTaskItem     *item);
void       par_serving_task_free        (ParServingTask  *serving);

gboolean   par_task_items_set           (ParDatabase     *db,
                                         gint64           task_id,
                                         const gint64    *node_ids,
                                         guint            n_nodes,
                                         GError         **error);
GPtrArray *par_task_items_list          (ParDatabase     *db,
                                         gint64           task_id,
                                         GError         **error);
GPtrArray *par_task_items_list_tasks    (ParDatabase     *db,
                                         gint64           node_id,
                                         const GDate     *as_of,
                                         GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ParTaskItem, par_task_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ParServingTask, par_serving_task_free)

G_END_DECLS
