/* par-unit-dialog.c: add or edit an organisation unit
 *
 * One dialog for adding, renaming and moving: "Belongs to" moves the unit.
 * Mistakes are shown in the dialog, so nothing the user typed is lost.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "par-unit-combo.h"
#include "par-unit-dialog.h"

struct _ParUnitDialog
{
  ParFormDialog   parent_instance;

  ParDatabase    *db;
  ParUnit        *unit;   /* NULL when adding */

  AdwWindowTitle *title_widget;
  GtkButton      *save_button;
  AdwEntryRow    *code_row;
  AdwEntryRow    *name_row;
  AdwComboRow    *level_row;
  AdwComboRow    *parent_row;
  GtkLabel       *error_label;
};

G_DEFINE_FINAL_TYPE (ParUnitDialog, par_unit_dialog, PAR_TYPE_FORM_DIALOG)

static void
update_save_button (ParUnitDialog *self)
{
  g_autofree char *code = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->code_row))));
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));

  par_form_dialog_set_can_save (PAR_FORM_DIALOG (self), *code != '\0' && *name != '\0');
}

static gint64
par_unit_dialog_save (ParFormDialog  *dialog,
                      GError        **error)
{
  ParUnitDialog *self = PAR_UNIT_DIALOG (dialog);
  const char *code = gtk_editable_get_text (GTK_EDITABLE (self->code_row));
  const char *name = gtk_editable_get_text (GTK_EDITABLE (self->name_row));
  ParUnitLevel level = adw_combo_row_get_selected (self->level_row);
  gint64 parent_id = par_unit_combo_get_selected_id (self->parent_row);
  gint64 id;

  if (self->unit == NULL)
    id = par_directory_add_unit (self->db, code, name, level, parent_id, error);
  else
    {
      id = par_unit_get_id (self->unit);
      if (!par_directory_update_unit (self->db, id, code, name, level, error)
          || !par_directory_move_unit (self->db, id, parent_id, error))
        id = 0;
    }
  return id;
}

/* Adds a unit (with @unit NULL, under @parent_id) or edits @unit. */
ParUnitDialog *
par_unit_dialog_new (GtkWindow   *parent,
                     ParDatabase *db,
                     ParUnit     *unit,
                     gint64       parent_id)
{
  ParUnitDialog *self;
  g_autoptr(GtkStringList) levels = gtk_string_list_new (NULL);
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (PAR_IS_DATABASE (db), NULL);

  self = g_object_new (PAR_TYPE_UNIT_DIALOG, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  self->unit = unit != NULL ? g_object_ref (unit) : NULL;

  for (guint i = 0; i < PAR_N_UNIT_LEVELS; i++)
    gtk_string_list_append (levels, par_unit_level_get_label (i));
  adw_combo_row_set_model (self->level_row, G_LIST_MODEL (levels));

  if (unit != NULL)
    {
      adw_window_title_set_title (self->title_widget, _("Edit Unit"));
      gtk_button_set_label (self->save_button, _("_Save"));
      gtk_editable_set_text (GTK_EDITABLE (self->code_row), par_unit_get_code (unit));
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), par_unit_get_name (unit));
      adw_combo_row_set_selected (self->level_row, par_unit_get_level (unit));
      parent_id = par_unit_get_parent_id (unit);
    }
  else
    adw_combo_row_set_selected (self->level_row,
                                parent_id != 0 ? PAR_UNIT_LEVEL_OFFICE : PAR_UNIT_LEVEL_PROVINCE);

  if (!par_unit_combo_fill (self->parent_row, db, unit != NULL ? par_unit_get_id (unit) : 0,
                            _("None (top of the tree)"), parent_id, &error))
    par_form_dialog_show_error (PAR_FORM_DIALOG (self), error->message);
  update_save_button (self);
  return self;
}

static void
par_unit_dialog_dispose (GObject *object)
{
  ParUnitDialog *self = PAR_UNIT_DIALOG (object);

  g_clear_object (&self->db);
  g_clear_object (&self->unit);
  gtk_widget_dispose_template (GTK_WIDGET (self), PAR_TYPE_UNIT_DIALOG);

  G_OBJECT_CLASS (par_unit_dialog_parent_class)->dispose (object);
}

static void
par_unit_dialog_class_init (ParUnitDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = par_unit_dialog_dispose;
  PAR_FORM_DIALOG_CLASS (klass)->save = par_unit_dialog_save;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pardesk/ParDesk/ui/directory/par-unit-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ParUnitDialog, title_widget);
  gtk_widget_class_bind_template_child (widget_class, ParUnitDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, ParUnitDialog, code_row);
  gtk_widget_class_bind_template_child (widget_class, ParUnitDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, ParUnitDialog, level_row);
  gtk_widget_class_bind_template_child (widget_class, ParUnitDialog, parent_row);
  gtk_widget_class_bind_template_child (widget_class, ParUnitDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, update_save_button);
}

static void
par_unit_dialog_init (ParUnitDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  par_form_dialog_bind (PAR_FORM_DIALOG (self), self->save_button, self->error_label);
}
