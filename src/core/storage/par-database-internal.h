/* par-database-internal.h: what the files of ParDatabase share
 *
 * Its instance, and the steps that opening, checking and copying a file
 * have in common. Only par-database*.c include it: the core's other
 * modules use par-database-private.h and never see the instance.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "par-checkpointer.h"
#include "par-database-private.h"

G_BEGIN_DECLS

struct _ParDatabase
{
  GObject  parent_instance;

  sqlite3 *handle;
  char    *path;
  char    *backup_path;
  int      schema_version;

  ParCheckpointer *checkpointer;   /* in bulk, or for checkpoints_in_background */
  gboolean         in_bulk;
  gboolean         checkpoints_in_background;
  gboolean         read_only;       /* the file, or its folder, cannot be written */
  guint            patience_ms;     /* the busy timeout of this connection */
};

/* par-database-sql.c */
gboolean par_sqlite_query_int      (sqlite3       *handle,
                                    const char    *sql,
                                    int           *value,
                                    GError       **error);
gboolean par_sqlite_backup         (sqlite3       *source,
                                    const char    *dest_path,
                                    GCancellable  *cancellable,
                                    GError       **error);

/* par-database-open.c */
int      par_sqlite_open_read_only (const char    *path,
                                    sqlite3      **handle);
gboolean par_database_inspect_file (const char    *path,
                                    int           *user_version,
                                    gboolean      *empty,
                                    GError       **error);

G_END_DECLS
