/* par-directory-view.c: the tree of units and the staff of the selected unit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "par-directory-view.h"
#include "par-staff-dialog.h"
#include "par-unit-dialog.h"

struct _ParDirectoryView
{
  AdwBin              parent_instance;

  ParContext         *context;
  ParDatabase        *database;   /* the context's, followed */
  GListStore         *root_units;
  GtkSingleSelection *unit_selection;
  GListStore         *staff;
  GtkSingleSelection *staff_selection;

  GtkStack           *units_stack;
  GtkListView        *units_view;
  GtkStack           *staff_stack;
  GtkColumnView      *staff_view;
  GtkLabel           *unit_name_label;
  GtkLabel           *unit_details_label;
};

G_DEFINE_FINAL_TYPE (ParDirectoryView, par_directory_view, ADW_TYPE_BIN)

static void
report (ParDirectoryView *self,
        const char       *heading,
        const GError     *error)
{
  par_context_report_error (self->context, heading, error);
}

static GListModel *
create_child_model (gpointer item,
                    gpointer user_data)
{
  ParDirectoryView *self = user_data;
  ParUnit *unit = item;
  g_autoptr(GPtrArray) children = NULL;
  g_autoptr(GError) error = NULL;
  GListStore *store;

  if (par_unit_get_n_children (unit) == 0 || self->database == NULL)
    return NULL;
  children = par_directory_list_units (self->database, par_unit_get_id (unit), &error);
  if (children == NULL)
    {
      report (self, _("The units could not be read"), error);
      return NULL;
    }
  store = g_list_store_new (PAR_TYPE_UNIT);
  g_list_store_splice (store, 0, 0, children->pdata, children->len);
  return G_LIST_MODEL (store);
}

ParUnit *
par_directory_view_get_selected_unit (ParDirectoryView *self)
{
  GtkTreeListRow *row;

  g_return_val_if_fail (PAR_IS_DIRECTORY_VIEW (self), NULL);
  row = gtk_single_selection_get_selected_item (self->unit_selection);
  return row != NULL ? gtk_tree_list_row_get_item (row) : NULL;
}

static ParStaff *
get_selected_staff (ParDirectoryView *self)
{
  ParStaff *staff = gtk_single_selection_get_selected_item (self->staff_selection);

  return staff != NULL ? g_object_ref (staff) : NULL;
}

static void
update_actions (ParDirectoryView *self)
{
  gboolean have_db = self->database != NULL;
  g_autoptr(ParUnit) unit = par_directory_view_get_selected_unit (self);
  g_autoptr(ParStaff) staff = get_selected_staff (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "directory.add-unit", have_db);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "directory.add-child-unit", unit != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "directory.edit-unit", unit != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "directory.delete-unit", unit != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "directory.add-staff", unit != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "directory.edit-staff", staff != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "directory.delete-staff", staff != NULL);
}

static void
reload_staff (ParDirectoryView *self)
{
  g_autoptr(ParUnit) unit = par_directory_view_get_selected_unit (self);
  g_autoptr(GPtrArray) staff = NULL;
  g_autoptr(GError) error = NULL;

  g_list_store_remove_all (self->staff);
  if (unit == NULL)
    {
      gtk_label_set_text (self->unit_name_label, "");
      gtk_label_set_text (self->unit_details_label, "");
      gtk_stack_set_visible_child_name (self->staff_stack, "no-unit");
      update_actions (self);
      return;
    }

  gtk_label_set_text (self->unit_name_label, par_unit_get_name (unit));
  {
    g_autofree char *details = g_strdup_printf ("%s · %s", par_unit_get_code (unit),
                                                par_unit_level_get_label (par_unit_get_level (unit)));
    gtk_label_set_text (self->unit_details_label, details);
  }

  staff = par_directory_list_staff (self->database, par_unit_get_id (unit), &error);
  if (staff == NULL)
    report (self, _("The staff could not be read"), error);
  else
    g_list_store_splice (self->staff, 0, 0, staff->pdata, staff->len);
  gtk_stack_set_visible_child_name (self->staff_stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->staff)) > 0
                                    ? "list" : "empty");
  update_actions (self);
}

/* Selects the unit with @unit_id if it is in the (fully expanded) tree. */
gboolean
par_directory_view_select_unit (ParDirectoryView *self,
                                gint64            unit_id)
{
  GListModel *rows = G_LIST_MODEL (self->unit_selection);
  guint n = g_list_model_get_n_items (rows);

  g_return_val_if_fail (PAR_IS_DIRECTORY_VIEW (self), FALSE);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (rows, i);
      g_autoptr(ParUnit) unit = gtk_tree_list_row_get_item (row);

      if (par_unit_get_id (unit) == unit_id)
        {
          gtk_single_selection_set_selected (self->unit_selection, i);
          return TRUE;
        }
    }
  return FALSE;
}

static void
reload_units (ParDirectoryView *self)
{
  g_autoptr(ParUnit) selected = par_directory_view_get_selected_unit (self);
  gint64 selected_id = selected != NULL ? par_unit_get_id (selected) : 0;
  g_autoptr(GPtrArray) roots = NULL;
  g_autoptr(GError) error = NULL;

  g_list_store_remove_all (self->root_units);
  if (self->database != NULL)
    {
      roots = par_directory_list_units (self->database, PAR_DIRECTORY_ROOT, &error);
      if (roots == NULL)
        report (self, _("The units could not be read"), error);
      else
        g_list_store_splice (self->root_units, 0, 0, roots->pdata, roots->len);
    }

  gtk_stack_set_visible_child_name (self->units_stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->root_units)) > 0
                                    ? "list" : "empty");
  if (selected_id == 0 || !par_directory_view_select_unit (self, selected_id))
    gtk_single_selection_set_selected (self->unit_selection, 0);
  reload_staff (self);
}

static void
database_changed (ParDirectoryView *self,
                  ParChange         what)
{
  if (what == PAR_CHANGE_UNITS)
    reload_units (self);
  else if (what == PAR_CHANGE_STAFF)
    reload_staff (self);
}

static void
follow_database (ParDirectoryView *self)
{
  g_set_object (&self->database, par_context_get_database (self->context));
  reload_units (self);
}

/* The view shows the context's file, and follows it. */
void
par_directory_view_set_context (ParDirectoryView *self,
                                ParContext       *context)
{
  g_return_if_fail (PAR_IS_DIRECTORY_VIEW (self));
  g_return_if_fail (PAR_IS_CONTEXT (context));
  g_return_if_fail (self->context == NULL);

  self->context = g_object_ref (context);
  g_signal_connect_object (context, "notify::database", G_CALLBACK (follow_database), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (context, "changed", G_CALLBACK (database_changed), self, G_CONNECT_SWAPPED);
  follow_database (self);
}

static GtkWindow *
get_window (ParDirectoryView *self)
{
  return GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
}

static void
unit_saved (ParDirectoryView *self,
            gint64            unit_id)
{
  par_directory_view_select_unit (self, unit_id);
}

static void
open_unit_dialog (ParDirectoryView *self,
                  ParUnit          *unit,
                  gint64            parent_id)
{
  ParUnitDialog *dialog;

  if (self->database == NULL)
    return;
  dialog = par_unit_dialog_new (get_window (self), self->database, unit, parent_id);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (unit_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_unit_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ParDirectoryView *self = PAR_DIRECTORY_VIEW (widget);
  g_autoptr(ParUnit) selected = par_directory_view_get_selected_unit (self);

  /* A new unit goes beside the selected one, as in a file manager. */
  open_unit_dialog (self, NULL, selected != NULL ? par_unit_get_parent_id (selected) : 0);
}

static void
add_child_unit_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ParDirectoryView *self = PAR_DIRECTORY_VIEW (widget);
  g_autoptr(ParUnit) selected = par_directory_view_get_selected_unit (self);

  if (selected != NULL)
    open_unit_dialog (self, NULL, par_unit_get_id (selected));
}

static void
edit_unit_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ParDirectoryView *self = PAR_DIRECTORY_VIEW (widget);
  g_autoptr(ParUnit) selected = par_directory_view_get_selected_unit (self);

  if (selected != NULL)
    open_unit_dialog (self, selected, 0);
}

typedef gboolean (*DeleteFunc) (ParDatabase *db, gint64 id, GError **error);

static void
delete_response (AdwMessageDialog *dialog,
                 const char       *response,
                 ParDirectoryView *self)
{
  DeleteFunc delete_func = g_object_get_data (G_OBJECT (dialog), "delete-func");
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "delete-id"));
  g_autoptr(GError) error = NULL;

  if (g_str_equal (response, "delete") && !delete_func (self->database, id, &error))
    report (self, g_object_get_data (G_OBJECT (dialog), "failure-heading"), error);
}

/* Asks before deleting; @delete_func does it and may refuse, with a reason
 * that is shown under @failure_heading. */
static void
ask_to_delete (ParDirectoryView *self,
               const char       *name,
               const char       *body,
               DeleteFunc        delete_func,
               gint64            id,
               const char       *failure_heading)
{
  g_autofree char *heading = g_strdup_printf (_("Delete “%s”?"), name);
  GtkWidget *dialog = adw_message_dialog_new (get_window (self), heading, body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "delete-func", delete_func);
  g_object_set_data (G_OBJECT (dialog), "delete-id", GSIZE_TO_POINTER ((gsize) id));
  g_object_set_data_full (G_OBJECT (dialog), "failure-heading", g_strdup (failure_heading), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (delete_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
delete_unit_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ParDirectoryView *self = PAR_DIRECTORY_VIEW (widget);
  g_autoptr(ParUnit) selected = par_directory_view_get_selected_unit (self);

  if (selected != NULL)
    ask_to_delete (self, par_unit_get_name (selected),
                   _("The unit is removed from the directory. A unit that still has sub-units, staff "
                     "or records cannot be deleted."),
                   par_directory_delete_unit, par_unit_get_id (selected),
                   _("The unit was not deleted"));
}

static void
open_staff_dialog (ParDirectoryView *self,
                   ParStaff         *staff)
{
  g_autoptr(ParUnit) unit = par_directory_view_get_selected_unit (self);
  ParStaffDialog *dialog;

  if (self->database == NULL || unit == NULL)
    return;
  dialog = par_staff_dialog_new (get_window (self), self->database, staff, par_unit_get_id (unit));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_staff_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  open_staff_dialog (PAR_DIRECTORY_VIEW (widget), NULL);
}

static void
edit_staff_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ParDirectoryView *self = PAR_DIRECTORY_VIEW (widget);
  g_autoptr(ParStaff) staff = get_selected_staff (self);

  if (staff != NULL)
    open_staff_dialog (self, staff);
}

static void
delete_staff_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ParDirectoryView *self = PAR_DIRECTORY_VIEW (widget);
  g_autoptr(ParStaff) staff = get_selected_staff (self);

  if (staff != NULL)
    ask_to_delete (self, par_staff_get_full_name (staff),
                   _("The staff member is removed from the directory."),
                   par_directory_delete_staff, par_staff_get_id (staff),
                   _("The staff member was not deleted"));
}

static void
unit_activated (ParDirectoryView *self,
                guint             position)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "directory.edit-unit", NULL);
}

static void
staff_activated (ParDirectoryView *self,
                 guint             position)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "directory.edit-staff", NULL);
}

static void
par_directory_view_dispose (GObject *object)
{
  ParDirectoryView *self = PAR_DIRECTORY_VIEW (object);

  g_clear_object (&self->database);
  g_clear_object (&self->context);
  gtk_widget_dispose_template (GTK_WIDGET (self), PAR_TYPE_DIRECTORY_VIEW);
  g_clear_object (&self->unit_selection);
  g_clear_object (&self->staff_selection);
  g_clear_object (&self->root_units);
  g_clear_object (&self->staff);

  G_OBJECT_CLASS (par_directory_view_parent_class)->dispose (object);
}

static void
par_directory_view_class_init (ParDirectoryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = par_directory_view_dispose;

  g_type_ensure (PAR_TYPE_UNIT);
  g_type_ensure (PAR_TYPE_STAFF);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pardesk/ParDesk/ui/directory/par-directory-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ParDirectoryView, units_stack);
  gtk_widget_class_bind_template_child (widget_class, ParDirectoryView, units_view);
  gtk_widget_class_bind_template_child (widget_class, ParDirectoryView, staff_stack);
  gtk_widget_class_bind_template_child (widget_class, ParDirectoryView, staff_view);
  gtk_widget_class_bind_template_child (widget_class, ParDirectoryView, unit_name_label);
  gtk_widget_class_bind_template_child (widget_class, ParDirectoryView, unit_details_label);
  gtk_widget_class_bind_template_callback (widget_class, unit_activated);
  gtk_widget_class_bind_template_callback (widget_class, staff_activated);

  gtk_widget_class_install_action (widget_class, "directory.add-unit", NULL, add_unit_action);
  gtk_widget_class_install_action (widget_class, "directory.add-child-unit", NULL, add_child_unit_action);
  gtk_widget_class_install_action (widget_class, "directory.edit-unit", NULL, edit_unit_action);
  gtk_widget_class_install_action (widget_class, "directory.delete-unit", NULL, delete_unit_action);
  gtk_widget_class_install_action (widget_class, "directory.add-staff", NULL, add_staff_action);
  gtk_widget_class_install_action (widget_class, "directory.edit-staff", NULL, edit_staff_action);
  gtk_widget_class_install_action (widget_class, "directory.delete-staff", NULL, delete_staff_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "directory.add-unit", NULL);
}

static void
par_directory_view_init (ParDirectoryView *self)
{
  GtkTreeListModel *tree;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->root_units = g_list_store_new (PAR_TYPE_UNIT);
  /* Directories are small: everything expanded, so nothing hides. */
  tree = gtk_tree_list_model_new (g_object_ref (G_LIST_MODEL (self->root_units)), FALSE, TRUE,
                                  create_child_model, self, NULL);
  self->unit_selection = gtk_single_selection_new (G_LIST_MODEL (tree));
  gtk_list_view_set_model (self->units_view, GTK_SELECTION_MODEL (self->unit_selection));
  g_signal_connect_object (self->unit_selection, "notify::selected", G_CALLBACK (reload_staff), self,
                           G_CONNECT_SWAPPED);

  self->staff = g_list_store_new (PAR_TYPE_STAFF);
  self->staff_selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->staff)));
  gtk_column_view_set_model (self->staff_view, GTK_SELECTION_MODEL (self->staff_selection));
  g_signal_connect_object (self->staff_selection, "notify::selected", G_CALLBACK (update_actions), self,
                           G_CONNECT_SWAPPED);

  reload_units (self);
}
