/* par-link-target.c: something a document can be evidence of: a PAR Index item, a plan task, an inspection, a recommendation
 *
 * A target is what one row of evidence_link points at, with the words people
 * know it by (the item's code and title, the unit and the year), folded once
 * so that a list of a few thousand filters as fast as one types.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "par-database-private.h"
#include "par-i18n.h"
#include "par-link-target.h"
#include "par-text-fold.h"

struct _ParLinkTarget
{
  GObject            parent_instance;

  ParLinkTargetKind  kind;
  gint64             assessment_id;
  gint64             node_id;
  gint64             task_id;
  gint64             inspection_id;
  gint64             recommendation_id;
  char              *title;
  char              *context;
  char              *detail;
  char              *folded;
  gboolean           linked;
};

G_DEFINE_FINAL_TYPE (ParLinkTarget, par_link_target, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static ParLinkTarget *
target_new (ParLinkTargetKind kind)
{
  ParLinkTarget *self = g_object_new (PAR_TYPE_LINK_TARGET, NULL);

  self->kind = kind;
  return self;
}

/* A target known only by its ids (to link or unlink it); its words are empty. */
ParLinkTarget *
par_link_target_new_item (gint64 assessment_id,
                          gint64 node_id)
{
  ParLinkTarget *self = target_new (PAR_LINK_TARGET_ITEM);

  self->assessment_id = assessment_id;
  self->node_id = node_id;
  return self;
}

ParLinkTarget *
par_link_target_new_task (gint64 task_id)
{
  ParLinkTarget *self = target_new (PAR_LINK_TARGET_TASK);

  self->task_id = task_id;
  return self;
}

ParLinkTarget *
par_link_target_new_inspection (gint64 inspection_id)
{
  ParLinkTarget *self = target_new (PAR_LINK_TARGET_INSPECTION);

  self->inspection_id = inspection_id;
  return self;
}

ParLinkTarget *
par_link_target_new_recommendation (gint64 recommendation_id)
{
  ParLinkTarget *self = target_new (PAR_LINK_TARGET_RECOMMENDATION);

  self->recommendation_id = recommendation_id;
  return self;
}

ParLinkTargetKind
par_link_target_get_kind (ParLinkTarget *self)
{
  g_return_val_if_fail (PAR_IS_LINK_TARGET (self), PAR_LINK_TARGET_ITEM);
  return self->kind;
}

gint64
par_link_target_get_assessment_id (ParLinkTarget *self)
{
  g_return_val_if_fail (PAR_IS_LINK_TARGET (self), 0);
  return self->assessment_id;
}

gint64
par_link_target_get_node_id (ParLinkTarget *self)
{
  g_return_val_if_fail (PAR_IS_LINK_TARGET (self), 0);
  return self->node_id;
}

gint64
par_link_target_get_task_id (ParLinkTarget *self)
{
  g_return_val_if_fail (PAR_IS_LINK_TARGET (self), 0);
  return self->task_id;
}

gint64
par_link_target_get_inspection_id (ParLinkTarget *self)
{
  g_return_val_if_fail (PAR_IS_LINK_TARGET (self), 0);
  return self->inspection_id;
}

gint64
par_link_target_get_recommendation_id (ParLinkTarget *self)
{
  g_return_val_if_fail (PAR_IS_LINK_TARGET (self), 0);
  return self->recommendation_id;
}

/* "1.1.2 Kế hoạch xác định đầy đủ nhiệm vụ…", a task's code and title, an inspection's title. */
const char *
par_link_target_get_title (ParLinkTarget *self)
{
  g_return_val_if_fail (PAR_IS_LINK_TARGET (self), NULL);
  return self->title != NULL ? self->title : "";
}

/* Whose and which year: "Sở Nội vụ · Chỉ số CCHC 2025". */
const char *
par_link_target_get_context (ParLinkTarget *self)
{
  g_return_val_if_fail (PAR_IS_LINK_TARGET (self), NULL);
  return self->context != NULL ? self->context : "";
}

/* The criteria set's full name, the plan's title or the inspection's scope. */
const char *
par_link_target_get_detail (ParLinkTarget *self)
{
  g_return_val_if_fail (PAR_IS_LINK_TARGET (self), NULL);
  return self->detail != NULL ? self->detail : "";
}

/* Whether the document the list was made for is already linked to it. */
gboolean
par_link_target_get_linked (ParLinkTarget *self)
{
  g_return_val_if_fail (PAR_IS_LINK_TARGET (self), FALSE);
  return self->linked;
}

gboolean
par_link_target_equal (ParLinkTarget *self,
                       ParLinkTarget *other)
{
  g_return_val_if_fail (PAR_IS_LINK_TARGET (self), FALSE);
  g_return_val_if_fail (PAR_IS_LINK_TARGET (other), FALSE);
  return self->kind == other->kind && self->assessment_id == other->assessment_id
         && self->node_id == other->node_id && self->task_id == other->task_id
         && self->inspection_id == other->inspection_id
         && self->recommendation_id == other->recommendation_id;
}

/* Whether every word of @query is in the title, the context or the detail,
 * ignoring case and diacritics: "ke hoach noi vu" finds the items about a
 * "Kế hoạch" in the assessment of "Sở Nội vụ". */
gboolean
par_link_target_matches (ParLinkTarget *self,
                         const char    *query)
{
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;

  g_return_val_if_fail (PAR_IS_LINK_TARGET (self), FALSE);

  if (query == NULL || *query == '\0')
    return TRUE;
  folded = par_text_fold (query);
  words = g_strsplit_set (folded, " \t\n", -1);
  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0' && (self->folded == NULL || strstr (self->folded, words[i]) == NULL))
      return FALSE;
  return TRUE;
}

/* Columns of both queries: kind, assessment_id, node_id, task_id,
 * inspection_id, code, title, unit name, year, detail, linked,
 * recommendation_id. A recommendation's "code" is its inspection's first
 * and last day (YYYY-MM-DD YYYY-MM-DD): it is known by its text, and by
 * whose inspection on which days made it. */
/* "UBND huyện Đồng Xuân · Inspection of 12/03/2025 – 14/03/2025" from the
 * unit and "first last" (ISO days). */
static char *
recommendation_context (const char *unit,
                        const char *days)
{
  g_auto(GStrv) parts = g_strsplit (days != NULL ? days : "", " ", 2);
  g_autofree char *first = par_format_iso_date (parts[0] != NULL ? parts[0] : "");
  g_autofree char *last = par_format_iso_date (parts[0] != NULL && parts[1] != NULL ? parts[1] : "");
  g_autofree char *span = NULL;

  if (*last == '\0' || g_str_equal (first, last))
    span = g_strdup (first);
  else
    span = g_strdup_printf ("%s – %s", first, last);
  /* Translators: where a recommendation was made: the unit inspected and the inspection's days,
   * e.g. "UBND huyện Đồng Xuân · Inspection of 12/03/2025 – 14/03/2025" */
  return g_strdup_printf (_("%s · Inspection of %s"), unit != NULL ? unit : "", span);
}

static ParLinkTarget *
target_from_row (sqlite3_stmt *stmt)
{
  ParLinkTarget *self = target_new (sqlite3_column_int (stmt, 0));
  const char *code = (const char *) sqlite3_column_text (stmt, 5);
  const char *title = (const char *) sqlite3_column_text (stmt, 6);
  const char *unit = (const char *) sqlite3_column_text (stmt, 7);
  int year = sqlite3_column_int (stmt, 8);
  g_autofree char *haystack = NULL;

  self->assessment_id = sqlite3_column_int64 (stmt, 1);
  self->node_id = sqlite3_column_int64 (stmt, 2);
  self->task_id = sqlite3_column_int64 (stmt, 3);
  self->inspection_id = sqlite3_column_int64 (stmt, 4);
  self->detail = par_sqlite_column_dup (stmt, 9);
  self->linked = sqlite3_column_int (stmt, 10);
  self->recommendation_id = sqlite3_column_int64 (stmt, 11);
  if (self->kind == PAR_LINK_TARGET_RECOMMENDATION)
    self->title = g_strdup (title != NULL ? title : "");
  else if (code != NULL && *code != '\0')
    self->title = g_strdup_printf ("%s %s", code, title != NULL ? title : "");
  else
    self->title = g_strdup (title != NULL ? title : "");

  switch (self->kind)
    {
    case PAR_LINK_TARGET_ITEM:
      /* Translators: a unit and the year of its PAR Index self-assessment, e.g. "Sở Nội vụ · Chỉ số CCHC 2025" */
      self->context = g_strdup_printf (_("%s · PAR Index %d"), unit != NULL ? unit : "", year);
      break;
    case PAR_LINK_TARGET_TASK:
      /* Translators: a unit and the year of its annual reform plan, e.g. "Sở Nội vụ · Kế hoạch CCHC 2025" */
      self->context = g_strdup_printf (_("%s · Reform plan %d"), unit != NULL ? unit : "", year);
      break;
    case PAR_LINK_TARGET_RECOMMENDATION:
      self->context = recommendation_context (unit, code);
      break;
    case PAR_LINK_TARGET_INSPECTION:
    default:
      /* Translators: the unit inspected and the year, e.g. "UBND huyện Đồng Xuân · Kiểm tra CCHC 2025" */
      self->context = g_strdup_printf (_("%s · Inspection %d"), unit != NULL ? unit : "", year);
      break;
    }
  haystack = g_strjoin (" ", self->title, self->context, self->detail, NULL);
  self->folded = par_text_fold (haystack);
  return self;
}

static GPtrArray *
collect (ParDatabase   *db,
         sqlite3_stmt  *stmt,
         GError       **error)
{
  g_autoptr(GPtrArray) targets = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (targets, target_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      par_database_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&targets);
}

/* Whether what @target points at is in the file; if not, FALSE with a
 * PAR_DATABASE_ERROR_NOT_FOUND that says which (for the command line, which
 * takes ids as typed, where the link chooser only offers what exists). */
gboolean
par_link_target_exists (ParDatabase    *db,
                        ParLinkTarget  *target,
                        GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (PAR_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (PAR_IS_LINK_TARGET (target), FALSE);

  switch (target->kind)
    {
    case PAR_LINK_TARGET_ITEM:
      stmt = par_database_prepare (db,
                                   "SELECT 1 FROM assessment a JOIN criteria_node n ON n.set_id = a.set_id"
                                   " WHERE a.id = ? AND n.id = ?",
                                   error);
      if (stmt != NULL)
        {
          sqlite3_bind_int64 (stmt, 1, target->assessment_id);
          sqlite3_bind_int64 (stmt, 2, target->node_id);
        }
      break;
    case PAR_LINK_TARGET_TASK:
      stmt = par_database_prepare (db, "SELECT 1 FROM task WHERE id = ?", error);
      if (stmt != NULL)
        sqlite3_bind_int64 (stmt, 1, target->task_id);
      break;
    case PAR_LINK_TARGET_RECOMMENDATION:
      stmt = par_database_prepare (db, "SELECT 1 FROM recommendation WHERE id = ?", error);
      if (stmt != NULL)
        sqlite3_bind_int64 (stmt, 1, target->recommendation_id);
      break;
    case PAR_LINK_TARGET_INSPECTION:
    default:
      stmt = par_database_prepare (db, "SELECT 1 FROM inspection WHERE id = ?", error);
      if (stmt != NULL)
        sqlite3_bind_int64 (stmt, 1, target->inspection_id);
      break;
    }
  if (stmt == NULL)
    return FALSE;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return TRUE;
  if (rc != SQLITE_DONE)
    par_database_set_error (db, error);
  else if (target->kind == PAR_LINK_TARGET_ITEM)
    g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND,
                 _("That unit’s self-assessment has no such item."));
  else if (target->kind == PAR_LINK_TARGET_TASK)
    g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND,
                 _("There is no plan task with id %lld."), (long long) target->task_id);
  else if (target->kind == PAR_LINK_TARGET_RECOMMENDATION)
    g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND,
                 _("There is no recommendation with id %lld."), (long long) target->recommendation_id);
  else
    g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND,
                 _("There is no inspection with id %lld."), (long long) target->inspection_id);
  return FALSE;
}

/* Everything in the file a document can be linked to: the items (leaves) of
 * every assessment, newest year first, unit by unit in the directory's order; then
 * the plans' tasks; then the inspections; then their recommendations. Those @document_id is already
 * linked to are marked (0: none). */
GPtrArray *
par_link_target_list (ParDatabase  *db,
                      gint64        document_id,
                      GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PAR_IS_DATABASE (db), NULL);

  /* The last four columns only sort: year, unit's place, group, position. */
  stmt = par_database_prepare (db,
                               "SELECT 0, a.id, n.id, 0, 0, n.code, n.title, u.name, s.year, s.name,"
                               "  EXISTS (SELECT 1 FROM evidence_link l WHERE l.document_id = ?1"
                               "          AND l.assessment_id = a.id AND l.node_id = n.id), 0,"
                               "  s.year, u.position, a.id, n.id"
                               " FROM assessment a JOIN criteria_set s ON s.id = a.set_id"
                               " JOIN org_unit u ON u.id = a.unit_id JOIN criteria_node n ON n.set_id = a.set_id"
                               " WHERE NOT EXISTS (SELECT 1 FROM criteria_node c WHERE c.parent_id = n.id)"
                               " UNION ALL"
                               " SELECT 1, 0, 0, t.id, 0, t.code, t.title, u.name, p.year, p.title,"
                               "  EXISTS (SELECT 1 FROM evidence_link l WHERE l.document_id = ?1 AND l.task_id = t.id), 0,"
                               "  p.year, u.position, p.id, t.position"
                               " FROM task t JOIN plan p ON p.id = t.plan_id JOIN org_unit u ON u.id = p.unit_id"
                               " UNION ALL"
                               " SELECT 2, 0, 0, 0, i.id, '', i.title, u.name, i.year, i.scope,"
                               "  EXISTS (SELECT 1 FROM evidence_link l WHERE l.document_id = ?1"
                               "          AND l.inspection_id = i.id), 0,"
                               "  i.year, u.position, i.id, i.start_date"
                               " FROM inspection i JOIN org_unit u ON u.id = i.unit_id"
                               " UNION ALL"
                               " SELECT 3, 0, 0, 0, 0, i.start_date || ' ' || i.end_date, r.text, u.name, i.year, i.title,"
                               "  EXISTS (SELECT 1 FROM evidence_link l WHERE l.document_id = ?1"
                               "          AND l.recommendation_id = r.id), r.id,"
                               "  i.year, u.position, i.start_date, r.id"
                               " FROM recommendation r JOIN inspection i ON i.id = r.inspection_id"
                               " JOIN org_unit u ON u.id = i.unit_id"
                               " ORDER BY 1, 13 DESC, 14, 15, 16",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document_id);
  return collect (db, stmt, error);
}

/* What @document_id is evidence of, in the order it was linked. */
GPtrArray *
par_link_target_list_linked (ParDatabase  *db,
                             gint64        document_id,
                             GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (PAR_IS_DATABASE (db), NULL);

  stmt = par_database_prepare (db,
                               "SELECT CASE WHEN l.node_id IS NOT NULL THEN 0 WHEN l.task_id IS NOT NULL THEN 1"
                               "  WHEN l.inspection_id IS NOT NULL THEN 2 ELSE 3 END,"
                               "  ifnull (l.assessment_id, 0), ifnull (l.node_id, 0), ifnull (l.task_id, 0),"
                               "  ifnull (l.inspection_id, 0), coalesce (n.code, t.code, ri.start_date || ' ' || ri.end_date, ''),"
                               "  coalesce (n.title, t.title, i.title, r.text, ''),"
                               "  coalesce (au.name, pu.name, iu.name, ru.name, ''),"
                               "  coalesce (s.year, p.year, i.year, ri.year, 0), coalesce (s.name, p.title, i.scope, ri.title, ''), 1,"
                               "  ifnull (l.recommendation_id, 0)"
                               " FROM evidence_link l"
                               " LEFT JOIN assessment a ON a.id = l.assessment_id"
                               " LEFT JOIN criteria_set s ON s.id = a.set_id"
                               " LEFT JOIN org_unit au ON au.id = a.unit_id"
                               " LEFT JOIN criteria_node n ON n.id = l.node_id"
                               " LEFT JOIN task t ON t.id = l.task_id"
                               " LEFT JOIN plan p ON p.id = t.plan_id"
                               " LEFT JOIN org_unit pu ON pu.id = p.unit_id"
                               " LEFT JOIN inspection i ON i.id = l.inspection_id"
                               " LEFT JOIN org_unit iu ON iu.id = i.unit_id"
                               " LEFT JOIN recommendation r ON r.id = l.recommendation_id"
                               " LEFT JOIN inspection ri ON ri.id = r.inspection_id"
                               " LEFT JOIN org_unit ru ON ru.id = ri.unit_id"
                               " WHERE l.document_id = ? ORDER BY l.id",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, document_id);
  return collect (db, stmt, error);
}

static void
par_link_target_finalize (GObject *object)
{
  ParLinkTarget *self = PAR_LINK_TARGET (object);

  g_free (self->title);
  g_free (self->context);
  g_free (self->detail);
  g_free (self->folded);

  G_OBJECT_CLASS (par_link_target_parent_class)->finalize (object);
}

static void
par_link_target_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  ParLinkTarget *self = PAR_LINK_TARGET (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, par_link_target_get_title (self));
      break;
    case PROP_CONTEXT:
      g_value_set_string (value, par_link_target_get_context (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
par_link_target_class_init (ParLinkTargetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = par_link_target_finalize;
  object_class->get_property = par_link_target_get_property;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTEXT] =
    g_param_spec_string ("context", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
par_link_target_init (ParLinkTarget *self)
{
}
