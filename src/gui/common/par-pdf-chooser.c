/* par-pdf-chooser.c: PDF files picked in a file dialog or dropped on a widget
 *
 * The views that keep documents (Evidence, a PAR Index item) take them the
 * same two ways; both end in a list of paths for the view's @callback,
 * called only while @owner is alive.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "par-context.h"
#include "par-core.h"
#include "par-file-chooser.h"
#include "par-pdf-chooser.h"

typedef struct
{
  GWeakRef     owner;
  ParPathsFunc callback;
} Request;

static Request *
request_new (GObject      *owner,
             ParPathsFunc  callback)
{
  Request *request = g_new0 (Request, 1);

  g_weak_ref_init (&request->owner, owner);
  request->callback = callback;
  return request;
}

static void
request_free (Request *request)
{
  g_weak_ref_clear (&request->owner);
  g_free (request);
}

static void
request_deliver (Request   *request,
                 GPtrArray *paths)
{
  g_autoptr(GObject) owner = g_weak_ref_get (&request->owner);

  if (owner != NULL && paths->len > 0)
    request->callback (paths, owner);
}

static void
add_path (GPtrArray *paths,
          GFile     *file)
{
  char *path = g_file_get_path (file);

  if (path != NULL)
    g_ptr_array_add (paths, path);
}

static void
pdfs_chosen (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Request *request = user_data;
  g_autoptr(GPtrArray) paths = par_file_chooser_run_finish (result, NULL);

  if (paths != NULL)
    request_deliver (request, paths);
  request_free (request);
}

/* Asks for one or more PDF files. */
void
par_pdf_chooser_run (GtkWindow    *parent,
                     const char   *title,
                     const char   *accept_label,
                     GObject      *owner,
                     ParPathsFunc  callback)
{
  static const char * const patterns[] = { "*.pdf", "*.PDF", NULL };
  g_autoptr(ParFileChooser) chooser = par_file_chooser_new (PAR_FILE_CHOOSER_OPEN_MULTIPLE, title, accept_label);

  par_file_chooser_add_filter (chooser, _("PDF documents"), "application/pdf", patterns);
  par_file_chooser_run_async (chooser, parent, pdfs_chosen, request_new (owner, callback));
}

/* The local paths of the files in a drop's @value (a GdkFileList); files
 * with no path (from a remote location) are left out. */
GPtrArray *
par_pdf_chooser_paths_from_drop (const GValue *value)
{
  GPtrArray *paths = g_ptr_array_new_with_free_func (g_free);
  GSList *files;

  g_return_val_if_fail (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST), paths);

  files = gdk_file_list_get_files (g_value_get_boxed (value));
  for (GSList *l = files; l != NULL; l = l->next)
    add_path (paths, l->data);
  g_slist_free (files);
  return paths;
}

static gboolean
files_dropped (GtkDropTarget *target,
               const GValue  *value,
               double         x,
               double         y,
               Request       *request)
{
  g_autoptr(GPtrArray) paths = par_pdf_chooser_paths_from_drop (value);

  request_deliver (request, paths);
  return paths->len > 0;
}

/* Files dropped on @widget go to @callback. */
void
par_pdf_chooser_accept_drop (GtkWidget    *widget,
                             GObject      *owner,
                             ParPathsFunc  callback)
{
  GtkDropTarget *drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect_data (drop, "drop", G_CALLBACK (files_dropped), request_new (owner, callback),
                         (GClosureNotify) (void (*) (void)) request_free, 0);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (drop));
}

/* "3 documents added; 1 was already kept", and the reasons of the files
 * refused appended to @failures. */
static char *
summarize (GPtrArray *results,
           GString   *failures)
{
  GString *message = g_string_new (NULL);
  guint added = 0, reused = 0;

  for (guint i = 0; i < results->len; i++)
    {
      ParAddResult *result = g_ptr_array_index (results, i);

      if (result->id == 0)
        {
          if (!g_error_matches (result->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            g_string_append_printf (failures, "%s\n", result->error->message);
        }
      else if (result->reused)
        reused++;
      else
        added++;
    }
  g_string_append_printf (message, ngettext ("%u document added", "%u documents added", added), added);
  if (reused > 0)
    {
      g_string_append (message, "; ");
      g_string_append_printf (message, ngettext ("%u was already kept", "%u were already kept", reused), reused);
    }
  return g_string_free (message, FALSE);
}

/* Says how keeping files ended (@results, ParAddResult): @message in a
 * toast, or by default how many were added and already kept; then, under
 * @refused_heading, why any file was refused. */
void
par_pdf_chooser_report (ParContext *context,
                        GPtrArray  *results,
                        const char *message,
                        const char *refused_heading)
{
  g_autoptr(GString) failures = g_string_new (NULL);
  g_autofree char *summary = summarize (results, failures);

  par_context_show_toast (context, message != NULL ? message : summary);
  if (failures->len > 0)
    {
      g_autoptr(GError) refused = g_error_new_literal (PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID,
                                                       g_strstrip (failures->str));

      par_context_report_error (context, refused_heading, refused);
    }
}
