/* par-evidence-bytes.c: the kept bytes of documents: read, written back, verified
 *
 * Every document's bytes were kept with their SHA-256. What leaves the file
 * (an exported copy) is checked against it on the way out, so that damaged
 * bytes are never handed on as the document; par_evidence_verify_all()
 * checks every document, for `check` and the window's Check the File.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "par-database-private.h"
#include "par-evidence.h"
#include "par-evidence-private.h"
#include "par-file-guard.h"

#define CHUNK_BYTES (1024 * 1024)

/* The stored bytes of a document, for reading in place; *@sha256 (if not
 * NULL) gets the fingerprint they were kept with. */
static sqlite3_blob *
open_blob (ParDatabase  *db,
           gint64        document_id,
           char        **sha256,
           GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3_blob *blob = NULL;
  int rc;

  stmt = par_database_prepare (db,
                               "SELECT d.blob_id, b.sha256 FROM evidence_document d"
                               " JOIN evidence_blob b ON b.id = d.blob_id WHERE d.id = ?",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document_id);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND,
                   _("There is no document with id %lld."), (long long) document_id);
      return NULL;
    }
  rc = sqlite3_blob_open (par_database_get_handle (db), "main", "evidence_blob", "data",
                          sqlite3_column_int64 (stmt, 0), 0, &blob);
  if (rc != SQLITE_OK)
    {
      par_set_sqlite_error (par_database_get_handle (db), rc, error);
      sqlite3_blob_close (blob);
      return NULL;
    }
  if (sha256 != NULL)
    *sha256 = par_sqlite_column_dup (stmt, 1);
  return blob;
}

sqlite3_blob *
par_evidence_open_blob (ParDatabase  *db,
                        gint64        document_id,
                        GError      **error)
{
  return open_blob (db, document_id, NULL, error);
}

static void
set_damaged_error (GError **error,
                   gint64   document_id)
{
  g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_DAMAGED,
               _("Document %lld is damaged in this file: its bytes no longer match the fingerprint kept "
                 "when it was added. Nothing was written. Use a backup copy of the file, or add the "
                 "document again from its original."),
               (long long) document_id);
}

/* Reads the whole blob in chunks, handing each to @chunk (if not NULL),
 * and compares its SHA-256 with @sha256. */
static gboolean
read_and_verify (ParDatabase   *db,
                 sqlite3_blob  *blob,
                 const char    *sha256,
                 gboolean     (*chunk) (const guint8 *data, gsize length, gpointer user_data),
                 gpointer       user_data,
                 gboolean      *intact,
                 GError       **error)
{
  g_autoptr(GChecksum) checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree guint8 *buffer = g_malloc (CHUNK_BYTES);
  gint64 size = sqlite3_blob_bytes (blob);
  int rc = SQLITE_OK;

  for (gint64 offset = 0; offset < size; offset += CHUNK_BYTES)
    {
      int n = (int) MIN ((gint64) CHUNK_BYTES, size - offset);

      rc = sqlite3_blob_read (blob, buffer, n, (int) offset);
      if (rc != SQLITE_OK)
        {
          par_set_sqlite_error (par_database_get_handle (db), rc, error);
          return FALSE;
        }
      g_checksum_update (checksum, buffer, n);
      if (chunk != NULL && !chunk (buffer, n, user_data))
        return FALSE;
    }
  *intact = g_strcmp0 (g_checksum_get_string (checksum), sha256) == 0;
  return TRUE;
}

typedef struct
{
  FILE       *out;
  const char *dest_path;
  GError    **error;
} WriteChunk;

static gboolean
write_chunk (const guint8 *data,
             gsize         length,
             gpointer      user_data)
{
  WriteChunk *w = user_data;

  if (fwrite (data, 1, length, w->out) == length)
    return TRUE;
  g_set_error (w->error, G_IO_ERROR, g_io_error_from_errno (errno),
               _("“%s” could not be written completely (%s). Check that the disk is not full."), w->dest_path,
               g_strerror (errno));
  return FALSE;
}

/* Writes the stored bytes back, byte for byte, once they are known to be
 * the ones that were kept; never onto the open file itself. */
gboolean
par_evidence_export (ParDatabase  *db,
                     gint64        document_id,
                     const char   *dest_path,
                     GError      **error)
{
  g_autofree char *partial = g_strconcat (dest_path, ".part", NULL);
  g_autofree char *sha256 = NULL;
  sqlite3_blob *blob;
  WriteChunk w = { NULL, dest_path, error };
  gboolean intact = FALSE;
  gboolean ok;

  g_return_val_if_fail (PAR_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (dest_path != NULL, FALSE);

  if (!par_database_refuse_output (db, dest_path, error))
    return FALSE;
  blob = open_blob (db, document_id, &sha256, error);
  if (blob == NULL)
    return FALSE;
  w.out = g_fopen (partial, "wb");
  if (w.out == NULL)
    {
      int saved_errno = errno;

      sqlite3_blob_close (blob);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("“%s” cannot be written: %s"), dest_path, g_strerror (saved_errno));
      return FALSE;
    }
  ok = read_and_verify (db, blob, sha256, write_chunk, &w, &intact, error);
  sqlite3_blob_close (blob);
  if (fclose (w.out) != 0 && ok)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno),
                   _("“%s” could not be written completely (%s). Check that the disk is not full."), dest_path,
                   g_strerror (errno));
      ok = FALSE;
    }
  if (ok && !intact)
    {
      set_damaged_error (error, document_id);
      ok = FALSE;
    }
  if (!ok)
    {
      g_unlink (partial);
      return FALSE;
    }
  return par_file_commit (partial, dest_path, error);
}

/* Whether the kept bytes of @document_id are still those it was added
 * with: *@intact. FALSE only if they could not be read at all. */
gboolean
par_evidence_verify (ParDatabase  *db,
                     gint64        document_id,
                     gboolean     *intact,
                     GError      **error)
{
  g_autofree char *sha256 = NULL;
  sqlite3_blob *blob;
  gboolean ok;

  g_return_val_if_fail (PAR_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (intact != NULL, FALSE);

  blob = open_blob (db, document_id, &sha256, error);
  if (blob == NULL)
    return FALSE;
  ok = read_and_verify (db, blob, sha256, NULL, NULL, intact, error);
  sqlite3_blob_close (blob);
  return ok;
}

/**
 * par_evidence_verify_all:
 * @db: an open file
 * @progress: (nullable): called after each document with how many are done and how many there are
 * @progress_data: for @progress
 * @cancellable: (nullable): stops between documents
 * @error: return location for a #GError
 *
 * Reads every kept document and compares its bytes with their SHA-256.
 * Returns the ids of the damaged ones (an empty array if all are intact),
 * or %NULL with @error if the file could not be read or the work was
 * cancelled.
 */
GArray *
par_evidence_verify_all (ParDatabase         *db,
                         ParProgressFunc      progress,
                         gpointer             progress_data,
                         GCancellable        *cancellable,
                         GError             **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) damaged = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PAR_IS_DATABASE (db), NULL);

  stmt = par_database_prepare (db, "SELECT id FROM evidence_document ORDER BY id", error);
  if (stmt == NULL)
    return NULL;
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  for (guint i = 0; i < ids->len; i++)
    {
      gint64 id = g_array_index (ids, gint64, i);
      g_autoptr(GError) local_error = NULL;
      gboolean intact = FALSE;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if (!par_evidence_verify (db, id, &intact, &local_error))
        {
          /* A blob SQLite cannot even read is damaged too; a file that
           * cannot be read at all is another matter. */
          if (!g_error_matches (local_error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_DAMAGED))
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              return NULL;
            }
          intact = FALSE;
        }
      if (!intact)
        g_array_append_val (damaged, id);
      if (progress != NULL)
        progress (i + 1, ids->len, NULL, progress_data);
    }
  return g_steal_pointer (&damaged);
}

/* The stored bytes of a document, for showing it. */
GBytes *
par_evidence_read_bytes (ParDatabase  *db,
                         gint64        document_id,
                         GError      **error)
{
  sqlite3_blob *blob;
  int length;
  guint8 *data;
  int rc;

  g_return_val_if_fail (PAR_IS_DATABASE (db), NULL);

  /* Straight into one buffer: a SELECT would hold a second copy of a
   * 100 MB scan while it is copied out. */
  blob = par_evidence_open_blob (db, document_id, error);
  if (blob == NULL)
    return NULL;
  length = sqlite3_blob_bytes (blob);
  data = g_try_malloc (MAX (length, 1));
  if (data == NULL)
    {
      g_autofree char *size = g_format_size (length);

      sqlite3_blob_close (blob);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                   _("There is not enough memory to open this document (%s)."), size);
      return NULL;
    }
  rc = sqlite3_blob_read (blob, data, length, 0);
  sqlite3_blob_close (blob);
  if (rc != SQLITE_OK)
    {
      g_free (data);
      par_set_sqlite_error (par_database_get_handle (db), rc, error);
      return NULL;
    }
  return g_bytes_new_take (data, length);
}
