/* par-inspection-follow-up.h: what an inspection found, what it recommended, and how that was carried out
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "par-database.h"
#include "par-inspection.h"

G_BEGIN_DECLS

gint64     par_findings_add              (ParDatabase  *db,
                                          gint64        inspection_id,
                                          const char   *text,
                                          const char   *criterion,
                                          GError      **error);
GPtrArray *par_findings_list             (ParDatabase  *db,
                                          gint64        inspection_id,
                                          GError      **error);

gint64     par_recommendations_add       (ParDatabase  *db,
                                          gint64        inspection_id,
                                          const char   *text,
                                          gint64        unit_id,
                                          const GDate  *deadline,
                                          gint64        finding_id,
                                          GError      **error);
GPtrArray *par_recommendations_list      (ParDatabase  *db,
                                          gint64        inspection_id,
                                          gint64        unit_id,
                                          GError      **error);
gboolean   par_recommendations_close     (ParDatabase  *db,
                                          gint64        recommendation_id,
                                          const GDate  *date,
                                          const char   *note,
                                          GError      **error);

G_END_DECLS
