/* par-evidence-viewer-zoom.c: the evidence viewer's zoom actions: fitted or fixed, in and out
 *
 * The actions choose the zoom; par_evidence_viewer_apply_zoom() in
 * -pages.c sets the pages to it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "par-evidence-viewer-private.h"
#include "par-page-view.h"

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
