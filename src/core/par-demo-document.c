/* par-demo-document.c: the sample office's documents, drawn as PDFs at demo time
 *
 * Shared by the demo's kept documents (par-demo.c) and its signed ones
 * (par-demo-signatures.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>

#include "par-demo-private.h"

static void
draw_centered (cairo_t    *cr,
               double      x,
               double      y,
               const char *text)
{
  cairo_text_extents_t extents;

  cairo_text_extents (cr, text, &extents);
  cairo_move_to (cr, x - extents.width / 2 - extents.x_bearing, y);
  cairo_show_text (cr, text);
}

/* A one-page PDF laid out like an official document (issuer and number on
 * the left, the national motto and the date on the right, the type and
 * the abstract centred), with @title in its properties unless NULL. */
gboolean
par_demo_draw_document (const DemoDocument *doc,
                        const char         *title,
                        const char         *path)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);
  gboolean ok;

  if (title != NULL)
    cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, title);
  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 10);
  draw_centered (cr, 150, 60, doc->issuer[0]);
  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  draw_centered (cr, 150, 74, doc->issuer[1]);
  draw_centered (cr, 400, 60, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
  draw_centered (cr, 400, 74, "Độc lập - Tự do - Hạnh phúc");
  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  draw_centered (cr, 150, 100, doc->number);
  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_ITALIC, CAIRO_FONT_WEIGHT_NORMAL);
  draw_centered (cr, 400, 100, doc->place_date);
  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
  cairo_set_font_size (cr, 13);
  draw_centered (cr, 297, 150, doc->type);
  cairo_set_font_size (cr, 11);
  draw_centered (cr, 297, 170, doc->abstract);
  cairo_select_font_face (cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
  cairo_set_font_size (cr, 10);
  {
    /* The body, wrapped by words at about 90 characters. */
    g_auto(GStrv) words = g_strsplit (doc->body, " ", -1);
    GString *line = g_string_new (NULL);
    double y = 215;

    for (guint i = 0; words[i] != NULL; i++)
      {
        if (g_utf8_strlen (line->str, -1) + g_utf8_strlen (words[i], -1) > 90)
          {
            cairo_move_to (cr, 60, y);
            cairo_show_text (cr, line->str);
            g_string_truncate (line, 0);
            y += 16;
          }
        g_string_append_printf (line, "%s%s", line->len > 0 ? " " : "", words[i]);
      }
    cairo_move_to (cr, 60, y);
    cairo_show_text (cr, line->str);
    g_string_free (line, TRUE);
  }
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  ok = cairo_surface_status (surface) == CAIRO_STATUS_SUCCESS;
  cairo_surface_destroy (surface);
  return ok;
}
