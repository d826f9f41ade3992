/* par-index-view-tree.c: the PAR Index tree: its rows, its filters, moving the cursor from item to item
 *
 * A ParScoreRow per criteria node, in a tree model that a filter and a
 * selection wrap; the column view shows the selection.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "par-index-view-private.h"

static void
refresh_subtree (ParScoreRow *row)
{
  GListModel *children = par_score_row_get_children (row);

  par_score_row_changed (row);
  if (children != NULL)
    for (guint i = 0; i < g_list_model_get_n_items (children); i++)
      {
        g_autoptr(ParScoreRow) child = g_list_model_get_item (children, i);

        refresh_subtree (child);
      }
}

/* After an edit: the row (with what it hides) and its ancestors. */
void
par_index_view_refresh_path (ParScoreRow *row)
{
  refresh_subtree (row);
  for (ParScoreRow *p = par_score_row_get_parent (row); p != NULL; p = par_score_row_get_parent (p))
    par_score_row_changed (p);
}

static GListModel *
create_children (gpointer item,
                 gpointer user_data)
{
  GListModel *children = par_score_row_get_children (item);

  return children != NULL ? g_object_ref (children) : NULL;
}

static gboolean
row_matches (ParIndexView *self,
             ParScoreRow  *row)
{
  gboolean unscored = gtk_toggle_button_get_active (self->filter_unscored);
  gboolean explanation = gtk_toggle_button_get_active (self->filter_explanation);
  gboolean difference = gtk_toggle_button_get_active (self->filter_difference);
  ParCriteriaNode *node = par_score_row_get_node (row);
  ParItemStatus status = par_score_row_get_status (row);
  ParSubtotal sub;

  if (!par_criteria_node_is_leaf (node))
    return FALSE;
  par_assessment_get_subtotal (self->assessment, node, &sub);
  if (unscored && status != PAR_ITEM_UNSCORED)
    return FALSE;
  if (explanation && status != PAR_ITEM_NEEDS_EXPLANATION)
    return FALSE;
  if (difference && (!sub.has_self || !sub.has_appraised || sub.self_milli == sub.appraised_milli))
    return FALSE;
  return TRUE;
}

/* Marks which rows a filter shows: matching items and their ancestors. */
static gboolean
mark_visible (ParIndexView *self,
              ParScoreRow  *row,
              gboolean      filtering)
{
  GListModel *children = par_score_row_get_children (row);
  gboolean visible = !filtering || row_matches (self, row);

  if (children != NULL)
    for (guint i = 0; i < g_list_model_get_n_items (children); i++)
      {
        g_autoptr(ParScoreRow) child = g_list_model_get_item (children, i);

        visible |= mark_visible (self, child, filtering);
      }
  par_score_row_set_visible (row, visible);
  return visible;
}

/* The filter buttons' handler: shows only the items that pass them all,
 * within their areas. */
void
par_index_view_apply_filters (ParIndexView *self)
{
  gboolean filtering = gtk_toggle_button_get_active (self->filter_unscored)
                       || gtk_toggle_button_get_active (self->filter_explanation)
                       || gtk_toggle_button_get_active (self->filter_difference);

  if (self->assessment == NULL)
    return;
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->root_rows)); i++)
    {
      g_autoptr(ParScoreRow) row = g_list_model_get_item (G_LIST_MODEL (self->root_rows), i);

      mark_visible (self, row, filtering);
    }
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static gboolean
filter_row (gpointer item,
            gpointer user_data)
{
  ParScoreRow *row = gtk_tree_list_row_get_item (item);
  gboolean visible = par_score_row_get_visible (row);

  g_object_unref (row);
  return visible;
}

/* The list inside the column view, which scrolls and holds the rows. */
GtkWidget *
par_index_view_get_list_view (ParIndexView *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->score_view)); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_VIEW (child))
      return child;
  return NULL;
}

typedef struct
{
  ParIndexView *view;
  ParScoreRow  *row;
  ParScoreKind  kind;
  guint         tries;
} FocusRequest;

static gboolean
focus_when_bound (gpointer data)
{
  FocusRequest *request = data;
  ParScoreCell *cell = g_hash_table_lookup (request->view->cells[request->kind], request->row);

  if (cell != NULL && par_score_cell_start_editing (cell))
    return G_SOURCE_REMOVE;
  return ++request->tries < 20 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

static void
focus_request_free (gpointer data)
{
  FocusRequest *request = data;

  g_object_unref (request->view);
  g_object_unref (request->row);
  g_free (request);
}

/* Selects the row at @position, scrolls to it and puts the cursor in its
 * @kind cell as soon as the cell is on screen. */
void
par_index_view_focus_position (ParIndexView *self,
                               guint         position,
                               ParScoreKind  kind)
{
  g_autoptr(GtkTreeListRow) tree_row = g_list_model_get_item (G_LIST_MODEL (self->selection), position);
  GtkWidget *list_view = par_index_view_get_list_view (self);
  FocusRequest *request;

  if (tree_row == NULL)
    return;
  gtk_single_selection_set_selected (self->selection, position);
  if (list_view != NULL)
    gtk_widget_activate_action (list_view, "list.scroll-to-item", "u", position);
  request = g_new0 (FocusRequest, 1);
  request->view = g_object_ref (self);
  request->row = gtk_tree_list_row_get_item (tree_row);
  request->kind = kind;
  g_timeout_add_full (G_PRIORITY_DEFAULT, 15, focus_when_bound, request, focus_request_free);
}

guint
par_index_view_position_of (ParIndexView *self,
                            ParScoreRow  *row)
{
  GListModel *model = G_LIST_MODEL (self->selection);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkTreeListRow) tree_row = g_list_model_get_item (model, i);
      g_autoptr(ParScoreRow) item = gtk_tree_list_row_get_item (tree_row);

      if (item == row)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

/* After Enter: the cursor goes to the next item that can take a @kind score. */
void
par_index_view_focus_next_item (ParIndexView *self,
                                ParScoreRow  *row,
                                ParScoreKind  kind)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint start = par_index_view_position_of (self, row);

  if (start == GTK_INVALID_LIST_POSITION)
    return;
  for (guint i = start + 1; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkTreeListRow) tree_row = g_list_model_get_item (model, i);
      g_autoptr(ParScoreRow) item = gtk_tree_list_row_get_item (tree_row);

      if (par_score_row_is_editable (item, kind))
        {
          par_index_view_focus_position (self, i, kind);
          return;
        }
    }
}

static ParScoreRow *
build_rows (ParIndexView    *self,
            ParCriteriaNode *node)
{
  ParScoreRow *row = par_score_row_new (self->assessment, node);
  GPtrArray *children = par_criteria_node_get_children (node);

  g_hash_table_insert (self->rows, node, g_object_ref (row));
  for (guint i = 0; i < children->len; i++)
    {
      g_autoptr(ParScoreRow) child = build_rows (self, g_ptr_array_index (children, i));

      par_score_row_add_child (row, child);
    }
  return row;
}

/* A row for every node of the loaded set, scored as the assessment says. */
void
par_index_view_fill_tree (ParIndexView *self)
{
  GPtrArray *roots = par_criteria_set_get_roots (self->set);

  for (guint i = 0; i < roots->len; i++)
    {
      g_autoptr(ParScoreRow) row = build_rows (self, g_ptr_array_index (roots, i));

      g_list_store_append (self->root_rows, row);
    }
}

/* The models between the rows and the column view. */
void
par_index_view_init_tree (ParIndexView *self)
{
  GtkTreeListModel *tree;
  GtkFilterListModel *filtered;

  self->rows = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_object_unref);
  self->root_rows = g_list_store_new (PAR_TYPE_SCORE_ROW);
  tree = gtk_tree_list_model_new (g_object_ref (G_LIST_MODEL (self->root_rows)), FALSE, TRUE, create_children,
                                  NULL, NULL);
  self->filter = gtk_custom_filter_new (filter_row, NULL, NULL);
  filtered = gtk_filter_list_model_new (G_LIST_MODEL (tree), g_object_ref (GTK_FILTER (self->filter)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (filtered));
  gtk_column_view_set_model (self->score_view, GTK_SELECTION_MODEL (self->selection));
}
