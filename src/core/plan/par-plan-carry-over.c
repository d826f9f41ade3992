/* par-plan-carry-over.c: a plan's unfinished tasks copied into the same unit's plan of a later year
 *
 * Unfinished is as recorded when it runs: neither completed nor cancelled,
 * whatever the dates. A copy keeps the code, title, area, output and units;
 * a quarter stays a quarter, ongoing stays ongoing, a date moves by the
 * years between the plans (29 February becomes 28 February); progress stays
 * with the original. Each copy names its original (task.carried_from), so
 * carrying a plan over again copies nothing more.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "par-database-private.h"
#include "par-plan-carry-over.h"
#include "par-plans-private.h"

/* The originals already carried into the plan @plan_id, as a set of ids. */
static GHashTable *
load_carried (ParDatabase  *db,
              gint64        plan_id,
              GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) carried = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  int rc;

  stmt = par_database_prepare (db, "SELECT carried_from FROM task WHERE plan_id = ? AND carried_from IS NOT NULL",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, plan_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (carried, g_memdup2 (&(gint64) { sqlite3_column_int64 (stmt, 0) }, sizeof (gint64)));
  if (rc != SQLITE_DONE)
    {
      par_database_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&carried);
}

/* Copies @task into @target_id, @years later; its code if @taken lacks it,
 * else a default code. */
static gboolean
copy_task (ParDatabase  *db,
           ParTask      *task,
           gint64        target_id,
           int           years,
           GHashTable   *taken,
           GError      **error)
{
  GArray *coordinating = par_task_get_coordinating_ids (task);
  ParTaskSpec spec = {
    .code = par_task_get_code (task),
    .title = par_task_get_title (task),
    .area = par_task_get_area (task),
    .output = par_task_get_output (task),
    .deadline_kind = par_task_get_deadline_kind (task),
    .deadline_quarter = par_task_get_deadline_quarter (task),
    .lead_id = par_task_get_lead_id (task),
    .coordinating_ids = (const gint64 *) (gpointer) coordinating->data,
    .n_coordinating = coordinating->len,
  };
  GDate date;

  if (g_hash_table_contains (taken, spec.code))
    spec.code = NULL;
  par_task_get_deadline_date (task, &date);
  par_plan_move_date (&date, years, &spec.deadline_date);
  return par_plans_insert_task (db, target_id, &spec, par_task_get_id (task), taken, error) != 0;
}

/* Copies the tasks of @tasks that are still open and not yet in @target_id. */
static gboolean
copy_open_tasks (ParDatabase  *db,
                 GPtrArray    *tasks,
                 gint64        target_id,
                 int           years,
                 GError      **error)
{
  g_autoptr(GHashTable) taken = par_plans_load_codes (db, target_id, error);
  g_autoptr(GHashTable) carried = taken != NULL ? load_carried (db, target_id, error) : NULL;

  if (carried == NULL)
    return FALSE;
  for (guint i = 0; i < tasks->len; i++)
    {
      ParTask *task = g_ptr_array_index (tasks, i);
      gint64 id = par_task_get_id (task);

      if (par_task_get_completed (task, NULL) || par_task_get_cancelled (task, NULL)
          || g_hash_table_contains (carried, &id))
        continue;
      if (!copy_task (db, task, target_id, years, taken, error))
        return FALSE;
    }
  return TRUE;
}

/* Copies the plan's unfinished tasks into the same unit's plan for @year,
 * created with the default title if there is none; that plan's id, or 0
 * with @error set (NOT_FOUND for an unknown plan, REFUSED for a year that
 * is not later than the plan's). */
gint64
par_plans_carry_over (ParDatabase  *db,
                      gint64        plan_id,
                      int           year,
                      GError      **error)
{
  g_autoptr(ParPlan) plan = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  gint64 target_id;

  g_return_val_if_fail (PAR_IS_DATABASE (db), 0);

  if (!par_database_begin (db, error))
    return 0;
  plan = par_plans_get (db, plan_id, error);
  if (plan != NULL && year <= par_plan_get_year (plan))
    {
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_REFUSED,
                   _("Tasks are carried into a later year than the plan’s (%d)."), par_plan_get_year (plan));
      g_clear_object (&plan);
    }
  tasks = plan != NULL ? par_plans_list_tasks (db, plan_id, error) : NULL;
  target_id = tasks != NULL ? par_plans_find_id (db, par_plan_get_unit_id (plan), year, error) : -1;
  if (target_id == 0)
    target_id = par_plans_insert (db, par_plan_get_unit_id (plan), year, NULL, error);
  if (target_id <= 0 || !copy_open_tasks (db, tasks, target_id, year - par_plan_get_year (plan), error)
      || !par_database_commit (db, error))
    {
      par_database_rollback (db);
      return 0;
    }
  par_database_emit_changed (db, PAR_CHANGE_PLANS);
  return target_id;
}
