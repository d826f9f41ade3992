/* par-edit-queue.c: edits the file could not take yet, kept in order until it can
 *
 * When another program holds the file longer than the window waits, an
 * edit is not dropped: it waits here, with every edit made after it (so
 * that a later value is never overwritten by an earlier one), and
 * par_edit_queue_flush() applies them in order once the file is free. An
 * edit the data refuses (a value the method does not allow) is not kept:
 * that is a refusal, not a wait.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "par-edit-queue.h"

typedef enum
{
  EDIT_SCORE,
  EDIT_NOT_APPLICABLE,
  EDIT_EXPLANATION,
} EditKind;

typedef struct
{
  EditKind         kind;
  ParAssessment   *assessment;
  ParCriteriaNode *node;
  ParScoreKind     score_kind;
  gboolean         flag;        /* clear, or not applicable */
  gint64           value_milli;
  char            *text;
} Edit;

struct _ParEditQueue
{
  GQueue edits;
};

static void
edit_free (Edit *edit)
{
  g_object_unref (edit->assessment);
  g_object_unref (edit->node);
  g_free (edit->text);
  g_free (edit);
}

ParEditQueue *
par_edit_queue_new (void)
{
  ParEditQueue *queue = g_new0 (ParEditQueue, 1);

  g_queue_init (&queue->edits);
  return queue;
}

void
par_edit_queue_free (ParEditQueue *queue)
{
  if (queue == NULL)
    return;
  g_queue_clear_full (&queue->edits, (GDestroyNotify) edit_free);
  g_free (queue);
}

guint
par_edit_queue_get_length (ParEditQueue *queue)
{
  g_return_val_if_fail (queue != NULL, 0);
  return g_queue_get_length (&queue->edits);
}

static gboolean
apply (Edit    *edit,
       GError **error)
{
  switch (edit->kind)
    {
    case EDIT_SCORE:
      return par_assessment_set_score (edit->assessment, edit->node, edit->score_kind, edit->flag, edit->value_milli,
                                       error);
    case EDIT_NOT_APPLICABLE:
      return par_assessment_set_not_applicable (edit->assessment, edit->node, edit->flag, error);
    case EDIT_EXPLANATION:
      return par_assessment_set_explanation (edit->assessment, edit->node, edit->text, error);
    default:
      g_assert_not_reached ();
    }
}

/* Applies @edit now, unless edits wait already or the file is busy: then
 * it waits too, and *@waiting is TRUE. FALSE, with @error, only when the
 * edit is refused. Takes @edit. */
static gboolean
apply_or_keep (ParEditQueue  *queue,
               Edit          *edit,
               gboolean      *waiting,
               GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  *waiting = FALSE;
  if (g_queue_is_empty (&queue->edits))
    {
      if (apply (edit, &local_error))
        {
          edit_free (edit);
          return TRUE;
        }
      if (!g_error_matches (local_error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_BUSY))
        {
          edit_free (edit);
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
    }
  g_queue_push_tail (&queue->edits, edit);
  *waiting = TRUE;
  return TRUE;
}

static Edit *
edit_new (EditKind         kind,
          ParAssessment   *assessment,
          ParCriteriaNode *node)
{
  Edit *edit = g_new0 (Edit, 1);

  edit->kind = kind;
  edit->assessment = g_object_ref (assessment);
  edit->node = g_object_ref (node);
  return edit;
}

gboolean
par_edit_queue_set_score (ParEditQueue     *queue,
                          ParAssessment    *assessment,
                          ParCriteriaNode  *node,
                          ParScoreKind      kind,
                          gboolean          clear,
                          gint64            value_milli,
                          gboolean         *waiting,
                          GError          **error)
{
  Edit *edit;

  g_return_val_if_fail (queue != NULL && PAR_IS_ASSESSMENT (assessment), FALSE);
  g_return_val_if_fail (waiting != NULL, FALSE);

  edit = edit_new (EDIT_SCORE, assessment, node);
  edit->score_kind = kind;
  edit->flag = clear;
  edit->value_milli = value_milli;
  return apply_or_keep (queue, edit, waiting, error);
}

gboolean
par_edit_queue_set_not_applicable (ParEditQueue     *queue,
                                   ParAssessment    *assessment,
                                   ParCriteriaNode  *node,
                                   gboolean          not_applicable,
                                   gboolean         *waiting,
                                   GError          **error)
{
  Edit *edit;

  g_return_val_if_fail (queue != NULL && PAR_IS_ASSESSMENT (assessment), FALSE);
  g_return_val_if_fail (waiting != NULL, FALSE);

  edit = edit_new (EDIT_NOT_APPLICABLE, assessment, node);
  edit->flag = not_applicable;
  return apply_or_keep (queue, edit, waiting, error);
}

gboolean
par_edit_queue_set_explanation (ParEditQueue     *queue,
                                ParAssessment    *assessment,
                                ParCriteriaNode  *node,
                                const char       *explanation,
                                gboolean         *waiting,
                                GError          **error)
{
  Edit *edit;

  g_return_val_if_fail (queue != NULL && PAR_IS_ASSESSMENT (assessment), FALSE);
  g_return_val_if_fail (waiting != NULL, FALSE);

  edit = edit_new (EDIT_EXPLANATION, assessment, node);
  edit->text = g_strdup (explanation);
  return apply_or_keep (queue, edit, waiting, error);
}

/* Applies the waiting edits in order, until the file is busy again (they
 * then go on waiting). An edit the data refuses is dropped, and the first
 * such refusal is told in @error; the others are still applied. TRUE when
 * nothing was refused. */
gboolean
par_edit_queue_flush (ParEditQueue  *queue,
                      GError       **error)
{
  gboolean refused = FALSE;

  g_return_val_if_fail (queue != NULL, FALSE);

  while (!g_queue_is_empty (&queue->edits))
    {
      Edit *edit = g_queue_peek_head (&queue->edits);
      g_autoptr(GError) local_error = NULL;

      if (!apply (edit, &local_error))
        {
          if (g_error_matches (local_error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_BUSY))
            break;
          if (!refused)
            g_propagate_error (error, g_steal_pointer (&local_error));
          refused = TRUE;
        }
      edit_free (g_queue_pop_head (&queue->edits));
    }
  return !refused;
}
