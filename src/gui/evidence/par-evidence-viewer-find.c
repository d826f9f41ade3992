/* par-evidence-viewer-find.c: finding text in the evidence viewer's document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "par-evidence-viewer-private.h"
#include "par-page-view.h"

/* Marks the matches on their pages, the selected one apart, and counts
 * them in the find bar. */
static void
show_hits (ParEvidenceViewer *self)
{
  g_autofree char *label = NULL;

  for (guint i = 0; i < self->pages->len; i++)
    {
      g_autoptr(GArray) areas = g_array_new (FALSE, FALSE, sizeof (PopplerRectangle));
      int current = -1;

      if (self->hits != NULL)
        for (guint h = 0; h < self->hits->len; h++)
          {
            ParFindHit *hit = &g_array_index (self->hits, ParFindHit, h);

            if (hit->page != (int) i)
              continue;
            if ((int) h == self->current_hit)
              current = areas->len;
            g_array_append_val (areas, hit->area);
          }
      par_page_view_set_highlights (g_ptr_array_index (self->pages, i), areas->len > 0 ? areas : NULL, current);
    }
  if (self->hits == NULL)
    label = g_strdup ("");
  else if (self->hits->len == 0)
    label = g_strdup (_("Not found"));
  else
    /* Translators: the selected match and the number of matches */
    label = g_strdup_printf (_("%d of %u"), self->current_hit + 1, self->hits->len);
  gtk_label_set_text (self->find_label, label);
}

static void
go_to_hit (ParEvidenceViewer *self,
           int                index)
{
  ParFindHit *hit;

  if (self->hits == NULL || self->hits->len == 0)
    return;
  self->current_hit = (index + self->hits->len) % self->hits->len;
  hit = &g_array_index (self->hits, ParFindHit, self->current_hit);
  show_hits (self);
  par_evidence_viewer_scroll_to_page (self, hit->page, MAX (0, hit->area.y1 * self->zoom - 80));
}

static void
find_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(ParEvidenceViewer) self = user_data;
  g_autoptr(GError) error = NULL;
  GArray *hits = par_pdf_worker_find_finish (PAR_PDF_WORKER (source), result, &error);
  int start = 0;

  if (hits == NULL)
    return;
  g_clear_pointer (&self->hits, g_array_unref);
  self->hits = hits;
  /* Start at the first match on or after the page asked for. */
  for (guint i = 0; i < hits->len; i++)
    if (g_array_index (hits, ParFindHit, i).page >= self->wanted_page)
      {
        start = i;
        break;
      }
  self->wanted_page = 0;
  go_to_hit (self, start);
  show_hits (self);
}

static void
find_changed (ParEvidenceViewer *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->find_entry));

  if (self->finding != NULL)
    g_cancellable_cancel (self->finding);
  g_clear_object (&self->finding);
  g_clear_pointer (&self->hits, g_array_unref);
  self->current_hit = -1;
  show_hits (self);
  if (self->worker == NULL || *text == '\0')
    return;
  self->finding = g_cancellable_new ();
  par_pdf_worker_find_async (self->worker, text, self->finding, find_done, g_object_ref (self));
}

static void
find_next (ParEvidenceViewer *self)
{
  go_to_hit (self, self->current_hit + 1);
}

static void
find_previous (ParEvidenceViewer *self)
{
  go_to_hit (self, self->current_hit - 1);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ParEvidenceViewer *self = PAR_EVIDENCE_VIEWER (widget);

  gtk_toggle_button_set_active (self->find_toggle, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->find_entry));
}

/* Shows the find bar with @text and finds it, from the page asked for. */
void
par_evidence_viewer_find (ParEvidenceViewer *self,
                          const char        *text)
{
  gtk_toggle_button_set_active (self->find_toggle, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->find_entry), text);
  find_changed (self);
}

guint
par_evidence_viewer_get_n_hits (ParEvidenceViewer *self)
{
  g_return_val_if_fail (PAR_IS_EVIDENCE_VIEWER (self), 0);
  return self->hits != NULL ? self->hits->len : 0;
}

void
par_evidence_viewer_class_init_find (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, find_changed);
  gtk_widget_class_bind_template_callback (widget_class, find_next);
  gtk_widget_class_bind_template_callback (widget_class, find_previous);

  gtk_widget_class_install_action (widget_class, "viewer.find", NULL, find_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "viewer.find", NULL);
}
