/* par-import-dialog.h: previewing a criteria set file before it is imported
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "par-context.h"
#include "par-form-dialog.h"

G_BEGIN_DECLS

#define PAR_TYPE_IMPORT_DIALOG (par_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ParImportDialog, par_import_dialog, PAR, IMPORT_DIALOG, ParFormDialog)

void             par_import_dialog_choose_file (GtkWindow      *parent,
                                                ParContext     *context);
void             par_import_dialog_open_path   (GtkWindow      *parent,
                                                ParContext     *context,
                                                const char     *path);
ParImportDialog *par_import_dialog_new         (GtkWindow      *parent,
                                                ParContext     *context,
                                                ParCriteriaSet *set,
                                                GPtrArray      *problems);

G_END_DECLS
