/* par-demo-task-items.c: the PAR Index items the sample plan's tasks serve, for par-demo-plan.c
 *
 * Most tasks of the Department of Home Affairs' plan name the items of the
 * departments' sample criteria set their work is scored by: "Ban hành kế
 * hoạch cải cách hành chính năm 2025" serves 1.1.1 (the year's plan issued
 * on time) and 1.1.2, and so on; a few serve none. The tasks are found by
 * their default codes (I.1, I.2, …), the set by its level and year.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "par-criteria-set.h"
#include "par-demo-task-items.h"
#include "par-plans.h"
#include "par-task-items.h"

typedef struct
{
  const char *task;    /* the task's code */
  const char *items;   /* item codes, comma-separated */
} DemoTaskItems;

static const DemoTaskItems demo_task_items[] = {
  { "I.1", "1.1.1,1.1.2" },   { "I.2", "1.4" },         { "I.3", "1.3.1,1.3.2" }, { "I.4", "1.2" },
  { "I.5", "8.1" },           { "II.1", "2.2.2" },      { "II.2", "2.3" },        { "II.3", "2.1.2" },
  { "III.1", "3.1.2,3.1.3" }, { "III.2", "3.2.1" },     { "III.3", "3.3.4" },     { "III.4", "3.2.2" },
  { "IV.1", "4.1" },          { "IV.2", "4.3" },        { "IV.3", "4.2.1" },      { "V.1", "5.1.2" },
  { "V.2", "5.2" },           { "V.3", "5.3.2" },       { "V.4", "5.4.1" },       { "VI.1", "6.3.2" },
  { "VI.2", "6.1.2" },        { "VI.3", "6.2.1" },      { "VII.1", "7.1.2" },     { "VII.2", "7.2.1" },
  { "VII.3", "7.1.1" },
};

/* The departments' set of @year, loaded; NULL if the demo has none. The
 * sample inspections name its items too (par-demo-inspections.c). */
ParCriteriaSet *
par_demo_find_department_set (ParDatabase  *db,
                              int           year,
                              GError      **error)
{
  g_autoptr(GPtrArray) sets = par_criteria_set_list (db, error);

  for (guint i = 0; sets != NULL && i < sets->len; i++)
    {
      ParCriteriaSet *set = g_ptr_array_index (sets, i);

      if (par_criteria_set_get_level (set) == PAR_UNIT_LEVEL_DEPARTMENT && par_criteria_set_get_year (set) == year)
        return par_criteria_set_load (db, par_criteria_set_get_id (set), error);
    }
  return NULL;
}

/* The ids of the items @codes ("1.1.1,3.2") names in @set; NULL if one is
 * missing (a mistake in the sample). */
GArray *
par_demo_item_ids (ParCriteriaSet *set,
                   const char     *codes)
{
  g_auto(GStrv) split = g_strsplit (codes, ",", -1);
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; split[i] != NULL; i++)
    {
      ParCriteriaNode *node = par_criteria_set_find_node (set, split[i]);
      gint64 id;

      g_return_val_if_fail (node != NULL, NULL);
      id = par_criteria_node_get_id (node);
      g_array_append_val (ids, id);
    }
  return g_steal_pointer (&ids);
}

static gboolean
link_task (ParDatabase          *db,
           ParCriteriaSet       *set,
           ParTask              *task,
           const DemoTaskItems  *links,
           GError              **error)
{
  g_autoptr(GArray) ids = par_demo_item_ids (set, links->items);

  g_return_val_if_fail (ids != NULL, FALSE);
  return par_task_items_set (db, par_task_get_id (task), (const gint64 *) (gpointer) ids->data, ids->len, error);
}

/* Links the tasks of @plan_id to the items they serve. */
gboolean
par_demo_task_items_fill (ParDatabase  *db,
                          gint64        plan_id,
                          GError      **error)
{
  g_autoptr(ParPlan) plan = par_plans_get (db, plan_id, error);
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(ParCriteriaSet) set = NULL;

  if (plan == NULL || (tasks = par_plans_list_tasks (db, plan_id, error)) == NULL)
    return FALSE;
  set = par_demo_find_department_set (db, par_plan_get_year (plan), error);
  if (set == NULL)
    return error == NULL || *error == NULL;
  for (guint i = 0; i < tasks->len; i++)
    {
      ParTask *task = g_ptr_array_index (tasks, i);

      for (gsize j = 0; j < G_N_ELEMENTS (demo_task_items); j++)
        if (g_str_equal (par_task_get_code (task), demo_task_items[j].task)
            && !link_task (db, set, task, &demo_task_items[j], error))
          return FALSE;
    }
  return TRUE;
}
