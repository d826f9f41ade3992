/* par-pdf-signature-syntax.c: the bits of PDF syntax the signature check reads, straight from the bytes
 *
 * Only what a signature dictionary needs: white space and delimiters,
 * integers and the /ByteRange array, hex strings, the /M date and the
 * /SubFilter name. Everything is bounded by the range it is given, so
 * that nothing in a damaged or hostile file is read past its end.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "par-pdf-signature-private.h"

/* Lexical helpers ------------------------------------------------------- */

gboolean
par_pdf_is_space (guint8 c)
{
  return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

gboolean
par_pdf_is_delimiter (guint8 c)
{
  return par_pdf_is_space (c) || strchr ("()<>[]{}/%", c) != NULL;
}

static gboolean
has_at (const guint8 *data,
        gsize         length,
        gsize         pos,
        const char   *word)
{
  gsize n = strlen (word);

  return pos <= length && length - pos >= n && memcmp (data + pos, word, n) == 0;
}

/* The offset of the first @word in [@from, @to), or -1. */
gssize
par_pdf_find_in (const guint8 *data,
                 gsize         from,
                 gsize         to,
                 const char   *word)
{
  gsize n = strlen (word);

  for (gsize i = from; i < to && to - i >= n; i++)
    {
      const guint8 *hit = memchr (data + i, word[0], to - i - n + 1);

      if (hit == NULL)
        return -1;
      i = hit - data;
      if (memcmp (hit, word, n) == 0)
        return i;
    }
  return -1;
}

/* Skips white space and comments. */
static gsize
skip_space (const guint8 *data,
            gsize         length,
            gsize         pos)
{
  while (pos < length)
    {
      if (par_pdf_is_space (data[pos]))
        pos++;
      else if (data[pos] == '%')
        {
          while (pos < length && data[pos] != '\n' && data[pos] != '\r')
            pos++;
        }
      else
        break;
    }
  return pos;
}

/* "obj" as a keyword (after "N G", not the end of "endobj"). */
static gboolean
is_obj_keyword (const guint8 *data,
                gsize         length,
                gsize         pos)
{
  return pos > 0 && par_pdf_is_space (data[pos - 1]) && has_at (data, length, pos, "obj")
         && (pos + 3 == length || par_pdf_is_delimiter (data[pos + 3]));
}

/* Where the object holding @pos begins: just after the last "obj" keyword
 * before it, or 0. */
gsize
par_pdf_object_start_before (const guint8 *data,
                             gsize         length,
                             gsize         pos)
{
  for (gsize i = pos; i-- > 0;)
    if (data[i] == 'o' && is_obj_keyword (data, length, i))
      return i + 3;
  return 0;
}

static gboolean
parse_integer (const guint8 *data,
               gsize         length,
               gsize        *pos,
               guint64      *value)
{
  gsize p = skip_space (data, length, *pos);
  guint digits = 0;

  *value = 0;
  while (p < length && g_ascii_isdigit (data[p]))
    {
      if (++digits > 15)  /* more than a petabyte: not an offset */
        return FALSE;
      *value = *value * 10 + (data[p] - '0');
      p++;
    }
  if (digits == 0 || (p < length && !par_pdf_is_delimiter (data[p])))
    return FALSE;
  *pos = p;
  return TRUE;
}

/* "[a b c d]" at @pos (after the key). */
gboolean
par_pdf_parse_byte_range (const guint8 *data,
                          gsize         length,
                          gsize         pos,
                          ByteRange    *range)
{
  pos = skip_space (data, length, pos);
  if (pos >= length || data[pos] != '[')
    return FALSE;
  pos++;
  if (!parse_integer (data, length, &pos, &range->a)
      || !parse_integer (data, length, &pos, &range->b)
      || !parse_integer (data, length, &pos, &range->c)
      || !parse_integer (data, length, &pos, &range->d))
    return FALSE;
  pos = skip_space (data, length, pos);
  return pos < length && data[pos] == ']';
}

int
par_pdf_hex_value (guint8 c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* The bytes of the hex digits in [@from, @to), white space ignored, an odd
 * last digit taken as followed by 0; NULL if anything else is there. */
guint8 *
par_pdf_hex_decode (const guint8 *data,
                    gsize         from,
                    gsize         to,
                    gsize        *out_length)
{
  g_autofree guint8 *out = g_malloc ((to - from) / 2 + 1);
  gsize n = 0;
  int high = -1;

  for (gsize i = from; i < to; i++)
    {
      int v;

      if (par_pdf_is_space (data[i]))
        continue;
      v = par_pdf_hex_value (data[i]);
      if (v < 0)
        return NULL;
      if (high < 0)
        high = v;
      else
        {
          out[n++] = (guint8) (high << 4 | v);
          high = -1;
        }
    }
  if (high >= 0)
    out[n++] = (guint8) (high << 4);
  *out_length = n;
  return g_steal_pointer (&out);
}

/* Dates ----------------------------------------------------------------- */

char *
par_pdf_format_date_time (GDateTime *when)
{
  return g_date_time_format (when, "%Y-%m-%dT%H:%M:%S%:z");
}

static gboolean
take_digits (const char *s,
             gsize      *pos,
             guint       n,
             int        *value)
{
  int v = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (s[*pos + i]))
        return FALSE;
      v = v * 10 + (s[*pos + i] - '0');
    }
  *pos += n;
  *value = v;
  return TRUE;
}

/* A PDF date, "D:YYYYMMDDHHmmSSOHH'mm'" with everything after the year
 * optional (PDF 1.7, 7.9.4); no offset is taken as UTC. */
static GDateTime *
parse_pdf_date (const char *s)
{
  int field[6] = { 0, 1, 1, 0, 0, 0 };
  int offset = 0;
  gsize pos = 0;
  g_autoptr(GTimeZone) zone = NULL;

  if (g_str_has_prefix (s, "D:"))
    pos = 2;
  if (!take_digits (s, &pos, 4, &field[0]))
    return NULL;
  for (guint i = 1; i < 6; i++)
    if (!take_digits (s, &pos, 2, &field[i]))
      break;
  if (s[pos] == '+' || s[pos] == '-')
    {
      int sign = s[pos] == '-' ? -1 : 1;
      int hours = 0, minutes = 0;

      pos++;
      if (take_digits (s, &pos, 2, &hours))
        {
          if (s[pos] == '\'')
            pos++;
          take_digits (s, &pos, 2, &minutes);
        }
      if (hours > 23 || minutes > 59)
        return NULL;
      offset = sign * (hours * 3600 + minutes * 60);
    }
  if (field[1] < 1 || field[1] > 12 || field[2] < 1 || field[2] > 31
      || field[3] > 23 || field[4] > 59 || field[5] > 59)
    return NULL;
  zone = g_time_zone_new_offset (offset);
  if (zone == NULL)
    return NULL;
  return g_date_time_new (zone, field[0], field[1], field[2], field[3], field[4], field[5]);
}

/* The /M value of the dictionary in [@from, @to), as a literal or a hex
 * string (UTF-16 with its mark reduced to ASCII); NULL if none. */
GDateTime *
par_pdf_find_date (const guint8 *data,
                   gsize         from,
                   gsize         to)
{
  char text[64];
  gsize n = 0;
  gssize key = from;

  while ((key = par_pdf_find_in (data, key, to, "/M")) >= 0)
    {
      gsize pos = key + 2;

      if (pos < to && (par_pdf_is_space (data[pos]) || data[pos] == '(' || data[pos] == '<'))
        break;
      key = pos;
    }
  if (key < 0)
    return NULL;

  {
    gsize pos = skip_space (data, to, key + 2);

    if (pos < to && data[pos] == '(')
      {
        for (pos++; pos < to && data[pos] != ')' && n < sizeof text - 1; pos++)
          if (data[pos] >= 0x20 && data[pos] < 0x7f)
            text[n++] = data[pos];
      }
    else if (pos < to && data[pos] == '<')
      {
        gssize end = par_pdf_find_in (data, pos, to, ">");
        g_autofree guint8 *bytes = NULL;
        gsize length = 0;

        if (end < 0 || (bytes = par_pdf_hex_decode (data, pos + 1, end, &length)) == NULL)
          return NULL;
        for (gsize i = 0; i < length && n < sizeof text - 1; i++)
          if (bytes[i] >= 0x20 && bytes[i] < 0x7f)
            text[n++] = bytes[i];
      }
  }
  text[n] = '\0';
  return parse_pdf_date (text);
}

/* The name after /SubFilter in [@from, @to), or NULL. */
char *
par_pdf_find_sub_filter (const guint8 *data,
                         gsize         from,
                         gsize         to)
{
  gssize key = par_pdf_find_in (data, from, to, "/SubFilter");
  gsize start, end;

  if (key < 0)
    return NULL;
  start = skip_space (data, to, key + strlen ("/SubFilter"));
  if (start >= to || data[start] != '/')
    return NULL;
  start++;
  for (end = start; end < to && !par_pdf_is_delimiter (data[end]) && end - start < 64; end++)
    ;
  return g_strndup ((const char *) data + start, end - start);
}
