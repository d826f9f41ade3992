/* par-inspection-item.c: a row of the Inspections view's lists: an inspection, or one of its recommendations
 *
 * The list of the year's inspections holds items with an inspection; the
 * overdue list holds items with a recommendation and the inspection that
 * made it. The item owns both. It is also what evidence is attached to:
 * the inspection's id stays its own whatever the view shows meanwhile.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "par-inspection-item.h"

struct _ParInspectionItem
{
  GObject            parent_instance;

  ParInspection     *inspection;
  ParRecommendation *recommendation;
};

G_DEFINE_FINAL_TYPE (ParInspectionItem, par_inspection_item, G_TYPE_OBJECT)

/* Takes both; @recommendation may be NULL. */
ParInspectionItem *
par_inspection_item_new (ParInspection     *inspection,
                         ParRecommendation *recommendation)
{
  ParInspectionItem *self = g_object_new (PAR_TYPE_INSPECTION_ITEM, NULL);

  self->inspection = inspection;
  self->recommendation = recommendation;
  return self;
}

ParInspection *
par_inspection_item_get_inspection (ParInspectionItem *self)
{
  g_return_val_if_fail (PAR_IS_INSPECTION_ITEM (self), NULL);
  return self->inspection;
}

ParRecommendation *
par_inspection_item_get_recommendation (ParInspectionItem *self)
{
  g_return_val_if_fail (PAR_IS_INSPECTION_ITEM (self), NULL);
  return self->recommendation;
}

/* The team leader's name, or "" when the team has none. */
const char *
par_inspection_item_get_leader (ParInspectionItem *self)
{
  g_return_val_if_fail (PAR_IS_INSPECTION_ITEM (self), NULL);

  for (guint i = 0; self->inspection != NULL && i < self->inspection->team->len; i++)
    {
      ParTeamMember *member = g_ptr_array_index (self->inspection->team, i);

      if (member->role == PAR_TEAM_ROLE_LEADER)
        return member->name;
    }
  return "";
}

/* "10/03/2025 – 11/03/2025", or one day alone. */
char *
par_inspection_format_days (const ParInspection *inspection)
{
  g_autofree char *first = par_format_gdate (&inspection->first);
  g_autofree char *last = par_format_gdate (&inspection->last);

  if (g_str_equal (first, last))
    return g_steal_pointer (&first);
  return g_strdup_printf ("%s – %s", first, last);
}

/* Where an inspection stands on @today: cancelled, planned, under way, held. */
const char *
par_inspection_get_state_label (const ParInspection *inspection,
                                const GDate         *today)
{
  if (inspection->cancelled)
    return C_("inspection state", "Cancelled");
  if (!g_date_valid (&inspection->first) || !g_date_valid (&inspection->last))
    return "";
  if (g_date_compare (today, &inspection->first) < 0)
    return C_("inspection state", "Planned");
  if (g_date_compare (today, &inspection->last) <= 0)
    return C_("inspection state", "Under way");
  return C_("inspection state", "Held");
}

/* A recommendation's status in the plan's colours (style.css): done green,
 * late a warning, overdue an error, open neutral. */
const char *
par_recommendation_status_get_css_class (ParRecommendationStatus status)
{
  switch (status)
    {
    case PAR_RECOMMENDATION_DONE:
      return "task-done";
    case PAR_RECOMMENDATION_DONE_LATE:
      return "task-done-late";
    case PAR_RECOMMENDATION_OVERDUE:
      return "task-overdue";
    case PAR_RECOMMENDATION_OPEN:
    case PAR_N_RECOMMENDATION_STATUSES:
    default:
      return "task-not-started";
    }
}

static void
par_inspection_item_finalize (GObject *object)
{
  ParInspectionItem *self = PAR_INSPECTION_ITEM (object);

  g_clear_pointer (&self->inspection, par_inspection_free);
  g_clear_pointer (&self->recommendation, par_recommendation_free);

  G_OBJECT_CLASS (par_inspection_item_parent_class)->finalize (object);
}

static void
par_inspection_item_class_init (ParInspectionItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = par_inspection_item_finalize;
}

static void
par_inspection_item_init (ParInspectionItem *self)
{
}
