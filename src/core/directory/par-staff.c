/* par-staff.c: a staff member of a unit
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "par-staff.h"

struct _ParStaff
{
  GObject      parent_instance;

  gint64       id;
  gint64       unit_id;
  char        *full_name;
  char        *title;
  ParStaffRole role;
};

G_DEFINE_TYPE (ParStaff, par_staff, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FULL_NAME,
  PROP_TITLE,
  PROP_ROLE_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const role_names[PAR_N_STAFF_ROLES] = {
  "leader", "par-officer", "steering-member", "staff",
};

const char *
par_staff_role_to_string (ParStaffRole role)
{
  g_return_val_if_fail (role < PAR_N_STAFF_ROLES, NULL);
  return role_names[role];
}

gboolean
par_staff_role_from_string (const char   *text,
                            ParStaffRole *role)
{
  for (guint i = 0; i < PAR_N_STAFF_ROLES; i++)
    if (g_strcmp0 (text, role_names[i]) == 0)
      {
        *role = i;
        return TRUE;
      }
  return FALSE;
}

const char *
par_staff_role_get_label (ParStaffRole role)
{
  switch (role)
    {
    case PAR_STAFF_ROLE_LEADER:
      return _("Unit leader");
    case PAR_STAFF_ROLE_PAR_OFFICER:
      return _("Reform officer");
    case PAR_STAFF_ROLE_STEERING_MEMBER:
      return _("Steering committee member");
    case PAR_STAFF_ROLE_STAFF:
      return _("Staff member");
    case PAR_N_STAFF_ROLES:
    default:
      g_return_val_if_reached (NULL);
    }
}

ParStaff *
par_staff_new (gint64        id,
               gint64        unit_id,
               const char   *full_name,
               const char   *title,
               ParStaffRole  role)
{
  ParStaff *self = g_object_new (PAR_TYPE_STAFF, NULL);

  self->id = id;
  self->unit_id = unit_id;
  self->full_name = g_strdup (full_name);
  self->title = g_strdup (title);
  self->role = role;
  return self;
}

gint64
par_staff_get_id (ParStaff *self)
{
  g_return_val_if_fail (PAR_IS_STAFF (self), 0);
  return self->id;
}

gint64
par_staff_get_unit_id (ParStaff *self)
{
  g_return_val_if_fail (PAR_IS_STAFF (self), 0);
  return self->unit_id;
}

const char *
par_staff_get_full_name (ParStaff *self)
{
  g_return_val_if_fail (PAR_IS_STAFF (self), NULL);
  return self->full_name;
}

const char *
par_staff_get_title (ParStaff *self)
{
  g_return_val_if_fail (PAR_IS_STAFF (self), NULL);
  return self->title;
}

ParStaffRole
par_staff_get_role (ParStaff *self)
{
  g_return_val_if_fail (PAR_IS_STAFF (self), PAR_STAFF_ROLE_STAFF);
  return self->role;
}

static void
par_staff_finalize (GObject *object)
{
  ParStaff *self = PAR_STAFF (object);

  g_free (self->full_name);
  g_free (self->title);

  G_OBJECT_CLASS (par_staff_parent_class)->finalize (object);
}

static void
par_staff_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  ParStaff *self = PAR_STAFF (object);

  switch (prop_id)
    {
    case PROP_FULL_NAME:
      g_value_set_string (value, self->full_name);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_ROLE_LABEL:
      g_value_set_string (value, par_staff_role_get_label (self->role));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
par_staff_class_init (ParStaffClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = par_staff_finalize;
  object_class->get_property = par_staff_get_property;

  properties[PROP_FULL_NAME] =
    g_param_spec_string ("full-name", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ROLE_LABEL] =
    g_param_spec_string ("role-label", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
par_staff_init (ParStaff *self)
{
}
