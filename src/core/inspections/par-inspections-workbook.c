/* par-inspections-workbook.c: the inspection plan workbook: a year's inspections with their teams, and their recommendations
 *
 * Two sheets (docs/inspection-files.md): the inspections that start in the
 * year and are not cancelled, by first day then id, one row each with the
 * team in its own cells; then the recommendations of those inspections, in
 * that order then by id, with their status as of a date. The cell formats,
 * header and page set-up are the plan workbook's, so that both print alike.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "par-inspection-follow-up.h"
#include "par-inspection-items.h"
#include "par-inspections-export.h"
#include "par-inspections.h"
#include "par-plan-export-private.h"

enum {
  COL_NUMBER, COL_UNIT, COL_FROM, COL_TO, COL_TITLE, COL_SCOPE, COL_LEADER, COL_DEPUTIES, COL_MEMBERS,
  COL_SECRETARY, N_COLUMNS
};

enum {
  REC_NUMBER, REC_UNIT, REC_TEXT, REC_RESPONSIBLE, REC_DEADLINE, REC_STATUS, REC_CLOSED, REC_FOLLOW_UP,
  N_REC_COLUMNS
};

#define HEADER_ROW 2
#define REC_HEADER_ROW 3

G_DEFINE_QUARK (par-inspections-export-error-quark, par_inspections_export_error)

/* The people of @role, each as "Name (Position)" or the name alone, one a line. */
static char *
team_cell (const ParInspection *inspection,
           ParTeamRole          role)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < inspection->team->len; i++)
    {
      ParTeamMember *member = g_ptr_array_index (inspection->team, i);

      if (member->role != role)
        continue;
      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, member->name);
      if (member->position != NULL && *member->position != '\0')
        g_string_append_printf (text, " (%s)", member->position);
    }
  return g_string_free (text, FALSE);
}

static void
write_date_or_blank (ParPlanFormats *f,
                     lxw_worksheet  *sheet,
                     lxw_row_t       row,
                     lxw_col_t       col,
                     const GDate    *date)
{
  if (g_date_valid (date))
    par_workbook_write_date (f->book, sheet, row, col, date, f->date);
  else
    worksheet_write_blank (sheet, row, col, f->date);
}

static void
write_inspection_row (ParPlanFormats      *f,
                      lxw_worksheet       *sheet,
                      lxw_row_t            row,
                      guint                number,
                      const ParInspection *inspection,
                      const char          *scope)
{
  /* Translators: names an inspection whose text was cut to fit a cell, in a warning */
  g_autofree char *item = g_strdup_printf (_("inspection %lld"), (long long) inspection->id);
  static const ParTeamRole roles[] = {
    PAR_TEAM_ROLE_LEADER, PAR_TEAM_ROLE_DEPUTY, PAR_TEAM_ROLE_MEMBER, PAR_TEAM_ROLE_SECRETARY,
  };

  worksheet_write_number (sheet, row, COL_NUMBER, number, f->centered);
  par_workbook_write_text (f->book, sheet, row, COL_UNIT, inspection->unit_name, f->text, item);
  write_date_or_blank (f, sheet, row, COL_FROM, &inspection->first);
  write_date_or_blank (f, sheet, row, COL_TO, &inspection->last);
  par_workbook_write_text (f->book, sheet, row, COL_TITLE, inspection->title, f->text, item);
  par_workbook_write_text (f->book, sheet, row, COL_SCOPE, scope, f->text, item);
  for (guint i = 0; i < G_N_ELEMENTS (roles); i++)
    {
      g_autofree char *team = team_cell (inspection, roles[i]);

      par_workbook_write_text (f->book, sheet, row, COL_LEADER + i, team, f->text, item);
    }
}

static void
write_inspections_sheet (ParPlanFormats *f,
                         GPtrArray      *inspections,
                         GPtrArray      *scopes,
                         int             year)
{
  const char *labels[N_COLUMNS] = {
    C_("inspection workbook", "No."),
    C_("inspection workbook", "Unit inspected"),
    C_("inspection workbook", "From"),
    C_("inspection workbook", "To"),
    C_("inspection workbook", "Title"),
    C_("inspection workbook", "Scope"),
    C_("inspection workbook", "Team leader"),
    C_("inspection workbook", "Deputy leaders"),
    C_("inspection workbook", "Members"),
    C_("inspection workbook", "Secretary"),
  };
  static const double widths[N_COLUMNS] = { 6, 26, 12, 12, 36, 36, 26, 26, 28, 24 };
  /* Translators: the sheet of the inspection plan workbook that lists the year's inspections */
  lxw_worksheet *sheet = workbook_add_worksheet (f->workbook, C_("sheet name", "Inspections"));
  /* Translators: the title row of the inspection plan workbook; %d is the year */
  g_autofree char *title = g_strdup_printf (_("Inspection plan for administrative reform, %d"), year);

  par_workbook_merge_text (f->book, sheet, 0, 0, N_COLUMNS - 1, title, f->title);
  par_plan_write_header (f, sheet, HEADER_ROW, labels, widths, N_COLUMNS);
  for (guint i = 0; i < inspections->len; i++)
    write_inspection_row (f, sheet, HEADER_ROW + 1 + i, i + 1, g_ptr_array_index (inspections, i),
                          g_ptr_array_index (scopes, i));
  par_plan_set_up_pages (sheet, HEADER_ROW);
}

static void
write_recommendation_row (ParPlanFormats          *f,
                          lxw_worksheet           *sheet,
                          lxw_row_t                row,
                          guint                    number,
                          const ParInspection     *inspection,
                          const ParRecommendation *recommendation,
                          const GDate             *as_of)
{
  /* Translators: names a recommendation whose text was cut to fit a cell, in a warning */
  g_autofree char *item = g_strdup_printf (_("recommendation %lld"), (long long) recommendation->id);
  ParRecommendationStatus status = par_recommendation_get_status (recommendation, as_of);
  gboolean closed = g_date_valid (&recommendation->closed_on) && g_date_compare (&recommendation->closed_on, as_of) <= 0;

  worksheet_write_number (sheet, row, REC_NUMBER, number, f->centered);
  par_workbook_write_text (f->book, sheet, row, REC_UNIT, inspection->unit_name, f->text, item);
  par_workbook_write_text (f->book, sheet, row, REC_TEXT, recommendation->text, f->text, item);
  par_workbook_write_text (f->book, sheet, row, REC_RESPONSIBLE, recommendation->unit_name, f->text, item);
  write_date_or_blank (f, sheet, row, REC_DEADLINE, &recommendation->deadline);
  par_workbook_write_text (f->book, sheet, row, REC_STATUS, par_recommendation_status_get_label (status), f->text,
                           item);
  /* What was done after the date is not known as of it. */
  if (closed)
    {
      par_workbook_write_date (f->book, sheet, row, REC_CLOSED, &recommendation->closed_on, f->date);
      par_workbook_write_text (f->book, sheet, row, REC_FOLLOW_UP, recommendation->follow_up, f->text, item);
    }
  else
    {
      worksheet_write_blank (sheet, row, REC_CLOSED, f->date);
      worksheet_write_blank (sheet, row, REC_FOLLOW_UP, f->text);
    }
}

/* The recommendations of @inspections, in their order then by id. */
static void
write_recommendation_rows (ParPlanFormats *f,
                           lxw_worksheet  *sheet,
                           GPtrArray      *inspections,
                           GPtrArray      *recommendations,
                           const GDate    *as_of)
{
  g_autoptr(GHashTable) by_inspection = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL,
                                                               (GDestroyNotify) g_ptr_array_unref);
  lxw_row_t row = REC_HEADER_ROW + 1;
  guint number = 0;

  /* recommendations come by id: each inspection's list keeps that order */
  for (guint j = 0; j < recommendations->len; j++)
    {
      ParRecommendation *recommendation = g_ptr_array_index (recommendations, j);
      GPtrArray *list = g_hash_table_lookup (by_inspection, &recommendation->inspection_id);

      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (by_inspection, &recommendation->inspection_id, list);
        }
      g_ptr_array_add (list, recommendation);
    }
  for (guint i = 0; i < inspections->len; i++)
    {
      ParInspection *inspection = g_ptr_array_index (inspections, i);
      GPtrArray *list = g_hash_table_lookup (by_inspection, &inspection->id);

      for (guint j = 0; list != NULL && j < list->len; j++)
        write_recommendation_row (f, sheet, row++, ++number, inspection, g_ptr_array_index (list, j), as_of);
    }
}

static void
write_recommendations_sheet (ParPlanFormats *f,
                             GPtrArray      *inspections,
                             GPtrArray      *recommendations,
                             int             year,
                             const GDate    *as_of)
{
  const char *labels[N_REC_COLUMNS] = {
    C_("inspection workbook", "No."),
    C_("inspection workbook", "Unit inspected"),
    C_("inspection workbook", "Recommendation"),
    C_("inspection workbook", "Responsible unit"),
    C_("inspection workbook", "Deadline"),
    C_("inspection workbook", "Status"),
    C_("inspection workbook", "Closed on"),
    C_("inspection workbook", "Follow-up"),
  };
  static const double widths[N_REC_COLUMNS] = { 6, 26, 44, 26, 12, 20, 12, 40 };
  /* Translators: the sheet of the inspection plan workbook that lists the inspections' recommendations */
  lxw_worksheet *sheet = workbook_add_worksheet (f->workbook, C_("sheet name", "Recommendations"));
  /* Translators: the title row of the recommendations sheet; %d is the year */
  g_autofree char *title = g_strdup_printf (_("Recommendations of the inspections of %d"), year);

  par_workbook_merge_text (f->book, sheet, 0, 0, N_REC_COLUMNS - 1, title, f->title);
  /* Translators: in the inspection workbook's title rows, before the date the statuses are worked out for */
  par_workbook_merge_text (f->book, sheet, 1, REC_NUMBER, REC_UNIT, C_("inspection workbook", "Status as of:"),
                           f->label_right);
  par_workbook_write_date (f->book, sheet, 1, REC_TEXT, as_of, f->date_left);
  par_plan_write_header (f, sheet, REC_HEADER_ROW, labels, widths, N_REC_COLUMNS);
  write_recommendation_rows (f, sheet, inspections, recommendations, as_of);
  par_plan_set_up_pages (sheet, REC_HEADER_ROW);
}

/* The inspections that start in @year and are not cancelled, by first day then id. */
static GPtrArray *
load_inspections (ParDatabase  *db,
                  int           year,
                  GError      **error)
{
  GPtrArray *inspections = par_inspections_list (db, year, error);

  if (inspections == NULL)
    return NULL;
  for (guint i = inspections->len; i > 0; i--)
    if (((ParInspection *) g_ptr_array_index (inspections, i - 1))->cancelled)
      g_ptr_array_remove_index (inspections, i - 1);
  return inspections;
}

/* The Scope cell of each of @inspections: the free text, then the codes
 * of the PAR Index items it covers ("…; PAR Index: 1.1, 3.2"). */
static GPtrArray *
load_scopes (ParDatabase  *db,
             GPtrArray    *inspections,
             GError      **error)
{
  g_autoptr(GPtrArray) scopes = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < inspections->len; i++)
    {
      ParInspection *inspection = g_ptr_array_index (inspections, i);
      g_autoptr(GPtrArray) items = par_inspection_items_list (db, inspection->id, error);
      g_autofree char *codes = NULL;
      g_autofree char *index = NULL;

      if (items == NULL)
        return NULL;
      if (items->len == 0)
        {
          g_ptr_array_add (scopes, g_strdup (inspection->scope));
          continue;
        }
      codes = par_inspection_items_codes (items);
      /* Translators: in the Scope cell of the inspection plan workbook, after
         the scope's text; %s lists the codes of the PAR Index items covered, "1.1, 3.2" */
      index = g_strdup_printf (_("PAR Index: %s"), codes);
      if (inspection->scope != NULL && *inspection->scope != '\0')
        g_ptr_array_add (scopes, g_strconcat (inspection->scope, "; ", index, NULL));
      else
        g_ptr_array_add (scopes, g_steal_pointer (&index));
    }
  return g_steal_pointer (&scopes);
}

/* The inspection plan workbook of @year, recommendation statuses as of
 * @as_of, in the UI language. @cut_items (if not NULL) gets the items
 * ("inspection 12") whose texts were too long for a cell, NULL-terminated. */
gboolean
par_inspections_export_workbook (ParDatabase  *db,
                                 int           year,
                                 const GDate  *as_of,
                                 const char   *path,
                                 GStrv        *cut_items,
                                 GError      **error)
{
  g_autoptr(GPtrArray) inspections = NULL;
  g_autoptr(GPtrArray) recommendations = NULL;
  g_autoptr(GPtrArray) scopes = NULL;
  g_autofree char *title = NULL;
  ParPlanFormats formats;
  ParWorkbook *book;

  g_return_val_if_fail (PAR_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (as_of != NULL && g_date_valid (as_of), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!par_database_refuse_output (db, path, error))
    return FALSE;
  inspections = load_inspections (db, year, error);
  if (inspections == NULL)
    return FALSE;
  scopes = load_scopes (db, inspections, error);
  if (scopes == NULL)
    return FALSE;
  recommendations = par_recommendations_list (db, 0, 0, error);
  if (recommendations == NULL)
    return FALSE;
  book = par_workbook_new (path, error);
  if (book == NULL)
    return FALSE;
  par_plan_make_formats (&formats, book);
  title = g_strdup_printf (_("Inspection plan for administrative reform, %d"), year);
  par_workbook_set_properties (book, title, C_("inspection workbook", "Inspections"), NULL);
  write_inspections_sheet (&formats, inspections, scopes, year);
  write_recommendations_sheet (&formats, inspections, recommendations, year, as_of);
  return par_workbook_close (book, cut_items, error);
}
