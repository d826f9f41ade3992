/* par-plan-rules.c: the rules of a plan that need no file: dates, deadlines, statuses, default codes
 *
 * Pure functions, so that every rule is tested on its own and the window,
 * the CLI and the workbooks work a status out the same way. Dates are GDate:
 * nothing here depends on the locale.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "par-plan-rules.h"

#define STATUS_CONTEXT "task status"

static const struct
{
  const char *key;
  const char *label;   /* NC_() marked */
} statuses[PAR_N_TASK_STATUSES] = {
  { "not-started", NC_ ("task status", "Not started") },
  { "in-progress", NC_ ("task status", "In progress") },
  { "done", NC_ ("task status", "Done") },
  { "done-late", NC_ ("task status", "Done late") },
  { "overdue", NC_ ("task status", "Overdue") },
  { "cancelled", NC_ ("task status", "Cancelled") },
};

static const char * const deadline_kinds[PAR_N_DEADLINE_KINDS] = { "date", "quarter", "ongoing" };

const char *
par_task_status_to_string (ParTaskStatus status)
{
  g_return_val_if_fail (status < PAR_N_TASK_STATUSES, NULL);
  return statuses[status].key;
}

gboolean
par_task_status_from_string (const char    *text,
                             ParTaskStatus *status)
{
  for (guint i = 0; i < PAR_N_TASK_STATUSES; i++)
    if (g_strcmp0 (text, statuses[i].key) == 0)
      {
        *status = i;
        return TRUE;
      }
  return FALSE;
}

/* The status's label in the UI language. */
const char *
par_task_status_get_label (ParTaskStatus status)
{
  g_return_val_if_fail (status < PAR_N_TASK_STATUSES, NULL);
  return g_dpgettext2 (GETTEXT_PACKAGE, STATUS_CONTEXT, statuses[status].label);
}

const char *
par_deadline_kind_to_string (ParDeadlineKind kind)
{
  g_return_val_if_fail (kind < PAR_N_DEADLINE_KINDS, NULL);
  return deadline_kinds[kind];
}

gboolean
par_deadline_kind_from_string (const char      *text,
                               ParDeadlineKind *kind)
{
  for (guint i = 0; i < PAR_N_DEADLINE_KINDS; i++)
    if (g_strcmp0 (text, deadline_kinds[i]) == 0)
      {
        *kind = i;
        return TRUE;
      }
  return FALSE;
}

/* Reads @min_digits to @max_digits ASCII digits at *@p into @value. */
static gboolean
read_digits (const char **p,
             guint        min_digits,
             guint        max_digits,
             guint       *value)
{
  guint n = 0;

  *value = 0;
  while (g_ascii_isdigit (**p) && n < max_digits)
    {
      *value = *value * 10 + (guint) (**p - '0');
      (*p)++;
      n++;
    }
  return n >= min_digits && !g_ascii_isdigit (**p);
}

/* A date as the plan commands read it: YYYY-MM-DD or D/M/YYYY (day and
 * month of one or two digits), surrounding spaces allowed. FALSE, @date
 * cleared, for anything else or a day that does not exist (31/02/2026). */
gboolean
par_plan_parse_date (const char *text,
                     GDate      *date)
{
  g_autofree char *clean = g_strstrip (g_strdup (text != NULL ? text : ""));
  const char *p = clean;
  guint a, b, c;
  char separator;

  g_date_clear (date, 1);
  if (!read_digits (&p, 1, 4, &a))
    return FALSE;
  separator = *p;
  if ((separator != '-' && separator != '/') || (separator == '-') != (p - clean == 4))
    return FALSE;
  p++;
  if (!read_digits (&p, 1, 2, &b) || *p++ != separator)
    return FALSE;
  if (!read_digits (&p, separator == '-' ? 1 : 4, separator == '-' ? 2 : 4, &c) || *p != '\0')
    return FALSE;
  if (separator == '/')
    {
      guint day = a;

      if (p - clean > 10 || day > 31)
        return FALSE;
      a = c, c = day;   /* a year, b month, c day */
    }
  if (a < 1000 || !g_date_valid_dmy ((GDateDay) c, (GDateMonth) b, (GDateYear) a))
    return FALSE;
  g_date_set_dmy (date, (GDateDay) c, (GDateMonth) b, (GDateYear) a);
  return TRUE;
}

/* A date the file keeps (YYYY-MM-DD); "" or NULL clears @date and is FALSE. */
gboolean
par_plan_date_from_iso (const char *iso,
                        GDate      *date)
{
  if (iso == NULL || *iso == '\0')
    {
      g_date_clear (date, 1);
      return FALSE;
    }
  return par_plan_parse_date (iso, date);
}

/* YYYY-MM-DD, or "" for a cleared date. */
char *
par_plan_format_date (const GDate *date)
{
  if (date == NULL || !g_date_valid (date))
    return g_strdup ("");
  return g_strdup_printf ("%04u-%02u-%02u", (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date), (guint) g_date_get_day (date));
}

/* The computer's local date. */
void
par_plan_today (GDate *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (date, 1);
  g_date_set_dmy (date, (GDateDay) g_date_time_get_day_of_month (now),
                  (GDateMonth) g_date_time_get_month (now), (GDateYear) g_date_time_get_year (now));
}

/* A plan's year as typed: digits only, from 2000 to 2100. */
gboolean
par_plan_parse_year (const char *text,
                     int        *year)
{
  guint64 value;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, PAR_PLAN_MIN_YEAR, PAR_PLAN_MAX_YEAR,
                                                   &value, NULL))
    return FALSE;
  *year = (int) value;
  return TRUE;
}

/* L, the last day a task is on time: its date, its quarter's last day in
 * the plan's @year, or 31 December of @year for an ongoing task. */
void
par_plan_deadline (ParDeadlineKind  kind,
                   const GDate     *date,
                   int              quarter,
                   int              year,
                   GDate           *deadline)
{
  g_date_clear (deadline, 1);
  switch (kind)
    {
    case PAR_DEADLINE_DATE:
      if (date != NULL && g_date_valid (date))
        *deadline = *date;
      break;
    case PAR_DEADLINE_QUARTER:
      g_return_if_fail (quarter >= 1 && quarter <= 4);
      g_date_set_dmy (deadline, 1, (GDateMonth) (quarter * 3), (GDateYear) year);
      g_date_set_day (deadline, g_date_get_days_in_month ((GDateMonth) (quarter * 3), (GDateYear) year));
      break;
    case PAR_DEADLINE_ONGOING:
      g_date_set_dmy (deadline, 31, G_DATE_DECEMBER, (GDateYear) year);
      break;
    case PAR_N_DEADLINE_KINDS:
    default:
      g_return_if_reached ();
    }
}

static gboolean
on_or_before (const GDate *date,
              const GDate *limit)
{
  return date != NULL && g_date_valid (date) && g_date_compare (date, limit) <= 0;
}

/* The status as of @as_of of a task due on @deadline (L), completed and
 * cancelled on the dates given (NULL or cleared: not), whose percent as of
 * @as_of is @percent. The first rule that holds: cancelled on or before the
 * date; completed on or before it, on or before L (done) or after
 * (done-late); the date after L (overdue); some progress (in-progress);
 * else not-started. The deadline day itself is never overdue. */
ParTaskStatus
par_task_status_as_of (const GDate *as_of,
                       const GDate *deadline,
                       const GDate *completed_on,
                       const GDate *cancelled_on,
                       guint        percent)
{
  g_return_val_if_fail (as_of != NULL && g_date_valid (as_of), PAR_TASK_STATUS_NOT_STARTED);

  if (on_or_before (cancelled_on, as_of))
    return PAR_TASK_STATUS_CANCELLED;
  if (on_or_before (completed_on, as_of))
    return deadline != NULL && g_date_valid (deadline) && g_date_compare (completed_on, deadline) > 0
           ? PAR_TASK_STATUS_DONE_LATE : PAR_TASK_STATUS_DONE;
  if (deadline != NULL && g_date_valid (deadline) && g_date_compare (as_of, deadline) > 0)
    return PAR_TASK_STATUS_OVERDUE;
  if (percent > 0)
    return PAR_TASK_STATUS_IN_PROGRESS;
  return PAR_TASK_STATUS_NOT_STARTED;
}

/* The code a task of @area gets when none is given: the area's numeral, a
 * dot and the smallest number not yet taken that way ("III.1", "III.2").
 * @taken holds the plan's codes (char * keys). */
char *
par_plan_default_code (ParArea     area,
                       GHashTable *taken)
{
  g_return_val_if_fail (area < PAR_N_AREAS, NULL);

  for (guint n = 1;; n++)
    {
      char *code = g_strdup_printf ("%s.%u", par_area_get_numeral (area), n);

      if (taken == NULL || !g_hash_table_contains (taken, code))
        return code;
      g_free (code);
    }
}

/* @date @years later; 29 February becomes 28 February in a common year. */
void
par_plan_move_date (const GDate *date,
                    int          years,
                    GDate       *moved)
{
  *moved = *date;
  if (!g_date_valid (moved))
    return;
  if (years >= 0)
    g_date_add_years (moved, (guint) years);
  else
    g_date_subtract_years (moved, (guint) -years);
}
