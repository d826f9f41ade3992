/* par-index-view-edits.c: saving what is typed in the PAR Index, also while another program holds the file
 *
 * The score cells and the item pane do not write: they say what was
 * edited and this file saves it through the edit queue, which keeps what
 * cannot be written yet and writes it when the file is free again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "par-index-view-private.h"

/* When the view closes with edits still waiting for another program. */
#define LAST_WAIT_MS 10000

/* Every row's cells and statuses, the header and the side pane, from the
 * assessment as it is now (what waited for the file is saved). */
void
par_index_view_refresh_all_rows (ParIndexView *self)
{
  GHashTableIter iter;
  gpointer row;

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, NULL, &row))
    {
      par_score_row_set_waiting (row, PAR_SCORE_SELF, NULL);
      par_score_row_set_waiting (row, PAR_SCORE_APPRAISED, NULL);
    }
  par_index_view_update_summary (self);
  par_index_view_update_side_pane (self);
}

/* Saves the edits that waited for the file, as soon as it is free. */
static gboolean
retry_waiting_edits (gpointer user_data)
{
  ParIndexView *self = user_data;
  g_autoptr(GError) error = NULL;

  if (!par_edit_queue_flush (self->waiting_edits, &error))
    par_index_view_report (self, _("A change that waited for the file was refused"), error);
  if (par_edit_queue_get_length (self->waiting_edits) > 0)
    return G_SOURCE_CONTINUE;
  self->retry_id = 0;
  par_context_set_waiting_for_file (self->context, FALSE);
  par_context_show_toast (self->context, _("The file is free again: your changes are saved."));
  if (self->assessment != NULL)
    par_index_view_refresh_all_rows (self);
  return G_SOURCE_REMOVE;
}

/* Another program holds the file: what was typed waits, the window says
 * so, and it is tried again every second. */
static void
wait_for_file (ParIndexView *self)
{
  par_context_set_waiting_for_file (self->context, TRUE);
  if (self->retry_id == 0)
    self->retry_id = g_timeout_add (1000, retry_waiting_edits, self);
}

/* Saves what was typed into a cell: "" clears; a value the item's method
 * does not allow is refused, shown on the cell and not saved. */
void
par_index_view_cell_edited (ParIndexView *self,
                            const char   *text,
                            gboolean      move_next,
                            ParScoreCell *cell)
{
  ParScoreRow *row = par_score_cell_get_row (cell);
  ParScoreKind kind = par_score_cell_get_kind (cell);
  g_autofree char *clean = g_strstrip (g_strdup (text));
  g_autoptr(GError) error = NULL;
  gboolean waiting = FALSE;
  gint64 value = 0;

  if (row == NULL || self->assessment == NULL)
    return;
  {
    g_autofree char *shown = par_score_row_get_points_text (row, kind);

    if (g_strcmp0 (shown, clean) == 0)
      {
        if (move_next)
          par_index_view_focus_next_item (self, row, kind);
        return;
      }
  }
  if ((*clean != '\0' && !par_points_parse (clean, &value, &error))
      || !par_edit_queue_set_score (self->waiting_edits, self->assessment, par_score_row_get_node (row), kind,
                                    *clean == '\0', value, &waiting, &error))
    {
      par_score_cell_set_error (cell, error->message);
      par_context_show_toast (self->context, error->message);
      return;
    }
  if (waiting)
    {
      /* kept, to be saved once the file is free: the cell shows what was typed */
      g_autofree char *shown = *clean != '\0' ? par_format_points (value) : g_strdup ("");

      par_score_row_set_waiting (row, kind, shown);
      wait_for_file (self);
      if (move_next)
        par_index_view_focus_next_item (self, row, kind);
      return;
    }
  par_index_view_refresh_path (row);
  par_index_view_update_summary (self);
  if (row == par_item_pane_get_row (self->side_box))
    par_index_view_update_side_pane (self);
  if (move_next)
    par_index_view_focus_next_item (self, row, kind);
}

/* The pane's explanation, when the user leaves the field. */
void
par_index_view_save_explanation (ParIndexView *self,
                                 const char   *text,
                                 ParItemPane  *pane)
{
  ParScoreRow *row = par_item_pane_get_row (pane);
  g_autoptr(GError) error = NULL;
  gboolean waiting;

  if (self->updating || row == NULL || self->assessment == NULL)
    return;
  if (!par_edit_queue_set_explanation (self->waiting_edits, self->assessment, par_score_row_get_node (row), text,
                                       &waiting, &error))
    {
      par_index_view_report (self, _("The explanation was not saved"), error);
      return;
    }
  if (waiting)
    {
      wait_for_file (self);
      return;
    }
  par_score_row_changed (row);
  par_index_view_update_side_pane (self);
}

void
par_index_view_not_applicable_toggled (ParIndexView *self,
                                       gboolean      active,
                                       ParItemPane  *pane)
{
  ParScoreRow *row = par_item_pane_get_row (pane);
  g_autoptr(GError) error = NULL;
  gboolean waiting;

  if (self->updating || row == NULL)
    return;
  if (!par_edit_queue_set_not_applicable (self->waiting_edits, self->assessment, par_score_row_get_node (row),
                                          active, &waiting, &error))
    {
      par_index_view_report (self, _("The item was not changed"), error);
      return;
    }
  if (waiting)
    {
      wait_for_file (self);
      return;
    }
  par_index_view_refresh_path (row);
  par_index_view_update_summary (self);
  par_index_view_update_side_pane (self);
}

/* Unlinked from the pane: the document stays kept. */
void
par_index_view_unlink_document (ParIndexView *self,
                                gint64        document_id,
                                ParItemPane  *pane)
{
  ParScoreRow *row = par_item_pane_get_row (pane);
  g_autoptr(GError) error = NULL;

  if (row == NULL)
    return;
  if (!par_assessment_unlink_document (self->assessment, par_score_row_get_node (row), document_id, &error))
    {
      par_index_view_report (self, _("The document was not unlinked"), error);
      return;
    }
  par_index_view_refresh_path (row);
  par_index_view_update_side_pane (self);
}

/* When the view closes: edits still waiting for the file get one last,
 * longer wait. */
void
par_index_view_dispose_edits (ParIndexView *self)
{
  g_clear_handle_id (&self->retry_id, g_source_remove);
  if (self->waiting_edits != NULL && par_edit_queue_get_length (self->waiting_edits) > 0 && self->database != NULL)
    {
      par_database_set_patience (self->database, LAST_WAIT_MS);
      if (!par_edit_queue_flush (self->waiting_edits, NULL) || par_edit_queue_get_length (self->waiting_edits) > 0)
        g_warning ("%u changes could not be saved: another program held the file",
                   par_edit_queue_get_length (self->waiting_edits));
    }
  g_clear_pointer (&self->waiting_edits, par_edit_queue_free);
}
