/* par-plan-export-common.c: what the plan workbook and the quarterly report share: the plan's data, cell formats, title rows, headers, pages
 *
 * Both workbooks go through ParWorkbook, which makes the file right in any
 * locale and renames it into place; nothing here touches the UI, so either
 * can be written in a worker thread with its own connection.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "par-plan-export-private.h"

#define PAPER_A4 9
#define PERCENT_FORMAT "0.0"

/* Loads the plan, its unit, its tasks and every unit they name. */
gboolean
par_plan_data_load (ParPlanData  *data,
                    ParDatabase  *db,
                    gint64        plan_id,
                    GError      **error)
{
  g_autoptr(GPtrArray) units = NULL;

  memset (data, 0, sizeof *data);
  data->plan = par_plans_get (db, plan_id, error);
  if (data->plan == NULL)
    return FALSE;
  data->tasks = par_plans_list_tasks (db, plan_id, error);
  if (data->tasks == NULL)
    return FALSE;
  units = par_directory_list_all_units (db, error);
  if (units == NULL)
    return FALSE;
  data->units = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  for (guint i = 0; i < units->len; i++)
    {
      ParUnit *unit = g_ptr_array_index (units, i);

      g_hash_table_insert (data->units, g_memdup2 (&(gint64) { par_unit_get_id (unit) }, sizeof (gint64)),
                           g_object_ref (unit));
    }
  data->unit = g_hash_table_lookup (data->units, &(gint64) { par_plan_get_unit_id (data->plan) });
  if (data->unit == NULL)
    {
      data->unit = par_directory_get_unit (db, par_plan_get_unit_id (data->plan), error);
      return data->unit != NULL;
    }
  g_object_ref (data->unit);
  return TRUE;
}

void
par_plan_data_clear (ParPlanData *data)
{
  g_clear_object (&data->plan);
  g_clear_object (&data->unit);
  g_clear_pointer (&data->tasks, g_ptr_array_unref);
  g_clear_pointer (&data->units, g_hash_table_unref);
}

/* The unit's name; its id if the file no longer has it. */
const char *
par_plan_data_unit_name (ParPlanData *data,
                         gint64       unit_id)
{
  ParUnit *unit = g_hash_table_lookup (data->units, &unit_id);

  return unit != NULL ? par_unit_get_name (unit) : "";
}

static lxw_format *
cell_format (lxw_workbook *workbook,
             gboolean      bold,
             guint32       background)
{
  lxw_format *format = workbook_add_format (workbook);

  format_set_border (format, LXW_BORDER_THIN);
  format_set_align (format, LXW_ALIGN_VERTICAL_TOP);
  if (bold)
    format_set_bold (format);
  if (background != 0)
    format_set_bg_color (format, background);
  return format;
}

void
par_plan_make_formats (ParPlanFormats *f,
                       ParWorkbook    *book)
{
  lxw_workbook *workbook = par_workbook_get_workbook (book);

  f->book = book;
  f->workbook = workbook;
  f->title = workbook_add_format (workbook);
  format_set_bold (f->title);
  format_set_font_size (f->title, 14);
  format_set_align (f->title, LXW_ALIGN_CENTER);
  f->subtitle = workbook_add_format (workbook);
  format_set_italic (f->subtitle);
  format_set_align (f->subtitle, LXW_ALIGN_CENTER);
  f->label_right = workbook_add_format (workbook);
  format_set_italic (f->label_right);
  format_set_align (f->label_right, LXW_ALIGN_RIGHT);
  f->date_left = workbook_add_format (workbook);
  format_set_italic (f->date_left);
  format_set_align (f->date_left, LXW_ALIGN_LEFT);
  format_set_num_format (f->date_left, PAR_WORKBOOK_DATE_FORMAT);
  f->header = cell_format (workbook, TRUE, 0xDDE6F0);
  format_set_text_wrap (f->header);
  format_set_align (f->header, LXW_ALIGN_CENTER);
  format_set_align (f->header, LXW_ALIGN_VERTICAL_CENTER);
  f->text = cell_format (workbook, FALSE, 0);
  format_set_text_wrap (f->text);
  f->centered = cell_format (workbook, FALSE, 0);
  format_set_align (f->centered, LXW_ALIGN_CENTER);
  f->number = cell_format (workbook, FALSE, 0);
  f->percent = cell_format (workbook, FALSE, 0);
  format_set_num_format (f->percent, PERCENT_FORMAT);
  f->date = cell_format (workbook, FALSE, 0);
  format_set_num_format (f->date, PAR_WORKBOOK_DATE_FORMAT);
  format_set_align (f->date, LXW_ALIGN_CENTER);
  f->area_text = cell_format (workbook, TRUE, 0xF2F2F2);
  format_set_text_wrap (f->area_text);
  f->area_centered = cell_format (workbook, TRUE, 0xF2F2F2);
  format_set_align (f->area_centered, LXW_ALIGN_CENTER);
  f->total_text = cell_format (workbook, TRUE, 0xDDE6F0);
  f->total_number = cell_format (workbook, TRUE, 0xDDE6F0);
  f->total_percent = cell_format (workbook, TRUE, 0xDDE6F0);
  format_set_num_format (f->total_percent, PERCENT_FORMAT);
}

/* The plan's title and its unit's name across the sheet's columns, on the
 * first two rows; the third is the caller's. */
void
par_plan_write_title_rows (ParPlanFormats *f,
                           lxw_worksheet  *sheet,
                           ParPlanData    *data,
                           lxw_col_t       last_col)
{
  par_workbook_merge_text (f->book, sheet, 0, 0, last_col, par_plan_get_title (data->plan), f->title);
  par_workbook_merge_text (f->book, sheet, 1, 0, last_col, par_unit_get_name (data->unit), f->subtitle);
}

/* The header row, its columns' widths with it. */
void
par_plan_write_header (ParPlanFormats  *f,
                       lxw_worksheet   *sheet,
                       lxw_row_t        row,
                       const char     **labels,
                       const double    *widths,
                       guint            n_columns)
{
  worksheet_set_row (sheet, row, 32, NULL);
  for (guint c = 0; c < n_columns; c++)
    {
      worksheet_set_column (sheet, c, c, widths[c], NULL);
      par_workbook_write_text (f->book, sheet, row, c, labels[c], f->header, NULL);
    }
}

/* The header row frozen and repeated on every printed page; A4 landscape,
 * one page wide. */
void
par_plan_set_up_pages (lxw_worksheet *sheet,
                       lxw_row_t      header_row)
{
  worksheet_freeze_panes (sheet, header_row + 1, 0);
  worksheet_set_landscape (sheet);
  worksheet_set_paper (sheet, PAPER_A4);
  worksheet_fit_to_pages (sheet, 1, 0);
  worksheet_repeat_rows (sheet, header_row, header_row);
  worksheet_set_margins (sheet, 0.5, 0.5, 0.6, 0.6);
  worksheet_set_footer (sheet, "&C&P / &N");
}
