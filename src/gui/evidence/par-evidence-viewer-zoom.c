/* par-evidence-viewer-zoom.c: the evidence viewer's zoom, fitted or fixed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "par-evidence-viewer-private.h"
#include "par-page-view.h"

#define MIN_ZOOM 0.5
#define MAX_ZOOM 4.0

/* The zoom at which the widest page fills the view's width, or with
 * @whole_page the tallest its height too. */
double
par_evidence_viewer_fit_zoom (ParEvidenceViewer *self,
                              gboolean           whole_page)
{
  GtkAdjustment *h = gtk_scrolled_window_get_hadjustment (self->pages_scroller);
  GtkAdjustment *v = gtk_scrolled_window_get_vadjustment (self->pages_scroller);
  double width = gtk_adjustment_get_page_size (h) - 48;
  double height = gtk_adjustment_get_page_size (v) - 24;
  double page_width = 0, page_height = 0;

  for (int i = 0; i < par_pdf_worker_get_n_pages (self->worker); i++)
    {
      double w, h2;

      par_pdf_worker_get_page_size (self->worker, i, &w, &h2);
      page_width = MAX (page_width, w);
      page_height = MAX (page_height, h2);
    }
  if (width <= 0 || page_width <= 0)
    return 1.0;
  if (whole_page && height > 0)
    return CLAMP (MIN (width / page_width, height / page_height), 0.1, MAX_ZOOM);
  return CLAMP (width / page_width, 0.1, MAX_ZOOM);
}

/* Sets every page to the zoom of the current mode, which the button shows. */
void
par_evidence_viewer_apply_zoom (ParEvidenceViewer *self)
{
  g_autofree char *label = NULL;
  double zoom;

  if (self->worker == NULL)
    return;
  zoom = self->zoom_mode == ZOOM_FIXED ? self->zoom
                                       : par_evidence_viewer_fit_zoom (self, self->zoom_mode == ZOOM_FIT_PAGE);
  label = g_strdup_printf ("%.0f%%", zoom * 100);
  gtk_menu_button_set_label (self->zoom_button, label);
  self->zoom = zoom;
  for (guint i = 0; i < self->pages->len; i++)
    par_page_view_set_zoom (g_ptr_array_index (self->pages, i), zoom);
  par_evidence_viewer_schedule_update (self);
}

static void
set_fixed_zoom (ParEvidenceViewer *self,
                double             zoom)
{
  self->zoom_mode = ZOOM_FIXED;
  self->zoom = CLAMP (zoom, MIN_ZOOM, MAX_ZOOM);
  for (guint i = 0; i < self->pages->len; i++)
    par_page_view_set_zoom (g_ptr_array_index (self->pages, i), self->zoom);
  par_evidence_viewer_apply_zoom (self);
}

static void
zoom_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  ParEvidenceViewer *self = PAR_EVIDENCE_VIEWER (widget);
  const char *target = g_variant_get_string (parameter, NULL);

  if (g_str_equal (target, "fit-width"))
    self->zoom_mode = ZOOM_FIT_WIDTH;
  else if (g_str_equal (target, "fit-page"))
    self->zoom_mode = ZOOM_FIT_PAGE;
  else
    {
      set_fixed_zoom (self, g_ascii_strtod (target, NULL));
      return;
    }
  par_evidence_viewer_apply_zoom (self);
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  ParEvidenceViewer *self = PAR_EVIDENCE_VIEWER (widget);

  set_fixed_zoom (self, self->zoom * 1.25);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ParEvidenceViewer *self = PAR_EVIDENCE_VIEWER (widget);

  set_fixed_zoom (self, self->zoom / 1.25);
}

double
par_evidence_viewer_get_zoom (ParEvidenceViewer *self)
{
  g_return_val_if_fail (PAR_IS_EVIDENCE_VIEWER (self), 0);
  return self->zoom;
}

void
par_evidence_viewer_class_init_zoom (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "viewer.zoom", "s", zoom_action);
  gtk_widget_class_install_action (widget_class, "viewer.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "viewer.zoom-out", NULL, zoom_out_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "viewer.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "viewer.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "viewer.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "viewer.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "viewer.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "viewer.zoom", "s", "fit-width");
}
