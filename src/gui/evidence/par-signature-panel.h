/* par-signature-panel.h: how a document's signatures and their certificates read on screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "par-core.h"

G_BEGIN_DECLS

const char         *par_signature_badge_label       (const char                *verdict,
                                                     const char                *trust,
                                                     const char               **css_class);
const char         *par_certificate_status_css_class (ParCertificateStatus      status);
char               *par_certificate_format_period   (const ParCertificateInfo  *info);
char               *par_certificate_format_validity (const ParCertificateInfo  *info);
const char         *par_certificate_anchor_label    (ParTrustAnchor             anchor);
ParCertificateInfo *par_signature_issuer_to_trust   (ParPdfSignature           *signature);
GtkWidget          *par_signature_panel_new         (ParPdfSignature           *signature,
                                                     guint                      index,
                                                     guint                      n_signatures);

G_END_DECLS
