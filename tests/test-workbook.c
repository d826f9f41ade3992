/* test-workbook.c: workbooks written right whatever the locale
 *
 * Run by make check under C.UTF-8 and under vi_VN.UTF-8; the machine locale
 * test needs a locale with a decimal comma and looks for vi_VN.UTF-8 itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <locale.h>
#include <stdio.h>

#include "par-core.h"
#include "test-util.h"

static void
assert_shortest (const char *text,
                 const char *expected)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_assert_true (par_workbook_shortest_number (text, strlen (text), buffer, sizeof buffer));
  g_assert_cmpstr (buffer, ==, expected);
}

static void
assert_not_a_number (const char *text)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_assert_false (par_workbook_shortest_number (text, strlen (text), buffer, sizeof buffer));
}

static void
test_shortest_number (void)
{
  /* what libxlsxwriter's "%.16G" writes, and what it stands for */
  assert_shortest ("79.63500000000001", "79.635");
  assert_shortest ("8.675000000000001", "8.675");
  assert_shortest ("0.9330000000000001", "0.933");
  assert_shortest ("0.9330000000000002", "0.9330000000000002");  /* another double: kept */
  assert_shortest ("0.933", "0.933");
  assert_shortest ("0.5000000000000000", "0.5");
  assert_shortest ("12", "12");
  assert_shortest ("-2.5", "-2.5");
  assert_shortest ("46357", "46357");
  assert_shortest ("100", "100");
  assert_shortest ("100.0000000000000", "100");
  assert_shortest ("46357", "46357");
  assert_shortest ("1E+20", "1e+20");
  assert_shortest ("0.00001", "0.00001");
  assert_shortest ("0.1", "0.1");
  /* a decimal comma, or anything else, is refused: the file would be damaged */
  assert_not_a_number ("12,5");
  assert_not_a_number ("");
  assert_not_a_number ("inf");
  assert_not_a_number ("nan");
  assert_not_a_number ("0x10");
  assert_not_a_number (" 1");
  assert_not_a_number ("1.5.5");
}

static void
test_clean_text (void)
{
  gboolean cut = TRUE;
  g_autofree char *plain = par_workbook_clean_text ("Sở Nội vụ\tline\r\nnext", &cut);
  g_autofree char *odd = par_workbook_clean_text ("a\x01" "b\v" "c\f" "d\xef\xbf\xbe" "e\xef\xbf\xbf" "f", NULL);
  g_autofree char *invalid = par_workbook_clean_text ("ok \xff\xfe bytes", NULL);
  g_autofree char *empty = par_workbook_clean_text (NULL, NULL);

  g_assert_cmpstr (plain, ==, "Sở Nội vụ\tline\r\nnext");
  g_assert_false (cut);
  /* Word's line break (U+000B) and a form feed become line breaks; what XML forbids becomes U+FFFD */
  g_assert_cmpstr (odd, ==, "a\xef\xbf\xbd" "b\n" "c\n" "d\xef\xbf\xbd" "e\xef\xbf\xbd" "f");
  g_assert_true (g_utf8_validate (invalid, -1, NULL));
  g_assert_true (g_str_has_prefix (invalid, "ok ") && g_str_has_suffix (invalid, " bytes"));
  g_assert_cmpstr (empty, ==, "");
}

/* UTF-16 units, as Excel counts them. */
static glong
utf16_length (const char *text)
{
  glong units = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    units += g_utf8_get_char (p) >= 0x10000 ? 2 : 1;
  return units;
}

static void
test_cut_to_a_cell (void)
{
  const char *marker = _("…(continues in PAR Desk)");
  g_autoptr(GString) fits = g_string_new (NULL);
  g_autoptr(GString) longer = g_string_new (NULL);
  g_autoptr(GString) wide = g_string_new (NULL);
  g_autofree char *kept = NULL;
  g_autofree char *cut_text = NULL;
  g_autofree char *wide_text = NULL;
  gboolean cut;

  for (int i = 0; i < PAR_WORKBOOK_MAX_CELL_TEXT; i++)
    g_string_append (fits, "ệ");
  kept = par_workbook_clean_text (fits->str, &cut);
  g_assert_false (cut);
  g_assert_cmpstr (kept, ==, fits->str);

  g_string_append (longer, fits->str);
  g_string_append (longer, "x");
  cut_text = par_workbook_clean_text (longer->str, &cut);
  g_assert_true (cut);
  g_assert_true (g_str_has_suffix (cut_text, marker));
  g_assert_cmpint (utf16_length (cut_text), ==, PAR_WORKBOOK_MAX_CELL_TEXT);
  g_assert_true (strncmp (cut_text, longer->str, strlen (cut_text) - strlen (marker)) == 0);

  /* characters beyond the BMP count twice, and are never split */
  for (int i = 0; i < PAR_WORKBOOK_MAX_CELL_TEXT; i++)
    g_string_append (wide, "😀");
  wide_text = par_workbook_clean_text (wide->str, &cut);
  g_assert_true (cut);
  g_assert_true (g_utf8_validate (wide_text, -1, NULL));
  g_assert_cmpint (utf16_length (wide_text), <=, PAR_WORKBOOK_MAX_CELL_TEXT);
  g_assert_true (g_str_has_suffix (wide_text, marker));
}

/* The first locale of the machine whose numbers have a decimal comma. */
static const char *
comma_locale (void)
{
  static const char *candidates[] = { "vi_VN.UTF-8", "vi_VN.utf8", "de_DE.UTF-8", "fr_FR.UTF-8" };

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    if (setlocale (LC_ALL, candidates[i]) != NULL)
      return candidates[i];
  return NULL;
}

static void
test_machine_locale (void)
{
  const char *locale = comma_locale ();
  char text[32];
  locale_t previous;

  if (locale == NULL)
    {
      g_test_fail_printf ("no locale with a decimal comma: make check generates vi_VN.UTF-8");
      return;
    }
  g_setenv ("LANGUAGE", "vi", TRUE);
  g_snprintf (text, sizeof text, "%.1f", 0.5);
  g_assert_cmpstr (text, ==, "0,5");

  previous = par_machine_locale_begin ();
  snprintf (text, sizeof text, "%.16G", 12.5);
  g_assert_cmpstr (text, ==, "12.5");
  /* messages keep the user's language */
  if (g_str_has_prefix (locale, "vi"))
    g_assert_cmpstr (C_("score sheet", "Maximum"), ==, "Điểm tối đa");
  par_machine_locale_end (previous);

  snprintf (text, sizeof text, "%.1f", 0.5);
  g_assert_cmpstr (text, ==, "0,5");
  test_set_language ("en");
}

/* A workbook written under a comma locale: the cut item is told, the file is
 * there and nothing else is left beside it. */
static void
test_write_and_close (void)
{
  g_autofree char *dir = test_make_temp_dir ();
  g_autofree char *path = g_build_filename (dir, "book.xlsx", NULL);
  g_autofree char *part = g_strconcat (path, ".part", NULL);
  g_autofree char *long_text = g_strnfill (40000, 'a');
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) date = g_date_new_dmy (14, G_DATE_SEPTEMBER, 2021);
  g_auto(GStrv) cut_items = NULL;
  ParWorkbook *book;
  lxw_worksheet *sheet;
  g_autoptr(GDir) listing = NULL;
  guint n_files = 0;

  comma_locale ();
  book = par_workbook_new (path, &error);
  g_assert_no_error (error);
  sheet = workbook_add_worksheet (par_workbook_get_workbook (book), NULL);
  worksheet_write_number (sheet, 0, 0, 79.635, NULL);
  par_workbook_write_date (book, sheet, 0, 1, date, NULL);
  par_workbook_write_text (book, sheet, 1, 0, long_text, NULL, "1.2");
  par_workbook_write_text (book, sheet, 2, 0, "short", NULL, "1.3");
  par_workbook_write_text (book, sheet, 3, 0, long_text, NULL, "1.2");
  g_assert_true (par_workbook_close (book, &cut_items, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (cut_items), ==, 1);
  g_assert_cmpstr (cut_items[0], ==, "1.2");
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    n_files++;
  g_assert_cmpuint (n_files, ==, 1);
  test_set_language ("en");
  g_unlink (path);
  g_rmdir (dir);
}

/* A folder that does not take the file is told at once, with its reason;
 * a destination that cannot be replaced at the end leaves nothing behind. */
static void
test_fails_cleanly (void)
{
  g_autofree char *dir = test_make_temp_dir ();
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "book.xlsx", NULL);
  g_autofree char *taken = g_build_filename (dir, "taken.xlsx", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  ParWorkbook *book;

  g_assert_null (par_workbook_new (missing, &error));
  g_assert_error (error, PAR_WORKBOOK_ERROR, PAR_WORKBOOK_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, g_strerror (ENOENT)));
  g_clear_error (&error);

  book = par_workbook_new (taken, &error);
  g_assert_no_error (error);
  workbook_add_worksheet (par_workbook_get_workbook (book), NULL);
  g_assert_cmpint (g_mkdir (taken, 0700), ==, 0);
  g_assert_false (par_workbook_close (book, NULL, &error));
  g_assert_nonnull (error);
  listing = g_dir_open (dir, 0, NULL);
  g_assert_cmpstr (g_dir_read_name (listing), ==, "taken.xlsx");
  g_assert_null (g_dir_read_name (listing));
  g_rmdir (taken);
  g_rmdir (dir);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  par_i18n_init ();
  test_set_language ("en");

  g_test_add_func ("/workbook/shortest-number", test_shortest_number);
  g_test_add_func ("/workbook/clean-text", test_clean_text);
  g_test_add_func ("/workbook/cut-to-a-cell", test_cut_to_a_cell);
  g_test_add_func ("/workbook/machine-locale", test_machine_locale);
  g_test_add_func ("/workbook/write-and-close", test_write_and_close);
  g_test_add_func ("/workbook/fails-cleanly", test_fails_cleanly);
  return g_test_run ();
}
