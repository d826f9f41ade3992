/* par-evidence-details.h: the evidence viewer's panel of details and links
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "par-core.h"

G_BEGIN_DECLS

#define PAR_TYPE_EVIDENCE_DETAILS (par_evidence_details_get_type ())

G_DECLARE_FINAL_TYPE (ParEvidenceDetails, par_evidence_details, PAR, EVIDENCE_DETAILS, GtkBox)

void           par_evidence_details_set_document (ParEvidenceDetails  *self,
                                                  ParEvidenceDocument *document);
void           par_evidence_details_set_links    (ParEvidenceDetails  *self,
                                                  GPtrArray           *links);
ParLinkTarget *par_evidence_details_get_link     (ParEvidenceDetails  *self,
                                                  guint                index);
ParPdfSignature *par_evidence_details_get_signature (ParEvidenceDetails *self,
                                                     guint               index);

G_END_DECLS
