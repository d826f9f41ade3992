/* par-ranking-row.c: one unit in the ranking view
 *
 * A snapshot of a ranking entry: what the sortable columns need.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "par-ranking-row.h"

struct _ParRankingRow
{
  GObject     parent_instance;

  guint       rank;
  char       *code;
  char       *name;
  gint64      total;
  gint64      percent;
  const char *group;
  GArray     *areas;     /* gint64 thousandths, G_MININT64 where nothing is entered */
};

G_DEFINE_FINAL_TYPE (ParRankingRow, par_ranking_row, G_TYPE_OBJECT)

ParRankingRow *
par_ranking_row_new (ParRankingEntry *entry,
                     GPtrArray       *areas,
                     ParRankingBasis  basis)
{
  ParRankingRow *self = g_object_new (PAR_TYPE_RANKING_ROW, NULL);

  self->rank = entry->rank;
  self->code = g_strdup (par_unit_get_code (entry->unit));
  self->name = g_strdup (par_unit_get_name (entry->unit));
  self->total = entry->total_milli;
  self->percent = entry->percent;
  self->group = entry->group;
  self->areas = g_array_sized_new (FALSE, FALSE, sizeof (gint64), areas->len);
  for (guint i = 0; i < areas->len; i++)
    {
      gboolean has;
      gint64 milli;

      par_ranking_area_points (entry, g_ptr_array_index (areas, i), basis, &has, &milli);
      if (!has)
        milli = G_MININT64;
      g_array_append_val (self->areas, milli);
    }
  return self;
}

guint
par_ranking_row_get_rank (ParRankingRow *self)
{
  g_return_val_if_fail (PAR_IS_RANKING_ROW (self), 0);
  return self->rank;
}

const char *
par_ranking_row_get_code (ParRankingRow *self)
{
  g_return_val_if_fail (PAR_IS_RANKING_ROW (self), NULL);
  return self->code;
}

const char *
par_ranking_row_get_name (ParRankingRow *self)
{
  g_return_val_if_fail (PAR_IS_RANKING_ROW (self), NULL);
  return self->name;
}

gint64
par_ranking_row_get_total (ParRankingRow *self)
{
  g_return_val_if_fail (PAR_IS_RANKING_ROW (self), 0);
  return self->total;
}

gint64
par_ranking_row_get_percent (ParRankingRow *self)
{
  g_return_val_if_fail (PAR_IS_RANKING_ROW (self), 0);
  return self->percent;
}

const char *
par_ranking_row_get_group (ParRankingRow *self)
{
  g_return_val_if_fail (PAR_IS_RANKING_ROW (self), NULL);
  return self->group;
}

/* The points of area @area; FALSE where nothing is entered. */
gboolean
par_ranking_row_get_area (ParRankingRow *self,
                          guint          area,
                          gint64        *milli)
{
  g_return_val_if_fail (PAR_IS_RANKING_ROW (self), FALSE);
  g_return_val_if_fail (area < self->areas->len, FALSE);

  *milli = g_array_index (self->areas, gint64, area);
  return *milli != G_MININT64;
}

static void
par_ranking_row_finalize (GObject *object)
{
  ParRankingRow *self = PAR_RANKING_ROW (object);

  g_free (self->code);
  g_free (self->name);
  g_array_unref (self->areas);

  G_OBJECT_CLASS (par_ranking_row_parent_class)->finalize (object);
}

static void
par_ranking_row_class_init (ParRankingRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = par_ranking_row_finalize;
}

static void
par_ranking_row_init (ParRankingRow *self)
{
}
