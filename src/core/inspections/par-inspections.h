/* par-inspections.h: the inspections of a PAR Desk file: planning with clash checks, listing, cancelling, free days
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "par-database.h"
#include "par-inspection.h"

G_BEGIN_DECLS

/* The years an inspection's days may fall in (those of the holiday table). */
#define PAR_INSPECTION_MIN_YEAR 2000
#define PAR_INSPECTION_MAX_YEAR 2100

/* How far after its date a free-slot search looks for the start of a run. */
#define PAR_FREE_SLOTS_HORIZON 366

GPtrArray     *par_inspections_list        (ParDatabase              *db,
                                            int                       year,
                                            GError                  **error);
ParInspection *par_inspections_get         (ParDatabase              *db,
                                            gint64                    inspection_id,
                                            GError                  **error);
gint64         par_inspections_add         (ParDatabase              *db,
                                            const ParInspectionSpec  *spec,
                                            gboolean                  force,
                                            GPtrArray               **clashes,
                                            GError                  **error);
gboolean       par_inspections_update      (ParDatabase              *db,
                                            gint64                    inspection_id,
                                            const ParInspectionSpec  *spec,
                                            gboolean                  force,
                                            GPtrArray               **clashes,
                                            GError                  **error);
gboolean       par_inspections_cancel      (ParDatabase              *db,
                                            gint64                    inspection_id,
                                            GError                  **error);

GPtrArray     *par_inspections_check       (ParDatabase              *db,
                                            const ParInspectionSpec  *spec,
                                            gint64                    inspection_id,
                                            GError                  **error);
GPtrArray     *par_inspections_clashes     (ParDatabase              *db,
                                            gint64                    inspection_id,
                                            GError                  **error);
GArray        *par_inspections_free_slots  (ParDatabase              *db,
                                            gint64                    unit_id,
                                            const gint64             *staff_ids,
                                            guint                     n_staff,
                                            guint                     n_days,
                                            const GDate              *after,
                                            guint                     count,
                                            GError                  **error);
GArray        *par_inspections_free_slots_except (ParDatabase        *db,
                                                  gint64              except_id,
                                                  gint64              unit_id,
                                                  const gint64       *staff_ids,
                                                  guint               n_staff,
                                                  guint               n_days,
                                                  const GDate        *after,
                                                  guint               count,
                                                  GError            **error);

G_END_DECLS
