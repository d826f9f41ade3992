/* par-inspection-item.h: a row of the Inspections view's lists: an inspection, or one of its recommendations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "par-core.h"

G_BEGIN_DECLS

#define PAR_TYPE_INSPECTION_ITEM (par_inspection_item_get_type ())

G_DECLARE_FINAL_TYPE (ParInspectionItem, par_inspection_item, PAR, INSPECTION_ITEM, GObject)

ParInspectionItem *par_inspection_item_new          (ParInspection     *inspection,
                                                     ParRecommendation *recommendation);
ParInspection     *par_inspection_item_get_inspection     (ParInspectionItem *self);
ParRecommendation *par_inspection_item_get_recommendation (ParInspectionItem *self);
const char        *par_inspection_item_get_leader   (ParInspectionItem *self);

char              *par_inspection_format_days       (const ParInspection *inspection);
const char        *par_inspection_get_state_label   (const ParInspection *inspection,
                                                     const GDate         *today);
const char        *par_recommendation_status_get_css_class (ParRecommendationStatus status);

G_END_DECLS
