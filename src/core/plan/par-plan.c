/* par-plan.c: one unit's reform plan for one year
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "par-plan.h"

struct _ParPlan
{
  GObject  parent_instance;

  gint64   id;
  gint64   unit_id;
  char    *unit_code;
  int      year;
  char    *title;
  guint    n_tasks;
};

G_DEFINE_TYPE (ParPlan, par_plan, G_TYPE_OBJECT)

static void
par_plan_finalize (GObject *object)
{
  ParPlan *self = PAR_PLAN (object);

  g_free (self->unit_code);
  g_free (self->title);
  G_OBJECT_CLASS (par_plan_parent_class)->finalize (object);
}

static void
par_plan_class_init (ParPlanClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = par_plan_finalize;
}

static void
par_plan_init (ParPlan *self)
{
}

/* @n_tasks counts every task of the plan, cancelled ones included. */
ParPlan *
par_plan_new (gint64      id,
              gint64      unit_id,
              const char *unit_code,
              int         year,
              const char *title,
              guint       n_tasks)
{
  ParPlan *self = g_object_new (PAR_TYPE_PLAN, NULL);

  self->id = id;
  self->unit_id = unit_id;
  self->unit_code = g_strdup (unit_code);
  self->year = year;
  self->title = g_strdup (title);
  self->n_tasks = n_tasks;
  return self;
}

gint64
par_plan_get_id (ParPlan *self)
{
  g_return_val_if_fail (PAR_IS_PLAN (self), 0);
  return self->id;
}

gint64
par_plan_get_unit_id (ParPlan *self)
{
  g_return_val_if_fail (PAR_IS_PLAN (self), 0);
  return self->unit_id;
}

const char *
par_plan_get_unit_code (ParPlan *self)
{
  g_return_val_if_fail (PAR_IS_PLAN (self), NULL);
  return self->unit_code;
}

int
par_plan_get_year (ParPlan *self)
{
  g_return_val_if_fail (PAR_IS_PLAN (self), 0);
  return self->year;
}

const char *
par_plan_get_title (ParPlan *self)
{
  g_return_val_if_fail (PAR_IS_PLAN (self), NULL);
  return self->title;
}

guint
par_plan_get_n_tasks (ParPlan *self)
{
  g_return_val_if_fail (PAR_IS_PLAN (self), 0);
  return self->n_tasks;
}
