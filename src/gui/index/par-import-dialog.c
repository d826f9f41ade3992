/* par-import-dialog.c: previewing a criteria set file before it is imported
 *
 * The file is read in a worker; the dialog then shows the tree and every
 * problem, and imports only a file without problems, all at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "par-file-chooser.h"
#include "par-import-dialog.h"

struct _ParImportDialog
{
  ParFormDialog   parent_instance;

  ParContext     *context;
  ParCriteriaSet *set;
  gboolean        has_problems;

  AdwWindowTitle *title_widget;
  GtkButton      *save_button;
  AdwEntryRow    *name_row;
  AdwComboRow    *level_row;
  GtkSpinButton  *year_spin;
  GtkLabel       *summary_label;
  GtkListBox     *problems_list;
  GtkListBox     *tree_list;
  GtkLabel       *error_label;
};

G_DEFINE_FINAL_TYPE (ParImportDialog, par_import_dialog, PAR_TYPE_FORM_DIALOG)

static void
update_save_button (ParImportDialog *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));

  par_form_dialog_set_can_save (PAR_FORM_DIALOG (self), !self->has_problems && *name != '\0');
}

static gint64
par_import_dialog_save (ParFormDialog  *dialog,
                        GError        **error)
{
  ParImportDialog *self = PAR_IMPORT_DIALOG (dialog);
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  gint64 id;

  par_criteria_set_set_name (self->set, name);
  par_criteria_set_set_level (self->set, adw_combo_row_get_selected (self->level_row));
  par_criteria_set_set_year (self->set, gtk_spin_button_get_value_as_int (self->year_spin));
  id = par_criteria_set_save (self->set, par_context_get_database (self->context), error);
  if (id != 0)
    {
      g_autofree char *message = g_strdup_printf (_("“%s” imported"), name);

      par_context_show_toast (self->context, message);
    }
  return id;
}

static GtkWidget *
problem_row (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "form-error");
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  gtk_widget_set_margin_top (label, 6);
  gtk_widget_set_margin_bottom (label, 6);
  return label;
}

static GtkWidget *
node_row (ParCriteriaNode *node)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *code = gtk_label_new (par_criteria_node_get_code (node));
  GtkWidget *title = gtk_label_new (par_criteria_node_get_title (node));
  g_autofree char *max = par_format_points (par_criteria_node_get_max (node));
  GtkWidget *max_label = gtk_label_new (max);
  GtkWidget *method = gtk_label_new (par_criteria_node_is_leaf (node)
                                     ? par_scoring_method_get_label (par_criteria_node_get_method (node)) : "");

  gtk_widget_set_margin_start (box, 12 + 18 * par_criteria_node_get_depth (node));
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_widget_add_css_class (code, "dim-label");
  gtk_widget_add_css_class (code, "numeric");
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (title, TRUE);
  gtk_widget_add_css_class (max_label, "numeric");
  gtk_widget_add_css_class (method, "dim-label");
  gtk_widget_add_css_class (method, "caption");
  if (par_criteria_node_get_depth (node) == 0)
    gtk_widget_add_css_class (title, "heading");
  gtk_box_append (GTK_BOX (box), code);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), method);
  gtk_box_append (GTK_BOX (box), max_label);
  return box;
}

ParImportDialog *
par_import_dialog_new (GtkWindow      *parent,
                       ParContext     *context,
                       ParCriteriaSet *set,
                       GPtrArray      *problems)
{
  ParImportDialog *self;
  g_autoptr(GtkStringList) levels = gtk_string_list_new (NULL);
  g_autofree char *basename = g_path_get_basename (par_criteria_set_get_source_file (set));
  g_autofree char *max = par_format_points (par_criteria_set_get_max_total (set));
  g_autofree char *summary = NULL;
  int year = par_criteria_set_get_year (set);

  g_return_val_if_fail (PAR_IS_CONTEXT (context), NULL);

  self = g_object_new (PAR_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->set = g_object_ref (set);
  self->has_problems = problems->len > 0;

  adw_window_title_set_subtitle (self->title_widget, basename);
  for (guint i = 0; i < PAR_N_UNIT_LEVELS; i++)
    gtk_string_list_append (levels, par_unit_level_get_label (i));
  adw_combo_row_set_model (self->level_row, G_LIST_MODEL (levels));
  adw_combo_row_set_selected (self->level_row, par_criteria_set_get_level (set));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), par_criteria_set_get_name (set));
  if (year == 0)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      year = g_date_time_get_year (now);
    }
  gtk_spin_button_set_value (self->year_spin, year);

  if (problems->len > 0)
    summary = g_strdup_printf (ngettext ("The file has %u problem. Correct it in the file and import it again; "
                                         "nothing is imported until then.",
                                         "The file has %u problems. Correct them in the file and import it again; "
                                         "nothing is imported until then.",
                                         problems->len),
                               problems->len);
  else
    summary = g_strdup_printf (ngettext ("%u node, %s points in all.", "%u nodes, %s points in all.",
                                         par_criteria_set_get_n_nodes (set)),
                               par_criteria_set_get_n_nodes (set), max);
  gtk_label_set_text (self->summary_label, summary);
  if (problems->len > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "form-error");

  gtk_widget_set_visible (GTK_WIDGET (self->problems_list), problems->len > 0);
  for (guint i = 0; i < problems->len; i++)
    gtk_list_box_append (self->problems_list, problem_row (g_ptr_array_index (problems, i)));
  for (guint i = 0; i < par_criteria_set_get_n_nodes (set); i++)
    gtk_list_box_append (self->tree_list, node_row (par_criteria_set_get_node (set, i)));

  update_save_button (self);
  return self;
}

typedef struct
{
  GtkWindow   *parent;
  ParContext  *context;
  char        *path;
} ReadRequest;

static void
read_request_free (gpointer data)
{
  ReadRequest *request = data;

  g_clear_object (&request->parent);
  g_clear_object (&request->context);
  g_free (request->path);
  g_free (request);
}

typedef struct
{
  ParCriteriaSet *set;
  GPtrArray      *problems;
} ReadResult;

static void
read_result_free (gpointer data)
{
  ReadResult *result = data;

  g_clear_object (&result->set);
  g_clear_pointer (&result->problems, g_ptr_array_unref);
  g_free (result);
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ReadRequest *request = task_data;
  ReadResult *result = g_new0 (ReadResult, 1);
  g_autoptr(GError) error = NULL;

  result->set = par_criteria_import_read (request->path, &result->problems, &error);
  if (result->set == NULL)
    {
      read_result_free (result);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_pointer (task, result, read_result_free);
}

static void
read_done (GObject      *source,
           GAsyncResult *async_result,
           gpointer      user_data)
{
  ReadRequest *request = g_task_get_task_data (G_TASK (async_result));
  ReadResult *result;
  g_autoptr(GError) error = NULL;

  result = g_task_propagate_pointer (G_TASK (async_result), &error);
  if (result == NULL)
    {
      g_autofree char *name = g_path_get_basename (request->path);
      g_autofree char *heading = g_strdup_printf (_("“%s” could not be read"), name);

      par_context_report_error (request->context, heading, error);
      return;
    }
  gtk_window_present (GTK_WINDOW (par_import_dialog_new (request->parent, request->context, result->set,
                                                         result->problems)));
  read_result_free (result);
}

/* Reads @path in a worker, then shows what it holds. */
void
par_import_dialog_open_path (GtkWindow   *parent,
                             ParContext  *context,
                             const char  *path)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, read_done, NULL);
  ReadRequest *request = g_new0 (ReadRequest, 1);

  request->parent = g_object_ref (parent);
  request->context = g_object_ref (context);
  request->path = g_strdup (path);
  g_task_set_task_data (task, request, read_request_free);
  g_task_run_in_thread (task, read_thread);
}

/* @user_data: a ReadRequest without its path yet. */
static void
file_chosen (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  ReadRequest *request = user_data;
  g_autofree char *path = par_file_chooser_run_finish_path (result, NULL);

  if (path != NULL)
    par_import_dialog_open_path (request->parent, request->context, path);
  read_request_free (request);
}

/* Asks for a JSON or CSV file, then previews it. */
void
par_import_dialog_choose_file (GtkWindow   *parent,
                               ParContext  *context)
{
  static const char * const patterns[] = { "*.json", "*.csv", "*.JSON", "*.CSV", NULL };
  g_autoptr(ParFileChooser) chooser = par_file_chooser_new (PAR_FILE_CHOOSER_OPEN, _("Import a Criteria Set"),
                                                            _("_Open"));
  ReadRequest *request = g_new0 (ReadRequest, 1);

  par_file_chooser_add_filter (chooser, _("Criteria sets (JSON, CSV)"), NULL, patterns);
  request->parent = g_object_ref (parent);
  request->context = g_object_ref (context);
  par_file_chooser_run_async (chooser, parent, file_chosen, request);
}

static void
par_import_dialog_dispose (GObject *object)
{
  ParImportDialog *self = PAR_IMPORT_DIALOG (object);

  g_clear_object (&self->context);
  g_clear_object (&self->set);
  gtk_widget_dispose_template (GTK_WIDGET (self), PAR_TYPE_IMPORT_DIALOG);

  G_OBJECT_CLASS (par_import_dialog_parent_class)->dispose (object);
}

static void
par_import_dialog_class_init (ParImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = par_import_dialog_dispose;
  PAR_FORM_DIALOG_CLASS (klass)->save = par_import_dialog_save;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pardesk/ParDesk/ui/index/par-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ParImportDialog, title_widget);
  gtk_widget_class_bind_template_child (widget_class, ParImportDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, ParImportDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, ParImportDialog, level_row);
  gtk_widget_class_bind_template_child (widget_class, ParImportDialog, year_spin);
  gtk_widget_class_bind_template_child (widget_class, ParImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ParImportDialog, problems_list);
  gtk_widget_class_bind_template_child (widget_class, ParImportDialog, tree_list);
  gtk_widget_class_bind_template_child (widget_class, ParImportDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, update_save_button);
}

static void
par_import_dialog_init (ParImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  par_form_dialog_bind (PAR_FORM_DIALOG (self), self->save_button, self->error_label);
}
