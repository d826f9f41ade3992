/* par-item-pane.c: the PAR Index item beside the tree: how it is scored, its documents, plan tasks, explanation and history
 *
 * The pane does not write: like the score cells it emits signals and the
 * view saves, so that the rules, the edits that wait for the file and the
 * error reporting live in one place.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "par-item-pane.h"
#include "par-linked-documents.h"
#include "par-item-tasks-section.h"

struct _ParItemPane
{
  GtkBox          parent_instance;

  ParContext     *context;
  ParScoreRow    *row;
  gboolean        updating;

  GtkLabel       *item_title_label;
  GtkLabel       *item_method_label;
  GtkLabel       *guidance_heading;
  GtkLabel       *guidance_label;
  GtkLabel       *evidence_heading;
  GtkLabel       *evidence_label;
  GtkCheckButton *na_check;
  ParLinkedDocuments *documents;
  ParItemTasksSection *tasks_section;
  GtkTextView    *explanation_view;
  GtkLabel       *history_label;
};

G_DEFINE_FINAL_TYPE (ParItemPane, par_item_pane, GTK_TYPE_BOX)

enum {
  EXPLANATION_EDITED,
  NOT_APPLICABLE_TOGGLED,
  UNLINK_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
report (ParItemPane  *self,
        const char   *heading,
        const GError *error)
{
  par_context_report_error (self->context, heading, error);
}

static char *
describe_method (ParCriteriaNode *node)
{
  g_autofree char *max = par_format_points (par_criteria_node_get_max (node));
  GString *text = g_string_new (par_scoring_method_get_label (par_criteria_node_get_method (node)));

  g_string_append (text, " · ");
  g_string_append_printf (text, _("maximum %s"), max);
  if (par_criteria_node_get_method (node) == PAR_METHOD_MANUAL)
    {
      g_autofree char *step = par_format_points (par_criteria_node_get_step (node));

      g_string_append (text, " · ");
      g_string_append_printf (text, _("in steps of %s"), step);
    }
  for (guint i = 0; i < par_criteria_node_get_n_options (node); i++)
    {
      const ParChoiceOption *option = par_criteria_node_get_option (node, i);
      g_autofree char *points = par_format_points (option->points_milli);

      g_string_append_printf (text, "\n• %s: %s", option->label, points);
    }
  return g_string_free (text, FALSE);
}

static const char *
field_label (const char *field)
{
  if (g_str_equal (field, "self"))
    return _("Self-score");
  if (g_str_equal (field, "appraised"))
    return _("Appraised score");
  if (g_str_equal (field, "not-applicable"))
    return _("Not applicable");
  if (g_str_equal (field, "evidence"))
    return _("Evidence linked");
  return _("Explanation");
}

static char *
history_value (const char *field,
               const char *value)
{
  if (value == NULL || *value == '\0')
    return g_strdup ("—");
  if (g_str_equal (field, "self") || g_str_equal (field, "appraised"))
    return par_format_points (g_ascii_strtoll (value, NULL, 10));
  if (g_str_equal (field, "not-applicable"))
    return g_strdup (g_str_equal (value, "1") ? _("yes") : _("no"));
  if (g_str_equal (field, "evidence"))
    /* Translators: a kept document, by its number in the file */
    return g_strdup_printf (_("document %s"), value);
  return g_strdup_printf ("“%s”", value);
}

static void
unlink_requested (ParItemPane *self,
                  gint64       document_id)
{
  if (self->row != NULL)
    g_signal_emit (self, signals[UNLINK_REQUESTED], 0, document_id);
}

/* The documents linked to @node for this unit. */
static void
fill_documents (ParItemPane     *self,
                ParAssessment   *assessment,
                ParCriteriaNode *node)
{
  g_autoptr(GPtrArray) documents = NULL;
  g_autoptr(GError) error = NULL;

  documents = par_evidence_list_linked (assessment, node, &error);
  if (documents == NULL)
    {
      report (self, _("The linked documents could not be read"), error);
      documents = g_ptr_array_new ();
    }
  par_linked_documents_set_documents (self->documents, documents);
}

/* What the item asks: its title, how it is scored, what evidence is
 * expected. */
static void
show_item (ParItemPane     *self,
           ParCriteriaNode *node)
{
  g_autofree char *title = g_strdup_printf ("%s %s", par_criteria_node_get_code (node),
                                            par_criteria_node_get_title (node));
  g_autofree char *method = describe_method (node);
  const char *guidance = par_criteria_node_get_guidance (node);
  const char *evidence = par_criteria_node_get_evidence (node);

  gtk_label_set_text (self->item_title_label, title);
  gtk_label_set_text (self->item_method_label, method);
  gtk_label_set_text (self->guidance_label, guidance);
  gtk_widget_set_visible (GTK_WIDGET (self->guidance_heading), *guidance != '\0');
  gtk_widget_set_visible (GTK_WIDGET (self->guidance_label), *guidance != '\0');
  gtk_label_set_text (self->evidence_label, evidence);
  gtk_widget_set_visible (GTK_WIDGET (self->evidence_heading), *evidence != '\0');
  gtk_widget_set_visible (GTK_WIDGET (self->evidence_label), *evidence != '\0');
}

static void
fill_history (ParItemPane     *self,
              ParAssessment   *assessment,
              ParCriteriaNode *node)
{
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;

  history = par_assessment_get_history (assessment, node, &error);
  if (history == NULL)
    report (self, _("The history could not be read"), error);
  else
    for (guint i = 0; i < history->len; i++)
      {
        ParHistoryEntry *entry = g_ptr_array_index (history, i);
        g_autoptr(GDateTime) utc = g_date_time_new_from_iso8601 (entry->at, NULL);
        g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;
        g_autofree char *date = local != NULL ? par_format_date (local) : g_strdup (entry->at);
        g_autofree char *time = local != NULL ? g_date_time_format (local, "%H:%M") : g_strdup ("");
        g_autofree char *old_value = history_value (entry->field, entry->old_value);
        g_autofree char *new_value = history_value (entry->field, entry->new_value);

        g_string_append_printf (text, "%s%s %s · %s\n%s: %s → %s", i > 0 ? "\n\n" : "", date, time,
                                entry->actor, field_label (entry->field), old_value, new_value);
      }
  gtk_label_set_text (self->history_label, text->len > 0 ? text->str : _("No changes yet."));
}

/* Shows @row's item as it is now, again if it is the one shown; NULL
 * hides the pane. */
void
par_item_pane_set_row (ParItemPane *self,
                       ParScoreRow *row)
{
  ParAssessment *assessment;
  ParCriteriaNode *node;

  g_return_if_fail (PAR_IS_ITEM_PANE (self));
  g_return_if_fail (row == NULL || PAR_IS_SCORE_ROW (row));

  g_set_object (&self->row, row);
  gtk_widget_set_visible (GTK_WIDGET (self), row != NULL);
  par_item_tasks_section_show (self->tasks_section, row != NULL ? par_score_row_get_node (row) : NULL);
  if (row == NULL)
    return;

  assessment = par_score_row_get_assessment (row);
  node = par_score_row_get_node (row);
  show_item (self, node);
  self->updating = TRUE;
  gtk_widget_set_visible (GTK_WIDGET (self->na_check), par_criteria_node_get_applicable_optional (node));
  gtk_check_button_set_active (self->na_check, par_assessment_is_marked_not_applicable (assessment, node));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->explanation_view),
                            par_assessment_get_explanation (assessment, node), -1);
  self->updating = FALSE;
  fill_documents (self, assessment, node);
  fill_history (self, assessment, node);
}

ParScoreRow *
par_item_pane_get_row (ParItemPane *self)
{
  g_return_val_if_fail (PAR_IS_ITEM_PANE (self), NULL);
  return self->row;
}

/* The pane reports what it cannot read, and opens documents, through the
 * view's context. */
void
par_item_pane_set_context (ParItemPane *self,
                           ParContext  *context)
{
  g_return_if_fail (PAR_IS_ITEM_PANE (self));
  g_return_if_fail (PAR_IS_CONTEXT (context));

  g_set_object (&self->context, context);
  par_linked_documents_set_context (self->documents, context);
  par_item_tasks_section_set_context (self->tasks_section, context);
}

/* The explanation is saved when the user leaves the field, not at every
 * key: each save is a line of the item's history. */
static void
explanation_left (ParItemPane *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->explanation_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  if (self->updating || self->row == NULL)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_signal_emit (self, signals[EXPLANATION_EDITED], 0, text);
}

static void
na_toggled (ParItemPane *self)
{
  if (self->updating || self->row == NULL)
    return;
  g_signal_emit (self, signals[NOT_APPLICABLE_TOGGLED], 0, gtk_check_button_get_active (self->na_check));
}

static void
par_item_pane_dispose (GObject *object)
{
  ParItemPane *self = PAR_ITEM_PANE (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PAR_TYPE_ITEM_PANE);
  g_clear_object (&self->row);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (par_item_pane_parent_class)->dispose (object);
}

static void
par_item_pane_class_init (ParItemPaneClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = par_item_pane_dispose;

  /**
   * ParItemPane::explanation-edited:
   * @text: the item's explanation, as the user left it
   */
  signals[EXPLANATION_EDITED] = g_signal_new ("explanation-edited", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                              0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  /**
   * ParItemPane::not-applicable-toggled:
   * @active: whether the item is now marked not applicable to the unit
   */
  signals[NOT_APPLICABLE_TOGGLED] = g_signal_new ("not-applicable-toggled", G_TYPE_FROM_CLASS (klass),
                                                  G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                                  G_TYPE_BOOLEAN);
  /**
   * ParItemPane::unlink-requested:
   * @document_id: the kept document to unlink from the item (it stays kept)
   */
  signals[UNLINK_REQUESTED] = g_signal_new ("unlink-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                            0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  g_type_ensure (PAR_TYPE_LINKED_DOCUMENTS);
  g_type_ensure (PAR_TYPE_ITEM_TASKS_SECTION);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pardesk/ParDesk/ui/index/par-item-pane.ui");
  gtk_widget_class_bind_template_child (widget_class, ParItemPane, item_title_label);
  gtk_widget_class_bind_template_child (widget_class, ParItemPane, item_method_label);
  gtk_widget_class_bind_template_child (widget_class, ParItemPane, guidance_heading);
  gtk_widget_class_bind_template_child (widget_class, ParItemPane, guidance_label);
  gtk_widget_class_bind_template_child (widget_class, ParItemPane, evidence_heading);
  gtk_widget_class_bind_template_child (widget_class, ParItemPane, evidence_label);
  gtk_widget_class_bind_template_child (widget_class, ParItemPane, na_check);
  gtk_widget_class_bind_template_child (widget_class, ParItemPane, documents);
  gtk_widget_class_bind_template_child (widget_class, ParItemPane, tasks_section);
  gtk_widget_class_bind_template_child (widget_class, ParItemPane, explanation_view);
  gtk_widget_class_bind_template_child (widget_class, ParItemPane, history_label);
  gtk_widget_class_bind_template_callback (widget_class, na_toggled);
  gtk_widget_class_bind_template_callback (widget_class, unlink_requested);
}

static void
par_item_pane_init (ParItemPane *self)
{
  GtkEventController *focus = gtk_event_controller_focus_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect_swapped (focus, "leave", G_CALLBACK (explanation_left), self);
  gtk_widget_add_controller (GTK_WIDGET (self->explanation_view), focus);
}
