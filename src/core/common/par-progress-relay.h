/* par-progress-relay.h: progress reported by a worker, called in the thread that started it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* How long work tells how far it got: @done of @total, now at @path (may be NULL). */
typedef void (*ParProgressFunc) (guint       done,
                                 guint       total,
                                 const char *path,
                                 gpointer    user_data);

typedef struct
{
  ParProgressFunc  progress;
  gpointer         progress_data;
  GMainContext    *context;
} ParProgressRelay;

void par_progress_relay_init    (ParProgressRelay *relay,
                                 ParProgressFunc   progress,
                                 gpointer          progress_data);
void par_progress_relay_clear   (ParProgressRelay *relay);
void par_progress_relay_forward (guint             done,
                                 guint             total,
                                 const char       *path,
                                 gpointer          relay);

G_END_DECLS
