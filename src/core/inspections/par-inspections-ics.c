/* par-inspections-ics.c: a year's inspections as an iCalendar file that calendar programs import
 *
 * libical builds the calendar and escapes its TEXT values; one all-day
 * VEVENT per inspection that starts in the year, cancelled ones too, so
 * that a calendar that imported an earlier export updates them. An
 * event's UID is the inspection's id with the file's random identifier
 * (meta key file-uid, made by migration 0006): the same in every export
 * of the file, different from any other file's (docs/inspection-files.md).
 *
 * libical's own line folding is not used as it comes: libical 3.0.16
 * keeps UTF-8 characters whole, but when a line's last fold falls at its
 * very end it folds between the CR and the LF ("\r\r\n \n"), which no
 * reader takes as a line end. par_ics_fold_lines() unfolds what libical
 * wrote and folds it again: every line at most 75 octets, CRLF, never
 * inside a UTF-8 character.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <libical/ical.h>
#include <time.h>

#include "par-database-private.h"
#include "par-file-guard.h"
#include "par-inspections-export.h"
#include "par-inspections.h"

/* RFC 5545 §3.1: "Lines of text SHOULD NOT be longer than 75 octets". */
#define LINE_OCTETS 75

/* What a file-uid must look like to be used (migration 0006 writes 32 hex digits). */
#define MIN_FILE_UID 8
#define MAX_FILE_UID 64

G_DEFINE_AUTOPTR_CLEANUP_FUNC (icalcomponent, icalcomponent_free)

/* The octets of a fold of @line from @start: at most @limit, never ending
 * inside a UTF-8 character. */
static gsize
fold_length (const char *line,
             gsize       start,
             gsize       length,
             gsize       limit)
{
  gsize end;

  if (length - start <= limit)
    return length - start;
  end = start + limit;
  while (end > start && ((guchar) line[end] & 0xC0) == 0x80)
    end--;
  /* Not UTF-8 at all: cut where the octets say rather than loop. */
  return end > start ? end - start : limit;
}

static void
append_folded (GString    *out,
               const char *line,
               gsize       length)
{
  gsize start = 0;
  gboolean first = TRUE;

  while (start < length || first)
    {
      gsize n = fold_length (line, start, length, first ? LINE_OCTETS : LINE_OCTETS - 1);

      if (!first)
        g_string_append_c (out, ' ');
      g_string_append_len (out, line + start, n);
      g_string_append (out, "\r\n");
      start += n;
      first = FALSE;
    }
}

/**
 * par_ics_fold_lines:
 * @text: iCalendar text, folded or not, lines ended by CRLF or LF
 *
 * Unfolds @text (a line break followed by a space or tab joins two lines;
 * stray CRs at a line's end are dropped) and folds each content line again
 * so that no line is longer than 75 octets and no fold falls inside a UTF-8
 * character; every line, the last one too, ends with CRLF.
 *
 * Returns: (transfer full): the folded text
 */
char *
par_ics_fold_lines (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  g_autoptr(GString) logical = g_string_new (NULL);
  GString *out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = lines[i];
      gsize length = strlen (line);

      while (length > 0 && line[length - 1] == '\r')
        line[--length] = '\0';
      if (line[0] == ' ' || line[0] == '\t')
        {
          g_string_append (logical, line + 1);
          continue;
        }
      if (logical->len > 0)
        append_folded (out, logical->str, logical->len);
      g_string_assign (logical, line);
    }
  if (logical->len > 0)
    append_folded (out, logical->str, logical->len);
  return g_string_free (out, FALSE);
}

/* @text from the file made fit for a TEXT value: valid UTF-8, line breaks
 * as LF (or spaces when @one_line), no other control character. */
static char *
clean_text (const char *text,
            gboolean    one_line)
{
  g_autofree char *valid = g_utf8_make_valid (text != NULL ? text : "", -1);
  GString *clean = g_string_new (NULL);

  for (const char *p = valid; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '\r' && p[1] == '\n')
        continue;
      if (c == '\r' || c == '\n')
        g_string_append_c (clean, one_line ? ' ' : '\n');
      else if (c < 0x20 || c == 0x7F)
        g_string_append_c (clean, ' ');
      else
        g_string_append_c (clean, (char) c);
    }
  return g_strstrip (g_string_free (clean, FALSE));
}

/* An email that makes a mailto: URI as it is: one @, no space, nothing a
 * URI or a calendar program would choke on. */
static gboolean
is_plain_email (const char *email)
{
  const char *at;

  if (email == NULL || *email == '\0' || strlen (email) > 254)
    return FALSE;
  for (const char *p = email; *p != '\0'; p++)
    if ((guchar) *p <= 0x20 || (guchar) *p >= 0x7F || strchr ("\"<>\\,;:()[]", *p) != NULL)
      return FALSE;
  at = strchr (email, '@');
  return at != NULL && at != email && at[1] != '\0' && strchr (at + 1, '@') == NULL;
}

static gboolean
is_file_uid (const char *text)
{
  gsize length = text != NULL ? strlen (text) : 0;

  if (length < MIN_FILE_UID || length > MAX_FILE_UID)
    return FALSE;
  for (gsize i = 0; i < length; i++)
    if (!g_ascii_isalnum (text[i]) && text[i] != '-')
      return FALSE;
  return TRUE;
}

static char *
read_file_uid (ParDatabase  *db,
               GError      **error)
{
  g_autoptr(sqlite3_stmt) stmt = par_database_prepare (db, "SELECT value FROM meta WHERE key = 'file-uid'", error);
  int rc;

  if (stmt == NULL)
    return NULL;
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return par_sqlite_column_dup (stmt, 0);
  if (rc != SQLITE_DONE)
    {
      par_database_set_error (db, error);
      return NULL;
    }
  return g_strdup ("");
}

/* The file's random identifier; made anew if the file lost it or holds
 * something else there (its events then get new UIDs, once). */
static char *
get_file_uid (ParDatabase  *db,
              GError      **error)
{
  g_autofree char *uid = read_file_uid (db, error);

  if (uid == NULL || is_file_uid (uid))
    return g_steal_pointer (&uid);
  if (par_database_is_read_only (db))
    {
      g_set_error (error, PAR_INSPECTIONS_EXPORT_ERROR, PAR_INSPECTIONS_EXPORT_ERROR_FAILED,
                   _("The file has no identifier for its calendar entries, and it is open read-only. Open it "
                     "once where it can be changed, then export the calendar again."));
      return NULL;
    }
  if (!par_database_exec (db, "INSERT OR REPLACE INTO meta (key, value) VALUES ('file-uid', lower (hex (randomblob (16))))",
                          error))
    return NULL;
  g_free (uid);
  uid = read_file_uid (db, error);
  return g_steal_pointer (&uid);
}

static struct icaltimetype
all_day (const GDate *date)
{
  struct icaltimetype day = icaltime_null_date ();

  day.year = g_date_get_year (date);
  day.month = g_date_get_month (date);
  day.day = g_date_get_day (date);
  day.is_date = 1;
  return day;
}

/* The scope, then one line per team member: "Trưởng đoàn: Lê Quang Minh". */
static char *
describe (const ParInspection *inspection)
{
  g_autofree char *scope = clean_text (inspection->scope, FALSE);
  GString *text = g_string_new (scope);

  for (guint i = 0; i < inspection->team->len; i++)
    {
      ParTeamMember *member = g_ptr_array_index (inspection->team, i);
      g_autofree char *name = clean_text (member->name, TRUE);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append_printf (text, "%s: %s", par_team_role_get_label (member->role), name);
    }
  return g_string_free (text, FALSE);
}

static void
add_attendees (icalcomponent       *event,
               const ParInspection *inspection)
{
  for (guint i = 0; i < inspection->team->len; i++)
    {
      ParTeamMember *member = g_ptr_array_index (inspection->team, i);
      g_autofree char *email = g_strstrip (g_strdup (member->email != NULL ? member->email : ""));
      g_autofree char *address = NULL;
      g_autofree char *name = NULL;
      icalproperty *attendee;

      if (!is_plain_email (email))
        continue;
      address = g_strconcat ("mailto:", email, NULL);
      name = clean_text (member->name, TRUE);
      attendee = icalproperty_new_attendee (address);
      icalproperty_add_parameter (attendee, icalparameter_new_cn (name));
      icalproperty_add_parameter (attendee, icalparameter_new_role (member->role == PAR_TEAM_ROLE_LEADER
                                                                    ? ICAL_ROLE_CHAIR : ICAL_ROLE_REQPARTICIPANT));
      icalcomponent_add_property (event, attendee);
    }
}

static icalcomponent *
make_event (const ParInspection *inspection,
            const char          *file_uid,
            struct icaltimetype  stamp)
{
  icalcomponent *event = icalcomponent_new (ICAL_VEVENT_COMPONENT);
  g_autofree char *uid = g_strdup_printf ("inspection-%" G_GINT64_FORMAT "-%s@par-desk", inspection->id, file_uid);
  g_autofree char *unit = clean_text (inspection->unit_name, TRUE);
  g_autofree char *title = clean_text (inspection->title, TRUE);
  g_autofree char *summary = *unit != '\0' ? g_strdup_printf ("%s: %s", unit, title) : g_strdup (title);
  g_autofree char *description = describe (inspection);
  GDate end = inspection->last;

  /* The end is exclusive: the day after the last (a file's last before its first counts as one day). */
  if (!g_date_valid (&end) || g_date_compare (&end, &inspection->first) < 0)
    end = inspection->first;
  g_date_add_days (&end, 1);
  icalcomponent_add_property (event, icalproperty_new_uid (uid));
  icalcomponent_add_property (event, icalproperty_new_dtstamp (stamp));
  icalcomponent_add_property (event, icalproperty_new_dtstart (all_day (&inspection->first)));
  icalcomponent_add_property (event, icalproperty_new_dtend (all_day (&end)));
  icalcomponent_add_property (event, icalproperty_new_summary (summary));
  if (*unit != '\0')
    icalcomponent_add_property (event, icalproperty_new_location (unit));
  if (*description != '\0')
    icalcomponent_add_property (event, icalproperty_new_description (description));
  icalcomponent_add_property (event, icalproperty_new_status (inspection->cancelled ? ICAL_STATUS_CANCELLED
                                                                                    : ICAL_STATUS_CONFIRMED));
  icalcomponent_add_property (event, icalproperty_new_transp (ICAL_TRANSP_OPAQUE));
  add_attendees (event, inspection);
  return event;
}

/* The calendar of @inspections as iCalendar text, folded. */
static char *
make_calendar (GPtrArray  *inspections,
               const char *file_uid)
{
  g_autoptr(icalcomponent) calendar = icalcomponent_new (ICAL_VCALENDAR_COMPONENT);
  struct icaltimetype stamp = icaltime_from_timet_with_zone (time (NULL), 0, icaltimezone_get_utc_timezone ());
  char *text;
  char *folded;

  icalcomponent_add_property (calendar, icalproperty_new_version ("2.0"));
  icalcomponent_add_property (calendar, icalproperty_new_prodid ("-//PAR Desk//PAR Desk " PACKAGE_VERSION "//EN"));
  icalcomponent_add_property (calendar, icalproperty_new_calscale ("GREGORIAN"));
  icalcomponent_add_property (calendar, icalproperty_new_method (ICAL_METHOD_PUBLISH));
  for (guint i = 0; i < inspections->len; i++)
    {
      ParInspection *inspection = g_ptr_array_index (inspections, i);

      /* A day the file garbled cannot be put in a calendar. */
      if (g_date_valid (&inspection->first))
        icalcomponent_add_component (calendar, make_event (inspection, file_uid, stamp));
    }
  text = icalcomponent_as_ical_string_r (calendar);
  folded = par_ics_fold_lines (text);
  icalmemory_free_buffer (text);
  return folded;
}

/* Writes @text beside @path and renames it into place, durably. */
static gboolean
write_file (const char  *path,
            const char  *text,
            GError     **error)
{
  g_autofree char *partial = g_strconcat (path, ".part", NULL);
  g_autoptr(GError) local_error = NULL;

  g_unlink (partial);
  if (!g_file_set_contents_full (partial, text, -1, G_FILE_SET_CONTENTS_NONE, 0666, &local_error))
    {
      g_unlink (partial);
      g_set_error (error, PAR_INSPECTIONS_EXPORT_ERROR, PAR_INSPECTIONS_EXPORT_ERROR_FAILED,
                   _("The calendar could not be written to “%s” (%s). Check that the folder exists, that you "
                     "may write to it and that the disk is not full."),
                   path, local_error->message);
      return FALSE;
    }
  return par_file_commit (partial, path, error);
}

/* The inspections that start in @year, as an iCalendar file at @path, in
 * the UI language (the role names of the descriptions). */
gboolean
par_inspections_export_ics (ParDatabase  *db,
                            int           year,
                            const char   *path,
                            GError      **error)
{
  g_autoptr(GPtrArray) inspections = NULL;
  g_autofree char *file_uid = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (PAR_IS_DATABASE (db), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (!par_database_refuse_output (db, path, error))
    return FALSE;
  file_uid = get_file_uid (db, error);
  if (file_uid == NULL)
    return FALSE;
  inspections = par_inspections_list (db, year, error);
  if (inspections == NULL)
    return FALSE;
  text = make_calendar (inspections, file_uid);
  return write_file (path, text, error);
}
