/* par-evidence-viewer.c: a kept document's pages, its details and signatures
 *
 * This file opens the document, asking for its password if it has one,
 * and holds the class together; the rest of the viewer is in the
 * par-evidence-viewer-*.c files beside it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "par-evidence-viewer-private.h"

G_DEFINE_FINAL_TYPE (ParEvidenceViewer, par_evidence_viewer, ADW_TYPE_WINDOW)

/* Opening ----------------------------------------------------------------- */

static void
worker_opened (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(ParEvidenceViewer) self = user_data;
  g_autoptr(GError) error = NULL;
  ParPdfWorker *worker = par_pdf_worker_open_finish (result, &error);

  if (worker == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      if (g_error_matches (error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        {
          gboolean retried = g_object_get_data (G_OBJECT (self), "password-tried") != NULL;

          gtk_widget_set_visible (GTK_WIDGET (self->password_error), retried);
          gtk_stack_set_visible_child_name (self->stack, "locked");
          gtk_widget_grab_focus (GTK_WIDGET (self->password_entry));
          return;
        }
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }
  self->worker = worker;
  par_evidence_viewer_build_pages (self);
  gtk_stack_set_visible_child_name (self->stack, "pages");
  par_evidence_viewer_apply_zoom (self);
  if (self->wanted_find != NULL && *self->wanted_find != '\0')
    par_evidence_viewer_find (self, self->wanted_find);
  else if (self->wanted_page > 0)
    {
      par_evidence_viewer_scroll_to_page (self, self->wanted_page, 0);
      self->wanted_page = 0;
    }
}

static void
unlock_clicked (ParEvidenceViewer *self)
{
  par_evidence_viewer_unlock (self, gtk_editable_get_text (GTK_EDITABLE (self->password_entry)));
}

/* Opens the protected document with @password. */
void
par_evidence_viewer_unlock (ParEvidenceViewer *self,
                            const char        *password)
{
  g_return_if_fail (PAR_IS_EVIDENCE_VIEWER (self));

  g_object_set_data (G_OBJECT (self), "password-tried", GINT_TO_POINTER (1));
  gtk_stack_set_visible_child_name (self->stack, "loading");
  par_pdf_worker_open_document_async (par_database_get_path (self->db), self->document_id, password,
                                      self->cancellable, worker_opened, g_object_ref (self));
}

/* Shows a kept document; pages appear as they are rendered. */
ParEvidenceViewer *
par_evidence_viewer_new (GtkWindow   *parent,
                         ParContext  *context,
                         gint64       document_id)
{
  ParEvidenceViewer *self;
  ParDatabase *db;

  g_return_val_if_fail (PAR_IS_CONTEXT (context), NULL);
  db = par_context_get_database (context);
  g_return_val_if_fail (PAR_IS_DATABASE (db), NULL);

  self = g_object_new (PAR_TYPE_EVIDENCE_VIEWER, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->db = g_object_ref (db);
  self->document_id = document_id;
  g_signal_connect_object (db, "changed", G_CALLBACK (par_evidence_viewer_database_changed), self, G_CONNECT_SWAPPED);
  par_evidence_viewer_show_details (self);
  /* A long document's first page shows at once from its stored preview,
   * while reading the bytes, opening and rendering run in workers. */
  {
    g_autoptr(GBytes) preview = par_evidence_read_preview (db, document_id);
    g_autoptr(GdkTexture) texture = preview != NULL ? gdk_texture_new_from_bytes (preview, NULL) : NULL;

    if (texture != NULL)
      {
        gtk_picture_set_paintable (self->preview_picture, GDK_PAINTABLE (texture));
        self->has_preview = TRUE;
      }
  }
  par_pdf_worker_open_document_async (par_database_get_path (db), document_id, NULL, self->cancellable,
                                      worker_opened, g_object_ref (self));
  return self;
}

/* Goes to @page (from 1) and, with @find, finds that text from there. */
void
par_evidence_viewer_show_page (ParEvidenceViewer *self,
                               int                page,
                               const char        *find)
{
  g_return_if_fail (PAR_IS_EVIDENCE_VIEWER (self));

  self->wanted_page = MAX (0, page - 1);
  g_free (self->wanted_find);
  self->wanted_find = g_strdup (find);
  if (self->worker == NULL)
    return;
  if (find != NULL && *find != '\0')
    par_evidence_viewer_find (self, find);
  else
    par_evidence_viewer_scroll_to_page (self, self->wanted_page, 0);
}

gboolean
par_evidence_viewer_is_locked (ParEvidenceViewer *self)
{
  g_return_val_if_fail (PAR_IS_EVIDENCE_VIEWER (self), FALSE);
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "locked") == 0;
}

/* Class ------------------------------------------------------------------- */

static void
par_evidence_viewer_dispose (GObject *object)
{
  ParEvidenceViewer *self = PAR_EVIDENCE_VIEWER (object);

  g_cancellable_cancel (self->cancellable);
  if (self->finding != NULL)
    g_cancellable_cancel (self->finding);
  for (guint i = 0; self->pending != NULL && i < self->pending->len; i++)
    if (g_ptr_array_index (self->pending, i) != NULL)
      g_cancellable_cancel (g_ptr_array_index (self->pending, i));
  g_clear_handle_id (&self->update_source, g_source_remove);
  g_clear_handle_id (&self->follow_source, g_source_remove);
  g_clear_handle_id (&self->refresh_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), PAR_TYPE_EVIDENCE_VIEWER);

  G_OBJECT_CLASS (par_evidence_viewer_parent_class)->dispose (object);
}

static void
par_evidence_viewer_finalize (GObject *object)
{
  ParEvidenceViewer *self = PAR_EVIDENCE_VIEWER (object);

  g_clear_object (&self->worker);
  g_clear_object (&self->db);
  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->finding);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->pending, g_ptr_array_unref);
  g_clear_pointer (&self->thumbnails, g_ptr_array_unref);
  g_clear_pointer (&self->thumbnail_asked, g_free);
  g_clear_pointer (&self->hits, g_array_unref);
  g_clear_object (&self->unlinked);
  g_clear_object (&self->undo_toast);
  g_free (self->filename);
  g_free (self->wanted_find);

  G_OBJECT_CLASS (par_evidence_viewer_parent_class)->finalize (object);
}

static void
par_evidence_viewer_class_init (ParEvidenceViewerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = par_evidence_viewer_dispose;
  object_class->finalize = par_evidence_viewer_finalize;

  g_type_ensure (PAR_TYPE_EVIDENCE_DETAILS);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pardesk/ParDesk/ui/evidence/par-evidence-viewer.ui");
  gtk_widget_class_bind_template_child (widget_class, ParEvidenceViewer, title_widget);
  gtk_widget_class_bind_template_child (widget_class, ParEvidenceViewer, zoom_button);
  gtk_widget_class_bind_template_child (widget_class, ParEvidenceViewer, find_toggle);
  gtk_widget_class_bind_template_child (widget_class, ParEvidenceViewer, find_entry);
  gtk_widget_class_bind_template_child (widget_class, ParEvidenceViewer, find_label);
  gtk_widget_class_bind_template_child (widget_class, ParEvidenceViewer, stack);
  gtk_widget_class_bind_template_child (widget_class, ParEvidenceViewer, preview_picture);
  gtk_widget_class_bind_template_child (widget_class, ParEvidenceViewer, error_page);
  gtk_widget_class_bind_template_child (widget_class, ParEvidenceViewer, password_entry);
  gtk_widget_class_bind_template_child (widget_class, ParEvidenceViewer, password_error);
  gtk_widget_class_bind_template_child (widget_class, ParEvidenceViewer, thumbnails_revealer);
  gtk_widget_class_bind_template_child (widget_class, ParEvidenceViewer, thumbnails_scroller);
  gtk_widget_class_bind_template_child (widget_class, ParEvidenceViewer, thumbnails_box);
  gtk_widget_class_bind_template_child (widget_class, ParEvidenceViewer, pages_scroller);
  gtk_widget_class_bind_template_child (widget_class, ParEvidenceViewer, pages_box);
  gtk_widget_class_bind_template_child (widget_class, ParEvidenceViewer, details_panel);
  gtk_widget_class_bind_template_child (widget_class, ParEvidenceViewer, toast_overlay);
  gtk_widget_class_bind_template_callback (widget_class, unlock_clicked);

  par_evidence_viewer_class_init_zoom (widget_class);
  par_evidence_viewer_class_init_pages (widget_class);
  par_evidence_viewer_class_init_find (widget_class);
  par_evidence_viewer_class_init_copy (widget_class);
  par_evidence_viewer_class_init_links (widget_class);
  par_evidence_viewer_class_init_trust (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
par_evidence_viewer_init (ParEvidenceViewer *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->zoom = 1;
  self->current_hit = -1;
  par_evidence_viewer_init_pages (self);
}
