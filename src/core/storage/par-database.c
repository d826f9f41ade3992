/* par-database.c: one open PAR Desk file (an SQLite database)
 *
 * The object and its change notices. Its other files: opening and
 * migrations (par-database-open.c), statements, transactions and
 * checkpoints (par-database-sql.c), checks and copies
 * (par-database-check.c).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "par-database-internal.h"

G_DEFINE_ENUM_TYPE (ParChange, par_change,
                    G_DEFINE_ENUM_VALUE (PAR_CHANGE_UNITS, "units"),
                    G_DEFINE_ENUM_VALUE (PAR_CHANGE_STAFF, "staff"),
                    G_DEFINE_ENUM_VALUE (PAR_CHANGE_CRITERIA, "criteria"),
                    G_DEFINE_ENUM_VALUE (PAR_CHANGE_SCORES, "scores"),
                    G_DEFINE_ENUM_VALUE (PAR_CHANGE_DOCUMENTS, "documents"),
                    G_DEFINE_ENUM_VALUE (PAR_CHANGE_LINKS, "links"),
                    G_DEFINE_ENUM_VALUE (PAR_CHANGE_PLANS, "plans"),
                    G_DEFINE_ENUM_VALUE (PAR_CHANGE_INSPECTIONS, "inspections"),
                    G_DEFINE_ENUM_VALUE (PAR_CHANGE_TRUST, "trust"))

G_DEFINE_TYPE (ParDatabase, par_database, G_TYPE_OBJECT)
G_DEFINE_QUARK (par-database-error-quark, par_database_error)

enum {
  PROP_0,
  PROP_PATH,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* TRUE when the file, or its folder, cannot be written: it is read, and
 * every change is refused. */
gboolean
par_database_is_read_only (ParDatabase *self)
{
  g_return_val_if_fail (PAR_IS_DATABASE (self), FALSE);
  return self->read_only;
}

const char *
par_database_get_path (ParDatabase *self)
{
  g_return_val_if_fail (PAR_IS_DATABASE (self), NULL);
  return self->path;
}

/* The copy written before an older file was updated, or %NULL. */
const char *
par_database_get_backup_path (ParDatabase *self)
{
  g_return_val_if_fail (PAR_IS_DATABASE (self), NULL);
  return self->backup_path;
}

int
par_database_get_schema_version (ParDatabase *self)
{
  g_return_val_if_fail (PAR_IS_DATABASE (self), 0);
  return self->schema_version;
}

/* TRUE when the file holds no user data yet (nothing in the directory,
 * criteria, evidence, plans or inspections). */
gboolean
par_database_is_empty (ParDatabase *self)
{
  int count = 1;

  g_return_val_if_fail (PAR_IS_DATABASE (self), FALSE);
  par_sqlite_query_int (self->handle,
                        "SELECT (SELECT count(*) FROM org_unit) + (SELECT count(*) FROM criteria_set)"
                        " + (SELECT count(*) FROM evidence_document) + (SELECT count(*) FROM plan)"
                        " + (SELECT count(*) FROM inspection)",
                        &count, NULL);
  return count == 0;
}

void
par_database_emit_changed (ParDatabase *self,
                           ParChange    what)
{
  g_autoptr(GEnumClass) changes = g_type_class_ref (PAR_TYPE_CHANGE);
  GEnumValue *value = g_enum_get_value (changes, what);

  g_return_if_fail (PAR_IS_DATABASE (self));
  g_return_if_fail (value != NULL);
  g_signal_emit (self, signals[CHANGED], g_quark_from_static_string (value->value_nick), what);
}

/* $XDG_DATA_HOME/par-desk/par-desk.pardesk */
char *
par_database_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "par-desk", "par-desk.pardesk", NULL);
}

static void
par_database_finalize (GObject *object)
{
  ParDatabase *self = PAR_DATABASE (object);

  g_clear_pointer (&self->checkpointer, par_checkpointer_finish);
  if (self->handle != NULL)
    sqlite3_close_v2 (self->handle);
  g_free (self->path);
  g_free (self->backup_path);

  G_OBJECT_CLASS (par_database_parent_class)->finalize (object);
}

static void
par_database_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  ParDatabase *self = PAR_DATABASE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
par_database_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  ParDatabase *self = PAR_DATABASE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
par_database_class_init (ParDatabaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = par_database_finalize;
  object_class->get_property = par_database_get_property;
  object_class->set_property = par_database_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ParDatabase::changed:
   * @what: what changed, a #ParChange; its nick ("units", "scores"…) is
   *   the signal's detail
   *
   * Emitted after a committed change, so that views can refresh.
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, PAR_TYPE_CHANGE);
}

static void
par_database_init (ParDatabase *self)
{
  self->patience_ms = PAR_DATABASE_BUSY_TIMEOUT_MS;
}
