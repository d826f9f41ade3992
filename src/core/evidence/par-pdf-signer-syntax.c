/* par-pdf-signer-syntax.c: what the signer reads of the PDF it updates
 *
 * An incremental update needs the last cross-reference section and its
 * trailer (/Size, /Root, /Info, /ID), and a few objects by number: the
 * catalog, the page tree down to the first page, the AcroForm. Classic
 * cross-reference tables only (what cairo and this signer write); a file
 * with cross-reference streams or encryption is refused rather than
 * guessed at. Everything is bounded by the data given, nesting is
 * limited, and a chain of /Prev that loops is cut.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "par-pdf-signature-private.h"
#include "par-pdf-signer-private.h"

/* Deeper nesting than this is not a file we wrote. */
#define MAX_DEPTH 32
/* More cross-reference sections than this are not followed. */
#define MAX_SECTIONS 256
/* "startxref" is looked for in this many last bytes. */
#define TAIL_WINDOW 2048

G_DEFINE_QUARK (par-pdf-signer-error-quark, par_pdf_signer_error)

gboolean
par_pdf_signer_unsupported (GError    **error,
                            const char *detail)
{
  /* The detail is for developers; users are told what they can do. */
  g_debug ("PDF not signed: %s", detail);
  g_set_error (error, PAR_PDF_SIGNER_ERROR, PAR_PDF_SIGNER_ERROR_UNSUPPORTED,
               _("This PDF cannot be signed: its structure could not be read"));
  return FALSE;
}

/* Lexical helpers ------------------------------------------------------- */

static gsize
skip_space (const guint8 *data,
            gsize         end,
            gsize         pos)
{
  while (pos < end)
    {
      if (par_pdf_is_space (data[pos]))
        pos++;
      else if (data[pos] == '%')
        {
          while (pos < end && data[pos] != '\n' && data[pos] != '\r')
            pos++;
        }
      else
        break;
    }
  return pos;
}

static gboolean
keyword_at (const guint8 *data,
            gsize         end,
            gsize         pos,
            const char   *word)
{
  gsize n = strlen (word);

  return pos <= end && end - pos >= n && memcmp (data + pos, word, n) == 0
         && (pos + n == end || par_pdf_is_delimiter (data[pos + n]));
}

/* A non-negative integer at @pos (after white space), and where it ends. */
static gboolean
read_uint (const guint8 *data,
           gsize         end,
           gsize        *pos,
           guint64      *value)
{
  gsize p = skip_space (data, end, *pos);
  guint digits = 0;

  *value = 0;
  for (; p < end && g_ascii_isdigit (data[p]); p++)
    {
      if (++digits > 15)
        return FALSE;
      *value = *value * 10 + (data[p] - '0');
    }
  if (digits == 0 || (p < end && !par_pdf_is_delimiter (data[p])))
    return FALSE;
  *pos = p;
  return TRUE;
}

static gssize value_end (const guint8 *data, gsize end, gsize pos, guint depth);

/* The end of the dictionary or array at @pos, @close its closing token. */
static gssize
container_end (const guint8 *data,
               gsize         end,
               gsize         pos,
               const char   *close,
               guint         depth)
{
  if (depth > MAX_DEPTH)
    return -1;
  for (;;)
    {
      gssize next;

      pos = skip_space (data, end, pos);
      if (pos >= end)
        return -1;
      if (end - pos >= strlen (close) && memcmp (data + pos, close, strlen (close)) == 0)
        return pos + strlen (close);
      next = value_end (data, end, pos, depth + 1);
      if (next < 0)
        return -1;
      pos = next;
    }
}

static gssize
literal_string_end (const guint8 *data,
                    gsize         end,
                    gsize         pos)
{
  guint open = 0;

  for (; pos < end; pos++)
    {
      if (data[pos] == '\\')
        pos++;
      else if (data[pos] == '(')
        open++;
      else if (data[pos] == ')' && --open == 0)
        return pos + 1;
    }
  return -1;
}

/* The end of the single token or value at @pos ("n g R" is three). */
static gssize
value_end (const guint8 *data,
           gsize         end,
           gsize         pos,
           guint         depth)
{
  gsize p = pos;

  if (pos >= end)
    return -1;
  switch (data[pos])
    {
    case '<':
      if (pos + 1 < end && data[pos + 1] == '<')
        return container_end (data, end, pos + 2, ">>", depth);
      for (p = pos + 1; p < end && data[p] != '>'; p++)
        if (par_pdf_hex_value (data[p]) < 0 && !par_pdf_is_space (data[p]))
          return -1;
      return p < end ? (gssize) p + 1 : -1;
    case '[':
      return container_end (data, end, pos + 1, "]", depth);
    case '(':
      return literal_string_end (data, end, pos);
    case '/':
      for (p = pos + 1; p < end && !par_pdf_is_delimiter (data[p]); p++)
        ;
      return p;
    case ')': case '>': case ']': case '{': case '}':
      return -1;
    default:
      for (; p < end && !par_pdf_is_delimiter (data[p]); p++)
        ;
      return p > pos ? (gssize) p : -1;
    }
}

/* The end of the value at @pos, a reference "n g R" taken whole. */
static gssize
full_value_end (const guint8 *data,
                gsize         end,
                gsize         pos)
{
  gsize p = pos;
  guint64 number, generation;

  if (read_uint (data, end, &p, &number) && read_uint (data, end, &p, &generation))
    {
      p = skip_space (data, end, p);
      if (keyword_at (data, end, p, "R"))
        return p + 1;
    }
  return value_end (data, end, pos, 0);
}

/* Values ---------------------------------------------------------------- */

gboolean
par_pdf_value_is_dict (const guint8  *data,
                       const PdfSpan *value)
{
  return value->end - value->start >= 4 && data[value->start] == '<' && data[value->start + 1] == '<';
}

gboolean
par_pdf_value_get_ref (const guint8  *data,
                       const PdfSpan *value,
                       guint         *number)
{
  gsize p = value->start;
  guint64 n, generation;

  if (!read_uint (data, value->end, &p, &n) || !read_uint (data, value->end, &p, &generation)
      || n == 0 || n > G_MAXINT)
    return FALSE;
  p = skip_space (data, value->end, p);
  if (!keyword_at (data, value->end, p, "R") || p + 1 != value->end)
    return FALSE;
  *number = (guint) n;
  return TRUE;
}

/* Calls @func on each key and value of @dict until it returns FALSE;
 * FALSE if the dictionary is malformed. */
typedef gboolean (*PairFunc) (const guint8 *data, const PdfSpan *key, const PdfSpan *value, gpointer user_data);

static gboolean
dict_foreach (const guint8  *data,
              const PdfSpan *dict,
              PairFunc       func,
              gpointer       user_data)
{
  gsize pos;

  if (!par_pdf_value_is_dict (data, dict))
    return FALSE;
  pos = dict->start + 2;
  for (;;)
    {
      PdfSpan key, value;
      gssize next;

      pos = skip_space (data, dict->end, pos);
      if (dict->end - pos == 2 && data[pos] == '>')
        return TRUE;
      if (pos >= dict->end || data[pos] != '/')
        return FALSE;
      key.start = pos;
      key.end = value_end (data, dict->end, pos, 0);
      value.start = skip_space (data, dict->end, key.end);
      next = full_value_end (data, dict->end, value.start);
      if (next < 0)
        return FALSE;
      value.end = next;
      if (!func (data, &key, &value, user_data))
        return TRUE;
      pos = value.end;
    }
}

static gboolean
key_is (const guint8  *data,
        const PdfSpan *key,
        const char    *name)
{
  return key->end - key->start == strlen (name) && memcmp (data + key->start, name, strlen (name)) == 0;
}

typedef struct
{
  const char *key;
  PdfSpan    *value;
  gboolean    found;
} Lookup;

static gboolean
lookup_pair (const guint8  *data,
             const PdfSpan *key,
             const PdfSpan *value,
             gpointer       user_data)
{
  Lookup *lookup = user_data;

  if (!key_is (data, key, lookup->key))
    return TRUE;
  *lookup->value = *value;
  lookup->found = TRUE;
  return FALSE;
}

/* The value of @key ("/Name") in @dict ("<<" to ">>"). */
gboolean
par_pdf_dict_get (const guint8  *data,
                  const PdfSpan *dict,
                  const char    *key,
                  PdfSpan       *value)
{
  Lookup lookup = { key, value, FALSE };

  return dict_foreach (data, dict, lookup_pair, &lookup) && lookup.found;
}

typedef struct
{
  const char **keys;
  GString     *out;
} Copy;

static gboolean
copy_pair (const guint8  *data,
           const PdfSpan *key,
           const PdfSpan *value,
           gpointer       user_data)
{
  Copy *copy = user_data;

  for (guint i = 0; copy->keys[i] != NULL; i++)
    if (key_is (data, key, copy->keys[i]))
      return TRUE;
  g_string_append (copy->out, "\n   ");
  g_string_append_len (copy->out, (const char *) data + key->start, value->end - key->start);
  return TRUE;
}

/* Appends the entries of @dict but @keys (NULL-terminated), one a line;
 * FALSE if the dictionary is malformed (some may have been appended). */
gboolean
par_pdf_dict_copy_except (const guint8   *data,
                          const PdfSpan  *dict,
                          const char    **keys,
                          GString        *out)
{
  Copy copy = { keys, out };

  return dict_foreach (data, dict, copy_pair, &copy);
}

/* The object numbers of the references in @array, which holds nothing else. */
gboolean
par_pdf_array_get_refs (const guint8  *data,
                        const PdfSpan *array,
                        GArray        *numbers)
{
  gsize pos;

  if (array->end - array->start < 2 || data[array->start] != '[')
    return FALSE;
  for (pos = array->start + 1;;)
    {
      PdfSpan item;
      gssize next;
      guint number;

      pos = skip_space (data, array->end, pos);
      if (pos + 1 == array->end && data[pos] == ']')
        return TRUE;
      next = full_value_end (data, array->end, pos);
      if (next < 0)
        return FALSE;
      item.start = pos;
      item.end = next;
      if (!par_pdf_value_get_ref (data, &item, &number))
        return FALSE;
      g_array_append_val (numbers, number);
      pos = next;
    }
}

/* Cross-reference sections ---------------------------------------------- */

/* Reads the section at @offset: the entry of object @number if it has one
 * (@type 'n' or 'f', else 0) and the trailer dictionary. */
static gboolean
read_section (const PdfFile *file,
              gsize          offset,
              guint          number,
              guint64       *entry,
              char          *type,
              PdfSpan       *trailer)
{
  const guint8 *data = file->data;
  gsize end = file->length;
  gsize pos = skip_space (data, end, offset);
  gssize trailer_end;

  *type = 0;
  if (!keyword_at (data, end, pos, "xref"))
    return FALSE;
  pos += strlen ("xref");
  for (;;)
    {
      guint64 first, count;

      pos = skip_space (data, end, pos);
      if (keyword_at (data, end, pos, "trailer"))
        break;
      if (!read_uint (data, end, &pos, &first) || !read_uint (data, end, &pos, &count)
          || count > end / 18)
        return FALSE;
      for (guint64 i = 0; i < count; i++)
        {
          guint64 at, generation;

          if (!read_uint (data, end, &pos, &at) || !read_uint (data, end, &pos, &generation))
            return FALSE;
          pos = skip_space (data, end, pos);
          if (pos >= end || (data[pos] != 'n' && data[pos] != 'f'))
            return FALSE;
          if (first + i == number)
            {
              *entry = at;
              *type = (char) data[pos];
            }
          pos++;
        }
    }
  trailer->start = skip_space (data, end, pos + strlen ("trailer"));
  trailer_end = value_end (data, end, trailer->start, 0);
  if (trailer_end < 0)
    return FALSE;
  trailer->end = trailer_end;
  return par_pdf_value_is_dict (data, trailer);
}

/* The section before the one whose trailer is @trailer, by /Prev. */
static gboolean
previous_section (const PdfFile *file,
                  const PdfSpan *trailer,
                  gsize         *offset)
{
  PdfSpan value;
  gsize pos;
  guint64 prev;

  if (!par_pdf_dict_get (file->data, trailer, "/Prev", &value))
    return FALSE;
  pos = value.start;
  if (!read_uint (file->data, value.end, &pos, &prev) || prev >= file->length)
    return FALSE;
  *offset = prev;
  return TRUE;
}

/* Reads the trailer of the last section: startxref, /Size and /Root. */
gboolean
par_pdf_file_read (PdfFile       *file,
                   const guint8  *data,
                   gsize          length,
                   GError       **error)
{
  gsize from = length > TAIL_WINDOW ? length - TAIL_WINDOW : 0;
  gssize found = -1;
  gsize pos;
  guint64 startxref, size;
  guint64 unused;
  char type;
  PdfSpan value;

  memset (file, 0, sizeof *file);
  file->data = data;
  file->length = length;
  for (gssize hit = par_pdf_find_in (data, from, length, "startxref"); hit >= 0;
       hit = par_pdf_find_in (data, hit + 1, length, "startxref"))
    found = hit;
  pos = found + strlen ("startxref");
  if (found < 0 || !read_uint (data, length, &pos, &startxref) || startxref >= length)
    return par_pdf_signer_unsupported (error, "no startxref");
  file->startxref = startxref;
  if (!read_section (file, startxref, 0, &unused, &type, &file->trailer))
    return par_pdf_signer_unsupported (error, "no cross-reference table at startxref (a stream?)");
  if (par_pdf_dict_get (data, &file->trailer, "/Encrypt", &value))
    return par_pdf_signer_unsupported (error, "encrypted");
  if (par_pdf_dict_get (data, &file->trailer, "/XRefStm", &value))
    return par_pdf_signer_unsupported (error, "hybrid cross-reference");
  if (!par_pdf_dict_get (data, &file->trailer, "/Root", &value)
      || !par_pdf_value_get_ref (data, &value, &file->root))
    return par_pdf_signer_unsupported (error, "no /Root");
  pos = 0;
  if (!par_pdf_dict_get (data, &file->trailer, "/Size", &value)
      || !read_uint (data + value.start, value.end - value.start, &pos, &size)
      || size <= file->root || size > G_MAXINT / 2)
    return par_pdf_signer_unsupported (error, "no /Size");
  file->size = (guint) size;
  return TRUE;
}

/* The value of object @number ("<<" to ">>" for a dictionary), by the
 * newest cross-reference entry that has it. */
gboolean
par_pdf_file_get_object (const PdfFile  *file,
                         guint           number,
                         PdfSpan        *value,
                         GError        **error)
{
  gsize offset = file->startxref;

  for (guint n = 0; n < MAX_SECTIONS; n++)
    {
      PdfSpan trailer;
      guint64 entry = 0, found, generation;
      char type;
      gsize pos;
      gssize end;

      if (!read_section (file, offset, number, &entry, &type, &trailer))
        return par_pdf_signer_unsupported (error, "broken cross-reference section");
      if (type == 'f')
        break;
      if (type == 0)
        {
          if (!previous_section (file, &trailer, &offset))
            break;
          continue;
        }
      pos = entry;
      if (entry >= file->length || !read_uint (file->data, file->length, &pos, &found) || found != number
          || !read_uint (file->data, file->length, &pos, &generation))
        return par_pdf_signer_unsupported (error, "an object is not where the cross-reference says");
      pos = skip_space (file->data, file->length, pos);
      if (!keyword_at (file->data, file->length, pos, "obj"))
        return par_pdf_signer_unsupported (error, "no obj keyword");
      value->start = skip_space (file->data, file->length, pos + 3);
      end = full_value_end (file->data, file->length, value->start);
      if (end < 0)
        return par_pdf_signer_unsupported (error, "a broken object");
      value->end = end;
      return TRUE;
    }
  return par_pdf_signer_unsupported (error, "an object is missing");
}
