/* par-inspections-view-actions.c: the selected inspection's findings, recommendations, cancelling and evidence
 *
 * Each action opens a small form (ParFollowUpDialog) or asks once
 * (cancelling); the core writes and the file's "changed" notice brings the
 * view up to date. Evidence is attached as for a plan task: the files are
 * kept in a worker (par-evidence-attach.c), then linked to the inspection
 * by its id, which stays its own whatever the view shows meanwhile; a
 * recommendation's evidence likewise, to the recommendation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "par-evidence-attach.h"
#include "par-follow-up-dialog.h"
#include "par-inspections-view-private.h"

static GtkWindow *
get_window (ParInspectionsView *self)
{
  return GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self)));
}

/* The selected inspection as the file has it now, or NULL. */
static ParInspection *
selected_inspection (ParInspectionsView *self)
{
  if (self->selected_id == 0 || self->database == NULL)
    return NULL;
  return par_inspections_get (self->database, self->selected_id, NULL);
}

/* Greys out what the selected inspection does not allow: nothing without
 * one, no cancelling twice. */
void
par_inspections_view_update_actions (ParInspectionsView *self)
{
  g_autoptr(ParInspection) inspection = selected_inspection (self);
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean any = inspection != NULL;

  gtk_widget_action_set_enabled (widget, "inspections.add-inspection", self->database != NULL);
  gtk_widget_action_set_enabled (widget, "inspections.export-plan", self->database != NULL);
  gtk_widget_action_set_enabled (widget, "inspections.export-calendar", self->database != NULL);
  gtk_widget_action_set_enabled (widget, "inspections.edit-inspection", any);
  gtk_widget_action_set_enabled (widget, "inspections.add-finding", any);
  gtk_widget_action_set_enabled (widget, "inspections.add-recommendation", any);
  gtk_widget_action_set_enabled (widget, "inspections.close-recommendation", any);
  gtk_widget_action_set_enabled (widget, "inspections.attach-recommendation-evidence", any);
  gtk_widget_action_set_enabled (widget, "inspections.unlink-recommendation-evidence", any);
  gtk_widget_action_set_enabled (widget, "inspections.cancel-inspection", any && !inspection->cancelled);
  gtk_widget_action_set_enabled (widget, "inspections.attach-evidence", any);
}

static void
follow_up_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  ParInspectionsView *self = PAR_INSPECTIONS_VIEW (widget);
  g_autoptr(ParInspection) inspection = selected_inspection (self);
  ParFollowUpKind kind = g_str_equal (action_name, "inspections.add-finding") ? PAR_FOLLOW_UP_FINDING
                         : PAR_FOLLOW_UP_RECOMMENDATION;
  GDate deadline = self->today;

  if (inspection == NULL)
    return;
  /* A recommendation is most often due a few months after the visit. */
  if (g_date_valid (&inspection->last))
    deadline = inspection->last;
  g_date_add_months (&deadline, 3);
  gtk_window_present (GTK_WINDOW (par_follow_up_dialog_new (get_window (self), self->database, kind,
                                                            inspection->id, inspection->unit_id, &deadline)));
}

/* Closing offers today: what the unit reported it has done. */
static void
close_recommendation_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  ParInspectionsView *self = PAR_INSPECTIONS_VIEW (widget);

  if (self->database == NULL)
    return;
  gtk_window_present (GTK_WINDOW (par_follow_up_dialog_new (get_window (self), self->database, PAR_FOLLOW_UP_CLOSE,
                                                            g_variant_get_int64 (parameter), 0, &self->today)));
}

static void
cancel_response (AdwMessageDialog   *dialog,
                 const char         *response,
                 ParInspectionsView *self)
{
  gint64 inspection_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (dialog), "inspection-id"));
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "cancel-inspection") || self->database == NULL)
    return;
  if (!par_inspections_cancel (self->database, inspection_id, &error))
    par_inspections_view_report (self, _("The inspection was not cancelled"), error);
}

static void
cancel_inspection_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  ParInspectionsView *self = PAR_INSPECTIONS_VIEW (widget);
  g_autoptr(ParInspection) inspection = selected_inspection (self);
  g_autofree char *days = NULL;
  AdwMessageDialog *dialog;

  if (inspection == NULL || inspection->cancelled)
    return;
  days = par_inspection_format_days (inspection);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (get_window (self), _("Cancel the Inspection?"), NULL));
  /* Translators: the unit inspected, then the inspection's days */
  adw_message_dialog_format_body (dialog, _("The inspection of %s on %s stays in the plan, struck through; its team "
                                            "is free again on those days. A cancelled inspection cannot be "
                                            "restored."),
                                  inspection->unit_name, days);
  adw_message_dialog_add_responses (dialog, "keep", _("_Keep"), "cancel-inspection", _("Cancel _Inspection"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "cancel-inspection", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "keep");
  adw_message_dialog_set_close_response (dialog, "keep");
  g_object_set_data (G_OBJECT (dialog), "inspection-id", GSIZE_TO_POINTER ((gsize) inspection->id));
  g_signal_connect_object (dialog, "response", G_CALLBACK (cancel_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Evidence ----------------------------------------------------------------- */

static gboolean
link_to_inspection (GObject  *owner,
                    GObject  *target,
                    gint64    document_id,
                    GError  **error)
{
  ParInspectionsView *self = PAR_INSPECTIONS_VIEW (owner);
  ParInspection *inspection = par_inspection_item_get_inspection (PAR_INSPECTION_ITEM (target));
  g_autoptr(ParLinkTarget) link_target = par_link_target_new_inspection (inspection->id);

  if (self->database == NULL)
    return FALSE;
  return par_evidence_link (self->database, document_id, link_target, error);
}

/* What the toast says: "“bc.pdf” attached to the inspection of Sở Y tế". */
static char *
describe_inspection (GObject    *target,
                     const char *name,
                     guint       n_linked)
{
  const char *unit = par_inspection_item_get_inspection (PAR_INSPECTION_ITEM (target))->unit_name;

  if (name != NULL)
    /* Translators: a toast: a file name, then the unit inspected */
    return g_strdup_printf (_("“%s” attached to the inspection of %s"), name, unit);
  /* Translators: a toast: a number of files, then the unit inspected */
  return g_strdup_printf (ngettext ("%u document attached to the inspection of %s",
                                    "%u documents attached to the inspection of %s", n_linked),
                          n_linked, unit);
}

static void
inspection_linked (GObject *owner,
                   GObject *target,
                   guint    n_linked)
{
  ParInspectionsView *self = PAR_INSPECTIONS_VIEW (owner);

  par_inspection_pane_show (self->pane, self->selected_id, &self->today);
}

static const ParAttachFuncs inspection_funcs = { link_to_inspection, describe_inspection, inspection_linked };

/* Keeps @paths as evidence of the selected inspection: what the file
 * dialog and a drop on the pane call. */
static void
attach_to_selected (GPtrArray *paths,
                    gpointer   owner)
{
  ParInspectionsView *self = PAR_INSPECTIONS_VIEW (owner);
  ParInspection *inspection = selected_inspection (self);
  g_autoptr(ParInspectionItem) item = NULL;

  if (inspection == NULL)
    return;
  item = par_inspection_item_new (inspection, NULL);
  par_evidence_attach_files (self->context, paths, G_OBJECT (self), G_OBJECT (item), &inspection_funcs, NULL);
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
  ParInspectionsView *self = PAR_INSPECTIONS_VIEW (widget);
  g_autoptr(ParLinkTarget) target = NULL;
  g_autoptr(GError) error = NULL;

  if (self->selected_id == 0 || self->database == NULL)
    return;
  target = par_link_target_new_inspection (self->selected_id);
  if (!par_evidence_unlink (self->database, g_variant_get_int64 (parameter), target, &error))
    par_inspections_view_report (self, _("The document was not unlinked"), error);
}

/* A recommendation's evidence: kept, then linked to the recommendation by
 * its id (a ParLinkTarget), not to the inspection. */
static gboolean
link_to_recommendation (GObject  *owner,
                        GObject  *target,
                        gint64    document_id,
                        GError  **error)
{
  ParInspectionsView *self = PAR_INSPECTIONS_VIEW (owner);

  if (self->database == NULL)
    return FALSE;
  return par_evidence_link (self->database, document_id, PAR_LINK_TARGET (target), error);
}

/* What the toast says: "“bc.pdf” attached to the recommendation". */
static char *
describe_recommendation (GObject    *target,
                         const char *name,
                         guint       n_linked)
{
  if (name != NULL)
    /* Translators: a toast: a file name */
    return g_strdup_printf (_("“%s” attached to the recommendation"), name);
  /* Translators: a toast: a number of files */
  return g_strdup_printf (ngettext ("%u document attached to the recommendation",
                                    "%u documents attached to the recommendation", n_linked),
                          n_linked);
}

static const ParAttachFuncs recommendation_funcs = { link_to_recommendation, describe_recommendation,
                                                     inspection_linked };

static void
attach_to_recommendation (ParInspectionsView *self,
                          gint64              recommendation_id,
                          GPtrArray          *paths)
{
  g_autoptr(ParLinkTarget) target = par_link_target_new_recommendation (recommendation_id);

  par_evidence_attach_files (self->context, paths, G_OBJECT (self), G_OBJECT (target), &recommendation_funcs,
                             NULL);
}

/* The file dialog of a recommendation's popover: its id rides with it. */
static void
recommendation_files_chosen (GPtrArray *paths,
                             gpointer   owner)
{
  ParInspectionsView *self = PAR_INSPECTIONS_VIEW (owner);
  gint64 recommendation_id = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (self), "attach-recommendation-id"));

  if (recommendation_id != 0)
    attach_to_recommendation (self, recommendation_id, paths);
}

static void
attach_recommendation_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  g_object_set_data (G_OBJECT (widget), "attach-recommendation-id",
                     GSIZE_TO_POINTER ((gsize) g_variant_get_int64 (parameter)));
  par_evidence_attach_choose (widget, recommendation_files_chosen);
}

static void
unlink_recommendation_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  ParInspectionsView *self = PAR_INSPECTIONS_VIEW (widget);
  g_autoptr(ParLinkTarget) target = NULL;
  g_autoptr(GError) error = NULL;
  gint64 recommendation_id, document_id;

  if (self->database == NULL)
    return;
  g_variant_get (parameter, "(xx)", &recommendation_id, &document_id);
  target = par_link_target_new_recommendation (recommendation_id);
  if (!par_evidence_unlink (self->database, document_id, target, &error))
    par_inspections_view_report (self, _("The document was not unlinked"), error);
}

static void
recommendation_files_dropped (ParInspectionsView *self,
                              gint64              recommendation_id,
                              GPtrArray          *paths)
{
  attach_to_recommendation (self, recommendation_id, paths);
}

void
par_inspections_view_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "inspections.add-finding", NULL, follow_up_action);
  gtk_widget_class_install_action (widget_class, "inspections.add-recommendation", NULL, follow_up_action);
  gtk_widget_class_install_action (widget_class, "inspections.close-recommendation", "x",
                                   close_recommendation_action);
  gtk_widget_class_install_action (widget_class, "inspections.cancel-inspection", NULL, cancel_inspection_action);
  gtk_widget_class_install_action (widget_class, "inspections.attach-evidence", NULL, attach_action);
  gtk_widget_class_install_action (widget_class, "inspections.unlink-evidence", "x", unlink_action);
  gtk_widget_class_install_action (widget_class, "inspections.attach-recommendation-evidence", "x",
                                   attach_recommendation_action);
  gtk_widget_class_install_action (widget_class, "inspections.unlink-recommendation-evidence", "(xx)",
                                   unlink_recommendation_action);
}

/* Files dropped on the pane go to the selected inspection; on a
 * recommendation's row, to that recommendation. */
void
par_inspections_view_init_actions (ParInspectionsView *self)
{
  par_pdf_chooser_accept_drop (GTK_WIDGET (self->pane), G_OBJECT (self), attach_to_selected);
  g_signal_connect_object (self->pane, "recommendation-files-dropped", G_CALLBACK (recommendation_files_dropped),
                           self, G_CONNECT_SWAPPED);
}
