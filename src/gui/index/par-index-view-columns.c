/* par-index-view-columns.c: the PAR Index tree's columns: the criterion, its points, the score cells
 *
 * The score cells are kept by row while they are bound, so that the
 * cursor can be put in the cell of a row that has just scrolled in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "par-index-view-private.h"

static void
setup_title (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *code = gtk_label_new (NULL);
  GtkWidget *title = gtk_label_new (NULL);

  gtk_widget_add_css_class (code, "dim-label");
  gtk_widget_add_css_class (code, "numeric");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_box_append (GTK_BOX (box), code);
  gtk_box_append (GTK_BOX (box), title);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
  gtk_list_item_set_child (item, expander);
}

static void
bind_title (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  GtkTreeListRow *tree_row = gtk_list_item_get_item (item);
  GtkWidget *expander = gtk_list_item_get_child (item);
  GtkWidget *box = gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander));
  GtkWidget *code = gtk_widget_get_first_child (box);
  GtkWidget *title = gtk_widget_get_next_sibling (code);
  g_autoptr(ParScoreRow) row = gtk_tree_list_row_get_item (tree_row);
  ParCriteriaNode *node = par_score_row_get_node (row);

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), tree_row);
  gtk_label_set_text (GTK_LABEL (code), par_criteria_node_get_code (node));
  gtk_label_set_text (GTK_LABEL (title), par_criteria_node_get_title (node));
  gtk_widget_set_tooltip_text (title, par_criteria_node_get_title (node));
  if (par_criteria_node_get_depth (node) == 0)
    gtk_widget_add_css_class (title, "heading");
  else
    gtk_widget_remove_css_class (title, "heading");
}

static void
setup_text (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), GPOINTER_TO_INT (user_data) ? 1 : 0);
  gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

/* Our reference keeps the binding valid even if the row goes first;
 * unbinding drops only the binding's own. */
static void
binding_release (gpointer binding)
{
  g_binding_unbind (binding);
  g_object_unref (binding);
}

static void
bind_property_text (GtkListItem *item,
                    const char  *property)
{
  g_autoptr(ParScoreRow) row = gtk_tree_list_row_get_item (gtk_list_item_get_item (item));
  GtkWidget *label = gtk_list_item_get_child (item);
  GBinding *binding = g_object_bind_property (row, property, label, "label", G_BINDING_SYNC_CREATE);

  g_object_set_data_full (G_OBJECT (item), "binding", g_object_ref (binding), binding_release);
}

static void
unbind_text (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  g_object_set_data (G_OBJECT (item), "binding", NULL);
}

#define DEFINE_TEXT_BINDER(name, property) \
  static void \
  bind_##name (GtkSignalListItemFactory *factory, GtkListItem *item, gpointer user_data) \
  { \
    bind_property_text (item, property); \
  }

DEFINE_TEXT_BINDER (max, "max-text")
DEFINE_TEXT_BINDER (difference, "difference-text")
DEFINE_TEXT_BINDER (evidence, "evidence-text")
DEFINE_TEXT_BINDER (status, "status-text")

static void
setup_score (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             ParIndexView             *self)
{
  ParScoreKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "kind"));
  ParScoreCell *cell = par_score_cell_new (kind);

  g_signal_connect_object (cell, "edited", G_CALLBACK (par_index_view_cell_edited), self, G_CONNECT_SWAPPED);
  gtk_list_item_set_child (item, GTK_WIDGET (cell));
}

static void
bind_score (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            ParIndexView             *self)
{
  ParScoreCell *cell = PAR_SCORE_CELL (gtk_list_item_get_child (item));
  g_autoptr(ParScoreRow) row = gtk_tree_list_row_get_item (gtk_list_item_get_item (item));

  par_score_cell_bind (cell, row);
  g_hash_table_insert (self->cells[par_score_cell_get_kind (cell)], row, cell);
}

static void
unbind_score (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              ParIndexView             *self)
{
  ParScoreCell *cell = PAR_SCORE_CELL (gtk_list_item_get_child (item));
  ParScoreRow *row = par_score_cell_get_row (cell);

  if (row != NULL && g_hash_table_lookup (self->cells[par_score_cell_get_kind (cell)], row) == cell)
    g_hash_table_remove (self->cells[par_score_cell_get_kind (cell)], row);
  par_score_cell_unbind (cell);
}

static void
add_column (ParIndexView *self,
            const char   *title,
            GCallback     setup,
            GCallback     bind,
            GCallback     unbind,
            gpointer      data,
            gboolean      expand,
            int           width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", setup, data);
  g_signal_connect (factory, "bind", bind, data);
  if (unbind != NULL)
    g_signal_connect (factory, "unbind", unbind, data);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (column, width);
  gtk_column_view_append_column (self->score_view, column);
  g_object_unref (column);
}

static void
add_score_column (ParIndexView *self,
                  const char   *title,
                  ParScoreKind  kind)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_object_set_data (G_OBJECT (factory), "kind", GINT_TO_POINTER (kind));
  g_signal_connect_object (factory, "setup", G_CALLBACK (setup_score), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (bind_score), self, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (unbind_score), self, 0);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_fixed_width (column, 122);
  gtk_column_view_append_column (self->score_view, column);
  g_object_unref (column);
}

void
par_index_view_build_columns (ParIndexView *self)
{
  add_column (self, _("Criterion"), G_CALLBACK (setup_title), G_CALLBACK (bind_title), NULL, NULL, TRUE, 0);
  add_column (self, C_("column", "Max"), G_CALLBACK (setup_text), G_CALLBACK (bind_max), G_CALLBACK (unbind_text),
              GINT_TO_POINTER (1), FALSE, 70);
  add_score_column (self, _("Self-score"), PAR_SCORE_SELF);
  add_score_column (self, _("Appraised"), PAR_SCORE_APPRAISED);
  add_column (self, _("Difference"), G_CALLBACK (setup_text), G_CALLBACK (bind_difference),
              G_CALLBACK (unbind_text), GINT_TO_POINTER (1), FALSE, 90);
  add_column (self, _("Evidence"), G_CALLBACK (setup_text), G_CALLBACK (bind_evidence), G_CALLBACK (unbind_text),
              GINT_TO_POINTER (1), FALSE, 80);
  add_column (self, _("Status"), G_CALLBACK (setup_text), G_CALLBACK (bind_status), G_CALLBACK (unbind_text),
              GINT_TO_POINTER (0), FALSE, 140);
}
