/* par-file-chooser.h: the one way PAR Desk asks for files and folders
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

typedef enum
{
  PAR_FILE_CHOOSER_OPEN,          /* one existing file */
  PAR_FILE_CHOOSER_OPEN_MULTIPLE, /* one or more existing files */
  PAR_FILE_CHOOSER_SAVE,          /* a name to write, in a folder */
  PAR_FILE_CHOOSER_FOLDER,        /* an existing folder */
} ParFileChooserMode;

typedef struct _ParFileChooser ParFileChooser;

ParFileChooser *par_file_chooser_new              (ParFileChooserMode   mode,
                                                   const char          *title,
                                                   const char          *accept_label);
void            par_file_chooser_free             (ParFileChooser      *chooser);
void            par_file_chooser_add_filter       (ParFileChooser      *chooser,
                                                   const char          *name,
                                                   const char          *mime_type,
                                                   const char * const  *patterns);
void            par_file_chooser_set_current_name (ParFileChooser      *chooser,
                                                   const char          *name);
void            par_file_chooser_run_async        (ParFileChooser      *chooser,
                                                   GtkWindow           *parent,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
GPtrArray      *par_file_chooser_run_finish       (GAsyncResult        *result,
                                                   GError             **error);
char           *par_file_chooser_run_finish_path  (GAsyncResult        *result,
                                                   GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ParFileChooser, par_file_chooser_free)

G_END_DECLS
