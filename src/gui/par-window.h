/* par-window.h: the main window, showing one PAR Desk file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "par-context.h"
#include "par-core.h"

G_BEGIN_DECLS

#define PAR_TYPE_WINDOW (par_window_get_type ())

G_DECLARE_FINAL_TYPE (ParWindow, par_window, PAR, WINDOW, AdwApplicationWindow)

ParWindow   *par_window_new          (GtkApplication *app,
                                      GSettings      *settings);
ParContext  *par_window_get_context  (ParWindow      *self);
void         par_window_open_path    (ParWindow      *self,
                                      const char     *path,
                                      gboolean        create);
ParDatabase *par_window_get_database (ParWindow      *self);
void         par_window_show_view    (ParWindow      *self,
                                      const char     *name);
void         par_window_show_error   (ParWindow      *self,
                                      const char     *heading,
                                      const GError   *error);
void         par_window_show_toast   (ParWindow      *self,
                                      const char     *message,
                                      const char     *path);

G_END_DECLS
