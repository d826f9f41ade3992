/* par-application.c: the PAR Desk application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "par-application.h"
#include "par-core.h"
#include "par-preferences-window.h"
#include "par-window.h"


struct _ParApplication
{
  AdwApplication parent_instance;

  GSettings     *settings;
};

G_DEFINE_FINAL_TYPE (ParApplication, par_application, ADW_TYPE_APPLICATION)

ParApplication *
par_application_new (GApplicationFlags flags)
{
  return g_object_new (PAR_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "resource-base-path", "/io/github/pardesk/ParDesk",
                       "flags", flags | G_APPLICATION_HANDLES_OPEN,
                       NULL);
}

GSettings *
par_application_get_settings (ParApplication *self)
{
  g_return_val_if_fail (PAR_IS_APPLICATION (self), NULL);
  return self->settings;
}

static void
par_application_activate (GApplication *app)
{
  ParApplication *self = PAR_APPLICATION (app);
  g_autofree char *last = g_settings_get_string (self->settings, "last-file");
  g_autofree char *fallback = par_database_get_default_path ();
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  window = GTK_WINDOW (par_window_new (GTK_APPLICATION (self), self->settings));
  gtk_window_present (window);

  /* The last file, or on first start the default one, created if needed. */
  if (*last != '\0' && g_file_test (last, G_FILE_TEST_EXISTS))
    par_window_open_path (PAR_WINDOW (window), last, FALSE);
  else
    par_window_open_path (PAR_WINDOW (window), fallback, TRUE);
}

static void
par_application_open (GApplication  *app,
                       GFile        **files,
                       int            n_files,
                       const char    *hint)
{
  ParApplication *self = PAR_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);
      ParWindow *window = par_window_new (GTK_APPLICATION (self), self->settings);

      gtk_window_present (GTK_WINDOW (window));
      if (path != NULL)
        par_window_open_path (window, path, FALSE);
    }
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  ParApplication *self = user_data;
  static const char *developers[] = { "PAR Desk developers", NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (GTK_APPLICATION (self)),
                        "application-name", PACKAGE_NAME,
                        "application-icon", APPLICATION_ID,
                        "developer-name", _("PAR Desk developers"),
                        "developers", developers,
                        "version", PACKAGE_VERSION,
                        "comments", _("Keep the annual reform plan, score the PAR Index and keep its "
                                      "signed evidence, in one file on your computer."),
                        "website", "https://github.com/pardesk/par-desk",
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: your names, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  ParApplication *self = user_data;
  ParPreferencesWindow *window;

  window = par_preferences_window_new (gtk_application_get_active_window (GTK_APPLICATION (self)), self->settings);
  gtk_window_present (GTK_WINDOW (window));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  g_application_quit (G_APPLICATION (user_data));
}

static const GActionEntry app_actions[] = {
  { "about", about_action },
  { "preferences", preferences_action },
  { "quit", quit_action },
};

static void
par_application_startup (GApplication *app)
{
  ParApplication *self = PAR_APPLICATION (app);
  static const struct
  {
    const char *action;
    const char *accels[3];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.new", { "<Control>n", NULL } },
    { "win.open", { "<Control>o", NULL } },
    { "win.save-copy", { "<Control><Shift>s", NULL } },
    { "win.show-view::plan", { "<Alt>1", NULL } },
    { "win.show-view::index", { "<Alt>2", NULL } },
    { "win.show-view::inspections", { "<Alt>3", NULL } },
    { "win.show-view::evidence", { "<Alt>4", NULL } },
    { "win.show-view::directory", { "<Alt>5", NULL } },
  };

  G_APPLICATION_CLASS (par_application_parent_class)->startup (app);

  self->settings = g_settings_new (APPLICATION_ID);
  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  for (gsize i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action, accels[i].accels);
}

static void
par_application_finalize (GObject *object)
{
  ParApplication *self = PAR_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (par_application_parent_class)->finalize (object);
}

static void
par_application_class_init (ParApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = par_application_finalize;
  app_class->activate = par_application_activate;
  app_class->open = par_application_open;
  app_class->startup = par_application_startup;
}

static void
par_application_init (ParApplication *self)
{
}
