/* par-plan-report.c: the quarterly report of a plan as a workbook: tasks by status per area and per lead unit, and the overdue ones
 *
 * The numbers come from par-plan-report-data.c (the printed report shows
 * the same). Three sheets (docs/plan-workbooks.md): counts by area (all
 * seven), counts by lead unit (by unit code), and the tasks overdue, by
 * deadline then plan order. Tasks and Completed (%) are formulas, and so
 * is the Total row, written with their values cached so that a reader
 * that does not recalculate shows the same numbers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "par-plan-export-private.h"

enum {
  COL_NUMBER, COL_NAME, COL_TASKS, COL_DONE, COL_DONE_LATE, COL_IN_PROGRESS, COL_NOT_STARTED, COL_OVERDUE,
  COL_CANCELLED, COL_COMPLETED, N_COLUMNS
};

enum {
  OD_NUMBER, OD_CODE, OD_TASK, OD_LEAD, OD_DEADLINE, OD_DAYS, OD_PROGRESS, N_OVERDUE_COLUMNS
};

#define HEADER_ROW 4

/* The status counted in each count column, from COL_DONE on. */
static const ParTaskStatus count_columns[] = {
  PAR_TASK_STATUS_DONE, PAR_TASK_STATUS_DONE_LATE, PAR_TASK_STATUS_IN_PROGRESS, PAR_TASK_STATUS_NOT_STARTED,
  PAR_TASK_STATUS_OVERDUE, PAR_TASK_STATUS_CANCELLED,
};

typedef struct
{
  ParPlanFormats *f;
  ParPlanData    *data;
  ParPlanReport  *report;
} Report;

static void
write_title_rows (Report        *r,
                  lxw_worksheet *sheet,
                  lxw_col_t      last_col)
{
  par_plan_write_title_rows (r->f, sheet, r->data, last_col);
  par_workbook_merge_text (r->f->book, sheet, 2, 0, last_col, r->report->period, r->f->subtitle);
}

/* Tasks, the counts and Completed (%) of one row; the counts are numbers,
 * or on the Total row SUM formulas over @first_row to @last_row. */
static void
write_counts (Report                 *r,
              lxw_worksheet          *sheet,
              lxw_row_t               row,
              const ParPlanReportRow *counts,
              gboolean                total,
              lxw_row_t               first_row,
              lxw_row_t               last_row)
{
  ParPlanFormats *f = r->f;
  lxw_format *number = total ? f->total_number : f->number;
  char first[16], last[16], c_tasks[16], c_done[16], c_late[16], c_cancelled[16];
  g_autofree char *tasks_formula = NULL;
  g_autofree char *percent_formula = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (count_columns); i++)
    {
      lxw_col_t col = COL_DONE + i;
      guint value = counts->n[count_columns[i]];

      if (!total)
        {
          worksheet_write_number (sheet, row, col, value, number);
          continue;
        }
      lxw_rowcol_to_cell (first, first_row, col);
      lxw_rowcol_to_cell (last, last_row, col);
      {
        g_autofree char *formula = last_row >= first_row ? g_strdup_printf ("=SUM(%s:%s)", first, last)
                                                         : g_strdup ("=0");

        worksheet_write_formula_num (sheet, row, col, formula, number, value);
      }
    }
  lxw_rowcol_to_cell (first, row, COL_DONE);
  lxw_rowcol_to_cell (last, row, COL_CANCELLED);
  tasks_formula = g_strdup_printf ("=SUM(%s:%s)", first, last);
  worksheet_write_formula_num (sheet, row, COL_TASKS, tasks_formula, number, counts->tasks);
  lxw_rowcol_to_cell (c_tasks, row, COL_TASKS);
  lxw_rowcol_to_cell (c_done, row, COL_DONE);
  lxw_rowcol_to_cell (c_late, row, COL_DONE_LATE);
  lxw_rowcol_to_cell (c_cancelled, row, COL_CANCELLED);
  percent_formula = g_strdup_printf ("=IF(%s-%s=0,0,ROUND((%s+%s)*100/(%s-%s),1))", c_tasks, c_cancelled, c_done,
                                     c_late, c_tasks, c_cancelled);
  worksheet_write_formula_num (sheet, row, COL_COMPLETED, percent_formula, total ? f->total_percent : f->percent,
                               counts->completed_tenths / 10.0);
}

static void
write_count_header (Report        *r,
                    lxw_worksheet *sheet,
                    const char    *second)
{
  const char *labels[N_COLUMNS] = {
    C_("plan report", "No."),
    second,
    C_("plan report", "Tasks"),
    C_("plan report", "Done"),
    C_("plan report", "Done late"),
    C_("plan report", "In progress"),
    C_("plan report", "Not started"),
    C_("plan report", "Overdue"),
    C_("plan report", "Cancelled"),
    C_("plan report", "Completed (%)"),
  };
  static const double widths[N_COLUMNS] = { 7, 46, 10, 12, 12, 12, 12, 10, 10, 13 };

  par_plan_write_header (r->f, sheet, HEADER_ROW, labels, widths, N_COLUMNS);
}

/* The row of the totals after @n_rows rows, and the sheet's pages. */
static void
write_total_row (Report                 *r,
                 lxw_worksheet          *sheet,
                 guint                   n_rows,
                 const ParPlanReportRow *total)
{
  lxw_row_t row = HEADER_ROW + 1 + n_rows;

  worksheet_write_blank (sheet, row, COL_NUMBER, r->f->total_text);
  par_workbook_write_text (r->f->book, sheet, row, COL_NAME, total->name, r->f->total_text, NULL);
  write_counts (r, sheet, row, total, TRUE, HEADER_ROW + 1, row - 1);
  par_plan_set_up_pages (sheet, HEADER_ROW);
}

/* Sheet 1: every area, I to VII, zeros included. */
static void
write_area_sheet (Report *r)
{
  lxw_worksheet *sheet = workbook_add_worksheet (r->f->workbook, C_("sheet name", "By area"));

  write_title_rows (r, sheet, N_COLUMNS - 1);
  write_count_header (r, sheet, C_("plan report", "Area"));
  for (ParArea area = 0; area < PAR_N_AREAS; area++)
    {
      const ParPlanReportRow *counts = &r->report->areas[area];
      lxw_row_t row = HEADER_ROW + 1 + area;

      par_workbook_write_text (r->f->book, sheet, row, COL_NUMBER, counts->number, r->f->centered, NULL);
      par_workbook_write_text (r->f->book, sheet, row, COL_NAME, counts->name, r->f->text, NULL);
      write_counts (r, sheet, row, counts, FALSE, 0, 0);
    }
  write_total_row (r, sheet, PAR_N_AREAS, &r->report->area_total);
}

/* Sheet 2: the lead units, numbered 1, 2, 3… */
static void
write_lead_sheet (Report *r)
{
  lxw_worksheet *sheet = workbook_add_worksheet (r->f->workbook, C_("sheet name", "By lead unit"));
  GArray *rows = r->report->leads;

  write_title_rows (r, sheet, N_COLUMNS - 1);
  write_count_header (r, sheet, C_("plan report", "Lead unit"));
  for (guint i = 0; i < rows->len; i++)
    {
      const ParPlanReportRow *counts = &g_array_index (rows, ParPlanReportRow, i);
      lxw_row_t row = HEADER_ROW + 1 + i;

      worksheet_write_number (sheet, row, COL_NUMBER, i + 1, r->f->centered);
      par_workbook_write_text (r->f->book, sheet, row, COL_NAME, counts->name, r->f->text, NULL);
      write_counts (r, sheet, row, counts, FALSE, 0, 0);
    }
  write_total_row (r, sheet, rows->len, &r->report->lead_total);
}

static void
write_overdue_header (Report        *r,
                      lxw_worksheet *sheet)
{
  const char *labels[N_OVERDUE_COLUMNS] = {
    C_("plan report", "No."),
    C_("plan report", "Code"),
    C_("plan report", "Task"),
    C_("plan report", "Lead unit"),
    C_("plan report", "Deadline"),
    C_("plan report", "Days overdue"),
    C_("plan report", "Progress (%)"),
  };
  static const double widths[N_OVERDUE_COLUMNS] = { 7, 10, 56, 30, 12, 12, 12 };

  par_plan_write_header (r->f, sheet, HEADER_ROW, labels, widths, N_OVERDUE_COLUMNS);
}

static void
write_overdue_row (Report                     *r,
                   lxw_worksheet              *sheet,
                   lxw_row_t                   row,
                   guint                       number,
                   const ParPlanReportOverdue *o)
{
  ParPlanFormats *f = r->f;

  worksheet_write_number (sheet, row, OD_NUMBER, number, f->centered);
  par_workbook_write_text (f->book, sheet, row, OD_CODE, o->code, f->centered, o->code);
  par_workbook_write_text (f->book, sheet, row, OD_TASK, o->title, f->text, o->code);
  par_workbook_write_text (f->book, sheet, row, OD_LEAD, o->lead, f->text, o->code);
  par_workbook_write_date (f->book, sheet, row, OD_DEADLINE, &o->deadline, f->date);
  worksheet_write_number (sheet, row, OD_DAYS, o->days_overdue, f->number);
  worksheet_write_number (sheet, row, OD_PROGRESS, o->percent, f->number);
}

/* Sheet 3: the tasks overdue at the quarter's end. */
static void
write_overdue_sheet (Report *r)
{
  lxw_worksheet *sheet = workbook_add_worksheet (r->f->workbook, C_("sheet name", "Overdue"));
  GArray *rows = r->report->overdue;

  write_title_rows (r, sheet, N_OVERDUE_COLUMNS - 1);
  write_overdue_header (r, sheet);
  for (guint i = 0; i < rows->len; i++)
    write_overdue_row (r, sheet, HEADER_ROW + 1 + i, i + 1, &g_array_index (rows, ParPlanReportOverdue, i));
  par_plan_set_up_pages (sheet, HEADER_ROW);
}

static void
set_properties (Report      *r,
                ParWorkbook *book)
{
  /* Translators: the title of a quarterly report workbook: the plan's title, then the quarter
   * ("Quarter II 2026, as of 30/06/2026") */
  g_autofree char *title = g_strdup_printf (C_("plan report", "Quarterly report: %s, %s"),
                                            r->report->plan_title, r->report->period);

  par_workbook_set_properties (book, title, r->report->plan_title, r->report->unit_name);
}

/* The quarterly report of quarter @quarter (1 to 4) of @plan_id, as of
 * that quarter's last day in the plan's year, in the UI language.
 * @cut_items (if not NULL) gets the codes of the tasks whose texts were
 * cut to fit a cell, NULL-terminated. */
gboolean
par_plan_export_report (ParDatabase  *db,
                        gint64        plan_id,
                        int           quarter,
                        const char   *path,
                        GStrv        *cut_items,
                        GError      **error)
{
  ParPlanData data;
  ParPlanFormats formats;
  Report r = { &formats, &data, NULL };
  ParWorkbook *book = NULL;
  gboolean ok = FALSE;

  g_return_val_if_fail (PAR_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (quarter >= 1 && quarter <= 4, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!par_database_refuse_output (db, path, error))
    return FALSE;
  if (par_plan_data_load (&data, db, plan_id, error))
    book = par_workbook_new (path, error);
  if (book != NULL)
    {
      r.report = par_plan_report_from_data (&data, quarter);
      par_plan_make_formats (&formats, book);
      set_properties (&r, book);
      write_area_sheet (&r);
      write_lead_sheet (&r);
      write_overdue_sheet (&r);
      ok = par_workbook_close (book, cut_items, error);
    }
  par_plan_report_free (r.report);
  par_plan_data_clear (&data);
  return ok;
}
