/* par-criteria-node.c: one area, criterion or sub-criterion of a criteria set
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "par-criteria-node.h"
#include "par-database.h"
#include "par-points.h"

struct _ParCriteriaNode
{
  GObject          parent_instance;

  gint64           id;
  char            *code;
  char            *title;
  gint64           max_milli;
  ParScoringMethod method;
  gint64           step_milli;
  gboolean         applicable_optional;
  char            *evidence;
  char            *guidance;
  GArray          *options;
  ParCriteriaNode *parent;     /* not owned */
  GPtrArray       *children;
  int              source_line;
};

G_DEFINE_FINAL_TYPE (ParCriteriaNode, par_criteria_node, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CODE,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const method_names[PAR_N_METHODS] = {
  "group", "manual", "choice", "survey", "bonus", "penalty",
};

const char *
par_scoring_method_to_string (ParScoringMethod method)
{
  g_return_val_if_fail (method < PAR_N_METHODS, NULL);
  return method_names[method];
}

gboolean
par_scoring_method_from_string (const char       *text,
                                ParScoringMethod *method)
{
  for (guint i = 0; i < PAR_N_METHODS; i++)
    if (g_strcmp0 (text, method_names[i]) == 0)
      {
        *method = i;
        return TRUE;
      }
  return FALSE;
}

const char *
par_scoring_method_get_label (ParScoringMethod method)
{
  switch (method)
    {
    case PAR_METHOD_GROUP:
      return _("Sum of the items below");
    case PAR_METHOD_MANUAL:
      return _("Points entered by hand");
    case PAR_METHOD_CHOICE:
      return _("One of the listed options");
    case PAR_METHOD_SURVEY:
      return _("Survey result (appraised only)");
    case PAR_METHOD_BONUS:
      return _("Bonus points");
    case PAR_METHOD_PENALTY:
      return _("Penalty points");
    case PAR_N_METHODS:
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
clear_option (gpointer data)
{
  ParChoiceOption *option = data;

  g_free (option->label);
}

ParCriteriaNode *
par_criteria_node_new (const char *code,
                       const char *title,
                       gint64      max_milli)
{
  ParCriteriaNode *self = g_object_new (PAR_TYPE_CRITERIA_NODE, NULL);

  self->code = g_strdup (code);
  self->title = g_strdup (title);
  self->max_milli = max_milli;
  return self;
}

gint64
par_criteria_node_get_id (ParCriteriaNode *self)
{
  g_return_val_if_fail (PAR_IS_CRITERIA_NODE (self), 0);
  return self->id;
}

void
par_criteria_node_set_id (ParCriteriaNode *self,
                          gint64           id)
{
  g_return_if_fail (PAR_IS_CRITERIA_NODE (self));
  self->id = id;
}

const char *
par_criteria_node_get_code (ParCriteriaNode *self)
{
  g_return_val_if_fail (PAR_IS_CRITERIA_NODE (self), NULL);
  return self->code;
}

const char *
par_criteria_node_get_title (ParCriteriaNode *self)
{
  g_return_val_if_fail (PAR_IS_CRITERIA_NODE (self), NULL);
  return self->title;
}

gint64
par_criteria_node_get_max (ParCriteriaNode *self)
{
  g_return_val_if_fail (PAR_IS_CRITERIA_NODE (self), 0);
  return self->max_milli;
}

ParScoringMethod
par_criteria_node_get_method (ParCriteriaNode *self)
{
  g_return_val_if_fail (PAR_IS_CRITERIA_NODE (self), PAR_METHOD_MANUAL);
  return self->method;
}

void
par_criteria_node_set_method (ParCriteriaNode  *self,
                              ParScoringMethod  method)
{
  g_return_if_fail (PAR_IS_CRITERIA_NODE (self));
  g_return_if_fail (method < PAR_N_METHODS);
  self->method = method;
}

gint64
par_criteria_node_get_step (ParCriteriaNode *self)
{
  g_return_val_if_fail (PAR_IS_CRITERIA_NODE (self), 10);
  return self->step_milli;
}

void
par_criteria_node_set_step (ParCriteriaNode *self,
                            gint64           step_milli)
{
  g_return_if_fail (PAR_IS_CRITERIA_NODE (self));
  g_return_if_fail (step_milli > 0);
  self->step_milli = step_milli;
}

gboolean
par_criteria_node_get_applicable_optional (ParCriteriaNode *self)
{
  g_return_val_if_fail (PAR_IS_CRITERIA_NODE (self), FALSE);
  return self->applicable_optional;
}

void
par_criteria_node_set_applicable_optional (ParCriteriaNode *self,
                                           gboolean         optional)
{
  g_return_if_fail (PAR_IS_CRITERIA_NODE (self));
  self->applicable_optional = !!optional;
}

const char *
par_criteria_node_get_evidence (ParCriteriaNode *self)
{
  g_return_val_if_fail (PAR_IS_CRITERIA_NODE (self), NULL);
  return self->evidence != NULL ? self->evidence : "";
}

void
par_criteria_node_set_evidence (ParCriteriaNode *self,
                                const char      *evidence)
{
  g_return_if_fail (PAR_IS_CRITERIA_NODE (self));
  g_free (self->evidence);
  self->evidence = g_strdup (evidence);
}

const char *
par_criteria_node_get_guidance (ParCriteriaNode *self)
{
  g_return_val_if_fail (PAR_IS_CRITERIA_NODE (self), NULL);
  return self->guidance != NULL ? self->guidance : "";
}

void
par_criteria_node_set_guidance (ParCriteriaNode *self,
                                const char      *guidance)
{
  g_return_if_fail (PAR_IS_CRITERIA_NODE (self));
  g_free (self->guidance);
  self->guidance = g_strdup (guidance);
}

guint
par_criteria_node_get_n_options (ParCriteriaNode *self)
{
  g_return_val_if_fail (PAR_IS_CRITERIA_NODE (self), 0);
  return self->options->len;
}

const ParChoiceOption *
par_criteria_node_get_option (ParCriteriaNode *self,
                              guint            index)
{
  g_return_val_if_fail (PAR_IS_CRITERIA_NODE (self), NULL);
  g_return_val_if_fail (index < self->options->len, NULL);
  return &g_array_index (self->options, ParChoiceOption, index);
}

void
par_criteria_node_add_option (ParCriteriaNode *self,
                              const char      *label,
                              gint64           points_milli)
{
  ParChoiceOption option = { g_strdup (label), points_milli };

  g_return_if_fail (PAR_IS_CRITERIA_NODE (self));
  g_array_append_val (self->options, option);
}

ParCriteriaNode *
par_criteria_node_get_parent (ParCriteriaNode *self)
{
  g_return_val_if_fail (PAR_IS_CRITERIA_NODE (self), NULL);
  return self->parent;
}

GPtrArray *
par_criteria_node_get_children (ParCriteriaNode *self)
{
  g_return_val_if_fail (PAR_IS_CRITERIA_NODE (self), NULL);
  return self->children;
}

void
par_criteria_node_add_child (ParCriteriaNode *self,
                             ParCriteriaNode *child)
{
  g_return_if_fail (PAR_IS_CRITERIA_NODE (self));
  g_return_if_fail (PAR_IS_CRITERIA_NODE (child));
  g_return_if_fail (child->parent == NULL);

  child->parent = self;
  g_ptr_array_add (self->children, g_object_ref (child));
}

/* 0 for an area, 1 for a criterion, 2 for a sub-criterion, ... */
guint
par_criteria_node_get_depth (ParCriteriaNode *self)
{
  guint depth = 0;

  g_return_val_if_fail (PAR_IS_CRITERIA_NODE (self), 0);
  for (ParCriteriaNode *p = self->parent; p != NULL; p = p->parent)
    depth++;
  return depth;
}

gboolean
par_criteria_node_is_leaf (ParCriteriaNode *self)
{
  g_return_val_if_fail (PAR_IS_CRITERIA_NODE (self), TRUE);
  return self->children->len == 0;
}

/* Bonus and penalty points sit on top of the parent's maximum. */
gboolean
par_criteria_node_counts_in_max (ParCriteriaNode *self)
{
  g_return_val_if_fail (PAR_IS_CRITERIA_NODE (self), TRUE);
  return self->method != PAR_METHOD_BONUS && self->method != PAR_METHOD_PENALTY;
}

/* The line of the CSV file (or 0) the node came from, for messages. */
int
par_criteria_node_get_source_line (ParCriteriaNode *self)
{
  g_return_val_if_fail (PAR_IS_CRITERIA_NODE (self), 0);
  return self->source_line;
}

void
par_criteria_node_set_source_line (ParCriteriaNode *self,
                                   int              line)
{
  g_return_if_fail (PAR_IS_CRITERIA_NODE (self));
  self->source_line = line;
}

/* Whether @value_milli is a score the item's method allows, as a self-score
 * or (with @appraised) as an appraised score. */
gboolean
par_criteria_node_check_value (ParCriteriaNode  *self,
                               gboolean          appraised,
                               gint64            value_milli,
                               GError          **error)
{
  g_autofree char *value = par_points_to_string (value_milli);
  g_autofree char *max = NULL;

  g_return_val_if_fail (PAR_IS_CRITERIA_NODE (self), FALSE);

  if (!par_criteria_node_is_leaf (self))
    {
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID,
                   _("%s is the sum of the items below it; score those items instead"), self->code);
      return FALSE;
    }
  if (self->method == PAR_METHOD_SURVEY && !appraised)
    {
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID,
                   _("%s comes from the survey: it has no self-score, only an appraised score"),
                   self->code);
      return FALSE;
    }
  max = par_points_to_string (self->max_milli);
  if (value_milli < 0 || value_milli > self->max_milli)
    {
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID,
                   _("%s allows 0 to %s points, not %s"), self->code, max, value);
      return FALSE;
    }
  if (self->method == PAR_METHOD_CHOICE)
    {
      g_autoptr(GString) allowed = g_string_new (NULL);

      for (guint i = 0; i < self->options->len; i++)
        {
          const ParChoiceOption *option = &g_array_index (self->options, ParChoiceOption, i);
          g_autofree char *points = par_points_to_string (option->points_milli);

          if (option->points_milli == value_milli)
            return TRUE;
          g_string_append_printf (allowed, "%s%s (%s)", i > 0 ? ", " : "", points, option->label);
        }
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID,
                   _("%s is scored by choosing one option: %s; %s is not one of them"),
                   self->code, allowed->str, value);
      return FALSE;
    }
  if (self->method != PAR_METHOD_SURVEY && value_milli % self->step_milli != 0)
    {
      g_autofree char *step = par_points_to_string (self->step_milli);

      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID,
                   _("%s is scored in steps of %s points; %s is not a multiple of it"),
                   self->code, step, value);
      return FALSE;
    }
  return TRUE;
}

static void
par_criteria_node_finalize (GObject *object)
{
  ParCriteriaNode *self = PAR_CRITERIA_NODE (object);

  g_free (self->code);
  g_free (self->title);
  g_free (self->evidence);
  g_free (self->guidance);
  g_array_unref (self->options);
  g_ptr_array_unref (self->children);

  G_OBJECT_CLASS (par_criteria_node_parent_class)->finalize (object);
}

static void
par_criteria_node_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  ParCriteriaNode *self = PAR_CRITERIA_NODE (object);

  switch (prop_id)
    {
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
par_criteria_node_class_init (ParCriteriaNodeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = par_criteria_node_finalize;
  object_class->get_property = par_criteria_node_get_property;

  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
par_criteria_node_init (ParCriteriaNode *self)
{
  self->method = PAR_METHOD_MANUAL;
  self->step_milli = 10;
  self->options = g_array_new (FALSE, TRUE, sizeof (ParChoiceOption));
  g_array_set_clear_func (self->options, clear_option);
  self->children = g_ptr_array_new_with_free_func (g_object_unref);
}
