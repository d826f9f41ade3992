/* par-task-items.c: the PAR Index items a plan task serves, and the tasks serving an item
 *
 * A task names the items of a criteria set its work is scored by ("issue
 * the year's plan" serves "1.1.1 plan issued on time"); an item's side pane
 * lists the tasks serving it with their status, so the plan and the score
 * meet. A task's items are set all at once, in one transaction written to
 * the audit log; only items are named, never the groups above them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "par-database-private.h"
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

static GPtrArray *
load_items (ParDatabase  *db,
            gint64        task_id,
            GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) par_task_item_free);
  int rc;

  stmt = par_database_prepare (db,
                               "SELECT n.id, n.set_id, s.year, s.name, n.code, n.title"
                               " FROM task_item ti JOIN criteria_node n ON n.id = ti.node_id"
                               " JOIN criteria_set s ON s.id = n.set_id"
                               " WHERE ti.task_id = ? ORDER BY ti.position, n.id",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, task_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ParTaskItem *item = g_new0 (ParTaskItem, 1);

      item->node_id = sqlite3_column_int64 (stmt, 0);
      item->set_id = sqlite3_column_int64 (stmt, 1);
      item->set_year = sqlite3_column_int (stmt, 2);
      item->set_name = par_sqlite_column_dup (stmt, 3);
      item->code = par_sqlite_column_dup (stmt, 4);
      item->title = par_sqlite_column_dup (stmt, 5);
      g_ptr_array_add (items, item);
    }
  if (rc != SQLITE_DONE)
    {
      par_database_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&items);
}

/* The items @task_id serves, in the order they were given, each with its
 * criteria set's name and year; NOT_FOUND for a task the file does not hold. */
GPtrArray *
par_task_items_list (ParDatabase  *db,
                     gint64        task_id,
                     GError      **error)
{
  g_return_val_if_fail (PAR_IS_DATABASE (db), NULL);

  if (!check_task (db, task_id, error))
    return NULL;
  return load_items (db, task_id, error);
}

/* Checks that each of @node_ids is an item of a criteria set (not a group)
 * and is named once; appends their codes to @codes, comma-separated. */
static gboolean
check_nodes (ParDatabase   *db,
             const gint64  *node_ids,
             guint          n_nodes,
             GString       *codes,
             GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = par_database_prepare (db,
                               "SELECT n.code, EXISTS (SELECT 1 FROM criteria_node c WHERE c.parent_id = n.id)"
                               " FROM criteria_node n WHERE n.id = ?",
                               error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < n_nodes; i++)
    {
      int rc;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, node_ids[i]);
      rc = sqlite3_step (stmt);
      if (rc != SQLITE_ROW)
        {
          if (rc == SQLITE_DONE)
            g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND,
                         _("There is no PAR Index item with id %lld."), (long long) node_ids[i]);
          else
            par_database_set_error (db, error);
          return FALSE;
        }
      if (sqlite3_column_int (stmt, 1))
        {
          g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID,
                       _("%s groups the items below it: name those items instead."),
                       (const char *) sqlite3_column_text (stmt, 0));
          return FALSE;
        }
      for (guint j = 0; j < i; j++)
        if (node_ids[j] == node_ids[i])
          {
            g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_REFUSED,
                         _("Item %s is named twice."), (const char *) sqlite3_column_text (stmt, 0));
            return FALSE;
          }
      if (codes->len > 0)
        g_string_append (codes, ",");
      g_string_append (codes, (const char *) sqlite3_column_text (stmt, 0));
    }
  return TRUE;
}

static gboolean
replace_links (ParDatabase   *db,
               gint64         task_id,
               const gint64  *node_ids,
               guint          n_nodes,
               GError       **error)
{
  g_autoptr(sqlite3_stmt) clear = par_database_prepare (db, "DELETE FROM task_item WHERE task_id = ?", error);
  g_autoptr(sqlite3_stmt) insert = NULL;

  if (clear == NULL)
    return FALSE;
  sqlite3_bind_int64 (clear, 1, task_id);
  if (!par_database_step_done (db, clear, error))
    return FALSE;
  insert = par_database_prepare (db, "INSERT INTO task_item (task_id, node_id, position) VALUES (?, ?, ?)", error);
  if (insert == NULL)
    return FALSE;
  for (guint i = 0; i < n_nodes; i++)
    {
      sqlite3_bind_int64 (insert, 1, task_id);
      sqlite3_bind_int64 (insert, 2, node_ids[i]);
      sqlite3_bind_int (insert, 3, (int) i);
      if (!par_database_step_done (db, insert, error))
        return FALSE;
    }
  return TRUE;
}

static char *
join_codes (GPtrArray *items)
{
  GString *codes = g_string_new (NULL);

  for (guint i = 0; i < items->len; i++)
    {
      ParTaskItem *item = g_ptr_array_index (items, i);

      if (i > 0)
        g_string_append (codes, ",");
      g_string_append (codes, item->code);
    }
  return g_string_free (codes, FALSE);
}

/* Makes @node_ids, in this order, the items @task_id serves, in place of
 * those it served (none: it serves none). All or nothing: NOT_FOUND for a
 * task or an item the file does not hold, INVALID for a group of items,
 * REFUSED for an item named twice. */
gboolean
par_task_items_set (ParDatabase   *db,
                    gint64         task_id,
                    const gint64  *node_ids,
                    guint          n_nodes,
                    GError       **error)
{
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GString) codes = g_string_new (NULL);
  g_autofree char *old_codes = NULL;
  gboolean ok;

  g_return_val_if_fail (PAR_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (node_ids != NULL || n_nodes == 0, FALSE);

  if (!par_database_begin (db, error))
    return FALSE;
  ok = check_task (db, task_id, error) && (before = load_items (db, task_id, error)) != NULL
       && check_nodes (db, node_ids, n_nodes, codes, error)
       && replace_links (db, task_id, node_ids, n_nodes, error);
  if (ok)
    {
      old_codes = join_codes (before);
      if (!g_str_equal (old_codes, codes->str))
        ok = par_database_audit (db, "task", task_id, "items", old_codes, codes->str, error);
    }
  if (!ok || !par_database_commit (db, error))
    {
      par_database_rollback (db);
      return FALSE;
    }
  par_database_emit_changed (db, PAR_CHANGE_PLANS);
  return TRUE;
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
