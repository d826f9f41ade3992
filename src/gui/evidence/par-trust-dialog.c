/* par-trust-dialog.c: asking before an issuer is trusted
 *
 * Trusting an issuer makes every signature it vouches for trusted in
 * the file, so the dialog shows the certificate as the authority
 * publishes it: the whole subject, the validity and the SHA-256
 * fingerprint, selectable, and asks the user to compare the fingerprint
 * before trusting; anyone can make a certificate with any name, not with
 * another's fingerprint. The dialog only asks: whoever opened it trusts
 * the issuer on PAR_TRUST_DIALOG_RESPONSE_TRUST.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "par-signature-panel.h"
#include "par-trust-dialog.h"

/* A caption and its value, one under the other; the value selectable. */
static void
add_field (GtkGrid    *grid,
           int         row,
           const char *caption,
           const char *value,
           const char *name)
{
  GtkWidget *caption_label = gtk_label_new (caption);
  GtkWidget *value_label = gtk_label_new (value);

  gtk_label_set_xalign (GTK_LABEL (caption_label), 0);
  gtk_widget_add_css_class (caption_label, "heading");
  gtk_label_set_xalign (GTK_LABEL (value_label), 0);
  gtk_label_set_wrap (GTK_LABEL (value_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (value_label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (value_label), TRUE);
  gtk_widget_set_name (value_label, name);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (value_label), GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  caption_label, NULL, -1);
  gtk_grid_attach (grid, caption_label, 0, row * 2, 1, 1);
  gtk_grid_attach (grid, value_label, 0, row * 2 + 1, 1, 1);
  if (row > 0)
    gtk_widget_set_margin_top (caption_label, 6);
}

/* Asks whether to trust @issuer (a certificate authority's certificate). */
AdwMessageDialog *
par_trust_dialog_new (GtkWindow                *parent,
                      const ParCertificateInfo *issuer)
{
  AdwMessageDialog *dialog;
  GtkWidget *grid = gtk_grid_new ();
  g_autofree char *body = NULL;
  g_autofree char *validity = par_certificate_format_period (issuer);
  g_autofree char *fingerprint = par_certificate_format_fingerprint (issuer->fingerprint);
  GtkWidget *fingerprint_label;

  g_return_val_if_fail (issuer != NULL, NULL);

  body = g_strdup_printf (_("Signatures from certificates that “%s” issued will show as trusted in this file, for "
                            "everyone who opens it. Anyone can make a certificate in that name: before you trust "
                            "it, compare the fingerprint below with the one the authority publishes (on its website "
                            "or in its letter). If they differ, do not trust it."), issuer->subject);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (parent, _("Trust This Issuer?"), body));
  gtk_grid_set_row_spacing (GTK_GRID (grid), 2);
  add_field (GTK_GRID (grid), 0, _("Issuer"), issuer->subject_full, "trust-subject");
  /* Translators: a caption over a certificate's first and last days ("01/01/2024 – 31/12/2026") */
  add_field (GTK_GRID (grid), 1, _("Valid"), validity, "trust-validity");
  add_field (GTK_GRID (grid), 2, _("SHA-256 fingerprint"), fingerprint, "trust-fingerprint");
  fingerprint_label = gtk_grid_get_child_at (GTK_GRID (grid), 0, 5);
  gtk_widget_add_css_class (fingerprint_label, "monospace");
  adw_message_dialog_set_extra_child (dialog, grid);

  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), PAR_TRUST_DIALOG_RESPONSE_TRUST,
                                    _("_Trust Issuer"), NULL);
  adw_message_dialog_set_response_appearance (dialog, PAR_TRUST_DIALOG_RESPONSE_TRUST, ADW_RESPONSE_SUGGESTED);
  /* Enter must not trust unchecked. */
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  return dialog;
}
