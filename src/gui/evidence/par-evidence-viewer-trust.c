/* par-evidence-viewer-trust.c: trusting the issuer of a signature shown in the viewer
 *
 * The signature panel's "Trust This Issuer…" asks first (the issuer's
 * fingerprint, to compare with the authority's), then adds the issuer's
 * certificate to the file's trust list. The list emits PAR_CHANGE_TRUST,
 * on which the panel and every badge read the signatures again.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "par-evidence-viewer-private.h"
#include "par-signature-panel.h"
#include "par-trust-dialog.h"

static void
trust_response (AdwMessageDialog *dialog,
                const char       *response,
                gpointer          user_data)
{
  ParEvidenceViewer *self = PAR_EVIDENCE_VIEWER (user_data);
  ParCertificateInfo *issuer = g_object_get_data (G_OBJECT (dialog), "issuer");
  g_autoptr(GPtrArray) added = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (g_strcmp0 (response, PAR_TRUST_DIALOG_RESPONSE_TRUST) != 0 || issuer == NULL)
    return;
  added = par_trust_add_certificates (self->db, issuer->der, &error);
  if (added == NULL)
    {
      par_context_report_error (self->context, _("The issuer was not trusted"), error);
      return;
    }
  /* Translators: a toast; %s is a certificate authority */
  title = g_strdup_printf (_("“%s” is now a trusted issuer in this file"), issuer->subject);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

static void
trust_issuer_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ParEvidenceViewer *self = PAR_EVIDENCE_VIEWER (widget);
  ParPdfSignature *signature = par_evidence_details_get_signature (self->details_panel,
                                                                   g_variant_get_uint32 (parameter));
  ParCertificateInfo *issuer = signature != NULL ? par_signature_issuer_to_trust (signature) : NULL;
  AdwMessageDialog *dialog;

  if (issuer == NULL)
    return;
  dialog = par_trust_dialog_new (GTK_WINDOW (self), issuer);
  /* the panel may be rebuilt while the dialog is open: it keeps its own copy */
  g_object_set_data_full (G_OBJECT (dialog), "issuer", par_certificate_info_copy (issuer),
                          (GDestroyNotify) par_certificate_info_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (trust_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
par_evidence_viewer_class_init_trust (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "viewer.trust-issuer", "u", trust_issuer_action);
}
