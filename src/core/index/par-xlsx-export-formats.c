/* par-xlsx-export-formats.c: what the score sheet and the ranking share: cell formats, the date line, sum formulas
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "par-xlsx-export-private.h"

#define NUMBER_FORMAT "0.00#"

char *
par_roman_numeral (guint number)
{
  static const struct { guint value; const char *symbol; } numerals[] = {
    { 1000, "M" }, { 900, "CM" }, { 500, "D" }, { 400, "CD" }, { 100, "C" }, { 90, "XC" },
    { 50, "L" }, { 40, "XL" }, { 10, "X" }, { 9, "IX" }, { 5, "V" }, { 4, "IV" }, { 1, "I" },
  };
  GString *text = g_string_new (NULL);

  for (gsize i = 0; i < G_N_ELEMENTS (numerals); i++)
    while (number >= numerals[i].value)
      {
        g_string_append (text, numerals[i].symbol);
        number -= numerals[i].value;
      }
  return g_string_free (text, FALSE);
}

void
par_xlsx_make_formats (ParXlsxFormats *f,
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

  f->subtitle_right = workbook_add_format (workbook);
  format_set_italic (f->subtitle_right);
  format_set_align (f->subtitle_right, LXW_ALIGN_RIGHT);

  f->subtitle_date = workbook_add_format (workbook);
  format_set_italic (f->subtitle_date);
  format_set_num_format (f->subtitle_date, PAR_WORKBOOK_DATE_FORMAT);
  format_set_align (f->subtitle_date, LXW_ALIGN_LEFT);

  f->header = workbook_add_format (workbook);
  format_set_bold (f->header);
  format_set_text_wrap (f->header);
  format_set_align (f->header, LXW_ALIGN_CENTER);
  format_set_align (f->header, LXW_ALIGN_VERTICAL_CENTER);
  format_set_border (f->header, LXW_BORDER_THIN);
  format_set_bg_color (f->header, 0xDDE6F0);

  f->text = workbook_add_format (workbook);
  format_set_text_wrap (f->text);
  format_set_align (f->text, LXW_ALIGN_VERTICAL_TOP);
  format_set_border (f->text, LXW_BORDER_THIN);

  f->centered = workbook_add_format (workbook);
  format_set_align (f->centered, LXW_ALIGN_CENTER);
  format_set_align (f->centered, LXW_ALIGN_VERTICAL_TOP);
  format_set_border (f->centered, LXW_BORDER_THIN);

  f->number = workbook_add_format (workbook);
  format_set_num_format (f->number, NUMBER_FORMAT);
  format_set_align (f->number, LXW_ALIGN_VERTICAL_TOP);
  format_set_border (f->number, LXW_BORDER_THIN);

  f->area_text = workbook_add_format (workbook);
  format_set_bold (f->area_text);
  format_set_text_wrap (f->area_text);
  format_set_align (f->area_text, LXW_ALIGN_VERTICAL_TOP);
  format_set_border (f->area_text, LXW_BORDER_THIN);
  format_set_bg_color (f->area_text, 0xF2F2F2);

  f->area_number = workbook_add_format (workbook);
  format_set_bold (f->area_number);
  format_set_num_format (f->area_number, NUMBER_FORMAT);
  format_set_align (f->area_number, LXW_ALIGN_VERTICAL_TOP);
  format_set_border (f->area_number, LXW_BORDER_THIN);
  format_set_bg_color (f->area_number, 0xF2F2F2);

  f->total_text = workbook_add_format (workbook);
  format_set_bold (f->total_text);
  format_set_border (f->total_text, LXW_BORDER_THIN);
  format_set_bg_color (f->total_text, 0xDDE6F0);

  f->total_number = workbook_add_format (workbook);
  format_set_bold (f->total_number);
  format_set_num_format (f->total_number, NUMBER_FORMAT);
  format_set_border (f->total_number, LXW_BORDER_THIN);
  format_set_bg_color (f->total_number, 0xDDE6F0);
}

/* "Exported on: 01/12/2026", the date a date cell: the label at @col,
 * right-aligned if @beside (the date in the next column), else spilling
 * over the empty column after it (the date after that). */
void
par_xlsx_write_export_date (ParXlsxFormats *f,
                            lxw_worksheet  *sheet,
                            lxw_row_t       row,
                            lxw_col_t       col,
                            gboolean        beside)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDate) today = g_date_new_dmy (g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                                           g_date_time_get_year (now));

  par_workbook_write_text (f->book, sheet, row, col, C_("workbook", "Exported on:"),
                           beside ? f->subtitle_right : f->subtitle, NULL);
  par_workbook_write_date (f->book, sheet, row, col + (beside ? 1 : 2), today, f->subtitle_date);
}

/* "=SUM(plus)-SUM(minus)", or "=SUM(plus)" when nothing is taken off;
 * frees both. */
static char *
sum_of (GString *plus,
        GString *minus)
{
  char *formula;

  if (plus->len == 0)
    g_string_append_c (plus, '0');
  formula = minus->len > 0 ? g_strdup_printf ("=SUM(%s)-SUM(%s)", plus->str, minus->str)
                           : g_strdup_printf ("=SUM(%s)", plus->str);
  g_string_free (plus, TRUE);
  g_string_free (minus, TRUE);
  return formula;
}

/* "=SUM(D8,D9)-SUM(D12)": the cells of @rows (0-based) in @col, with a
 * minus for the rows marked in @negative. */
char *
par_xlsx_sum_formula (GArray    *rows,
                      GArray    *negative,
                      lxw_col_t  col)
{
  GString *plus = g_string_new (NULL);
  GString *minus = g_string_new (NULL);
  char cell[16];

  for (guint i = 0; i < rows->len; i++)
    {
      GString *target = g_array_index (negative, gboolean, i) ? minus : plus;

      lxw_rowcol_to_cell (cell, g_array_index (rows, lxw_row_t, i), col);
      g_string_append_printf (target, "%s%s", target->len > 0 ? "," : "", cell);
    }
  return sum_of (plus, minus);
}

/* The same along @row: "=SUM(D6,E6)-SUM(F6)" for the columns in @cols. */
char *
par_xlsx_sum_formula_in_row (lxw_row_t  row,
                             GArray    *cols,
                             GArray    *negative)
{
  GString *plus = g_string_new (NULL);
  GString *minus = g_string_new (NULL);
  char cell[16];

  for (guint i = 0; i < cols->len; i++)
    {
      GString *target = g_array_index (negative, gboolean, i) ? minus : plus;

      lxw_rowcol_to_cell (cell, row, g_array_index (cols, lxw_col_t, i));
      g_string_append_printf (target, "%s%s", target->len > 0 ? "," : "", cell);
    }
  return sum_of (plus, minus);
}
