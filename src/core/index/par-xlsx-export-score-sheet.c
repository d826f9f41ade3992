/* par-xlsx-export-score-sheet.c: the XLSX score sheet of one unit
 *
 * One row a node in tree order, then the totals, the percentages and the
 * ranking group; a second sheet sums up each area with a chart
 * (docs/score-sheet.md).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "par-database-private.h"
#include "par-directory.h"
#include "par-evidence.h"
#include "par-pdf-signature.h"
#include "par-points.h"
#include "par-xlsx-export-private.h"

enum {
  COL_NUMBER, COL_CRITERION, COL_MAX, COL_SELF, COL_APPRAISED, COL_EVIDENCE, COL_EXPLANATION,
  N_SHEET_COLUMNS
};

#define HEADER_ROW 5

/* "1242/QĐ-UBND (14/09/2021 · Signed, issuer trusted); 15/KH-SNV (02/01/2025)": the signature as
 * the badges of the window say it, judged against the file's trust list. */
static char *
evidence_text (ParDatabase     *db,
               ParAssessment   *assessment,
               ParCriteriaNode *node,
               GHashTable      *trust)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  if (par_assessment_get_id (assessment) == 0 || par_assessment_get_evidence_count (assessment, node) == 0)
    return g_strdup ("");
  stmt = par_database_prepare (db,
                               "SELECT d.doc_number, d.doc_date, d.filename, d.id, d.signature_status FROM evidence_link l"
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
      gint64 id = sqlite3_column_int64 (stmt, 3);
      const char *verdict = (const char *) sqlite3_column_text (stmt, 4);
      gpointer status = trust != NULL ? g_hash_table_lookup (trust, &id) : NULL;
      g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
      int year, month, day;

      if (text->len > 0)
        g_string_append (text, "; ");
      g_string_append (text, number != NULL && *number != '\0' ? number : (const char *) sqlite3_column_text (stmt, 2));
      if (date != NULL && sscanf (date, "%4d-%2d-%2d", &year, &month, &day) == 3)
        g_ptr_array_add (notes, g_strdup_printf ("%02d/%02d/%04d", day, month, year));
      if (g_strcmp0 (verdict, "none") != 0)
        g_ptr_array_add (notes, g_strdup (par_signature_summary_label (
          verdict, status != NULL ? par_certificate_status_to_string (GPOINTER_TO_INT (status) - 1) : "unknown")));
      g_ptr_array_add (notes, NULL);
      if (notes->len > 1)
        {
          g_autofree char *joined = g_strjoinv (" · ", (char **) notes->pdata);

          g_string_append_printf (text, " (%s)", joined);
        }
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

typedef struct
{
  lxw_worksheet   *sheet;
  ParXlsxFormats  *formats;
  ParDatabase     *db;
  ParAssessment   *assessment;
  GHashTable      *rows;          /* ParCriteriaNode → row + 1 */
  GHashTable      *trust;         /* document id → ParCertificateStatus + 1, see par_evidence_list_trust() */
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
        worksheet_write_number (w->sheet, row, col, par_xlsx_points (milli), format);
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
    formula = par_xlsx_sum_formula (rows, negative, col);
    worksheet_write_formula_num (w->sheet, row, col, formula, format, par_xlsx_points (has ? milli : 0));
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
      worksheet_write_number (w->sheet, row, COL_MAX, par_xlsx_points (par_criteria_node_get_max (node)), format);
      return;
    }
  formula = par_xlsx_sum_formula (rows, negative, COL_MAX);
  worksheet_write_formula_num (w->sheet, row, COL_MAX, formula, format,
                               par_xlsx_points (par_criteria_node_get_max (node)));
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
  evidence = evidence_text (w->db, w->assessment, node, w->trust);
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

/* The "Total" row: the areas' sums, a penalty area taken off. */
static void
write_total_row (SheetWriter     *w,
                 GPtrArray       *roots,
                 lxw_row_t        row,
                 const ParTotals *totals)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (lxw_row_t));
  g_autoptr(GArray) negative = g_array_new (FALSE, FALSE, sizeof (gboolean));
  g_autoptr(GArray) max_rows = g_array_new (FALSE, FALSE, sizeof (lxw_row_t));
  g_autoptr(GArray) max_negative = g_array_new (FALSE, FALSE, sizeof (gboolean));
  g_autofree char *self_sum = NULL;
  g_autofree char *appraised_sum = NULL;
  g_autofree char *max_sum = NULL;
  ParXlsxFormats *f = w->formats;

  for (guint i = 0; i < roots->len; i++)
    {
      ParCriteriaNode *root = g_ptr_array_index (roots, i);
      lxw_row_t root_row = row_of (w, root);
      gboolean minus = par_criteria_node_get_method (root) == PAR_METHOD_PENALTY;
      gboolean plus = FALSE;

      g_array_append_val (rows, root_row);
      g_array_append_val (negative, minus);
      if (par_criteria_node_counts_in_max (root))
        {
          g_array_append_val (max_rows, root_row);
          g_array_append_val (max_negative, plus);
        }
    }

  self_sum = par_xlsx_sum_formula (rows, negative, COL_SELF);
  appraised_sum = par_xlsx_sum_formula (rows, negative, COL_APPRAISED);
  max_sum = par_xlsx_sum_formula (max_rows, max_negative, COL_MAX);
  worksheet_write_blank (w->sheet, row, COL_NUMBER, f->total_text);
  par_workbook_write_text (f->book, w->sheet, row, COL_CRITERION, _("Total"), f->total_text, NULL);
  worksheet_write_formula_num (w->sheet, row, COL_MAX, max_sum, f->total_number,
                               par_xlsx_points (totals->max_milli));
  worksheet_write_formula_num (w->sheet, row, COL_SELF, self_sum, f->total_number,
                               par_xlsx_points (totals->self_milli));
  worksheet_write_formula_num (w->sheet, row, COL_APPRAISED, appraised_sum, f->total_number,
                               par_xlsx_points (totals->appraised_milli));
}

/* The applicable maximum: the total's, less the maxima of the topmost
 * nodes not applicable. */
static void
write_applicable_row (SheetWriter     *w,
                      GPtrArray       *roots,
                      lxw_row_t        row,
                      lxw_row_t        total_row,
                      const ParTotals *totals)
{
  g_autoptr(GString) na_cells = g_string_new (NULL);
  g_autofree char *applicable = NULL;
  char total_max[16];
  ParXlsxFormats *f = w->formats;

  for (guint i = 0; i < roots->len; i++)
    collect_max_cells (w, g_ptr_array_index (roots, i), FALSE, na_cells);
  lxw_rowcol_to_cell (total_max, total_row, COL_MAX);
  applicable = na_cells->len > 0 ? g_strdup_printf ("=%s-(%s)", total_max, na_cells->str)
                                 : g_strdup_printf ("=%s", total_max);
  worksheet_write_blank (w->sheet, row, COL_NUMBER, f->total_text);
  par_workbook_write_text (f->book, w->sheet, row, COL_CRITERION,
                           _("Applicable maximum (items not applicable left out)"), f->total_text, NULL);
  worksheet_write_formula_num (w->sheet, row, COL_MAX, applicable, f->total_number,
                               par_xlsx_points (totals->applicable_milli));
  worksheet_write_blank (w->sheet, row, COL_SELF, f->total_number);
  worksheet_write_blank (w->sheet, row, COL_APPRAISED, f->total_number);
}

/* The self-score and the appraised score as percentages of the
 * applicable maximum. */
static void
write_percent_row (SheetWriter     *w,
                   GPtrArray       *roots,
                   lxw_row_t        row,
                   lxw_row_t        total_row,
                   lxw_row_t        applicable_row,
                   const ParTotals *totals)
{
  g_autoptr(GString) survey_cells = g_string_new (NULL);
  g_autofree char *self_percent = NULL;
  g_autofree char *appraised_percent = NULL;
  char total_self[16], total_appraised[16], applicable_cell[16];
  ParXlsxFormats *f = w->formats;

  for (guint i = 0; i < roots->len; i++)
    collect_max_cells (w, g_ptr_array_index (roots, i), TRUE, survey_cells);
  lxw_rowcol_to_cell (total_self, total_row, COL_SELF);
  lxw_rowcol_to_cell (total_appraised, total_row, COL_APPRAISED);
  lxw_rowcol_to_cell (applicable_cell, applicable_row, COL_MAX);

  /* The self-score is a share of what can be self-scored: survey points
   * are appraised only. */
  self_percent = survey_cells->len > 0
                 ? g_strdup_printf ("=IF(%s-(%s)>0,ROUND(%s/(%s-(%s))*100,2),0)", applicable_cell, survey_cells->str,
                                    total_self, applicable_cell, survey_cells->str)
                 : g_strdup_printf ("=IF(%s>0,ROUND(%s/%s*100,2),0)", applicable_cell, total_self, applicable_cell);
  appraised_percent = g_strdup_printf ("=IF(%s>0,ROUND(%s/%s*100,2),0)", applicable_cell, total_appraised,
                                       applicable_cell);
  worksheet_write_blank (w->sheet, row, COL_NUMBER, f->total_text);
  par_workbook_write_text (f->book, w->sheet, row, COL_CRITERION, _("Percentage of the applicable maximum (%)"),
                           f->total_text, NULL);
  worksheet_write_blank (w->sheet, row, COL_MAX, f->total_number);
  worksheet_write_formula_num (w->sheet, row, COL_SELF, self_percent, f->total_number,
                               totals->self_percent / 100.0);
  worksheet_write_formula_num (w->sheet, row, COL_APPRAISED, appraised_percent, f->total_number,
                               totals->appraised_percent / 100.0);
}

/* The totals below the nodes, and the ranking group they give. */
static void
write_totals (SheetWriter *w,
              GPtrArray   *roots)
{
  ParTotals totals;
  lxw_row_t total_row = w->next_row;
  lxw_row_t applicable_row = total_row + 1;
  lxw_row_t percent_row = total_row + 2;
  ParXlsxFormats *f = w->formats;
  g_autofree char *group = NULL;

  par_assessment_get_totals (w->assessment, &totals);
  write_total_row (w, roots, total_row, &totals);
  write_applicable_row (w, roots, applicable_row, total_row, &totals);
  write_percent_row (w, roots, percent_row, total_row, applicable_row, &totals);
  for (lxw_row_t r = total_row; r <= percent_row; r++)
    {
      worksheet_write_blank (w->sheet, r, COL_EVIDENCE, f->total_text);
      worksheet_write_blank (w->sheet, r, COL_EXPLANATION, f->total_text);
    }

  group = g_strdup_printf (_("Result: %s"),
                           par_ranking_group_label (par_ranking_group_for (totals.has_appraised
                                                                           ? totals.appraised_percent
                                                                           : totals.self_percent)));
  par_workbook_write_text (f->book, w->sheet, percent_row + 2, COL_CRITERION, group, f->subtitle, NULL);
}

/* The second sheet: each area's points, and a chart of them. */
static void
write_summary_sheet (SheetWriter *w,
                     const char  *score_sheet_name,
                     GPtrArray   *roots)
{
  lxw_worksheet *sheet = workbook_add_worksheet (w->formats->workbook, C_("sheet name", "Summary by area"));
  ParXlsxFormats *f = w->formats;
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
        worksheet_write_formula_num (sheet, row, 1, formula, f->number, par_xlsx_points (par_criteria_node_get_max (root)));
      }
      lxw_rowcol_to_cell (cell, source, COL_SELF);
      {
        g_autofree char *formula = g_strdup_printf ("=N(%s!%s)", quoted, cell);
        worksheet_write_formula_num (sheet, row, 2, formula, f->number,
                                     sub.not_applicable ? 0 : par_xlsx_points (sub.self_milli));
      }
      lxw_rowcol_to_cell (cell, source, COL_APPRAISED);
      {
        g_autofree char *formula = g_strdup_printf ("=N(%s!%s)", quoted, cell);
        worksheet_write_formula_num (sheet, row, 3, formula, f->number,
                                     sub.not_applicable ? 0 : par_xlsx_points (sub.appraised_milli));
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

/* The unit, the set and the year above the header. */
static void
write_title (SheetWriter    *w,
             ParUnit        *unit,
             ParCriteriaSet *set)
{
  ParWorkbook *book = w->formats->book;
  g_autofree char *line = NULL;

  par_workbook_merge_text (book, w->sheet, 0, 0, N_SHEET_COLUMNS - 1, _("PAR INDEX SELF-ASSESSMENT SCORE SHEET"),
                           w->formats->title);
  line = g_strdup_printf (_("Unit: %s (%s)"), par_unit_get_name (unit), par_unit_get_code (unit));
  par_workbook_write_text (book, w->sheet, 1, 0, line, NULL, NULL);
  g_free (line);
  line = g_strdup_printf (_("Criteria set: %s"), par_criteria_set_get_name (set));
  par_workbook_write_text (book, w->sheet, 2, 0, line, NULL, NULL);
  g_free (line);
  line = g_strdup_printf (_("Year: %d"), par_criteria_set_get_year (set));
  par_workbook_write_text (book, w->sheet, 3, 0, line, w->formats->subtitle, NULL);
  par_xlsx_write_export_date (w->formats, w->sheet, 3, COL_MAX, TRUE);
}

static void
write_header (SheetWriter *w)
{
  ParWorkbook *book = w->formats->book;
  lxw_format *header = w->formats->header;

  worksheet_set_row (w->sheet, HEADER_ROW, 32, NULL);
  par_workbook_write_text (book, w->sheet, HEADER_ROW, COL_NUMBER, C_("score sheet", "No."), header, NULL);
  par_workbook_write_text (book, w->sheet, HEADER_ROW, COL_CRITERION, C_("score sheet", "Criterion"), header, NULL);
  par_workbook_write_text (book, w->sheet, HEADER_ROW, COL_MAX, C_("score sheet", "Maximum"), header, NULL);
  par_workbook_write_text (book, w->sheet, HEADER_ROW, COL_SELF, C_("score sheet", "Self-score"), header, NULL);
  par_workbook_write_text (book, w->sheet, HEADER_ROW, COL_APPRAISED, C_("score sheet", "Appraised"), header, NULL);
  par_workbook_write_text (book, w->sheet, HEADER_ROW, COL_EVIDENCE, C_("score sheet", "Evidence"), header, NULL);
  par_workbook_write_text (book, w->sheet, HEADER_ROW, COL_EXPLANATION, C_("score sheet", "Explanation"), header,
                           NULL);
}

/* A row for every node, in tree order; the rows are laid out first so
 * that a parent's formula can name its children's cells. */
static void
write_node_rows (SheetWriter    *w,
                 ParCriteriaSet *set)
{
  guint area_number = 0;

  for (guint i = 0; i < par_criteria_set_get_n_nodes (set); i++)
    g_hash_table_insert (w->rows, par_criteria_set_get_node (set, i), GUINT_TO_POINTER (HEADER_ROW + 1 + i + 1));
  for (guint i = 0; i < par_criteria_set_get_n_nodes (set); i++)
    {
      ParCriteriaNode *node = par_criteria_set_get_node (set, i);

      if (par_criteria_node_get_depth (node) == 0)
        area_number++;
      write_node_row (w, node, area_number);
    }
  w->next_row = HEADER_ROW + 1 + par_criteria_set_get_n_nodes (set);
}

/* Landscape A4, one page wide, the header repeated on every page. */
static void
set_up_pages (lxw_worksheet *sheet)
{
  worksheet_freeze_panes (sheet, HEADER_ROW + 1, 0);
  worksheet_set_landscape (sheet);
  worksheet_set_paper (sheet, PAR_XLSX_PAPER_A4);
  worksheet_fit_to_pages (sheet, 1, 0);
  worksheet_repeat_rows (sheet, HEADER_ROW, HEADER_ROW);
  worksheet_set_margins (sheet, 0.5, 0.5, 0.6, 0.6);
  worksheet_set_footer (sheet, "&C&P / &N");
}

/* The score sheet of one unit (docs/score-sheet.md). @cut_items (if not NULL)
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
  g_autoptr(GHashTable) trust = NULL;
  g_autofree char *title = NULL;
  const char *sheet_name = C_("sheet name", "Score sheet");
  ParWorkbook *book;
  ParXlsxFormats formats;
  SheetWriter w = { 0 };
  static const double widths[N_SHEET_COLUMNS] = { 7, 60, 10, 11, 11, 30, 40 };

  g_return_val_if_fail (PAR_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (PAR_IS_ASSESSMENT (assessment), FALSE);

  if (!par_database_refuse_output (db, path, error))
    return FALSE;
  set = par_assessment_get_set (assessment);
  unit = par_directory_get_unit (db, par_assessment_get_unit_id (assessment), error);
  if (unit == NULL)
    return FALSE;
  trust = par_evidence_list_trust (db, error);
  if (trust == NULL)
    return FALSE;
  book = par_workbook_new (path, error);
  if (book == NULL)
    return FALSE;
  par_xlsx_make_formats (&formats, book);
  title = g_strdup_printf (_("PAR Index score sheet: %s"), par_unit_get_name (unit));
  par_workbook_set_properties (book, title, par_criteria_set_get_name (set), par_unit_get_name (unit));

  w.sheet = workbook_add_worksheet (formats.workbook, sheet_name);
  w.formats = &formats;
  w.db = db;
  w.assessment = assessment;
  w.rows = rows;
  w.trust = trust;

  for (lxw_col_t c = 0; c < N_SHEET_COLUMNS; c++)
    worksheet_set_column (w.sheet, c, c, widths[c], NULL);
  write_title (&w, unit, set);
  write_header (&w);
  write_node_rows (&w, set);
  write_totals (&w, par_criteria_set_get_roots (set));
  set_up_pages (w.sheet);

  write_summary_sheet (&w, sheet_name, par_criteria_set_get_roots (set));
  return par_workbook_close (book, cut_items, error);
}
