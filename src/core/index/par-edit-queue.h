/* par-edit-queue.h: edits the file could not take yet, kept in order until it can
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "par-assessment.h"

G_BEGIN_DECLS

typedef struct _ParEditQueue ParEditQueue;

ParEditQueue *par_edit_queue_new                (void);
void          par_edit_queue_free               (ParEditQueue     *queue);
guint         par_edit_queue_get_length         (ParEditQueue     *queue);
gboolean      par_edit_queue_set_score          (ParEditQueue     *queue,
                                                 ParAssessment    *assessment,
                                                 ParCriteriaNode  *node,
                                                 ParScoreKind      kind,
                                                 gboolean          clear,
                                                 gint64            value_milli,
                                                 gboolean         *waiting,
                                                 GError          **error);
gboolean      par_edit_queue_set_not_applicable (ParEditQueue     *queue,
                                                 ParAssessment    *assessment,
                                                 ParCriteriaNode  *node,
                                                 gboolean          not_applicable,
                                                 gboolean         *waiting,
                                                 GError          **error);
gboolean      par_edit_queue_set_explanation    (ParEditQueue     *queue,
                                                 ParAssessment    *assessment,
                                                 ParCriteriaNode  *node,
                                                 const char       *explanation,
                                                 gboolean         *waiting,
                                                 GError          **error);
gboolean      par_edit_queue_flush              (ParEditQueue     *queue,
                                                 GError          **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ParEditQueue, par_edit_queue_free)

G_END_DECLS
