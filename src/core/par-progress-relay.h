/* par-progress-relay.h: progress reported by a worker, called in the thread that started it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "par-evidence.h"

G_BEGIN_DECLS

typedef struct
{
  ParEvidenceProgress  progress;
  gpointer             progress_data;
  GMainContext        *context;
} ParProgressRelay;

void par_progress_relay_init    (ParProgressRelay    *relay,
                                 ParEvidenceProgress  progress,
                                 gpointer             progress_data);
void par_progress_relay_clear   (ParProgressRelay    *relay);
void par_progress_relay_forward (guint                done,
                                 guint                total,
                                 const char          *path,
                                 gpointer             relay);

G_END_DECLS
