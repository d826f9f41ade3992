/* par-task-dialog.c: add or edit a task of the plan
 *
 * Keyboard first: the title has the focus, Tab goes from row to row, the
 * lead unit's list is searched by typing, Enter saves. The deadline is a
 * date, a quarter of the plan's year or ongoing; the date row or the
 * quarter row shows as the kind asks. The PAR Index items the task serves
 * are chosen below and saved with it. Mistakes stay in the dialog.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "par-task-dialog.h"
#include "par-task-items-editor.h"

struct _ParTaskDialog
{
  ParFormDialog   parent_instance;

  ParDatabase    *db;
  ParPlan        *plan;
  ParTask        *task;         /* NULL when adding */
  GPtrArray      *units;        /* ParUnit, in tree order */
  GPtrArray      *checks;       /* GtkCheckButton per unit, for coordinating */

  AdwWindowTitle *title_widget;
  GtkButton      *save_button;
  AdwEntryRow    *title_row;
  AdwComboRow    *area_row;
  GtkDropDown    *lead_dropdown;
  AdwExpanderRow *coordinating_row;
  AdwEntryRow    *output_row;
  AdwComboRow    *deadline_kind_row;
  AdwEntryRow    *deadline_date_row;
  AdwComboRow    *quarter_row;
  AdwEntryRow    *code_row;
  ParTaskItemsEditor *items_editor;
  GtkLabel       *error_label;
};

G_DEFINE_FINAL_TYPE (ParTaskDialog, par_task_dialog, PAR_TYPE_FORM_DIALOG)

static gboolean
read_deadline_date (ParTaskDialog *self,
                    GDate         *date)
{
  return par_plan_parse_date (gtk_editable_get_text (GTK_EDITABLE (self->deadline_date_row)), date);
}

static void
update_save_button (ParTaskDialog *self)
{
  ParDeadlineKind kind = adw_combo_row_get_selected (self->deadline_kind_row);
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  GDate date;

  gtk_widget_set_visible (GTK_WIDGET (self->deadline_date_row), kind == PAR_DEADLINE_DATE);
  gtk_widget_set_visible (GTK_WIDGET (self->quarter_row), kind == PAR_DEADLINE_QUARTER);
  par_form_dialog_set_can_save (PAR_FORM_DIALOG (self),
                                *title != '\0' && self->units->len > 0
                                && (kind != PAR_DEADLINE_DATE || read_deadline_date (self, &date)));
}

/* The chosen coordinating units, in the directory's order, lead left out. */
static void
update_coordinating (ParTaskDialog *self)
{
  guint lead = gtk_drop_down_get_selected (self->lead_dropdown);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < self->checks->len; i++)
    {
      GtkWidget *check = g_ptr_array_index (self->checks, i);
      GtkWidget *row = gtk_widget_get_ancestor (check, ADW_TYPE_ACTION_ROW);

      gtk_widget_set_sensitive (row, i != lead);
      if (i == lead || !gtk_check_button_get_active (GTK_CHECK_BUTTON (check)))
        continue;
      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, par_unit_get_name (g_ptr_array_index (self->units, i)));
    }
  adw_expander_row_set_subtitle (self->coordinating_row, names->len > 0 ? names->str : _("None"));
}

static gboolean
save_items (ParTaskDialog  *self,
            gint64          task_id,
            GError        **error)
{
  g_autoptr(GArray) ids = par_task_items_editor_get_node_ids (self->items_editor);

  return par_task_items_set (self->db, task_id, (const gint64 *) (gpointer) ids->data, ids->len, error);
}

static gint64
par_task_dialog_save (ParFormDialog  *dialog,
                      GError        **error)
{
  ParTaskDialog *self = PAR_TASK_DIALOG (dialog);
  guint lead = gtk_drop_down_get_selected (self->lead_dropdown);
  g_autoptr(GArray) coordinating = g_array_new (FALSE, FALSE, sizeof (gint64));
  ParTaskSpec spec = { 0 };

  for (guint i = 0; i < self->checks->len; i++)
    if (i != lead && gtk_check_button_get_active (g_ptr_array_index (self->checks, i)))
      {
        gint64 id = par_unit_get_id (g_ptr_array_index (self->units, i));

        g_array_append_val (coordinating, id);
      }
  spec.code = gtk_editable_get_text (GTK_EDITABLE (self->code_row));
  spec.title = gtk_editable_get_text (GTK_EDITABLE (self->title_row));
  spec.area = adw_combo_row_get_selected (self->area_row);
  spec.output = gtk_editable_get_text (GTK_EDITABLE (self->output_row));
  spec.deadline_kind = adw_combo_row_get_selected (self->deadline_kind_row);
  read_deadline_date (self, &spec.deadline_date);
  spec.deadline_quarter = (int) adw_combo_row_get_selected (self->quarter_row) + 1;
  spec.lead_id = lead < self->units->len ? par_unit_get_id (g_ptr_array_index (self->units, lead)) : 0;
  spec.coordinating_ids = (const gint64 *) coordinating->data;
  spec.n_coordinating = coordinating->len;

  if (self->task == NULL)
    {
      gint64 id = par_plans_add_task (self->db, par_plan_get_id (self->plan), &spec, error);

      if (id == 0)
        return 0;
      /* Added: if its items fail, trying again edits it rather than adding it twice. */
      self->task = par_plans_get_task (self->db, id, NULL);
      adw_window_title_set_title (self->title_widget, _("Edit Task"));
      gtk_button_set_label (self->save_button, _("_Save"));
      return save_items (self, id, error) ? id : 0;
    }
  if (!par_plans_update_task (self->db, par_task_get_id (self->task), &spec, error))
    return 0;
  return save_items (self, par_task_get_id (self->task), error) ? par_task_get_id (self->task) : 0;
}

static void
fill_choices (ParTaskDialog *self)
{
  g_autoptr(GtkStringList) areas = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) quarters = gtk_string_list_new (NULL);

  for (guint i = 0; i < PAR_N_AREAS; i++)
    {
      g_autofree char *label = g_strdup_printf ("%s. %s", par_area_get_numeral (i), par_area_get_name (i));

      gtk_string_list_append (areas, label);
    }
  adw_combo_row_set_model (self->area_row, G_LIST_MODEL (areas));
  /* In the order of ParDeadlineKind. */
  gtk_string_list_append (kinds, _("A date"));
  gtk_string_list_append (kinds, _("A quarter"));
  gtk_string_list_append (kinds, _("Ongoing (all year)"));
  adw_combo_row_set_model (self->deadline_kind_row, G_LIST_MODEL (kinds));
  for (int q = 1; q <= 4; q++)
    {
      g_autofree char *label = g_strdup_printf (C_("deadline", "Q%d"), q);

      gtk_string_list_append (quarters, label);
    }
  adw_combo_row_set_model (self->quarter_row, G_LIST_MODEL (quarters));
}

static gboolean
fill_units (ParTaskDialog  *self,
            GError        **error)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GtkExpression) name = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");

  self->units = par_directory_list_all_units (self->db, error);
  if (self->units == NULL)
    {
      self->units = g_ptr_array_new ();
      return FALSE;
    }
  for (guint i = 0; i < self->units->len; i++)
    {
      ParUnit *unit = g_ptr_array_index (self->units, i);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();

      gtk_string_list_append (names, par_unit_get_name (unit));
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), par_unit_get_name (unit));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), par_unit_get_code (unit));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
      g_signal_connect_object (check, "toggled", G_CALLBACK (update_coordinating), self, G_CONNECT_SWAPPED);
      adw_expander_row_add_row (self->coordinating_row, row);
      g_ptr_array_add (self->checks, check);
    }
  gtk_drop_down_set_expression (self->lead_dropdown, name);
  gtk_drop_down_set_model (self->lead_dropdown, G_LIST_MODEL (names));
  return TRUE;
}

static guint
unit_position (ParTaskDialog *self,
               gint64         unit_id)
{
  for (guint i = 0; i < self->units->len; i++)
    if (par_unit_get_id (g_ptr_array_index (self->units, i)) == unit_id)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

static void
show_task (ParTaskDialog *self,
           ParTask       *task)
{
  GArray *coordinating = par_task_get_coordinating_ids (task);
  guint lead = unit_position (self, par_task_get_lead_id (task));
  GDate date;

  adw_window_title_set_title (self->title_widget, _("Edit Task"));
  gtk_button_set_label (self->save_button, _("_Save"));
  gtk_editable_set_text (GTK_EDITABLE (self->title_row), par_task_get_title (task));
  gtk_editable_set_text (GTK_EDITABLE (self->code_row), par_task_get_code (task));
  gtk_editable_set_text (GTK_EDITABLE (self->output_row),
                         par_task_get_output (task) != NULL ? par_task_get_output (task) : "");
  adw_combo_row_set_selected (self->area_row, par_task_get_area (task));
  adw_combo_row_set_selected (self->deadline_kind_row, par_task_get_deadline_kind (task));
  if (par_task_get_deadline_kind (task) == PAR_DEADLINE_DATE)
    {
      g_autofree char *text = NULL;

      par_task_get_deadline_date (task, &date);
      text = par_format_gdate (&date);
      gtk_editable_set_text (GTK_EDITABLE (self->deadline_date_row), text);
    }
  if (par_task_get_deadline_kind (task) == PAR_DEADLINE_QUARTER)
    adw_combo_row_set_selected (self->quarter_row, par_task_get_deadline_quarter (task) - 1);
  if (lead != GTK_INVALID_LIST_POSITION)
    gtk_drop_down_set_selected (self->lead_dropdown, lead);
  for (guint i = 0; coordinating != NULL && i < coordinating->len; i++)
    {
      guint position = unit_position (self, g_array_index (coordinating, gint64, i));

      if (position != GTK_INVALID_LIST_POSITION)
        gtk_check_button_set_active (g_ptr_array_index (self->checks, position), TRUE);
    }
}

/* Adds a task to @plan (with @task NULL) or edits @task. */
ParTaskDialog *
par_task_dialog_new (GtkWindow   *parent,
                     ParDatabase *db,
                     ParPlan     *plan,
                     ParTask     *task)
{
  ParTaskDialog *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (PAR_IS_DATABASE (db), NULL);
  g_return_val_if_fail (PAR_IS_PLAN (plan), NULL);

  self = g_object_new (PAR_TYPE_TASK_DIALOG, "transient-for", parent, NULL);
  self->db = g_object_ref (db);
  self->plan = g_object_ref (plan);
  self->task = task != NULL ? g_object_ref (task) : NULL;
  fill_choices (self);
  if (!fill_units (self, &error))
    par_form_dialog_show_error (PAR_FORM_DIALOG (self), error->message);
  else
    {
      /* The plan's own unit leads most of its tasks. */
      guint own = unit_position (self, par_plan_get_unit_id (plan));

      if (own != GTK_INVALID_LIST_POSITION)
        gtk_drop_down_set_selected (self->lead_dropdown, own);
    }
  if (task != NULL)
    show_task (self, task);
  g_clear_error (&error);
  if (!par_task_items_editor_load (self->items_editor, db, task != NULL ? par_task_get_id (task) : 0, &error))
    par_form_dialog_show_error (PAR_FORM_DIALOG (self), error->message);
  g_signal_connect_object (self->lead_dropdown, "notify::selected", G_CALLBACK (update_coordinating), self,
                           G_CONNECT_SWAPPED);
  update_coordinating (self);
  update_save_button (self);
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->title_row));
  return self;
}

static void
par_task_dialog_dispose (GObject *object)
{
  ParTaskDialog *self = PAR_TASK_DIALOG (object);

  g_clear_object (&self->db);
  g_clear_object (&self->plan);
  g_clear_object (&self->task);
  g_clear_pointer (&self->units, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), PAR_TYPE_TASK_DIALOG);

  G_OBJECT_CLASS (par_task_dialog_parent_class)->dispose (object);
}

static void
par_task_dialog_class_init (ParTaskDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = par_task_dialog_dispose;
  PAR_FORM_DIALOG_CLASS (klass)->save = par_task_dialog_save;

  g_type_ensure (PAR_TYPE_TASK_ITEMS_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pardesk/ParDesk/ui/plan/par-task-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, ParTaskDialog, title_widget);
  gtk_widget_class_bind_template_child (widget_class, ParTaskDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, ParTaskDialog, title_row);
  gtk_widget_class_bind_template_child (widget_class, ParTaskDialog, area_row);
  gtk_widget_class_bind_template_child (widget_class, ParTaskDialog, lead_dropdown);
  gtk_widget_class_bind_template_child (widget_class, ParTaskDialog, coordinating_row);
  gtk_widget_class_bind_template_child (widget_class, ParTaskDialog, output_row);
  gtk_widget_class_bind_template_child (widget_class, ParTaskDialog, deadline_kind_row);
  gtk_widget_class_bind_template_child (widget_class, ParTaskDialog, deadline_date_row);
  gtk_widget_class_bind_template_child (widget_class, ParTaskDialog, quarter_row);
  gtk_widget_class_bind_template_child (widget_class, ParTaskDialog, code_row);
  gtk_widget_class_bind_template_child (widget_class, ParTaskDialog, items_editor);
  gtk_widget_class_bind_template_child (widget_class, ParTaskDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, update_save_button);
}

static void
par_task_dialog_init (ParTaskDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->checks = g_ptr_array_new ();
  par_form_dialog_bind (PAR_FORM_DIALOG (self), self->save_button, self->error_label);
}
