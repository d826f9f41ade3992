/* par-plans-private.h: the steps of par-plans.c that carry-over takes inside its own transaction
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "par-plans.h"

G_BEGIN_DECLS

gint64      par_plans_find_id     (ParDatabase        *db,
                                   gint64              unit_id,
                                   int                 year,
                                   GError            **error);
gint64      par_plans_insert      (ParDatabase        *db,
                                   gint64              unit_id,
                                   int                 year,
                                   const char         *title,
                                   GError            **error);
GHashTable *par_plans_load_codes  (ParDatabase        *db,
                                   gint64              plan_id,
                                   GError            **error);
gint64      par_plans_insert_task (ParDatabase        *db,
                                   gint64              plan_id,
                                   const ParTaskSpec  *spec,
                                   gint64              carried_from,
                                   GHashTable         *taken,
                                   GError            **error);

G_END_DECLS
