/* par-xlsx-export-ranking.c: the XLSX ranking of every unit scored against a set
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "par-points.h"
#include "par-xlsx-export-private.h"

/* The ranking's layout: the rank, the unit's code and name, one column an
 * area, then the total, the percentage and the group. */
#define HEADER_ROW 4
#define FIRST_AREA_COL 3

static void
write_title (ParXlsxFormats  *f,
             lxw_worksheet   *sheet,
             ParCriteriaSet  *set,
             ParRankingBasis  basis,
             lxw_col_t        last_col)
{
  g_autofree char *line = NULL;

  par_workbook_merge_text (f->book, sheet, 0, 0, last_col, _("PAR INDEX RANKING"), f->title);
  line = g_strdup_printf (_("Criteria set: %s (%d)"), par_criteria_set_get_name (set), par_criteria_set_get_year (set));
  par_workbook_write_text (f->book, sheet, 1, 0, line, NULL, NULL);
  par_workbook_write_text (f->book, sheet, 2, 0,
                           basis == PAR_RANKING_BY_APPRAISED ? _("Ranked by appraised scores")
                                                             : _("Ranked by self-scores"),
                           f->subtitle, NULL);
  par_xlsx_write_export_date (f, sheet, 3, 0, FALSE);
}

/* The header row, each area named with its maximum. */
static void
write_header (ParXlsxFormats *f,
              lxw_worksheet  *sheet,
              GPtrArray      *roots)
{
  lxw_col_t total_col = FIRST_AREA_COL + roots->len;

  worksheet_set_row (sheet, HEADER_ROW, 45, NULL);
  worksheet_set_column (sheet, 0, 0, 7, NULL);
  worksheet_set_column (sheet, 1, 1, 10, NULL);
  worksheet_set_column (sheet, 2, 2, 40, NULL);
  worksheet_set_column (sheet, FIRST_AREA_COL, total_col + 2, 12, NULL);
  par_workbook_write_text (f->book, sheet, HEADER_ROW, 0, C_("ranking", "Rank"), f->header, NULL);
  par_workbook_write_text (f->book, sheet, HEADER_ROW, 1, C_("ranking", "Code"), f->header, NULL);
  par_workbook_write_text (f->book, sheet, HEADER_ROW, 2, C_("ranking", "Unit"), f->header, NULL);
  for (guint i = 0; i < roots->len; i++)
    {
      ParCriteriaNode *root = g_ptr_array_index (roots, i);
      g_autofree char *numeral = par_roman_numeral (i + 1);
      g_autofree char *max = par_points_to_string (par_criteria_node_get_max (root));
      g_autofree char *label = g_strdup_printf ("%s. %s (%s)", numeral, par_criteria_node_get_title (root), max);

      par_workbook_write_text (f->book, sheet, HEADER_ROW, FIRST_AREA_COL + i, label, f->header, NULL);
    }
  par_workbook_write_text (f->book, sheet, HEADER_ROW, total_col, C_("ranking", "Total"), f->header, NULL);
  par_workbook_write_text (f->book, sheet, HEADER_ROW, total_col + 1, C_("ranking", "Percent"), f->header, NULL);
  par_workbook_write_text (f->book, sheet, HEADER_ROW, total_col + 2, C_("ranking", "Group"), f->header, NULL);
}

/* One unit's row: its points in each area, their total as a formula. */
static void
write_entry_row (ParXlsxFormats  *f,
                 lxw_worksheet   *sheet,
                 lxw_row_t        row,
                 ParRankingEntry *entry,
                 GPtrArray       *roots,
                 ParRankingBasis  basis)
{
  lxw_col_t total_col = FIRST_AREA_COL + roots->len;
  g_autoptr(GArray) area_cols = g_array_new (FALSE, FALSE, sizeof (lxw_col_t));
  g_autoptr(GArray) negative = g_array_new (FALSE, FALSE, sizeof (gboolean));
  g_autofree char *sum = NULL;

  if (entry->scored)
    worksheet_write_number (sheet, row, 0, entry->rank, f->centered);
  else
    par_workbook_write_text (f->book, sheet, row, 0, "—", f->centered, NULL);
  par_workbook_write_text (f->book, sheet, row, 1, par_unit_get_code (entry->unit), f->text, NULL);
  par_workbook_write_text (f->book, sheet, row, 2, par_unit_get_name (entry->unit), f->text, NULL);
  for (lxw_col_t col = 0; col < roots->len; col++)
    {
      gboolean has;
      gint64 milli;

      par_ranking_area_points (entry, g_ptr_array_index (roots, col), basis, &has, &milli);
      if (has)
        worksheet_write_number (sheet, row, FIRST_AREA_COL + col, par_xlsx_points (milli), f->number);
      else
        worksheet_write_blank (sheet, row, FIRST_AREA_COL + col, f->number);
    }
  /* A penalty area is taken off the total, as in the score sheet. */
  for (lxw_col_t col = 0; col < roots->len; col++)
    {
      lxw_col_t area_col = FIRST_AREA_COL + col;
      gboolean minus = par_criteria_node_get_method (g_ptr_array_index (roots, col)) == PAR_METHOD_PENALTY;

      g_array_append_val (area_cols, area_col);
      g_array_append_val (negative, minus);
    }
  sum = par_xlsx_sum_formula_in_row (row, area_cols, negative);
  worksheet_write_formula_num (sheet, row, total_col, sum, f->total_number, par_xlsx_points (entry->total_milli));
  if (entry->scored)
    worksheet_write_number (sheet, row, total_col + 1, entry->percent / 100.0, f->number);
  else
    worksheet_write_blank (sheet, row, total_col + 1, f->number);
  par_workbook_write_text (f->book, sheet, row, total_col + 2, entry->group, f->centered, NULL);
}

/* All units of a set side by side, best first. */
gboolean
par_export_ranking (ParDatabase      *db,
                    ParCriteriaSet   *set,
                    ParRankingBasis   basis,
                    const char       *path,
                    GError          **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autofree char *title = NULL;
  GPtrArray *roots;
  ParWorkbook *book;
  lxw_worksheet *sheet;
  ParXlsxFormats formats;
  lxw_col_t group_col;

  g_return_val_if_fail (PAR_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (PAR_IS_CRITERIA_SET (set), FALSE);

  if (!par_database_refuse_output (db, path, error))
    return FALSE;
  entries = par_ranking_compute (db, set, basis, error);
  if (entries == NULL)
    return FALSE;
  book = par_workbook_new (path, error);
  if (book == NULL)
    return FALSE;
  par_xlsx_make_formats (&formats, book);
  title = g_strdup_printf (_("PAR Index ranking: %s"), par_criteria_set_get_name (set));
  par_workbook_set_properties (book, title, par_criteria_set_get_name (set), NULL);
  sheet = workbook_add_worksheet (formats.workbook, C_("sheet name", "Ranking"));
  roots = par_criteria_set_get_roots (set);
  group_col = FIRST_AREA_COL + roots->len + 2;

  write_title (&formats, sheet, set, basis, group_col);
  write_header (&formats, sheet, roots);
  for (guint e = 0; e < entries->len; e++)
    write_entry_row (&formats, sheet, HEADER_ROW + 1 + e, g_ptr_array_index (entries, e), roots, basis);

  worksheet_freeze_panes (sheet, HEADER_ROW + 1, 3);
  worksheet_set_landscape (sheet);
  worksheet_set_paper (sheet, PAR_XLSX_PAPER_A4);
  worksheet_fit_to_pages (sheet, 1, 0);
  worksheet_repeat_rows (sheet, HEADER_ROW, HEADER_ROW);
  worksheet_set_footer (sheet, "&C&P / &N");
  if (entries->len > 0)
    worksheet_autofilter (sheet, HEADER_ROW, 0, HEADER_ROW + entries->len, group_col);
  return par_workbook_close (book, NULL, error);
}
