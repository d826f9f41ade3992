/* par-ranking.c: all units scored against one criteria set, ranked
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "par-database-private.h"
#include "par-directory.h"
#include "par-ranking.h"

/* Result groups by percentage, as provinces publish them. */
static const struct
{
  gint64      from;    /* hundredths of a percent */
  const char *group;
} groups[] = {
  { 9000, "A" },
  { 8000, "B" },
  { 7000, "C" },
  { 0, "D" },
};

const char *
par_ranking_group_for (gint64 percent)
{
  for (gsize i = 0; i < G_N_ELEMENTS (groups); i++)
    if (percent >= groups[i].from)
      return groups[i].group;
  return "D";
}

const char *
par_ranking_group_label (const char *group)
{
  if (g_strcmp0 (group, "A") == 0)
    /* xgettext:no-c-format */
    return _("Group A (90% and above)");
  if (g_strcmp0 (group, "B") == 0)
    /* xgettext:no-c-format */
    return _("Group B (80% to under 90%)");
  if (g_strcmp0 (group, "C") == 0)
    /* xgettext:no-c-format */
    return _("Group C (70% to under 80%)");
  return _("Group D (under 70%)");
}

static void
entry_free (ParRankingEntry *entry)
{
  g_clear_object (&entry->unit);
  g_clear_object (&entry->assessment);
  g_free (entry);
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const ParRankingEntry *ea = *(ParRankingEntry **) a;
  const ParRankingEntry *eb = *(ParRankingEntry **) b;

  if (ea->scored != eb->scored)
    return ea->scored ? -1 : 1;
  if (ea->percent != eb->percent)
    return ea->percent > eb->percent ? -1 : 1;
  return g_strcmp0 (par_unit_get_code (ea->unit), par_unit_get_code (eb->unit));
}

/* Appraised scores rank once the council has appraised anyone. */
gboolean
par_ranking_default_basis (ParDatabase      *db,
                           ParCriteriaSet   *set,
                           ParRankingBasis  *basis,
                           GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = par_database_prepare (db,
                               "SELECT EXISTS (SELECT 1 FROM score s JOIN assessment a ON a.id = s.assessment_id"
                               " WHERE a.set_id = ? AND s.appraised_milli IS NOT NULL)",
                               error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, par_criteria_set_get_id (set));
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      par_database_set_error (db, error);
      return FALSE;
    }
  *basis = sqlite3_column_int (stmt, 0) ? PAR_RANKING_BY_APPRAISED : PAR_RANKING_BY_SELF;
  return TRUE;
}

/* Every unit with an assessment in @set, best first. */
GPtrArray *
par_ranking_compute (ParDatabase      *db,
                     ParCriteriaSet   *set,
                     ParRankingBasis   basis,
                     GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  int rc;

  g_return_val_if_fail (PAR_IS_DATABASE (db), NULL);
  g_return_val_if_fail (PAR_IS_CRITERIA_SET (set), NULL);

  stmt = par_database_prepare (db, "SELECT unit_id FROM assessment WHERE set_id = ?", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, par_criteria_set_get_id (set));
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ParRankingEntry *entry = g_new0 (ParRankingEntry, 1);
      ParTotals totals;

      g_ptr_array_add (entries, entry);
      entry->unit = par_directory_get_unit (db, sqlite3_column_int64 (stmt, 0), error);
      if (entry->unit == NULL)
        return NULL;
      entry->assessment = par_assessment_load (db, set, par_unit_get_id (entry->unit), error);
      if (entry->assessment == NULL)
        return NULL;
      par_assessment_get_totals (entry->assessment, &totals);
      entry->total_milli = basis == PAR_RANKING_BY_APPRAISED ? totals.appraised_milli : totals.self_milli;
      entry->percent = basis == PAR_RANKING_BY_APPRAISED ? totals.appraised_percent : totals.self_percent;
      entry->scored = basis == PAR_RANKING_BY_APPRAISED ? totals.has_appraised : totals.has_self;
      entry->group = entry->scored ? par_ranking_group_for (entry->percent) : "";
    }
  if (rc != SQLITE_DONE)
    {
      par_database_set_error (db, error);
      return NULL;
    }

  g_ptr_array_sort (entries, compare_entries);
  for (guint i = 0; i < entries->len; i++)
    {
      ParRankingEntry *entry = g_ptr_array_index (entries, i);
      ParRankingEntry *before = i > 0 ? g_ptr_array_index (entries, i - 1) : NULL;

      if (!entry->scored)
        entry->rank = 0;
      else
        entry->rank = before != NULL && before->percent == entry->percent ? before->rank : i + 1;
    }
  return g_steal_pointer (&entries);
}

void
par_ranking_area_points (ParRankingEntry *entry,
                         ParCriteriaNode *area,
                         ParRankingBasis  basis,
                         gboolean        *has,
                         gint64          *milli)
{
  ParSubtotal sub;

  par_assessment_get_subtotal (entry->assessment, area, &sub);
  *has = !sub.not_applicable && (basis == PAR_RANKING_BY_APPRAISED ? sub.has_appraised : sub.has_self);
  *milli = basis == PAR_RANKING_BY_APPRAISED ? sub.appraised_milli : sub.self_milli;
}
