/* test-gui-translation.c: no visible string of the main views stays in English in Vietnamese
 *
 * The same windows are built twice, in English and in Vietnamese, on a file
 * with the sample office. Every text a user can read is collected; a text
 * that is the same in both languages must be data from the file (names,
 * codes) or the product's name. Anything else was not translated, or not
 * marked for translation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>

#include "par-core.h"
#include "par-directory-view.h"
#include "par-staff-dialog.h"
#include "par-unit-dialog.h"
#include "test-gui-util.h"
#include "test-util.h"

static const char * const views[] = { "plan", "index", "inspections", "evidence", "directory" };

static ParApplication *app;
static char *demo_path;

static void
collect_menu (GMenuModel *menu,
              GPtrArray  *texts)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *label = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);
      g_autoptr(GMenuModel) submenu = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SUBMENU);

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_LABEL, "s", &label))
        g_ptr_array_add (texts, g_steal_pointer (&label));
      if (section != NULL)
        collect_menu (section, texts);
      if (submenu != NULL && g_menu_model_get_n_items (submenu) > 0
          && !g_menu_model_get_item_attribute (submenu, 0, G_MENU_ATTRIBUTE_ACTION, "s", &label))
        collect_menu (submenu, texts);
    }
}

static void
collect_menu_buttons (GtkWidget *root,
                      GPtrArray *texts)
{
  if (GTK_IS_MENU_BUTTON (root) && gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (root)) != NULL)
    collect_menu (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (root)), texts);
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_menu_buttons (child, texts);
}

/* Every visible text of every view and of the directory's dialogs. */
static GPtrArray *
collect_ui_texts (const char *language)
{
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);
  ParWindow *window;
  ParDirectoryView *view;
  GtkWindow *dialog;

  test_set_language (language);

  window = test_gui_open_window (app, demo_path);
  for (gsize i = 0; i < G_N_ELEMENTS (views); i++)
    {
      par_window_show_view (window, views[i]);
      test_gui_iterate (50);
      test_gui_collect_text (GTK_WIDGET (window), texts);
    }
  collect_menu_buttons (GTK_WIDGET (window), texts);

  view = PAR_DIRECTORY_VIEW (test_gui_find_by_id (GTK_WIDGET (window), "directory_view"));
  gtk_widget_activate_action (GTK_WIDGET (view), "directory.add-unit", NULL);
  test_gui_iterate (50);
  dialog = test_gui_find_window (PAR_TYPE_UNIT_DIALOG);
  g_assert_nonnull (dialog);
  test_gui_collect_text (GTK_WIDGET (dialog), texts);
  gtk_window_destroy (dialog);

  gtk_widget_activate_action (GTK_WIDGET (view), "directory.add-staff", NULL);
  test_gui_iterate (50);
  dialog = test_gui_find_window (PAR_TYPE_STAFF_DIALOG);
  g_assert_nonnull (dialog);
  test_gui_collect_text (GTK_WIDGET (dialog), texts);
  gtk_window_destroy (dialog);

  gtk_widget_activate_action (GTK_WIDGET (view), "directory.delete-unit", NULL);
  test_gui_iterate (50);
  dialog = test_gui_find_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  test_gui_collect_text (GTK_WIDGET (dialog), texts);
  gtk_window_destroy (dialog);

  gtk_window_destroy (GTK_WINDOW (window));
  test_gui_iterate (50);
  return texts;
}

/* Texts that are the same in every language: the file's own data. */
static GHashTable *
data_texts (void)
{
  GHashTable *data = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(ParDatabase) db = par_database_open (demo_path, PAR_DATABASE_OPEN_EXISTING, NULL);
  g_autoptr(GPtrArray) units = par_directory_list_all_units (db, NULL);
  g_autoptr(GPtrArray) staff = par_directory_list_staff (db, 0, NULL);

  g_hash_table_add (data, g_strdup ("PAR Desk"));
  g_hash_table_add (data, g_path_get_basename (demo_path));
  g_hash_table_add (data, g_strdup (demo_path));
  for (guint i = 0; i < units->len; i++)
    {
      ParUnit *unit = g_ptr_array_index (units, i);

      g_hash_table_add (data, g_strdup (par_unit_get_code (unit)));
      g_hash_table_add (data, g_strdup (par_unit_get_name (unit)));
      /* combo rows indent names by depth */
      for (int depth = 1; depth < 5; depth++)
        g_hash_table_add (data, g_strdup_printf ("%*s%s", depth * 4, "", par_unit_get_name (unit)));
    }
  for (guint i = 0; i < staff->len; i++)
    {
      g_hash_table_add (data, g_strdup (par_staff_get_full_name (g_ptr_array_index (staff, i))));
      g_hash_table_add (data, g_strdup (par_staff_get_title (g_ptr_array_index (staff, i))));
    }
  return data;
}

static gboolean
has_letters (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isalpha (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

static void
test_main_views_translated (void)
{
  g_autoptr(GPtrArray) english = collect_ui_texts ("en");
  g_autoptr(GPtrArray) vietnamese = collect_ui_texts ("vi");
  g_autoptr(GHashTable) data = data_texts ();
  g_autoptr(GHashTable) english_set = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) untranslated = g_string_new (NULL);
  guint n_checked = 0;

  for (guint i = 0; i < english->len; i++)
    g_hash_table_add (english_set, g_ptr_array_index (english, i));

  for (guint i = 0; i < vietnamese->len; i++)
    {
      const char *text = g_ptr_array_index (vietnamese, i);

      if (g_hash_table_contains (data, text) || !has_letters (text))
        continue;
      n_checked++;
      if (g_hash_table_contains (english_set, text))
        g_string_append_printf (untranslated, "\n  “%s”", text);
    }

  g_test_message ("%u English texts, %u Vietnamese texts, %u checked", english->len, vietnamese->len, n_checked);
  /* The collection itself must have worked: views, menus and dialogs. */
  g_assert_cmpuint (n_checked, >, 40);
  if (untranslated->len > 0)
    g_error ("Shown in English in the Vietnamese UI:%s", untranslated->str);
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *dir = NULL;
  g_autoptr(ParDatabase) db = NULL;
  int result;

  app = test_gui_init (&argc, &argv);
  dir = test_make_temp_dir ();
  demo_path = g_build_filename (dir, "demo.pardesk", NULL);
  db = par_database_open (demo_path, PAR_DATABASE_OPEN_CREATE, NULL);
  g_assert_true (par_demo_fill (db, NULL));
  g_clear_object (&db);

  g_test_add_func ("/gui/translation/main-views", test_main_views_translated);
  result = g_test_run ();

  g_object_unref (app);
  g_free (demo_path);
  return result;
}
