/* par-inspection-pane.c: the selected inspection: its unit, days, team, PAR Index items, findings, recommendations and evidence
 *
 * The pane reads the inspection from the file by its id, so it shows one
 * of any year (the overdue list spans them all). Like the plan's task
 * pane it only shows: its buttons name the view's actions
 * (inspections.*), which write and let the file's "changed" notice bring
 * the pane up to date. The PAR Index items it covers are listed as a
 * task's are (par-task-items-section.c): one opens the PAR Index on it,
 * with the inspected unit's scores. Files dropped on a recommendation's
 * row are handed to the view by a signal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "par-detail-markup.h"
#include "par-inspection-item.h"
#include "par-inspection-pane.h"
#include "par-linked-documents.h"
#include "par-task-items-section.h"
#include "par-recommendation-evidence.h"

struct _ParInspectionPane
{
  AdwBin              parent_instance;

  ParContext         *context;
  gint64              inspection_id;

  GtkStack           *stack;
  GtkLabel           *unit_label;
  GtkLabel           *state_label;
  GtkLabel           *title_label;
  GtkLabel           *details_label;
  ParTaskItemsSection *items_section;
  GtkLabel           *no_findings_label;
  GtkListBox         *findings_list;
  GtkLabel           *no_recommendations_label;
  GtkListBox         *recommendations_list;
  ParLinkedDocuments *evidence;
};

G_DEFINE_FINAL_TYPE (ParInspectionPane, par_inspection_pane, ADW_TYPE_BIN)

enum {
  RECOMMENDATION_FILES_DROPPED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The team as "Leader: A; Members: B, C", role by role. */
static void
append_team (GString             *text,
             const ParInspection *inspection)
{
  for (ParTeamRole role = 0; role < PAR_N_TEAM_ROLES; role++)
    {
      g_autoptr(GString) names = g_string_new (NULL);
      g_autofree char *heading = NULL;

      for (guint i = 0; i < inspection->team->len; i++)
        {
          ParTeamMember *member = g_ptr_array_index (inspection->team, i);

          if (member->role != role)
            continue;
          if (names->len > 0)
            g_string_append (names, ", ");
          g_string_append (names, member->name);
        }
      /* Translators: a team role, then a colon, in the inspection pane, e.g. "Leader:" */
      heading = g_strdup_printf (_("%s:"), par_team_role_get_label (role));
      par_detail_markup_append_line (text, heading, names->str);
    }
}

static void
show_details (ParInspectionPane   *self,
              const ParInspection *inspection,
              const GDate         *today)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *days = par_inspection_format_days (inspection);

  gtk_label_set_text (self->unit_label, inspection->unit_name);
  gtk_label_set_text (self->title_label, inspection->title);
  gtk_label_set_text (self->state_label, par_inspection_get_state_label (inspection, today));
  if (inspection->cancelled)
    gtk_widget_add_css_class (GTK_WIDGET (self->state_label), "task-cancelled");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), "task-cancelled");
  par_detail_markup_append_line (text, _("Dates:"), days);
  par_detail_markup_append_line (text, _("Scope:"), inspection->scope);
  append_team (text, inspection);
  if (inspection->team->len == 0)
    par_detail_markup_append_line (text, _("Team:"), _("nobody yet"));
  gtk_label_set_markup (self->details_label, text->str);
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static void
show_findings (ParInspectionPane *self,
               GPtrArray         *findings)
{
  clear_list (self->findings_list);
  for (guint i = 0; i < findings->len; i++)
    {
      ParFinding *finding = g_ptr_array_index (findings, i);
      GtkWidget *row = adw_action_row_new ();
      g_autofree char *code = NULL;

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), finding->text);
      if (finding->criterion != NULL && *finding->criterion != '\0')
        {
          /* Translators: under a finding of an inspection: the PAR Index item it concerns */
          code = g_strdup_printf (_("PAR Index %s"), finding->criterion);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), code);
        }
      gtk_list_box_append (self->findings_list, row);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->findings_list), findings->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->no_findings_label), findings->len == 0);
}

/* "Sở Tư pháp · due 30/04/2025 · closed on 06/05/2025 — note" */
static char *
recommendation_subtitle (const ParRecommendation *recommendation)
{
  g_autoptr(GString) text = g_string_new (recommendation->unit_name);
  g_autofree char *deadline = par_format_gdate (&recommendation->deadline);

  if (*deadline != '\0')
    {
      g_string_append (text, " · ");
      /* Translators: a recommendation's deadline, e.g. "due 30/04/2025" */
      g_string_append_printf (text, _("due %s"), deadline);
    }
  if (g_date_valid (&recommendation->closed_on))
    {
      g_autofree char *closed = par_format_gdate (&recommendation->closed_on);

      /* Translators: when a recommendation was carried out, e.g. "closed on 06/05/2025" */
      g_string_append (text, " · ");
      g_string_append_printf (text, _("closed on %s"), closed);
    }
  if (recommendation->follow_up != NULL && *recommendation->follow_up != '\0')
    g_string_append_printf (text, " — %s", recommendation->follow_up);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
files_dropped (GObject   *owner,
               gint64     recommendation_id,
               GPtrArray *paths)
{
  g_signal_emit (owner, signals[RECOMMENDATION_FILES_DROPPED], 0, recommendation_id, paths);
}

/* The recommendation's documents: their count at the end of its row, a
 * popover listing them, and the files dropped on the row. */
static void
add_evidence (ParInspectionPane       *self,
              GtkWidget               *row,
              const ParRecommendation *recommendation)
{
  g_autoptr(ParLinkTarget) target = par_link_target_new_recommendation (recommendation->id);
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;

  documents = par_evidence_list_for_target (par_context_get_database (self->context), target, &error);
  if (documents == NULL)
    {
      par_context_report_error (self->context, _("The linked documents could not be read"), error);
      documents = g_ptr_array_new ();
    }
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             par_recommendation_evidence_new (self->context, recommendation->id, documents));
  par_recommendation_evidence_accept_drop (row, recommendation->id, G_OBJECT (self), files_dropped);
}

static GtkWidget *
recommendation_row (ParInspectionPane       *self,
                    const ParRecommendation *recommendation,
                    const GDate             *today)
{
  GtkWidget *row = adw_action_row_new ();
  ParRecommendationStatus status = par_recommendation_get_status (recommendation, today);
  GtkWidget *status_label = gtk_label_new (par_recommendation_status_get_label (status));
  g_autofree char *subtitle = recommendation_subtitle (recommendation);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), recommendation->text);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_set_valign (status_label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (status_label, "task-status");
  gtk_widget_add_css_class (status_label, par_recommendation_status_get_css_class (status));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), status_label);
  add_evidence (self, row, recommendation);
  if (!g_date_valid (&recommendation->closed_on))
    {
      GtkWidget *close = gtk_button_new_from_icon_name ("object-select-symbolic");

      gtk_widget_set_valign (close, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (close, "flat");
      gtk_widget_set_tooltip_text (close, _("Close the recommendation: record when and how it was carried out"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (close), "inspections.close-recommendation");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (close), "x", (gint64) recommendation->id);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), close);
    }
  g_object_set_data (G_OBJECT (row), "recommendation-id", GSIZE_TO_POINTER ((gsize) recommendation->id));
  return row;
}

static void
show_recommendations (ParInspectionPane *self,
                      GPtrArray         *recommendations,
                      const GDate       *today)
{
  clear_list (self->recommendations_list);
  for (guint i = 0; i < recommendations->len; i++)
    gtk_list_box_append (self->recommendations_list,
                         recommendation_row (self, g_ptr_array_index (recommendations, i), today));
  gtk_widget_set_visible (GTK_WIDGET (self->recommendations_list), recommendations->len > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->no_recommendations_label), recommendations->len == 0);
}

static void
show_evidence (ParInspectionPane *self,
               ParDatabase       *db)
{
  g_autoptr(ParLinkTarget) target = par_link_target_new_inspection (self->inspection_id);
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;

  documents = par_evidence_list_for_target (db, target, &error);
  if (documents == NULL)
    {
      par_context_report_error (self->context, _("The linked documents could not be read"), error);
      documents = g_ptr_array_new ();
    }
  par_linked_documents_set_documents (self->evidence, documents);
}

/* Shows @inspection_id (0: none) as the file has it now, each
 * recommendation's status as of @today. */
void
par_inspection_pane_show (ParInspectionPane *self,
                          gint64             inspection_id,
                          const GDate       *today)
{
  ParDatabase *db;
  g_autoptr(ParInspection) inspection = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) recommendations = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (PAR_IS_INSPECTION_PANE (self));

  db = self->context != NULL ? par_context_get_database (self->context) : NULL;
  self->inspection_id = 0;
  if (inspection_id == 0 || db == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "none");
      return;
    }
  if ((inspection = par_inspections_get (db, inspection_id, &error)) == NULL
      || (items = par_inspection_items_list (db, inspection_id, &error)) == NULL
      || (findings = par_findings_list (db, inspection_id, &error)) == NULL
      || (recommendations = par_recommendations_list (db, inspection_id, 0, &error)) == NULL)
    {
      /* Removed meanwhile, or unreadable: nothing to show, said once. */
      if (!g_error_matches (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND))
        par_context_report_error (self->context, _("The inspection could not be read"), error);
      gtk_stack_set_visible_child_name (self->stack, "none");
      return;
    }
  self->inspection_id = inspection_id;
  show_details (self, inspection, today);
  par_task_items_section_show_items (self->items_section, items, inspection->unit_id);
  show_findings (self, findings);
  show_recommendations (self, recommendations, today);
  show_evidence (self, db);
  gtk_stack_set_visible_child_name (self->stack, "inspection");
}

/* The inspection shown, or 0. */
gint64
par_inspection_pane_get_id (ParInspectionPane *self)
{
  g_return_val_if_fail (PAR_IS_INSPECTION_PANE (self), 0);
  return self->inspection_id;
}

static void
unlink_requested (ParInspectionPane *self,
                  gint64             document_id)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "inspections.unlink-evidence", "x", document_id);
}

/* The pane reads the file, and opens documents, through the view's context. */
void
par_inspection_pane_set_context (ParInspectionPane *self,
                                 ParContext        *context)
{
  g_return_if_fail (PAR_IS_INSPECTION_PANE (self));
  g_return_if_fail (PAR_IS_CONTEXT (context));

  g_set_object (&self->context, context);
  par_linked_documents_set_context (self->evidence, context);
}

static void
par_inspection_pane_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), PAR_TYPE_INSPECTION_PANE);
  g_clear_object (&PAR_INSPECTION_PANE (object)->context);

  G_OBJECT_CLASS (par_inspection_pane_parent_class)->dispose (object);
}

static void
par_inspection_pane_class_init (ParInspectionPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = par_inspection_pane_dispose;

  /**
   * ParInspectionPane::recommendation-files-dropped:
   * @recommendation_id: the recommendation whose row the files were dropped on
   * @paths: (element-type filename): the files' local paths
   */
  signals[RECOMMENDATION_FILES_DROPPED] =
    g_signal_new ("recommendation-files-dropped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_PTR_ARRAY);

  g_type_ensure (PAR_TYPE_LINKED_DOCUMENTS);
  g_type_ensure (PAR_TYPE_TASK_ITEMS_SECTION);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pardesk/ParDesk/ui/inspections/par-inspection-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, ParInspectionPane, stack);
  gtk_widget_class_bind_template_child (widget_class, ParInspectionPane, unit_label);
  gtk_widget_class_bind_template_child (widget_class, ParInspectionPane, state_label);
  gtk_widget_class_bind_template_child (widget_class, ParInspectionPane, title_label);
  gtk_widget_class_bind_template_child (widget_class, ParInspectionPane, details_label);
  gtk_widget_class_bind_template_child (widget_class, ParInspectionPane, items_section);
  gtk_widget_class_bind_template_child (widget_class, ParInspectionPane, no_findings_label);
  gtk_widget_class_bind_template_child (widget_class, ParInspectionPane, findings_list);
  gtk_widget_class_bind_template_child (widget_class, ParInspectionPane, no_recommendations_label);
  gtk_widget_class_bind_template_child (widget_class, ParInspectionPane, recommendations_list);
  gtk_widget_class_bind_template_child (widget_class, ParInspectionPane, evidence);
  gtk_widget_class_bind_template_callback (widget_class, unlink_requested);
}

static void
par_inspection_pane_init (ParInspectionPane *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  par_task_items_section_set_texts (self->items_section,
                                    _("This inspection covers no PAR Index item. Edit the inspection to choose some."),
                                    _("PAR Index items the inspection covers"));
}
