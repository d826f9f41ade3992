/* par-file-check.h: checking a whole file, every kept document's bytes included
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "par-evidence.h"

G_BEGIN_DECLS

typedef struct
{
  guint      n_documents;     /* documents whose bytes were read */
  GArray    *damaged;         /* gint64 ids of the documents whose bytes are not those kept */
  GPtrArray *damaged_names;   /* their file names, in the same order */
} ParFileCheck;

void          par_file_check_free              (ParFileCheck         *check);

ParFileCheck *par_file_check                   (const char           *path,
                                                gboolean              quick,
                                                ParProgressFunc       progress,
                                                gpointer              progress_data,
                                                GCancellable         *cancellable,
                                                GError              **error);
void          par_file_check_async             (const char           *path,
                                                ParProgressFunc       progress,
                                                gpointer              progress_data,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
ParFileCheck *par_file_check_finish            (GAsyncResult         *result,
                                                GError              **error);

void          par_evidence_export_intact_async (const char           *db_path,
                                                const char           *folder,
                                                GArray               *damaged,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
guint         par_evidence_export_intact_finish (GAsyncResult        *result,
                                                 GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ParFileCheck, par_file_check_free)

G_END_DECLS
