/* test-document-details.c: number, date, type and abstract read from the first page of official documents
 *
 * The PDFs are drawn here with cairo, laid out like Vietnamese official
 * documents in several ways, then read back through poppler.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <poppler.h>
#include <string.h>

#include "par-document-details.h"
#include "test-fixture.h"
#include "test-util.h"

#define PAGE_WIDTH  595.0
#define PAGE_HEIGHT 842.0
#define FONT        "DejaVu Sans"

#define MOTTO  "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
#define MOTTO2 "Độc lập - Tự do - Hạnh phúc"

typedef TestFixture Fixture;

/* Drawing */

typedef enum
{
  PLAIN,
  BOLD,
  ITALIC,
} Style;

static cairo_t *
pdf_begin (Fixture    *f,
           const char *name)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_t *cr = cairo_create (surface);

  cairo_surface_destroy (surface);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  return cr;
}

static void
pdf_end (cairo_t *cr)
{
  cairo_show_page (cr);
  cairo_surface_finish (cairo_get_target (cr));
  g_assert_cmpint (cairo_surface_status (cairo_get_target (cr)), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
}

static void
set_font (cairo_t *cr,
          double   size,
          Style    style)
{
  cairo_select_font_face (cr, FONT,
                          style == ITALIC ? CAIRO_FONT_SLANT_ITALIC : CAIRO_FONT_SLANT_NORMAL,
                          style == BOLD ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, size);
}

/* Text from x, its baseline at y. */
static void
put (cairo_t    *cr,
     double      x,
     double      y,
     double      size,
     Style       style,
     const char *text)
{
  set_font (cr, size, style);
  cairo_move_to (cr, x, y);
  cairo_show_text (cr, text);
}

/* Text centred on x. */
static void
put_centred (cairo_t    *cr,
             double      x,
             double      y,
             double      size,
             Style       style,
             const char *text)
{
  cairo_text_extents_t extents;

  set_font (cr, size, style);
  cairo_text_extents (cr, text, &extents);
  put (cr, x - extents.x_advance / 2, y, size, style, text);
}

static void
rule (cairo_t *cr,
      double   x1,
      double   x2,
      double   y)
{
  cairo_set_line_width (cr, 0.6);
  cairo_move_to (cr, x1, y);
  cairo_line_to (cr, x2, y);
  cairo_stroke (cr);
}

static char *
nfd (const char *text)
{
  return g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
}

static PopplerPage *
open_first_page (Fixture    *f,
                 const char *name)
{
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GError) error = NULL;
  PopplerDocument *document = poppler_document_new_from_file (uri, NULL, &error);
  PopplerPage *page;

  g_assert_no_error (error);
  g_assert_nonnull (document);
  page = poppler_document_get_page (document, 0);
  g_assert_nonnull (page);
  g_object_unref (document);
  return page;
}

static ParDocumentDetails *
read_pdf (Fixture    *f,
          const char *name)
{
  PopplerPage *page = open_first_page (f, name);
  ParDocumentDetails *details = par_document_details_new_from_page (page);

  g_assert_nonnull (details);
  g_object_unref (page);
  return details;
}

static void
assert_details (const ParDocumentDetails *details,
                const char               *issuer,
                const char               *number,
                const char               *place,
                const char               *date,
                const char               *doc_type,
                const char               *abstract)
{
  g_assert_cmpstr (details->issuer, ==, issuer);
  g_assert_cmpstr (details->number, ==, number);
  g_assert_cmpstr (details->place, ==, place);
  g_assert_cmpstr (details->date, ==, date);
  g_assert_cmpstr (details->doc_type, ==, doc_type);
  g_assert_cmpstr (details->abstract, ==, abstract);
}

static void
assert_nfc (const ParDocumentDetails *details)
{
  const char *fields[] = {
    details->issuer, details->number, details->place,
    details->date, details->doc_type, details->abstract,
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *nfc = g_utf8_normalize (fields[i], -1, G_NORMALIZE_NFC);

      g_assert_nonnull (fields[i]);
      g_assert_cmpstr (fields[i], ==, nfc);
    }
}

/* Layouts */

/* As the acceptance check draws it: issuer, motto, number and date at
 * fixed places, the type and the wrapped abstract, then "Điều 1". */
static void
draw_decision (Fixture    *f,
               const char *name,
               gboolean    decompose)
{
  const char *texts[] = {
    "ỦY BAN NHÂN DÂN", "TỈNH PHÚ YÊN", MOTTO, MOTTO2,
    "Số: 1242/QĐ-UBND", "Phú Yên, ngày 14 tháng 9 năm 2021", "QUYẾT ĐỊNH",
    "Ban hành Quy chế phối hợp tham mưu tổ chức thực",
    "hiện công tác cải cách hành chính",
    "Điều 1. Ban hành kèm theo Quyết định này Quy chế phối hợp.",
    "Trang 2",
  };
  char *t[G_N_ELEMENTS (texts)];
  cairo_t *cr = pdf_begin (f, name);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    t[i] = decompose ? nfd (texts[i]) : g_strdup (texts[i]);
  put (cr, 50, 60, 11, PLAIN, t[0]);
  put (cr, 50, 75, 11, BOLD, t[1]);
  put (cr, 300, 60, 11, BOLD, t[2]);
  put (cr, 330, 75, 11, BOLD, t[3]);
  put (cr, 60, 100, 11, PLAIN, t[4]);
  put (cr, 300, 100, 11, PLAIN, t[5]);
  put (cr, 250, 150, 14, BOLD, t[6]);
  put (cr, 110, 172, 12, BOLD, t[7]);
  put (cr, 110, 188.8, 12, BOLD, t[8]);
  put (cr, 60, 221.6, 12, PLAIN, t[9]);
  cairo_show_page (cr);
  put (cr, 280, 800, 10, PLAIN, t[10]);
  pdf_end (cr);
  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    g_free (t[i]);
}

static void
test_decision (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(ParDocumentDetails) details = NULL;

  draw_decision (f, "decision.pdf", FALSE);
  details = read_pdf (f, "decision.pdf");
  assert_details (details, "ỦY BAN NHÂN DÂN TỈNH PHÚ YÊN", "1242/QĐ-UBND", "Phú Yên", "2021-09-14",
                  "QUYẾT ĐỊNH",
                  "Ban hành Quy chế phối hợp tham mưu tổ chức thực hiện công tác cải cách hành chính");
  assert_nfc (details);
}

/* The same decision written in NFD: read back in NFC. */
static void
test_decision_nfd (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(ParDocumentDetails) details = NULL;

  draw_decision (f, "decision-nfd.pdf", TRUE);
  details = read_pdf (f, "decision-nfd.pdf");
  assert_nfc (details);
  assert_details (details, "ỦY BAN NHÂN DÂN TỈNH PHÚ YÊN", "1242/QĐ-UBND", "Phú Yên", "2021-09-14",
                  "QUYẾT ĐỊNH",
                  "Ban hành Quy chế phối hợp tham mưu tổ chức thực hiện công tác cải cách hành chính");
}

/* A plan from a department: a two-line issuer and centred columns,
 * rules under the issuer and the motto, a body opening with "I.". */
static void
draw_plan (Fixture    *f,
           const char *name)
{
  cairo_t *cr = pdf_begin (f, name);

  put_centred (cr, 150, 58, 12, PLAIN, "UBND TỈNH PHÚ YÊN");
  put_centred (cr, 150, 73, 12, BOLD, "SỞ NỘI VỤ");
  rule (cr, 125, 175, 78);
  put_centred (cr, 400, 58, 12, BOLD, MOTTO);
  put_centred (cr, 400, 73, 13, BOLD, MOTTO2);
  put_centred (cr, 400, 80, 10, PLAIN, "______________________________");
  put_centred (cr, 150, 98, 12, PLAIN, "Số: 15/KH-SNV");
  put_centred (cr, 400, 98, 12, ITALIC, "Phú Yên, ngày 05 tháng 01 năm 2023");
  put_centred (cr, 297, 140, 14, BOLD, "KẾ HOẠCH");
  put_centred (cr, 297, 160, 13, BOLD, "Kiểm tra công tác cải cách hành chính");
  put_centred (cr, 297, 176, 13, BOLD, "năm 2023 tại các cơ quan, đơn vị");
  rule (cr, 250, 345, 182);
  put (cr, 60, 215, 12, BOLD, "I. MỤC ĐÍCH, YÊU CẦU");
  put (cr, 60, 233, 12, PLAIN, "1. Mục đích: đánh giá kết quả triển khai kế hoạch ngày 10 tháng 02 năm 2022.");
  pdf_end (cr);
}

static void
test_plan (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(ParDocumentDetails) details = NULL;

  draw_plan (f, "plan.pdf");
  details = read_pdf (f, "plan.pdf");
  assert_details (details, "UBND TỈNH PHÚ YÊN SỞ NỘI VỤ", "15/KH-SNV", "Phú Yên", "2023-01-05",
                  "KẾ HOẠCH", "Kiểm tra công tác cải cách hành chính năm 2023 tại các cơ quan, đơn vị");
}

/* An official letter: no type, "V/v" on two lines under the number, then
 * "Kính gửi". */
static void
test_letter (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(ParDocumentDetails) details = NULL;
  cairo_t *cr = pdf_begin (f, "letter.pdf");

  put_centred (cr, 140, 58, 12, PLAIN, "UBND TỈNH PHÚ YÊN");
  put_centred (cr, 140, 73, 12, BOLD, "SỞ NỘI VỤ");
  put_centred (cr, 140, 98, 12, PLAIN, "Số: 230/SNV-CCHC");
  put_centred (cr, 140, 114, 11, PLAIN, "V/v triển khai đánh giá Chỉ số");
  put_centred (cr, 140, 128, 11, PLAIN, "cải cách hành chính năm 2024");
  put_centred (cr, 400, 58, 12, BOLD, MOTTO);
  put_centred (cr, 400, 73, 13, BOLD, MOTTO2);
  put_centred (cr, 400, 98, 12, ITALIC, "Tuy Hòa, ngày 3 tháng 4 năm 2024");
  put_centred (cr, 297, 170, 13, PLAIN, "Kính gửi: Các cơ quan, đơn vị thuộc tỉnh.");
  put (cr, 60, 200, 12, PLAIN, "Thực hiện Kế hoạch số 12/KH-UBND ngày 10 tháng 01 năm 2024 của UBND tỉnh,");
  put (cr, 60, 216, 12, PLAIN, "Sở Nội vụ đề nghị các cơ quan, đơn vị báo cáo kết quả.");
  pdf_end (cr);

  details = read_pdf (f, "letter.pdf");
  assert_details (details, "UBND TỈNH PHÚ YÊN SỞ NỘI VỤ", "230/SNV-CCHC", "Tuy Hòa", "2024-04-03",
                  "", "triển khai đánh giá Chỉ số cải cách hành chính năm 2024");
}

/* A report whose date line is well below the number; the body starts
 * with "Thực hiện" right under the abstract and quotes another date. */
static void
test_report (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(ParDocumentDetails) details = NULL;
  cairo_t *cr = pdf_begin (f, "report.pdf");

  put_centred (cr, 130, 55, 12, PLAIN, "ỦY BAN NHÂN DÂN");
  put_centred (cr, 130, 70, 12, BOLD, "HUYỆN ĐỒNG XUÂN");
  put_centred (cr, 130, 92, 12, PLAIN, "Số: 87/BC-UBND");
  put_centred (cr, 390, 55, 12, BOLD, MOTTO);
  put_centred (cr, 390, 70, 12, BOLD, MOTTO2);
  put_centred (cr, 390, 112, 12, ITALIC, "Đồng Xuân, ngày 20 tháng 12 năm 2022");
  put_centred (cr, 297, 150, 14, BOLD, "BÁO CÁO");
  put_centred (cr, 297, 168, 13, BOLD, "Kết quả thực hiện công tác cải cách hành chính năm 2022");
  put (cr, 60, 184, 12, PLAIN, "Thực hiện Kế hoạch số 15/KH-UBND ngày 10 tháng 1 năm 2022 của UBND tỉnh,");
  put (cr, 60, 200, 12, PLAIN, "UBND huyện báo cáo như sau:");
  put (cr, 60, 220, 12, BOLD, "I. KẾT QUẢ ĐẠT ĐƯỢC");
  pdf_end (cr);

  details = read_pdf (f, "report.pdf");
  assert_details (details, "ỦY BAN NHÂN DÂN HUYỆN ĐỒNG XUÂN", "87/BC-UBND", "Đồng Xuân", "2022-12-20",
                  "BÁO CÁO", "Kết quả thực hiện công tác cải cách hành chính năm 2022");
}

/* A narrow left column and a wide right one, the date a little lower than
 * the number, runs of spaces, "Số:" with no space, the old spelling
 * "CỘNG HOÀ", the type in lower case, the authority line before "Căn cứ". */
static void
test_narrow_left (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(ParDocumentDetails) details = NULL;
  cairo_t *cr = pdf_begin (f, "narrow.pdf");

  put_centred (cr, 75, 50, 12, BOLD, "SỞ Y TẾ");
  put (cr, 28, 80, 11, PLAIN, "Số:1242  /QĐ-SYT");
  put (cr, 165, 50, 13, BOLD, "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  put (cr, 215, 66, 13, BOLD, "Độc  lập  -  Tự  do  -  Hạnh  phúc");
  put (cr, 200, 84, 12, ITALIC, "Phú Yên,    ngày      14     tháng   09   năm   2021");
  put_centred (cr, 297, 130, 14, BOLD, "Quyết định");
  put_centred (cr, 297, 150, 13, BOLD, "Về việc ban hành Quy chế quản lý");
  put_centred (cr, 297, 166, 13, BOLD, "hồ sơ cải cách hành chính");
  put_centred (cr, 297, 200, 13, BOLD, "GIÁM ĐỐC SỞ Y TẾ");
  put (cr, 60, 222, 12, ITALIC, "Căn cứ Quyết định số 11/2019/QĐ-UBND ngày 14 tháng 3 năm 2019;");
  pdf_end (cr);

  details = read_pdf (f, "narrow.pdf");
  assert_details (details, "SỞ Y TẾ", "1242/QĐ-SYT", "Phú Yên", "2021-09-14",
                  "QUYẾT ĐỊNH", "Về việc ban hành Quy chế quản lý hồ sơ cải cách hành chính");
}

/* A long issuer with almost no gap before the motto, a party document:
 * "ĐẢNG CỘNG SẢN VIỆT NAM", "Số 45-KH/TU", a "*" under the issuer, an
 * abstract that itself starts with "Thực hiện". */
static void
test_party (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(ParDocumentDetails) details = NULL;
  cairo_t *cr = pdf_begin (f, "party.pdf");

  put (cr, 20, 55, 11, BOLD, "BAN THƯỜNG VỤ TỈNH ỦY PHÚ YÊN");
  put (cr, 242, 55, 12, BOLD, "ĐẢNG CỘNG SẢN VIỆT NAM");
  put_centred (cr, 130, 68, 12, PLAIN, "*");
  put_centred (cr, 130, 86, 12, PLAIN, "Số 45-KH/TU");
  put (cr, 290, 86, 12, ITALIC, "Tuy Hòa, ngày 14 tháng 9 năm 2021");
  put_centred (cr, 297, 130, 14, BOLD, "KẾ HOẠCH");
  put_centred (cr, 297, 150, 13, BOLD, "Thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị");
  put (cr, 60, 185, 12, PLAIN, "Ban Thường vụ Tỉnh ủy ban hành kế hoạch như sau:");
  pdf_end (cr);

  details = read_pdf (f, "party.pdf");
  assert_details (details, "BAN THƯỜNG VỤ TỈNH ỦY PHÚ YÊN", "45-KH/TU", "Tuy Hòa", "2021-09-14",
                  "KẾ HOẠCH", "Thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị");
}

/* A scan: an image and no text layer. */
static void
test_scan (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(ParDocumentDetails) details = NULL;
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 200, 280);
  cairo_t *paint = cairo_create (image);
  cairo_t *cr = pdf_begin (f, "scan.pdf");

  cairo_set_source_rgb (paint, 0.95, 0.95, 0.93);
  cairo_paint (paint);
  cairo_set_source_rgb (paint, 0.2, 0.2, 0.2);
  for (int row = 0; row < 30; row++)
    {
      cairo_rectangle (paint, 20 + (row % 3) * 7, 15 + row * 8.5, 150 - (row % 5) * 17, 3);
      cairo_fill (paint);
    }
  cairo_destroy (paint);
  cairo_scale (cr, PAGE_WIDTH / 200, PAGE_HEIGHT / 280);
  cairo_set_source_surface (cr, image, 0, 0);
  cairo_paint (cr);
  cairo_surface_destroy (image);
  pdf_end (cr);

  details = read_pdf (f, "scan.pdf");
  assert_details (details, "", "", "", "", "", "");
}

/* The line of text that holds needle, or NULL. */
static char *
line_with (const char *text,
           const char *needle)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (strstr (lines[i], needle) != NULL)
      return g_strdup (lines[i]);
  return NULL;
}

/* The plain text of a page keeps neither the header columns nor their
 * order: poppler's runs the number into the place and date ("Số:
 * 15/KH-SNVPhú Yên, ngày..."), pdftotext puts the motto's second line
 * under the date. The details come from the position of the characters. */
static void
test_not_plain_text (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "plan.pdf", NULL);
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *text = NULL;
  g_autofree char *number_line = NULL;
  g_autoptr(ParDocumentDetails) details = NULL;
  PopplerPage *page;

  draw_plan (f, "plan.pdf");
  page = open_first_page (f, "plan.pdf");
  text = poppler_page_get_text (page);
  details = par_document_details_new_from_page (page);
  g_object_unref (page);
  g_assert_cmpstr (details->number, ==, "15/KH-SNV");
  g_assert_cmpstr (details->date, ==, "2023-01-05");
  g_assert_cmpstr (details->issuer, ==, "UBND TỈNH PHÚ YÊN SỞ NỘI VỤ");

  /* Poppler's text glues the number to the place and date... */
  number_line = line_with (text, "15/KH-SNV");
  g_assert_nonnull (number_line);
  g_test_message ("poppler: %s", number_line);
  g_assert_nonnull (strstr (number_line, "ngày 05"));
  {
    g_autoptr(ParDocumentDetails) from_text = par_document_details_new_from_text (text);

    g_assert_cmpstr (from_text->number, !=, details->number);
  }

  /* ...and pdftotext puts the motto's second line below the date. */
  if (pdftotext != NULL)
    {
      const char *argv[] = { pdftotext, "-enc", "UTF-8", "-l", "1", path, "-", NULL };
      g_autofree char *out = NULL;
      g_autoptr(GError) error = NULL;
      int status = 0;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                                   &out, NULL, &status, &error));
      g_assert_no_error (error);
      g_assert_true (g_spawn_check_wait_status (status, NULL));
      g_assert_nonnull (strstr (out, "ngày 05"));
      g_assert_nonnull (strstr (out, "Độc lập"));
      g_assert_true (strstr (out, "Độc lập") > strstr (out, "ngày 05"));
    }
  else
    g_test_message ("no pdftotext to compare with");
}

/* Plain text */

static void
test_text_nfd (void)
{
  g_autofree char *text = nfd ("ỦY BAN NHÂN DÂN\n"
                               "TỈNH PHÚ YÊN\n"
                               "Số: 1242/QĐ-UBND\n"
                               "\n"
                               "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                               "Độc lập - Tự do - Hạnh phúc\n"
                               "Phú Yên, ngày 14 tháng 9 năm 2021\n"
                               "\n"
                               "QUYẾT ĐỊNH\n"
                               "Ban hành Quy chế phối hợp tham mưu tổ chức thực\n"
                               "hiện công tác cải cách hành chính\n"
                               "Điều 1. Ban hành kèm theo Quyết định này Quy chế phối hợp.\n");
  g_autoptr(ParDocumentDetails) details = par_document_details_new_from_text (text);

  assert_nfc (details);
  assert_details (details, "ỦY BAN NHÂN DÂN TỈNH PHÚ YÊN", "1242/QĐ-UBND", "Phú Yên", "2021-09-14",
                  "QUYẾT ĐỊNH",
                  "Ban hành Quy chế phối hợp tham mưu tổ chức thực hiện công tác cải cách hành chính");
}

static void
test_text_short_date (void)
{
  g_autoptr(ParDocumentDetails) details = NULL;

  details = par_document_details_new_from_text ("UBND TỈNH PHÚ YÊN\n"
                                                "SỞ NỘI VỤ\n"
                                                "Số 15 /KH-SNV\n"
                                                "Tuy Hòa, ngày 5/3/2022\n"
                                                "KẾ HOẠCH\n"
                                                "Kiểm tra công tác văn thư, lưu trữ năm 2022\n"
                                                "\n"
                                                "I. MỤC ĐÍCH\n");
  assert_details (details, "UBND TỈNH PHÚ YÊN SỞ NỘI VỤ", "15/KH-SNV", "Tuy Hòa", "2022-03-05",
                  "KẾ HOẠCH", "Kiểm tra công tác văn thư, lưu trữ năm 2022");
}

/* Columns side by side, as "pdftotext -layout" prints them. */
static void
test_text_columns (void)
{
  g_autoptr(ParDocumentDetails) details = NULL;

  details = par_document_details_new_from_text (
    "UBND TỈNH BÌNH ĐỊNH             CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "    SỞ NỘI VỤ                       Độc lập - Tự do - Hạnh phúc\n"
    "\n"
    " Số:  321 /SNV-VP                Bình Định, ngày  1 tháng  10 năm 2020\n"
    "V/v báo cáo số liệu\n"
    "   cải cách hành chính\n"
    "\n"
    "                 Kính gửi: Ủy ban nhân dân các huyện\n");
  assert_details (details, "UBND TỈNH BÌNH ĐỊNH SỞ NỘI VỤ", "321/SNV-VP", "Bình Định", "2020-10-01",
                  "", "báo cáo số liệu cải cách hành chính");
}

/* As pdftotext may print a page: "Số:" on a line of its own, the date
 * digits spaced out, the authority line right under the abstract. */
static void
test_text_scattered (void)
{
  g_autoptr(ParDocumentDetails) details = NULL;

  details = par_document_details_new_from_text ("UBND TỈNH PHÚ YÊN\n"
                                                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                                                "SỞ THÔNG TIN VÀ TRUYỀN THÔNG Độc lập - Tự do - Hạnh phúc\n"
                                                "Số:\n"
                                                "\n"
                                                "1242/QĐ-STTTT\n"
                                                "\n"
                                                "Phú Yên, ngày 1 4 tháng 0 9 năm 2 021\n"
                                                "\n"
                                                "QUYẾT ĐỊNH\n"
                                                "Về việc ban hành Quy chế phối hợp\n"
                                                "trong công tác chuyển đổi số\n"
                                                "GIÁM ĐỐC SỞ THÔNG TIN VÀ TRUYỀN THÔNG\n"
                                                "Căn cứ Luật ngày 19 tháng 6 năm 2015;\n");
  assert_details (details, "UBND TỈNH PHÚ YÊN SỞ THÔNG TIN VÀ TRUYỀN THÔNG", "1242/QĐ-STTTT", "Phú Yên",
                  "2021-09-14", "QUYẾT ĐỊNH", "Về việc ban hành Quy chế phối hợp trong công tác chuyển đổi số");
}

/* Blanks left to fill in, text that is no document: nothing is made up. */
static void
test_text_unsure (void)
{
  const char *texts[] = {
    NULL,
    "",
    "Hello\nThis is not a Vietnamese document at all.\n",
    "Số lượng hồ sơ: 25/30 - đạt 83%\n",
  };
  g_autoptr(ParDocumentDetails) blank = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(ParDocumentDetails) details = par_document_details_new_from_text (texts[i]);

      assert_details (details, "", "", "", "", "", "");
    }

  blank = par_document_details_new_from_text ("ỦY BAN NHÂN DÂN TỈNH PHÚ YÊN\n"
                                              "Số:      /QĐ-UBND\n"
                                              "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
                                              "Phú Yên, ngày      tháng      năm 2021\n"
                                              "QUYẾT ĐỊNH\n"
                                              "Về việc phê duyệt danh sách\n"
                                              "Căn cứ Luật ngày 19 tháng 6 năm 2015;\n");
  assert_details (blank, "ỦY BAN NHÂN DÂN TỈNH PHÚ YÊN", "", "", "", "QUYẾT ĐỊNH",
                  "Về việc phê duyệt danh sách");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) g_test_add (name, Fixture, NULL, test_fixture_set_up_no_file, func, test_fixture_tear_down)
  ADD ("/document-details/page/decision", test_decision);
  ADD ("/document-details/page/decision-nfd", test_decision_nfd);
  ADD ("/document-details/page/plan", test_plan);
  ADD ("/document-details/page/letter", test_letter);
  ADD ("/document-details/page/report", test_report);
  ADD ("/document-details/page/narrow-left", test_narrow_left);
  ADD ("/document-details/page/party", test_party);
  ADD ("/document-details/page/scan", test_scan);
  ADD ("/document-details/page/not-plain-text", test_not_plain_text);
#undef ADD
  g_test_add_func ("/document-details/text/nfd", test_text_nfd);
  g_test_add_func ("/document-details/text/short-date", test_text_short_date);
  g_test_add_func ("/document-details/text/columns", test_text_columns);
  g_test_add_func ("/document-details/text/scattered", test_text_scattered);
  g_test_add_func ("/document-details/text/unsure", test_text_unsure);

  return g_test_run ();
}
