/* par-plan-row.c: one row of the Plan tree: an area's heading, or a task as of a date
 *
 * A task row keeps the status and percent worked out for the view's
 * as-of date. The view keeps its rows while a plan is shown and moves them
 * to another date in place: the cells follow the "status" and "percent"
 * notifications, so the table keeps its widgets instead of making them
 * all again. Both change together, before either is notified, so a row
 * never shows one date's status with another's percent.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "par-plan-row.h"

struct _ParPlanRow
{
  GObject        parent_instance;

  ParArea        area;
  ParTask       *task;       /* NULL for an area's heading */
  ParTaskStatus  status;
  guint          percent;
  GListStore    *children;   /* an area's tasks; NULL for a task */
};

G_DEFINE_FINAL_TYPE (ParPlanRow, par_plan_row, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_STATUS,
  PROP_PERCENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The heading of @area; its tasks are added to par_plan_row_get_children(). */
ParPlanRow *
par_plan_row_new_area (ParArea area)
{
  ParPlanRow *self = g_object_new (PAR_TYPE_PLAN_ROW, NULL);

  self->area = area;
  self->children = g_list_store_new (PAR_TYPE_PLAN_ROW);
  return self;
}

/* @task as it stood on @as_of. */
ParPlanRow *
par_plan_row_new_task (ParTask     *task,
                       const GDate *as_of)
{
  ParPlanRow *self;

  g_return_val_if_fail (PAR_IS_TASK (task), NULL);

  self = g_object_new (PAR_TYPE_PLAN_ROW, NULL);
  self->task = g_object_ref (task);
  self->area = par_task_get_area (task);
  self->status = par_task_get_status (task, as_of);
  self->percent = par_task_get_percent (task, as_of);
  return self;
}

ParArea
par_plan_row_get_area (ParPlanRow *self)
{
  g_return_val_if_fail (PAR_IS_PLAN_ROW (self), 0);
  return self->area;
}

/* The task, or NULL for an area's heading. */
ParTask *
par_plan_row_get_task (ParPlanRow *self)
{
  g_return_val_if_fail (PAR_IS_PLAN_ROW (self), NULL);
  return self->task;
}

ParTaskStatus
par_plan_row_get_status (ParPlanRow *self)
{
  g_return_val_if_fail (PAR_IS_PLAN_ROW (self), 0);
  return self->status;
}

guint
par_plan_row_get_percent (ParPlanRow *self)
{
  g_return_val_if_fail (PAR_IS_PLAN_ROW (self), 0);
  return self->percent;
}

/* The task as it stood on @as_of; TRUE if its status or percent changed. */
gboolean
par_plan_row_set_as_of (ParPlanRow  *self,
                        const GDate *as_of)
{
  ParTaskStatus status;
  guint percent;
  gboolean status_changed, percent_changed;

  g_return_val_if_fail (PAR_IS_PLAN_ROW (self), FALSE);
  g_return_val_if_fail (self->task != NULL, FALSE);

  status = par_task_get_status (self->task, as_of);
  percent = par_task_get_percent (self->task, as_of);
  status_changed = status != self->status;
  percent_changed = percent != self->percent;
  self->status = status;
  self->percent = percent;
  if (status_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS]);
  if (percent_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERCENT]);
  return status_changed || percent_changed;
}

/* An area's task rows; NULL for a task. */
GListStore *
par_plan_row_get_children (ParPlanRow *self)
{
  g_return_val_if_fail (PAR_IS_PLAN_ROW (self), NULL);
  return self->children;
}

/* The deadline as people write it: a date, "Q2", or "Ongoing". */
char *
par_plan_row_get_deadline_text (ParPlanRow *self)
{
  GDate date;

  g_return_val_if_fail (PAR_IS_PLAN_ROW (self), NULL);

  if (self->task == NULL)
    return g_strdup ("");
  switch (par_task_get_deadline_kind (self->task))
    {
    case PAR_DEADLINE_QUARTER:
      /* Translators: a deadline that is a quarter of the plan's year: Q1 to Q4 */
      return g_strdup_printf (C_("deadline", "Q%d"), par_task_get_deadline_quarter (self->task));
    case PAR_DEADLINE_ONGOING:
      /* Translators: a deadline of work that runs all year (thường xuyên) */
      return g_strdup (C_("deadline", "Ongoing"));
    case PAR_DEADLINE_DATE:
    case PAR_N_DEADLINE_KINDS:
    default:
      par_task_get_deadline_date (self->task, &date);
      return par_format_gdate (&date);
    }
}

/* The style class that colours a status (data/style.css). */
const char *
par_task_status_get_css_class (ParTaskStatus status)
{
  static const char *const classes[PAR_N_TASK_STATUSES] = {
    "task-not-started", "task-in-progress", "task-done", "task-done-late", "task-overdue", "task-cancelled",
  };

  g_return_val_if_fail (status < PAR_N_TASK_STATUSES, "");
  return classes[status];
}

static void
par_plan_row_dispose (GObject *object)
{
  ParPlanRow *self = PAR_PLAN_ROW (object);

  g_clear_object (&self->task);
  g_clear_object (&self->children);

  G_OBJECT_CLASS (par_plan_row_parent_class)->dispose (object);
}

static void
par_plan_row_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  ParPlanRow *self = PAR_PLAN_ROW (object);

  switch (prop_id)
    {
    case PROP_STATUS:
      g_value_set_uint (value, self->status);
      break;
    case PROP_PERCENT:
      g_value_set_uint (value, self->percent);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
par_plan_row_class_init (ParPlanRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = par_plan_row_dispose;
  object_class->get_property = par_plan_row_get_property;

  /* The task's status as of the row's date, a ParTaskStatus. */
  properties[PROP_STATUS] = g_param_spec_uint ("status", NULL, NULL, 0, PAR_N_TASK_STATUSES - 1, 0,
                                               G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The task's percent as of the row's date, 0 to 100. */
  properties[PROP_PERCENT] = g_param_spec_uint ("percent", NULL, NULL, 0, 100, 0,
                                                G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
par_plan_row_init (ParPlanRow *self)
{
}
