/* par-blob-input-stream.h: a kept document's bytes, read in place from the file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "par-database.h"

G_BEGIN_DECLS

#define PAR_TYPE_BLOB_INPUT_STREAM (par_blob_input_stream_get_type ())
G_DECLARE_FINAL_TYPE (ParBlobInputStream, par_blob_input_stream, PAR, BLOB_INPUT_STREAM, GMemoryInputStream)

GInputStream *par_blob_input_stream_new      (ParDatabase  *db,
                                              gint64        document_id,
                                              GError      **error);
goffset       par_blob_input_stream_get_size (ParBlobInputStream *self);

G_END_DECLS
