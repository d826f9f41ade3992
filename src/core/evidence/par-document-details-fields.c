/* par-document-details-fields.c: the number, date and place, type and abstract read from the lines of a first page
 *
 * Words are matched on the folded text of a line or segment, so that
 * "Quyết định", "QUYẾT ĐỊNH" and "CỘNG HOÀ" / "CỘNG HÒA" all match.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "par-document-details-private.h"

/* Gaps, as a share of the height of the characters around them. */
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

/* Text */

char *
par_details_squeeze_spaces (Reader     *r,
                            const char *text)
{
  g_autofree char *normal = par_details_normalize_text (text);
  g_autofree char *single = g_regex_replace_literal (r->spaces, normal, -1, 0, " ", 0, NULL);

  return g_strdup (single != NULL ? g_strstrip (single) : "");
}

gboolean
par_details_has_alnum (const char *text)
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

gboolean
par_details_is_mostly_upper (const char *text)
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
gboolean
par_details_reader_is_body (Reader     *r,
                            const Line *line)
{
  if (!starts_upper (line->text) && !g_unichar_isdigit (g_utf8_get_char (line->text)))
    return FALSE;
  return key_matches (r->body, line->key) || key_matches (r->heading, line->key);
}

/* Fields */

/* "1242/QĐ-UBND" from "Số: 1242/QĐ-UBND", "Số 1242 /QĐ-UBND", "Số:1242/QĐ-UBND". */
char *
par_details_read_number (Reader     *r,
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
gboolean
par_details_read_date (Reader      *r,
                       const char  *full_text,
                       glong        from,
                       char       **date,
                       char       **place)
{
  g_autofree char *text = g_utf8_substring (full_text, from, g_utf8_strlen (full_text, -1));
  g_autofree char *key = par_details_fold_text (text);
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
      g_autofree char *type_key = par_details_fold_text (doc_types[i]);
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
const char *
par_details_line_type (const Line *line,
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

/* Abstracts */

/* A number, or a place and date: not the rest of "V/v ...". */
static gboolean
ends_letter_abstract (Reader        *r,
                      const Segment *segment)
{
  g_autofree char *number = NULL;
  g_autofree char *date = NULL;
  g_autofree char *place = NULL;
  glong start, end;

  number = par_details_read_number (r, segment->text, &start, &end);
  if (number != NULL)
    return TRUE;
  return par_details_read_date (r, segment->text, 0, &date, &place) &&
         (*place != '\0' || g_str_has_prefix (segment->key, "NGAY"));
}

/* The abstract of an official letter: the segment after "V/v" and the
 * segments under it, in the same column. */
char *
par_details_reader_read_letter_abstract (Reader  *r,
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

      if (par_details_reader_is_body (r, line))
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
  return par_details_squeeze_spaces (r, abstract->str);
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
char *
par_details_reader_read_abstract (Reader *r,
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
      double limit = (n_lines == 0 ? FIRST_BLOCK_GAP : BLOCK_GAP) * par_details_line_height (line);

      if (par_details_reader_is_body (r, line) || gap > limit ||
          line_has_kind (line, KIND_MOTTO | KIND_MOTTO2 | KIND_STAMP) ||
          !par_details_has_alnum (line->text))
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
  return par_details_squeeze_spaces (r, abstract->str);
}
