/* par-plan-view-columns.c: the Plan tree's columns: the task, its units, output, deadline, progress, status
 *
 * An area's heading shows its numeral and name in the first column and
 * leaves the others empty.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "par-plan-view-private.h"

static ParPlanRow *
row_of (GtkListItem *item)
{
  return gtk_tree_list_row_get_item (gtk_list_item_get_item (item));
}

/* A bound cell follows its row: the view moves rows to another date in
 * place, and an area's heading counts tasks that come and go. The handler
 * goes with the binding. */
typedef struct
{
  GObject *instance;
  gulong   handler;
} Follow;

static void
follow_free (Follow *follow)
{
  g_signal_handler_disconnect (follow->instance, follow->handler);
  g_object_unref (follow->instance);
  g_free (follow);
}

static void
follow (GtkListItem *item,
        gpointer     instance,
        const char  *signal,
        GCallback    callback,
        GtkWidget   *widget)
{
  Follow *follow = g_new (Follow, 1);

  follow->instance = g_object_ref (instance);
  follow->handler = g_signal_connect_object (instance, signal, callback, widget, 0);
  g_object_set_data_full (G_OBJECT (item), "par-follow", follow, (GDestroyNotify) follow_free);
}

static void
unbind_cell (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  g_object_set_data (G_OBJECT (item), "par-follow", NULL);
}

/* A cell's label shows its whole text as its tooltip (the column may cut
 * it short); an area's heading has none. Asked for when the pointer rests
 * on the label, not set at each bind: setting a tooltip makes GTK ask the
 * display where the pointer is, a round trip for each cell shown. */
static gboolean
query_label_tooltip (GtkWidget  *label,
                     int         x,
                     int         y,
                     gboolean    keyboard,
                     GtkTooltip *tooltip)
{
  const char *text = gtk_label_get_text (GTK_LABEL (label));

  if (*text == '\0' || gtk_widget_has_css_class (label, "heading"))
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
give_tooltip (GtkWidget *label)
{
  gtk_widget_set_has_tooltip (label, TRUE);
  g_signal_connect (label, "query-tooltip", G_CALLBACK (query_label_tooltip), NULL);
}

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
  gtk_label_set_width_chars (GTK_LABEL (code), 5);
  gtk_label_set_xalign (GTK_LABEL (code), 0);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  give_tooltip (title);
  gtk_box_append (GTK_BOX (box), code);
  gtk_box_append (GTK_BOX (box), title);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
  gtk_list_item_set_child (item, expander);
}

/* "Cải cách thể chế (4)": an area and the number of its tasks shown. */
static void
show_area_count (GListModel *children,
                 guint       position,
                 guint       removed,
                 guint       added,
                 GtkWidget  *title)
{
  ParArea area = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (title), "area"));
  g_autofree char *text = g_strdup_printf ("%s (%u)", par_area_get_name (area), g_list_model_get_n_items (children));

  gtk_label_set_text (GTK_LABEL (title), text);
}

static void
bind_title (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  GtkWidget *expander = gtk_list_item_get_child (item);
  GtkWidget *code = gtk_widget_get_first_child (gtk_tree_expander_get_child (GTK_TREE_EXPANDER (expander)));
  GtkWidget *title = gtk_widget_get_next_sibling (code);
  g_autoptr(ParPlanRow) row = row_of (item);
  ParTask *task = par_plan_row_get_task (row);

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), gtk_list_item_get_item (item));
  if (task == NULL)
    {
      GListModel *children = G_LIST_MODEL (par_plan_row_get_children (row));

      g_object_set_data (G_OBJECT (title), "area", GUINT_TO_POINTER (par_plan_row_get_area (row)));
      show_area_count (children, 0, 0, 0, title);
      follow (item, children, "items-changed", G_CALLBACK (show_area_count), title);
      gtk_label_set_text (GTK_LABEL (code), par_area_get_numeral (par_plan_row_get_area (row)));
      gtk_widget_add_css_class (title, "heading");
      gtk_widget_remove_css_class (code, "dim-label");
      gtk_widget_add_css_class (code, "heading");
      return;
    }
  gtk_label_set_text (GTK_LABEL (code), par_task_get_code (task));
  gtk_label_set_text (GTK_LABEL (title), par_task_get_title (task));
  gtk_widget_remove_css_class (title, "heading");
  gtk_widget_remove_css_class (code, "heading");
  gtk_widget_add_css_class (code, "dim-label");
}

static void
setup_text (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  give_tooltip (label);
  gtk_list_item_set_child (item, label);
}

typedef enum
{
  TEXT_LEAD,
  TEXT_COORDINATING,
  TEXT_OUTPUT,
  TEXT_DEADLINE,
} TextColumn;

static void
bind_text (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           ParPlanView              *self)
{
  TextColumn column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkLabel *label = GTK_LABEL (gtk_list_item_get_child (item));
  g_autoptr(ParPlanRow) row = row_of (item);
  ParTask *task = par_plan_row_get_task (row);
  g_autofree char *text = NULL;

  if (task == NULL)
    text = g_strdup ("");
  else if (column == TEXT_LEAD)
    text = g_strdup (par_plan_view_unit_name (self, par_task_get_lead_id (task)));
  else if (column == TEXT_COORDINATING)
    text = par_plan_view_coordinating_names (self, task);
  else if (column == TEXT_OUTPUT)
    text = g_strdup (par_task_get_output (task) != NULL ? par_task_get_output (task) : "");
  else
    text = par_plan_row_get_deadline_text (row);
  gtk_label_set_text (label, text);
}

static void
setup_progress (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *bar = gtk_progress_bar_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  /* Narrow enough that the percent beside it always shows. */
  gtk_widget_set_size_request (bar, 60, -1);
  gtk_widget_set_hexpand (bar, FALSE);
  gtk_label_set_width_chars (GTK_LABEL (label), 4);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "numeric");
  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_item_set_child (item, box);
}

static void
show_percent (ParPlanRow *row,
              GParamSpec *pspec,
              GtkWidget  *box)
{
  GtkWidget *bar = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_next_sibling (bar);
  g_autofree char *percent = g_strdup_printf ("%u%%", par_plan_row_get_percent (row));

  gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (bar), par_plan_row_get_percent (row) / 100.0);
  gtk_label_set_text (GTK_LABEL (label), percent);
}

static void
bind_progress (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  g_autoptr(ParPlanRow) row = row_of (item);

  gtk_widget_set_visible (box, par_plan_row_get_task (row) != NULL);
  if (par_plan_row_get_task (row) == NULL)
    return;
  show_percent (row, NULL, box);
  follow (item, row, "notify::percent", G_CALLBACK (show_percent), box);
}

static void
setup_status (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_halign (label, GTK_ALIGN_START);
  gtk_widget_add_css_class (label, "task-status");
  gtk_list_item_set_child (item, label);
}

static void
show_status (ParPlanRow *row,
             GParamSpec *pspec,
             GtkWidget  *label)
{
  ParTaskStatus status = par_plan_row_get_status (row);

  for (guint i = 0; i < PAR_N_TASK_STATUSES; i++)
    gtk_widget_remove_css_class (label, par_task_status_get_css_class (i));
  gtk_label_set_text (GTK_LABEL (label), par_task_status_get_label (status));
  gtk_widget_add_css_class (label, par_task_status_get_css_class (status));
}

static void
bind_status (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             gpointer                  user_data)
{
  GtkWidget *label = gtk_list_item_get_child (item);
  g_autoptr(ParPlanRow) row = row_of (item);

  gtk_widget_set_visible (label, par_plan_row_get_task (row) != NULL);
  if (par_plan_row_get_task (row) == NULL)
    return;
  show_status (row, NULL, label);
  follow (item, row, "notify::status", G_CALLBACK (show_status), label);
}

static void
add_column (ParPlanView *self,
            const char  *title,
            GCallback    setup,
            GCallback    bind,
            int          data,
            int          width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_object_set_data (G_OBJECT (factory), "column", GINT_TO_POINTER (data));
  g_signal_connect (factory, "setup", setup, self);
  g_signal_connect (factory, "bind", bind, self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cell), self);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  if (width > 0)
    gtk_column_view_column_set_fixed_width (column, width);
  else
    gtk_column_view_column_set_expand (column, TRUE);
  gtk_column_view_append_column (self->task_view, column);
  g_object_unref (column);
}

void
par_plan_view_build_columns (ParPlanView *self)
{
  add_column (self, _("Task"), G_CALLBACK (setup_title), G_CALLBACK (bind_title), 0, -1);
  add_column (self, _("Lead unit"), G_CALLBACK (setup_text), G_CALLBACK (bind_text), TEXT_LEAD, 140);
  add_column (self, _("Coordinating units"), G_CALLBACK (setup_text), G_CALLBACK (bind_text), TEXT_COORDINATING, 140);
  add_column (self, _("Output"), G_CALLBACK (setup_text), G_CALLBACK (bind_text), TEXT_OUTPUT, 130);
  add_column (self, _("Deadline"), G_CALLBACK (setup_text), G_CALLBACK (bind_text), TEXT_DEADLINE, 95);
  add_column (self, _("Progress"), G_CALLBACK (setup_progress), G_CALLBACK (bind_progress), 0, 130);
  add_column (self, _("Status"), G_CALLBACK (setup_status), G_CALLBACK (bind_status), 0, 175);
}
