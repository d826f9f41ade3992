/* test-gui-util.c: driving real PAR Desk windows in tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "par-core.h"
#include "test-gui-util.h"
#include "test-util.h"

/* A registered application, without running its main loop: the tests
 * iterate the loop themselves. */
ParApplication *
test_gui_init (int    *argc,
               char ***argv)
{
  ParApplication *app;
  g_autoptr(GError) error = NULL;

  g_test_init (argc, argv, NULL);
  par_i18n_init ();
  test_set_language (g_getenv ("LANGUAGE") != NULL ? g_getenv ("LANGUAGE") : "en");
  gtk_init ();
  adw_init ();

  app = par_application_new (G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  return app;
}

void
test_gui_iterate (guint milliseconds)
{
  gint64 end = g_get_monotonic_time () + milliseconds * 1000;

  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (2000);
    }
}

gboolean
test_gui_wait_for (gboolean (*condition) (gpointer),
                   gpointer   data,
                   guint      timeout_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > end)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  return TRUE;
}

static gboolean
has_database (gpointer window)
{
  return par_window_get_database (window) != NULL;
}

ParWindow *
test_gui_open_window (ParApplication *app,
                      const char     *path)
{
  ParWindow *window = par_window_new (GTK_APPLICATION (app), par_application_get_settings (app));

  gtk_window_present (GTK_WINDOW (window));
  par_window_open_path (window, path, TRUE);
  g_assert_true (test_gui_wait_for (has_database, window, 10000));
  test_gui_iterate (100);
  return window;
}

/* The widget that a .ui file names @buildable_id, anywhere under @root. */
GtkWidget *
test_gui_find_by_id (GtkWidget  *root,
                     const char *buildable_id)
{
  const char *id = gtk_buildable_get_buildable_id (GTK_BUILDABLE (root));

  if (g_strcmp0 (id, buildable_id) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = test_gui_find_by_id (child, buildable_id);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The first visible toplevel of @type. */
GtkWindow *
test_gui_find_window (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();  /* transfer none */
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

void
test_gui_close_dialogs (void)
{
  GtkWindow *dialog;

  while ((dialog = test_gui_find_window (ADW_TYPE_MESSAGE_DIALOG)) != NULL)
    gtk_window_destroy (dialog);
  test_gui_iterate (50);
}

static void
add_text (GPtrArray  *texts,
          const char *text)
{
  if (text != NULL && *text != '\0')
    g_ptr_array_add (texts, g_strdup (text));
}

/* Every text a user can read under @root: labels, titles, descriptions,
 * placeholders and tooltips of the widgets that are drawn. */
void
test_gui_collect_text (GtkWidget *root,
                       GPtrArray *texts)
{
  if (!gtk_widget_get_child_visible (root) || !gtk_widget_get_visible (root))
    return;

  if (GTK_IS_LABEL (root))
    add_text (texts, gtk_label_get_text (GTK_LABEL (root)));
  else if (ADW_IS_STATUS_PAGE (root))
    {
      add_text (texts, adw_status_page_get_title (ADW_STATUS_PAGE (root)));
      add_text (texts, adw_status_page_get_description (ADW_STATUS_PAGE (root)));
    }
  else if (ADW_IS_PREFERENCES_ROW (root))
    add_text (texts, adw_preferences_row_get_title (ADW_PREFERENCES_ROW (root)));
  else if (ADW_IS_WINDOW_TITLE (root))
    add_text (texts, adw_window_title_get_title (ADW_WINDOW_TITLE (root)));
  add_text (texts, gtk_widget_get_tooltip_text (root));

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    test_gui_collect_text (child, texts);
}

/* Renders @widget as it is on screen into a PNG file. */
gboolean
test_gui_save_png (GtkWidget  *widget,
                   const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  gdk_paintable_snapshot (paintable, snapshot, width, height);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL || renderer == NULL)
    return FALSE;
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  return gdk_texture_save_to_png (texture, path);
}

static GtkWidget *
find_button_with_label (GtkWidget  *root,
                        const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_with_label (child, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Clicks the button of @response in a message dialog, as a user would. */
void
test_gui_respond (GtkWindow  *dialog,
                  const char *response)
{
  const char *label = adw_message_dialog_get_response_label (ADW_MESSAGE_DIALOG (dialog), response);
  GtkWidget *button = find_button_with_label (GTK_WIDGET (dialog), label);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  test_gui_iterate (100);
}

/* The drop target of @widget (files dragged over it), or NULL. */
GtkDropTarget *
test_gui_drop_target_of (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }
  return NULL;
}
