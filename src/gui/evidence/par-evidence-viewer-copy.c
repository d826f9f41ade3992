/* par-evidence-viewer-copy.c: a copy of the viewer's document, saved or opened elsewhere
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "par-evidence-viewer-private.h"
#include "par-file-chooser.h"

static void
save_copy_chosen (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(ParEvidenceViewer) self = user_data;
  g_autofree char *path = par_file_chooser_run_finish_path (result, NULL);
  g_autoptr(GError) error = NULL;

  if (path != NULL && self->db != NULL && !par_evidence_export (self->db, self->document_id, path, &error))
    par_context_report_error (self->context, _("The copy was not saved"), error);
}

static void
save_copy_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ParEvidenceViewer *self = PAR_EVIDENCE_VIEWER (widget);
  g_autoptr(ParFileChooser) chooser = par_file_chooser_new (PAR_FILE_CHOOSER_SAVE, _("Save a Copy of the Document"),
                                                            _("_Save"));
  /* The name comes from the file, which may come from anyone. */
  g_autofree char *name = par_file_safe_name (self->filename, _("document.pdf"), ".pdf");

  par_file_chooser_set_current_name (chooser, name);
  par_file_chooser_run_async (chooser, GTK_WINDOW (self), save_copy_chosen, g_object_ref (self));
}

/* A copy, in a folder only the user can enter, opened by the desktop's
 * own viewer. Its name is the stored one made safe: a received file must
 * not choose where the copy goes, nor which program opens it. */
static void
open_external_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ParEvidenceViewer *self = PAR_EVIDENCE_VIEWER (widget);
  g_autofree char *name = par_file_safe_name (self->filename, _("document.pdf"), ".pdf");
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GError) error = NULL;

  folder = par_file_make_private_folder (&error);
  if (folder != NULL)
    path = g_build_filename (folder, name, NULL);
  if (path == NULL || !par_evidence_export (self->db, self->document_id, path, &error))
    {
      par_context_report_error (self->context, _("The document could not be opened in another program"), error);
      if (folder != NULL)
        g_rmdir (folder);
      return;
    }
  file = g_file_new_for_path (path);
  uri = g_file_get_uri (file);
  g_app_info_launch_default_for_uri_async (uri, NULL, NULL, NULL, NULL);
}

void
par_evidence_viewer_class_init_copy (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "viewer.save-copy", NULL, save_copy_action);
  gtk_widget_class_install_action (widget_class, "viewer.open-external", NULL, open_external_action);
}
