/* par-evidence-add.c: one PDF kept in the file: read, checked, hashed and stored, whole or not at all
 *
 * A PDF is read once, through a memory map: hashed, checked, its text and
 * signatures read, and its bytes streamed into a BLOB, all inside one
 * transaction, so a failure or a cancel leaves nothing half-stored. Bytes
 * are stored once per SHA-256. Batches of files (par-evidence-batch.c)
 * prepare and store each file with what is here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <openssl/evp.h>

#include "par-database-private.h"
#include "par-document-details.h"
#include "par-evidence.h"
#include "par-evidence-private.h"
#include "par-pdf-reader.h"
#include "par-pdf-signature.h"
#include "par-text-fold.h"

/* Files up to this size are read into memory, larger ones mapped. */
#define READ_MAX_BYTES (16 * 1024 * 1024)

static char *
format_size (gint64 bytes)
{
  return g_format_size_full ((guint64) bytes, G_FORMAT_SIZE_DEFAULT);
}

/* Whether @needle occurs in the @length bytes at @data (which may hold NULs). */
static gboolean
contains_bytes (const char *data,
                gsize       length,
                const char *needle)
{
  gsize n = strlen (needle);

  for (const char *p = data; p + n <= data + length; p++)
    {
      p = memchr (p, needle[0], data + length - p);
      if (p == NULL || p + n > data + length)
        return FALSE;
      if (memcmp (p, needle, n) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Real PDFs start with %PDF- (within the first kilobyte) and end with
 * %%EOF (within the last ones). */
static gboolean
check_pdf_bytes (const char  *data,
                 gsize        length,
                 const char  *name,
                 GError     **error)
{
  gsize head = MIN (length, 1024);
  gsize tail = MIN (length, 4096);

  if (length == 0)
    {
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID,
                   _("“%s” is empty: there is no document in it."), name);
      return FALSE;
    }
  if (!contains_bytes (data, head, "%PDF-"))
    {
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID,
                   _("“%s” is not a PDF file. Save or scan the document as PDF first."), name);
      return FALSE;
    }
  if (!contains_bytes (data + length - tail, tail, "%%EOF"))
    {
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID,
                   _("“%s” is cut short: the end of the PDF is missing. Copy the file again from where it "
                     "came from."), name);
      return FALSE;
    }
  return TRUE;
}

/* OpenSSL's SHA-256 uses the processor's SHA instructions: several times
 * GLib's speed, which is what makes keeping a file as fast as reading it. */
static char *
sha256_hex (const char *data,
            gsize       length)
{
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int digest_length = 0;
  GString *hex = g_string_sized_new (64);

  EVP_Digest (data, length, digest, &digest_length, EVP_sha256 (), NULL);
  for (unsigned int i = 0; i < digest_length; i++)
    g_string_append_printf (hex, "%02x", digest[i]);
  return g_string_free (hex, FALSE);
}

static gint64
find_document_by_sha (ParDatabase  *db,
                      const char   *sha256,
                      GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = par_database_prepare (db,
                               "SELECT d.id FROM evidence_blob b JOIN evidence_document d ON d.blob_id = b.id"
                               " WHERE b.sha256 = ?",
                               error);
  if (stmt == NULL)
    return -1;
  par_sqlite_bind_text (stmt, 1, sha256);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return sqlite3_column_int64 (stmt, 0);
  if (rc != SQLITE_DONE)
    {
      par_database_set_error (db, error);
      return -1;
    }
  return 0;
}

/* What is kept of a document besides its bytes: what poppler read (in
 * the reader process), the folded text for the search index and the
 * signatures (checked here: PAR Desk's own bounded parser). */
typedef struct
{
  ParPdfReading       pdf;
  GPtrArray          *page_folded;  /* for the search index */
  GPtrArray          *signatures;
  ParSignatureVerdict verdict;
} Reading;

static void
reading_clear (Reading *r)
{
  par_pdf_reading_clear (&r->pdf);
  g_clear_pointer (&r->page_folded, g_ptr_array_unref);
  g_clear_pointer (&r->signatures, g_ptr_array_unref);
}

/* What the reader and the signature check can tell of the document. */
static gboolean
read_document (GBytes        *bytes,
               const char    *path,
               const char    *name,
               ParPdfReader  *reader,
               Reading       *r,
               GError       **error)
{
  gsize length;
  const guint8 *data = g_bytes_get_data (bytes, &length);

  r->signatures = par_pdf_signatures_check_with_trust (data, length, NULL, &r->verdict, NULL);
  if (r->signatures == NULL)
    {
      r->signatures = g_ptr_array_new_with_free_func ((GDestroyNotify) par_pdf_signature_free);
      r->verdict = PAR_SIGNATURE_NONE;
    }
  if (!par_pdf_reader_read (reader, path, name, &r->pdf, error))
    return FALSE;
  r->page_folded = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < r->pdf.page_texts->len; i++)
    {
      const char *text = g_ptr_array_index (r->pdf.page_texts, i);

      g_ptr_array_add (r->page_folded, *text != '\0' ? par_text_fold (text) : NULL);
    }
  return TRUE;
}

/* The bytes, straight from those read or mapped: the one copy is SQLite's. */
static gboolean
insert_blob (ParDatabase  *db,
             const char   *sha256,
             GBytes       *bytes,
             gint64       *blob_id,
             GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  stmt = par_database_prepare (db, "INSERT INTO evidence_blob (sha256, size, data) VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  par_sqlite_bind_text (stmt, 1, sha256);
  sqlite3_bind_int64 (stmt, 2, (gint64) length);
  sqlite3_bind_blob64 (stmt, 3, data, length, SQLITE_STATIC);
  if (!par_database_step_done (db, stmt, error))
    return FALSE;
  *blob_id = sqlite3_last_insert_rowid (par_database_get_handle (db));
  return TRUE;
}

/* The document's record: what was read of it, and where its bytes are. */
static gboolean
insert_record (ParDatabase  *db,
               const char   *name,
               gint64        blob_id,
               Reading      *r,
               gint64       *document_id,
               GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  ParDocumentDetails *d = r->pdf.details;

  stmt = par_database_prepare (db,
                               "INSERT INTO evidence_document (blob_id, filename, pages, encrypted, pdf_title,"
                               " pdf_author, pdf_producer, pdf_created, doc_number, doc_date, doc_place, issuer,"
                               " doc_type, abstract, signature_status, preview_png, text_read)"
                               " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, blob_id);
  par_sqlite_bind_text (stmt, 2, name);
  sqlite3_bind_int (stmt, 3, r->pdf.pages);
  sqlite3_bind_int (stmt, 4, r->pdf.encrypted);
  par_sqlite_bind_text (stmt, 5, r->pdf.title);
  par_sqlite_bind_text (stmt, 6, r->pdf.author);
  par_sqlite_bind_text (stmt, 7, r->pdf.producer);
  par_sqlite_bind_text (stmt, 8, r->pdf.created);
  par_sqlite_bind_text (stmt, 9, d->number);
  par_sqlite_bind_text (stmt, 10, d->date);
  par_sqlite_bind_text (stmt, 11, d->place);
  par_sqlite_bind_text (stmt, 12, d->issuer);
  par_sqlite_bind_text (stmt, 13, d->doc_type);
  par_sqlite_bind_text (stmt, 14, d->abstract);
  par_sqlite_bind_text (stmt, 15, par_signature_verdict_to_string (r->verdict));
  if (r->pdf.preview != NULL)
    sqlite3_bind_blob (stmt, 16, r->pdf.preview->data, r->pdf.preview->len, SQLITE_STATIC);
  /* a protected document's text is not read either (not searchable) */
  sqlite3_bind_int (stmt, 17, r->pdf.text_read);
  if (!par_database_step_done (db, stmt, error))
    return FALSE;
  *document_id = sqlite3_last_insert_rowid (par_database_get_handle (db));
  return TRUE;
}

static gboolean
insert_signatures (ParDatabase  *db,
                   gint64        document_id,
                   Reading      *r,
                   GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = par_database_prepare (db,
                               "INSERT INTO evidence_signature (document_id, position, signer, signing_time, status,"
                               " certificates) VALUES (?, ?, ?, ?, ?, ?)",
                               error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < r->signatures->len; i++)
    {
      ParPdfSignature *signature = g_ptr_array_index (r->signatures, i);

      sqlite3_bind_int64 (stmt, 1, document_id);
      sqlite3_bind_int (stmt, 2, i);
      par_sqlite_bind_text (stmt, 3, signature->signer);
      par_sqlite_bind_text (stmt, 4, signature->signing_time);
      par_sqlite_bind_text (stmt, 5, signature->status == PAR_SIGNATURE_VALID ? "valid"
                                     : signature->status == PAR_SIGNATURE_MODIFIED ? "modified" : "invalid");
      par_evidence_bind_certificates (stmt, 6, signature->certificates);
      if (!par_database_step_done (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* The text of every page, and folded for the search index. */
static gboolean
insert_pages (ParDatabase  *db,
              gint64        document_id,
              Reading      *r,
              GError      **error)
{
  g_autoptr(sqlite3_stmt) page = par_database_prepare (db,
                                                       "INSERT INTO evidence_page (document_id, page, text)"
                                                       " VALUES (?, ?, ?)", error);
  g_autoptr(sqlite3_stmt) fts = page != NULL ? par_database_prepare (db,
                                                                      "INSERT INTO evidence_fts (folded_text,"
                                                                      " document_id, page) VALUES (?, ?, ?)",
                                                                      error)
                                              : NULL;

  if (fts == NULL)
    return FALSE;
  for (guint i = 0; i < r->pdf.page_texts->len; i++)
    {
      const char *folded = g_ptr_array_index (r->page_folded, i);

      if (folded == NULL)
        continue;
      sqlite3_bind_int64 (page, 1, document_id);
      sqlite3_bind_int (page, 2, i + 1);
      par_sqlite_bind_text (page, 3, g_ptr_array_index (r->pdf.page_texts, i));
      par_sqlite_bind_text (fts, 1, folded);
      sqlite3_bind_int64 (fts, 2, document_id);
      sqlite3_bind_int (fts, 3, i + 1);
      if (!par_database_step_done (db, page, error) || !par_database_step_done (db, fts, error))
        return FALSE;
    }
  return TRUE;
}

static gboolean
insert_document (ParDatabase   *db,
                 const char    *name,
                 const char    *sha256,
                 GBytes        *bytes,
                 Reading       *r,
                 gint64        *document_id,
                 GCancellable  *cancellable,
                 GError       **error)
{
  gint64 blob_id;

  if (!insert_blob (db, sha256, bytes, &blob_id, error))
    return FALSE;
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  if (!insert_record (db, name, blob_id, r, document_id, error)
      || !insert_signatures (db, *document_id, r, error)
      || !insert_pages (db, *document_id, r, error))
    return FALSE;
  return par_database_audit (db, "evidence_document", *document_id, "added", NULL, name, error);
}

/* A file made ready to keep: read or mapped, checked, hashed and (unless
 * its bytes are already kept) read. Preparing needs no database, so a
 * batch prepares the next files on a thread of its own while this one
 * stores. */
struct _ParPreparedFile
{
  char        *path;
  char        *name;
  GBytes      *bytes;
  char        *sha256;
  gboolean     read;
  Reading      reading;
};

void
par_prepared_file_free (ParPreparedFile *p)
{
  g_free (p->path);
  g_free (p->name);
  g_clear_pointer (&p->bytes, g_bytes_unref);
  g_free (p->sha256);
  reading_clear (&p->reading);
  g_free (p);
}

/* Maps, checks and hashes the file at @path. Anything that is not a whole
 * PDF within @max_bytes is refused with a message that says why. */
static ParPreparedFile *
prepare_bytes (const char  *path,
               gint64       max_bytes,
               GError     **error)
{
  g_autoptr(ParPreparedFile) p = g_new0 (ParPreparedFile, 1);
  g_autoptr(GError) local_error = NULL;
  GStatBuf st;
  const char *data;
  gsize length;

  if (max_bytes <= 0)
    max_bytes = PAR_EVIDENCE_DEFAULT_MAX_BYTES;
  p->path = g_strdup (path);
  p->name = g_path_get_basename (path);
  if (g_stat (path, &st) != 0)
    {
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND,
                   _("The file “%s” does not exist."), path);
      return NULL;
    }
  /* A small file is read: on a virtual machine the page faults of a
   * mapping cost about twice a copy. A large one is mapped, so that the
   * files prepared ahead never hold gigabytes of memory. */
  if (st.st_size <= READ_MAX_BYTES)
    {
      char *contents;
      gsize n;

      if (g_file_get_contents (path, &contents, &n, &local_error))
        p->bytes = g_bytes_new_take (contents, n);
    }
  else
    {
      g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, &local_error);

      /* The bytes keep the mapping. */
      if (mapped != NULL)
        p->bytes = g_mapped_file_get_bytes (mapped);
    }
  if (p->bytes == NULL)
    {
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_IO, _("“%s” cannot be read: %s"), p->name,
                   local_error->message);
      return NULL;
    }
  data = g_bytes_get_data (p->bytes, &length);
  if ((gint64) length > max_bytes)
    {
      g_autofree char *size = format_size ((gint64) length);
      g_autofree char *limit = format_size (max_bytes);

      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID,
                   _("“%s” is %s; the largest file kept is %s. Scan it at a lower resolution, or raise the "
                     "limit in Preferences."), p->name, size, limit);
      return NULL;
    }
  if (!check_pdf_bytes (data, length, p->name, error))
    return NULL;
  p->sha256 = sha256_hex (data, length);
  return g_steal_pointer (&p);
}

static gboolean
prepare_reading (ParPreparedFile  *p,
                 ParPdfReader     *reader,
                 GError          **error)
{
  p->read = read_document (p->bytes, p->path, p->name, reader, &p->reading, error);
  return p->read;
}

/* Keeps what @p holds and returns its document id; bytes already kept
 * return the document that has them, with *@reused TRUE. One file is all
 * or nothing: its own transaction, or in a batch its own savepoint. */
gint64
par_evidence_store_prepared (ParDatabase      *db,
                             ParPreparedFile  *p,
                             gboolean          in_batch,
                             gboolean         *reused,
                             gsize            *stored_bytes,
                             GCancellable     *cancellable,
                             GError          **error)
{
  gint64 document_id = 0;
  gint64 existing;

  if (reused != NULL)
    *reused = FALSE;
  existing = find_document_by_sha (db, p->sha256, error);
  if (existing != 0)
    {
      if (existing > 0 && reused != NULL)
        *reused = TRUE;
      return MAX (existing, 0);
    }
  /* Bytes kept already need no reading. */
  if (!p->read)
    {
      g_autoptr(ParPdfReader) reader = par_pdf_reader_new ();

      if (!prepare_reading (p, reader, error))
        return 0;
    }

  if (!par_database_exec (db, in_batch ? "SAVEPOINT document" : "BEGIN IMMEDIATE", error))
    return 0;
  if (!insert_document (db, p->name, p->sha256, p->bytes, &p->reading, &document_id, cancellable, error)
      || !par_database_exec (db, in_batch ? "RELEASE document" : "COMMIT", error))
    {
      if (in_batch)
        sqlite3_exec (par_database_get_handle (db), "ROLLBACK TO document; RELEASE document", NULL, NULL, NULL);
      else
        par_database_rollback (db);
      return 0;
    }
  if (stored_bytes != NULL)
    *stored_bytes += g_bytes_get_size (p->bytes);
  if (!in_batch)
    par_database_emit_changed (db, PAR_CHANGE_DOCUMENTS);
  return document_id;
}

/* For a batch: the file at @path prepared, and read with @reader unless
 * its bytes are in @kept_sha256 (kept before the batch: not read again). */
ParPreparedFile *
par_evidence_prepare_file (const char    *path,
                           gint64         max_bytes,
                           GHashTable    *kept_sha256,
                           ParPdfReader  *reader,
                           GError       **error)
{
  ParPreparedFile *p = prepare_bytes (path, max_bytes, error);

  if (p != NULL
      && !g_hash_table_contains (kept_sha256, p->sha256)
      && !prepare_reading (p, reader, error))
    g_clear_pointer (&p, par_prepared_file_free);
  return p;
}

/* Keeps the PDF at @path in the file and returns its document id. The
 * same bytes are kept once: adding them again returns the document that
 * has them, with *@reused TRUE. @max_bytes 0 means the default limit.
 * Anything that is not a whole, readable PDF is refused with a message
 * that says why, and nothing is stored. */
gint64
par_evidence_add_file (ParDatabase   *db,
                       const char    *path,
                       gint64         max_bytes,
                       gboolean      *reused,
                       GCancellable  *cancellable,
                       GError       **error)
{
  g_autoptr(ParPreparedFile) p = NULL;

  g_return_val_if_fail (PAR_IS_DATABASE (db), 0);
  g_return_val_if_fail (path != NULL, 0);

  if (reused != NULL)
    *reused = FALSE;
  p = prepare_bytes (path, max_bytes, error);
  if (p == NULL)
    return 0;
  return par_evidence_store_prepared (db, p, FALSE, reused, NULL, cancellable, error);
}
