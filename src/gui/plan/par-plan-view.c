/* par-plan-view.c: the annual reform plan of a unit: its tasks by area, as of a date
 *
 * A unit and a year choose the plan; the "as of" date chooses the day the
 * statuses, percents and counts are worked out for, so the quarterly
 * meeting can see the plan as it stood at the quarter's end.
 *
 * This file holds the class together, follows the file and opens the
 * dialogs. Loading the plan, filtering and the summary are in
 * par-plan-view-load.c, the columns in par-plan-view-columns.c, the
 * exports in par-plan-view-export.c, the import, carry-over and printing
 * in par-plan-view-io.c, the tasks' evidence in par-plan-view-evidence.c;
 * they share the fields through
 * par-plan-view-private.h. The selected task is shown by a ParTaskPane.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "par-plan-view-private.h"
#include "par-progress-dialog.h"
#include "par-task-dialog.h"

G_DEFINE_FINAL_TYPE (ParPlanView, par_plan_view, ADW_TYPE_BIN)

/* Following the file ------------------------------------------------------ */

static void
choice_changed (ParPlanView *self)
{
  if (!self->updating)
    par_plan_view_load_plan (self);
}

static void
filters_changed (ParPlanView *self)
{
  if (!self->updating)
    par_plan_view_fill_tree (self);
}

static void
database_changed (ParPlanView *self,
                  ParChange    what)
{
  if (what == PAR_CHANGE_UNITS)
    par_plan_view_reload_units (self);
  if (what == PAR_CHANGE_UNITS || what == PAR_CHANGE_PLANS)
    par_plan_view_load_plan (self);
  else if (what == PAR_CHANGE_LINKS || what == PAR_CHANGE_DOCUMENTS || what == PAR_CHANGE_TRUST)
    par_plan_view_update_pane (self);   /* the task's evidence, linked or unlinked anywhere, and its badges */
}

/* A file that has plans opens on the newest year's first plan, not on an
 * empty page for this year: last year's plan is still being reported on. */
static gboolean
select_newest_plan (ParPlanView *self)
{
  g_autoptr(GPtrArray) plans = NULL;
  ParPlan *newest = NULL;

  if (self->database == NULL || (plans = par_plans_list (self->database, NULL)) == NULL)
    return FALSE;
  for (guint i = 0; i < plans->len; i++)   /* by year, then unit code */
    {
      ParPlan *plan = g_ptr_array_index (plans, i);

      if (newest == NULL || par_plan_get_year (plan) > par_plan_get_year (newest))
        newest = plan;
    }
  return newest != NULL && par_plan_view_select (self, par_plan_get_unit_id (newest), par_plan_get_year (newest));
}

static void
follow_database (ParPlanView *self)
{
  g_set_object (&self->database, par_context_get_database (self->context));
  par_plan_view_reload_units (self);
  if (!select_newest_plan (self))
    par_plan_view_load_plan (self);
}

/* The view shows the context's file, and follows it. */
void
par_plan_view_set_context (ParPlanView *self,
                           ParContext  *context)
{
  g_return_if_fail (PAR_IS_PLAN_VIEW (self));
  g_return_if_fail (PAR_IS_CONTEXT (context));
  g_return_if_fail (self->context == NULL);

  self->context = g_object_ref (context);
  par_task_pane_set_context (self->task_pane, context);
  g_signal_connect_object (context, "notify::database", G_CALLBACK (follow_database), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (context, "changed", G_CALLBACK (database_changed), self, G_CONNECT_SWAPPED);
  follow_database (self);
}

/* Every status, percent and count follows @as_of. */
void
par_plan_view_set_as_of (ParPlanView *self,
                         const GDate *as_of)
{
  g_autoptr(GDateTime) day = NULL;

  g_return_if_fail (PAR_IS_PLAN_VIEW (self));
  g_return_if_fail (as_of != NULL && g_date_valid (as_of));

  self->as_of = *as_of;
  day = g_date_time_new_local (g_date_get_year (as_of), g_date_get_month (as_of), g_date_get_day (as_of), 0, 0, 0);
  self->updating = TRUE;
  gtk_calendar_select_day (self->as_of_calendar, day);
  self->updating = FALSE;
  par_plan_view_show_as_of (self);
  par_plan_view_move_rows (self);
  par_plan_view_fill_tree (self);
  par_plan_view_update_summary (self);
}

/* The plan shown, or NULL. */
ParPlan *
par_plan_view_get_plan (ParPlanView *self)
{
  g_return_val_if_fail (PAR_IS_PLAN_VIEW (self), NULL);
  return self->plan;
}

/* The header's lines ------------------------------------------------------ */

static void
clear_filters (ParPlanView *self)
{
  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->task_search_entry), "");
  gtk_drop_down_set_selected (self->status_dropdown, 0);
  gtk_drop_down_set_selected (self->area_dropdown, 0);
  gtk_drop_down_set_selected (self->filter_unit_dropdown, 0);
  gtk_toggle_button_set_active (self->overdue_toggle, FALSE);
  self->updating = FALSE;
  par_plan_view_fill_tree (self);
}

/* A task of the header is selected in the table, the filters cleared if
 * they hide it. */
static void
summary_task_activated (ParPlanView *self,
                        gint64       task_id)
{
  if (par_plan_view_select_task (self, task_id))
    return;
  clear_filters (self);
  par_plan_view_select_task (self, task_id);
}

/* A unit of the header: the table shows its tasks. */
static void
summary_unit_activated (ParPlanView *self,
                        gint64       unit_id)
{
  for (guint i = 0; self->units != NULL && i < self->units->len; i++)
    if (par_unit_get_id (g_ptr_array_index (self->units, i)) == unit_id)
      gtk_drop_down_set_selected (self->filter_unit_dropdown, i + 1);
}

static void
summary_overdue_activated (ParPlanView *self)
{
  gtk_toggle_button_set_active (self->overdue_toggle, TRUE);
}

static void
as_of_day_selected (ParPlanView *self)
{
  g_autoptr(GDateTime) day = NULL;
  GDate date;

  if (self->updating)
    return;
  day = gtk_calendar_get_date (self->as_of_calendar);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, g_date_time_get_day_of_month (day), g_date_time_get_month (day),
                  g_date_time_get_year (day));
  par_plan_view_set_as_of (self, &date);
}

static void
as_of_today_clicked (ParPlanView *self)
{
  GDate today;

  par_plan_today (&today);
  par_plan_view_set_as_of (self, &today);
  gtk_menu_button_popdown (self->as_of_button);
}

/* Actions ----------------------------------------------------------------- */

static GtkWindow *
get_window (ParPlanView *self)
{
  return GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
}

static void
create_plan_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  ParPlanView *self = PAR_PLAN_VIEW (widget);
  int year = gtk_spin_button_get_value_as_int (self->year_spin);
  g_autofree char *title = par_plans_default_title (year);
  g_autoptr(GError) error = NULL;

  if (self->database == NULL || self->plan != NULL)
    return;
  if (par_plans_create (self->database, par_plan_view_selected_unit_id (self), year, title, &error) == 0)
    par_plan_view_report (self, _("The plan could not be created"), error);
}

static void
task_saved (ParPlanView *self,
            gint64       task_id)
{
  par_plan_view_select_task (self, task_id);
}

static void
open_task_dialog (ParPlanView *self,
                  ParTask     *task)
{
  ParTaskDialog *dialog;

  if (self->plan == NULL)
    return;
  dialog = par_task_dialog_new (get_window (self), self->database, self->plan, task);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (task_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
add_task_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  open_task_dialog (PAR_PLAN_VIEW (widget), NULL);
}

static void
edit_task_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ParPlanView *self = PAR_PLAN_VIEW (widget);
  g_autoptr(ParPlanRow) row = par_plan_view_selected_row (self);

  if (row != NULL && par_plan_row_get_task (row) != NULL)
    open_task_dialog (self, par_plan_row_get_task (row));
}

static void
task_activated (ParPlanView *self,
                guint        position)
{
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self), "plan.edit-task", NULL);
}

static void
progress_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  ParPlanView *self = PAR_PLAN_VIEW (widget);
  g_autoptr(ParPlanRow) row = par_plan_view_selected_row (self);
  ParProgressKind kind = g_str_equal (action_name, "plan.mark-done") ? PAR_PROGRESS_DONE
                         : g_str_equal (action_name, "plan.cancel-task") ? PAR_PROGRESS_CANCEL
                         : PAR_PROGRESS_RECORD;
  ParProgressDialog *dialog;
  GDate date;

  if (row == NULL || par_plan_row_get_task (row) == NULL)
    return;
  /* The dialog offers the view's date: looking at the plan as it stood at a
   * quarter's end, one records what was done by then. Never a day ahead. */
  par_plan_today (&date);
  if (g_date_compare (&self->as_of, &date) < 0)
    date = self->as_of;
  dialog = par_progress_dialog_new (get_window (self), self->database, par_plan_row_get_task (row), kind, &date);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Class ------------------------------------------------------------------- */

static void
par_plan_view_dispose (GObject *object)
{
  ParPlanView *self = PAR_PLAN_VIEW (object);

  /* Before the template goes: emptying the tree updates the pane. */
  par_plan_view_clear_rows (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), PAR_TYPE_PLAN_VIEW);
  g_clear_object (&self->selection);
  g_clear_object (&self->root_rows);
  g_clear_object (&self->plan);
  g_clear_object (&self->database);
  g_clear_object (&self->context);
  g_clear_pointer (&self->tasks, g_ptr_array_unref);
  g_clear_pointer (&self->unit_names, g_hash_table_unref);
  g_clear_pointer (&self->units, g_ptr_array_unref);

  G_OBJECT_CLASS (par_plan_view_parent_class)->dispose (object);
}

static void
bind_template (GtkWidgetClass *widget_class)
{
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pardesk/ParDesk/ui/plan/par-plan-view.ui");
  gtk_widget_class_bind_template_child (widget_class, ParPlanView, unit_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ParPlanView, year_spin);
  gtk_widget_class_bind_template_child (widget_class, ParPlanView, as_of_button);
  gtk_widget_class_bind_template_child (widget_class, ParPlanView, as_of_calendar);
  gtk_widget_class_bind_template_child (widget_class, ParPlanView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, ParPlanView, no_plan_page);
  gtk_widget_class_bind_template_child (widget_class, ParPlanView, plan_title_label);
  gtk_widget_class_bind_template_child (widget_class, ParPlanView, summary_box);
  gtk_widget_class_bind_template_child (widget_class, ParPlanView, summary);
  gtk_widget_class_bind_template_child (widget_class, ParPlanView, task_search_entry);
  gtk_widget_class_bind_template_child (widget_class, ParPlanView, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ParPlanView, area_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ParPlanView, filter_unit_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ParPlanView, overdue_toggle);
  gtk_widget_class_bind_template_child (widget_class, ParPlanView, shown_label);
  gtk_widget_class_bind_template_child (widget_class, ParPlanView, tasks_stack);
  gtk_widget_class_bind_template_child (widget_class, ParPlanView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, ParPlanView, task_view);
  gtk_widget_class_bind_template_child (widget_class, ParPlanView, task_pane);
  gtk_widget_class_bind_template_callback (widget_class, filters_changed);
  gtk_widget_class_bind_template_callback (widget_class, task_activated);
  gtk_widget_class_bind_template_callback (widget_class, as_of_day_selected);
  gtk_widget_class_bind_template_callback (widget_class, as_of_today_clicked);
  gtk_widget_class_bind_template_callback (widget_class, summary_task_activated);
  gtk_widget_class_bind_template_callback (widget_class, summary_unit_activated);
  gtk_widget_class_bind_template_callback (widget_class, summary_overdue_activated);
}

static void
par_plan_view_class_init (ParPlanViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = par_plan_view_dispose;

  g_type_ensure (PAR_TYPE_PLAN_SUMMARY);
  g_type_ensure (PAR_TYPE_TASK_PANE);
  bind_template (widget_class);
  gtk_widget_class_install_action (widget_class, "plan.create-plan", NULL, create_plan_action);
  gtk_widget_class_install_action (widget_class, "plan.add-task", NULL, add_task_action);
  gtk_widget_class_install_action (widget_class, "plan.edit-task", NULL, edit_task_action);
  gtk_widget_class_install_action (widget_class, "plan.record-progress", NULL, progress_action);
  gtk_widget_class_install_action (widget_class, "plan.mark-done", NULL, progress_action);
  gtk_widget_class_install_action (widget_class, "plan.cancel-task", NULL, progress_action);
  par_plan_view_class_export_init (widget_class);
  par_plan_view_class_evidence_init (widget_class);
  par_plan_view_class_io_init (widget_class);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "plan.add-task", NULL);
}

static void
par_plan_view_init (ParPlanView *self)
{
  GDate today;

  gtk_widget_init_template (GTK_WIDGET (self));
  par_plan_view_init_tree (self);
  par_plan_view_build_columns (self);
  par_plan_view_init_evidence (self);

  par_plan_today (&today);
  self->as_of = today;
  gtk_spin_button_set_value (self->year_spin, g_date_get_year (&today));
  par_plan_view_show_as_of (self);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (par_plan_view_update_pane), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->unit_dropdown, "notify::selected", G_CALLBACK (choice_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->year_spin, "value-changed", G_CALLBACK (choice_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->status_dropdown, "notify::selected", G_CALLBACK (filters_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->area_dropdown, "notify::selected", G_CALLBACK (filters_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->filter_unit_dropdown, "notify::selected", G_CALLBACK (filters_changed), self,
                           G_CONNECT_SWAPPED);
  par_plan_view_load_plan (self);
}
