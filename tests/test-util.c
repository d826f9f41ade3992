/* test-util.c: helpers shared by the test programs
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <sqlite3.h>

#include "test-util.h"

char *
test_make_temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("par-desk-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

/* Removes @dir and everything in it, however a test left it. */
void
test_remove_dir (const char *dir)
{
  const char *argv[] = { "rm", "-rf", "--", dir, NULL };
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (dir);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
}

char *
test_file_checksum (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

/* The first column of the first row of @sql, read with a plain
 * connection of its own. */
int
test_sqlite_int (const char *path,
                 const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  /* The application's own connections (a worker's, say) may hold the
   * file a moment: wait as they do, rather than fail with SQLITE_BUSY. */
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return value;
}

void
test_sqlite_exec (const char *path,
                  const char *sql)
{
  sqlite3 *db = NULL;
  char *message = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
  sqlite3_close (db);
}

char *
test_read_fixture (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* Switches the UI language of the running test (as LANGUAGE does at start).
 * GLib decides once, at the first translated string, whether to translate
 * at all, and in the C.UTF-8 locale of the tests it decides "no" if that
 * first string is looked up in English; so the first lookup is made in
 * Vietnamese. */
void
test_set_language (const char *language)
{
  static gsize primed = 0;

  if (g_once_init_enter (&primed))
    {
      g_setenv ("LANGUAGE", "vi", TRUE);
      setlocale (LC_ALL, "");
      g_dgettext (GETTEXT_PACKAGE, "");
      g_once_init_leave (&primed, 1);
    }
  g_setenv ("LANGUAGE", language, TRUE);
  setlocale (LC_ALL, "");
}

/* @source turned by qpdf, with @options, into @output (its path, to free);
 * NULL, with the test marked skipped, where qpdf is not installed. */
char *
test_qpdf (const char *source,
           const char *options,
           const char *output)
{
  g_autofree char *qpdf = g_find_program_in_path ("qpdf");
  g_autofree char *command = NULL;

  if (qpdf == NULL)
    {
      g_test_skip ("qpdf is not installed");
      return NULL;
    }
  command = g_strdup_printf ("%s %s '%s' '%s'", qpdf, options, source, output);
  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
  return g_strdup (output);
}

/* @dir/@name, a PDF of @n_pages A4 pages; page 1 reads like a decision of a
 * provincial People's Committee, the others say "Trang N". */
char *
test_make_pdf (const char *dir,
               const char *name,
               int         n_pages)
{
  char *path = g_build_filename (dir, name, NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);
  static const struct { double x, y; const char *text; } header[] = {
    { 60, 60, "ỦY BAN NHÂN DÂN" }, { 320, 60, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" },
    { 60, 76, "TỈNH PHÚ YÊN" }, { 340, 76, "Độc lập - Tự do - Hạnh phúc" },
    { 60, 104, "Số: 1242/QĐ-UBND" }, { 320, 104, "Phú Yên, ngày 14 tháng 9 năm 2021" },
    { 250, 150, "QUYẾT ĐỊNH" }, { 90, 170, "Ban hành Quy chế phối hợp tham mưu công tác cải cách hành chính" },
  };

  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 11);
  for (int i = 0; i < n_pages; i++)
    {
      if (i == 0)
        for (gsize l = 0; l < G_N_ELEMENTS (header); l++)
          {
            cairo_move_to (cr, header[l].x, header[l].y);
            cairo_show_text (cr, header[l].text);
          }
      else
        {
          g_autofree char *text = g_strdup_printf ("Trang %d: Điều %d. Tổ chức thực hiện kế hoạch.", i + 1, i);

          cairo_move_to (cr, 60, 100);
          cairo_show_text (cr, text);
        }
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return path;
}

/* A one-page PDF of at least @min_bytes: a scan-like page whose image is
 * noise, which no compression makes smaller. */
char *
test_make_large_pdf (const char *dir,
                     const char *name,
                     gsize       min_bytes)
{
  char *path = g_build_filename (dir, name, NULL);
  int side = 16;
  cairo_surface_t *image;
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  unsigned char *data;
  int stride;
  GStatBuf st;

  while ((gsize) side * side * 3 < min_bytes + 4096)   /* 3 bytes a pixel once in the PDF */
    side += 16;
  image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, side, side);
  cairo_surface_flush (image);
  data = cairo_image_surface_get_data (image);
  stride = cairo_image_surface_get_stride (image);
  for (int y = 0; y < side; y++)
    for (int x = 0; x < side; x++)
      ((guint32 *) (data + y * stride))[x] = g_rand_int (rand) & 0xffffff;
  cairo_surface_mark_dirty (image);

  cr = cairo_create (surface);
  cairo_scale (cr, 595.0 / side, 595.0 / side);
  cairo_set_source_surface (cr, image, 0, 0);
  cairo_paint (cr);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  cairo_surface_destroy (image);

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_size, >=, (gint64) min_bytes);
  return path;
}

/* A one-page PDF that poppler takes seconds to read the text of: @n_glyphs
 * letters scattered over the page, each in its own text object (40,000
 * take about four seconds here), as a crafted document can be. */
char *
test_make_slow_pdf (const char *dir,
                    const char *name,
                    guint       n_glyphs)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GString) content = g_string_new (NULL);
  g_autoptr(GString) pdf = g_string_new ("%PDF-1.4\n");
  g_autoptr(GRand) rand = g_rand_new_with_seed (1);
  g_autoptr(GError) error = NULL;
  gsize offsets[5];
  gsize xref;

  for (guint i = 0; i < n_glyphs; i++)
    g_string_append_printf (content, "BT /F1 %d Tf %d %d Td (%c) Tj ET\n", g_rand_int_range (rand, 1, 12),
                            g_rand_int_range (rand, 0, 600), g_rand_int_range (rand, 0, 800),
                            'a' + g_rand_int_range (rand, 0, 26));
  offsets[0] = pdf->len;
  g_string_append (pdf, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
  offsets[1] = pdf->len;
  g_string_append (pdf, "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
  offsets[2] = pdf->len;
  g_string_append (pdf, "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
                        " /Resources << /Font << /F1 5 0 R >> >> >>\nendobj\n");
  offsets[3] = pdf->len;
  g_string_append_printf (pdf, "4 0 obj\n<< /Length %" G_GSIZE_FORMAT " >>\nstream\n%s\nendstream\nendobj\n",
                          content->len, content->str);
  offsets[4] = pdf->len;
  g_string_append (pdf, "5 0 obj\n<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>\nendobj\n");
  xref = pdf->len;
  g_string_append (pdf, "xref\n0 6\n0000000000 65535 f \n");
  for (guint i = 0; i < G_N_ELEMENTS (offsets); i++)
    g_string_append_printf (pdf, "%010" G_GSIZE_FORMAT " 00000 n \n", offsets[i]);
  g_string_append_printf (pdf, "trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n", xref);
  g_file_set_contents (path, pdf->str, pdf->len, &error);
  g_assert_no_error (error);
  return path;
}

/* @dir/@name, a PDF of @n_pages pages that are slow to draw and quick to
 * read: each shows the same @n_shapes small overlapping triangles, from one
 * content stream, and no text. */
char *
test_make_slow_to_draw_pdf (const char *dir,
                            const char *name,
                            guint       n_pages,
                            guint       n_shapes)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GString) content = g_string_new (NULL);
  g_autoptr(GString) pdf = g_string_new ("%PDF-1.4\n");
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GRand) rand = g_rand_new_with_seed (2);
  g_autoptr(GError) error = NULL;
  gsize offset, xref;

  for (guint i = 0; i < n_shapes; i++)
    {
      int x = g_rand_int_range (rand, 0, 580), y = g_rand_int_range (rand, 0, 780);

      g_string_append_printf (content, "0.%d 0.%d 0.%d rg %d %d m %d %d l %d %d l f\n",
                              g_rand_int_range (rand, 0, 10), g_rand_int_range (rand, 0, 10),
                              g_rand_int_range (rand, 0, 10), x, y, x + 30, y + 3, x + 7, y + 25);
    }
  offset = pdf->len;
  g_array_append_val (offsets, offset);
  g_string_append (pdf, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
  offset = pdf->len;
  g_array_append_val (offsets, offset);
  g_string_append_printf (pdf, "2 0 obj\n<< /Type /Pages /Count %u /Kids [", n_pages);
  for (guint i = 0; i < n_pages; i++)
    g_string_append_printf (pdf, " %u 0 R", i + 4);
  g_string_append (pdf, " ] >>\nendobj\n");
  offset = pdf->len;
  g_array_append_val (offsets, offset);
  g_string_append_printf (pdf, "3 0 obj\n<< /Length %" G_GSIZE_FORMAT " >>\nstream\n%s\nendstream\nendobj\n",
                          content->len, content->str);
  for (guint i = 0; i < n_pages; i++)
    {
      offset = pdf->len;
      g_array_append_val (offsets, offset);
      g_string_append_printf (pdf, "%u 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792]"
                              " /Contents 3 0 R >>\nendobj\n", i + 4);
    }
  xref = pdf->len;
  g_string_append_printf (pdf, "xref\n0 %u\n0000000000 65535 f \n", offsets->len + 1);
  for (guint i = 0; i < offsets->len; i++)
    g_string_append_printf (pdf, "%010" G_GSIZE_FORMAT " 00000 n \n", g_array_index (offsets, gsize, i));
  g_string_append_printf (pdf, "trailer\n<< /Size %u /Root 1 0 R >>\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n",
                          offsets->len + 1, xref);
  g_file_set_contents (path, pdf->str, pdf->len, &error);
  g_assert_no_error (error);
  return path;
}

struct _TestFileHolder
{
  char    *path;
  char    *sql;
  guint    hold_ms;
  GMutex   lock;
  GCond    cond;
  gboolean held;
  gboolean release;
  GThread *thread;
};

static gpointer
hold_file (gpointer data)
{
  TestFileHolder *h = data;
  sqlite3 *other = NULL;
  gint64 end = g_get_monotonic_time () + (gint64) h->hold_ms * 1000;

  g_assert_cmpint (sqlite3_open (h->path, &other), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (other, h->sql, NULL, NULL, NULL), ==, SQLITE_OK);
  g_mutex_lock (&h->lock);
  h->held = TRUE;
  g_cond_broadcast (&h->cond);
  while (!h->release)
    if (h->hold_ms == 0)
      g_cond_wait (&h->cond, &h->lock);
    else if (!g_cond_wait_until (&h->cond, &h->lock, end))
      break;
  g_mutex_unlock (&h->lock);
  sqlite3_exec (other, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (other);
  return NULL;
}

/* Another program's transaction on @path (@sql, such as "BEGIN IMMEDIATE"),
 * held by a thread of its own until test_release_file(), or for @hold_ms
 * if it is not 0. Returns once the file is held. */
TestFileHolder *
test_hold_file (const char *path,
                const char *sql,
                guint       hold_ms)
{
  TestFileHolder *h = g_new0 (TestFileHolder, 1);

  h->path = g_strdup (path);
  h->sql = g_strdup (sql);
  h->hold_ms = hold_ms;
  g_mutex_init (&h->lock);
  g_cond_init (&h->cond);
  h->thread = g_thread_new ("other-program", hold_file, h);
  g_mutex_lock (&h->lock);
  while (!h->held)
    g_cond_wait (&h->cond, &h->lock);
  g_mutex_unlock (&h->lock);
  return h;
}

/* Ends the other program's transaction (if it still holds the file). */
void
test_release_file (TestFileHolder *h)
{
  g_mutex_lock (&h->lock);
  h->release = TRUE;
  g_cond_broadcast (&h->cond);
  g_mutex_unlock (&h->lock);
  g_thread_join (h->thread);
  g_mutex_clear (&h->lock);
  g_cond_clear (&h->cond);
  g_free (h->path);
  g_free (h->sql);
  g_free (h);
}

