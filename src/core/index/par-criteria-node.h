/* par-criteria-node.h: one area, criterion or sub-criterion of a criteria set
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  PAR_METHOD_GROUP,    /* a parent: its points are its children's */
  PAR_METHOD_MANUAL,   /* 0 to max, in multiples of the step */
  PAR_METHOD_CHOICE,   /* one of the options */
  PAR_METHOD_SURVEY,   /* not self-scored; appraised from survey results */
  PAR_METHOD_BONUS,    /* 0 to max, added on top of the parent */
  PAR_METHOD_PENALTY,  /* 0 to max, subtracted from the parent */
  PAR_N_METHODS
} ParScoringMethod;

typedef struct
{
  char  *label;
  gint64 points_milli;
} ParChoiceOption;

#define PAR_TYPE_CRITERIA_NODE (par_criteria_node_get_type ())

G_DECLARE_FINAL_TYPE (ParCriteriaNode, par_criteria_node, PAR, CRITERIA_NODE, GObject)

ParCriteriaNode *par_criteria_node_new                   (const char       *code,
                                                          const char       *title,
                                                          gint64            max_milli);
gint64           par_criteria_node_get_id                (ParCriteriaNode  *self);
void             par_criteria_node_set_id                (ParCriteriaNode  *self,
                                                          gint64            id);
const char      *par_criteria_node_get_code              (ParCriteriaNode  *self);
const char      *par_criteria_node_get_title             (ParCriteriaNode  *self);
gint64           par_criteria_node_get_max               (ParCriteriaNode  *self);
ParScoringMethod par_criteria_node_get_method            (ParCriteriaNode  *self);
void             par_criteria_node_set_method            (ParCriteriaNode  *self,
                                                          ParScoringMethod  method);
gint64           par_criteria_node_get_step              (ParCriteriaNode  *self);
void             par_criteria_node_set_step              (ParCriteriaNode  *self,
                                                          gint64            step_milli);
gboolean         par_criteria_node_get_applicable_optional (ParCriteriaNode *self);
void             par_criteria_node_set_applicable_optional (ParCriteriaNode *self,
                                                            gboolean         optional);
const char      *par_criteria_node_get_evidence          (ParCriteriaNode  *self);
void             par_criteria_node_set_evidence          (ParCriteriaNode  *self,
                                                          const char       *evidence);
const char      *par_criteria_node_get_guidance          (ParCriteriaNode  *self);
void             par_criteria_node_set_guidance          (ParCriteriaNode  *self,
                                                          const char       *guidance);
guint            par_criteria_node_get_n_options         (ParCriteriaNode  *self);
const ParChoiceOption *par_criteria_node_get_option      (ParCriteriaNode  *self,
                                                          guint             index);
void             par_criteria_node_add_option            (ParCriteriaNode  *self,
                                                          const char       *label,
                                                          gint64            points_milli);
ParCriteriaNode *par_criteria_node_get_parent            (ParCriteriaNode  *self);
GPtrArray       *par_criteria_node_get_children          (ParCriteriaNode  *self);
void             par_criteria_node_add_child             (ParCriteriaNode  *self,
                                                          ParCriteriaNode  *child);
guint            par_criteria_node_get_depth             (ParCriteriaNode  *self);
gboolean         par_criteria_node_is_leaf               (ParCriteriaNode  *self);
gboolean         par_criteria_node_counts_in_max         (ParCriteriaNode  *self);
int              par_criteria_node_get_source_line       (ParCriteriaNode  *self);
void             par_criteria_node_set_source_line       (ParCriteriaNode  *self,
                                                          int               line);
gboolean         par_criteria_node_check_value           (ParCriteriaNode  *self,
                                                          gboolean          appraised,
                                                          gint64            value_milli,
                                                          GError          **error);

const char      *par_scoring_method_to_string            (ParScoringMethod  method);
gboolean         par_scoring_method_from_string          (const char       *text,
                                                          ParScoringMethod *method);
const char      *par_scoring_method_get_label            (ParScoringMethod  method);

G_END_DECLS
