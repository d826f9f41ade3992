/* par-desk-crash-driver.c: the workloads of tools/crash-safety.py that the CLI cannot run
 *
 * tools/crash-safety.py kills this program with SIGKILL at random moments
 * and then compares the file with what it printed. A line is printed, and
 * flushed, only once the core has said that what it names is done, so every
 * line is an acknowledgement.
 *
 *   par-desk-crash-driver pdfs DIR SEED KB [KB…]
 *       writes one scan-like PDF (a page of noise and a line of text) of
 *       about KB kilobytes for each KB, as DIR/scan-SEED-I.pdf; prints each
 *       path. Not killed: it makes the files the next command keeps.
 *
 *   par-desk-crash-driver add DB [--chunk N] [--async] [--edits FILE] PDF…
 *       keeps the PDFs N at a time (default 8) with par_evidence_add_files,
 *       the bulk path of the window's "add many", and after each call
 *       prints "kept ID REUSED PATH" or "refused PATH MESSAGE" for each
 *       file, then "chunk K". With --async, as the window does: the file
 *       is open with its log copied in the background, and the files are
 *       kept by par_evidence_add_files_async on a connection of its own.
 *       --edits FILE gives score edits made meanwhile on the first
 *       connection, one tab-separated line each: SET UNIT CODE FIELD VALUE,
 *       FIELD self or appraised (VALUE in thousandths), na (VALUE 1) or note
 *       (VALUE the text); each prints "edit I" once saved, or "edit-failed I
 *       MESSAGE". Ends with "end".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "par-core.h"

/* Says @format on stdout and flushes it: what the harness counts as done. */
static void G_GNUC_PRINTF (1, 2)
say (const char *format,
     ...)
{
  va_list args;

  va_start (args, format);
  vprintf (format, args);
  va_end (args);
  fflush (stdout);
}

/* One line, no tabs: messages go in a tab-separated field. */
static char *
one_line (const char *text)
{
  char *line = g_strdup (text != NULL ? text : "");

  g_strdelimit (line, "\t\r\n", ' ');
  return line;
}

/* A page of noise (a scan does not compress) of about @kb kilobytes and a
 * line of text that makes it findable and tells it apart. */
static void
write_scan (const char *path,
            guint       seed,
            int         index,
            int         kb)
{
  cairo_surface_t *pdf = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (pdf);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed * 7919u + index);
  g_autofree char *number = g_strdup_printf ("Số: %u-%d/QĐ-UBND", seed, index);
  cairo_surface_t *image;
  unsigned char *data;
  int side = 16, stride;

  /* Three bytes a pixel once in the PDF. */
  while ((gint64) side * side * 3 < (gint64) kb * 1024)
    side += 16;
  image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, side, side);
  cairo_surface_flush (image);
  data = cairo_image_surface_get_data (image);
  stride = cairo_image_surface_get_stride (image);
  for (int y = 0; y < side; y++)
    for (int x = 0; x < side; x++)
      ((guint32 *) (data + y * stride))[x] = g_rand_int (rand) & 0xffffff;
  cairo_surface_mark_dirty (image);

  cairo_save (cr);
  cairo_translate (cr, 40, 120);
  cairo_scale (cr, 515.0 / side, 515.0 / side);
  cairo_set_source_surface (cr, image, 0, 0);
  cairo_paint (cr);
  cairo_restore (cr);
  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 11);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_move_to (cr, 60, 60);
  cairo_show_text (cr, number);
  cairo_move_to (cr, 60, 80);
  cairo_show_text (cr, "QUYẾT ĐỊNH Ban hành kế hoạch cải cách hành chính");
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (pdf);
  cairo_surface_destroy (image);
}

static int
make_pdfs (int    argc,
           char **argv)
{
  guint64 seed;

  if (argc < 5 || !g_ascii_string_to_unsigned (argv[3], 10, 0, G_MAXUINT32, &seed, NULL))
    {
      g_printerr ("usage: %s pdfs DIR SEED KB [KB…]\n", argv[0]);
      return 2;
    }
  if (g_mkdir_with_parents (argv[2], 0755) != 0)
    {
      g_printerr ("%s: cannot create %s\n", argv[0], argv[2]);
      return 1;
    }
  for (int i = 4; i < argc; i++)
    {
      g_autofree char *name = g_strdup_printf ("scan-%u-%d.pdf", (guint) seed, i - 4);
      g_autofree char *path = g_build_filename (argv[2], name, NULL);

      write_scan (path, (guint) seed, i - 4, MAX (1, atoi (argv[i])));
      say ("%s\n", path);
    }
  /* The font cairo keeps: a leak checker should see nothing of ours left. */
  cairo_debug_reset_static_data ();
  return 0;
}

/* The score edits of --edits, made one at a time on the first connection. */
typedef struct
{
  ParDatabase *db;
  GPtrArray   *lines;         /* char **: SET UNIT CODE FIELD VALUE */
  guint        next;
  GHashTable  *assessments;   /* "SET\tUNIT" → ParAssessment */
} Edits;

static ParAssessment *
assessment_for (Edits       *edits,
                const char  *set_text,
                const char  *unit_code,
                GError     **error)
{
  g_autofree char *key = g_strdup_printf ("%s\t%s", set_text, unit_code);
  ParAssessment *assessment = g_hash_table_lookup (edits->assessments, key);
  g_autoptr(ParCriteriaSet) set = NULL;
  g_autoptr(ParUnit) unit = NULL;

  if (assessment != NULL)
    return assessment;
  set = par_criteria_set_load (edits->db, g_ascii_strtoll (set_text, NULL, 10), error);
  if (set == NULL)
    return NULL;
  unit = par_directory_find_unit (edits->db, unit_code, error);
  if (unit == NULL)
    return NULL;
  assessment = par_assessment_load (edits->db, set, par_unit_get_id (unit), error);
  if (assessment != NULL)
    g_hash_table_insert (edits->assessments, g_steal_pointer (&key), assessment);
  return assessment;
}

/* Makes the next edit, if any; FALSE when there was none left. */
static gboolean
edit_next (Edits *edits)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) fields = NULL;
  ParAssessment *assessment;
  guint index;
  gboolean ok = FALSE;

  if (edits == NULL || edits->next >= edits->lines->len)
    return FALSE;
  index = edits->next++;
  fields = g_strsplit (g_ptr_array_index (edits->lines, index), "\t", 5);
  if (g_strv_length (fields) != 5)
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "not SET UNIT CODE FIELD VALUE");
  else if ((assessment = assessment_for (edits, fields[0], fields[1], &error)) != NULL)
    {
      ParCriteriaSet *set = par_assessment_get_set (assessment);
      ParCriteriaNode *node = par_criteria_set_find_node (set, fields[2]);
      gboolean self = g_str_equal (fields[3], "self");
      ParScoreKind kind = self ? PAR_SCORE_SELF : PAR_SCORE_APPRAISED;
      gint64 milli = g_ascii_strtoll (fields[4], NULL, 10);

      if (node == NULL)
        g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "no item %s", fields[2]);
      else if (self || g_str_equal (fields[3], "appraised"))
        ok = par_assessment_set_score (assessment, node, kind, FALSE, milli, &error);
      else if (g_str_equal (fields[3], "na"))
        ok = par_assessment_set_not_applicable (assessment, node, TRUE, &error);
      else if (g_str_equal (fields[3], "note"))
        ok = par_assessment_set_explanation (assessment, node, fields[4], &error);
      else
        g_set_error (&error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA, "unknown field %s", fields[3]);
    }
  if (ok)
    say ("edit\t%u\n", index);
  else
    {
      g_autofree char *message = one_line (error != NULL ? error->message : "failed");

      say ("edit-failed\t%u\t%s\n", index, message);
    }
  return TRUE;
}

static Edits *
edits_new (ParDatabase *db,
           const char  *path,
           GError     **error)
{
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  Edits *edits;

  if (!g_file_get_contents (path, &contents, NULL, error))
    return NULL;
  edits = g_new0 (Edits, 1);
  edits->db = db;
  edits->lines = g_ptr_array_new_with_free_func (g_free);
  edits->assessments = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    if (*lines[i] != '\0')
      g_ptr_array_add (edits->lines, g_strdup (lines[i]));
  return edits;
}

static void
edits_free (Edits *edits)
{
  if (edits == NULL)
    return;
  g_ptr_array_unref (edits->lines);
  g_hash_table_unref (edits->assessments);
  g_free (edits);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Edits, edits_free)

static void
say_results (GPtrArray *chunk,
             GPtrArray *results,
             guint      index)
{
  for (guint i = 0; i < results->len; i++)
    {
      ParAddResult *result = g_ptr_array_index (results, i);

      if (result->id != 0)
        say ("kept\t%lld\t%d\t%s\n", (long long) result->id, result->reused ? 1 : 0,
             (char *) g_ptr_array_index (chunk, i));
      else
        {
          g_autofree char *message = one_line (result->error != NULL ? result->error->message : "");

          say ("refused\t%s\t%s\n", (char *) g_ptr_array_index (chunk, i), message);
        }
    }
  say ("chunk\t%u\n", index);
}

/* The files, @chunk_size at a time. */
static GPtrArray *
split_chunks (char **paths,
              int    n_paths,
              int    chunk_size)
{
  GPtrArray *chunks = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);

  for (int i = 0; i < n_paths; i += chunk_size)
    {
      GPtrArray *chunk = g_ptr_array_new_with_free_func (g_free);

      for (int j = i; j < n_paths && j < i + chunk_size; j++)
        g_ptr_array_add (chunk, g_strdup (paths[j]));
      g_ptr_array_add (chunks, chunk);
    }
  return chunks;
}

/* --async: the window's way. */
typedef struct
{
  const char *db_path;
  GPtrArray  *chunks;
  guint       next_chunk;
  Edits      *edits;
  GMainLoop  *loop;
  guint       tick;
  gboolean    failed;
} Window;

static void chunk_added (GObject      *source,
                         GAsyncResult *result,
                         gpointer      user_data);

static void
ignore_progress (guint       done,
                 guint       total,
                 const char *path,
                 gpointer    user_data)
{
}

static void
add_next_chunk (Window *window)
{
  if (window->next_chunk >= window->chunks->len)
    {
      g_main_loop_quit (window->loop);
      return;
    }
  par_evidence_add_files_async (window->db_path,
                                g_ptr_array_index (window->chunks, window->next_chunk), 0,
                                ignore_progress, window, NULL, chunk_added, window);
}

static void
chunk_added (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  Window *window = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) results = par_evidence_add_files_finish (result, &error);

  if (results == NULL)
    {
      g_autofree char *message = one_line (error->message);

      say ("failed\t%u\t%s\n", window->next_chunk, message);
      window->failed = TRUE;
      g_main_loop_quit (window->loop);
      return;
    }
  say_results (g_ptr_array_index (window->chunks, window->next_chunk), results, window->next_chunk);
  window->next_chunk++;
  add_next_chunk (window);
}

static gboolean
edit_tick (gpointer data)
{
  Window *window = data;

  if (edit_next (window->edits))
    return G_SOURCE_CONTINUE;
  window->tick = 0;
  return G_SOURCE_REMOVE;
}

static int
add_pdfs (int    argc,
          char **argv)
{
  int chunk_size = 8;
  gboolean async = FALSE;
  g_autofree char *edits_path = NULL;
  g_autoptr(GOptionContext) options = g_option_context_new ("DB PDF…");
  g_autoptr(GError) error = NULL;
  g_autoptr(ParDatabase) db = NULL;
  g_autoptr(Edits) edits = NULL;
  g_autoptr(GPtrArray) chunks = NULL;
  gboolean failed = FALSE;
  GOptionEntry entries[] = {
    { "chunk", 0, 0, G_OPTION_ARG_INT, &chunk_size, "files per call", "N" },
    { "async", 0, 0, G_OPTION_ARG_NONE, &async, "as the window does", NULL },
    { "edits", 0, 0, G_OPTION_ARG_FILENAME, &edits_path, "score edits made meanwhile", "FILE" },
    { NULL }
  };

  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error) || argc < 3 || chunk_size < 1)
    {
      g_printerr ("usage: par-desk-crash-driver add DB [--chunk N] [--async] [--edits FILE] "
                  "PDF…%s%s\n", error != NULL ? ": " : "", error != NULL ? error->message : "");
      return 2;
    }

  db = par_database_open (argv[1], PAR_DATABASE_OPEN_EXISTING, &error);
  if (db == NULL)
    {
      g_autofree char *message = one_line (error->message);

      say ("failed\topen\t%s\n", message);
      return 1;
    }
  if (edits_path != NULL && (edits = edits_new (db, edits_path, &error)) == NULL)
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }
  say ("open\n");
  chunks = split_chunks (argv + 2, argc - 2, chunk_size);

  if (async)
    {
      g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
      Window window = { argv[1], chunks, 0, edits, loop, 0, FALSE };

      par_database_checkpoint_in_background (db);
      window.tick = g_timeout_add (2, edit_tick, &window);
      add_next_chunk (&window);
      g_main_loop_run (loop);
      /* Edits end with the adds: the harness knows the one in flight. */
      if (window.tick != 0)
        g_source_remove (window.tick);
      failed = window.failed;
    }
  else
    for (guint c = 0; c < chunks->len && !failed; c++)
      {
        GPtrArray *chunk = g_ptr_array_index (chunks, c);
        g_autoptr(GPtrArray) results = NULL;

        results = par_evidence_add_files (db, chunk, 0, NULL, NULL, NULL, &error);
        if (results == NULL)
          {
            g_autofree char *message = one_line (error->message);

            say ("failed\t%u\t%s\n", c, message);
            failed = TRUE;
            break;
          }
        say_results (chunk, results, c);
        edit_next (edits);
      }

  g_clear_object (&db);
  say ("end\n");
  return failed ? 1 : 0;
}

int
main (int    argc,
      char **argv)
{
  par_i18n_init ();
  if (argc >= 2 && g_str_equal (argv[1], "pdfs"))
    return make_pdfs (argc, argv);
  if (argc >= 2 && g_str_equal (argv[1], "add"))
    return add_pdfs (argc - 1, argv + 1);
  g_printerr ("usage: %s pdfs DIR SEED KB [KB…]\n"
              "       %s add DB [--chunk N] [--async] [--edits FILE] PDF…\n",
              argv[0], argv[0]);
  return 2;
}
