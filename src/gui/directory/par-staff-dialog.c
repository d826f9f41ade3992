/* par-staff-dialog.c: add or edit a staff member
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "par-staff-dialog.h"
#include "par-unit-combo.h"

struct _ParStaffDialog
{
  ParFormDialog   parent_instance;

  ParDatabase    *db;
  ParStaff       *staff;   /* NULL when adding */

  AdwWindowTitle *title_widget;
  GtkButton      *save_button;
  AdwEntryRow    *name_row;
  AdwEntryRow    *title_row;
  AdwComboRow    *role_row;
  AdwComboRow    *unit_row;
  GtkLabel       *error_label;
};

G_DEFINE_FINAL_TYPE (ParStaffDialog, par_staff_dialog, PAR_TYPE_FORM_DIALOG)

static void
update_save_button (ParStaffDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));

  par_form_dialog_set_can_save (PAR_FORM_DIALOG (self), *name != '\0' && par_unit_combo_get_selected_id (self->unit_row) != 0);
}

static gint64
par_staff_dialog_save (ParFormDialog  *dialog,
                       GError        **error)
{
  ParStaffDialog *self = PAR_STAFF_DIALOG (dialog);
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  const char *title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));
  ParStaffRole role = adw_combo_row_get_selected (self->role_row);
  gint64 unit_id = par_unit_combo_get_selected_id (self->unit_row);
  gint64 id;

  if (self->staff == NULL)
    id = par_directory_add_staff (self->db, unit_id, name, title, role, error);
  else
    {
      id = par_staff_get_id (self->staff);
      if (!par_directory_update_staff (self->db, id, unit_id, name, title, role, error))
        id = 0;
    }
  return id;
}

/* Adds a staff member to @unit_id (with @staff NULL) or edits @staff. */
ParStaffDialog *
par_staff_dialog_new (GtkWindow   *parent,
                      ParDatabase *db,
                      ParStaff    *staff,
                      gint64       unit_id)
{
  ParStaffDialog *self;
  g_autoptr(GtkStringList) roles = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (PAR_IS_DATABASE (db), NULL);

  self = g_object_new (PAR_TYPE_STAFF_DIALOG, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  self->staff = staff != NULL ? g_object_ref (staff) : NULL;

  for (guint i = 0; i < PAR_N_STAFF_ROLES; i++)
    gtk_string_list_append (roles, par_staff_role_get_label (i));
  adw_combo_row_set_model (self->role_row, G_LIST_MODEL (roles));
  adw_combo_row_set_selected (self->role_row, PAR_STAFF_ROLE_STAFF);

  if (staff != NULL)
    {
      adw_window_title_set_title (self->title_widget, _("Edit Staff Member"));
      gtk_button_set_label (self->save_button, _("_Save"));
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), par_staff_get_full_name (staff));
      gtk_editable_set_text (GTK_EDITABLE (self->title_row), par_staff_get_title (staff));
      adw_combo_row_set_selected (self->role_row, par_staff_get_role (staff));
      unit_id = par_staff_get_unit_id (staff);
    }

  if (!par_unit_combo_fill (self->unit_row, db, 0, NULL, unit_id, &error))
    par_form_dialog_show_error (PAR_FORM_DIALOG (self), error->message);
  update_save_button (self);
  return self;
}

static void
par_staff_dialog_dispose (GObject *object)
{
  ParStaffDialog *self = PAR_STAFF_DIALOG (object);

  g_clear_object (&self->db);
  g_clear_object (&self->staff);
  gtk_widget_dispose_template (GTK_WIDGET (self), PAR_TYPE_STAFF_DIALOG);

  G_OBJECT_CLASS (par_staff_dialog_parent_class)->dispose (object);
}

static void
par_staff_dialog_class_init (ParStaffDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = par_staff_dialog_dispose;
  PAR_FORM_DIALOG_CLASS (klass)->save = par_staff_dialog_save;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pardesk/ParDesk/ui/directory/par-staff-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ParStaffDialog, title_widget);
  gtk_widget_class_bind_template_child (widget_class, ParStaffDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, ParStaffDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, ParStaffDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, ParStaffDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, ParStaffDialog, unit_row);
  gtk_widget_class_bind_template_child (widget_class, ParStaffDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, update_save_button);
}

static void
par_staff_dialog_init (ParStaffDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  par_form_dialog_bind (PAR_FORM_DIALOG (self), self->save_button, self->error_label);
}
