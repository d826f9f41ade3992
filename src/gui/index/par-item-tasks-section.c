/* par-item-tasks-section.c: the item pane's list of the plan tasks serving the item, with their status today
 *
 * Where the plan and the score meet: the tasks of the reform plans that
 * name this item (task dialog, "PAR Index items"), each with its coloured
 * status as of today, as the Plan view colours it. Groups of items are
 * not served by tasks: the section hides for them. It follows the file:
 * a task edited, progressed or completed shows here at once.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "par-item-tasks-section.h"
#include "par-plan-row.h"

struct _ParItemTasksSection
{
  GtkBox           parent_instance;

  ParContext      *context;
  ParCriteriaNode *node;       /* the item shown, or NULL */
  guint            n_tasks;

  GtkLabel        *none_label;
  GtkListBox      *task_list;
};

G_DEFINE_FINAL_TYPE (ParItemTasksSection, par_item_tasks_section, GTK_TYPE_BOX)

/* The task's code and title, then its coloured status and its plan: the
 * pane is narrow, so the status goes under the title rather than beside it. */
static GtkWidget *
task_row_new (ParServingTask *serving)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  g_autofree char *text = g_strdup_printf ("%s %s", par_task_get_code (serving->task),
                                           par_task_get_title (serving->task));
  /* Translators: under a task serving a PAR Index item: its plan's year and unit */
  g_autofree char *plan_text = g_strdup_printf (_("Plan %d · %s"), par_task_get_plan_year (serving->task),
                                                serving->unit_name);
  GtkWidget *title = gtk_label_new (text);
  GtkWidget *status = gtk_label_new (par_task_status_get_label (serving->status));
  GtkWidget *plan = gtk_label_new (plan_text);

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (status, "task-status");
  gtk_widget_add_css_class (status, par_task_status_get_css_class (serving->status));
  gtk_widget_set_valign (status, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (plan), 0);
  gtk_label_set_ellipsize (GTK_LABEL (plan), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (plan, TRUE);
  gtk_widget_add_css_class (plan, "dim-label");
  gtk_widget_add_css_class (plan, "caption");
  gtk_widget_set_tooltip_text (plan, plan_text);
  gtk_box_append (GTK_BOX (line), status);
  gtk_box_append (GTK_BOX (line), plan);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), line);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

static void
refill (ParItemTasksSection *self)
{
  ParDatabase *db = self->context != NULL ? par_context_get_database (self->context) : NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  GDate today;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->task_list))) != NULL)
    gtk_list_box_remove (self->task_list, child);
  gtk_widget_set_visible (GTK_WIDGET (self), self->node != NULL && par_criteria_node_is_leaf (self->node));
  if (db == NULL || !gtk_widget_get_visible (GTK_WIDGET (self)))
    return;
  par_plan_today (&today);
  tasks = par_task_items_list_tasks (db, par_criteria_node_get_id (self->node), &today, &error);
  if (tasks == NULL)
    par_context_report_error (self->context, _("The plan tasks serving the item could not be read"), error);
  self->n_tasks = tasks != NULL ? tasks->len : 0;
  for (guint i = 0; i < self->n_tasks; i++)
    gtk_list_box_append (self->task_list, task_row_new (g_ptr_array_index (tasks, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->task_list), self->n_tasks > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->none_label), self->n_tasks == 0);
}

static void
database_changed (ParItemTasksSection *self,
                  ParChange            what)
{
  if (what == PAR_CHANGE_PLANS || what == PAR_CHANGE_UNITS)
    refill (self);
}

/* The section reads the context's file, and follows its changes. */
void
par_item_tasks_section_set_context (ParItemTasksSection *self,
                                    ParContext          *context)
{
  g_return_if_fail (PAR_IS_ITEM_TASKS_SECTION (self));
  g_return_if_fail (PAR_IS_CONTEXT (context));
  g_return_if_fail (self->context == NULL);

  self->context = g_object_ref (context);
  g_signal_connect_object (context, "changed", G_CALLBACK (database_changed), self, G_CONNECT_SWAPPED);
}

/* Lists the tasks serving @node (NULL: none shown). */
void
par_item_tasks_section_show (ParItemTasksSection *self,
                             ParCriteriaNode     *node)
{
  g_return_if_fail (PAR_IS_ITEM_TASKS_SECTION (self));

  g_set_object (&self->node, node);
  self->n_tasks = 0;
  refill (self);
}

guint
par_item_tasks_section_get_n_tasks (ParItemTasksSection *self)
{
  g_return_val_if_fail (PAR_IS_ITEM_TASKS_SECTION (self), 0);
  return self->n_tasks;
}

static void
par_item_tasks_section_dispose (GObject *object)
{
  ParItemTasksSection *self = PAR_ITEM_TASKS_SECTION (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PAR_TYPE_ITEM_TASKS_SECTION);
  g_clear_object (&self->node);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (par_item_tasks_section_parent_class)->dispose (object);
}

static void
par_item_tasks_section_class_init (ParItemTasksSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = par_item_tasks_section_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pardesk/ParDesk/ui/index/par-item-tasks-section.ui");
  gtk_widget_class_bind_template_child (widget_class, ParItemTasksSection, none_label);
  gtk_widget_class_bind_template_child (widget_class, ParItemTasksSection, task_list);
}

static void
par_item_tasks_section_init (ParItemTasksSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
