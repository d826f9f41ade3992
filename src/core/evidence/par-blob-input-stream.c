/* par-blob-input-stream.c: a kept document's bytes, read in place from the file
 *
 * A seekable stream over a document's BLOB, through SQLite's incremental
 * blob I/O: poppler reads only the parts of the PDF it needs, so a
 * 130 MB scan is previewed without holding 130 MB in memory.  The stream
 * keeps its own connection's read transaction open while it lives, which
 * is harmless: kept bytes never change, and writers go on in WAL mode.
 *
 * It is a GMemoryInputStream only in name, with none of its memory: poppler
 * reads a memory or local-file stream in place, but copies any other kind
 * into a cache that grows to the whole file.  Every method it calls is
 * ours.  Like the connection it reads through, a stream is used by one
 * thread at a time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "par-blob-input-stream.h"
#include "par-database-private.h"
#include "par-evidence-private.h"

struct _ParBlobInputStream
{
  GMemoryInputStream parent_instance;

  ParDatabase  *db;
  sqlite3_blob *blob;
  goffset       size;
  goffset       position;
};

static void par_blob_input_stream_seekable_init (GSeekableIface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (ParBlobInputStream, par_blob_input_stream, G_TYPE_MEMORY_INPUT_STREAM,
                               G_IMPLEMENT_INTERFACE (G_TYPE_SEEKABLE, par_blob_input_stream_seekable_init))

static gssize
par_blob_input_stream_read (GInputStream  *stream,
                            void          *buffer,
                            gsize          count,
                            GCancellable  *cancellable,
                            GError       **error)
{
  ParBlobInputStream *self = PAR_BLOB_INPUT_STREAM (stream);
  int n = (int) MIN ((goffset) MIN (count, G_MAXINT), self->size - self->position);
  int rc;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return -1;
  if (n <= 0)
    return 0;
  rc = sqlite3_blob_read (self->blob, buffer, n, (int) self->position);
  if (rc != SQLITE_OK)
    {
      par_set_sqlite_error (par_database_get_handle (self->db), rc, error);
      return -1;
    }
  self->position += n;
  return n;
}

static gssize
par_blob_input_stream_skip (GInputStream  *stream,
                            gsize          count,
                            GCancellable  *cancellable,
                            GError       **error)
{
  ParBlobInputStream *self = PAR_BLOB_INPUT_STREAM (stream);
  goffset n = MIN ((goffset) MIN (count, G_MAXSSIZE), self->size - self->position);

  self->position += n;
  return (gssize) n;
}

static gboolean
par_blob_input_stream_close (GInputStream  *stream,
                             GCancellable  *cancellable,
                             GError       **error)
{
  ParBlobInputStream *self = PAR_BLOB_INPUT_STREAM (stream);

  g_clear_pointer (&self->blob, sqlite3_blob_close);
  return TRUE;
}

static goffset
par_blob_input_stream_tell (GSeekable *seekable)
{
  return PAR_BLOB_INPUT_STREAM (seekable)->position;
}

static gboolean
par_blob_input_stream_can_seek (GSeekable *seekable)
{
  return TRUE;
}

static gboolean
par_blob_input_stream_seek (GSeekable     *seekable,
                            goffset        offset,
                            GSeekType      type,
                            GCancellable  *cancellable,
                            GError       **error)
{
  ParBlobInputStream *self = PAR_BLOB_INPUT_STREAM (seekable);
  goffset target = type == G_SEEK_SET ? offset : type == G_SEEK_CUR ? self->position + offset : self->size + offset;

  if (target < 0 || target > self->size)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                           _("The position is outside the document."));
      return FALSE;
    }
  self->position = target;
  return TRUE;
}

static gboolean
par_blob_input_stream_can_truncate (GSeekable *seekable)
{
  return FALSE;
}

static gboolean
par_blob_input_stream_truncate (GSeekable     *seekable,
                                goffset        offset,
                                GCancellable  *cancellable,
                                GError       **error)
{
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("A kept document cannot be changed."));
  return FALSE;
}

static void
par_blob_input_stream_seekable_init (GSeekableIface *iface)
{
  iface->tell = par_blob_input_stream_tell;
  iface->can_seek = par_blob_input_stream_can_seek;
  iface->seek = par_blob_input_stream_seek;
  iface->can_truncate = par_blob_input_stream_can_truncate;
  iface->truncate_fn = par_blob_input_stream_truncate;
}

static void
par_blob_input_stream_finalize (GObject *object)
{
  ParBlobInputStream *self = PAR_BLOB_INPUT_STREAM (object);

  g_clear_pointer (&self->blob, sqlite3_blob_close);
  g_clear_object (&self->db);
  G_OBJECT_CLASS (par_blob_input_stream_parent_class)->finalize (object);
}

static void
par_blob_input_stream_class_init (ParBlobInputStreamClass *klass)
{
  GInputStreamClass *stream_class = G_INPUT_STREAM_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = par_blob_input_stream_finalize;
  stream_class->read_fn = par_blob_input_stream_read;
  stream_class->skip = par_blob_input_stream_skip;
  stream_class->close_fn = par_blob_input_stream_close;
}

static void
par_blob_input_stream_init (ParBlobInputStream *self)
{
}

/* A stream over the bytes of document @document_id, read through @db
 * (best a connection of its own, in the thread that reads). */
GInputStream *
par_blob_input_stream_new (ParDatabase  *db,
                           gint64        document_id,
                           GError      **error)
{
  g_autoptr(ParBlobInputStream) self = NULL;
  sqlite3_blob *blob;

  g_return_val_if_fail (PAR_IS_DATABASE (db), NULL);

  blob = par_evidence_open_blob (db, document_id, error);
  if (blob == NULL)
    return NULL;
  self = g_object_new (PAR_TYPE_BLOB_INPUT_STREAM, NULL);
  self->db = g_object_ref (db);
  self->blob = blob;
  self->size = sqlite3_blob_bytes (blob);
  return G_INPUT_STREAM (g_steal_pointer (&self));
}

goffset
par_blob_input_stream_get_size (ParBlobInputStream *self)
{
  g_return_val_if_fail (PAR_IS_BLOB_INPUT_STREAM (self), 0);
  return self->size;
}
