/* par-document-details-lines.c: a first page as lines of segments, from the positions of its characters or plain text
 *
 * Poppler's text order mixes the two header columns, so the page is
 * rebuilt here from the position of every character: characters are
 * grouped into lines by height, and each line is cut into segments where
 * a wide gap (or the start of the motto) separates them. Plain text is read
 * the same way, one line per line, with runs of spaces as the gaps.
 *
 * Every line and segment has a folded copy of its text (upper case,
 * without diacritics, one character for each character of the text), so
 * that "Quyết định", "QUYẾT ĐỊNH" and "CỘNG HOÀ" / "CỘNG HÒA" all match.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "par-document-details-private.h"

/* Gaps, as a share of the height of the characters around them. */
#define SPACE_GAP        0.15  /* wider than this between two characters: a space */
#define COLUMN_GAP       1.0   /* wider than this: two segments (header columns) */
#define SAME_LINE        0.4   /* centres closer than this: one line */

typedef struct
{
  gunichar c;    /* the character, NFC */
  gunichar key;  /* folded */
  double   x1;
  double   x2;
} Char;

/* Folding */

static gunichar
clean_char (gunichar c)
{
  if (g_unichar_isspace (c) || g_unichar_type (c) == G_UNICODE_SPACE_SEPARATOR)
    return ' ';
  return c;
}

static gunichar
fold_char (gunichar c)
{
  gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];

  switch (c)
    {
    case 0x00D0: /* Ð, typed for Đ */
    case 0x0110: /* Đ */
    case 0x0111: /* đ */
      return 'D';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2212:
      return '-';
    default:
      break;
    }
  if (g_unichar_isspace (c))
    return ' ';
  if (g_unichar_fully_decompose (c, FALSE, decomposed, G_N_ELEMENTS (decomposed)) > 0)
    c = decomposed[0];
  return g_unichar_toupper (c);
}

/* Folds an NFC string; the result has as many characters. */
char *
par_details_fold_text (const char *text)
{
  GString *key = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    g_string_append_unichar (key, fold_char (g_utf8_get_char (p)));
  return g_string_free (key, FALSE);
}

char *
par_details_normalize_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  char *normal = g_utf8_normalize (valid, -1, G_NORMALIZE_NFC);

  return normal != NULL ? normal : g_strdup ("");
}

/* Segments and lines */

static void
segment_free (Segment *segment)
{
  g_free (segment->text);
  g_free (segment->key);
  g_free (segment);
}

void
par_details_line_free (Line *line)
{
  g_ptr_array_unref (line->segments);
  g_free (line->text);
  g_free (line->key);
  g_free (line);
}

static Line *
line_new (void)
{
  Line *line = g_new0 (Line, 1);

  line->segments = g_ptr_array_new_with_free_func ((GDestroyNotify) segment_free);
  return line;
}

/* The characters [start, end) of chars, without the spaces around them;
 * NULL if there is nothing else. */
static Segment *
segment_new (GArray *chars,
             guint   start,
             guint   end,
             double  y1,
             double  y2)
{
  Segment *segment;
  GString *text;
  GString *key;

  while (start < end && g_array_index (chars, Char, start).c == ' ')
    start++;
  while (end > start && g_array_index (chars, Char, end - 1).c == ' ')
    end--;
  if (start == end)
    return NULL;

  segment = g_new0 (Segment, 1);
  text = g_string_new (NULL);
  key = g_string_new (NULL);
  segment->x1 = G_MAXDOUBLE;
  segment->x2 = -G_MAXDOUBLE;
  for (guint i = start; i < end; i++)
    {
      const Char *ch = &g_array_index (chars, Char, i);

      g_string_append_unichar (text, ch->c);
      g_string_append_unichar (key, ch->key);
      segment->x1 = MIN (segment->x1, ch->x1);
      segment->x2 = MAX (segment->x2, ch->x2);
    }
  segment->text = g_string_free (text, FALSE);
  segment->key = g_string_free (key, FALSE);
  segment->y1 = y1;
  segment->y2 = y2;
  return segment;
}

double
par_details_line_height (const Line *line)
{
  double height = 0.01;

  for (guint i = 0; i < line->segments->len; i++)
    height = MAX (height, segment_height (g_ptr_array_index (line->segments, i)));
  return height;
}

static void
append_char (GArray   *chars,
             gunichar  c,
             double    x1,
             double    x2)
{
  Char ch = { clean_char (c), 0, x1, x2 };

  ch.key = fold_char (ch.c);
  g_array_append_val (chars, ch);
}

/* Where a motto starts in a folded text, after something else; -1 if none does. */
static glong
motto_offset (Reader     *r,
              const char *key)
{
  GRegex *res[] = { r->motto, r->motto2 };
  glong first = -1;

  for (guint i = 0; i < G_N_ELEMENTS (res); i++)
    {
      g_autoptr(GMatchInfo) info = NULL;
      gint from;

      if (g_regex_match (res[i], key, 0, &info))
        {
          glong offset;

          g_match_info_fetch_pos (info, 0, &from, NULL);
          offset = char_offset (key, from);
          if (offset > 0 && (first < 0 || offset < first))
            first = offset;
        }
    }
  return first;
}

/* Appends a line whose characters, with spaces, are in chars, and whose
 * segments start at the indices in breaks (the first one at 0). */
static void
reader_add_line (Reader  *r,
                 GArray  *chars,
                 GArray  *breaks,
                 double   y1,
                 double   y2)
{
  Line *line = line_new ();
  GString *text = g_string_new (NULL);
  GString *key = g_string_new (NULL);

  for (guint b = 0; b < breaks->len; b++)
    {
      guint start = g_array_index (breaks, guint, b);
      guint end = b + 1 < breaks->len ? g_array_index (breaks, guint, b + 1) : chars->len;
      Segment *segment = segment_new (chars, start, end, y1, y2);

      /* The motto may follow the issuer with no wide gap: cut it off. */
      while (segment != NULL)
        {
          glong from = motto_offset (r, segment->key);
          guint cut = start;
          Segment *rest;

          if (from <= 0)
            break;
          while (g_array_index (chars, Char, cut).c == ' ')
            cut++;
          cut += from;
          rest = segment_new (chars, cut, end, y1, y2);
          segment_free (segment);
          segment = segment_new (chars, start, cut, y1, y2);
          if (segment != NULL)
            g_ptr_array_add (line->segments, segment);
          segment = rest;
          start = cut;
        }
      if (segment != NULL)
        g_ptr_array_add (line->segments, segment);
    }

  if (line->segments->len == 0)
    {
      g_string_free (text, TRUE);
      g_string_free (key, TRUE);
      par_details_line_free (line);
      return;
    }
  line->y1 = G_MAXDOUBLE;
  line->y2 = -G_MAXDOUBLE;
  for (guint i = 0; i < line->segments->len; i++)
    {
      Segment *segment = g_ptr_array_index (line->segments, i);

      if (i > 0)
        {
          g_string_append_c (text, ' ');
          g_string_append_c (key, ' ');
        }
      g_string_append (text, segment->text);
      g_string_append (key, segment->key);
      line->y1 = MIN (line->y1, segment->y1);
      line->y2 = MAX (line->y2, segment->y2);
    }
  line->text = g_string_free (text, FALSE);
  line->key = g_string_free (key, FALSE);
  g_ptr_array_add (r->lines, line);
}

/* Lines from a page */

typedef struct
{
  char   s[32];  /* the character and the combining marks that follow it */
  double x1;
  double y1;
  double x2;
  double y2;
  guint  order;
} Glyph;

static double
glyph_height (const Glyph *glyph)
{
  return MAX (glyph->y2 - glyph->y1, 0.01);
}

static int
compare_glyph_height (gconstpointer a,
                      gconstpointer b)
{
  const Glyph *ga = a;
  const Glyph *gb = b;
  double ca = (ga->y1 + ga->y2) / 2;
  double cb = (gb->y1 + gb->y2) / 2;

  if (ca != cb)
    return ca < cb ? -1 : 1;
  if (ga->x1 != gb->x1)
    return ga->x1 < gb->x1 ? -1 : 1;
  return ga->order < gb->order ? -1 : ga->order > gb->order;
}

static int
compare_glyph_x (gconstpointer a,
                 gconstpointer b)
{
  const Glyph *ga = a;
  const Glyph *gb = b;

  if (ga->x1 != gb->x1)
    return ga->x1 < gb->x1 ? -1 : 1;
  return ga->order < gb->order ? -1 : ga->order > gb->order;
}

/* One line of glyphs, already in order of position. */
static void
reader_add_glyph_line (Reader *r,
                       Glyph  *glyphs,
                       guint   n_glyphs)
{
  g_autoptr(GArray) chars = g_array_new (FALSE, FALSE, sizeof (Char));
  g_autoptr(GArray) breaks = g_array_new (FALSE, FALSE, sizeof (guint));
  double y1 = G_MAXDOUBLE;
  double y2 = -G_MAXDOUBLE;
  double right = 0;
  guint zero = 0;

  g_array_append_val (breaks, zero);
  for (guint i = 0; i < n_glyphs; i++)
    {
      const Glyph *glyph = &glyphs[i];
      g_autofree char *normal = g_utf8_normalize (glyph->s, -1, G_NORMALIZE_NFC);
      glong n_chars;
      double width;
      glong k = 0;

      if (normal == NULL || *normal == '\0')
        continue;
      if (chars->len > 0)
        {
          const Glyph *before = &glyphs[i - 1];
          double gap = glyph->x1 - right;

          if (gap > COLUMN_GAP * MAX (glyph_height (glyph), glyph_height (before)))
            {
              guint at = chars->len;

              g_array_append_val (breaks, at);
            }
          else if (gap > SPACE_GAP * MIN (glyph_height (glyph), glyph_height (before)))
            append_char (chars, ' ', right, glyph->x1);
        }
      n_chars = g_utf8_strlen (normal, -1);
      width = (glyph->x2 - glyph->x1) / n_chars;
      for (const char *p = normal; *p != '\0'; p = g_utf8_next_char (p), k++)
        append_char (chars, g_utf8_get_char (p), glyph->x1 + k * width, glyph->x1 + (k + 1) * width);
      right = i == 0 ? glyph->x2 : MAX (right, glyph->x2);
      y1 = MIN (y1, glyph->y1);
      y2 = MAX (y2, glyph->y2);
    }
  if (chars->len > 0)
    reader_add_line (r, chars, breaks, y1, y2);
}

void
par_details_reader_add_page (Reader      *r,
                             PopplerPage *page)
{
  g_autofree char *raw = poppler_page_get_text (page);
  g_autofree char *text = NULL;
  g_autofree PopplerRectangle *rects = NULL;
  g_autoptr(GArray) glyphs = g_array_new (FALSE, FALSE, sizeof (Glyph));
  guint n_rects = 0;
  gboolean after_space = TRUE;
  const char *p;
  guint i;
  guint start;

  if (raw == NULL || *raw == '\0')
    return;
  if (!poppler_page_get_text_layout (page, &rects, &n_rects))
    return;
  text = g_utf8_make_valid (raw, -1);
  if ((glong) n_rects != g_utf8_strlen (text, -1))
    {
      /* The positions do not match the text: read it as plain text. */
      par_details_reader_add_text (r, text);
      return;
    }

  /* One rectangle for each character of the text, in the same order. */
  for (p = text, i = 0; *p != '\0' && i < n_rects; p = g_utf8_next_char (p), i++)
    {
      gunichar c = g_utf8_get_char (p);
      const PopplerRectangle *rect = &rects[i];
      Glyph glyph = { "", 0, 0, 0, 0, 0 };

      if (g_unichar_isspace (c) || g_unichar_iscntrl (c) ||
          g_unichar_type (c) == G_UNICODE_FORMAT || c == 0xFFFD)
        {
          after_space = TRUE;
          continue;
        }
      if (g_unichar_ismark (c) && !after_space && glyphs->len > 0)
        {
          Glyph *last = &g_array_index (glyphs, Glyph, glyphs->len - 1);
          gsize used = strlen (last->s);

          if (used + 6 < sizeof last->s)
            last->s[used + g_unichar_to_utf8 (c, last->s + used)] = '\0';
          continue;
        }
      glyph.s[g_unichar_to_utf8 (c, glyph.s)] = '\0';
      glyph.x1 = MIN (rect->x1, rect->x2);
      glyph.x2 = MAX (rect->x1, rect->x2);
      glyph.y1 = MIN (rect->y1, rect->y2);
      glyph.y2 = MAX (rect->y1, rect->y2);
      glyph.order = i;
      g_array_append_val (glyphs, glyph);
      after_space = FALSE;
    }

  /* Lines: glyphs whose centres are at about the same height. */
  g_array_sort (glyphs, compare_glyph_height);
  start = 0;
  while (start < glyphs->len)
    {
      Glyph *first = &g_array_index (glyphs, Glyph, start);
      double centre = (first->y1 + first->y2) / 2;
      guint end = start + 1;

      while (end < glyphs->len)
        {
          Glyph *glyph = &g_array_index (glyphs, Glyph, end);

          if ((glyph->y1 + glyph->y2) / 2 - centre >
              SAME_LINE * MIN (glyph_height (glyph), glyph_height (first)))
            break;
          end++;
        }
      qsort (first, end - start, sizeof (Glyph), compare_glyph_x);
      reader_add_glyph_line (r, first, end - start);
      start = end;
    }
  r->geometry = TRUE;
}

/* Lines from plain text: segments are cut at tabs and runs of spaces. */
void
par_details_reader_add_text (Reader     *r,
                             const char *text)
{
  g_autofree char *normal = par_details_normalize_text (text);
  g_auto(GStrv) rows = g_strsplit_set (normal, "\n\r\f\v", -1);

  for (guint y = 0; rows[y] != NULL; y++)
    {
      g_autoptr(GArray) chars = g_array_new (FALSE, FALSE, sizeof (Char));
      g_autoptr(GArray) breaks = g_array_new (FALSE, FALSE, sizeof (guint));
      guint column = 0;
      guint blanks = 0;
      guint zero = 0;

      g_array_append_val (breaks, zero);
      for (const char *p = rows[y]; *p != '\0'; p = g_utf8_next_char (p))
        {
          gunichar c = clean_char (g_utf8_get_char (p));

          if (c == ' ')
            {
              blanks += g_utf8_get_char (p) == '\t' ? 2 : 1;
              column++;
              continue;
            }
          if (g_unichar_iscntrl (c) || g_unichar_type (c) == G_UNICODE_FORMAT)
            continue;
          if (chars->len > 0 && blanks >= 2)
            {
              guint at = chars->len;

              g_array_append_val (breaks, at);
            }
          else if (chars->len > 0 && blanks == 1)
            append_char (chars, ' ', column - 1, column);
          blanks = 0;
          append_char (chars, c, column, column + 1);
          column++;
        }
      if (chars->len > 0)
        reader_add_line (r, chars, breaks, y, y + 0.8);
    }
}
