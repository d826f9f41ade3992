/* par-trust-page.c: the Preferences page of the issuers a file trusts and its revocation lists
 *
 * The file's trusted issuers, as the CLI's `trust list` gives them, each
 * with its fingerprint to compare with the authority's; "Add from File…"
 * for an authority's certificate (PEM, DER or a PKCS #7 bundle), and a
 * button on each row to stop trusting it (with Undo). Below, the
 * revocation lists the file keeps. The list is in the file, so it travels
 * with it: whoever opens the file sees the same signatures trusted.
 *
 * Every change goes through the trust list, which emits PAR_CHANGE_TRUST:
 * the page, like every badge and signature panel, reads it again then.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "par-file-chooser.h"
#include "par-signature-panel.h"
#include "par-trust-page.h"

/* What par_trust_read_certificates accepts; larger is refused anyway. */
#define MAX_FILE_BYTES (4 * 1024 * 1024)

struct _ParTrustPage
{
  AdwPreferencesPage  parent_instance;

  ParDatabase        *db;

  /* template children */
  GtkListBox         *issuers_list;
  GtkLabel           *error_label;
  GtkListBox         *crls_list;
  GtkLabel           *crl_error_label;
};

G_DEFINE_FINAL_TYPE (ParTrustPage, par_trust_page, ADW_TYPE_PREFERENCES_PAGE)

static void
show_error (GtkLabel   *label,
            const char *text)
{
  gtk_label_set_text (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL);
}

static void
show_toast (ParTrustPage *self,
            AdwToast     *toast)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (ADW_IS_PREFERENCES_WINDOW (root))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (root), toast);
  else
    g_object_unref (g_object_ref_sink (toast));
}

/* Issuers ----------------------------------------------------------------- */

static void
undo_clicked (AdwToast *toast,
              gpointer  user_data)
{
  ParTrustPage *self = g_object_get_data (G_OBJECT (toast), "page");
  g_autoptr(GError) error = NULL;

  if (self != NULL && !par_trust_restore (self->db, user_data, &error))
    show_error (self->error_label, error->message);
}

static void
remove_issuer_clicked (GtkButton *button,
                       gpointer   user_data)
{
  ParTrustPage *self = user_data;
  const char *fingerprint = g_object_get_data (G_OBJECT (button), "fingerprint");
  g_autoptr(ParCertificateInfo) removed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  AdwToast *toast;

  removed = par_trust_remove (self->db, fingerprint, &error);
  if (removed == NULL)
    {
      show_error (self->error_label, error->message);
      return;
    }
  /* Translators: a toast after an issuer was removed from the trust list */
  title = g_strdup_printf (_("“%s” is no longer trusted"), removed->subject);
  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  g_object_set_data_full (G_OBJECT (toast), "page", g_object_ref (self), g_object_unref);
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_clicked), g_steal_pointer (&removed),
                         (GClosureNotify) (void (*) (void)) par_certificate_info_free, 0);
  show_toast (self, toast);
}

/* The issuer's name, who issued it, until when; its fingerprint inside. */
static GtkWidget *
issuer_row (ParTrustPage       *self,
            ParCertificateInfo *info)
{
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  GtkWidget *fingerprint_row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *caption = gtk_label_new (_("SHA-256 fingerprint"));
  g_autofree char *fingerprint = par_certificate_format_fingerprint (info->fingerprint);
  GtkWidget *value = gtk_label_new (fingerprint);
  g_autoptr(GDateTime) until = g_date_time_to_local (info->not_after);
  g_autofree char *until_text = par_format_date (until);
  g_autofree char *subtitle = info->self_issued
                              ? g_strdup_printf (_("Root authority · valid until %s"), until_text)
                              : g_strdup_printf (_("Issued by %s · valid until %s"), info->issuer, until_text);
  g_autofree char *label = g_strdup_printf (_("Stop trusting %s"), info->subject);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), info->subject);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), subtitle);
  gtk_widget_set_tooltip_text (row, info->subject_full);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Stop Trusting"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data_full (G_OBJECT (button), "fingerprint", g_strdup (info->fingerprint), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (remove_issuer_clicked), self);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), button);

  gtk_label_set_xalign (GTK_LABEL (caption), 0);
  gtk_widget_add_css_class (caption, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (value), 0);
  gtk_label_set_wrap (GTK_LABEL (value), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (value), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (value), TRUE);
  gtk_widget_add_css_class (value, "monospace");
  gtk_box_append (GTK_BOX (box), caption);
  gtk_box_append (GTK_BOX (box), value);
  g_object_set (box, "margin-top", 9, "margin-bottom", 9, "margin-start", 12, "margin-end", 12, NULL);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (fingerprint_row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (fingerprint_row), FALSE);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), fingerprint_row);
  return row;
}

/* Revocation lists -------------------------------------------------------- */

static void
remove_crl_response (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  ParTrustPage *self = user_data;
  gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "crl-id"));
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "remove") == 0 && !par_trust_remove_crl (self->db, id, &error))
    show_error (self->crl_error_label, error->message);
}

/* A revocation list cannot come back but from its file: asked first. */
static void
remove_crl_clicked (GtkButton *button,
                    gpointer   user_data)
{
  ParTrustPage *self = user_data;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  const char *issuer = g_object_get_data (G_OBJECT (button), "issuer");
  g_autofree char *heading = g_strdup_printf (_("Remove the Revocation List of %s?"), issuer);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading,
                                                       _("Signatures by the certificates it revokes will no longer "
                                                         "show as revoked. To keep it again, add it from the "
                                                         "authority’s file.")));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "remove", _("_Remove"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data (G_OBJECT (dialog), "crl-id", g_object_get_data (G_OBJECT (button), "crl-id"));
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_crl_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static GtkWidget *
crl_row (ParTrustPage      *self,
         ParRevocationList *list)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autoptr(GDateTime) published = g_date_time_to_local (list->this_update);
  g_autoptr(GDateTime) next = list->next_update != NULL ? g_date_time_to_local (list->next_update) : NULL;
  g_autofree char *published_text = par_format_date (published);
  g_autofree char *next_text = next != NULL ? par_format_date (next) : NULL;
  g_autofree char *count = g_strdup_printf (ngettext ("%u certificate revoked",
                                                         "%u certificates revoked", list->revoked), list->revoked);
  g_autofree char *subtitle = NULL;
  g_autofree char *label = g_strdup_printf (_("Remove the revocation list of %s"), list->issuer);

  /* Translators: a revocation list: when it was published, when the next is due, how many it revokes */
  subtitle = next_text != NULL ? g_strdup_printf (_("Published %s · next by %s · %s"), published_text, next_text, count)
                               : g_strdup_printf (_("Published %s · %s"), published_text, count);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), list->issuer);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Remove the List"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data (G_OBJECT (button), "crl-id", GSIZE_TO_POINTER ((gsize) list->id));
  g_object_set_data_full (G_OBJECT (button), "issuer", g_strdup (list->issuer), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (remove_crl_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

/* Reading ----------------------------------------------------------------- */

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
reload (ParTrustPage *self)
{
  g_autoptr(GPtrArray) issuers = NULL;
  g_autoptr(GPtrArray) crls = NULL;
  g_autoptr(GError) error = NULL;

  clear_list (self->issuers_list);
  clear_list (self->crls_list);
  issuers = par_trust_list_certificates (self->db, &error);
  if (issuers == NULL)
    {
      show_error (self->error_label, error->message);
      return;
    }
  for (guint i = 0; i < issuers->len; i++)
    gtk_list_box_append (self->issuers_list, issuer_row (self, g_ptr_array_index (issuers, i)));
  crls = par_trust_list_crls (self->db, &error);
  if (crls == NULL)
    {
      show_error (self->crl_error_label, error->message);
      return;
    }
  for (guint i = 0; i < crls->len; i++)
    gtk_list_box_append (self->crls_list, crl_row (self, g_ptr_array_index (crls, i)));
}

static void
database_changed (ParTrustPage *self,
                  ParChange     what)
{
  if (what == PAR_CHANGE_TRUST)
    reload (self);
}

/* Adding ------------------------------------------------------------------ */

/* "“ca.pem” was not added: …" under the group the file was meant for. */
static void
show_not_added (ParTrustPage *self,
                GFile        *file,
                gboolean      revocation_list,
                const char   *reason)
{
  g_autofree char *name = g_file_get_basename (file);
  /* Translators: a file, then why it was refused */
  g_autofree char *text = g_strdup_printf (_("“%s” was not added: %s"), name, reason);

  show_error (revocation_list ? self->crl_error_label : self->error_label, text);
}

static void
added_certificates (ParTrustPage *self,
                    GPtrArray    *added)
{
  g_autofree char *title = NULL;

  if (added->len == 1)
    title = g_strdup_printf (_("“%s” is now a trusted issuer in this file"),
                             ((ParCertificateInfo *) g_ptr_array_index (added, 0))->subject);
  else
    title = g_strdup_printf (ngettext ("%u issuer is now trusted in this file",
                                          "%u issuers are now trusted in this file", added->len), added->len);
  show_toast (self, adw_toast_new (title));
}

static void
file_loaded (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(ParTrustPage) self = user_data;
  gboolean revocation_list = GPOINTER_TO_INT (g_object_get_data (source, "revocation-list"));
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) contents = NULL;
  char *data = NULL;
  gsize length = 0;

  if (!g_file_load_contents_finish (G_FILE (source), result, &data, &length, NULL, &error))
    {
      show_not_added (self, G_FILE (source), revocation_list, error->message);
      return;
    }
  contents = g_bytes_new_take (data, length);
  if (revocation_list)
    {
      g_autoptr(ParRevocationList) list = par_trust_add_crl (self->db, contents, &error);
      g_autofree char *title = NULL;

      if (list == NULL)
        {
          show_not_added (self, G_FILE (source), TRUE, error->message);
          return;
        }
      show_error (self->crl_error_label, NULL);
      /* Translators: a toast; %s is the certificate authority that published the list */
      title = g_strdup_printf (_("Revocation list of %s added"), list->issuer);
      show_toast (self, adw_toast_new (title));
    }
  else
    {
      g_autoptr(GPtrArray) added = par_trust_add_certificates (self->db, contents, &error);

      if (added == NULL)
        {
          show_not_added (self, G_FILE (source), FALSE, error->message);
          return;
        }
      show_error (self->error_label, NULL);
      added_certificates (self, added);
    }
}

/* Reads @file (in a worker) and adds what it holds: a certificate
 * authority's certificates, or with @revocation_list, a revocation list. */
void
par_trust_page_add_file (ParTrustPage *self,
                         GFile        *file,
                         gboolean      revocation_list)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (PAR_IS_TRUST_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  /* A file chosen by mistake (a video) is refused before it is read. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, &error);
  if (info == NULL || g_file_info_get_size (info) > MAX_FILE_BYTES)
    {
      show_not_added (self, file, revocation_list,
                      info == NULL ? error->message : _("the file is larger than any certificate or revocation list."));
      return;
    }
  g_object_set_data (G_OBJECT (file), "revocation-list", GINT_TO_POINTER (revocation_list));
  g_file_load_contents_async (file, NULL, file_loaded, g_object_ref (self));
}

typedef struct
{
  ParTrustPage *page;
  gboolean      revocation_list;
} Choosing;

static void
file_chosen (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autofree Choosing *choosing = user_data;
  g_autoptr(ParTrustPage) self = choosing->page;
  g_autofree char *path = par_file_chooser_run_finish_path (result, NULL);
  g_autoptr(GFile) file = NULL;

  if (path == NULL)
    return;
  file = g_file_new_for_path (path);
  par_trust_page_add_file (self, file, choosing->revocation_list);
}

static void
choose_file (ParTrustPage *self,
             gboolean      revocation_list)
{
  static const char * const certificates[] = { "*.cer", "*.crt", "*.der", "*.pem", "*.p7b", "*.p7c",
                                                "*.CER", "*.CRT", "*.DER", "*.PEM", "*.P7B", "*.P7C", NULL };
  static const char * const lists[] = { "*.crl", "*.pem", "*.der", "*.CRL", "*.PEM", "*.DER", NULL };
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(ParFileChooser) chooser = NULL;
  Choosing *choosing = g_new0 (Choosing, 1);

  chooser = revocation_list
            ? par_file_chooser_new (PAR_FILE_CHOOSER_OPEN, _("Add a Revocation List"), _("_Add"))
            : par_file_chooser_new (PAR_FILE_CHOOSER_OPEN, _("Add a Trusted Issuer"), _("_Add"));
  if (revocation_list)
    par_file_chooser_add_filter (chooser, _("Certificate revocation lists"), NULL, lists);
  else
    par_file_chooser_add_filter (chooser, _("Certificates"), NULL, certificates);
  par_file_chooser_add_filter (chooser, _("All files"), NULL, (const char * const[]) { "*", NULL });
  choosing->page = g_object_ref (self);
  choosing->revocation_list = revocation_list;
  par_file_chooser_run_async (chooser, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, file_chosen, choosing);
}

static void
add_clicked (ParTrustPage *self)
{
  choose_file (self, FALSE);
}

static void
add_crl_clicked (ParTrustPage *self)
{
  choose_file (self, TRUE);
}

/* Class ------------------------------------------------------------------- */

ParTrustPage *
par_trust_page_new (ParDatabase *db)
{
  ParTrustPage *self;

  g_return_val_if_fail (PAR_IS_DATABASE (db), NULL);

  self = g_object_new (PAR_TYPE_TRUST_PAGE, NULL);
  self->db = g_object_ref (db);
  g_signal_connect_object (db, "changed", G_CALLBACK (database_changed), self, G_CONNECT_SWAPPED);
  reload (self);
  return self;
}

static void
par_trust_page_dispose (GObject *object)
{
  ParTrustPage *self = PAR_TRUST_PAGE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PAR_TYPE_TRUST_PAGE);
  g_clear_object (&self->db);

  G_OBJECT_CLASS (par_trust_page_parent_class)->dispose (object);
}

static void
par_trust_page_class_init (ParTrustPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = par_trust_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pardesk/ParDesk/ui/evidence/par-trust-page.ui");
  gtk_widget_class_bind_template_child (widget_class, ParTrustPage, issuers_list);
  gtk_widget_class_bind_template_child (widget_class, ParTrustPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, ParTrustPage, crls_list);
  gtk_widget_class_bind_template_child (widget_class, ParTrustPage, crl_error_label);
  gtk_widget_class_bind_template_callback (widget_class, add_clicked);
  gtk_widget_class_bind_template_callback (widget_class, add_crl_clicked);
}

static void
par_trust_page_init (ParTrustPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
