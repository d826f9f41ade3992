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
#include <stdlib.h>

#include "par-plan-export-private.h"
#include "par-plan-report.h"

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

typedef struct
{
  gint64       unit_id;
  const char  *code;
  guint        n[PAR_N_TASK_STATUSES];
} LeadCount;

static int
compare_lead_counts (gconstpointer a,
                     gconstpointer b)
{
  const LeadCount *x = *(LeadCount * const *) a;
  const LeadCount *y = *(LeadCount * const *) b;

  return strcmp (x->code, y->code);
}

/* One row for each unit leading a task, by unit code, numbered 1, 2, 3… */
static void
count_by_lead (ParPlanReport *report,
               ParPlanData   *data)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) counts = g_ptr_array_new_with_free_func (g_free);

  total_row_init (&report->lead_total);
  for (guint i = 0; i < data->tasks->len; i++)
    {
      ParTask *task = g_ptr_array_index (data->tasks, i);
      gint64 lead = par_task_get_lead_id (task);
      ParTaskStatus status = par_task_get_status (task, &report->as_of);
      LeadCount *count = g_hash_table_lookup (by_id, &lead);

      if (count == NULL)
        {
          count = g_new0 (LeadCount, 1);
          count->unit_id = lead;
          count->code = par_task_get_lead_code (task) != NULL ? par_task_get_lead_code (task) : "";
          g_ptr_array_add (counts, count);
          g_hash_table_insert (by_id, &count->unit_id, count);
        }
      count->n[status]++;
      report->lead_total.n[status]++;
    }
  g_ptr_array_sort (counts, compare_lead_counts);
  for (guint i = 0; i < counts->len; i++)
    {
      LeadCount *count = g_ptr_array_index (counts, i);
      ParPlanReportRow row = { g_strdup_printf ("%u", i + 1),
                               g_strdup (par_plan_data_unit_name (data, count->unit_id)) };

      memcpy (row.n, count->n, sizeof row.n);
      row_finish (&row);
      g_array_append_val (report->leads, row);
    }
  row_finish (&report->lead_total);
}

typedef struct
{
  ParTask *task;
  GDate    deadline;
  guint    position;   /* in plan order */
} OverdueTask;

static int
compare_overdue (const void *a,
                 const void *b)
{
  const OverdueTask *x = a;
  const OverdueTask *y = b;
  int by_deadline = g_date_compare (&x->deadline, &y->deadline);

  if (by_deadline != 0)
    return by_deadline;
  return x->position < y->position ? -1 : x->position > y->position;
}

/* The tasks overdue at the quarter's end, by deadline then plan order. */
static void
list_overdue (ParPlanReport *report,
              ParPlanData   *data)
{
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (OverdueTask));

  for (guint i = 0; i < data->tasks->len; i++)
    {
      OverdueTask o = { g_ptr_array_index (data->tasks, i), { 0 }, i };

      if (par_task_get_status (o.task, &report->as_of) != PAR_TASK_STATUS_OVERDUE)
        continue;
      par_task_get_deadline (o.task, &o.deadline);
      g_array_append_val (found, o);
    }
  qsort (found->data, found->len, sizeof (OverdueTask), compare_overdue);
  for (guint i = 0; i < found->len; i++)
    {
      OverdueTask *o = &g_array_index (found, OverdueTask, i);
      ParPlanReportOverdue row = {
        g_strdup (par_task_get_code (o->task)),
        g_strdup (par_task_get_title (o->task)),
        g_strdup (par_plan_data_unit_name (data, par_task_get_lead_id (o->task))),
        o->deadline,
        g_date_days_between (&o->deadline, &report->as_of),
        par_task_get_percent (o->task, &report->as_of),
      };

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
