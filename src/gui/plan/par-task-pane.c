/* par-task-pane.c: the selected task of the plan: its details, status, progress history, evidence and
 * PAR Index items
 *
 * The pane only shows; its buttons name the view's actions (plan.*), which
 * the view enables for what the core allows: a task already completed or
 * cancelled takes no more progress, so those buttons are greyed out. Its
 * evidence is read here (a ParLinkedDocuments); attaching and unlinking
 * are the view's actions too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "par-detail-markup.h"
#include "par-linked-documents.h"
#include "par-task-items-section.h"
#include "par-task-pane.h"

struct _ParTaskPane
{
  AdwBin          parent_instance;

  GtkStack       *stack;
  GtkLabel       *code_label;
  GtkLabel       *status_label;
  GtkLabel       *title_label;
  GtkLabel       *details_label;
  GtkProgressBar *progress_bar;
  GtkLabel       *percent_label;
  GtkLabel       *no_progress_label;
  GtkListBox     *history_list;
  ParLinkedDocuments *evidence;
  ParTaskItemsSection *items_section;
  const char     *status_class;   /* the class on status_label */
  ParContext     *context;
};

G_DEFINE_FINAL_TYPE (ParTaskPane, par_task_pane, ADW_TYPE_BIN)

static void
show_details (ParTaskPane *self,
              ParPlanRow  *row,
              const char  *lead_name,
              const char  *coordinating_names)
{
  ParTask *task = par_plan_row_get_task (row);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *deadline = par_plan_row_get_deadline_text (row);
  g_autofree char *completed = NULL;
  g_autofree char *cancelled = NULL;
  GDate date;

  par_detail_markup_append_line (text, _("Area:"), par_area_get_name (par_task_get_area (task)));
  par_detail_markup_append_line (text, _("Lead unit:"), lead_name);
  par_detail_markup_append_line (text, _("Coordinating:"), coordinating_names);
  par_detail_markup_append_line (text, _("Output:"), par_task_get_output (task));
  par_detail_markup_append_line (text, _("Deadline:"), deadline);
  if (par_task_get_completed (task, &date))
    par_detail_markup_append_line (text, _("Completed on:"), (completed = par_format_gdate (&date)));
  if (par_task_get_cancelled (task, &date))
    {
      g_autofree char *day = par_format_gdate (&date);
      const char *note = par_task_get_cancel_note (task);

      cancelled = note != NULL && *note != '\0' ? g_strdup_printf ("%s — %s", day, note) : g_strdup (day);
      par_detail_markup_append_line (text, _("Cancelled on:"), cancelled);
    }
  gtk_label_set_markup (self->details_label, text->str);
}

static GtkWidget *
history_row (const ParProgressEntry *entry)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *day = par_format_gdate (&entry->date);
  g_autofree char *title = g_strdup_printf ("%s · %u%%", day, entry->percent);
  g_autofree char *subtitle = NULL;
  gboolean has_note = entry->note != NULL && *entry->note != '\0';
  gboolean has_who = entry->recorded_by != NULL && *entry->recorded_by != '\0';

  if (has_note && has_who)
    subtitle = g_strdup_printf ("%s — %s", entry->note, entry->recorded_by);
  else
    subtitle = g_strdup (has_note ? entry->note : has_who ? entry->recorded_by : "");
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}

static void
show_history (ParTaskPane *self,
              ParTask     *task)
{
  GPtrArray *entries = par_task_get_progress (task);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->history_list))) != NULL)
    gtk_list_box_remove (self->history_list, child);
  /* The latest first: what the meeting asks about. */
  for (guint i = entries->len; i > 0; i--)
    gtk_list_box_append (self->history_list, history_row (g_ptr_array_index (entries, i - 1)));
  gtk_widget_set_visible (GTK_WIDGET (self->history_list), entries->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->no_progress_label), entries->len == 0);
}

/* The documents linked to @task, as they are in the file now. */
static void
show_evidence (ParTaskPane *self,
               ParTask     *task)
{
  g_autoptr(ParLinkTarget) target = par_link_target_new_task (par_task_get_id (task));
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;

  if (self->context == NULL || par_context_get_database (self->context) == NULL)
    return;
  documents = par_evidence_list_for_target (par_context_get_database (self->context), target, &error);
  if (documents == NULL)
    {
      par_context_report_error (self->context, _("The linked documents could not be read"), error);
      documents = g_ptr_array_new ();
    }
  par_linked_documents_set_documents (self->evidence, documents);
}

static void
unlink_requested (ParTaskPane *self,
                  gint64       document_id)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "plan.unlink-evidence", "x", document_id);
}

/* The pane reads the task's evidence, and opens documents, through the
 * view's context. */
void
par_task_pane_set_context (ParTaskPane *self,
                           ParContext  *context)
{
  g_return_if_fail (PAR_IS_TASK_PANE (self));
  g_return_if_fail (PAR_IS_CONTEXT (context));

  g_set_object (&self->context, context);
  par_linked_documents_set_context (self->evidence, context);
}

/* Shows the task of @row (NULL: none) with its units' names. */
void
par_task_pane_set_row (ParTaskPane *self,
                       ParPlanRow  *row,
                       const char  *lead_name,
                       const char  *coordinating_names)
{
  ParTask *task;
  ParTaskStatus status;
  g_autofree char *percent = NULL;

  g_return_if_fail (PAR_IS_TASK_PANE (self));

  task = row != NULL ? par_plan_row_get_task (row) : NULL;
  if (task == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "none");
      return;
    }
  status = par_plan_row_get_status (row);
  gtk_label_set_text (self->code_label, par_task_get_code (task));
  gtk_label_set_text (self->title_label, par_task_get_title (task));
  gtk_label_set_text (self->status_label, par_task_status_get_label (status));
  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), self->status_class);
  self->status_class = par_task_status_get_css_class (status);
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), self->status_class);
  show_details (self, row, lead_name, coordinating_names);
  gtk_progress_bar_set_fraction (self->progress_bar, par_plan_row_get_percent (row) / 100.0);
  percent = g_strdup_printf ("%u%%", par_plan_row_get_percent (row));
  gtk_label_set_text (self->percent_label, percent);
  show_history (self, task);
  show_evidence (self, task);
  gtk_stack_set_visible_child_name (self->stack, "task");
}

/* Lists the PAR Index items @task serves; @unit_id is its plan's unit. */
void
par_task_pane_show_items (ParTaskPane *self,
                          ParDatabase *db,
                          ParTask     *task,
                          gint64       unit_id)
{
  g_return_if_fail (PAR_IS_TASK_PANE (self));
  par_task_items_section_show (self->items_section, db, task, unit_id);
}

static void
par_task_pane_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PAR_TYPE_TASK_PANE);
  g_clear_object (&PAR_TASK_PANE (object)->context);

  G_OBJECT_CLASS (par_task_pane_parent_class)->dispose (object);
}

static void
par_task_pane_class_init (ParTaskPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = par_task_pane_dispose;

  g_type_ensure (PAR_TYPE_LINKED_DOCUMENTS);
  g_type_ensure (PAR_TYPE_TASK_ITEMS_SECTION);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pardesk/ParDesk/ui/plan/par-task-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, ParTaskPane, stack);
  gtk_widget_class_bind_template_child (widget_class, ParTaskPane, code_label);
  gtk_widget_class_bind_template_child (widget_class, ParTaskPane, status_label);
  gtk_widget_class_bind_template_child (widget_class, ParTaskPane, title_label);
  gtk_widget_class_bind_template_child (widget_class, ParTaskPane, details_label);
  gtk_widget_class_bind_template_child (widget_class, ParTaskPane, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, ParTaskPane, percent_label);
  gtk_widget_class_bind_template_child (widget_class, ParTaskPane, no_progress_label);
  gtk_widget_class_bind_template_child (widget_class, ParTaskPane, history_list);
  gtk_widget_class_bind_template_child (widget_class, ParTaskPane, evidence);
  gtk_widget_class_bind_template_callback (widget_class, unlink_requested);
  gtk_widget_class_bind_template_child (widget_class, ParTaskPane, items_section);
}

static void
par_task_pane_init (ParTaskPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->status_class = "task-not-started";
}
