/* par-evidence.c: evidence documents kept in the file: storing, listing, exporting, searching
 *
 * A PDF is read once, through a memory map: hashed, checked, its text and
 * signatures read, and its bytes streamed into a BLOB, all inside one
 * transaction, so a failure or a cancel leaves nothing half-stored. Bytes
 * are stored once per SHA-256.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <openssl/evp.h>
#include "par-poppler-private.h"

#include "par-database-private.h"
#include "par-document-details.h"
#include "par-evidence.h"
#include "par-evidence-private.h"
#include "par-pdf-reader.h"
#include "par-pdf-signature.h"
#include "par-points.h"
#include "par-progress-relay.h"
#include "par-text-fold.h"

#define CHUNK_BYTES (1024 * 1024)
/* Documents this large get a stored preview of their first page. */
/* A bulk import commits (and syncs) at most this often. */
#define BATCH_FILES 64
#define BATCH_BYTES ((gsize) 64 * 1024 * 1024)
/* Files up to this size are read into memory, larger ones mapped. */
#define READ_MAX_BYTES (16 * 1024 * 1024)

void
par_search_hit_free (ParSearchHit *hit)
{
  g_free (hit->snippet);
  g_free (hit);
}

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

  r->signatures = par_pdf_signatures_check (data, length, &r->verdict, NULL);
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
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);
  ParDocumentDetails *d = r->pdf.details;
  gint64 blob_id;

  /* Straight from the bytes read or mapped: the one copy is SQLite's. */
  stmt = par_database_prepare (db, "INSERT INTO evidence_blob (sha256, size, data) VALUES (?, ?, ?)", error);
  if (stmt == NULL)
    return FALSE;
  par_sqlite_bind_text (stmt, 1, sha256);
  sqlite3_bind_int64 (stmt, 2, (gint64) length);
  sqlite3_bind_blob64 (stmt, 3, data, length, SQLITE_STATIC);
  if (!par_database_step_done (db, stmt, error))
    return FALSE;
  blob_id = sqlite3_last_insert_rowid (par_database_get_handle (db));
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

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
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = par_database_prepare (db,
                               "INSERT INTO evidence_signature (document_id, position, signer, signing_time, status,"
                               " certificate_status) VALUES (?, ?, ?, ?, ?, ?)",
                               error);
  if (stmt == NULL)
    return FALSE;
  for (guint i = 0; i < r->signatures->len; i++)
    {
      ParPdfSignature *signature = g_ptr_array_index (r->signatures, i);

      sqlite3_bind_int64 (stmt, 1, *document_id);
      sqlite3_bind_int (stmt, 2, i);
      par_sqlite_bind_text (stmt, 3, signature->signer);
      par_sqlite_bind_text (stmt, 4, signature->signing_time);
      par_sqlite_bind_text (stmt, 5, signature->status == PAR_SIGNATURE_VALID ? "valid"
                                     : signature->status == PAR_SIGNATURE_MODIFIED ? "modified" : "invalid");
      par_sqlite_bind_text (stmt, 6, par_certificate_status_to_string (signature->certificate));
      if (!par_database_step_done (db, stmt, error))
        return FALSE;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* The text of every page, and folded for the search index. */
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
        sqlite3_bind_int64 (page, 1, *document_id);
        sqlite3_bind_int (page, 2, i + 1);
        par_sqlite_bind_text (page, 3, g_ptr_array_index (r->pdf.page_texts, i));
        par_sqlite_bind_text (fts, 1, folded);
        sqlite3_bind_int64 (fts, 2, *document_id);
        sqlite3_bind_int (fts, 3, i + 1);
        if (!par_database_step_done (db, page, error) || !par_database_step_done (db, fts, error))
          return FALSE;
      }
  }
  return par_database_audit (db, "evidence_document", *document_id, "added", NULL, name, error);
}

/* A file made ready to keep: read or mapped, checked, hashed and (unless
 * its bytes are already kept) read. Preparing needs no database, so a
 * batch prepares the next files on a thread of its own while this one
 * stores. */
typedef struct
{
  char        *path;
  char        *name;
  GBytes      *bytes;
  char        *sha256;
  gboolean     read;
  Reading      reading;
} Prepared;

static void
prepared_free (Prepared *p)
{
  g_free (p->path);
  g_free (p->name);
  g_clear_pointer (&p->bytes, g_bytes_unref);
  g_free (p->sha256);
  reading_clear (&p->reading);
  g_free (p);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Prepared, prepared_free)

/* Maps, checks and hashes the file at @path. Anything that is not a whole
 * PDF within @max_bytes is refused with a message that says why. */
static Prepared *
prepare_bytes (const char  *path,
               gint64       max_bytes,
               GError     **error)
{
  g_autoptr(Prepared) p = g_new0 (Prepared, 1);
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
prepare_reading (Prepared      *p,
                 ParPdfReader  *reader,
                 GError       **error)
{
  p->read = read_document (p->bytes, p->path, p->name, reader, &p->reading, error);
  return p->read;
}

/* Keeps what @p holds and returns its document id; bytes already kept
 * return the document that has them, with *@reused TRUE. One file is all
 * or nothing: its own transaction, or in a batch its own savepoint. */
static gint64
store_prepared (ParDatabase   *db,
                Prepared      *p,
                gboolean       in_batch,
                gboolean      *reused,
                gsize         *stored_bytes,
                GCancellable  *cancellable,
                GError       **error)
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
  g_autoptr(Prepared) p = NULL;

  g_return_val_if_fail (PAR_IS_DATABASE (db), 0);
  g_return_val_if_fail (path != NULL, 0);

  if (reused != NULL)
    *reused = FALSE;
  p = prepare_bytes (path, max_bytes, error);
  if (p == NULL)
    return 0;
  return store_prepared (db, p, FALSE, reused, NULL, cancellable, error);
}

void
par_add_result_free (ParAddResult *result)
{
  g_clear_error (&result->error);
  g_free (result);
}

/* How many files the reading thread may have ready ahead of the store. */
#define PREPARED_AHEAD 4

typedef struct
{
  GPtrArray    *paths;
  gint64        max_bytes;
  GHashTable   *kept_sha256;   /* bytes kept before the batch: not read again */
  GCancellable *cancellable;   /* the caller's */
  GCancellable *stop;          /* the store gave up */
  GAsyncQueue  *ready;         /* Item, in the order of paths */
  GAsyncQueue  *slots;         /* tokens: bounds what is prepared ahead */
} Preparing;

typedef struct
{
  Prepared *prepared;
  GError   *error;
} Item;

static gpointer
prepare_files_thread (gpointer data)
{
  Preparing *state = data;
  /* one reader process for the whole batch */
  g_autoptr(ParPdfReader) reader = par_pdf_reader_new ();

  for (guint i = 0; i < state->paths->len; i++)
    {
      const char *path = g_ptr_array_index (state->paths, i);
      Item *item = g_new0 (Item, 1);

      g_async_queue_pop (state->slots);
      if (g_cancellable_is_cancelled (state->stop))
        {
          g_free (item);
          break;
        }
      if (!g_cancellable_set_error_if_cancelled (state->cancellable, &item->error))
        {
          item->prepared = prepare_bytes (path, state->max_bytes, &item->error);
          if (item->prepared != NULL
              && !g_hash_table_contains (state->kept_sha256, item->prepared->sha256)
              && !prepare_reading (item->prepared, reader, &item->error))
            g_clear_pointer (&item->prepared, prepared_free);
        }
      g_async_queue_push (state->ready, item);
    }
  return NULL;
}

static GHashTable *
kept_sha256 (ParDatabase  *db,
             GError      **error)
{
  g_autoptr(GHashTable) kept = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(sqlite3_stmt) stmt = par_database_prepare (db, "SELECT sha256 FROM evidence_blob", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_add (kept, par_sqlite_column_dup (stmt, 0));
  if (rc != SQLITE_DONE)
    {
      par_database_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&kept);
}

/* Keeps many PDFs: each one whole or not at all, as with
 * par_evidence_add_file(), but committed in batches, so that a folder of
 * scans is stored at the speed of the disk rather than of its syncs, while
 * a second thread reads the next files and a third copies the batches
 * from the log into the file (see par_database_begin_bulk()). Returns one
 * ParAddResult per path (id 0 and an error for a file that was refused); a
 * cancel keeps what was done before it. */
GPtrArray *
par_evidence_add_files (ParDatabase          *db,
                        GPtrArray            *paths,
                        gint64                max_bytes,
                        ParProgressFunc       progress,
                        gpointer              user_data,
                        GCancellable         *cancellable,
                        GError              **error)
{
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify) par_add_result_free);
  g_autoptr(GCancellable) stop = g_cancellable_new ();
  g_autoptr(GHashTable) kept = NULL;
  Preparing state = { 0 };
  GThread *thread;
  gsize batch_bytes = 0;
  guint batch_files = 0;
  gboolean open = FALSE;
  gboolean failed = FALSE;
  guint taken = 0;

  g_return_val_if_fail (PAR_IS_DATABASE (db), NULL);
  g_return_val_if_fail (paths != NULL, NULL);

  kept = kept_sha256 (db, error);
  if (kept == NULL)
    return NULL;
  state.paths = paths;
  state.max_bytes = max_bytes;
  state.kept_sha256 = kept;
  state.cancellable = cancellable;
  state.stop = stop;
  state.ready = g_async_queue_new ();
  state.slots = g_async_queue_new ();
  for (guint i = 0; i < PREPARED_AHEAD; i++)
    g_async_queue_push (state.slots, GUINT_TO_POINTER (1));
  thread = g_thread_new ("par-evidence-read", prepare_files_thread, &state);
  par_database_begin_bulk (db);

  for (; taken < paths->len && !failed; taken++)
    {
      ParAddResult *result = g_new0 (ParAddResult, 1);
      Item *item = g_async_queue_pop (state.ready);

      g_async_queue_push (state.slots, GUINT_TO_POINTER (1));
      g_ptr_array_add (results, result);
      if (progress != NULL)
        progress (taken, paths->len, g_ptr_array_index (paths, taken), user_data);
      if (item->error != NULL || g_cancellable_set_error_if_cancelled (cancellable, &item->error))
        {
          result->error = g_steal_pointer (&item->error);
        }
      else
        {
          if (!open && !(open = par_database_begin (db, error)))
            failed = TRUE;
          else
            result->id = store_prepared (db, item->prepared, TRUE, &result->reused, &batch_bytes, cancellable,
                                         &result->error);
          if (open && (++batch_files >= BATCH_FILES || batch_bytes >= BATCH_BYTES))
            {
              open = FALSE;
              batch_files = 0;
              batch_bytes = 0;
              failed = !par_database_commit (db, error);
            }
        }
      g_clear_pointer (&item->prepared, prepared_free);
      g_free (item);
    }

  /* On a failure, stop the reading thread (it may be waiting for a slot)
   * and drop what it has ready. */
  if (failed)
    {
      g_cancellable_cancel (stop);
      g_async_queue_push (state.slots, GUINT_TO_POINTER (1));
    }
  g_thread_join (thread);
  while (g_async_queue_length (state.ready) > 0)
    {
      Item *item = g_async_queue_pop (state.ready);

      g_clear_pointer (&item->prepared, prepared_free);
      g_clear_error (&item->error);
      g_free (item);
    }
  g_async_queue_unref (state.ready);
  g_async_queue_unref (state.slots);

  if (!failed && open)
    failed = !par_database_commit (db, error);
  par_database_end_bulk (db);
  if (failed)
    return NULL;
  par_database_emit_changed (db, PAR_CHANGE_DOCUMENTS);
  return g_steal_pointer (&results);
}



#define DOCUMENT_COLUMNS \
  "d.id, d.filename, b.sha256, b.size, d.pages, d.encrypted, d.pdf_title, d.pdf_author, d.pdf_producer," \
  " d.pdf_created, d.doc_number, d.doc_date, d.doc_place, d.issuer, d.doc_type, d.abstract," \
  " d.signature_status, d.added_at, d.text_read"

static ParEvidenceDocument *
document_from_row (sqlite3_stmt *stmt)
{
  ParEvidenceDocument *document = par_evidence_document_new ();
  ParEvidenceFields *f = par_evidence_document_get_fields (document);

  f->id = sqlite3_column_int64 (stmt, 0);
  f->filename = par_sqlite_column_dup (stmt, 1);
  f->sha256 = par_sqlite_column_dup (stmt, 2);
  f->size = sqlite3_column_int64 (stmt, 3);
  f->pages = sqlite3_column_int (stmt, 4);
  f->encrypted = sqlite3_column_int (stmt, 5);
  f->pdf_title = par_sqlite_column_dup (stmt, 6);
  f->pdf_author = par_sqlite_column_dup (stmt, 7);
  f->pdf_producer = par_sqlite_column_dup (stmt, 8);
  f->pdf_created = par_sqlite_column_dup (stmt, 9);
  f->number = par_sqlite_column_dup (stmt, 10);
  f->date = par_sqlite_column_dup (stmt, 11);
  f->place = par_sqlite_column_dup (stmt, 12);
  f->issuer = par_sqlite_column_dup (stmt, 13);
  f->doc_type = par_sqlite_column_dup (stmt, 14);
  f->abstract = par_sqlite_column_dup (stmt, 15);
  f->signature = par_sqlite_column_dup (stmt, 16);
  f->added_at = par_sqlite_column_dup (stmt, 17);
  f->text_read = sqlite3_column_int (stmt, 18) != 0;
  return document;
}

/* Every document, newest issue date first. */
GPtrArray *
par_evidence_list (ParDatabase  *db,
                   GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) documents = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  g_return_val_if_fail (PAR_IS_DATABASE (db), NULL);

  stmt = par_database_prepare (db,
                               "SELECT " DOCUMENT_COLUMNS " FROM evidence_document d"
                               " JOIN evidence_blob b ON b.id = d.blob_id ORDER BY d.doc_date DESC, d.id",
                               error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (documents, document_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      par_database_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&documents);
}

/* Binds @document_id to @stmt's one parameter and steps to its row; FALSE
 * with a "no such document" error when there is none. */
static gboolean
step_to_document (ParDatabase  *db,
                  sqlite3_stmt *stmt,
                  gint64        document_id,
                  GError      **error)
{
  int rc;

  sqlite3_bind_int64 (stmt, 1, document_id);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc == SQLITE_DONE)
    g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND,
                 _("There is no document with id %lld."), (long long) document_id);
  else
    par_database_set_error (db, error);
  return FALSE;
}

/* One document with its signatures and what it supports. */
ParEvidenceDocument *
par_evidence_get (ParDatabase  *db,
                  gint64        document_id,
                  GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(ParEvidenceDocument) document = NULL;
  int rc;

  g_return_val_if_fail (PAR_IS_DATABASE (db), NULL);

  stmt = par_database_prepare (db,
                               "SELECT " DOCUMENT_COLUMNS " FROM evidence_document d"
                               " JOIN evidence_blob b ON b.id = d.blob_id WHERE d.id = ?",
                               error);
  if (stmt == NULL)
    return NULL;
  if (!step_to_document (db, stmt, document_id, error))
    return NULL;
  document = document_from_row (stmt);
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = par_database_prepare (db,
                               "SELECT signer, signing_time, status, certificate_status FROM evidence_signature"
                               " WHERE document_id = ? ORDER BY position",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ParPdfSignature *signature = g_new0 (ParPdfSignature, 1);
      const char *status = (const char *) sqlite3_column_text (stmt, 2);
      const char *certificate = (const char *) sqlite3_column_text (stmt, 3);

      signature->signer = par_sqlite_column_dup (stmt, 0);
      signature->signing_time = par_sqlite_column_dup (stmt, 1);
      signature->status = g_strcmp0 (status, "valid") == 0 ? PAR_SIGNATURE_VALID
                          : g_strcmp0 (status, "modified") == 0 ? PAR_SIGNATURE_MODIFIED : PAR_SIGNATURE_INVALID;
      signature->certificate = g_strcmp0 (certificate, "trusted") == 0 ? PAR_CERTIFICATE_TRUSTED
                               : g_strcmp0 (certificate, "untrusted") == 0 ? PAR_CERTIFICATE_UNTRUSTED
                               : PAR_CERTIFICATE_UNKNOWN;
      g_ptr_array_add (par_evidence_document_get_signatures (document), signature);
    }
  if (rc != SQLITE_DONE)
    {
      par_database_set_error (db, error);
      return NULL;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  /* "set 1 DEP1 1.2.1", "task 4", "inspection 2"; and for people, the
   * unit, the item or task or inspection, and the set, plan or year. */
  stmt = par_database_prepare (db,
                               "SELECT CASE"
                               "  WHEN l.node_id IS NOT NULL THEN 'set ' || a.set_id || ' ' || u.code || ' ' || n.code"
                               "  WHEN l.task_id IS NOT NULL THEN 'task ' || l.task_id"
                               "  ELSE 'inspection ' || l.inspection_id END,"
                               " CASE WHEN l.node_id IS NOT NULL"
                               "  THEN u.name || ' · ' || n.code || ' ' || n.title || ' (' || s.name || ')'"
                               "  WHEN t.id IS NOT NULL"
                               "  THEN pu.name || ' · ' || ltrim (t.code || ' ' || t.title) || ' (' || p.title || ')'"
                               "  WHEN i.id IS NOT NULL THEN iu.name || ' · ' || i.title || ' (' || i.year || ')'"
                               "  ELSE '' END"
                               " FROM evidence_link l"
                               " LEFT JOIN assessment a ON a.id = l.assessment_id"
                               " LEFT JOIN criteria_set s ON s.id = a.set_id"
                               " LEFT JOIN org_unit u ON u.id = a.unit_id"
                               " LEFT JOIN criteria_node n ON n.id = l.node_id"
                               " LEFT JOIN task t ON t.id = l.task_id"
                               " LEFT JOIN plan p ON p.id = t.plan_id"
                               " LEFT JOIN org_unit pu ON pu.id = p.unit_id"
                               " LEFT JOIN inspection i ON i.id = l.inspection_id"
                               " LEFT JOIN org_unit iu ON iu.id = i.unit_id"
                               " WHERE l.document_id = ? ORDER BY l.id",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_ptr_array_add (par_evidence_document_get_links (document), par_sqlite_column_dup (stmt, 0));
      g_ptr_array_add (par_evidence_document_get_link_labels (document),
                       par_sqlite_column_dup (stmt, *sqlite3_column_text (stmt, 1) != '\0' ? 1 : 0));
    }
  if (rc != SQLITE_DONE)
    {
      par_database_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&document);
}

/* Corrects the details read from the first page; each change is in the
 * audit log. @date is ISO 8601 or "". */
gboolean
par_evidence_update_details (ParDatabase             *db,
                             gint64                   document_id,
                             const ParEvidenceFields *details,
                             GError                 **error)
{
  static const struct { const char *column; gsize offset; } columns[] = {
    { "doc_number", G_STRUCT_OFFSET (ParEvidenceFields, number) },
    { "doc_date", G_STRUCT_OFFSET (ParEvidenceFields, date) },
    { "doc_place", G_STRUCT_OFFSET (ParEvidenceFields, place) },
    { "issuer", G_STRUCT_OFFSET (ParEvidenceFields, issuer) },
    { "doc_type", G_STRUCT_OFFSET (ParEvidenceFields, doc_type) },
    { "abstract", G_STRUCT_OFFSET (ParEvidenceFields, abstract) },
  };
  g_autoptr(ParEvidenceDocument) current = NULL;
  ParEvidenceFields *old;
  int year, month, day;

  g_return_val_if_fail (PAR_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (details != NULL, FALSE);

  if (details->date != NULL && *details->date != '\0'
      && (sscanf (details->date, "%4d-%2d-%2d", &year, &month, &day) != 3 || !g_date_valid_dmy (day, month, year)))
    {
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID,
                   _("“%s” is not a date; write it as day/month/year, for example 14/09/2021."), details->date);
      return FALSE;
    }
  current = par_evidence_get (db, document_id, error);
  if (current == NULL)
    return FALSE;
  old = par_evidence_document_get_fields (current);

  if (!par_database_begin (db, error))
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      const char *before = G_STRUCT_MEMBER (const char *, old, columns[i].offset);
      g_autofree char *after = g_strstrip (g_strdup (G_STRUCT_MEMBER (const char *, details, columns[i].offset)
                                                     != NULL ? G_STRUCT_MEMBER (const char *, details, columns[i].offset)
                                                             : ""));
      g_autofree char *sql = NULL;
      g_autoptr(sqlite3_stmt) stmt = NULL;

      if (g_strcmp0 (before, after) == 0)
        continue;
      sql = g_strdup_printf ("UPDATE evidence_document SET %s = ? WHERE id = ?", columns[i].column);
      stmt = par_database_prepare (db, sql, error);
      if (stmt == NULL)
        goto fail;
      par_sqlite_bind_text (stmt, 1, after);
      sqlite3_bind_int64 (stmt, 2, document_id);
      if (!par_database_step_done (db, stmt, error)
          || !par_database_audit (db, "evidence_document", document_id, columns[i].column, before, after, error))
        goto fail;
    }
  if (!par_database_commit (db, error))
    goto fail;
  par_database_emit_changed (db, PAR_CHANGE_DOCUMENTS);
  return TRUE;

fail:
  par_database_rollback (db);
  return FALSE;
}

/* Linking ----------------------------------------------------------------- */

typedef struct
{
  char             *db_path;
  GPtrArray        *paths;
  gint64            max_bytes;
  ParProgressRelay  relay;
} AddFilesJob;

static void
add_files_job_free (gpointer data)
{
  AddFilesJob *job = data;

  g_free (job->db_path);
  g_ptr_array_unref (job->paths);
  par_progress_relay_clear (&job->relay);
  g_free (job);
}

static void
add_files_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  AddFilesJob *job = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ParDatabase) db = par_database_open (job->db_path, PAR_DATABASE_OPEN_EXISTING, &error);
  GPtrArray *results = NULL;

  /* A worker uses its own connection. */
  if (db != NULL)
    results = par_evidence_add_files (db, job->paths, job->max_bytes,
                                      job->relay.progress != NULL ? par_progress_relay_forward : NULL,
                                      &job->relay, cancellable, &error);
  if (results == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, results, (GDestroyNotify) g_ptr_array_unref);
}

/* par_evidence_add_files() in a worker, on the file at @db_path; @progress
 * is called in the caller's thread. The caller's own connection does not
 * see "changed" for these documents: it should emit it when done. */
void
par_evidence_add_files_async (const char          *db_path,
                              GPtrArray           *paths,
                              gint64               max_bytes,
                              ParProgressFunc      progress,
                              gpointer             progress_data,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  AddFilesJob *job = g_new0 (AddFilesJob, 1);

  job->db_path = g_strdup (db_path);
  job->paths = g_ptr_array_ref (paths);
  job->max_bytes = max_bytes;
  par_progress_relay_init (&job->relay, progress, progress_data);
  g_task_set_source_tag (task, par_evidence_add_files_async);
  g_task_set_task_data (task, job, add_files_job_free);
  g_task_run_in_thread (task, add_files_thread);
}

/* One ParAddResult per path. */
GPtrArray *
par_evidence_add_files_finish (GAsyncResult  *result,
                               GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Whether the document is password-protected, without reading the rest of
 * its record; FALSE with @error if there is no such document. */
gboolean
par_evidence_is_encrypted (ParDatabase *db,
                           gint64       document_id,
                           gboolean    *encrypted,
                           GError     **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PAR_IS_DATABASE (db), FALSE);

  stmt = par_database_prepare (db, "SELECT encrypted FROM evidence_document WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  if (!step_to_document (db, stmt, document_id, error))
    return FALSE;
  *encrypted = sqlite3_column_int (stmt, 0) != 0;
  return TRUE;
}

/* The stored preview of page 1 (PNG, 72 dpi), or NULL if the document has
 * none (small documents open fast enough without). */
GBytes *
par_evidence_read_preview (ParDatabase *db,
                           gint64       document_id)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PAR_IS_DATABASE (db), NULL);

  stmt = par_database_prepare (db, "SELECT preview_png FROM evidence_document WHERE id = ?", NULL);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document_id);
  if (sqlite3_step (stmt) != SQLITE_ROW || sqlite3_column_type (stmt, 0) != SQLITE_BLOB)
    return NULL;
  return g_bytes_new (sqlite3_column_blob (stmt, 0), sqlite3_column_bytes (stmt, 0));
}

/* The folded words of @text as an FTS5 phrase: "phoi hop". */
static char *
phrase_query (const char *text)
{
  g_autofree char *folded = par_text_fold (text);
  GString *query = g_string_new (NULL);
  gboolean in_word = FALSE;

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        {
          if (!in_word && query->len > 0)
            g_string_append_c (query, ' ');
          g_string_append_unichar (query, c);
          in_word = TRUE;
        }
      else
        in_word = FALSE;
    }
  if (query->len == 0)
    {
      g_string_free (query, TRUE);
      return NULL;
    }
  g_string_prepend_c (query, '"');
  g_string_append_c (query, '"');
  return g_string_free (query, FALSE);
}

/* Pages whose text holds @query, best first; case and Vietnamese
 * diacritics do not matter ("quyet dinh" finds "Quyết định"). */
GPtrArray *
par_evidence_search (ParDatabase  *db,
                     const char   *query,
                     guint         limit,
                     GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) par_search_hit_free);
  g_autofree char *match = NULL;
  int rc;

  g_return_val_if_fail (PAR_IS_DATABASE (db), NULL);

  match = phrase_query (query);
  if (match == NULL)
    return g_steal_pointer (&hits);
  stmt = par_database_prepare (db,
                               "SELECT f.document_id, f.page, p.text FROM evidence_fts f"
                               " JOIN evidence_page p ON p.document_id = f.document_id AND p.page = f.page"
                               " WHERE evidence_fts MATCH ? ORDER BY rank LIMIT ?",
                               error);
  if (stmt == NULL)
    return NULL;
  par_sqlite_bind_text (stmt, 1, match);
  sqlite3_bind_int (stmt, 2, limit > 0 ? (int) limit : 100);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ParSearchHit *hit = g_new0 (ParSearchHit, 1);

      hit->document_id = sqlite3_column_int64 (stmt, 0);
      hit->page = sqlite3_column_int (stmt, 1);
      hit->snippet = par_text_snippet ((const char *) sqlite3_column_text (stmt, 2), query, 40);
      if (hit->snippet == NULL)
        hit->snippet = g_strdup ("");
      g_ptr_array_add (hits, hit);
    }
  if (rc != SQLITE_DONE)
    {
      par_database_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&hits);
}
