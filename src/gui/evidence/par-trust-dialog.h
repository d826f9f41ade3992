/* par-trust-dialog.h: asking before an issuer is trusted
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "par-core.h"

G_BEGIN_DECLS

/* The response that trusts the issuer. */
#define PAR_TRUST_DIALOG_RESPONSE_TRUST "trust"

AdwMessageDialog *par_trust_dialog_new (GtkWindow                *parent,
                                        const ParCertificateInfo *issuer);

G_END_DECLS
