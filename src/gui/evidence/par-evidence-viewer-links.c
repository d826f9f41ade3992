/* par-evidence-viewer-links.c: what the viewer's document is evidence of
 *
 * The panel's details and links, read again wherever they change;
 * linking through the link chooser, and unlinking with Undo.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "par-evidence-viewer-private.h"
#include "par-link-chooser.h"

/* Reads what the document is evidence of into the panel. */
static void
fill_links (ParEvidenceViewer *self)
{
  g_autoptr(GPtrArray) links = NULL;
  g_autoptr(GError) error = NULL;

  links = par_link_target_list_linked (self->db, self->document_id, &error);
  par_evidence_details_set_links (self->details_panel, links);
  if (links == NULL)
    par_context_report_error (self->context, _("The links of the document could not be read"), error);
}

/* The document's title, details and links, read again from the file. */
void
par_evidence_viewer_show_details (ParEvidenceViewer *self)
{
  g_autoptr(ParEvidenceDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  ParEvidenceFields *f;
  g_autofree char *title = NULL;

  document = par_evidence_get (self->db, self->document_id, &error);
  if (document == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  f = par_evidence_document_get_fields (document);
  g_free (self->filename);
  self->filename = g_strdup (f->filename);
  title = g_strdup_printf ("%s %s", f->doc_type, *f->number != '\0' ? f->number : f->filename);
  adw_window_title_set_title (self->title_widget, g_strstrip (title));
  gtk_window_set_title (GTK_WINDOW (self), adw_window_title_get_title (self->title_widget));
  par_evidence_details_set_document (self->details_panel, document);
  fill_links (self);
}

static gboolean
refresh_idle (gpointer data)
{
  ParEvidenceViewer *self = data;

  self->refresh_source = 0;
  par_evidence_viewer_show_details (self);
  return G_SOURCE_REMOVE;
}

/* Links and details may change anywhere (the PAR Index, this viewer's
 * panel, the documents' list), and the trust of the signatures with the
 * trust list (Preferences, this panel): the panel follows, once per burst. */
void
par_evidence_viewer_database_changed (ParEvidenceViewer *self,
                                      ParChange          what)
{
  if ((what == PAR_CHANGE_LINKS || what == PAR_CHANGE_SCORES || what == PAR_CHANGE_DOCUMENTS
       || what == PAR_CHANGE_TRUST)
      && self->refresh_source == 0)
    self->refresh_source = g_idle_add (refresh_idle, self);
}

static void
link_chosen (ParEvidenceViewer *self,
             ParLinkTarget     *target)
{
  g_autoptr(GError) error = NULL;

  if (!par_evidence_link (self->db, self->document_id, target, &error))
    par_context_report_error (self->context, _("The document was not linked"), error);
}

static void
link_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ParEvidenceViewer *self = PAR_EVIDENCE_VIEWER (widget);
  ParLinkChooser *chooser = par_link_chooser_new (GTK_WINDOW (self), self->context, self->document_id,
                                                  adw_window_title_get_title (self->title_widget));

  g_signal_connect_object (chooser, "chosen", G_CALLBACK (link_chosen), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (chooser));
}

static void
undo_toast_dismissed (ParEvidenceViewer *self,
                      AdwToast          *toast)
{
  if (self->undo_toast == toast)
    g_clear_object (&self->undo_toast);
}

/* Unlinks at once, with Undo in a toast: a misclick loses nothing. */
static void
unlink_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ParEvidenceViewer *self = PAR_EVIDENCE_VIEWER (widget);
  guint index = g_variant_get_uint32 (parameter);
  ParLinkTarget *listed = par_evidence_details_get_link (self->details_panel, index);
  g_autoptr(ParLinkTarget) target = NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (listed == NULL)
    return;
  target = g_object_ref (listed);
  if (!par_evidence_unlink (self->db, self->document_id, target, &error))
    {
      par_context_report_error (self->context, _("The link was not removed"), error);
      return;
    }
  g_set_object (&self->unlinked, target);
  /* Only the last removal can be undone: an older toast would undo the wrong one. */
  if (self->undo_toast != NULL)
    adw_toast_dismiss (self->undo_toast);
  /* Translators: a toast after a link was removed; %s is the item, task or inspection */
  {
    const char *what = par_link_target_get_title (target);
    g_autofree char *shortened = g_utf8_strlen (what, -1) > 48 ? g_utf8_substring (what, 0, 47) : NULL;
    g_autofree char *shown = shortened != NULL ? g_strconcat (g_strchomp (shortened), "…", NULL) : g_strdup (what);
    g_autofree char *title = g_strdup_printf (_("No longer evidence of %s"), shown);

    toast = adw_toast_new (title);
  }
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "viewer.undo-unlink");
  adw_toast_set_timeout (toast, 10);
  g_set_object (&self->undo_toast, toast);
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (undo_toast_dismissed), self, G_CONNECT_SWAPPED);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
undo_unlink_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ParEvidenceViewer *self = PAR_EVIDENCE_VIEWER (widget);
  g_autoptr(ParLinkTarget) target = g_steal_pointer (&self->unlinked);
  g_autoptr(GError) error = NULL;

  if (target != NULL && !par_evidence_link (self->db, self->document_id, target, &error))
    par_context_report_error (self->context, _("The link was not restored"), error);
}

void
par_evidence_viewer_class_init_links (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "viewer.link", NULL, link_action);
  gtk_widget_class_install_action (widget_class, "viewer.unlink", "u", unlink_action);
  gtk_widget_class_install_action (widget_class, "viewer.undo-unlink", NULL, undo_unlink_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "viewer.link", NULL);
}
