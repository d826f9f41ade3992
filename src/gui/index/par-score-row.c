/* par-score-row.c: one node of the PAR Index tree as the view shows it
 *
 * The row reads its numbers from the assessment; after an edit the view
 * calls par_score_row_changed() on the edited row and its ancestors, and
 * the bound cells follow the notifications.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "par-score-row.h"

struct _ParScoreRow
{
  GObject          parent_instance;

  ParAssessment   *assessment;
  ParCriteriaNode *node;
  ParScoreRow     *parent;     /* not owned */
  GListStore      *children;
  gboolean         visible;
  char            *waiting[2];  /* per ParScoreKind: typed, not yet saved (the file is busy) */
};

G_DEFINE_FINAL_TYPE (ParScoreRow, par_score_row, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CODE,
  PROP_TITLE,
  PROP_MAX_TEXT,
  PROP_SELF_TEXT,
  PROP_APPRAISED_TEXT,
  PROP_DIFFERENCE_TEXT,
  PROP_EVIDENCE_TEXT,
  PROP_STATUS_TEXT,
  PROP_IS_AREA,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const char *
par_item_status_get_label (ParItemStatus status)
{
  switch (status)
    {
    case PAR_ITEM_UNSCORED:
      return _("Unscored");
    case PAR_ITEM_SCORED:
      return _("Scored");
    case PAR_ITEM_NEEDS_EXPLANATION:
      return _("Needs explanation");
    case PAR_ITEM_NOT_APPLICABLE:
      return _("Not applicable");
    default:
      g_return_val_if_reached (NULL);
    }
}

ParScoreRow *
par_score_row_new (ParAssessment   *assessment,
                   ParCriteriaNode *node)
{
  ParScoreRow *self = g_object_new (PAR_TYPE_SCORE_ROW, NULL);

  self->assessment = g_object_ref (assessment);
  self->node = g_object_ref (node);
  return self;
}

ParCriteriaNode *
par_score_row_get_node (ParScoreRow *self)
{
  g_return_val_if_fail (PAR_IS_SCORE_ROW (self), NULL);
  return self->node;
}

ParAssessment *
par_score_row_get_assessment (ParScoreRow *self)
{
  g_return_val_if_fail (PAR_IS_SCORE_ROW (self), NULL);
  return self->assessment;
}

/* NULL for an item (a leaf), so the tree shows no expander. */
GListModel *
par_score_row_get_children (ParScoreRow *self)
{
  g_return_val_if_fail (PAR_IS_SCORE_ROW (self), NULL);
  return self->children != NULL ? G_LIST_MODEL (self->children) : NULL;
}

void
par_score_row_add_child (ParScoreRow *self,
                         ParScoreRow *child)
{
  g_return_if_fail (PAR_IS_SCORE_ROW (self));

  if (self->children == NULL)
    self->children = g_list_store_new (PAR_TYPE_SCORE_ROW);
  child->parent = self;
  g_list_store_append (self->children, child);
}

ParScoreRow *
par_score_row_get_parent (ParScoreRow *self)
{
  g_return_val_if_fail (PAR_IS_SCORE_ROW (self), NULL);
  return self->parent;
}

/* Only items are scored; survey items have no self-score. */
gboolean
par_score_row_is_editable (ParScoreRow  *self,
                           ParScoreKind  kind)
{
  ParSubtotal sub;

  g_return_val_if_fail (PAR_IS_SCORE_ROW (self), FALSE);
  if (!par_criteria_node_is_leaf (self->node))
    return FALSE;
  par_assessment_get_subtotal (self->assessment, self->node, &sub);
  if (sub.not_applicable)
    return FALSE;
  return kind == PAR_SCORE_APPRAISED || par_criteria_node_get_method (self->node) != PAR_METHOD_SURVEY;
}

/* The points in the UI's number format, "" where nothing is entered. */
char *
par_score_row_get_points_text (ParScoreRow  *self,
                               ParScoreKind  kind)
{
  ParSubtotal sub;
  gboolean has;

  g_return_val_if_fail (PAR_IS_SCORE_ROW (self), NULL);
  if (self->waiting[kind] != NULL)
    return g_strdup (self->waiting[kind]);
  par_assessment_get_subtotal (self->assessment, self->node, &sub);
  if (sub.not_applicable)
    /* Translators: short for "not applicable", in a score cell */
    return g_strdup (C_("score", "N/A"));
  has = kind == PAR_SCORE_SELF ? sub.has_self : sub.has_appraised;
  if (!has)
    return g_strdup ("");
  return par_format_points (kind == PAR_SCORE_SELF ? sub.self_milli : sub.appraised_milli);
}

static char *
difference_text (ParScoreRow *self)
{
  ParSubtotal sub;
  g_autofree char *number = NULL;
  gint64 difference;

  par_assessment_get_subtotal (self->assessment, self->node, &sub);
  if (sub.not_applicable || !sub.has_self || !sub.has_appraised)
    return g_strdup ("");
  difference = sub.appraised_milli - sub.self_milli;
  if (difference == 0)
    return g_strdup ("0");
  number = par_format_points (ABS (difference));
  return g_strdup_printf ("%s%s", difference > 0 ? "+" : "−", number);
}

ParItemStatus
par_score_row_get_status (ParScoreRow *self)
{
  g_return_val_if_fail (PAR_IS_SCORE_ROW (self), PAR_ITEM_UNSCORED);
  return par_assessment_get_status (self->assessment, self->node);
}

gboolean
par_score_row_get_visible (ParScoreRow *self)
{
  g_return_val_if_fail (PAR_IS_SCORE_ROW (self), TRUE);
  return self->visible;
}

void
par_score_row_set_visible (ParScoreRow *self,
                           gboolean     visible)
{
  g_return_if_fail (PAR_IS_SCORE_ROW (self));
  self->visible = visible;
}

/* The numbers of this row changed: bound cells update. */
/* What was typed in the @kind cell and waits to be saved, shown instead
 * of the saved value until it is; NULL once it is saved. */
void
par_score_row_set_waiting (ParScoreRow  *self,
                           ParScoreKind  kind,
                           const char   *text)
{
  g_return_if_fail (PAR_IS_SCORE_ROW (self));
  g_free (self->waiting[kind]);
  self->waiting[kind] = g_strdup (text);
  par_score_row_changed (self);
}

gboolean
par_score_row_is_waiting (ParScoreRow  *self,
                          ParScoreKind  kind)
{
  g_return_val_if_fail (PAR_IS_SCORE_ROW (self), FALSE);
  return self->waiting[kind] != NULL;
}

void
par_score_row_changed (ParScoreRow *self)
{
  g_return_if_fail (PAR_IS_SCORE_ROW (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELF_TEXT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_APPRAISED_TEXT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DIFFERENCE_TEXT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EVIDENCE_TEXT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATUS_TEXT]);
}

static void
par_score_row_dispose (GObject *object)
{
  ParScoreRow *self = PAR_SCORE_ROW (object);

  g_clear_object (&self->children);

  G_OBJECT_CLASS (par_score_row_parent_class)->dispose (object);
}

static void
par_score_row_finalize (GObject *object)
{
  ParScoreRow *self = PAR_SCORE_ROW (object);

  g_clear_object (&self->assessment);
  g_clear_object (&self->node);
  g_free (self->waiting[0]);
  g_free (self->waiting[1]);

  G_OBJECT_CLASS (par_score_row_parent_class)->finalize (object);
}

static void
par_score_row_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  ParScoreRow *self = PAR_SCORE_ROW (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, par_criteria_node_get_code (self->node));
      break;
    case PROP_TITLE:
      g_value_set_string (value, par_criteria_node_get_title (self->node));
      break;
    case PROP_MAX_TEXT:
      g_value_take_string (value, par_format_points (par_criteria_node_get_max (self->node)));
      break;
    case PROP_SELF_TEXT:
      g_value_take_string (value, par_score_row_get_points_text (self, PAR_SCORE_SELF));
      break;
    case PROP_APPRAISED_TEXT:
      g_value_take_string (value, par_score_row_get_points_text (self, PAR_SCORE_APPRAISED));
      break;
    case PROP_DIFFERENCE_TEXT:
      g_value_take_string (value, difference_text (self));
      break;
    case PROP_EVIDENCE_TEXT:
      {
        guint count = par_assessment_get_evidence_count (self->assessment, self->node);

        g_value_take_string (value, count > 0 ? g_strdup_printf ("%u", count) : g_strdup (""));
      }
      break;
    case PROP_STATUS_TEXT:
      g_value_set_string (value, par_criteria_node_is_leaf (self->node)
                                 ? par_item_status_get_label (par_score_row_get_status (self)) : "");
      break;
    case PROP_IS_AREA:
      g_value_set_boolean (value, par_criteria_node_get_depth (self->node) == 0);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
par_score_row_class_init (ParScoreRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = par_score_row_dispose;
  object_class->finalize = par_score_row_finalize;
  object_class->get_property = par_score_row_get_property;

  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MAX_TEXT] =
    g_param_spec_string ("max-text", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELF_TEXT] =
    g_param_spec_string ("self-text", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_APPRAISED_TEXT] =
    g_param_spec_string ("appraised-text", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_DIFFERENCE_TEXT] =
    g_param_spec_string ("difference-text", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_EVIDENCE_TEXT] =
    g_param_spec_string ("evidence-text", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATUS_TEXT] =
    g_param_spec_string ("status-text", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_IS_AREA] =
    g_param_spec_boolean ("is-area", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
par_score_row_init (ParScoreRow *self)
{
  self->visible = TRUE;
}
