/* par-ranking.h: all units scored against one criteria set, ranked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "par-assessment.h"
#include "par-unit.h"

G_BEGIN_DECLS

typedef enum
{
  PAR_RANKING_BY_SELF,
  PAR_RANKING_BY_APPRAISED,
} ParRankingBasis;

typedef struct
{
  ParUnit       *unit;
  ParAssessment *assessment;
  gint64         total_milli;      /* on the basis */
  gint64         percent;          /* hundredths */
  gboolean       scored;           /* has scores on the basis; the others come last, unranked */
  guint          rank;             /* 1 for the best; equal percentages share a rank; 0 if not scored */
  const char    *group;            /* "A", "B", "C", "D", or "" if not scored */
} ParRankingEntry;

GPtrArray  *par_ranking_compute       (ParDatabase      *db,
                                       ParCriteriaSet   *set,
                                       ParRankingBasis   basis,
                                       GError          **error);
gboolean    par_ranking_default_basis (ParDatabase      *db,
                                       ParCriteriaSet   *set,
                                       ParRankingBasis  *basis,
                                       GError          **error);
const char *par_ranking_group_for     (gint64            percent);
const char *par_ranking_group_label   (const char       *group);
void        par_ranking_area_points   (ParRankingEntry  *entry,
                                       ParCriteriaNode  *area,
                                       ParRankingBasis   basis,
                                       gboolean         *has,
                                       gint64           *milli);

G_END_DECLS
