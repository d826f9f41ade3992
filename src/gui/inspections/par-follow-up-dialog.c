/* par-follow-up-dialog.c: record a finding or a recommendation of an inspection, or close a recommendation
 *
 * One small form for the three records the inspection pane adds, each
 * showing only its rows: a finding (its text, the PAR Index code it
 * concerns), a recommendation (its text, the unit that must carry it out,
 * the deadline), the closing of a recommendation (the day, what was done).
 * The core checks each; a refusal is shown under the form and nothing the
 * user typed is lost.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "par-follow-up-dialog.h"
#include "par-inspection-item.h"
#include "par-unit-combo.h"

struct _ParFollowUpDialog
{
  ParFormDialog    parent_instance;

  ParDatabase     *db;
  ParFollowUpKind  kind;
  gint64           id;   /* the inspection, or the recommendation to close */

  AdwWindowTitle  *window_title;
  GtkButton       *save_button;
  GtkLabel        *intro_label;
  AdwEntryRow     *text_row;
  AdwEntryRow     *criterion_row;
  AdwComboRow     *unit_row;
  AdwEntryRow     *date_row;
  AdwEntryRow     *note_row;
  GtkLabel        *error_label;
};

G_DEFINE_FINAL_TYPE (ParFollowUpDialog, par_follow_up_dialog, PAR_TYPE_FORM_DIALOG)

static gboolean
has_text (AdwEntryRow *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  return *text != '\0';
}

static void
update_save_button (ParFollowUpDialog *self)
{
  GDate date;
  gboolean dated = par_plan_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), &date);

  switch (self->kind)
    {
    case PAR_FOLLOW_UP_FINDING:
      par_form_dialog_set_can_save (PAR_FORM_DIALOG (self), has_text (self->text_row));
      break;
    case PAR_FOLLOW_UP_RECOMMENDATION:
      par_form_dialog_set_can_save (PAR_FORM_DIALOG (self), has_text (self->text_row) && dated
                                    && par_unit_combo_get_selected_id (self->unit_row) != 0);
      break;
    case PAR_FOLLOW_UP_CLOSE:
    default:
      par_form_dialog_set_can_save (PAR_FORM_DIALOG (self), dated);
      break;
    }
}

static gint64
par_follow_up_dialog_save (ParFormDialog  *dialog,
                           GError        **error)
{
  ParFollowUpDialog *self = PAR_FOLLOW_UP_DIALOG (dialog);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->text_row));
  GDate date;

  if (self->kind == PAR_FOLLOW_UP_FINDING)
    return par_findings_add (self->db, self->id, text, gtk_editable_get_text (GTK_EDITABLE (self->criterion_row)),
                             error);
  if (!par_plan_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), &date))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("Type the date as 30/06/2026 or 2026-06-30."));
      return 0;
    }
  if (self->kind == PAR_FOLLOW_UP_RECOMMENDATION)
    return par_recommendations_add (self->db, self->id, text, par_unit_combo_get_selected_id (self->unit_row),
                                    &date, 0, error);
  if (!par_recommendations_close (self->db, self->id, &date,
                                  gtk_editable_get_text (GTK_EDITABLE (self->note_row)), error))
    return 0;
  return self->id;
}

static void
set_kind (ParFollowUpDialog *self,
          ParFollowUpKind    kind)
{
  self->kind = kind;
  gtk_widget_set_visible (GTK_WIDGET (self->text_row), kind != PAR_FOLLOW_UP_CLOSE);
  gtk_widget_set_visible (GTK_WIDGET (self->criterion_row), kind == PAR_FOLLOW_UP_FINDING);
  gtk_widget_set_visible (GTK_WIDGET (self->unit_row), kind == PAR_FOLLOW_UP_RECOMMENDATION);
  gtk_widget_set_visible (GTK_WIDGET (self->date_row), kind != PAR_FOLLOW_UP_FINDING);
  gtk_widget_set_visible (GTK_WIDGET (self->note_row), kind == PAR_FOLLOW_UP_CLOSE);
  if (kind == PAR_FOLLOW_UP_FINDING)
    {
      adw_window_title_set_title (self->window_title, _("Add a Finding"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->text_row), _("What the team found"));
      gtk_label_set_text (self->intro_label, _("Something the team found at the unit. Give the PAR Index item it "
                                               "concerns, if any, so the finding can be read with the scores."));
    }
  else if (kind == PAR_FOLLOW_UP_RECOMMENDATION)
    {
      adw_window_title_set_title (self->window_title, _("Add a Recommendation"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->text_row), _("What the unit must do"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_row), _("Deadline"));
      gtk_label_set_text (self->intro_label, _("What the team asks a unit to carry out, and by when. Its status "
                                               "follows the deadline until it is closed."));
    }
  else
    {
      adw_window_title_set_title (self->window_title, _("Close the Recommendation"));
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_row), _("Carried out on"));
      gtk_button_set_label (self->save_button, _("C_lose"));
      gtk_label_set_text (self->intro_label, _("The day the unit carried the recommendation out, and how: a "
                                               "closing after the deadline shows as done late."));
    }
}

/* Adds a finding or a recommendation to the inspection @id, or closes the
 * recommendation @id. A recommendation is first for @unit_id (the
 * inspected unit) and due on @date; a closing is dated @date. */
ParFollowUpDialog *
par_follow_up_dialog_new (GtkWindow       *parent,
                          ParDatabase     *db,
                          ParFollowUpKind  kind,
                          gint64           id,
                          gint64           unit_id,
                          const GDate     *date)
{
  ParFollowUpDialog *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (PAR_IS_DATABASE (db), NULL);

  self = g_object_new (PAR_TYPE_FOLLOW_UP_DIALOG, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  self->id = id;
  set_kind (self, kind);
  if (kind == PAR_FOLLOW_UP_RECOMMENDATION
      && !par_unit_combo_fill (self->unit_row, db, 0, NULL, unit_id, &error))
    par_form_dialog_show_error (PAR_FORM_DIALOG (self), error->message);
  if (date != NULL && g_date_valid (date) && kind != PAR_FOLLOW_UP_FINDING)
    {
      g_autofree char *day = par_format_gdate (date);

      gtk_editable_set_text (GTK_EDITABLE (self->date_row), day);
    }
  update_save_button (self);
  return self;
}

static void
par_follow_up_dialog_dispose (GObject *object)
{
  ParFollowUpDialog *self = PAR_FOLLOW_UP_DIALOG (object);

  g_clear_object (&self->db);
  gtk_widget_dispose_template (GTK_WIDGET (self), PAR_TYPE_FOLLOW_UP_DIALOG);

  G_OBJECT_CLASS (par_follow_up_dialog_parent_class)->dispose (object);
}

static void
par_follow_up_dialog_class_init (ParFollowUpDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = par_follow_up_dialog_dispose;
  PAR_FORM_DIALOG_CLASS (klass)->save = par_follow_up_dialog_save;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pardesk/ParDesk/ui/inspections/par-follow-up-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ParFollowUpDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, ParFollowUpDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, ParFollowUpDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, ParFollowUpDialog, text_row);
  gtk_widget_class_bind_template_child (widget_class, ParFollowUpDialog, criterion_row);
  gtk_widget_class_bind_template_child (widget_class, ParFollowUpDialog, unit_row);
  gtk_widget_class_bind_template_child (widget_class, ParFollowUpDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, ParFollowUpDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, ParFollowUpDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, update_save_button);
}

static void
par_follow_up_dialog_init (ParFollowUpDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  par_form_dialog_bind (PAR_FORM_DIALOG (self), self->save_button, self->error_label);
  g_signal_connect_object (self->unit_row, "notify::selected", G_CALLBACK (update_save_button), self,
                           G_CONNECT_SWAPPED);
}
