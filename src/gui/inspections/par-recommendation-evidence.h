/* par-recommendation-evidence.h: a recommendation row's documents: their count, a popover listing them, files dropped on the row
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "par-context.h"

G_BEGIN_DECLS

/* The files dropped on the row of @recommendation_id. */
typedef void (*ParRecommendationDropFunc) (GObject   *owner,
                                           gint64     recommendation_id,
                                           GPtrArray *paths);

GtkWidget *par_recommendation_evidence_new         (ParContext                *context,
                                                    gint64                     recommendation_id,
                                                    GPtrArray                 *documents);
void       par_recommendation_evidence_accept_drop (GtkWidget                 *row,
                                                    gint64                     recommendation_id,
                                                    GObject                   *owner,
                                                    ParRecommendationDropFunc  func);

G_END_DECLS
