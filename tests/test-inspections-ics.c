/* test-inspections-ics.c: the calendar's line folding, and the file's identifier its UIDs are made of
 *
 * The calendar itself is read back with python3-icalendar by
 * test-inspections-export.py; here are the parts a reader cannot isolate:
 * folding at every offset, the repair of libical's fold between CR and LF,
 * and a file-uid that is missing or garbled.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "par-core.h"
#include "par-database-private.h"
#include "test-fixture.h"
#include "test-util.h"

typedef TestFixture Fixture;

/* Every line of @text ends with CRLF, holds at most 75 octets and is valid
 * UTF-8 on its own; unfolded, @text is @want. */
static void
assert_folded (const char *text,
               const char *want)
{
  g_auto(GStrv) lines = NULL;
  g_autoptr(GString) unfolded = g_string_new (NULL);

  g_assert_true (g_str_has_suffix (text, "\r\n"));
  lines = g_strsplit (text, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL && lines[i + 1] != NULL; i++)
    {
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
      g_assert_null (strchr (lines[i], '\r'));
      g_assert_null (strchr (lines[i], '\n'));
      g_assert_true (g_utf8_validate (lines[i], -1, NULL));
      if (i > 0 && lines[i][0] == ' ')
        g_string_append (unfolded, lines[i] + 1);
      else
        g_string_append_printf (unfolded, "%s%s", i > 0 ? "\n" : "", lines[i]);
    }
  g_assert_cmpstr (unfolded->str, ==, want);
}

static void
test_every_offset (void)
{
  static const char *const characters[] = { "é", "ệ", "😀", "a" };

  for (guint c = 0; c < G_N_ELEMENTS (characters); c++)
    for (guint pad = 0; pad < 160; pad++)
      {
        g_autoptr(GString) line = g_string_new ("DESCRIPTION:");
        g_autofree char *folded = NULL;

        for (guint i = 0; i < pad; i++)
          g_string_append_c (line, 'a');
        for (guint i = 0; i < 40; i++)
          g_string_append (line, characters[c]);
        folded = par_ics_fold_lines (line->str);
        assert_folded (folded, line->str);
      }
}

/* libical 3.0.16 writes "…\r\r\n \n" when a line's last fold falls on its end. */
static void
test_fold_between_cr_and_lf (void)
{
  g_autofree char *folded = par_ics_fold_lines ("BEGIN:VEVENT\r\nSUMMARY:ab\r\r\n \nEND:VEVENT\r\n");

  g_assert_cmpstr (folded, ==, "BEGIN:VEVENT\r\nSUMMARY:ab\r\nEND:VEVENT\r\n");
}

static void
test_unfold_first (void)
{
  g_autofree char *lf = par_ics_fold_lines ("A:1\nB:2\n\t3\n 4");
  g_autofree char *short_folds = par_ics_fold_lines ("SUMMARY:Ki\r\n ểm\r\n  tra\r\n");

  g_assert_cmpstr (lf, ==, "A:1\r\nB:234\r\n");
  g_assert_cmpstr (short_folds, ==, "SUMMARY:Kiểm tra\r\n");
}

static void
test_not_utf8 (void)
{
  g_autoptr(GString) line = g_string_new ("X:");
  g_autofree char *folded = NULL;
  g_auto(GStrv) lines = NULL;

  for (guint i = 0; i < 200; i++)
    g_string_append_c (line, (char) 0x80);
  folded = par_ics_fold_lines (line->str);
  lines = g_strsplit (folded, "\r\n", -1);
  /* ':' is the last octet before the limit that may start a character: the first cut is before it; then
   * the cuts fall at the limit, and nothing is lost. */
  g_assert_cmpuint (g_strv_length (lines), ==, 5);
  g_assert_cmpstr (lines[0], ==, "X");
  g_assert_cmpuint (strlen (lines[1]) + strlen (lines[2]) + strlen (lines[3]), ==, 3 + 1 + 200);
  for (guint i = 0; i < 4; i++)
    g_assert_cmpuint (strlen (lines[i]), <=, 75);
  g_assert_cmpstr (lines[4], ==, "");
}

static char *
file_uid (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(sqlite3_stmt) stmt = par_database_prepare (f->db, "SELECT value FROM meta WHERE key = 'file-uid'",
                                                       &error);

  g_assert_no_error (error);
  return sqlite3_step (stmt) == SQLITE_ROW ? g_strdup ((const char *) sqlite3_column_text (stmt, 0)) : NULL;
}

/* The UID of the first event of an export of 2026: "inspection-1-FILEUID@par-desk". */
static char *
exported_uid (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (f->dir, "a.ics", NULL);
  g_autofree char *text = NULL;
  const char *uid;

  g_assert_true (par_inspections_export_ics (f->db, 2026, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  uid = strstr (text, "\r\nUID:");
  g_assert_nonnull (uid);
  return g_strndup (uid + 6, strcspn (uid + 6, "\r"));
}

static void
test_file_uid (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *made = file_uid (f);
  g_autofree char *first = NULL, *again = NULL, *remade = NULL, *remade_again = NULL, *replaced = NULL;
  g_autofree char *kept = NULL;
  gint64 unit = test_fixture_add_unit (f, "STP", "Sở Tư pháp", PAR_DIRECTORY_ROOT);
  ParInspectionSpec spec = { .unit_id = unit, .title = "Kiểm tra" };

  g_assert_nonnull (made);
  g_assert_cmpuint (strlen (made), ==, 32);
  g_date_clear (&spec.first, 1);
  g_date_set_dmy (&spec.first, 10, G_DATE_MARCH, 2026);
  spec.last = spec.first;
  g_assert_cmpint (par_inspections_add (f->db, &spec, TRUE, NULL, &error), >, 0);
  first = exported_uid (f);
  again = exported_uid (f);
  g_assert_cmpstr (first, ==, again);
  g_assert_nonnull (strstr (first, made));

  /* Lost: made anew, once. */
  g_assert_true (par_database_exec (f->db, "DELETE FROM meta WHERE key = 'file-uid'", &error));
  remade = exported_uid (f);
  g_assert_cmpstr (remade, !=, first);
  remade_again = exported_uid (f);
  g_assert_cmpstr (remade_again, ==, remade);
  /* Garbled (nothing read from a file is trusted): replaced. */
  g_assert_true (par_database_exec (f->db, "UPDATE meta SET value = 'a b\r\nX-EVIL:1' WHERE key = 'file-uid'",
                                    &error));
  replaced = exported_uid (f);
  g_assert_null (strstr (replaced, "EVIL"));
  kept = file_uid (f);
  g_assert_cmpuint (strlen (kept), ==, 32);
  g_assert_nonnull (strstr (replaced, kept));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  par_i18n_init ();
  test_set_language ("en");

  g_test_add_func ("/inspections-ics/every-offset", test_every_offset);
  g_test_add_func ("/inspections-ics/fold-between-cr-and-lf", test_fold_between_cr_and_lf);
  g_test_add_func ("/inspections-ics/unfold-first", test_unfold_first);
  g_test_add_func ("/inspections-ics/not-utf8", test_not_utf8);
  g_test_add ("/inspections-ics/file-uid", Fixture, NULL, test_fixture_set_up, test_file_uid,
              test_fixture_tear_down);
  return g_test_run ();
}
