/* par-ranking-row.h: one unit in the ranking view
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "par-core.h"

G_BEGIN_DECLS

#define PAR_TYPE_RANKING_ROW (par_ranking_row_get_type ())

G_DECLARE_FINAL_TYPE (ParRankingRow, par_ranking_row, PAR, RANKING_ROW, GObject)

ParRankingRow *par_ranking_row_new        (ParRankingEntry *entry,
                                           GPtrArray       *areas,
                                           ParRankingBasis  basis);
guint          par_ranking_row_get_rank   (ParRankingRow   *self);
const char    *par_ranking_row_get_code   (ParRankingRow   *self);
const char    *par_ranking_row_get_name   (ParRankingRow   *self);
gint64         par_ranking_row_get_total  (ParRankingRow   *self);
gint64         par_ranking_row_get_percent (ParRankingRow  *self);
const char    *par_ranking_row_get_group  (ParRankingRow   *self);
gboolean       par_ranking_row_get_area   (ParRankingRow   *self,
                                           guint            area,
                                           gint64          *milli);

G_END_DECLS
