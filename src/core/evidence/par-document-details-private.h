/* par-document-details-private.h: a first page as lines of segments, for the files that read its details
 *
 * par-document-details-lines.c rebuilds the lines of a first page (or of
 * plain text), par-document-details-fields.c reads the value of a field
 * from them, and par-document-details.c finds where each field is.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "par-document-details.h"

G_BEGIN_DECLS

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

/* The lines read, and the expressions that match them (compiled once, in
 * par-document-details.c). */
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

/* One-line helpers that all three files use. */

static inline glong
char_offset (const char *text,
             gint        byte)
{
  return g_utf8_pointer_to_offset (text, text + byte);
}

static inline double
segment_centre (const Segment *segment)
{
  return (segment->x1 + segment->x2) / 2;
}

static inline double
segment_height (const Segment *segment)
{
  return MAX (segment->y2 - segment->y1, 0.01);
}

static inline Line *
reader_line (Reader *r,
             guint   i)
{
  return g_ptr_array_index (r->lines, i);
}

static inline gboolean
key_matches (GRegex     *re,
             const char *key)
{
  return g_regex_match (re, key, 0, NULL);
}

static inline gboolean
is_left (Reader        *r,
         const Segment *segment)
{
  return segment_centre (segment) < r->right;
}

/* par-document-details-lines.c */
char       *par_details_normalize_text              (const char   *text);
char       *par_details_fold_text                   (const char   *text);
void        par_details_line_free                   (Line         *line);
double      par_details_line_height                 (const Line   *line);
void        par_details_reader_add_page             (Reader       *r,
                                                     PopplerPage  *page);
void        par_details_reader_add_text             (Reader       *r,
                                                     const char   *text);

/* par-document-details-fields.c */
char       *par_details_squeeze_spaces              (Reader       *r,
                                                     const char   *text);
gboolean    par_details_has_alnum                   (const char   *text);
gboolean    par_details_is_mostly_upper             (const char   *text);
gboolean    par_details_reader_is_body              (Reader       *r,
                                                     const Line   *line);
char       *par_details_read_number                 (Reader       *r,
                                                     const char   *text,
                                                     glong        *start,
                                                     glong        *end);
gboolean    par_details_read_date                   (Reader       *r,
                                                     const char   *full_text,
                                                     glong         from,
                                                     char        **date,
                                                     char        **place);
const char *par_details_line_type                   (const Line   *line,
                                                     gboolean      exact,
                                                     glong        *rest_offset);
char       *par_details_reader_read_letter_abstract (Reader       *r,
                                                     guint         line_index,
                                                     Segment      *first,
                                                     GRegex       *prefix);
char       *par_details_reader_read_abstract        (Reader       *r,
                                                     guint         type_index,
                                                     glong         rest_offset);

G_END_DECLS
