/* par-evidence-signatures.c: the kept signatures of documents, judged against the file's trust list when read
 *
 * What a signature is (signer, time, whether the bytes it signs are
 * unchanged, the certificates it carries) is read once, when the document
 * is added. Whether its signer is trusted is judged each time it is read,
 * from those certificates and the trust list of the moment, so that adding
 * or removing a trusted issuer or a revocation list shows everywhere at
 * once without reading the documents again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "par-evidence-private.h"
#include "par-evidence.h"
#include "par-pdf-signature.h"

/* Binds @certificates to @stmt: an empty blob when there are none, so
 * that NULL keeps meaning "not read yet" (rows of files made before 0009). */
void
par_evidence_bind_certificates (sqlite3_stmt *stmt,
                                int           index,
                                GBytes       *certificates)
{
  if (certificates == NULL || g_bytes_get_size (certificates) == 0)
    sqlite3_bind_zeroblob (stmt, index, 0);
  else
    sqlite3_bind_blob (stmt, index, g_bytes_get_data (certificates, NULL), (int) g_bytes_get_size (certificates),
                       SQLITE_TRANSIENT);
}

static GBytes *
column_certificates (sqlite3_stmt *stmt,
                     int           column)
{
  if (sqlite3_column_type (stmt, column) == SQLITE_NULL)
    return NULL;
  return g_bytes_new (sqlite3_column_blob (stmt, column), sqlite3_column_bytes (stmt, column));
}

static ParSignatureVerdict
verdict_from_string (const char *status)
{
  return g_strcmp0 (status, "valid") == 0 ? PAR_SIGNATURE_VALID
         : g_strcmp0 (status, "modified") == 0 ? PAR_SIGNATURE_MODIFIED : PAR_SIGNATURE_INVALID;
}

/* Reads again, from the kept bytes, the certificates of @document_id's
 * signatures. */
static gboolean
fill_document (ParDatabase  *db,
               gint64        document_id,
               GError      **error)
{
  g_autoptr(GBytes) bytes = par_evidence_read_bytes (db, document_id, error);
  g_autoptr(GPtrArray) signatures = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gsize length = 0;
  const guint8 *data;

  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &length);
  signatures = par_pdf_signatures_check_with_trust (data, length, NULL, NULL, NULL);
  stmt = par_database_prepare (db,
                               "UPDATE evidence_signature SET certificates = ?"
                               " WHERE document_id = ? AND position = ? AND certificates IS NULL",
                               error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; signatures != NULL && i < signatures->len; i++)
    {
      ParPdfSignature *signature = g_ptr_array_index (signatures, i);

      sqlite3_reset (stmt);
      par_evidence_bind_certificates (stmt, 1, signature->certificates);
      sqlite3_bind_int64 (stmt, 2, document_id);
      sqlite3_bind_int (stmt, 3, i);
      if (!par_database_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Files made before version 9 kept no certificates: they are read again
 * from the kept PDFs the first time they are wanted (of @document_id, or
 * of every document if 0), where the file may be written. */
static void
fill_missing_certificates (ParDatabase *db,
                           gint64       document_id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;

  if (par_database_is_read_only (db))
    return;
  stmt = par_database_prepare (db,
                               "SELECT DISTINCT document_id FROM evidence_signature"
                               " WHERE certificates IS NULL AND (?1 = 0 OR document_id = ?1)",
                               NULL);
  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, document_id);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  if (ids->len == 0 || !par_database_begin (db, NULL))
    return;
  for (guint i = 0; i < ids->len && error == NULL; i++)
    fill_document (db, g_array_index (ids, gint64, i), &error);
  if (error != NULL || !par_database_commit (db, &error))
    {
      /* The signatures read as "unknown" until the next try; nothing is lost. */
      g_warning ("Reading the certificates of kept signatures failed: %s", error->message);
      par_database_rollback (db);
    }
}

/* The signatures of @document_id in the order of the file, each judged
 * with @trust. */
GPtrArray *
par_evidence_read_signatures (ParDatabase  *db,
                              gint64        document_id,
                              ParTrust     *trust,
                              GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) signatures = g_ptr_array_new_with_free_func ((GDestroyNotify) par_pdf_signature_free);
  int rc;

  fill_missing_certificates (db, document_id);
  stmt = par_database_prepare (db,
                               "SELECT signer, signing_time, status, certificates FROM evidence_signature"
                               " WHERE document_id = ? ORDER BY position",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ParPdfSignature *signature = par_pdf_signature_new ();

      g_free (signature->signer);
      signature->signer = par_sqlite_column_dup (stmt, 0);
      g_free (signature->signing_time);
      signature->signing_time = par_sqlite_column_dup (stmt, 1);
      signature->status = verdict_from_string ((const char *) sqlite3_column_text (stmt, 2));
      signature->certificates = column_certificates (stmt, 3);
      par_pdf_signature_judge (signature, trust);
      g_ptr_array_add (signatures, signature);
    }
  if (rc != SQLITE_DONE)
    {
      par_database_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&signatures);
}

/* The least trusted signature's certificate status of each signed
 * document: document id → ParCertificateStatus + 1. */
GHashTable *
par_evidence_read_document_trust (ParDatabase  *db,
                                  ParTrust     *trust,
                                  GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) statuses = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  int rc;

  fill_missing_certificates (db, 0);
  stmt = par_database_prepare (db, "SELECT document_id, signing_time, certificates FROM evidence_signature", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 ((const char *) sqlite3_column_text (stmt, 1), NULL);
      g_autoptr(GBytes) certificates = column_certificates (stmt, 2);
      g_autoptr(ParTrustJudgement) judgement = par_trust_judge (trust, certificates, when);
      gpointer before = g_hash_table_lookup (statuses, &id);
      ParCertificateStatus status = judgement->status;

      if (before != NULL)
        status = par_certificate_status_worst (status, GPOINTER_TO_INT (before) - 1);
      g_hash_table_insert (statuses, g_memdup2 (&id, sizeof id), GINT_TO_POINTER (status + 1));
    }
  if (rc != SQLITE_DONE)
    {
      par_database_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&statuses);
}

/* The least trusted signature's certificate status of each signed
 * document, judged with the file's trust list: document id (gint64 *) →
 * ParCertificateStatus + 1. */
GHashTable *
par_evidence_list_trust (ParDatabase  *db,
                         GError      **error)
{
  g_autoptr(ParTrust) trust = NULL;

  g_return_val_if_fail (PAR_IS_DATABASE (db), NULL);

  trust = par_trust_load (db, error);
  return trust != NULL ? par_evidence_read_document_trust (db, trust, error) : NULL;
}

/* The trust of @signatures together, as the document's badge says it: ""
 * if there are none, else the least trusted one's certificate status. */
char *
par_evidence_signatures_trust (GPtrArray *signatures)
{
  ParCertificateStatus status = PAR_CERTIFICATE_TRUSTED;

  if (signatures->len == 0)
    return g_strdup ("");
  for (guint i = 0; i < signatures->len; i++)
    {
      ParPdfSignature *signature = g_ptr_array_index (signatures, i);

      status = par_certificate_status_worst (status, signature->trust->status);
    }
  return g_strdup (par_certificate_status_to_string (status));
}
