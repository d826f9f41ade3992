/* par-desk-screenshots-inspections.c: the Inspections view's pictures for par-desk-screenshots
 *
 * The demo's inspections are of 2025; the pictures add three in February
 * 2026 around Tết (16–20 February 2026), one of them cancelled, so the
 * month calendar shows the holiday named beside inspections. "Today" is
 * 10 February 2026, when three of the demo's recommendations are overdue.
 * Pictures: LANG-inspections-month, -inspections-list (2025),
 * -inspections-pane (the Department of Justice's, with findings and
 * recommendations in every state), -inspection-items (its dialog scrolled
 * to the PAR Index items it covers), -inspections-overdue,
 * -recommendation-evidence (the same pane, the documents of its first
 * recommendation open in their popover) and -recommendation-dialog.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "par-core.h"
#include "par-document-thumbnail.h"
#include "par-follow-up-dialog.h"
#include "par-inspection-dialog.h"
#include "par-inspections-view.h"
#include "par-linked-documents.h"
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

/* The evidence button of the first recommendation that has documents. */
static GtkWidget *
find_menu_button (GtkWidget *root)
{
  if (GTK_IS_MENU_BUTTON (root))
    {
      GtkWidget *label = root;

      while (label != NULL && !GTK_IS_LABEL (label))
        label = gtk_widget_get_last_child (label);
      return label != NULL && !g_str_equal (gtk_label_get_text (GTK_LABEL (label)), "0") ? root : NULL;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_menu_button (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Whether every first-page picture under @widget has come. */
static gboolean
thumbnails_drawn (GtkWidget *widget)
{
  if (PAR_IS_DOCUMENT_THUMBNAIL (widget)
      && par_document_thumbnail_get_texture (PAR_DOCUMENT_THUMBNAIL (widget)) == NULL
      && !par_document_thumbnail_is_locked (PAR_DOCUMENT_THUMBNAIL (widget)))
    return FALSE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (!thumbnails_drawn (child))
      return FALSE;
  return TRUE;
}

static gboolean
drawn (gpointer widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0 && thumbnails_drawn (widget);
}

static void
nothing (GSimpleAction *action,
         GVariant      *parameter,
         gpointer       user_data)
{
}

/* The window with @list drawn as the popover of @button shows it: below
 * the button, its right edge under the button's, framed and shadowed like
 * a popover. GTK draws a real popover on a surface of its own, which Xvfb
 * cannot place, so @list is laid out in a window of its own and drawn over
 * the window's picture. */
static gboolean
save_with_list (ParWindow  *window,
                GtkWidget  *button,
                GtkWidget  *list,
                const char *path)
{
  g_autoptr(GdkPaintable) window_paintable = gtk_widget_paintable_new (GTK_WIDGET (window));
  g_autoptr(GdkPaintable) list_paintable = gtk_widget_paintable_new (list);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (GTK_WIDGET (window)), height = gtk_widget_get_height (GTK_WIDGET (window));
  int list_width = gtk_widget_get_width (list), list_height = gtk_widget_get_height (list);
  graphene_rect_t bounds;
  GskRoundedRect frame;
  GdkRGBA background = { 1, 1, 1, 1 }, edge = { 0, 0, 0, 0.18 }, shadow = { 0, 0, 0, 0.25 };
  float x, y;

  if (!gtk_widget_compute_bounds (button, GTK_WIDGET (window), &bounds))
    return FALSE;
  x = MAX (20, bounds.origin.x + bounds.size.width - list_width - 12);
  y = bounds.origin.y + bounds.size.height + 16;
  /* Above the button when it does not fit below, as GTK would place it. */
  if (y + list_height + 20 > height)
    y = MAX (20, bounds.origin.y - list_height - 16);
  gdk_paintable_snapshot (window_paintable, snapshot, width, height);
  gsk_rounded_rect_init_from_rect (&frame, &GRAPHENE_RECT_INIT (x - 12, y - 12, list_width + 24, list_height + 24), 12);
  gtk_snapshot_append_outset_shadow (snapshot, &frame, &shadow, 0, 2, 1, 8);
  gtk_snapshot_push_rounded_clip (snapshot, &frame);
  gtk_snapshot_append_color (snapshot, &background, &frame.bounds);
  gtk_snapshot_pop (snapshot);
  gtk_snapshot_append_border (snapshot, &frame, (float[4]) { 1, 1, 1, 1 }, (GdkRGBA[4]) { edge, edge, edge, edge });
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gdk_paintable_snapshot (list_paintable, snapshot, list_width, list_height);
  gtk_snapshot_restore (snapshot);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return FALSE;
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  return gdk_texture_save_to_png (texture, path);
}

/* The pane with the documents of its first recommendation that has any,
 * as its evidence button's popover shows them. */
static gboolean
save_recommendation_evidence (ParWindow  *window,
                              const char *outdir,
                              const char *language)
{
  g_autofree char *file = g_strdup_printf ("%s-recommendation-evidence.png", language);
  g_autofree char *path = g_build_filename (outdir, file, NULL);
  GtkWidget *recommendations = test_gui_find_by_id (GTK_WIDGET (window), "recommendations_list");
  GtkWidget *button = recommendations != NULL ? find_menu_button (recommendations) : NULL;
  g_autoptr(GtkWidget) list = NULL;
  GtkPopover *popover;
  GtkWidget *holder, *scrolled;
  gboolean ok;

  if (button == NULL)
    return FALSE;
  /* The recommendations are at the end of the pane: scrolled into view. */
  scrolled = gtk_widget_get_ancestor (button, GTK_TYPE_SCROLLED_WINDOW);
  if (scrolled != NULL)
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment)
                                            - gtk_adjustment_get_page_size (adjustment));
    }
  popover = gtk_menu_button_get_popover (GTK_MENU_BUTTON (button));
  list = g_object_ref (gtk_popover_get_child (popover));
  gtk_popover_set_child (popover, NULL);
  holder = gtk_window_new ();
  gtk_window_set_decorated (GTK_WINDOW (holder), FALSE);
  /* Its attach button looks as it does in the view, which has the action. */
  {
    g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
    static const GActionEntry entries[] = { { "attach-recommendation-evidence", nothing, "x", NULL, NULL } };

    g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), NULL);
    gtk_widget_insert_action_group (holder, "inspections", G_ACTION_GROUP (group));
  }
  gtk_window_set_child (GTK_WINDOW (holder), list);
  /* Listed again: a first page is given up when its row leaves its parent. */
  {
    gint64 id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (button), "recommendation-id"));
    g_autoptr(ParLinkTarget) target = par_link_target_new_recommendation (id);
    g_autoptr(GPtrArray) documents = par_evidence_list_for_target (par_window_get_database (window), target, NULL);

    if (documents == NULL)
      return FALSE;
    par_linked_documents_set_documents (PAR_LINKED_DOCUMENTS (list), documents);
  }
  gtk_window_present (GTK_WINDOW (holder));
  ok = test_gui_wait_for (drawn, list, TEST_GUI_TIMEOUT_MS);
  test_gui_wait_for_settled (list);
  test_gui_wait_for_settled (GTK_WIDGET (window));
  ok = ok && save_with_list (window, button, list, path);
  gtk_window_set_child (GTK_WINDOW (holder), NULL);
  gtk_window_destroy (GTK_WINDOW (holder));
  gtk_popover_set_child (popover, list);
  if (ok)
    g_print ("%s\n", path);
  else
    g_printerr ("could not write %s\n", path);
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
  ok &= save_recommendation_evidence (window, outdir, language);
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
