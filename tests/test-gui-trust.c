/* test-gui-trust.c: signatures users can trust, in the window: the viewer's signature panel and its
 * "Trust This Issuer…" dialog, the Preferences page of trusted issuers (added from a file through
 * the file chooser, refused, removed and brought back), and the badges that follow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "par-core.h"
#include "par-evidence-viewer.h"
#include "par-preferences-window.h"
#include "par-signature-panel.h"
#include "par-trust-page.h"
#include "test-gui-util.h"
#include "test-pki.h"
#include "test-signing.h"
#include "test-util.h"

static ParApplication *app;
static TestPki *pki;

typedef struct
{
  char        *dir;
  ParWindow   *window;
  ParDatabase *db;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = NULL;

  f->dir = test_make_temp_dir ();
  path = g_build_filename (f->dir, "trust.pardesk", NULL);
  f->window = test_gui_open_window (app, path);
  f->db = par_window_get_database (f->window);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  GtkWindow *window;

  test_gui_close_dialogs ();
  while ((window = test_gui_find_window (PAR_TYPE_EVIDENCE_VIEWER)) != NULL)
    gtk_window_destroy (window);
  while ((window = test_gui_find_window (PAR_TYPE_PREFERENCES_WINDOW)) != NULL)
    gtk_window_destroy (window);
  test_gui_destroy_window (GTK_WINDOW (f->window));
  test_remove_dir (f->dir);
  g_free (f->dir);
}

/* Keeps a decision signed by @signer and returns its id. */
static gint64
add_signed (Fixture       *f,
            TestPkiSigner  signer)
{
  g_autoptr(GBytes) pdf = test_draw_pdf ();
  g_autoptr(GBytes) signed_pdf = test_pki_sign_pdf (pki, pdf, signer);
  g_autofree char *name = g_strdup_printf ("signed-%d.pdf", signer);
  g_autofree char *path = g_build_filename (f->dir, name, NULL);
  g_autoptr(GError) error = NULL;
  gint64 id;

  g_assert_true (g_file_set_contents (path, g_bytes_get_data (signed_pdf, NULL), g_bytes_get_size (signed_pdf),
                                      &error));
  g_assert_no_error (error);
  id = par_evidence_add_file (f->db, path, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  par_database_emit_changed (f->db, PAR_CHANGE_DOCUMENTS);
  return id;
}

typedef struct
{
  GtkWidget  *root;
  const char *name;
  const char *text;
} NamedText;

static gboolean
shows_named_text (gpointer data)
{
  NamedText *wanted = data;
  GtkWidget *label = test_gui_find_named (wanted->root, wanted->name);

  return label != NULL && g_strcmp0 (gtk_label_get_text (GTK_LABEL (label)), wanted->text) == 0;
}

static void
wait_for_state (GtkWindow            *viewer,
                ParCertificateStatus  status)
{
  NamedText wanted = { GTK_WIDGET (viewer), "signature-state", par_certificate_status_get_label (status) };

  if (!test_gui_wait_for (shows_named_text, &wanted, TEST_GUI_TIMEOUT_MS))
    g_error ("the signature panel never said “%s”", wanted.text);
}

/* Whether some text under @root holds @part. */
static gboolean
shows_text_containing (GtkWidget  *root,
                       const char *part)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  test_gui_collect_text (root, texts);
  for (guint i = 0; i < texts->len; i++)
    if (strstr (g_ptr_array_index (texts, i), part) != NULL)
      return TRUE;
  return FALSE;
}

static GtkWindow *
open_viewer (Fixture *f,
             gint64   id)
{
  ParEvidenceViewer *viewer = par_evidence_viewer_new (GTK_WINDOW (f->window), par_window_get_context (f->window), id);

  gtk_window_present (GTK_WINDOW (viewer));
  test_gui_wait_for_drawn (GTK_WIDGET (viewer));
  return GTK_WINDOW (viewer);
}

static char *
ca_fingerprint (void)
{
  g_autoptr(GBytes) der = test_pki_get_ca_der (pki);
  g_autoptr(ParCertificateInfo) info = par_certificate_info_new_from_der (der, NULL);

  g_assert_nonnull (info);
  return g_strdup (info->fingerprint);
}

/* Untrusted, then trusted through the panel's button and the dialog:
 * the panel, the list's badge and the trust list follow at once. */
static void
test_trust_from_viewer (Fixture       *f,
                        gconstpointer  data)
{
  gint64 id = add_signed (f, TEST_PKI_SIGNER);
  g_autofree char *fingerprint = ca_fingerprint ();
  g_autofree char *shown = par_certificate_format_fingerprint (fingerprint);
  g_autoptr(GPtrArray) trusted = NULL;
  g_autoptr(ParEvidenceDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  GtkWindow *viewer = open_viewer (f, id);
  GtkWindow *dialog;
  GtkWidget *button;

  wait_for_state (viewer, PAR_CERTIFICATE_UNTRUSTED);
  g_assert_false (shows_text_containing (GTK_WIDGET (viewer), par_certificate_anchor_label (PAR_TRUST_ANCHOR_FILE)));
  g_assert_true (test_gui_shows_text (GTK_WIDGET (viewer), "Nguyễn Văn An"));
  g_assert_true (test_gui_shows_text (GTK_WIDGET (viewer), "Cục Chứng thực số thử nghiệm"));
  button = test_gui_find_named (GTK_WIDGET (viewer), "trust-issuer-button");
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");

  dialog = test_gui_wait_for_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  /* the fingerprint to compare, as the authority writes it */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (test_gui_find_named (GTK_WIDGET (dialog), "trust-fingerprint"))), ==, shown);
  g_assert_true (gtk_widget_has_css_class (test_gui_find_named (GTK_WIDGET (dialog), "trust-fingerprint"), "monospace"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (test_gui_find_named (GTK_WIDGET (dialog), "trust-subject"))),
                            "CN=Cục Chứng thực số thử nghiệm"));
  /* nothing is trusted before the user says so */
  trusted = par_trust_list_certificates (f->db, &error);
  g_assert_cmpuint (trusted->len, ==, 0);
  g_clear_pointer (&trusted, g_ptr_array_unref);
  test_gui_respond (dialog, "trust");

  wait_for_state (viewer, PAR_CERTIFICATE_TRUSTED);
  g_assert_null (test_gui_find_named (GTK_WIDGET (viewer), "trust-issuer-button"));
  /* the issuer's certificate says where it is trusted now */
  g_assert_true (shows_text_containing (GTK_WIDGET (viewer), par_certificate_anchor_label (PAR_TRUST_ANCHOR_FILE)));
  trusted = par_trust_list_certificates (f->db, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (trusted->len, ==, 1);
  g_assert_cmpstr (((ParCertificateInfo *) g_ptr_array_index (trusted, 0))->fingerprint, ==, fingerprint);
  document = par_evidence_get (f->db, id, &error);
  g_assert_cmpstr (par_evidence_document_get_fields (document)->trust, ==, "trusted");
  g_assert_cmpstr (par_signature_badge_label ("valid", "trusted", NULL), ==, _("Signed, issuer trusted"));
}

/* Cancelling trusts nothing. */
static void
test_trust_cancelled (Fixture       *f,
                      gconstpointer  data)
{
  gint64 id = add_signed (f, TEST_PKI_SIGNER);
  g_autoptr(GPtrArray) trusted = NULL;
  GtkWindow *viewer = open_viewer (f, id);
  GtkWindow *dialog;

  wait_for_state (viewer, PAR_CERTIFICATE_UNTRUSTED);
  g_signal_emit_by_name (test_gui_find_named (GTK_WIDGET (viewer), "trust-issuer-button"), "clicked");
  dialog = test_gui_wait_for_window (ADW_TYPE_MESSAGE_DIALOG);
  test_gui_respond (dialog, "cancel");
  test_gui_iterate (100);
  trusted = par_trust_list_certificates (f->db, NULL);
  g_assert_cmpuint (trusted->len, ==, 0);
  wait_for_state (viewer, PAR_CERTIFICATE_UNTRUSTED);
}

/* A certificate the signer made alone: no button, but why. */
static void
test_self_signed (Fixture       *f,
                  gconstpointer  data)
{
  gint64 id = add_signed (f, TEST_PKI_SELF_SIGNED);
  GtkWindow *viewer = open_viewer (f, id);

  wait_for_state (viewer, PAR_CERTIFICATE_UNTRUSTED);
  g_assert_null (test_gui_find_named (GTK_WIDGET (viewer), "trust-issuer-button"));
  g_assert_true (test_gui_shows_text (GTK_WIDGET (viewer),
                                      _("The signer’s certificate was not issued by a certificate authority: the "
                                        "signer made it alone, so it cannot be trusted this way. Ask for the "
                                        "document signed with a certificate from a certificate authority.")));
}

/* @utc_day, as the window writes a day. */
static char *
shown_day (int year,
           int month,
           int day)
{
  g_autoptr(GDateTime) utc = g_date_time_new_utc (year, month, day, 0, 0, 0);
  g_autoptr(GDateTime) local = g_date_time_to_local (utc);

  return par_format_date (local);
}

/* A certificate that had expired, one revoked by the authority's list:
 * errors, each saying which certificate and when. */
static void
test_expired_and_revoked (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GBytes) crl = test_pki_get_crl_der (pki);
  g_autoptr(ParRevocationList) list = par_trust_add_crl (f->db, crl, NULL);
  gint64 expired = add_signed (f, TEST_PKI_EXPIRED);
  gint64 revoked = add_signed (f, TEST_PKI_REVOKED);
  g_autofree char *expired_on = shown_day (2001, 1, 1);
  g_autofree char *revoked_on = shown_day (2021, 3, 1);
  GtkWindow *viewer;

  g_assert_nonnull (list);
  viewer = open_viewer (f, expired);
  wait_for_state (viewer, PAR_CERTIFICATE_EXPIRED);
  g_assert_true (gtk_widget_has_css_class (test_gui_find_named (GTK_WIDGET (viewer), "signature-state"), "error"));
  g_assert_true (shows_text_containing (GTK_WIDGET (viewer), "“Trần Thị Bình”"));
  g_assert_true (shows_text_containing (GTK_WIDGET (viewer), expired_on));
  g_assert_null (test_gui_find_named (GTK_WIDGET (viewer), "trust-issuer-button"));
  gtk_window_destroy (viewer);

  viewer = open_viewer (f, revoked);
  wait_for_state (viewer, PAR_CERTIFICATE_REVOKED);
  g_assert_true (gtk_widget_has_css_class (test_gui_find_named (GTK_WIDGET (viewer), "signature-state"), "error"));
  g_assert_true (shows_text_containing (GTK_WIDGET (viewer), "“Lê Văn Cường”"));
  g_assert_true (shows_text_containing (GTK_WIDGET (viewer), revoked_on));
}

static gboolean
badge_says (gpointer data)
{
  NamedText *wanted = data;

  return g_strcmp0 (gtk_label_get_text (GTK_LABEL (wanted->root)), wanted->text) == 0;
}

/* The Evidence view's badge says whether the issuer is trusted, in the
 * badge's colour, and follows a change of the trust list at once. */
static void
test_badges_follow (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GBytes) ca = test_pki_get_ca_der (pki);
  g_autoptr(GPtrArray) added = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *badge;
  NamedText wanted;

  add_signed (f, TEST_PKI_SIGNER);
  par_window_show_view (f->window, "evidence");
  badge = test_gui_find (test_gui_find (GTK_WIDGET (f->window), "evidence_view"), "signature_badge");
  wanted = (NamedText) { badge, NULL, _("Signed, issuer not trusted") };
  g_assert_true (test_gui_wait_for (badge_says, &wanted, TEST_GUI_TIMEOUT_MS));
  g_assert_true (gtk_widget_has_css_class (badge, "warning"));

  added = par_trust_add_certificates (f->db, ca, &error);
  g_assert_no_error (error);
  wanted.text = _("Signed, issuer trusted");
  g_assert_true (test_gui_wait_for (badge_says, &wanted, TEST_GUI_TIMEOUT_MS));
  g_assert_true (gtk_widget_has_css_class (badge, "success"));
  g_assert_false (gtk_widget_has_css_class (badge, "warning"));
}

typedef struct
{
  GtkColumnView *view;
  guint          n;
} ShownWanted;

static gboolean
shows_n_documents (gpointer data)
{
  ShownWanted *wanted = data;

  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (wanted->view))) == wanted->n;
}

/* Chooses the signature filter's entry that reads @label. */
static void
choose_signature (GtkDropDown *filter,
                  const char  *label)
{
  GListModel *choices = gtk_drop_down_get_model (filter);

  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (choices), i), label) == 0)
      {
        gtk_drop_down_set_selected (filter, i);
        return;
      }
  g_error ("the signature filter has no “%s”", label);
}

/* The Evidence view's signature filter offers what the badges say, and
 * its documents follow a change of the trust list. */
static void
test_filter_follows (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GBytes) ca = test_pki_get_ca_der (pki);
  g_autoptr(GPtrArray) added = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *view;
  GtkDropDown *filter;
  ShownWanted wanted;

  add_signed (f, TEST_PKI_SIGNER);
  add_signed (f, TEST_PKI_EXPIRED);
  par_window_show_view (f->window, "evidence");
  view = test_gui_find (GTK_WIDGET (f->window), "evidence_view");
  filter = GTK_DROP_DOWN (test_gui_find (view, "signature_filter"));
  wanted = (ShownWanted) { GTK_COLUMN_VIEW (test_gui_find (view, "documents_view")), 2 };
  g_assert_true (test_gui_wait_for (shows_n_documents, &wanted, TEST_GUI_TIMEOUT_MS));

  choose_signature (filter, _("Signed, issuer not trusted"));
  wanted.n = 1;
  g_assert_true (test_gui_wait_for (shows_n_documents, &wanted, TEST_GUI_TIMEOUT_MS));
  choose_signature (filter, _("Signed outside the certificate’s validity"));
  g_assert_true (test_gui_wait_for (shows_n_documents, &wanted, TEST_GUI_TIMEOUT_MS));

  choose_signature (filter, _("Signed, issuer not trusted"));
  added = par_trust_add_certificates (f->db, ca, &error);
  g_assert_no_error (error);
  wanted.n = 0;
  g_assert_true (test_gui_wait_for (shows_n_documents, &wanted, TEST_GUI_TIMEOUT_MS));
  choose_signature (filter, _("Signed, issuer trusted"));
  wanted.n = 1;
  g_assert_true (test_gui_wait_for (shows_n_documents, &wanted, TEST_GUI_TIMEOUT_MS));
  choose_signature (filter, _("Changed after signing"));
  wanted.n = 0;
  g_assert_true (test_gui_wait_for (shows_n_documents, &wanted, TEST_GUI_TIMEOUT_MS));
}

/* Preferences ------------------------------------------------------------- */

static ParTrustPage *
open_trust_page (Fixture *f)
{
  GtkWindow *preferences;
  AdwPreferencesPage *page;

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  preferences = test_gui_wait_for_window (PAR_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  page = par_preferences_window_get_trust_page (PAR_PREFERENCES_WINDOW (preferences));
  g_assert_nonnull (page);
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (preferences), page);
  test_gui_wait_for_drawn (GTK_WIDGET (page));
  return PAR_TRUST_PAGE (page);
}

static guint
n_rows (GtkWidget *list)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    n += GTK_IS_LIST_BOX_ROW (row) && gtk_widget_get_visible (row)
         && gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) >= 0;
  return n;
}

typedef struct
{
  GtkWidget *list;
  guint      n;
} RowsWanted;

static gboolean
has_n_rows (gpointer data)
{
  RowsWanted *wanted = data;

  return n_rows (wanted->list) == wanted->n;
}

static void
wait_for_rows (GtkWidget *list,
               guint      n)
{
  RowsWanted wanted = { list, n };

  if (!test_gui_wait_for (has_n_rows, &wanted, TEST_GUI_TIMEOUT_MS))
    g_error ("the list never had %u rows (it has %u)", n, n_rows (list));
}

static gboolean
label_visible (gpointer data)
{
  return gtk_widget_get_visible (data) && *gtk_label_get_text (data) != '\0';
}

static gboolean
is_button_labelled (GtkWidget     *widget,
                    gconstpointer  label)
{
  return GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0;
}

/* The first button under @root labelled @label, or NULL. */
static GtkWidget *
find_button (GtkWidget  *root,
             const char *label)
{
  return test_gui_find_where (root, is_button_labelled, label);
}

static gboolean
has_undo (gpointer data)
{
  return find_button (data, _("_Undo")) != NULL;
}

/* "Add from File…" through GTK's file chooser; a certificate that is no
 * authority's refused, with why; removed, and back with Undo. */
static void
test_page_add_remove (Fixture       *f,
                      gconstpointer  data)
{
  ParTrustPage *page = open_trust_page (f);
  GtkWidget *issuers = test_gui_find (page, "issuers_list");
  GtkWidget *error_label = test_gui_find (page, "error_label");
  g_autofree char *pem_path = g_build_filename (f->dir, "ca.pem", NULL);
  g_autofree char *leaf_path = g_build_filename (f->dir, "signer.cer", NULL);
  g_autoptr(GBytes) leaf = test_pki_get_leaf_der (pki);
  g_autoptr(GFile) leaf_file = g_file_new_for_path (leaf_path);
  g_autoptr(GFile) pem_file = g_file_new_for_path (pem_path);
  g_autoptr(GPtrArray) trusted = NULL;
  g_autofree char *fingerprint = ca_fingerprint ();
  GtkWindow *chooser;
  GtkWidget *row, *remove;

  g_free (test_pki_write_ca_pem (pki, pem_path));
  g_assert_cmpuint (n_rows (issuers), ==, 0);
  g_signal_emit_by_name (test_gui_find (page, "add_button"), "clicked");
  chooser = test_gui_wait_for_file_chooser ();
  g_assert_nonnull (chooser);
  g_assert_true (gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), pem_file, NULL));
  test_gui_wait_for_chosen (chooser, pem_path);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  wait_for_rows (issuers, 1);
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (issuers), 0));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Cục Chứng thực số thử nghiệm");
  trusted = par_trust_list_certificates (f->db, NULL);
  g_assert_cmpuint (trusted->len, ==, 1);
  g_assert_cmpstr (((ParCertificateInfo *) g_ptr_array_index (trusted, 0))->fingerprint, ==, fingerprint);
  g_clear_pointer (&trusted, g_ptr_array_unref);
  g_assert_false (gtk_widget_get_visible (error_label));

  /* a signer's certificate vouches for no one */
  g_assert_true (g_file_set_contents (leaf_path, g_bytes_get_data (leaf, NULL), g_bytes_get_size (leaf), NULL));
  par_trust_page_add_file (page, leaf_file, FALSE);
  g_assert_true (test_gui_wait_for (label_visible, error_label, TEST_GUI_TIMEOUT_MS));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "signer.cer"));
  g_assert_cmpuint (n_rows (issuers), ==, 1);

  /* removed at once, with Undo */
  remove = test_gui_find_icon_button (row, "user-trash-symbolic");
  g_assert_nonnull (remove);
  g_signal_emit_by_name (remove, "clicked");
  wait_for_rows (issuers, 0);
  trusted = par_trust_list_certificates (f->db, NULL);
  g_assert_cmpuint (trusted->len, ==, 0);
  g_clear_pointer (&trusted, g_ptr_array_unref);
  g_assert_true (test_gui_wait_for (has_undo, gtk_widget_get_root (GTK_WIDGET (page)), TEST_GUI_TIMEOUT_MS));
  g_signal_emit_by_name (find_button (GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (page))), _("_Undo")), "clicked");
  wait_for_rows (issuers, 1);
  trusted = par_trust_list_certificates (f->db, NULL);
  g_assert_cmpuint (trusted->len, ==, 1);
  g_assert_cmpstr (((ParCertificateInfo *) g_ptr_array_index (trusted, 0))->fingerprint, ==, fingerprint);
}

/* A revocation list added from its file, one refused, one removed after
 * the question. */
static void
test_page_revocation_lists (Fixture       *f,
                            gconstpointer  data)
{
  ParTrustPage *page = open_trust_page (f);
  GtkWidget *crls = test_gui_find (page, "crls_list");
  GtkWidget *error_label = test_gui_find (page, "crl_error_label");
  g_autoptr(GBytes) crl = test_pki_get_crl_der (pki);
  g_autofree char *crl_path = g_build_filename (f->dir, "ca.crl", NULL);
  g_autofree char *pem_path = g_build_filename (f->dir, "ca.pem", NULL);
  g_autoptr(GFile) crl_file = g_file_new_for_path (crl_path);
  g_autoptr(GFile) pem_file = g_file_new_for_path (pem_path);
  g_autofree char *count = g_strdup_printf (ngettext ("%u certificate revoked", "%u certificates revoked", 1), 1);
  g_autoptr(GPtrArray) lists = NULL;
  GtkWidget *row;
  GtkWindow *dialog;

  g_assert_true (g_file_set_contents (crl_path, g_bytes_get_data (crl, NULL), g_bytes_get_size (crl), NULL));
  par_trust_page_add_file (page, crl_file, TRUE);
  wait_for_rows (crls, 1);
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (GTK_LIST_BOX (crls), 0));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Cục Chứng thực số thử nghiệm");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), count));

  /* a certificate is no revocation list */
  g_free (test_pki_write_ca_pem (pki, pem_path));
  par_trust_page_add_file (page, pem_file, TRUE);
  g_assert_true (test_gui_wait_for (label_visible, error_label, TEST_GUI_TIMEOUT_MS));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "ca.pem"));
  g_assert_cmpuint (n_rows (crls), ==, 1);

  /* asked first, since it cannot come back but from its file */
  g_signal_emit_by_name (test_gui_find_icon_button (row, "user-trash-symbolic"), "clicked");
  dialog = test_gui_wait_for_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  test_gui_respond (dialog, "remove");
  wait_for_rows (crls, 0);
  lists = par_trust_list_crls (f->db, NULL);
  g_assert_cmpuint (lists->len, ==, 0);
}

/* A signature trusted from the page shows so in a viewer already open. */
static void
test_page_updates_viewer (Fixture       *f,
                          gconstpointer  data)
{
  gint64 id = add_signed (f, TEST_PKI_SIGNER);
  GtkWindow *viewer = open_viewer (f, id);
  ParTrustPage *page;
  g_autofree char *pem_path = g_build_filename (f->dir, "ca.pem", NULL);
  g_autoptr(GFile) file = NULL;

  wait_for_state (viewer, PAR_CERTIFICATE_UNTRUSTED);
  page = open_trust_page (f);
  g_free (test_pki_write_ca_pem (pki, pem_path));
  file = g_file_new_for_path (pem_path);
  par_trust_page_add_file (page, file, FALSE);
  wait_for_rows (test_gui_find (page, "issuers_list"), 1);
  wait_for_state (viewer, PAR_CERTIFICATE_TRUSTED);
}

int
main (int    argc,
      char **argv)
{
  int result;

  app = test_gui_init (&argc, &argv);
  pki = test_pki_new ();

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/gui/trust/trust-from-viewer", test_trust_from_viewer);
  ADD ("/gui/trust/trust-cancelled", test_trust_cancelled);
  ADD ("/gui/trust/self-signed", test_self_signed);
  ADD ("/gui/trust/expired-and-revoked", test_expired_and_revoked);
  ADD ("/gui/trust/badges-follow", test_badges_follow);
  ADD ("/gui/trust/filter-follows", test_filter_follows);
  ADD ("/gui/trust/page-add-remove", test_page_add_remove);
  ADD ("/gui/trust/page-revocation-lists", test_page_revocation_lists);
  ADD ("/gui/trust/page-updates-viewer", test_page_updates_viewer);
#undef ADD

  result = g_test_run ();
  test_pki_free (pki);
  g_object_unref (app);
  return result;
}
