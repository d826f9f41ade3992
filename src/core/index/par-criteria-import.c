/* par-criteria-import.c: reading criteria sets from JSON and CSV files
 *
 * docs/criteria-files.md describes both formats. Reading collects every problem, each
 * naming the line (CSV) or the node path (JSON), so that the import dialog
 * can show them all; importing refuses the whole file if there is one.
 *
 * Here: telling the formats apart, and importing. The readers are
 * par-criteria-import-csv.c and par-criteria-import-json.c; the checks both
 * make, par-criteria-import-checks.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "par-criteria-import-private.h"
#include "par-points.h"

G_DEFINE_QUARK (par-import-error-quark, par_import_error)

#define MAX_PROBLEMS_IN_MESSAGE 5

/* Bounds for a file that may come from anyone. A real PAR Index has a few
 * hundred nodes in some hundred kilobytes. */
#define MAX_FILE_BYTES (8 * 1000 * 1000)

/* Reads a criteria set from @contents (JSON or CSV, told apart by the
 * content; NUL-terminated, @length bytes without the NUL) that came from
 * @source_name. Returns the set as far as it could be read, with every
 * problem in @problems (empty when the text is good). */
ParCriteriaSet *
par_criteria_import_read_data (const char  *contents,
                               gsize        length,
                               const char  *source_name,
                               GPtrArray  **problems)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) paths = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  ParImportReader reader;
  const char *text;

  g_return_val_if_fail (contents != NULL, NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  reader.set = par_criteria_set_new ();
  reader.problems = g_ptr_array_new_with_free_func (g_free);
  reader.seen = seen;
  reader.paths = paths;
  par_criteria_set_set_source_file (reader.set, source_name);

  /* First: a file too big is not looked at (par_criteria_import_read()
   * passes its size alone). */
  text = contents;
  if (length <= MAX_FILE_BYTES && length >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)   /* Excel's "CSV UTF-8" */
    {
      text += 3;
      length -= 3;
    }

  if (length > MAX_FILE_BYTES)
    {
      g_autofree char *size = g_format_size (length);
      g_autofree char *most = g_format_size (MAX_FILE_BYTES);

      par_import_problem (&reader, _("the file"), _("it is %s; a criteria set file is at most %s"),
                          size, most);
    }
  else if (!g_utf8_validate_len (text, length, NULL))
    {
      const char *end = NULL;
      int line = 1;
      g_autofree char *where = NULL;

      g_utf8_validate_len (text, length, &end);
      for (const char *p = text; p < end; p++)
        line += *p == '\n';
      where = par_import_line_where (line);
      par_import_problem (&reader, where,
                          _("the text is not UTF-8; save the file as “CSV UTF-8” or JSON"));
    }
  else if (memchr (text, '\0', length) != NULL)
    par_import_problem (&reader, _("the file"), _("it holds binary data, not text"));
  else
    {
      const char *first = text;

      while (g_ascii_isspace (*first))
        first++;
      if (*first == '\0' && g_str_has_suffix (source_name, ".json"))
        {
          g_autofree char *where = par_import_line_where (1);

          par_import_problem (&reader, where, _("the file is empty"));
        }
      else if (*first == '{' || *first == '[')
        par_import_read_json (&reader, text, length);
      else
        par_import_read_csv (&reader, text);
    }

  if (reader.problems->len == 0 && par_criteria_set_get_n_nodes (reader.set) == 0)
    par_import_problem (&reader, _("the file"), _("it holds no criteria"));

  *problems = reader.problems;
  return reader.set;
}

/* Reads a criteria set from @path (see par_criteria_import_read_data());
 * NULL with @error only if the file cannot be read at all. */
ParCriteriaSet *
par_criteria_import_read (const char  *path,
                          GPtrArray  **problems,
                          GError     **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  GStatBuf st;
  gsize length;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (problems != NULL, NULL);

  /* Not even read when it is far too big to be a criteria set. */
  if (g_stat (path, &st) == 0 && st.st_size > MAX_FILE_BYTES)
    return par_criteria_import_read_data ("", (gsize) st.st_size, path, problems);
  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, PAR_IMPORT_ERROR, PAR_IMPORT_ERROR_UNREADABLE, "%s", local_error->message);
      return NULL;
    }
  return par_criteria_import_read_data (contents, length, path, problems);
}

/* Imports a set, all or nothing. @name, @level and @year (each may be NULL
 * or 0) override what a JSON file says; a CSV file needs all three.
 * Returns the new set's id, or 0 with an @error that names the file and
 * its first problems. */
gint64
par_criteria_import_file (ParDatabase  *db,
                          const char   *path,
                          const char   *name,
                          const char   *level,
                          int           year,
                          GError      **error)
{
  g_autoptr(ParCriteriaSet) set = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autofree char *basename = g_path_get_basename (path);
  ParUnitLevel unit_level;

  g_return_val_if_fail (PAR_IS_DATABASE (db), 0);
  g_return_val_if_fail (path != NULL, 0);

  set = par_criteria_import_read (path, &problems, error);
  if (set == NULL)
    {
      g_prefix_error (error, "%s: ", basename);
      return 0;
    }

  if (name != NULL && *name != '\0')
    par_criteria_set_set_name (set, name);
  if (level != NULL && *level != '\0')
    {
      if (par_unit_level_from_string (level, &unit_level))
        par_criteria_set_set_level (set, unit_level);
      else
        g_ptr_array_add (problems, g_strdup_printf (_("unknown level “%s” (use province, department, district, "
                                                      "commune or office)"), level));
    }
  if (year != 0)
    par_criteria_set_set_year (set, year);
  if (problems->len == 0)
    {
      /* A CSV file carries neither: say both at once. */
      if (*par_criteria_set_get_name (set) == '\0')
        g_ptr_array_add (problems, g_strdup (_("the set has no name (give one with --name)")));
      if (par_criteria_set_get_year (set) < 2000 || par_criteria_set_get_year (set) > 2100)
        g_ptr_array_add (problems, g_strdup (_("the set needs a year between 2000 and 2100 (give one with --year)")));
    }

  if (problems->len > 0)
    {
      g_autoptr(GString) message = g_string_new (NULL);

      g_string_append_printf (message, _("%s was not imported: "), basename);
      for (guint i = 0; i < problems->len && i < MAX_PROBLEMS_IN_MESSAGE; i++)
        g_string_append_printf (message, "%s%s", i > 0 ? "; " : "", (char *) g_ptr_array_index (problems, i));
      if (problems->len > MAX_PROBLEMS_IN_MESSAGE)
        g_string_append_printf (message, ngettext (" (and %u more problem)", " (and %u more problems)",
                                                   problems->len - MAX_PROBLEMS_IN_MESSAGE),
                                problems->len - MAX_PROBLEMS_IN_MESSAGE);
      g_set_error_literal (error, PAR_IMPORT_ERROR, PAR_IMPORT_ERROR_INVALID, message->str);
      return 0;
    }
  return par_criteria_set_save (set, db, error);
}
