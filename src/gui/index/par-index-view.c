/* par-index-view.c: the PAR Index: a unit's scores against a criteria set, and the ranking
 *
 * Scores are typed into the tree; Enter saves and moves to the next item,
 * so a whole set can be scored from the keyboard. Each save is one short
 * indexed write; the totals follow without recomputing the tree.
 *
 * This file holds the class together and follows the file. Loading the
 * chosen set and unit and showing their totals, the tree, its columns,
 * the saving of edits, attaching evidence and the actions are in
 * par-index-view-*.c, which share the fields through
 * par-index-view-private.h; the item beside the tree is a ParItemPane.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "par-document-thumbnail.h"
#include "par-index-view-private.h"
#include "par-pdf-chooser.h"

G_DEFINE_FINAL_TYPE (ParIndexView, par_index_view, ADW_TYPE_BIN)

ParAssessment *
par_index_view_get_assessment (ParIndexView *self)
{
  g_return_val_if_fail (PAR_IS_INDEX_VIEW (self), NULL);
  return self->assessment;
}

/* Following the file ------------------------------------------------------ */

static void
selection_changed (ParIndexView *self)
{
  if (!self->updating)
    par_index_view_load_assessment (self);
}

static void
database_changed (ParIndexView *self,
                  ParChange     what)
{
  if (what == PAR_CHANGE_CRITERIA)
    {
      par_index_view_reload_sets (self);
      par_index_view_load_assessment (self);
    }
  else if (what == PAR_CHANGE_UNITS)
    {
      par_index_view_reload_units (self);
      par_index_view_load_assessment (self);
    }
  else if (what == PAR_CHANGE_LINKS && self->assessment != NULL)
    {
      /* Linked elsewhere (the document viewer): the counts, the statuses
       * that follow from them and the side pane's documents. */
      g_autoptr(GError) error = NULL;

      if (!par_assessment_reload_evidence (self->assessment, &error))
        par_index_view_report (self, _("The linked documents could not be read"), error);
      par_index_view_refresh_all_rows (self);
    }
  else if (what == PAR_CHANGE_TRUST && self->assessment != NULL)
    par_index_view_update_side_pane (self);   /* its documents' signature badges */
}

static void
follow_database (ParIndexView *self)
{
  g_clear_object (&self->set);
  g_set_object (&self->database, par_context_get_database (self->context));
  /* A file opened where another was: its documents' numbers are not theirs. */
  par_document_thumbnail_clear_cache ();
  par_index_view_reload_sets (self);
  par_index_view_reload_units (self);
  par_index_view_load_assessment (self);
}

/* The view shows the context's file, and follows it. */
void
par_index_view_set_context (ParIndexView *self,
                            ParContext   *context)
{
  g_return_if_fail (PAR_IS_INDEX_VIEW (self));
  g_return_if_fail (PAR_IS_CONTEXT (context));
  g_return_if_fail (self->context == NULL);

  self->context = g_object_ref (context);
  par_ranking_view_set_context (self->ranking_view, context);
  par_item_pane_set_context (self->side_box, context);
  g_signal_connect_object (context, "notify::database", G_CALLBACK (follow_database), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (context, "changed", G_CALLBACK (database_changed), self, G_CONNECT_SWAPPED);
  follow_database (self);
}

/* Shows @set_id scored for @unit_id; FALSE if either is not there. */
gboolean
par_index_view_select (ParIndexView *self,
                       gint64        set_id,
                       gint64        unit_id)
{
  g_return_val_if_fail (PAR_IS_INDEX_VIEW (self), FALSE);

  if (self->sets == NULL || self->units == NULL)
    return FALSE;
  for (guint i = 0; i < self->sets->len; i++)
    if (par_criteria_set_get_id (g_ptr_array_index (self->sets, i)) == set_id)
      {
        for (guint j = 0; j < self->units->len; j++)
          if (par_unit_get_id (g_ptr_array_index (self->units, j)) == unit_id)
            {
              self->updating = TRUE;
              gtk_drop_down_set_selected (self->set_dropdown, i);
              gtk_drop_down_set_selected (self->unit_dropdown, j);
              self->updating = FALSE;
              par_index_view_load_assessment (self);
              return TRUE;
            }
      }
  return FALSE;
}

/* Puts the cursor in the @kind cell of the item @code. */
gboolean
par_index_view_focus_item (ParIndexView *self,
                           const char   *code,
                           ParScoreKind  kind)
{
  ParCriteriaNode *node;
  ParScoreRow *row;
  guint position;

  g_return_val_if_fail (PAR_IS_INDEX_VIEW (self), FALSE);

  if (self->set == NULL || (node = par_criteria_set_find_node (self->set, code)) == NULL
      || (row = g_hash_table_lookup (self->rows, node)) == NULL
      || (position = par_index_view_position_of (self, row)) == GTK_INVALID_LIST_POSITION)
    return FALSE;
  par_index_view_focus_position (self, position, kind);
  return TRUE;
}

/* Class ------------------------------------------------------------------- */

static void
par_index_view_dispose (GObject *object)
{
  ParIndexView *self = PAR_INDEX_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  par_index_view_dispose_edits (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), PAR_TYPE_INDEX_VIEW);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter);
  g_clear_object (&self->assessment);
  g_clear_object (&self->set);
  g_clear_object (&self->database);
  g_clear_object (&self->root_rows);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->rows, g_hash_table_unref);
  g_clear_pointer (&self->cells[0], g_hash_table_unref);
  g_clear_pointer (&self->cells[1], g_hash_table_unref);
  g_clear_pointer (&self->sets, g_ptr_array_unref);
  g_clear_pointer (&self->units, g_ptr_array_unref);

  G_OBJECT_CLASS (par_index_view_parent_class)->dispose (object);
}

static void
par_index_view_class_init (ParIndexViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = par_index_view_dispose;

  g_type_ensure (PAR_TYPE_ITEM_PANE);
  g_type_ensure (PAR_TYPE_RANKING_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pardesk/ParDesk/ui/index/par-index-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ParIndexView, set_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ParIndexView, unit_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ParIndexView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, ParIndexView, scores_stack);
  gtk_widget_class_bind_template_child (widget_class, ParIndexView, score_view);
  gtk_widget_class_bind_template_child (widget_class, ParIndexView, total_label);
  gtk_widget_class_bind_template_child (widget_class, ParIndexView, appraised_label);
  gtk_widget_class_bind_template_child (widget_class, ParIndexView, group_label);
  gtk_widget_class_bind_template_child (widget_class, ParIndexView, progress_label);
  gtk_widget_class_bind_template_child (widget_class, ParIndexView, filter_unscored);
  gtk_widget_class_bind_template_child (widget_class, ParIndexView, filter_explanation);
  gtk_widget_class_bind_template_child (widget_class, ParIndexView, filter_difference);
  gtk_widget_class_bind_template_child (widget_class, ParIndexView, side_box);
  gtk_widget_class_bind_template_child (widget_class, ParIndexView, ranking_view);
  gtk_widget_class_bind_template_callback_full (widget_class, "apply_filters",
                                                G_CALLBACK (par_index_view_apply_filters));
  gtk_widget_class_bind_template_callback_full (widget_class, "save_explanation",
                                                G_CALLBACK (par_index_view_save_explanation));
  gtk_widget_class_bind_template_callback_full (widget_class, "not_applicable_toggled",
                                                G_CALLBACK (par_index_view_not_applicable_toggled));
  gtk_widget_class_bind_template_callback_full (widget_class, "unlink_document",
                                                G_CALLBACK (par_index_view_unlink_document));

  par_index_view_class_actions_init (widget_class);
}

static void
par_index_view_init (ParIndexView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->waiting_edits = par_edit_queue_new ();
  self->cells[PAR_SCORE_SELF] = g_hash_table_new (g_direct_hash, g_direct_equal);
  self->cells[PAR_SCORE_APPRAISED] = g_hash_table_new (g_direct_hash, g_direct_equal);
  par_index_view_init_tree (self);
  par_index_view_build_columns (self);

  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (par_index_view_update_side_pane), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->set_dropdown, "notify::selected", G_CALLBACK (selection_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->unit_dropdown, "notify::selected", G_CALLBACK (selection_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->content_stack, "notify::visible-child", G_CALLBACK (par_index_view_update_actions),
                           self, G_CONNECT_SWAPPED);
  par_pdf_chooser_accept_drop (GTK_WIDGET (self->side_box), G_OBJECT (self), par_index_view_attach_paths);
  par_index_view_accept_drop_on_rows (self);
  par_index_view_update_actions (self);
}
