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
#include "par-evidence-viewer.h"
#include "par-index-view.h"
#include "par-preferences-window.h"
#include "par-link-chooser.h"
#include "par-score-cell.h"
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

/* Whether the cursor is in item 1.1.1's cell. */
static gboolean
has_focused_cell (gpointer window)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  GtkWidget *cell = focus != NULL ? gtk_widget_get_ancestor (focus, PAR_TYPE_SCORE_CELL) : NULL;
  ParScoreRow *row = cell != NULL ? par_score_cell_get_row (PAR_SCORE_CELL (cell)) : NULL;

  return row != NULL && g_str_equal (par_criteria_node_get_code (par_score_row_get_node (row)), "1.1.1");
}

static gboolean
page_rendered (gpointer viewer)
{
  return par_evidence_viewer_get_n_rendered (viewer) > 0;
}

static gboolean
shows_none (gpointer chooser)
{
  return par_link_chooser_get_n_shown (chooser) == 0;
}

/* Every visible text of every view, of the directory's dialogs and of Preferences. */
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
      /* Lists make their rows as they are laid out. */
      test_gui_wait_for_drawn (GTK_WIDGET (window));
      test_gui_collect_text (GTK_WIDGET (window), texts);
    }
  collect_menu_buttons (GTK_WIDGET (window), texts);

  /* The PAR Index with a scored unit, an item selected, and the ranking. */
  {
    ParIndexView *index = PAR_INDEX_VIEW (test_gui_find_by_id (GTK_WIDGET (window), "index_view"));
    GtkStack *content = GTK_STACK (test_gui_find_by_id (GTK_WIDGET (index), "content_stack"));
    g_autoptr(ParUnit) snv = par_directory_find_unit (par_window_get_database (window), "SNV", NULL);

    par_window_show_view (window, "index");
    g_assert_true (par_index_view_select (index, 1, par_unit_get_id (snv)));
    g_assert_true (par_index_view_focus_item (index, "1.1.1", PAR_SCORE_SELF));
    /* The cursor in the item's cell, its side pane shown. */
    g_assert_true (test_gui_wait_for (has_focused_cell, window, TEST_GUI_TIMEOUT_MS));
    test_gui_wait_for_drawn (GTK_WIDGET (window));
    test_gui_collect_text (GTK_WIDGET (window), texts);
    gtk_stack_set_visible_child_name (content, "ranking");
    test_gui_wait_for_settled (GTK_WIDGET (content));
    test_gui_collect_text (GTK_WIDGET (window), texts);
    gtk_stack_set_visible_child_name (content, "scores");
  }

  view = PAR_DIRECTORY_VIEW (test_gui_find_by_id (GTK_WIDGET (window), "directory_view"));
  gtk_widget_activate_action (GTK_WIDGET (view), "directory.add-unit", NULL);
  dialog = test_gui_wait_for_window (PAR_TYPE_UNIT_DIALOG);
  g_assert_nonnull (dialog);
  test_gui_collect_text (GTK_WIDGET (dialog), texts);
  gtk_window_destroy (dialog);

  gtk_widget_activate_action (GTK_WIDGET (view), "directory.add-staff", NULL);
  dialog = test_gui_wait_for_window (PAR_TYPE_STAFF_DIALOG);
  g_assert_nonnull (dialog);
  test_gui_collect_text (GTK_WIDGET (dialog), texts);
  gtk_window_destroy (dialog);

  gtk_widget_activate_action (GTK_WIDGET (view), "directory.delete-unit", NULL);
  dialog = test_gui_wait_for_window (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (dialog);
  test_gui_collect_text (GTK_WIDGET (dialog), texts);
  gtk_window_destroy (dialog);

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  dialog = test_gui_wait_for_window (PAR_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (dialog);
  test_gui_collect_text (GTK_WIDGET (dialog), texts);
  gtk_window_destroy (dialog);

  /* A document in the viewer, with what it supports, and its link chooser. */
  {
    ParEvidenceViewer *viewer = par_evidence_viewer_new (GTK_WINDOW (window), par_window_get_context (window), 2);

    gtk_window_present (GTK_WINDOW (viewer));
    /* The document open, its first page on screen. */
    g_assert_true (test_gui_wait_for (page_rendered, viewer, TEST_GUI_TIMEOUT_MS));
    test_gui_wait_for_settled (GTK_WIDGET (viewer));
    test_gui_collect_text (GTK_WIDGET (viewer), texts);
    collect_menu_buttons (GTK_WIDGET (viewer), texts);
    gtk_widget_activate_action (GTK_WIDGET (viewer), "viewer.link", NULL);
    dialog = test_gui_wait_for_window (PAR_TYPE_LINK_CHOOSER);
    g_assert_nonnull (dialog);
    test_gui_wait_for_drawn (GTK_WIDGET (dialog));
    test_gui_collect_text (GTK_WIDGET (dialog), texts);
    gtk_editable_set_text (GTK_EDITABLE (test_gui_find_by_id (GTK_WIDGET (dialog), "search_entry")), "zzz");
    /* Nothing found: the chooser says so. */
    g_assert_true (test_gui_wait_for (shows_none, dialog, TEST_GUI_TIMEOUT_MS));
    test_gui_wait_for_settled (GTK_WIDGET (dialog));
    test_gui_collect_text (GTK_WIDGET (dialog), texts);
    gtk_window_destroy (dialog);
    gtk_window_destroy (GTK_WINDOW (viewer));
  }

  test_gui_destroy_window (GTK_WINDOW (window));
  return texts;
}

/* Texts that are the same in every language: the file's own data. */
static void
add_set_texts (GHashTable  *data,
               ParDatabase *db)
{
  g_autoptr(GPtrArray) sets = par_criteria_set_list (db, NULL);

  for (guint i = 0; i < sets->len; i++)
    {
      g_autoptr(ParCriteriaSet) set = par_criteria_set_load (db, par_criteria_set_get_id (g_ptr_array_index (sets, i)),
                                                             NULL);

      g_hash_table_add (data, g_strdup (par_criteria_set_get_name (set)));
      for (guint n = 0; n < par_criteria_set_get_n_nodes (set); n++)
        {
          ParCriteriaNode *node = par_criteria_set_get_node (set, n);

          g_hash_table_add (data, g_strdup (par_criteria_node_get_title (node)));
          g_hash_table_add (data, g_strdup (par_criteria_node_get_evidence (node)));
          g_hash_table_add (data, g_strdup (par_criteria_node_get_guidance (node)));
          for (guint o = 0; o < par_criteria_node_get_n_options (node); o++)
            g_hash_table_add (data, g_strdup (par_criteria_node_get_option (node, o)->label));
        }
    }
}

/* The plans' titles and their tasks' codes, titles and outputs. */
static void
add_plan_texts (GHashTable  *data,
                ParDatabase *db)
{
  g_autoptr(GPtrArray) plans = par_plans_list (db, NULL);

  for (guint p = 0; plans != NULL && p < plans->len; p++)
    {
      ParPlan *plan = g_ptr_array_index (plans, p);
      g_autoptr(GPtrArray) tasks = par_plans_list_tasks (db, par_plan_get_id (plan), NULL);

      g_hash_table_add (data, g_strdup (par_plan_get_title (plan)));
      for (guint t = 0; tasks != NULL && t < tasks->len; t++)
        {
          ParTask *task = g_ptr_array_index (tasks, t);

          g_hash_table_add (data, g_strdup (par_task_get_code (task)));
          g_hash_table_add (data, g_strdup (par_task_get_title (task)));
          g_hash_table_add (data, g_strdup (par_task_get_output (task)));
        }
    }
}

static GHashTable *
data_texts (void)
{
  GHashTable *data = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(ParDatabase) db = par_database_open (demo_path, PAR_DATABASE_OPEN_EXISTING, NULL);
  g_autoptr(GPtrArray) units = par_directory_list_all_units (db, NULL);
  g_autoptr(GPtrArray) staff = par_directory_list_staff (db, 0, NULL);

  g_hash_table_add (data, g_strdup ("PAR Desk"));
  /* GTK's own tooltip of a search field's clear icon: Debian 12's GTK 4.8
   * has no Vietnamese for it, and PAR Desk cannot translate it. */
  g_hash_table_add (data, g_strdup ("Clear entry"));
  g_hash_table_add (data, g_strdup (g_get_user_name ()));
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
  add_set_texts (data, db);
  add_plan_texts (data, db);
  {
    g_autoptr(GPtrArray) documents = par_evidence_list (db, NULL);

    for (guint i = 0; i < documents->len; i++)
      {
        ParEvidenceFields *f = par_evidence_document_get_fields (g_ptr_array_index (documents, i));
        const char *texts[] = { f->filename, f->number, f->issuer, f->doc_type, f->abstract, f->place, f->date };

        for (gsize t = 0; t < G_N_ELEMENTS (texts); t++)
          g_hash_table_add (data, g_strdup (texts[t]));
      }
  }
  /* Area numbers and result groups are the same in every language. */
  for (guint i = 1; i <= 20; i++)
    g_hash_table_add (data, par_roman_numeral (i));
  for (const char *group = "ABCD"; *group != '\0'; group++)
    g_hash_table_add (data, g_strndup (group, 1));
  /* So is the megabyte (Preferences). */
  g_hash_table_add (data, g_strdup ("MB"));
  g_hash_table_remove (data, "");
  return data;
}

/* A text is data when it is, or holds, a text of the file (a criterion
 * shown with its code, a set with its year). */
static gboolean
is_data (GHashTable *data,
         const char *text)
{
  GHashTableIter iter;
  const char *item;

  if (g_hash_table_contains (data, text))
    return TRUE;
  g_hash_table_iter_init (&iter, data);
  while (g_hash_table_iter_next (&iter, (gpointer *) &item, NULL))
    if (strlen (item) >= 4 && strstr (text, item) != NULL)
      return TRUE;
  return FALSE;
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

      if (!has_letters (text) || is_data (data, text))
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
