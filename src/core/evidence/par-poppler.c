/* par-poppler.c: keep poppler's global state alive between documents
 *
 * poppler-glib builds its global parameters (encodings, font tables) when
 * the first document opens and throws them away when the last one closes.
 * Keeping a thousand PDFs one after another then pays that price a thousand
 * times — a fifth of the time to keep a one-page scan.  One tiny document
 * held for the life of the process keeps them built.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "par-poppler-private.h"

static GBytes *
minimal_pdf (void)
{
  static const char *objects[] = {
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 10 10] >>",
  };
  GString *pdf = g_string_new ("%PDF-1.4\n");
  gsize offsets[G_N_ELEMENTS (objects)];
  gsize xref;

  for (guint i = 0; i < G_N_ELEMENTS (objects); i++)
    {
      offsets[i] = pdf->len;
      g_string_append_printf (pdf, "%u 0 obj\n%s\nendobj\n", i + 1, objects[i]);
    }
  xref = pdf->len;
  g_string_append_printf (pdf, "xref\n0 %u\n0000000000 65535 f \n", (guint) G_N_ELEMENTS (objects) + 1);
  for (guint i = 0; i < G_N_ELEMENTS (objects); i++)
    g_string_append_printf (pdf, "%010" G_GSIZE_FORMAT " 00000 n \n", offsets[i]);
  g_string_append_printf (pdf, "trailer\n<< /Size %u /Root 1 0 R >>\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n",
                          (guint) G_N_ELEMENTS (objects) + 1, xref);
  return g_string_free_to_bytes (pdf);
}

/* Safe to call from any thread, as often as wanted. */
void
par_poppler_keep_ready (void)
{
  /* Deliberately never freed: it is what keeps the state alive (and, being
   * static, it is still reachable at exit, not a leak). */
  static PopplerDocument *keeper = NULL;
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      g_autoptr(GBytes) bytes = minimal_pdf ();
      g_autoptr(GError) error = NULL;

      keeper = poppler_document_new_from_bytes (bytes, NULL, &error);
      if (keeper == NULL)
        g_warning ("poppler could not open its keep-alive document: %s", error->message);
      g_once_init_leave (&done, 1);
    }
}
