/* par-checkpointer.h: copies a file's write-ahead log into it on a thread
 * of its own
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _ParCheckpointer ParCheckpointer;

ParCheckpointer *par_checkpointer_new     (const char      *path);
void             par_checkpointer_request (ParCheckpointer *self);
void             par_checkpointer_finish  (ParCheckpointer *self);

G_END_DECLS
