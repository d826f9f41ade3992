/* par-task-items.c: the PAR Index items a plan task serves, and the tasks serving an item
 *
 * A task names the items of a criteria set its work is scored by ("issue
 * the year's plan" serves "1.1.1 plan issued on time"); an item's side pane
 * lists the tasks serving it with their status, so the plan and the score
 * meet. A task's items are set all at once, in one transaction written to
 * the audit log; only items are named, never the groups above them
 * (par-index-links.c, which inspections share).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "par-index-links-private.h"
#include "par-plans.h"
#include "par-task-items.h"

void
par_task_item_free (ParTaskItem *item)
{
  if (item == NULL)
    return;
  g_free (item->set_name);
  g_free (item->code);
  g_free (item->title);
  g_free (item);
}

void
par_serving_task_free (ParServingTask *serving)
{
  if (serving == NULL)
    return;
  g_clear_object (&serving->task);
  g_free (serving->unit_code);
  g_free (serving->unit_name);
  g_free (serving);
}

static gboolean
check_task (ParDatabase  *db,
            gint64        task_id,
            GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = par_database_prepare (db, "SELECT 1 FROM task WHERE id = ?", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, task_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND,
                 _("There is no task with id %lld."), (long long) task_id);
  else
    par_database_set_error (db, error);
  return FALSE;
}

static const ParIndexLinks task_links = {
  .table = "task_item",
  .owner_column = "task_id",
  .audit_entity = "task",
  .change = PAR_CHANGE_PLANS,
  .check_owner = check_task,
};

/* The items @task_id serves, in the order they were given, each with its
 * criteria set's name and year; NOT_FOUND for a task the file does not hold. */
GPtrArray *
par_task_items_list (ParDatabase  *db,
                     gint64        task_id,
                     GError      **error)
{
  g_return_val_if_fail (PAR_IS_DATABASE (db), NULL);

  return par_index_links_list (db, &task_links, task_id, error);
}

/* Makes @node_ids, in this order, the items @task_id serves, in place of
 * those it served (none: it serves none). All or nothing: NOT_FOUND for a
 * task or an item the file does not hold, INVALID for a group of items,
 * REFUSED for an item named twice (par-index-links.c). */
gboolean
par_task_items_set (ParDatabase   *db,
                    gint64         task_id,
                    const gint64  *node_ids,
                    guint          n_nodes,
                    GError       **error)
{
  g_return_val_if_fail (PAR_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (node_ids != NULL || n_nodes == 0, FALSE);

  return par_index_links_set (db, &task_links, task_id, node_ids, n_nodes, error);
}

/* The tasks serving the item @node_id, the newest plan first, then by unit
 * and plan order, each with its status as of @as_of (the rules of
 * par_task_get_status()). None for an item no task serves. */
GPtrArray *
par_task_items_list_tasks (ParDatabase  *db,
                           gint64        node_id,
                           const GDate  *as_of,
                           GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) tasks = g_ptr_array_new_with_free_func ((GDestroyNotify) par_serving_task_free);
  int rc;

  g_return_val_if_fail (PAR_IS_DATABASE (db), NULL);
  g_return_val_if_fail (as_of != NULL && g_date_valid (as_of), NULL);

  stmt = par_database_prepare (db,
                               "SELECT ti.task_id, p.unit_id, u.code, u.name"
                               " FROM task_item ti JOIN task t ON t.id = ti.task_id"
                               " JOIN plan p ON p.id = t.plan_id JOIN org_unit u ON u.id = p.unit_id"
                               " WHERE ti.node_id = ? ORDER BY p.year DESC, u.code, t.position, t.id",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, node_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(ParServingTask) serving = g_new0 (ParServingTask, 1);

      serving->task = par_plans_get_task (db, sqlite3_column_int64 (stmt, 0), error);
      if (serving->task == NULL)
        return NULL;
      serving->unit_id = sqlite3_column_int64 (stmt, 1);
      serving->unit_code = par_sqlite_column_dup (stmt, 2);
      serving->unit_name = par_sqlite_column_dup (stmt, 3);
      serving->status = par_task_get_status (serving->task, as_of);
      g_ptr_array_add (tasks, g_steal_pointer (&serving));
    }
  if (rc != SQLITE_DONE)
    {
      par_database_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&tasks);
}
