/* par-evidence-details.c: the evidence viewer's panel of details and links
 *
 * A kept document's details and signatures, and what it is evidence of.
 * The panel only shows them: its buttons name the viewer's actions
 * (viewer.link, viewer.unlink with the link's place in the list, and
 * viewer.trust-issuer with the signature's), which change the file; the
 * viewer then gives the panel what it reads.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "par-detail-markup.h"
#include "par-evidence-details.h"
#include "par-link-chooser.h"
#include "par-signature-panel.h"

struct _ParEvidenceDetails
{
  GtkBox      parent_instance;

  GPtrArray  *links;             /* ParLinkTarget, as the list shows them */
  GPtrArray  *signatures;        /* ParPdfSignature, as the panels show them */

  GtkLabel   *details_label;
  GtkBox     *signatures_box;
  GtkListBox *links_list;
};

G_DEFINE_FINAL_TYPE (ParEvidenceDetails, par_evidence_details, GTK_TYPE_BOX)

/* One panel a signature, in the document's order (a leader's, then the
 * office's). */
static void
show_signatures (ParEvidenceDetails *self,
                 GPtrArray          *signatures)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->signatures_box))) != NULL)
    gtk_box_remove (self->signatures_box, child);
  g_clear_pointer (&self->signatures, g_ptr_array_unref);
  self->signatures = g_ptr_array_ref (signatures);
  for (guint i = 0; i < signatures->len; i++)
    gtk_box_append (self->signatures_box, par_signature_panel_new (g_ptr_array_index (signatures, i), i,
                                                                   signatures->len));
  gtk_widget_set_visible (GTK_WIDGET (self->signatures_box), signatures->len > 0);
}

/* The signature shown at @index, or NULL. */
ParPdfSignature *
par_evidence_details_get_signature (ParEvidenceDetails *self,
                                    guint               index)
{
  g_return_val_if_fail (PAR_IS_EVIDENCE_DETAILS (self), NULL);

  if (self->signatures == NULL || index >= self->signatures->len)
    return NULL;
  return g_ptr_array_index (self->signatures, index);
}

/* Shows @document's details and signatures. */
void
par_evidence_details_set_document (ParEvidenceDetails  *self,
                                   ParEvidenceDocument *document)
{
  g_autoptr(GString) markup = g_string_new (NULL);
  ParEvidenceFields *f;
  g_autofree char *date = NULL;

  g_return_if_fail (PAR_IS_EVIDENCE_DETAILS (self));
  g_return_if_fail (PAR_IS_EVIDENCE_DOCUMENT (document));

  f = par_evidence_document_get_fields (document);
  date = par_format_iso_date (f->date);
  par_detail_markup_append_block (markup, _("Signature"), par_signature_badge_label (f->signature, f->trust, NULL));
  par_detail_markup_append_block (markup, _("Abstract"), f->abstract);
  par_detail_markup_append_block (markup, _("Issued by"), f->issuer);
  par_detail_markup_append_block (markup, _("Number and symbol"), f->number);
  par_detail_markup_append_block (markup, _("Date of issue"), date);
  par_detail_markup_append_block (markup, _("File"), f->filename);
  if (!f->text_read && !f->encrypted)
    par_detail_markup_append_block (markup, _("Text"), _("Not read: the document took too long to read when it was added, so searches do not "
                                        "find it. Its pages show as usual."));
  gtk_label_set_markup (self->details_label, markup->str);
  show_signatures (self, par_evidence_document_get_signatures (document));
}

/* A row for @target, the @index-th link, with a button that unlinks it. */
static GtkWidget *
link_row (ParLinkTarget *target,
          guint          index)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_from_icon_name ("list-remove-symbolic");
  GtkWidget *icon = gtk_image_new_from_icon_name (par_link_chooser_get_icon_name (par_link_target_get_kind (target)));
  const char *detail = par_link_target_get_detail (target);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), par_link_target_get_title (target));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), par_link_target_get_context (target));
  if (*detail != '\0')
    gtk_widget_set_tooltip_text (row, detail);
  gtk_widget_add_css_class (icon, "dim-label");
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Unlink: the document stays kept"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Unlink"), -1);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "viewer.unlink");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", index);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

/* The "Supports" group: @links (ParLinkTarget), what the document is
 * evidence of; none with NULL. */
void
par_evidence_details_set_links (ParEvidenceDetails *self,
                                GPtrArray          *links)
{
  GtkWidget *child;

  g_return_if_fail (PAR_IS_EVIDENCE_DETAILS (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->links_list))) != NULL)
    gtk_list_box_remove (self->links_list, child);
  g_clear_pointer (&self->links, g_ptr_array_unref);
  if (links == NULL)
    return;
  self->links = g_ptr_array_ref (links);
  for (guint i = 0; i < links->len; i++)
    gtk_list_box_append (self->links_list, link_row (g_ptr_array_index (links, i), i));
}

/* The link listed at @index, or NULL. */
ParLinkTarget *
par_evidence_details_get_link (ParEvidenceDetails *self,
                               guint               index)
{
  g_return_val_if_fail (PAR_IS_EVIDENCE_DETAILS (self), NULL);

  if (self->links == NULL || index >= self->links->len)
    return NULL;
  return g_ptr_array_index (self->links, index);
}

static void
par_evidence_details_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PAR_TYPE_EVIDENCE_DETAILS);

  G_OBJECT_CLASS (par_evidence_details_parent_class)->dispose (object);
}

static void
par_evidence_details_finalize (GObject *object)
{
  ParEvidenceDetails *self = PAR_EVIDENCE_DETAILS (object);

  g_clear_pointer (&self->links, g_ptr_array_unref);
  g_clear_pointer (&self->signatures, g_ptr_array_unref);

  G_OBJECT_CLASS (par_evidence_details_parent_class)->finalize (object);
}

static void
par_evidence_details_class_init (ParEvidenceDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = par_evidence_details_dispose;
  object_class->finalize = par_evidence_details_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pardesk/ParDesk/ui/evidence/par-evidence-details.ui");
  gtk_widget_class_bind_template_child (widget_class, ParEvidenceDetails, details_label);
  gtk_widget_class_bind_template_child (widget_class, ParEvidenceDetails, signatures_box);
  gtk_widget_class_bind_template_child (widget_class, ParEvidenceDetails, links_list);
}

static void
par_evidence_details_init (ParEvidenceDetails *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
