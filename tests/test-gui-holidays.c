/* test-gui-holidays.c: the Preferences page of a year's public holidays: the table of a year, a day added
 * through the dialog (and one refused), a day made a working day again
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "par-application.h"
#include "par-holiday-dialog.h"
#include "par-holidays-page.h"
#include "par-preferences-window.h"
#include "par-window.h"
#include "test-gui-util.h"
#include "test-util.h"

static ParApplication *app;

typedef struct
{
  char            *dir;
  ParWindow       *window;
  ParDatabase     *db;
  GtkWindow       *preferences;
  ParHolidaysPage *page;
  GtkListBox      *list;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  AdwPreferencesPage *page;

  f->dir = test_make_temp_dir ();
  path = g_build_filename (f->dir, "holidays.pardesk", NULL);
  f->window = test_gui_open_window (app, path);
  f->db = par_window_get_database (f->window);

  /* opened as the menu opens it, over the window with the file */
  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  f->preferences = test_gui_wait_for_window (PAR_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (f->preferences);
  page = par_preferences_window_get_holidays_page (PAR_PREFERENCES_WINDOW (f->preferences));
  g_assert_nonnull (page);
  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (f->preferences), page);
  f->page = PAR_HOLIDAYS_PAGE (page);
  f->list = GTK_LIST_BOX (test_gui_find (page, "list"));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  test_gui_close_dialogs ();
  gtk_window_destroy (f->preferences);
  test_gui_wait_for_no_window (PAR_TYPE_PREFERENCES_WINDOW);
  test_gui_destroy_window (GTK_WINDOW (f->window));
  test_remove_dir (f->dir);
  g_free (f->dir);
}

static guint
n_rows (Fixture *f)
{
  guint n = 0;

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (f->list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    n++;
  return n;
}

static AdwActionRow *
row_at (Fixture *f,
        int      index)
{
  return ADW_ACTION_ROW (gtk_list_box_get_row_at_index (f->list, index));
}

/* The row whose subtitle holds @date_text (as the interface writes dates), or NULL. */
static AdwActionRow *
row_of (Fixture    *f,
        const char *date_text)
{
  for (int i = 0; gtk_list_box_get_row_at_index (f->list, i) != NULL; i++)
    if (strstr (adw_action_row_get_subtitle (row_at (f, i)), date_text) != NULL)
      return row_at (f, i);
  return NULL;
}

static const char *
in_ui (const char *english,
       const char *vietnamese)
{
  return g_str_has_prefix (g_getenv ("LANGUAGE"), "vi") ? vietnamese : english;
}

/* 2027 as formats.md lists it: fourteen days, Tết's weekend made up. */
static void
test_year_table (Fixture       *f,
                 gconstpointer  data)
{
  AdwActionRow *row;

  par_holidays_page_set_year (f->page, 2027);
  g_assert_cmpuint (n_rows (f), ==, 14);
  row = row_at (f, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   in_ui ("Lunar New Year (Tết)", "Tết Nguyên đán"));
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), in_ui ("Friday, 2027-02-05", "Thứ Sáu, 05/02/2027")));
  row = row_at (f, 6);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==,
                   in_ui ("Compensatory day off", "Nghỉ bù"));
  /* the spin button moves the page to another year */
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (test_gui_find (f->page, "year_spin")), 2026);
  g_assert_cmpuint (n_rows (f), ==, 12);
  g_assert_nonnull (row_of (f, in_ui ("2026-04-27", "27/04/2026")));
}

static GtkWindow *
open_dialog (Fixture *f)
{
  GtkWindow *dialog;

  g_signal_emit_by_name (test_gui_find (f->page, "add_button"), "clicked");
  dialog = test_gui_wait_for_window (PAR_TYPE_HOLIDAY_DIALOG);
  g_assert_nonnull (dialog);
  return dialog;
}

static gboolean
no_dialog (gpointer data)
{
  return test_gui_find_window (PAR_TYPE_HOLIDAY_DIALOG) == NULL;
}

/* "Add a Day…": a new day is listed; a day already a holiday is refused
 * in the dialog, which keeps what was typed. */
static void
test_add_day (Fixture       *f,
              gconstpointer  data)
{
  GtkWindow *dialog;
  GtkWidget *save, *error_label;
  AdwActionRow *row;

  par_holidays_page_set_year (f->page, 2026);
  dialog = open_dialog (f);
  save = test_gui_find (dialog, "save_button");
  g_assert_false (gtk_widget_get_sensitive (save));
  gtk_editable_set_text (GTK_EDITABLE (test_gui_find (dialog, "date_row")), "31/02/2026");
  gtk_editable_set_text (GTK_EDITABLE (test_gui_find (dialog, "name_row")), "Nghỉ hoán đổi");
  g_assert_false (gtk_widget_get_sensitive (save));   /* no such day */
  gtk_editable_set_text (GTK_EDITABLE (test_gui_find (dialog, "date_row")), "17/02/2026");
  g_assert_true (gtk_widget_get_sensitive (save));
  g_signal_emit_by_name (save, "clicked");
  error_label = test_gui_find (dialog, "error_label");
  g_assert_true (gtk_widget_get_visible (error_label));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "2026-02-17"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (test_gui_find (dialog, "name_row"))), ==, "Nghỉ hoán đổi");
  g_assert_cmpuint (n_rows (f), ==, 12);

  gtk_editable_set_text (GTK_EDITABLE (test_gui_find (dialog, "date_row")), "2026-03-20");
  g_signal_emit_by_name (save, "clicked");
  g_assert_true (test_gui_wait_for (no_dialog, NULL, TEST_GUI_TIMEOUT_MS));
  g_assert_cmpuint (n_rows (f), ==, 13);
  row = row_of (f, in_ui ("2026-03-20", "20/03/2026"));
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Nghỉ hoán đổi");
  /* the CLI's table is the same one */
  {
    g_autoptr(GPtrArray) days = par_holidays_list (f->db, 2026, NULL);
    GDate date;

    g_date_clear (&date, 1);
    g_date_set_dmy (&date, 20, 3, 2026);
    g_assert_cmpint (par_holidays_find (days, &date)->kind, ==, PAR_HOLIDAY_ADDED);
  }
}

static gboolean
is_button (GtkWidget     *widget,
           gconstpointer  data)
{
  return GTK_IS_BUTTON (widget);
}

/* The first button under @root: a row's only one, its remove button. */
static GtkWidget *
first_button (GtkWidget *root)
{
  return test_gui_find_where (root, is_button, NULL);
}

/* The row's button makes the day a working day; no other day moves. */
static void
test_remove_day (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GPtrArray) days = NULL;
  AdwActionRow *row;
  GtkWidget *button;

  par_holidays_page_set_year (f->page, 2026);
  row = row_of (f, in_ui ("2026-04-26", "26/04/2026"));
  g_assert_nonnull (row);
  button = first_button (GTK_WIDGET (row));
  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  g_assert_cmpuint (n_rows (f), ==, 11);
  g_assert_null (row_of (f, in_ui ("2026-04-26", "26/04/2026")));
  g_assert_nonnull (row_of (f, in_ui ("2026-04-27", "27/04/2026")));
  days = par_holidays_list (f->db, 2026, NULL);
  g_assert_cmpuint (days->len, ==, 11);
}

int
main (int    argc,
      char **argv)
{
  int result;

  app = test_gui_init (&argc, &argv);

#define ADD(name, func) g_test_add (name, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/gui/holidays/year-table", test_year_table);
  ADD ("/gui/holidays/add-day", test_add_day);
  ADD ("/gui/holidays/remove-day", test_remove_day);
#undef ADD

  result = g_test_run ();
  g_object_unref (app);
  return result;
}
