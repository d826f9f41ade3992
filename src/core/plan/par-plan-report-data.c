/* par-plan-report-data.c: the quarterly report worked out: the rows the workbook and the printed report both show
 *
 * Worked out as of the quarter's last day in the plan's year: what is
 * recorded later does not count. The workbook (par-plan-report.c) and the
 * Plan view's printing take their numbers from here, so the paper and the
 * file never disagree.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "par-plan-export-private.h"
#include "par-plan-report-data.h"
#include "par-plan-tally.h"

static const char *
quarter_numeral (int quarter)
{
  static const char *const numerals[] = { "I", "II", "III", "IV" };

  return numerals[CLAMP (quarter, 1, 4) - 1];
}

/* @tenths of a percent with one decimal, in the locale's way ("66,7"). */
char *
par_plan_format_tenths (gint64 tenths)
{
  /* Translators: the decimal separator of numbers (a comma in Vietnamese) */
  const char *separator = C_("decimal separator", ".");
  guint64 magnitude = tenths < 0 ? (guint64) -(tenths + 1) + 1 : (guint64) tenths;

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT "%s%u", tenths < 0 ? "-" : "", magnitude / 10, separator,
                          (guint) (magnitude % 10));
}

static void
row_clear (gpointer data)
{
  ParPlanReportRow *row = data;

  g_clear_pointer (&row->number, g_free);
  g_clear_pointer (&row->name, g_free);
}

static void
overdue_clear (gpointer data)
{
  ParPlanReportOverdue *o = data;

  g_clear_pointer (&o->code, g_free);
  g_clear_pointer (&o->title, g_free);
  g_clear_pointer (&o->lead, g_free);
}

void
par_plan_report_free (ParPlanReport *report)
{
  if (report == NULL)
    return;
  for (guint a = 0; a < PAR_N_AREAS; a++)
    row_clear (&report->areas[a]);
  row_clear (&report->area_total);
  row_clear (&report->lead_total);
  g_clear_pointer (&report->leads, g_array_unref);
  g_clear_pointer (&report->overdue, g_array_unref);
  g_free (report->plan_title);
  g_free (report->unit_name);
  g_free (report->period);
  g_free (report);
}

/* Tasks and Completed (%) of a row whose counts are in. */
static void
row_finish (ParPlanReportRow *row)
{
  row->tasks = 0;
  for (guint s = 0; s < PAR_N_TASK_STATUSES; s++)
    row->tasks += row->n[s];
  row->completed_tenths = par_plan_completed_tenths (row->n[PAR_TASK_STATUS_DONE], row->n[PAR_TASK_STATUS_DONE_LATE],
                                                     row->tasks, row->n[PAR_TASK_STATUS_CANCELLED]);
}

static void
total_row_init (ParPlanReportRow *total)
{
  total->number = g_strdup ("");
  /* Translators: the last row of the quarterly report's tables */
  total->name = g_strdup (C_("plan report", "Total"));
}

static void
count_by_area (ParPlanReport *report,
               ParPlanData   *data)
{
  for (ParArea area = 0; area < PAR_N_AREAS; area++)
    {
      report->areas[area].number = g_strdup (par_area_get_numeral (area));
      report->areas[area].name = g_strdup (par_area_get_name (area));
    }
  total_row_init (&report->area_total);
  for (guint i = 0; i < data->tasks->len; i++)
    {
      ParTask *task = g_ptr_array_index (data->tasks, i);
      ParTaskStatus status = par_task_get_status (task, &report->as_of);

      report->areas[par_task_get_area (task)].n[status]++;
      report->area_total.n[status]++;
    }
  for (ParArea area = 0; area < PAR_N_AREAS; area++)
    row_finish (&report->areas[area]);
  row_finish (&report->area_total);
}

/* One row for each unit leading a task, by unit code, numbered 1, 2, 3…
 * (par-plan-tally.c counts them, as for the Plan view's header). */
static void
count_by_lead (ParPlanReport *report,
               ParPlanData   *data)
{
  g_autoptr(GPtrArray) tallies = par_plan_tally_by_lead_unit (data->tasks, &report->as_of);

  total_row_init (&report->lead_total);
  for (guint i = 0; i < tallies->len; i++)
    {
      ParUnitTally *tally = g_ptr_array_index (tallies, i);
      ParPlanReportRow row = { g_strdup_printf ("%u", i + 1),
                               g_strdup (par_plan_data_unit_name (data, tally->unit_id)) };

      for (guint s = 0; s < PAR_N_TASK_STATUSES; s++)
        report->lead_total.n[s] += tally->n[s];
      memcpy (row.n, tally->n, sizeof row.n);
      row_finish (&row);
      g_array_append_val (report->leads, row);
    }
  row_finish (&report->lead_total);
}

/* The tasks overdue at the quarter's end, by deadline then plan order. */
static void
list_overdue (ParPlanReport *report,
              ParPlanData   *data)
{
  g_autoptr(GPtrArray) overdue = par_plan_tasks_overdue (data->tasks, &report->as_of);

  for (guint i = 0; i < overdue->len; i++)
    {
      ParTask *task = g_ptr_array_index (overdue, i);
      ParPlanReportOverdue row = {
        g_strdup (par_task_get_code (task)),
        g_strdup (par_task_get_title (task)),
        g_strdup (par_plan_data_unit_name (data, par_task_get_lead_id (task))),
        { 0 },
        0,
        par_task_get_percent (task, &report->as_of),
      };

      par_task_get_deadline (task, &row.deadline);
      row.days_overdue = g_date_days_between (&row.deadline, &report->as_of);
      g_array_append_val (report->overdue, row);
    }
}

/* The report of quarter @quarter (1 to 4) of the loaded plan. */
ParPlanReport *
par_plan_report_from_data (ParPlanData *data,
                           int          quarter)
{
  ParPlanReport *report = g_new0 (ParPlanReport, 1);
  char day[16];

  g_return_val_if_fail (quarter >= 1 && quarter <= 4, NULL);

  report->plan_title = g_strdup (par_plan_get_title (data->plan));
  report->unit_name = g_strdup (par_unit_get_name (data->unit));
  report->year = par_plan_get_year (data->plan);
  report->quarter = quarter;
  par_plan_deadline (PAR_DEADLINE_QUARTER, NULL, quarter, report->year, &report->as_of);
  g_snprintf (day, sizeof day, "%02d/%02d/%04d", g_date_get_day (&report->as_of), g_date_get_month (&report->as_of),
              g_date_get_year (&report->as_of));
  /* Translators: the quarterly report's title row: the quarter's numeral, the year, its last day */
  report->period = g_strdup_printf (C_("plan report", "Quarter %s %d, as of %s"), quarter_numeral (quarter),
                                    report->year, day);
  report->leads = g_array_new (FALSE, TRUE, sizeof (ParPlanReportRow));
  g_array_set_clear_func (report->leads, row_clear);
  report->overdue = g_array_new (FALSE, TRUE, sizeof (ParPlanReportOverdue));
  g_array_set_clear_func (report->overdue, overdue_clear);
  count_by_area (report, data);
  count_by_lead (report, data);
  list_overdue (report, data);
  return report;
}

/* The quarterly report of quarter @quarter (1 to 4) of @plan_id, as of
 * that quarter's last day in the plan's year, in the UI language; NULL
 * with @error set (NOT_FOUND for a plan the file does not hold). */
ParPlanReport *
par_plan_report_compute (ParDatabase  *db,
                         gint64        plan_id,
                         int           quarter,
                         GError      **error)
{
  ParPlanData data;
  ParPlanReport *report = NULL;

  g_return_val_if_fail (PAR_IS_DATABASE (db), NULL);
  g_return_val_if_fail (quarter >= 1 && quarter <= 4, NULL);

  if (par_plan_data_load (&data, db, plan_id, error))
    report = par_plan_report_from_data (&data, quarter);
  par_plan_data_clear (&data);
  return report;
}
