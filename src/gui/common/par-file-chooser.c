/* par-file-chooser.c: the one way PAR Desk asks for files and folders
 *
 * A ParFileChooser describes the question (what to choose, the title, the
 * filters, a name to offer) and par_file_chooser_run_async() asks it, the
 * shape of GTK 4.10's GtkFileDialog. GTK 4.8, the platform PAR Desk is
 * pinned to, has only GtkFileChooserNative (a portal dialog in Flatpak, a
 * GtkFileChooserDialog otherwise); when the platform moves on, this file
 * alone changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "par-file-chooser.h"

struct _ParFileChooser
{
  ParFileChooserMode  mode;
  char               *title;
  char               *accept_label;
  char               *current_name;
  GPtrArray          *filters;
};

ParFileChooser *
par_file_chooser_new (ParFileChooserMode  mode,
                      const char         *title,
                      const char         *accept_label)
{
  ParFileChooser *chooser = g_new0 (ParFileChooser, 1);

  chooser->mode = mode;
  chooser->title = g_strdup (title);
  chooser->accept_label = g_strdup (accept_label);
  chooser->filters = g_ptr_array_new_with_free_func (g_object_unref);
  return chooser;
}

void
par_file_chooser_free (ParFileChooser *chooser)
{
  if (chooser == NULL)
    return;
  g_free (chooser->title);
  g_free (chooser->accept_label);
  g_free (chooser->current_name);
  g_ptr_array_unref (chooser->filters);
  g_free (chooser);
}

/* Offers only the files of @mime_type (may be NULL) or matching one of
 * @patterns (NULL-terminated, may be NULL), under @name. */
void
par_file_chooser_add_filter (ParFileChooser     *chooser,
                             const char         *name,
                             const char         *mime_type,
                             const char * const *patterns)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  if (mime_type != NULL)
    gtk_file_filter_add_mime_type (filter, mime_type);
  for (guint i = 0; patterns != NULL && patterns[i] != NULL; i++)
    gtk_file_filter_add_pattern (filter, patterns[i]);
  g_ptr_array_add (chooser->filters, filter);
}

/* The name offered when saving. */
void
par_file_chooser_set_current_name (ParFileChooser *chooser,
                                   const char     *name)
{
  g_return_if_fail (chooser->mode == PAR_FILE_CHOOSER_SAVE);

  g_free (chooser->current_name);
  chooser->current_name = g_strdup (name);
}

static void
dialog_response (GtkNativeDialog *dialog,
                 int              response,
                 GTask           *task)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (dialog));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);
          char *path = g_file_get_path (file);

          /* A file with no local path (a remote location) cannot be read or
           * written by the core: it is left out. */
          if (path != NULL)
            g_ptr_array_add (paths, path);
        }
    }
  if (paths->len > 0)
    g_task_return_pointer (task, g_steal_pointer (&paths), (GDestroyNotify) g_ptr_array_unref);
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "No file was chosen");
  g_object_unref (task);
}

/* Shows the dialog, transient for @parent; @callback gets the answer from
 * par_file_chooser_run_finish() or _finish_path(). @chooser may be freed
 * as soon as this returns. */
void
par_file_chooser_run_async (ParFileChooser      *chooser,
                            GtkWindow           *parent,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  static const GtkFileChooserAction actions[] = {
    [PAR_FILE_CHOOSER_OPEN] = GTK_FILE_CHOOSER_ACTION_OPEN,
    [PAR_FILE_CHOOSER_OPEN_MULTIPLE] = GTK_FILE_CHOOSER_ACTION_OPEN,
    [PAR_FILE_CHOOSER_SAVE] = GTK_FILE_CHOOSER_ACTION_SAVE,
    [PAR_FILE_CHOOSER_FOLDER] = GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
  };
  GtkFileChooserNative *dialog;
  GTask *task;

  g_return_if_fail (chooser != NULL);
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  dialog = gtk_file_chooser_native_new (chooser->title, parent, actions[chooser->mode], chooser->accept_label,
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (dialog), chooser->mode == PAR_FILE_CHOOSER_OPEN_MULTIPLE);
  for (guint i = 0; i < chooser->filters->len; i++)
    gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), g_ptr_array_index (chooser->filters, i));
  if (chooser->current_name != NULL)
    gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), chooser->current_name);

  task = g_task_new (NULL, NULL, callback, user_data);
  g_task_set_source_tag (task, par_file_chooser_run_async);
  g_task_set_task_data (task, dialog, g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (dialog_response), task);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* The local paths chosen, or NULL with G_IO_ERROR_CANCELLED when the user
 * chose nothing. */
GPtrArray *
par_file_chooser_run_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == par_file_chooser_run_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* The first path chosen (the only one, but in PAR_FILE_CHOOSER_OPEN_MULTIPLE). */
char *
par_file_chooser_run_finish_path (GAsyncResult  *result,
                                  GError       **error)
{
  g_autoptr(GPtrArray) paths = par_file_chooser_run_finish (result, error);

  return paths != NULL ? g_strdup (g_ptr_array_index (paths, 0)) : NULL;
}
