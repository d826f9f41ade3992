/* par-context.h: what every view and dialog shares: the open file, the settings, reporting, change notices
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "par-core.h"

G_BEGIN_DECLS

#define PAR_TYPE_CONTEXT (par_context_get_type ())

G_DECLARE_FINAL_TYPE (ParContext, par_context, PAR, CONTEXT, GObject)

ParContext  *par_context_new                     (GSettings    *settings);
ParDatabase *par_context_get_database            (ParContext   *self);
void         par_context_set_database            (ParContext   *self,
                                                  ParDatabase  *database);
GSettings   *par_context_get_settings            (ParContext   *self);
gint64       par_context_get_evidence_max_bytes  (ParContext   *self);
void         par_context_report_error            (ParContext   *self,
                                                  const char   *heading,
                                                  const GError *error);
void         par_context_show_toast              (ParContext   *self,
                                                  const char   *message);
void         par_context_show_file_toast         (ParContext   *self,
                                                  const char   *message,
                                                  const char   *path);
gboolean     par_context_get_waiting_for_file    (ParContext   *self);
void         par_context_set_waiting_for_file    (ParContext   *self,
                                                  gboolean      waiting);

G_END_DECLS
