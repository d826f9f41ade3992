/* par-bench-plan-builder.h: the large plan the plan benchmarks measure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "par-core.h"

#define PAR_BENCH_PLAN_TASKS 2000
#define PAR_BENCH_PLAN_UNITS 20
#define PAR_BENCH_PLAN_YEAR  2026

gint64 par_bench_plan_fill (ParDatabase *db,
                            gint64      *unit_id);
