/* par-progress-dialog.c: record a task's progress, mark it done or cancel it, with a date
 *
 * One form for the three: a date (typed as the locale writes it, or as
 * 2026-06-30), a percent for progress, and a note. 100 percent completes
 * the task on that date, as the command line's "task progress" does.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "par-progress-dialog.h"

struct _ParProgressDialog
{
  ParFormDialog    parent_instance;

  ParDatabase     *db;
  ParTask         *task;
  ParProgressKind  kind;

  AdwWindowTitle  *title_widget;
  GtkButton       *save_button;
  GtkLabel        *task_label;
  AdwEntryRow     *date_row;
  AdwActionRow    *percent_row;
  GtkSpinButton   *percent_spin;
  AdwEntryRow     *note_row;
  GtkLabel        *error_label;
};

G_DEFINE_FINAL_TYPE (ParProgressDialog, par_progress_dialog, PAR_TYPE_FORM_DIALOG)

static void
update_save_button (ParProgressDialog *self)
{
  GDate date;

  par_form_dialog_set_can_save (PAR_FORM_DIALOG (self),
                                par_plan_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), &date));
}

static gint64
par_progress_dialog_save (ParFormDialog  *dialog,
                          GError        **error)
{
  ParProgressDialog *self = PAR_PROGRESS_DIALOG (dialog);
  const char *note = gtk_editable_get_text (GTK_EDITABLE (self->note_row));
  gint64 id = par_task_get_id (self->task);
  gboolean ok;
  GDate date;

  if (!par_plan_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), &date))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("Type the date as 30/06/2026 or 2026-06-30."));
      return 0;
    }
  if (*note == '\0')
    note = NULL;
  if (self->kind == PAR_PROGRESS_DONE)
    ok = par_plans_complete_task (self->db, id, &date, note, error);
  else if (self->kind == PAR_PROGRESS_CANCEL)
    ok = par_plans_cancel_task (self->db, id, &date, note, error);
  else
    ok = par_plans_record_progress (self->db, id, &date,
                                    (guint) gtk_spin_button_get_value_as_int (self->percent_spin), note, error);
  return ok ? id : 0;
}

static void
set_texts (ParProgressDialog *self)
{
  const char *titles[] = { _("Record Progress"), _("Mark Task Done"), _("Cancel Task") };
  const char *buttons[] = { _("_Record"), _("_Mark Done"), _("Cancel _Task") };
  const char *dates[] = { _("Date of the progress"), _("Completed on"), _("Cancelled from") };
  g_autofree char *task = g_strdup_printf ("%s  %s", par_task_get_code (self->task), par_task_get_title (self->task));

  adw_window_title_set_title (self->title_widget, titles[self->kind]);
  gtk_button_set_label (self->save_button, buttons[self->kind]);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_row), dates[self->kind]);
  gtk_label_set_text (self->task_label, task);
  if (self->kind == PAR_PROGRESS_CANCEL)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->note_row), _("Reason (optional)"));
      gtk_widget_add_css_class (GTK_WIDGET (self->save_button), "destructive-action");
      gtk_widget_remove_css_class (GTK_WIDGET (self->save_button), "suggested-action");
    }
}

/* Records progress on @task, completes it or cancels it (@kind); the date
 * starts as @date. */
ParProgressDialog *
par_progress_dialog_new (GtkWindow       *parent,
                         ParDatabase     *db,
                         ParTask         *task,
                         ParProgressKind  kind,
                         const GDate     *date)
{
  ParProgressDialog *self;
  g_autofree char *text = NULL;

  g_return_val_if_fail (PAR_IS_DATABASE (db), NULL);
  g_return_val_if_fail (PAR_IS_TASK (task), NULL);

  self = g_object_new (PAR_TYPE_PROGRESS_DIALOG, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  self->task = g_object_ref (task);
  self->kind = kind;
  set_texts (self);
  gtk_widget_set_visible (GTK_WIDGET (self->percent_row), kind == PAR_PROGRESS_RECORD);
  gtk_spin_button_set_value (self->percent_spin, par_task_get_percent (task, date));
  text = par_format_gdate (date);
  gtk_editable_set_text (GTK_EDITABLE (self->date_row), text);
  if (kind == PAR_PROGRESS_RECORD)
    gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->percent_spin));
  update_save_button (self);
  return self;
}

static void
par_progress_dialog_dispose (GObject *object)
{
  ParProgressDialog *self = PAR_PROGRESS_DIALOG (object);

  g_clear_object (&self->db);
  g_clear_object (&self->task);
  gtk_widget_dispose_template (GTK_WIDGET (self), PAR_TYPE_PROGRESS_DIALOG);

  G_OBJECT_CLASS (par_progress_dialog_parent_class)->dispose (object);
}

static void
par_progress_dialog_class_init (ParProgressDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = par_progress_dialog_dispose;
  PAR_FORM_DIALOG_CLASS (klass)->save = par_progress_dialog_save;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pardesk/ParDesk/ui/plan/par-progress-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ParProgressDialog, title_widget);
  gtk_widget_class_bind_template_child (widget_class, ParProgressDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, ParProgressDialog, task_label);
  gtk_widget_class_bind_template_child (widget_class, ParProgressDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, ParProgressDialog, percent_row);
  gtk_widget_class_bind_template_child (widget_class, ParProgressDialog, percent_spin);
  gtk_widget_class_bind_template_child (widget_class, ParProgressDialog, note_row);
  gtk_widget_class_bind_template_child (widget_class, ParProgressDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, update_save_button);
}

static void
par_progress_dialog_init (ParProgressDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  par_form_dialog_bind (PAR_FORM_DIALOG (self), self->save_button, self->error_label);
}
