/* par-plan-report-data.h: the quarterly report of a plan, worked out: counts by area and by lead unit, the overdue tasks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "par-database.h"
#include "par-plan-area.h"
#include "par-plan-rules.h"

G_BEGIN_DECLS

/* One row of the counts: an area (number "III") or a lead unit ("1", "2"…),
 * or the Total (number ""). */
typedef struct
{
  char   *number;
  char   *name;
  guint   n[PAR_N_TASK_STATUSES];   /* tasks with each status as of the quarter's end */
  guint   tasks;                    /* all of them */
  gint64  completed_tenths;         /* par_plan_completed_tenths() */
} ParPlanReportRow;

/* One task overdue at the quarter's end. */
typedef struct
{
  char  *code;
  char  *title;
  char  *lead;          /* the lead unit's name */
  GDate  deadline;
  int    days_overdue;  /* from the deadline to the quarter's end */
  guint  percent;       /* as of the quarter's end */
} ParPlanReportOverdue;

typedef struct
{
  char             *plan_title;
  char             *unit_name;
  int               year;
  int               quarter;
  GDate             as_of;          /* the quarter's last day */
  char             *period;         /* "Quarter II 2026, as of 30/06/2026", in the UI language */
  ParPlanReportRow  areas[PAR_N_AREAS];     /* I to VII, zeros included */
  ParPlanReportRow  area_total;
  GArray           *leads;          /* ParPlanReportRow, by unit code */
  ParPlanReportRow  lead_total;
  GArray           *overdue;        /* ParPlanReportOverdue, by deadline then plan order */
} ParPlanReport;

ParPlanReport *par_plan_report_compute (ParDatabase    *db,
                                        gint64          plan_id,
                                        int             quarter,
                                        GError        **error);
void           par_plan_report_free    (ParPlanReport  *report);
char          *par_plan_format_tenths  (gint64          tenths);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ParPlanReport, par_plan_report_free)

G_END_DECLS
