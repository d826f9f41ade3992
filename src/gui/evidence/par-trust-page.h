/* par-trust-page.h: the Preferences page of the issuers a file trusts and its revocation lists
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "par-core.h"

G_BEGIN_DECLS

#define PAR_TYPE_TRUST_PAGE (par_trust_page_get_type ())

G_DECLARE_FINAL_TYPE (ParTrustPage, par_trust_page, PAR, TRUST_PAGE, AdwPreferencesPage)

ParTrustPage *par_trust_page_new      (ParDatabase  *db);
void          par_trust_page_add_file (ParTrustPage *self,
                                       GFile        *file,
                                       gboolean      revocation_list);

G_END_DECLS
