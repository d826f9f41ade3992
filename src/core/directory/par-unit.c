/* par-unit.c: an organisation unit of the directory
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "par-unit.h"

struct _ParUnit
{
  GObject      parent_instance;

  gint64       id;
  gint64       parent_id;
  char        *code;
  char        *name;
  ParUnitLevel level;
  guint        n_children;
};

G_DEFINE_TYPE (ParUnit, par_unit, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_CODE,
  PROP_NAME,
  PROP_LEVEL_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const level_names[PAR_N_UNIT_LEVELS] = {
  "province", "department", "district", "commune", "office",
};

const char *
par_unit_level_to_string (ParUnitLevel level)
{
  g_return_val_if_fail (level < PAR_N_UNIT_LEVELS, NULL);
  return level_names[level];
}

gboolean
par_unit_level_from_string (const char   *text,
                            ParUnitLevel *level)
{
  for (guint i = 0; i < PAR_N_UNIT_LEVELS; i++)
    if (g_strcmp0 (text, level_names[i]) == 0)
      {
        *level = i;
        return TRUE;
      }
  return FALSE;
}

const char *
par_unit_level_get_label (ParUnitLevel level)
{
  switch (level)
    {
    case PAR_UNIT_LEVEL_PROVINCE:
      return _("Province");
    case PAR_UNIT_LEVEL_DEPARTMENT:
      return _("Department");
    case PAR_UNIT_LEVEL_DISTRICT:
      return _("District");
    case PAR_UNIT_LEVEL_COMMUNE:
      return _("Commune");
    case PAR_UNIT_LEVEL_OFFICE:
      return _("Office");
    case PAR_N_UNIT_LEVELS:
    default:
      g_return_val_if_reached (NULL);
    }
}

ParUnit *
par_unit_new (gint64        id,
              gint64        parent_id,
              const char   *code,
              const char   *name,
              ParUnitLevel  level)
{
  ParUnit *self = g_object_new (PAR_TYPE_UNIT, NULL);

  self->id = id;
  self->parent_id = parent_id;
  self->code = g_strdup (code);
  self->name = g_strdup (name);
  self->level = level;
  return self;
}

gint64
par_unit_get_id (ParUnit *self)
{
  g_return_val_if_fail (PAR_IS_UNIT (self), 0);
  return self->id;
}

/* 0 for a unit at the top of the tree. */
gint64
par_unit_get_parent_id (ParUnit *self)
{
  g_return_val_if_fail (PAR_IS_UNIT (self), 0);
  return self->parent_id;
}

const char *
par_unit_get_code (ParUnit *self)
{
  g_return_val_if_fail (PAR_IS_UNIT (self), NULL);
  return self->code;
}

const char *
par_unit_get_name (ParUnit *self)
{
  g_return_val_if_fail (PAR_IS_UNIT (self), NULL);
  return self->name;
}

ParUnitLevel
par_unit_get_level (ParUnit *self)
{
  g_return_val_if_fail (PAR_IS_UNIT (self), PAR_UNIT_LEVEL_OFFICE);
  return self->level;
}

guint
par_unit_get_n_children (ParUnit *self)
{
  g_return_val_if_fail (PAR_IS_UNIT (self), 0);
  return self->n_children;
}

void
par_unit_set_n_children (ParUnit *self,
                         guint    n_children)
{
  g_return_if_fail (PAR_IS_UNIT (self));
  self->n_children = n_children;
}

static void
par_unit_finalize (GObject *object)
{
  ParUnit *self = PAR_UNIT (object);

  g_free (self->code);
  g_free (self->name);

  G_OBJECT_CLASS (par_unit_parent_class)->finalize (object);
}

static void
par_unit_get_property (GObject    *object,
                       guint       prop_id,
                       GValue     *value,
                       GParamSpec *pspec)
{
  ParUnit *self = PAR_UNIT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_CODE:
      g_value_set_string (value, self->code);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_LEVEL_LABEL:
      g_value_set_string (value, par_unit_level_get_label (self->level));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
par_unit_class_init (ParUnitClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = par_unit_finalize;
  object_class->get_property = par_unit_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CODE] =
    g_param_spec_string ("code", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_LEVEL_LABEL] =
    g_param_spec_string ("level-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
par_unit_init (ParUnit *self)
{
}
