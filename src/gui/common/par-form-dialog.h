/* par-form-dialog.h: a dialog that edits one record and saves it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define PAR_TYPE_FORM_DIALOG (par_form_dialog_get_type ())

G_DECLARE_DERIVABLE_TYPE (ParFormDialog, par_form_dialog, PAR, FORM_DIALOG, AdwWindow)

struct _ParFormDialogClass
{
  AdwWindowClass parent_class;

  /* Writes the record; returns its id, or 0 with @error set. */
  gint64 (*save) (ParFormDialog  *self,
                  GError        **error);
};

void par_form_dialog_bind         (ParFormDialog *self,
                                   GtkButton     *save_button,
                                   GtkLabel      *error_label);
void par_form_dialog_show_error   (ParFormDialog *self,
                                   const char    *message);
void par_form_dialog_set_can_save (ParFormDialog *self,
                                   gboolean       can_save);

G_END_DECLS
