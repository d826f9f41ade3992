/* par-evidence-viewer.c: a kept document's pages, its details and signatures
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
#include <glib/gstdio.h>

#include "par-evidence-viewer.h"
#include "par-file-chooser.h"
#include "par-link-chooser.h"
#include "par-page-view.h"

/* Pictures beyond the pages on screen and their neighbours (which are
 * always kept, or scrolling would render them again and again).  Each
 * byte here costs about as much again in the GPU's copy. */
#define CACHE_BUDGET_BYTES ((gsize) 48 * 1024 * 1024)
#define NEAR_PAGES 2
#define THUMBNAIL_WIDTH 120.0
#define FOLLOW_DELAY_MS 300
#define MIN_ZOOM 0.5
#define MAX_ZOOM 4.0

typedef enum { ZOOM_FIT_WIDTH, ZOOM_FIT_PAGE, ZOOM_FIXED } ZoomMode;

struct _ParEvidenceViewer
{
  AdwWindow          parent_instance;

  ParContext        *context;
  ParDatabase       *db;              /* the context's when the viewer opened */
  gint64             document_id;
  char              *filename;
  ParPdfWorker      *worker;
  GCancellable      *cancellable;     /* everything, on close */
  GPtrArray         *pages;           /* ParPageView */
  GPtrArray         *pending;         /* GCancellable or NULL, per page */
  GPtrArray         *thumbnails;      /* ParPageView */
  ZoomMode           zoom_mode;
  double             zoom;
  int                wanted_page;     /* to show once open, from 0 */
  char              *wanted_find;
  GCancellable      *finding;
  GArray            *hits;            /* ParFindHit */
  int                current_hit;
  guint              update_source;
  int                current_page;    /* being read: in the subtitle, marked in the sidebar */
  int                followed_page;   /* the one the sidebar last scrolled to */
  guint              follow_source;   /* brings its thumbnail into view */
  gboolean           thumbnails_wanted;  /* once the first page is on screen */
  gboolean          *thumbnail_asked;    /* one per page */
  gboolean           has_preview;
  GPtrArray         *links;           /* ParLinkTarget, as the panel lists them */
  ParLinkTarget     *unlinked;        /* the last link removed, for Undo */
  AdwToast          *undo_toast;      /* the toast that offers it */
  guint              refresh_source;

  AdwToastOverlay   *toast_overlay;

  AdwWindowTitle    *title_widget;
  GtkMenuButton     *zoom_button;
  GtkToggleButton   *find_toggle;
  GtkSearchEntry    *find_entry;
  GtkLabel          *find_label;
  GtkStack          *stack;
  GtkPicture        *preview_picture;
  AdwStatusPage     *error_page;
  GtkPasswordEntry  *password_entry;
  GtkLabel          *password_error;
  GtkRevealer       *thumbnails_revealer;
  GtkScrolledWindow *thumbnails_scroller;
  GtkBox            *thumbnails_box;
  GtkScrolledWindow *pages_scroller;
  GtkBox            *pages_box;
  GtkLabel          *details_label;
  GtkListBox        *links_list;
};

G_DEFINE_FINAL_TYPE (ParEvidenceViewer, par_evidence_viewer, ADW_TYPE_WINDOW)

static void schedule_update (ParEvidenceViewer *self);
static void show_details (ParEvidenceViewer *self);
static double fit_zoom (ParEvidenceViewer *self, gboolean whole_page);

/* Rendering --------------------------------------------------------------- */

static double
render_scale (ParEvidenceViewer *self)
{
  return self->zoom * gtk_widget_get_scale_factor (GTK_WIDGET (self));
}

typedef struct
{
  ParEvidenceViewer *viewer;
  int                page;
  double             scale;
  gboolean           thumbnail;
} RenderRequest;

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
          g_ptr_array_index (self->pending, request->page) = NULL;
          if (!self->thumbnails_wanted)
            {
              self->thumbnails_wanted = TRUE;
              request_thumbnails (self);
            }
        }
    }
  else if (!request->thumbnail && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
           && request->page < (int) self->pending->len)
    g_ptr_array_index (self->pending, request->page) = NULL;
  if (surface != NULL)
    cairo_surface_destroy (surface);
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
              g_ptr_array_index (self->pending, i) = NULL;
              g_object_unref (pending);
            }
          continue;
        }
      if (par_page_view_get_texture_scale (page) == scale || pending != NULL)
        continue;
      pending = g_cancellable_new ();
      g_ptr_array_index (self->pending, i) = pending;
      /* The pending entry is cleared by render_done; it owns no reference
       * after that, so the array keeps one until then. */
      request_render (self, i, scale, visible ? PAR_JOB_PRIORITY_VISIBLE : PAR_JOB_PRIORITY_NEAR, pending, FALSE);
      g_object_unref (pending);
    }
  trim_cache (self, first, last);
  set_current_page (self, page_being_read (self, first, last));

  /* Translators: the page being read and the number of pages */
  subtitle = g_strdup_printf (_("Page %d of %u"), self->current_page + 1, self->pages->len);
  adw_window_title_set_subtitle (self->title_widget, subtitle);
}

static void apply_zoom (ParEvidenceViewer *self);

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
          apply_zoom (self);
          return G_SOURCE_REMOVE;
        }
    }
  update_pages (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_update (ParEvidenceViewer *self)
{
  if (self->update_source == 0)
    self->update_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 20, update_idle, self, NULL);
}

/* Zoom -------------------------------------------------------------------- */

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

static void
apply_zoom (ParEvidenceViewer *self)
{
  g_autofree char *label = NULL;
  double zoom;

  if (self->worker == NULL)
    return;
  zoom = self->zoom_mode == ZOOM_FIXED ? self->zoom : fit_zoom (self, self->zoom_mode == ZOOM_FIT_PAGE);
  label = g_strdup_printf ("%.0f%%", zoom * 100);
  gtk_menu_button_set_label (self->zoom_button, label);
  self->zoom = zoom;
  for (guint i = 0; i < self->pages->len; i++)
    par_page_view_set_zoom (g_ptr_array_index (self->pages, i), zoom);
  schedule_update (self);
}

static void
set_fixed_zoom (ParEvidenceViewer *self,
                double             zoom)
{
  self->zoom_mode = ZOOM_FIXED;
  self->zoom = CLAMP (zoom, MIN_ZOOM, MAX_ZOOM);
  for (guint i = 0; i < self->pages->len; i++)
    par_page_view_set_zoom (g_ptr_array_index (self->pages, i), self->zoom);
  apply_zoom (self);
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
  apply_zoom (self);
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

/* Navigation -------------------------------------------------------------- */

static void
scroll_to_page (ParEvidenceViewer *self,
                int                page,
                double             y_in_page)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->pages_scroller);
  graphene_rect_t bounds;

  if (page < 0 || page >= (int) self->pages->len)
    return;
  if (gtk_widget_compute_bounds (g_ptr_array_index (self->pages, page), GTK_WIDGET (self->pages_box), &bounds))
    gtk_adjustment_set_value (adjustment, bounds.origin.y + y_in_page - 12);
  schedule_update (self);
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
    scroll_to_page (self, 0, 0);
  else if (g_str_equal (where, "last"))
    scroll_to_page (self, self->pages->len - 1, 0);
}

static void
thumbnail_clicked (GtkButton         *button,
                   ParEvidenceViewer *self)
{
  scroll_to_page (self, GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "page")), 0);
}

/* Find -------------------------------------------------------------------- */

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
  scroll_to_page (self, hit->page, MAX (0, hit->area.y1 * self->zoom - 80));
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

/* Opening ----------------------------------------------------------------- */

static void
build_pages (ParEvidenceViewer *self)
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
  build_pages (self);
  gtk_stack_set_visible_child_name (self->stack, "pages");
  apply_zoom (self);
  if (self->wanted_find != NULL && *self->wanted_find != '\0')
    {
      gtk_toggle_button_set_active (self->find_toggle, TRUE);
      gtk_editable_set_text (GTK_EDITABLE (self->find_entry), self->wanted_find);
      find_changed (self);
    }
  else if (self->wanted_page > 0)
    {
      scroll_to_page (self, self->wanted_page, 0);
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

/* Links -------------------------------------------------------------------- */

/* The "Supports" group: what the document is evidence of, each with a
 * button that unlinks it. */
static void
fill_links (ParEvidenceViewer *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->links_list))) != NULL)
    gtk_list_box_remove (self->links_list, child);
  g_clear_pointer (&self->links, g_ptr_array_unref);
  self->links = par_link_target_list_linked (self->db, self->document_id, &error);
  if (self->links == NULL)
    {
      par_context_report_error (self->context, _("The links of the document could not be read"), error);
      return;
    }
  for (guint i = 0; i < self->links->len; i++)
    {
      ParLinkTarget *target = g_ptr_array_index (self->links, i);
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
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", i);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      gtk_list_box_append (self->links_list, row);
    }
}

static gboolean
refresh_idle (gpointer data)
{
  ParEvidenceViewer *self = data;

  self->refresh_source = 0;
  show_details (self);
  return G_SOURCE_REMOVE;
}

/* Links and details may change anywhere (the PAR Index, this viewer's
 * panel, the documents' list): the panel follows, once per burst. */
static void
database_changed (ParEvidenceViewer *self,
                  ParChange          what)
{
  if ((what == PAR_CHANGE_LINKS || what == PAR_CHANGE_SCORES || what == PAR_CHANGE_DOCUMENTS)
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
  g_autoptr(ParLinkTarget) target = NULL;
  g_autoptr(GError) error = NULL;
  AdwToast *toast;

  if (self->links == NULL || index >= self->links->len)
    return;
  target = g_object_ref (g_ptr_array_index (self->links, index));
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

static void
show_details (ParEvidenceViewer *self)
{
  g_autoptr(ParEvidenceDocument) document = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) markup = g_string_new (NULL);
  ParEvidenceFields *f;
  GPtrArray *signatures;
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

#define DETAIL(label, value) \
  G_STMT_START { \
    if ((value) != NULL && *(value) != '\0') \
      { \
        g_autofree char *escaped = g_markup_escape_text ((value), -1); \
        g_string_append_printf (markup, "%s<b>%s</b>\n%s", markup->len > 0 ? "\n\n" : "", (label), escaped); \
      } \
  } G_STMT_END

  {
    ParSignatureVerdict verdict = g_strcmp0 (f->signature, "valid") == 0 ? PAR_SIGNATURE_VALID
                                  : g_strcmp0 (f->signature, "modified") == 0 ? PAR_SIGNATURE_MODIFIED
                                  : g_strcmp0 (f->signature, "invalid") == 0 ? PAR_SIGNATURE_INVALID
                                  : PAR_SIGNATURE_NONE;
    g_autofree char *date = par_format_iso_date (f->date);

    DETAIL (_("Signature"), par_signature_verdict_get_label (verdict));
    DETAIL (_("Abstract"), f->abstract);
    DETAIL (_("Issued by"), f->issuer);
    DETAIL (_("Number and symbol"), f->number);
    DETAIL (_("Date of issue"), date);
  }
  signatures = par_evidence_document_get_signatures (document);
  for (guint i = 0; i < signatures->len; i++)
    {
      ParPdfSignature *signature = g_ptr_array_index (signatures, i);
      g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (signature->signing_time, NULL);
      g_autofree char *when_text = when != NULL ? par_format_date (when) : g_strdup (signature->signing_time);
      g_autofree char *line = g_strdup_printf ("%s\n%s · %s", signature->signer, when_text,
                                               par_signature_verdict_get_label (signature->status));

      DETAIL (_("Signed by"), line);
    }
  DETAIL (_("File"), f->filename);
  if (!f->text_read && !f->encrypted)
    DETAIL (_("Text"), _("Not read: the document took too long to read when it was added, so searches do not "
                         "find it. Its pages show as usual."));
#undef DETAIL
  gtk_label_set_markup (self->details_label, markup->str);
  fill_links (self);
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
  g_signal_connect_object (db, "changed", G_CALLBACK (database_changed), self, G_CONNECT_SWAPPED);
  show_details (self);
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
    {
      gtk_toggle_button_set_active (self->find_toggle, TRUE);
      gtk_editable_set_text (GTK_EDITABLE (self->find_entry), find);
      find_changed (self);
    }
  else
    scroll_to_page (self, self->wanted_page, 0);
}

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

guint
par_evidence_viewer_get_n_hits (ParEvidenceViewer *self)
{
  g_return_val_if_fail (PAR_IS_EVIDENCE_VIEWER (self), 0);
  return self->hits != NULL ? self->hits->len : 0;
}

double
par_evidence_viewer_get_zoom (ParEvidenceViewer *self)
{
  g_return_val_if_fail (PAR_IS_EVIDENCE_VIEWER (self), 0);
  return self->zoom;
}

gboolean
par_evidence_viewer_is_locked (ParEvidenceViewer *self)
{
  g_return_val_if_fail (PAR_IS_EVIDENCE_VIEWER (self), FALSE);
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "locked") == 0;
}

/* Document actions -------------------------------------------------------- */

static void
save_copy_chosen (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(ParEvidenceViewer) self = user_data;
  g_autofree char *path = par_file_chooser_run_finish_path (result, NULL);
  g_autoptr(GError) error = NULL;

  if (path != NULL && self->db != NULL && !par_evidence_export (self->db, self->document_id, path, &error))
    par_context_report_error (self->context, _("The copy was not saved"), error);
}

static void
save_copy_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ParEvidenceViewer *self = PAR_EVIDENCE_VIEWER (widget);
  g_autoptr(ParFileChooser) chooser = par_file_chooser_new (PAR_FILE_CHOOSER_SAVE, _("Save a Copy of the Document"),
                                                            _("_Save"));
  /* The name comes from the file, which may come from anyone. */
  g_autofree char *name = par_file_safe_name (self->filename, _("document.pdf"), ".pdf");

  par_file_chooser_set_current_name (chooser, name);
  par_file_chooser_run_async (chooser, GTK_WINDOW (self), save_copy_chosen, g_object_ref (self));
}

/* A copy, in a folder only the user can enter, opened by the desktop's
 * own viewer. Its name is the stored one made safe: a received file must
 * not choose where the copy goes, nor which program opens it. */
static void
open_external_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ParEvidenceViewer *self = PAR_EVIDENCE_VIEWER (widget);
  g_autofree char *name = par_file_safe_name (self->filename, _("document.pdf"), ".pdf");
  g_autofree char *folder = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GError) error = NULL;

  folder = par_file_make_private_folder (&error);
  if (folder != NULL)
    path = g_build_filename (folder, name, NULL);
  if (path == NULL || !par_evidence_export (self->db, self->document_id, path, &error))
    {
      par_context_report_error (self->context, _("The document could not be opened in another program"), error);
      if (folder != NULL)
        g_rmdir (folder);
      return;
    }
  file = g_file_new_for_path (path);
  uri = g_file_get_uri (file);
  g_app_info_launch_default_for_uri_async (uri, NULL, NULL, NULL, NULL);
}

/* Class ------------------------------------------------------------------- */

static void
scrolled (ParEvidenceViewer *self)
{
  schedule_update (self);
}

static void
resized (ParEvidenceViewer *self)
{
  schedule_update (self);
}

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
  g_clear_pointer (&self->links, g_ptr_array_unref);
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
  gtk_widget_class_bind_template_child (widget_class, ParEvidenceViewer, details_label);
  gtk_widget_class_bind_template_child (widget_class, ParEvidenceViewer, links_list);
  gtk_widget_class_bind_template_child (widget_class, ParEvidenceViewer, toast_overlay);
  gtk_widget_class_bind_template_callback (widget_class, find_changed);
  gtk_widget_class_bind_template_callback (widget_class, find_next);
  gtk_widget_class_bind_template_callback (widget_class, find_previous);
  gtk_widget_class_bind_template_callback (widget_class, unlock_clicked);

  gtk_widget_class_install_action (widget_class, "viewer.zoom", "s", zoom_action);
  gtk_widget_class_install_action (widget_class, "viewer.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "viewer.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "viewer.navigate", "s", navigate_action);
  gtk_widget_class_install_action (widget_class, "viewer.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "viewer.save-copy", NULL, save_copy_action);
  gtk_widget_class_install_action (widget_class, "viewer.open-external", NULL, open_external_action);
  gtk_widget_class_install_action (widget_class, "viewer.link", NULL, link_action);
  gtk_widget_class_install_action (widget_class, "viewer.unlink", "u", unlink_action);
  gtk_widget_class_install_action (widget_class, "viewer.undo-unlink", NULL, undo_unlink_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "viewer.find", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_l, GDK_CONTROL_MASK, "viewer.link", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_plus, GDK_CONTROL_MASK, "viewer.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_equal, GDK_CONTROL_MASK, "viewer.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Add, GDK_CONTROL_MASK, "viewer.zoom-in", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_minus, GDK_CONTROL_MASK, "viewer.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Subtract, GDK_CONTROL_MASK, "viewer.zoom-out", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, "viewer.zoom", "s", "fit-width");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "viewer.navigate", "s", "next");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "viewer.navigate", "s", "previous");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, GDK_CONTROL_MASK, "viewer.navigate", "s", "first");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, GDK_CONTROL_MASK, "viewer.navigate", "s", "last");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
par_evidence_viewer_init (ParEvidenceViewer *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->pages = g_ptr_array_new ();
  self->pending = g_ptr_array_new ();
  self->thumbnails = g_ptr_array_new ();
  self->zoom = 1;
  self->current_hit = -1;
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

/* Whether the first page is on screen, as the stored preview or rendered. */
gboolean
par_evidence_viewer_first_page_shown (ParEvidenceViewer *self)
{
  g_return_val_if_fail (PAR_IS_EVIDENCE_VIEWER (self), FALSE);
  if (self->pages->len > 0)
    return par_page_view_get_texture_scale (g_ptr_array_index (self->pages, 0)) > 0;
  return self->has_preview && gtk_widget_get_mapped (GTK_WIDGET (self->preview_picture));
}
