/* par-staff-contact.c: staff members with their email and phone, as staff add and staff list keep them
 *
 * The directory's dialogs keep names, positions and roles
 * (par-directory.c); the command line and the calendar export also need a
 * person's email, which an inspection's calendar entry invites.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "par-database-private.h"
#include "par-directory.h"
#include "par-staff-contact.h"

void
par_staff_entry_free (ParStaffEntry *entry)
{
  if (entry == NULL)
    return;
  g_free (entry->unit_code);
  g_free (entry->name);
  g_free (entry->position);
  g_free (entry->email);
  g_free (entry->phone);
  g_free (entry);
}

static gboolean
is_contact (const char *text)
{
  return text == NULL || (g_utf8_validate (text, -1, NULL) && strpbrk (text, "\t\r\n") == NULL);
}

/* Adds a staff member with an email and a phone (either NULL or ""): the
 * new id, or 0 with @error set and nothing added. */
gint64
par_directory_add_staff_contact (ParDatabase   *db,
                                 gint64         unit_id,
                                 const char    *full_name,
                                 const char    *position,
                                 ParStaffRole   role,
                                 const char    *email,
                                 const char    *phone,
                                 GError       **error)
{
  g_autofree char *clean_email = g_strstrip (g_strdup (email != NULL ? email : ""));
  g_autofree char *clean_phone = g_strstrip (g_strdup (phone != NULL ? phone : ""));
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GError) local_error = NULL;
  gint64 id;

  g_return_val_if_fail (PAR_IS_DATABASE (db), 0);

  if (!is_contact (clean_email) || !is_contact (clean_phone))
    {
      g_set_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID,
                   _("An email or phone number fits on one line, without tabs."));
      return 0;
    }
  id = par_directory_add_staff (db, unit_id, full_name, position, role, error);
  if (id == 0 || (*clean_email == '\0' && *clean_phone == '\0'))
    return id;
  stmt = par_database_prepare (db, "UPDATE staff SET email = ?, phone = ? WHERE id = ?", error);
  if (stmt != NULL)
    {
      par_sqlite_bind_text (stmt, 1, clean_email);
      par_sqlite_bind_text (stmt, 2, clean_phone);
      sqlite3_bind_int64 (stmt, 3, id);
    }
  if (stmt == NULL || !par_database_step_done (db, stmt, error))
    {
      /* Nothing half done: the person goes again. */
      par_directory_delete_staff (db, id, &local_error);
      return 0;
    }
  return id;
}

/* The staff of one unit, or of every unit with @unit_id 0, by id: a
 * GPtrArray of ParStaffEntry. */
GPtrArray *
par_directory_list_staff_entries (ParDatabase  *db,
                                  gint64        unit_id,
                                  GError      **error)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func ((GDestroyNotify) par_staff_entry_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (PAR_IS_DATABASE (db), NULL);

  stmt = par_database_prepare (db,
                               "SELECT s.id, s.unit_id, u.code, s.full_name, s.title, s.role, s.email, s.phone"
                               " FROM staff s JOIN org_unit u ON u.id = s.unit_id"
                               " WHERE ?1 = 0 OR s.unit_id = ?1 ORDER BY s.id",
                               error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, unit_id);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      ParStaffEntry *entry = g_new0 (ParStaffEntry, 1);

      entry->id = sqlite3_column_int64 (stmt, 0);
      entry->unit_id = sqlite3_column_int64 (stmt, 1);
      entry->unit_code = par_sqlite_column_dup (stmt, 2);
      entry->name = par_sqlite_column_dup (stmt, 3);
      entry->position = par_sqlite_column_dup (stmt, 4);
      entry->role = PAR_STAFF_ROLE_STAFF;
      par_staff_role_from_string ((const char *) sqlite3_column_text (stmt, 5), &entry->role);
      entry->email = par_sqlite_column_dup (stmt, 6);
      entry->phone = par_sqlite_column_dup (stmt, 7);
      g_ptr_array_add (entries, entry);
    }
  if (rc != SQLITE_DONE)
    {
      par_database_set_error (db, error);
      return NULL;
    }
  return g_steal_pointer (&entries);
}
