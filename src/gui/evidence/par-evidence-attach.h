/* par-evidence-attach.h: PDF files kept in a worker, then linked to an item or a task, with a toast
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "par-context.h"
#include "par-pdf-chooser.h"

G_BEGIN_DECLS

typedef struct
{
  /* Links the kept @document_id to @target. FALSE with @error set if it
   * could not; FALSE without if @target is no longer the owner's to link
   * (the user moved on): the files stay kept, unlinked. */
  gboolean (*link)     (GObject  *owner,
                        GObject  *target,
                        gint64    document_id,
                        GError  **error);
  /* The toast once @n_linked documents are linked; @name is the file's
   * name when there is one. */
  char    *(*describe) (GObject    *target,
                        const char *name,
                        guint       n_linked);
  /* After the links, for the owner to show them. */
  void     (*linked)   (GObject  *owner,
                        GObject  *target,
                        guint     n_linked);
} ParAttachFuncs;

void par_evidence_attach_files (ParContext           *context,
                                GPtrArray            *paths,
                                GObject              *owner,
                                GObject              *target,
                                const ParAttachFuncs *funcs,
                                GCancellable         *cancellable);
void par_evidence_attach_choose (GtkWidget            *owner,
                                 ParPathsFunc          callback);

G_END_DECLS
