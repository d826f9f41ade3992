/* par-criteria-set.c: a criteria set: the tree of areas, criteria and sub-criteria of one year and level
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "par-criteria-set.h"
#include "par-database-private.h"

struct _ParCriteriaSet
{
  GObject      parent_instance;

  gint64       id;
  char        *name;
  ParUnitLevel level;
  int          year;
  char        *source_file;
  gint64       max_total;   /* set by par_criteria_set_list() for sets loaded without nodes */
  GPtrArray   *roots;
  GPtrArray   *nodes;       /* every node, in tree order */
  GHashTable  *by_code;
  GHashTable  *by_id;
};

G_DEFINE_FINAL_TYPE (ParCriteriaSet, par_criteria_set, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_YEAR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

ParCriteriaSet *
par_criteria_set_new (void)
{
  return g_object_new (PAR_TYPE_CRITERIA_SET, NULL);
}

gint64
par_criteria_set_get_id (ParCriteriaSet *self)
{
  g_return_val_if_fail (PAR_IS_CRITERIA_SET (self), 0);
  return self->id;
}

const char *
par_criteria_set_get_name (ParCriteriaSet *self)
{
  g_return_val_if_fail (PAR_IS_CRITERIA_SET (self), NULL);
  return self->name != NULL ? self->name : "";
}

void
par_criteria_set_set_name (ParCriteriaSet *self,
                           const char     *name)
{
  g_return_if_fail (PAR_IS_CRITERIA_SET (self));
  g_free (self->name);
  self->name = g_strdup (name);
}

ParUnitLevel
par_criteria_set_get_level (ParCriteriaSet *self)
{
  g_return_val_if_fail (PAR_IS_CRITERIA_SET (self), PAR_UNIT_LEVEL_DEPARTMENT);
  return self->level;
}

void
par_criteria_set_set_level (ParCriteriaSet *self,
                            ParUnitLevel    level)
{
  g_return_if_fail (PAR_IS_CRITERIA_SET (self));
  self->level = level;
}

int
par_criteria_set_get_year (ParCriteriaSet *self)
{
  g_return_val_if_fail (PAR_IS_CRITERIA_SET (self), 0);
  return self->year;
}

void
par_criteria_set_set_year (ParCriteriaSet *self,
                           int             year)
{
  g_return_if_fail (PAR_IS_CRITERIA_SET (self));
  self->year = year;
}

const char *
par_criteria_set_get_source_file (ParCriteriaSet *self)
{
  g_return_val_if_fail (PAR_IS_CRITERIA_SET (self), NULL);
  return self->source_file != NULL ? self->source_file : "";
}

void
par_criteria_set_set_source_file (ParCriteriaSet *self,
                                  const char     *path)
{
  g_return_if_fail (PAR_IS_CRITERIA_SET (self));
  g_free (self->source_file);
  self->source_file = g_strdup (path);
}

/* The sum of the areas' maxima (bonus and penalty excepted). */
gint64
par_criteria_set_get_max_total (ParCriteriaSet *self)
{
  gint64 total = 0;

  g_return_val_if_fail (PAR_IS_CRITERIA_SET (self), 0);
  if (self->roots->len == 0)
    return self->max_total;
  for (guint i = 0; i < self->roots->len; i++)
    if (par_criteria_node_counts_in_max (g_ptr_array_index (self->roots, i)))
      total += par_criteria_node_get_max (g_ptr_array_index (self->roots, i));
  return total;
}

GPtrArray *
par_criteria_set_get_roots (ParCriteriaSet *self)
{
  g_return_val_if_fail (PAR_IS_CRITERIA_SET (self), NULL);
  return self->roots;
}

guint
par_criteria_set_get_n_nodes (ParCriteriaSet *self)
{
  g_return_val_if_fail (PAR_IS_CRITERIA_SET (self), 0);
  return self->nodes->len;
}

ParCriteriaNode *
par_criteria_set_get_node (ParCriteriaSet *self,
                           guint           index)
{
  g_return_val_if_fail (PAR_IS_CRITERIA_SET (self), NULL);
  g_return_val_if_fail (index < self->nodes->len, NULL);
  return g_ptr_array_index (self->nodes, index);
}

ParCriteriaNode *
par_criteria_set_find_node (ParCriteriaSet *self,
                            const char     *code)
{
  g_return_val_if_fail (PAR_IS_CRITERIA_SET (self), NULL);
  return g_hash_table_lookup (self->by_code, code);
}

ParCriteriaNode *
par_criteria_set_find_node_by_id (ParCriteriaSet *self,
                                  gint64          id)
{
  g_return_val_if_fail (PAR_IS_CRITERIA_SET (self), NULL);
  return g_hash_table_lookup (self->by_id, &id);
}

void
par_criteria_set_add_root (ParCriteriaSet  *self,
                           ParCriteriaNode *node)
{
  g_return_if_fail (PAR_IS_CRITERIA_SET (self));
  g_ptr_array_add (self->roots, g_object_ref (node));
}

static void
index_subtree (ParCriteriaSet  *self,
               ParCriteriaNode *node)
{
  GPtrArray *children = par_criteria_node_get_children (node);

  g_ptr_array_add (self->nodes, g_object_ref (node));
  g_hash_table_insert (self->by_code, (gpointer) par_criteria_node_get_code (node), node);
  for (guint i = 0; i < children->len; i++)
    index_subtree (self, g_ptr_array_index (children, i));
}

/* Rebuilds the tree-order list and the look-ups after the tree changed. */
void
par_criteria_set_index (ParCriteriaSet *self)
{
  g_return_if_fail (PAR_IS_CRITERIA_SET (self));

  g_ptr_array_set_size (self->nodes, 0);
  g_hash_table_remove_all (self->by_code);
  g_hash_table_remove_all (self->by_id);
  for (guint i = 0; i < self->roots->len; i++)
    index_subtree (self, g_ptr_array_index (self->roots, i));
  for (guint i = 0; i < self->nodes->len; i++)
    {
      ParCriteriaNode *node = g_ptr_array_index (self->nodes, i);
      gint64 id = par_criteria_node_get_id (node);

      if (id != 0)
        g_hash_table_insert (self->by_id, g_memdup2 (&id, sizeof id), node);
    }
}

static gboolean
save_node (ParDatabase      *db,
           ParCriteriaSet   *self,
           ParCriteriaNode  *node,
           gint64            parent_id,
           int               position,
           sqlite3_stmt     *insert_node,
           sqlite3_stmt     *insert_option,
           GError          **error)
{
  GPtrArray *children = par_criteria_node_get_children (node);
  ParScoringMethod method = par_criteria_node_get_method (node);
  gint64 id;

  sqlite3_reset (insert_node);
  sqlite3_bind_int64 (insert_node, 1, self->id);
  if (parent_id != 0)
    sqlite3_bind_int64 (insert_node, 2, parent_id);
  else
    sqlite3_bind_null (insert_node, 2);
  sqlite3_bind_int (insert_node, 3, position);
  par_sqlite_bind_text (insert_node, 4, par_criteria_node_get_code (node));
  par_sqlite_bind_text (insert_node, 5, par_criteria_node_get_title (node));
  sqlite3_bind_int64 (insert_node, 6, par_criteria_node_get_max (node));
  par_sqlite_bind_text (insert_node, 7, par_scoring_method_to_string (children->len > 0 ? PAR_METHOD_GROUP : method));
  sqlite3_bind_int64 (insert_node, 8, par_criteria_node_get_step (node));
  sqlite3_bind_int (insert_node, 9, par_criteria_node_get_applicable_optional (node));
  par_sqlite_bind_text (insert_node, 10, par_criteria_node_get_evidence (node));
  par_sqlite_bind_text (insert_node, 11, par_criteria_node_get_guidance (node));
  if (sqlite3_step (insert_node) != SQLITE_DONE)
    {
      par_database_set_error (db, error);
      return FALSE;
    }
  id = sqlite3_last_insert_rowid (par_database_get_handle (db));
  par_criteria_node_set_id (node, id);

  for (guint i = 0; i < par_criteria_node_get_n_options (node); i++)
    {
      const ParChoiceOption *option = par_criteria_node_get_option (node, i);

      sqlite3_reset (insert_option);
      sqlite3_bind_int64 (insert_option, 1, id);
      sqlite3_bind_int (insert_option, 2, i);
      par_sqlite_bind_text (insert_option, 3, option->label);
      sqlite3_bind_int64 (insert_option, 4, option->points_milli);
      if (sqlite3_step (insert_option) != SQLITE_DONE)
        {
          par_database_set_error (db, error);
          return FALSE;
        }
    }

  for (guint i = 0; i < children->len; i++)
    if (!save_node (db, self, g_ptr_array_index (children, i), id, i, insert_node, insert_option, error))
      return FALSE;
  return TRUE;
}

/* Writes the whole set in one transaction; returns its id, or 0 with
 * @error set and nothing written. */
gint64
par_criteria_set_save (ParCriteriaSet  *self,
                       ParDatabase     *db,
                       GError         **error)
{
  g_autoptr(sqlite3_stmt) insert_set = NULL;
  g_autoptr(sqlite3_stmt) insert_node = NULL;
  g_autoptr(sqlite3_stmt) insert_option = NULL;

  g_return_val_if_fail (PAR_IS_CRITERIA_SET (self), 0);
  g_return_val_if_fail (PAR_IS_DATABASE (db), 0);

  insert_set = par_database_prepare (db,
                                     "INSERT INTO criteria_set (name, level, year, source_file)"
                                     " VALUES (?, ?, ?, ?)", error);
  if (insert_set == NULL)
    return 0;
  insert_node = par_database_prepare (db,
                                      "INSERT INTO criteria_node (set_id, parent_id, position, code, title,"
                                      " max_milli, method, step_milli, applicable_optional, evidence, guidance)"
                                      " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", error);
  if (insert_node == NULL)
    return 0;
  insert_option = par_database_prepare (db,
                                        "INSERT INTO criteria_option (node_id, position, label, points_milli)"
                                        " VALUES (?, ?, ?, ?)", error);
  if (insert_option == NULL || !par_database_begin (db, error))
    return 0;

  par_sqlite_bind_text (insert_set, 1, par_criteria_set_get_name (self));
  par_sqlite_bind_text (insert_set, 2, par_unit_level_to_string (self->level));
  sqlite3_bind_int (insert_set, 3, self->year);
  par_sqlite_bind_text (insert_set, 4, par_criteria_set_get_source_file (self));
  if (sqlite3_step (insert_set) != SQLITE_DONE)
    {
      par_database_set_error (db, error);
      par_database_rollback (db);
      return 0;
    }
  self->id = sqlite3_last_insert_rowid (par_database_get_handle (db));

  for (guint i = 0; i < self->roots->len; i++)
    if (!save_node (db, self, g_ptr_array_index (self->roots, i), 0, i, insert_node, insert_option, error))
      {
        par_database_rollback (db);
        self->id = 0;
        return 0;
      }
  if (!par_database_audit (db, "criteria_set", self->id, "imported", NULL, par_criteria_set_get_name (self), error)
      || !par_database_commit (db, error))
    {
      par_database_rollback (db);
      self->id = 0;
      return 0;
    }
  par_criteria_set_index (self);
  par_database_emit_changed (db, PAR_CHANGE_CRITERIA);
  return self->id;
}

static ParCriteriaSet *
set_from_row (sqlite3_stmt *stmt)
{
  ParCriteriaSet *set = par_criteria_set_new ();

  set->id = sqlite3_column_int64 (stmt, 0);
  set->name = par_sqlite_column_dup (stmt, 1);
  par_unit_level_from_string ((const char *) sqlite3_column_text (stmt, 2), &set->level);
  set->year = sqlite3_column_int (stmt, 3);
  set->source_file = par_sqlite_column_dup (stmt, 4);
  set->max_total = sqlite3_column_int64 (stmt, 5);
  return set;
}

#define SET_COLUMNS \
  "s.id, s.name, s.level, s.year, s.source_file," \
  " (SELECT coalesce (sum (max_milli), 0) FROM criteria_node n" \
  "   WHERE n.set_id = s.id AND n.parent_id IS NULL AND n.method NOT IN ('bonus', 'penalty'))"

/* Every set, newest year first, without their nodes. */
GPtrArray *
par_criteria_set_list (ParDatabase  *db,
                       GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) sets = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  g_return_val_if_fail (PAR_IS_DATABASE (db), NULL);

  stmt = par_database_prepare (db, "SELECT " SET_COLUMNS " FROM criteria_set s ORDER BY s.year DESC, s.id",
                               error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (sets, set_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      par_database_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&sets);
}

/* The set's row, without its nodes. */
static ParCriteriaSet *
load_set_row (ParDatabase  *db,
              gint64        set_id,
              GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = par_database_prepare (db, "SELECT " SET_COLUMNS " FROM criteria_set s WHERE s.id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, set_id);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND,
                     _("There is no criteria set with id %lld."), (long long) set_id);
      else
        par_database_set_error (db, error);
      return NULL;
    }
  return set_from_row (stmt);
}

/* A node of the rows of load_nodes(), without its options. */
static ParCriteriaNode *
node_from_row (sqlite3_stmt *stmt)
{
  ParCriteriaNode *node = par_criteria_node_new ((const char *) sqlite3_column_text (stmt, 2),
                                                 (const char *) sqlite3_column_text (stmt, 3),
                                                 sqlite3_column_int64 (stmt, 4));
  ParScoringMethod method = PAR_METHOD_MANUAL;

  par_criteria_node_set_id (node, sqlite3_column_int64 (stmt, 0));
  par_scoring_method_from_string ((const char *) sqlite3_column_text (stmt, 5), &method);
  par_criteria_node_set_method (node, method);
  par_criteria_node_set_step (node, sqlite3_column_int64 (stmt, 6));
  par_criteria_node_set_applicable_optional (node, sqlite3_column_int (stmt, 7));
  par_criteria_node_set_evidence (node, (const char *) sqlite3_column_text (stmt, 8));
  par_criteria_node_set_guidance (node, (const char *) sqlite3_column_text (stmt, 9));
  return node;
}

/* Reads the set's nodes and puts each under its parent. */
static gboolean
load_nodes (ParDatabase     *db,
            ParCriteriaSet  *set,
            GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) parents = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  stmt = par_database_prepare (db,
                               "SELECT id, coalesce (parent_id, 0), code, title, max_milli, method, step_milli,"
                               " applicable_optional, evidence, guidance FROM criteria_node"
                               " WHERE set_id = ? ORDER BY position, id",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, set->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      gint64 parent_id = sqlite3_column_int64 (stmt, 1);

      g_ptr_array_add (all, node_from_row (stmt));
      g_array_append_val (parents, parent_id);
      g_array_append_val (ids, id);
    }
  if (rc != SQLITE_DONE)
    {
      par_database_set_error (db, error);
      return FALSE;
    }

  /* Rows come in position order, not parents first: link them once all
   * are read. */
  for (guint i = 0; i < all->len; i++)
    g_hash_table_insert (by_id, &g_array_index (ids, gint64, i), g_ptr_array_index (all, i));
  for (guint i = 0; i < all->len; i++)
    {
      ParCriteriaNode *node = g_ptr_array_index (all, i);
      gint64 parent_id = g_array_index (parents, gint64, i);
      ParCriteriaNode *parent = parent_id != 0 ? g_hash_table_lookup (by_id, &parent_id) : NULL;

      if (parent != NULL)
        par_criteria_node_add_child (parent, node);
      else
        par_criteria_set_add_root (set, node);
    }
  return TRUE;
}

/* Reads the options of the set's choice items, once its nodes are indexed. */
static gboolean
load_options (ParDatabase     *db,
              ParCriteriaSet  *set,
              GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = par_database_prepare (db,
                               "SELECT o.node_id, o.label, o.points_milli FROM criteria_option o"
                               " JOIN criteria_node n ON n.id = o.node_id WHERE n.set_id = ?"
                               " ORDER BY o.node_id, o.position",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, set->id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ParCriteriaNode *node = par_criteria_set_find_node_by_id (set, sqlite3_column_int64 (stmt, 0));

      if (node != NULL)
        par_criteria_node_add_option (node, (const char *) sqlite3_column_text (stmt, 1),
                                      sqlite3_column_int64 (stmt, 2));
    }
  if (rc != SQLITE_DONE)
    {
      par_database_set_error (db, error);
      return FALSE;
    }
  return TRUE;
}

/* A set with its whole tree. */
ParCriteriaSet *
par_criteria_set_load (ParDatabase  *db,
                       gint64        set_id,
                       GError      **error)
{
  g_autoptr(ParCriteriaSet) set = NULL;

  g_return_val_if_fail (PAR_IS_DATABASE (db), NULL);

  set = load_set_row (db, set_id, error);
  if (set == NULL || !load_nodes (db, set, error))
    return NULL;
  par_criteria_set_index (set);
  if (!load_options (db, set, error))
    return NULL;
  return g_steal_pointer (&set);
}

static void
par_criteria_set_finalize (GObject *object)
{
  ParCriteriaSet *self = PAR_CRITERIA_SET (object);

  g_free (self->name);
  g_free (self->source_file);
  g_ptr_array_unref (self->roots);
  g_ptr_array_unref (self->nodes);
  g_hash_table_unref (self->by_code);
  g_hash_table_unref (self->by_id);

  G_OBJECT_CLASS (par_criteria_set_parent_class)->finalize (object);
}

static void
par_criteria_set_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  ParCriteriaSet *self = PAR_CRITERIA_SET (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, par_criteria_set_get_name (self));
      break;
    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
par_criteria_set_class_init (ParCriteriaSetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = par_criteria_set_finalize;
  object_class->get_property = par_criteria_set_get_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL, 0, G_MAXINT, 0, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
par_criteria_set_init (ParCriteriaSet *self)
{
  self->level = PAR_UNIT_LEVEL_DEPARTMENT;
  self->roots = g_ptr_array_new_with_free_func (g_object_unref);
  self->nodes = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_code = g_hash_table_new (g_str_hash, g_str_equal);
  self->by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}
