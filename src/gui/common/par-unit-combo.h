/* par-unit-combo.h: choosing a unit of the directory in an AdwComboRow
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "par-core.h"

G_BEGIN_DECLS

gboolean par_unit_combo_fill            (AdwComboRow  *row,
                                         ParDatabase  *db,
                                         gint64        exclude_subtree_of,
                                         const char   *none_label,
                                         gint64        selected_id,
                                         GError      **error);
gint64   par_unit_combo_get_selected_id (AdwComboRow  *row);

G_END_DECLS
