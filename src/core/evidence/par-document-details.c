/* par-document-details.c: number, date, type and abstract of an official document, read from its first page
 *
 * A Vietnamese official document opens with a fixed layout: a two-column
 * header (the issuing body on the left, the national motto on the right;
 * the number under the issuer, place and date under the motto), then the
 * document type centred and the abstract (trích yếu). An official letter
 * (công văn) has no type: its abstract follows "V/v" under the number.
 *
 * Poppler's text order mixes the two header columns, so the page is
 * rebuilt here from the position of every character: characters are
 * grouped into lines by height, and each line is cut into segments where
 * a wide gap (or the start of the motto) separates them. Plain text is read
 * the same way, one line per line, with runs of spaces as the gaps.
 *
 * Words are matched on a folded copy of the text (upper case, without
 * diacritics, one character for each character of the text), so that
 * "Quyết định", "QUYẾT ĐỊNH" and "CỘNG HOÀ" / "CỘNG HÒA" all match.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "par-document-details.h"

/* Gaps, as a share of the height of the characters around them. */
#define SPACE_GAP        0.15  /* wider than this between two characters: a space */
#define COLUMN_GAP       1.0   /* wider than this: two segments (header columns) */
#define SAME_LINE        0.4   /* centres closer than this: one line */
#define BLOCK_GAP        0.75  /* a wider gap between two lines ends a block of text */
#define FIRST_BLOCK_GAP  1.6   /* the same, between the type and the abstract */
#define MAX_BLOCK_LINES  8

/* The types of document (Decree 30/2020/NĐ-CP, and a few more). */
static const char * const doc_types[] = {
  "QUYẾT ĐỊNH", "NGHỊ QUYẾT", "NGHỊ ĐỊNH", "THÔNG TƯ", "CHỈ THỊ", "QUY CHẾ",
  "QUY ĐỊNH", "THÔNG CÁO", "THÔNG BÁO", "HƯỚNG DẪN", "CHƯƠNG TRÌNH",
  "KẾ HOẠCH", "PHƯƠNG ÁN", "ĐỀ ÁN", "DỰ ÁN", "BÁO CÁO", "BIÊN BẢN", "TỜ TRÌNH",
  "HỢP ĐỒNG", "CÔNG VĂN", "CÔNG ĐIỆN", "BẢN GHI NHỚ", "BẢN THỎA THUẬN",
  "GIẤY ỦY QUYỀN", "GIẤY MỜI", "GIẤY GIỚI THIỆU", "GIẤY NGHỈ PHÉP",
  "PHIẾU GỬI", "PHIẾU CHUYỂN", "PHIẾU BÁO", "THƯ CÔNG", "KẾT LUẬN", "ĐIỀU LỆ",
};

typedef enum
{
  KIND_MOTTO     = 1 << 0,  /* "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "ĐẢNG CỘNG SẢN VIỆT NAM" */
  KIND_MOTTO2    = 1 << 1,  /* "Độc lập - Tự do - Hạnh phúc" */
  KIND_STAMP     = 1 << 2,  /* the text of a signature stamp: "Ký bởi", "Thời gian ký"... */
  KIND_SEPARATOR = 1 << 3,  /* no letter or digit: "-------", "___" */
  KIND_URGENCY   = 1 << 4,  /* "KHẨN", "MẬT", "DỰ THẢO" */
  KIND_VV        = 1 << 5,  /* starts with "V/v" */
  KIND_USED      = 1 << 6,  /* already read as part of the abstract */
  KIND_NUMBER    = 1 << 7,  /* holds (part of) the number */
} Kind;

typedef struct
{
  gunichar c;    /* the character, NFC */
  gunichar key;  /* folded */
  double   x1;
  double   x2;
} Char;

typedef struct
{
  char   *text;  /* NFC */
  char   *key;   /* folded, one character for each character of text */
  double  x1;
  double  y1;
  double  x2;
  double  y2;
  guint   kind;
} Segment;

typedef struct
{
  GPtrArray *segments;  /* Segment, left to right */
  char      *text;      /* the segments joined by a space */
  char      *key;
  double     y1;
  double     y2;
} Line;

typedef struct
{
  GPtrArray *lines;     /* Line, top to bottom */
  gboolean   geometry;  /* positions are the page's, not columns of plain text */
  double     right;     /* where the right header column starts */
  GRegex    *motto;
  GRegex    *motto2;
  GRegex    *stamp;
  GRegex    *urgency;
  GRegex    *number;
  GRegex    *number_inside;
  GRegex    *number_label;
  GRegex    *number_alone;
  GRegex    *date_words;
  GRegex    *date_digits;
  GRegex    *body;
  GRegex    *heading;
  GRegex    *authority;
  GRegex    *vv;
  GRegex    *about;
  GRegex    *spaces;
} Reader;

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
static char *
fold_text (const char *text)
{
  GString *key = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    g_string_append_unichar (key, fold_char (g_utf8_get_char (p)));
  return g_string_free (key, FALSE);
}

static char *
normalize_text (const char *text)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  char *normal = g_utf8_normalize (valid, -1, G_NORMALIZE_NFC);

  return normal != NULL ? normal : g_strdup ("");
}

static char *
squeeze_spaces (Reader     *r,
                const char *text)
{
  g_autofree char *normal = normalize_text (text);
  g_autofree char *single = g_regex_replace_literal (r->spaces, normal, -1, 0, " ", 0, NULL);

  return g_strdup (single != NULL ? g_strstrip (single) : "");
}

static gboolean
has_alnum (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalnum (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static void
count_letters (const char *text,
               guint      *upper,
               guint      *lower)
{
  *upper = *lower = 0;
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isupper (c) || g_unichar_istitle (c))
        (*upper)++;
      else if (g_unichar_islower (c))
        (*lower)++;
    }
}

static gboolean
is_mostly_upper (const char *text)
{
  guint upper, lower;

  count_letters (text, &upper, &lower);
  return upper >= 2 && upper >= 3 * lower;
}

static gboolean
is_all_upper (const char *text)
{
  guint upper, lower;

  count_letters (text, &upper, &lower);
  return upper >= 4 && lower == 0;
}

static gboolean
has_lower (const char *text)
{
  guint upper, lower;

  count_letters (text, &upper, &lower);
  return lower > 0;
}

static gboolean
starts_upper (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalpha (c))
        return g_unichar_isupper (c) || g_unichar_istitle (c);
      if (g_unichar_isdigit (c))
        return FALSE;
    }
  return FALSE;
}

static glong
char_offset (const char *text,
             gint        byte)
{
  return g_utf8_pointer_to_offset (text, text + byte);
}

/* Segments and lines */

static void
segment_free (Segment *segment)
{
  g_free (segment->text);
  g_free (segment->key);
  g_free (segment);
}

static void
line_free (Line *line)
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

static double
segment_centre (const Segment *segment)
{
  return (segment->x1 + segment->x2) / 2;
}

static double
segment_height (const Segment *segment)
{
  return MAX (segment->y2 - segment->y1, 0.01);
}

static double
line_height (const Line *line)
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
      line_free (line);
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

static void reader_add_text (Reader     *r,
                             const char *text);

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

static void
reader_add_page (Reader      *r,
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
      reader_add_text (r, text);
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
static void
reader_add_text (Reader     *r,
                 const char *text)
{
  g_autofree char *normal = normalize_text (text);
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

/* Reading */

/* Compiled once per process: compiling them for every document cost as
 * much as reading its page.  A GRegex is safe to share between threads. */
static GRegex *
regex (const char *pattern)
{
  static GHashTable *compiled = NULL;
  G_LOCK_DEFINE_STATIC (compiled);
  GRegex *re;

  G_LOCK (compiled);
  if (compiled == NULL)
    compiled = g_hash_table_new (g_str_hash, g_str_equal);
  re = g_hash_table_lookup (compiled, pattern);
  if (re == NULL)
    {
      g_autoptr(GError) error = NULL;

      re = g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, &error);
      g_assert_no_error (error);
      g_hash_table_insert (compiled, (gpointer) pattern, re);
    }
  G_UNLOCK (compiled);
  return g_regex_ref (re);
}

#define NUMBER "([\\p{L}\\p{N}][\\p{L}\\p{N}.]*(?:\\s*[/\\-–]\\s*[\\p{L}\\p{N}][\\p{L}\\p{N}.]*)+)"

static void
reader_init (Reader *r)
{
  memset (r, 0, sizeof *r);
  r->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) line_free);
  r->right = G_MAXDOUBLE;
  /* These match the folded text. */
  r->motto = regex ("CONG\\s*HOA\\s*XA\\s*HOI\\s*CHU\\s*NGHIA\\s*VIET\\s*NAM|DANG\\s*CONG\\s*SAN\\s*VIET\\s*NAM");
  r->motto2 = regex ("DOC\\s*LAP\\s*-?\\s*TU\\s*DO\\s*-?\\s*HANH\\s*PHUC");
  r->stamp = regex ("KY BOI|NGUOI KY|THOI GIAN KY|NGAY KY|E-?MAIL|CO QUAN\\s*:|SIGNED|SIGNATURE");
  r->urgency = regex ("^(?:KHAN|THUONG KHAN|HOA TOC(?: HEN GIO)?|MAT|TOI MAT|TUYET MAT|DU THAO|BAN SAO|BAN CHINH)$");
  r->date_words = regex ("NGAY\\s*(\\d(?:\\s?\\d)?)\\s*,?\\s*THANG\\s*(\\d(?:\\s?\\d)?)\\s*,?\\s*NAM\\s*(\\d(?:\\s?\\d){3})(?!\\d)");
  r->date_digits = regex ("(?:NGAY|,|^)\\s*(\\d{1,2})\\s*([/.\\-])\\s*(\\d{1,2})\\s*\\2\\s*(\\d{4})(?!\\d)");
  r->body = regex ("^(?:CAN CU|KINH GUI|DIEU\\s*\\d|DIEU\\s+[IVXLC]+\\b|CHUONG\\s+[IVXLC\\d]+\\b|PHAN\\s+[IVXLC\\d]+\\b|"
                   "XET DE NGHI|THEO DE NGHI|NOI NHAN)");
  r->heading = regex ("^(?:[IVXLC]{1,6}|\\d{1,2}(?:\\.\\d{1,2})*|[A-Z])\\s*[.)]\\s+\\S");
  r->authority = regex ("^(?:CHU TICH|PHO CHU TICH|GIAM DOC|BO TRUONG|THU TUONG|TRUONG BAN|UY BAN NHAN DAN|"
                        "HOI DONG NHAN DAN|BAN THUONG VU|BAN CHAP HANH|TM\\.|KT\\.)");
  r->vv = regex ("^V\\s*[/.]\\s*V\\b\\s*[:.]?\\s*");
  r->about = regex ("^VE VIEC\\b\\s*[:.]?\\s*");
  /* These match the text itself. */
  r->number = regex ("^\\s*(?:Số|SỐ|số)\\s*[:.]?\\s*" NUMBER);
  r->number_inside = regex ("\\s(?:Số|SỐ)\\s*:\\s*" NUMBER);
  r->number_alone = regex ("^\\s*(?:Số|SỐ)\\s*[:.]?\\s*$");
  r->number_label = regex ("^\\s*(?:Số|SỐ)\\s*(?::|$|[\\d/])");
  r->spaces = regex ("\\s+");
}

static void
reader_clear (Reader *r)
{
  g_ptr_array_unref (r->lines);
  g_regex_unref (r->motto);
  g_regex_unref (r->motto2);
  g_regex_unref (r->stamp);
  g_regex_unref (r->urgency);
  g_regex_unref (r->number);
  g_regex_unref (r->number_inside);
  g_regex_unref (r->number_label);
  g_regex_unref (r->number_alone);
  g_regex_unref (r->date_words);
  g_regex_unref (r->date_digits);
  g_regex_unref (r->body);
  g_regex_unref (r->heading);
  g_regex_unref (r->authority);
  g_regex_unref (r->vv);
  g_regex_unref (r->about);
  g_regex_unref (r->spaces);
}

static Line *
reader_line (Reader *r,
             guint   i)
{
  return g_ptr_array_index (r->lines, i);
}

static gboolean
key_matches (GRegex     *re,
             const char *key)
{
  return g_regex_match (re, key, 0, NULL);
}

static void
reader_classify (Reader *r)
{
  for (guint i = 0; i < r->lines->len; i++)
    {
      Line *line = reader_line (r, i);

      for (guint j = 0; j < line->segments->len; j++)
        {
          Segment *segment = g_ptr_array_index (line->segments, j);

          if (key_matches (r->motto, segment->key))
            segment->kind |= KIND_MOTTO;
          if (key_matches (r->motto2, segment->key))
            segment->kind |= KIND_MOTTO2;
          if (key_matches (r->stamp, segment->key))
            segment->kind |= KIND_STAMP;
          if (!has_alnum (segment->text))
            segment->kind |= KIND_SEPARATOR;
          if (key_matches (r->urgency, segment->key))
            segment->kind |= KIND_URGENCY;
          if (key_matches (r->vv, segment->key))
            segment->kind |= KIND_VV;
        }
    }
}

static gboolean
line_has_kind (const Line *line,
               guint       kind)
{
  for (guint j = 0; j < line->segments->len; j++)
    if (((Segment *) g_ptr_array_index (line->segments, j))->kind & kind)
      return TRUE;
  return FALSE;
}

/* The start of the body: "Căn cứ", "Kính gửi", "Điều 1", "I. ..." */
static gboolean
reader_is_body (Reader     *r,
                const Line *line)
{
  if (!starts_upper (line->text) && !g_unichar_isdigit (g_utf8_get_char (line->text)))
    return FALSE;
  return key_matches (r->body, line->key) || key_matches (r->heading, line->key);
}

static gboolean
is_left (Reader        *r,
         const Segment *segment)
{
  return segment_centre (segment) < r->right;
}

/* "1242/QĐ-UBND" from "Số: 1242/QĐ-UBND", "Số 1242 /QĐ-UBND", "Số:1242/QĐ-UBND". */
static char *
read_number (Reader     *r,
             const char *text,
             glong      *start,
             glong      *end)
{
  GRegex *res[] = { r->number, r->number_inside };

  for (guint i = 0; i < G_N_ELEMENTS (res); i++)
    {
      g_autoptr(GMatchInfo) info = NULL;
      g_autoptr(GString) number = NULL;
      gint from, to;
      gsize head;
      gboolean plausible = FALSE;

      if (!g_regex_match (res[i], text, 0, &info))
        continue;
      g_match_info_fetch_pos (info, 0, &from, NULL);
      *start = char_offset (text, from);
      g_match_info_fetch_pos (info, 1, &from, &to);
      number = g_string_new (NULL);
      for (const char *p = text + from; p < text + to; p = g_utf8_next_char (p))
        if (!g_unichar_isspace (g_utf8_get_char (p)))
          g_string_append_unichar (number, g_utf8_get_char (p));
      while (number->len > 0 && strchr (".-/", number->str[number->len - 1]) != NULL)
        g_string_truncate (number, number->len - 1);

      /* The part before the symbol is a number, Arabic or Roman. */
      head = strcspn (number->str, "/-");
      if (strpbrk (number->str, "/-") == NULL || head == 0)
        continue;
      for (gsize k = 0; k < head; k++)
        if (g_ascii_isdigit (number->str[k]))
          plausible = TRUE;
      if (!plausible && strspn (number->str, "IVXLCDM") == head)
        plausible = TRUE;
      if (!plausible)
        continue;
      *end = char_offset (text, to);
      return g_string_free (g_steal_pointer (&number), FALSE);
    }
  return NULL;
}

static int
digits_value (const char *key,
              gint        from,
              gint        to)
{
  int value = 0;

  for (gint k = from; k < to; k++)
    if (g_ascii_isdigit (key[k]))
      value = value * 10 + (key[k] - '0');
  return value;
}

/* "Phú Yên" from the text before ", ngày": the words of the place name,
 * not the capitals of what may stand before it. */
static char *
read_place (const char *before)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (before));
  g_auto(GStrv) words = NULL;
  guint n;
  guint first;

  while (*trimmed != '\0' && strchr (",;:", trimmed[strlen (trimmed) - 1]) != NULL)
    {
      trimmed[strlen (trimmed) - 1] = '\0';
      g_strchomp (trimmed);
    }
  words = g_strsplit (trimmed, " ", -1);
  n = g_strv_length (words);
  first = n;
  while (first > 0 && n - first < 7)
    {
      const char *word = words[first - 1];
      guint upper, lower;
      gboolean abbreviation;

      count_letters (word, &upper, &lower);
      abbreviation = upper <= 2 && lower <= 1 && g_str_has_suffix (word, ".");
      if (*word == '\0' || strpbrk (word, "0123456789/:") != NULL)
        break;
      if (upper + lower == 0 && strcmp (word, "-") != 0)
        break;
      if (upper >= 2 && lower == 0 && !abbreviation)
        break;
      first--;
    }
  while (first < n && (strcmp (words[first], "-") == 0 || !starts_upper (words[first])))
    first++;
  if (first == n)
    return g_strdup ("");
  return g_strjoinv (" ", words + first);
}

/* The date and place in text (from its character from on), if any. */
static gboolean
read_date (Reader      *r,
           const char  *full_text,
           glong        from,
           char       **date,
           char       **place)
{
  g_autofree char *text = g_utf8_substring (full_text, from, g_utf8_strlen (full_text, -1));
  g_autofree char *key = fold_text (text);
  GRegex *res[] = { r->date_words, r->date_digits };

  for (guint i = 0; i < G_N_ELEMENTS (res); i++)
    {
      g_autoptr(GMatchInfo) info = NULL;
      gint start, from_d, to_d, from_m, to_m, from_y, to_y;
      int day, month, year;
      g_autofree char *before = NULL;

      if (!g_regex_match (res[i], key, 0, &info))
        continue;
      g_match_info_fetch_pos (info, 0, &start, NULL);
      g_match_info_fetch_pos (info, 1, &from_d, &to_d);
      g_match_info_fetch_pos (info, i == 0 ? 2 : 3, &from_m, &to_m);
      g_match_info_fetch_pos (info, i == 0 ? 3 : 4, &from_y, &to_y);
      day = digits_value (key, from_d, to_d);
      month = digits_value (key, from_m, to_m);
      year = digits_value (key, from_y, to_y);
      if (year < 1945 || year > 2200 || !g_date_valid_dmy (day, month, year))
        continue;
      *date = g_strdup_printf ("%04d-%02d-%02d", year, month, day);
      before = g_utf8_substring (text, 0, char_offset (key, start));
      *place = read_place (before);
      return TRUE;
    }
  return FALSE;
}

/* The type of document a folded text is: exact, the text and nothing
 * else (its letters may be spaced out); otherwise the type may start the
 * text ("Quyết định về việc..."), and rest_offset is where the rest starts. */
static const char *
type_of_key (const char *key,
             gboolean    exact,
             glong      *rest_offset)
{
  g_autoptr(GString) bare = g_string_new (NULL);

  for (const char *p = key; *p != '\0'; p++)
    if (*p != ' ')
      g_string_append_c (bare, *p);
  for (guint i = 0; i < G_N_ELEMENTS (doc_types); i++)
    {
      g_autofree char *type_key = fold_text (doc_types[i]);
      g_autoptr(GString) type_bare = g_string_new (NULL);

      for (const char *p = type_key; *p != '\0'; p++)
        if (*p != ' ')
          g_string_append_c (type_bare, *p);
      if (exact && strcmp (bare->str, type_bare->str) == 0)
        {
          *rest_offset = -1;
          return doc_types[i];
        }
      if (!exact && g_str_has_prefix (key, type_key) && key[strlen (type_key)] == ' ')
        {
          *rest_offset = g_utf8_strlen (type_key, -1) + 1;
          return doc_types[i];
        }
    }
  return NULL;
}

/* The type of document a line is, if it is one; a type stands alone on
 * its line, or with something far off (a page number, a stamp). */
static const char *
line_type (const Line *line,
           gboolean    exact,
           glong      *rest_offset)
{
  const char *type;

  if (!starts_upper (line->text))
    return NULL;
  if ((type = type_of_key (line->key, exact, rest_offset)) != NULL || !exact)
    return type;
  for (guint j = 0; j < line->segments->len && type == NULL; j++)
    {
      const Segment *segment = g_ptr_array_index (line->segments, j);

      if (line->segments->len > 1 && starts_upper (segment->text))
        type = type_of_key (segment->key, TRUE, rest_offset);
    }
  return type;
}

static void
set_field (char       **field,
           const char  *value)
{
  g_free (*field);
  *field = normalize_text (value);
}

/* A number, or a place and date: not the rest of "V/v ...". */
static gboolean
ends_letter_abstract (Reader        *r,
                      const Segment *segment)
{
  g_autofree char *number = NULL;
  g_autofree char *date = NULL;
  g_autofree char *place = NULL;
  glong start, end;

  number = read_number (r, segment->text, &start, &end);
  if (number != NULL)
    return TRUE;
  return read_date (r, segment->text, 0, &date, &place) &&
         (*place != '\0' || g_str_has_prefix (segment->key, "NGAY"));
}

/* The abstract of an official letter: the segment after "V/v" and the
 * segments under it, in the same column. */
static char *
reader_read_letter_abstract (Reader  *r,
                             guint    line_index,
                             Segment *first,
                             GRegex  *prefix)
{
  g_autoptr(GString) abstract = g_string_new (NULL);
  g_autoptr(GMatchInfo) info = NULL;
  Segment *last = first;
  double x1 = first->x1;
  double x2 = first->x2;
  gint skip = 0;

  if (g_regex_match (prefix, first->key, 0, &info))
    g_match_info_fetch_pos (info, 0, NULL, &skip);
  g_string_append (abstract, g_utf8_offset_to_pointer (first->text, char_offset (first->key, skip)));
  first->kind |= KIND_USED;

  for (guint i = line_index + 1; i < r->lines->len && i <= line_index + MAX_BLOCK_LINES; i++)
    {
      Line *line = reader_line (r, i);
      Segment *next = NULL;

      if (reader_is_body (r, line))
        break;
      for (guint j = 0; j < line->segments->len && next == NULL; j++)
        {
          Segment *segment = g_ptr_array_index (line->segments, j);

          if (segment->x1 < x2 && segment->x2 > x1 && (!r->geometry || is_left (r, segment)))
            next = segment;
        }
      if (next == NULL)
        break;
      if (next->y1 - last->y2 > BLOCK_GAP * segment_height (next) ||
          next->kind & (KIND_MOTTO | KIND_MOTTO2 | KIND_STAMP | KIND_SEPARATOR | KIND_VV))
        break;
      if (ends_letter_abstract (r, next))
        break;
      g_string_append_c (abstract, ' ');
      g_string_append (abstract, next->text);
      next->kind |= KIND_USED;
      x1 = MIN (x1, next->x1);
      x2 = MAX (x2, next->x2);
      last = next;
    }
  return squeeze_spaces (r, abstract->str);
}

/* A line of plain text that ends like a sentence of the body, with no
 * gap above it to tell it from the abstract. */
static gboolean
ends_sentence (const char *text)
{
  gsize length = strlen (text);

  return length > 0 && strchr (".:;", text[length - 1]) != NULL;
}

/* The abstract after the type: the lines that follow it closely. */
static char *
reader_read_abstract (Reader *r,
                      guint   type_index,
                      glong   rest_offset)
{
  g_autoptr(GString) abstract = g_string_new (NULL);
  Line *type_line = reader_line (r, type_index);
  double last_y2 = type_line->y2;
  guint n_lines = 0;

  if (rest_offset > 0)
    {
      g_string_append (abstract, g_utf8_offset_to_pointer (type_line->text, rest_offset));
      n_lines++;
    }
  for (guint i = type_index + 1; i < r->lines->len && n_lines < MAX_BLOCK_LINES; i++)
    {
      Line *line = reader_line (r, i);
      double gap = line->y1 - last_y2;
      double limit = (n_lines == 0 ? FIRST_BLOCK_GAP : BLOCK_GAP) * line_height (line);

      if (reader_is_body (r, line) || gap > limit ||
          line_has_kind (line, KIND_MOTTO | KIND_MOTTO2 | KIND_STAMP) ||
          !has_alnum (line->text))
        break;
      if (n_lines > 0 &&
          ((g_str_has_prefix (line->key, "THUC HIEN") && starts_upper (line->text)) ||
           (!r->geometry && ends_sentence (line->text)) ||
           key_matches (r->authority, line->key) ||
           (has_lower (abstract->str) && is_all_upper (line->text))))
        break;
      if (abstract->len > 0)
        g_string_append_c (abstract, ' ');
      g_string_append (abstract, line->text);
      last_y2 = line->y2;
      n_lines++;
    }
  return squeeze_spaces (r, abstract->str);
}

static ParDocumentDetails *
details_new_empty (void)
{
  ParDocumentDetails *details = g_new0 (ParDocumentDetails, 1);

  details->issuer = g_strdup ("");
  details->number = g_strdup ("");
  details->place = g_strdup ("");
  details->date = g_strdup ("");
  details->doc_type = g_strdup ("");
  details->abstract = g_strdup ("");
  return details;
}

/* Where things are on the page, as they are found. */
typedef struct
{
  guint       body;            /* the first line of the body, or the number of lines */
  gint        header_end;      /* the last line of the header, or -1 */
  gint        number_index;    /* the line of "Số:", or -1 */
  Segment    *number_segment;  /* where the number ends */
  glong       number_end;      /* the character after it, in number_segment */
  Segment    *motto;
  gint        type_index;      /* the line of the type, or -1 */
  const char *type;
  glong       rest_offset;     /* where the abstract starts on the type's line, or -1 */
  gint        letter_index;    /* the line of "V/v", or -1 */
  Segment    *letter;
  GRegex     *letter_prefix;
} Layout;

static void
layout_set_number (Layout             *layout,
                   ParDocumentDetails *details,
                   const char         *number,
                   guint               index,
                   guint               last_index)
{
  set_field (&details->number, number);
  layout->number_index = index;
  layout->header_end = MAX (layout->header_end, (gint) last_index);
}

/* The number: "Số: 1242/QĐ-UBND" in one segment, or cut by a run of
 * spaces, or with the number on the next line; else the line of a
 * "Số:" left blank. */
static void
reader_find_number (Reader             *r,
                    Layout             *layout,
                    ParDocumentDetails *details)
{
  for (guint i = 0; i < layout->body && layout->number_segment == NULL; i++)
    {
      Line *line = reader_line (r, i);
      Segment *last = g_ptr_array_index (line->segments, line->segments->len - 1);
      glong start, end;

      for (guint j = 0; j < line->segments->len && layout->number_segment == NULL; j++)
        {
          Segment *segment = g_ptr_array_index (line->segments, j);
          g_autofree char *number = NULL;

          if (segment->kind & (KIND_VV | KIND_STAMP))
            continue;
          number = read_number (r, segment->text, &start, &end);
          if (number != NULL)
            {
              segment->kind |= KIND_NUMBER;
              layout->number_segment = segment;
              layout->number_end = end;
              layout_set_number (layout, details, number, i, i);
            }
        }

      if (layout->number_segment == NULL && line->segments->len > 1)
        {
          g_autofree char *number = read_number (r, line->text, &start, &end);
          glong offset = 0;

          for (guint j = 0; j < line->segments->len && number != NULL; j++)
            {
              Segment *segment = g_ptr_array_index (line->segments, j);
              glong length = g_utf8_strlen (segment->text, -1);

              if (offset < end && offset + length > start)
                {
                  segment->kind |= KIND_NUMBER;
                  layout->number_segment = segment;
                  layout->number_end = MIN (end - offset, length);
                }
              offset += length + 1;
            }
          if (layout->number_segment != NULL)
            layout_set_number (layout, details, number, i, i);
        }

      if (layout->number_segment == NULL && i + 1 < layout->body &&
          key_matches (r->number_alone, last->text))
        {
          Segment *next = g_ptr_array_index (reader_line (r, i + 1)->segments, 0);
          g_autofree char *joined = g_strconcat ("Số: ", next->text, NULL);
          g_autofree char *number = read_number (r, joined, &start, &end);

          if (number != NULL && start == 0)
            {
              next->kind |= KIND_NUMBER;
              layout->number_segment = next;
              layout->number_end = end - g_utf8_strlen ("Số: ", -1);
              layout_set_number (layout, details, number, i, i + 1);
            }
        }
    }

  for (guint i = 0; i < layout->body && layout->number_index < 0; i++)
    {
      Line *line = reader_line (r, i);

      for (guint j = 0; j < line->segments->len && layout->number_index < 0; j++)
        {
          Segment *segment = g_ptr_array_index (line->segments, j);

          if (key_matches (r->number_label, segment->text))
            {
              layout->number_index = i;
              layout->header_end = MAX (layout->header_end, (gint) i);
            }
        }
    }
}

/* The motto, whose left edge is that of the right header column. */
static void
reader_find_motto (Reader *r,
                   Layout *layout)
{
  Segment *motto2 = NULL;

  for (guint i = 0; i < layout->body; i++)
    {
      Line *line = reader_line (r, i);

      for (guint j = 0; j < line->segments->len; j++)
        {
          Segment *segment = g_ptr_array_index (line->segments, j);

          if (segment->kind & KIND_MOTTO && layout->motto == NULL)
            layout->motto = segment;
          else if (segment->kind & KIND_MOTTO2 && motto2 == NULL)
            motto2 = segment;
          else
            continue;
          layout->header_end = MAX (layout->header_end, (gint) i);
        }
    }
  if (layout->motto == NULL)
    layout->motto = motto2;
  if (r->geometry && layout->motto != NULL)
    r->right = layout->motto->x1 - 0.5 * segment_height (layout->motto);
}

/* The type on a line of its own under the header, else "V/v" under the
 * number, else the type starting a line, else "Về việc" under the number. */
static void
reader_find_type (Reader *r,
                  Layout *layout)
{
  gint exact_index = -1;
  guint limit;

  for (guint i = layout->header_end + 1; i < layout->body && exact_index < 0; i++)
    if ((layout->type = line_type (reader_line (r, i), TRUE, &layout->rest_offset)) != NULL)
      exact_index = i;

  limit = exact_index >= 0 ? (guint) exact_index : layout->body;
  for (guint i = 0; i < limit && layout->letter == NULL; i++)
    {
      Line *line = reader_line (r, i);

      for (guint j = 0; j < line->segments->len && layout->letter == NULL; j++)
        {
          Segment *segment = g_ptr_array_index (line->segments, j);

          if (segment->kind & KIND_VV)
            {
              layout->letter = segment;
              layout->letter_index = i;
              layout->letter_prefix = r->vv;
            }
        }
    }
  if (layout->letter != NULL)
    {
      layout->type = NULL;
      return;
    }

  layout->type_index = exact_index;
  for (guint i = layout->header_end + 1; i < layout->body && layout->type_index < 0; i++)
    if ((layout->type = line_type (reader_line (r, i), FALSE, &layout->rest_offset)) != NULL)
      layout->type_index = i;
  if (layout->type_index >= 0 || layout->number_index < 0)
    return;

  for (guint i = layout->number_index + 1;
       i < layout->body && i <= (guint) layout->number_index + 2 && layout->letter == NULL;
       i++)
    {
      Line *line = reader_line (r, i);

      for (guint j = 0; j < line->segments->len && layout->letter == NULL; j++)
        {
          Segment *segment = g_ptr_array_index (line->segments, j);

          if (key_matches (r->about, segment->key) && (!r->geometry || is_left (r, segment)))
            {
              layout->letter = segment;
              layout->letter_index = i;
              layout->letter_prefix = r->about;
            }
        }
    }
}

/* Place and date: in the header, on the right if there is a right; at
 * last across the segments of a line, for a date cut by runs of spaces. */
static void
reader_find_date (Reader             *r,
                  Layout             *layout,
                  ParDocumentDetails *details)
{
  guint stop = layout->type_index >= 0 ? (guint) layout->type_index : layout->body;
  g_autofree char *date = NULL;
  g_autofree char *place = NULL;

  for (guint pass = 0; pass < 3 && date == NULL; pass++)
    for (guint i = 0; i < stop && date == NULL; i++)
      {
        Line *line = reader_line (r, i);
        g_autoptr(GString) joined = g_string_new (NULL);

        for (guint j = 0; j < line->segments->len && date == NULL; j++)
          {
            Segment *segment = g_ptr_array_index (line->segments, j);
            glong from = segment == layout->number_segment ? layout->number_end : 0;

            if (segment->kind & (KIND_MOTTO | KIND_MOTTO2 | KIND_STAMP | KIND_VV | KIND_USED) ||
                (segment->kind & KIND_NUMBER && segment != layout->number_segment))
              continue;
            if (pass == 0 && r->right < G_MAXDOUBLE && is_left (r, segment))
              continue;
            if (pass < 2)
              read_date (r, segment->text, from, &date, &place);
            else if (!(segment->kind & KIND_NUMBER))
              g_string_append_printf (joined, "%s%s", joined->len > 0 ? " " : "", segment->text);
          }
        if (pass == 2 && date == NULL && joined->len > 0)
          read_date (r, joined->str, 0, &date, &place);
      }
  if (date != NULL)
    {
      set_field (&details->date, date);
      set_field (&details->place, place);
    }
}

/* The issuer: the capitals on the left, above the number. */
static void
reader_find_issuer (Reader             *r,
                    Layout             *layout,
                    ParDocumentDetails *details)
{
  g_autoptr(GString) issuer = g_string_new (NULL);
  g_autofree char *clean = NULL;
  guint end;

  if (layout->number_index >= 0)
    end = layout->number_index;
  else if (layout->motto != NULL)
    end = MIN (layout->type_index >= 0 ? (guint) layout->type_index : layout->body,
               layout->letter_index >= 0 ? (guint) layout->letter_index : layout->body);
  else
    return;

  for (guint i = 0; i < end; i++)
    {
      Line *line = reader_line (r, i);

      for (guint j = 0; j < line->segments->len; j++)
        {
          Segment *segment = g_ptr_array_index (line->segments, j);
          g_autofree char *date = NULL;
          g_autofree char *place = NULL;

          if (segment->kind & (KIND_MOTTO | KIND_MOTTO2 | KIND_STAMP | KIND_SEPARATOR |
                               KIND_URGENCY | KIND_VV | KIND_USED | KIND_NUMBER))
            continue;
          if ((r->geometry && !is_left (r, segment)) || !is_mostly_upper (segment->text) ||
              read_date (r, segment->text, 0, &date, &place))
            continue;
          if (issuer->len > 0)
            g_string_append_c (issuer, ' ');
          g_string_append (issuer, segment->text);
        }
    }
  clean = squeeze_spaces (r, issuer->str);
  set_field (&details->issuer, clean);
}

static ParDocumentDetails *
reader_read (Reader *r)
{
  ParDocumentDetails *details = details_new_empty ();
  Layout layout = { r->lines->len, -1, -1, NULL, 0, NULL, -1, NULL, -1, -1, NULL, NULL };

  reader_classify (r);
  for (guint i = 0; i < r->lines->len; i++)
    if (reader_is_body (r, reader_line (r, i)))
      {
        layout.body = i;
        break;
      }

  reader_find_number (r, &layout, details);
  reader_find_motto (r, &layout);
  reader_find_type (r, &layout);
  if (layout.letter != NULL)
    {
      g_autofree char *abstract = reader_read_letter_abstract (r, layout.letter_index, layout.letter,
                                                               layout.letter_prefix);

      set_field (&details->abstract, abstract);
    }
  else if (layout.type_index >= 0)
    {
      g_autofree char *abstract = reader_read_abstract (r, layout.type_index, layout.rest_offset);

      set_field (&details->doc_type, layout.type);
      set_field (&details->abstract, abstract);
    }
  reader_find_date (r, &layout, details);
  reader_find_issuer (r, &layout, details);
  return details;
}

/**
 * par_document_details_new_from_page:
 * @page: the first page of a document
 *
 * Reads the details of an official document from the position of the
 * characters of its first page. A page with no text (a scan) gives empty
 * fields.
 *
 * Returns: (transfer full): the details; free with par_document_details_free()
 */
ParDocumentDetails *
par_document_details_new_from_page (PopplerPage *page)
{
  ParDocumentDetails *details;
  Reader r;

  g_return_val_if_fail (POPPLER_IS_PAGE (page), NULL);

  reader_init (&r);
  reader_add_page (&r, page);
  details = reader_read (&r);
  reader_clear (&r);
  return details;
}

/**
 * par_document_details_new_from_text:
 * @text: (nullable): the text of a first page, one line per line
 *
 * Reads the details of an official document from plain text; tabs and
 * runs of spaces separate the columns of the header, if they are on one
 * line. Any Unicode normalisation is accepted.
 *
 * Returns: (transfer full): the details; free with par_document_details_free()
 */
ParDocumentDetails *
par_document_details_new_from_text (const char *text)
{
  ParDocumentDetails *details;
  Reader r;

  reader_init (&r);
  if (text != NULL)
    reader_add_text (&r, text);
  details = reader_read (&r);
  reader_clear (&r);
  return details;
}

void
par_document_details_free (ParDocumentDetails *details)
{
  if (details == NULL)
    return;
  g_free (details->issuer);
  g_free (details->number);
  g_free (details->place);
  g_free (details->date);
  g_free (details->doc_type);
  g_free (details->abstract);
  g_free (details);
}
