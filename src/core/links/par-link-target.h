/* par-link-target.h: something a document can be evidence of: a PAR Index item, a plan task, an inspection, a recommendation
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "par-database.h"

G_BEGIN_DECLS

typedef enum
{
  PAR_LINK_TARGET_ITEM,         /* a scored item of one unit's assessment */
  PAR_LINK_TARGET_TASK,         /* a task of an annual reform plan */
  PAR_LINK_TARGET_INSPECTION,   /* an inspection of a unit */
  PAR_LINK_TARGET_RECOMMENDATION, /* a recommendation an inspection made */
} ParLinkTargetKind;

#define PAR_TYPE_LINK_TARGET (par_link_target_get_type ())

G_DECLARE_FINAL_TYPE (ParLinkTarget, par_link_target, PAR, LINK_TARGET, GObject)

ParLinkTarget     *par_link_target_new_item          (gint64         assessment_id,
                                                      gint64         node_id);
ParLinkTarget     *par_link_target_new_task          (gint64         task_id);
ParLinkTarget     *par_link_target_new_inspection    (gint64         inspection_id);
ParLinkTarget     *par_link_target_new_recommendation (gint64        recommendation_id);
ParLinkTargetKind  par_link_target_get_kind          (ParLinkTarget *self);
gint64             par_link_target_get_assessment_id (ParLinkTarget *self);
gint64             par_link_target_get_node_id       (ParLinkTarget *self);
gint64             par_link_target_get_task_id       (ParLinkTarget *self);
gint64             par_link_target_get_inspection_id (ParLinkTarget *self);
gint64             par_link_target_get_recommendation_id (ParLinkTarget *self);
const char        *par_link_target_get_title         (ParLinkTarget *self);
const char        *par_link_target_get_context       (ParLinkTarget *self);
const char        *par_link_target_get_detail        (ParLinkTarget *self);
gboolean           par_link_target_get_linked        (ParLinkTarget *self);
gboolean           par_link_target_equal             (ParLinkTarget *self,
                                                      ParLinkTarget *other);
gboolean           par_link_target_matches           (ParLinkTarget *self,
                                                      const char    *query);

gboolean           par_link_target_exists            (ParDatabase   *db,
                                                      ParLinkTarget *target,
                                                      GError       **error);

GPtrArray         *par_link_target_list              (ParDatabase   *db,
                                                      gint64         document_id,
                                                      GError       **error);
GPtrArray         *par_link_target_list_linked       (ParDatabase   *db,
                                                      gint64         document_id,
                                                      GError       **error);

G_END_DECLS
