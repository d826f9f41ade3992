/* par-evidence-private.h: what the core's own classes use of evidence storage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "par-database-private.h"
#include "par-pdf-reader.h"
#include "par-trust.h"

G_BEGIN_DECLS

sqlite3_blob *par_evidence_open_blob (ParDatabase  *db,
                                      gint64        document_id,
                                      GError      **error);

/* par-evidence-signatures.c */
void          par_evidence_bind_certificates   (sqlite3_stmt *stmt,
                                                int           index,
                                                GBytes       *certificates);
GPtrArray    *par_evidence_read_signatures     (ParDatabase  *db,
                                                gint64        document_id,
                                                ParTrust     *trust,
                                                GError      **error);
GHashTable   *par_evidence_read_document_trust (ParDatabase  *db,
                                                ParTrust     *trust,
                                                GError      **error);
char         *par_evidence_signatures_trust    (GPtrArray    *signatures);

/* A file made ready to keep (par-evidence-add.c), for the batches of
 * par-evidence-batch.c. */
typedef struct _ParPreparedFile ParPreparedFile;

ParPreparedFile *par_evidence_prepare_file   (const char       *path,
                                              gint64            max_bytes,
                                              GHashTable       *kept_sha256,
                                              ParPdfReader     *reader,
                                              GError          **error);
gint64           par_evidence_store_prepared (ParDatabase      *db,
                                              ParPreparedFile  *p,
                                              gboolean          in_batch,
                                              gboolean         *reused,
                                              gsize            *stored_bytes,
                                              GCancellable     *cancellable,
                                              GError          **error);
void             par_prepared_file_free      (ParPreparedFile  *p);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ParPreparedFile, par_prepared_file_free)

G_END_DECLS
