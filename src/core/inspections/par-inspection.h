/* par-inspection.h: an inspection of a unit, its team, its clashes, findings and recommendations
 *
 * The rules are docs/cli.md, "Inspections". Everything here is plain data,
 * read from a file by par-inspections.h and par-inspection-follow-up.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A person's role in an inspection team, in the order teams are listed. */
typedef enum
{
  PAR_TEAM_ROLE_LEADER,      /* trưởng đoàn */
  PAR_TEAM_ROLE_DEPUTY,      /* phó trưởng đoàn */
  PAR_TEAM_ROLE_MEMBER,      /* thành viên */
  PAR_TEAM_ROLE_SECRETARY,   /* thư ký */
  PAR_N_TEAM_ROLES
} ParTeamRole;

/* One seat of a team, as an inspection to add gives it. */
typedef struct
{
  gint64      staff_id;
  ParTeamRole role;
} ParTeamSeat;

/* One person of a saved team. */
typedef struct
{
  gint64      staff_id;
  ParTeamRole role;
  char       *name;
  char       *position;
  char       *email;
} ParTeamMember;

/* What par_inspections_add() and the clash check need. */
typedef struct
{
  gint64             unit_id;
  GDate              first;    /* the first day */
  GDate              last;     /* the last day, on or after the first */
  const char        *title;
  const char        *scope;    /* or NULL */
  const ParTeamSeat *team;     /* in the order given; NULL when n_team is 0 */
  guint              n_team;
} ParInspectionSpec;

typedef struct
{
  gint64     id;
  gint64     unit_id;
  char      *unit_code;
  char      *unit_name;
  GDate      first;       /* cleared if the file holds no valid date */
  GDate      last;
  char      *title;
  char      *scope;
  gboolean   cancelled;
  GPtrArray *team;        /* of ParTeamMember: leader, deputies, members, secretary, each role in order */
} ParInspection;

/* The clashes of an inspection, in the order lines are printed. */
typedef enum
{
  PAR_CLASH_NO_LEADER,
  PAR_CLASH_UNIT_BUSY,
  PAR_CLASH_MEMBER_BUSY,
  PAR_CLASH_HOLIDAY,
  PAR_CLASH_WEEKEND,
  PAR_N_CLASH_KINDS
} ParClashKind;

typedef struct
{
  ParClashKind  kind;
  char         *unit_code;   /* PAR_CLASH_UNIT_BUSY */
  gint64        staff_id;    /* PAR_CLASH_MEMBER_BUSY */
  gint64        other_id;    /* the other inspection, for the busy clashes */
  GDate         first;       /* the shared days, or the day of a holiday or weekend */
  GDate         last;
  char         *name;        /* the holiday's name */
} ParClash;

/* A run of days a free-slot search found. */
typedef struct
{
  GDate first;
  GDate last;
} ParDayRun;

typedef struct
{
  gint64  id;
  gint64  inspection_id;
  char   *criterion;   /* the PAR Index code as written, or "" */
  char   *text;
} ParFinding;

/* A recommendation's status as of a date: worked out, never kept. */
typedef enum
{
  PAR_RECOMMENDATION_OPEN,
  PAR_RECOMMENDATION_OVERDUE,
  PAR_RECOMMENDATION_DONE,
  PAR_RECOMMENDATION_DONE_LATE,
  PAR_N_RECOMMENDATION_STATUSES
} ParRecommendationStatus;

typedef struct
{
  gint64  id;
  gint64  inspection_id;
  gint64  finding_id;    /* 0 if none */
  gint64  unit_id;       /* the unit that must carry it out */
  char   *unit_code;
  char   *unit_name;
  char   *text;
  GDate   deadline;
  GDate   closed_on;     /* cleared while it is open */
  char   *follow_up;
} ParRecommendation;

const char *par_team_role_to_string   (ParTeamRole  role);
gboolean    par_team_role_from_string (const char  *text,
                                       ParTeamRole *role);
const char *par_team_role_get_label   (ParTeamRole  role);

void        par_team_member_free      (ParTeamMember *member);
void        par_inspection_free       (ParInspection *inspection);
gboolean    par_inspection_has_leader (const ParInspection *inspection);

const char *par_clash_kind_to_string  (ParClashKind  kind);
void        par_clash_free            (ParClash     *clash);
char       *par_clash_to_line         (const ParClash *clash);

void        par_finding_free          (ParFinding   *finding);
void        par_recommendation_free   (ParRecommendation *recommendation);

const char *par_recommendation_status_to_string   (ParRecommendationStatus  status);
gboolean    par_recommendation_status_from_string (const char              *text,
                                                   ParRecommendationStatus *status);
const char *par_recommendation_status_get_label   (ParRecommendationStatus  status);
ParRecommendationStatus par_recommendation_status_as_of (const GDate *deadline,
                                                         const GDate *closed_on,
                                                         const GDate *as_of);
ParRecommendationStatus par_recommendation_get_status   (const ParRecommendation *recommendation,
                                                         const GDate             *as_of);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ParInspection, par_inspection_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ParClash, par_clash_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ParFinding, par_finding_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (ParRecommendation, par_recommendation_free)

G_END_DECLS
