/* par-plan-carry-over.h: a plan's unfinished tasks copied into the next plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "par-database.h"

G_BEGIN_DECLS

gint64 par_plans_carry_over (ParDatabase  *db,
                             gint64        plan_id,
                             int           year,
                             GError      **error);

G_END_DECLS
