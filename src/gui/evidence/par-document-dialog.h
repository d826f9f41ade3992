/* par-document-dialog.h: correcting the details read from a document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "par-core.h"
#include "par-form-dialog.h"

G_BEGIN_DECLS

#define PAR_TYPE_DOCUMENT_DIALOG (par_document_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ParDocumentDialog, par_document_dialog, PAR, DOCUMENT_DIALOG, ParFormDialog)

ParDocumentDialog *par_document_dialog_new (GtkWindow   *parent,
                                            ParDatabase *db,
                                            gint64       document_id);

G_END_DECLS
