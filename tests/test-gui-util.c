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

/* Fails the test: what was awaited never came. */
static void G_GNUC_PRINTF (1, 2)
fail_waiting (const char *format,
              ...)
{
  g_autofree char *what = NULL;
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  message = g_strdup_printf ("waited %d s for %s", TEST_GUI_TIMEOUT_MS / 1000, what);
  g_assertion_message (G_LOG_DOMAIN, __FILE__, __LINE__, G_STRFUNC, message);
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
  if (!test_gui_wait_for (has_database, window, TEST_GUI_TIMEOUT_MS))
    fail_waiting ("%s to open", path);
  /* The views laid out with the file's contents, as a user first sees them. */
  test_gui_wait_for_drawn (GTK_WIDGET (window));
  return window;
}

static gboolean
is_null (gpointer pointer)
{
  return *(gpointer *) pointer == NULL;
}

/* Destroys @window and waits until it is finalized: nothing of it is
 * left to run into the next test. */
void
test_gui_destroy_window (GtkWindow *window)
{
  gpointer weak = window;

  g_object_add_weak_pointer (G_OBJECT (window), &weak);
  gtk_window_destroy (window);
  if (!test_gui_wait_for (is_null, &weak, TEST_GUI_TIMEOUT_MS))
    fail_waiting ("a destroyed %s to be finalized", G_OBJECT_TYPE_NAME (weak));
}

/* The end of a test with a window on a file in @dir: its dialogs closed,
 * the window gone, the folder removed. */
void
test_gui_close_window_and_dir (ParWindow  *window,
                               const char *dir)
{
  test_gui_close_dialogs ();
  test_gui_destroy_window (GTK_WINDOW (window));
  test_remove_dir (dir);
}

static gboolean
has_window (gpointer type)
{
  GtkWindow *window = test_gui_find_window (GPOINTER_TO_SIZE (type));

  return window != NULL && gtk_widget_get_mapped (GTK_WIDGET (window));
}

/* The first toplevel of @type, once it is on screen. */
GtkWindow *
test_gui_wait_for_window (GType type)
{
  if (!test_gui_wait_for (has_window, GSIZE_TO_POINTER (type), TEST_GUI_TIMEOUT_MS))
    fail_waiting ("a %s to open", g_type_name (type));
  return test_gui_find_window (type);
}

static gboolean
is_closed (gpointer pointer)
{
  GtkWidget *window = *(GtkWidget **) pointer;

  return window == NULL || !gtk_widget_get_visible (window);
}

static gboolean
has_no_window (gpointer type)
{
  return test_gui_find_window (GPOINTER_TO_SIZE (type)) == NULL;
}

/* Waits until no toplevel of @type is shown (one that closed itself may
 * be gone already: it is looked for by its type). */
void
test_gui_wait_for_no_window (GType type)
{
  if (!test_gui_wait_for (has_no_window, GSIZE_TO_POINTER (type), TEST_GUI_TIMEOUT_MS))
    fail_waiting ("every %s to close", g_type_name (type));
}

static gboolean
is_mapped (gpointer widget)
{
  return gtk_widget_get_mapped (widget);
}

static gboolean
is_set (gpointer flag)
{
  return *(gboolean *) flag;
}

static void
frame_painted (GdkFrameClock *clock,
               gboolean      *painted)
{
  *painted = TRUE;
}

/* Waits until @widget is on screen and a frame has been drawn with it:
 * its layout is done, and the rows of its lists exist. */
void
test_gui_wait_for_drawn (GtkWidget *widget)
{
  g_autoptr(GdkFrameClock) clock = NULL;
  gboolean painted = FALSE;
  gulong handler;

  if (!test_gui_wait_for (is_mapped, widget, TEST_GUI_TIMEOUT_MS))
    fail_waiting ("a %s to be mapped", G_OBJECT_TYPE_NAME (widget));
  clock = g_object_ref (gtk_widget_get_frame_clock (widget));
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (frame_painted), &painted);
  /* A frame comes even where nothing else would ask for one. */
  gtk_widget_queue_draw (widget);
  if (!test_gui_wait_for (is_set, &painted, TEST_GUI_TIMEOUT_MS))
    fail_waiting ("a frame with a %s", G_OBJECT_TYPE_NAME (widget));
  g_signal_handler_disconnect (clock, handler);
}

static gboolean
transitions_over (gpointer data)
{
  GtkWidget *widget = data;

  if (GTK_IS_STACK (widget) && gtk_stack_get_transition_running (GTK_STACK (widget)))
    return FALSE;
  /* A revealer tells its child revealed as the opposite of what it was
   * asked for while it moves. */
  if (GTK_IS_REVEALER (widget)
      && gtk_revealer_get_child_revealed (GTK_REVEALER (widget))
         != gtk_revealer_get_reveal_child (GTK_REVEALER (widget)))
    return FALSE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (!transitions_over (child))
      return FALSE;
  return TRUE;
}

/* Waits until @widget is drawn with no stack or revealer under it moving:
 * as it looks once the user's last action has had its effect. */
void
test_gui_wait_for_settled (GtkWidget *widget)
{
  if (!test_gui_wait_for (transitions_over, widget, TEST_GUI_TIMEOUT_MS))
    fail_waiting ("the transitions of a %s to end", G_OBJECT_TYPE_NAME (widget));
  test_gui_wait_for_drawn (widget);
}

typedef struct
{
  GListModel *model;
  guint       n_items;
} ItemsWanted;

static gboolean
has_n_items (gpointer data)
{
  ItemsWanted *wanted = data;

  return g_list_model_get_n_items (wanted->model) == wanted->n_items;
}

/* Waits until @model has @n_items (a filter may apply in steps). */
void
test_gui_wait_for_n_items (GListModel *model,
                           guint       n_items)
{
  ItemsWanted wanted = { model, n_items };

  if (!test_gui_wait_for (has_n_items, &wanted, TEST_GUI_TIMEOUT_MS))
    fail_waiting ("%u items (there are %u)", n_items, g_list_model_get_n_items (model));
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} TextWanted;

static gboolean
shows_text (gpointer data)
{
  TextWanted *wanted = data;

  return test_gui_shows_text (wanted->root, wanted->text);
}

/* Waits until @text is shown under @root (a toast, a status). */
void
test_gui_wait_for_text (GtkWidget  *root,
                        const char *text)
{
  TextWanted wanted = { root, text };

  if (!test_gui_wait_for (shows_text, &wanted, TEST_GUI_TIMEOUT_MS))
    fail_waiting ("“%s” to be shown", text);
}

typedef struct
{
  GObject    *object;
  const char *property;
  const char *value;
} StringWanted;

static gboolean
has_string (gpointer data)
{
  StringWanted *wanted = data;
  g_autofree char *value = NULL;

  g_object_get (wanted->object, wanted->property, &value, NULL);
  return g_strcmp0 (value, wanted->value) == 0;
}

/* Waits until the string @property of @object is @value. */
void
test_gui_wait_for_string (gpointer    object,
                          const char *property,
                          const char *value)
{
  StringWanted wanted = { object, property, value };

  if (!test_gui_wait_for (has_string, &wanted, TEST_GUI_TIMEOUT_MS))
    fail_waiting ("%s:%s to be “%s”", G_OBJECT_TYPE_NAME (object), property, value);
}

G_GNUC_BEGIN_IGNORE_DEPRECATIONS

static gboolean
has_label (GtkWidget  *root,
           const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (root)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;
  return FALSE;
}

static GtkWidget *
find_by_type_name (GtkWidget  *root,
                   const char *type_name)
{
  if (g_str_equal (G_OBJECT_TYPE_NAME (root), type_name))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_type_name (child, type_name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Whether the chooser's path bar has a button for @folder. GTK 4.8's path
 * bar makes its buttons once it has asked about every folder up to the
 * root; a chooser sent elsewhere or closed before that leaks what it had
 * gathered, which the leak checker of make check-sanitize reports. */
static gboolean
path_bar_shows (GtkWindow *chooser,
                GFile     *folder)
{
  GtkWidget *path_bar = find_by_type_name (GTK_WIDGET (chooser), "GtkPathBar");
  g_autofree char *name = g_file_get_basename (folder);

  return path_bar == NULL || name == NULL || g_str_equal (name, "/") || has_label (path_bar, name);
}

/* Saving, the chooser starts in the working folder, which it goes to once
 * on screen; opening, among the recent files, with no folder; choosing a
 * folder, in the folder it was given if any. */
static gboolean
has_started (gpointer data)
{
  GtkWindow *chooser = test_gui_find_window (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_autoptr(GFile) folder = NULL;

  if (chooser == NULL || !gtk_widget_get_mapped (GTK_WIDGET (chooser)))
    return FALSE;
  folder = gtk_file_chooser_get_current_folder (GTK_FILE_CHOOSER (chooser));
  if (folder == NULL)
    return gtk_file_chooser_get_action (GTK_FILE_CHOOSER (chooser)) != GTK_FILE_CHOOSER_ACTION_SAVE;
  return path_bar_shows (chooser, folder);
}

/* The file chooser dialog, once it is in the folder it starts in: a
 * folder set before would be replaced by that one. */
GtkWindow *
test_gui_wait_for_file_chooser (void)
{
  if (!test_gui_wait_for (has_started, NULL, TEST_GUI_TIMEOUT_MS))
    fail_waiting ("a file chooser to open its first folder");
  return test_gui_find_window (GTK_TYPE_FILE_CHOOSER_DIALOG);
}

typedef struct
{
  GtkFileChooser *chooser;
  GFile          *file;
} ChoiceWanted;

static gboolean
has_chosen (gpointer data)
{
  ChoiceWanted *wanted = data;
  g_autoptr(GFile) chosen = gtk_file_chooser_get_file (wanted->chooser);
  g_autoptr(GFile) folder = NULL;

  if (chosen == NULL || !g_file_equal (chosen, wanted->file))
    return FALSE;
  folder = g_file_get_parent (chosen);
  return folder == NULL || path_bar_shows (GTK_WINDOW (wanted->chooser), folder);
}

/* Waits until @chooser would give @path if accepted: a folder or name set
 * in it is taken once the folder is listed. */
void
test_gui_wait_for_chosen (GtkWindow  *chooser,
                          const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  ChoiceWanted wanted = { GTK_FILE_CHOOSER (chooser), file };

  if (!test_gui_wait_for (has_chosen, &wanted, TEST_GUI_TIMEOUT_MS))
    fail_waiting ("the file chooser to choose %s", path);
}

G_GNUC_END_IGNORE_DEPRECATIONS

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

/* The widget with @buildable_id under @root, which must be there. */
GtkWidget *
test_gui_find (gpointer    root,
               const char *buildable_id)
{
  GtkWidget *widget = test_gui_find_by_id (GTK_WIDGET (root), buildable_id);

  if (widget == NULL)
    g_error ("no widget “%s” under %s", buildable_id, G_OBJECT_TYPE_NAME (root));
  return widget;
}

/* The first button under @root showing @icon_name, or NULL. */
GtkWidget *
test_gui_find_icon_button (GtkWidget  *root,
                           const char *icon_name)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_icon_name (GTK_BUTTON (root)), icon_name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = test_gui_find_icon_button (child, icon_name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
is_gone (gpointer pointer)
{
  return *(gpointer *) pointer == NULL;
}

/* Presses @dialog's sensitive button @button_id and waits for the dialog to close. */
void
test_gui_press_closing (GtkWindow  *dialog,
                        const char *button_id)
{
  GtkWidget *button = test_gui_find (dialog, button_id);
  gpointer weak = dialog;

  g_assert_true (gtk_widget_is_sensitive (button));
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  gtk_widget_activate (button);
  g_assert_true (test_gui_wait_for (is_gone, &weak, TEST_GUI_TIMEOUT_MS));
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

  /* Each goes at once: nothing to wait for. */
  while ((dialog = test_gui_find_window (ADW_TYPE_MESSAGE_DIALOG)) != NULL)
    gtk_window_destroy (dialog);
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

/* Whether @text is one of the texts a user can read under @root. */
gboolean
test_gui_shows_text (GtkWidget  *root,
                     const char *text)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  test_gui_collect_text (root, texts);
  for (guint i = 0; i < texts->len; i++)
    if (g_str_equal (g_ptr_array_index (texts, i), text))
      return TRUE;
  return FALSE;
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
  gpointer weak = dialog;

  g_assert_nonnull (button);
  /* The click may finalize the dialog: watched from before. */
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  g_signal_emit_by_name (button, "clicked");
  /* Answered: a dialog the response opens is then the one shown. */
  if (!test_gui_wait_for (is_closed, &weak, TEST_GUI_TIMEOUT_MS))
    fail_waiting ("the dialog answered “%s” to close", response);
  if (weak != NULL)
    g_object_remove_weak_pointer (G_OBJECT (weak), &weak);
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

/* What GTK does when files from a file manager are dropped at (@x, @y) of
 * @widget: @widget's drop target receives them as a GdkFileList. Whether
 * it took them. */
gboolean
test_gui_drop_files (GtkWidget *widget,
                     double     x,
                     double     y,
                     GPtrArray *paths)
{
  GtkDropTarget *target = test_gui_drop_target_of (widget);
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);
  GValue value = G_VALUE_INIT;
  gboolean accepted = FALSE;

  g_assert_nonnull (target);
  for (guint i = 0; i < paths->len; i++)
    g_ptr_array_add (files, g_file_new_for_path (g_ptr_array_index (paths, i)));
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_array ((GFile **) files->pdata, files->len));
  g_signal_emit_by_name (target, "drop", &value, x, y, &accepted);
  g_value_unset (&value);
  return accepted;
}

/* The row widget of the tree @column_view (a GtkTreeListModel's, with a
 * GtkTreeExpander in each row) whose item @match takes; NULL if none is
 * on screen. */
GtkWidget *
test_gui_tree_row_widget (GtkWidget         *column_view,
                          TestGuiItemMatch   match,
                          gconstpointer      data)
{
  for (GtkWidget *list = gtk_widget_get_first_child (column_view); list != NULL; list = gtk_widget_get_next_sibling (list))
    if (GTK_IS_LIST_VIEW (list))
      for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
        {
          GtkWidget *expander = row;

          while (expander != NULL && !GTK_IS_TREE_EXPANDER (expander))
            expander = gtk_widget_get_first_child (expander);
          if (expander != NULL && gtk_tree_expander_get_list_row (GTK_TREE_EXPANDER (expander)) != NULL)
            {
              g_autoptr(GObject) item =
                gtk_tree_list_row_get_item (gtk_tree_expander_get_list_row (GTK_TREE_EXPANDER (expander)));

              if (match (item, data))
                return row;
            }
        }
  return NULL;
}

/* The first widget of @root's tree, @root first, depth first, for which
 * @matches returns TRUE; NULL if none. */
GtkWidget *
test_gui_find_where (GtkWidget           *root,
                     TestGuiWidgetMatch   matches,
                     gconstpointer        data)
{
  if (matches (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = test_gui_find_where (child, matches, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
has_name (GtkWidget     *widget,
          gconstpointer  name)
{
  return g_strcmp0 (gtk_widget_get_name (widget), name) == 0;
}

/* The widget under @root (or @root) whose gtk_widget_get_name() is @name,
 * for widgets built in code, which have no .ui id; NULL if none. */
GtkWidget *
test_gui_find_named (GtkWidget  *root,
                     const char *name)
{
  return test_gui_find_where (root, has_name, name);
}
