/* par-inspections-view-export.c: the Inspections view's exports: the year's inspection plan (XLSX) and calendar (iCalendar)
 *
 * As the Plan view's: each asks where to save, then writes the file in
 * the background (par-export-worker.c), which says so in a toast. Both are of the year shown; the workbook's statuses are as of the
 * view's today. The core refuses to write over the open file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "par-file-chooser.h"
#include "par-export-worker.h"
#include "par-file-guard.h"
#include "par-inspections-view-private.h"

typedef struct
{
  ParInspectionsView *view;
  int                 year;
  GDate               as_of;
  gboolean            calendar;   /* FALSE: the workbook; TRUE: the .ics */
} ExportRequest;

static void
export_request_free (ExportRequest *request)
{
  g_object_unref (request->view);
  g_free (request);
}

/* In the worker: the year's workbook or calendar. */
static gboolean
write_export (ParDatabase  *db,
              const char   *path,
              gpointer      data,
              GError      **error)
{
  ExportRequest *request = data;
  g_auto(GStrv) cut_items = NULL;

  if (request->calendar)
    return par_inspections_export_ics (db, request->year, path, error);
  return par_inspections_export_workbook (db, request->year, &request->as_of, path, &cut_items, error);
}

static void
export_chosen (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  ExportRequest *request = user_data;
  ParInspectionsView *self = request->view;
  const char *suffix = request->calendar ? ".ics" : ".xlsx";
  g_autofree char *path = par_file_chooser_run_finish_path (result, NULL);
  g_autofree char *target = NULL;
  gboolean calendar = request->calendar;

  if (path == NULL || self->database == NULL || self->context == NULL)
    {
      export_request_free (request);
      return;
    }
  target = g_str_has_suffix (path, suffix) ? g_steal_pointer (&path) : g_strconcat (path, suffix, NULL);
  par_export_in_background (self->context, target, write_export, request, (GDestroyNotify) export_request_free,
                            calendar ? _("Calendar exported") : _("Inspection plan exported"),
                            calendar ? _("The calendar was not exported") : _("The inspection plan was not exported"));
}

/* Asks where to save the year's workbook or (@calendar) its calendar. */
static void
choose_destination (ParInspectionsView *self,
                    gboolean            calendar)
{
  static const char * const xlsx_patterns[] = { "*.xlsx", NULL };
  static const char * const ics_patterns[] = { "*.ics", NULL };
  g_autoptr(ParFileChooser) chooser = NULL;
  g_autofree char *wanted = NULL;
  g_autofree char *name = NULL;
  ExportRequest *request;
  int year = g_date_get_year (&self->month);

  if (self->database == NULL)
    return;
  chooser = par_file_chooser_new (PAR_FILE_CHOOSER_SAVE,
                                  calendar ? _("Export Inspections to Calendar") : _("Export Inspection Plan to Excel"),
                                  _("_Export"));
  if (calendar)
    {
      par_file_chooser_add_filter (chooser, _("iCalendar files"), NULL, ics_patterns);
      /* Translators: file name offered for the year's inspections as a calendar */
      wanted = g_strdup_printf (_("Inspections %d.ics"), year);
      name = par_file_safe_name (wanted, _("inspections.ics"), ".ics");
    }
  else
    {
      par_file_chooser_add_filter (chooser, _("Excel workbooks"), NULL, xlsx_patterns);
      /* Translators: file name offered for the year's inspection plan workbook */
      wanted = g_strdup_printf (_("Inspection Plan %d.xlsx"), year);
      name = par_file_safe_name (wanted, _("inspections.xlsx"), ".xlsx");
    }
  par_file_chooser_set_current_name (chooser, name);
  request = g_new0 (ExportRequest, 1);
  request->view = g_object_ref (self);
  request->year = year;
  request->as_of = self->today;
  request->calendar = calendar;
  par_file_chooser_run_async (chooser, GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), export_chosen, request);
}

static void
export_plan_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  choose_destination (PAR_INSPECTIONS_VIEW (widget), FALSE);
}

static void
export_calendar_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  choose_destination (PAR_INSPECTIONS_VIEW (widget), TRUE);
}

void
par_inspections_view_class_export_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "inspections.export-plan", NULL, export_plan_action);
  gtk_widget_class_install_action (widget_class, "inspections.export-calendar", NULL, export_calendar_action);
}
