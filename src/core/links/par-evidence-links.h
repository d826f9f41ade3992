/* par-evidence-links.h: documents made evidence of items, plan tasks and inspections
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "par-assessment.h"
#include "par-evidence.h"
#include "par-link-target.h"

G_BEGIN_DECLS

gboolean   par_evidence_link        (ParDatabase      *db,
                                     gint64            document_id,
                                     ParLinkTarget    *target,
                                     GError          **error);
gboolean   par_evidence_unlink      (ParDatabase      *db,
                                     gint64            document_id,
                                     ParLinkTarget    *target,
                                     GError          **error);
GPtrArray *par_evidence_list_linked (ParAssessment    *assessment,
                                     ParCriteriaNode  *node,
                                     GError          **error);
GPtrArray *par_evidence_list_for_target (ParDatabase    *db,
                                         ParLinkTarget  *target,
                                         GError        **error);

G_END_DECLS
