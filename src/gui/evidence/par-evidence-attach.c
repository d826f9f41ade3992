/* par-evidence-attach.c: PDF files kept in a worker, then linked to an item or a task, with a toast
 *
 * The one way files reach what they are evidence of, whoever asks (the
 * PAR Index's item, the Plan's task) and however (the file dialog, a drop
 * on the side pane, a drop on a row): the files are kept in a worker, on
 * its own connection; the links are made back here, by the owner, which
 * knows whether the target is still there; the toast says what went where.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "par-core.h"
#include "par-evidence-attach.h"
#include "par-pdf-chooser.h"

typedef struct
{
  ParContext           *context;
  GWeakRef              owner;
  GObject              *target;    /* what they were meant for */
  GPtrArray            *paths;     /* what was asked, in the order of the results */
  const ParAttachFuncs *funcs;
} AttachRequest;

static void
attach_request_free (AttachRequest *request)
{
  g_clear_object (&request->context);
  g_weak_ref_clear (&request->owner);
  g_clear_object (&request->target);
  g_clear_pointer (&request->paths, g_ptr_array_unref);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AttachRequest, attach_request_free)

/* Links what was kept; how many were. */
static guint
link_results (AttachRequest *request,
              GObject       *owner,
              GPtrArray     *results,
              char         **name)
{
  guint n_linked = 0;

  for (guint i = 0; i < results->len; i++)
    {
      ParAddResult *added = g_ptr_array_index (results, i);
      g_autoptr(GError) error = NULL;

      if (added->id == 0)
        continue;
      if (!request->funcs->link (owner, request->target, added->id, &error))
        {
          if (error != NULL)
            par_context_report_error (request->context, _("The document was kept but not linked"), error);
          break;
        }
      if (n_linked++ == 0 && i < request->paths->len)
        *name = g_path_get_basename (g_ptr_array_index (request->paths, i));
    }
  return n_linked;
}

static void
attach_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(AttachRequest) request = user_data;
  g_autoptr(GObject) owner = g_weak_ref_get (&request->owner);
  g_autoptr(GPtrArray) results = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *name = NULL;
  ParDatabase *db = par_context_get_database (request->context);
  guint n_linked = 0;

  results = par_evidence_add_files_finish (result, &error);
  if (results == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) && owner != NULL)
        par_context_report_error (request->context, _("The documents were not attached"), error);
      return;
    }
  if (db != NULL)
    par_database_emit_changed (db, PAR_CHANGE_DOCUMENTS);
  if (owner == NULL)
    return;
  n_linked = link_results (request, owner, results, &name);
  request->funcs->linked (owner, request->target, n_linked);
  if (n_linked > 0)
    message = request->funcs->describe (request->target, n_linked == 1 ? name : NULL, n_linked);
  par_pdf_chooser_report (request->context, results, message, _("Some files were not attached"));
}

/* Keeps @paths in a worker, then has @owner link them to @target through
 * @funcs (which must outlive the work: a static table). Nothing happens
 * after the keeping if @owner is gone by then. */
void
par_evidence_attach_files (ParContext           *context,
                           GPtrArray            *paths,
                           GObject              *owner,
                           GObject              *target,
                           const ParAttachFuncs *funcs,
                           GCancellable         *cancellable)
{
  ParDatabase *db;
  AttachRequest *request;

  g_return_if_fail (PAR_IS_CONTEXT (context));
  g_return_if_fail (G_IS_OBJECT (owner) && G_IS_OBJECT (target));
  g_return_if_fail (funcs != NULL && funcs->link != NULL && funcs->describe != NULL && funcs->linked != NULL);

  db = par_context_get_database (context);
  if (db == NULL || paths == NULL || paths->len == 0)
    return;
  request = g_new0 (AttachRequest, 1);
  request->context = g_object_ref (context);
  g_weak_ref_init (&request->owner, owner);
  request->target = g_object_ref (target);
  request->paths = g_ptr_array_ref (paths);
  request->funcs = funcs;
  par_evidence_add_files_async (par_database_get_path (db), paths, par_context_get_evidence_max_bytes (context),
                                NULL, NULL, cancellable, attach_done, request);
}

/* Asks for PDF files to attach, for @callback with @owner. */
void
par_evidence_attach_choose (GtkWidget    *owner,
                            ParPathsFunc  callback)
{
  par_pdf_chooser_run (GTK_WINDOW (gtk_widget_get_root (owner)), _("Attach PDF Documents"), _("_Attach"),
                       G_OBJECT (owner), callback);
}
