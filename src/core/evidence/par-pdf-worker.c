/* par-pdf-worker.c: one open PDF, rendered and searched by prioritised jobs in a thread
 *
 * As in the GNOME document viewers: poppler is used from one thread only
 * (a pool of one), jobs are taken in priority order (the page on screen
 * before its neighbours, before thumbnails), a job whose cancellable was
 * cancelled while it waited is dropped unrun, and results come back on
 * the main loop through GTask.  The thread is its own and runs at a lower
 * priority than the interface: on a machine without a graphics card the
 * frames are drawn by the CPU, and a page rendered at the same priority
 * would take their time (a frame in three over 16 ms while scrolling).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE  /* gettid () */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/resource.h>
#endif

#include "par-blob-input-stream.h"
#include "par-evidence.h"
#include "par-pdf-worker.h"
#include "par-poppler-private.h"
#include "par-text-fold.h"

struct _ParPdfWorker
{
  GObject          parent_instance;

  GBytes          *pdf;        /* the bytes poppler reads, or */
  GInputStream    *stream;     /* the stream it reads them through */
  PopplerDocument *document;   /* used only in the pool's thread once open */
  GThreadPool     *pool;
  int              n_pages;
  double          *sizes;      /* width, height of every page, in points */
  gint             n_renders;  /* atomic, for the tests and benchmarks */
  guint            sequence;
};

G_DEFINE_FINAL_TYPE (ParPdfWorker, par_pdf_worker, G_TYPE_OBJECT)

typedef enum { JOB_RENDER, JOB_FIND } JobKind;

typedef struct
{
  JobKind        kind;
  ParJobPriority priority;
  guint          sequence;   /* first come first served within a priority */
  GTask         *task;
  int            page;
  double         scale;
  char          *text;
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->task);
  g_free (job->text);
  g_free (job);
}

static int
compare_jobs (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  const Job *ja = a, *jb = b;

  if (ja->priority != jb->priority)
    return ja->priority < jb->priority ? -1 : 1;
  return ja->sequence < jb->sequence ? -1 : ja->sequence > jb->sequence;
}

static void
run_render (ParPdfWorker *self,
            Job          *job)
{
  g_autoptr(ParPopplerPage) page = poppler_document_get_page (self->document, job->page);
  cairo_surface_t *surface;
  cairo_t *cr;
  double width, height;
  int pixel_width, pixel_height;

  if (page == NULL)
    {
      g_task_return_new_error (job->task, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                               _("The document has no page %d."), job->page + 1);
      return;
    }
  poppler_page_get_size (page, &width, &height);
  pixel_width = MAX (1, (int) (width * job->scale + 0.5));
  pixel_height = MAX (1, (int) (height * job->scale + 0.5));
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, pixel_width, pixel_height);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    {
      cairo_surface_destroy (surface);
      g_task_return_new_error (job->task, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                               _("Not enough memory to show this page at this size."));
      return;
    }
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, job->scale, job->scale);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  g_atomic_int_inc (&self->n_renders);
  g_task_return_pointer (job->task, surface, (GDestroyNotify) cairo_surface_destroy);
}

/* The page's characters folded one for one (case, diacritics, đ), spaces
 * and line breaks as one kind of space. */
static gunichar *
fold_page_text (const char *text,
                glong      *n_chars)
{
  gunichar *chars = g_utf8_to_ucs4_fast (text, -1, n_chars);

  for (glong i = 0; i < *n_chars; i++)
    chars[i] = g_unichar_isspace (chars[i]) ? ' ' : par_text_fold_char (chars[i]);
  return chars;
}

/* poppler's own "ignore diacritics" does not fold Vietnamese letters, so
 * the page's text is folded here and matched by character, and each match
 * is drawn over the boxes of its characters (one box per line). */
static void
find_on_page (ParPdfWorker *self,
              int           index,
              gunichar     *needle,
              glong         needle_length,
              GArray       *hits)
{
  g_autoptr(ParPopplerPage) page = poppler_document_get_page (self->document, index);
  g_autofree char *text = NULL;
  g_autofree gunichar *folded = NULL;
  PopplerRectangle *boxes = NULL;
  guint n_boxes = 0;
  glong n_chars = 0;

  if (page == NULL || (text = poppler_page_get_text (page)) == NULL)
    return;
  folded = fold_page_text (text, &n_chars);
  if (!poppler_page_get_text_layout (page, &boxes, &n_boxes) || (glong) n_boxes < n_chars)
    {
      g_free (boxes);
      return;
    }
  for (glong i = 0; i + needle_length <= n_chars; i++)
    {
      ParFindHit hit = { index, { 0, 0, 0, 0 } };
      gboolean open = FALSE;

      if (memcmp (folded + i, needle, needle_length * sizeof (gunichar)) != 0)
        continue;
      for (glong c = i; c < i + needle_length; c++)
        {
          PopplerRectangle *box = &boxes[c];

          if (folded[c] == ' ' && !open)
            continue;
          if (open && box->y1 > hit.area.y2)   /* the match goes on on the next line */
            {
              g_array_append_val (hits, hit);
              open = FALSE;
            }
          if (!open)
            {
              hit.area = *box;
              open = TRUE;
            }
          hit.area.x1 = MIN (hit.area.x1, box->x1);
          hit.area.y1 = MIN (hit.area.y1, box->y1);
          hit.area.x2 = MAX (hit.area.x2, box->x2);
          hit.area.y2 = MAX (hit.area.y2, box->y2);
        }
      if (open)
        g_array_append_val (hits, hit);
      i += needle_length - 1;
    }
  g_free (boxes);
}

static void
run_find (ParPdfWorker *self,
          Job          *job)
{
  GArray *hits = g_array_new (FALSE, FALSE, sizeof (ParFindHit));
  GCancellable *cancellable = g_task_get_cancellable (job->task);
  g_autofree char *query = g_strstrip (g_strdup (job->text));
  g_autofree gunichar *needle = NULL;
  glong needle_length = 0;

  needle = fold_page_text (query, &needle_length);
  for (int i = 0; needle_length > 0 && i < self->n_pages; i++)
    {
      if (g_cancellable_is_cancelled (cancellable))
        break;
      find_on_page (self, i, needle, needle_length, hits);
    }
  if (g_task_return_error_if_cancelled (job->task))
    g_array_unref (hits);
  else
    g_task_return_pointer (job->task, hits, (GDestroyNotify) g_array_unref);
}

/* Once, in the pool's own thread (Linux sets niceness per thread). */
static void
lower_thread_priority (void)
{
#ifdef __linux__
  static GPrivate lowered;

  if (g_private_get (&lowered) == NULL)
    {
      setpriority (PRIO_PROCESS, gettid (), 10);
      g_private_set (&lowered, GINT_TO_POINTER (TRUE));
    }
#endif
}

static void
run_job (gpointer data,
         gpointer user_data)
{
  Job *job = data;
  ParPdfWorker *self = user_data;

  lower_thread_priority ();

  /* Dropped unrun if nobody wants it any more. */
  if (!g_task_return_error_if_cancelled (job->task))
    {
      if (job->kind == JOB_RENDER)
        run_render (self, job);
      else
        run_find (self, job);
    }
  job_free (job);
}

static void
push_job (ParPdfWorker *self,
          Job          *job)
{
  job->sequence = self->sequence++;
  g_thread_pool_push (self->pool, job, NULL);
}

int
par_pdf_worker_get_n_pages (ParPdfWorker *self)
{
  g_return_val_if_fail (PAR_IS_PDF_WORKER (self), 0);
  return self->n_pages;
}

void
par_pdf_worker_get_page_size (ParPdfWorker *self,
                              int           page,
                              double       *width,
                              double       *height)
{
  g_return_if_fail (PAR_IS_PDF_WORKER (self));
  g_return_if_fail (page >= 0 && page < self->n_pages);
  *width = self->sizes[2 * page];
  *height = self->sizes[2 * page + 1];
}

/* Renders a page at @scale pixels per point (1.0 is 72 dpi). */
void
par_pdf_worker_render_async (ParPdfWorker        *self,
                             int                  page,
                             double               scale,
                             ParJobPriority       priority,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  Job *job = g_new0 (Job, 1);

  g_return_if_fail (PAR_IS_PDF_WORKER (self));

  job->kind = JOB_RENDER;
  job->priority = priority;
  job->page = page;
  job->scale = scale;
  job->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (job->task, par_pdf_worker_render_async);
  push_job (self, job);
}

cairo_surface_t *
par_pdf_worker_render_finish (ParPdfWorker  *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Finds @text on every page, ignoring case and Vietnamese diacritics. */
void
par_pdf_worker_find_async (ParPdfWorker        *self,
                           const char          *text,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  Job *job = g_new0 (Job, 1);

  g_return_if_fail (PAR_IS_PDF_WORKER (self));

  job->kind = JOB_FIND;
  job->priority = PAR_JOB_PRIORITY_FIND;
  job->text = g_strdup (text);
  job->task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (job->task, par_pdf_worker_find_async);
  push_job (self, job);
}

/* The hits, in page order. */
GArray *
par_pdf_worker_find_finish (ParPdfWorker  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

guint
par_pdf_worker_get_n_renders (ParPdfWorker *self)
{
  g_return_val_if_fail (PAR_IS_PDF_WORKER (self), 0);
  return g_atomic_int_get (&self->n_renders);
}

typedef struct
{
  GBytes *pdf;
  char   *password;
  char   *db_path;      /* or the bytes come from this file's document */
  gint64  document_id;
} OpenData;

static void
open_data_free (gpointer data)
{
  OpenData *open_data = data;

  g_clear_pointer (&open_data->pdf, g_bytes_unref);
  g_free (open_data->password);
  g_free (open_data->db_path);
  g_free (open_data);
}

/* A kept document: a stream over its bytes where they are, or (for a
 * protected one) the bytes themselves in @data; FALSE with @error if it
 * cannot be read. */
static gboolean
open_kept (OpenData      *data,
           GInputStream **stream,
           GError       **error)
{
  g_autoptr(ParDatabase) db = par_database_open (data->db_path, PAR_DATABASE_OPEN_EXISTING, error);
  gboolean kept = FALSE, encrypted = FALSE;

  if (db != NULL)
    kept = par_evidence_is_encrypted (db, data->document_id, &encrypted, error);
  /* A document read whole at import opens without fail, so poppler
   * reads it in place, only the parts it needs. */
  if (kept && !encrypted)
    *stream = par_blob_input_stream_new (db, data->document_id, error);
  else if (kept)
    data->pdf = par_evidence_read_bytes (db, data->document_id, error);
  return *stream != NULL || data->pdf != NULL;
}

/* poppler 22's in-memory streams corrupt memory when opening fails (a
 * protected PDF without its password): bytes are opened from a private
 * temporary copy, whose name is removed at once. */
static PopplerDocument *
open_bytes (GBytes      *pdf,
            const char  *password,
            GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *uri = NULL;
  gsize length;
  const char *bytes = g_bytes_get_data (pdf, &length);
  int fd = g_file_open_tmp ("par-desk-XXXXXX.pdf", &path, error);
  PopplerDocument *document;

  if (fd < 0)
    return NULL;
  close (fd);
  if (!g_file_set_contents_full (path, bytes, length, G_FILE_SET_CONTENTS_NONE, 0600, error)
      || (uri = g_filename_to_uri (path, NULL, error)) == NULL)
    {
      g_unlink (path);
      return NULL;
    }
  document = poppler_document_new_from_file (uri, password, error);
  g_unlink (path);
  return document;
}

/* The worker of an open @document, with the size of every page. */
static ParPdfWorker *
worker_new (GBytes          *pdf,
            GInputStream    *stream,
            PopplerDocument *document)
{
  ParPdfWorker *self = g_object_new (PAR_TYPE_PDF_WORKER, NULL);

  self->pdf = pdf != NULL ? g_bytes_ref (pdf) : NULL;
  self->stream = stream;
  self->document = document;
  self->n_pages = poppler_document_get_n_pages (document);
  self->sizes = g_new0 (double, 2 * MAX (self->n_pages, 1));
  for (int i = 0; i < self->n_pages; i++)
    {
      g_autoptr(ParPopplerPage) page = poppler_document_get_page (document, i);

      if (page != NULL)
        poppler_page_get_size (page, &self->sizes[2 * i], &self->sizes[2 * i + 1]);
      else
        self->sizes[2 * i] = 595, self->sizes[2 * i + 1] = 842;
    }
  /* From here on the document is used only by the pool's one thread. */
  self->pool = g_thread_pool_new (run_job, self, 1, TRUE, NULL);
  g_thread_pool_set_sort_function (self->pool, compare_jobs, NULL);
  return self;
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenData *data = task_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GInputStream) stream = NULL;
  PopplerDocument *document = NULL;

  if (data->pdf == NULL && !open_kept (data, &stream, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (stream != NULL)
    document = poppler_document_new_from_stream (stream,
                                                 par_blob_input_stream_get_size (PAR_BLOB_INPUT_STREAM (stream)),
                                                 NULL, cancellable, &error);
  else
    document = open_bytes (data->pdf, data->password, &error);
  if (document == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, worker_new (data->pdf, g_steal_pointer (&stream), document), g_object_unref);
}

/* Opens @pdf in a worker; a protected PDF needs @password (else the error
 * is POPPLER_ERROR_ENCRYPTED). */
void
par_pdf_worker_open_async (GBytes              *pdf,
                           const char          *password,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  OpenData *data = g_new0 (OpenData, 1);

  data->pdf = g_bytes_ref (pdf);
  data->password = g_strdup (password);
  g_task_set_source_tag (task, par_pdf_worker_open_async);
  g_task_set_task_data (task, data, open_data_free);
  g_task_run_in_thread (task, open_thread);
}

/* Opens a kept document: its bytes are read from the file at @db_path in
 * the worker, with a connection of its own. */
void
par_pdf_worker_open_document_async (const char          *db_path,
                                    gint64               document_id,
                                    const char          *password,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  OpenData *data = g_new0 (OpenData, 1);

  data->db_path = g_strdup (db_path);
  data->document_id = document_id;
  data->password = g_strdup (password);
  g_task_set_source_tag (task, par_pdf_worker_open_async);
  g_task_set_task_data (task, data, open_data_free);
  g_task_run_in_thread (task, open_thread);
}

ParPdfWorker *
par_pdf_worker_open_finish (GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
par_pdf_worker_finalize (GObject *object)
{
  ParPdfWorker *self = PAR_PDF_WORKER (object);

  /* Jobs hold a reference to their task and so to the worker: when this
   * runs, the pool is idle, or it is the pool's own thread dropping the
   * last job's task. Nothing to wait for then, and a pool thread that
   * waited for the pool to stop would wait for itself for ever. */
  if (self->pool != NULL)
    g_thread_pool_free (self->pool, TRUE, FALSE);
  g_clear_object (&self->document);
  g_clear_object (&self->stream);
  g_clear_pointer (&self->pdf, g_bytes_unref);
  g_free (self->sizes);

  G_OBJECT_CLASS (par_pdf_worker_parent_class)->finalize (object);
}

static void
par_pdf_worker_class_init (ParPdfWorkerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = par_pdf_worker_finalize;
}

static void
par_pdf_worker_init (ParPdfWorker *self)
{
}
