/* par-plan-view-io.c: the Plan view's import of tasks from CSV, carry-over into a later year, and printing of the quarterly report
 *
 * The import reads the file in a worker and previews it
 * (ParPlanImportDialog). Carrying over asks first, naming how many tasks
 * go where, and offers to open that year's plan. Printing works the
 * report out in a worker with its own read-only connection, then hands it
 * to the print dialog (par-plan-report-print.c draws it).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "par-file-guard.h"
#include "par-plan-import-dialog.h"
#include "par-plan-report-print.h"
#include "par-plan-view-private.h"

static GtkWindow *
get_window (ParPlanView *self)
{
  return GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
}

/* Import ------------------------------------------------------------------- */

static void
import_tasks_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  ParPlanView *self = PAR_PLAN_VIEW (widget);

  if (self->plan != NULL && self->context != NULL)
    par_plan_import_dialog_choose_file (get_window (self), self->context, self->plan);
}

/* Carry-over --------------------------------------------------------------- */

/* The tasks neither completed nor cancelled, whatever the dates: those
 * carry-over copies. */
static guint
count_unfinished (ParPlanView *self)
{
  guint n = 0;

  for (guint i = 0; self->tasks != NULL && i < self->tasks->len; i++)
    {
      ParTask *task = g_ptr_array_index (self->tasks, i);

      if (!par_task_get_completed (task, NULL) && !par_task_get_cancelled (task, NULL))
        n++;
    }
  return n;
}

static void
update_carry_body (GtkSpinButton *spin,
                   AdwMessageDialog *dialog)
{
  ParPlanView *self = g_object_get_data (G_OBJECT (dialog), "view");
  guint n = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "n-unfinished"));
  int year = gtk_spin_button_get_value_as_int (spin);
  g_autofree char *body = NULL;

  if (self->plan == NULL)
    return;
  /* Translators: %u tasks, the plan's title, the target year, the unit's name */
  body = g_strdup_printf (ngettext ("%u unfinished task of “%s” will be copied into the plan of %d of %s, created "
                                    "if there is none. Its progress stays with the original; a task carried there "
                                    "before is not copied again.",
                                    "%u unfinished tasks of “%s” will be copied into the plan of %d of %s, created "
                                    "if there is none. Their progress stays with the originals; a task carried "
                                    "there before is not copied again.", n),
                          n, par_plan_get_title (self->plan), year, par_plan_view_unit_name (self,
                                                                            par_plan_get_unit_id (self->plan)));
  adw_message_dialog_set_body (dialog, body);
}

static void
open_year_clicked (AdwToast    *toast,
                   ParPlanView *self)
{
  int year = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (toast), "year"));
  gint64 unit = *(gint64 *) g_object_get_data (G_OBJECT (toast), "unit");

  par_plan_view_select (self, unit, year);
}

/* "N tasks carried into 2027", with a button that shows that plan. */
static void
show_carried_toast (ParPlanView *self,
                    guint        n,
                    gint64       unit_id,
                    int          year)
{
  GtkWidget *overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  g_autofree char *message = g_strdup_printf (ngettext ("%u task carried into the plan of %d",
                                                        "%u tasks carried into the plan of %d", n), n, year);
  AdwToast *toast;

  if (overlay == NULL)
    {
      par_context_show_toast (self->context, message);
      return;
    }
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_timeout (toast, 8);
  g_object_set_data (G_OBJECT (toast), "year", GINT_TO_POINTER (year));
  g_object_set_data_full (G_OBJECT (toast), "unit", g_memdup2 (&unit_id, sizeof unit_id), g_free);
  g_signal_connect_object (toast, "button-clicked", G_CALLBACK (open_year_clicked), self, 0);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

static void
carry_response (AdwMessageDialog *dialog,
                const char       *response,
                ParPlanView      *self)
{
  GtkSpinButton *spin = g_object_get_data (G_OBJECT (dialog), "year-spin");
  guint n = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "n-unfinished"));
  int year = gtk_spin_button_get_value_as_int (spin);
  g_autoptr(GError) error = NULL;
  gint64 unit_id;

  if (!g_str_equal (response, "carry") || self->plan == NULL || self->database == NULL)
    return;
  unit_id = par_plan_get_unit_id (self->plan);
  if (par_plans_carry_over (self->database, par_plan_get_id (self->plan), year, &error) == 0)
    par_plan_view_report (self, _("The tasks were not carried over"), error);
  else
    show_carried_toast (self, n, unit_id, year);
}

static GtkWidget *
year_row (ParPlanView *self,
          GtkWidget   *spin)
{
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *row = adw_action_row_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Into the plan of the year"));
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), spin);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
  return list;
}

static void
carry_over_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ParPlanView *self = PAR_PLAN_VIEW (widget);
  guint n = count_unfinished (self);
  int year;
  GtkWidget *spin;
  AdwMessageDialog *dialog;

  if (self->plan == NULL)
    return;
  year = par_plan_get_year (self->plan);
  if (n == 0)
    {
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (get_window (self), _("Nothing to Carry Over"),
                                                           _("Every task of this plan is done or cancelled.")));
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (get_window (self), _("Carry Unfinished Tasks Over?"), NULL));
  spin = gtk_spin_button_new_with_range (MIN (year + 1, PAR_PLAN_MAX_YEAR), PAR_PLAN_MAX_YEAR, 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), year + 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Into the plan of the year"), -1);
  adw_message_dialog_set_extra_child (dialog, year_row (self, spin));
  g_object_set_data_full (G_OBJECT (dialog), "view", g_object_ref (self), g_object_unref);
  g_object_set_data (G_OBJECT (dialog), "year-spin", spin);
  g_object_set_data (G_OBJECT (dialog), "n-unfinished", GUINT_TO_POINTER (n));
  update_carry_body (GTK_SPIN_BUTTON (spin), dialog);
  g_signal_connect_object (spin, "value-changed", G_CALLBACK (update_carry_body), dialog, 0);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "carry", _("C_arry Over"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "carry", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "carry");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (carry_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Printing ----------------------------------------------------------------- */

typedef struct
{
  ParPlanView *view;
  char        *db_path;
  gint64       plan_id;
  int          quarter;
  char        *file_name;   /* offered by "Print to File" */
} PrintRequest;

static void
print_request_free (PrintRequest *request)
{
  g_object_unref (request->view);
  g_free (request->db_path);
  g_free (request->file_name);
  g_free (request);
}

static void
print_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  PrintRequest *request = task_data;
  g_autoptr(ParDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  ParPlanReport *report = NULL;

  /* A worker uses its own connection, and only reads. */
  db = par_database_open (request->db_path, PAR_DATABASE_OPEN_READ_ONLY, &error);
  if (db != NULL)
    report = par_plan_report_compute (db, request->plan_id, request->quarter, &error);
  if (report != NULL)
    g_task_return_pointer (task, report, (GDestroyNotify) par_plan_report_free);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
print_finished (GtkPrintOperation       *operation,
                GtkPrintOperationResult  result,
                ParPlanView             *self)
{
  g_autoptr(GError) error = NULL;

  if (result != GTK_PRINT_OPERATION_RESULT_ERROR || self->context == NULL)
    return;
  gtk_print_operation_get_error (operation, &error);
  par_context_report_error (self->context, _("The report was not printed"), error);
}

static void
print_report_ready (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  PrintRequest *request = g_task_get_task_data (G_TASK (result));
  ParPlanView *self = request->view;
  g_autoptr(GError) error = NULL;
  ParPlanReport *report = g_task_propagate_pointer (G_TASK (result), &error);
  g_autoptr(GtkPrintOperation) operation = NULL;

  if (self->context == NULL || gtk_widget_get_root (GTK_WIDGET (self)) == NULL)   /* the view is gone */
    {
      par_plan_report_free (report);
      return;
    }
  if (report == NULL)
    {
      par_context_report_error (self->context, _("The report was not printed"), error);
      return;
    }
  operation = par_plan_report_print_new (report, request->file_name);
  gtk_print_operation_set_allow_async (operation, TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_finished), self, 0);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, get_window (self), &error)
      == GTK_PRINT_OPERATION_RESULT_ERROR)
    par_context_report_error (self->context, _("The report was not printed"), error);
}

/* The quarter of the as-of date if it lies in the plan's year, else the fourth. */
static int
default_quarter (ParPlanView *self)
{
  if (g_date_valid (&self->as_of) && g_date_get_year (&self->as_of) == par_plan_get_year (self->plan))
    return (g_date_get_month (&self->as_of) - 1) / 3 + 1;
  return 4;
}

/* The parameter is the quarter, 1 to 4; 0 chooses the default one. */
static void
print_report_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  static const char * const numerals[] = { "I", "II", "III", "IV" };
  ParPlanView *self = PAR_PLAN_VIEW (widget);
  int quarter = g_variant_get_int32 (parameter);
  g_autoptr(GTask) task = NULL;
  g_autofree char *wanted = NULL;
  PrintRequest *request;

  if (self->plan == NULL || self->database == NULL)
    return;
  if (quarter < 1 || quarter > 4)
    quarter = default_quarter (self);
  request = g_new0 (PrintRequest, 1);
  request->view = g_object_ref (self);
  request->db_path = g_strdup (par_database_get_path (self->database));
  request->plan_id = par_plan_get_id (self->plan);
  request->quarter = quarter;
  /* Translators: file name offered for a printed quarterly report ("Print to File"): quarter (I–IV), unit
   * code and year; no extension */
  wanted = g_strdup_printf (_("Report Q%s %s %d"), numerals[quarter - 1], par_plan_get_unit_code (self->plan),
                            par_plan_get_year (self->plan));
  request->file_name = par_file_safe_name (wanted, "report", NULL);
  task = g_task_new (NULL, NULL, print_report_ready, NULL);
  g_task_set_source_tag (task, print_report_action);
  g_task_set_task_data (task, request, (GDestroyNotify) print_request_free);
  g_task_run_in_thread (task, print_thread);
}

void
par_plan_view_class_io_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "plan.import-tasks", NULL, import_tasks_action);
  gtk_widget_class_install_action (widget_class, "plan.carry-over", NULL, carry_over_action);
  gtk_widget_class_install_action (widget_class, "plan.print-report", "i", print_report_action);
}
