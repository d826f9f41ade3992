/* par-plan-view-evidence.c: PDF documents attached to a plan task: chosen, dropped on the pane or on a row
 *
 * As for a PAR Index item: the files are kept in a worker
 * (par-evidence-attach.c), then linked to the task. A task's id stays its
 * own whatever the view shows meanwhile, so the link is made even if the
 * user has moved on; the task pane follows the links wherever they change
 * (PAR_CHANGE_LINKS).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "par-evidence-attach.h"
#include "par-plan-view-private.h"
#include "par-row-drop.h"

static gboolean
link_to_task (GObject  *owner,
              GObject  *target,
              gint64    document_id,
              GError  **error)
{
  ParPlanView *self = PAR_PLAN_VIEW (owner);
  g_autoptr(ParLinkTarget) task = par_link_target_new_task (par_task_get_id (PAR_TASK (target)));

  if (self->database == NULL)
    return FALSE;
  return par_evidence_link (self->database, document_id, task, error);
}

/* What the toast says: "“qd.pdf” attached to task I.1" or "3 documents
 * attached to task I.1". */
static char *
describe_task (GObject    *target,
               const char *name,
               guint       n_linked)
{
  const char *code = par_task_get_code (PAR_TASK (target));

  if (name != NULL)
    /* Translators: a toast: a file name, then the code of a task of the reform plan, e.g. I.1 */
    return g_strdup_printf (_("“%s” attached to task %s"), name, code);
  /* Translators: a toast: a number of files, then the code of a task of the reform plan, e.g. I.1 */
  return g_strdup_printf (ngettext ("%u document attached to task %s", "%u documents attached to task %s",
                                    n_linked),
                          n_linked, code);
}

static void
task_linked (GObject *owner,
             GObject *target,
             guint    n_linked)
{
  par_plan_view_update_pane (PAR_PLAN_VIEW (owner));
}

static const ParAttachFuncs task_funcs = { link_to_task, describe_task, task_linked };

/* Keeps @paths, in a worker, and links them to @task. The one way files
 * reach a task: the file dialog, a drop on the pane, a drop on its row. */
static void
attach_paths_to_task (ParPlanView *self,
                      ParTask     *task,
                      GPtrArray   *paths)
{
  if (task == NULL || self->database == NULL)
    return;
  par_evidence_attach_files (self->context, paths, G_OBJECT (self), G_OBJECT (task), &task_funcs, NULL);
}

/* Keeps @paths as evidence of the selected task: what the file dialog and
 * a drop on the task pane call. */
static void
attach_to_selected (GPtrArray *paths,
                    gpointer   owner)
{
  ParPlanView *self = PAR_PLAN_VIEW (owner);
  g_autoptr(ParPlanRow) row = par_plan_view_selected_row (self);

  attach_paths_to_task (self, row != NULL ? par_plan_row_get_task (row) : NULL, paths);
}

static void
attach_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  par_evidence_attach_choose (widget, attach_to_selected);
}

/* Unlinked from the pane: the document stays kept. */
static void
unlink_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  ParPlanView *self = PAR_PLAN_VIEW (widget);
  g_autoptr(ParPlanRow) row = par_plan_view_selected_row (self);
  ParTask *task = row != NULL ? par_plan_row_get_task (row) : NULL;
  g_autoptr(ParLinkTarget) target = NULL;
  g_autoptr(GError) error = NULL;

  if (task == NULL || self->database == NULL)
    return;
  target = par_link_target_new_task (par_task_get_id (task));
  if (!par_evidence_unlink (self->database, g_variant_get_int64 (parameter), target, &error))
    par_plan_view_report (self, _("The document was not unlinked"), error);
}

/* A task's row takes files; an area's heading does not. */
static gboolean
row_accepts (GObject  *owner,
             gpointer  item)
{
  return par_plan_row_get_task (PAR_PLAN_ROW (item)) != NULL;
}

static void
row_dropped (GObject   *owner,
             gpointer   item,
             GPtrArray *paths)
{
  attach_paths_to_task (PAR_PLAN_VIEW (owner), par_plan_row_get_task (PAR_PLAN_ROW (item)), paths);
}

void
par_plan_view_class_evidence_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "plan.attach-evidence", NULL, attach_action);
  gtk_widget_class_install_action (widget_class, "plan.unlink-evidence", "x", unlink_action);
}

/* Files dropped on the task pane go to the selected task; on a task's
 * row, to that task. */
void
par_plan_view_init_evidence (ParPlanView *self)
{
  par_pdf_chooser_accept_drop (GTK_WIDGET (self->task_pane), G_OBJECT (self), attach_to_selected);
  par_row_drop_accept (self->task_view, G_OBJECT (self), row_accepts, row_dropped);
}
