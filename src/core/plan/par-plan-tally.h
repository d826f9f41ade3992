/* par-plan-tally.h: a plan summed up as of a date: each lead unit's tasks by status, the overdue tasks, the deadlines ahead
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "par-task.h"

G_BEGIN_DECLS

/* One lead unit's tasks, counted by status as of a date. */
typedef struct
{
  gint64  unit_id;
  char   *unit_code;
  guint   n[PAR_N_TASK_STATUSES];
} ParUnitTally;

/* The share completed: (done + done late) × 100 / (tasks − cancelled), in
 * tenths of a percent rounded half away from zero; 0 when nothing is left
 * to do. The quarterly report's Completed (%), and the header's. */
gint64     par_plan_completed_tenths           (guint               done,
                                                guint               done_late,
                                                guint               tasks,
                                                guint               cancelled);

guint      par_unit_tally_get_total            (const ParUnitTally *tally);
gint64     par_unit_tally_get_completed_tenths (const ParUnitTally *tally);

GPtrArray *par_plan_tally_by_lead_unit (GPtrArray   *tasks,
                                        const GDate *as_of);
GPtrArray *par_plan_tasks_overdue      (GPtrArray   *tasks,
                                        const GDate *as_of);
GPtrArray *par_plan_tasks_due_within   (GPtrArray   *tasks,
                                        const GDate *as_of,
                                        guint        days);

G_END_DECLS
