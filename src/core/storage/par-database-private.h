/* par-database-private.h: what the core's modules need of ParDatabase
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "par-database.h"

G_BEGIN_DECLS

/* How long every connection to a file waits for another one's lock. */
#define PAR_DATABASE_BUSY_TIMEOUT_MS 5000

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

sqlite3      *par_database_get_handle (ParDatabase  *self);
sqlite3_stmt *par_database_prepare    (ParDatabase  *self,
                                       const char   *sql,
                                       GError      **error);
gboolean      par_database_exec       (ParDatabase  *self,
                                       const char   *sql,
                                       GError      **error);
gboolean      par_database_begin      (ParDatabase  *self,
                                       GError      **error);
gboolean      par_database_commit     (ParDatabase  *self,
                                       GError      **error);
void          par_database_rollback   (ParDatabase  *self);
void          par_database_begin_bulk (ParDatabase  *self);
void          par_database_end_bulk   (ParDatabase  *self);
gboolean      par_database_step_done  (ParDatabase  *self,
                                       sqlite3_stmt *stmt,
                                       GError      **error);
void          par_database_set_error  (ParDatabase  *self,
                                       GError      **error);
void          par_set_sqlite_error    (sqlite3      *handle,
                                       int           rc,
                                       GError      **error);
gboolean      par_database_audit      (ParDatabase  *self,
                                       const char   *entity,
                                       gint64        entity_id,
                                       const char   *field,
                                       const char   *old_value,
                                       const char   *new_value,
                                       GError      **error);
void          par_sqlite_bind_text    (sqlite3_stmt *stmt,
                                       int           index,
                                       const char   *text);
char         *par_sqlite_column_dup   (sqlite3_stmt *stmt,
                                       int           column);

G_END_DECLS
