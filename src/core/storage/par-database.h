/* par-database.h: one open PAR Desk file (an SQLite database)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define PAR_DATABASE_ERROR (par_database_error_quark ())

typedef enum
{
  PAR_DATABASE_ERROR_NOT_FOUND,  /* the file does not exist */
  PAR_DATABASE_ERROR_NOT_OURS,   /* not a PAR Desk file */
  PAR_DATABASE_ERROR_TOO_NEW,    /* made by a newer PAR Desk */
  PAR_DATABASE_ERROR_DAMAGED,    /* integrity check failed */
  PAR_DATABASE_ERROR_IO,         /* disk full, read-only */
  PAR_DATABASE_ERROR_REFUSED,    /* a rule of the data refuses the change */
  PAR_DATABASE_ERROR_INVALID,    /* a value the user gave is not acceptable */
  PAR_DATABASE_ERROR_FAILED,
  PAR_DATABASE_ERROR_NEEDS_UPDATE, /* an older file, opened where it cannot be updated */
  PAR_DATABASE_ERROR_BUSY,         /* another program holds the file longer than we wait */
} ParDatabaseError;

/* The schema version this build writes; files with a higher
 * user_version are refused. */
#define PAR_SCHEMA_VERSION 9

/* PRAGMA application_id of every PAR Desk file: "PARD" in ASCII. */
#define PAR_APPLICATION_ID 0x50415244

/* What an edit changed, for the views that show it: the detail and the
 * argument of ParDatabase::changed. */
typedef enum
{
  PAR_CHANGE_UNITS,
  PAR_CHANGE_STAFF,
  PAR_CHANGE_CRITERIA,
  PAR_CHANGE_SCORES,
  PAR_CHANGE_DOCUMENTS,
  PAR_CHANGE_LINKS,
  PAR_CHANGE_PLANS,
  PAR_CHANGE_INSPECTIONS,
  PAR_CHANGE_TRUST,          /* the trusted issuers or revocation lists: every signature's trust */
} ParChange;

#define PAR_TYPE_CHANGE (par_change_get_type ())

GType        par_change_get_type             (void);

typedef enum
{
  PAR_DATABASE_OPEN_EXISTING  = 0,
  PAR_DATABASE_OPEN_CREATE    = 1 << 0,
  PAR_DATABASE_OPEN_READ_ONLY = 1 << 1,   /* read; nothing is written, nothing updated */
} ParDatabaseOpenFlags;

#define PAR_TYPE_DATABASE (par_database_get_type ())

G_DECLARE_FINAL_TYPE (ParDatabase, par_database, PAR, DATABASE, GObject)

GQuark       par_database_error_quark        (void);

ParDatabase *par_database_open               (const char            *path,
                                              ParDatabaseOpenFlags   flags,
                                              GError               **error);
void         par_database_open_async         (const char            *path,
                                              ParDatabaseOpenFlags   flags,
                                              GCancellable          *cancellable,
                                              GAsyncReadyCallback    callback,
                                              gpointer               user_data);
ParDatabase *par_database_open_finish        (GAsyncResult          *result,
                                              GError               **error);
const char  *par_database_get_path           (ParDatabase           *self);
gboolean     par_database_is_read_only       (ParDatabase           *self);
void         par_database_set_patience       (ParDatabase           *self,
                                              guint                  milliseconds);
void         par_database_checkpoint_in_background (ParDatabase *self);
const char  *par_database_get_backup_path    (ParDatabase           *self);
int          par_database_get_schema_version (ParDatabase           *self);
gboolean     par_database_is_empty           (ParDatabase           *self);
gboolean     par_database_check              (ParDatabase           *self,
                                              GError               **error);
gboolean     par_database_check_file         (const char            *path,
                                              GError               **error);
void         par_database_emit_changed       (ParDatabase           *self,
                                              ParChange              what);

void         par_database_save_copy_async    (ParDatabase           *self,
                                              const char            *dest_path,
                                              GCancellable          *cancellable,
                                              GAsyncReadyCallback    callback,
                                              gpointer               user_data);
gboolean     par_database_save_copy_finish   (ParDatabase           *self,
                                              GAsyncResult          *result,
                                              GError               **error);
gboolean     par_database_refuse_output      (ParDatabase           *self,
                                              const char            *dest_path,
                                              GError               **error);
gboolean     par_database_save_copy          (ParDatabase           *self,
                                              const char            *dest_path,
                                              GCancellable          *cancellable,
                                              GError               **error);

char        *par_database_get_default_path   (void);

G_END_DECLS
