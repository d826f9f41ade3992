/* test-gui-inspection-dialog.c: the inspection dialog through the real widgets: clashes shown while editing
 * (a busy member, a holiday of Tết, a weekend, no leader), "Save Anyway", the free-day finder, editing a team
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "par-core.h"
#include "par-inspection-dialog.h"
#include "par-inspection-team.h"
#include "test-gui-util.h"
#include "test-util.h"

static ParApplication *app;

typedef struct
{
  char        *dir;
  ParWindow   *window;
  ParDatabase *db;
  gint64       stp, syt;
  gint64       minh, mai, long_;   /* staff */
  gint64       busy;               /* Sở Y tế's inspection, 10–11/03/2026, Long leading, Mai a member */
  gint64       saved;              /* the id the dialog's "saved" gave */
} Fixture;

static gint64
add_staff (Fixture    *f,
           gint64      unit_id,
           const char *name)
{
  g_autoptr(GError) error = NULL;
  gint64 id = par_directory_add_staff_contact (f->db, unit_id, name, "Chuyên viên", PAR_STAFF_ROLE_STAFF, NULL, NULL,
                                               &error);

  g_assert_no_error (error);
  return id;
}

static GDate
day (const char *text)
{
  GDate date;

  g_assert_true (par_plan_parse_date (text, &date));
  return date;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  ParTeamSeat team[2];
  ParInspectionSpec spec = { 0 };

  f->dir = test_make_temp_dir ();
  path = g_build_filename (f->dir, "gui.pardesk", NULL);
  f->window = test_gui_open_window (app, path);
  f->db = par_window_get_database (f->window);
  f->stp = par_directory_add_unit (f->db, "STP", "Sở Tư pháp", PAR_UNIT_LEVEL_DEPARTMENT, 0, &error);
  f->syt = par_directory_add_unit (f->db, "SYT", "Sở Y tế", PAR_UNIT_LEVEL_DEPARTMENT, 0, &error);
  g_assert_no_error (error);
  f->minh = add_staff (f, f->stp, "Lê Quang Minh");
  f->mai = add_staff (f, f->stp, "Võ Thị Mai");
  f->long_ = add_staff (f, f->syt, "Phan Văn Long");
  team[0] = (ParTeamSeat) { f->long_, PAR_TEAM_ROLE_LEADER };
  team[1] = (ParTeamSeat) { f->mai, PAR_TEAM_ROLE_MEMBER };
  spec.unit_id = f->syt;
  spec.first = day ("2026-03-10");
  spec.last = day ("2026-03-11");
  spec.title = "Kiểm tra công tác CCHC tại Sở Y tế";
  spec.team = team;
  spec.n_team = 2;
  f->busy = par_inspections_add (f->db, &spec, FALSE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (f->busy, >, 0);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  test_gui_close_dialogs ();
  test_gui_destroy_window (GTK_WINDOW (f->window));
  test_remove_dir (f->dir);
  g_free (f->dir);
}

static void
on_saved (Fixture *f,
          gint64   id)
{
  f->saved = id;
}

static GtkWindow *
open_dialog (Fixture *f,
             gint64   inspection_id)
{
  ParInspectionDialog *dialog = par_inspection_dialog_new (GTK_WINDOW (f->window), f->db, inspection_id, NULL);

  g_signal_connect_swapped (dialog, "saved", G_CALLBACK (on_saved), f);
  gtk_window_present (GTK_WINDOW (dialog));
  test_gui_wait_for_drawn (GTK_WIDGET (dialog));
  return GTK_WINDOW (dialog);
}

/* Chooses the entry of @dropdown that reads @text, indentation left aside, or starts with "@text —". */
static void
choose (GtkWidget  *dropdown,
        const char *text)
{
  GListModel *model = gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown));
  g_autofree char *prefix = g_strconcat (text, " —", NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);
      const char *label = gtk_string_object_get_string (item);

      while (*label == ' ')
        label++;
      if (g_str_equal (label, text) || g_str_has_prefix (label, prefix))
        {
          gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), i);
          return;
        }
    }
  g_error ("no “%s” to choose", text);
}

static guint
n_seats (GtkWindow *dialog)
{
  GtkListBox *list = GTK_LIST_BOX (gtk_widget_get_first_child (test_gui_find (dialog, "team")));
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, (int) n) != NULL)
    n++;
  return n;
}

typedef struct
{
  GtkWindow *dialog;
  guint      n;
} SeatsWanted;

static gboolean
has_seats (gpointer data)
{
  SeatsWanted *wanted = data;

  return n_seats (wanted->dialog) == wanted->n;
}

/* Clicks @button (GTK shows it pressed for a moment first) and waits for @dialog to have @n seats. */
static void
click_for_seats (GtkWindow *dialog,
                 GtkWidget *button,
                 guint      n)
{
  SeatsWanted wanted = { dialog, n };

  g_assert_true (GTK_IS_BUTTON (button));
  gtk_widget_activate (button);
  g_assert_true (test_gui_wait_for (has_seats, &wanted, TEST_GUI_TIMEOUT_MS));
}

/* The team's last seat: a row of the person, the role and a remove button. */
static GtkWidget *
last_seat (GtkWindow *dialog)
{
  GtkListBox *list = GTK_LIST_BOX (gtk_widget_get_first_child (test_gui_find (dialog, "team")));
  GtkListBoxRow *row = NULL;

  for (int i = 0; gtk_list_box_get_row_at_index (list, i) != NULL; i++)
    row = gtk_list_box_get_row_at_index (list, i);
  g_assert_nonnull (row);
  return gtk_list_box_row_get_child (row);
}

static GtkWidget *
first_seat (GtkWindow *dialog)
{
  GtkListBox *list = GTK_LIST_BOX (gtk_widget_get_first_child (test_gui_find (dialog, "team")));

  return gtk_list_box_row_get_child (gtk_list_box_get_row_at_index (list, 0));
}

/* Adds a seat with the team's "Add Member" button and fills it. */
static void
add_member (GtkWindow   *dialog,
            const char  *name,
            ParTeamRole  role)
{
  GtkWidget *add = gtk_widget_get_last_child (test_gui_find (dialog, "team"));
  GtkWidget *box;

  click_for_seats (dialog, add, n_seats (dialog) + 1);
  box = last_seat (dialog);
  choose (gtk_widget_get_first_child (box), name);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (gtk_widget_get_next_sibling (gtk_widget_get_first_child (box))), role);
}

static void
fill (GtkWindow  *dialog,
      const char *unit,
      const char *first,
      const char *last)
{
  choose (test_gui_find (dialog, "unit_dropdown"), unit);
  gtk_editable_set_text (GTK_EDITABLE (test_gui_find (dialog, "title_row")), "Kiểm tra công tác CCHC");
  gtk_editable_set_text (GTK_EDITABLE (test_gui_find (dialog, "first_row")), first);
  gtk_editable_set_text (GTK_EDITABLE (test_gui_find (dialog, "last_row")), last);
}

/* The clash lines shown, joined by "\n" ("" when the area is hidden). */
static char *
clash_lines (GtkWindow *dialog)
{
  GString *text = g_string_new (NULL);

  if (!gtk_widget_get_visible (test_gui_find (dialog, "clash_box")))
    return g_string_free (text, FALSE);
  for (GtkWidget *line = gtk_widget_get_first_child (test_gui_find (dialog, "clash_lines")); line != NULL;
       line = gtk_widget_get_next_sibling (line))
    g_string_append_printf (text, "%s%s", text->len > 0 ? "\n" : "",
                            gtk_label_get_text (GTK_LABEL (gtk_widget_get_last_child (line))));
  return g_string_free (text, FALSE);
}

typedef struct
{
  GtkWindow  *dialog;
  const char *lines;
} LinesWanted;

static gboolean
shows_lines (gpointer data)
{
  LinesWanted *wanted = data;
  g_autofree char *lines = clash_lines (wanted->dialog);

  return g_str_equal (lines, wanted->lines);
}

/* Waits for the live check to show exactly @lines, and the button that goes with them. */
static void
wait_for_lines (GtkWindow  *dialog,
                const char *lines)
{
  LinesWanted wanted = { dialog, lines };
  GtkWidget *save = test_gui_find (dialog, "save_button");

  if (!test_gui_wait_for (shows_lines, &wanted, TEST_GUI_TIMEOUT_MS))
    {
      g_autofree char *shown = clash_lines (dialog);

      g_error ("clash lines: wanted “%s”, shown “%s”", lines, shown);
    }
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (save)), ==, *lines != '\0' ? _("Save _Anyway") : _("_Save"));
  g_assert_true (gtk_widget_has_css_class (save, *lines != '\0' ? "destructive-action" : "suggested-action"));
  g_assert_false (gtk_widget_has_css_class (save, *lines != '\0' ? "suggested-action" : "destructive-action"));
}

static char *
format_day (const char *iso)
{
  GDate date = day (iso);
  g_autoptr(GDateTime) time = g_date_time_new_local (g_date_get_year (&date), g_date_get_month (&date),
                                                     g_date_get_day (&date), 0, 0, 0);

  return par_format_date (time);
}

static gboolean
is_null (gpointer pointer)
{
  return *(gpointer *) pointer == NULL;
}

static void
press_save (GtkWindow *dialog)
{
  GtkWidget *button = test_gui_find (dialog, "save_button");
  gpointer weak = dialog;

  g_assert_true (gtk_widget_is_sensitive (button));
  g_object_add_weak_pointer (G_OBJECT (dialog), &weak);
  gtk_widget_activate (button);
  g_assert_true (test_gui_wait_for (is_null, &weak, TEST_GUI_TIMEOUT_MS));
}

/* No leader, then a leader: the one line goes, "Save" saves the team. */
static void
test_clean (Fixture       *f,
            gconstpointer  data)
{
  GtkWindow *dialog = open_dialog (f, 0);
  g_autoptr(ParInspection) saved = NULL;
  g_autofree char *problem = NULL;

  g_assert_false (gtk_widget_is_sensitive (test_gui_find (dialog, "save_button")));
  /* A day typed as dd/mm/yyyy, the other in ISO. */
  fill (dialog, "Sở Tư pháp", "16/03/2026", "2026-03-17");
  add_member (dialog, "Võ Thị Mai", PAR_TEAM_ROLE_MEMBER);
  wait_for_lines (dialog, _("The team has no leader."));
  add_member (dialog, "Lê Quang Minh", PAR_TEAM_ROLE_LEADER);
  wait_for_lines (dialog, "");
  /* One person twice, then two secretaries: told at once, Save refused; the seat removed, all well. */
  add_member (dialog, "Võ Thị Mai", PAR_TEAM_ROLE_SECRETARY);
  g_assert_false (gtk_widget_is_sensitive (test_gui_find (dialog, "save_button")));
  problem = g_strdup_printf (_("%s is on the team twice: one person holds one role."), "Võ Thị Mai");
  g_assert_true (test_gui_shows_text (GTK_WIDGET (dialog), problem));
  choose (gtk_widget_get_first_child (last_seat (dialog)), "Phan Văn Long");
  g_assert_true (gtk_widget_is_sensitive (test_gui_find (dialog, "save_button")));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (gtk_widget_get_next_sibling (gtk_widget_get_first_child (first_seat (dialog)))),
                              PAR_TEAM_ROLE_SECRETARY);
  g_assert_true (test_gui_shows_text (GTK_WIDGET (dialog), _("A team has one leader and one secretary at most.")));
  g_assert_false (gtk_widget_is_sensitive (test_gui_find (dialog, "save_button")));
  gtk_drop_down_set_selected (GTK_DROP_DOWN (gtk_widget_get_next_sibling (gtk_widget_get_first_child (first_seat (dialog)))),
                              PAR_TEAM_ROLE_MEMBER);
  click_for_seats (dialog, gtk_widget_get_last_child (last_seat (dialog)), 2);
  g_assert_true (gtk_widget_is_sensitive (test_gui_find (dialog, "save_button")));
  g_assert_false (test_gui_shows_text (GTK_WIDGET (dialog), _("A team has one leader and one secretary at most.")));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (test_gui_find (dialog, "scope_view"))),
                            "Một cửa, một cửa liên thông", -1);
  press_save (dialog);
  g_assert_cmpint (f->saved, >, 0);
  saved = par_inspections_get (f->db, f->saved, NULL);
  g_assert_nonnull (saved);
  g_assert_cmpint (saved->unit_id, ==, f->stp);
  g_assert_cmpint (g_date_get_day (&saved->first), ==, 16);
  g_assert_cmpint (g_date_get_day (&saved->last), ==, 17);
  g_assert_cmpstr (saved->scope, ==, "Một cửa, một cửa liên thông");
  g_assert_cmpuint (saved->team->len, ==, 2);
  g_assert_cmpint (((ParTeamMember *) g_ptr_array_index (saved->team, 0))->staff_id, ==, f->minh);
  g_assert_cmpint (((ParTeamMember *) g_ptr_array_index (saved->team, 1))->staff_id, ==, f->mai);
}

/* A member busy in Sở Y tế's inspection on a shared day; the unit already
 * inspected; "Save Anyway" saves with the clashes. */
static void
test_busy (Fixture       *f,
           gconstpointer  data)
{
  GtkWindow *dialog = open_dialog (f, 0);
  g_autofree char *the_11th = format_day ("2026-03-11");
  g_autofree char *busy_member = g_strdup_printf (_("%s is already in the inspection of %s on %s."), "Võ Thị Mai",
                                                  "Sở Y tế", the_11th);
  g_autofree char *busy_unit = g_strdup_printf (_("%s is already being inspected on %s."), "Sở Y tế", the_11th);
  g_autofree char *both = g_strconcat (busy_unit, "\n", busy_member, NULL);
  g_autoptr(GPtrArray) list = NULL;

  fill (dialog, "Sở Tư pháp", "11/03/2026", "12/03/2026");
  add_member (dialog, "Lê Quang Minh", PAR_TEAM_ROLE_LEADER);
  wait_for_lines (dialog, "");
  add_member (dialog, "Võ Thị Mai", PAR_TEAM_ROLE_SECRETARY);
  wait_for_lines (dialog, busy_member);
  choose (test_gui_find (dialog, "unit_dropdown"), "Sở Y tế");
  wait_for_lines (dialog, both);
  choose (test_gui_find (dialog, "unit_dropdown"), "Sở Tư pháp");
  wait_for_lines (dialog, busy_member);
  press_save (dialog);
  g_assert_cmpint (f->saved, >, f->busy);
  list = par_inspections_clashes (f->db, f->saved, NULL);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (((ParClash *) g_ptr_array_index (list, 0))->kind, ==, PAR_CLASH_MEMBER_BUSY);
}

/* Tết 2026 (17 February) and a Saturday, each named. */
static void
test_calendar (Fixture       *f,
               gconstpointer  data)
{
  GtkWindow *dialog = open_dialog (f, 0);
  g_autoptr(GPtrArray) holidays = par_holidays_list (f->db, 2026, NULL);
  g_autofree char *tet_day = format_day ("2026-02-17");
  g_autofree char *saturday = format_day ("2026-03-14");
  g_autofree char *tet = NULL;
  g_autofree char *weekend = g_strdup_printf (_("%s is a Saturday."), saturday);
  const char *name = NULL;

  for (guint i = 0; i < holidays->len; i++)
    {
      ParHoliday *holiday = g_ptr_array_index (holidays, i);

      if (g_date_get_month (&holiday->date) == 2 && g_date_get_day (&holiday->date) == 17)
        name = holiday->name;
    }
  g_assert_nonnull (strstr (name, "Tết"));
  tet = g_strdup_printf (_("%s is a holiday: %s."), tet_day, name);
  fill (dialog, "Sở Tư pháp", "17/02/2026", "17/02/2026");
  add_member (dialog, "Lê Quang Minh", PAR_TEAM_ROLE_LEADER);
  wait_for_lines (dialog, tet);
  gtk_editable_set_text (GTK_EDITABLE (test_gui_find (dialog, "first_row")), "2026-03-14");
  /* The last day before the first: nothing to check, and nothing to save. */
  wait_for_lines (dialog, "");
  g_assert_false (gtk_widget_is_sensitive (test_gui_find (dialog, "save_button")));
  gtk_editable_set_text (GTK_EDITABLE (test_gui_find (dialog, "last_row")), "14/03/2026");
  wait_for_lines (dialog, weekend);
}

/* The finder proposes the core's first five runs of two days for the unit
 * and the whole team; a click takes one and the clashes go. */
static void
test_free_days (Fixture       *f,
                gconstpointer  data)
{
  GtkWindow *dialog = open_dialog (f, 0);
  GDate after = day ("2026-03-10");
  gint64 team[] = { f->minh, f->mai };
  g_autoptr(GArray) runs = par_inspections_free_slots (f->db, f->stp, team, 2, 2, &after, 5, NULL);
  GtkWidget *list = test_gui_find (dialog, "free_list");
  GtkWidget *row;
  guint n = 0;
  g_autofree char *first = NULL;
  g_autofree char *last = NULL;
  g_autofree char *the_11th = format_day ("2026-03-11");
  g_autofree char *busy_line = NULL;

  fill (dialog, "Sở Tư pháp", "11/03/2026", "12/03/2026");
  add_member (dialog, "Lê Quang Minh", PAR_TEAM_ROLE_LEADER);
  add_member (dialog, "Võ Thị Mai", PAR_TEAM_ROLE_MEMBER);
  g_assert_false (gtk_widget_get_visible (list));
  gtk_widget_activate (test_gui_find (dialog, "find_button"));
  g_assert_true (test_gui_wait_for ((gboolean (*) (gpointer)) gtk_widget_get_visible, list, TEST_GUI_TIMEOUT_MS));
  g_assert_cmpuint (runs->len, ==, 5);
  for (row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row), n++)
    {
      ParDayRun *run = &g_array_index (runs, ParDayRun, n);
      g_autofree char *iso_first = par_plan_format_date (&run->first);
      g_autofree char *iso_last = par_plan_format_date (&run->last);
      g_autofree char *from = format_day (iso_first);
      g_autofree char *to = format_day (iso_last);
      g_autofree char *title = g_strdup_printf ("%s – %s", from, to);

      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, title);
    }
  g_assert_cmpuint (n, ==, 5);
  /* Mai is busy on the 11th: the first run starts on the 12th. */
  g_assert_cmpint (g_date_get_day (&g_array_index (runs, ParDayRun, 0).first), ==, 12);
  busy_line = g_strdup_printf (_("%s is already in the inspection of %s on %s."), "Võ Thị Mai", "Sở Y tế", the_11th);
  wait_for_lines (dialog, busy_line);
  row = gtk_widget_get_first_child (list);
  g_signal_emit_by_name (list, "row-activated", row);
  first = format_day ("2026-03-12");
  last = format_day ("2026-03-13");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (test_gui_find (dialog, "first_row"))), ==, first);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (test_gui_find (dialog, "last_row"))), ==, last);
  wait_for_lines (dialog, "");
}

/* An inspection opened again shows its unit, days and team; a member
 * taken off is gone once saved. */
static void
test_edit (Fixture       *f,
           gconstpointer  data)
{
  GtkWindow *dialog = open_dialog (f, f->busy);
  g_autoptr(GArray) seats = par_inspection_team_get_seats (PAR_INSPECTION_TEAM (test_gui_find (dialog, "team")));
  g_autoptr(ParInspection) saved = NULL;
  g_autofree char *first = format_day ("2026-03-10");
  GtkWidget *second, *remove;
  GtkStringObject *unit;

  g_assert_true (test_gui_shows_text (GTK_WIDGET (dialog), _("Edit Inspection")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (test_gui_find (dialog, "first_row"))), ==, first);
  unit = gtk_drop_down_get_selected_item (GTK_DROP_DOWN (test_gui_find (dialog, "unit_dropdown")));
  g_assert_cmpstr (gtk_string_object_get_string (unit), ==, "Sở Y tế");
  g_assert_cmpuint (seats->len, ==, 2);
  g_assert_cmpint (g_array_index (seats, ParTeamSeat, 0).staff_id, ==, f->long_);
  g_assert_cmpint (g_array_index (seats, ParTeamSeat, 0).role, ==, PAR_TEAM_ROLE_LEADER);
  g_assert_cmpint (g_array_index (seats, ParTeamSeat, 1).staff_id, ==, f->mai);
  g_assert_cmpint (g_array_index (seats, ParTeamSeat, 1).role, ==, PAR_TEAM_ROLE_MEMBER);
  g_assert_true (test_gui_shows_text (GTK_WIDGET (dialog), "Phan Văn Long — Chuyên viên, SYT"));
  /* Against itself, no clash. */
  wait_for_lines (dialog, "");
  second = last_seat (dialog);
  remove = gtk_widget_get_last_child (second);
  click_for_seats (dialog, remove, 1);
  press_save (dialog);
  g_assert_cmpint (f->saved, ==, f->busy);
  saved = par_inspections_get (f->db, f->busy, NULL);
  g_assert_cmpuint (saved->team->len, ==, 1);
  g_assert_cmpint (((ParTeamMember *) g_ptr_array_index (saved->team, 0))->staff_id, ==, f->long_);
}

int
main (int    argc,
      char **argv)
{
  int result;

  app = test_gui_init (&argc, &argv);
  g_test_add ("/gui/inspection-dialog/clean", Fixture, NULL, fixture_set_up, test_clean, fixture_tear_down);
  g_test_add ("/gui/inspection-dialog/busy", Fixture, NULL, fixture_set_up, test_busy, fixture_tear_down);
  g_test_add ("/gui/inspection-dialog/calendar", Fixture, NULL, fixture_set_up, test_calendar, fixture_tear_down);
  g_test_add ("/gui/inspection-dialog/free-days", Fixture, NULL, fixture_set_up, test_free_days, fixture_tear_down);
  g_test_add ("/gui/inspection-dialog/edit", Fixture, NULL, fixture_set_up, test_edit, fixture_tear_down);
  result = g_test_run ();
  g_object_unref (app);
  return result;
}
