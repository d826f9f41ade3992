/* par-demo.h: a realistic sample office for newcomers and screenshots
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "par-database.h"

G_BEGIN_DECLS

gboolean par_demo_fill (ParDatabase  *db,
                        GError      **error);

G_END_DECLS
