/* par-context.c: what every view and dialog shares: the open file, the settings, reporting, change notices
 *
 * One context per window, handed down to its views and dialogs (GNOME
 * Calendar's GcalContext is the model): they read the open file and the
 * settings from it, report errors and show toasts through it, and learn
 * what changed from its typed notices; they never reach for the window or
 * the application. The window, which owns the context, opens files into it
 * and shows what it is told to show.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "par-context.h"

struct _ParContext
{
  GObject      parent_instance;

  GSettings   *settings;
  ParDatabase *database;
  gulong       changed_handler;
  gboolean     waiting_for_file;
};

G_DEFINE_FINAL_TYPE (ParContext, par_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_DATABASE,
  PROP_WAITING_FOR_FILE,
  N_PROPS
};

enum {
  CHANGED,
  ERROR,
  TOAST,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

ParContext *
par_context_new (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  return g_object_new (PAR_TYPE_CONTEXT, "settings", settings, NULL);
}

ParDatabase *
par_context_get_database (ParContext *self)
{
  g_return_val_if_fail (PAR_IS_CONTEXT (self), NULL);
  return self->database;
}

static void
database_changed (ParContext *self,
                  ParChange   what)
{
  GEnumClass *changes = g_type_class_peek (PAR_TYPE_CHANGE);

  g_signal_emit (self, signals[CHANGED], g_quark_from_static_string (g_enum_get_value (changes, what)->value_nick),
                 what);
}

/* The file the window shows now; the views follow (notify::database). */
void
par_context_set_database (ParContext  *self,
                          ParDatabase *database)
{
  g_return_if_fail (PAR_IS_CONTEXT (self));
  g_return_if_fail (database == NULL || PAR_IS_DATABASE (database));

  if (self->database == database)
    return;
  if (self->database != NULL)
    g_clear_signal_handler (&self->changed_handler, self->database);
  g_set_object (&self->database, database);
  if (database != NULL)
    self->changed_handler = g_signal_connect_object (database, "changed", G_CALLBACK (database_changed), self,
                                                     G_CONNECT_SWAPPED);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);
}

GSettings *
par_context_get_settings (ParContext *self)
{
  g_return_val_if_fail (PAR_IS_CONTEXT (self), NULL);
  return self->settings;
}

/* The largest PDF the views keep (Preferences); the core's default when
 * the setting is 0. */
gint64
par_context_get_evidence_max_bytes (ParContext *self)
{
  int megabytes;

  g_return_val_if_fail (PAR_IS_CONTEXT (self), 0);
  megabytes = g_settings_get_int (self->settings, "evidence-size-limit-mb");
  /* MB as the size is shown to the user */
  return megabytes > 0 ? (gint64) megabytes * 1000 * 1000 : PAR_EVIDENCE_DEFAULT_MAX_BYTES;
}

/* Something went wrong: @heading says what was not done, @error's message
 * why and what to do. Every error reaches the user this way. */
void
par_context_report_error (ParContext   *self,
                          const char   *heading,
                          const GError *error)
{
  g_return_if_fail (PAR_IS_CONTEXT (self));
  g_return_if_fail (heading != NULL);
  g_signal_emit (self, signals[ERROR], 0, heading, error);
}

/* A short message that goes by itself. */
void
par_context_show_toast (ParContext *self,
                        const char *message)
{
  g_return_if_fail (PAR_IS_CONTEXT (self));
  g_signal_emit (self, signals[TOAST], 0, message, NULL);
}

/* A message about a file just written, with a way to open it. */
void
par_context_show_file_toast (ParContext *self,
                             const char *message,
                             const char *path)
{
  g_return_if_fail (PAR_IS_CONTEXT (self));
  g_signal_emit (self, signals[TOAST], 0, message, path);
}

gboolean
par_context_get_waiting_for_file (ParContext *self)
{
  g_return_val_if_fail (PAR_IS_CONTEXT (self), FALSE);
  return self->waiting_for_file;
}

/* Says, for as long as @waiting, that edits wait for another program to
 * free the file (see ParEditQueue). */
void
par_context_set_waiting_for_file (ParContext *self,
                                  gboolean    waiting)
{
  g_return_if_fail (PAR_IS_CONTEXT (self));

  waiting = !!waiting;
  if (self->waiting_for_file == waiting)
    return;
  self->waiting_for_file = waiting;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WAITING_FOR_FILE]);
}

static void
par_context_dispose (GObject *object)
{
  ParContext *self = PAR_CONTEXT (object);

  if (self->database != NULL)
    g_clear_signal_handler (&self->changed_handler, self->database);
  g_clear_object (&self->database);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (par_context_parent_class)->dispose (object);
}

static void
par_context_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  ParContext *self = PAR_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;
    case PROP_WAITING_FOR_FILE:
      g_value_set_boolean (value, self->waiting_for_file);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
par_context_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  ParContext *self = PAR_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    case PROP_DATABASE:
      par_context_set_database (self, g_value_get_object (value));
      break;
    case PROP_WAITING_FOR_FILE:
      par_context_set_waiting_for_file (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
par_context_class_init (ParContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = par_context_dispose;
  object_class->get_property = par_context_get_property;
  object_class->set_property = par_context_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, PAR_TYPE_DATABASE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WAITING_FOR_FILE] =
    g_param_spec_boolean ("waiting-for-file", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * ParContext::changed:
   * @what: what an edit of the open file changed; its nick is the detail
   */
  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST | G_SIGNAL_DETAILED,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, PAR_TYPE_CHANGE);
  /**
   * ParContext::error:
   * @heading: what was not done
   * @error: (nullable): why, and what to do
   */
  signals[ERROR] =
    g_signal_new ("error", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_ERROR);
  /**
   * ParContext::toast:
   * @message: the message
   * @path: (nullable): a file just written, to offer to open
   */
  signals[TOAST] =
    g_signal_new ("toast", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);
}

static void
par_context_init (ParContext *self)
{
}
