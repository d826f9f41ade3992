/* par-task.c: one task of a reform plan, with its units and progress
 *
 * What a task knows is what was recorded, each with its date; what it is
 * as of a date (its percent, its status) is worked out from those, so the
 * plan can be looked at as it stood on any day.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "par-task.h"

struct _ParTask
{
  GObject          parent_instance;

  gint64           id;
  gint64           plan_id;
  int              plan_year;
  char            *code;
  char            *title;
  ParArea          area;
  char            *output;
  ParDeadlineKind  deadline_kind;
  GDate            deadline_date;
  int              deadline_quarter;
  gint64           lead_id;
  char            *lead_code;
  GArray          *coordinating_ids;     /* gint64, in the order given */
  GPtrArray       *coordinating_codes;   /* char *, NULL-terminated */
  GDate            completed_on;
  GDate            cancelled_on;
  char            *cancel_note;
  gint64           carried_from;
  GPtrArray       *progress;             /* ParProgressEntry * */
};

G_DEFINE_TYPE (ParTask, par_task, G_TYPE_OBJECT)

static void
progress_entry_free (gpointer data)
{
  ParProgressEntry *entry = data;

  g_free (entry->note);
  g_free (entry->recorded_by);
  g_free (entry);
}

static void
par_task_finalize (GObject *object)
{
  ParTask *self = PAR_TASK (object);

  g_free (self->code);
  g_free (self->title);
  g_free (self->output);
  g_free (self->lead_code);
  g_free (self->cancel_note);
  g_array_unref (self->coordinating_ids);
  g_ptr_array_unref (self->coordinating_codes);
  g_ptr_array_unref (self->progress);
  G_OBJECT_CLASS (par_task_parent_class)->finalize (object);
}

static void
par_task_class_init (ParTaskClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = par_task_finalize;
}

static void
par_task_init (ParTask *self)
{
  self->coordinating_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->coordinating_codes = g_ptr_array_new_null_terminated (1, g_free, TRUE);
  self->progress = g_ptr_array_new_with_free_func (progress_entry_free);
  g_date_clear (&self->deadline_date, 1);
  g_date_clear (&self->completed_on, 1);
  g_date_clear (&self->cancelled_on, 1);
  self->deadline_kind = PAR_DEADLINE_ONGOING;
  self->cancel_note = g_strdup ("");
}

/* A task of the plan @plan_id, whose year is @plan_year; ongoing until
 * par_task_set_deadline() says otherwise. */
ParTask *
par_task_new (gint64      id,
              gint64      plan_id,
              int         plan_year,
              const char *code,
              const char *title,
              ParArea     area,
              const char *output)
{
  ParTask *self = g_object_new (PAR_TYPE_TASK, NULL);

  g_return_val_if_fail (area < PAR_N_AREAS, self);
  self->id = id;
  self->plan_id = plan_id;
  self->plan_year = plan_year;
  self->code = g_strdup (code != NULL ? code : "");
  self->title = g_strdup (title != NULL ? title : "");
  self->area = area;
  self->output = g_strdup (output != NULL ? output : "");
  return self;
}

/* @date for PAR_DEADLINE_DATE, @quarter (1 to 4) for PAR_DEADLINE_QUARTER. */
void
par_task_set_deadline (ParTask         *self,
                       ParDeadlineKind  kind,
                       const GDate     *date,
                       int              quarter)
{
  g_return_if_fail (PAR_IS_TASK (self));
  g_return_if_fail (kind < PAR_N_DEADLINE_KINDS);

  self->deadline_kind = kind;
  g_date_clear (&self->deadline_date, 1);
  self->deadline_quarter = 0;
  if (kind == PAR_DEADLINE_DATE && date != NULL && g_date_valid (date))
    self->deadline_date = *date;
  else if (kind == PAR_DEADLINE_QUARTER)
    self->deadline_quarter = CLAMP (quarter, 1, 4);
}

/* NULL or a cleared date: not completed. */
void
par_task_set_completed (ParTask     *self,
                        const GDate *date)
{
  g_return_if_fail (PAR_IS_TASK (self));
  g_date_clear (&self->completed_on, 1);
  if (date != NULL && g_date_valid (date))
    self->completed_on = *date;
}

void
par_task_set_cancelled (ParTask     *self,
                        const GDate *date,
                        const char  *note)
{
  g_return_if_fail (PAR_IS_TASK (self));
  g_date_clear (&self->cancelled_on, 1);
  if (date != NULL && g_date_valid (date))
    self->cancelled_on = *date;
  g_free (self->cancel_note);
  self->cancel_note = g_strdup (note != NULL ? note : "");
}

void
par_task_set_carried_from (ParTask *self,
                           gint64   task_id)
{
  g_return_if_fail (PAR_IS_TASK (self));
  self->carried_from = task_id;
}

/* The lead unit, or one more coordinating unit after those added. */
void
par_task_add_unit (ParTask    *self,
                   gint64      unit_id,
                   const char *code,
                   gboolean    lead)
{
  g_return_if_fail (PAR_IS_TASK (self));
  if (lead)
    {
      self->lead_id = unit_id;
      g_free (self->lead_code);
      self->lead_code = g_strdup (code);
      return;
    }
  g_array_append_val (self->coordinating_ids, unit_id);
  g_ptr_array_add (self->coordinating_codes, g_strdup (code));
}

static int
compare_entries (gconstpointer a,
                 gconstpointer b)
{
  const ParProgressEntry *x = *(ParProgressEntry * const *) a;
  const ParProgressEntry *y = *(ParProgressEntry * const *) b;
  int by_date = g_date_compare (&x->date, &y->date);

  if (by_date != 0)
    return by_date;
  return x->id < y->id ? -1 : x->id > y->id;
}

/* One progress entry; @id orders the entries of one date (the last
 * recorded is the higher id). */
void
par_task_add_progress (ParTask     *self,
                       gint64       id,
                       const GDate *date,
                       guint        percent,
                       const char  *note,
                       const char  *recorded_by)
{
  ParProgressEntry *entry;

  g_return_if_fail (PAR_IS_TASK (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  entry = g_new0 (ParProgressEntry, 1);
  entry->id = id;
  entry->date = *date;
  entry->percent = MIN (percent, 100);
  entry->note = g_strdup (note != NULL ? note : "");
  entry->recorded_by = g_strdup (recorded_by != NULL ? recorded_by : "");
  g_ptr_array_add (self->progress, entry);
  g_ptr_array_sort (self->progress, compare_entries);
}

gint64
par_task_get_id (ParTask *self)
{
  g_return_val_if_fail (PAR_IS_TASK (self), 0);
  return self->id;
}

gint64
par_task_get_plan_id (ParTask *self)
{
  g_return_val_if_fail (PAR_IS_TASK (self), 0);
  return self->plan_id;
}

int
par_task_get_plan_year (ParTask *self)
{
  g_return_val_if_fail (PAR_IS_TASK (self), 0);
  return self->plan_year;
}

const char *
par_task_get_code (ParTask *self)
{
  g_return_val_if_fail (PAR_IS_TASK (self), NULL);
  return self->code;
}

const char *
par_task_get_title (ParTask *self)
{
  g_return_val_if_fail (PAR_IS_TASK (self), NULL);
  return self->title;
}

ParArea
par_task_get_area (ParTask *self)
{
  g_return_val_if_fail (PAR_IS_TASK (self), PAR_AREA_DIRECTION);
  return self->area;
}

const char *
par_task_get_output (ParTask *self)
{
  g_return_val_if_fail (PAR_IS_TASK (self), NULL);
  return self->output;
}

ParDeadlineKind
par_task_get_deadline_kind (ParTask *self)
{
  g_return_val_if_fail (PAR_IS_TASK (self), PAR_DEADLINE_ONGOING);
  return self->deadline_kind;
}

/* 1 to 4 for a quarter deadline, else 0. */
int
par_task_get_deadline_quarter (ParTask *self)
{
  g_return_val_if_fail (PAR_IS_TASK (self), 0);
  return self->deadline_quarter;
}

/* The date of a date deadline; cleared for the other kinds. */
void
par_task_get_deadline_date (ParTask *self,
                            GDate   *date)
{
  g_return_if_fail (PAR_IS_TASK (self));
  *date = self->deadline_date;
}

/* L: the last day the task is on time, whatever the kind of deadline. */
void
par_task_get_deadline (ParTask *self,
                       GDate   *deadline)
{
  g_return_if_fail (PAR_IS_TASK (self));
  par_plan_deadline (self->deadline_kind, &self->deadline_date, self->deadline_quarter,
                     self->plan_year, deadline);
}

gint64
par_task_get_lead_id (ParTask *self)
{
  g_return_val_if_fail (PAR_IS_TASK (self), 0);
  return self->lead_id;
}

const char *
par_task_get_lead_code (ParTask *self)
{
  g_return_val_if_fail (PAR_IS_TASK (self), NULL);
  return self->lead_code != NULL ? self->lead_code : "";
}

/* gint64 unit ids, in the order given; owned by the task. */
GArray *
par_task_get_coordinating_ids (ParTask *self)
{
  g_return_val_if_fail (PAR_IS_TASK (self), NULL);
  return self->coordinating_ids;
}

/* The coordinating units' codes, in the order given; owned by the task. */
GStrv
par_task_get_coordinating_codes (ParTask *self)
{
  static char *none[] = { NULL };

  g_return_val_if_fail (PAR_IS_TASK (self), NULL);
  return self->coordinating_codes->pdata != NULL ? (GStrv) self->coordinating_codes->pdata : none;
}

/* Whether the unit leads or coordinates the task. */
gboolean
par_task_involves_unit (ParTask *self,
                        gint64   unit_id)
{
  g_return_val_if_fail (PAR_IS_TASK (self), FALSE);
  if (self->lead_id == unit_id)
    return TRUE;
  for (guint i = 0; i < self->coordinating_ids->len; i++)
    if (g_array_index (self->coordinating_ids, gint64, i) == unit_id)
      return TRUE;
  return FALSE;
}

/* Whether the task was completed, whatever the date; @date (or NULL) the day. */
gboolean
par_task_get_completed (ParTask *self,
                        GDate   *date)
{
  g_return_val_if_fail (PAR_IS_TASK (self), FALSE);
  if (date != NULL)
    *date = self->completed_on;
  return g_date_valid (&self->completed_on);
}

gboolean
par_task_get_cancelled (ParTask *self,
                        GDate   *date)
{
  g_return_val_if_fail (PAR_IS_TASK (self), FALSE);
  if (date != NULL)
    *date = self->cancelled_on;
  return g_date_valid (&self->cancelled_on);
}

const char *
par_task_get_cancel_note (ParTask *self)
{
  g_return_val_if_fail (PAR_IS_TASK (self), NULL);
  return self->cancel_note;
}

/* The task of an earlier plan this one was carried over from, or 0. */
gint64
par_task_get_carried_from (ParTask *self)
{
  g_return_val_if_fail (PAR_IS_TASK (self), 0);
  return self->carried_from;
}

/* ParProgressEntry *, by date then recorded order; owned by the task. */
GPtrArray *
par_task_get_progress (ParTask *self)
{
  g_return_val_if_fail (PAR_IS_TASK (self), NULL);
  return self->progress;
}

/* The percent as of @as_of: 100 from the completion date on; else that of
 * the latest entry dated on or before @as_of (of several on one date, the
 * last recorded); 0 if there is none. Later entries do not count. */
guint
par_task_get_percent (ParTask     *self,
                      const GDate *as_of)
{
  const ParProgressEntry *latest = NULL;

  g_return_val_if_fail (PAR_IS_TASK (self), 0);
  g_return_val_if_fail (as_of != NULL && g_date_valid (as_of), 0);

  if (g_date_valid (&self->completed_on) && g_date_compare (&self->completed_on, as_of) <= 0)
    return 100;
  for (guint i = 0; i < self->progress->len; i++)
    {
      const ParProgressEntry *entry = g_ptr_array_index (self->progress, i);

      if (g_date_compare (&entry->date, as_of) > 0)
        continue;
      if (latest == NULL || compare_entries (&entry, &latest) > 0)
        latest = entry;
    }
  return latest != NULL ? latest->percent : 0;
}

/* The status as of @as_of (par_task_status_as_of()). */
ParTaskStatus
par_task_get_status (ParTask     *self,
                     const GDate *as_of)
{
  GDate deadline;

  g_return_val_if_fail (PAR_IS_TASK (self), PAR_TASK_STATUS_NOT_STARTED);
  par_task_get_deadline (self, &deadline);
  return par_task_status_as_of (as_of, &deadline, &self->completed_on, &self->cancelled_on,
                                par_task_get_percent (self, as_of));
}
