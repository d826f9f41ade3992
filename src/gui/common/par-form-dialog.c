/* par-form-dialog.c: a dialog that edits one record and saves it
 *
 * Cancel and Save in the header bar, Escape to cancel, Enter to save. A
 * record the core refuses keeps the dialog open with the reason under the
 * form, so nothing the user typed is lost.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "par-form-dialog.h"

typedef struct
{
  GtkButton *save_button;
  GtkLabel  *error_label;
} ParFormDialogPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (ParFormDialog, par_form_dialog, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
save_clicked (ParFormDialog *self)
{
  ParFormDialogPrivate *priv = par_form_dialog_get_instance_private (self);
  g_autoptr(GError) error = NULL;
  gint64 id;

  if (!gtk_widget_get_sensitive (GTK_WIDGET (priv->save_button)))
    return;

  id = PAR_FORM_DIALOG_GET_CLASS (self)->save (self, &error);
  if (id == 0)
    {
      par_form_dialog_show_error (self, error->message);
      return;
    }
  g_signal_emit (self, signals[SAVED], 0, id);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Shows why the form cannot be saved, under the form. */
void
par_form_dialog_show_error (ParFormDialog *self,
                            const char    *message)
{
  ParFormDialogPrivate *priv = par_form_dialog_get_instance_private (self);

  g_return_if_fail (PAR_IS_FORM_DIALOG (self));

  gtk_label_set_text (priv->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (priv->error_label), TRUE);
}

/* Called by a subclass after its template is built. */
void
par_form_dialog_bind (ParFormDialog *self,
                      GtkButton     *save_button,
                      GtkLabel      *error_label)
{
  ParFormDialogPrivate *priv = par_form_dialog_get_instance_private (self);

  g_return_if_fail (PAR_IS_FORM_DIALOG (self));

  priv->save_button = save_button;
  priv->error_label = error_label;
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (save_button));
  g_signal_connect_object (save_button, "clicked", G_CALLBACK (save_clicked), self, G_CONNECT_SWAPPED);
}

/* Whether the form is complete enough to try saving; any earlier error
 * goes away as the user edits. */
void
par_form_dialog_set_can_save (ParFormDialog *self,
                              gboolean       can_save)
{
  ParFormDialogPrivate *priv = par_form_dialog_get_instance_private (self);

  g_return_if_fail (PAR_IS_FORM_DIALOG (self));

  gtk_widget_set_sensitive (GTK_WIDGET (priv->save_button), can_save);
  gtk_widget_set_visible (GTK_WIDGET (priv->error_label), FALSE);
}

static void
par_form_dialog_class_init (ParFormDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  /**
   * ParFormDialog::saved:
   * @id: the record added or changed
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                                 NULL, G_TYPE_NONE, 1, G_TYPE_INT64);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
par_form_dialog_init (ParFormDialog *self)
{
}
