/* par-plan-export.c: the plan workbook: every task of a plan under its area, with its status as of a date
 *
 * One sheet: the plan's title, its unit and the as-of date on top, then a
 * header row, then for each area that has tasks (I to VII) an area row and
 * its tasks in plan order (docs/plan-workbooks.md). Cancelled tasks are
 * listed too: the rows with a status are exactly the plan's tasks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "par-plan-export-private.h"

enum {
  COL_NUMBER, COL_TASK, COL_OUTPUT, COL_LEAD, COL_COORDINATING, COL_DEADLINE, COL_PROGRESS, COL_STATUS,
  COL_COMPLETED, N_COLUMNS
};

#define HEADER_ROW 4

/* A quarter deadline as the workbook shows it: "Q2" (Vietnamese "Quý II"). */
static const char *
quarter_label (int quarter)
{
  static const char *const labels[] = {
    /* Translators: a task's deadline in the plan workbook: the first quarter of the plan's year */
    NC_ ("quarter deadline", "Q1"),
    NC_ ("quarter deadline", "Q2"),
    NC_ ("quarter deadline", "Q3"),
    NC_ ("quarter deadline", "Q4"),
  };

  g_return_val_if_fail (quarter >= 1 && quarter <= 4, "");
  return g_dpgettext2 (GETTEXT_PACKAGE, "quarter deadline", labels[quarter - 1]);
}

/* "As of:" and the date (a date cell) on the third title row. */
static void
write_as_of (ParPlanFormats *f,
             lxw_worksheet  *sheet,
             const GDate    *as_of)
{
  /* Translators: in the plan workbook's title rows, before the date the statuses are worked out for */
  par_workbook_merge_text (f->book, sheet, 2, COL_NUMBER, COL_TASK, C_("plan workbook", "Status as of:"),
                           f->label_right);
  par_workbook_write_date (f->book, sheet, 2, COL_OUTPUT, as_of, f->date_left);
}

static void
write_header (ParPlanFormats *f,
              lxw_worksheet  *sheet)
{
  const char *labels[N_COLUMNS] = {
    C_("plan workbook", "No."),
    C_("plan workbook", "Task"),
    C_("plan workbook", "Output"),
    C_("plan workbook", "Lead unit"),
    C_("plan workbook", "Coordinating units"),
    C_("plan workbook", "Deadline"),
    C_("plan workbook", "Progress (%)"),
    C_("plan workbook", "Status"),
    C_("plan workbook", "Completed on"),
  };
  static const double widths[N_COLUMNS] = { 8, 48, 30, 26, 30, 12, 10, 18, 14 };

  par_plan_write_header (f, sheet, HEADER_ROW, labels, widths, N_COLUMNS);
}

static void
write_area_row (ParPlanFormats *f,
                lxw_worksheet  *sheet,
                lxw_row_t       row,
                ParArea         area)
{
  par_workbook_write_text (f->book, sheet, row, COL_NUMBER, par_area_get_numeral (area), f->area_centered, NULL);
  par_workbook_write_text (f->book, sheet, row, COL_TASK, par_area_get_name (area), f->area_text, NULL);
  for (lxw_col_t c = COL_OUTPUT; c < N_COLUMNS; c++)
    worksheet_write_blank (sheet, row, c, f->area_text);
}

/* The coordinating units' names, joined by ", ". */
static char *
coordinating_names (ParPlanData *data,
                    ParTask     *task)
{
  GArray *ids = par_task_get_coordinating_ids (task);
  GString *names = g_string_new (NULL);

  for (guint i = 0; i < ids->len; i++)
    {
      if (i > 0)
        g_string_append (names, ", ");
      g_string_append (names, par_plan_data_unit_name (data, g_array_index (ids, gint64, i)));
    }
  return g_string_free (names, FALSE);
}

static void
write_deadline (ParPlanFormats *f,
                lxw_worksheet  *sheet,
                lxw_row_t       row,
                ParTask        *task)
{
  GDate date;

  switch (par_task_get_deadline_kind (task))
    {
    case PAR_DEADLINE_QUARTER:
      par_workbook_write_text (f->book, sheet, row, COL_DEADLINE,
                               quarter_label (par_task_get_deadline_quarter (task)), f->centered, NULL);
      break;
    case PAR_DEADLINE_ONGOING:
      /* Translators: a task's deadline in the plan workbook: work that runs all year (thường xuyên) */
      par_workbook_write_text (f->book, sheet, row, COL_DEADLINE, C_("deadline", "Ongoing"), f->centered, NULL);
      break;
    case PAR_DEADLINE_DATE:
    case PAR_N_DEADLINE_KINDS:
    default:
      par_task_get_deadline (task, &date);
      par_workbook_write_date (f->book, sheet, row, COL_DEADLINE, &date, f->date);
      break;
    }
}

static void
write_task_row (ParPlanFormats *f,
                lxw_worksheet  *sheet,
                lxw_row_t       row,
                ParPlanData    *data,
                ParTask        *task,
                const GDate    *as_of)
{
  const char *code = par_task_get_code (task);
  g_autofree char *coordinating = coordinating_names (data, task);
  GDate completed;

  par_workbook_write_text (f->book, sheet, row, COL_NUMBER, code, f->centered, code);
  par_workbook_write_text (f->book, sheet, row, COL_TASK, par_task_get_title (task), f->text, code);
  par_workbook_write_text (f->book, sheet, row, COL_OUTPUT, par_task_get_output (task), f->text, code);
  par_workbook_write_text (f->book, sheet, row, COL_LEAD, par_plan_data_unit_name (data, par_task_get_lead_id (task)),
                           f->text, code);
  par_workbook_write_text (f->book, sheet, row, COL_COORDINATING, coordinating, f->text, code);
  write_deadline (f, sheet, row, task);
  worksheet_write_number (sheet, row, COL_PROGRESS, par_task_get_percent (task, as_of), f->number);
  par_workbook_write_text (f->book, sheet, row, COL_STATUS, par_task_status_get_label (par_task_get_status (task, as_of)),
                           f->text, code);
  if (par_task_get_completed (task, &completed) && g_date_compare (&completed, as_of) <= 0)
    par_workbook_write_date (f->book, sheet, row, COL_COMPLETED, &completed, f->date);
  else
    worksheet_write_blank (sheet, row, COL_COMPLETED, f->date);
}

/* The areas' rows and their tasks' rows below the header. */
static void
write_task_rows (ParPlanFormats *f,
                 lxw_worksheet  *sheet,
                 ParPlanData    *data,
                 const GDate    *as_of)
{
  lxw_row_t row = HEADER_ROW + 1;

  for (ParArea area = 0; area < PAR_N_AREAS; area++)
    {
      gboolean opened = FALSE;

      for (guint i = 0; i < data->tasks->len; i++)
        {
          ParTask *task = g_ptr_array_index (data->tasks, i);

          if (par_task_get_area (task) != area)
            continue;
          if (!opened)
            {
              write_area_row (f, sheet, row++, area);
              opened = TRUE;
            }
          write_task_row (f, sheet, row++, data, task, as_of);
        }
    }
}

/* The plan workbook of @plan_id, statuses as of @as_of, in the UI
 * language. @cut_items (if not NULL) gets the codes of the tasks whose
 * texts were too long for a cell and were cut, NULL-terminated. */
gboolean
par_plan_export_workbook (ParDatabase  *db,
                          gint64        plan_id,
                          const GDate  *as_of,
                          const char   *path,
                          GStrv        *cut_items,
                          GError      **error)
{
  ParPlanData data;
  ParPlanFormats formats;
  ParWorkbook *book;
  lxw_worksheet *sheet;
  gboolean ok;

  g_return_val_if_fail (PAR_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (as_of != NULL && g_date_valid (as_of), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!par_database_refuse_output (db, path, error))
    return FALSE;
  if (!par_plan_data_load (&data, db, plan_id, error))
    {
      par_plan_data_clear (&data);
      return FALSE;
    }
  book = par_workbook_new (path, error);
  if (book == NULL)
    {
      par_plan_data_clear (&data);
      return FALSE;
    }
  par_plan_make_formats (&formats, book);
  par_workbook_set_properties (book, par_plan_get_title (data.plan), C_("plan workbook", "Reform plan"),
                               par_unit_get_name (data.unit));
  sheet = workbook_add_worksheet (formats.workbook, C_("sheet name", "Plan"));
  par_plan_write_title_rows (&formats, sheet, &data, N_COLUMNS - 1);
  write_as_of (&formats, sheet, as_of);
  write_header (&formats, sheet);
  write_task_rows (&formats, sheet, &data, as_of);
  par_plan_set_up_pages (sheet, HEADER_ROW);
  ok = par_workbook_close (book, cut_items, error);
  par_plan_data_clear (&data);
  return ok;
}
