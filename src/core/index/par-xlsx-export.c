/* par-xlsx-export.c: the XLSX score sheet and ranking workbooks
 *
 * The layout is the contract of formats.md §3. Parent rows are SUM
 * formulas written with their computed values cached, so readers that do
 * not recalculate show the same numbers as Excel. ParWorkbook makes the
 * file right in any locale and renames it into place.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <xlsxwriter.h>

#include "par-database-private.h"
#include "par-directory.h"
#include "par-i18n.h"
#include "par-points.h"
#include "par-workbook.h"
#include "par-xlsx-export.h"

enum {
  COL_NUMBER, COL_CRITERION, COL_MAX, COL_SELF, COL_APPRAISED, COL_EVIDENCE, COL_EXPLANATION,
  N_SHEET_COLUMNS
};

#define HEADER_ROW 5
#define PAPER_A4 9
#define NUMBER_FORMAT "0.00#"

typedef struct
{
  ParWorkbook  *book;
  lxw_workbook *workbook;
  lxw_format   *title;
  lxw_format   *subtitle;
  lxw_format   *subtitle_right;
  lxw_format   *subtitle_date;
  lxw_format   *header;
  lxw_format   *area_text;
  lxw_format   *area_number;
  lxw_format   *text;
  lxw_format   *number;
  lxw_format   *total_text;
  lxw_format   *total_number;
  lxw_format   *centered;
} Formats;

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

static double
points_value (gint64 milli)
{
  return milli / 1000.0;
}

static void
make_formats (Formats     *f,
              ParWorkbook *book)
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
static void
write_export_date (Formats       *f,
                   lxw_worksheet *sheet,
                   lxw_row_t      row,
                   lxw_col_t      col,
                   gboolean       beside)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDate) today = g_date_new_dmy (g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                                           g_date_time_get_year (now));

  par_workbook_write_text (f->book, sheet, row, col, C_("workbook", "Exported on:"),
                           beside ? f->subtitle_right : f->subtitle, NULL);
  par_workbook_write_date (f->book, sheet, row, col + (beside ? 1 : 2), today, f->subtitle_date);
}

/* "1242/QĐ-UBND (14/09/2021); 15/KH-SNV (02/01/2025)" */
static char *
evidence_text (ParDatabase     *db,
               ParAssessment   *assessment,
               ParCriteriaNode *node)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  if (par_assessment_get_id (assessment) == 0 || par_assessment_get_evidence_count (assessment, node) == 0)
    return g_strdup ("");
  stmt = par_database_prepare (db,
                               "SELECT d.doc_number, d.doc_date, d.filename FROM evidence_link l"
                               " JOIN evidence_document d ON d.id = l.document_id"
                               " WHERE l.assessment_id = ? AND l.node_id = ? ORDER BY d.doc_date, d.id",
                               NULL);
  if (stmt == NULL)
    return g_strdup ("");
  sqlite3_bind_int64 (stmt, 1, par_assessment_get_id (assessment));
  sqlite3_bind_int64 (stmt, 2, par_criteria_node_get_id (node));
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *number = (const char *) sqlite3_column_text (stmt, 0);
      const char *date = (const char *) sqlite3_column_text (stmt, 1);
      int year, month, day;

      if (text->len > 0)
        g_string_append (text, "; ");
      g_string_append (text, number != NULL && *number != '\0' ? number : (const char *) sqlite3_column_text (stmt, 2));
      if (date != NULL && sscanf (date, "%4d-%2d-%2d", &year, &month, &day) == 3)
        g_string_append_printf (text, " (%02d/%02d/%04d)", day, month, year);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* "=SUM(D8,D9)-SUM(D12)": the cells of @rows (0-based) in @col, with a
 * minus for the rows marked in @negative. */
static char *
sum_formula (GArray   *rows,
             GArray   *negative,
             lxw_col_t col)
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
  if (plus->len == 0)
    g_string_append_c (plus, '0');
  {
    char *formula = minus->len > 0 ? g_strdup_printf ("=SUM(%s)-SUM(%s)", plus->str, minus->str)
                                   : g_strdup_printf ("=SUM(%s)", plus->str);

    g_string_free (plus, TRUE);
    g_string_free (minus, TRUE);
    return formula;
  }
}

/* The same along @row: "=SUM(D6,E6)-SUM(F6)" for the columns in @cols. */
static char *
sum_formula_in_row (lxw_row_t  row,
                    GArray    *cols,
                    GArray    *negative)
{
  GString *plus = g_string_new (NULL);
  GString *minus = g_string_new (NULL);
  char cell[16];
  char *formula;

  for (guint i = 0; i < cols->len; i++)
    {
      GString *target = g_array_index (negative, gboolean, i) ? minus : plus;

      lxw_rowcol_to_cell (cell, row, g_array_index (cols, lxw_col_t, i));
      g_string_append_printf (target, "%s%s", target->len > 0 ? "," : "", cell);
    }
  if (plus->len == 0)
    g_string_append_c (plus, '0');
  formula = minus->len > 0 ? g_strdup_printf ("=SUM(%s)-SUM(%s)", plus->str, minus->str)
                           : g_strdup_printf ("=SUM(%s)", plus->str);
  g_string_free (plus, TRUE);
  g_string_free (minus, TRUE);
  return formula;
}

typedef struct
{
  lxw_worksheet   *sheet;
  Formats         *formats;
  ParDatabase     *db;
  ParAssessment   *assessment;
  GHashTable      *rows;          /* ParCriteriaNode → row + 1 */
  lxw_row_t        next_row;
} SheetWriter;

static lxw_row_t
row_of (SheetWriter     *w,
        ParCriteriaNode *node)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (w->rows, node)) - 1;
}

static void
write_points_cell (SheetWriter     *w,
                   lxw_row_t        row,
                   lxw_col_t        col,
                   ParCriteriaNode *node,
                   gboolean         not_applicable,
                   gboolean         has,
                   gint64           milli,
                   lxw_format      *format,
                   lxw_format      *text_format)
{
  GPtrArray *children = par_criteria_node_get_children (node);

  if (not_applicable)
    {
      /* Translators: in a score sheet cell: the item does not apply (không áp dụng) */
      par_workbook_write_text (w->formats->book, w->sheet, row, col, C_("score sheet", "N/A"), text_format, NULL);
      return;
    }
  if (children->len == 0)
    {
      if (has)
        worksheet_write_number (w->sheet, row, col, points_value (milli), format);
      else
        worksheet_write_blank (w->sheet, row, col, format);
      return;
    }
  {
    g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (lxw_row_t));
    g_autoptr(GArray) negative = g_array_new (FALSE, FALSE, sizeof (gboolean));
    g_autofree char *formula = NULL;

    for (guint i = 0; i < children->len; i++)
      {
        ParCriteriaNode *child = g_ptr_array_index (children, i);
        lxw_row_t child_row = row_of (w, child);
        gboolean minus = par_criteria_node_get_method (child) == PAR_METHOD_PENALTY;

        g_array_append_val (rows, child_row);
        g_array_append_val (negative, minus);
      }
    formula = sum_formula (rows, negative, col);
    worksheet_write_formula_num (w->sheet, row, col, formula, format, points_value (has ? milli : 0));
  }
}

static void
write_max_cell (SheetWriter     *w,
                lxw_row_t        row,
                ParCriteriaNode *node,
                lxw_format      *format)
{
  GPtrArray *children = par_criteria_node_get_children (node);
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (lxw_row_t));
  g_autoptr(GArray) negative = g_array_new (FALSE, FALSE, sizeof (gboolean));
  g_autofree char *formula = NULL;

  for (guint i = 0; i < children->len; i++)
    {
      ParCriteriaNode *child = g_ptr_array_index (children, i);
      lxw_row_t child_row = row_of (w, child);
      gboolean minus = FALSE;

      if (!par_criteria_node_counts_in_max (child))
        continue;
      g_array_append_val (rows, child_row);
      g_array_append_val (negative, minus);
    }
  if (rows->len == 0)
    {
      worksheet_write_number (w->sheet, row, COL_MAX, points_value (par_criteria_node_get_max (node)), format);
      return;
    }
  formula = sum_formula (rows, negative, COL_MAX);
  worksheet_write_formula_num (w->sheet, row, COL_MAX, formula, format,
                               points_value (par_criteria_node_get_max (node)));
}

static void
write_node_row (SheetWriter     *w,
                ParCriteriaNode *node,
                guint            area_number)
{
  lxw_row_t row = row_of (w, node);
  gboolean area = par_criteria_node_get_depth (node) == 0;
  lxw_format *text = area ? w->formats->area_text : w->formats->text;
  lxw_format *number = area ? w->formats->area_number : w->formats->number;
  ParWorkbook *book = w->formats->book;
  const char *code = par_criteria_node_get_code (node);
  g_autofree char *label = NULL;
  g_autofree char *criterion = NULL;
  g_autofree char *evidence = NULL;
  ParSubtotal sub;

  par_assessment_get_subtotal (w->assessment, node, &sub);
  label = area ? par_roman_numeral (area_number) : g_strdup (code);
  criterion = g_strdup_printf ("%s %s", code, par_criteria_node_get_title (node));
  par_workbook_write_text (book, w->sheet, row, COL_NUMBER, label, area ? w->formats->area_text : w->formats->centered,
                           code);
  par_workbook_write_text (book, w->sheet, row, COL_CRITERION, criterion, text, code);
  write_max_cell (w, row, node, number);
  if (par_criteria_node_get_method (node) == PAR_METHOD_SURVEY)
    worksheet_write_blank (w->sheet, row, COL_SELF, number);
  else
    write_points_cell (w, row, COL_SELF, node, sub.not_applicable, sub.has_self, sub.self_milli, number, text);
  write_points_cell (w, row, COL_APPRAISED, node, sub.not_applicable, sub.has_appraised, sub.appraised_milli,
                     number, text);
  evidence = evidence_text (w->db, w->assessment, node);
  par_workbook_write_text (book, w->sheet, row, COL_EVIDENCE, evidence, text, code);
  par_workbook_write_text (book, w->sheet, row, COL_EXPLANATION, par_assessment_get_explanation (w->assessment, node),
                           text, code);
}

/* The cells (as "C12+C20") of the maxima of the topmost not-applicable
 * nodes, or of the applicable survey items; "" if none. */
static void
collect_max_cells (SheetWriter     *w,
                   ParCriteriaNode *node,
                   gboolean         survey,
                   GString         *cells)
{
  GPtrArray *children = par_criteria_node_get_children (node);
  ParSubtotal sub;
  char cell[16];

  par_assessment_get_subtotal (w->assessment, node, &sub);
  if (sub.not_applicable)
    {
      if (!survey && par_criteria_node_counts_in_max (node))
        {
          lxw_rowcol_to_cell (cell, row_of (w, node), COL_MAX);
          g_string_append_printf (cells, "%s%s", cells->len > 0 ? "+" : "", cell);
        }
      return;
    }
  if (survey && children->len == 0 && par_criteria_node_get_method (node) == PAR_METHOD_SURVEY)
    {
      lxw_rowcol_to_cell (cell, row_of (w, node), COL_MAX);
      g_string_append_printf (cells, "%s%s", cells->len > 0 ? "+" : "", cell);
    }
  for (guint i = 0; i < children->len; i++)
    collect_max_cells (w, g_ptr_array_index (children, i), survey, cells);
}

static void
write_totals (SheetWriter *w,
              GPtrArray   *roots)
{
  ParTotals totals;
  lxw_row_t total_row = w->next_row;
  lxw_row_t applicable_row = total_row + 1;
  lxw_row_t percent_row = total_row + 2;
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (lxw_row_t));
  g_autoptr(GArray) negative = g_array_new (FALSE, FALSE, sizeof (gboolean));
  g_autoptr(GArray) max_rows = g_array_new (FALSE, FALSE, sizeof (lxw_row_t));
  g_autoptr(GArray) max_negative = g_array_new (FALSE, FALSE, sizeof (gboolean));
  g_autoptr(GString) na_cells = g_string_new (NULL);
  g_autoptr(GString) survey_cells = g_string_new (NULL);
  g_autofree char *self_sum = NULL;
  g_autofree char *appraised_sum = NULL;
  g_autofree char *max_sum = NULL;
  g_autofree char *applicable = NULL;
  g_autofree char *self_percent = NULL;
  g_autofree char *appraised_percent = NULL;
  char total_max[16], total_self[16], total_appraised[16], applicable_cell[16];
  Formats *f = w->formats;

  par_assessment_get_totals (w->assessment, &totals);
  for (guint i = 0; i < roots->len; i++)
    {
      ParCriteriaNode *root = g_ptr_array_index (roots, i);
      lxw_row_t row = row_of (w, root);
      gboolean minus = par_criteria_node_get_method (root) == PAR_METHOD_PENALTY;
      gboolean plus = FALSE;

      g_array_append_val (rows, row);
      g_array_append_val (negative, minus);
      if (par_criteria_node_counts_in_max (root))
        {
          g_array_append_val (max_rows, row);
          g_array_append_val (max_negative, plus);
        }
      collect_max_cells (w, root, FALSE, na_cells);
      collect_max_cells (w, root, TRUE, survey_cells);
    }

  self_sum = sum_formula (rows, negative, COL_SELF);
  appraised_sum = sum_formula (rows, negative, COL_APPRAISED);
  max_sum = sum_formula (max_rows, max_negative, COL_MAX);
  worksheet_write_blank (w->sheet, total_row, COL_NUMBER, f->total_text);
  par_workbook_write_text (f->book, w->sheet, total_row, COL_CRITERION, _("Total"), f->total_text, NULL);
  worksheet_write_formula_num (w->sheet, total_row, COL_MAX, max_sum, f->total_number, points_value (totals.max_milli));
  worksheet_write_formula_num (w->sheet, total_row, COL_SELF, self_sum, f->total_number, points_value (totals.self_milli));
  worksheet_write_formula_num (w->sheet, total_row, COL_APPRAISED, appraised_sum, f->total_number,
                               points_value (totals.appraised_milli));

  lxw_rowcol_to_cell (total_max, total_row, COL_MAX);
  lxw_rowcol_to_cell (total_self, total_row, COL_SELF);
  lxw_rowcol_to_cell (total_appraised, total_row, COL_APPRAISED);
  lxw_rowcol_to_cell (applicable_cell, applicable_row, COL_MAX);
  applicable = na_cells->len > 0 ? g_strdup_printf ("=%s-(%s)", total_max, na_cells->str)
                                 : g_strdup_printf ("=%s", total_max);
  worksheet_write_blank (w->sheet, applicable_row, COL_NUMBER, f->total_text);
  par_workbook_write_text (f->book, w->sheet, applicable_row, COL_CRITERION,
                          _("Applicable maximum (items not applicable left out)"), f->total_text, NULL);
  worksheet_write_formula_num (w->sheet, applicable_row, COL_MAX, applicable, f->total_number,
                               points_value (totals.applicable_milli));

  /* The self-score is a share of what can be self-scored: survey points
   * are appraised only. */
  self_percent = survey_cells->len > 0
                 ? g_strdup_printf ("=IF(%s-(%s)>0,ROUND(%s/(%s-(%s))*100,2),0)", applicable_cell, survey_cells->str,
                                    total_self, applicable_cell, survey_cells->str)
                 : g_strdup_printf ("=IF(%s>0,ROUND(%s/%s*100,2),0)", applicable_cell, total_self, applicable_cell);
  appraised_percent = g_strdup_printf ("=IF(%s>0,ROUND(%s/%s*100,2),0)", applicable_cell, total_appraised,
                                       applicable_cell);
  worksheet_write_blank (w->sheet, percent_row, COL_NUMBER, f->total_text);
  par_workbook_write_text (f->book, w->sheet, percent_row, COL_CRITERION, _("Percentage of the applicable maximum (%)"),
                          f->total_text, NULL);
  worksheet_write_blank (w->sheet, percent_row, COL_MAX, f->total_number);
  worksheet_write_formula_num (w->sheet, percent_row, COL_SELF, self_percent, f->total_number,
                               totals.self_percent / 100.0);
  worksheet_write_formula_num (w->sheet, percent_row, COL_APPRAISED, appraised_percent, f->total_number,
                               totals.appraised_percent / 100.0);
  for (lxw_row_t r = total_row; r <= percent_row; r++)
    {
      worksheet_write_blank (w->sheet, r, COL_EVIDENCE, f->total_text);
      worksheet_write_blank (w->sheet, r, COL_EXPLANATION, f->total_text);
    }
  worksheet_write_blank (w->sheet, applicable_row, COL_SELF, f->total_number);
  worksheet_write_blank (w->sheet, applicable_row, COL_APPRAISED, f->total_number);

  {
    g_autofree char *group = g_strdup_printf (_("Result: %s"),
                                              par_ranking_group_label (par_ranking_group_for (
                                                totals.has_appraised ? totals.appraised_percent
                                                                     : totals.self_percent)));
    par_workbook_write_text (f->book, w->sheet, percent_row + 2, COL_CRITERION, group, f->subtitle, NULL);
  }
}

static void
write_summary_sheet (SheetWriter *w,
                     const char  *score_sheet_name,
                     GPtrArray   *roots)
{
  lxw_worksheet *sheet = workbook_add_worksheet (w->formats->workbook, C_("sheet name", "Summary by area"));
  Formats *f = w->formats;
  lxw_chart *chart;
  lxw_chart_series *series;
  lxw_row_t row = 1;
  g_autofree char *quoted = g_strdup_printf ("'%s'", score_sheet_name);

  worksheet_set_column (sheet, 0, 0, 48, NULL);
  worksheet_set_column (sheet, 1, 4, 14, NULL);
  par_workbook_write_text (f->book, sheet, 0, 0, C_("score sheet", "Area"), f->header, NULL);
  par_workbook_write_text (f->book, sheet, 0, 1, C_("score sheet", "Maximum"), f->header, NULL);
  par_workbook_write_text (f->book, sheet, 0, 2, C_("score sheet", "Self-score"), f->header, NULL);
  par_workbook_write_text (f->book, sheet, 0, 3, C_("score sheet", "Appraised"), f->header, NULL);
  /* xgettext:no-c-format */
  par_workbook_write_text (f->book, sheet, 0, 4, C_("score sheet", "Self-score (% of maximum)"), f->header, NULL);

  for (guint i = 0; i < roots->len; i++, row++)
    {
      ParCriteriaNode *root = g_ptr_array_index (roots, i);
      lxw_row_t source = row_of (w, root);
      g_autofree char *numeral = par_roman_numeral (i + 1);
      g_autofree char *label = g_strdup_printf ("%s. %s", numeral, par_criteria_node_get_title (root));
      char cell[16], self_cell[16], max_cell[16];
      ParSubtotal sub;

      par_assessment_get_subtotal (w->assessment, root, &sub);
      par_workbook_write_text (f->book, sheet, row, 0, label, f->text, NULL);
      lxw_rowcol_to_cell (cell, source, COL_MAX);
      {
        g_autofree char *formula = g_strdup_printf ("=%s!%s", quoted, cell);
        worksheet_write_formula_num (sheet, row, 1, formula, f->number, points_value (par_criteria_node_get_max (root)));
      }
      lxw_rowcol_to_cell (cell, source, COL_SELF);
      {
        g_autofree char *formula = g_strdup_printf ("=N(%s!%s)", quoted, cell);
        worksheet_write_formula_num (sheet, row, 2, formula, f->number,
                                     sub.not_applicable ? 0 : points_value (sub.self_milli));
      }
      lxw_rowcol_to_cell (cell, source, COL_APPRAISED);
      {
        g_autofree char *formula = g_strdup_printf ("=N(%s!%s)", quoted, cell);
        worksheet_write_formula_num (sheet, row, 3, formula, f->number,
                                     sub.not_applicable ? 0 : points_value (sub.appraised_milli));
      }
      lxw_rowcol_to_cell (max_cell, row, 1);
      lxw_rowcol_to_cell (self_cell, row, 2);
      {
        g_autofree char *formula = g_strdup_printf ("=IF(%s>0,ROUND(%s/%s*100,2),0)", max_cell, self_cell, max_cell);
        gint64 percent = par_percent_of (sub.not_applicable ? 0 : sub.self_milli, par_criteria_node_get_max (root));

        worksheet_write_formula_num (sheet, row, 4, formula, f->number, percent / 100.0);
      }
    }

  chart = workbook_add_chart (f->workbook, LXW_CHART_BAR);
  chart_title_set_name (chart, _("Points by area"));
  series = chart_add_series (chart, NULL, NULL);
  chart_series_set_categories (series, C_("sheet name", "Summary by area"), 1, 0, row - 1, 0);
  chart_series_set_values (series, C_("sheet name", "Summary by area"), 1, 2, row - 1, 2);
  chart_series_set_name (series, C_("score sheet", "Self-score"));
  series = chart_add_series (chart, NULL, NULL);
  chart_series_set_categories (series, C_("sheet name", "Summary by area"), 1, 0, row - 1, 0);
  chart_series_set_values (series, C_("sheet name", "Summary by area"), 1, 3, row - 1, 3);
  chart_series_set_name (series, C_("score sheet", "Appraised"));
  series = chart_add_series (chart, NULL, NULL);
  chart_series_set_categories (series, C_("sheet name", "Summary by area"), 1, 0, row - 1, 0);
  chart_series_set_values (series, C_("sheet name", "Summary by area"), 1, 1, row - 1, 1);
  chart_series_set_name (series, C_("score sheet", "Maximum"));
  worksheet_insert_chart (sheet, row + 1, 0, chart);
}

/* The score sheet of one unit (formats.md §3). @cut_items (if not NULL)
 * gets the codes of the items whose texts were too long for a cell and
 * were cut, NULL-terminated. */
gboolean
par_export_score_sheet (ParDatabase    *db,
                        ParAssessment  *assessment,
                        const char     *path,
                        GStrv          *cut_items,
                        GError        **error)
{
  ParCriteriaSet *set;
  g_autoptr(ParUnit) unit = NULL;
  g_autoptr(GHashTable) rows = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autofree char *title = NULL;
  g_autofree char *line = NULL;
  const char *sheet_name = C_("sheet name", "Score sheet");
  GPtrArray *roots;
  ParWorkbook *book;
  Formats formats;
  SheetWriter w = { 0 };
  guint area_number = 0;
  static const double widths[N_SHEET_COLUMNS] = { 7, 60, 10, 11, 11, 30, 40 };

  g_return_val_if_fail (PAR_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (PAR_IS_ASSESSMENT (assessment), FALSE);

  if (!par_database_refuse_output (db, path, error))
    return FALSE;
  set = par_assessment_get_set (assessment);
  unit = par_directory_get_unit (db, par_assessment_get_unit_id (assessment), error);
  if (unit == NULL)
    return FALSE;
  book = par_workbook_new (path, error);
  if (book == NULL)
    return FALSE;
  make_formats (&formats, book);
  title = g_strdup_printf (_("PAR Index score sheet: %s"), par_unit_get_name (unit));
  par_workbook_set_properties (book, title, par_criteria_set_get_name (set), par_unit_get_name (unit));

  w.sheet = workbook_add_worksheet (formats.workbook, sheet_name);
  w.formats = &formats;
  w.db = db;
  w.assessment = assessment;
  w.rows = rows;

  for (lxw_col_t c = 0; c < N_SHEET_COLUMNS; c++)
    worksheet_set_column (w.sheet, c, c, widths[c], NULL);

  /* Title rows */
  par_workbook_merge_text (book, w.sheet, 0, 0, N_SHEET_COLUMNS - 1, _("PAR INDEX SELF-ASSESSMENT SCORE SHEET"),
                           formats.title);
  line = g_strdup_printf (_("Unit: %s (%s)"), par_unit_get_name (unit), par_unit_get_code (unit));
  par_workbook_write_text (book, w.sheet, 1, 0, line, NULL, NULL);
  g_free (line);
  line = g_strdup_printf (_("Criteria set: %s"), par_criteria_set_get_name (set));
  par_workbook_write_text (book, w.sheet, 2, 0, line, NULL, NULL);
  g_free (line);
  line = g_strdup_printf (_("Year: %d"), par_criteria_set_get_year (set));
  par_workbook_write_text (book, w.sheet, 3, 0, line, formats.subtitle, NULL);
  write_export_date (&formats, w.sheet, 3, COL_MAX, TRUE);

  /* Header */
  worksheet_set_row (w.sheet, HEADER_ROW, 32, NULL);
  par_workbook_write_text (book, w.sheet, HEADER_ROW, COL_NUMBER, C_("score sheet", "No."), formats.header, NULL);
  par_workbook_write_text (book, w.sheet, HEADER_ROW, COL_CRITERION, C_("score sheet", "Criterion"), formats.header, NULL);
  par_workbook_write_text (book, w.sheet, HEADER_ROW, COL_MAX, C_("score sheet", "Maximum"), formats.header, NULL);
  par_workbook_write_text (book, w.sheet, HEADER_ROW, COL_SELF, C_("score sheet", "Self-score"), formats.header, NULL);
  par_workbook_write_text (book, w.sheet, HEADER_ROW, COL_APPRAISED, C_("score sheet", "Appraised"), formats.header, NULL);
  par_workbook_write_text (book, w.sheet, HEADER_ROW, COL_EVIDENCE, C_("score sheet", "Evidence"), formats.header, NULL);
  par_workbook_write_text (book, w.sheet, HEADER_ROW, COL_EXPLANATION, C_("score sheet", "Explanation"), formats.header, NULL);

  /* Rows are laid out first so that a parent's formula can name its
   * children's cells. */
  for (guint i = 0; i < par_criteria_set_get_n_nodes (set); i++)
    g_hash_table_insert (rows, par_criteria_set_get_node (set, i), GUINT_TO_POINTER (HEADER_ROW + 1 + i + 1));
  for (guint i = 0; i < par_criteria_set_get_n_nodes (set); i++)
    {
      ParCriteriaNode *node = par_criteria_set_get_node (set, i);

      if (par_criteria_node_get_depth (node) == 0)
        area_number++;
      write_node_row (&w, node, area_number);
    }
  w.next_row = HEADER_ROW + 1 + par_criteria_set_get_n_nodes (set);
  roots = par_criteria_set_get_roots (set);
  write_totals (&w, roots);

  worksheet_freeze_panes (w.sheet, HEADER_ROW + 1, 0);
  worksheet_set_landscape (w.sheet);
  worksheet_set_paper (w.sheet, PAPER_A4);
  worksheet_fit_to_pages (w.sheet, 1, 0);
  worksheet_repeat_rows (w.sheet, HEADER_ROW, HEADER_ROW);
  worksheet_set_margins (w.sheet, 0.5, 0.5, 0.6, 0.6);
  worksheet_set_footer (w.sheet, "&C&P / &N");

  write_summary_sheet (&w, sheet_name, roots);
  return par_workbook_close (book, cut_items, error);
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
  g_autofree char *line = NULL;
  GPtrArray *roots;
  ParWorkbook *book;
  lxw_worksheet *sheet;
  Formats formats;
  lxw_row_t header_row = 4;
  lxw_col_t col;
  lxw_col_t first_area_col = 3;
  lxw_col_t total_col, percent_col, group_col;

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
  make_formats (&formats, book);
  title = g_strdup_printf (_("PAR Index ranking: %s"), par_criteria_set_get_name (set));
  par_workbook_set_properties (book, title, par_criteria_set_get_name (set), NULL);
  sheet = workbook_add_worksheet (formats.workbook, C_("sheet name", "Ranking"));
  roots = par_criteria_set_get_roots (set);
  total_col = first_area_col + roots->len;
  percent_col = total_col + 1;
  group_col = total_col + 2;

  par_workbook_merge_text (book, sheet, 0, 0, group_col, _("PAR INDEX RANKING"), formats.title);
  line = g_strdup_printf (_("Criteria set: %s (%d)"), par_criteria_set_get_name (set), par_criteria_set_get_year (set));
  par_workbook_write_text (book, sheet, 1, 0, line, NULL, NULL);
  par_workbook_write_text (book, sheet, 2, 0,
                           basis == PAR_RANKING_BY_APPRAISED ? _("Ranked by appraised scores")
                                                             : _("Ranked by self-scores"),
                           formats.subtitle, NULL);
  write_export_date (&formats, sheet, 3, 0, FALSE);

  worksheet_set_row (sheet, header_row, 45, NULL);
  worksheet_set_column (sheet, 0, 0, 7, NULL);
  worksheet_set_column (sheet, 1, 1, 10, NULL);
  worksheet_set_column (sheet, 2, 2, 40, NULL);
  worksheet_set_column (sheet, first_area_col, group_col, 12, NULL);
  par_workbook_write_text (book, sheet, header_row, 0, C_("ranking", "Rank"), formats.header, NULL);
  par_workbook_write_text (book, sheet, header_row, 1, C_("ranking", "Code"), formats.header, NULL);
  par_workbook_write_text (book, sheet, header_row, 2, C_("ranking", "Unit"), formats.header, NULL);
  for (guint i = 0; i < roots->len; i++)
    {
      ParCriteriaNode *root = g_ptr_array_index (roots, i);
      g_autofree char *numeral = par_roman_numeral (i + 1);
      g_autofree char *max = par_points_to_string (par_criteria_node_get_max (root));
      g_autofree char *label = g_strdup_printf ("%s. %s (%s)", numeral, par_criteria_node_get_title (root), max);

      par_workbook_write_text (book, sheet, header_row, first_area_col + i, label, formats.header, NULL);
    }
  par_workbook_write_text (book, sheet, header_row, total_col, C_("ranking", "Total"), formats.header, NULL);
  par_workbook_write_text (book, sheet, header_row, percent_col, C_("ranking", "Percent"), formats.header, NULL);
  par_workbook_write_text (book, sheet, header_row, group_col, C_("ranking", "Group"), formats.header, NULL);

  for (guint e = 0; e < entries->len; e++)
    {
      ParRankingEntry *entry = g_ptr_array_index (entries, e);
      lxw_row_t row = header_row + 1 + e;
      g_autoptr(GArray) area_cols = g_array_new (FALSE, FALSE, sizeof (lxw_col_t));
      g_autoptr(GArray) negative = g_array_new (FALSE, FALSE, sizeof (gboolean));
      g_autofree char *sum = NULL;

      if (entry->scored)
        worksheet_write_number (sheet, row, 0, entry->rank, formats.centered);
      else
        par_workbook_write_text (book, sheet, row, 0, "—", formats.centered, NULL);
      par_workbook_write_text (book, sheet, row, 1, par_unit_get_code (entry->unit), formats.text, NULL);
      par_workbook_write_text (book, sheet, row, 2, par_unit_get_name (entry->unit), formats.text, NULL);
      for (col = 0; col < roots->len; col++)
        {
          gboolean has;
          gint64 milli;

          par_ranking_area_points (entry, g_ptr_array_index (roots, col), basis, &has, &milli);
          if (has)
            worksheet_write_number (sheet, row, first_area_col + col, points_value (milli), formats.number);
          else
            worksheet_write_blank (sheet, row, first_area_col + col, formats.number);
        }
      /* A penalty area is taken off the total, as in the score sheet. */
      for (col = 0; col < roots->len; col++)
        {
          lxw_col_t area_col = first_area_col + col;
          gboolean minus = par_criteria_node_get_method (g_ptr_array_index (roots, col)) == PAR_METHOD_PENALTY;

          g_array_append_val (area_cols, area_col);
          g_array_append_val (negative, minus);
        }
      sum = sum_formula_in_row (row, area_cols, negative);
      worksheet_write_formula_num (sheet, row, total_col, sum, formats.total_number, points_value (entry->total_milli));
      if (entry->scored)
        worksheet_write_number (sheet, row, percent_col, entry->percent / 100.0, formats.number);
      else
        worksheet_write_blank (sheet, row, percent_col, formats.number);
      par_workbook_write_text (book, sheet, row, group_col, entry->group, formats.centered, NULL);
    }

  worksheet_freeze_panes (sheet, header_row + 1, 3);
  worksheet_set_landscape (sheet);
  worksheet_set_paper (sheet, PAPER_A4);
  worksheet_fit_to_pages (sheet, 1, 0);
  worksheet_repeat_rows (sheet, header_row, header_row);
  worksheet_set_footer (sheet, "&C&P / &N");
  if (entries->len > 0)
    worksheet_autofilter (sheet, header_row, 0, header_row + entries->len, group_col);
  return par_workbook_close (book, NULL, error);
}

typedef struct
{
  char  *db_path;
  gint64 set_id;
  gint64 unit_id;   /* 0: the ranking */
  char  *dest_path;
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_free (job->db_path);
  g_free (job->dest_path);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(ParDatabase) db = NULL;
  g_autoptr(ParCriteriaSet) set = NULL;
  g_autoptr(ParAssessment) assessment = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) cut_items = NULL;
  ParRankingBasis basis;
  gboolean ok = FALSE;

  /* A worker uses its own connection. */
  db = par_database_open (job->db_path, PAR_DATABASE_OPEN_EXISTING, &error);
  if (db != NULL)
    set = par_criteria_set_load (db, job->set_id, &error);
  if (set != NULL && job->unit_id != 0)
    {
      assessment = par_assessment_load (db, set, job->unit_id, &error);
      ok = assessment != NULL && par_export_score_sheet (db, assessment, job->dest_path, &cut_items, &error);
    }
  else if (set != NULL)
    ok = par_ranking_default_basis (db, set, &basis, &error)
         && par_export_ranking (db, set, basis, job->dest_path, &error);

  if (!ok)
    g_task_return_error (task, g_steal_pointer (&error));
  else if (cut_items != NULL)
    g_task_return_pointer (task, g_steal_pointer (&cut_items), (GDestroyNotify) g_strfreev);
  else
    g_task_return_pointer (task, g_new0 (char *, 1), (GDestroyNotify) g_strfreev);
}

/* Writes the score sheet of @unit_id, or with @unit_id 0 the ranking of
 * the set, in a worker thread. */
void
par_export_async (const char          *db_path,
                  gint64               set_id,
                  gint64               unit_id,
                  const char          *dest_path,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  ExportJob *job = g_new0 (ExportJob, 1);

  job->db_path = g_strdup (db_path);
  job->set_id = set_id;
  job->unit_id = unit_id;
  job->dest_path = g_strdup (dest_path);
  g_task_set_source_tag (task, par_export_async);
  g_task_set_task_data (task, job, export_job_free);
  g_task_run_in_thread (task, export_thread);
}

/* @cut_items (if not NULL) gets what par_export_score_sheet() tells. */
gboolean
par_export_finish (GAsyncResult  *result,
                   GStrv         *cut_items,
                   GError       **error)
{
  GStrv cut;

  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  cut = g_task_propagate_pointer (G_TASK (result), error);
  if (cut == NULL)
    return FALSE;
  if (cut_items != NULL)
    *cut_items = cut;
  else
    g_strfreev (cut);
  return TRUE;
}
