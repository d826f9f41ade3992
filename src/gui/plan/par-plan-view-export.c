/* par-plan-view-export.c: the Plan view's exports: the plan workbook and the quarterly report, as XLSX
 *
 * Each asks where to save, then writes the workbook in the background
 * (par-export-worker.c), which says so in a toast.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "par-export-worker.h"
#include "par-file-chooser.h"
#include "par-file-guard.h"
#include "par-plan-view-private.h"

typedef struct
{
  ParPlanView *view;
  gint64       plan_id;
  GDate        as_of;
  int          quarter;     /* 0: the plan workbook; 1–4: that quarter's report */
} ExportRequest;

static void
export_request_free (ExportRequest *request)
{
  g_object_unref (request->view);
  g_free (request);
}

/* In the worker: the plan workbook or the quarter's report. */
static gboolean
write_export (ParDatabase  *db,
              const char   *path,
              gpointer      data,
              GError      **error)
{
  ExportRequest *request = data;
  g_auto(GStrv) cut_items = NULL;

  if (request->quarter == 0)
    return par_plan_export_workbook (db, request->plan_id, &request->as_of, path, &cut_items, error);
  return par_plan_export_report (db, request->plan_id, request->quarter, path, &cut_items, error);
}

static void
export_chosen (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  ExportRequest *request = user_data;
  ParPlanView *self = request->view;
  g_autofree char *path = par_file_chooser_run_finish_path (result, NULL);
  g_autofree char *xlsx = NULL;
  gboolean plan = request->quarter == 0;

  if (path == NULL || self->database == NULL || self->context == NULL)
    {
      export_request_free (request);
      return;
    }
  xlsx = g_str_has_suffix (path, ".xlsx") ? g_steal_pointer (&path) : g_strconcat (path, ".xlsx", NULL);
  par_export_in_background (self->context, xlsx, write_export, request, (GDestroyNotify) export_request_free,
                            plan ? _("Plan exported") : _("Report exported"),
                            plan ? _("The plan was not exported") : _("The report was not exported"));
}

/* Asks where to save the plan workbook (@quarter 0) or a quarter's report. */
static void
choose_destination (ParPlanView *self,
                    int          quarter)
{
  static const char * const patterns[] = { "*.xlsx", NULL };
  static const char * const numerals[] = { "I", "II", "III", "IV" };
  g_autoptr(ParFileChooser) chooser = NULL;
  g_autofree char *wanted = NULL;
  g_autofree char *name = NULL;
  ExportRequest *request;

  if (self->plan == NULL || self->database == NULL)
    return;
  chooser = par_file_chooser_new (PAR_FILE_CHOOSER_SAVE,
                                  quarter == 0 ? _("Export Plan to Excel") : _("Export Quarterly Report"),
                                  _("_Export"));
  par_file_chooser_add_filter (chooser, _("Excel workbooks"), NULL, patterns);
  if (quarter == 0)
    /* Translators: file name offered for the plan workbook: unit code and year */
    wanted = g_strdup_printf (_("Plan %s %d.xlsx"), par_plan_get_unit_code (self->plan),
                              par_plan_get_year (self->plan));
  else
    /* Translators: file name offered for a quarterly report: quarter (I–IV), unit code and year */
    wanted = g_strdup_printf (_("Report Q%s %s %d.xlsx"), numerals[quarter - 1],
                              par_plan_get_unit_code (self->plan), par_plan_get_year (self->plan));
  name = par_file_safe_name (wanted, _("plan.xlsx"), ".xlsx");
  par_file_chooser_set_current_name (chooser, name);
  request = g_new0 (ExportRequest, 1);
  request->view = g_object_ref (self);
  request->plan_id = par_plan_get_id (self->plan);
  request->as_of = self->as_of;
  request->quarter = quarter;
  par_file_chooser_run_async (chooser, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), export_chosen, request);
}

static void
export_plan_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  choose_destination (PAR_PLAN_VIEW (widget), 0);
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
export_report_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  ParPlanView *self = PAR_PLAN_VIEW (widget);
  int quarter = g_variant_get_int32 (parameter);

  if (self->plan == NULL)
    return;
  if (quarter < 1 || quarter > 4)
    quarter = default_quarter (self);
  choose_destination (self, quarter);
}

void
par_plan_view_class_export_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "plan.export-plan", NULL, export_plan_action);
  gtk_widget_class_install_action (widget_class, "plan.export-report", "i", export_report_action);
}
