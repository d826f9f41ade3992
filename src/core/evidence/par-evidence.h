/* par-evidence.h: evidence documents kept in the file: storing, listing, exporting, searching
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "par-database.h"
#include "par-evidence-document.h"
#include "par-progress-relay.h"

G_BEGIN_DECLS

/* The default largest file kept (a preference in the application). */
/* MB as the size is shown to the user (g_format_size: 1 MB = 10^6 bytes). */
#define PAR_EVIDENCE_DEFAULT_MAX_BYTES ((gint64) 200 * 1000 * 1000)

typedef struct
{
  gint64 document_id;
  int    page;
  char  *snippet;
} ParSearchHit;

void                 par_search_hit_free    (ParSearchHit *hit);

typedef struct
{
  gint64   id;        /* 0 if the file was refused */
  gboolean reused;    /* the bytes were already kept */
  GError  *error;
} ParAddResult;

void                 par_add_result_free    (ParAddResult *result);

GPtrArray           *par_evidence_add_files (ParDatabase          *db,
                                             GPtrArray            *paths,
                                             gint64                max_bytes,
                                             ParProgressFunc       progress,
                                             gpointer              user_data,
                                             GCancellable         *cancellable,
                                             GError              **error);

gint64               par_evidence_add_file  (ParDatabase   *db,
                                             const char    *path,
                                             gint64         max_bytes,
                                             gboolean      *reused,
                                             GCancellable  *cancellable,
                                             GError       **error);
GPtrArray           *par_evidence_list      (ParDatabase   *db,
                                             GError       **error);
ParEvidenceDocument *par_evidence_get       (ParDatabase   *db,
                                             gint64         document_id,
                                             GError       **error);
void                 par_evidence_add_files_async  (const char          *db_path,
                                                    GPtrArray           *paths,
                                                    gint64               max_bytes,
                                                    ParProgressFunc      progress,
                                                    gpointer             progress_data,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
GPtrArray           *par_evidence_add_files_finish (GAsyncResult        *result,
                                                    GError             **error);
gboolean             par_evidence_is_encrypted (ParDatabase *db,
                                                gint64       document_id,
                                                gboolean    *encrypted,
                                                GError     **error);
GBytes              *par_evidence_read_preview (ParDatabase *db,
                                                gint64       document_id);
GBytes              *par_evidence_read_bytes (ParDatabase *db,
                                              gint64       document_id,
                                              GError     **error);
gboolean             par_evidence_update_details (ParDatabase             *db,
                                                  gint64                   document_id,
                                                  const ParEvidenceFields *details,
                                                  GError                 **error);
gboolean             par_evidence_export    (ParDatabase   *db,
                                             gint64         document_id,
                                             const char    *dest_path,
                                             GError       **error);
gboolean             par_evidence_verify    (ParDatabase   *db,
                                             gint64         document_id,
                                             gboolean      *intact,
                                             GError       **error);
GArray              *par_evidence_verify_all (ParDatabase         *db,
                                              ParProgressFunc      progress,
                                              gpointer             progress_data,
                                              GCancellable        *cancellable,
                                              GError             **error);
GHashTable          *par_evidence_list_trust (ParDatabase  *db,
                                              GError      **error);
GPtrArray           *par_evidence_search    (ParDatabase   *db,
                                             const char    *query,
                                             guint          limit,
                                             GError       **error);
G_END_DECLS
