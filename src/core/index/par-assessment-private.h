/* par-assessment-private.h: what the files of ParAssessment share
 *
 * The state of every node, and the steps that loading, scoring and
 * copying share: recomputing subtotals, and writing one column of an
 * item's score row.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "par-assessment.h"
#include "par-database-private.h"

G_BEGIN_DECLS

typedef struct
{
  /* entered */
  gboolean has_self;
  gboolean has_appraised;
  gint64   self_milli;
  gint64   appraised_milli;
  gboolean marked_na;
  char    *explanation;
  guint    evidence_count;

  /* derived, for the subtree */
  ParSubtotal subtotal;
  guint    n_items;
  guint    n_scored;
  gint64   na_max;      /* maxima taken out of the denominator */
  gint64   survey_max;  /* maxima of applicable survey items */
} ParNodeState;

struct _ParAssessment
{
  GObject         parent_instance;

  ParDatabase    *db;
  ParCriteriaSet *set;
  gint64          unit_id;
  gint64          id;       /* 0 until the first score is written */
  gboolean        in_batch; /* writes join the caller's transaction */
  ParNodeState   *states;   /* by node index, in tree order */
  GHashTable     *index;    /* ParCriteriaNode → index + 1 */
};

/* A value for par_assessment_write_score(): points, or none. */
typedef struct
{
  gboolean clear;
  gint64   value;
} ParPointsValue;

/* par-assessment.c */
ParNodeState *par_assessment_state_of          (ParAssessment    *self,
                                                ParCriteriaNode  *node);

/* par-assessment-load.c */
gboolean      par_assessment_load_scores       (ParAssessment    *self,
                                                GError          **error);

/* par-assessment-totals.c */
gboolean      par_assessment_under_marked_na   (ParAssessment    *self,
                                                ParCriteriaNode  *node);
void          par_assessment_compute_node      (ParAssessment    *self,
                                                ParCriteriaNode  *node,
                                                gboolean          hidden);
void          par_assessment_compute_subtree   (ParAssessment    *self,
                                                ParCriteriaNode  *node,
                                                gboolean          hidden);
void          par_assessment_compute_ancestors (ParAssessment    *self,
                                                ParCriteriaNode  *node);
void          par_assessment_compute_all       (ParAssessment    *self);

/* par-assessment-scores.c */
char         *par_assessment_points_or_null    (gboolean          has,
                                                gint64            milli);
gboolean      par_assessment_write_score       (ParAssessment    *self,
                                                ParCriteriaNode  *node,
                                                const char       *column,
                                                const char       *field,
                                                const char       *old_value,
                                                const char       *new_value,
                                                void            (*bind) (sqlite3_stmt *stmt, gpointer data),
                                                gpointer          data,
                                                GError          **error);
void          par_assessment_bind_points       (sqlite3_stmt     *stmt,
                                                gpointer          data);
void          par_assessment_bind_int          (sqlite3_stmt     *stmt,
                                                gpointer          data);
void          par_assessment_bind_text         (sqlite3_stmt     *stmt,
                                                gpointer          data);

G_END_DECLS
