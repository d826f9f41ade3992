/* par-progress-relay.c: progress reported by a worker, called in the thread that started it
 *
 * A worker hands par_progress_relay_forward() (with the relay as its data)
 * to the function it runs; each report is then delivered to the caller's
 * callback in the caller's main context, in order, and before the task's
 * own completion (the same context, queued before it).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "par-progress-relay.h"

typedef struct
{
  ParProgressRelay *relay;
  guint             done;
  guint             total;
  char             *path;
} Report;

/* Reports will go to @progress in the thread-default context of the
 * caller (the thread that starts the worker). */
void
par_progress_relay_init (ParProgressRelay *relay,
                         ParProgressFunc   progress,
                         gpointer          progress_data)
{
  relay->progress = progress;
  relay->progress_data = progress_data;
  relay->context = g_main_context_ref_thread_default ();
}

void
par_progress_relay_clear (ParProgressRelay *relay)
{
  g_clear_pointer (&relay->context, g_main_context_unref);
}

static gboolean
deliver (gpointer data)
{
  Report *report = data;

  report->relay->progress (report->done, report->total, report->path, report->relay->progress_data);
  g_free (report->path);
  g_free (report);
  return G_SOURCE_REMOVE;
}

/* A ParProgressFunc for the worker: hands the report over. */
void
par_progress_relay_forward (guint       done,
                            guint       total,
                            const char *path,
                            gpointer    relay)
{
  Report *report = g_new0 (Report, 1);
  GSource *source;

  report->relay = relay;
  report->done = done;
  report->total = total;
  report->path = g_strdup (path);
  /* Always queued: g_main_context_invoke() would run the callback here, in
   * the worker, whenever no thread holds the caller's context at that
   * moment (between two iterations of the caller's loop). */
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, deliver, report, NULL);
  g_source_set_static_name (source, "[par-desk] progress report");
  g_source_attach (source, report->relay->context);
  g_source_unref (source);
}
