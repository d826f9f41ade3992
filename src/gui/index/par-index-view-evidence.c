/* par-index-view-evidence.c: PDF documents attached to a PAR Index item: chosen, dropped on the pane or on a row
 *
 * The files are kept in a worker; the links are made here, where the
 * assessment lives.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "par-index-view-private.h"
#include "par-pdf-chooser.h"

typedef struct
{
  ParIndexView    *view;
  ParCriteriaNode *node;    /* the item they were meant for */
  GPtrArray       *paths;   /* what was asked, in the order of the results */
} AttachRequest;

static void
attach_request_free (AttachRequest *request)
{
  g_clear_object (&request->view);
  g_clear_object (&request->node);
  g_clear_pointer (&request->paths, g_ptr_array_unref);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttachRequest, attach_request_free)

/* What the toast says: "“qd.pdf” attached to 1.2" or "3 documents attached
 * to 1.2" when documents were linked to the item. */
static char *
describe_linked (AttachRequest *request,
                 GPtrArray     *results,
                 guint          n_linked)
{
  const char *code = par_criteria_node_get_code (request->node);

  if (n_linked == 1)
    for (guint i = 0; i < results->len && i < request->paths->len; i++)
      if (((ParAddResult *) g_ptr_array_index (results, i))->id != 0)
        {
          g_autofree char *name = g_path_get_basename (g_ptr_array_index (request->paths, i));

          /* Translators: a toast: a file name, then the code of a PAR Index item, e.g. 1.2 */
          return g_strdup_printf (_("“%s” attached to item %s"), name, code);
        }
  /* Translators: a toast: a number of files, then the code of a PAR Index item, e.g. 1.2 */
  return g_strdup_printf (ngettext ("%u document attached to item %s", "%u documents attached to item %s",
                                    n_linked),
                          n_linked, code);
}

static void
attach_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(AttachRequest) request = user_data;
  ParIndexView *self = request->view;
  ParCriteriaNode *node = request->node;
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) failures = g_string_new (NULL);
  g_autofree char *message = NULL;
  ParScoreRow *row;
  guint n_linked = 0;

  results = par_evidence_add_files_finish (result, &error);
  if (results == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        par_index_view_report (self, _("The documents were not attached"), error);
      return;
    }
  par_database_emit_changed (self->database, PAR_CHANGE_DOCUMENTS);
  /* The links are made here, where the assessment lives, unless the user
   * moved on to another set or unit meanwhile. */
  if (self->assessment != NULL
      && par_criteria_set_find_node_by_id (self->set, par_criteria_node_get_id (node)) == node)
    for (guint i = 0; i < results->len; i++)
      {
        ParAddResult *added = g_ptr_array_index (results, i);

        if (added->id == 0)
          continue;
        if (!par_assessment_link_document (self->assessment, node, added->id, &error))
          {
            par_index_view_report (self, _("The document was kept but not linked"), error);
            break;
          }
        n_linked++;
      }
  row = g_hash_table_lookup (self->rows, node);
  if (row != NULL && n_linked > 0)
    par_index_view_refresh_path (row);
  if (par_item_pane_get_row (self->side_box) != NULL)
    par_index_view_update_side_pane (self);
  message = par_pdf_chooser_summarize (results, failures);
  if (n_linked > 0)
    {
      g_free (message);
      message = describe_linked (request, results, n_linked);
    }
  par_context_show_toast (self->context, message);
  if (failures->len > 0)
    {
      g_autoptr(GError) refused = g_error_new_literal (PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID,
                                                       g_strstrip (failures->str));

      par_index_view_report (self, _("Some files were not attached"), refused);
    }
}

/* Keeps @paths, in a worker, and links them to @row's item. The one way
 * files reach an item: the file dialog, a drop on the side pane, a drop
 * on the item's row in the tree. */
static void
attach_paths_to_row (ParIndexView *self,
                     ParScoreRow  *row,
                     GPtrArray    *paths)
{
  AttachRequest *request;

  if (row == NULL || self->database == NULL || paths->len == 0)
    return;
  request = g_new0 (AttachRequest, 1);
  request->view = g_object_ref (self);
  request->node = g_object_ref (par_score_row_get_node (row));
  request->paths = g_ptr_array_ref (paths);
  par_evidence_add_files_async (par_database_get_path (self->database), paths,
                                par_context_get_evidence_max_bytes (self->context), NULL, NULL, self->cancellable,
                                attach_done, request);
}

/* Keeps @paths as evidence of the selected item: what the file dialog
 * and a drop on the item pane call. */
void
par_index_view_attach_paths (GPtrArray *paths,
                             gpointer   owner)
{
  ParIndexView *self = PAR_INDEX_VIEW (owner);

  attach_paths_to_row (self, par_item_pane_get_row (self->side_box), paths);
}

/* Keeps @paths as evidence of the selected item (as dropping them does). */
void
par_index_view_attach_files (ParIndexView *self,
                             GPtrArray    *paths)
{
  g_return_if_fail (PAR_IS_INDEX_VIEW (self));
  par_index_view_attach_paths (paths, self);
}

/* Files dragged over the tree go to the item of the row under the pointer,
 * which is highlighted meanwhile. One drop target for the whole tree: rows
 * are recycled as the tree scrolls, the pointer's position is not. */

static GtkWidget *
find_expander (GtkWidget *widget)
{
  if (GTK_IS_TREE_EXPANDER (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_expander (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The row widget of the tree at (@x, @y) in the column view, and (in
 * *@row, a new reference) the item it shows; NULL off the rows. */
static GtkWidget *
row_widget_at (ParIndexView  *self,
               double         x,
               double         y,
               ParScoreRow  **row)
{
  GtkWidget *table = GTK_WIDGET (self->score_view);
  GtkWidget *list_view = par_index_view_get_list_view (self);
  GtkWidget *widget = gtk_widget_pick (table, x, y, GTK_PICK_INSENSITIVE | GTK_PICK_NON_TARGETABLE);
  GtkWidget *expander;
  GtkTreeListRow *tree_row;

  *row = NULL;
  if (list_view == NULL || self->assessment == NULL)
    return NULL;
  while (widget != NULL && widget != table && gtk_widget_get_parent (widget) != list_view)
    widget = gtk_widget_get_parent (widget);
  if (widget == NULL || widget == table)
    return NULL;
  expander = find_expander (widget);
  tree_row = expander != NULL ? gtk_tree_expander_get_list_row (GTK_TREE_EXPANDER (expander)) : NULL;
  if (tree_row == NULL)
    return NULL;
  *row = gtk_tree_list_row_get_item (tree_row);
  return *row != NULL ? widget : NULL;
}

static void
highlight_drop_row (ParIndexView *self,
                    GtkWidget    *widget)
{
  GtkWidget *old = g_object_get_data (G_OBJECT (self->score_view), "drop-row");

  if (old == widget)
    return;
  if (old != NULL)
    gtk_widget_remove_css_class (old, "drop-row");
  if (widget != NULL)
    gtk_widget_add_css_class (widget, "drop-row");
  g_object_set_data_full (G_OBJECT (self->score_view), "drop-row", widget != NULL ? g_object_ref (widget) : NULL,
                          g_object_unref);
}

static GdkDragAction
tree_drag_motion (GtkDropTarget *target,
                  double         x,
                  double         y,
                  ParIndexView  *self)
{
  g_autoptr(ParScoreRow) row = NULL;
  GtkWidget *widget = row_widget_at (self, x, y, &row);

  highlight_drop_row (self, widget);
  return widget != NULL ? GDK_ACTION_COPY : 0;
}

static void
tree_drag_leave (GtkDropTarget *target,
                 ParIndexView  *self)
{
  highlight_drop_row (self, NULL);
}

static gboolean
tree_drop (GtkDropTarget *target,
           const GValue  *value,
           double         x,
           double         y,
           ParIndexView  *self)
{
  g_autoptr(ParScoreRow) row = NULL;
  g_autoptr(GPtrArray) paths = par_pdf_chooser_paths_from_drop (value);
  GtkWidget *widget = row_widget_at (self, x, y, &row);

  highlight_drop_row (self, NULL);
  if (widget == NULL || paths->len == 0)
    return FALSE;
  attach_paths_to_row (self, row, paths);
  return TRUE;
}

void
par_index_view_accept_drop_on_rows (ParIndexView *self)
{
  GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect_object (drop, "enter", G_CALLBACK (tree_drag_motion), self, 0);
  g_signal_connect_object (drop, "motion", G_CALLBACK (tree_drag_motion), self, 0);
  g_signal_connect_object (drop, "leave", G_CALLBACK (tree_drag_leave), self, 0);
  g_signal_connect_object (drop, "drop", G_CALLBACK (tree_drop), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self->score_view), GTK_EVENT_CONTROLLER (drop));
}
