/* par-task-items-section.c: the task (or inspection) pane's list of the PAR Index items the task serves
 *
 * Each item is a row; activating it opens the PAR Index on that item for
 * the plan's unit (the window's win.show-index-item), where the item's own
 * pane lists the tasks serving it. The inspection pane uses it too, for
 * the items an inspection covers (par_task_items_section_show_items()).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "par-task-items-section.h"

struct _ParTaskItemsSection
{
  GtkBox      parent_instance;

  gint64      unit_id;
  guint       n_items;

  GtkLabel   *none_label;
  GtkListBox *item_list;
};

G_DEFINE_FINAL_TYPE (ParTaskItemsSection, par_task_items_section, GTK_TYPE_BOX)

static GtkWidget *
item_row_new (ParTaskItem *item)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");
  g_autofree char *title = g_strdup_printf ("%s %s", item->code, item->title);
  g_autofree char *set = g_strdup_printf ("%d · %s", item->set_year, item->set_name);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), set);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 3);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 1);
  gtk_widget_set_tooltip_text (row, _("Open this item in the PAR Index"));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "set-id", GSIZE_TO_POINTER ((gsize) item->set_id));
  g_object_set_data_full (G_OBJECT (row), "code", g_strdup (item->code), g_free);
  return row;
}

static void
row_activated (ParTaskItemsSection *self,
               GtkListBoxRow       *row)
{
  gint64 set_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (row), "set-id"));
  const char *code = g_object_get_data (G_OBJECT (row), "code");

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-index-item", "(xxs)", set_id, self->unit_id, code);
}

/* Lists @items (ParTaskItem; NULL: none); @unit_id is the unit whose
 * scores the PAR Index opens on. */
void
par_task_items_section_show_items (ParTaskItemsSection *self,
                                   GPtrArray           *items,
                                   gint64               unit_id)
{
  GtkWidget *child;

  g_return_if_fail (PAR_IS_TASK_ITEMS_SECTION (self));

  self->unit_id = unit_id;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->item_list))) != NULL)
    gtk_list_box_remove (self->item_list, child);
  self->n_items = items != NULL ? items->len : 0;
  for (guint i = 0; i < self->n_items; i++)
    gtk_list_box_append (self->item_list, item_row_new (g_ptr_array_index (items, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->item_list), self->n_items > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->none_label), self->n_items == 0);
}

/* Lists the items @task (NULL: none) serves; @unit_id is its plan's unit,
 * whose scores the PAR Index opens on. */
void
par_task_items_section_show (ParTaskItemsSection *self,
                             ParDatabase         *db,
                             ParTask             *task,
                             gint64               unit_id)
{
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (PAR_IS_TASK_ITEMS_SECTION (self));

  if (db != NULL && task != NULL && (items = par_task_items_list (db, par_task_get_id (task), &error)) == NULL)
    g_warning ("The items of task %s could not be read: %s", par_task_get_code (task), error->message);
  par_task_items_section_show_items (self, items, unit_id);
}

/* Words for what the items belong to: @none when there are none, @list
 * the list's accessible name. */
void
par_task_items_section_set_texts (ParTaskItemsSection *self,
                                  const char          *none,
                                  const char          *list)
{
  g_return_if_fail (PAR_IS_TASK_ITEMS_SECTION (self));

  gtk_label_set_text (self->none_label, none);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->item_list), GTK_ACCESSIBLE_PROPERTY_LABEL, list, -1);
}

guint
par_task_items_section_get_n_items (ParTaskItemsSection *self)
{
  g_return_val_if_fail (PAR_IS_TASK_ITEMS_SECTION (self), 0);
  return self->n_items;
}

static void
par_task_items_section_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PAR_TYPE_TASK_ITEMS_SECTION);

  G_OBJECT_CLASS (par_task_items_section_parent_class)->dispose (object);
}

static void
par_task_items_section_class_init (ParTaskItemsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = par_task_items_section_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pardesk/ParDesk/ui/plan/par-task-items-section.ui");
  gtk_widget_class_bind_template_child (widget_class, ParTaskItemsSection, none_label);
  gtk_widget_class_bind_template_child (widget_class, ParTaskItemsSection, item_list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated);
}

static void
par_task_items_section_init (ParTaskItemsSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
