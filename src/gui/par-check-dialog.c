/* par-check-dialog.c: checking the whole file, every kept document included
 *
 * The check runs in a worker with its own read-only connection, with
 * progress and a Stop button; the window stays usable meanwhile. When
 * documents are damaged, the dialog names them and offers to save the
 * intact ones into a folder, so that nothing that can be saved is lost.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "par-check-dialog.h"
#include "par-file-chooser.h"

struct _ParCheckDialog
{
  AdwWindow       parent_instance;

  char           *db_path;
  GCancellable   *cancellable;
  GArray         *damaged;      /* set once the check is done */
  gboolean        done;

  AdwWindowTitle *title_widget;
  GtkStack       *stack;
  GtkProgressBar *progress_bar;
  AdwStatusPage  *result_page;
  GtkListBox     *damaged_list;
  GtkButton      *export_button;
  GtkLabel       *export_label;
};

G_DEFINE_FINAL_TYPE (ParCheckDialog, par_check_dialog, ADW_TYPE_WINDOW)

static void
show_progress (guint       done,
               guint       total,
               const char *path,
               gpointer    user_data)
{
  ParCheckDialog *self = user_data;
  g_autofree char *text = NULL;

  /* closed while the worker was still reporting */
  if (self->progress_bar == NULL)
    return;
  text = g_strdup_printf (_("Document %u of %u"), done, total);
  gtk_progress_bar_set_fraction (self->progress_bar, total > 0 ? (double) done / total : 1.0);
  gtk_progress_bar_set_text (self->progress_bar, text);
}

static void
show_result (ParCheckDialog *self,
             ParFileCheck   *check,
             const GError   *error)
{
  self->done = TRUE;
  gtk_stack_set_visible_child_name (self->stack, "result");
  if (error != NULL)
    {
      adw_status_page_set_icon_name (self->result_page, "dialog-error-symbolic");
      adw_status_page_set_title (self->result_page, _("The File Is Damaged"));
      adw_status_page_set_description (self->result_page, error->message);
      return;
    }
  self->damaged = g_array_ref (check->damaged);
  if (check->damaged->len == 0)
    {
      g_autofree char *description =
        g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                      "The database is whole, and the %u kept document is exactly as it was "
                                      "added.",
                                      "The database is whole, and the %u kept documents are exactly as they "
                                      "were added.",
                                      check->n_documents),
                         check->n_documents);

      adw_status_page_set_icon_name (self->result_page, "emblem-ok-symbolic");
      adw_status_page_set_title (self->result_page, _("The File Is Whole"));
      adw_status_page_set_description (self->result_page, description);
      return;
    }
  {
    g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Document Is Damaged",
                                                           "%u Documents Are Damaged", check->damaged->len),
                                              check->damaged->len);

    adw_status_page_set_icon_name (self->result_page, "dialog-warning-symbolic");
    adw_status_page_set_title (self->result_page, title);
    adw_status_page_set_description (self->result_page,
                                     _("Their bytes no longer match the fingerprints kept when they were "
                                       "added: do not rely on them. Add them again from their originals. The "
                                       "other documents are intact; save them elsewhere to be safe."));
  }
  for (guint i = 0; i < check->damaged->len; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *subtitle = g_strdup_printf (_("Document %lld"),
                                                   (long long) g_array_index (check->damaged, gint64, i));

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), g_ptr_array_index (check->damaged_names, i));
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      gtk_list_box_append (self->damaged_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->damaged_list), TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->export_button), check->n_documents > check->damaged->len);
}

static void
check_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(ParCheckDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ParFileCheck) check = par_file_check_finish (result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      gtk_window_destroy (GTK_WINDOW (self));
      return;
    }
  show_result (self, check, error);
}

static void
stop_clicked (ParCheckDialog *self)
{
  g_cancellable_cancel (self->cancellable);
}

static void
export_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(ParCheckDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  guint n = par_evidence_export_intact_finish (result, &error);
  g_autofree char *text = NULL;

  if (error != NULL)
    text = g_strdup_printf (_("The documents were not all saved: %s"), error->message);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u intact document saved.",
                                         "%u intact documents saved.", n),
                            n);
  gtk_label_set_text (self->export_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->export_label), TRUE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), TRUE);
}

static void
folder_chosen (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(ParCheckDialog) self = user_data;
  g_autofree char *path = par_file_chooser_run_finish_path (result, NULL);

  /* The dialog may have been closed meanwhile. */
  if (path == NULL || self->cancellable == NULL || g_cancellable_is_cancelled (self->cancellable))
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button), FALSE);
  par_evidence_export_intact_async (self->db_path, path, self->damaged, self->cancellable, export_done,
                                    g_object_ref (self));
}

static void
export_clicked (ParCheckDialog *self)
{
  g_autoptr(ParFileChooser) chooser = par_file_chooser_new (PAR_FILE_CHOOSER_FOLDER,
                                                            _("Save the Intact Documents in a Folder"),
                                                            _("_Save Here"));

  par_file_chooser_run_async (chooser, GTK_WINDOW (self), folder_chosen, g_object_ref (self));
}

/* Checks @db_path (the open file) as soon as the dialog is made. */
ParCheckDialog *
par_check_dialog_new (GtkWindow  *parent,
                      const char *db_path)
{
  ParCheckDialog *self;

  g_return_val_if_fail (db_path != NULL, NULL);

  self = g_object_new (PAR_TYPE_CHECK_DIALOG, "transient-for", parent, NULL);
  self->db_path = g_strdup (db_path);
  adw_window_title_set_subtitle (self->title_widget, db_path);
  par_file_check_async (db_path, show_progress, self, self->cancellable, check_done, g_object_ref (self));
  return self;
}

gboolean
par_check_dialog_is_done (ParCheckDialog *self)
{
  g_return_val_if_fail (PAR_IS_CHECK_DIALOG (self), FALSE);
  return self->done;
}

guint
par_check_dialog_get_n_damaged (ParCheckDialog *self)
{
  g_return_val_if_fail (PAR_IS_CHECK_DIALOG (self), 0);
  return self->damaged != NULL ? self->damaged->len : 0;
}

static gboolean
par_check_dialog_close_request (GtkWindow *window)
{
  ParCheckDialog *self = PAR_CHECK_DIALOG (window);

  /* Closing stops the check; the progress it reports then goes nowhere. */
  g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (par_check_dialog_parent_class)->close_request (window);
}

static void
par_check_dialog_dispose (GObject *object)
{
  ParCheckDialog *self = PAR_CHECK_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PAR_TYPE_CHECK_DIALOG);
  G_OBJECT_CLASS (par_check_dialog_parent_class)->dispose (object);
}

static void
par_check_dialog_finalize (GObject *object)
{
  ParCheckDialog *self = PAR_CHECK_DIALOG (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->damaged, g_array_unref);
  g_free (self->db_path);
  G_OBJECT_CLASS (par_check_dialog_parent_class)->finalize (object);
}

static void
par_check_dialog_class_init (ParCheckDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = par_check_dialog_dispose;
  object_class->finalize = par_check_dialog_finalize;
  window_class->close_request = par_check_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pardesk/ParDesk/ui/par-check-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ParCheckDialog, title_widget);
  gtk_widget_class_bind_template_child (widget_class, ParCheckDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, ParCheckDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, ParCheckDialog, result_page);
  gtk_widget_class_bind_template_child (widget_class, ParCheckDialog, damaged_list);
  gtk_widget_class_bind_template_child (widget_class, ParCheckDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, ParCheckDialog, export_label);
  gtk_widget_class_bind_template_callback (widget_class, stop_clicked);
  gtk_widget_class_bind_template_callback (widget_class, export_clicked);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
par_check_dialog_init (ParCheckDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
}
