/* par-index-view-load.c: loading the PAR Index's chosen set and unit; its totals, item pane and actions follow
 *
 * The view's other files call these to show what they changed; these
 * call none of them but -tree.c, which fills the tree.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "par-index-view-private.h"

void
par_index_view_report (ParIndexView *self,
                       const char   *heading,
                       const GError *error)
{
  par_context_report_error (self->context, heading, error);
}

static ParScoreRow *
selected_row (ParIndexView *self)
{
  GtkTreeListRow *tree_row = gtk_single_selection_get_selected_item (self->selection);

  return tree_row != NULL ? gtk_tree_list_row_get_item (tree_row) : NULL;
}

/* Summary ----------------------------------------------------------------- */

void
par_index_view_update_summary (ParIndexView *self)
{
  ParTotals totals;
  g_autofree char *self_points = NULL;
  g_autofree char *applicable = NULL;
  g_autofree char *self_percent = NULL;
  g_autofree char *appraised = NULL;
  g_autofree char *appraised_percent = NULL;
  g_autofree char *text = NULL;

  if (self->assessment == NULL)
    return;
  par_assessment_get_totals (self->assessment, &totals);
  self_points = par_format_points (totals.self_milli);
  /* Survey points are appraised only: the self-score is out of the rest. */
  applicable = par_format_points (totals.applicable_milli - totals.survey_milli);
  self_percent = par_format_points (totals.self_percent * 10);
  /* Translators: the self-score total: points, the points that can be self-scored, percentage */
  text = g_strdup_printf (_("Self-score %s of %s · %s%%"), self_points, applicable, self_percent);
  gtk_label_set_text (self->total_label, text);
  g_free (text);

  appraised = par_format_points (totals.appraised_milli);
  appraised_percent = par_format_points (totals.appraised_percent * 10);
  g_free (applicable);
  applicable = par_format_points (totals.applicable_milli);
  /* Translators: the appraised total: points, applicable maximum, percentage */
  text = totals.has_appraised ? g_strdup_printf (_("Appraised %s of %s · %s%%"), appraised, applicable,
                                                 appraised_percent)
                              : g_strdup (_("Not appraised yet"));
  gtk_label_set_text (self->appraised_label, text);
  g_free (text);

  gtk_label_set_text (self->group_label,
                      par_ranking_group_label (par_ranking_group_for (totals.has_appraised ? totals.appraised_percent
                                                                                            : totals.self_percent)));
  text = g_strdup_printf (ngettext ("%u of %u item scored", "%u of %u items scored", totals.n_items),
                          totals.n_scored, totals.n_items);
  gtk_label_set_text (self->progress_label, text);
}

/* The item pane shows the selected row, as it is now. */
void
par_index_view_update_side_pane (ParIndexView *self)
{
  g_autoptr(ParScoreRow) row = selected_row (self);

  par_item_pane_set_row (self->side_box, row);
}

/* Loading ----------------------------------------------------------------- */

static gint64
selected_set_id (ParIndexView *self)
{
  guint i = gtk_drop_down_get_selected (self->set_dropdown);

  if (self->sets == NULL || i >= self->sets->len)
    return 0;
  return par_criteria_set_get_id (g_ptr_array_index (self->sets, i));
}

static gint64
selected_unit_id (ParIndexView *self)
{
  guint i = gtk_drop_down_get_selected (self->unit_dropdown);

  if (self->units == NULL || i >= self->units->len)
    return 0;
  return par_unit_get_id (g_ptr_array_index (self->units, i));
}

/* Loads the chosen set and unit into the tree. */
void
par_index_view_load_assessment (ParIndexView *self)
{
  gint64 set_id = selected_set_id (self);
  gint64 unit_id = selected_unit_id (self);
  g_autoptr(GError) error = NULL;

  g_list_store_remove_all (self->root_rows);
  g_hash_table_remove_all (self->rows);
  par_item_pane_set_row (self->side_box, NULL);
  g_clear_object (&self->assessment);
  if (self->set == NULL || par_criteria_set_get_id (self->set) != set_id)
    {
      g_clear_object (&self->set);
      if (set_id != 0)
        {
          self->set = par_criteria_set_load (self->database, set_id, &error);
          if (self->set == NULL)
            par_index_view_report (self, _("The criteria set could not be read"), error);
        }
    }
  par_ranking_view_set_set (self->ranking_view, self->set);

  if (self->set == NULL)
    gtk_stack_set_visible_child_name (self->scores_stack, "no-set");
  else if (unit_id == 0)
    gtk_stack_set_visible_child_name (self->scores_stack, "no-unit");
  else
    {
      self->assessment = par_assessment_load (self->database, self->set, unit_id, &error);
      if (self->assessment == NULL)
        {
          par_index_view_report (self, _("The scores could not be read"), error);
          gtk_stack_set_visible_child_name (self->scores_stack, "no-unit");
        }
      else
        {
          par_index_view_fill_tree (self);
          par_index_view_apply_filters (self);
          par_index_view_update_summary (self);
          gtk_stack_set_visible_child_name (self->scores_stack, "table");
        }
    }
  par_index_view_update_side_pane (self);
  par_index_view_update_actions (self);
}

/* The sets in the file, into their dropdown; the chosen one stays chosen. */
void
par_index_view_reload_sets (ParIndexView *self)
{
  gint64 keep = selected_set_id (self);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  guint selected = 0;

  g_clear_pointer (&self->sets, g_ptr_array_unref);
  if (self->database != NULL)
    {
      self->sets = par_criteria_set_list (self->database, &error);
      if (self->sets == NULL)
        par_index_view_report (self, _("The criteria sets could not be read"), error);
    }
  if (self->sets != NULL)
    for (guint i = 0; i < self->sets->len; i++)
      {
        ParCriteriaSet *set = g_ptr_array_index (self->sets, i);
        g_autofree char *label = g_strdup_printf ("%s (%d)", par_criteria_set_get_name (set),
                                                  par_criteria_set_get_year (set));

        gtk_string_list_append (names, label);
        if (par_criteria_set_get_id (set) == keep)
          selected = i;
      }
  self->updating = TRUE;
  gtk_drop_down_set_model (self->set_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->set_dropdown, selected);
  self->updating = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->set_dropdown), self->sets != NULL && self->sets->len > 0);
}

/* The units in the file, into their dropdown; the chosen one stays chosen. */
void
par_index_view_reload_units (ParIndexView *self)
{
  gint64 keep = selected_unit_id (self);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;
  guint selected = 0;

  g_clear_pointer (&self->units, g_ptr_array_unref);
  if (self->database != NULL)
    {
      self->units = par_directory_list_all_units (self->database, &error);
      if (self->units == NULL)
        par_index_view_report (self, _("The units could not be read"), error);
    }
  if (self->units != NULL)
    for (guint i = 0; i < self->units->len; i++)
      {
        ParUnit *unit = g_ptr_array_index (self->units, i);

        gtk_string_list_append (names, par_unit_get_name (unit));
        if (par_unit_get_id (unit) == keep)
          selected = i;
      }
  self->updating = TRUE;
  gtk_drop_down_set_model (self->unit_dropdown, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->unit_dropdown, selected);
  self->updating = FALSE;
  gtk_widget_set_visible (GTK_WIDGET (self->unit_dropdown), self->units != NULL && self->units->len > 0);
}

/* Actions ----------------------------------------------------------------- */

/* What can be done with what is shown: the ranking is exported without a
 * unit; a score sheet needs one. */
void
par_index_view_update_actions (ParIndexView *self)
{
  gboolean ranking = g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "ranking") == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "index.import", self->database != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "index.export",
                                 ranking ? self->set != NULL : self->assessment != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "index.copy-from", self->assessment != NULL);
}
