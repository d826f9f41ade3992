/* par-plan-tally.c: a plan summed up as of a date: each lead unit's tasks by status, the overdue tasks, the deadlines ahead
 *
 * What the Plan view's header shows. Completion follows the quarterly
 * report's rule (done and done late over the tasks not cancelled), and the
 * lists are in the report's order: by deadline, then plan order.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "par-plan-tally.h"

/* The share completed, as the quarterly report has it. */
gint64
par_plan_completed_tenths (guint done,
                           guint done_late,
                           guint tasks,
                           guint cancelled)
{
  guint64 left = tasks > cancelled ? tasks - cancelled : 0;

  if (left == 0)
    return 0;
  /* (done + done late) × 1000 / left tenths, half rounded up: all is positive. */
  return (gint64) ((2 * ((guint64) done + done_late) * 1000 + left) / (2 * left));
}

static void
unit_tally_free (ParUnitTally *tally)
{
  g_free (tally->unit_code);
  g_free (tally);
}

/* The tasks the unit leads, whatever their status. */
guint
par_unit_tally_get_total (const ParUnitTally *tally)
{
  guint total = 0;

  for (guint i = 0; i < PAR_N_TASK_STATUSES; i++)
    total += tally->n[i];
  return total;
}

/* Completed (%) in tenths, 0 to 1000, as the quarterly report has it. */
gint64
par_unit_tally_get_completed_tenths (const ParUnitTally *tally)
{
  return par_plan_completed_tenths (tally->n[PAR_TASK_STATUS_DONE], tally->n[PAR_TASK_STATUS_DONE_LATE],
                                    par_unit_tally_get_total (tally), tally->n[PAR_TASK_STATUS_CANCELLED]);
}

static int
compare_tallies (gconstpointer a,
                 gconstpointer b)
{
  const ParUnitTally *x = *(ParUnitTally * const *) a;
  const ParUnitTally *y = *(ParUnitTally * const *) b;

  return strcmp (x->unit_code, y->unit_code);
}

/* One ParUnitTally for each unit leading a task of @tasks, by unit code. */
GPtrArray *
par_plan_tally_by_lead_unit (GPtrArray   *tasks,
                             const GDate *as_of)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  GPtrArray *tallies = g_ptr_array_new_with_free_func ((GDestroyNotify) unit_tally_free);

  g_return_val_if_fail (tasks != NULL, tallies);
  g_return_val_if_fail (as_of != NULL && g_date_valid (as_of), tallies);

  for (guint i = 0; i < tasks->len; i++)
    {
      ParTask *task = g_ptr_array_index (tasks, i);
      gint64 lead = par_task_get_lead_id (task);
      ParUnitTally *tally = g_hash_table_lookup (by_id, &lead);

      if (tally == NULL)
        {
          tally = g_new0 (ParUnitTally, 1);
          tally->unit_id = lead;
          tally->unit_code = g_strdup (par_task_get_lead_code (task) != NULL ? par_task_get_lead_code (task) : "");
          g_ptr_array_add (tallies, tally);
          g_hash_table_insert (by_id, &tally->unit_id, tally);
        }
      tally->n[par_task_get_status (task, as_of)]++;
    }
  g_ptr_array_sort (tallies, compare_tallies);
  return tallies;
}

typedef struct
{
  ParTask *task;
  GDate    deadline;
  guint    position;   /* in plan order */
} Dated;

static int
compare_dated (gconstpointer a,
               gconstpointer b)
{
  const Dated *x = a;
  const Dated *y = b;
  int by_deadline = g_date_compare (&x->deadline, &y->deadline);

  if (by_deadline != 0)
    return by_deadline;
  return x->position < y->position ? -1 : x->position > y->position;
}

static gboolean
is_overdue (ParTaskStatus status)
{
  return status == PAR_TASK_STATUS_OVERDUE;
}

/* Neither completed, cancelled nor overdue. */
static gboolean
is_open (ParTaskStatus status)
{
  return status == PAR_TASK_STATUS_NOT_STARTED || status == PAR_TASK_STATUS_IN_PROGRESS;
}

/* The tasks of @tasks whose status as of @as_of is @wanted and whose
 * deadline is from @first to @last (either NULL: no bound), by deadline
 * then plan order. */
static GPtrArray *
tasks_by_deadline (GPtrArray     *tasks,
                   const GDate   *as_of,
                   gboolean     (*wanted) (ParTaskStatus status),
                   const GDate   *first,
                   const GDate   *last)
{
  g_autoptr(GArray) dated = g_array_new (FALSE, FALSE, sizeof (Dated));
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < tasks->len; i++)
    {
      ParTask *task = g_ptr_array_index (tasks, i);
      Dated d = { task, { 0 }, i };

      if (!wanted (par_task_get_status (task, as_of)))
        continue;
      par_task_get_deadline (task, &d.deadline);
      if ((first != NULL && g_date_compare (&d.deadline, first) < 0)
          || (last != NULL && g_date_compare (&d.deadline, last) > 0))
        continue;
      g_array_append_val (dated, d);
    }
  g_array_sort (dated, compare_dated);
  for (guint i = 0; i < dated->len; i++)
    g_ptr_array_add (found, g_object_ref (g_array_index (dated, Dated, i).task));
  return found;
}

/* The ParTasks of @tasks overdue as of @as_of, by deadline then plan order. */
GPtrArray *
par_plan_tasks_overdue (GPtrArray   *tasks,
                        const GDate *as_of)
{
  g_return_val_if_fail (tasks != NULL, NULL);
  g_return_val_if_fail (as_of != NULL && g_date_valid (as_of), NULL);

  return tasks_by_deadline (tasks, as_of, is_overdue, NULL, NULL);
}

/* The ParTasks of @tasks still open as of @as_of (neither completed,
 * cancelled nor overdue) whose deadline falls within @days days from it,
 * @as_of itself included, by deadline then plan order. */
GPtrArray *
par_plan_tasks_due_within (GPtrArray   *tasks,
                           const GDate *as_of,
                           guint        days)
{
  GDate last;

  g_return_val_if_fail (tasks != NULL, NULL);
  g_return_val_if_fail (as_of != NULL && g_date_valid (as_of), NULL);

  last = *as_of;
  g_date_add_days (&last, days);
  return tasks_by_deadline (tasks, as_of, is_open, as_of, &last);
}
