/* par-preferences-window.c: the application's preferences
 *
 * Each row is bound to its GSettings key: a change applies at once, to
 * every window, and there is nothing to save. With a file open in the
 * parent window, more pages hold the file's public holidays and the
 * issuers it trusts.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "par-holidays-page.h"
#include "par-preferences-window.h"
#include "par-trust-page.h"
#include "par-window.h"

struct _ParPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  GSettings           *settings;
  ParHolidaysPage     *holidays_page;   /* NULL without a file */
  ParTrustPage        *trust_page;      /* NULL without a file */

  /* template children */
  GtkSpinButton       *size_limit_spin;
};

G_DEFINE_FINAL_TYPE (ParPreferencesWindow, par_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The spin button allows what the schema allows (the range is written
 * once, there), so a typed value out of range is clamped, not refused. */
static void
set_range_from_schema (GtkSpinButton *spin,
                       GSettings     *settings,
                       const char    *key)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettingsSchemaKey) schema_key = NULL;
  g_autoptr(GVariant) range = NULL;
  g_autoptr(GVariant) limits = NULL;
  const char *kind;
  gint32 min, max;

  g_object_get (settings, "settings-schema", &schema, NULL);
  schema_key = g_settings_schema_get_key (schema, key);
  range = g_settings_schema_key_get_range (schema_key);
  g_variant_get (range, "(&sv)", &kind, &limits);
  if (g_str_equal (kind, "range"))
    g_variant_get (limits, "(ii)", &min, &max);
  else
    min = 1, max = G_MAXINT32;
  gtk_spin_button_set_range (spin, min, max);
}

static void
par_preferences_window_constructed (GObject *object)
{
  ParPreferencesWindow *self = PAR_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (par_preferences_window_parent_class)->constructed (object);

  set_range_from_schema (self->size_limit_spin, self->settings, "evidence-size-limit-mb");
  g_settings_bind (self->settings, "evidence-size-limit-mb", self->size_limit_spin, "value",
                   G_SETTINGS_BIND_DEFAULT);
}

ParPreferencesWindow *
par_preferences_window_new (GtkWindow *parent,
                            GSettings *settings)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  ParPreferencesWindow *self;

  self = g_object_new (PAR_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "settings", settings,
                       NULL);
  /* the holidays belong to the file, not to the settings */
  if (PAR_IS_WINDOW (parent) && par_window_get_database (PAR_WINDOW (parent)) != NULL)
    {
      self->holidays_page = par_holidays_page_new (par_window_get_database (PAR_WINDOW (parent)));
      adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (self->holidays_page));
      self->trust_page = par_trust_page_new (par_window_get_database (PAR_WINDOW (parent)));
      adw_preferences_window_add (ADW_PREFERENCES_WINDOW (self), ADW_PREFERENCES_PAGE (self->trust_page));
      gtk_window_set_default_size (GTK_WINDOW (self), 640, 720);
    }
  return self;
}

AdwPreferencesPage *
par_preferences_window_get_holidays_page (ParPreferencesWindow *self)
{
  g_return_val_if_fail (PAR_IS_PREFERENCES_WINDOW (self), NULL);
  return self->holidays_page != NULL ? ADW_PREFERENCES_PAGE (self->holidays_page) : NULL;
}

AdwPreferencesPage *
par_preferences_window_get_trust_page (ParPreferencesWindow *self)
{
  g_return_val_if_fail (PAR_IS_PREFERENCES_WINDOW (self), NULL);
  return self->trust_page != NULL ? ADW_PREFERENCES_PAGE (self->trust_page) : NULL;
}

static void
par_preferences_window_dispose (GObject *object)
{
  ParPreferencesWindow *self = PAR_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), PAR_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (par_preferences_window_parent_class)->dispose (object);
}

static void
par_preferences_window_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  ParPreferencesWindow *self = PAR_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
par_preferences_window_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  ParPreferencesWindow *self = PAR_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
par_preferences_window_class_init (ParPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = par_preferences_window_constructed;
  object_class->dispose = par_preferences_window_dispose;
  object_class->set_property = par_preferences_window_set_property;
  object_class->get_property = par_preferences_window_get_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/pardesk/ParDesk/ui/par-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, ParPreferencesWindow, size_limit_spin);
}

static void
par_preferences_window_init (ParPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
