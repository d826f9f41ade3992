/* par-evidence-private.h: what the core's own classes use of evidence storage
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "par-database-private.h"

G_BEGIN_DECLS

sqlite3_blob *par_evidence_open_blob (ParDatabase  *db,
                                      gint64        document_id,
                                      GError      **error);

G_END_DECLS
