/* test-inspections.c: inspections: teams, clash lines and their order, free days, findings, recommendations, migration
 *
 * The holidays these tests name are the fixed-date days of the Labour Code
 * (1 January, 30 April, 1 May, 2 September and its neighbour), the same
 * under every holiday table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib/gstdio.h>

#include "par-core.h"
#include "test-fixture.h"
#include "test-util.h"

typedef TestFixture Fixture;

static GDate
day (const char *text)
{
  GDate date;

  g_assert_true (par_plan_parse_date (text, &date));
  return date;
}

static gint64
add_staff (Fixture    *f,
           gint64      unit_id,
           const char *name)
{
  g_autoptr(GError) error = NULL;
  gint64 id = par_directory_add_staff_contact (f->db, unit_id, name, "Chuyên viên", PAR_STAFF_ROLE_STAFF,
                                               NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

/* A spec of @unit_id from @first to @last with @team, "L:3,M:4" (L
 * leader, D deputy, M member, S secretary); @seats holds the seats. */
static ParInspectionSpec
spec_of (gint64       unit_id,
         const char  *first,
         const char  *last,
         const char  *team,
         GArray      *seats)
{
  ParInspectionSpec spec = { 0 };
  g_auto(GStrv) items = g_strsplit (team, ",", -1);

  for (guint i = 0; items[i] != NULL && *items[i] != '\0'; i++)
    {
      ParTeamSeat seat;

      seat.role = items[i][0] == 'L' ? PAR_TEAM_ROLE_LEADER : items[i][0] == 'D' ? PAR_TEAM_ROLE_DEPUTY
                  : items[i][0] == 'M' ? PAR_TEAM_ROLE_MEMBER : PAR_TEAM_ROLE_SECRETARY;
      seat.staff_id = g_ascii_strtoll (items[i] + 2, NULL, 10);
      g_array_append_val (seats, seat);
    }
  spec.unit_id = unit_id;
  spec.first = day (first);
  spec.last = day (last);
  spec.title = "Kiểm tra công tác CCHC";
  spec.team = (const ParTeamSeat *) (gpointer) seats->data;
  spec.n_team = seats->len;
  return spec;
}

/* Adds an inspection that must have no clash, or any with @force. */
static gint64
add_inspection (Fixture    *f,
                gint64      unit_id,
                const char *first,
                const char *last,
                const char *team,
                gboolean    force)
{
  g_autoptr(GArray) seats = g_array_new (FALSE, FALSE, sizeof (ParTeamSeat));
  ParInspectionSpec spec = spec_of (unit_id, first, last, team, seats);
  g_autoptr(GPtrArray) clashes = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = par_inspections_add (f->db, &spec, force, &clashes, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  if (!force)
    g_assert_cmpuint (clashes->len, ==, 0);
  return id;
}

/* The clash lines of a new inspection, joined by ";". */
static char *
clashes_of (Fixture    *f,
            gint64      unit_id,
            const char *first,
            const char *last,
            const char *team)
{
  g_autoptr(GArray) seats = g_array_new (FALSE, FALSE, sizeof (ParTeamSeat));
  ParInspectionSpec spec = spec_of (unit_id, first, last, team, seats);
  g_autoptr(GPtrArray) clashes = NULL;
  g_autoptr(GError) error = NULL;
  GString *lines = g_string_new (NULL);

  clashes = par_inspections_check (f->db, &spec, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < clashes->len; i++)
    {
      g_autofree char *line = par_clash_to_line (g_ptr_array_index (clashes, i));

      g_string_append_printf (lines, "%s;", line);
    }
  return g_string_free (lines, FALSE);
}

static char *
free_slots_of (Fixture      *f,
               gint64        unit_id,
               const gint64 *team,
               guint         n_team,
               guint         n_days,
               const char   *after,
               guint         count)
{
  GDate after_date = day (after);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) runs = par_inspections_free_slots (f->db, unit_id, team, n_team, n_days, &after_date, count,
                                                       &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < runs->len; i++)
    {
      ParDayRun *run = &g_array_index (runs, ParDayRun, i);
      g_autofree char *first = par_plan_format_date (&run->first);
      g_autofree char *last = par_plan_format_date (&run->last);

      g_string_append_printf (text, "%s..%s;", first, last);
    }
  return g_string_free (text, FALSE);
}

static void
test_words (void)
{
  gboolean vi = g_strcmp0 (g_getenv ("LANGUAGE"), "vi") == 0;
  const char *keys[] = { "open", "overdue", "done", "done-late" };
  const char *en[] = { "Open", "Overdue", "Done", "Done late" };
  const char *vi_labels[] = { "Chưa hoàn thành", "Quá hạn", "Hoàn thành đúng hạn", "Hoàn thành chậm" };
  ParRecommendationStatus status;
  ParTeamRole role;

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      g_assert_cmpstr (par_recommendation_status_to_string (i), ==, keys[i]);
      g_assert_true (par_recommendation_status_from_string (keys[i], &status));
      g_assert_cmpint (status, ==, i);
      g_assert_cmpstr (par_recommendation_status_get_label (i), ==, vi ? vi_labels[i] : en[i]);
    }
  g_assert_false (par_recommendation_status_from_string ("closed", &status));
  g_assert_true (par_team_role_from_string ("secretary", &role));
  g_assert_cmpint (role, ==, PAR_TEAM_ROLE_SECRETARY);
  g_assert_false (par_team_role_from_string ("chair", &role));
  g_assert_cmpstr (par_team_role_get_label (PAR_TEAM_ROLE_LEADER), ==, vi ? "Trưởng đoàn" : "Team leader");
}

/* docs/cli.md: the rules of tasks with the deadline as the last day. */
static void
test_recommendation_status (void)
{
  GDate deadline = day ("2026-04-30"), cleared, closed, as_of;

  g_date_clear (&cleared, 1);
  as_of = day ("2026-04-30");
  g_assert_cmpint (par_recommendation_status_as_of (&deadline, &cleared, &as_of), ==, PAR_RECOMMENDATION_OPEN);
  as_of = day ("2026-05-01");
  g_assert_cmpint (par_recommendation_status_as_of (&deadline, &cleared, &as_of), ==, PAR_RECOMMENDATION_OVERDUE);
  closed = day ("2026-04-30");
  g_assert_cmpint (par_recommendation_status_as_of (&deadline, &closed, &as_of), ==, PAR_RECOMMENDATION_DONE);
  closed = day ("2026-05-05");
  as_of = day ("2026-05-04");
  g_assert_cmpint (par_recommendation_status_as_of (&deadline, &closed, &as_of), ==, PAR_RECOMMENDATION_OVERDUE);
  as_of = day ("2026-05-05");
  g_assert_cmpint (par_recommendation_status_as_of (&deadline, &closed, &as_of), ==, PAR_RECOMMENDATION_DONE_LATE);
  /* Closed early, looked at before the closing: still open. */
  closed = day ("2026-04-20");
  as_of = day ("2026-04-10");
  g_assert_cmpint (par_recommendation_status_as_of (&deadline, &closed, &as_of), ==, PAR_RECOMMENDATION_OPEN);
}

/* The first and last shared days, on the edges; a member busy in two others. */
static void
test_busy_clashes (Fixture       *f,
                   gconstpointer  data)
{
  gint64 stp = test_fixture_add_unit (f, "STP", "Sở Tư pháp", 0);
  gint64 syt = test_fixture_add_unit (f, "SYT", "Sở Y tế", 0);
  gint64 stc = test_fixture_add_unit (f, "STC", "Sở Tài chính", 0);
  gint64 a = add_staff (f, stp, "Lê Quang Minh"), b = add_staff (f, stp, "Võ Thị Mai");
  gint64 c = add_staff (f, syt, "Phan Văn Long");
  gint64 i1, i2;
  g_autofree char *team = NULL;
  g_autofree char *want = NULL;
  g_autofree char *got = NULL;

  /* Mon 9 – Wed 11 March 2026, then Wed 11 – Thu 12 */
  i1 = add_inspection (f, stp, "2026-03-09", "2026-03-11", team = g_strdup_printf ("L:%" G_GINT64_FORMAT ",M:%"
                       G_GINT64_FORMAT, a, b), FALSE);
  g_clear_pointer (&team, g_free);
  i2 = add_inspection (f, syt, "2026-03-12", "2026-03-13", team = g_strdup_printf ("L:%" G_GINT64_FORMAT ",D:%"
                       G_GINT64_FORMAT, c, b), FALSE);
  g_clear_pointer (&team, g_free);

  /* Sharing exactly the last day of i1 and the first of i2. */
  team = g_strdup_printf ("L:%" G_GINT64_FORMAT ",S:%" G_GINT64_FORMAT, c, b);
  got = clashes_of (f, stc, "2026-03-11", "2026-03-12", team);
  want = g_strdup_printf ("member-busy\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t2026-03-11\t2026-03-11;"
                          "member-busy\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t2026-03-12\t2026-03-12;"
                          "member-busy\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t2026-03-12\t2026-03-12;",
                          b, i1, b, i2, c, i2);
  if (b > c)
    {
      g_free (want);
      want = g_strdup_printf ("member-busy\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t2026-03-12\t2026-03-12;"
                              "member-busy\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t2026-03-11\t2026-03-11;"
                              "member-busy\t%" G_GINT64_FORMAT "\t%" G_GINT64_FORMAT "\t2026-03-12\t2026-03-12;",
                              c, i2, b, i1, b, i2);
    }
  g_assert_cmpstr (got, ==, want);
  g_clear_pointer (&got, g_free);
  g_clear_pointer (&want, g_free);

  /* The unit's own first day, and a day before it: one unit-busy line, the shared day. */
  got = clashes_of (f, stp, "2026-03-06", "2026-03-09", "");
  want = g_strdup_printf ("no-leader;unit-busy\tSTP\t%" G_GINT64_FORMAT "\t2026-03-09\t2026-03-09;"
                          "weekend\t2026-03-07;weekend\t2026-03-08;", i1);
  g_assert_cmpstr (got, ==, want);
  g_clear_pointer (&got, g_free);

  /* The day after the last: nothing. */
  got = clashes_of (f, stp, "2026-03-16", "2026-03-16", team);
  g_assert_cmpstr (got, ==, "");
  g_clear_pointer (&got, g_free);

  /* Cancelled: ignored. */
  g_assert_true (par_inspections_cancel (f->db, i1, NULL));
  got = clashes_of (f, stp, "2026-03-09", "2026-03-09", team);
  g_assert_cmpstr (got, ==, "");
}

/* Holidays and weekends: one line a day, holidays first; a holiday on a weekend is a holiday line. */
static void
test_calendar_clashes (Fixture       *f,
                       gconstpointer  data)
{
  gint64 stp = test_fixture_add_unit (f, "STP", "Sở Tư pháp", 0);
  gint64 a = add_staff (f, stp, "Lê Quang Minh");
  g_autofree char *team = g_strdup_printf ("L:%" G_GINT64_FORMAT, a);
  g_autofree char *got = NULL;
  g_auto(GStrv) lines = NULL;

  /* Thu 30 April – Mon 4 May 2026: 30/4 and 1/5 holidays, then the weekend. */
  got = clashes_of (f, stp, "2026-04-30", "2026-05-04", team);
  lines = g_strsplit (got, ";", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 5);
  g_assert_true (g_str_has_prefix (lines[0], "holiday\t2026-04-30\t"));
  g_assert_true (g_str_has_prefix (lines[1], "holiday\t2026-05-01\t"));
  g_assert_cmpstr (lines[2], ==, "weekend\t2026-05-02");
  g_assert_cmpstr (lines[3], ==, "weekend\t2026-05-03");
  g_clear_pointer (&got, g_free);
  g_clear_pointer (&lines, g_strfreev);

  /* 1 May 2027 is a Saturday: a holiday line, not a weekend one. */
  got = clashes_of (f, stp, "2027-05-01", "2027-05-02", team);
  lines = g_strsplit (got, ";", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_true (g_str_has_prefix (lines[0], "holiday\t2027-05-01\t"));
  g_assert_cmpstr (lines[1], ==, "weekend\t2027-05-02");
  g_clear_pointer (&got, g_free);
  g_clear_pointer (&lines, g_strfreev);

  /* New Year's Day across two years, and the National Day's two days (Wed 2/9/2026: 1 and 2 September). */
  got = clashes_of (f, stp, "2025-12-31", "2026-01-01", team);
  g_assert_true (g_str_has_prefix (got, "holiday\t2026-01-01\t"));
  g_assert_null (strchr (strchr (got, ';') + 1, ';'));
  g_clear_pointer (&got, g_free);
  got = clashes_of (f, stp, "2026-08-31", "2026-09-03", team);
  lines = g_strsplit (got, ";", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_true (g_str_has_prefix (lines[0], "holiday\t2026-09-01\t"));
  g_assert_true (g_str_has_prefix (lines[1], "holiday\t2026-09-02\t"));
}

/* Adding: refused with clashes and nothing saved; forced; the team's rules. */
static void
test_add_and_refusals (Fixture       *f,
                       gconstpointer  data)
{
  gint64 stp = test_fixture_add_unit (f, "STP", "Sở Tư pháp", 0);
  gint64 a = add_staff (f, stp, "Lê Quang Minh"), b = add_staff (f, stp, "Võ Thị Mai");
  g_autoptr(GArray) seats = g_array_new (FALSE, FALSE, sizeof (ParTeamSeat));
  g_autoptr(GPtrArray) clashes = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(ParInspection) inspection = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *team = g_strdup_printf ("M:%" G_GINT64_FORMAT ",L:%" G_GINT64_FORMAT ",M:%" G_GINT64_FORMAT,
                                           b, a, (gint64) 999);
  ParInspectionSpec spec = spec_of (stp, "2026-03-14", "2026-03-14", team, seats);
  gint64 id;

  /* An unknown person. */
  g_assert_cmpint (par_inspections_add (f->db, &spec, TRUE, &clashes, &error), ==, 0);
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* One person twice. */
  g_array_index (seats, ParTeamSeat, 2).staff_id = b;
  g_assert_cmpint (par_inspections_add (f->db, &spec, TRUE, &clashes, &error), ==, 0);
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_REFUSED);
  g_clear_error (&error);
  g_array_set_size (seats, 2);
  spec.n_team = 2;
  /* A Saturday: refused, the clash told, nothing saved. */
  g_assert_cmpint (par_inspections_add (f->db, &spec, FALSE, &clashes, &error), ==, 0);
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_cmpuint (clashes->len, ==, 1);
  g_clear_pointer (&clashes, g_ptr_array_unref);
  list = par_inspections_list (f->db, 0, &error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);
  /* The last day before the first. */
  spec.last = day ("2026-03-13");
  g_assert_cmpint (par_inspections_add (f->db, &spec, TRUE, &clashes, &error), ==, 0);
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  /* Forced: saved, with its clash, the team in role order. */
  spec.last = spec.first;
  spec.scope = "Chỉ đạo, điều hành";
  id = par_inspections_add (f->db, &spec, TRUE, &clashes, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpuint (clashes->len, ==, 1);
  inspection = par_inspections_get (f->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (inspection->unit_code, ==, "STP");
  g_assert_cmpstr (inspection->scope, ==, "Chỉ đạo, điều hành");
  g_assert_cmpuint (inspection->team->len, ==, 2);
  g_assert_cmpint (((ParTeamMember *) g_ptr_array_index (inspection->team, 0))->staff_id, ==, a);
  g_assert_cmpint (((ParTeamMember *) g_ptr_array_index (inspection->team, 1))->role, ==, PAR_TEAM_ROLE_MEMBER);
  g_assert_true (par_inspection_has_leader (inspection));
  g_clear_pointer (&clashes, g_ptr_array_unref);
  clashes = par_inspections_clashes (f->db, id, &error);
  g_assert_cmpuint (clashes->len, ==, 1);
  /* Cancelled twice: refused the second time. */
  g_assert_true (par_inspections_cancel (f->db, id, &error));
  g_assert_false (par_inspections_cancel (f->db, id, &error));
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_null (par_inspections_get (f->db, id + 1, &error));
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND);
}

/* An edit changes the days and the team, checked against every other
 * inspection but itself; refused with clashes unless forced. */
static void
test_update (Fixture       *f,
             gconstpointer  data)
{
  gint64 stp = test_fixture_add_unit (f, "STP", "Sở Tư pháp", 0);
  gint64 syt = test_fixture_add_unit (f, "SYT", "Sở Y tế", 0);
  gint64 a = add_staff (f, stp, "Lê Quang Minh"), b = add_staff (f, syt, "Phan Văn Long");
  g_autofree char *lead_a = g_strdup_printf ("L:%" G_GINT64_FORMAT, a);
  g_autofree char *lead_b = g_strdup_printf ("L:%" G_GINT64_FORMAT ",M:%" G_GINT64_FORMAT, b, a);
  gint64 id = add_inspection (f, stp, "2026-03-10", "2026-03-11", lead_a, FALSE);
  gint64 other = add_inspection (f, syt, "2026-03-16", "2026-03-16", lead_a, FALSE);
  g_autoptr(GArray) seats = g_array_new (FALSE, FALSE, sizeof (ParTeamSeat));
  ParInspectionSpec spec = spec_of (stp, "2026-03-11", "2026-03-12", lead_b, seats);
  g_autoptr(GPtrArray) clashes = NULL;
  g_autoptr(ParInspection) inspection = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) runs = NULL;
  GDate after = day ("2026-03-09");
  gint64 team[] = { a };

  /* Overlapping its own old days is no clash. */
  spec.scope = "Một cửa";
  g_assert_true (par_inspections_update (f->db, id, &spec, FALSE, &clashes, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (clashes->len, ==, 0);
  g_clear_pointer (&clashes, g_ptr_array_unref);
  inspection = par_inspections_get (f->db, id, &error);
  g_assert_cmpstr (inspection->scope, ==, "Một cửa");
  g_assert_cmpuint (inspection->team->len, ==, 2);
  g_assert_cmpint (((ParTeamMember *) g_ptr_array_index (inspection->team, 0))->staff_id, ==, b);
  g_assert_cmpint (g_date_get_day (&inspection->last), ==, 12);
  /* Onto the other one's day: refused, then forced. */
  spec.first = spec.last = day ("2026-03-16");
  g_assert_false (par_inspections_update (f->db, id, &spec, FALSE, &clashes, &error));
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_REFUSED);
  g_clear_error (&error);
  g_assert_cmpuint (clashes->len, ==, 1);
  g_assert_cmpint (((ParClash *) g_ptr_array_index (clashes, 0))->other_id, ==, other);
  g_clear_pointer (&clashes, g_ptr_array_unref);
  g_clear_pointer (&inspection, par_inspection_free);
  inspection = par_inspections_get (f->db, id, &error);
  g_assert_cmpint (g_date_get_day (&inspection->first), ==, 11);
  g_assert_true (par_inspections_update (f->db, id, &spec, TRUE, NULL, &error));
  g_assert_no_error (error);
  g_assert_false (par_inspections_update (f->db, id + 100, &spec, TRUE, NULL, &error));
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  /* The free days of a member, the inspection being moved left out. */
  runs = par_inspections_free_slots_except (f->db, id, stp, team, 1, 1, &after, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (runs->len, ==, 1);
  g_assert_cmpint (g_date_get_day (&g_array_index (runs, ParDayRun, 0).first), ==, 10);
}

/* Free runs skip weekends, holidays and busy days; they overlap; 366 days at most. */
static void
test_free_slots (Fixture       *f,
                 gconstpointer  data)
{
  gint64 stp = test_fixture_add_unit (f, "STP", "Sở Tư pháp", 0);
  gint64 syt = test_fixture_add_unit (f, "SYT", "Sở Y tế", 0);
  gint64 a = add_staff (f, stp, "Lê Quang Minh"), b = add_staff (f, syt, "Phan Văn Long");
  gint64 team[] = { a, b };
  g_autofree char *lead_a = g_strdup_printf ("L:%" G_GINT64_FORMAT, a);
  g_autofree char *lead_b = g_strdup_printf ("L:%" G_GINT64_FORMAT, b);
  g_autofree char *got = NULL;
  gint64 busy;

  /* Tue 28 April 2026 on: 30/4, 1/5 and the weekend skipped; runs overlap. */
  got = free_slots_of (f, stp, team, 2, 2, "2026-04-27", 3);
  g_assert_cmpstr (got, ==, "2026-04-28..2026-04-29;2026-05-04..2026-05-05;2026-05-05..2026-05-06;");
  g_clear_pointer (&got, g_free);
  /* A member busy on 5 May; the unit itself on 7 May (someone else's inspection). */
  busy = add_inspection (f, syt, "2026-05-05", "2026-05-05", lead_b, FALSE);
  add_inspection (f, stp, "2026-05-07", "2026-05-07", lead_a, FALSE);
  got = free_slots_of (f, stp, team, 1, 1, "2026-05-03", 4);
  g_assert_cmpstr (got, ==, "2026-05-04..2026-05-04;2026-05-05..2026-05-05;2026-05-06..2026-05-06;"
                            "2026-05-08..2026-05-08;");
  g_clear_pointer (&got, g_free);
  got = free_slots_of (f, stp, team, 2, 1, "2026-05-03", 3);
  g_assert_cmpstr (got, ==, "2026-05-04..2026-05-04;2026-05-06..2026-05-06;2026-05-08..2026-05-08;");
  g_clear_pointer (&got, g_free);
  /* Cancelled: its day is free again. */
  g_assert_true (par_inspections_cancel (f->db, busy, NULL));
  got = free_slots_of (f, stp, team, 2, 1, "2026-05-04", 1);
  g_assert_cmpstr (got, ==, "2026-05-05..2026-05-05;");
  g_clear_pointer (&got, g_free);
  /* Six working days in a row never exist. */
  got = free_slots_of (f, syt, &b, 1, 6, "2026-01-01", 5);
  g_assert_cmpstr (got, ==, "");
  g_clear_pointer (&got, g_free);
  /* From Sun 4 Jan 2026 the last start day is the 366th after it, Tue 5 Jan 2027; Wed 6 Jan is not
   * looked at, but a run that starts on the 5th may end on it. */
  got = free_slots_of (f, syt, &b, 1, 1, "2026-01-04", 1000);
  g_assert_true (g_str_has_prefix (got, "2026-01-05..2026-01-05;2026-01-06..2026-01-06;"));
  g_assert_true (g_str_has_suffix (got, ";2026-12-31..2026-12-31;2027-01-04..2027-01-04;2027-01-05..2027-01-05;"));
  g_clear_pointer (&got, g_free);
  got = free_slots_of (f, syt, &b, 1, 2, "2026-01-04", 1000);
  g_assert_true (g_str_has_suffix (got, ";2027-01-04..2027-01-05;2027-01-05..2027-01-06;"));
}

static void
test_follow_up (Fixture       *f,
                gconstpointer  data)
{
  gint64 stp = test_fixture_add_unit (f, "STP", "Sở Tư pháp", 0);
  gint64 a = add_staff (f, stp, "Lê Quang Minh");
  g_autofree char *team = g_strdup_printf ("L:%" G_GINT64_FORMAT, a);
  gint64 i1 = add_inspection (f, stp, "2026-03-10", "2026-03-11", team, FALSE);
  gint64 i2 = add_inspection (f, stp, "2026-03-12", "2026-03-12", team, FALSE);
  g_autoptr(GPtrArray) findings = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  GDate deadline = day ("2026-04-30"), closed = day ("2026-05-05"), as_of = day ("2026-05-05");
  ParRecommendation *r;
  gint64 finding, rec;

  finding = par_findings_add (f->db, i1, " Chưa ban hành kế hoạch ", "1.3.2", &error);
  g_assert_no_error (error);
  g_assert_cmpint (par_findings_add (f->db, i1, "  ", NULL, &error), ==, 0);
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (par_findings_add (f->db, 999, "x", NULL, &error), ==, 0);
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  findings = par_findings_list (f->db, i1, &error);
  g_assert_cmpuint (findings->len, ==, 1);
  g_assert_cmpstr (((ParFinding *) g_ptr_array_index (findings, 0))->text, ==, "Chưa ban hành kế hoạch");
  g_assert_cmpstr (((ParFinding *) g_ptr_array_index (findings, 0))->criterion, ==, "1.3.2");

  /* A finding of another inspection is refused. */
  g_assert_cmpint (par_recommendations_add (f->db, i2, "x", stp, &deadline, finding, &error), ==, 0);
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_REFUSED);
  g_clear_error (&error);
  rec = par_recommendations_add (f->db, i1, "Ban hành kế hoạch", stp, &deadline, finding, &error);
  g_assert_no_error (error);
  g_assert_true (par_recommendations_close (f->db, rec, &closed, "Đã ban hành", &error));
  g_assert_false (par_recommendations_close (f->db, rec, &closed, NULL, &error));
  g_assert_error (error, PAR_DATABASE_ERROR, PAR_DATABASE_ERROR_REFUSED);
  g_clear_error (&error);
  list = par_recommendations_list (f->db, i1, 0, &error);
  g_assert_cmpuint (list->len, ==, 1);
  r = g_ptr_array_index (list, 0);
  g_assert_cmpint (r->finding_id, ==, finding);
  g_assert_cmpstr (r->unit_code, ==, "STP");
  g_assert_cmpstr (r->follow_up, ==, "Đã ban hành");
  g_assert_cmpint (par_recommendation_get_status (r, &as_of), ==, PAR_RECOMMENDATION_DONE_LATE);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = par_recommendations_list (f->db, i2, 0, &error);
  g_assert_cmpuint (list->len, ==, 0);
}

/* A file of version 4 with an inspection: migrated, its team in order, a uid of its own. */
static void
test_migrate_from_v4 (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *old = g_build_filename (f->dir, "old.pardesk", NULL);
  g_autoptr(ParDatabase) db = NULL;
  g_autoptr(ParInspection) inspection = NULL;
  g_autoptr(GError) error = NULL;

  test_fixture_make_old_file (old, 4);
  test_sqlite_exec (old, "INSERT INTO org_unit (id, code, name) VALUES (1, 'STP', 'Sở Tư pháp');"
                         "INSERT INTO staff (id, unit_id, full_name) VALUES (1, 1, 'A'), (2, 1, 'B');"
                         "INSERT INTO inspection (id, unit_id, year, title, start_date, end_date)"
                         " VALUES (1, 1, 2026, 'Kiểm tra', '2026-03-10', '2026-03-11');"
                         "INSERT INTO inspection_member VALUES (1, 2, 'member'), (1, 1, 'leader');");
  db = par_database_open (old, PAR_DATABASE_OPEN_EXISTING, &error);
  g_assert_no_error (error);
  g_assert_cmpint (par_database_get_schema_version (db), ==, PAR_SCHEMA_VERSION);
  g_assert_nonnull (par_database_get_backup_path (db));
  inspection = par_inspections_get (db, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (inspection->team->len, ==, 2);
  g_assert_cmpint (((ParTeamMember *) g_ptr_array_index (inspection->team, 0))->role, ==, PAR_TEAM_ROLE_LEADER);
  g_assert_cmpint (test_sqlite_int (old, "SELECT length (value) FROM meta WHERE key = 'file-uid'"), ==, 32);
  g_assert_cmpint (test_sqlite_int (f->path, "SELECT length (value) FROM meta WHERE key = 'file-uid'"), ==, 32);
  g_assert_cmpint (test_sqlite_int (old, "SELECT (SELECT value FROM meta WHERE key = 'file-uid') <> '"
                                         "00000000000000000000000000000000'"), ==, 1);
  g_assert_true (par_database_check (db, &error));
  g_assert_no_error (error);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  par_i18n_init ();

  g_test_add_func ("/inspections/words", test_words);
  g_test_add_func ("/inspections/recommendation-status", test_recommendation_status);
  g_test_add ("/inspections/busy-clashes", Fixture, NULL, test_fixture_set_up, test_busy_clashes,
              test_fixture_tear_down);
  g_test_add ("/inspections/calendar-clashes", Fixture, NULL, test_fixture_set_up, test_calendar_clashes,
              test_fixture_tear_down);
  g_test_add ("/inspections/add-and-refusals", Fixture, NULL, test_fixture_set_up, test_add_and_refusals,
              test_fixture_tear_down);
  g_test_add ("/inspections/update", Fixture, NULL, test_fixture_set_up, test_update, test_fixture_tear_down);
  g_test_add ("/inspections/free-slots", Fixture, NULL, test_fixture_set_up, test_free_slots,
              test_fixture_tear_down);
  g_test_add ("/inspections/follow-up", Fixture, NULL, test_fixture_set_up, test_follow_up,
              test_fixture_tear_down);
  g_test_add ("/inspections/migrate-from-v4", Fixture, NULL, test_fixture_set_up, test_migrate_from_v4,
              test_fixture_tear_down);
  return g_test_run ();
}
