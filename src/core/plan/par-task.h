/* par-task.h: one task of a reform plan, with its units and progress
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "par-plan-area.h"
#include "par-plan-rules.h"

G_BEGIN_DECLS

/* One progress entry: the percent reached on a date. Entries are kept in
 * date order, then in the order they were recorded (@id). */
typedef struct
{
  gint64  id;
  GDate   date;
  guint   percent;
  char   *note;
  char   *recorded_by;
} ParProgressEntry;

#define PAR_TYPE_TASK (par_task_get_type ())

G_DECLARE_FINAL_TYPE (ParTask, par_task, PAR, TASK, GObject)

ParTask         *par_task_new                  (gint64           id,
                                                gint64           plan_id,
                                                int              plan_year,
                                                const char      *code,
                                                const char      *title,
                                                ParArea          area,
                                                const char      *output);
void             par_task_set_deadline         (ParTask         *self,
                                                ParDeadlineKind  kind,
                                                const GDate     *date,
                                                int              quarter);
void             par_task_set_completed        (ParTask         *self,
                                                const GDate     *date);
void             par_task_set_cancelled        (ParTask         *self,
                                                const GDate     *date,
                                                const char      *note);
void             par_task_set_carried_from     (ParTask         *self,
                                                gint64           task_id);
void             par_task_add_unit             (ParTask         *self,
                                                gint64           unit_id,
                                                const char      *code,
                                                gboolean         lead);
void             par_task_add_progress         (ParTask         *self,
                                                gint64           id,
                                                const GDate     *date,
                                                guint            percent,
                                                const char      *note,
                                                const char      *recorded_by);

gint64           par_task_get_id               (ParTask         *self);
gint64           par_task_get_plan_id          (ParTask         *self);
int              par_task_get_plan_year        (ParTask         *self);
const char      *par_task_get_code             (ParTask         *self);
const char      *par_task_get_title            (ParTask         *self);
ParArea          par_task_get_area             (ParTask         *self);
const char      *par_task_get_output           (ParTask         *self);
ParDeadlineKind  par_task_get_deadline_kind    (ParTask         *self);
int              par_task_get_deadline_quarter (ParTask         *self);
void             par_task_get_deadline_date    (ParTask         *self,
                                                GDate           *date);
void             par_task_get_deadline         (ParTask         *self,
                                                GDate           *deadline);
gint64           par_task_get_lead_id          (ParTask         *self);
const char      *par_task_get_lead_code        (ParTask         *self);
GArray          *par_task_get_coordinating_ids (ParTask         *self);
GStrv            par_task_get_coordinating_codes (ParTask       *self);
gboolean         par_task_involves_unit        (ParTask         *self,
                                                gint64           unit_id);
gboolean         par_task_get_completed        (ParTask         *self,
                                                GDate           *date);
gboolean         par_task_get_cancelled        (ParTask         *self,
                                                GDate           *date);
const char      *par_task_get_cancel_note      (ParTask         *self);
gint64           par_task_get_carried_from     (ParTask         *self);
GPtrArray       *par_task_get_progress         (ParTask         *self);
guint            par_task_get_percent          (ParTask         *self,
                                                const GDate     *as_of);
ParTaskStatus    par_task_get_status           (ParTask         *self,
                                                const GDate     *as_of);

G_END_DECLS
