/* par-directory-view.h: the tree of units and the staff of the selected unit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "par-context.h"

G_BEGIN_DECLS

#define PAR_TYPE_DIRECTORY_VIEW (par_directory_view_get_type ())

G_DECLARE_FINAL_TYPE (ParDirectoryView, par_directory_view, PAR, DIRECTORY_VIEW, AdwBin)

void     par_directory_view_set_context     (ParDirectoryView *self,
                                             ParContext       *context);
ParUnit *par_directory_view_get_selected_unit (ParDirectoryView *self);
gboolean par_directory_view_select_unit     (ParDirectoryView *self,
                                             gint64            unit_id);

G_END_DECLS
