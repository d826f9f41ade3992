/* par-plan-rules.h: the rules of a plan that need no file: dates, deadlines, statuses, default codes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "par-plan-area.h"

G_BEGIN_DECLS

/* A task's status as of a date: worked out, never typed. */
typedef enum
{
  PAR_TASK_STATUS_NOT_STARTED,
  PAR_TASK_STATUS_IN_PROGRESS,
  PAR_TASK_STATUS_DONE,
  PAR_TASK_STATUS_DONE_LATE,
  PAR_TASK_STATUS_OVERDUE,
  PAR_TASK_STATUS_CANCELLED,
  PAR_N_TASK_STATUSES
} ParTaskStatus;

typedef enum
{
  PAR_DEADLINE_DATE,      /* a day */
  PAR_DEADLINE_QUARTER,   /* a quarter of the plan's year: its last day */
  PAR_DEADLINE_ONGOING,   /* all year (thường xuyên): 31 December of the plan's year */
  PAR_N_DEADLINE_KINDS
} ParDeadlineKind;

/* The years a plan may have. */
#define PAR_PLAN_MIN_YEAR 2000
#define PAR_PLAN_MAX_YEAR 2100

const char   *par_task_status_to_string   (ParTaskStatus    status);
gboolean      par_task_status_from_string (const char      *text,
                                           ParTaskStatus   *status);
const char   *par_task_status_get_label   (ParTaskStatus    status);

const char   *par_deadline_kind_to_string   (ParDeadlineKind  kind);
gboolean      par_deadline_kind_from_string (const char      *text,
                                             ParDeadlineKind *kind);

gboolean      par_plan_parse_date   (const char      *text,
                                     GDate           *date);
gboolean      par_plan_date_from_iso (const char     *iso,
                                     GDate           *date);
char         *par_plan_format_date  (const GDate     *date);
void          par_plan_today        (GDate           *date);
gboolean      par_plan_parse_year   (const char      *text,
                                     int             *year);

void          par_plan_deadline     (ParDeadlineKind  kind,
                                     const GDate     *date,
                                     int              quarter,
                                     int              year,
                                     GDate           *deadline);
ParTaskStatus par_task_status_as_of (const GDate     *as_of,
                                     const GDate     *deadline,
                                     const GDate     *completed_on,
                                     const GDate     *cancelled_on,
                                     guint            percent);
char         *par_plan_default_code (ParArea          area,
                                     GHashTable      *taken);
void          par_plan_move_date    (const GDate     *date,
                                     int              years,
                                     GDate           *moved);

G_END_DECLS
