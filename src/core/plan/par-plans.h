/* par-plans.h: the reform plans of a PAR Desk file, their tasks and progress
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "par-database.h"
#include "par-plan.h"
#include "par-task.h"

G_BEGIN_DECLS

/* A task to add: what par_plans_add_task() needs. */
typedef struct
{
  const char      *code;              /* NULL or "": the default code */
  const char      *title;
  ParArea          area;
  const char      *output;            /* or NULL */
  ParDeadlineKind  deadline_kind;
  GDate            deadline_date;     /* for PAR_DEADLINE_DATE */
  int              deadline_quarter;  /* for PAR_DEADLINE_QUARTER, 1 to 4 */
  gint64           lead_id;
  const gint64    *coordinating_ids;  /* in order; may be NULL when n_coordinating is 0 */
  guint            n_coordinating;
} ParTaskSpec;

char      *par_plans_default_title   (int                 year);
gint64     par_plans_create          (ParDatabase        *db,
                                      gint64              unit_id,
                                      int                 year,
                                      const char         *title,
                                      GError            **error);
GPtrArray *par_plans_list            (ParDatabase        *db,
                                      GError            **error);
ParPlan   *par_plans_get             (ParDatabase        *db,
                                      gint64              plan_id,
                                      GError            **error);

gint64     par_plans_add_task        (ParDatabase        *db,
                                      gint64              plan_id,
                                      const ParTaskSpec  *spec,
                                      GError            **error);
gboolean   par_plans_update_task     (ParDatabase        *db,
                                      gint64              task_id,
                                      const ParTaskSpec  *spec,
                                      GError            **error);
GPtrArray *par_plans_list_tasks      (ParDatabase        *db,
                                      gint64              plan_id,
                                      GError            **error);
ParTask   *par_plans_get_task        (ParDatabase        *db,
                                      gint64              task_id,
                                      GError            **error);
gboolean   par_plans_record_progress (ParDatabase        *db,
                                      gint64              task_id,
                                      const GDate        *date,
                                      guint               percent,
                                      const char         *note,
                                      GError            **error);
gboolean   par_plans_complete_task   (ParDatabase        *db,
                                      gint64              task_id,
                                      const GDate        *date,
                                      const char         *note,
                                      GError            **error);
gboolean   par_plans_cancel_task     (ParDatabase        *db,
                                      gint64              task_id,
                                      const GDate        *date,
                                      const char         *note,
                                      GError            **error);

G_END_DECLS
