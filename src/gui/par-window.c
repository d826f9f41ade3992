/* par-window.c: the main window, showing one PAR Desk file
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "par-check-dialog.h"
#include "par-directory-view.h"
#include "par-evidence-view.h"
#include "par-file-chooser.h"
#include "par-index-view.h"
#include "par-inspection-dialog.h"
#include "par-inspections-view.h"
#include "par-plan-view.h"
#include "par-window.h"

/* How long an edit made in the window waits for another program. */
#define WINDOW_PATIENCE_MS 300
#define MAX_RECENT_FILES 10

struct _ParWindow
{
  AdwApplicationWindow parent_instance;

  ParContext          *context;      /* handed to the views and dialogs */
  ParDatabase         *database;
  GCancellable        *cancellable;

  /* template children */
  AdwToastOverlay     *toast_overlay;
  GtkRevealer         *waiting_revealer;
  GtkSpinner          *waiting_spinner;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewStack        *stack;
  GtkLabel            *file_label;
  ParDirectoryView    *directory_view;
  ParPlanView         *plan_view;
  ParInspectionsView  *inspections_view;   /* its ::add-requested and ::edit-requested open the inspection dialog */
  ParIndexView        *index_view;
  ParEvidenceView     *evidence_view;
  GMenu               *recent_menu;
};

G_DEFINE_FINAL_TYPE (ParWindow, par_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void update_recent_menu (ParWindow *self);

/* Window size and recent files follow the settings. (Not in constructed:
 * GtkWindow:application is set only after it.) */
static void
bind_settings (ParWindow *self)
{
  GSettings *settings = par_context_get_settings (self->context);

  g_settings_bind (settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (settings, "changed::recent-files", G_CALLBACK (update_recent_menu), self,
                           G_CONNECT_SWAPPED);
  update_recent_menu (self);
}

ParDatabase *
par_window_get_database (ParWindow *self)
{
  g_return_val_if_fail (PAR_IS_WINDOW (self), NULL);
  return self->database;
}

void
par_window_show_view (ParWindow  *self,
                      const char *name)
{
  g_return_if_fail (PAR_IS_WINDOW (self));
  adw_view_stack_set_visible_child_name (self->stack, name);
}

/* Every error reaches the user here: a dialog that says what happened and
 * (in the error's message) what to do. */
void
par_window_show_error (ParWindow    *self,
                       const char   *heading,
                       const GError *error)
{
  GtkWidget *dialog;

  g_return_if_fail (PAR_IS_WINDOW (self));

  g_debug ("%s: %s", heading, error != NULL ? error->message : "");
  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, error != NULL ? error->message : NULL);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
open_file_clicked (AdwToast *toast,
                   gpointer  user_data)
{
  const char *path = g_object_get_data (G_OBJECT (toast), "path");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *uri = g_file_get_uri (file);

  g_app_info_launch_default_for_uri_async (uri, NULL, NULL, NULL, NULL);
}

/* A short message; about a file just written (@path), with a button that
 * opens it. */
void
par_window_show_toast (ParWindow  *self,
                       const char *message,
                       const char *path)
{
  AdwToast *toast;

  g_return_if_fail (PAR_IS_WINDOW (self));

  toast = adw_toast_new (message);
  if (path != NULL)
    {
      adw_toast_set_button_label (toast, _("_Open"));
      adw_toast_set_timeout (toast, 8);
      g_object_set_data_full (G_OBJECT (toast), "path", g_strdup (path), g_free);
      g_signal_connect (toast, "button-clicked", G_CALLBACK (open_file_clicked), NULL);
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
context_error (ParWindow    *self,
               const char   *heading,
               const GError *error)
{
  par_window_show_error (self, heading, error);
}

static void
context_toast (ParWindow  *self,
               const char *message,
               const char *path)
{
  par_window_show_toast (self, message, path);
}

/* Edits wait for another program to free the file: a bar says so. */
static void
context_waiting (ParWindow *self)
{
  gboolean waiting = par_context_get_waiting_for_file (self->context);

  gtk_revealer_set_reveal_child (self->waiting_revealer, waiting);
  gtk_spinner_set_spinning (self->waiting_spinner, waiting);
}

/* A window of @app; its size, recent files and preferences are kept in @settings. */
/* The Inspections view asks; the window opens the inspection dialog on its
 * file, and shows what was saved. */
static void
inspection_saved (ParWindow *self,
                  gint64     inspection_id)
{
  par_inspections_view_select (self->inspections_view, inspection_id);
}

static void
open_inspection_dialog (ParWindow   *self,
                        gint64       inspection_id,
                        const GDate *first_day)
{
  ParInspectionDialog *dialog;

  if (self->database == NULL)
    return;
  dialog = par_inspection_dialog_new (GTK_WINDOW (self), self->database, inspection_id, first_day);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (inspection_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
inspection_add_requested (ParWindow   *self,
                          const GDate *first_day)
{
  open_inspection_dialog (self, 0, first_day);
}

static void
inspection_edit_requested (ParWindow *self,
                           gint64     inspection_id)
{
  open_inspection_dialog (self, inspection_id, NULL);
}

ParWindow *
par_window_new (GtkApplication *app,
                GSettings      *settings)
{
  ParWindow *self;

  g_return_val_if_fail (GTK_IS_APPLICATION (app), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (PAR_TYPE_WINDOW, "application", app, NULL);
  self->context = par_context_new (settings);
  g_signal_connect_object (self->context, "error", G_CALLBACK (context_error), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "toast", G_CALLBACK (context_toast), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->context, "notify::waiting-for-file", G_CALLBACK (context_waiting), self,
                           G_CONNECT_SWAPPED);
  par_directory_view_set_context (self->directory_view, self->context);
  par_plan_view_set_context (self->plan_view, self->context);
  par_inspections_view_set_context (self->inspections_view, self->context);
  g_signal_connect_object (self->inspections_view, "add-requested", G_CALLBACK (inspection_add_requested), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->inspections_view, "edit-requested", G_CALLBACK (inspection_edit_requested), self,
                           G_CONNECT_SWAPPED);
  par_index_view_set_context (self->index_view, self->context);
  par_evidence_view_set_context (self->evidence_view, self->context);
  bind_settings (self);
  return self;
}

/* The context every view and dialog of this window shares. */
ParContext *
par_window_get_context (ParWindow *self)
{
  g_return_val_if_fail (PAR_IS_WINDOW (self), NULL);
  return self->context;
}

static void
update_recent_menu (ParWindow *self)
{
  g_auto(GStrv) recent = g_settings_get_strv (par_context_get_settings (self->context), "recent-files");

  g_menu_remove_all (self->recent_menu);
  for (guint i = 0; recent[i] != NULL; i++)
    {
      g_autofree char *name = g_path_get_basename (recent[i]);
      g_autoptr(GMenuItem) item = g_menu_item_new (name, NULL);

      g_menu_item_set_action_and_target (item, "win.open-recent", "s", recent[i]);
      g_menu_append_item (self->recent_menu, item);
    }
}

/* Puts @path first in the recent files and remembers it as the file to open
 * on the next start. */
static void
remember_recent_file (GSettings  *settings,
                      const char *path)
{
  g_auto(GStrv) old = g_settings_get_strv (settings, "recent-files");
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) recent = NULL;
  guint n = 1;

  g_strv_builder_add (builder, path);
  for (guint i = 0; old[i] != NULL && n < MAX_RECENT_FILES; i++)
    if (g_strcmp0 (old[i], path) != 0)
      {
        g_strv_builder_add (builder, old[i]);
        n++;
      }
  recent = g_strv_builder_end (builder);
  g_settings_set_strv (settings, "recent-files", (const char * const *) recent);
  g_settings_set_string (settings, "last-file", path);
}

static void
set_database (ParWindow   *self,
              ParDatabase *database)
{
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  if (!g_set_object (&self->database, database))
    return;

  /* The window's edits never wait for the log to be copied into the file. */
  par_database_checkpoint_in_background (database);
  /* The interface does not stop for another program holding the file:
   * after a short wait, an edit is kept and saved later (ParEditQueue). */
  par_database_set_patience (database, WINDOW_PATIENCE_MS);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-copy", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.check-file", TRUE);
  name = g_path_get_basename (par_database_get_path (database));
  adw_view_switcher_title_set_subtitle (self->switcher_title, name);
  /* The file's name stays in sight: the view switcher covers the title. */
  gtk_label_set_text (self->file_label, name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->file_label), par_database_get_path (database));
  title = g_strdup_printf ("%s – %s", name, PACKAGE_NAME);
  gtk_window_set_title (GTK_WINDOW (self), title);
  par_context_set_database (self->context, database);
  remember_recent_file (par_context_get_settings (self->context), par_database_get_path (database));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATABASE]);

  if (par_database_get_backup_path (database) != NULL)
    {
      g_autofree char *message =
        g_strdup_printf (_("The file was updated for this version. A copy of the old file was kept as "
                           "“%s”."),
                         par_database_get_backup_path (database));
      par_window_show_toast (self, message, NULL);
    }
}

typedef struct
{
  ParWindow *window;
  char      *path;
  gboolean   create;
} OpenRequest;

static void
open_request_free (OpenRequest *request)
{
  g_object_unref (request->window);
  g_free (request->path);
  g_free (request);
}

static void
open_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  OpenRequest *request = user_data;
  ParWindow *self = request->window;
  g_autoptr(ParDatabase) database = NULL;
  g_autoptr(GError) error = NULL;

  database = par_database_open_finish (result, &error);
  if (database != NULL)
    set_database (self, database);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *heading = NULL;
      g_autofree char *name = g_path_get_basename (request->path);

      heading = g_strdup_printf (_("“%s” could not be opened"), name);
      par_window_show_error (self, heading, error);
    }
  open_request_free (request);
}

/* Opens a file in this window; the current one stays open until the new
 * one is ready, and stays if it fails. */
void
par_window_open_path (ParWindow  *self,
                      const char *path,
                      gboolean    create)
{
  OpenRequest *request;

  g_return_if_fail (PAR_IS_WINDOW (self));
  g_return_if_fail (path != NULL);

  request = g_new0 (OpenRequest, 1);
  request->window = g_object_ref (self);
  request->path = g_strdup (path);
  request->create = create;
  par_database_open_async (path, create ? PAR_DATABASE_OPEN_CREATE : PAR_DATABASE_OPEN_EXISTING,
                           self->cancellable, open_done, request);
}

typedef enum { CHOOSE_NEW, CHOOSE_OPEN, CHOOSE_COPY } ChooseKind;

typedef struct
{
  ParWindow  *window;
  ChooseKind  kind;
} ChooseRequest;

static void
save_copy_done (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(ParWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!par_database_save_copy_finish (PAR_DATABASE (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        par_window_show_error (self, _("The copy could not be saved"), error);
      return;
    }
  par_window_show_toast (self, _("Copy saved"), NULL);
}

/* A new file's name always ends in .pardesk, and is not an existing file's. */
static char *
new_file_path (ParWindow  *self,
               const char *chosen)
{
  g_autofree char *path = g_str_has_suffix (chosen, ".pardesk") ? g_strdup (chosen)
                                                                : g_strconcat (chosen, ".pardesk", NULL);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GError) error =
        g_error_new (PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_REFUSED,
                     _("A file with this name already exists. Choose another name, or use Open "
                       "to work in the existing file."));
      par_window_show_error (self, _("The new file was not created"), error);
      return NULL;
    }
  return g_steal_pointer (&path);
}

static void
file_chosen (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autofree ChooseRequest *request = user_data;
  g_autoptr(ParWindow) self = request->window;
  g_autofree char *path = par_file_chooser_run_finish_path (result, NULL);
  g_autofree char *new_path = NULL;

  if (path == NULL)
    return;
  switch (request->kind)
    {
    case CHOOSE_NEW:
      new_path = new_file_path (self, path);
      if (new_path != NULL)
        par_window_open_path (self, new_path, TRUE);
      break;
    case CHOOSE_OPEN:
      par_window_open_path (self, path, FALSE);
      break;
    case CHOOSE_COPY:
      if (self->database != NULL)
        par_database_save_copy_async (self->database, path, self->cancellable, save_copy_done,
                                      g_object_ref (self));
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
choose_file (ParWindow  *self,
             ChooseKind  kind)
{
  static const struct
  {
    const char         *title;
    const char         *accept;
    ParFileChooserMode  mode;
  } kinds[] = {
    [CHOOSE_NEW] = { N_("New PAR Desk File"), N_("_Create"), PAR_FILE_CHOOSER_SAVE },
    [CHOOSE_OPEN] = { N_("Open PAR Desk File"), N_("_Open"), PAR_FILE_CHOOSER_OPEN },
    [CHOOSE_COPY] = { N_("Save a Copy"), N_("_Save"), PAR_FILE_CHOOSER_SAVE },
  };
  static const char * const patterns[] = { "*.pardesk", NULL };
  g_autoptr(ParFileChooser) chooser = par_file_chooser_new (kinds[kind].mode, _(kinds[kind].title),
                                                            _(kinds[kind].accept));
  ChooseRequest *request = g_new0 (ChooseRequest, 1);

  par_file_chooser_add_filter (chooser, _("PAR Desk files"), "application/x-pardesk", patterns);
  if (kind == CHOOSE_NEW)
    par_file_chooser_set_current_name (chooser, _("Reform work.pardesk"));
  else if (kind == CHOOSE_COPY && self->database != NULL)
    {
      g_autofree char *base = g_path_get_basename (par_database_get_path (self->database));
      g_autofree char *stem = g_strndup (base, strlen (base) - (g_str_has_suffix (base, ".pardesk") ? 8 : 0));
      /* Translators: the name offered for a copy; %s is the file's name without .pardesk */
      g_autofree char *name = g_strdup_printf (_("%s (copy).pardesk"), stem);

      par_file_chooser_set_current_name (chooser, name);
    }
  request->window = g_object_ref (self);
  request->kind = kind;
  par_file_chooser_run_async (chooser, GTK_WINDOW (self), file_chosen, request);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  choose_file (PAR_WINDOW (widget), CHOOSE_NEW);
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  choose_file (PAR_WINDOW (widget), CHOOSE_OPEN);
}

static void
save_copy_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  choose_file (PAR_WINDOW (widget), CHOOSE_COPY);
}

/* Checks the open file, every kept document's bytes included. */
static void
check_file_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  ParWindow *self = PAR_WINDOW (widget);
  ParDatabase *db = par_window_get_database (self);

  if (db != NULL)
    gtk_window_present (GTK_WINDOW (par_check_dialog_new (GTK_WINDOW (self), par_database_get_path (db))));
}

static void
open_recent_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  par_window_open_path (PAR_WINDOW (widget), g_variant_get_string (parameter, NULL), FALSE);
}

static void
show_view_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  par_window_show_view (PAR_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* Opens the PAR Index on one item: its set, the unit's scores, the item's
 * row and pane. A plan task's pane asks, for an item the task serves. */
static void
show_index_item_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  ParWindow *self = PAR_WINDOW (widget);
  gint64 set_id, unit_id;
  const char *code;

  g_variant_get (parameter, "(xx&s)", &set_id, &unit_id, &code);
  par_window_show_view (self, "index");
  if (par_index_view_select (self->index_view, set_id, unit_id))
    par_index_view_focus_item (self->index_view, code, PAR_SCORE_SELF);
}

static void
par_window_dispose (GObject *object)
{
  ParWindow *self = PAR_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), PAR_TYPE_WINDOW);

  G_OBJECT_CLASS (par_window_parent_class)->dispose (object);
}

static void
par_window_finalize (GObject *object)
{
  ParWindow *self = PAR_WINDOW (object);

  g_clear_object (&self->database);
  g_clear_object (&self->context);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (par_window_parent_class)->finalize (object);
}

static void
par_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  ParWindow *self = PAR_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_object (value, self->database);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
par_window_class_init (ParWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = par_window_dispose;
  object_class->finalize = par_window_finalize;
  object_class->get_property = par_window_get_property;

  properties[PROP_DATABASE] =
    g_param_spec_object ("database", NULL, NULL, PAR_TYPE_DATABASE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (PAR_TYPE_DIRECTORY_VIEW);
  g_type_ensure (PAR_TYPE_PLAN_VIEW);
  g_type_ensure (PAR_TYPE_INSPECTIONS_VIEW);
  g_type_ensure (PAR_TYPE_INDEX_VIEW);
  g_type_ensure (PAR_TYPE_EVIDENCE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/pardesk/ParDesk/ui/par-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ParWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, ParWindow, waiting_revealer);
  gtk_widget_class_bind_template_child (widget_class, ParWindow, waiting_spinner);
  gtk_widget_class_bind_template_child (widget_class, ParWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, ParWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, ParWindow, file_label);
  gtk_widget_class_bind_template_child (widget_class, ParWindow, directory_view);
  gtk_widget_class_bind_template_child (widget_class, ParWindow, plan_view);
  gtk_widget_class_bind_template_child (widget_class, ParWindow, inspections_view);
  gtk_widget_class_bind_template_child (widget_class, ParWindow, index_view);
  gtk_widget_class_bind_template_child (widget_class, ParWindow, evidence_view);
  gtk_widget_class_bind_template_child (widget_class, ParWindow, recent_menu);

  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "win.open", NULL, open_action);
  gtk_widget_class_install_action (widget_class, "win.save-copy", NULL, save_copy_action);
  gtk_widget_class_install_action (widget_class, "win.check-file", NULL, check_file_action);
  gtk_widget_class_install_action (widget_class, "win.open-recent", "s", open_recent_action);
  gtk_widget_class_install_action (widget_class, "win.show-view", "s", show_view_action);
  gtk_widget_class_install_action (widget_class, "win.show-index-item", "(xxs)", show_index_item_action);
}

static void
par_window_init (ParWindow *self)
{
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-copy", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.check-file", FALSE);
}
