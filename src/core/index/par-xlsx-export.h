/* par-xlsx-export.h: the XLSX score sheet and ranking workbooks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "par-assessment.h"
#include "par-ranking.h"

G_BEGIN_DECLS

gboolean par_export_score_sheet    (ParDatabase     *db,
                                    ParAssessment   *assessment,
                                    const char      *path,
                                    GStrv           *cut_items,
                                    GError         **error);
gboolean par_export_ranking        (ParDatabase     *db,
                                    ParCriteriaSet  *set,
                                    ParRankingBasis  basis,
                                    const char      *path,
                                    GError         **error);
char    *par_roman_numeral         (guint            number);

void     par_export_async          (const char          *db_path,
                                    gint64               set_id,
                                    gint64               unit_id,
                                    const char          *dest_path,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data);
gboolean par_export_finish         (GAsyncResult        *result,
                                    GStrv               *cut_items,
                                    GError             **error);

G_END_DECLS
