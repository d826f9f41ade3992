/* test-gui-inspections.c: the Inspections view through the real widgets: the month calendar with its
 * bars, weekends, holidays (Tết 2026) and today; month navigation; selecting shows the pane; findings
 * and recommendations added through their dialogs; a recommendation closed; the overdue count and
 * list; PDFs dropped on the pane linked to the inspection; the add and edit requests for the dialog;
 * the ⋮ menu's exports of the year's inspection plan (XLSX) and calendar (iCalendar)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "par-core.h"
#include "par-follow-up-dialog.h"
#include "par-inspection-dialog.h"
#include "par-inspections-month.h"
#include "par-inspections-view.h"
#include "par-linked-documents.h"
#include "par-unit-combo.h"
#include "test-gui-util.h"
#include "test-util.h"

static ParApplication *app;

typedef struct
{
  char               *dir;
  ParWindow          *window;
  ParDatabase        *db;
  ParInspectionsView *view;
  gint64              units[2];      /* Sở Tư pháp, Sở Y tế */
  gint64              stp;           /* 10–12/02/2026 */
  gint64              syt;           /* 11–13/02/2026, cancelled */
  gint64              old;           /* 10–11/03/2025, with an overdue recommendation */
  gint64              overdue;       /* that recommendation, due 15/04/2025 */
} Fixture;

static const char *
in_ui (const char *english,
       const char *vietnamese)
{
  return g_str_has_prefix (g_getenv ("LANGUAGE"), "vi") ? vietnamese : english;
}

/* Whether a text shown under @root holds @part (the pane's details are one label). */
static gboolean
shows_part (GtkWidget  *root,
            const char *part)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  test_gui_collect_text (root, texts);
  for (guint i = 0; i < texts->len; i++)
    if (strstr (g_ptr_array_index (texts, i), part) != NULL)
      return TRUE;
  return FALSE;
}

static GDate
day (int d,
     int m,
     int y)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);
  return date;
}

static gint64
add_inspection (Fixture *f,
                gint64   unit,
                GDate    first,
                GDate    last,
                gint64   leader)
{
  ParTeamSeat team[] = { { leader, PAR_TEAM_ROLE_LEADER } };
  ParInspectionSpec spec = { .unit_id = unit, .first = first, .last = last,
                             .title = "Kiểm tra công tác cải cách hành chính", .team = team, .n_team = 1 };
  g_autoptr(GError) error = NULL;
  gint64 id = par_inspections_add (f->db, &spec, TRUE, NULL, &error);

  g_assert_no_error (error);
  return id;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  GDate today = day (10, 2, 2026), deadline = day (15, 4, 2025);
  gint64 leaders[2];

  f->dir = test_make_temp_dir ();
  path = g_build_filename (f->dir, "gui.pardesk", NULL);
  f->window = test_gui_open_window (app, path);
  f->db = par_window_get_database (f->window);
  f->units[0] = par_directory_add_unit (f->db, "STP", "Sở Tư pháp", PAR_UNIT_LEVEL_DEPARTMENT, 0, &error);
  g_assert_no_error (error);
  f->units[1] = par_directory_add_unit (f->db, "SYT", "Sở Y tế", PAR_UNIT_LEVEL_DEPARTMENT, 0, &error);
  g_assert_no_error (error);
  leaders[0] = par_directory_add_staff (f->db, f->units[0], "Lê Quang Minh", "Phó Giám đốc",
                                        PAR_STAFF_ROLE_STEERING_MEMBER, &error);
  g_assert_no_error (error);
  leaders[1] = par_directory_add_staff (f->db, f->units[1], "Phan Văn Long", "Giám đốc",
                                        PAR_STAFF_ROLE_STEERING_MEMBER, &error);
  g_assert_no_error (error);
  f->stp = add_inspection (f, f->units[0], day (10, 2, 2026), day (12, 2, 2026), leaders[0]);
  f->syt = add_inspection (f, f->units[1], day (11, 2, 2026), day (13, 2, 2026), leaders[1]);
  g_assert_true (par_inspections_cancel (f->db, f->syt, &error));
  f->old = add_inspection (f, f->units[0], day (10, 3, 2025), day (11, 3, 2025), leaders[0]);
  f->overdue = par_recommendations_add (f->db, f->old, "Niêm yết công khai thủ tục hành chính", f->units[0],
                                        &deadline, 0, &error);
  g_assert_no_error (error);

  par_window_show_view (f->window, "inspections");
  f->view = PAR_INSPECTIONS_VIEW (test_gui_find (f->window, "inspections_view"));
  par_inspections_view_set_today (f->view, &today);
  par_inspections_view_show_month (f->view, &today);
  test_gui_wait_for_drawn (GTK_WIDGET (f->view));
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  test_gui_close_dialogs ();
  test_gui_close_window_and_dir (f->window, f->dir);
  g_free (f->dir);
}

static ParInspectionsMonth *
month_of (Fixture *f)
{
  return PAR_INSPECTIONS_MONTH (test_gui_find (f->view, "month_view"));
}

static GtkWidget *
bar_on (Fixture *f,
        gint64   inspection,
        GDate    date)
{
  return par_inspections_month_get_bar (month_of (f), inspection, &date);
}

/* February 2026: the inspections on their days and no others, the
 * cancelled one struck, Tết named and shaded, weekends shaded, today marked. */
static void
test_month (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) holidays = par_holidays_list (f->db, 2026, NULL);
  GDate tet = day (17, 2, 2026), saturday = day (14, 2, 2026), today = day (10, 2, 2026), monday = day (9, 2, 2026);
  const ParHoliday *holiday = par_holidays_find (holidays, &tet);
  GtkWidget *cell;

  for (int d = 10; d <= 12; d++)
    g_assert_nonnull (bar_on (f, f->stp, day (d, 2, 2026)));
  g_assert_null (bar_on (f, f->stp, day (9, 2, 2026)));
  g_assert_null (bar_on (f, f->stp, day (13, 2, 2026)));
  g_assert_true (test_gui_shows_text (bar_on (f, f->stp, day (11, 2, 2026)), "Sở Tư pháp"));
  g_assert_nonnull (bar_on (f, f->syt, day (13, 2, 2026)));
  g_assert_true (gtk_widget_has_css_class (bar_on (f, f->syt, day (13, 2, 2026)), "cancelled"));
  g_assert_false (gtk_widget_has_css_class (bar_on (f, f->stp, day (10, 2, 2026)), "cancelled"));
  g_assert_null (bar_on (f, f->old, day (10, 3, 2025)));   /* another year */

  g_assert_nonnull (holiday);
  g_assert_cmpint (holiday->kind, ==, PAR_HOLIDAY_TET);
  cell = par_inspections_month_get_day (month_of (f), &tet);
  g_assert_nonnull (cell);
  g_assert_true (gtk_widget_has_css_class (cell, "holiday"));
  g_assert_true (test_gui_shows_text (cell, holiday->name));
  g_assert_true (test_gui_shows_text (cell, in_ui ("Lunar New Year (Tết)", "Tết Nguyên đán")));
  g_assert_true (gtk_widget_has_css_class (par_inspections_month_get_day (month_of (f), &saturday), "weekend"));
  g_assert_false (gtk_widget_has_css_class (par_inspections_month_get_day (month_of (f), &monday), "weekend"));
  g_assert_false (gtk_widget_has_css_class (par_inspections_month_get_day (month_of (f), &monday), "holiday"));
  g_assert_true (gtk_widget_has_css_class (par_inspections_month_get_day (month_of (f), &today), "today"));
  /* weeks start on Monday: 26 January is the first day shown */
  {
    GDate first = day (26, 1, 2026), before = day (25, 1, 2026);

    g_assert_nonnull (par_inspections_month_get_day (month_of (f), &first));
    g_assert_null (par_inspections_month_get_day (month_of (f), &before));
  }
  g_assert_true (test_gui_shows_text (test_gui_find (f->view, "month_button"),
                                      in_ui ("February 2026", "Tháng 2 năm 2026")));
}

static int
shown_month (Fixture *f)
{
  GDate month;

  par_inspections_view_get_month (f->view, &month);
  return g_date_get_year (&month) * 100 + g_date_get_month (&month);
}

/* Next, previous across New Year (the other year's inspections load),
 * Today, and a jump to a date from the popover's calendar. */
static void
test_navigation (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GDateTime) march = g_date_time_new_local (2025, 3, 20, 0, 0, 0);

  gtk_widget_activate_action (GTK_WIDGET (f->view), "inspections.next-month", NULL);
  g_assert_cmpint (shown_month (f), ==, 202603);
  g_assert_null (bar_on (f, f->stp, day (10, 2, 2026)));
  for (int i = 0; i < 3; i++)
    gtk_widget_activate_action (GTK_WIDGET (f->view), "inspections.previous-month", NULL);
  g_assert_cmpint (shown_month (f), ==, 202512);
  gtk_widget_activate_action (GTK_WIDGET (f->view), "inspections.today", NULL);
  g_assert_cmpint (shown_month (f), ==, 202602);
  g_assert_nonnull (bar_on (f, f->stp, day (10, 2, 2026)));

  gtk_calendar_select_day (GTK_CALENDAR (test_gui_find (f->view, "jump_calendar")), march);
  g_assert_cmpint (shown_month (f), ==, 202503);
  g_assert_nonnull (bar_on (f, f->old, day (11, 3, 2025)));
  g_assert_true (shows_part (test_gui_find (f->view, "counts_label"),
                             in_ui ("2025: 1 inspection, 0 cancelled", "Năm 2025: 1 cuộc kiểm tra")));
}

static void
on_edit_requested (ParInspectionsView *view,
                   gint64              inspection_id,
                   gint64             *requested)
{
  *requested = inspection_id;
}

static void
on_add_requested (ParInspectionsView *view,
                  GDate              *date,
                  GDate              *requested)
{
  *requested = *date;
}

/* A click on a bar shows the inspection in the pane; a double click, Enter
 * or the list's activation asks for the dialog, as Add Inspection does. */
static void
test_select (Fixture       *f,
             gconstpointer  data)
{
  GtkWidget *pane = test_gui_find (f->view, "pane");
  GtkColumnView *list = GTK_COLUMN_VIEW (test_gui_find (f->view, "inspection_list"));
  gint64 requested = 0;
  GDate add_day;

  g_date_clear (&add_day, 1);
  g_signal_connect (f->view, "edit-requested", G_CALLBACK (on_edit_requested), &requested);
  g_signal_connect (f->view, "add-requested", G_CALLBACK (on_add_requested), &add_day);
  g_assert_false (shows_part (pane, "Lê Quang Minh"));
  g_assert_false (gtk_widget_is_sensitive (test_gui_find (pane, "add_finding_button")));

  g_signal_emit_by_name (bar_on (f, f->stp, day (11, 2, 2026)), "clicked");
  g_assert_cmpint (par_inspections_view_get_selected (f->view), ==, f->stp);
  g_assert_true (test_gui_shows_text (pane, "Sở Tư pháp"));
  g_assert_true (shows_part (pane, "Lê Quang Minh"));
  g_assert_true (gtk_widget_has_css_class (bar_on (f, f->stp, day (11, 2, 2026)), "selected"));
  g_assert_true (gtk_widget_is_sensitive (test_gui_find (pane, "add_finding_button")));
  g_assert_cmpint (requested, ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (f->view), "inspections.edit-inspection", NULL);
  g_assert_cmpint (requested, ==, f->stp);

  /* the list: the year's two, the selected one selected; activating the cancelled one edits it */
  par_inspections_view_show_mode (f->view, "list");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (list))), ==, 2);
  g_assert_cmpuint (gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (list))), ==, 0);
  g_signal_emit_by_name (list, "activate", 1);
  g_assert_cmpint (requested, ==, f->syt);
  g_assert_cmpint (par_inspections_view_get_selected (f->view), ==, f->syt);
  g_assert_false (gtk_widget_is_sensitive (test_gui_find (pane, "cancel_button")));   /* cancelled already */

  gtk_widget_activate_action (GTK_WIDGET (f->view), "inspections.add-inspection", NULL);
  g_assert_true (g_date_valid (&add_day));
  g_assert_cmpint (g_date_get_day (&add_day), ==, 10);   /* today, in the month shown */
  g_assert_cmpint (g_date_get_month (&add_day), ==, 2);
  /* The window answers each request with the inspection dialog. */
  g_assert_nonnull (test_gui_wait_for_window (PAR_TYPE_INSPECTION_DIALOG));
}

static GtkWindow *
open_follow_up (Fixture    *f,
                const char *action,
                GVariant   *target)
{
  g_autoptr(GVariant) owned = target != NULL ? g_variant_ref_sink (target) : NULL;

  /* A class action is handed the parameter as it is: a floating one would leak. */
  gtk_widget_activate_action_variant (GTK_WIDGET (f->view), action, owned);
  return test_gui_wait_for_window (PAR_TYPE_FOLLOW_UP_DIALOG);
}

static gboolean
no_dialog (gpointer data)
{
  return test_gui_find_window (PAR_TYPE_FOLLOW_UP_DIALOG) == NULL;
}

static void
save_dialog (GtkWindow *dialog)
{
  GtkWidget *save = test_gui_find (dialog, "save_button");

  g_assert_true (gtk_widget_get_sensitive (save));
  g_signal_emit_by_name (save, "clicked");
  g_assert_true (test_gui_wait_for (no_dialog, NULL, TEST_GUI_TIMEOUT_MS));
}

/* Add Finding… and Add Recommendation…: written to the file, listed in the pane. */
static void
test_follow_up (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *pane = test_gui_find (f->view, "pane");
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) recommendations = NULL;
  ParRecommendation *recommendation;
  GtkWindow *dialog;
  GDate deadline = day (31, 3, 2026);

  par_inspections_view_select (f->view, f->stp);
  dialog = open_follow_up (f, "inspections.add-finding", NULL);
  g_assert_false (gtk_widget_get_sensitive (test_gui_find (dialog, "save_button")));
  g_assert_false (gtk_widget_get_visible (test_gui_find (dialog, "unit_row")));
  gtk_editable_set_text (GTK_EDITABLE (test_gui_find (dialog, "text_row")), "Chưa niêm yết thủ tục hành chính");
  gtk_editable_set_text (GTK_EDITABLE (test_gui_find (dialog, "criterion_row")), "3.2");
  save_dialog (dialog);
  findings = par_findings_list (f->db, f->stp, NULL);
  g_assert_cmpuint (findings->len, ==, 1);
  g_assert_cmpstr (((ParFinding *) g_ptr_array_index (findings, 0))->criterion, ==, "3.2");
  test_gui_wait_for_text (pane, "Chưa niêm yết thủ tục hành chính");
  g_assert_true (test_gui_shows_text (pane, in_ui ("PAR Index 3.2", "Chỉ số CCHC 3.2")));

  dialog = open_follow_up (f, "inspections.add-recommendation", NULL);
  g_assert_true (gtk_widget_get_visible (test_gui_find (dialog, "unit_row")));
  /* the inspected unit is offered first */
  g_assert_cmpint (par_unit_combo_get_selected_id (ADW_COMBO_ROW (test_gui_find (dialog, "unit_row"))), ==, f->units[0]);
  gtk_editable_set_text (GTK_EDITABLE (test_gui_find (dialog, "text_row")), "Niêm yết đầy đủ thủ tục hành chính");
  gtk_editable_set_text (GTK_EDITABLE (test_gui_find (dialog, "date_row")), "31/02/2026");
  g_assert_false (gtk_widget_get_sensitive (test_gui_find (dialog, "save_button")));   /* no such day */
  gtk_editable_set_text (GTK_EDITABLE (test_gui_find (dialog, "date_row")), "31/03/2026");
  save_dialog (dialog);
  recommendations = par_recommendations_list (f->db, f->stp, 0, NULL);
  g_assert_cmpuint (recommendations->len, ==, 1);
  recommendation = g_ptr_array_index (recommendations, 0);
  g_assert_cmpstr (recommendation->text, ==, "Niêm yết đầy đủ thủ tục hành chính");
  g_assert_cmpint (recommendation->unit_id, ==, f->units[0]);
  g_assert_cmpint (g_date_compare (&recommendation->deadline, &deadline), ==, 0);
  test_gui_wait_for_text (pane, "Niêm yết đầy đủ thủ tục hành chính");
  g_assert_true (test_gui_shows_text (pane, par_recommendation_status_get_label (PAR_RECOMMENDATION_OPEN)));
  g_assert_true (shows_part (test_gui_find (f->view, "counts_label"),
                             in_ui ("1 recommendation, 1 still open", "1 kiến nghị, 1 kiến nghị chưa hoàn thành")));
}

/* The overdue count in the header and its list; a click there shows the
 * inspection; closing the recommendation (late) empties both. */
static void
test_overdue_and_close (Fixture       *f,
                        gconstpointer  data)
{
  GtkWidget *toggle = test_gui_find (f->view, "overdue_toggle");
  GtkColumnView *list = GTK_COLUMN_VIEW (test_gui_find (f->view, "overdue_list"));
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_column_view_get_model (list));
  GtkWidget *pane = test_gui_find (f->view, "pane");
  g_autoptr(GPtrArray) recommendations = NULL;
  GtkWindow *dialog;
  GDate today = day (10, 2, 2026);

  g_assert_cmpuint (par_inspections_view_get_n_overdue (f->view), ==, 1);
  g_assert_true (test_gui_shows_text (toggle, in_ui ("1 overdue recommendation", "1 kiến nghị quá hạn")));
  g_assert_true (gtk_widget_has_css_class (toggle, "overdue"));
  g_signal_emit_by_name (toggle, "clicked");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (test_gui_find (f->view, "mode_stack"))), ==,
                   "overdue");
  g_assert_true (test_gui_shows_text (GTK_WIDGET (list), "Niêm yết công khai thủ tục hành chính"));
  gtk_single_selection_set_selected (selection, 0);
  g_assert_cmpint (par_inspections_view_get_selected (f->view), ==, f->old);   /* of 2025 */
  g_assert_true (test_gui_shows_text (pane, par_recommendation_status_get_label (PAR_RECOMMENDATION_OVERDUE)));

  dialog = open_follow_up (f, "inspections.close-recommendation", g_variant_new_int64 (f->overdue));
  g_assert_false (gtk_widget_get_visible (test_gui_find (dialog, "text_row")));
  g_assert_true (gtk_widget_get_sensitive (test_gui_find (dialog, "save_button")));   /* dated today */
  gtk_editable_set_text (GTK_EDITABLE (test_gui_find (dialog, "note_row")), "Đã niêm yết tại Bộ phận Một cửa");
  save_dialog (dialog);
  recommendations = par_recommendations_list (f->db, f->old, 0, NULL);
  g_assert_cmpint (par_recommendation_get_status (g_ptr_array_index (recommendations, 0), &today), ==,
                   PAR_RECOMMENDATION_DONE_LATE);
  g_assert_cmpstr (((ParRecommendation *) g_ptr_array_index (recommendations, 0))->follow_up, ==,
                   "Đã niêm yết tại Bộ phận Một cửa");
  g_assert_cmpuint (par_inspections_view_get_n_overdue (f->view), ==, 0);
  g_assert_false (gtk_widget_has_css_class (toggle, "overdue"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (test_gui_find (f->view, "overdue_stack"))), ==,
                   "empty");
  test_gui_wait_for_text (pane, par_recommendation_status_get_label (PAR_RECOMMENDATION_DONE_LATE));
  g_assert_true (shows_part (pane, "Đã niêm yết tại Bộ phận Một cửa"));
}

static int
n_links (Fixture *f,
         gint64   inspection_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM evidence_link WHERE inspection_id = %"
                                          G_GINT64_FORMAT, inspection_id);

  return test_sqlite_int (par_database_get_path (f->db), sql);
}

static gboolean
linked_and_listed (gpointer data)
{
  Fixture *f = data;
  ParLinkedDocuments *documents = PAR_LINKED_DOCUMENTS (test_gui_find (test_gui_find (f->view, "pane"), "evidence"));

  return n_links (f, f->stp) == 1 && par_linked_documents_get_n_items (documents) == 1;
}

/* PDFs dropped on the pane: kept, linked to the selected inspection,
 * listed there, said in a toast; cancelling asks first. */
static void
test_evidence_and_cancel (Fixture       *f,
                          gconstpointer  data)
{
  GtkWidget *pane = test_gui_find (f->view, "pane");
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *toast = g_strdup_printf (g_dgettext (GETTEXT_PACKAGE, "“%s” attached to the inspection of %s"),
                                            "bao-cao-khac-phuc.pdf", "Sở Tư pháp");
  g_autoptr(ParInspection) inspection = NULL;
  GtkWindow *dialog;

  par_inspections_view_select (f->view, f->stp);
  g_ptr_array_add (paths, test_make_pdf (f->dir, "bao-cao-khac-phuc.pdf", 1));
  g_assert_true (test_gui_drop_files (pane, 10, 10, paths));
  g_assert_true (test_gui_wait_for (linked_and_listed, f, TEST_GUI_TIMEOUT_MS));
  test_gui_wait_for_text (GTK_WIDGET (f->window), toast);
  g_assert_cmpint (n_links (f, f->syt), ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (f->view), "inspections.cancel-inspection", NULL);
  dialog = test_gui_wait_for_window (ADW_TYPE_MESSAGE_DIALOG);
  test_gui_respond (dialog, "cancel-inspection");
  inspection = par_inspections_get (f->db, f->stp, NULL);
  g_assert_true (inspection->cancelled);
  g_assert_true (gtk_widget_has_css_class (bar_on (f, f->stp, day (10, 2, 2026)), "cancelled"));
  g_assert_false (gtk_widget_is_sensitive (test_gui_find (pane, "cancel_button")));
}

static gboolean
file_exists (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

/* How many times @needle occurs in @haystack. */
static guint
count_of (const char *haystack,
          const char *needle)
{
  guint n = 0;

  for (const char *at = strstr (haystack, needle); at != NULL; at = strstr (at + 1, needle))
    n++;
  return n;
}

/* Whether the ⋮ menu offers @action. */
static gboolean
menu_offers (Fixture    *f,
             const char *action)
{
  GMenuModel *menu = gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (test_gui_find (f->view,
                                                                                     "inspections_menu_button")));

  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      for (int j = 0; section != NULL && j < g_menu_model_get_n_items (section); j++)
        {
          g_autofree char *name = NULL;

          if (g_menu_model_get_item_attribute (section, j, G_MENU_ATTRIBUTE_ACTION, "s", &name)
              && g_str_equal (name, action))
            return TRUE;
        }
    }
  return FALSE;
}

G_GNUC_BEGIN_IGNORE_DEPRECATIONS

/* Answers the open file chooser with @name in the fixture's folder, after
 * checking the name it offered holds @year and ends in @suffix; waits for
 * @written there. */
static void
save_as (Fixture    *f,
         const char *name,
         const char *written,
         const char *year,
         const char *suffix)
{
  g_autofree char *chosen = g_build_filename (f->dir, name, NULL);
  g_autofree char *path = g_build_filename (f->dir, written, NULL);
  g_autoptr(GFile) folder = g_file_new_for_path (f->dir);
  g_autofree char *offered = NULL;
  GtkWindow *chooser = test_gui_wait_for_file_chooser ();

  g_assert_nonnull (chooser);
  offered = gtk_file_chooser_get_current_name (GTK_FILE_CHOOSER (chooser));
  g_assert_nonnull (strstr (offered, year));
  g_assert_true (g_str_has_suffix (offered, suffix));
  g_assert_true (gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  test_gui_wait_for_chosen (chooser, chosen);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  g_assert_true (test_gui_wait_for (file_exists, path, TEST_GUI_TIMEOUT_MS));
}

/* The ⋮ menu's exports, as a user does: the file chooser with a name for
 * the year shown, the toast once the worker is done, the files on disk: a
 * workbook (a zip) and a calendar with the year's two inspections, the
 * cancelled one marked so, and not the 2025 one. */
static void
test_export (Fixture       *f,
             gconstpointer  data)
{
  g_autofree char *workbook = g_build_filename (f->dir, "kiem-tra.xlsx", NULL);
  g_autofree char *calendar = g_build_filename (f->dir, "kiem-tra.ics", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length = 0;

  g_assert_true (menu_offers (f, "inspections.export-plan"));
  g_assert_true (menu_offers (f, "inspections.export-calendar"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "inspections.export-plan", NULL));
  save_as (f, "kiem-tra.xlsx", "kiem-tra.xlsx", "2026", ".xlsx");
  test_gui_wait_for_text (GTK_WIDGET (f->window), g_dgettext (GETTEXT_PACKAGE, "Inspection plan exported"));
  g_assert_true (g_file_get_contents (workbook, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_true (length > 4 && memcmp (contents, "PK\x03\x04", 4) == 0);
  g_clear_pointer (&contents, g_free);

  /* Typed without its extension: the calendar's is added. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->view), "inspections.export-calendar", NULL));
  save_as (f, "kiem-tra", "kiem-tra.ics", "2026", ".ics");
  test_gui_wait_for_text (GTK_WIDGET (f->window), g_dgettext (GETTEXT_PACKAGE, "Calendar exported"));
  g_assert_true (g_file_get_contents (calendar, &contents, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (contents, "BEGIN:VCALENDAR\r\n"));
  g_assert_nonnull (strstr (contents, "END:VCALENDAR"));
  g_assert_cmpuint (count_of (contents, "BEGIN:VEVENT"), ==, 2);
  g_assert_cmpuint (count_of (contents, "END:VEVENT"), ==, 2);
  g_assert_cmpuint (count_of (contents, "STATUS:CANCELLED"), ==, 1);
  g_assert_nonnull (strstr (contents, "DTSTART;VALUE=DATE:20260210"));
  g_assert_null (strstr (contents, "2025031"));
}

G_GNUC_END_IGNORE_DEPRECATIONS

int
main (int    argc,
      char **argv)
{
  int result;

  app = test_gui_init (&argc, &argv);
  g_test_add ("/gui/inspections/month", Fixture, NULL, fixture_set_up, test_month, fixture_tear_down);
  g_test_add ("/gui/inspections/navigation", Fixture, NULL, fixture_set_up, test_navigation, fixture_tear_down);
  g_test_add ("/gui/inspections/select", Fixture, NULL, fixture_set_up, test_select, fixture_tear_down);
  g_test_add ("/gui/inspections/follow-up", Fixture, NULL, fixture_set_up, test_follow_up, fixture_tear_down);
  g_test_add ("/gui/inspections/overdue-and-close", Fixture, NULL, fixture_set_up, test_overdue_and_close,
              fixture_tear_down);
  g_test_add ("/gui/inspections/evidence-and-cancel", Fixture, NULL, fixture_set_up, test_evidence_and_cancel,
              fixture_tear_down);
  g_test_add ("/gui/inspections/export", Fixture, NULL, fixture_set_up, test_export, fixture_tear_down);
  result = g_test_run ();
  g_object_unref (app);
  return result;
}
