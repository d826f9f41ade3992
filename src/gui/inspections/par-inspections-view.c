/* par-inspections-view.c: the year's inspections as a month calendar or a list, the overdue recommendations
 *
 * The month calendar (a ParInspectionsMonth) shows the inspections of the
 * month on their days, with the weekends and holidays; the list shows the
 * year's; the overdue list every recommendation past its deadline as of
 * today. Whichever is shown, the selected inspection is in the pane
 * beside it (a ParInspectionPane).
 *
 * Adding and editing an inspection is the inspection dialog's work: the
 * view's actions inspections.add-inspection and inspections.edit-inspection
 * only emit ::add-requested and ::edit-requested, which the window
 * connects to that dialog. The findings, recommendations, cancelling and
 * evidence are in par-inspections-view-actions.c, the lists and counts in
 * par-inspections-view-lists.c, the ⋮ menu's exports in
 * par-inspections-view-export.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "par-inspections-view-private.h"

G_DEFINE_FINAL_TYPE (ParInspectionsView, par_inspections_view, ADW_TYPE_BIN)

enum {
  ADD_REQUESTED,
  EDIT_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Showing ----------------------------------------------------------------- */

static const char *month_names[] = {
  NC_("month", "January"), NC_("month", "February"), NC_("month", "March"), NC_("month", "April"),
  NC_("month", "May"), NC_("month", "June"), NC_("month", "July"), NC_("month", "August"),
  NC_("month", "September"), NC_("month", "October"), NC_("month", "November"), NC_("month", "December"),
};

static void
show_month_title (ParInspectionsView *self)
{
  const char *name = g_dpgettext2 (GETTEXT_PACKAGE, "month", month_names[g_date_get_month (&self->month) - 1]);
  /* Translators: the month the calendar shows: its name, then the year, e.g. "February 2026" */
  g_autofree char *title = g_strdup_printf (C_("month shown", "%s %d"), name, g_date_get_year (&self->month));

  gtk_menu_button_set_label (self->month_button, title);
}

/* Draws the month, the pane and the lists again from what is loaded. */
static void
refresh (ParInspectionsView *self)
{
  show_month_title (self);
  par_inspections_month_show (self->month_view, &self->month, G_LIST_MODEL (self->inspections), self->holidays,
                              &self->today, self->selected_id);
  par_inspection_pane_show (self->pane, self->selected_id, &self->today);
  if (par_inspection_pane_get_id (self->pane) != self->selected_id)
    self->selected_id = 0;   /* gone from the file */
  par_inspections_view_sync_lists (self);
  par_inspections_view_update_actions (self);
}

/* Everything read again: the file changed. */
static void
reload (ParInspectionsView *self)
{
  par_inspections_view_load (self);
  par_inspections_view_load_overdue (self);
  refresh (self);
}

/* Shows the month of @day, loading its year if another. */
void
par_inspections_view_show_month (ParInspectionsView *self,
                                 const GDate        *day)
{
  g_return_if_fail (PAR_IS_INSPECTIONS_VIEW (self));
  g_return_if_fail (day != NULL && g_date_valid (day));

  self->month = *day;
  g_date_set_day (&self->month, 1);
  if (g_date_get_year (&self->month) != self->loaded_year)
    par_inspections_view_load (self);
  refresh (self);
}

/* The first day of the month shown. */
void
par_inspections_view_get_month (ParInspectionsView *self,
                                GDate              *month)
{
  g_return_if_fail (PAR_IS_INSPECTIONS_VIEW (self));
  *month = self->month;
}

/* The day the calendar marks and statuses are worked out for: the
 * computer's date, or another for tests and pictures. */
void
par_inspections_view_set_today (ParInspectionsView *self,
                                const GDate        *today)
{
  g_return_if_fail (PAR_IS_INSPECTIONS_VIEW (self));
  g_return_if_fail (today != NULL && g_date_valid (today));

  self->today = *today;
  reload (self);
}

/* "month", "list" or "overdue". */
void
par_inspections_view_show_mode (ParInspectionsView *self,
                                const char         *mode)
{
  GtkToggleButton *toggle;

  g_return_if_fail (PAR_IS_INSPECTIONS_VIEW (self));

  toggle = g_str_equal (mode, "list") ? self->list_toggle
           : g_str_equal (mode, "overdue") ? self->overdue_toggle : self->month_toggle;
  gtk_toggle_button_set_active (toggle, TRUE);
}

/* Shows @inspection_id (of any year) in the pane; 0 for none. */
void
par_inspections_view_select (ParInspectionsView *self,
                             gint64              inspection_id)
{
  g_return_if_fail (PAR_IS_INSPECTIONS_VIEW (self));

  self->selected_id = inspection_id;
  par_inspections_month_set_selected (self->month_view, inspection_id);
  par_inspection_pane_show (self->pane, inspection_id, &self->today);
  self->selected_id = par_inspection_pane_get_id (self->pane);
  par_inspections_view_sync_lists (self);
  par_inspections_view_update_actions (self);
}

gint64
par_inspections_view_get_selected (ParInspectionsView *self)
{
  g_return_val_if_fail (PAR_IS_INSPECTIONS_VIEW (self), 0);
  return self->selected_id;
}

/* The recommendations overdue as of the view's today, all years. */
guint
par_inspections_view_get_n_overdue (ParInspectionsView *self)
{
  g_return_val_if_fail (PAR_IS_INSPECTIONS_VIEW (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->overdue));
}

/* Following the file ------------------------------------------------------ */

static void
database_changed (ParInspectionsView *self,
                  ParChange           what)
{
  /* Holiday edits come as PAR_CHANGE_INSPECTIONS: the days they shade. */
  if (what == PAR_CHANGE_INSPECTIONS)
    g_clear_pointer (&self->holidays, par_holiday_calendar_free);
  if (what == PAR_CHANGE_INSPECTIONS || what == PAR_CHANGE_UNITS || what == PAR_CHANGE_STAFF)
    {
      if (self->holidays == NULL && self->database != NULL)
        self->holidays = par_holiday_calendar_new (self->database);
      reload (self);
    }
  else if (what == PAR_CHANGE_LINKS || what == PAR_CHANGE_DOCUMENTS || what == PAR_CHANGE_TRUST)
    par_inspection_pane_show (self->pane, self->selected_id, &self->today);
}

/* A file opens on this month if its year has inspections, else on the
 * month of the last inspection of the newest of the five years before
 * that has some: last year's are still being followed up. */
static void
open_on_busiest_month (ParInspectionsView *self)
{
  GDate month = self->today;

  par_inspections_view_load (self);
  for (int year = g_date_get_year (&self->today) - 1;
       g_list_model_get_n_items (G_LIST_MODEL (self->inspections)) == 0 && year >= PAR_INSPECTION_MIN_YEAR
       && year >= g_date_get_year (&self->today) - 5;
       year--)
    {
      g_autoptr(GPtrArray) inspections = self->database != NULL ? par_inspections_list (self->database, year, NULL)
                                                                : NULL;

      if (inspections != NULL && inspections->len > 0)
        {
          month = ((ParInspection *) g_ptr_array_index (inspections, inspections->len - 1))->first;
          break;
        }
    }
  self->selected_id = 0;
  self->loaded_year = 0;
  par_inspections_view_load_overdue (self);
  par_inspections_view_show_month (self, g_date_valid (&month) ? &month : &self->today);
}

static void
follow_database (ParInspectionsView *self)
{
  g_set_object (&self->database, par_context_get_database (self->context));
  g_clear_pointer (&self->holidays, par_holiday_calendar_free);
  if (self->database != NULL)
    self->holidays = par_holiday_calendar_new (self->database);
  open_on_busiest_month (self);
}

/* The view shows the context's file, and follows it. */
void
par_inspections_view_set_context (ParInspectionsView *self,
                                  ParContext         *context)
{
  g_return_if_fail (PAR_IS_INSPECTIONS_VIEW (self));
  g_return_if_fail (PAR_IS_CONTEXT (context));
  g_return_if_fail (self->context == NULL);

  self->context = g_object_ref (context);
  par_inspection_pane_set_context (self->pane, context);
  g_signal_connect_object (context, "notify::database", G_CALLBACK (follow_database), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (context, "changed", G_CALLBACK (database_changed), self, G_CONNECT_SWAPPED);
  follow_database (self);
}

/* The header ---------------------------------------------------------------- */

static void
move_month (ParInspectionsView *self,
            int                 months)
{
  GDate month = self->month;

  if (months < 0)
    g_date_subtract_months (&month, -months);
  else
    g_date_add_months (&month, months);
  if (g_date_get_year (&month) < PAR_INSPECTION_MIN_YEAR || g_date_get_year (&month) > PAR_INSPECTION_MAX_YEAR)
    return;
  par_inspections_view_show_month (self, &month);
}

static void
previous_month_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  move_month (PAR_INSPECTIONS_VIEW (widget), -1);
}

static void
next_month_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  move_month (PAR_INSPECTIONS_VIEW (widget), 1);
}

static void
today_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  ParInspectionsView *self = PAR_INSPECTIONS_VIEW (widget);

  par_inspections_view_show_month (self, &self->today);
}

static void
month_popover_shown (ParInspectionsView *self)
{
  g_autoptr(GDateTime) day = g_date_time_new_local (g_date_get_year (&self->month), g_date_get_month (&self->month),
                                                    1, 0, 0, 0);

  self->updating = TRUE;
  gtk_calendar_select_day (self->jump_calendar, day);
  self->updating = FALSE;
}

static void
jump_day_selected (ParInspectionsView *self)
{
  g_autoptr(GDateTime) day = NULL;
  GDate date;

  if (self->updating)
    return;
  day = gtk_calendar_get_date (self->jump_calendar);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (day), g_date_time_get_month (day),
                  g_date_time_get_year (day));
  if (g_date_get_year (&date) < PAR_INSPECTION_MIN_YEAR || g_date_get_year (&date) > PAR_INSPECTION_MAX_YEAR)
    return;
  gtk_menu_button_popdown (self->month_button);
  par_inspections_view_show_month (self, &date);
}

static void
mode_toggled (ParInspectionsView *self)
{
  const char *mode = gtk_toggle_button_get_active (self->list_toggle) ? "list"
                     : gtk_toggle_button_get_active (self->overdue_toggle) ? "overdue" : "month";

  gtk_stack_set_visible_child_name (self->mode_stack, mode);
}

/* Selecting and asking the dialog ------------------------------------------ */

static void
month_inspection_selected (ParInspectionsView *self,
                           gint64              inspection_id)
{
  par_inspections_view_select (self, inspection_id);
}

static void
month_inspection_activated (ParInspectionsView *self,
                            gint64              inspection_id)
{
  par_inspections_view_select (self, inspection_id);
  gtk_widget_activate_action (GTK_WIDGET (self), "inspections.edit-inspection", NULL);
}

static void
month_day_activated (ParInspectionsView *self,
                     GDate              *day)
{
  g_signal_emit (self, signals[ADD_REQUESTED], 0, day);
}

static gint64
item_id_at (GtkSingleSelection *selection,
            guint               position)
{
  g_autoptr(ParInspectionItem) item = g_list_model_get_item (G_LIST_MODEL (selection), position);

  return item != NULL ? par_inspection_item_get_inspection (item)->id : 0;
}

static void
list_selection_changed (ParInspectionsView *self)
{
  guint position = gtk_single_selection_get_selected (self->list_selection);

  if (!self->updating && position != GTK_INVALID_LIST_POSITION)
    par_inspections_view_select (self, item_id_at (self->list_selection, position));
}

static void
list_activated (ParInspectionsView *self,
                guint               position)
{
  par_inspections_view_select (self, item_id_at (self->list_selection, position));
  gtk_widget_activate_action (GTK_WIDGET (self), "inspections.edit-inspection", NULL);
}

/* A click on an overdue recommendation shows its inspection in the pane. */
static void
overdue_selection_changed (ParInspectionsView *self)
{
  guint position = gtk_single_selection_get_selected (self->overdue_selection);

  if (!self->updating && position != GTK_INVALID_LIST_POSITION)
    par_inspections_view_select (self, item_id_at (self->overdue_selection, position));
}

/* The day a new inspection starts on: today if the month shown holds it,
 * else the month's first day. The dialog moves it to a working day. */
static void
add_inspection_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  ParInspectionsView *self = PAR_INSPECTIONS_VIEW (widget);
  GDate day = self->month;

  if (g_date_get_year (&self->today) == g_date_get_year (&self->month)
      && g_date_get_month (&self->today) == g_date_get_month (&self->month))
    day = self->today;
  g_signal_emit (self, signals[ADD_REQUESTED], 0, &day);
}

static void
edit_inspection_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ParInspectionsView *self = PAR_INSPECTIONS_VIEW (widget);

  if (self->selected_id != 0)
    g_signal_emit (self, signals[EDIT_REQUESTED], 0, self->selected_id);
}

/* Class ------------------------------------------------------------------- */

static void
par_inspections_view_dispose (GObject *object)
{
  ParInspectionsView *self = PAR_INSPECTIONS_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PAR_TYPE_INSPECTIONS_VIEW);
  g_clear_object (&self->list_selection);
  g_clear_object (&self->overdue_selection);
  g_clear_object (&self->inspections);
  g_clear_object (&self->overdue);
  g_clear_pointer (&self->holidays, par_holiday_calendar_free);
  g_clear_object (&self->database);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (par_inspections_view_parent_class)->dispose (object);
}

static void
bind_template (GtkWidgetClass *widget_class)
{
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pardesk/ParDesk/ui/inspections/par-inspections-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ParInspectionsView, month_button);
  gtk_widget_class_bind_template_child (widget_class, ParInspectionsView, jump_calendar);
  gtk_widget_class_bind_template_child (widget_class, ParInspectionsView, month_toggle);
  gtk_widget_class_bind_template_child (widget_class, ParInspectionsView, list_toggle);
  gtk_widget_class_bind_template_child (widget_class, ParInspectionsView, overdue_toggle);
  gtk_widget_class_bind_template_child (widget_class, ParInspectionsView, counts_label);
  gtk_widget_class_bind_template_child (widget_class, ParInspectionsView, mode_stack);
  gtk_widget_class_bind_template_child (widget_class, ParInspectionsView, month_view);
  gtk_widget_class_bind_template_child (widget_class, ParInspectionsView, list_stack);
  gtk_widget_class_bind_template_child (widget_class, ParInspectionsView, inspection_list);
  gtk_widget_class_bind_template_child (widget_class, ParInspectionsView, overdue_stack);
  gtk_widget_class_bind_template_child (widget_class, ParInspectionsView, overdue_list);
  gtk_widget_class_bind_template_child (widget_class, ParInspectionsView, pane);
  gtk_widget_class_bind_template_callback (widget_class, month_popover_shown);
  gtk_widget_class_bind_template_callback (widget_class, jump_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, mode_toggled);
  gtk_widget_class_bind_template_callback (widget_class, month_inspection_selected);
  gtk_widget_class_bind_template_callback (widget_class, month_inspection_activated);
  gtk_widget_class_bind_template_callback (widget_class, month_day_activated);
  gtk_widget_class_bind_template_callback (widget_class, list_activated);
}

static void
par_inspections_view_class_init (ParInspectionsViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = par_inspections_view_dispose;

  /**
   * ParInspectionsView::add-requested:
   * @day: (type GDate): the day the new inspection would start on
   *
   * The user asked to add an inspection ("Add Inspection…", Ctrl+Shift+N,
   * a double click on a day). The window answers with the inspection dialog.
   */
  signals[ADD_REQUESTED] = g_signal_new ("add-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                         NULL, NULL, G_TYPE_NONE, 1, G_TYPE_DATE | G_SIGNAL_TYPE_STATIC_SCOPE);
  /**
   * ParInspectionsView::edit-requested:
   * @inspection_id: the inspection to edit
   *
   * The user asked to edit an inspection (a double click or Enter on it,
   * "Edit Inspection…"). The window answers with the inspection dialog.
   */
  signals[EDIT_REQUESTED] = g_signal_new ("edit-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                          NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (PAR_TYPE_INSPECTIONS_MONTH);
  g_type_ensure (PAR_TYPE_INSPECTION_PANE);
  bind_template (widget_class);
  gtk_widget_class_install_action (widget_class, "inspections.add-inspection", NULL, add_inspection_action);
  gtk_widget_class_install_action (widget_class, "inspections.edit-inspection", NULL, edit_inspection_action);
  gtk_widget_class_install_action (widget_class, "inspections.previous-month", NULL, previous_month_action);
  gtk_widget_class_install_action (widget_class, "inspections.next-month", NULL, next_month_action);
  gtk_widget_class_install_action (widget_class, "inspections.today", NULL, today_action);
  par_inspections_view_class_actions_init (widget_class);
  par_inspections_view_class_export_init (widget_class);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "inspections.add-inspection", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK,
                                       "inspections.previous-month", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK,
                                       "inspections.next-month", NULL);
}

static void
par_inspections_view_init (ParInspectionsView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  par_plan_today (&self->today);
  self->month = self->today;
  g_date_set_day (&self->month, 1);
  par_inspections_view_init_lists (self);
  par_inspections_view_init_actions (self);
  g_signal_connect_object (self->list_selection, "notify::selected", G_CALLBACK (list_selection_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->overdue_selection, "notify::selected", G_CALLBACK (overdue_selection_changed),
                           self, G_CONNECT_SWAPPED);
  par_inspections_view_load (self);
  refresh (self);
}
