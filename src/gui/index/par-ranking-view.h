/* par-ranking-view.h: every unit scored against a criteria set, ranked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "par-context.h"

G_BEGIN_DECLS

#define PAR_TYPE_RANKING_VIEW (par_ranking_view_get_type ())

G_DECLARE_FINAL_TYPE (ParRankingView, par_ranking_view, PAR, RANKING_VIEW, AdwBin)

void  par_ranking_view_set_context (ParRankingView *self,
                                    ParContext     *context);
void  par_ranking_view_set_set    (ParRankingView *self,
                                   ParCriteriaSet *set);
guint par_ranking_view_get_n_rows (ParRankingView *self);

G_END_DECLS
