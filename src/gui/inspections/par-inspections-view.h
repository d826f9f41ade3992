/* par-inspections-view.h: the year's inspections as a month calendar or a list, the overdue recommendations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "par-context.h"

G_BEGIN_DECLS

#define PAR_TYPE_INSPECTIONS_VIEW (par_inspections_view_get_type ())

G_DECLARE_FINAL_TYPE (ParInspectionsView, par_inspections_view, PAR, INSPECTIONS_VIEW, AdwBin)

void     par_inspections_view_set_context   (ParInspectionsView *self,
                                             ParContext         *context);
void     par_inspections_view_show_month    (ParInspectionsView *self,
                                             const GDate        *day);
void     par_inspections_view_get_month     (ParInspectionsView *self,
                                             GDate              *month);
void     par_inspections_view_set_today     (ParInspectionsView *self,
                                             const GDate        *today);
void     par_inspections_view_show_mode     (ParInspectionsView *self,
                                             const char         *mode);
void     par_inspections_view_select        (ParInspectionsView *self,
                                             gint64              inspection_id);
gint64   par_inspections_view_get_selected  (ParInspectionsView *self);
guint    par_inspections_view_get_n_overdue (ParInspectionsView *self);

G_END_DECLS
