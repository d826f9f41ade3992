/* par-demo-signatures.h: the sample office's signed documents, for par-demo.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "par-criteria-set.h"
#include "par-database.h"

G_BEGIN_DECLS

gboolean par_demo_signatures_fill (ParDatabase     *db,
                                   ParCriteriaSet  *set,
                                   GError         **error);

G_END_DECLS
