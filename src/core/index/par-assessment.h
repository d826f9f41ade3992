/* par-assessment.h: one unit's scores against one criteria set, with exact totals
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "par-criteria-set.h"
#include "par-database.h"

G_BEGIN_DECLS

typedef enum
{
  PAR_SCORE_SELF,
  PAR_SCORE_APPRAISED,
} ParScoreKind;

typedef enum
{
  PAR_ITEM_UNSCORED,
  PAR_ITEM_SCORED,
  PAR_ITEM_NEEDS_EXPLANATION,
  PAR_ITEM_NOT_APPLICABLE,
} ParItemStatus;

/* A node's points: what was entered for an item, or the sum below a parent
 * (bonus added, penalty subtracted). has_* is FALSE where nothing in the
 * subtree is entered. */
typedef struct
{
  gboolean has_self;
  gboolean has_appraised;
  gint64   self_milli;
  gint64   appraised_milli;
  gboolean not_applicable;   /* marked, or under a marked node */
} ParSubtotal;

typedef struct
{
  gint64   max_milli;             /* the areas' maxima */
  gint64   applicable_milli;      /* max less what is not applicable */
  gint64   survey_milli;          /* maxima of the applicable survey items */
  gint64   self_milli;
  gint64   appraised_milli;
  gint64   self_percent;          /* hundredths of a percent */
  gint64   appraised_percent;
  gboolean has_self;
  gboolean has_appraised;
  guint    n_items;               /* scored items (leaves), applicable */
  guint    n_scored;              /* of those, with a self-score (survey: appraised) */
} ParTotals;

typedef struct
{
  char *at;          /* ISO 8601, UTC */
  char *actor;
  char *field;       /* "self", "appraised", "not-applicable", "explanation" */
  char *old_value;   /* as stored: points in thousandths, "1"/"0", text */
  char *new_value;
} ParHistoryEntry;

void par_history_entry_free (ParHistoryEntry *entry);

#define PAR_TYPE_ASSESSMENT (par_assessment_get_type ())

G_DECLARE_FINAL_TYPE (ParAssessment, par_assessment, PAR, ASSESSMENT, GObject)

ParAssessment  *par_assessment_load              (ParDatabase      *db,
                                                  ParCriteriaSet   *set,
                                                  gint64            unit_id,
                                                  GError          **error);
ParCriteriaSet *par_assessment_get_set           (ParAssessment    *self);
gint64          par_assessment_get_unit_id       (ParAssessment    *self);
gint64          par_assessment_get_id            (ParAssessment    *self);
ParDatabase    *par_assessment_get_database      (ParAssessment    *self);
void            par_assessment_get_subtotal      (ParAssessment    *self,
                                                  ParCriteriaNode  *node,
                                                  ParSubtotal      *subtotal);
gboolean        par_assessment_is_marked_not_applicable (ParAssessment   *self,
                                                         ParCriteriaNode *node);
const char     *par_assessment_get_explanation   (ParAssessment    *self,
                                                  ParCriteriaNode  *node);
guint           par_assessment_get_evidence_count (ParAssessment   *self,
                                                   ParCriteriaNode *node);
ParItemStatus   par_assessment_get_status        (ParAssessment    *self,
                                                  ParCriteriaNode  *node);
void            par_assessment_get_totals        (ParAssessment    *self,
                                                  ParTotals        *totals);
gboolean        par_assessment_set_score         (ParAssessment    *self,
                                                  ParCriteriaNode  *node,
                                                  ParScoreKind      kind,
                                                  gboolean          clear,
                                                  gint64            value_milli,
                                                  GError          **error);
gboolean        par_assessment_set_not_applicable (ParAssessment   *self,
                                                   ParCriteriaNode *node,
                                                   gboolean         not_applicable,
                                                   GError         **error);
gboolean        par_assessment_set_explanation  (ParAssessment    *self,
                                                  ParCriteriaNode  *node,
                                                  const char       *explanation,
                                                  GError          **error);
gboolean        par_assessment_copy_from         (ParAssessment    *self,
                                                  ParAssessment    *source,
                                                  GPtrArray       **new_items,
                                                  GPtrArray       **dropped_items,
                                                  GError          **error);
gboolean        par_assessment_link_document     (ParAssessment    *self,
                                                  ParCriteriaNode  *node,
                                                  gint64            document_id,
                                                  GError          **error);
gboolean        par_assessment_unlink_document   (ParAssessment    *self,
                                                  ParCriteriaNode  *node,
                                                  gint64            document_id,
                                                  GError          **error);
gboolean        par_assessment_reload_evidence   (ParAssessment    *self,
                                                  GError          **error);
GPtrArray      *par_assessment_get_history       (ParAssessment    *self,
                                                  ParCriteriaNode  *node,
                                                  GError          **error);

G_END_DECLS
