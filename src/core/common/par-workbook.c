/* par-workbook.c: an XLSX workbook written right in any locale
 *
 * Every workbook PAR Desk writes goes through here, so that what makes a
 * file valid is done once:
 *
 * - libxlsxwriter prints numbers with the C library ("%.16G"): the writing
 *   thread gets the C numeric locale for the workbook's life, or a
 *   Vietnamese workstation would write <v>0,5</v>.
 * - "%.16G" writes 79.635 as 79.63500000000001. Once the workbook is
 *   closed, each number of the worksheets and of the charts' caches is
 *   written again in its shortest form that reads back as the same double.
 * - Text is valid UTF-8 without the characters XML forbids, and a cell
 *   longer than Excel takes is cut with a visible marker; the items that
 *   were cut are told to the caller.
 * - The workbook is written beside its destination, synced and renamed
 *   into place: a failed export never leaves half a file under the chosen
 *   name, and a saved one survives a power cut.
 *
 * A workbook is written by one thread, from par_workbook_new() to
 * par_workbook_close() or par_workbook_free().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <math.h>
#include <unzip.h>
#include <zip.h>

#include "par-file-guard.h"
#include "par-i18n.h"
#include "par-workbook.h"

G_DEFINE_QUARK (par-workbook-error-quark, par_workbook_error)

/* Parts bigger than this are not ours: libxlsxwriter writes a few MB at most. */
#define MAX_PART_SIZE ((gsize) 512 * 1024 * 1024)

struct _ParWorkbook
{
  lxw_workbook *workbook;
  char         *path;
  char         *partial;
  locale_t      user_locale;
  GPtrArray    *cut_items;
  lxw_format   *date_format;
};

static void
set_error (GError    **error,
           const char *path,
           const char *reason)
{
  g_set_error (error, PAR_WORKBOOK_ERROR, PAR_WORKBOOK_ERROR_FAILED,
               _("The workbook could not be written to “%s” (%s). Check that the folder exists, that "
                 "you may write to it and that the disk is not full."),
               path, reason);
}

ParWorkbook *
par_workbook_new (const char  *path,
                  GError     **error)
{
  ParWorkbook *book;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);

  book = g_new0 (ParWorkbook, 1);
  book->path = g_strdup (path);
  book->partial = g_strconcat (path, ".part", NULL);
  book->cut_items = g_ptr_array_new_with_free_func (g_free);
  /* Learn now, with the system's reason, whether the folder takes the
   * file; libxlsxwriter would only say so on stderr once all is written. */
  g_unlink (book->partial);
  fd = g_open (book->partial, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      set_error (error, path, g_strerror (errno));
      par_workbook_free (book);
      return NULL;
    }
  close (fd);
  book->user_locale = par_machine_locale_begin ();
  book->workbook = workbook_new (book->partial);
  if (book->workbook == NULL)
    {
      set_error (error, path, g_strerror (ENOMEM));
      par_workbook_free (book);
      return NULL;
    }
  return book;
}

/* Abandons an unclosed workbook: nothing is left on disk. */
void
par_workbook_free (ParWorkbook *book)
{
  if (book == NULL)
    return;
  /* libxlsxwriter has no way to drop a workbook but to write it. */
  if (book->workbook != NULL)
    workbook_close (book->workbook);
  g_unlink (book->partial);
  par_machine_locale_end (book->user_locale);
  g_ptr_array_unref (book->cut_items);
  g_free (book->partial);
  g_free (book->path);
  g_free (book);
}

lxw_workbook *
par_workbook_get_workbook (ParWorkbook *book)
{
  g_return_val_if_fail (book != NULL, NULL);
  return book->workbook;
}

/* U+0000–U+001F but tab, line feed and carriage return, U+FFFE and U+FFFF
 * cannot stand in XML 1.0. */
static gboolean
is_forbidden_in_xml (gunichar c)
{
  return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0xFFFE || c == 0xFFFF;
}

/* @text as a cell may hold it: valid UTF-8, no character XML forbids (a
 * vertical tab, Word's line break, becomes a line break; others U+FFFD),
 * and no longer than Excel takes: a longer text is cut and ends with a
 * marker, and *@cut is set. */
char *
par_workbook_clean_text (const char *text,
                         gboolean   *cut)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  /* Translators: ends a text cut to fit in a cell of a workbook */
  const char *marker = _("…(continues in PAR Desk)");
  glong marker_units = g_utf8_strlen (marker, -1);
  GString *clean = g_string_sized_new (strlen (valid));
  glong units = 0;
  glong units_at_cut = PAR_WORKBOOK_MAX_CELL_TEXT - marker_units;
  gsize length_at_cut = 0;

  if (cut != NULL)
    *cut = FALSE;
  for (const char *p = valid; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\v' || c == '\f')
        c = '\n';
      else if (is_forbidden_in_xml (c))
        c = 0xFFFD;
      /* Excel counts UTF-16 units: a character beyond the BMP takes two. */
      units += c >= 0x10000 ? 2 : 1;
      if (units <= units_at_cut)
        length_at_cut = clean->len + (c < 0x80 ? 1 : g_unichar_to_utf8 (c, NULL));
      if (units > PAR_WORKBOOK_MAX_CELL_TEXT)
        {
          g_string_truncate (clean, length_at_cut);
          g_string_append (clean, marker);
          if (cut != NULL)
            *cut = TRUE;
          break;
        }
      g_string_append_unichar (clean, c);
    }
  return g_string_free (clean, FALSE);
}

static void
note_cut (ParWorkbook *book,
          const char  *item)
{
  if (item == NULL)
    return;
  for (guint i = 0; i < book->cut_items->len; i++)
    if (g_str_equal (g_ptr_array_index (book->cut_items, i), item))
      return;
  g_ptr_array_add (book->cut_items, g_strdup (item));
}

/* Writes @text as a string cell; @item names the row for the caller's
 * list of cut cells (NULL: a title, cut without being listed). */
void
par_workbook_write_text (ParWorkbook   *book,
                         lxw_worksheet *sheet,
                         lxw_row_t      row,
                         lxw_col_t      col,
                         const char    *text,
                         lxw_format    *format,
                         const char    *item)
{
  gboolean cut;
  g_autofree char *clean = par_workbook_clean_text (text, &cut);

  g_return_if_fail (book != NULL);
  if (cut)
    note_cut (book, item);
  if (*clean == '\0')
    worksheet_write_blank (sheet, row, col, format);
  else
    worksheet_write_string (sheet, row, col, clean, format);
}

void
par_workbook_merge_text (ParWorkbook   *book,
                         lxw_worksheet *sheet,
                         lxw_row_t      row,
                         lxw_col_t      first_col,
                         lxw_col_t      last_col,
                         const char    *text,
                         lxw_format    *format)
{
  g_autofree char *clean = par_workbook_clean_text (text, NULL);

  g_return_if_fail (book != NULL);
  worksheet_merge_range (sheet, row, first_col, row, last_col, clean, format);
}

/* A date cell: a number with the dd/mm/yyyy format (@format's other
 * properties with it; NULL for none). */
void
par_workbook_write_date (ParWorkbook   *book,
                         lxw_worksheet *sheet,
                         lxw_row_t      row,
                         lxw_col_t      col,
                         const GDate   *date,
                         lxw_format    *format)
{
  lxw_datetime when = { 0 };

  g_return_if_fail (book != NULL);
  g_return_if_fail (date != NULL && g_date_valid (date));

  if (format == NULL)
    {
      if (book->date_format == NULL)
        {
          book->date_format = workbook_add_format (book->workbook);
          format_set_num_format (book->date_format, PAR_WORKBOOK_DATE_FORMAT);
        }
      format = book->date_format;
    }
  when.year = g_date_get_year (date);
  when.month = g_date_get_month (date);
  when.day = g_date_get_day (date);
  worksheet_write_datetime (sheet, row, col, &when, format);
}

void
par_workbook_set_properties (ParWorkbook *book,
                             const char  *title,
                             const char  *subject,
                             const char  *company)
{
  g_autofree char *clean_title = title != NULL ? par_workbook_clean_text (title, NULL) : NULL;
  g_autofree char *clean_subject = subject != NULL ? par_workbook_clean_text (subject, NULL) : NULL;
  g_autofree char *clean_company = company != NULL ? par_workbook_clean_text (company, NULL) : NULL;
  g_autofree char *author = par_workbook_clean_text (g_get_real_name (), NULL);
  lxw_doc_properties properties = { 0 };

  g_return_if_fail (book != NULL);
  properties.title = clean_title;
  properties.subject = clean_subject;
  properties.author = author;
  properties.company = clean_company;
  properties.comments = (char *) _("Made with PAR Desk");
  workbook_set_properties (book->workbook, &properties);
}

/* The characters of an xsd:double as libxlsxwriter writes one. */
static gboolean
looks_like_number (const char *text,
                   gsize       length)
{
  if (length == 0)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isdigit (text[i]) && strchr (".eE+-", text[i]) == NULL)
      return FALSE;
  return TRUE;
}

/* The shortest text that reads back as the same double as @text ("0.5"
 * for "0.5000000000000000", "79.635" for "79.63500000000001"). FALSE if
 * @text is not a finite number written with a dot. */
gboolean
par_workbook_shortest_number (const char *text,
                              gsize       length,
                              char       *buffer,
                              gsize       buffer_size)
{
  char copy[G_ASCII_DTOSTR_BUF_SIZE];
  char *end;
  double value;

  g_return_val_if_fail (buffer_size >= G_ASCII_DTOSTR_BUF_SIZE, FALSE);

  if (!looks_like_number (text, length) || length >= sizeof copy)
    return FALSE;
  memcpy (copy, text, length);
  copy[length] = '\0';
  value = g_ascii_strtod (copy, &end);
  if (*end != '\0' || end == copy || !isfinite (value))
    return FALSE;
  /* Plain decimals for the numbers of a sheet (100, not 1e+02); an
   * exponent only for the very large and the very small. */
  if (value == 0 || (fabs (value) >= 1e-5 && fabs (value) < 1e15))
    {
      for (int decimals = 0; decimals <= 20; decimals++)
        {
          char format[8];

          g_snprintf (format, sizeof format, "%%.%df", decimals);
          g_ascii_formatd (buffer, buffer_size, format, value);
          if (g_ascii_strtod (buffer, NULL) == value)
            return TRUE;
        }
    }
  for (int precision = 1; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dg", precision);
      g_ascii_formatd (buffer, buffer_size, format, value);
      if (g_ascii_strtod (buffer, NULL) == value)
        break;
    }
  return TRUE;
}

/* Whether the value at @at belongs to a numeric cell: its <c> has no
 * type, or "n" (not a shared string, a formula's text, a boolean or an
 * error). */
static gboolean
in_numeric_cell (const char *xml,
                 const char *end,
                 const char *at)
{
  const char *cell = NULL;
  const char *tag_end;
  const char *type;

  for (const char *p = at; p > xml; p--)
    if (p[-1] == '<' && p[0] == 'c' && p + 1 < end && (p[1] == ' ' || p[1] == '>'))
      {
        cell = p;
        break;
      }
  if (cell == NULL || (tag_end = memchr (cell, '>', end - cell)) == NULL)
    return FALSE;
  type = g_strstr_len (cell, tag_end - cell, " t=\"");
  return type == NULL || g_str_has_prefix (type, " t=\"n\"");
}

/* Copies @xml to @out with the text of each @open…@close element (of a
 * numeric cell, if @cells) in its shortest form. FALSE if one of them is
 * not a number: the file would be damaged. */
static gboolean
rewrite_numbers (const char *xml,
                 gsize       length,
                 gboolean    cells,
                 const char *open,
                 const char *close,
                 GString    *out)
{
  const char *end = xml + length;
  const char *p = xml;
  gsize open_length = strlen (open);
  const char *start;

  while ((start = g_strstr_len (p, end - p, open)) != NULL)
    {
      const char *value = start + open_length;
      const char *value_end = g_strstr_len (value, end - value, close);
      char shortest[G_ASCII_DTOSTR_BUF_SIZE];

      if (value_end == NULL)
        break;
      g_string_append_len (out, p, value - p);
      if (cells && !in_numeric_cell (xml, end, start))
        g_string_append_len (out, value, value_end - value);
      else if (par_workbook_shortest_number (value, value_end - value, shortest, sizeof shortest))
        g_string_append (out, shortest);
      else
        return FALSE;
      p = value_end;
    }
  g_string_append_len (out, p, end - p);
  return TRUE;
}

/* The same for a chart: the values of its number caches (not the
 * category names of its string caches). */
static gboolean
rewrite_chart_numbers (const char *xml,
                       gsize       length,
                       GString    *out)
{
  const char *end = xml + length;
  const char *p = xml;
  const char *cache;

  while ((cache = g_strstr_len (p, end - p, "<c:numCache>")) != NULL)
    {
      const char *cache_end = g_strstr_len (cache, end - cache, "</c:numCache>");

      if (cache_end == NULL)
        break;
      g_string_append_len (out, p, cache - p);
      if (!rewrite_numbers (cache, cache_end - cache, FALSE, "<c:v>", "</c:v>", out))
        return FALSE;
      p = cache_end;
    }
  g_string_append_len (out, p, end - p);
  return TRUE;
}

static gboolean
read_entry (unzFile      in,
            gsize        size,
            GByteArray  *data)
{
  guint8 chunk[65536];
  int n;

  if (size > MAX_PART_SIZE || unzOpenCurrentFile (in) != UNZ_OK)
    return FALSE;
  while ((n = unzReadCurrentFile (in, chunk, sizeof chunk)) > 0)
    {
      g_byte_array_append (data, chunk, (guint) n);
      if (data->len > MAX_PART_SIZE)
        break;
    }
  return unzCloseCurrentFile (in) == UNZ_OK && n == 0;
}

/* Writes the closed workbook @from again as @to, each number in its
 * shortest form. */
static gboolean
write_shortest_numbers (const char  *from,
                        const char  *to,
                        const char  *path,
                        GError     **error)
{
  unzFile in = unzOpen64 (from);
  zipFile out = in != NULL ? zipOpen64 (to, APPEND_STATUS_CREATE) : NULL;
  gboolean ok = in != NULL && out != NULL;
  int status = ok ? unzGoToFirstFile (in) : UNZ_ERRNO;

  while (ok && status == UNZ_OK)
    {
      char name[256];
      unz_file_info64 info;
      zip_fileinfo zip_info = { 0 };
      g_autoptr(GByteArray) data = g_byte_array_new ();
      g_autoptr(GString) rewritten = NULL;
      gboolean sheet, chart;

      ok = unzGetCurrentFileInfo64 (in, &info, name, sizeof name, NULL, 0, NULL, 0) == UNZ_OK
           && read_entry (in, info.uncompressed_size, data);
      if (!ok)
        break;
      sheet = g_str_has_prefix (name, "xl/worksheets/sheet") && g_str_has_suffix (name, ".xml");
      chart = g_str_has_prefix (name, "xl/charts/chart") && g_str_has_suffix (name, ".xml");
      if (sheet || chart)
        {
          rewritten = g_string_sized_new (data->len);
          ok = sheet ? rewrite_numbers ((const char *) data->data, data->len, TRUE, "<v>", "</v>", rewritten)
                     : rewrite_chart_numbers ((const char *) data->data, data->len, rewritten);
          if (!ok)
            {
              g_set_error (error, PAR_WORKBOOK_ERROR, PAR_WORKBOOK_ERROR_FAILED,
                           _("The workbook was not saved: a number in it could not be written for Excel. "
                             "Please report this problem."));
              break;
            }
        }
      zip_info.dosDate = info.dosDate;
      zip_info.internal_fa = info.internal_fa;
      zip_info.external_fa = info.external_fa;
      ok = zipOpenNewFileInZip64 (out, name, &zip_info, NULL, 0, NULL, 0, NULL, Z_DEFLATED, Z_DEFAULT_COMPRESSION,
                                  0) == ZIP_OK
           && zipWriteInFileInZip (out, rewritten != NULL ? (const void *) rewritten->str : data->data,
                                   rewritten != NULL ? rewritten->len : data->len) == ZIP_OK
           && zipCloseFileInZip (out) == ZIP_OK;
      if (ok)
        status = unzGoToNextFile (in);
    }
  ok = ok && status == UNZ_END_OF_LIST_OF_FILE;
  if (out != NULL && zipClose (out, NULL) != ZIP_OK)
    ok = FALSE;
  if (in != NULL)
    unzClose (in);
  if (!ok && (error == NULL || *error == NULL))
    set_error (error, path, g_strerror (errno != 0 ? errno : EIO));
  return ok;
}

/* Writes the workbook, its numbers in their shortest form, and moves it
 * to its destination; @cut_items (if not NULL) gets the items whose text
 * was cut to fit a cell, in the order they were written. Frees @book. */
gboolean
par_workbook_close (ParWorkbook  *book,
                    GStrv        *cut_items,
                    GError      **error)
{
  g_autofree char *shortest = NULL;
  lxw_error result;
  gboolean ok;

  g_return_val_if_fail (book != NULL, FALSE);

  result = workbook_close (book->workbook);
  book->workbook = NULL;
  shortest = g_strconcat (book->path, ".part2", NULL);
  if (result != LXW_NO_ERROR)
    {
      set_error (error, book->path, lxw_strerror (result));
      ok = FALSE;
    }
  else
    ok = write_shortest_numbers (book->partial, shortest, book->path, error);
  g_unlink (book->partial);
  if (ok)
    ok = par_file_commit (shortest, book->path, error);
  else
    g_unlink (shortest);
  if (ok && cut_items != NULL)
    {
      g_ptr_array_add (book->cut_items, NULL);
      *cut_items = (GStrv) g_ptr_array_steal (book->cut_items, NULL);
    }
  par_workbook_free (book);
  return ok;
}
