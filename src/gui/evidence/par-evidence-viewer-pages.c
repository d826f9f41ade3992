/* par-evidence-viewer-pages.c: the evidence viewer's pages and thumbnails
 *
 * The pages are set to the zoom (the actions that choose it are in
 * -zoom.c), and a fitting zoom follows the window's size.
 *
 * Pages are rendered by a ParPdfWorker: the pages on screen first, then
 * their neighbours, then thumbnails; a page that scrolls out of reach has
 * its job cancelled, and pictures far from the view are dropped once the
 * cache passes its budget, so a 300-page scan stays within bounded memory
 * and the main loop never waits on poppler.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "par-evidence-viewer-private.h"
#include "par-page-view.h"

/* Pictures beyond the pages on screen and their neighbours (which are
 * always kept, or scrolling would render them again and again).  Each
 * byte here costs about as much again in the GPU's copy. */
#define CACHE_BUDGET_BYTES ((gsize) 48 * 1024 * 1024)
#define NEAR_PAGES 2
#define THUMBNAIL_WIDTH 120.0
#define FOLLOW_DELAY_MS 300

/* Rendering --------------------------------------------------------------- */

static double
render_scale (ParEvidenceViewer *self)
{
  return self->zoom * gtk_widget_get_scale_factor (GTK_WIDGET (self));
}

typedef struct
{
  ParEvidenceViewer *viewer;
  GCancellable      *cancellable;   /* the page's entry in pending, NULL for thumbnails */
  int                page;
  double             scale;
  gboolean           thumbnail;
} RenderRequest;

/* The page's render is over: its entry in pending is cleared, unless a
 * newer render of the page has taken its place meanwhile. */
static void
forget_pending (ParEvidenceViewer *self,
                RenderRequest     *request)
{
  if (request->thumbnail || self->pending == NULL || request->page >= (int) self->pending->len)
    return;
  if (g_ptr_array_index (self->pending, request->page) == request->cancellable)
    g_clear_object (&g_ptr_array_index (self->pending, request->page));
}

static void
pending_free (gpointer cancellable)
{
  if (cancellable != NULL)
    g_object_unref (cancellable);
}

static void request_thumbnails (ParEvidenceViewer *self);

static void
render_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  RenderRequest *request = user_data;
  ParEvidenceViewer *self = request->viewer;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface = par_pdf_worker_render_finish (PAR_PDF_WORKER (source), result, &error);

  if (surface != NULL && !g_cancellable_is_cancelled (self->cancellable))
    {
      int width = cairo_image_surface_get_width (surface);
      int height = cairo_image_surface_get_height (surface);
      g_autoptr(GBytes) pixels = NULL;
      g_autoptr(GdkTexture) texture = NULL;

      cairo_surface_flush (surface);
      /* The texture takes the rendered pixels as they are: no copy. */
      pixels = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface),
                                           (gsize) cairo_image_surface_get_stride (surface) * height,
                                           (GDestroyNotify) cairo_surface_destroy, cairo_surface_reference (surface));
      texture = gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, pixels,
                                        cairo_image_surface_get_stride (surface));
      if (request->thumbnail)
        par_page_view_set_texture (g_ptr_array_index (self->thumbnails, request->page), texture, request->scale);
      else
        {
          par_page_view_set_texture (g_ptr_array_index (self->pages, request->page), texture, request->scale);
          forget_pending (self, request);
          if (!self->thumbnails_wanted)
            {
              self->thumbnails_wanted = TRUE;
              request_thumbnails (self);
            }
        }
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    forget_pending (self, request);
  if (surface != NULL)
    cairo_surface_destroy (surface);
  g_clear_object (&request->cancellable);
  g_object_unref (self);
  g_free (request);
}

static void
request_render (ParEvidenceViewer *self,
                int                page,
                double             scale,
                ParJobPriority     priority,
                GCancellable      *cancellable,
                gboolean           thumbnail)
{
  RenderRequest *request = g_new0 (RenderRequest, 1);

  request->viewer = g_object_ref (self);
  request->cancellable = thumbnail ? NULL : g_object_ref (cancellable);
  request->page = page;
  request->scale = scale;
  request->thumbnail = thumbnail;
  par_pdf_worker_render_async (self->worker, page, scale, priority, cancellable, render_done, request);
}

/* The first and last of @widgets (laid out top to bottom in @box) that
 * overlap [@top, @bottom] of it; -1 for none. */
static void
overlapping_range (GPtrArray *widgets,
                   GtkWidget *box,
                   double     top,
                   double     bottom,
                   int       *first,
                   int       *last)
{
  *first = -1;
  *last = -1;
  for (guint i = 0; i < widgets->len; i++)
    {
      graphene_rect_t bounds;

      if (!gtk_widget_compute_bounds (g_ptr_array_index (widgets, i), box, &bounds))
        continue;
      if (bounds.origin.y + bounds.size.height >= top && bounds.origin.y <= bottom)
        {
          if (*first < 0)
            *first = i;
          *last = i;
        }
      else if (bounds.origin.y > bottom)
        break;
    }
}

/* The pages that overlap the visible part of the scroller. */
static void
visible_range (ParEvidenceViewer *self,
               int               *first,
               int               *last)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->pages_scroller);
  double top = gtk_adjustment_get_value (adjustment);

  overlapping_range (self->pages, GTK_WIDGET (self->pages_box), top, top + gtk_adjustment_get_page_size (adjustment),
                     first, last);
}

/* The page being read, among those in view (@first to @last): the one
 * that fills most of the view, or the last once the view has reached the
 * end of the document, where a short last page (a landscape annex) may
 * never fill the most. */
static int
page_being_read (ParEvidenceViewer *self,
                 int                first,
                 int                last)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->pages_scroller);
  double top = gtk_adjustment_get_value (adjustment);
  double bottom = top + gtk_adjustment_get_page_size (adjustment);
  double most = -1;
  int page = first;

  if (top > 0 && bottom >= gtk_adjustment_get_upper (adjustment) - 1)
    return last;
  for (int i = first; i <= last; i++)
    {
      graphene_rect_t bounds;
      double shown;

      if (!gtk_widget_compute_bounds (g_ptr_array_index (self->pages, i), GTK_WIDGET (self->pages_box), &bounds))
        continue;
      shown = MIN (bottom, bounds.origin.y + bounds.size.height) - MAX (top, bounds.origin.y);
      if (shown > most)
        {
          most = shown;
          page = i;
        }
    }
  return page;
}

/* Drops the pictures furthest from the view until the cache fits; never
 * those in reach of it. */
static void
trim_cache (ParEvidenceViewer *self,
            int                first,
            int                last)
{
  gsize total = 0;

  for (guint i = 0; i < self->pages->len; i++)
    total += par_page_view_get_texture_bytes (g_ptr_array_index (self->pages, i));
  while (total > CACHE_BUDGET_BYTES)
    {
      int far = -1, distance = -1;

      for (guint i = 0; i < self->pages->len; i++)
        {
          int d = (int) i < first ? first - (int) i : (int) i > last ? (int) i - last : 0;

          if (d > distance && par_page_view_get_texture_bytes (g_ptr_array_index (self->pages, i)) > 0)
            {
              distance = d;
              far = i;
            }
        }
      if (far < 0 || distance <= NEAR_PAGES)
        break;
      total -= par_page_view_get_texture_bytes (g_ptr_array_index (self->pages, far));
      par_page_view_set_texture (g_ptr_array_index (self->pages, far), NULL, 0);
    }
}

/* The button that holds page @index's thumbnail. */
static GtkWidget *
thumbnail_button (ParEvidenceViewer *self,
                  int                index)
{
  return gtk_widget_get_parent (gtk_widget_get_parent (g_ptr_array_index (self->thumbnails, index)));
}

/* Marks the page being read in the sidebar and brings it into view. */
static gboolean
follow_current_page (gpointer data)
{
  ParEvidenceViewer *self = data;
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->thumbnails_scroller);
  graphene_rect_t bounds;

  self->follow_source = 0;
  if (self->followed_page >= 0 && self->followed_page < (int) self->thumbnails->len)
    gtk_widget_remove_css_class (thumbnail_button (self, self->followed_page), "current-page");
  self->followed_page = self->current_page;
  if (self->current_page < 0 || self->current_page >= (int) self->thumbnails->len)
    return G_SOURCE_REMOVE;
  gtk_widget_add_css_class (thumbnail_button (self, self->current_page), "current-page");
  if (gtk_widget_compute_bounds (thumbnail_button (self, self->current_page), GTK_WIDGET (self->thumbnails_box),
                                 &bounds))
    gtk_adjustment_clamp_page (adjustment, bounds.origin.y, bounds.origin.y + bounds.size.height);
  return G_SOURCE_REMOVE;
}

/* The sidebar follows the page being read once the pages have rested a
 * moment (each scroll puts it off again): marking or following every page
 * of a fast scroll restyled and redrew the sidebar, and rendered
 * thumbnails, while the frames needed the processor (twice the frames
 * over 16 ms, and 45 MB more, in a scroll through 300 pages). */
static void
set_current_page (ParEvidenceViewer *self,
                  int                page)
{
  self->current_page = page;
  g_clear_handle_id (&self->follow_source, g_source_remove);
  if (self->followed_page != page)
    self->follow_source = g_timeout_add (FOLLOW_DELAY_MS, follow_current_page, self);
}

static void
update_pages (ParEvidenceViewer *self)
{
  int first, last;
  double scale = render_scale (self);
  g_autofree char *subtitle = NULL;

  if (self->worker == NULL)
    return;
  visible_range (self, &first, &last);
  if (first < 0)
    return;

  for (guint i = 0; i < self->pages->len; i++)
    {
      ParPageView *page = g_ptr_array_index (self->pages, i);
      GCancellable *pending = g_ptr_array_index (self->pending, i);
      gboolean visible = (int) i >= first && (int) i <= last;
      gboolean near = (int) i >= first - NEAR_PAGES && (int) i <= last + NEAR_PAGES;

      if (!near)
        {
          /* Out of reach: its job is not worth running any more. */
          if (pending != NULL)
            {
              g_cancellable_cancel (pending);
              g_clear_object (&g_ptr_array_index (self->pending, i));
            }
          continue;
        }
      if (par_page_view_get_texture_scale (page) == scale || pending != NULL)
        continue;
      /* The array holds the page's cancellable, and its request one more,
       * until the render is over (render_done) or out of reach (above). */
      pending = g_cancellable_new ();
      g_ptr_array_index (self->pending, i) = pending;
      request_render (self, i, scale, visible ? PAR_JOB_PRIORITY_VISIBLE : PAR_JOB_PRIORITY_NEAR, pending, FALSE);
    }
  trim_cache (self, first, last);
  set_current_page (self, page_being_read (self, first, last));

  /* Translators: the page being read and the number of pages */
  subtitle = g_strdup_printf (_("Page %d of %u"), self->current_page + 1, self->pages->len);
  adw_window_title_set_subtitle (self->title_widget, subtitle);
}

/* Zoom -------------------------------------------------------------------- */

/* The zoom at which the widest page fills the view's width, or with
 * @whole_page the tallest its height too. */
static double
fit_zoom (ParEvidenceViewer *self,
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
                                       : fit_zoom (self, self->zoom_mode == ZOOM_FIT_PAGE);
  label = g_strdup_printf ("%.0f%%", zoom * 100);
  gtk_menu_button_set_label (self->zoom_button, label);
  self->zoom = zoom;
  for (guint i = 0; i < self->pages->len; i++)
    par_page_view_set_zoom (g_ptr_array_index (self->pages, i), zoom);
  par_evidence_viewer_schedule_update (self);
}

static gboolean
update_idle (gpointer data)
{
  ParEvidenceViewer *self = data;

  self->update_source = 0;
  /* A fitting zoom follows the window's size; changed here, outside the
   * layout pass that reported the new size. */
  if (self->zoom_mode != ZOOM_FIXED && self->worker != NULL)
    {
      double zoom = fit_zoom (self, self->zoom_mode == ZOOM_FIT_PAGE);

      if (zoom != self->zoom)
        {
          par_evidence_viewer_apply_zoom (self);
          return G_SOURCE_REMOVE;
        }
    }
  update_pages (self);
  return G_SOURCE_REMOVE;
}

void
par_evidence_viewer_schedule_update (ParEvidenceViewer *self)
{
  if (self->update_source == 0)
    self->update_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 20, update_idle, self, NULL);
}

/* Navigation -------------------------------------------------------------- */

void
par_evidence_viewer_scroll_to_page (ParEvidenceViewer *self,
                                    int                page,
                                    double             y_in_page)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->pages_scroller);
  graphene_rect_t bounds;

  if (page < 0 || page >= (int) self->pages->len)
    return;
  if (gtk_widget_compute_bounds (g_ptr_array_index (self->pages, page), GTK_WIDGET (self->pages_box), &bounds))
    gtk_adjustment_set_value (adjustment, bounds.origin.y + y_in_page - 12);
  par_evidence_viewer_schedule_update (self);
}

static void
scroll_by_screens (ParEvidenceViewer *self,
                   double             screens)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->pages_scroller);

  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_value (adjustment)
                                        + screens * gtk_adjustment_get_page_size (adjustment) * 0.9);
}

static void
navigate_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ParEvidenceViewer *self = PAR_EVIDENCE_VIEWER (widget);
  const char *where = g_variant_get_string (parameter, NULL);

  if (g_str_equal (where, "next"))
    scroll_by_screens (self, 1);
  else if (g_str_equal (where, "previous"))
    scroll_by_screens (self, -1);
  else if (g_str_equal (where, "first"))
    par_evidence_viewer_scroll_to_page (self, 0, 0);
  else if (g_str_equal (where, "last"))
    par_evidence_viewer_scroll_to_page (self, self->pages->len - 1, 0);
}

static void
thumbnail_clicked (GtkButton         *button,
                   ParEvidenceViewer *self)
{
  par_evidence_viewer_scroll_to_page (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "page")), 0);
}

/* Building ---------------------------------------------------------------- */

/* A page and a thumbnail for each of the document's pages, empty until
 * they are rendered. */
void
par_evidence_viewer_build_pages (ParEvidenceViewer *self)
{
  int n = par_pdf_worker_get_n_pages (self->worker);

  g_free (self->thumbnail_asked);
  self->thumbnail_asked = g_new0 (gboolean, MAX (n, 1));
  for (int i = 0; i < n; i++)
    {
      double width, height;
      ParPageView *page;
      GtkWidget *button = gtk_button_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
      ParPageView *thumbnail;
      g_autofree char *number = g_strdup_printf ("%d", i + 1);

      par_pdf_worker_get_page_size (self->worker, i, &width, &height);
      page = par_page_view_new (i, width, height);
      par_page_view_set_zoom (page, self->zoom);
      /* Centred in the column, which is as wide as the widest page: a
       * portrait page beside a landscape annex is not stretched. */
      gtk_widget_set_halign (GTK_WIDGET (page), GTK_ALIGN_CENTER);
      gtk_box_append (self->pages_box, GTK_WIDGET (page));
      g_ptr_array_add (self->pages, page);
      g_ptr_array_add (self->pending, NULL);

      /* A thumbnail keeps its size: its picture arriving only redraws it. */
      thumbnail = par_page_view_new (i, width, height);
      par_page_view_set_zoom (thumbnail, THUMBNAIL_WIDTH / width);
      gtk_box_append (GTK_BOX (box), GTK_WIDGET (thumbnail));
      gtk_box_append (GTK_BOX (box), gtk_label_new (number));
      gtk_button_set_child (GTK_BUTTON (button), box);
      gtk_widget_add_css_class (button, "flat");
      g_object_set_data (G_OBJECT (button), "page", GINT_TO_POINTER (i));
      g_signal_connect_object (button, "clicked", G_CALLBACK (thumbnail_clicked), self, 0);
      gtk_box_append (self->thumbnails_box, button);
      g_ptr_array_add (self->thumbnails, thumbnail);
    }
}

/* Thumbnails are asked for once the first page is on screen, so that
 * none of them is being rendered when that page is wanted, and only those
 * in the sidebar's view and a screen around it: rendering all of a long
 * scan's would keep the processor busy while the pages are scrolled. */
static void
request_thumbnails (ParEvidenceViewer *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->thumbnails_scroller);
  double reach = gtk_adjustment_get_page_size (adjustment);
  double value = gtk_adjustment_get_value (adjustment);
  int first, last;

  if (!self->thumbnails_wanted || self->worker == NULL || !gtk_revealer_get_child_revealed (self->thumbnails_revealer))
    return;
  overlapping_range (self->thumbnails, GTK_WIDGET (self->thumbnails_box), value - reach, value + 2 * reach,
                     &first, &last);
  for (int i = first; i >= 0 && i <= last; i++)
    {
      double width, height;

      if (self->thumbnail_asked[i])
        continue;
      self->thumbnail_asked[i] = TRUE;
      par_pdf_worker_get_page_size (self->worker, i, &width, &height);
      request_render (self, i, THUMBNAIL_WIDTH / width * gtk_widget_get_scale_factor (GTK_WIDGET (self)),
                      PAR_JOB_PRIORITY_THUMBNAIL, self->cancellable, TRUE);
    }
}

/* Setting up -------------------------------------------------------------- */

static void
scrolled (ParEvidenceViewer *self)
{
  par_evidence_viewer_schedule_update (self);
}

static void
resized (ParEvidenceViewer *self)
{
  par_evidence_viewer_schedule_update (self);
}

/* The pages follow their scroller: rendered as they come into view, and
 * their thumbnails as the sidebar shows them. */
void
par_evidence_viewer_init_pages (ParEvidenceViewer *self)
{
  self->pages = g_ptr_array_new ();
  self->pending = g_ptr_array_new_with_free_func (pending_free);
  self->thumbnails = g_ptr_array_new ();
  self->current_page = -1;
  self->followed_page = -1;

  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->pages_scroller), "value-changed",
                           G_CALLBACK (scrolled), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->pages_scroller), "changed",
                           G_CALLBACK (scrolled), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->pages_scroller), "changed",
                           G_CALLBACK (resized), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->thumbnails_scroller), "value-changed",
                           G_CALLBACK (request_thumbnails), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (gtk_scrolled_window_get_vadjustment (self->thumbnails_scroller), "changed",
                           G_CALLBACK (request_thumbnails), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->thumbnails_revealer, "notify::child-revealed",
                           G_CALLBACK (request_thumbnails), self, G_CONNECT_SWAPPED);
}

void
par_evidence_viewer_class_init_pages (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "viewer.navigate", "s", navigate_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "viewer.navigate", "s", "next");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "viewer.navigate", "s", "previous");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, GDK_CONTROL_MASK, "viewer.navigate", "s", "first");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, GDK_CONTROL_MASK, "viewer.navigate", "s", "last");
}

/* Public ------------------------------------------------------------------ */

int
par_evidence_viewer_get_n_pages (ParEvidenceViewer *self)
{
  g_return_val_if_fail (PAR_IS_EVIDENCE_VIEWER (self), 0);
  return self->pages->len;
}

/* How many thumbnails hold a picture. */
int
par_evidence_viewer_get_n_thumbnails_drawn (ParEvidenceViewer *self)
{
  int n = 0;

  g_return_val_if_fail (PAR_IS_EVIDENCE_VIEWER (self), 0);
  for (guint i = 0; i < self->thumbnails->len; i++)
    n += par_page_view_get_texture_scale (g_ptr_array_index (self->thumbnails, i)) > 0;
  return n;
}

/* How many pages hold a picture at the current zoom. */
int
par_evidence_viewer_get_n_rendered (ParEvidenceViewer *self)
{
  int n = 0;

  g_return_val_if_fail (PAR_IS_EVIDENCE_VIEWER (self), 0);
  if (self->pages->len == 0)
    return 0;
  for (guint i = 0; i < self->pages->len; i++)
    if (par_page_view_get_texture_scale (g_ptr_array_index (self->pages, i)) == render_scale (self))
      n++;
  return n;
}

/* Whether the first page is on screen, as the stored preview or rendered. */
gboolean
par_evidence_viewer_first_page_shown (ParEvidenceViewer *self)
{
  g_return_val_if_fail (PAR_IS_EVIDENCE_VIEWER (self), FALSE);
  if (self->pages->len > 0)
    return par_page_view_get_texture_scale (g_ptr_array_index (self->pages, 0)) > 0;
  return self->has_preview && gtk_widget_get_mapped (GTK_WIDGET (self->preview_picture));
}
