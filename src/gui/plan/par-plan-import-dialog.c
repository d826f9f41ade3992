/* par-plan-import-dialog.c: previewing a CSV file of tasks before it is added to a plan
 *
 * The file is read in a worker, with a connection of its own, by the same
 * reader as `par-desk-cli plan import`. The dialog then shows either every
 * problem of the file by its line, and imports nothing, or the tasks it
 * will add, and adds them all at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "par-file-chooser.h"
#include "par-plan-import-dialog.h"

enum {
  COLUMN_AREA, COLUMN_CODE, COLUMN_TITLE, COLUMN_LEAD, COLUMN_COORDINATING, COLUMN_DEADLINE, N_COLUMNS
};

struct _ParPlanImportDialog
{
  ParFormDialog   parent_instance;

  ParContext     *context;
  ParPlan        *plan;
  ParPlanImport  *import;
  GHashTable     *unit_names;    /* unit id → name */

  AdwWindowTitle *title_widget;
  GtkButton      *save_button;
  GtkImage       *heading_icon;
  GtkLabel       *heading_label;
  GtkLabel       *summary_label;
  GtkLabel       *error_label;
  GtkStack       *list_stack;
  GtkListBox     *problems_list;
  GtkColumnView  *task_view;
};

G_DEFINE_FINAL_TYPE (ParPlanImportDialog, par_plan_import_dialog, PAR_TYPE_FORM_DIALOG)

static gint64
par_plan_import_dialog_save (ParFormDialog  *dialog,
                             GError        **error)
{
  ParPlanImportDialog *self = PAR_PLAN_IMPORT_DIALOG (dialog);
  g_autoptr(GArray) ids = NULL;
  g_autofree char *message = NULL;

  ids = par_plan_import_write (par_context_get_database (self->context), self->import, error);
  if (ids == NULL)
    return 0;
  if (ids->len == 0)
    {
      g_set_error_literal (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_REFUSED, _("The file holds no task."));
      return 0;
    }
  message = g_strdup_printf (ngettext ("%u task added to the plan", "%u tasks added to the plan", ids->len),
                             ids->len);
  par_context_show_toast (self->context, message);
  return g_array_index (ids, gint64, ids->len - 1);
}

static GtkWidget *
problem_row (const ParPlanImportProblem *problem)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  /* Translators: where a problem of a CSV file is: its line */
  g_autofree char *where = g_strdup_printf (_("Line %u"), problem->line);
  GtkWidget *line = gtk_label_new (where);
  GtkWidget *message = gtk_label_new (problem->message);

  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_label_set_xalign (GTK_LABEL (line), 0);
  gtk_label_set_width_chars (GTK_LABEL (line), 8);
  gtk_widget_set_valign (line, GTK_ALIGN_START);
  gtk_widget_add_css_class (line, "heading");
  gtk_widget_add_css_class (line, "numeric");
  gtk_label_set_xalign (GTK_LABEL (message), 0);
  gtk_label_set_wrap (GTK_LABEL (message), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (message), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (message), TRUE);
  gtk_widget_set_hexpand (message, TRUE);
  gtk_widget_add_css_class (message, "form-error");
  gtk_box_append (GTK_BOX (box), line);
  gtk_box_append (GTK_BOX (box), message);
  return box;
}

/* The deadline as the Plan view writes it. */
static char *
deadline_text (const ParTaskSpec *spec)
{
  switch (spec->deadline_kind)
    {
    case PAR_DEADLINE_QUARTER:
      return g_strdup_printf (C_("deadline", "Q%d"), spec->deadline_quarter);
    case PAR_DEADLINE_ONGOING:
      return g_strdup (C_("deadline", "Ongoing"));
    case PAR_DEADLINE_DATE:
    case PAR_N_DEADLINE_KINDS:
    default:
      return par_format_gdate (&spec->deadline_date);
    }
}

static char *
cell_text (ParPlanImportDialog *self,
           const ParTaskSpec   *spec,
           guint                column)
{
  GString *names;

  switch (column)
    {
    case COLUMN_AREA:
      return g_strdup (par_area_get_numeral (spec->area));
    case COLUMN_CODE:
      return g_strdup (spec->code);
    case COLUMN_TITLE:
      return g_strdup (spec->title);
    case COLUMN_LEAD:
      return g_strdup (g_hash_table_lookup (self->unit_names, &spec->lead_id));
    case COLUMN_COORDINATING:
      names = g_string_new (NULL);
      for (guint i = 0; i < spec->n_coordinating; i++)
        {
          const char *name = g_hash_table_lookup (self->unit_names, &spec->coordinating_ids[i]);

          g_string_append_printf (names, "%s%s", i > 0 ? ", " : "", name != NULL ? name : "");
        }
      return g_string_free (names, FALSE);
    default:
      return deadline_text (spec);
    }
}

/* Texts wrap, as in the spreadsheet they come from; codes and dates do not. */
static void
setup_cell (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  user_data)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  if (column == COLUMN_TITLE || column == COLUMN_LEAD || column == COLUMN_COORDINATING)
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_width_chars (GTK_LABEL (label), 12);
      gtk_label_set_lines (GTK_LABEL (label), 3);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
    }
  else
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (item, label);
}

static void
bind_cell (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           ParPlanImportDialog      *self)
{
  GtkStringObject *position = gtk_list_item_get_item (item);
  guint index = (guint) g_ascii_strtoull (gtk_string_object_get_string (position), NULL, 10);
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), "column"));
  const ParPlanImportTask *task = par_plan_import_get_task (self->import, index);
  g_autofree char *text = cell_text (self, &task->spec, column);
  GtkWidget *label = gtk_list_item_get_child (item);

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_widget_set_tooltip_text (label, column == COLUMN_AREA ? par_area_get_name (task->spec.area) : text);
}

static void
build_columns (ParPlanImportDialog *self)
{
  const char *titles[N_COLUMNS] = {
    C_("plan report", "Area"),
    C_("plan report", "Code"),
    C_("plan report", "Task"),
    C_("plan report", "Lead unit"),
    C_("plan workbook", "Coordinating units"),
    C_("plan report", "Deadline"),
  };
  static const int widths[N_COLUMNS] = { 76, 64, -1, 190, 190, 116 };

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;

      g_object_set_data (G_OBJECT (factory), "column", GUINT_TO_POINTER (c));
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell), NULL);
      g_signal_connect_object (factory, "bind", G_CALLBACK (bind_cell), self, 0);
      column = gtk_column_view_column_new (titles[c], g_object_ref (factory));
      gtk_column_view_column_set_resizable (column, TRUE);
      if (widths[c] > 0)
        gtk_column_view_column_set_fixed_width (column, widths[c]);
      else
        gtk_column_view_column_set_expand (column, TRUE);
      gtk_column_view_append_column (self->task_view, column);
    }
}

static void
show_problems (ParPlanImportDialog *self)
{
  guint n = par_plan_import_get_n_problems (self->import);
  g_autofree char *heading = g_strdup_printf (ngettext ("The file has %u problem: nothing was imported",
                                                        "The file has %u problems: nothing was imported", n), n);

  gtk_image_set_from_icon_name (self->heading_icon, "dialog-warning-symbolic");
  gtk_widget_add_css_class (GTK_WIDGET (self->heading_icon), "error");
  gtk_label_set_text (self->heading_label, heading);
  gtk_label_set_text (self->summary_label,
                      _("Nothing was written to the plan. Correct each line below in the spreadsheet, save it "
                        "again as CSV (“CSV UTF-8” in Excel) and import the file again."));
  for (guint i = 0; i < n; i++)
    gtk_list_box_append (self->problems_list, problem_row (par_plan_import_get_problem (self->import, i)));
  gtk_stack_set_visible_child_name (self->list_stack, "problems");
  gtk_button_set_label (self->save_button, _("_Import"));
  par_form_dialog_set_can_save (PAR_FORM_DIALOG (self), FALSE);
}

static void
show_tasks (ParPlanImportDialog *self)
{
  guint n = par_plan_import_get_n_tasks (self->import);
  g_autoptr(GtkStringList) positions = gtk_string_list_new (NULL);
  g_autofree char *heading = NULL;
  g_autofree char *button = NULL;

  for (guint i = 0; i < n; i++)
    {
      char position[16];

      g_snprintf (position, sizeof position, "%u", i);
      gtk_string_list_append (positions, position);
    }
  gtk_column_view_set_model (self->task_view,
                             GTK_SELECTION_MODEL (gtk_no_selection_new (G_LIST_MODEL (g_steal_pointer (&positions)))));
  gtk_image_set_from_icon_name (self->heading_icon, n > 0 ? "document-open-symbolic" : "dialog-information-symbolic");
  if (n > 0)
    heading = g_strdup_printf (ngettext ("%u task to add to “%s”", "%u tasks to add to “%s”", n), n,
                               par_plan_get_title (self->plan));
  else
    heading = g_strdup (_("The file holds no task"));
  gtk_label_set_text (self->heading_label, heading);
  gtk_label_set_text (self->summary_label,
                      n > 0 ? _("Check them before importing: they are added all at once, after the plan’s own tasks.")
                            : _("Only its header row was found: there is nothing to import."));
  gtk_stack_set_visible_child_name (self->list_stack, "tasks");
  /* Translators: the button that adds the tasks of a CSV file to the plan */
  button = g_strdup_printf (ngettext ("_Import %u Task", "_Import %u Tasks", n), n);
  gtk_button_set_label (self->save_button, button);
  par_form_dialog_set_can_save (PAR_FORM_DIALOG (self), n > 0);
}

/* A dialog showing what @import (taken) read from @file_name for @plan. */
ParPlanImportDialog *
par_plan_import_dialog_new (GtkWindow     *parent,
                            ParContext    *context,
                            ParPlan       *plan,
                            const char    *file_name,
                            ParPlanImport *import)
{
  ParPlanImportDialog *self;
  g_autoptr(GPtrArray) units = NULL;

  g_return_val_if_fail (PAR_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (PAR_IS_PLAN (plan), NULL);
  g_return_val_if_fail (import != NULL, NULL);

  self = g_object_new (PAR_TYPE_PLAN_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->context = g_object_ref (context);
  self->plan = g_object_ref (plan);
  self->import = import;
  units = par_directory_list_all_units (par_context_get_database (context), NULL);
  for (guint i = 0; units != NULL && i < units->len; i++)
    {
      ParUnit *unit = g_ptr_array_index (units, i);

      g_hash_table_insert (self->unit_names, g_memdup2 (&(gint64) { par_unit_get_id (unit) }, sizeof (gint64)),
                           g_strdup (par_unit_get_name (unit)));
    }
  adw_window_title_set_subtitle (self->title_widget, file_name);
  if (par_plan_import_get_n_problems (import) > 0)
    show_problems (self);
  else
    show_tasks (self);
  return self;
}

typedef struct
{
  GtkWindow   *parent;
  ParContext  *context;
  ParPlan     *plan;
  char        *db_path;
  char        *path;
} ReadRequest;

static void
read_request_free (gpointer data)
{
  ReadRequest *request = data;

  g_clear_object (&request->parent);
  g_clear_object (&request->context);
  g_clear_object (&request->plan);
  g_free (request->db_path);
  g_free (request->path);
  g_free (request);
}

/* At most one byte more than a file of tasks may hold: the reader then
 * says the file is too large, and a huge file is never read whole. */
static GBytes *
read_bounded (const char  *path,
              GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, error);
  gsize size = PAR_PLAN_IMPORT_MAX_BYTES + 1;
  g_autofree char *buffer = NULL;
  gsize length = 0;

  if (stream == NULL)
    return NULL;
  buffer = g_malloc (size);
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), buffer, size, &length, NULL, error))
    return NULL;
  return g_bytes_new (buffer, length);
}

static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  ReadRequest *request = task_data;
  g_autoptr(ParDatabase) db = NULL;
  g_autoptr(GBytes) contents = NULL;
  g_autoptr(GError) error = NULL;
  ParPlanImport *import = NULL;

  /* A worker uses its own connection, and only reads. */
  contents = read_bounded (request->path, &error);
  if (contents != NULL)
    db = par_database_open (request->db_path, PAR_DATABASE_OPEN_READ_ONLY, &error);
  if (db != NULL)
    import = par_plan_import_read (db, par_plan_get_id (request->plan), contents, &error);
  if (import == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, import, (GDestroyNotify) par_plan_import_free);
}

static void
read_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  ReadRequest *request = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_path_get_basename (request->path);
  ParPlanImport *import = g_task_propagate_pointer (G_TASK (result), &error);

  if (import == NULL)
    {
      g_autofree char *heading = g_strdup_printf (_("“%s” could not be read"), name);

      par_context_report_error (request->context, heading, error);
      return;
    }
  gtk_window_present (GTK_WINDOW (par_plan_import_dialog_new (request->parent, request->context, request->plan, name,
                                                              import)));
}

/* Reads @path in a worker, then shows what it would add to @plan. */
void
par_plan_import_dialog_open_path (GtkWindow   *parent,
                                  ParContext  *context,
                                  ParPlan     *plan,
                                  const char  *path)
{
  g_autoptr(GTask) task = NULL;
  ReadRequest *request;
  ParDatabase *db = par_context_get_database (context);

  if (db == NULL)
    return;
  task = g_task_new (NULL, NULL, read_done, NULL);
  request = g_new0 (ReadRequest, 1);
  request->parent = g_object_ref (parent);
  request->context = g_object_ref (context);
  request->plan = g_object_ref (plan);
  request->db_path = g_strdup (par_database_get_path (db));
  request->path = g_strdup (path);
  g_task_set_source_tag (task, par_plan_import_dialog_open_path);
  g_task_set_task_data (task, request, read_request_free);
  g_task_run_in_thread (task, read_thread);
}

/* @user_data: a ReadRequest without its paths yet. */
static void
file_chosen (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  ReadRequest *request = user_data;
  g_autofree char *path = par_file_chooser_run_finish_path (result, NULL);

  if (path != NULL)
    par_plan_import_dialog_open_path (request->parent, request->context, request->plan, path);
  read_request_free (request);
}

/* Asks for a CSV file, then previews what it would add to @plan. */
void
par_plan_import_dialog_choose_file (GtkWindow   *parent,
                                    ParContext  *context,
                                    ParPlan     *plan)
{
  static const char * const patterns[] = { "*.csv", "*.CSV", "*.txt", "*.TXT", NULL };
  g_autoptr(ParFileChooser) chooser = par_file_chooser_new (PAR_FILE_CHOOSER_OPEN, _("Import Tasks from CSV"),
                                                            _("_Open"));
  ReadRequest *request = g_new0 (ReadRequest, 1);

  par_file_chooser_add_filter (chooser, _("Task tables (CSV)"), NULL, patterns);
  request->parent = g_object_ref (parent);
  request->context = g_object_ref (context);
  request->plan = g_object_ref (plan);
  par_file_chooser_run_async (chooser, parent, file_chosen, request);
}

static void
par_plan_import_dialog_dispose (GObject *object)
{
  ParPlanImportDialog *self = PAR_PLAN_IMPORT_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PAR_TYPE_PLAN_IMPORT_DIALOG);
  g_clear_object (&self->context);
  g_clear_object (&self->plan);
  g_clear_pointer (&self->import, par_plan_import_free);
  g_clear_pointer (&self->unit_names, g_hash_table_unref);

  G_OBJECT_CLASS (par_plan_import_dialog_parent_class)->dispose (object);
}

static void
par_plan_import_dialog_class_init (ParPlanImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = par_plan_import_dialog_dispose;
  PAR_FORM_DIALOG_CLASS (klass)->save = par_plan_import_dialog_save;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pardesk/ParDesk/ui/plan/par-plan-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ParPlanImportDialog, title_widget);
  gtk_widget_class_bind_template_child (widget_class, ParPlanImportDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, ParPlanImportDialog, heading_icon);
  gtk_widget_class_bind_template_child (widget_class, ParPlanImportDialog, heading_label);
  gtk_widget_class_bind_template_child (widget_class, ParPlanImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, ParPlanImportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, ParPlanImportDialog, list_stack);
  gtk_widget_class_bind_template_child (widget_class, ParPlanImportDialog, problems_list);
  gtk_widget_class_bind_template_child (widget_class, ParPlanImportDialog, task_view);
}

static void
par_plan_import_dialog_init (ParPlanImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->unit_names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  par_form_dialog_bind (PAR_FORM_DIALOG (self), self->save_button, self->error_label);
  build_columns (self);
}
