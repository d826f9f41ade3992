/* par-desk-screenshots-inspections.c: the Inspections view's pictures for par-desk-screenshots
 *
 * The demo's inspections are of 2025; the pictures add three in February
 * 2026 around Tết (16–20 February 2026), one of them cancelled, so the
 * month calendar shows the holiday named beside inspections. "Today" is
 * 10 February 2026, when three of the demo's recommendations are overdue.
 * Pictures: LANG-inspections-month, -inspections-list (2025),
 * -inspections-pane (the Department of Justice's, with findings and
 * recommendations in every state), -inspection-items (its dialog scrolled
 * to the PAR Index items it covers), -inspections-overdue and
 * -recommendation-dialog.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "par-core.h"
#include "par-follow-up-dialog.h"
#include "par-inspection-dialog.h"
#include "par-inspections-view.h"
#include "par-desk-screenshots-inspections.h"
#include "test-gui-util.h"

typedef struct
{
  const char *unit;
  const char *first;
  const char *last;
  const char *title;
  const char *leader;
  const char *member;
  gboolean    cancelled;
} TetInspection;

static const TetInspection tet_inspections[] = {
  { "STP", "2026-02-10", "2026-02-12", "Kiểm tra việc khắc phục sau kiểm tra CCHC năm 2025 tại Sở Tư pháp",
    "Lê Quang Minh", "Võ Thị Mai", FALSE },
  { "TPLG", "2026-02-11", "2026-02-13", "Kiểm tra công tác CCHC tại UBND thành phố Lam Giang",
    "Vũ Hải Đăng", "Lý Thị Thanh", TRUE },
  { "SYT", "2026-02-24", "2026-02-26", "Kiểm tra công tác cải cách hành chính năm 2026 tại Sở Y tế",
    "Phan Văn Long", "Đỗ Thị Ngọc", FALSE },
};

static gint64
staff_named (GPtrArray  *staff,
             const char *name)
{
  for (guint i = 0; i < staff->len; i++)
    {
      ParStaffEntry *entry = g_ptr_array_index (staff, i);

      if (g_strcmp0 (entry->name, name) == 0)
        return entry->id;
    }
  return 0;
}

/* Adds the February 2026 inspections to the demo file @db. */
gboolean
screenshots_inspections_prepare (ParDatabase  *db,
                                 GError      **error)
{
  g_autoptr(GPtrArray) staff = par_directory_list_staff_entries (db, 0, error);

  if (staff == NULL)
    return FALSE;
  for (gsize i = 0; i < G_N_ELEMENTS (tet_inspections); i++)
    {
      const TetInspection *d = &tet_inspections[i];
      g_autoptr(ParUnit) unit = par_directory_find_unit (db, d->unit, error);
      ParTeamSeat team[] = { { staff_named (staff, d->leader), PAR_TEAM_ROLE_LEADER },
                             { staff_named (staff, d->member), PAR_TEAM_ROLE_MEMBER } };
      ParInspectionSpec spec = { 0 };
      gint64 id;

      if (unit == NULL)
        return FALSE;
      spec.unit_id = par_unit_get_id (unit);
      par_plan_parse_date (d->first, &spec.first);
      par_plan_parse_date (d->last, &spec.last);
      spec.title = d->title;
      spec.team = team;
      spec.n_team = G_N_ELEMENTS (team);
      if ((id = par_inspections_add (db, &spec, TRUE, NULL, error)) == 0
          || (d->cancelled && !par_inspections_cancel (db, id, error)))
        return FALSE;
    }
  return TRUE;
}

static gint64
inspection_of (ParDatabase *db,
               int          year,
               const char  *unit_code)
{
  g_autoptr(GPtrArray) inspections = par_inspections_list (db, year, NULL);

  for (guint i = 0; inspections != NULL && i < inspections->len; i++)
    {
      ParInspection *inspection = g_ptr_array_index (inspections, i);

      if (g_strcmp0 (inspection->unit_code, unit_code) == 0)
        return inspection->id;
    }
  return 0;
}

/* @inspection_id's dialog scrolled to its end, where its PAR Index items are. */
static gboolean
save_items_dialog (ParWindow          *window,
                   gint64              inspection_id,
                   ScreenshotSaveFunc  save,
                   const char         *outdir,
                   const char         *language)
{
  GtkWindow *dialog = GTK_WINDOW (par_inspection_dialog_new (GTK_WINDOW (window), par_window_get_database (window),
                                                             inspection_id, NULL));
  GtkWidget *editor = test_gui_find (dialog, "items_editor");
  GtkWidget *scrolled = gtk_widget_get_ancestor (editor, GTK_TYPE_SCROLLED_WINDOW);
  GtkAdjustment *adjustment;
  gboolean ok;

  gtk_window_present (dialog);
  test_gui_wait_for_drawn (editor);
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  ok = save (GTK_WIDGET (dialog), outdir, language, "inspection-items");
  gtk_window_destroy (dialog);
  return ok;
}

gboolean
screenshots_inspections_save (ParWindow          *window,
                              ScreenshotSaveFunc  save,
                              const char         *outdir,
                              const char         *language)
{
  ParInspectionsView *view = PAR_INSPECTIONS_VIEW (test_gui_find_by_id (GTK_WIDGET (window), "inspections_view"));
  ParDatabase *db = par_window_get_database (window);
  gboolean ok = TRUE;
  GDate today, march;
  GtkWindow *dialog;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, 10, G_DATE_FEBRUARY, 2026);
  g_date_clear (&march, 1);
  g_date_set_dmy (&march, 10, G_DATE_MARCH, 2025);
  par_window_show_view (window, "inspections");
  par_inspections_view_set_today (view, &today);
  par_inspections_view_show_mode (view, "month");
  par_inspections_view_show_month (view, &today);
  par_inspections_view_select (view, inspection_of (db, 2026, "STP"));
  ok &= save (GTK_WIDGET (window), outdir, language, "inspections-month");

  par_inspections_view_show_month (view, &march);
  par_inspections_view_select (view, inspection_of (db, 2025, "STP"));
  ok &= save (GTK_WIDGET (window), outdir, language, "inspections-pane");
  ok &= save_items_dialog (window, inspection_of (db, 2025, "STP"), save, outdir, language);
  par_inspections_view_show_mode (view, "list");
  ok &= save (GTK_WIDGET (window), outdir, language, "inspections-list");
  par_inspections_view_show_mode (view, "overdue");
  par_inspections_view_select (view, inspection_of (db, 2025, "SYT"));
  ok &= save (GTK_WIDGET (window), outdir, language, "inspections-overdue");

  gtk_widget_activate_action (GTK_WIDGET (view), "inspections.add-recommendation", NULL);
  dialog = test_gui_find_window (PAR_TYPE_FOLLOW_UP_DIALOG);
  if (dialog != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (test_gui_find (dialog, "text_row")),
                             "Niêm yết đầy đủ thủ tục hành chính tại Bộ phận Một cửa");
      ok &= save (GTK_WIDGET (dialog), outdir, language, "recommendation-dialog");
      gtk_window_destroy (dialog);
    }
  else
    ok = FALSE;
  par_inspections_view_show_mode (view, "month");
  return ok;
}
