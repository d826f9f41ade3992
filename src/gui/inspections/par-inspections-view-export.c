/* par-inspections-view-export.c: the Inspections view's exports: the year's inspection plan (XLSX) and calendar (iCalendar)
 *
 * As the Plan view's: each asks where to save, then writes the file in a
 * worker thread with its own read-only connection, and says so in a
 * toast. Both are of the year shown; the workbook's statuses are as of the
 * view's today. The core refuses to write over the open file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "par-file-chooser.h"
#include "par-file-guard.h"
#include "par-inspections-view-private.h"

typedef struct
{
  ParInspectionsView *view;
  char               *db_path;
  int                 year;
  GDate               as_of;
  gboolean            calendar;   /* FALSE: the workbook; TRUE: the .ics */
  char               *path;
} ExportRequest;

static void
export_request_free (ExportRequest *request)
{
  g_object_unref (request->view);
  g_free (request->db_path);
  g_free (request->path);
  g_free (request);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportRequest *request = task_data;
  g_autoptr(ParDatabase) db = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) cut_items = NULL;
  gboolean ok = FALSE;

  /* A worker uses its own connection, and only reads. */
  db = par_database_open (request->db_path, PAR_DATABASE_OPEN_READ_ONLY, &error);
  if (db != NULL && !request->calendar)
    ok = par_inspections_export_workbook (db, request->year, &request->as_of, request->path, &cut_items, &error);
  else if (db != NULL)
    ok = par_inspections_export_ics (db, request->year, request->path, &error);

  if (ok)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, g_steal_pointer (&error));
}

static void
export_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  ExportRequest *request = g_task_get_task_data (G_TASK (result));
  ParInspectionsView *self = request->view;
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (G_TASK (result), &error);

  if (self->context == NULL)   /* the view is gone */
    return;
  if (ok)
    par_context_show_file_toast (self->context,
                                 request->calendar ? _("Calendar exported") : _("Inspection plan exported"),
                                 request->path);
  else if (request->calendar)
    par_context_report_error (self->context, _("The calendar was not exported"), error);
  else
    par_context_report_error (self->context, _("The inspection plan was not exported"), error);
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
  g_autoptr(GTask) task = NULL;

  if (path == NULL || self->database == NULL || self->context == NULL)
    {
      export_request_free (request);
      return;
    }
  request->path = g_str_has_suffix (path, suffix) ? g_steal_pointer (&path) : g_strconcat (path, suffix, NULL);
  request->db_path = g_strdup (par_database_get_path (self->database));
  task = g_task_new (NULL, NULL, export_done, NULL);
  g_task_set_source_tag (task, export_chosen);
  g_task_set_task_data (task, request, (GDestroyNotify) export_request_free);
  g_task_run_in_thread (task, export_thread);
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
