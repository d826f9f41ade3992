/* fuzz-replay.c: runs a fuzz target over files without libFuzzer (GLib only), as make check does
 *
 * Usage: fuzz-TARGET-replay PATH...
 * Each PATH is a file, or a folder whose files (not its sub-folders) are read in name order; every
 * file is given once to LLVMFuzzerTestOneInput(). Exit status 0 when all ran, 1 when a file could
 * not be read or no file was given; a crash is the target's (its name is on stderr just before).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <locale.h>
#include <string.h>

#include "fuzz-target.h"

static gboolean
replay_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }
  /* Said first, so that the file is known when the target crashes. */
  g_printerr ("%s (%" G_GSIZE_FORMAT " bytes)\n", path, length);
  LLVMFuzzerTestOneInput ((const uint8_t *) contents, length);
  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Appends the regular files of @dir to @paths, in name order. */
static gboolean
list_folder (const char *dir,
             GPtrArray  *paths)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) folder = g_dir_open (dir, 0, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (folder == NULL)
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }
  while ((name = g_dir_read_name (folder)) != NULL)
    g_ptr_array_add (names, g_build_filename (dir, name, NULL));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    if (g_file_test (g_ptr_array_index (names, i), G_FILE_TEST_IS_REGULAR))
      g_ptr_array_add (paths, g_strdup (g_ptr_array_index (names, i)));
  return TRUE;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  gboolean ok = TRUE;

  setlocale (LC_ALL, "");
  if (argc < 2)
    {
      g_printerr ("Usage: %s FILE-OR-FOLDER...\n", argv[0]);
      return 1;
    }
  for (int i = 1; i < argc; i++)
    {
      if (g_file_test (argv[i], G_FILE_TEST_IS_DIR))
        ok &= list_folder (argv[i], paths);
      else
        g_ptr_array_add (paths, g_strdup (argv[i]));
    }
  for (guint i = 0; i < paths->len; i++)
    ok &= replay_file (g_ptr_array_index (paths, i));
  if (paths->len == 0)
    {
      g_printerr ("No file to replay\n");
      ok = FALSE;
    }
  g_print ("%u inputs replayed\n", paths->len);
  return ok ? 0 : 1;
}
