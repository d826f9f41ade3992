/* par-staff-contact.h: staff members with their unit's code and their contact details, for lists and calendars
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "par-database.h"
#include "par-staff.h"

G_BEGIN_DECLS

typedef struct
{
  gint64        id;
  gint64        unit_id;
  char         *unit_code;
  char         *name;
  char         *position;
  ParStaffRole  role;
  char         *email;
  char         *phone;
} ParStaffEntry;

void       par_staff_entry_free             (ParStaffEntry *entry);

gint64     par_directory_add_staff_contact  (ParDatabase   *db,
                                             gint64         unit_id,
                                             const char    *full_name,
                                             const char    *position,
                                             ParStaffRole   role,
                                             const char    *email,
                                             const char    *phone,
                                             GError       **error);
GPtrArray *par_directory_list_staff_entries (ParDatabase   *db,
                                             gint64         unit_id,
                                             GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ParStaffEntry, par_staff_entry_free)

G_END_DECLS
