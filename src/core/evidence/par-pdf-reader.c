/* par-pdf-reader.c: what poppler reads of a PDF, in a process of its own, within a time budget
 *
 * A received PDF can make poppler's text extraction run for minutes (a
 * 408 KB content stream took 35 s), and poppler cannot be interrupted. So
 * the pages, properties, text and first-page picture of a document to be
 * kept are read by par-desk-pdf-reader, a process that can be stopped: a
 * document that takes longer than its budget is kept all the same, with
 * what was read in time and its text marked as not read, and the rest of a
 * batch goes on. One reader serves a whole batch, so that poppler's start
 * is paid once, not per file.
 *
 * The two sides speak through pipes: the path of each document, ended by
 * a NUL, one way; records the other way, each a little-endian length and
 * a serialised GVariant "(sv)": ("meta", (pages, title, author, producer,
 * created)), ("details", (issuer, number, place, date, type, abstract)),
 * ("page", (index, text)), ("preview", png bytes) and, last, ("end",
 * (status, message)). Nothing the reader sends is trusted: it read a file
 * that may come from anyone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <gio/gunixinputstream.h>
#include <gio/gunixoutputstream.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <cairo.h>
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

#include "par-database.h"
#include "par-pdf-reader.h"
#include "par-poppler-private.h"

enum {
  STATUS_READ,
  STATUS_ENCRYPTED,
  STATUS_DAMAGED,
  STATUS_NO_PAGES,
};

/* Bounds on what the reader may send. */
#define MAX_PAGES 100000
#define MAX_RECORD_BYTES ((gsize) 64 * 1024 * 1024)
#define MAX_DOCUMENT_BYTES ((gsize) 512 * 1024 * 1024)
/* The reader's memory: a document that wants more is not read. */
#define READER_MEMORY_BYTES ((rlim_t) 3 * 1024 * 1024 * 1024)

/* AddressSanitizer reserves terabytes of address space for its shadow
 * memory: a sanitized reader (make check-sanitize) cannot start under the
 * limit, and is left without it. */
#if defined(__SANITIZE_ADDRESS__)
# define READER_LIMITS_MEMORY 0
#elif defined(__has_feature)
# if __has_feature(address_sanitizer)
#  define READER_LIMITS_MEMORY 0
# endif
#endif
#ifndef READER_LIMITS_MEMORY
# define READER_LIMITS_MEMORY 1
#endif

void
par_pdf_reading_clear (ParPdfReading *r)
{
  g_clear_pointer (&r->title, g_free);
  g_clear_pointer (&r->author, g_free);
  g_clear_pointer (&r->producer, g_free);
  g_clear_pointer (&r->created, g_free);
  g_clear_pointer (&r->details, par_document_details_free);
  g_clear_pointer (&r->page_texts, g_ptr_array_unref);
  g_clear_pointer (&r->preview, g_byte_array_unref);
}

/* The reader's side --------------------------------------------------------- */

typedef void (*EmitFunc) (const char *kind,
                          GVariant   *value,
                          gpointer    user_data);

static cairo_status_t
append_png (void                *closure,
            const unsigned char *data,
            unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

/* Page 1 at 72 dpi as PNG. Opening a long document takes a while; its
 * first page is then shown from this at once. */
static GByteArray *
render_preview (PopplerPage *page)
{
  double width, height;
  cairo_surface_t *surface;
  cairo_t *cr;
  GByteArray *png = g_byte_array_new ();

  poppler_page_get_size (page, &width, &height);
  surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, CLAMP ((int) width, 1, 5000), CLAMP ((int) height, 1, 5000));
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  poppler_page_render (page, cr);
  cairo_destroy (cr);
  if (cairo_surface_write_to_png_stream (surface, append_png, png) != CAIRO_STATUS_SUCCESS)
    g_clear_pointer (&png, g_byte_array_unref);
  cairo_surface_destroy (surface);
  return png;
}

static const char *
or_empty (const char *text)
{
  return text != NULL && g_utf8_validate (text, -1, NULL) ? text : "";
}

/* Reads @path with poppler here, handing each record to @emit as it is
 * ready; returns the status the "end" record carries. */
static int
read_here (const char  *path,
           EmitFunc     emit,
           gpointer     user_data,
           char       **message)
{
  g_autoptr(ParPopplerDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *absolute = g_canonicalize_filename (path, NULL);
  g_autofree char *uri = g_filename_to_uri (absolute, NULL, &error);
  g_autofree char *title = NULL, *author = NULL, *producer = NULL, *created = NULL;
  g_autoptr(GDateTime) created_time = NULL;
  GStatBuf st;
  int pages;

  par_poppler_keep_ready ();
  /* From the file, not bytes: poppler 22's in-memory streams corrupt
   * memory when opening fails (as it does for every protected PDF). */
  if (uri != NULL)
    document = poppler_document_new_from_file (uri, NULL, &error);
  if (document == NULL)
    {
      if (g_error_matches (error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        return STATUS_ENCRYPTED;
      *message = g_strdup (error != NULL ? error->message : "");
      return STATUS_DAMAGED;
    }
  pages = poppler_document_get_n_pages (document);
  if (pages <= 0 || pages > MAX_PAGES)
    return STATUS_NO_PAGES;

  title = poppler_document_get_title (document);
  author = poppler_document_get_author (document);
  producer = poppler_document_get_producer (document);
  created_time = poppler_document_get_creation_date_time (document);
  created = created_time != NULL ? g_date_time_format_iso8601 (created_time) : NULL;
  emit ("meta", g_variant_new ("(issss)", pages, or_empty (title), or_empty (author), or_empty (producer),
                               or_empty (created)),
        user_data);

  for (int i = 0; i < pages; i++)
    {
      g_autoptr(ParPopplerPage) page = poppler_document_get_page (document, i);
      g_autofree char *text = page != NULL ? poppler_page_get_text (page) : NULL;
      g_autofree char *nfc = text != NULL ? g_utf8_normalize (text, -1, G_NORMALIZE_NFC) : NULL;

      if (i == 0)
        {
          g_autoptr(ParDocumentDetails) d = par_document_details_new_from_page (page);

          emit ("details", g_variant_new ("(ssssss)", d->issuer, d->number, d->place, d->date, d->doc_type,
                                          d->abstract),
                user_data);
        }
      emit ("page", g_variant_new ("(is)", i, nfc != NULL ? nfc : ""), user_data);
    }

  if (g_stat (path, &st) == 0 && (st.st_size > PAR_PDF_PREVIEW_MIN_BYTES || pages > PAR_PDF_PREVIEW_MIN_PAGES))
    {
      g_autoptr(ParPopplerPage) page = poppler_document_get_page (document, 0);
      g_autoptr(GByteArray) png = page != NULL ? render_preview (page) : NULL;

      if (png != NULL)
        emit ("preview", g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, png->data, png->len, 1), user_data);
    }
  return STATUS_READ;
}

static gboolean
write_all (int           fd,
           const guint8 *data,
           gsize         length)
{
  while (length > 0)
    {
      ssize_t n = write (fd, data, length);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        return FALSE;
      data += n;
      length -= n;
    }
  return TRUE;
}

static void
write_record (const char *kind,
              GVariant   *value,
              gpointer    user_data)
{
  int fd = GPOINTER_TO_INT (user_data);
  g_autoptr(GVariant) record = g_variant_ref_sink (g_variant_new ("(sv)", kind, value));
  guint32 length = GUINT32_TO_LE ((guint32) g_variant_get_size (record));

  /* A reader whose reader has gone away has nothing left to do. */
  if (!write_all (fd, (const guint8 *) &length, sizeof length)
      || !write_all (fd, g_variant_get_data (record), g_variant_get_size (record)))
    _exit (0);
}

/**
 * par_pdf_reader_serve:
 * @in_fd: where the paths come from, each ended by a NUL
 * @out_fd: where the records go
 *
 * The loop of par-desk-pdf-reader: reads each document named on @in_fd
 * and writes its records to @out_fd, until @in_fd ends. Returns the exit
 * status.
 */
int
par_pdf_reader_serve (int in_fd,
                      int out_fd)
{
  g_autoptr(GByteArray) path = g_byte_array_new ();
  guint8 buffer[4096];
  ssize_t n;

  while ((n = read (in_fd, buffer, sizeof buffer)) != 0)
    {
      if (n < 0)
        {
          if (errno == EINTR)
            continue;
          return 1;
        }
      for (ssize_t i = 0; i < n; i++)
        {
          g_autofree char *message = NULL;
          int status;

          if (buffer[i] != '\0')
            {
              g_byte_array_append (path, &buffer[i], 1);
              continue;
            }
          g_byte_array_append (path, (const guint8 *) "", 1);
          status = read_here ((const char *) path->data, write_record, GINT_TO_POINTER (out_fd), &message);
          write_record ("end", g_variant_new ("(is)", status, or_empty (message)), GINT_TO_POINTER (out_fd));
          g_byte_array_set_size (path, 0);
        }
    }
  return 0;
}

/* The caller's side ----------------------------------------------------------- */

struct _ParPdfReader
{
  char        *program;     /* NULL: read in this process, without a budget */
  guint        budget_ms;
  GSubprocess *process;
  int          in_fd;       /* the reader's stdin */
  int          out_fd;      /* its stdout */
  GByteArray  *received;
};

/* $PAR_DESK_PDF_READER, else the installed reader, else the build tree's
 * (when running uninstalled, as `make run` and the tests do). */
static char *
find_program (void)
{
  const char *env = g_getenv ("PAR_DESK_PDF_READER");
  const char *candidates[] = { LIBEXECDIR "/par-desk-pdf-reader", BUILD_PDF_READER };

  if (env != NULL && *env != '\0')
    return g_strdup (env);
  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    if (g_file_test (candidates[i], G_FILE_TEST_IS_EXECUTABLE))
      return g_strdup (candidates[i]);
  return NULL;
}

ParPdfReader *
par_pdf_reader_new (void)
{
  ParPdfReader *reader = g_new0 (ParPdfReader, 1);
  const char *budget = g_getenv ("PAR_DESK_PDF_BUDGET_MS");

  reader->program = find_program ();
  reader->budget_ms = budget != NULL && *budget != '\0' ? (guint) g_ascii_strtoull (budget, NULL, 10)
                                                         : PAR_PDF_READER_DEFAULT_BUDGET_MS;
  reader->in_fd = reader->out_fd = -1;
  reader->received = g_byte_array_new ();
  /* A reader that ended must not end this process when it is written to. */
  signal (SIGPIPE, SIG_IGN);
  if (reader->program == NULL)
    g_warning ("par-desk-pdf-reader was not found: documents are read without a time budget");
  return reader;
}

static void
stop_process (ParPdfReader *reader)
{
  if (reader->process != NULL)
    {
      g_subprocess_force_exit (reader->process);
      g_subprocess_wait (reader->process, NULL, NULL);
    }
  g_clear_object (&reader->process);
  reader->in_fd = reader->out_fd = -1;
  g_byte_array_set_size (reader->received, 0);
}

void
par_pdf_reader_free (ParPdfReader *reader)
{
  if (reader == NULL)
    return;
  stop_process (reader);
  g_byte_array_unref (reader->received);
  g_free (reader->program);
  g_free (reader);
}

/* In the reader, before it runs: a bounded, patient process. */
static void
limit_reader (gpointer data)
{
  struct rlimit memory = { READER_MEMORY_BYTES, READER_MEMORY_BYTES };

  if (READER_LIMITS_MEMORY)
    setrlimit (RLIMIT_AS, &memory);
  setpriority (PRIO_PROCESS, 0, 10);
}

static gboolean
start_process (ParPdfReader  *reader,
               GError       **error)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                        | G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_subprocess_launcher_set_child_setup (launcher, limit_reader, NULL, NULL);
  reader->process = g_subprocess_launcher_spawn (launcher, error, reader->program, NULL);
  if (reader->process == NULL)
    return FALSE;
  reader->in_fd = g_unix_output_stream_get_fd (G_UNIX_OUTPUT_STREAM (g_subprocess_get_stdin_pipe (reader->process)));
  reader->out_fd = g_unix_input_stream_get_fd (G_UNIX_INPUT_STREAM (g_subprocess_get_stdout_pipe (reader->process)));
  return TRUE;
}

typedef struct
{
  ParPdfReading *reading;
  gboolean       has_meta;
  int            status;
  char          *message;
  gboolean       ended;
  gboolean       bad;      /* the reader sent what a reader may not */
} Applying;

/* Takes one record into the reading, checking it as input from anyone. */
static void
apply_record (const char *kind,
              GVariant   *value,
              gpointer    user_data)
{
  Applying *a = user_data;
  ParPdfReading *r = a->reading;

  if (g_str_equal (kind, "meta") && !a->has_meta && g_variant_is_of_type (value, G_VARIANT_TYPE ("(issss)")))
    {
      g_variant_get (value, "(issss)", &r->pages, &r->title, &r->author, &r->producer, &r->created);
      a->has_meta = r->pages > 0 && r->pages <= MAX_PAGES;
      a->bad = !a->has_meta;
    }
  else if (g_str_equal (kind, "details") && a->has_meta && g_variant_is_of_type (value, G_VARIANT_TYPE ("(ssssss)")))
    {
      g_clear_pointer (&r->details, par_document_details_free);
      r->details = g_new0 (ParDocumentDetails, 1);
      g_variant_get (value, "(ssssss)", &r->details->issuer, &r->details->number, &r->details->place,
                     &r->details->date, &r->details->doc_type, &r->details->abstract);
    }
  else if (g_str_equal (kind, "page") && a->has_meta && g_variant_is_of_type (value, G_VARIANT_TYPE ("(is)")))
    {
      int index;
      char *text;

      g_variant_get (value, "(is)", &index, &text);
      if (index == (int) r->page_texts->len && index < r->pages)
        g_ptr_array_add (r->page_texts, text);
      else
        {
          g_free (text);
          a->bad = TRUE;
        }
    }
  else if (g_str_equal (kind, "preview") && a->has_meta && g_variant_is_of_type (value, G_VARIANT_TYPE ("ay")))
    {
      gsize length;
      const guint8 *png = g_variant_get_fixed_array (value, &length, 1);

      g_clear_pointer (&r->preview, g_byte_array_unref);
      r->preview = g_byte_array_sized_new (length);
      g_byte_array_append (r->preview, png, length);
    }
  else if (g_str_equal (kind, "end") && g_variant_is_of_type (value, G_VARIANT_TYPE ("(is)")))
    {
      g_variant_get (value, "(is)", &a->status, &a->message);
      a->ended = TRUE;
    }
  else
    a->bad = TRUE;
}

/* Takes the whole records out of what was received so far. */
static void
apply_received (ParPdfReader *reader,
                Applying     *a)
{
  gsize offset = 0;

  while (!a->ended && !a->bad && reader->received->len - offset >= sizeof (guint32))
    {
      guint32 length;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GVariant) record = NULL;
      g_autoptr(GVariant) normal = NULL;
      g_autoptr(GVariant) value = NULL;
      const char *kind;

      memcpy (&length, reader->received->data + offset, sizeof length);
      length = GUINT32_FROM_LE (length);
      if (length > MAX_RECORD_BYTES)
        {
          a->bad = TRUE;
          break;
        }
      if (reader->received->len - offset - sizeof length < length)
        break;
      bytes = g_bytes_new (reader->received->data + offset + sizeof length, length);
      record = g_variant_ref_sink (g_variant_new_from_bytes (G_VARIANT_TYPE ("(sv)"), bytes, FALSE));
      /* not trusted: its normal form is what it may say */
      normal = g_variant_get_normal_form (record);
      g_variant_get (normal, "(&sv)", &kind, &value);
      apply_record (kind, value, a);
      offset += sizeof length + length;
    }
  g_byte_array_remove_range (reader->received, 0, offset);
}

static void
apply_here (const char *kind,
            GVariant   *value,
            gpointer    user_data)
{
  g_autoptr(GVariant) sunk = g_variant_ref_sink (value);

  apply_record (kind, sunk, user_data);
}

/* Sends @path to the reader and takes its records until the end record,
 * the budget or the reader's end. */
static void
read_through_process (ParPdfReader *reader,
                      const char   *path,
                      Applying     *a)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) reader->budget_ms * 1000;
  gsize total = 0;

  for (int attempt = 0; reader->process == NULL || attempt == 0; attempt++)
    {
      g_autoptr(GError) error = NULL;

      if (reader->process == NULL && !start_process (reader, &error))
        {
          g_warning ("par-desk-pdf-reader could not start (%s): reading in this process", error->message);
          g_clear_pointer (&reader->program, g_free);
          a->status = read_here (path, apply_here, a, &a->message);
          a->ended = TRUE;
          return;
        }
      if (write_all (reader->in_fd, (const guint8 *) path, strlen (path) + 1))
        break;
      /* the reader of a previous document ended: another one */
      stop_process (reader);
      if (attempt > 0)
        return;
    }

  while (!a->ended && !a->bad)
    {
      struct pollfd fds = { reader->out_fd, POLLIN, 0 };
      gint64 left = (deadline - g_get_monotonic_time ()) / 1000;
      guint8 buffer[65536];
      ssize_t n;
      int ready;

      if (left <= 0)
        break;
      ready = poll (&fds, 1, (int) MIN (left, G_MAXINT));
      if (ready < 0 && errno == EINTR)
        continue;
      if (ready <= 0)
        break;
      n = read (reader->out_fd, buffer, sizeof buffer);
      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        break;   /* the reader ended: it crashed on this document */
      total += n;
      g_byte_array_append (reader->received, buffer, n);
      apply_received (reader, a);
      if (total > MAX_DOCUMENT_BYTES)
        a->bad = TRUE;
    }
  /* Out of time, crashed or talking nonsense: a new reader for the next. */
  if (!a->ended)
    stop_process (reader);
}

/**
 * par_pdf_reader_read:
 * @reader: a reader
 * @path: the PDF
 * @name: its name, for messages
 * @reading: (out caller-allocates): what was read
 * @error: return location for a #GError
 *
 * Reads @path within the reader's budget. A document that runs past it
 * (or that crashes the reader) is not refused: @reading holds what was
 * read in time, with text_read FALSE. FALSE, with @error, for a file that
 * is not a PDF poppler can open, or has no pages.
 */
gboolean
par_pdf_reader_read (ParPdfReader   *reader,
                     const char     *path,
                     const char     *name,
                     ParPdfReading  *reading,
                     GError        **error)
{
  Applying a = { reading };
  g_autofree char *message = NULL;

  g_return_val_if_fail (reader != NULL, FALSE);
  g_return_val_if_fail (path != NULL && reading != NULL, FALSE);

  memset (reading, 0, sizeof *reading);
  reading->page_texts = g_ptr_array_new_with_free_func (g_free);
  if (reader->program == NULL)
    {
      a.status = read_here (path, apply_here, &a, &message);
      a.ended = TRUE;
    }
  else
    read_through_process (reader, path, &a);
  if (a.message != NULL && message == NULL)
    message = g_steal_pointer (&a.message);
  g_clear_pointer (&a.message, g_free);

  if (a.ended && a.status == STATUS_ENCRYPTED)
    {
      /* Kept as it is; the viewer asks for the password. */
      par_pdf_reading_clear (reading);
      reading->page_texts = g_ptr_array_new_with_free_func (g_free);
      reading->encrypted = TRUE;
      reading->details = par_document_details_new_from_text ("");
      return TRUE;
    }
  if (a.ended && a.status == STATUS_DAMAGED)
    {
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID,
                   _("“%s” is damaged and cannot be read as a PDF (%s). Ask for a new copy of the document."), name,
                   message != NULL ? message : "");
      par_pdf_reading_clear (reading);
      return FALSE;
    }
  if (a.ended && a.status == STATUS_NO_PAGES)
    {
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID, _("“%s” has no pages."), name);
      par_pdf_reading_clear (reading);
      return FALSE;
    }
  reading->text_read = a.ended && a.status == STATUS_READ && !a.bad && a.has_meta
                       && (int) reading->page_texts->len == reading->pages;
  if (!reading->text_read)
    g_ptr_array_set_size (reading->page_texts, 0);
  if (reading->details == NULL)
    reading->details = par_document_details_new_from_text ("");
  if (!a.has_meta)
    reading->pages = 0;
  return TRUE;
}
