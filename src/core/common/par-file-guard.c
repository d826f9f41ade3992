/* par-file-guard.c: files on disk made safely: private, never the open file, named cleanly
 *
 * A .pardesk file may come from someone else: a name stored in it never
 * reaches the file system as it is, and what PAR Desk writes never lands on
 * the open file itself. What it creates for the user (a new file, its
 * folder, a temporary copy) only the user can read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "par-file-guard.h"

G_DEFINE_QUARK (par-file-guard-error-quark, par_file_guard_error)

/* Well under the 255 bytes of a name on most file systems. */
#define MAX_NAME_BYTES 200

/* Characters that have no place in a file name: controls, and the
 * direction marks that make "fdp.exe" look like "exe.pdf". */
static gboolean
is_unwanted (gunichar c)
{
  return c < 0x20 || (c >= 0x7F && c < 0xA0) || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E)
         || (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF || c == 0xFFFD;
}

/**
 * par_file_safe_name:
 * @stored_name: a file name read from a file (untrusted), or %NULL
 * @fallback: the name to use when nothing is left of it
 * @extension: (nullable): an extension the name must end with, as ".pdf"
 *
 * A single file name, safe to join to a folder: the last component of
 * @stored_name only (no "/" or "\\", never "." or ".."), without control
 * or direction characters, not hidden, at most 200 bytes, ending with
 * @extension.
 */
char *
par_file_safe_name (const char *stored_name,
                    const char *fallback,
                    const char *extension)
{
  g_autofree char *valid = g_utf8_make_valid (stored_name != NULL ? stored_name : "", -1);
  const char *base = valid;
  g_autoptr(GString) name = g_string_new (NULL);
  gsize limit;

  g_return_val_if_fail (fallback != NULL && *fallback != '\0', NULL);

  for (const char *p = valid; *p != '\0'; p++)
    if (*p == '/' || *p == '\\')
      base = p + 1;
  for (const char *p = base; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!is_unwanted (c))
        g_string_append_unichar (name, c);
    }
  /* Not hidden, not "." or "..", no stray spaces or dots at the ends. */
  while (name->len > 0 && (name->str[0] == '.' || g_ascii_isspace (name->str[0])))
    g_string_erase (name, 0, 1);
  while (name->len > 0 && (name->str[name->len - 1] == '.' || g_ascii_isspace (name->str[name->len - 1])))
    g_string_truncate (name, name->len - 1);
  if (name->len == 0)
    g_string_assign (name, fallback);

  limit = MAX_NAME_BYTES - (extension != NULL ? strlen (extension) : 0);
  if (name->len > limit)
    {
      const char *end = name->str + limit;

      /* cut at a character's start */
      while (end > name->str && (*end & 0xC0) == 0x80)
        end--;
      g_string_truncate (name, end - name->str);
    }
  if (extension != NULL)
    {
      g_autofree char *folded = g_ascii_strdown (name->str, -1);

      if (!g_str_has_suffix (folded, extension))
        g_string_append (name, extension);
    }
  return g_string_free (g_steal_pointer (&name), FALSE);
}

/**
 * par_file_create_private:
 * @path: a file to create
 * @error: return location for a #GError
 *
 * Creates @path, empty, readable and writable by its owner only (0600),
 * and the folders leading to it that are missing (0700). A file that
 * exists already is left as it is, its mode included.
 */
gboolean
par_file_create_private (const char  *path,
                         GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (path);
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("The folder “%s” cannot be created: %s"), folder, g_strerror (saved_errno));
      return FALSE;
    }
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0 && errno != EEXIST)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("“%s” cannot be created: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }
  if (fd >= 0)
    close (fd);
  return TRUE;
}

/* A new folder only the user can enter (0700), in the temporary folder,
 * for copies handed to other programs. */
char *
par_file_make_private_folder (GError **error)
{
  return g_dir_make_tmp ("par-desk-XXXXXX", error);
}

static gboolean
same_file (const struct stat *a,
           const char        *path)
{
  struct stat b;

  return g_stat (path, &b) == 0 && a->st_dev == b.st_dev && a->st_ino == b.st_ino;
}

/**
 * par_file_refuse_open_file:
 * @dest_path: where something is about to be written
 * @db_path: the open PAR Desk file
 * @error: return location for a #GError
 *
 * FALSE, with an error, when writing to @dest_path would replace the open
 * file or its -wal, -shm or -journal companion: by name, or by being the
 * same file (a symbolic or hard link).
 */
gboolean
par_file_refuse_open_file (const char  *dest_path,
                           const char  *db_path,
                           GError     **error)
{
  static const char *suffixes[] = { "", "-wal", "-shm", "-journal" };
  g_autofree char *dest = g_canonicalize_filename (dest_path, NULL);
  g_autofree char *db = g_canonicalize_filename (db_path, NULL);
  struct stat target;
  gboolean exists;

  g_return_val_if_fail (dest_path != NULL && db_path != NULL, FALSE);

  exists = g_stat (dest_path, &target) == 0;
  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *companion = g_strconcat (db, suffixes[i], NULL);

      if (g_str_equal (dest, companion) || (exists && same_file (&target, companion)))
        {
          g_set_error (error, PAR_FILE_GUARD_ERROR, PAR_FILE_GUARD_ERROR_OPEN_FILE,
                       _("“%s” is the PAR Desk file you are working in. Choose another name: writing there "
                         "would destroy it."),
                       dest_path);
          return FALSE;
        }
    }
  return TRUE;
}

/* fsync() of @path (a file or a folder); FALSE with errno set. */
static gboolean
sync_path (const char *path,
           int         flags)
{
  int fd = g_open (path, flags | O_CLOEXEC, 0);
  int saved_errno;
  gboolean ok;

  if (fd < 0)
    return FALSE;
  ok = fsync (fd) == 0;
  saved_errno = errno;
  close (fd);
  errno = saved_errno;
  return ok;
}

/**
 * par_file_commit:
 * @partial: a file written completely and closed
 * @dest_path: where it belongs
 * @error: return location for a #GError
 *
 * Puts @partial in place as @dest_path so that it survives a power cut
 * once this returns: its bytes are synced, it is renamed over @dest_path
 * (a reader sees the old file or the new one, never half of one), and the
 * folder is synced, which makes the rename itself durable. On failure
 * @partial is removed and @dest_path is as it was.
 */
gboolean
par_file_commit (const char  *partial,
                 const char  *dest_path,
                 GError     **error)
{
  g_autofree char *folder = g_path_get_dirname (dest_path);
  int saved_errno;

  g_return_val_if_fail (partial != NULL && dest_path != NULL, FALSE);

  if (!sync_path (partial, O_RDONLY) || g_rename (partial, dest_path) != 0)
    {
      saved_errno = errno;
      g_unlink (partial);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("“%s” could not be saved: %s. Check that the disk is not full."), dest_path,
                   g_strerror (saved_errno));
      return FALSE;
    }
  /* Some file systems cannot sync a folder; the file itself is safe. */
  sync_path (folder, O_RDONLY | O_DIRECTORY);
  return TRUE;
}

