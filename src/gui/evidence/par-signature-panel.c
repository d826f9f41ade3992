/* par-signature-panel.c: how a document's signatures and their certificates read on screen
 *
 * One panel a signature for the evidence viewer: who signed and when,
 * whether the signed bytes are unchanged, and how the signer's
 * certificate stands (in words and in colour), with its chain up to the
 * issuers that are known and where each is trusted. The badges of the
 * lists (the documents, the side panes) say the same in a few words.
 *
 * The panel only shows: its "Trust This Issuer…" button names the
 * viewer's action (viewer.trust-issuer, with the signature's place),
 * which asks the user and changes the file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "par-signature-panel.h"

/* A verdict and a certificate status as a document's badge says them
 * (par_signature_summary_label(), as the score sheet says them too), and
 * the CSS class of the badge. @verdict and @trust are as stored ("valid",
 * "trusted"). */
const char *
par_signature_badge_label (const char  *verdict,
                           const char  *trust,
                           const char **css_class)
{
  if (css_class != NULL)
    *css_class = g_strcmp0 (verdict, "valid") == 0
                 ? par_certificate_status_css_class (par_certificate_status_from_string (trust))
                 : g_strcmp0 (verdict, "modified") == 0 || g_strcmp0 (verdict, "invalid") == 0 ? "error"
                 : "dim-label";
  return par_signature_summary_label (verdict, trust);
}

/* Trusted: success; not trusted or unreadable: a warning; a certificate
 * that was not valid when it signed: an error. */
const char *
par_certificate_status_css_class (ParCertificateStatus status)
{
  switch (status)
    {
    case PAR_CERTIFICATE_TRUSTED:
      return "success";
    case PAR_CERTIFICATE_EXPIRED:
    case PAR_CERTIFICATE_REVOKED:
      return "error";
    case PAR_CERTIFICATE_UNTRUSTED:
    case PAR_CERTIFICATE_UNKNOWN:
    default:
      return "warning";
    }
}

/* @when (UTC) in the user's date format, on the user's calendar day. */
static char *
format_day (GDateTime *when)
{
  g_autoptr(GDateTime) local = when != NULL ? g_date_time_to_local (when) : NULL;

  return local != NULL ? par_format_date (local) : g_strdup ("?");
}

/* "01/01/2024 – 31/12/2026" */
char *
par_certificate_format_period (const ParCertificateInfo *info)
{
  g_autofree char *from = format_day (info->not_before);
  g_autofree char *to = format_day (info->not_after);

  return g_strdup_printf ("%s – %s", from, to);
}

/* "valid 01/01/2024 – 31/12/2026" */
char *
par_certificate_format_validity (const ParCertificateInfo *info)
{
  g_autofree char *from = format_day (info->not_before);
  g_autofree char *to = format_day (info->not_after);

  /* Translators: a certificate's validity: the first day, then the last */
  return g_strdup_printf (_("valid %s – %s"), from, to);
}

/* Where a certificate of a chain is trusted; NULL: nowhere. */
const char *
par_certificate_anchor_label (ParTrustAnchor anchor)
{
  switch (anchor)
    {
    case PAR_TRUST_ANCHOR_FILE:
      return _("In this file’s trust list");
    case PAR_TRUST_ANCHOR_SYSTEM:
      return _("Trusted by this computer");
    case PAR_TRUST_ANCHOR_NONE:
    default:
      return NULL;
    }
}

/* The certificate the user may choose to trust for @signature: the top
 * of its chain, when nothing trusts it and it is a certificate
 * authority's; else NULL. */
ParCertificateInfo *
par_signature_issuer_to_trust (ParPdfSignature *signature)
{
  GPtrArray *chain = signature->trust->chain;
  ParCertificateInfo *top;

  if (signature->trust->status != PAR_CERTIFICATE_UNTRUSTED || chain == NULL || chain->len == 0)
    return NULL;
  top = g_ptr_array_index (chain, chain->len - 1);
  return top->is_ca && top->der != NULL ? top : NULL;
}

/* The signing time in the user's date format, with the hour. */
static char *
format_signing_time (const char *iso)
{
  g_autoptr(GDateTime) when = iso != NULL && *iso != '\0' ? g_date_time_new_from_iso8601 (iso, NULL) : NULL;
  g_autoptr(GDateTime) local = when != NULL ? g_date_time_to_local (when) : NULL;
  g_autofree char *day = NULL;
  g_autofree char *hour = NULL;

  if (local == NULL)
    return g_strdup (iso != NULL ? iso : "");
  day = par_format_date (local);
  hour = g_date_time_format (local, "%H:%M");
  /* Translators: a signing time: the date, then the hour */
  return g_strdup_printf (_("%s at %s"), day, hour);
}

static GtkWidget *
text_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static const char *
content_sentence (ParSignatureVerdict verdict)
{
  switch (verdict)
    {
    case PAR_SIGNATURE_VALID:
      return _("The signed content is unchanged.");
    case PAR_SIGNATURE_MODIFIED:
      return _("The document was changed after this signature.");
    case PAR_SIGNATURE_INVALID:
    default:
      return _("The signature does not match the signed content.");
    }
}

/* Who vouches for a trusted certificate, and where that one is trusted. */
static char *
explain_trusted (ParTrustJudgement *j)
{
  const ParCertificateInfo *anchor = NULL;

  for (guint i = 0; j->chain != NULL && i < j->chain->len && anchor == NULL; i++)
    if (((ParCertificateInfo *) g_ptr_array_index (j->chain, i))->anchor != PAR_TRUST_ANCHOR_NONE)
      anchor = g_ptr_array_index (j->chain, i);
  if (anchor != NULL && anchor->anchor == PAR_TRUST_ANCHOR_FILE)
    return g_strdup_printf (_("The certificate chains to “%s”, an issuer in this file’s trust list, and was valid "
                              "when the document was signed."), anchor->subject);
  if (anchor != NULL)
    return g_strdup_printf (_("The certificate chains to “%s”, an issuer this computer trusts, and was valid when "
                              "the document was signed."), anchor->subject);
  return g_strdup (_("The certificate chains to an issuer this file or this computer trusts, and was valid when the "
                     "document was signed."));
}

/* Why the certificate stands as it does, in a sentence or two. */
static char *
explain_status (ParPdfSignature *signature)
{
  ParTrustJudgement *j = signature->trust;
  const ParCertificateInfo *failed = j->chain != NULL && j->failed_at < j->chain->len
                                     ? g_ptr_array_index (j->chain, j->failed_at) : NULL;
  g_autofree char *signed_at = format_signing_time (signature->signing_time);
  const char *issuer = j->issuer != NULL && *j->issuer != '\0' ? j->issuer : NULL;

  switch (j->status)
    {
    case PAR_CERTIFICATE_TRUSTED:
      return explain_trusted (j);
    case PAR_CERTIFICATE_UNTRUSTED:
      if (issuer == NULL)
        return g_strdup (_("Nothing this file or this computer trusts vouches for the certificate: anyone can "
                           "make a certificate in any name."));
      return g_strdup_printf (_("The certificate was issued by “%s”, which neither this file nor this computer "
                                "trusts: anyone can make a certificate in any name."), issuer);
    case PAR_CERTIFICATE_EXPIRED:
      if (failed != NULL)
        {
          g_autofree char *from = format_day (failed->not_before);
          g_autofree char *to = format_day (failed->not_after);

          return g_strdup_printf (_("The certificate “%s” was not valid when the document was signed (%s): it was "
                                    "valid from %s to %s."), failed->subject, signed_at, from, to);
        }
      return g_strdup_printf (_("A certificate was not valid when the document was signed (%s)."), signed_at);
    case PAR_CERTIFICATE_REVOKED:
      if (failed != NULL && j->revoked_at != NULL)
        {
          g_autofree char *revoked = format_day (j->revoked_at);

          return g_strdup_printf (_("The certificate “%s” was revoked on %s, before the document was signed (%s)."),
                                  failed->subject, revoked, signed_at);
        }
      return g_strdup_printf (_("The certificate “%s” was revoked before the document was signed (%s)."),
                              failed != NULL ? failed->subject : "?", signed_at);
    case PAR_CERTIFICATE_UNKNOWN:
    default:
      return g_strdup (_("The signature’s certificate could not be read, so who signed cannot be checked."));
    }
}

/* A certificate of the chain: its subject; what it is, its validity and
 * where it is trusted. */
static GtkWidget *
chain_row (ParPdfSignature *signature,
           guint            position)
{
  ParTrustJudgement *j = signature->trust;
  const ParCertificateInfo *info = g_ptr_array_index (j->chain, position);
  gboolean failed = position == j->failed_at
                    && (j->status == PAR_CERTIFICATE_EXPIRED || j->status == PAR_CERTIFICATE_REVOKED);
  const char *anchor = par_certificate_anchor_label (info->anchor);
  g_autofree char *validity = par_certificate_format_validity (info);
  g_autoptr(GString) subtitle = g_string_new (position == 0 ? _("Signer’s certificate") : _("Issuer’s certificate"));
  GtkWidget *row = adw_action_row_new ();

  g_string_append_printf (subtitle, " · %s", validity);
  if (anchor != NULL)
    g_string_append_printf (subtitle, "\n%s", anchor);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), info->subject);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle->str);
  gtk_widget_set_tooltip_text (row, info->subject_full);
  if (failed || anchor != NULL)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name (failed ? "dialog-warning-symbolic" : "emblem-ok-symbolic");

      gtk_widget_add_css_class (icon, failed ? "error" : "success");
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }
  return row;
}

/* What the user can do about an issuer nothing trusts. */
static GtkWidget *
untrusted_action (ParPdfSignature *signature,
                  guint            index)
{
  GPtrArray *chain = signature->trust->chain;
  const ParCertificateInfo *top;
  GtkWidget *button;

  if (par_signature_issuer_to_trust (signature) != NULL)
    {
      button = gtk_button_new_with_mnemonic (_("_Trust This Issuer…"));
      gtk_widget_set_name (button, "trust-issuer-button");
      gtk_widget_set_halign (button, GTK_ALIGN_START);
      gtk_widget_set_tooltip_text (button, _("Check the issuer’s fingerprint, then trust the signatures it vouches "
                                             "for in this file"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "viewer.trust-issuer");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", index);
      return button;
    }
  if (chain == NULL || chain->len == 0)
    return NULL;
  top = g_ptr_array_index (chain, chain->len - 1);
  if (top->self_issued)
    return text_label (_("The signer’s certificate was not issued by a certificate authority: the signer made it "
                         "alone, so it cannot be trusted this way. Ask for the document signed with a certificate "
                         "from a certificate authority."), "dim-label");
  return text_label (_("The signature does not carry its issuer’s certificate. If you have it from the authority, "
                       "add it under Preferences › Trusted Issuers."), "dim-label");
}

/* The certificates, signer first. */
static GtkWidget *
chain_list (ParPdfSignature *signature)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Certificates"), -1);
  for (guint i = 0; i < signature->trust->chain->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (list), chain_row (signature, i));
  return list;
}

/* The @index-th of @n_signatures signatures of a document, shown on its own. */
GtkWidget *
par_signature_panel_new (ParPdfSignature *signature,
                         guint            index,
                         guint            n_signatures)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  ParCertificateStatus status = signature->trust->status;
  g_autofree char *heading = n_signatures > 1 ? g_strdup_printf (_("Signature %u of %u"), index + 1, n_signatures)
                                              : g_strdup (_("Signed by"));
  g_autofree char *when = format_signing_time (signature->signing_time);
  g_autofree char *signed_on = *when != '\0' ? g_strdup_printf (_("Signed on %s"), when) : NULL;
  g_autofree char *why = explain_status (signature);
  GtkWidget *state, *action;

  gtk_widget_add_css_class (box, "signature-panel");
  gtk_widget_set_name (box, "signature-panel");
  gtk_box_append (GTK_BOX (box), text_label (heading, "heading"));
  gtk_box_append (GTK_BOX (box), text_label (*signature->signer != '\0' ? signature->signer : _("Unknown signer"),
                                             "title-4"));
  if (signed_on != NULL)
    gtk_box_append (GTK_BOX (box), text_label (signed_on, "dim-label"));
  gtk_box_append (GTK_BOX (box), text_label (content_sentence (signature->status),
                                             signature->status == PAR_SIGNATURE_VALID ? "success" : "error"));
  state = text_label (par_certificate_status_get_label (status), par_certificate_status_css_class (status));
  gtk_widget_set_name (state, "signature-state");
  gtk_widget_add_css_class (state, "heading");
  gtk_widget_set_margin_top (state, 6);
  gtk_box_append (GTK_BOX (box), state);
  gtk_box_append (GTK_BOX (box), text_label (why, NULL));
  if (signature->trust->chain != NULL && signature->trust->chain->len > 0)
    {
      GtkWidget *list = chain_list (signature);

      gtk_widget_set_margin_top (list, 6);
      gtk_box_append (GTK_BOX (box), list);
    }
  action = status == PAR_CERTIFICATE_UNTRUSTED ? untrusted_action (signature, index) : NULL;
  if (action != NULL)
    {
      gtk_widget_set_margin_top (action, 6);
      gtk_box_append (GTK_BOX (box), action);
    }
  return box;
}
