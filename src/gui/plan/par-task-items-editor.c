/* par-task-items-editor.c: the task (or inspection) dialog's PAR Index items: chosen in a chooser, shown as removable rows
 *
 * The items are kept here until the dialog saves the task, which saves
 * them with it: cancelling the dialog changes nothing. The inspection
 * dialog uses it too, for the items an inspection covers, with its own
 * words (par_task_items_editor_set_texts()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "par-task-items-editor.h"

struct _ParTaskItemsEditor
{
  GtkBox        parent_instance;

  ParDatabase  *db;
  GPtrArray    *items;      /* ParTaskItem, in order */
  char         *none_text;  /* NULL: the task's */
  GPtrArray    *rows;       /* the rows showing them */

  GtkListBox   *item_list;
  AdwActionRow *header_row;
  GtkButton    *choose_button;
};

G_DEFINE_FINAL_TYPE (ParTaskItemsEditor, par_task_items_editor, GTK_TYPE_BOX)

static void show_items (ParTaskItemsEditor *self);

static void
remove_clicked (ParTaskItemsEditor *self,
                GtkButton          *button)
{
  ParTaskItem *item = g_object_get_data (G_OBJECT (button), "item");

  g_ptr_array_remove (self->items, item);
  show_items (self);
  /* The focus stays in the list rather than falling out of the dialog. */
  gtk_widget_grab_focus (GTK_WIDGET (self->header_row));
}

static GtkWidget *
item_row_new (ParTaskItemsEditor *self,
              ParTaskItem        *item)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  g_autofree char *title = g_strdup_printf ("%s %s", item->code, item->title);
  g_autofree char *set = g_strdup_printf ("%d · %s", item->set_year, item->set_name);
  g_autofree char *tooltip = g_strdup_printf (_("Remove item %s"), item->code);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), set);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 2);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, tooltip);
  g_object_set_data (G_OBJECT (remove), "item", item);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_clicked), self, G_CONNECT_SWAPPED);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  return row;
}

static void
show_items (ParTaskItemsEditor *self)
{
  g_autofree char *count = NULL;

  for (guint i = 0; i < self->rows->len; i++)
    gtk_list_box_remove (self->item_list, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  for (guint i = 0; i < self->items->len; i++)
    {
      GtkWidget *row = item_row_new (self, g_ptr_array_index (self->items, i));

      gtk_list_box_append (self->item_list, row);
      g_ptr_array_add (self->rows, row);
    }
  if (self->items->len == 0)
    count = g_strdup (self->none_text != NULL ? self->none_text : _("None: the task is not tied to the PAR Index"));
  else
    count = g_strdup_printf (ngettext ("%u item", "%u items", self->items->len), self->items->len);
  adw_action_row_set_subtitle (self->header_row, count);
}

/* Shows @items (ParTaskItem, copied; NULL: none), chosen from @db's sets. */
void
par_task_items_editor_set_items (ParTaskItemsEditor *self,
                                 ParDatabase        *db,
                                 GPtrArray          *items)
{
  g_return_if_fail (PAR_IS_TASK_ITEMS_EDITOR (self));
  g_return_if_fail (PAR_IS_DATABASE (db));

  g_set_object (&self->db, db);
  g_ptr_array_set_size (self->items, 0);
  for (guint i = 0; items != NULL && i < items->len; i++)
    g_ptr_array_add (self->items, par_task_item_copy (g_ptr_array_index (items, i)));
  show_items (self);
}

/* Shows the items @task_id serves (0: a new task, none). */
gboolean
par_task_items_editor_load (ParTaskItemsEditor  *self,
                            ParDatabase         *db,
                            gint64               task_id,
                            GError             **error)
{
  g_autoptr(GPtrArray) items = NULL;
  gboolean ok;

  g_return_val_if_fail (PAR_IS_TASK_ITEMS_EDITOR (self), FALSE);
  g_return_val_if_fail (PAR_IS_DATABASE (db), FALSE);

  ok = task_id == 0 || (items = par_task_items_list (db, task_id, error)) != NULL;
  par_task_items_editor_set_items (self, db, items);
  return ok;
}

/* Words for what the items belong to: @none when there are none, the
 * choose button's @tooltip. */
void
par_task_items_editor_set_texts (ParTaskItemsEditor *self,
                                 const char         *none,
                                 const char         *tooltip)
{
  g_return_if_fail (PAR_IS_TASK_ITEMS_EDITOR (self));

  g_free (self->none_text);
  self->none_text = g_strdup (none);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->choose_button), tooltip);
  show_items (self);
}

/* The items chosen, in order (ParTaskItem, owned by the editor). */
GPtrArray *
par_task_items_editor_get_items (ParTaskItemsEditor *self)
{
  g_return_val_if_fail (PAR_IS_TASK_ITEMS_EDITOR (self), NULL);
  return self->items;
}

/* The ids of the items chosen, in order, for par_task_items_set(). */
GArray *
par_task_items_editor_get_node_ids (ParTaskItemsEditor *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  g_return_val_if_fail (PAR_IS_TASK_ITEMS_EDITOR (self), ids);

  for (guint i = 0; i < self->items->len; i++)
    g_array_append_val (ids, ((ParTaskItem *) g_ptr_array_index (self->items, i))->node_id);
  return ids;
}

static void
chooser_done (ParTaskItemsEditor *self,
              ParTaskItemChooser *chooser)
{
  GPtrArray *chosen = par_task_item_chooser_get_chosen (chooser);

  g_ptr_array_set_size (self->items, 0);
  for (guint i = 0; i < chosen->len; i++)
    g_ptr_array_add (self->items, par_task_item_copy (g_ptr_array_index (chosen, i)));
  show_items (self);
}

/* Opens the chooser on the items chosen; they are replaced when it is done. */
ParTaskItemChooser *
par_task_items_editor_choose (ParTaskItemsEditor *self)
{
  ParTaskItemChooser *chooser;

  g_return_val_if_fail (PAR_IS_TASK_ITEMS_EDITOR (self), NULL);
  g_return_val_if_fail (self->db != NULL, NULL);

  chooser = par_task_item_chooser_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), self->db, self->items);
  g_signal_connect_object (chooser, "done", G_CALLBACK (chooser_done), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (chooser));
  return chooser;
}

static void
choose_clicked (ParTaskItemsEditor *self)
{
  par_task_items_editor_choose (self);
}

static void
par_task_items_editor_dispose (GObject *object)
{
  ParTaskItemsEditor *self = PAR_TASK_ITEMS_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PAR_TYPE_TASK_ITEMS_EDITOR);
  g_clear_object (&self->db);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->none_text, g_free);

  G_OBJECT_CLASS (par_task_items_editor_parent_class)->dispose (object);
}

static void
par_task_items_editor_class_init (ParTaskItemsEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = par_task_items_editor_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pardesk/ParDesk/ui/plan/par-task-items-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, ParTaskItemsEditor, item_list);
  gtk_widget_class_bind_template_child (widget_class, ParTaskItemsEditor, header_row);
  gtk_widget_class_bind_template_child (widget_class, ParTaskItemsEditor, choose_button);
  gtk_widget_class_bind_template_callback (widget_class, choose_clicked);
}

static void
par_task_items_editor_init (ParTaskItemsEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) par_task_item_free);
  self->rows = g_ptr_array_new ();
  show_items (self);
}
