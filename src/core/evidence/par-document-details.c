/* par-document-details.c: number, date, type and abstract of an official document, read from its first page
 *
 * A Vietnamese official document opens with a fixed layout: a two-column
 * header (the issuing body on the left, the national motto on the right;
 * the number under the issuer, place and date under the motto), then the
 * document type centred and the abstract (trích yếu). An official letter
 * (công văn) has no type: its abstract follows "V/v" under the number.
 *
 * The page is read as lines of segments (par-document-details-lines.c);
 * here the lines are classified and the fields found where the layout
 * puts them, their values read by par-document-details-fields.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "par-document-details.h"
#include "par-document-details-private.h"

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
  r->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) par_details_line_free);
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
          if (!par_details_has_alnum (segment->text))
            segment->kind |= KIND_SEPARATOR;
          if (key_matches (r->urgency, segment->key))
            segment->kind |= KIND_URGENCY;
          if (key_matches (r->vv, segment->key))
            segment->kind |= KIND_VV;
        }
    }
}

static void
set_field (char       **field,
           const char  *value)
{
  g_free (*field);
  *field = par_details_normalize_text (value);
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
          number = par_details_read_number (r, segment->text, &start, &end);
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
          g_autofree char *number = par_details_read_number (r, line->text, &start, &end);
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
          g_autofree char *number = par_details_read_number (r, joined, &start, &end);

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
    if ((layout->type = par_details_line_type (reader_line (r, i), TRUE, &layout->rest_offset)) != NULL)
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
    if ((layout->type = par_details_line_type (reader_line (r, i), FALSE, &layout->rest_offset)) != NULL)
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
              par_details_read_date (r, segment->text, from, &date, &place);
            else if (!(segment->kind & KIND_NUMBER))
              g_string_append_printf (joined, "%s%s", joined->len > 0 ? " " : "", segment->text);
          }
        if (pass == 2 && date == NULL && joined->len > 0)
          par_details_read_date (r, joined->str, 0, &date, &place);
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
          if ((r->geometry && !is_left (r, segment)) || !par_details_is_mostly_upper (segment->text) ||
              par_details_read_date (r, segment->text, 0, &date, &place))
            continue;
          if (issuer->len > 0)
            g_string_append_c (issuer, ' ');
          g_string_append (issuer, segment->text);
        }
    }
  clean = par_details_squeeze_spaces (r, issuer->str);
  set_field (&details->issuer, clean);
}

static ParDocumentDetails *
reader_read (Reader *r)
{
  ParDocumentDetails *details = details_new_empty ();
  Layout layout = { r->lines->len, -1, -1, NULL, 0, NULL, -1, NULL, -1, -1, NULL, NULL };

  reader_classify (r);
  for (guint i = 0; i < r->lines->len; i++)
    if (par_details_reader_is_body (r, reader_line (r, i)))
      {
        layout.body = i;
        break;
      }

  reader_find_number (r, &layout, details);
  reader_find_motto (r, &layout);
  reader_find_type (r, &layout);
  if (layout.letter != NULL)
    {
      g_autofree char *abstract = par_details_reader_read_letter_abstract (r, layout.letter_index, layout.letter,
                                                                           layout.letter_prefix);

      set_field (&details->abstract, abstract);
    }
  else if (layout.type_index >= 0)
    {
      g_autofree char *abstract = par_details_reader_read_abstract (r, layout.type_index, layout.rest_offset);

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
  par_details_reader_add_page (&r, page);
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
    par_details_reader_add_text (&r, text);
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
