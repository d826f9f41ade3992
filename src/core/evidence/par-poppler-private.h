/* par-poppler-private.h: automatic cleanup for poppler objects
 *
 * poppler-glib 22 declares no autoptr cleanups; names of our own avoid a
 * clash with versions that do.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <poppler.h>

typedef PopplerDocument ParPopplerDocument;
typedef PopplerPage     ParPopplerPage;

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ParPopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ParPopplerPage, g_object_unref)

void par_poppler_keep_ready (void);
