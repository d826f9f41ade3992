/* par-page-view.c: one page of a document in the viewer, with its find highlights
 *
 * The page keeps its size at every zoom while its picture is rendered, so
 * scrolling through a long document never jumps; an older picture is
 * drawn scaled until the sharp one arrives.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "par-page-view.h"

struct _ParPageView
{
  GtkWidget   parent_instance;

  int         index;
  double      width;      /* points */
  double      height;
  double      zoom;       /* pixels per point */
  GdkTexture *texture;
  double      texture_scale;
  GArray     *highlights; /* PopplerRectangle, in points from the top left */
  int         current;
};

G_DEFINE_FINAL_TYPE (ParPageView, par_page_view, GTK_TYPE_WIDGET)

ParPageView *
par_page_view_new (int    index,
                   double width,
                   double height)
{
  ParPageView *self = g_object_new (PAR_TYPE_PAGE_VIEW, NULL);

  self->index = index;
  self->width = width;
  self->height = height;
  return self;
}

int
par_page_view_get_index (ParPageView *self)
{
  g_return_val_if_fail (PAR_IS_PAGE_VIEW (self), 0);
  return self->index;
}

void
par_page_view_set_zoom (ParPageView *self,
                        double       zoom)
{
  g_return_if_fail (PAR_IS_PAGE_VIEW (self));
  if (zoom == self->zoom)
    return;
  self->zoom = zoom;
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/* @texture was rendered at @scale pixels per point; NULL drops it. */
void
par_page_view_set_texture (ParPageView *self,
                           GdkTexture  *texture,
                           double       scale)
{
  g_return_if_fail (PAR_IS_PAGE_VIEW (self));
  g_set_object (&self->texture, texture);
  self->texture_scale = texture != NULL ? scale : 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

double
par_page_view_get_texture_scale (ParPageView *self)
{
  g_return_val_if_fail (PAR_IS_PAGE_VIEW (self), 0);
  return self->texture_scale;
}

gsize
par_page_view_get_texture_bytes (ParPageView *self)
{
  g_return_val_if_fail (PAR_IS_PAGE_VIEW (self), 0);
  if (self->texture == NULL)
    return 0;
  return (gsize) gdk_texture_get_width (self->texture) * gdk_texture_get_height (self->texture) * 4;
}

/* The places a search found on this page; @current is the one selected,
 * or -1. */
void
par_page_view_set_highlights (ParPageView *self,
                              GArray      *areas,
                              int          current)
{
  g_return_if_fail (PAR_IS_PAGE_VIEW (self));
  g_clear_pointer (&self->highlights, g_array_unref);
  if (areas != NULL)
    self->highlights = g_array_ref (areas);
  self->current = current;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
par_page_view_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  ParPageView *self = PAR_PAGE_VIEW (widget);
  double size = orientation == GTK_ORIENTATION_HORIZONTAL ? self->width : self->height;

  *minimum = *natural = MAX (1, (int) (size * self->zoom + 0.5));
}

static void
par_page_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  ParPageView *self = PAR_PAGE_VIEW (widget);
  graphene_rect_t bounds = GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  GdkRGBA white = { 1, 1, 1, 1 };
  GdkRGBA found = { 1.0, 0.85, 0.0, 0.35 };
  GdkRGBA current = { 1.0, 0.45, 0.0, 0.45 };

  /* The picture is rendered on white paper and covers the page: drawing
   * the paper under it too would fill every pixel twice, which software
   * rendering pays for on each frame of a scroll. */
  if (self->texture != NULL)
    gtk_snapshot_append_texture (snapshot, self->texture, &bounds);
  else
    gtk_snapshot_append_color (snapshot, &white, &bounds);
  if (self->highlights != NULL)
    for (guint i = 0; i < self->highlights->len; i++)
      {
        PopplerRectangle *r = &g_array_index (self->highlights, PopplerRectangle, i);
        graphene_rect_t area = GRAPHENE_RECT_INIT (r->x1 * self->zoom, r->y1 * self->zoom,
                                                   (r->x2 - r->x1) * self->zoom, (r->y2 - r->y1) * self->zoom);

        gtk_snapshot_append_color (snapshot, (int) i == self->current ? &current : &found, &area);
      }
}

static void
par_page_view_finalize (GObject *object)
{
  ParPageView *self = PAR_PAGE_VIEW (object);

  g_clear_object (&self->texture);
  g_clear_pointer (&self->highlights, g_array_unref);

  G_OBJECT_CLASS (par_page_view_parent_class)->finalize (object);
}

static void
par_page_view_class_init (ParPageViewClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->finalize = par_page_view_finalize;
  widget_class->measure = par_page_view_measure;
  widget_class->snapshot = par_page_view_snapshot;
  gtk_widget_class_set_css_name (widget_class, "page");
}

static void
par_page_view_init (ParPageView *self)
{
  self->zoom = 1;
  self->current = -1;
  /* A thin edge, not the "card" style: its shadows made each frame of the
   * viewer 3 ms slower to draw (24.7 → 21.7 ms under software GL, in
   * par-desk-bench-viewer). */
  gtk_widget_add_css_class (GTK_WIDGET (self), "document-page");
}
