/* par-check-dialog.h: checking the whole file, every kept document included
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "par-core.h"

G_BEGIN_DECLS

#define PAR_TYPE_CHECK_DIALOG (par_check_dialog_get_type ())

G_DECLARE_FINAL_TYPE (ParCheckDialog, par_check_dialog, PAR, CHECK_DIALOG, AdwWindow)

ParCheckDialog *par_check_dialog_new           (GtkWindow      *parent,
                                                const char     *db_path);
gboolean        par_check_dialog_is_done       (ParCheckDialog *self);
guint           par_check_dialog_get_n_damaged (ParCheckDialog *self);

G_END_DECLS
