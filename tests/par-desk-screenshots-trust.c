/* par-desk-screenshots-trust.c: the pictures of signatures and trust for par-desk-screenshots
 *
 * The viewer's signature panel for each state the sample's signed
 * documents are in (LANG-signature-STATE.png: trusted, untrusted,
 * expired, revoked, modified, invalid; a state no document is in is
 * skipped), the dialog of "Trust This Issuer…" (trust-dialog) and the
 * Preferences page of trusted issuers (preferences-trust), with the
 * issuer trusted from the dialog, which is then removed again so that
 * both languages show the same file.
 * The signed documents are the demo's (par-demo-signatures.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "par-core.h"
#include "par-evidence-viewer.h"
#include "par-preferences-window.h"
#include "par-desk-screenshots-trust.h"
#include "test-gui-util.h"

static const char * const states[] = { "untrusted", "trusted", "expired", "revoked", "unknown", "modified", "invalid" };

/* The first document in @state ("trusted" … for a valid signature,
 * "modified" or "invalid" for one that is not); 0 if none. */
static gint64
document_in (ParDatabase *db,
             const char  *state)
{
  g_autoptr(GPtrArray) documents = par_evidence_list (db, NULL);

  for (guint i = 0; documents != NULL && i < documents->len; i++)
    {
      ParEvidenceFields *f = par_evidence_document_get_fields (g_ptr_array_index (documents, i));

      if (g_strcmp0 (f->signature, "valid") == 0 ? g_strcmp0 (f->trust, state) == 0
                                                 : g_strcmp0 (f->signature, state) == 0)
        return f->id;
    }
  return 0;
}

static gboolean
page_drawn (gpointer viewer)
{
  return par_evidence_viewer_get_n_rendered (viewer) > 0;
}

/* The viewer of @id, its first page drawn, its panel scrolled to the
 * first signature. */
static GtkWindow *
open_viewer (ParWindow *window,
             gint64     id)
{
  ParEvidenceViewer *viewer = par_evidence_viewer_new (GTK_WINDOW (window), par_window_get_context (window), id);
  GtkWidget *state, *scrolled;
  graphene_point_t at;

  gtk_window_set_default_size (GTK_WINDOW (viewer), 1200, 820);
  gtk_window_present (GTK_WINDOW (viewer));
  if (!test_gui_wait_for (page_drawn, viewer, TEST_GUI_TIMEOUT_MS))
    g_printerr ("the viewer drew no page\n");
  test_gui_wait_for_settled (GTK_WIDGET (viewer));
  state = test_gui_find_named (GTK_WIDGET (viewer), "signature-panel");
  scrolled = state != NULL ? gtk_widget_get_ancestor (state, GTK_TYPE_SCROLLED_WINDOW) : NULL;
  if (scrolled != NULL
      && gtk_widget_compute_point (state, gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (scrolled)),
                                   &GRAPHENE_POINT_INIT (0, 0), &at))
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled)), at.y - 12);
  return GTK_WINDOW (viewer);
}

/* Whether @list (ParCertificateInfo) holds @fingerprint. */
static gboolean
lists (GPtrArray  *list,
       const char *fingerprint)
{
  for (guint i = 0; list != NULL && i < list->len; i++)
    if (g_str_equal (((ParCertificateInfo *) g_ptr_array_index (list, i))->fingerprint, fingerprint))
      return TRUE;
  return FALSE;
}

/* The trust dialog of @viewer's first signature, saved, then confirmed;
 * the fingerprint it trusted, or NULL. */
static char *
save_dialog (GtkWindow          *viewer,
             ParDatabase        *db,
             ScreenshotSaveFunc  save,
             const char         *outdir,
             const char         *language,
             gboolean           *ok)
{
  GtkWidget *button = test_gui_find_named (GTK_WIDGET (viewer), "trust-issuer-button");
  g_autoptr(GPtrArray) before = par_trust_list_certificates (db, NULL);
  g_autoptr(GPtrArray) after = NULL;
  GtkWindow *dialog;

  if (button == NULL)
    return NULL;
  g_signal_emit_by_name (button, "clicked");
  dialog = test_gui_wait_for_window (ADW_TYPE_MESSAGE_DIALOG);
  if (dialog == NULL)
    {
      *ok = FALSE;
      return NULL;
    }
  *ok &= save (GTK_WIDGET (dialog), outdir, language, "trust-dialog");
  test_gui_respond (dialog, "trust");
  after = par_trust_list_certificates (db, NULL);
  for (guint i = 0; after != NULL && i < after->len; i++)
    {
      ParCertificateInfo *info = g_ptr_array_index (after, i);

      if (!lists (before, info->fingerprint))
        return g_strdup (info->fingerprint);
    }
  return NULL;
}

/* The Preferences page of trusted issuers, the first one opened. */
static gboolean
save_page (ScreenshotSaveFunc  save,
           const char         *outdir,
           const char         *language)
{
  GtkWindow *preferences;
  AdwPreferencesPage *page;
  GtkListBoxRow *row;
  gboolean ok;

  g_action_group_activate_action (G_ACTION_GROUP (g_application_get_default ()), "preferences", NULL);
  preferences = test_gui_wait_for_window (PAR_TYPE_PREFERENCES_WINDOW);
  page = preferences != NULL ? par_preferences_window_get_trust_page (PAR_PREFERENCES_WINDOW (preferences)) : NULL;
  if (page == NULL)
    return FALSE;
  gtk_window_set_default_size (preferences, 720, 760);
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (preferences), page);
  row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (test_gui_find (page, "issuers_list")), 0);
  if (row != NULL && ADW_IS_EXPANDER_ROW (row))
    adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
  ok = save (GTK_WIDGET (preferences), outdir, language, "preferences-trust");
  gtk_window_destroy (preferences);
  return ok;
}

gboolean
screenshots_trust_save (ParWindow          *window,
                        ScreenshotSaveFunc  save,
                        const char         *outdir,
                        const char         *language)
{
  ParDatabase *db = par_window_get_database (window);
  g_autofree char *added = NULL;
  gboolean ok = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (states); i++)
    {
      gint64 id = document_in (db, states[i]);
      g_autofree char *name = g_strdup_printf ("signature-%s", states[i]);
      GtkWindow *viewer;

      if (id == 0)
        continue;
      viewer = open_viewer (window, id);
      ok &= save (GTK_WIDGET (viewer), outdir, language, name);
      /* The issuer of an untrusted signature, trusted from its dialog:
       * its signature is among the trusted ones next. */
      if (g_str_equal (states[i], "untrusted") && added == NULL)
        added = save_dialog (viewer, db, save, outdir, language, &ok);
      gtk_window_destroy (viewer);
    }
  ok &= save_page (save, outdir, language);
  /* as it was, for the next language */
  if (added != NULL)
    {
      g_autoptr(ParCertificateInfo) removed = par_trust_remove (db, added, NULL);

      ok &= removed != NULL;
    }
  return ok;
}
