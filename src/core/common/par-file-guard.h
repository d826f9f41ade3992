/* par-file-guard.h: files on disk made safely: private, never the open file, named cleanly
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define PAR_FILE_GUARD_ERROR (par_file_guard_error_quark ())

typedef enum
{
  PAR_FILE_GUARD_ERROR_OPEN_FILE,   /* the destination is the open PAR Desk file or its log */
  PAR_FILE_GUARD_ERROR_FAILED,
} ParFileGuardError;

GQuark    par_file_guard_error_quark    (void);

char     *par_file_safe_name            (const char  *stored_name,
                                         const char  *fallback,
                                         const char  *extension);
gboolean  par_file_create_private       (const char  *path,
                                         GError     **error);
char     *par_file_make_private_folder  (GError     **error);
gboolean  par_file_refuse_open_file     (const char  *dest_path,
                                         const char  *db_path,
                                         GError     **error);
gboolean  par_file_commit               (const char  *partial,
                                         const char  *dest_path,
                                         GError     **error);

G_END_DECLS
