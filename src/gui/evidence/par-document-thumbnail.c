/* par-document-thumbnail.c: a small picture of a kept document's first page
 *
 * The page is opened and drawn by a PDF worker (a thread), as a thumbnail
 * job, so the side pane never waits for it: a document icon stands in
 * until it comes, a lock for a document that needs a password. The work is
 * cancelled as soon as the picture leaves the window (another item was
 * selected, the view closed). Pictures are kept in a small cache shared by
 * every thumbnail, so going back to an item shows them at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "par-core.h"
#include "par-document-thumbnail.h"

/* An A4 page until the real one says otherwise. */
#define A4_RATIO (842.0 / 595.0)
/* A few dozen small pictures: about 25 KB each. */
#define CACHE_SIZE 48

struct _ParDocumentThumbnail
{
  GtkWidget     parent_instance;

  char         *db_path;
  gint64        document_id;
  GCancellable *cancellable;
  GdkTexture   *texture;
  gboolean      locked;
  int           height;        /* logical pixels, for the page's shape */

  GtkStack     *stack;
  GtkPicture   *picture;
};

G_DEFINE_FINAL_TYPE (ParDocumentThumbnail, par_document_thumbnail, GTK_TYPE_WIDGET)

/* The cache: "path␟id" → GdkTexture, and the keys from least to most
 * recently used. Main thread only. */
static GHashTable *cache;
static GQueue cache_order = G_QUEUE_INIT;
static guint n_renders;

static char *
cache_key (const char *db_path,
           gint64      document_id)
{
  return g_strdup_printf ("%s\x1f%" G_GINT64_FORMAT, db_path, document_id);
}

static GdkTexture *
cache_lookup (const char *key)
{
  GdkTexture *texture = cache != NULL ? g_hash_table_lookup (cache, key) : NULL;

  if (texture != NULL)
    {
      GList *link = g_queue_find_custom (&cache_order, key, (GCompareFunc) g_strcmp0);

      g_queue_unlink (&cache_order, link);
      g_queue_push_tail_link (&cache_order, link);
    }
  return texture;
}

static void
cache_insert (const char *key,
              GdkTexture *texture)
{
  char *owned;

  if (cache == NULL)
    cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  if (g_hash_table_contains (cache, key))
    return;
  while (g_queue_get_length (&cache_order) >= CACHE_SIZE)
    g_hash_table_remove (cache, g_queue_pop_head (&cache_order));
  /* The queue shares the table's keys. */
  owned = g_strdup (key);
  g_hash_table_insert (cache, owned, g_object_ref (texture));
  g_queue_push_tail (&cache_order, owned);
}

/* Forgets every picture: another file was opened, where the same numbers
 * are other documents. */
void
par_document_thumbnail_clear_cache (void)
{
  g_queue_clear (&cache_order);
  g_clear_pointer (&cache, g_hash_table_unref);
}

/* How many first pages were drawn, for the tests. */
guint
par_document_thumbnail_get_n_renders (void)
{
  return n_renders;
}

static void
show_texture (ParDocumentThumbnail *self,
              GdkTexture           *texture)
{
  int width = gdk_texture_get_width (texture);

  g_set_object (&self->texture, texture);
  self->height = MAX (1, (int) ((double) PAR_DOCUMENT_THUMBNAIL_WIDTH * gdk_texture_get_height (texture) / width + 0.5));
  gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (texture));
  gtk_stack_set_visible_child_name (self->stack, "page");
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
show_locked (ParDocumentThumbnail *self)
{
  self->locked = TRUE;
  gtk_stack_set_visible_child_name (self->stack, "locked");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), _("Protected by a password"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Protected by a password"), -1);
}

/* poppler's own messages are English and technical: ours says what the
 * user sees. */
static void
show_failed (ParDocumentThumbnail *self,
             const GError         *error)
{
  g_debug ("No first page for document %" G_GINT64_FORMAT ": %s", self->document_id, error->message);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), _("The first page could not be shown"));
}

static void
rendered (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(ParDocumentThumbnail) self = user_data;
  g_autoptr(GError) error = NULL;
  cairo_surface_t *surface = par_pdf_worker_render_finish (PAR_PDF_WORKER (source), result, &error);
  g_autoptr(GBytes) pixels = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *key = NULL;
  int width, height, stride;

  if (surface == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_failed (self, error);
      return;
    }
  n_renders++;
  cairo_surface_flush (surface);
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  stride = cairo_image_surface_get_stride (surface);
  /* The texture takes the drawn pixels as they are: no copy. */
  pixels = g_bytes_new_with_free_func (cairo_image_surface_get_data (surface), (gsize) stride * height,
                                       (GDestroyNotify) cairo_surface_destroy, surface);
  texture = gdk_memory_texture_new (width, height, GDK_MEMORY_DEFAULT, pixels, stride);
  key = cache_key (self->db_path, self->document_id);
  cache_insert (key, texture);
  /* Drawn, but no longer wanted here: kept for next time all the same. */
  if (!g_cancellable_is_cancelled (self->cancellable))
    show_texture (self, texture);
}

static void
opened (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(ParDocumentThumbnail) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(ParPdfWorker) worker = par_pdf_worker_open_finish (result, &error);
  double width, height;
  int scale_factor;

  if (worker == NULL)
    {
      if (g_error_matches (error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
        show_locked (self);
      else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_failed (self, error);
      return;
    }
  if (par_pdf_worker_get_n_pages (worker) < 1 || g_cancellable_is_cancelled (self->cancellable))
    return;
  par_pdf_worker_get_page_size (worker, 0, &width, &height);
  /* Sharp on a high-density screen: as many pixels as the screen shows. */
  scale_factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  par_pdf_worker_render_async (worker, 0, PAR_DOCUMENT_THUMBNAIL_WIDTH * scale_factor / MAX (width, 1.0),
                               PAR_JOB_PRIORITY_THUMBNAIL, self->cancellable, rendered, g_object_ref (self));
}

/* A picture of the first page of document @document_id of the file at
 * @db_path, drawn in a worker; @encrypted documents show a lock, as their
 * pages need a password. */
GtkWidget *
par_document_thumbnail_new (const char *db_path,
                            gint64      document_id,
                            gboolean    encrypted)
{
  ParDocumentThumbnail *self;
  g_autofree char *key = NULL;
  GdkTexture *texture;

  g_return_val_if_fail (db_path != NULL, NULL);

  self = g_object_new (PAR_TYPE_DOCUMENT_THUMBNAIL, NULL);
  self->db_path = g_strdup (db_path);
  self->document_id = document_id;
  key = cache_key (db_path, document_id);
  if (encrypted)
    show_locked (self);
  else if ((texture = cache_lookup (key)) != NULL)
    show_texture (self, texture);
  else
    par_pdf_worker_open_document_async (db_path, document_id, NULL, self->cancellable, opened,
                                        g_object_ref (self));
  return GTK_WIDGET (self);
}

gint64
par_document_thumbnail_get_document_id (ParDocumentThumbnail *self)
{
  g_return_val_if_fail (PAR_IS_DOCUMENT_THUMBNAIL (self), 0);
  return self->document_id;
}

/* The first page once drawn, else NULL. */
GdkTexture *
par_document_thumbnail_get_texture (ParDocumentThumbnail *self)
{
  g_return_val_if_fail (PAR_IS_DOCUMENT_THUMBNAIL (self), NULL);
  return self->texture;
}

gboolean
par_document_thumbnail_is_locked (ParDocumentThumbnail *self)
{
  g_return_val_if_fail (PAR_IS_DOCUMENT_THUMBNAIL (self), FALSE);
  return self->locked;
}

/* Whether the drawing was given up (the picture left the window). */
gboolean
par_document_thumbnail_is_cancelled (ParDocumentThumbnail *self)
{
  g_return_val_if_fail (PAR_IS_DOCUMENT_THUMBNAIL (self), FALSE);
  return g_cancellable_is_cancelled (self->cancellable);
}

/* Always the thumbnail's size, whatever is shown: the side pane does not
 * jump when the page arrives. */
static void
par_document_thumbnail_measure (GtkWidget      *widget,
                                GtkOrientation  orientation,
                                int             for_size,
                                int            *minimum,
                                int            *natural,
                                int            *minimum_baseline,
                                int            *natural_baseline)
{
  ParDocumentThumbnail *self = PAR_DOCUMENT_THUMBNAIL (widget);

  *minimum = *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? PAR_DOCUMENT_THUMBNAIL_WIDTH : self->height;
}

static void
par_document_thumbnail_size_allocate (GtkWidget *widget,
                                      int        width,
                                      int        height,
                                      int        baseline)
{
  gtk_widget_allocate (GTK_WIDGET (PAR_DOCUMENT_THUMBNAIL (widget)->stack), width, height, baseline, NULL);
}

static void
par_document_thumbnail_unroot (GtkWidget *widget)
{
  /* Out of the window: nobody will see the page. */
  g_cancellable_cancel (PAR_DOCUMENT_THUMBNAIL (widget)->cancellable);

  GTK_WIDGET_CLASS (par_document_thumbnail_parent_class)->unroot (widget);
}

static void
par_document_thumbnail_dispose (GObject *object)
{
  ParDocumentThumbnail *self = PAR_DOCUMENT_THUMBNAIL (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PAR_TYPE_DOCUMENT_THUMBNAIL);
  /* No layout manager to do it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (par_document_thumbnail_parent_class)->dispose (object);
}

static void
par_document_thumbnail_finalize (GObject *object)
{
  ParDocumentThumbnail *self = PAR_DOCUMENT_THUMBNAIL (object);

  g_free (self->db_path);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->texture);

  G_OBJECT_CLASS (par_document_thumbnail_parent_class)->finalize (object);
}

static void
par_document_thumbnail_class_init (ParDocumentThumbnailClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = par_document_thumbnail_dispose;
  object_class->finalize = par_document_thumbnail_finalize;
  widget_class->measure = par_document_thumbnail_measure;
  widget_class->size_allocate = par_document_thumbnail_size_allocate;
  widget_class->unroot = par_document_thumbnail_unroot;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pardesk/ParDesk/ui/evidence/par-document-thumbnail.ui");
  gtk_widget_class_bind_template_child (widget_class, ParDocumentThumbnail, stack);
  gtk_widget_class_bind_template_child (widget_class, ParDocumentThumbnail, picture);
  gtk_widget_class_set_css_name (widget_class, "documentthumbnail");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
par_document_thumbnail_init (ParDocumentThumbnail *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->height = (int) (PAR_DOCUMENT_THUMBNAIL_WIDTH * A4_RATIO + 0.5);
}
