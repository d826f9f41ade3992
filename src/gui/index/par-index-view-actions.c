/* par-index-view-actions.c: the PAR Index's actions: import a set, export to Excel, start from another set, attach
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "par-evidence-attach.h"
#include "par-file-chooser.h"
#include "par-import-dialog.h"
#include "par-index-view-private.h"

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ParIndexView *self = PAR_INDEX_VIEW (widget);

  if (self->database != NULL)
    par_import_dialog_choose_file (GTK_WINDOW (gtk_widget_get_root (widget)), self->context);
}

static char *
join_codes (char  **codes,
            guint   n_codes,
            guint   most)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < n_codes && i < most; i++)
    g_string_append_printf (text, "%s%s", i > 0 ? ", " : "", codes[i]);
  if (n_codes > most)
    g_string_append (text, ", …");
  return g_string_free (text, FALSE);
}

typedef struct
{
  ParIndexView *view;
  gint64        unit_id;      /* 0 for the ranking */
  char         *path;
  guint         writing_id;   /* says "Writing the workbook…" if it takes a while */
} ExportRequest;

static void
export_request_free (ExportRequest *request)
{
  g_clear_handle_id (&request->writing_id, g_source_remove);
  g_object_unref (request->view);
  g_free (request->path);
  g_free (request);
}

static gboolean
say_writing (gpointer user_data)
{
  ExportRequest *request = user_data;

  request->writing_id = 0;
  par_context_show_toast (request->view->context, _("Writing the workbook…"));
  return G_SOURCE_REMOVE;
}

static void
export_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  ExportRequest *request = user_data;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) cut_items = NULL;

  g_clear_handle_id (&request->writing_id, g_source_remove);
  if (par_export_finish (result, &cut_items, &error))
    {
      guint n_cut = g_strv_length (cut_items);
      g_autofree char *codes = join_codes (cut_items, n_cut, 5);
      g_autofree char *message = n_cut == 0 ? g_strdup (_("Workbook saved"))
                                            : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                           "Workbook saved. Item %s had more text "
                                                                           "than a cell holds: it was cut.",
                                                                           "Workbook saved. Items %s had more text "
                                                                           "than a cell holds: they were cut.",
                                                                           n_cut),
                                                               codes);

      par_context_show_file_toast (request->view->context, message, request->path);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    par_index_view_report (request->view, _("The workbook was not saved"), error);
  export_request_free (request);
}

static void
export_chosen (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  ExportRequest *request = user_data;
  ParIndexView *self = request->view;
  g_autofree char *path = par_file_chooser_run_finish_path (result, NULL);

  if (path == NULL || self->set == NULL || self->database == NULL)
    {
      export_request_free (request);
      return;
    }
  request->path = g_str_has_suffix (path, ".xlsx") ? g_steal_pointer (&path) : g_strconcat (path, ".xlsx", NULL);
  /* A workbook is written in a fraction of a second: only a slow one is
   * announced, so that the result's toast is not queued behind it. */
  request->writing_id = g_timeout_add (1000, say_writing, request);
  par_export_async (par_database_get_path (self->database), par_criteria_set_get_id (self->set), request->unit_id,
                    request->path, self->cancellable, export_done, request);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  static const char * const patterns[] = { "*.xlsx", NULL };
  ParIndexView *self = PAR_INDEX_VIEW (widget);
  gboolean ranking = g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "ranking") == 0;
  g_autoptr(ParFileChooser) chooser = NULL;
  g_autofree char *name = NULL;
  ExportRequest *request;

  if (self->set == NULL)
    return;
  chooser = par_file_chooser_new (PAR_FILE_CHOOSER_SAVE,
                                  ranking ? _("Export the Ranking") : _("Export the Score Sheet"), _("_Export"));
  par_file_chooser_add_filter (chooser, _("Excel workbooks"), NULL, patterns);
  if (ranking)
    /* Translators: file name offered for the ranking workbook; %d is the year */
    name = g_strdup_printf (_("Ranking %d.xlsx"), par_criteria_set_get_year (self->set));
  else
    {
      ParUnit *unit = g_ptr_array_index (self->units, gtk_drop_down_get_selected (self->unit_dropdown));

      /* Translators: file name offered for a score sheet: unit code and year */
      name = g_strdup_printf (_("Score sheet %s %d.xlsx"), par_unit_get_code (unit),
                              par_criteria_set_get_year (self->set));
    }
  par_file_chooser_set_current_name (chooser, name);
  request = g_new0 (ExportRequest, 1);
  request->view = g_object_ref (self);
  request->unit_id = ranking || self->assessment == NULL ? 0 : par_assessment_get_unit_id (self->assessment);
  par_file_chooser_run_async (chooser, GTK_WINDOW (gtk_widget_get_root (widget)), export_chosen, request);
}

static void
copy_from_response (AdwMessageDialog *dialog,
                    const char       *response,
                    ParIndexView     *self)
{
  GtkDropDown *choice = GTK_DROP_DOWN (adw_message_dialog_get_extra_child (dialog));
  GPtrArray *others = g_object_get_data (G_OBJECT (dialog), "sets");
  g_autoptr(ParCriteriaSet) source_set = NULL;
  g_autoptr(ParAssessment) source = NULL;
  g_autoptr(GPtrArray) new_items = NULL;
  g_autoptr(GPtrArray) dropped = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) body = g_string_new (NULL);
  guint selected = gtk_drop_down_get_selected (choice);
  GtkWidget *result;

  if (!g_str_equal (response, "copy") || self->assessment == NULL || selected >= others->len)
    return;
  source_set = par_criteria_set_load (self->database, par_criteria_set_get_id (g_ptr_array_index (others, selected)),
                                      &error);
  if (source_set != NULL)
    source = par_assessment_load (self->database, source_set, par_assessment_get_unit_id (self->assessment), &error);
  if (source == NULL || !par_assessment_copy_from (self->assessment, source, &new_items, &dropped, &error))
    {
      par_index_view_report (self, _("The scores were not copied"), error);
      return;
    }
  par_index_view_load_assessment (self);

  if (new_items->len == 0 && dropped->len == 0)
    g_string_append (body, _("Every item matched."));
  if (new_items->len > 0)
    {
      g_autofree char *codes = join_codes ((char **) new_items->pdata, new_items->len, 40);

      g_string_append_printf (body, _("Not filled (new items, or values the new method does not allow): %s."), codes);
    }
  if (dropped->len > 0)
    {
      g_autofree char *codes = join_codes ((char **) dropped->pdata, dropped->len, 40);

      if (body->len > 0)
        g_string_append (body, "\n\n");
      g_string_append_printf (body, _("Scored last time but not in this set: %s."), codes);
    }
  result = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), _("Scores Copied"), body->str);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (result), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (result));
}

static void
copy_from_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ParIndexView *self = PAR_INDEX_VIEW (widget);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GPtrArray *others = g_ptr_array_new_with_free_func (g_object_unref);
  GtkWidget *dialog, *choice;

  if (self->assessment == NULL || self->sets == NULL)
    return;
  for (guint i = 0; i < self->sets->len; i++)
    {
      ParCriteriaSet *set = g_ptr_array_index (self->sets, i);
      g_autofree char *label = NULL;

      if (par_criteria_set_get_id (set) == par_criteria_set_get_id (self->set))
        continue;
      label = g_strdup_printf ("%s (%d)", par_criteria_set_get_name (set), par_criteria_set_get_year (set));
      gtk_string_list_append (names, label);
      g_ptr_array_add (others, g_object_ref (set));
    }
  if (others->len == 0)
    {
      g_autoptr(GError) error = g_error_new (PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID,
                                             _("Import last year’s set and its scores first: there is no other set "
                                               "to start from."));
      g_ptr_array_unref (others);
      par_index_view_report (self, _("There is nothing to copy from"), error);
      return;
    }

  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), _("Start from Another Set?"),
                                   _("The unit’s self-scores, explanations and “not applicable” marks in the chosen "
                                     "set are copied to the items with the same code in this set. You will see "
                                     "which items did not match."));
  choice = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), choice);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Cancel"), "copy", _("C_opy"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "copy", ADW_RESPONSE_SUGGESTED);
  g_object_set_data_full (G_OBJECT (dialog), "sets", others, (GDestroyNotify) g_ptr_array_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (copy_from_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
attach_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  par_evidence_attach_choose (widget, par_index_view_attach_paths);
}

void
par_index_view_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "index.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "index.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "index.copy-from", NULL, copy_from_action);
  gtk_widget_class_install_action (widget_class, "index.attach", NULL, attach_action);
}
