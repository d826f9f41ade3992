/* par-inspection.c: the words, labels and pure rules of inspections: team roles, clash lines, recommendation statuses
 *
 * Nothing here reads a file, so that every rule is tested on its own and
 * the CLI, the window and the exports word things the same way.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "par-inspection.h"
#include "par-plan-rules.h"

#define ROLE_CONTEXT "inspection team role"
#define STATUS_CONTEXT "recommendation status"

static const struct
{
  const char *key;
  const char *label;   /* NC_() marked */
} roles[PAR_N_TEAM_ROLES] = {
  { "leader", NC_ ("inspection team role", "Team leader") },
  { "deputy", NC_ ("inspection team role", "Deputy leader") },
  { "member", NC_ ("inspection team role", "Member") },
  { "secretary", NC_ ("inspection team role", "Secretary") },
};

static const struct
{
  const char *key;
  const char *label;   /* NC_() marked */
} statuses[PAR_N_RECOMMENDATION_STATUSES] = {
  { "open", NC_ ("recommendation status", "Open") },
  { "overdue", NC_ ("recommendation status", "Overdue") },
  { "done", NC_ ("recommendation status", "Done") },
  { "done-late", NC_ ("recommendation status", "Done late") },
};

static const char *const clash_kinds[PAR_N_CLASH_KINDS] = {
  "no-leader", "unit-busy", "member-busy", "holiday", "weekend",
};

const char *
par_team_role_to_string (ParTeamRole role)
{
  g_return_val_if_fail (role < PAR_N_TEAM_ROLES, NULL);
  return roles[role].key;
}

gboolean
par_team_role_from_string (const char  *text,
                           ParTeamRole *role)
{
  for (guint i = 0; i < PAR_N_TEAM_ROLES; i++)
    if (g_strcmp0 (text, roles[i].key) == 0)
      {
        *role = i;
        return TRUE;
      }
  return FALSE;
}

/* The role's name in the UI language ("Trưởng đoàn"). */
const char *
par_team_role_get_label (ParTeamRole role)
{
  g_return_val_if_fail (role < PAR_N_TEAM_ROLES, NULL);
  return g_dpgettext2 (GETTEXT_PACKAGE, ROLE_CONTEXT, roles[role].label);
}

void
par_team_member_free (ParTeamMember *member)
{
  if (member == NULL)
    return;
  g_free (member->name);
  g_free (member->position);
  g_free (member->email);
  g_free (member);
}

void
par_inspection_free (ParInspection *inspection)
{
  if (inspection == NULL)
    return;
  g_free (inspection->unit_code);
  g_free (inspection->unit_name);
  g_free (inspection->title);
  g_free (inspection->scope);
  g_clear_pointer (&inspection->team, g_ptr_array_unref);
  g_free (inspection);
}

gboolean
par_inspection_has_leader (const ParInspection *inspection)
{
  for (guint i = 0; inspection->team != NULL && i < inspection->team->len; i++)
    if (((ParTeamMember *) g_ptr_array_index (inspection->team, i))->role == PAR_TEAM_ROLE_LEADER)
      return TRUE;
  return FALSE;
}

const char *
par_clash_kind_to_string (ParClashKind kind)
{
  g_return_val_if_fail (kind < PAR_N_CLASH_KINDS, NULL);
  return clash_kinds[kind];
}

void
par_clash_free (ParClash *clash)
{
  if (clash == NULL)
    return;
  g_free (clash->unit_code);
  g_free (clash->name);
  g_free (clash);
}

/* The clash as docs/cli.md prints it: the kind, then its fields, tab-separated. */
char *
par_clash_to_line (const ParClash *clash)
{
  g_autofree char *first = par_plan_format_date (&clash->first);
  g_autofree char *last = par_plan_format_date (&clash->last);
  g_autofree char *name = g_strdup (clash->name != NULL ? clash->name : "");
  const char *kind = par_clash_kind_to_string (clash->kind);

  /* A name from the file may hold tabs or line breaks, which would split the line. */
  g_strdelimit (name, "\t\r\n", ' ');
  switch (clash->kind)
    {
    case PAR_CLASH_NO_LEADER:
      return g_strdup (kind);
    case PAR_CLASH_UNIT_BUSY:
      return g_strdup_printf ("%s\t%s\t%" G_GINT64_FORMAT "\t%s\t%s", kind, clash->unit_code, clash->other_id,
                              first, last);
    case PAR_CLASH_MEMBER_BUSY:
      return g_strdup_printf ("%s\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t%s\t%s", kind, clash->staff_id,
                              clash->other_id, first, last);
    case PAR_CLASH_HOLIDAY:
      return g_strdup_printf ("%s\t%s\t%s", kind, first, name);
    case PAR_CLASH_WEEKEND:
      return g_strdup_printf ("%s\t%s", kind, first);
    case PAR_N_CLASH_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

void
par_finding_free (ParFinding *finding)
{
  if (finding == NULL)
    return;
  g_free (finding->criterion);
  g_free (finding->text);
  g_free (finding);
}

void
par_recommendation_free (ParRecommendation *recommendation)
{
  if (recommendation == NULL)
    return;
  g_free (recommendation->unit_code);
  g_free (recommendation->unit_name);
  g_free (recommendation->text);
  g_free (recommendation->follow_up);
  g_free (recommendation);
}

const char *
par_recommendation_status_to_string (ParRecommendationStatus status)
{
  g_return_val_if_fail (status < PAR_N_RECOMMENDATION_STATUSES, NULL);
  return statuses[status].key;
}

gboolean
par_recommendation_status_from_string (const char              *text,
                                       ParRecommendationStatus *status)
{
  for (guint i = 0; i < PAR_N_RECOMMENDATION_STATUSES; i++)
    if (g_strcmp0 (text, statuses[i].key) == 0)
      {
        *status = i;
        return TRUE;
      }
  return FALSE;
}

/* The status's label in the UI language. */
const char *
par_recommendation_status_get_label (ParRecommendationStatus status)
{
  g_return_val_if_fail (status < PAR_N_RECOMMENDATION_STATUSES, NULL);
  return g_dpgettext2 (GETTEXT_PACKAGE, STATUS_CONTEXT, statuses[status].label);
}

/* The rules of a task's status with the deadline as its last day: a closing
 * dated after @as_of does not count yet, and the deadline day itself is
 * never overdue. A cleared @closed_on: not closed. */
ParRecommendationStatus
par_recommendation_status_as_of (const GDate *deadline,
                                 const GDate *closed_on,
                                 const GDate *as_of)
{
  gboolean has_deadline = deadline != NULL && g_date_valid (deadline);

  if (closed_on != NULL && g_date_valid (closed_on) && g_date_compare (closed_on, as_of) <= 0)
    return !has_deadline || g_date_compare (closed_on, deadline) <= 0 ? PAR_RECOMMENDATION_DONE
                                                                       : PAR_RECOMMENDATION_DONE_LATE;
  if (has_deadline && g_date_compare (as_of, deadline) > 0)
    return PAR_RECOMMENDATION_OVERDUE;
  return PAR_RECOMMENDATION_OPEN;
}

ParRecommendationStatus
par_recommendation_get_status (const ParRecommendation *recommendation,
                               const GDate             *as_of)
{
  return par_recommendation_status_as_of (&recommendation->deadline, &recommendation->closed_on, as_of);
}
