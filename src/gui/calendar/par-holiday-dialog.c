/* par-holiday-dialog.c: add a day to the year's public holidays
 *
 * A day the Government announces: its date and its name. A date already a
 * holiday is refused by the core and the reason shown in the dialog, so
 * nothing the user typed is lost.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "par-holiday-dialog.h"

struct _ParHolidayDialog
{
  ParFormDialog  parent_instance;

  ParDatabase   *db;

  GtkButton     *save_button;
  AdwEntryRow   *date_row;
  AdwEntryRow   *name_row;
  GtkLabel      *error_label;
};

G_DEFINE_FINAL_TYPE (ParHolidayDialog, par_holiday_dialog, PAR_TYPE_FORM_DIALOG)

static void
update_save_button (ParHolidayDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  GDate date;

  par_form_dialog_set_can_save (PAR_FORM_DIALOG (self),
                                par_plan_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), &date)
                                && *name != '\0');
}

static gint64
par_holiday_dialog_save (ParFormDialog  *dialog,
                         GError        **error)
{
  ParHolidayDialog *self = PAR_HOLIDAY_DIALOG (dialog);
  GDate date;

  if (!par_plan_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->date_row)), &date))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, _("Type the date as 30/06/2026 or 2026-06-30."));
      return 0;
    }
  if (!par_holidays_add (self->db, &date, gtk_editable_get_text (GTK_EDITABLE (self->name_row)), error))
    return 0;
  /* the "id" of a day: its date as a number */
  return g_date_get_julian (&date);
}

/* Adds a day; the date starts as the first of @year's months not yet past. */
ParHolidayDialog *
par_holiday_dialog_new (GtkWindow   *parent,
                        ParDatabase *db,
                        int          year)
{
  ParHolidayDialog *self;
  g_autofree char *hint = NULL;

  g_return_val_if_fail (PAR_IS_DATABASE (db), NULL);

  self = g_object_new (PAR_TYPE_HOLIDAY_DIALOG, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  /* Translators: an example of a date in the year shown, the way it may be typed */
  hint = g_strdup_printf (_("Date (e.g. 02/01/%d)"), year);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->date_row), hint);
  update_save_button (self);
  return self;
}

static void
par_holiday_dialog_dispose (GObject *object)
{
  ParHolidayDialog *self = PAR_HOLIDAY_DIALOG (object);

  g_clear_object (&self->db);
  gtk_widget_dispose_template (GTK_WIDGET (self), PAR_TYPE_HOLIDAY_DIALOG);

  G_OBJECT_CLASS (par_holiday_dialog_parent_class)->dispose (object);
}

static void
par_holiday_dialog_class_init (ParHolidayDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = par_holiday_dialog_dispose;
  PAR_FORM_DIALOG_CLASS (klass)->save = par_holiday_dialog_save;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pardesk/ParDesk/ui/calendar/par-holiday-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ParHolidayDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, ParHolidayDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, ParHolidayDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, ParHolidayDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, update_save_button);
}

static void
par_holiday_dialog_init (ParHolidayDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  par_form_dialog_bind (PAR_FORM_DIALOG (self), self->save_button, self->error_label);
}
