/* par-plan-report.c: the quarterly report of a plan: tasks by status per area and per lead unit, and the overdue ones
 *
 * Worked out as of the quarter's last day in the plan's year: what is
 * recorded later does not count. Three sheets (docs/plan-workbooks.md):
 * counts by area (all seven), counts by lead unit (by unit code), and the
 * tasks overdue, by deadline then plan order. Tasks and Completed (%) are
 * formulas, and so is the Total row, written with their values cached so
 * that a reader that does not recalculate shows the same numbers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <stdlib.h>

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
  guint n[PAR_N_TASK_STATUSES];
} Counts;

typedef struct
{
  ParPlanFormats *f;
  ParPlanData    *data;
  GDate           as_of;     /* the quarter's last day */
  int             quarter;
  char           *period;    /* "Quarter II 2026, as of 30/06/2026" */
} Report;

gint64
par_plan_completed_tenths (guint done,
                           guint done_late,
                           guint tasks,
                           guint cancelled)
{
  guint64 left = tasks > cancelled ? tasks - cancelled : 0;

  if (left == 0)
    return 0;
  /* (done + done late) × 1000 / left tenths, half rounded up: all is positive. */
  return (gint64) ((2 * ((guint64) done + done_late) * 1000 + left) / (2 * left));
}

static guint
counts_total (const Counts *counts)
{
  guint total = 0;

  for (guint s = 0; s < PAR_N_TASK_STATUSES; s++)
    total += counts->n[s];
  return total;
}

static const char *
quarter_numeral (int quarter)
{
  static const char *const numerals[] = { "I", "II", "III", "IV" };

  return numerals[CLAMP (quarter, 1, 4) - 1];
}

static void
write_title_rows (Report        *r,
                  lxw_worksheet *sheet,
                  lxw_col_t      last_col)
{
  par_plan_write_title_rows (r->f, sheet, r->data, last_col);
  par_workbook_merge_text (r->f->book, sheet, 2, 0, last_col, r->period, r->f->subtitle);
}

/* Tasks, the counts and Completed (%) of one row; the counts are numbers,
 * or on the Total row SUM formulas over @first_row to @last_row. */
static void
write_counts (Report        *r,
              lxw_worksheet *sheet,
              lxw_row_t      row,
              const Counts  *counts,
              gboolean       total,
              lxw_row_t      first_row,
              lxw_row_t      last_row)
{
  ParPlanFormats *f = r->f;
  lxw_format *number = total ? f->total_number : f->number;
  char first[16], last[16], c_tasks[16], c_done[16], c_late[16], c_cancelled[16];
  g_autofree char *tasks_formula = NULL;
  g_autofree char *percent_formula = NULL;
  guint n_tasks = counts_total (counts);
  gint64 tenths;

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
  worksheet_write_formula_num (sheet, row, COL_TASKS, tasks_formula, number, n_tasks);
  lxw_rowcol_to_cell (c_tasks, row, COL_TASKS);
  lxw_rowcol_to_cell (c_done, row, COL_DONE);
  lxw_rowcol_to_cell (c_late, row, COL_DONE_LATE);
  lxw_rowcol_to_cell (c_cancelled, row, COL_CANCELLED);
  percent_formula = g_strdup_printf ("=IF(%s-%s=0,0,ROUND((%s+%s)*100/(%s-%s),1))", c_tasks, c_cancelled, c_done,
                                     c_late, c_tasks, c_cancelled);
  tenths = par_plan_completed_tenths (counts->n[PAR_TASK_STATUS_DONE], counts->n[PAR_TASK_STATUS_DONE_LATE], n_tasks,
                                      counts->n[PAR_TASK_STATUS_CANCELLED]);
  worksheet_write_formula_num (sheet, row, COL_COMPLETED, percent_formula, total ? f->total_percent : f->percent,
                               tenths / 10.0);
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
write_total_row (Report        *r,
                 lxw_worksheet *sheet,
                 guint          n_rows,
                 const Counts  *all)
{
  lxw_row_t row = HEADER_ROW + 1 + n_rows;

  worksheet_write_blank (sheet, row, COL_NUMBER, r->f->total_text);
  /* Translators: the last row of the quarterly report's tables */
  par_workbook_write_text (r->f->book, sheet, row, COL_NAME, C_("plan report", "Total"), r->f->total_text, NULL);
  write_counts (r, sheet, row, all, TRUE, HEADER_ROW + 1, row - 1);
  par_plan_set_up_pages (sheet, HEADER_ROW);
}

/* Sheet 1: every area, I to VII, zeros included. */
static void
write_area_sheet (Report *r)
{
  lxw_worksheet *sheet = workbook_add_worksheet (r->f->workbook, C_("sheet name", "By area"));
  Counts by_area[PAR_N_AREAS] = { 0 };
  Counts all = { 0 };

  for (guint i = 0; i < r->data->tasks->len; i++)
    {
      ParTask *task = g_ptr_array_index (r->data->tasks, i);
      ParTaskStatus status = par_task_get_status (task, &r->as_of);

      by_area[par_task_get_area (task)].n[status]++;
      all.n[status]++;
    }
  write_title_rows (r, sheet, N_COLUMNS - 1);
  write_count_header (r, sheet, C_("plan report", "Area"));
  for (ParArea area = 0; area < PAR_N_AREAS; area++)
    {
      lxw_row_t row = HEADER_ROW + 1 + area;

      par_workbook_write_text (r->f->book, sheet, row, COL_NUMBER, par_area_get_numeral (area), r->f->centered, NULL);
      par_workbook_write_text (r->f->book, sheet, row, COL_NAME, par_area_get_name (area), r->f->text, NULL);
      write_counts (r, sheet, row, &by_area[area], FALSE, 0, 0);
    }
  write_total_row (r, sheet, PAR_N_AREAS, &all);
}

typedef struct
{
  gint64      unit_id;
  const char *code;
  Counts      counts;
} UnitRow;

static int
compare_unit_rows (gconstpointer a,
                   gconstpointer b)
{
  const UnitRow *x = *(UnitRow * const *) a;
  const UnitRow *y = *(UnitRow * const *) b;

  return strcmp (x->code, y->code);
}

/* One row for each unit leading a task, by unit code. */
static GPtrArray *
count_by_lead (Report *r,
               Counts *all)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  GPtrArray *rows = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < r->data->tasks->len; i++)
    {
      ParTask *task = g_ptr_array_index (r->data->tasks, i);
      gint64 lead = par_task_get_lead_id (task);
      ParTaskStatus status = par_task_get_status (task, &r->as_of);
      UnitRow *unit_row = g_hash_table_lookup (by_id, &lead);

      if (unit_row == NULL)
        {
          unit_row = g_new0 (UnitRow, 1);
          unit_row->unit_id = lead;
          unit_row->code = par_task_get_lead_code (task) != NULL ? par_task_get_lead_code (task) : "";
          g_ptr_array_add (rows, unit_row);
          g_hash_table_insert (by_id, &unit_row->unit_id, unit_row);
        }
      unit_row->counts.n[status]++;
      all->n[status]++;
    }
  g_ptr_array_sort (rows, compare_unit_rows);
  return rows;
}

/* Sheet 2: the lead units, numbered 1, 2, 3… */
static void
write_lead_sheet (Report *r)
{
  lxw_worksheet *sheet = workbook_add_worksheet (r->f->workbook, C_("sheet name", "By lead unit"));
  Counts all = { 0 };
  g_autoptr(GPtrArray) rows = count_by_lead (r, &all);

  write_title_rows (r, sheet, N_COLUMNS - 1);
  write_count_header (r, sheet, C_("plan report", "Lead unit"));
  for (guint i = 0; i < rows->len; i++)
    {
      UnitRow *unit_row = g_ptr_array_index (rows, i);
      lxw_row_t row = HEADER_ROW + 1 + i;

      worksheet_write_number (sheet, row, COL_NUMBER, i + 1, r->f->centered);
      par_workbook_write_text (r->f->book, sheet, row, COL_NAME,
                               par_plan_data_unit_name (r->data, unit_row->unit_id), r->f->text, NULL);
      write_counts (r, sheet, row, &unit_row->counts, FALSE, 0, 0);
    }
  write_total_row (r, sheet, rows->len, &all);
}

typedef struct
{
  ParTask *task;
  GDate    deadline;
  guint    position;   /* in plan order */
} OverdueRow;

static int
compare_overdue_rows (const void *a,
                      const void *b)
{
  const OverdueRow *x = a;
  const OverdueRow *y = b;
  int by_deadline = g_date_compare (&x->deadline, &y->deadline);

  if (by_deadline != 0)
    return by_deadline;
  return x->position < y->position ? -1 : x->position > y->position;
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
write_overdue_row (Report           *r,
                   lxw_worksheet    *sheet,
                   lxw_row_t         row,
                   guint             number,
                   const OverdueRow *o)
{
  ParPlanFormats *f = r->f;
  const char *code = par_task_get_code (o->task);

  worksheet_write_number (sheet, row, OD_NUMBER, number, f->centered);
  par_workbook_write_text (f->book, sheet, row, OD_CODE, code, f->centered, code);
  par_workbook_write_text (f->book, sheet, row, OD_TASK, par_task_get_title (o->task), f->text, code);
  par_workbook_write_text (f->book, sheet, row, OD_LEAD,
                           par_plan_data_unit_name (r->data, par_task_get_lead_id (o->task)), f->text, code);
  par_workbook_write_date (f->book, sheet, row, OD_DEADLINE, &o->deadline, f->date);
  worksheet_write_number (sheet, row, OD_DAYS, g_date_days_between (&o->deadline, &r->as_of), f->number);
  worksheet_write_number (sheet, row, OD_PROGRESS, par_task_get_percent (o->task, &r->as_of), f->number);
}

/* Sheet 3: the tasks overdue at the quarter's end. */
static void
write_overdue_sheet (Report *r)
{
  lxw_worksheet *sheet = workbook_add_worksheet (r->f->workbook, C_("sheet name", "Overdue"));
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (OverdueRow));

  for (guint i = 0; i < r->data->tasks->len; i++)
    {
      OverdueRow o = { g_ptr_array_index (r->data->tasks, i), { 0 }, i };

      if (par_task_get_status (o.task, &r->as_of) != PAR_TASK_STATUS_OVERDUE)
        continue;
      par_task_get_deadline (o.task, &o.deadline);
      g_array_append_val (rows, o);
    }
  qsort (rows->data, rows->len, sizeof (OverdueRow), compare_overdue_rows);
  write_title_rows (r, sheet, N_OVERDUE_COLUMNS - 1);
  write_overdue_header (r, sheet);
  for (guint i = 0; i < rows->len; i++)
    write_overdue_row (r, sheet, HEADER_ROW + 1 + i, i + 1, &g_array_index (rows, OverdueRow, i));
  par_plan_set_up_pages (sheet, HEADER_ROW);
}

static void
set_properties (Report      *r,
                ParWorkbook *book)
{
  /* Translators: the title of a quarterly report workbook: the plan's title, then the quarter
   * ("Quarter II 2026, as of 30/06/2026") */
  g_autofree char *title = g_strdup_printf (C_("plan report", "Quarterly report: %s, %s"),
                                            par_plan_get_title (r->data->plan), r->period);

  par_workbook_set_properties (book, title, par_plan_get_title (r->data->plan), par_unit_get_name (r->data->unit));
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
  Report r = { &formats, &data, { 0 }, quarter, NULL };
  ParWorkbook *book = NULL;
  char day[16];
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
      par_plan_deadline (PAR_DEADLINE_QUARTER, NULL, quarter, par_plan_get_year (data.plan), &r.as_of);
      g_snprintf (day, sizeof day, "%02d/%02d/%04d", g_date_get_day (&r.as_of), g_date_get_month (&r.as_of),
                  g_date_get_year (&r.as_of));
      /* Translators: the quarterly report's title row: the quarter's numeral, the year, its last day */
      r.period = g_strdup_printf (C_("plan report", "Quarter %s %d, as of %s"), quarter_numeral (quarter),
                                  par_plan_get_year (data.plan), day);
      par_plan_make_formats (&formats, book);
      set_properties (&r, book);
      write_area_sheet (&r);
      write_lead_sheet (&r);
      write_overdue_sheet (&r);
      ok = par_workbook_close (book, cut_items, error);
    }
  g_free (r.period);
  par_plan_data_clear (&data);
  return ok;
}
