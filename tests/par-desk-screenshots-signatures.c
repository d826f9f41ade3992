/* par-desk-screenshots-signatures.c: the demo's signed documents in the Evidence view, for par-desk-screenshots
 *
 * The Evidence view with a signed document of the demo selected, so that
 * its side pane lists the signatures and how their certificates stand:
 * the decision signed twice (the leader, then the office; trusted), and
 * the plan signed with a revoked certificate.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "par-desk-screenshots-signatures.h"
#include "par-evidence-document.h"
#include "test-gui-util.h"

/* Selects the document kept as @filename; FALSE if it is not listed. */
static gboolean
select_document (ParWindow  *window,
                 const char *filename)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (test_gui_find_by_id (GTK_WIDGET (window), "documents_view"));
  GtkSelectionModel *selection = gtk_column_view_get_model (view);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (selection));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(ParEvidenceDocument) document = g_list_model_get_item (G_LIST_MODEL (selection), i);

      if (g_strcmp0 (par_evidence_document_get_fields (document)->filename, filename) == 0)
        {
          gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (selection), i);
          return TRUE;
        }
    }
  g_printerr ("the Evidence view does not list %s\n", filename);
  return FALSE;
}

gboolean
screenshots_signatures_save (ParWindow          *window,
                             ScreenshotSaveFunc  save,
                             const char         *outdir,
                             const char         *language)
{
  gboolean ok = TRUE;

  par_window_show_view (window, "evidence");
  ok &= select_document (window, "QD-142-SNV.pdf") && save (GTK_WIDGET (window), outdir, language, "evidence-signed");
  ok &= select_document (window, "KH-71-SNV.pdf") && save (GTK_WIDGET (window), outdir, language, "evidence-revoked");
  /* Back to the first row, as the other pictures expect. */
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (
    GTK_COLUMN_VIEW (test_gui_find_by_id (GTK_WIDGET (window), "documents_view")))), 0);
  return ok;
}
